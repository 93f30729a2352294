"""After check-in (models/services/stays.py): room change, new release date, release, transfers, other departures."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from models.errors import DomainError
from models.services.arrivals import register_arrival
from models.services.rooms import set_out_of_service
from models.services.stays import (
    change_release_date,
    change_room,
    date_changes,
    depart_other,
    release,
    release_readiness,
    transfer,
)
from models.store.orm import (
    AlertState,
    AuditEntry,
    CompanionReason,
    DepartureKind,
    FeverAlert,
    Observation,
    Person,
    Room,
    RoomEvent,
    RoomMove,
    RoomState,
    Slot,
    Stay,
    StayDateChange,
    SwabResult,
    SwabTest,
)
from tests.conftest import NOW, local
from tests.helpers import free_rooms

ARRIVED = local(2026, 11, 16, 14)
# 第九版 inbound arriving 16 Nov: swabs on days 1, 2, 3, 5, 7 = 16, 17, 18, 20, 22 Nov; release 23 Nov (= NOW's day);
# home monitoring until 25 Nov
RELEASE_DAY = date(2026, 11, 23)


# --- helpers ---------------------------------------------------------------------------------


def db_state(session):
    """Everything a refused action must leave exactly as it was."""
    session.commit()
    session.expire_all()

    def rows(query):
        return tuple(tuple(r) for r in session.execute(query))

    counts = {
        t.__name__: session.scalar(select(func.count()).select_from(t))
        for t in (Person, Stay, SwabTest, AuditEntry, RoomMove, StayDateChange, RoomEvent, FeverAlert, Observation)
    }
    return (
        counts,
        rows(select(Room.id, Room.state, Room.version).order_by(Room.id)),
        rows(select(*Stay.__table__.columns).order_by(Stay.id)),
        rows(select(SwabTest.id, SwabTest.planned_day, SwabTest.sampled_at).order_by(SwabTest.id)),
        rows(select(FeverAlert.id, FeverAlert.state).order_by(FeverAlert.id)),
    )


def refused(session, code, fn, *args, **kwargs):
    before = db_state(session)
    with pytest.raises(DomainError) as err:
        fn(session, *args, **kwargs)
    assert err.value.code == code, err.value.en
    assert db_state(session) == before
    return err.value


def arrive(session, desk, make_arrival, room_id, category="inbound", **kw):
    return register_arrival(session, desk, make_arrival(category, arrived_at=ARRIVED, **kw), room_id, now=ARRIVED)


@pytest.fixture
def stay(session, site, desk, make_arrival):
    return arrive(session, desk, make_arrival, free_rooms(session, 1)[0].id)


def swab(session, stay_id, day):
    return session.scalars(select(SwabTest).where(SwabTest.stay_id == stay_id, SwabTest.planned_day == day)).one()


def set_swab(session, stay_id, day, result):
    """Sample the swab of day N on its day; result None = sampled, result not back yet."""
    s = swab(session, stay_id, day)
    s.sampled_at = local(s.planned_date.year, s.planned_date.month, s.planned_date.day, 9)
    s.sampled_by = "采样组"
    s.result = result
    s.result_at = s.sampled_at + timedelta(hours=10) if result else None
    session.commit()


def planned_days(session, stay_id):
    return list(
        session.scalars(select(SwabTest.planned_day).where(SwabTest.stay_id == stay_id).order_by(SwabTest.planned_day))
    )


def open_fever(session, stay_id, at=None):
    """A fever reading and its open alert, made directly (the observation service is tested elsewhere)."""
    at = at or local(2026, 11, 22, 8)
    obs = Observation(stay_id=stay_id, day=at.date(), slot=Slot.MORNING, taken_at=at, temperature=38.4, taken_by="护士")
    session.add(obs)
    session.flush()
    alert = FeverAlert(stay_id=stay_id, observation_id=obs.id, opened_at=at)
    session.add(alert)
    session.commit()
    return alert


def audit_of(session, action):
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


# --- change of room --------------------------------------------------------------------------


def test_room_change_moves_the_person_and_leaves_the_old_room_for_disinfection(session, desk, stay):
    old_room = stay.room_id
    target = free_rooms(session, 1)[0].id
    swabs_before = planned_days(session, stay.id)
    change_room(session, desk, stay.id, target, "空调故障", now=NOW)
    session.expire_all()
    moved = session.get(Stay, stay.id)
    assert (moved.room_id, moved.bed, moved.planned_release) == (target, 1, RELEASE_DAY)
    assert session.get(Room, old_room).state is RoomState.AWAITING_DISINFECTION
    assert session.get(Room, target).state is RoomState.OCCUPIED
    move = session.scalars(select(RoomMove)).one()
    assert (move.stay_id, move.from_room_id, move.to_room_id, move.reason, move.user_id, move.at) == (
        stay.id,
        old_room,
        target,
        "空调故障",
        desk.id,
        NOW,
    )
    entry = audit_of(session, "stay.room_change")[0]
    assert (entry.before["room_id"], entry.after["room_id"], entry.note, entry.user_id) == (
        old_room,
        target,
        "空调故障",
        desk.id,
    )
    assert [e.room_id for e in audit_of(session, "room.awaiting_disinfection")] == [old_room]
    assert planned_days(session, stay.id) == swabs_before  # the plan goes with the person


def test_room_change_moves_the_companions_along(session, site, desk, make_arrival):
    d1, d2 = free_rooms(session, 2, beds=2)
    carer = arrive(session, desk, make_arrival, d1.id)
    child = register_arrival(
        session,
        desk,
        make_arrival(arrived_at=ARRIVED, min_age=4),
        d1.id,
        shares_with_stay_id=carer.id,
        companion_reason=CompanionReason.CHILD,
        now=ARRIVED,
    )
    change_room(session, desk, carer.id, d2.id, "楼层调整", now=NOW)
    session.expire_all()
    c, k = session.get(Stay, carer.id), session.get(Stay, child.id)
    assert (c.room_id, c.bed, c.shares_with_id) == (d2.id, 1, None)
    assert (k.room_id, k.bed, k.shares_with_id, k.companion_reason) == (d2.id, 2, carer.id, CompanionReason.CHILD)
    assert session.get(Room, d1.id).state is RoomState.AWAITING_DISINFECTION
    assert session.get(Room, d2.id).state is RoomState.OCCUPIED
    moves = session.scalars(select(RoomMove).order_by(RoomMove.id)).all()
    assert [(m.stay_id, m.from_room_id, m.to_room_id) for m in moves] == [
        (carer.id, d1.id, d2.id),
        (child.id, d1.id, d2.id),
    ]


def test_household_that_does_not_fit_the_target_is_not_split(session, site, desk, make_arrival):
    double = free_rooms(session, 1, beds=2)[0].id
    single = free_rooms(session, 1)[0].id
    carer = arrive(session, desk, make_arrival, double)
    register_arrival(
        session,
        desk,
        make_arrival(arrived_at=ARRIVED, min_age=4),
        double,
        shares_with_stay_id=carer.id,
        companion_reason=CompanionReason.CHILD,
        now=ARRIVED,
    )
    refused(session, "room_full", change_room, desk, carer.id, single, now=NOW)
    assert session.get(Stay, carer.id).room_id == double
    assert session.get(Room, single).state is RoomState.AVAILABLE


def test_companion_can_move_out_alone(session, site, desk, make_arrival):
    double = free_rooms(session, 1, beds=2)[0].id
    single = free_rooms(session, 1)[0].id
    carer = arrive(session, desk, make_arrival, double)
    child = register_arrival(
        session,
        desk,
        make_arrival(arrived_at=ARRIVED, min_age=15),
        double,
        shares_with_stay_id=carer.id,
        companion_reason=CompanionReason.FAMILY,
        now=ARRIVED,
    )
    change_room(session, desk, child.id, single, "单独隔离", now=NOW)
    session.expire_all()
    k = session.get(Stay, child.id)
    assert (k.room_id, k.bed, k.shares_with_id, k.companion_reason) == (single, 1, None, None)
    assert session.get(Stay, carer.id).room_id == double
    assert session.get(Room, double).state is RoomState.OCCUPIED  # the carer is still there


def test_a_companion_moved_takes_the_one_who_shares_with_them_along(session, site, desk, make_arrival):
    """A child checked in as the companion of a companion (the carer they came with left first): moving
    the companion moves the child too, never a child left in a room apart from whom they share with."""
    from models.reads.checks import invariant_problems

    d1, d2 = free_rooms(session, 2, beds=2)
    carer = arrive(session, desk, make_arrival, d1.id)
    partner = register_arrival(
        session, desk, make_arrival(arrived_at=ARRIVED, min_age=20), d1.id,
        shares_with_stay_id=carer.id, companion_reason=CompanionReason.FAMILY, now=ARRIVED,
    )  # fmt: skip
    depart_other(session, desk, carer.id, "转定点医院", now=ARRIVED + timedelta(hours=2))
    child = register_arrival(
        session, desk, make_arrival(arrived_at=ARRIVED + timedelta(hours=3), min_age=4), d1.id,
        shares_with_stay_id=partner.id, companion_reason=CompanionReason.CHILD, now=ARRIVED + timedelta(hours=3),
    )  # fmt: skip
    change_room(session, desk, partner.id, d2.id, "楼层调整", now=NOW)
    session.expire_all()
    p, k = session.get(Stay, partner.id), session.get(Stay, child.id)
    assert (p.room_id, p.shares_with_id) == (d2.id, None)  # left the carer (gone) they had shared with
    assert (k.room_id, k.shares_with_id) == (d2.id, partner.id)  # and the child came along
    assert session.get(Room, d1.id).state is RoomState.AWAITING_DISINFECTION
    assert invariant_problems(session) == []


def test_room_change_target_must_be_free(session, site, desk, make_arrival, stay):
    occupied, dirty, closed = free_rooms(session, 3)
    arrive(session, desk, make_arrival, occupied.id)
    gone = arrive(session, desk, make_arrival, dirty.id)
    depart_other(session, desk, gone.id, "经批准离开", now=NOW - timedelta(hours=2))
    set_out_of_service(session, desk, closed.id, "维修", NOW.date())
    refused(session, "room_same", change_room, desk, stay.id, stay.room_id, now=NOW)
    refused(session, "room_occupied", change_room, desk, stay.id, occupied.id, now=NOW)
    refused(session, "room_dirty", change_room, desk, stay.id, dirty.id, now=NOW)
    refused(session, "room_out_of_service", change_room, desk, stay.id, closed.id, now=NOW)
    refused(session, "room_not_found", change_room, desk, stay.id, 999_999, now=NOW)
    refused(session, "stay_not_found", change_room, desk, 999_999, occupied.id, now=NOW)


# --- release date ----------------------------------------------------------------------------


def test_extension_is_kept_with_reason_and_user(session, desk, stay):
    change = change_release_date(session, desk, stay.id, date(2026, 11, 26), "  核酸结果未出 ", now=NOW)
    assert (change.old_release, change.new_release, change.reason, change.user_id, change.at) == (
        RELEASE_DAY,
        date(2026, 11, 26),
        "核酸结果未出",
        desk.id,
        NOW,
    )
    s = session.get(Stay, stay.id)
    assert (s.planned_release, s.home_until) == (date(2026, 11, 26), date(2026, 11, 28))  # home period moves along
    assert planned_days(session, stay.id) == [1, 2, 3, 5, 7, 10]  # the release test moves to the new last day
    entry = audit_of(session, "stay.release_date")[0]
    assert (entry.before["planned_release"], entry.after["planned_release"], entry.note, entry.user_id) == (
        "2026-11-23",
        "2026-11-26",
        "核酸结果未出",
        desk.id,
    )


def test_shortening_drops_the_swabs_no_longer_due(session, desk, stay):
    change_release_date(session, desk, stay.id, date(2026, 11, 21), "指挥部通知缩短", now=NOW)
    assert planned_days(session, stay.id) == [1, 2, 3, 5]  # day 7 (22 Nov) is after the new date
    change_release_date(session, desk, stay.id, date(2026, 11, 20), "再次缩短", now=NOW)
    assert planned_days(session, stay.id) == [1, 2, 3]  # the release date itself is no isolation day
    s = session.get(Stay, stay.id)
    assert (s.planned_release, s.home_until) == (date(2026, 11, 20), date(2026, 11, 22))
    history = date_changes(session, stay.id)
    assert [(h.old_release, h.new_release, h.reason) for h in history] == [
        (RELEASE_DAY, date(2026, 11, 21), "指挥部通知缩短"),
        (date(2026, 11, 21), date(2026, 11, 20), "再次缩短"),
    ]


def test_shortening_keeps_a_swab_already_taken(session, desk, stay):
    set_swab(session, stay.id, 7, SwabResult.NEGATIVE)
    change_release_date(session, desk, stay.id, date(2026, 11, 21), "缩短", now=NOW)
    assert planned_days(session, stay.id) == [1, 2, 3, 5, 7]  # day 7 was sampled: a record, not a plan


def test_release_date_change_refusals(session, desk, stay):
    refused(session, "reason_required", change_release_date, desk, stay.id, date(2026, 11, 25), "", now=NOW)
    refused(session, "reason_required", change_release_date, desk, stay.id, date(2026, 11, 25), "  \n", now=NOW)
    refused(session, "release_date_invalid", change_release_date, desk, stay.id, date(2026, 11, 16), "x", now=NOW)
    refused(session, "release_date_invalid", change_release_date, desk, stay.id, date(2026, 11, 10), "x", now=NOW)
    refused(session, "release_date_same", change_release_date, desk, stay.id, RELEASE_DAY, "x", now=NOW)
    refused(session, "stay_not_found", change_release_date, desk, 999_999, date(2026, 11, 25), "x", now=NOW)
    # the day after arrival is the earliest possible release
    change_release_date(session, desk, stay.id, date(2026, 11, 17), "提前解除", now=NOW)
    assert planned_days(session, stay.id) == [1]


# --- release ---------------------------------------------------------------------------------


def test_release_when_everything_is_in_order(session, desk, stay):
    set_swab(session, stay.id, 5, SwabResult.NEGATIVE)
    set_swab(session, stay.id, 7, SwabResult.NEGATIVE)
    ready = release_readiness(session, stay, RELEASE_DAY)
    assert (ready.ok, ready.date_reached, ready.last_swab_day, ready.last_swab_result, ready.open_fever) == (
        True,
        True,
        7,
        "negative",
        False,
    )
    done = release(session, desk, stay.id, now=local(2026, 11, 23, 0, 30))  # just after midnight, local time
    session.expire_all()
    s = session.get(Stay, done.id)
    assert (s.departure_kind, s.departed_at, s.release_override) == (
        DepartureKind.RELEASED,
        local(2026, 11, 23, 0, 30),
        None,
    )
    assert session.get(Room, s.room_id).state is RoomState.AWAITING_DISINFECTION
    assert planned_days(session, stay.id) == [5, 7]  # unsampled swabs are no longer due; results are kept
    entry = audit_of(session, "stay.released")[0]
    assert (entry.before["departure_kind"], entry.after["departure_kind"], entry.user_id) == (None, "released", desk.id)


def test_release_too_early_is_refused(session, desk, stay):
    set_swab(session, stay.id, 7, SwabResult.NEGATIVE)
    err = refused(session, "release_too_early", release, desk, stay.id, now=local(2026, 11, 22, 23, 59))
    assert "2026-11-23" in err.en
    assert release_readiness(session, stay, date(2026, 11, 22)).date_reached is False


@pytest.mark.parametrize(
    ("result", "sampled", "shown"),
    [(None, False, "not_sampled"), (None, True, "pending"), (SwabResult.POSITIVE, True, "positive")],
)
def test_release_needs_the_last_swab_negative(session, desk, stay, result, sampled, shown):
    set_swab(session, stay.id, 5, SwabResult.NEGATIVE)  # an earlier negative is not enough
    if sampled:
        set_swab(session, stay.id, 7, result)
    ready = release_readiness(session, stay, RELEASE_DAY)
    assert (ready.last_swab_day, ready.last_swab_result, ready.ok) == (7, shown, False)
    err = refused(session, "release_swab", release, desk, stay.id, now=NOW)
    assert err.params == {"day": 7, "result": shown}


def test_after_shortening_the_last_swab_is_the_last_one_still_planned(session, desk, stay):
    change_release_date(session, desk, stay.id, date(2026, 11, 21), "缩短", now=NOW)
    set_swab(session, stay.id, 5, SwabResult.NEGATIVE)
    assert release(session, desk, stay.id, now=local(2026, 11, 21, 9)).departure_kind is DepartureKind.RELEASED


def test_open_fever_alert_blocks_release(session, desk, stay):
    set_swab(session, stay.id, 7, SwabResult.NEGATIVE)
    open_fever(session, stay.id)
    ready = release_readiness(session, stay, RELEASE_DAY)
    assert (ready.date_reached, ready.last_swab_result, ready.open_fever) == (True, "negative", True)
    assert [p.code for p in ready.problems] == ["release_fever"]
    refused(session, "release_fever", release, desk, stay.id, now=NOW)


def test_closed_fever_alert_does_not_block_release(session, desk, stay):
    set_swab(session, stay.id, 7, SwabResult.NEGATIVE)
    alert = open_fever(session, stay.id)
    alert.state, alert.closed_at, alert.resolution = AlertState.CLOSED, local(2026, 11, 22, 10), "recheck_normal"
    session.commit()
    assert release(session, desk, stay.id, now=NOW).release_override is None


def test_override_needs_a_reason_and_is_recorded(session, desk, stay):
    alert = open_fever(session, stay.id)  # and the last swab is not back either
    assert [p.code for p in release_readiness(session, stay, RELEASE_DAY).problems] == [
        "release_swab",
        "release_fever",
    ]
    refused(session, "override_reason", release, desk, stay.id, override_reason="", now=NOW)
    refused(session, "override_reason", release, desk, stay.id, override_reason="   ", now=NOW)
    done = release(session, desk, stay.id, override_reason=" 医生评估：非感染性发热，纸质报告阴性 ", now=NOW)
    session.expire_all()
    s = session.get(Stay, done.id)
    assert (s.departure_kind, s.release_override) == (DepartureKind.RELEASED, "医生评估：非感染性发热，纸质报告阴性")
    entry = audit_of(session, "stay.released")[0]
    assert entry.note == "医生评估：非感染性发热，纸质报告阴性" and entry.after["release_override"] == entry.note
    a = session.get(FeverAlert, alert.id)
    assert (a.state, a.resolution, a.closed_at, a.closed_by_id) == (AlertState.CLOSED, "departed", NOW, desk.id)
    assert len(audit_of(session, "alert.close")) == 1


def test_override_also_covers_an_early_release(session, desk, stay):
    refused(session, "release_too_early", release, desk, stay.id, now=local(2026, 11, 20, 9))
    done = release(session, desk, stay.id, override_reason="指挥部书面通知提前解除", now=local(2026, 11, 20, 9))
    assert done.release_override == "指挥部书面通知提前解除"


def test_override_is_not_kept_when_nothing_needed_overriding(session, desk, stay):
    set_swab(session, stay.id, 7, SwabResult.NEGATIVE)
    assert release(session, desk, stay.id, override_reason="以防万一", now=NOW).release_override is None


def test_departure_before_arrival_is_refused(session, desk, stay):
    refused(
        session,
        "departure_before_arrival",
        release,
        desk,
        stay.id,
        override_reason="录入错误",
        now=ARRIVED - timedelta(minutes=1),
    )


# --- transfers and other departures ----------------------------------------------------------


def test_transfer_to_hospital_needs_a_destination(session, desk, stay):
    for blank in ("", "   "):
        refused(session, "destination_required", transfer, desk, stay.id, DepartureKind.TO_HOSPITAL, blank, now=NOW)
    open_fever(session, stay.id)
    transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, " 市定点医院 ", "发热 38.4 ℃", now=NOW)
    session.expire_all()
    s = session.get(Stay, stay.id)
    assert (s.departure_kind, s.departure_destination, s.departure_reason, s.departed_at) == (
        DepartureKind.TO_HOSPITAL,
        "市定点医院",
        "发热 38.4 ℃",
        NOW,
    )
    assert session.get(Room, s.room_id).state is RoomState.AWAITING_DISINFECTION
    assert release_readiness(session, s, NOW.date()).open_fever is False  # the alert closed with the departure
    assert planned_days(session, stay.id) == []
    assert len(audit_of(session, "stay.to_hospital")) == 1


def test_transfer_to_another_site_needs_a_destination_home_isolation_does_not(session, site, desk, make_arrival):
    a, b = (arrive(session, desk, make_arrival, r.id) for r in free_rooms(session, 2))
    refused(session, "destination_required", transfer, desk, a.id, DepartureKind.TO_OTHER_SITE, "", now=NOW)
    transfer(session, desk, a.id, DepartureKind.TO_OTHER_SITE, "第二隔离点", now=NOW)
    transfer(session, desk, b.id, DepartureKind.HOME_ISOLATION, "", "社区同意居家隔离", now=NOW)
    session.expire_all()
    assert session.get(Stay, a.id).departure_destination == "第二隔离点"
    s = session.get(Stay, b.id)
    assert (s.departure_kind, s.departure_destination, s.departure_reason) == (
        DepartureKind.HOME_ISOLATION,
        None,
        "社区同意居家隔离",
    )


def test_a_transfer_in_the_future_is_refused_as_an_arrival_is(session, desk, stay):
    tomorrow = NOW + timedelta(days=1)
    err = refused(
        session,
        "departure_in_future",
        transfer,
        desk,
        stay.id,
        DepartureKind.TO_HOSPITAL,
        "市定点医院",
        now=NOW,
        at=tomorrow,
    )
    assert err.message("zh_CN") == "离开时间不能晚于现在" and err.message("en") == "The departure time is in the future"
    earlier = NOW - timedelta(hours=2)  # a time in the past, as typed: kept as it is
    transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW, at=earlier)
    session.expire_all()
    assert session.get(Stay, stay.id).departed_at == earlier


@pytest.mark.parametrize("kind", [DepartureKind.RELEASED, DepartureKind.OTHER])
def test_transfer_is_not_a_way_to_release_or_leave_otherwise(session, desk, stay, kind):
    before = db_state(session)
    with pytest.raises(ValueError):
        transfer(session, desk, stay.id, kind, "x", now=NOW)
    assert db_state(session) == before


def test_other_departure_needs_a_reason(session, desk, stay):
    refused(session, "reason_required", depart_other, desk, stay.id, "", now=NOW)
    refused(session, "reason_required", depart_other, desk, stay.id, "  ", now=NOW)
    depart_other(session, desk, stay.id, " 经指挥部批准离开 ", now=NOW)
    session.expire_all()
    s = session.get(Stay, stay.id)
    assert (s.departure_kind, s.departure_reason, s.departed_at) == (DepartureKind.OTHER, "经指挥部批准离开", NOW)
    assert audit_of(session, "stay.other")[0].note == "经指挥部批准离开"


def test_carer_leaving_keeps_the_room_occupied_for_the_companion(session, site, desk, make_arrival):
    double = free_rooms(session, 1, beds=2)[0].id
    carer = arrive(session, desk, make_arrival, double)
    child = register_arrival(
        session,
        desk,
        make_arrival(arrived_at=ARRIVED, min_age=4),
        double,
        shares_with_stay_id=carer.id,
        companion_reason=CompanionReason.CHILD,
        now=ARRIVED,
    )
    transfer(session, desk, carer.id, DepartureKind.TO_HOSPITAL, "儿童医院", now=NOW - timedelta(hours=2))
    assert session.get(Room, double).state is RoomState.OCCUPIED
    transfer(session, desk, child.id, DepartureKind.TO_HOSPITAL, "儿童医院", now=NOW)
    assert session.get(Room, double).state is RoomState.AWAITING_DISINFECTION


def test_a_departed_stay_refuses_every_further_action(session, site, desk, make_arrival, stay):
    free = free_rooms(session, 1)[0].id
    depart_other(session, desk, stay.id, "经批准离开", now=NOW)
    err = refused(session, "stay_departed", release, desk, stay.id, override_reason="x", now=NOW)
    assert stay.person.name in err.zh and "2026-11-23" in err.en
    refused(session, "stay_departed", change_room, desk, stay.id, free, now=NOW)
    refused(session, "stay_departed", change_release_date, desk, stay.id, date(2026, 11, 30), "延长", now=NOW)
    refused(session, "stay_departed", transfer, desk, stay.id, DepartureKind.TO_HOSPITAL, "医院", now=NOW)
    refused(session, "stay_departed", transfer, desk, stay.id, DepartureKind.HOME_ISOLATION, "", now=NOW)
    refused(session, "stay_departed", depart_other, desk, stay.id, "再次离开", now=NOW)
    refused(session, "stay_not_found", release, desk, 999_999, now=NOW)


def test_a_carer_and_the_child_sharing_the_room_leave_together(session, site, desk, make_arrival):
    """A 3-year-old whose swabs are all negative was released alone while the mother's last swab was pending."""
    from models.services.stays import release_readiness
    from models.services.swabs import mark_sampled, record_result, swab_plan
    from models.store.orm import CompanionReason

    double = free_rooms(session, 1, beds=2)[0]
    arrived = local(2026, 11, 16, 15)
    mother = register_arrival(session, desk, make_arrival(arrived_at=arrived), double.id, now=NOW)
    child = register_arrival(
        session,
        desk,
        make_arrival(arrived_at=arrived, min_age=0),
        double.id,
        shares_with_stay_id=mother.id,
        companion_reason=CompanionReason.CHILD,
        now=NOW,
    )
    for who, last in ((child, "negative"), (mother, "pending")):
        for t in swab_plan(session, who.id):
            mark_sampled(
                session,
                desk,
                t.id,
                by="护士",
                at=local(t.planned_date.year, t.planned_date.month, t.planned_date.day, 8),
            )
            if t.planned_day != 7 or last == "negative":
                record_result(session, desk, t.id, "negative")
    day = NOW.date()
    child_check = release_readiness(session, session.get(Stay, child.id), day)
    assert [p.code for p in child_check.problems] == ["release_household"]
    assert mother.person.name in child_check.problems[0].zh and "一同解除" in child_check.problems[0].zh
    assert [p.code for p in release_readiness(session, session.get(Stay, mother.id), day).problems] == ["release_swab"]
    last = next(t for t in swab_plan(session, mother.id) if t.planned_day == 7)
    record_result(session, desk, last.id, "negative")
    assert release_readiness(session, session.get(Stay, child.id), day).ok
    assert release_readiness(session, session.get(Stay, mother.id), day).ok


