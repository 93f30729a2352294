"""The today dashboard: each figure against a scenario built by hand."""

from datetime import timedelta

from models.reads.today import dashboard
from models.services.arrivals import register_arrival
from models.services.observations import record_reading
from models.services.stays import change_release_date, depart_other
from models.services.swabs import mark_sampled, record_result, swab_plan
from models.store.orm import Room, Slot, SwabResult
from tests.conftest import NOW, local
from tests.helpers import count, free_rooms


def test_dashboard_figures(session, site, desk, make_arrival):
    rooms = free_rooms(session, 6)
    early = local(2026, 11, 10)
    ready = register_arrival(session, desk, make_arrival("inbound", arrived_at=early), rooms[0].id, now=NOW)
    feverish = register_arrival(session, desk, make_arrival("inbound", arrived_at=early), rooms[1].id, now=NOW)
    tomorrow = register_arrival(session, desk, make_arrival("inbound", arrived_at=early), rooms[2].id, now=NOW)
    newcomer = register_arrival(session, desk, make_arrival("inbound", arrived_at=NOW), rooms[3].id, now=NOW)
    leaver = register_arrival(session, desk, make_arrival("inbound", arrived_at=early), rooms[4].id, now=NOW)
    today = NOW.date()
    for stay, day in ((ready, today), (feverish, today), (tomorrow, today + timedelta(days=1))):
        change_release_date(session, desk, stay.id, day, "测试")
    for stay in (ready, feverish):
        for t in swab_plan(session, stay.id):
            if t.planned_date < today:
                mark_sampled(session, desk, t.id, by="护士", at=local(2026, 11, 20))
                record_result(session, desk, t.id, SwabResult.NEGATIVE)
    record_reading(session, desk, feverish.id, today, Slot.MORNING, temperature="38.2")
    record_reading(session, desk, ready.id, today, Slot.MORNING, temperature="36.4")
    depart_other(session, desk, leaver.id, "家属接回（测试）", now=NOW)

    d = dashboard(session, NOW)  # 10:00: the morning round
    assert d.slot is Slot.MORNING
    assert [a.stay_id for a in d.arrivals] == [newcomer.id]
    assert {r.stay_id: r.ready for r in d.releases_today} == {ready.id: True, feverish.id: False}
    [fever_line] = [r for r in d.releases_today if r.stay_id == feverish.id]
    assert fever_line.fever_open and fever_line.swab_ok
    assert [r.stay_id for r in d.releases_tomorrow] == [tomorrow.id]
    assert not d.releases_tomorrow[0].swab_ok  # its last swab is not done yet
    assert [f.stay_id for f in d.fevers] == [feverish.id] and "38.2" in d.fevers[0].detail
    # present at 08:00 without a reading: the one released at 10:00 too; the 10:00 arrival was not there yet
    assert {m.stay_id for m in d.missing} == {tomorrow.id, leaver.id}
    assert [r.room_id for r in d.dirty_rooms] == [rooms[4].id]
    floor = next(f for f in d.floors if f.floor_id == rooms[0].floor_id)
    assert (floor.occupied, floor.people, floor.awaiting_disinfection) == (4, 4, 1)
    assert sum(f.rooms for f in d.floors) == count(session, Room)
    assert d.swabs_due == len(
        [t for s in (ready, feverish, tomorrow, newcomer) for t in swab_plan(session, s.id) if t.planned_date == today]
    )


def test_a_positive_result_stays_on_the_dashboard_until_the_person_has_left(session, site, desk, make_arrival):
    from models.services.stays import transfer
    from models.store.orm import DepartureKind

    stay = register_arrival(
        session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 20)), free_rooms(session, 1)[0].id, now=NOW
    )
    swab = swab_plan(session, stay.id)[0]
    mark_sampled(session, desk, swab.id, by="护士", at=local(2026, 11, 21, 9))
    assert dashboard(session, NOW).positives == []
    record_result(session, desk, swab.id, SwabResult.POSITIVE, at=local(2026, 11, 22, 20))
    [line] = dashboard(session, NOW).positives
    assert line.stay_id == stay.id and "11-22" in line.detail
    transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW)
    assert dashboard(session, NOW).positives == []


