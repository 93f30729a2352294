from datetime import date

from models.reads.board import board_rooms, state_counts
from models.services.arrivals import register_arrival
from models.services.observations import record_reading
from models.services.rooms import set_out_of_service
from models.services.stays import transfer
from models.store.orm import DepartureKind, RoomState, Slot
from tests.conftest import NOW, local
from tests.helpers import free_rooms


def test_board_shows_states_occupants_day_and_fever(session, site, desk, make_arrival):
    rooms = free_rooms(session, 4)
    a = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 21)), rooms[0].id, now=NOW)
    b = register_arrival(session, desk, make_arrival(), rooms[1].id, now=NOW)
    record_reading(session, desk, b.id, NOW.date(), Slot.MORNING, temperature=38.0)
    c = register_arrival(session, desk, make_arrival(), rooms[2].id, now=NOW)
    transfer(session, desk, c.id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW)
    set_out_of_service(session, desk, rooms[3].id, "漏水", NOW.date())

    board = board_rooms(session, NOW.date())
    by_id = {r.room_id: r for r in board}
    assert len(board) == 44  # 3 floors x 10 + 4 doubles + 2 x 5
    first = by_id[rooms[0].id]
    assert first.state is RoomState.OCCUPIED
    (occ,) = first.occupants
    assert (occ.name, occ.day_n, occ.days_total, occ.planned_release) == (a.person.name, 3, 7, date(2026, 11, 28))
    assert by_id[rooms[1].id].fever and not first.fever
    assert by_id[rooms[2].id].state is RoomState.AWAITING_DISINFECTION and by_id[rooms[2].id].occupants == []
    assert by_id[rooms[3].id].oos_reason == "漏水"
    # building, floor, room order
    assert [r.number for r in board[:3]] == ["101", "102", "103"]
    counts = state_counts(board)
    assert counts[None][RoomState.OCCUPIED] == 2 and counts[None][RoomState.AVAILABLE] == 40
    assert sum(counts[first.floor_id].values()) == 10
