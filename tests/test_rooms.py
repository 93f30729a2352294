"""Room turnover (models/services/rooms.py): 空闲 → 已入住 → 待消毒 → 空闲, and 停用 (out of service)."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from models.errors import DomainError
from models.services.arrivals import register_arrival
from models.services.rooms import (
    back_in_service,
    end_expired_out_of_service,
    needs_disinfection,
    record_disinfection,
    set_out_of_service,
)
from models.services.stays import change_room, transfer
from models.store.orm import (
    AuditEntry,
    DepartureKind,
    Person,
    Room,
    RoomEvent,
    RoomEventKind,
    RoomMove,
    RoomState,
    Stay,
    SwabTest,
)
from tests.conftest import NOW
from tests.helpers import free_rooms

TODAY = NOW.date()
EARLIER = NOW - timedelta(days=2)
CLEAN = {"agent": "含氯消毒剂", "done_by": "赵师傅", "checked_by": "孙医生"}


# --- helpers ---------------------------------------------------------------------------------


def db_state(session):
    """Everything a refused action must leave exactly as it was."""
    session.commit()
    session.expire_all()

    def rows(query):
        return tuple(tuple(r) for r in session.execute(query))

    counts = {
        t.__name__: session.scalar(select(func.count()).select_from(t))
        for t in (Person, Stay, SwabTest, AuditEntry, RoomMove, RoomEvent)
    }
    return (
        counts,
        rows(select(*Room.__table__.columns).order_by(Room.id)),
        rows(select(Stay.id, Stay.room_id, Stay.departed_at).order_by(Stay.id)),
    )


def refused(session, code, fn, *args, **kwargs):
    before = db_state(session)
    with pytest.raises(DomainError) as err:
        fn(session, *args, **kwargs)
    assert err.value.code == code, err.value.en
    assert db_state(session) == before
    return err.value


def state(session, room_id):
    session.expire_all()
    return session.get(Room, room_id).state


def occupy(session, desk, make_arrival, room_id, at=EARLIER):
    return register_arrival(session, desk, make_arrival(arrived_at=at), room_id, now=at)


@pytest.fixture
def left_room(session, site, desk, make_arrival):
    """A room whose occupant was transferred yesterday: awaiting terminal disinfection."""
    room = free_rooms(session, 1)[0]
    stay = occupy(session, desk, make_arrival, room.id)
    transfer(session, desk, stay.id, DepartureKind.TO_OTHER_SITE, "第二隔离点", now=NOW - timedelta(days=1))
    return room.id, stay.id


def events(session, room_id, kind):
    return list(
        session.scalars(
            select(RoomEvent).where(RoomEvent.room_id == room_id, RoomEvent.kind == kind).order_by(RoomEvent.id)
        )
    )


def audit_of(session, action):
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


# --- terminal disinfection -------------------------------------------------------------------


def test_full_turnover_available_occupied_awaiting_available(session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0].id
    assert state(session, room) is RoomState.AVAILABLE
    stay = occupy(session, desk, make_arrival, room)
    assert state(session, room) is RoomState.OCCUPIED
    transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW - timedelta(hours=5))
    assert state(session, room) is RoomState.AWAITING_DISINFECTION
    record_disinfection(session, desk, room, **CLEAN, at=NOW - timedelta(hours=2))
    assert state(session, room) is RoomState.AVAILABLE
    occupy(session, desk, make_arrival, room, at=NOW)  # usable again
    assert state(session, room) is RoomState.OCCUPIED


def test_disinfection_is_recorded_with_who_what_and_the_previous_occupant(session, desk, left_room):
    room, stay = left_room
    at = NOW - timedelta(hours=3)
    event = record_disinfection(
        session,
        desk,
        room,
        agent=" 含氯消毒剂 ",
        concentration="1000 mg/L",
        done_by="赵师傅",
        checked_by="孙医生",
        at=at,
    )
    session.expire_all()
    event = session.get(RoomEvent, event.id)
    assert (event.kind, event.at, event.previous_stay_id, event.user_id) == (
        RoomEventKind.DISINFECTED,
        at,
        stay,
        desk.id,
    )
    assert (event.agent, event.concentration, event.done_by, event.checked_by) == (
        "含氯消毒剂",
        "1000 mg/L",
        "赵师傅",
        "孙医生",
    )
    entry = audit_of(session, "room.disinfected")[0]
    assert (entry.room_id, entry.user_id, entry.before["state"], entry.after["state"]) == (
        room,
        desk.id,
        "awaiting_disinfection",
        "available",
    )


def test_previous_occupant_is_the_latest_one_to_leave(session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0].id
    first = occupy(session, desk, make_arrival, room, at=NOW - timedelta(days=5))
    transfer(session, desk, first.id, DepartureKind.TO_HOSPITAL, "医院", now=NOW - timedelta(days=4))
    record_disinfection(session, desk, room, **CLEAN, at=NOW - timedelta(days=4) + timedelta(hours=2))
    second = occupy(session, desk, make_arrival, room, at=NOW - timedelta(days=3))
    transfer(session, desk, second.id, DepartureKind.TO_HOSPITAL, "医院", now=NOW - timedelta(days=1))
    event = record_disinfection(session, desk, room, **CLEAN, at=NOW)
    assert event.previous_stay_id == second.id


def test_room_left_by_a_move_names_the_mover_as_previous_occupant(session, site, desk, make_arrival):
    room, target = (r.id for r in free_rooms(session, 2))
    earlier = occupy(session, desk, make_arrival, room, at=NOW - timedelta(days=5))
    transfer(session, desk, earlier.id, DepartureKind.TO_HOSPITAL, "医院", now=NOW - timedelta(days=4))
    record_disinfection(session, desk, room, **CLEAN, at=NOW - timedelta(days=4) + timedelta(hours=2))
    mover = occupy(session, desk, make_arrival, room)
    change_room(session, desk, mover.id, target, "换房", now=NOW - timedelta(hours=4))
    assert state(session, room) is RoomState.AWAITING_DISINFECTION
    event = record_disinfection(session, desk, room, **CLEAN, at=NOW)
    assert event.previous_stay_id == mover.id


@pytest.mark.parametrize("missing", ["agent", "done_by", "checked_by"])
@pytest.mark.parametrize("blank", ["", "   "])
def test_disinfection_needs_agent_and_both_people(session, desk, left_room, missing, blank):
    room, _stay = left_room
    refused(session, "disinfection_fields", record_disinfection, desk, room, **{**CLEAN, missing: blank}, at=NOW)
    assert state(session, room) is RoomState.AWAITING_DISINFECTION


def test_disinfection_only_from_awaiting_disinfection(session, site, desk, make_arrival):
    available, occupied, closed = (r.id for r in free_rooms(session, 3))
    occupy(session, desk, make_arrival, occupied)
    set_out_of_service(session, desk, closed, "维修", TODAY)
    for room in (available, occupied, closed):
        refused(session, "room_not_dirty", record_disinfection, desk, room, **CLEAN, at=NOW)
    refused(session, "room_not_found", record_disinfection, desk, 999_999, **CLEAN, at=NOW)


def test_disinfecting_twice_is_refused(session, desk, left_room):
    room, _stay = left_room
    record_disinfection(session, desk, room, **CLEAN, at=NOW)
    refused(session, "room_not_dirty", record_disinfection, desk, room, **CLEAN, at=NOW)


# --- out of service --------------------------------------------------------------------------


def test_out_of_service_keeps_reason_and_dates(session, site, desk):
    room = free_rooms(session, 1)[0].id
    set_out_of_service(session, desk, room, " 卫生间漏水 ", TODAY, date(2026, 12, 1))
    session.expire_all()
    r = session.get(Room, room)
    assert (r.state, r.oos_reason, r.oos_from, r.oos_until) == (
        RoomState.OUT_OF_SERVICE,
        "卫生间漏水",
        TODAY,
        date(2026, 12, 1),
    )
    event = events(session, room, RoomEventKind.OUT_OF_SERVICE)[0]
    assert (event.reason, event.from_date, event.until_date, event.user_id) == (
        "卫生间漏水",
        TODAY,
        date(2026, 12, 1),
        desk.id,
    )
    entry = audit_of(session, "room.out_of_service")[0]
    assert (entry.before["state"], entry.after["state"], entry.after["oos_reason"]) == (
        "available",
        "out_of_service",
        "卫生间漏水",
    )


def test_out_of_service_with_open_end_or_a_single_day(session, site, desk):
    a, b = (r.id for r in free_rooms(session, 2))
    set_out_of_service(session, desk, a, "维修", TODAY)
    set_out_of_service(session, desk, b, "维修", TODAY, TODAY)
    session.expire_all()
    assert session.get(Room, a).oos_until is None and session.get(Room, b).oos_until == TODAY


def test_out_of_service_refusals(session, site, desk, make_arrival):
    free, busy = (r.id for r in free_rooms(session, 2))
    occupy(session, desk, make_arrival, busy)
    refused(session, "reason_required", set_out_of_service, desk, free, "", TODAY)
    refused(session, "reason_required", set_out_of_service, desk, free, "   ", TODAY)
    refused(session, "room_in_use", set_out_of_service, desk, busy, "维修", TODAY)
    refused(session, "oos_dates", set_out_of_service, desk, free, "维修", TODAY, TODAY - timedelta(days=1))
    refused(session, "room_not_found", set_out_of_service, desk, 999_999, "维修", TODAY)


def test_double_room_with_one_person_left_cannot_be_closed(session, site, desk, make_arrival):
    double = free_rooms(session, 1, beds=2)[0].id
    occupy(session, desk, make_arrival, double)
    refused(session, "room_in_use", set_out_of_service, desk, double, "维修", TODAY)


# --- back in service -------------------------------------------------------------------------


def test_back_in_service_returns_a_clean_room_to_available(session, site, desk):
    room = free_rooms(session, 1)[0].id
    set_out_of_service(session, desk, room, "维修", TODAY, date(2026, 12, 1))
    back_in_service(session, desk, room)
    session.expire_all()
    r = session.get(Room, room)
    assert (r.state, r.oos_reason, r.oos_from, r.oos_until) == (RoomState.AVAILABLE, None, None, None)
    assert len(events(session, room, RoomEventKind.BACK_IN_SERVICE)) == 1
    entry = audit_of(session, "room.back_in_service")[0]
    assert (entry.before["state"], entry.after["state"]) == ("out_of_service", "available")


def test_back_in_service_after_disinfection_is_available(session, desk, left_room):
    room, _stay = left_room
    record_disinfection(session, desk, room, **CLEAN, at=NOW - timedelta(hours=1))
    set_out_of_service(session, desk, room, "更换床垫", TODAY)
    back_in_service(session, desk, room)
    assert state(session, room) is RoomState.AVAILABLE


def test_room_closed_before_its_disinfection_comes_back_awaiting_it(session, desk, left_room):
    room, _stay = left_room
    assert needs_disinfection(session, room)
    set_out_of_service(session, desk, room, "暂停使用", TODAY)
    back_in_service(session, desk, room)
    assert state(session, room) is RoomState.AWAITING_DISINFECTION
    entry = audit_of(session, "room.back_in_service")[0]
    assert entry.after["state"] == "awaiting_disinfection"


def test_room_left_by_a_move_and_closed_comes_back_awaiting_disinfection(session, site, desk, make_arrival):
    room, target = (r.id for r in free_rooms(session, 2))
    mover = occupy(session, desk, make_arrival, room)
    change_room(session, desk, mover.id, target, "换房", now=NOW - timedelta(hours=4))
    assert needs_disinfection(session, room)
    set_out_of_service(session, desk, room, "暂停使用", TODAY)
    back_in_service(session, desk, room)
    assert state(session, room) is RoomState.AWAITING_DISINFECTION


def test_never_used_room_needs_no_disinfection(session, site):
    assert needs_disinfection(session, free_rooms(session, 1)[0].id) is False


def test_back_in_service_only_from_out_of_service(session, site, desk, make_arrival, left_room):
    dirty, _stay = left_room
    available, occupied = (r.id for r in free_rooms(session, 2))
    occupy(session, desk, make_arrival, occupied)
    for room in (available, occupied, dirty):
        refused(session, "room_not_oos", back_in_service, desk, room)
    refused(session, "room_not_found", back_in_service, desk, 999_999)


# --- the end of an out-of-service period -------------------------------------------------------


def test_a_room_out_until_yesterday_comes_back_audited(session, site, desk, left_room):
    dirty, _stay = left_room
    yesterday = TODAY - timedelta(days=1)
    clean, today_end, later, open_ended = (r.id for r in free_rooms(session, 4))
    set_out_of_service(session, desk, clean, "维修", TODAY - timedelta(days=5), yesterday)
    set_out_of_service(session, desk, dirty, "暂停使用", TODAY - timedelta(days=5), yesterday)
    set_out_of_service(session, desk, today_end, "维修", TODAY - timedelta(days=5), TODAY)  # its last day
    set_out_of_service(session, desk, later, "维修", TODAY, TODAY + timedelta(days=3))
    set_out_of_service(session, desk, open_ended, "维修", TODAY)  # no end date: until someone brings it back
    numbers = {r.id: r.number for r in session.scalars(select(Room))}
    assert sorted(end_expired_out_of_service(session, None, TODAY)) == sorted([numbers[clean], numbers[dirty]])
    assert state(session, clean) is RoomState.AVAILABLE
    assert state(session, dirty) is RoomState.AWAITING_DISINFECTION  # someone left it: cleaned first
    assert session.get(Room, clean).oos_until is None and session.get(Room, clean).oos_reason is None
    for room in (today_end, later, open_ended):
        assert state(session, room) is RoomState.OUT_OF_SERVICE
    entries = {e.room_id: e for e in audit_of(session, "room.oos_ended")}
    assert set(entries) == {clean, dirty} and {e.user_id for e in entries.values()} == {None}  # by the system
    assert (entries[clean].before["state"], entries[clean].after["state"]) == ("out_of_service", "available")
    assert entries[clean].before["oos_until"] == yesterday.isoformat()
    assert len(events(session, clean, RoomEventKind.BACK_IN_SERVICE)) == 1
    assert end_expired_out_of_service(session, None, TODAY) == []  # nothing twice
    assert len(audit_of(session, "room.oos_ended")) == 2
    # the next day, the room out until today comes back too, by the acting user when one runs it
    assert end_expired_out_of_service(session, desk, TODAY + timedelta(days=1)) == [numbers[today_end]]
    assert audit_of(session, "room.oos_ended")[-1].user_id == desk.id
    assert state(session, later) is RoomState.OUT_OF_SERVICE


def test_ending_expired_periods_is_refused_to_a_viewer(session, site, desk):
    from models.store.orm import Role, User

    viewer = User(username="viewer1", display_name="查看", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    room = free_rooms(session, 1)[0].id
    set_out_of_service(session, desk, room, "维修", TODAY - timedelta(days=3), TODAY - timedelta(days=1))
    refused(session, "forbidden", end_expired_out_of_service, viewer, TODAY)
