"""The room forecast (models/reads/forecast.py): the arithmetic room by room (companions, doubles, held
releases, terminal-disinfection turnaround, out-of-service returns, planned batches), the facts read from
the database as they stood at the instant, and the back-test on a small seeded site."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from models.demo.builder import build_demo
from models.reads.forecast import (
    NEVER,
    FBatch,
    FRoom,
    FStay,
    Inputs,
    backtest,
    forecast,
    gather,
    project,
)
from models.services.arrivals import register_arrival
from models.services.observations import record_reading
from models.services.planned_batches import BatchInput, add_batch, cancel_batch
from models.services.rooms import record_disinfection, set_out_of_service
from models.services.stays import change_release_date, release
from models.store.db import session_factory
from models.store.orm import PlannedBatch, Slot, Stay
from tests.conftest import NOW, TZ, local
from tests.helpers import free_rooms

AT = local(2026, 11, 23, 12)  # Monday noon: day 0 is the rest of the 23rd, day n the 23rd + n


def inputs(rooms, stays=(), awaiting=None, out=None, batches=(), turnaround=timedelta(hours=12), margin=0):
    return Inputs(
        at=AT,
        tz="Asia/Shanghai",
        buildings=((1, "A栋"), (2, "B栋")),
        rooms=tuple(rooms),
        stays=tuple(stays),
        awaiting=awaiting or {},
        out_of_service=out or {},
        batches=tuple(batches),
        turnaround=turnaround,
        release_time=time(10),
        margin=margin,
    )


def single(rid, building=1):
    return FRoom(rid, building, 1, False)


def double(rid, building=1):
    return FRoom(rid, building, 2, True)


def column(fc, name, building=None):
    return [getattr(fc.cell(i, building), name) for i in range(len(fc.days))]


def test_a_released_room_is_free_again_after_the_turnaround_on_its_day_or_the_next():
    rooms = [single(1), single(2)]
    stays = [FStay(1, 1, local(2026, 11, 25, 10)), FStay(2, 2, local(2026, 11, 25, 10))]
    quick = project(inputs(rooms, stays, turnaround=timedelta(hours=6)))
    assert [d.day for d in quick.days] == [date(2026, 11, 23) + timedelta(days=n) for n in range(8)]
    assert column(quick, "releases") == [0, 0, 2, 0, 0, 0, 0, 0]
    assert column(quick, "vacated") == [0, 0, 2, 0, 0, 0, 0, 0]
    assert column(quick, "freed") == [0, 0, 2, 0, 0, 0, 0, 0]
    assert column(quick, "in_use") == [2, 2, 0, 0, 0, 0, 0, 0]
    assert column(quick, "free") == [0, 0, 2, 2, 2, 2, 2, 2]
    slow = project(inputs(rooms, stays, turnaround=timedelta(hours=16)))  # 10:00 + 16 h: 02:00 the next day
    assert column(slow, "freed") == [0, 0, 0, 2, 0, 0, 0, 0]
    assert column(slow, "awaiting")[:4] == [0, 0, 2, 0]
    assert column(slow, "free")[:4] == [0, 0, 0, 2]


def test_the_rooms_awaiting_at_a_days_end_are_the_chances_the_measured_turnarounds_give():
    """Half the rooms measured took 6 hours, half 16: of four rooms left at 10:00, two are ready that
    evening and two the next morning, not all four (the median, 11 h) nor none."""
    rooms = [single(i) for i in range(1, 5)]
    stays = [FStay(i, i, local(2026, 11, 24, 10)) for i in range(1, 5)]
    measured = tuple(h * 3600.0 for h in (6, 6, 6, 16, 16, 16))
    facts = inputs(rooms, stays, turnaround=timedelta(hours=11))
    fc = project(Inputs(**{**facts.__dict__, "gaps": measured}))
    assert column(fc, "vacated")[:3] == [0, 4, 0]
    assert column(fc, "awaiting")[:3] == [0, 2, 0] and column(fc, "free")[:3] == [0, 2, 4]
    assert column(fc, "freed")[:3] == [0, 2, 2]
    assert column(project(facts), "free")[:3] == [0, 4, 4]  # the median alone: all four by 21:00


def test_a_room_shared_by_companions_is_freed_when_the_last_of_them_leaves():
    rooms = [double(1)]
    stays = [FStay(1, 1, local(2026, 11, 24, 10)), FStay(2, 1, local(2026, 11, 26, 10))]
    fc = project(inputs(rooms, stays, turnaround=timedelta(hours=2)))
    assert column(fc, "releases")[:5] == [0, 1, 0, 1, 0]  # people leave on their own days
    assert column(fc, "vacated")[:5] == [0, 0, 0, 1, 0]  # the room when both have
    assert column(fc, "free")[:5] == [0, 0, 0, 1, 1]
    assert column(fc, "free_beds")[:5] == [0, 0, 0, 2, 2]


def test_an_open_fever_alert_holds_the_release_and_the_room():
    rooms = [double(1), single(2)]
    stays = [FStay(1, 1, local(2026, 11, 24, 10)), FStay(2, 1, local(2026, 11, 24, 10), held=True),
             FStay(3, 2, local(2026, 11, 24, 10), held=True)]  # fmt: skip
    fc = project(inputs(rooms, stays))
    assert column(fc, "releases")[1] == 1 and column(fc, "held")[1] == 2
    assert column(fc, "vacated") == [0] * 8  # the companion of a held person does not free the room either
    assert column(fc, "in_use") == [2] * 8 and column(fc, "free") == [0] * 8


def test_out_of_service_rooms_come_back_the_day_after_their_last_day_and_without_an_end_never():
    rooms = [single(1), single(2, building=2)]
    fc = project(inputs(rooms, out={1: local(2026, 11, 26, 0), 2: NEVER}))
    assert column(fc, "back_in_service") == [0, 0, 0, 1, 0, 0, 0, 0]
    assert column(fc, "out_of_service", 1) == [1, 1, 1, 0, 0, 0, 0, 0]
    assert column(fc, "out_of_service", 2) == [1] * 8
    assert column(fc, "free") == [0, 0, 0, 1, 1, 1, 1, 1]


def test_a_room_left_earlier_is_free_once_its_turnaround_is_over_or_now_when_overdue():
    rooms = [single(1), single(2)]
    fc = project(inputs(rooms, awaiting={1: AT - timedelta(hours=2), 2: AT - timedelta(days=3)}))
    assert column(fc, "freed")[:2] == [2, 0]  # 22:00 today, and now
    assert column(fc, "free")[:2] == [2, 2]


def test_a_planned_batch_takes_doubles_for_its_families_singles_for_the_rest_and_says_what_it_lacks():
    rooms = [single(1), single(2), double(3), double(4, building=2)]
    batch = FBatch(1, local(2026, 11, 24, 15), people=5, rooms=3, days=7)  # two families of two, one alone
    fc = project(inputs(rooms, batches=[batch]))
    assert column(fc, "arrivals")[:3] == [0, 5, 0]
    assert column(fc, "arrival_rooms", 1)[1] == 2 and column(fc, "arrival_rooms", 2)[1] == 1
    assert column(fc, "arrivals", 1)[1] == 3 and column(fc, "arrivals", 2)[1] == 2  # by where they were put
    assert column(fc, "free")[:3] == [4, 1, 1]
    assert column(fc, "free_beds")[:3] == [6, 1, 1]  # the single left
    assert column(fc, "short") == [0] * 8
    # they leave after their 7 days, on 1 December at the release time: beyond the forecast's last day
    assert column(fc, "vacated") == [0] * 8
    big = FBatch(2, local(2026, 11, 24, 15), people=6, rooms=6, days=3)
    fc = project(inputs(rooms, batches=[big], margin=1))
    assert column(fc, "short")[1] == 2 and column(fc, "free")[1] == 0
    assert [d.below_margin for d in fc.days][:2] == [False, True]
    assert column(fc, "releases")[4] == 4 and column(fc, "vacated")[4] == 4  # after 3 days, home
    assert column(fc, "free")[4] == 4  # 10:00 + 12 h: back by 22:00


def test_the_margin_warns_on_the_days_free_rooms_fall_below_it():
    rooms = [single(i) for i in range(1, 6)]
    stays = [FStay(i, i, local(2026, 11, 23 + i, 10)) for i in range(1, 6)]
    fc = project(inputs(rooms, stays, turnaround=timedelta(hours=1), margin=3))
    assert column(fc, "free")[:7] == [0, 1, 2, 3, 4, 5, 5]
    assert [d.below_margin for d in fc.days] == [True, True, True, False, False, False, False, False]
    assert fc.warnings == fc.days[:3]


# --- from the database -----------------------------------------------------------------------------------


def test_the_facts_are_read_as_they_stood_at_the_instant(session, site, desk, make_arrival, clock):
    arrived = local(2026, 11, 18, 14)
    singles = free_rooms(session, 4)
    stays = [register_arrival(session, desk, make_arrival(arrived_at=arrived), r.id, now=arrived) for r in singles]
    # released (planned on the 25th, 第九版 inbound from the 18th), extended later, and one with a fever
    assert {s.planned_release for s in stays} == {date(2026, 11, 25)}
    made_at = local(2026, 11, 23, 12)
    change_release_date(session, desk, stays[0].id, date(2026, 11, 28), "复查", now=made_at + timedelta(hours=1))
    record_reading(
        session, desk, stays[1].id, date(2026, 11, 23), Slot.MORNING, temperature=38.2, taken_at=local(2026, 11, 23, 8)
    )
    # a room left and disinfected 9 hours later, five times, for a measured turnaround
    for r in free_rooms(session, 5):
        s = register_arrival(session, desk, make_arrival(arrived_at=arrived), r.id, now=arrived)
        release(session, desk, s.id, override_reason="测试", now=local(2026, 11, 20, 9))
        record_disinfection(
            session, desk, r.id, agent="含氯", done_by="甲", checked_by="乙", at=local(2026, 11, 20, 18)
        )
    oos = free_rooms(session, 1)[0]
    set_out_of_service(session, desk, oos.id, "维修", date(2026, 11, 21), date(2026, 11, 24))
    add_batch(session, desk, BatchInput(local(2026, 11, 24, 15), 3, 2, "inbound", "机场转运专班"), now=made_at)
    late = add_batch(session, desk, BatchInput(local(2026, 11, 25, 15), 2), now=made_at + timedelta(hours=1))
    off = add_batch(session, desk, BatchInput(local(2026, 11, 26, 15), 4), now=made_at - timedelta(hours=1))
    cancel_batch(session, desk, off.id, off.version, "取消", now=made_at + timedelta(hours=2))
    clock.set(made_at + timedelta(hours=3))

    facts = gather(session, made_at)
    assert facts.turnaround == timedelta(hours=9) and facts.turnaround_samples == 5
    assert facts.release_time == time(9)  # the releases of the last 30 days: at 09:00
    by_id = {s.stay_id: s for s in facts.stays}
    assert by_id[stays[0].id].leaves == local(2026, 11, 25, 9)  # the extension came after
    assert by_id[stays[1].id].held and not by_id[stays[2].id].held
    assert facts.out_of_service == {oos.id: local(2026, 11, 25, 0)}
    assert [(b.people, b.rooms, b.days) for b in facts.batches] == [(3, 2, 7), (4, 4, 7)]  # the late one unknown
    now = gather(session)
    assert by_id.keys() == {s.stay_id for s in now.stays}
    assert {s.stay_id: s.leaves for s in now.stays}[stays[0].id] == local(2026, 11, 28, 9)
    assert [b.batch_id for b in now.batches] == [facts.batches[0].batch_id, late.id]  # the one called off gone

    fc = forecast(session, made_at)
    rooms = len(site_rooms(session))
    assert fc.days[0].total.rooms == rooms
    assert fc.cell(0).in_use == 4 and fc.cell(0).out_of_service == 1
    assert fc.cell(1).arrivals == 3 and fc.cell(1).arrival_rooms == 2 and fc.cell(1).back_in_service == 0
    assert fc.cell(2).back_in_service == 1
    assert fc.cell(2).releases == 3 and fc.cell(2).held == 1 and fc.cell(2).vacated == 3
    assert fc.cell(2).freed == 3  # 09:00 + 9 h, the same evening
    assert fc.cell(2).free == rooms - 1 - 2  # the held one and the two rooms of the batch of the 24th
    assert sum(b.in_use for b in fc.days[2].by_building) == fc.cell(2).in_use


def site_rooms(session):
    from models.store.orm import Room

    return list(session.scalars(select(Room.id)))


def test_the_backtest_beats_the_desks_guess_on_a_seeded_site(engine):
    """The demo history (buses announced a day or two ahead, releases mostly on the planned day, extensions,
    transfers, disinfection 3-20 hours after a departure), forecast every evening of the last 30 days: off
    by a few rooms of 60, where "as many as are free tonight" is off by more and more each day ahead."""
    build_demo(engine, rooms=60, days=60, seed=3, now=NOW)
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count()).select_from(Stay).where(Stay.planned_batch_id.is_not(None)))
        assert session.scalar(select(func.count()).select_from(PlannedBatch))
        bt = backtest(session, date(2026, 10, 24), date(2026, 11, 22))
    assert bt.horizons == (1, 2, 3, 4, 5, 6, 7) and bt.rooms == 60
    assert bt.samples == tuple(29 - h + 1 for h in bt.horizons)
    assert all(m <= 0.1 * bt.rooms for m in bt.mae), bt.mae
    assert all(m < n for m, n in zip(bt.mae[1:], bt.naive_mae[1:], strict=True)), (bt.mae, bt.naive_mae)
    assert bt.naive_mae[-1] > bt.naive_mae[0]
    assert all(abs(b) <= m for b, m in zip(bt.bias, bt.mae, strict=True))


@pytest.mark.parametrize("hour", [0, 23])
def test_day_zero_is_the_rest_of_today_whatever_the_hour(session, site, hour):
    at = datetime.combine(date(2026, 11, 23), time(hour, 30), TZ)
    fc = forecast(session, at)
    assert fc.today == date(2026, 11, 23) and len(fc.days) == 8
    assert fc.cell(0).free == fc.cell(0).rooms


# --- on paper, in a workbook, at the command line ------------------------------------------------------


def test_the_forecast_prints_and_exports_what_the_page_shows(session, site, desk, make_arrival, tmp_path):
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    from printing.documents import render

    arrived = local(2026, 11, 18, 14)
    for r in free_rooms(session, 3):
        register_arrival(session, desk, make_arrival(arrived_at=arrived), r.id, now=arrived)
    add_batch(session, desk, BatchInput(local(2026, 11, 24, 15), 4, 3, "close_contact", "区疾控中心"))
    fc = forecast(session, NOW)
    xlsx = tmp_path / "forecast.xlsx"
    pdf = render(session, "forecast", NOW.date(), actor=desk, printed_by="前台一", now=NOW, xlsx_path=xlsx)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "房间预测（今日及未来7天）" in text and "区疾控中心" in text and "终末消毒周转按默认 12 小时" in text
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["预测", "分楼栋", "待转运批次"]
    sheet = wb["预测"]
    header = [c.value for c in sheet[3]]
    free = header.index("空闲房间")
    assert [row[free] for row in sheet.iter_rows(min_row=4, max_row=11, values_only=True)] == [
        d.total.free for d in fc.days
    ]
    assert sheet["A4"].value == "11-23 今日" and len(sheet._charts) == 1
    assert [c.value for c in wb["待转运批次"][2]][:5] == ["11-24 15:00", "4", "3", "密切接触者", "区疾控中心"]
    by_building = list(wb["分楼栋"].iter_rows(min_row=2, values_only=True))
    assert len(by_building) == len(fc.buildings) * len(fc.days)
    english = render(session, "forecast", NOW.date(), actor=desk, lang="en", now=NOW)
    assert "Room forecast (today and the next 7 days)" in "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(english)).pages
    )


def test_a_forecast_for_a_day_to_come_is_refused_and_a_past_one_is_that_evenings(session, site, desk, tmp_path):
    from models.errors import DomainError
    from printing.documents import render

    with pytest.raises(DomainError) as e:
        render(session, "forecast", date(2026, 11, 24), actor=desk, now=NOW, xlsx_path=tmp_path / "x.xlsx")
    assert e.value.code == "report_day_future" and not (tmp_path / "x.xlsx").exists()
    assert render(session, "forecast", date(2026, 11, 20), actor=desk, now=NOW)


def test_the_command_line_prints_the_forecast(session, site, engine, tmp_path):
    from tests.helpers import cli_account, run_app

    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("the CLI test uses the SQLite file")
    db = str(engine.url.database)
    signed = cli_account(db, "look", "viewer")  # a viewer prints it: no personal data on it
    pdf, xlsx = tmp_path / "f.pdf", tmp_path / "f.xlsx"
    done = run_app("print", "forecast", "--db", db, "-o", str(pdf), "--xlsx", str(xlsx), **signed)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size
