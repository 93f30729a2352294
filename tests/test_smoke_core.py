from sqlalchemy import select

from models.services.arrivals import register_arrival
from models.store.orm import Room, RoomState
from tests.conftest import NOW


def test_check_in_occupies_room(session, site, desk, make_arrival):
    room = session.scalars(select(Room).order_by(Room.id)).first()
    stay = register_arrival(session, desk, make_arrival(), room.id, now=NOW)
    assert stay.id
    session.refresh(room)
    assert room.state is RoomState.OCCUPIED