def test_the_ready_marks_are_the_release_checks_themselves(session, site, desk, make_arrival):
    """The today screen had its own copy of the checks: it called ready someone with a pending unscheduled
    swab, or a child whose carer is not ready, whom the release (and the batch release) refuse."""
    from models.reads.today import dashboard
    from models.services.stays import release_readiness
    from models.services.swabs import add_unscheduled, mark_sampled, record_result, swab_plan
    from models.store.orm import CompanionReason, Stay
    from tests.conftest import local
    from tests.helpers import free_rooms

    arrived = local(2026, 11, 16, 15)  # released today (第九版, 7 days)
    single, double = free_rooms(session, 1)[0], free_rooms(session, 1, beds=2)[0]
    alone = register_arrival(session, desk, make_arrival(arrived_at=arrived), single.id, now=NOW)
    carer = register_arrival(session, desk, make_arrival(arrived_at=arrived), double.id, now=NOW)
    child = register_arrival(
        session, desk, make_arrival(arrived_at=arrived, min_age=0), double.id,
        shares_with_stay_id=carer.id, companion_reason=CompanionReason.CHILD, now=NOW,
    )  # fmt: skip
    for who in (alone, carer, child):
        for t in swab_plan(session, who.id):
            day = t.planned_date
            mark_sampled(session, desk, t.id, by="护士", at=local(day.year, day.month, day.day, 8))
            if not (who is carer and t.planned_day == 7):
                record_result(session, desk, t.id, "negative")
    add_unscheduled(session, desk, alone.id, NOW.date(), "咽痛")
    lines = {r.stay_id: r for r in dashboard(session, NOW).releases_today}
    for who in (alone, carer, child):
        assert lines[who.id].ready == release_readiness(session, session.get(Stay, who.id), NOW.date()).ok is False
    assert lines[child.id].household_waiting == (carer.person.name,)
    assert not lines[alone.id].swab_ok


def test_a_household_is_checked_on_the_day_of_the_line_it_is_on(session, site, desk, make_arrival):
    """The dashboard checks today's and tomorrow's releases in one pass (issue 16): a child released today whose
    carer comes to the end of the stay only tomorrow waits for the carer today, and tomorrow's carer is not held
    back by the child (who is ready by then)."""
    from models.reads.today import dashboard
    from models.services.swabs import mark_sampled, record_result, swab_plan
    from models.store.orm import CompanionReason
    from tests.conftest import local
    from tests.helpers import free_rooms

    double = free_rooms(session, 1, beds=2)[0]
    carer = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 17, 15)), double.id, now=NOW)
    child = register_arrival(
        session, desk, make_arrival(arrived_at=local(2026, 11, 16, 15), min_age=0), double.id,
        shares_with_stay_id=carer.id, companion_reason=CompanionReason.CHILD, now=NOW,
    )  # fmt: skip
    assert (child.planned_release, carer.planned_release) == (NOW.date(), NOW.date() + timedelta(days=1))
    for who in (carer, child):
        for t in swab_plan(session, who.id):
            day = t.planned_date
            mark_sampled(session, desk, t.id, by="护士", at=local(day.year, day.month, day.day, 8))
            record_result(session, desk, t.id, "negative")
    d = dashboard(session, NOW)
    [today_line] = d.releases_today
    [tomorrow_line] = d.releases_tomorrow
    assert (today_line.stay_id, today_line.ready, today_line.household_waiting) == (
        child.id,
        False,
        (carer.person.name,),
    )
    assert (tomorrow_line.stay_id, tomorrow_line.ready, tomorrow_line.household_waiting) == (carer.id, True, ())
    floor = next(f for f in d.floors if f.floor_id == double.floor_id)  # two people in one room
    assert (floor.occupied, floor.people) == (1, 2)


def test_the_dashboard_reads_by_index_not_through_the_history(session, site, desk, make_arrival, engine, clock):
    """Issue 16: the today screen at 5,000 rooms and a year took 200-250 ms. No statement scans a table that grows
    with every stay (the positives by a partial index, the people present by the departure's index: the missing
    readings scanned every stay that ever was, which the clock left unpinned once hid)."""
    import re

    import pytest

    from tests.helpers import query_plans

    if engine.dialect.name != "sqlite":
        pytest.skip("the plan's words are SQLite's; PostgreSQL has the same indexes")
    clock.set(NOW)
    stay = register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    record_reading(session, desk, stay.id, NOW.date(), Slot.MORNING, temperature="38.1")
    plans = query_plans(session, lambda: dashboard(session, NOW))
    history = re.compile(r"\bSCAN (stay|observation|swab_test|fever_alert|room_event|person)\b")
    assert [(sql[:70], step) for sql, plan in plans for step in plan.split(" | ") if history.search(step)] == []