def test_the_release_checks_see_what_the_transaction_holds_not_yet_written(session, site, desk, make_arrival):
    """The checks read plain rows from the connection (issue 16): what the same transaction changed and not yet
    wrote (a batch release's earlier steps) is flushed first, as the ORM's reads would have."""
    from models.services.stays import readiness_many
    from models.services.swabs import mark_sampled, record_result, swab_plan
    from models.store.orm import SwabResult, SwabTest

    stay = register_arrival(
        session, desk, make_arrival(arrived_at=local(2026, 11, 16, 15)), free_rooms(session, 1)[0].id, now=NOW
    )
    for t in swab_plan(session, stay.id):
        mark_sampled(
            session, desk, t.id, by="护士", at=local(t.planned_date.year, t.planned_date.month, t.planned_date.day, 8)
        )
        if t.planned_day != 7:
            record_result(session, desk, t.id, "negative")
    row = session.get(Stay, stay.id)
    assert not readiness_many(session, [row], NOW.date())[stay.id].ok
    last = session.scalars(select(SwabTest).where(SwabTest.stay_id == stay.id, SwabTest.planned_day == 7)).one()
    last.result = SwabResult.NEGATIVE  # held by the session, not written
    assert readiness_many(session, [row], NOW.date())[stay.id].ok
    session.rollback()
