"""The site layout editor's domain (models/services/layout.py, layout_import.py, models/reads/layout.py): buildings,
floors and rooms added, renamed and retired, each write audited; a retired room is no longer chosen or counted,
and stays in the history; a room list imported from .xlsx, previewed then applied; `app.py rooms-import`."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from models.errors import DomainError
from models.reads import board, lookups, reports, today
from models.reads.layout import layout_tree
from models.services import layout
from models.services.allocation import AllocationRequest, suggest_rooms
from models.services.arrivals import register_arrival
from models.services.layout_import import apply_room_list, read_room_list
from models.services.rooms import record_disinfection, room_history, set_out_of_service
from models.services.sites import FloorSpec, create_site, room_numbers
from models.services.stays import transfer
from models.store.db import make_engine, session_factory
from models.store.orm import (
    AuditEntry,
    Building,
    CompanionReason,
    DepartureKind,
    Floor,
    Role,
    Room,
    RoomState,
    RoomType,
    User,
)
from tests.conftest import NOW
from tests.helpers import cli_account, run_app

TODAY = NOW.date()
CLEAN = {"agent": "含氯消毒剂", "done_by": "赵师傅", "checked_by": "孙医生"}


def room(session, number: str, building: str = "A栋") -> Room:
    session.expire_all()
    return session.scalars(
        select(Room).join(Floor).join(Building).where(Room.number == number, Building.name == building)
    ).one()


def floor(session, level: int, building: str = "A栋") -> Floor:
    return session.scalars(select(Floor).join(Building).where(Floor.level == level, Building.name == building)).one()


def entries(session, action: str) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def refused(code: str, fn, *args, **kwargs) -> DomainError:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as e:
        fn(*args, **kwargs)
    assert e.value.code == code, e.value
    return e.value


# --- buildings, floors, rooms ---------------------------------------------------------------------------


def test_add_building_floor_and_room_each_write_their_audit_entry(session, site, desk):
    b = layout.add_building(session, desk, "  C栋 ")
    f = layout.add_floor(session, desk, b.id, 2)
    r = layout.add_room(session, desk, f.id, "２０１", RoomType.DOUBLE, 3, "buffer")
    assert (b.name, f.name, f.level) == ("C栋", "2F", 2)
    assert (r.number, r.room_type, r.beds, r.zone, r.state) == (
        "201",
        RoomType.DOUBLE,
        3,
        "buffer",
        RoomState.AVAILABLE,
    )
    (eb,) = entries(session, "building.add")
    (ef,) = entries(session, "floor.add")
    (er,) = entries(session, "room.add")
    assert eb.after["name"] == "C栋" and eb.user_id == desk.id
    assert ef.after["level"] == 2 and ef.after["building_id"] == b.id
    assert er.room_id == r.id and er.after["zone"] == "buffer" and er.after["beds"] == 3
    tree = {x.name: x for x in layout_tree(session)}
    assert [(fl.name, [(x.number, x.zone, x.beds) for x in fl.rooms]) for fl in tree["C栋"].floors] == [
        ("2F", [("201", "buffer", 3)])
    ]
    assert layout.add_floor(session, desk, b.id, -1).name == "B1"  # a basement


def test_renames_are_audited_and_duplicates_refused(session, site, desk):
    b = session.scalars(select(Building).where(Building.name == "B栋")).one()
    layout.rename_building(session, desk, b.id, "二号楼")
    (e,) = entries(session, "building.rename")
    assert (e.before["name"], e.after["name"]) == ("B栋", "二号楼")
    refused("layout_building_taken", layout.rename_building, session, desk, b.id, "A栋")
    refused("layout_building_taken", layout.add_building, session, desk, "A栋")
    refused("layout_name_empty", layout.add_building, session, desk, "  ")
    refused("layout_formula", layout.add_building, session, desk, "=HYPERLINK(1)")
    f = floor(session, 1)
    layout.rename_floor(session, desk, f.id, "一层")
    assert entries(session, "floor.rename")[0].after["name"] == "一层"
    refused("layout_floor_taken", layout.add_floor, session, desk, f.building_id, 1)
    refused("layout_level_range", layout.add_floor, session, desk, f.building_id, 0)
    r = room(session, "101")
    layout.update_room(session, desk, r.id, number="101A")
    (e,) = entries(session, "room.update")
    assert (e.before["number"], e.after["number"], e.room_id) == ("101", "101A", r.id)
    refused("layout_room_taken", layout.update_room, session, desk, r.id, number="102")
    refused("layout_room_taken", layout.add_room, session, desk, f.id, "102")
    refused("layout_room_number_invalid", layout.add_room, session, desk, f.id, "1 01")


def test_beds_fit_the_room_type(session, site, desk):
    f = floor(session, 1)
    refused("layout_beds_type", layout.add_room, session, desk, f.id, "111", RoomType.SINGLE, 2)
    e = refused("layout_beds_type", layout.add_room, session, desk, f.id, "111", RoomType.DOUBLE, 1)
    assert e.message("en") == "Beds of a double room: 2–6 (not 1)" and "双人间" in e.message("zh_CN")
    refused("layout_beds_type", layout.add_room, session, desk, f.id, "111", RoomType.ACCESSIBLE, 7)
    assert layout.add_room(session, desk, f.id, "111", RoomType.ACCESSIBLE, 3).beds == 3
    r = room(session, "102")
    layout.update_room(session, desk, r.id, room_type=RoomType.DOUBLE)  # a single made a double: two beds
    assert (room(session, "102").room_type, room(session, "102").beds) == (RoomType.DOUBLE, 2)
    refused("layout_zone_unknown", layout.update_room, session, desk, r.id, zone="污染区")  # a code, not a label
    refused("stale", layout.update_room, session, desk, r.id, zone="clean", expected_version=1)


def test_fewer_beds_than_the_occupants_is_refused(session, site, desk, make_arrival):
    r = room(session, "401")  # a double, two beds
    first = register_arrival(session, desk, make_arrival(), r.id)
    register_arrival(
        session, desk, make_arrival(), r.id, shares_with_stay_id=first.id, companion_reason=CompanionReason.FAMILY
    )
    refused("layout_beds_below_occupants", layout.update_room, session, desk, r.id, room_type=RoomType.SINGLE, beds=1)
    layout.update_room(session, desk, r.id, beds=3, zone="buffer")  # more beds, another zone: fine while occupied
    assert (room(session, "401").beds, room(session, "401").zone) == (3, "buffer")
    refused("layout_retire_occupied", layout.retire_room, session, desk, r.id)


# --- retiring ----------------------------------------------------------------------------------------------


def test_a_retired_room_is_no_longer_chosen_or_counted_but_keeps_its_history(session, site, desk, make_arrival):
    r = room(session, "101")
    stay = register_arrival(session, desk, make_arrival(arrived_at=NOW - timedelta(days=3)), r.id)
    refused("layout_retire_occupied", layout.retire_room, session, desk, r.id)
    transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW - timedelta(days=2))
    e = refused("layout_retire_dirty", layout.retire_room, session, desk, r.id)
    assert "消毒" in e.message("zh_CN") and "disinfected" in e.message("en")
    record_disinfection(session, desk, r.id, **CLEAN, at=NOW - timedelta(days=2, hours=-2))
    rooms_before = reports.daily_report(session, TODAY).rooms_total
    layout.retire_room(session, desk, r.id)
    (entry,) = entries(session, "room.retire")
    assert entry.room_id == r.id and entry.after["retired_on"] == TODAY.isoformat()
    assert room(session, "101").retired_on == TODAY
    # gone where a room is chosen or counted
    assert "101" not in {x.number for x in board.board_rooms(session, TODAY) if x.building == "A栋"}
    assert r.id not in {x.id for x in lookups.free_rooms(session)}
    plan = suggest_rooms(session, [AllocationRequest(key=i) for i in range(40)])
    assert r.id not in {s.room_id for s in plan}
    refused("room_retired", register_arrival, session, desk, make_arrival(), r.id)
    dash = today.dashboard(session, NOW)
    line = next(x for x in dash.floors if x.floor_id == r.floor_id)
    assert line.rooms == 9 and line.available == 9
    assert reports.daily_report(session, TODAY).rooms_total == rooms_before - 1
    assert reports.daily_report(session, TODAY - timedelta(days=1)).rooms_total == rooms_before  # it was a room then
    sheet = next(f for f in reports.sheet_floors(session, TODAY) if f.floor_id == r.floor_id)
    assert "101" not in [n for n, _ in sheet.empty_rooms]
    # still in the history and the trail
    assert room_history(session, r.id)
    assert {e.action for e in session.scalars(select(AuditEntry).where(AuditEntry.room_id == r.id))} >= {
        "stay.check_in",
        "room.retire",
    }
    refused("room_retired", set_out_of_service, session, desk, r.id, "漏水", TODAY)  # nothing done to it any more
    from models.services.stays import undo_departure_check

    assert undo_departure_check(session, stay.id, NOW - timedelta(days=1)).code == "room_retired"  # not back in it
    refused("layout_room_is_retired", layout.update_room, session, desk, r.id, zone="clean")
    refused("layout_already_retired", layout.retire_room, session, desk, r.id)
    refused("layout_room_has_history", layout.delete_room, session, desk, r.id)
    refused("layout_room_retired_number", layout.add_room, session, desk, r.floor_id, "101")
    tree = {b.name: b for b in layout_tree(session)}
    assert any(x.number == "101" and x.retired and x.used for x in tree["A栋"].rooms())
    assert not any(x.number == "101" for x in layout_tree(session, retired=False)[0].rooms())


def test_retiring_a_room_out_of_service_ends_that_period(session, site, desk):
    r = room(session, "102")
    set_out_of_service(session, desk, r.id, "漏水", TODAY - timedelta(days=1))
    layout.retire_room(session, desk, r.id)
    r = room(session, "102")
    assert (r.state, r.oos_reason, r.retired_on) == (RoomState.AVAILABLE, None, TODAY)
    report = reports.daily_report(session, TODAY)
    assert report.out_of_service == 0 and report.available == report.rooms_total


def test_retiring_a_floor_or_building_retires_its_rooms_and_waits_for_the_busy_ones(session, site, desk, make_arrival):
    f = floor(session, 2, "B栋")
    stay = register_arrival(session, desk, make_arrival(), room(session, "203", "B栋").id)
    e = refused("layout_retire_busy", layout.retire_floor, session, desk, f.id)
    assert "203" in e.message("zh_CN") and "203" in e.message("en")
    refused("layout_retire_busy", layout.retire_building, session, desk, f.building_id)
    assert entries(session, "room.retire") == []  # nothing half done
    transfer(session, desk, stay.id, DepartureKind.TO_OTHER_SITE, "另一隔离点", now=NOW + timedelta(hours=1))
    record_disinfection(session, desk, room(session, "203", "B栋").id, **CLEAN, at=NOW + timedelta(hours=2))
    assert layout.retire_building(session, desk, f.building_id) == [f"{lvl}0{i}" for lvl in (1, 2) for i in range(1, 6)]
    assert len(entries(session, "room.retire")) == 10
    assert len(entries(session, "floor.retire")) == 2 and len(entries(session, "building.retire")) == 1
    assert all(x.building != "B栋" for x in board.board_rooms(session, TODAY))
    refused("layout_add_to_retired", layout.add_floor, session, desk, f.building_id, 3)
    refused("layout_add_to_retired", layout.add_room, session, desk, f.id, "299")
    refused("layout_building_retired", layout.add_building, session, desk, "B栋")


def test_a_room_never_used_may_be_deleted(session, site, desk):
    r = layout.add_room(session, desk, floor(session, 1).id, "120")
    assert layout.delete_room(session, desk, r.id) == "120"
    (e,) = entries(session, "room.delete")
    assert e.before["number"] == "120" and e.after["number"] is None
    assert session.scalar(select(Room).where(Room.number == "120")) is None


def test_another_role_may_not_change_the_layout(session, site):
    clerk = User(username="clerk", role=Role.DESK)
    session.add(clerk)
    session.commit()
    refused("forbidden", layout.add_building, session, clerk, "C栋")
    refused("forbidden", layout.retire_room, session, clerk, room(session, "101").id)


# --- the room list ------------------------------------------------------------------------------------------


def xlsx(path, rows):
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


ROOM_LIST = [
    ["东湖隔离点房间表"],  # a title above the header
    ["楼栋", "楼层", "房间号", "房型", "床位数", "区域"],
    ["A栋", 1, "101", "单人间", 1, "缓冲区"],  # known: zone changed
    ["A栋", "3F", 301, "single", None, None],  # known, the same
    ["C栋", "2层", "201", "双人间", 2, "清洁区"],  # new building and floor
    ["C栋", 2, "202", "无障碍间", None, "潜在污染区"],
    ["C栋", 2, "203", "豪华间", 1, None],  # unknown type
    ["C栋", 2, "204", "单人间", "两张", None],  # unreadable beds
    ["C栋", 2, "205", "单人间", 2, None],  # beds do not fit
    ["A栋", 1, "101", None, None, "清洁区"],  # the same room again
    ["C栋", None, "206"],  # no floor
    [],
    ["=cmd|' /C calc'!A0", 1, "101"],  # a formula (written as one: a workbook holds no value for it)
]


def test_room_list_preview_then_apply(session, site, desk, tmp_path):
    preview = read_room_list(session, xlsx(tmp_path / "rooms.xlsx", ROOM_LIST))
    got = [(r.row, r.status) for r in preview.rows]
    assert got == [
        (3, "change"),
        (4, "same"),
        (5, "add"),
        (6, "add"),
        (7, "rejected"),
        (8, "rejected"),
        (9, "rejected"),
        (10, "rejected"),
        (11, "rejected"),
        (13, "rejected"),
    ]
    rows = {r.row: r for r in preview.rows}
    assert rows[3].changes == {"zone": ("contaminated", "buffer")}
    assert (rows[6].room_type, rows[6].beds, rows[6].zone) == (RoomType.ACCESSIBLE, 1, "buffer")
    assert rows[7].message("zh_CN") == "房型无法识别：豪华间" and rows[7].message("en") == "Unknown room type: 豪华间"
    assert rows[8].message("en") == "Unreadable number of beds: 两张"
    assert rows[9].message("en") == "Beds of a single room: 1 (not 2)"
    assert rows[10].message("zh_CN") == "与第 3 行是同一房间"
    assert rows[11].message("en") == "“Floor” is missing"
    assert rows[13].message("en") == "“Building” is missing"  # a formula: no value of its own
    assert all(len(r.messages) == 1 for r in preview.of("rejected"))  # one clear message each
    assert preview.new_buildings == ["C栋"] and preview.new_floors == [("C栋", 2)]
    assert session.scalar(select(Building).where(Building.name == "C栋")) is None  # a preview writes nothing
    assert apply_room_list(session, desk, preview) == (2, 1)
    assert room(session, "101").zone == "buffer"
    assert (room(session, "201", "C栋").room_type, room(session, "202", "C栋").zone) == (RoomType.DOUBLE, "buffer")
    actions = [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))][-5:]
    assert actions == ["room.update", "building.add", "floor.add", "room.add", "room.add"]
    again = read_room_list(session, tmp_path / "rooms.xlsx")  # the same list once more: nothing to do
    assert not again.to_write
    refused("layout_import_nothing", apply_room_list, session, desk, again)


def test_room_list_with_english_headers_and_codes(session, site, desk, tmp_path):
    path = tmp_path / "rooms.csv"
    path.write_text("Building,Floor,Room,Type,Beds,Zone\nA栋,4,401,double,3,buffer\nD,B1,B101,accessible,2,clean\n")
    preview = read_room_list(session, path)
    assert [(r.status, r.level, r.number) for r in preview.rows] == [("change", 4, "401"), ("add", -1, "B101")]
    apply_room_list(session, desk, preview)
    assert room(session, "B101", "D").floor.name == "B1" and room(session, "401").beds == 3


def test_a_room_changed_since_the_preview_refuses_the_whole_list(session, site, desk, tmp_path):
    preview = read_room_list(session, xlsx(tmp_path / "rooms.xlsx", ROOM_LIST))
    layout.update_room(session, desk, room(session, "101").id, beds=1, zone="clean")  # another desk, meanwhile
    e = refused("layout_import_row", apply_room_list, session, desk, preview)
    assert e.message("zh_CN").startswith("第 3 行：")
    assert session.scalar(select(Building).where(Building.name == "C栋")) is None  # all or nothing


def test_a_room_list_without_its_columns_or_crafted_is_refused(session, site, tmp_path):
    refused("layout_import_no_header", read_room_list, session, xlsx(tmp_path / "a.xlsx", [["姓名", "证件号码"]]))
    junk = tmp_path / "rooms.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a workbook" * 50)
    refused("import_unreadable", read_room_list, session, junk)
    wide = tmp_path / "wide.csv"
    wide.write_text("楼栋,楼层,房间号" + ",x" * 200 + "\n")
    refused("import_too_many_columns", read_room_list, session, wide)
    refused("import_format", read_room_list, session, tmp_path / "rooms.pdf")


def test_rooms_import_command_previews_applies_and_refuses_another_role(tmp_path, sqlite_template):
    db = tmp_path / "site.sqlite3"
    shutil.copy(sqlite_template, db)
    engine = make_engine(db)
    with session_factory(engine)() as s:
        setup = User(username="setup", role=Role.ADMIN)
        s.add(setup)
        s.commit()
        create_site(s, setup, "CLI site", [FloorSpec("A栋", 1, room_numbers(1, 1, 3))])
    admin, clerk = cli_account(db, "boss", "admin"), cli_account(db, "clerk", "desk")
    path = xlsx(tmp_path / "rooms.xlsx", [ROOM_LIST[1], ROOM_LIST[2], ROOM_LIST[4], ROOM_LIST[6]])
    out = run_app("rooms-import", str(path), "--db", str(db), "--lang", "en", **admin)
    assert out.returncode == 1, out.stderr  # a rejected row: the preview says so
    assert "add 1 · change 1 · same 0 · rejected 1" in out.stdout
    assert "Unknown room type: 豪华间" in out.stdout and "zone contaminated→buffer" in out.stdout
    denied = run_app("rooms-import", str(path), "--db", str(db), "--apply", **clerk)
    assert denied.returncode == 2 and len(denied.stderr.strip().splitlines()) == 1
    with session_factory(engine)() as s:
        assert s.scalar(select(Room.zone).where(Room.number == "101")) == "contaminated"  # nothing written
    done = run_app("rooms-import", str(path), "--db", str(db), "--apply", **admin)
    assert done.returncode == 0, done.stderr
    assert "added 1, changed 1" in done.stderr
    with session_factory(engine)() as s:
        assert s.scalar(select(Room.zone).where(Room.number == "101")) == "buffer"
        assert s.scalar(select(Building).where(Building.name == "C栋")) is not None
        assert {e.action for e in s.scalars(select(AuditEntry))} >= {"room.update", "room.add", "building.add"}
    engine.dispose()
