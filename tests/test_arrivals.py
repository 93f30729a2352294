"""Registering arrivals and checking them in (models/services/arrivals.py); the first step of a stay.

The site fixture runs 第九版: inbound = 7 days from arrival, close contact = 7 days from the last
exposure (day 1 = the day after it), swabs on days 1, 2, 3, 5, 7, three days of home monitoring.
"""

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from models.errors import DomainError
from models.rules.identity import check_char, mask_id
from models.services import arrivals
from models.services.arrivals import BatchItem, check_arrival, present_count, register_arrival, register_batch
from models.services.rooms import set_out_of_service
from models.services.stays import release, transfer
from models.store.db import session_factory
from models.store.orm import (
    AuditEntry,
    CompanionReason,
    DepartureKind,
    DocType,
    FeverAlert,
    Person,
    Room,
    RoomEvent,
    RoomMove,
    RoomState,
    Sex,
    Stay,
    StayDateChange,
    SwabResult,
    SwabTest,
    User,
)
from tests.conftest import NOW, local
from tests.helpers import free_rooms

# --- helpers ---------------------------------------------------------------------------------


def db_state(session):
    """Everything a refused action must leave exactly as it was."""
    session.commit()  # end this session's read transaction: see what other sessions committed
    session.expire_all()

    def rows(query):
        return tuple(tuple(r) for r in session.execute(query))

    counts = {
        t.__name__: session.scalar(select(func.count()).select_from(t))
        for t in (Person, Stay, SwabTest, AuditEntry, RoomMove, StayDateChange, RoomEvent, FeverAlert)
    }
    return (
        counts,
        rows(select(Room.id, Room.state, Room.version).order_by(Room.id)),
        rows(select(Stay.id, Stay.room_id, Stay.bed, Stay.departed_at, Stay.planned_release).order_by(Stay.id)),
        rows(select(Person.id, Person.version, Person.phone).order_by(Person.id)),
    )


def refused(session, code, fn, *args, **kwargs):
    """Call fn; it must refuse with ``code`` and save nothing at all."""
    before = db_state(session)
    with pytest.raises(DomainError) as err:
        fn(*args, **kwargs)
    assert err.value.code == code, err.value.en
    assert err.value.zh and err.value.en
    assert db_state(session) == before
    return err.value


def swabs_of(session, stay_id):
    return [
        (s.planned_day, s.planned_date)
        for s in session.scalars(select(SwabTest).where(SwabTest.stay_id == stay_id).order_by(SwabTest.planned_day))
    ]


def audit_of(session, action):
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def birth_and_sex(number):
    born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    return born, Sex.MALE if int(number[16]) % 2 else Sex.FEMALE


def negative_swabs(session, stay_id):
    """Every planned swab sampled and negative (what the lab would have sent back)."""
    for swab in session.scalars(select(SwabTest).where(SwabTest.stay_id == stay_id)):
        swab.sampled_at = local(swab.planned_date.year, swab.planned_date.month, swab.planned_date.day, 9)
        swab.result, swab.result_at = SwabResult.NEGATIVE, swab.sampled_at + timedelta(hours=8)
    session.commit()


# --- check-in --------------------------------------------------------------------------------


