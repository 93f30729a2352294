from datetime import timedelta

from models.services.arrivals import register_arrival
from models.services.rooms import record_disinfection, room_history
from models.services.stays import transfer
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
