"""The room board's data: every room with its state and occupants, in two queries, as plain data."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.store.orm import AlertState, Building, FeverAlert, Floor, Person, Room, RoomState, RoomType, Stay


class BoardOccupant(NamedTuple):
    """One person on a tile (a tuple: a site's board makes 5,000 at each reload, a frozen dataclass three
    times as slowly)."""

    stay_id: int
    name: str
    day_n: int
    days_total: int
    planned_release: date
    fever: bool


@dataclass
class BoardRoom:
    room_id: int
    building_id: int
    building: str
    floor_id: int
    floor: str
    number: str
    room_type: RoomType
    beds: int
    state: RoomState
    oos_reason: str | None
    occupants: list[BoardOccupant] = field(default_factory=list)
    fever: bool = False  # an occupant has an open fever alert (kept, not derived: the board asks it per tile)

    def __post_init__(self) -> None:
        if self.occupants and not self.fever:
            self.fever = any(o.fever for o in self.occupants)


def board_rooms(session: Session, today: date) -> list[BoardRoom]:
    """All rooms in building/floor/room order, each with its present occupants."""
    run = session.connection().execute  # plain rows: the ORM's loading adds nothing to columns
    # the floors in order, then the rooms floor by floor: sorting 5,000 rows carrying their building's and
    # floor's names cost PostgreSQL 9 ms of the query's 10 (the narrow rows sort in 3)
    floors = {
        row[0]: row[1:]
        for row in run(
            select(Floor.id, Building.id, Building.name, Floor.name)
            .join(Building, Floor.building_id == Building.id)
            .order_by(Building.sort, Building.id, Floor.sort, Floor.id)
        ).all()
    }
    on_floor: dict[int, list[BoardRoom]] = {floor_id: [] for floor_id in floors}
    for room_id, floor_id, number, room_type, beds, state, oos_reason in run(
        select(Room.id, Room.floor_id, Room.number, Room.room_type, Room.beds, Room.state, Room.oos_reason)
        .where(Room.retired_on.is_(None))  # a retired room is in the history, not on the board
        .order_by(Room.floor_id, Room.sort, Room.id)
    ).all():  # fetched at once: a row at a time costs the driver a call each
        building_id, building, floor = floors[floor_id]
        on_floor[floor_id].append(
            BoardRoom(room_id, building_id, building, floor_id, floor, number, room_type, beds, state, oos_reason)
        )
    rooms = {room.room_id: room for floor_rooms in on_floor.values() for room in floor_rooms}
    fevers = set(run(select(FeverAlert.stay_id).where(FeverAlert.state == AlertState.OPEN)).scalars())
    for stay_id, room_id, name, day_one, release in run(
        select(Stay.id, Stay.room_id, Person.name, Stay.day_one, Stay.planned_release)
        .join(Person, Stay.person_id == Person.id)
        .where(Stay.departed_at.is_(None))
        .order_by(Stay.room_id, Stay.bed)
    ).all():
        room = rooms.get(room_id)
        if room is None:
            continue  # never: a retired room has nobody in it (layout.retire_room)
        fever = stay_id in fevers
        room.occupants.append(
            BoardOccupant(stay_id, name, (today - day_one).days + 1, (release - day_one).days, release, fever)
        )
        room.fever = room.fever or fever
    return list(rooms.values())


def state_counts(rooms: list[BoardRoom]) -> dict[int | None, Counter[RoomState]]:
    """Rooms per state, per floor id and for the whole site (key None)."""
    counts: dict[int | None, Counter[RoomState]] = {}
    for r in rooms:
        floor = counts.get(r.floor_id)
        if floor is None:  # (setdefault would make a Counter a room)
            floor = counts[r.floor_id] = Counter()
        floor[r.state] += 1
    site: Counter[RoomState] = Counter()
    for floor in counts.values():
        site.update(floor)
    counts[None] = site
    return counts
