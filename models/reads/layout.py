"""The site's layout as the admin edits it: buildings, floors, rooms, retired ones included, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from models.store.orm import Building, Floor, Room, RoomEvent, RoomMove, RoomState, RoomType, Stay


@dataclass(frozen=True)
class LayoutRoom:
    id: int
    floor_id: int
    number: str
    room_type: RoomType
    beds: int
    zone: str  # a code of ZONES
    state: RoomState
    occupants: int
    retired_on: date | None
    version: int
    used: bool  # has a history (a stay, a move, a room event): retired, never deleted

    @property
    def retired(self) -> bool:
        return self.retired_on is not None


@dataclass
class LayoutFloor:
    id: int
    building_id: int
    level: int
    name: str
    retired_on: date | None
    rooms: list[LayoutRoom] = field(default_factory=list)

    @property
    def retired(self) -> bool:
        return self.retired_on is not None


@dataclass
class LayoutBuilding:
    id: int
    name: str
    retired_on: date | None
    floors: list[LayoutFloor] = field(default_factory=list)

    @property
    def retired(self) -> bool:
        return self.retired_on is not None

    def rooms(self) -> list[LayoutRoom]:
        return [r for f in self.floors for r in f.rooms]


def layout_tree(session: Session, *, retired: bool = True) -> list[LayoutBuilding]:
    """Buildings → floors → rooms in site order, each room with its state and present occupants (four
    queries). ``retired=False`` leaves out what is retired."""
    buildings: dict[int, LayoutBuilding] = {}
    floors: dict[int, LayoutFloor] = {}
    q = select(Building.id, Building.name, Building.retired_on).order_by(Building.sort, Building.id)
    for bid, name, gone in session.execute(q if retired else q.where(Building.retired_on.is_(None))):
        buildings[bid] = LayoutBuilding(bid, name, gone)
    fq = select(Floor.id, Floor.building_id, Floor.level, Floor.name, Floor.retired_on).order_by(
        Floor.sort, Floor.level, Floor.id
    )
    for fid, bid, level, name, gone in session.execute(fq if retired else fq.where(Floor.retired_on.is_(None))):
        if bid in buildings:
            floors[fid] = LayoutFloor(fid, bid, level, name, gone)
            buildings[bid].floors.append(floors[fid])
    present = dict(
        session.execute(
            select(Stay.room_id, func.count()).where(Stay.departed_at.is_(None)).group_by(Stay.room_id)
        ).all()
    )
    used = set(
        session.scalars(
            union(
                select(Stay.room_id),
                select(RoomEvent.room_id),
                select(RoomMove.from_room_id),
                select(RoomMove.to_room_id),
            )
        )
    )
    rq = select(
        Room.id,
        Room.floor_id,
        Room.number,
        Room.room_type,
        Room.beds,
        Room.zone,
        Room.state,
        Room.retired_on,
        Room.version,
    ).order_by(Room.sort, Room.number, Room.id)
    for rid, fid, number, rtype, beds, zone, state, gone, version in session.execute(
        rq if retired else rq.where(Room.retired_on.is_(None))
    ):
        if fid in floors:
            floors[fid].rooms.append(
                LayoutRoom(
                    rid, fid, number, rtype, beds, zone, state, int(present.get(rid, 0)), gone, version, rid in used
                )
            )
    return list(buildings.values())