def test_check_in_creates_person_stay_swabs_room_state_and_audit(session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0]
    data = make_arrival("inbound", arrived_at=local(2026, 11, 22, 15), phone="+86 138-0013-8000")
    born, sex = birth_and_sex(data.doc_number)
    stay = register_arrival(session, desk, data, room.id, now=NOW)
    session.expire_all()

    person = session.get(Person, stay.person_id)
    assert (person.name, person.doc_type, person.doc_number) == (data.name, DocType.RESIDENT_ID, data.doc_number)
    assert (person.birth_date, person.sex, person.phone) == (born, sex, "13800138000")  # taken from the ID
    stay = session.get(Stay, stay.id)
    assert (stay.room_id, stay.bed, stay.category_code, stay.rule_set_id) == (room.id, 1, "inbound", site.rule_set_id)
    assert (stay.arrived_at, stay.arrival_day, stay.day_one) == (
        local(2026, 11, 22, 15),
        date(2026, 11, 22),
        date(2026, 11, 22),
    )
    assert (stay.planned_release, stay.home_until) == (date(2026, 11, 29), date(2026, 12, 1))
    assert (stay.departed_at, stay.shares_with_id, stay.companion_reason) == (None, None, None)
    assert swabs_of(session, stay.id) == [(n, date(2026, 11, 21 + n)) for n in (1, 2, 3, 5, 7)]
    assert session.get(Room, room.id).state is RoomState.OCCUPIED
    assert present_count(session) == 1

    entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    assert [e.action for e in entries][-3:] == ["person.create", "room.occupied", "stay.check_in"]
    by_action = {e.action: e for e in entries}
    assert all(by_action[a].user_id == desk.id for a in ("person.create", "room.occupied", "stay.check_in"))
    created = by_action["person.create"]
    assert (created.entity, created.entity_id, created.person_id, created.before) == (
        "person",
        person.id,
        person.id,
        None,
    )
    # the trail keeps the ID masked: the full number only through the audited reveal
    assert created.after["doc_number"] == mask_id(data.doc_number) != data.doc_number
    assert created.after["name"] == data.name
    occupied = by_action["room.occupied"]
    assert (occupied.entity, occupied.entity_id, occupied.room_id) == ("room", room.id, room.id)
    assert occupied.before["state"] == "available" and occupied.after["state"] == "occupied"
    check_in = by_action["stay.check_in"]
    assert (check_in.entity_id, check_in.person_id, check_in.room_id, check_in.before) == (
        stay.id,
        person.id,
        room.id,
        None,
    )
    assert check_in.after["planned_release"] == "2026-11-29" and check_in.after["bed"] == 1


def test_close_contact_counts_from_exposure(session, site, desk, make_arrival):
    data = make_arrival("close_contact", arrived_at=local(2026, 11, 22, 15), last_exposure=local(2026, 11, 20, 9))
    stay = register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)
    assert stay.last_exposure == local(2026, 11, 20, 9)
    assert (stay.arrival_day, stay.day_one, stay.planned_release, stay.home_until) == (
        date(2026, 11, 22),
        date(2026, 11, 21),  # exposure day + 1
        date(2026, 11, 28),  # day one + 7
        date(2026, 11, 30),
    )
    # day 1 (21 Nov) was before arrival; the arrival day is day 2, a swab day anyway
    assert swabs_of(session, stay.id) == [
        (2, date(2026, 11, 22)),
        (3, date(2026, 11, 23)),
        (5, date(2026, 11, 25)),
        (7, date(2026, 11, 27)),
    ]


def test_close_contact_who_missed_swab_days_gets_one_on_arrival(session, site, desk, make_arrival):
    data = make_arrival("close_contact", arrived_at=local(2026, 11, 22, 15), last_exposure=local(2026, 11, 18, 20))
    stay = register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)
    assert (stay.day_one, stay.planned_release) == (date(2026, 11, 19), date(2026, 11, 26))
    # days 1-3 were due before arrival; the arrival day is day 4
    assert swabs_of(session, stay.id) == [(4, date(2026, 11, 22)), (5, date(2026, 11, 23)), (7, date(2026, 11, 25))]


def test_days_are_counted_in_the_site_time_zone(session, site, desk, make_arrival):
    arrived = local(2026, 11, 23, 0, 30)  # still 22 Nov in UTC
    stay = register_arrival(session, desk, make_arrival(arrived_at=arrived), free_rooms(session, 1)[0].id, now=NOW)
    assert (stay.arrival_day, stay.day_one, stay.planned_release) == (
        date(2026, 11, 23),
        date(2026, 11, 23),
        date(2026, 11, 30),
    )


def test_names_with_rare_characters_and_middle_dot_are_stored_as_given(session, site, desk, make_arrival):
    rooms = free_rooms(session, 2)
    a = register_arrival(session, desk, make_arrival(name="𠮷䶮"), rooms[0].id, now=NOW)
    b = register_arrival(session, desk, make_arrival(name="阿卜杜•热合曼"), rooms[1].id, now=NOW)
    session.expire_all()
    assert session.get(Person, a.person_id).name == "𠮷䶮"
    assert session.get(Person, b.person_id).name == "阿卜杜·热合曼"


def test_unknown_region_code_is_registered_with_a_warning(session, site, desk, make_arrival):
    number = "99010519800101001" + check_char("99010519800101001")
    data = make_arrival(doc_number=number)
    assert check_arrival(session, data, NOW).warnings == ["region_unknown"]
    stay = register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)
    assert session.get(Person, stay.person_id).doc_number == number


