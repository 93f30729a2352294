from pathlib import Path

from sqlalchemy import text, update

from models.reads.checks import run_checks
from models.services.arrivals import register_arrival
from models.services.observations import record_reading
from models.services.stays import transfer
from models.store.orm import DepartureKind, Room, RoomState, Slot, Stay
from tests.conftest import NOW
from tests.helpers import free_rooms, run_app

ROOT = Path(__file__).resolve().parents[1]


def test_clean_site_has_no_problems(engine, session, site, desk, make_arrival):
    for room in free_rooms(session, 3):
        register_arrival(session, desk, make_arrival(), room.id, now=NOW)
    assert run_checks(engine) == []


def test_broken_invariants_are_each_reported(engine, session, site, desk, make_arrival):
    rooms = free_rooms(session, 5)
    stays = [register_arrival(session, desk, make_arrival(), r.id, now=NOW) for r in rooms[:4]]
    fever = record_reading(session, desk, stays[3].id, NOW.date(), Slot.MORNING, temperature=38.5)
    assert fever.alert_opened is not None
    # damage the data behind the services' back, as a buggy tool or a hand edit would
    session.execute(update(Room).where(Room.id == rooms[4].id).values(state=RoomState.OCCUPIED))
    session.execute(update(Room).where(Room.id == rooms[0].id).values(state=RoomState.AWAITING_DISINFECTION))
    session.execute(update(Stay).where(Stay.id == stays[1].id).values(bed=2, room_id=rooms[2].id))
    session.execute(
        text("UPDATE stay SET departed_at = arrived_at, departure_kind = 'other' WHERE id = :i"), {"i": stays[3].id}
    )
    session.commit()
    problems = run_checks(engine)
    expected = [
        f"room {rooms[0].number} (#{rooms[0].id}): 1 present but state is awaiting_disinfection",
        f"room {rooms[1].number} (#{rooms[1].id}): marked occupied but nobody present",
        f"room {rooms[2].number} (#{rooms[2].id}): 2 people for 1 beds",
        f"room {rooms[3].number} (#{rooms[3].id}): marked occupied but nobody present",
        f"room {rooms[4].number} (#{rooms[4].id}): marked occupied but nobody present",
        f"fever alert #{fever.alert_opened.id}: open for departed stay #{stays[3].id}",
    ]
    for line in expected:
        assert any(p.startswith(line) for p in problems), line
    assert len(problems) == len(expected)


def test_departure_through_services_keeps_invariants(engine, session, site, desk, make_arrival):
    stay = register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    record_reading(session, desk, stay.id, NOW.date(), Slot.MORNING, temperature=39.0)
    transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW)
    assert run_checks(engine) == []


def test_cli_help_lists_commands():
    out = run_app("--help")
    assert out.returncode == 0
    for command in ("demo", "check"):
        assert command in out.stdout
    assert "--db" in run_app("check", "--help").stdout


def test_cli_check_exit_codes(tmp_path, sqlite_template):
    good = tmp_path / "good.sqlite3"
    good.write_bytes(sqlite_template.read_bytes())
    ok = run_app("check", "--db", str(good))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout == ""
    import sqlite3

    con = sqlite3.connect(good)
    con.executescript(
        "insert into site(name,address,timezone,fever_threshold,version) values('s','','Asia/Shanghai',37.3,1);"
        "insert into building(site_id,name,sort) values(1,'A',0);"
        "insert into floor(building_id,level,name,sort) values(1,1,'1F',1);"
        "insert into room(floor_id,number,sort,room_type,beds,zone,state,version) "
        "values(1,'101',0,'single',1,'contaminated','occupied',1);"
    )
    con.close()
    bad = run_app("check", "--db", str(good))
    assert bad.returncode == 1
    assert bad.stdout.splitlines() == ["room 101 (#1): marked occupied but nobody present / 空房标为已入住"]
    missing = run_app("check", "--db", str(tmp_path / "nope.sqlite3"))
    assert missing.returncode == 1 and "no database file" in missing.stdout
    assert not (tmp_path / "nope.sqlite3").exists()
