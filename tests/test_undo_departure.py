"""Undo a departure done by mistake (models/services/stays.py undo_departure): a release, a transfer or an
other departure, within 24 hours and while nobody else was given the room."""

from datetime import timedelta

import pytest

from models.errors import DomainError
from models.services.arrivals import register_arrival
from models.services.rooms import record_disinfection
from models.services.stays import (
    UNDO_DEPARTURE_WINDOW,
    change_room,
    depart_other,
    release,
    release_readiness,
    transfer,
    undo_departure,
    undo_departure_check,
)
from models.store.orm import AlertState, DepartureKind, FeverAlert, Role, Room, RoomState, Stay, SwabResult, User
from tests.conftest import NOW
from tests.helpers import free_rooms
from tests.test_stays import RELEASE_DAY, arrive, audit_of, open_fever, planned_days, refused, set_swab


@pytest.fixture
def stay(session, site, desk, make_arrival):
    return arrive(session, desk, make_arrival, free_rooms(session, 1)[0].id)


def user(session, role):
    u = User(username=f"u_{role.value}", display_name=role.value, role=role)
    session.add(u)
    session.commit()
    return u


def depart(session, desk, stay, kind):
    if kind is DepartureKind.RELEASED:
        return release(session, desk, stay.id, override_reason="医生同意", now=NOW)
    if kind is DepartureKind.OTHER:
        return depart_other(session, desk, stay.id, "经批准离开", now=NOW)
    return transfer(session, desk, stay.id, kind, "市第一医院", "120", now=NOW)


def present(session, stay_id):
    session.expire_all()
    return session.get(Stay, stay_id)


@pytest.mark.parametrize("kind", list(DepartureKind), ids=lambda k: k.value)
def test_each_kind_of_departure_is_undone_and_the_room_is_occupied_again(session, desk, stay, kind):
    room_id = stay.room_id
    depart(session, desk, stay, kind)
    assert session.get(Room, room_id).state is RoomState.AWAITING_DISINFECTION
    version = present(session, stay.id).version
    undo_departure(session, desk, stay.id, "误操作", now=NOW + timedelta(hours=1), expected_version=version)
    s = present(session, stay.id)
    assert (s.departed_at, s.departure_kind, s.departure_reason, s.departure_destination, s.release_override) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert (s.room_id, s.bed) == (room_id, 1)
    assert session.get(Room, room_id).state is RoomState.OCCUPIED
    entry = audit_of(session, "stay.undo_departure")[0]
    assert entry.note == "误操作" and entry.user_id == desk.id
    assert entry.before["departure_kind"] == kind.value and entry.after["departure_kind"] is None
    assert [e.after["state"] for e in audit_of(session, "room.occupied")][-1] == "occupied"


def test_the_dropped_swabs_and_the_closed_fever_alert_come_back(session, desk, stay):
    set_swab(session, stay.id, 5, SwabResult.NEGATIVE)
    alert = open_fever(session, stay.id)
    before = planned_days(session, stay.id)
    transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, "市第一医院", now=NOW)
    assert planned_days(session, stay.id) != before
    undo_departure(session, desk, stay.id, "转运未成行", now=NOW + timedelta(hours=2))
    assert planned_days(session, stay.id) == before  # the last swab is due again: no release on an earlier one
    assert session.get(FeverAlert, alert.id).state is AlertState.OPEN
    assert not release_readiness(session, present(session, stay.id), RELEASE_DAY).ok


def test_a_released_persons_home_monitoring_stays_with_the_stay(session, desk, stay):
    home = stay.home_until
    assert home is not None
    depart(session, desk, stay, DepartureKind.RELEASED)
    undo_departure(session, desk, stay.id, "误点解除", now=NOW)
    assert present(session, stay.id).home_until == home


def test_a_room_disinfected_meanwhile_but_free_is_taken_again(session, desk, stay):
    depart(session, desk, stay, DepartureKind.OTHER)
    record_disinfection(session, desk, stay.room_id, agent="含氯消毒剂", done_by="保洁", checked_by="院感", at=NOW)
    assert session.get(Room, stay.room_id).state is RoomState.AVAILABLE
    undo_departure(session, desk, stay.id, "误操作", now=NOW + timedelta(hours=3))
    assert session.get(Room, stay.room_id).state is RoomState.OCCUPIED


def test_refused_after_the_window_nothing_changed(session, desk, stay):
    depart(session, desk, stay, DepartureKind.OTHER)
    late = NOW + UNDO_DEPARTURE_WINDOW + timedelta(minutes=1)
    err = refused(session, "undo_too_late", undo_departure, desk, stay.id, "误操作", now=late)
    assert "24" in err.zh and "24 hours" in err.en
    assert undo_departure_check(session, stay.id, late).code == "undo_too_late"
    assert undo_departure_check(session, stay.id, NOW + UNDO_DEPARTURE_WINDOW) is None  # the last minute still does


def test_refused_once_the_room_has_a_new_occupant(session, desk, stay, make_arrival):
    depart(session, desk, stay, DepartureKind.RELEASED)
    room = session.get(Room, stay.room_id)
    record_disinfection(session, desk, room.id, agent="含氯消毒剂", done_by="保洁", checked_by="院感", at=NOW)
    register_arrival(session, desk, make_arrival(arrived_at=NOW), room.id, now=NOW + timedelta(minutes=30))
    err = refused(session, "undo_room_reused", undo_departure, desk, stay.id, "误操作", now=NOW + timedelta(hours=1))
    assert room.number in err.zh and room.number in err.en


def test_refused_once_someone_moved_into_the_room(session, desk, stay, make_arrival):
    other = arrive(session, desk, make_arrival, free_rooms(session, 1)[0].id)
    depart(session, desk, stay, DepartureKind.OTHER)
    record_disinfection(session, desk, stay.room_id, agent="含氯消毒剂", done_by="保洁", checked_by="院感", at=NOW)
    change_room(session, desk, other.id, stay.room_id, "空调故障", now=NOW + timedelta(minutes=5))
    refused(session, "undo_room_reused", undo_departure, desk, stay.id, "误操作", now=NOW + timedelta(hours=1))


def test_a_reason_is_required_and_a_present_person_has_nothing_to_undo(session, desk, stay):
    refused(session, "undo_not_departed", undo_departure, desk, stay.id, "误操作", now=NOW)
    depart(session, desk, stay, DepartureKind.OTHER)
    refused(session, "reason_required", undo_departure, desk, stay.id, "  ", now=NOW)


def test_stale_version_refused(session, desk, stay):
    seen = stay.version
    depart(session, desk, stay, DepartureKind.OTHER)
    refused(session, "stale", undo_departure, desk, stay.id, "误操作", now=NOW, expected_version=seen)


def test_the_role_of_the_departures_kind_is_needed(session, site, desk, make_arrival):
    nurse, viewer = user(session, Role.MEDICAL), user(session, Role.VIEWER)
    sent, released = (arrive(session, desk, make_arrival, r.id) for r in free_rooms(session, 2))
    depart(session, desk, sent, DepartureKind.TO_HOSPITAL)
    depart(session, desk, released, DepartureKind.RELEASED)
    refused(session, "forbidden", undo_departure, viewer, sent.id, "误操作", now=NOW)
    refused(session, "forbidden", undo_departure, nurse, released.id, "误操作", now=NOW)  # a release is the desk's
    undo_departure(session, nurse, sent.id, "误操作", now=NOW)  # medical staff may send to hospital: and undo it
    assert present(session, sent.id).departed_at is None
    with pytest.raises(DomainError):
        undo_departure(session, nurse, sent.id, "again", now=NOW)