def test_fifteen_digit_number_is_stored_upgraded(session, site, desk, make_arrival):
    data = make_arrival(doc_number="110105491231002", sex=Sex.FEMALE, birth_date=date(1949, 12, 31))
    assert check_arrival(session, data, NOW).warnings == ["id_upgraded_from_15"]
    stay = register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)
    assert session.get(Person, stay.person_id).doc_number == "11010519491231002X"


def test_birth_date_and_sex_that_match_the_id_are_accepted(session, site, desk, make_arrival):
    data = make_arrival()
    born, sex = birth_and_sex(data.doc_number)
    data.birth_date, data.sex = born, sex
    stay = register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)
    assert (stay.person.birth_date, stay.person.sex) == (born, sex)


def test_birth_date_or_sex_that_contradict_the_id_are_refused(session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0].id
    number = make_arrival().doc_number
    born, sex = birth_and_sex(number)
    other_sex = Sex.FEMALE if sex is Sex.MALE else Sex.MALE
    err = refused(
        session,
        "birth_mismatch",
        register_arrival,
        session,
        desk,
        make_arrival(doc_number=number, birth_date=born + timedelta(days=1)),
        room,
        now=NOW,
    )
    assert born.isoformat() in err.en
    refused(
        session,
        "sex_mismatch",
        register_arrival,
        session,
        desk,
        make_arrival(doc_number=number, sex=other_sex),
        room,
        now=NOW,
    )
    assert session.get(Room, room).state is RoomState.AVAILABLE


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("phone", "12345678901", "phone_invalid"),
        ("phone", "010-12345678", "phone_invalid"),
        ("emergency_phone", "0755-1234567", "phone_invalid"),
        ("doc_number", "11010519491231003X", "id_checksum"),
        ("doc_number", "1.10105E+17", "id_truncated"),
        ("doc_number", "11010520991231002" + check_char("11010520991231002"), "id_birth_date"),
        ("category", "tourist", "category_unknown"),
        ("name", " ", "name_empty"),
        ("name", "张3", "name_invalid"),
    ],
)
def test_invalid_fields_are_refused(session, site, desk, make_arrival, field, value, code):
    refused(
        session,
        code,
        register_arrival,
        session,
        desk,
        make_arrival(**{field: value}),
        free_rooms(session, 1)[0].id,
        now=NOW,
    )


def test_check_arrival_lists_every_problem_at_once(session, site, desk, make_arrival):
    data = make_arrival(phone="123", category="tourist", name="", last_exposure=NOW + timedelta(hours=1))
    check = check_arrival(session, data, NOW)
    assert not check.ok
    assert {e.code for e in check.errors} == {
        "phone_invalid",
        "category_unknown",
        "name_empty",
        "exposure_after_arrival",
    }


def test_unknown_room_is_refused(session, site, desk, make_arrival):
    refused(session, "room_not_found", register_arrival, session, desk, make_arrival(), 999_999, now=NOW)


def test_exposure_after_arrival_is_refused(session, site, desk, make_arrival):
    refused(
        session,
        "exposure_after_arrival",
        register_arrival,
        session,
        desk,
        make_arrival("close_contact", arrived_at=NOW - timedelta(hours=2), last_exposure=NOW - timedelta(hours=1)),
        free_rooms(session, 1)[0].id,
        now=NOW,
    )


def test_arrival_in_the_future_is_refused(session, site, desk, make_arrival):
    refused(
        session,
        "arrival_in_future",
        register_arrival,
        session,
        desk,
        make_arrival(arrived_at=NOW + timedelta(hours=1)),
        free_rooms(session, 1)[0].id,
        now=NOW,
    )


def test_period_already_over_is_refused(session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0].id
    # exposure 15 Nov: day 1 = 16 Nov, release 23 Nov = the arrival day itself
    err = refused(
        session,
        "period_over",
        register_arrival,
        session,
        desk,
        make_arrival("close_contact", last_exposure=local(2026, 11, 15, 23)),
        room,
        now=NOW,
    )
    assert "2026-11-23" in err.en
    # one day later the period still has a night to run
    stay = register_arrival(
        session, desk, make_arrival("close_contact", last_exposure=local(2026, 11, 16, 8)), room, now=NOW
    )
    assert stay.planned_release == date(2026, 11, 24)


