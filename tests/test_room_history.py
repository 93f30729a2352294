from datetime import timedelta

from models.services.arrivals import register_arrival
from models.services.rooms import record_disinfection, room_history, room_stays
from models.services.stays import change_room, transfer
from models.store.orm import DepartureKind
from tests.conftest import NOW
from tests.helpers import free_rooms


def test_room_history_lists_stays_and_events_newest_first(session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0]
    stay = register_arrival(session, desk, make_arrival(), room.id, now=NOW)
    transfer(session, desk, stay.id, DepartureKind.TO_OTHER_SITE, "第二隔离点", now=NOW + timedelta(hours=1))
    record_disinfection(
        session, desk, room.id, agent="含氯消毒剂", done_by="赵", checked_by="孙", at=NOW + timedelta(hours=2)
    )
    history = room_history(session, room.id)
    assert [zh for _, zh, _ in history] == [
        "终末消毒：含氯消毒剂 ，赵，核查 孙",
        f"{stay.person.name} 离开（转至其他隔离点）",  # how, in words: never the code
        f"{stay.person.name} 入住",
    ]
    assert history[0][2].startswith("Disinfected")


def test_a_room_move_splits_the_history_between_the_two_rooms(session, site, desk, make_arrival):
    """The occupant stays in the old room's history for the time they were there, and appears in the new room
    from the move, not from their arrival."""
    old, new, third = free_rooms(session, 3)
    stay = register_arrival(session, desk, make_arrival(), old.id, now=NOW)
    name = stay.person.name
    change_room(session, desk, stay.id, new.id, "漏水", now=NOW + timedelta(hours=1))
    change_room(session, desk, stay.id, third.id, "调整", now=NOW + timedelta(hours=2))
    transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, "市第一医院", now=NOW + timedelta(hours=3))
    assert [(at, zh) for at, zh, _ in room_history(session, old.id)] == [
        (NOW + timedelta(hours=1), f"{name} 调至 {new.number} 房间"),
        (NOW, f"{name} 入住"),
    ]
    assert [(at, zh) for at, zh, _ in room_history(session, new.id)] == [
        (NOW + timedelta(hours=2), f"{name} 调至 {third.number} 房间"),
        (NOW + timedelta(hours=1), f"{name} 由 {old.number} 房间调入"),
    ]
    third_history = room_history(session, third.id)
    assert [(at, zh) for at, zh, _ in third_history] == [
        (NOW + timedelta(hours=3), f"{name} 离开（转运至医院）"),
        (NOW + timedelta(hours=2), f"{name} 由 {new.number} 房间调入"),
    ]
    assert third_history[1][2] == f"{name} moved in from room {new.number}"
    spans = {r.stay_id: (r.start, r.end) for r in room_stays(session, new.id)}
    assert spans == {stay.id: (NOW + timedelta(hours=1), NOW + timedelta(hours=2))}