def test_person_already_present_is_refused(session, site, desk, make_arrival):
    rooms = free_rooms(session, 2)
    data = make_arrival()
    first = register_arrival(session, desk, data, rooms[0].id, now=NOW)
    again = make_arrival(doc_number=" " + data.doc_number.lower())
    err = refused(session, "already_present", register_arrival, session, desk, again, rooms[1].id, now=NOW)
    assert session.get(Room, first.room_id).number in err.en
    assert session.get(Room, rooms[1].id).state is RoomState.AVAILABLE


def test_returning_person_reuses_the_person_row(session, site, desk, make_arrival):
    rooms = free_rooms(session, 2)
    data = make_arrival(arrived_at=local(2026, 11, 10, 9), phone="13800138000")
    first = register_arrival(session, desk, data, rooms[0].id, now=local(2026, 11, 10, 9))
    negative_swabs(session, first.id)
    release(session, desk, first.id, now=local(2026, 11, 17, 9))

    back = make_arrival(doc_number=data.doc_number, name=data.name, phone="13900139000")
    again = register_arrival(session, desk, back, rooms[1].id, now=NOW)
    session.expire_all()
    assert again.person_id == first.person_id and again.id != first.id
    assert session.scalar(select(func.count()).select_from(Person)) == 1
    assert session.get(Person, again.person_id).phone == "13900139000"
    update = audit_of(session, "person.update")
    assert len(update) == 1
    assert (update[0].before["phone"], update[0].after["phone"]) == ("138****8000", "139****9000")  # masked
    assert [s.departed_at is None for s in session.scalars(select(Stay).order_by(Stay.id))] == [False, True]


# --- rooms at check-in -----------------------------------------------------------------------


def test_dirty_room_is_refused(session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0].id
    earlier = NOW - timedelta(hours=3)
    stay = register_arrival(session, desk, make_arrival(arrived_at=earlier), room, now=earlier)
    transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW - timedelta(hours=1))
    assert session.get(Room, room).state is RoomState.AWAITING_DISINFECTION
    refused(session, "room_dirty", register_arrival, session, desk, make_arrival(), room, now=NOW)


def test_out_of_service_room_is_refused(session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0].id
    set_out_of_service(session, desk, room, "门锁故障", NOW.date())
    refused(session, "room_out_of_service", register_arrival, session, desk, make_arrival(), room, now=NOW)


def test_occupied_room_is_refused_without_a_companion(session, site, desk, make_arrival):
    single = free_rooms(session, 1)[0].id
    double = free_rooms(session, 1, beds=2)[0].id
    register_arrival(session, desk, make_arrival(), single, now=NOW)
    register_arrival(session, desk, make_arrival(), double, now=NOW)
    refused(session, "room_occupied", register_arrival, session, desk, make_arrival(), single, now=NOW)
    # a free bed is not enough: one person per room unless they share with a carer
    refused(session, "room_occupied", register_arrival, session, desk, make_arrival(), double, now=NOW)


def test_child_shares_a_double_room_with_the_carer_and_gets_bed_two(session, site, desk, make_arrival):
    double = free_rooms(session, 1, beds=2)[0]
    carer = register_arrival(session, desk, make_arrival(), double.id, now=NOW)
    occupied_entries = len(audit_of(session, "room.occupied"))
    child = register_arrival(
        session,
        desk,
        make_arrival(min_age=3),
        double.id,
        shares_with_stay_id=carer.id,
        companion_reason=CompanionReason.CHILD,
        now=NOW,
    )
    session.expire_all()
    child = session.get(Stay, child.id)
    assert (child.room_id, child.bed, child.shares_with_id, child.companion_reason) == (
        double.id,
        2,
        carer.id,
        CompanionReason.CHILD,
    )
    assert swabs_of(session, child.id) == swabs_of(session, carer.id)
    assert session.get(Room, double.id).state is RoomState.OCCUPIED
    assert len(audit_of(session, "room.occupied")) == occupied_entries  # the room was occupied already


def test_companion_refusals(session, site, desk, make_arrival):
    double, other_double = free_rooms(session, 2, beds=2)
    single = free_rooms(session, 1)[0]
    carer = register_arrival(session, desk, make_arrival(), double.id, now=NOW)
    # a reason is needed to share
    refused(
        session,
        "companion_needed",
        register_arrival,
        session,
        desk,
        make_arrival(min_age=3),
        double.id,
        shares_with_stay_id=carer.id,
        now=NOW,
    )
    # the companion must be in the room asked for
    for room in (other_double, single):
        refused(
            session,
            "companion_not_here",
            register_arrival,
            session,
            desk,
            make_arrival(min_age=3),
            room.id,
            shares_with_stay_id=carer.id,
            companion_reason=CompanionReason.CHILD,
            now=NOW,
        )
    refused(
        session,
        "stay_not_found",
        register_arrival,
        session,
        desk,
        make_arrival(min_age=3),
        double.id,
        shares_with_stay_id=999_999,
        companion_reason=CompanionReason.CHILD,
        now=NOW,
    )
    register_arrival(
        session,
        desk,
        make_arrival(min_age=3),
        double.id,
        shares_with_stay_id=carer.id,
        companion_reason=CompanionReason.CHILD,
        now=NOW,
    )
    # both beds taken
    refused(
        session,
        "room_full",
        register_arrival,
        session,
        desk,
        make_arrival(),
        double.id,
        shares_with_stay_id=carer.id,
        companion_reason=CompanionReason.FAMILY,
        now=NOW,
    )


def test_companion_into_a_single_room_is_refused_as_full(session, site, desk, make_arrival):
    single = free_rooms(session, 1)[0].id
    carer = register_arrival(session, desk, make_arrival(), single, now=NOW)
    refused(
        session,
        "room_full",
        register_arrival,
        session,
        desk,
        make_arrival(min_age=3),
        single,
        shares_with_stay_id=carer.id,
        companion_reason=CompanionReason.CHILD,
        now=NOW,
    )


# --- a bus at once ---------------------------------------------------------------------------


def bus_with_a_child(session, make_arrival):
    """Four arrivals: one alone, a carer and a child sharing a double room, one more alone."""
    rooms = free_rooms(session, 2)
    double = free_rooms(session, 1, beds=2)[0]
    items = [
        BatchItem(make_arrival(), rooms[0].id),
        BatchItem(make_arrival(), double.id),
        BatchItem(make_arrival(min_age=2), double.id, shares_with_index=1, companion_reason=CompanionReason.CHILD),
        BatchItem(make_arrival(), rooms[1].id),
    ]
    return rooms, double, items


def test_batch_checks_in_everyone_with_companions(session, site, desk, make_arrival):
    rooms, double, items = bus_with_a_child(session, make_arrival)
    stays = register_batch(session, desk, items, now=NOW)
    assert [s.room_id for s in stays] == [rooms[0].id, double.id, double.id, rooms[1].id]
    assert (stays[2].bed, stays[2].shares_with_id) == (2, stays[1].id)
    assert present_count(session) == 4


@pytest.mark.parametrize("bad_at", [0, 2])
def test_batch_is_all_or_nothing(session, site, desk, make_arrival, bad_at):
    rooms = free_rooms(session, 3)
    items = [BatchItem(make_arrival(), r.id) for r in rooms]
    items[bad_at].data.phone = "123"
    refused(session, "phone_invalid", register_batch, session, desk, items, now=NOW)
    assert {session.get(Room, r.id).state for r in rooms} == {RoomState.AVAILABLE}
    assert present_count(session) == 0


def test_batch_with_two_people_for_one_room_saves_nobody(session, site, desk, make_arrival):
    rooms = free_rooms(session, 2)
    items = [BatchItem(make_arrival(), rooms[0].id), BatchItem(make_arrival(), rooms[1].id)]
    items.append(BatchItem(make_arrival(), rooms[0].id))
    refused(session, "room_occupied", register_batch, session, desk, items, now=NOW)


def test_batch_with_the_same_person_twice_saves_nobody(session, site, desk, make_arrival):
    rooms = free_rooms(session, 2)
    data = make_arrival()
    twin = make_arrival(doc_number=data.doc_number)
    refused(
        session,
        "already_present",
        register_batch,
        session,
        desk,
        [BatchItem(data, rooms[0].id), BatchItem(twin, rooms[1].id)],
        now=NOW,
    )


def test_a_batch_leaves_the_trail_one_arrival_after_another_would(engine, session, site, desk, make_arrival):
    """The batch is written in a few flushes, but its audit trail reads as if each person were registered
    alone, in the list's order: their entries in turn, ids in the chain's order, the chain intact."""
    from models.store.audit_guard import first_break

    rooms, double, items = bus_with_a_child(session, make_arrival)
    last = session.scalar(select(func.max(AuditEntry.id))) or 0
    stays = register_batch(session, desk, items, now=NOW)
    entries = list(session.scalars(select(AuditEntry).where(AuditEntry.id > last).order_by(AuditEntry.id)))
    person_created = "person.create", "room.occupied", "stay.check_in"
    assert [e.action for e in entries] == [*person_created, *person_created, "person.create", "stay.check_in",
                                           *person_created]  # fmt: skip
    assert [e.entity_id for e in entries if e.action == "stay.check_in"] == [s.id for s in stays]
    assert [e.room_id for e in entries if e.action == "room.occupied"] == [rooms[0].id, double.id, rooms[1].id]
    with engine.connect() as conn:
        assert first_break(conn) is None


def test_a_batch_asks_the_database_the_same_few_questions_whatever_its_size(engine, session, site, desk, make_arrival):
    """A bus of 30 is read in as many queries as a bus of 5: the people known by their documents, the rooms
    and their beds, the rules, each asked once for the whole list (1,000 rows were 1,000 lookups each)."""
    from sqlalchemy import event

    def selects(n: int) -> int:
        items = [BatchItem(make_arrival(), r.id) for r in free_rooms(session, n)]
        seen: list[str] = []

        def count(_conn, _cursor, statement, *_args):
            if statement.lstrip().upper().startswith("SELECT"):
                seen.append(statement)

        event.listen(engine, "before_cursor_execute", count)
        try:
            register_batch(session, desk, items, now=NOW)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(seen)

    assert selects(5) == selects(30)


# --- two desks at once -----------------------------------------------------------------------


def test_two_desks_booking_the_same_free_room_at_once_end_with_one_stay(
    engine, session, site, desk, make_arrival, monkeypatch
):
    """Both desks book the same free room at the same moment.

    The first to read the room holds it until it commits: on PostgreSQL the check-in locks the room's row
    (SELECT … FOR UPDATE), on SQLite the write transaction (BEGIN IMMEDIATE) holds the file. So the second
    desk only reads once the first has committed, and is told the room is occupied (before the lock,
    PostgreSQL let both read the room as free and the bed index refused the second as a "conflict").
    """
    room_id = free_rooms(session, 1)[0].id
    people = [make_arrival(), make_arrival()]
    both_read = threading.Barrier(2, timeout=0.5)  # never both: the second waits for the first's lock
    real_free_beds = arrivals.free_beds

    def free_beds_then_wait(s, room, taken=None):  # the beds are read by now
        beds = real_free_beds(s, room, taken)
        try:
            both_read.wait()
        except threading.BrokenBarrierError:
            pass  # the other desk waits for the lock and cannot have read yet
        return beds

    outcome: dict[int, object] = {}

    def desk_at(i):
        with session_factory(engine)() as s:
            actor = s.get(User, desk_id)
            s.commit()  # the service starts its own (write) transaction, as at a desk
            try:
                outcome[i] = register_arrival(s, actor, people[i], room_id, now=NOW).id
            except DomainError as e:
                outcome[i] = e.code

    desk_id = desk.id
    monkeypatch.setattr(arrivals, "free_beds", free_beds_then_wait)
    threads = [threading.Thread(target=desk_at, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(outcome) == 2
    winners = [v for v in outcome.values() if isinstance(v, int)]
    losers = [v for v in outcome.values() if isinstance(v, str)]
    assert len(winners) == 1
    assert losers == ["room_occupied"]
    session.commit()  # a fresh snapshot (SQLite keeps the read transaction's view otherwise)
    active = list(session.scalars(select(Stay).where(Stay.room_id == room_id, Stay.departed_at.is_(None))))
    assert [s.id for s in active] == winners
    assert session.scalar(select(func.count()).select_from(Person)) == 1  # the loser's person was rolled back
    assert len(audit_of(session, "stay.check_in")) == 1
    assert session.get(Room, room_id).state is RoomState.OCCUPIED


def test_partial_unique_index_refuses_a_second_active_stay_on_a_bed(
    engine, session, site, desk, make_arrival, monkeypatch
):
    """A desk whose free-bed check is out of date is stopped by the database, on both engines."""
    room_id = free_rooms(session, 1)[0].id
    register_arrival(session, desk, make_arrival(), room_id, now=NOW)
    monkeypatch.setattr(
        arrivals, "free_beds", lambda _s, room, _taken=None: list(range(1, room.beds + 1))
    )  # seen a moment ago
    with session_factory(engine)() as other:
        actor = other.get(User, desk.id)
        other.commit()
        refused(session, "conflict", register_arrival, other, actor, make_arrival(), room_id, now=NOW)
    active = session.scalars(select(Stay).where(Stay.room_id == room_id, Stay.departed_at.is_(None))).all()
    assert len(active) == 1


def test_a_batch_writes_each_kind_of_row_in_one_statement_whatever_its_size(engine, session, site, desk, make_arrival):
    """The people, their stays, swabs, search keys and audit entries go in as one INSERT each (an executemany):
    on SQLite the ORM inserted every row with its own INSERT … RETURNING to learn its id (models/store/new_ids.py)."""
    from sqlalchemy import event

    def inserts(n: int) -> int:
        items = [BatchItem(make_arrival(), r.id) for r in free_rooms(session, n)]
        seen: list[str] = []

        def count(_conn, _cursor, statement, *_args):
            if statement.lstrip().upper().startswith("INSERT"):
                seen.append(statement)

        event.listen(engine, "before_cursor_execute", count)
        try:
            register_batch(session, desk, items, now=NOW)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(seen)

    assert inserts(3) == inserts(30) <= 6


def test_ids_given_before_the_flush_are_never_ones_the_table_used(engine, session, site, desk, make_arrival):
    """An AUTOINCREMENT table (the audit trail) never gives an id again, a deleted newest row's included:
    the ids given to a batch continue from SQLite's own counter when it is ahead of the largest id."""
    from models.store import new_ids

    if engine.dialect.name != "sqlite":
        assert new_ids.reserve(session, AuditEntry, 3) is None  # PostgreSQL's RETURNING keeps the order
        return
    largest = session.scalar(select(func.max(AuditEntry.id))) or 0
    session.execute(text("UPDATE sqlite_sequence SET seq = :s WHERE name = 'audit_entry'"), {"s": largest + 40})
    assert new_ids.reserve(session, AuditEntry, 3) == largest + 41
    assert new_ids.reserve(session, Stay, 3) == (session.scalar(select(func.max(Stay.id))) or 0) + 1
    *_rooms, items = bus_with_a_child(session, make_arrival)
    register_batch(session, desk, items, now=NOW)
    assert min(session.scalars(select(AuditEntry.id).where(AuditEntry.id > largest))) == largest + 41


def test_a_desk_that_read_the_room_before_another_released_it_sees_the_room_as_it_is_now(
    engine, session, site, desk, make_arrival
):
    """This desk holds a room as occupied (read a moment ago); another desk releases the one in it (the
    room now awaits disinfection) and commits; this desk then checks someone in there. It must see the
    room as it is now and refuse: never a person in a room marked "awaiting disinfection"."""
    from models.services.stays import depart_other

    room = free_rooms(session, 1)[0]
    first = register_arrival(session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 20, 15)), room.id)
    assert session.get(Room, room.id).state is RoomState.OCCUPIED  # read here, and held in the session
    with session_factory(engine)() as other:
        depart_other(other, desk, first.id, "moved to hospital")
    with pytest.raises(DomainError) as refused:
        register_arrival(session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 22, 9)), room.id)
    # PostgreSQL reads the room again (locked): it awaits disinfection; SQLite's write waits for the other's
    assert refused.value.code in ("room_dirty", "conflict", "stale")
    session.rollback()
    with session_factory(engine)() as fresh:
        here = fresh.get(Room, room.id)
        present = fresh.scalar(
            select(func.count()).select_from(Stay).where(Stay.room_id == room.id, Stay.departed_at.is_(None))
        )
        assert (here.state, present) == (RoomState.AWAITING_DISINFECTION, 0)


def test_a_check_in_moves_the_rooms_version_so_a_release_that_did_not_see_it_is_stale(
    session, site, desk, make_arrival
):
    """A double room with one person: a companion checked in moves the room's version, so another desk's
    release that read the room before it cannot mark the room empty ("awaiting") over the companion."""
    room = free_rooms(session, 1, beds=2)[0]
    first = register_arrival(session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 20, 15)), room.id)
    version = session.get(Room, room.id).version
    register_arrival(
        session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 20, 16)), room.id,
        shares_with_stay_id=first.id, companion_reason=CompanionReason.FAMILY,
    )  # fmt: skip
    assert session.get(Room, room.id).version == version + 1  # occupied before and after, yet moved
