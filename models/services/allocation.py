"""Room allocation: suggest rooms for one arrival or a whole bus, and say why.

Rules (the site's allocation rules): one person per room (单人单间) unless companions — a child under 14, a pregnant
woman or a dependent person shares with a carer — so households need a room with enough beds;
a group chosen by the desk stays on one floor where possible, else on as few floors as possible;
accessible rooms go to those who need them; never a room that is occupied, awaiting disinfection
or out of service. Lone people get single rooms first so doubles stay free for households.
Deterministic: same rooms and requests, same answer. Two queries whatever the site's size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.catalogue import Said, language
from models.errors import MESSAGES
from models.services.arrivals import ArrivalInput, BatchItem
from models.store.orm import Building, CompanionReason, Floor, Room, RoomState, RoomType

Reason = Said  # why a room was suggested: a key of MESSAGES and its parameters, said by explain(lang)


def _reason(key: str, **params: object) -> Reason:
    return Said(MESSAGES, f"alloc_{key}", params)


@dataclass
class AllocationRequest:
    key: object = None  # the caller's own reference (row number, form id, …)
    age: int | None = None
    needs_accessible: bool = False
    group: str | None = None  # family or travel group chosen by the desk: keep on one floor
    companion_of: int | None = None  # index of the carer in the same request list
    companion_reason: CompanionReason | None = None


@dataclass
class Suggestion:
    index: int
    room_id: int | None
    room: str = ""
    building: str = ""
    floor: str = ""
    shares_with: int | None = None  # index of the carer whose room this is
    reasons: list[Reason] = field(default_factory=list)

    def explain(self, lang: str = "zh_CN") -> str:
        return ("；" if language(lang) == "zh_CN" else "; ").join(r.text(lang) for r in self.reasons)


@dataclass
class _Room:
    id: int
    number: str
    building: str
    floor_id: int
    floor: str
    beds: int
    room_type: RoomType

    @property
    def kind(self) -> str:
        if self.room_type is RoomType.ACCESSIBLE:
            return "accessible"
        return "double" if self.beds > 1 else "single"


def _free_rooms(session: Session) -> list[_Room]:
    rows = session.execute(
        select(Room.id, Room.number, Building.name, Floor.id, Floor.name, Room.beds, Room.room_type)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Room.state == RoomState.AVAILABLE, Room.retired_on.is_(None))
        .order_by(Building.sort, Building.id, Floor.sort, Floor.id, Room.sort, Room.id)
    )
    return [_Room(*r) for r in rows]


@dataclass
class _Household:
    lead: int
    members: list[int]
    accessible: bool
    group: str | None

    @property
    def size(self) -> int:
        return len(self.members)


def _households(requests: list[AllocationRequest]) -> list[_Household]:
    by_lead: dict[int, _Household] = {}
    order: list[_Household] = []
    for i, r in enumerate(requests):
        if r.companion_of is None or not 0 <= r.companion_of < len(requests) or r.companion_of == i:
            h = _Household(i, [i], r.needs_accessible, r.group)
            by_lead[i] = h
            order.append(h)
    for i, r in enumerate(requests):
        if i in by_lead:
            continue
        lead = r.companion_of
        while lead is not None and lead not in by_lead:  # a companion of a companion joins the same room
            lead = requests[lead].companion_of
        if lead is None:
            h = _Household(i, [i], r.needs_accessible, r.group)
            by_lead[i] = h
            order.append(h)
        else:
            h = by_lead[lead]
            h.members.append(i)
            h.accessible = h.accessible or r.needs_accessible
    return order


class _Pool:
    """Free rooms by floor and kind, taken in building/floor/room order."""

    def __init__(self, rooms: list[_Room]) -> None:
        self.by_floor: dict[int, list[_Room]] = defaultdict(list)
        self.floors: list[int] = []
        for room in rooms:
            if room.floor_id not in self.by_floor:
                self.floors.append(room.floor_id)
            self.by_floor[room.floor_id].append(room)

    def fits(self, room: _Room, h: _Household) -> bool:
        return room.beds >= h.size

    def preference(self, h: _Household) -> list[str]:
        if h.accessible:
            return ["accessible", "single", "double"] if h.size == 1 else ["accessible", "double"]
        return ["single", "double", "accessible"] if h.size == 1 else ["double", "accessible"]

    def take(self, h: _Household, floor_id: int | None = None) -> tuple[_Room | None, str | None]:
        floors = [floor_id] if floor_id is not None else self.floors
        for kind in self.preference(h):
            for f in floors:
                for room in self.by_floor.get(f, []):
                    if room.kind == kind and self.fits(room, h):
                        self.by_floor[f].remove(room)
                        return room, kind
        return None, None

    def take_room(self, room_id: int, h: _Household) -> _Room | None:
        """That room, if it is still free and has the beds for the household."""
        for rooms in self.by_floor.values():
            for room in rooms:
                if room.id == room_id and self.fits(room, h):
                    rooms.remove(room)
                    return room
        return None

    def capacity(self, floor_id: int, households: list[_Household]) -> bool:
        """Can this floor alone take all these households (by preference order, greedily)?"""
        rooms = list(self.by_floor.get(floor_id, []))
        for h in sorted(households, key=lambda x: -x.size):
            for kind in self.preference(h):
                pick = next((r for r in rooms if r.kind == kind and self.fits(r, h)), None)
                if pick is not None:
                    rooms.remove(pick)
                    break
            else:
                return False
        return True


# the room kind given to a household's lead, the reason a companion shares (words: MESSAGES alloc_*)
REASON_KIND: dict[str, Reason] = {kind: _reason(f"kind_{kind}") for kind in ("single", "double", "accessible")}
COMPANION: dict[CompanionReason | None, Reason] = {
    **{reason: _reason(f"companion_{reason.value}") for reason in CompanionReason},
    None: _reason("companion"),
}


def suggest_rooms(
    session: Session, requests: list[AllocationRequest], keep: Mapping[Any, int] | None = None
) -> list[Suggestion]:
    """A room for every request, in their order. ``keep``: request key -> the room an earlier plan gave
    that household's lead; the lead keeps it while it is still free and has the beds, so fixing one row of
    a list does not move everyone else (the desk may already have told them their room)."""
    pool = _Pool(_free_rooms(session))
    households = _households(requests)
    result: list[Suggestion | None] = [None] * len(requests)

    def place(h: _Household, room: _Room | None, kind: str | None, extra: list[Reason]) -> None:
        for i in h.members:
            if room is None:
                result[i] = Suggestion(i, None, reasons=[_reason("no_room")])
                continue
            reasons = list(extra)
            if i == h.lead:
                assert kind is not None
                reasons.insert(0, REASON_KIND[kind])
                if h.accessible and kind == "accessible":
                    reasons.append(_reason("needs_accessible"))
                elif h.accessible:
                    reasons.append(_reason("accessible_full"))
                if h.size > 1:
                    reasons.append(_reason("shared", people=h.size, beds=room.beds))
            else:
                reasons.insert(0, COMPANION[requests[i].companion_reason])
            result[i] = Suggestion(
                i, room.id, room.number, room.building, room.floor, None if i == h.lead else h.lead, reasons
            )

    # the rooms of an earlier plan first, then accessible needs, then households with companions, then groups
    # (largest first), then the rest
    for h in households:
        kept = (keep or {}).get(requests[h.lead].key)
        room = pool.take_room(kept, h) if kept is not None else None
        if room is not None:
            place(h, room, room.kind, [])
    households = [h for h in households if result[h.lead] is None]
    groups: dict[str, list[_Household]] = defaultdict(list)
    for h in households:
        if h.group:
            groups[h.group].append(h)
    for h in [h for h in households if h.accessible and not h.group]:
        room, kind = pool.take(h)
        place(h, room, kind, [])
    for h in [h for h in households if h.size > 1 and not h.accessible and not h.group]:
        room, kind = pool.take(h)
        place(h, room, kind, [])
    for name, members in sorted(groups.items(), key=lambda kv: (-sum(h.size for h in kv[1]), kv[0])):
        floor = next((f for f in pool.floors if pool.capacity(f, members)), None)
        if floor is not None:
            for h in members:
                room, kind = pool.take(h, floor)
                place(h, room, kind, [_reason("group_one_floor", group=name)])
            continue
        # too big for any floor: fill the floors with most free rooms first, so the group spans few floors
        by_size = sorted(pool.floors, key=lambda f: (-len(pool.by_floor[f]), pool.floors.index(f)))
        pending = list(members)
        for f in by_size:
            while pending:
                room, kind = pool.take(pending[0], f)
                if room is None:
                    break
                place(
                    pending.pop(0),
                    room,
                    kind,
                    [_reason("group_spread", group=name)],
                )
        for h in pending:
            place(h, None, None, [])
    for h in households:
        if result[h.lead] is None:
            room, kind = pool.take(h)
            place(h, room, kind, [])
    return [s for s in result if s is not None]


def suggest_room(session: Session, request: AllocationRequest) -> Suggestion:
    return suggest_rooms(session, [request])[0]


def to_batch_items(
    inputs: list[ArrivalInput], requests: list[AllocationRequest], suggestions: list[Suggestion]
) -> list[BatchItem]:
    """Batch items for register_batch: carers before their companions. Raises ValueError if someone has no room."""
    if any(s.room_id is None for s in suggestions):
        raise ValueError("someone has no room")
    order = [s.index for s in suggestions if s.shares_with is None] + [
        s.index for s in suggestions if s.shares_with is not None
    ]
    position = {idx: pos for pos, idx in enumerate(order)}
    items: list[BatchItem] = []
    for idx in order:
        s = suggestions[idx]
        assert s.room_id is not None  # checked above
        items.append(
            BatchItem(
                inputs[idx],
                s.room_id,
                shares_with_index=position[s.shares_with] if s.shares_with is not None else None,
                companion_reason=(requests[idx].companion_reason or CompanionReason.FAMILY)
                if s.shares_with is not None
                else None,
            )
        )
    return items


@dataclass(frozen=True)
class CompanionSlot:
    """A present person whose room still has a free bed: someone a newcomer can join as a companion."""

    stay_id: int
    room_id: int
    room: str
    name: str


def companion_slots(session: Session) -> list[CompanionSlot]:
    """Present people in rooms with a free bed, in room order (one query)."""
    from sqlalchemy import func

    from models.store.orm import Person, Stay

    taken = (
        select(Stay.room_id, func.count().label("n"))
        .where(Stay.departed_at.is_(None))
        .group_by(Stay.room_id)
        .subquery()
    )
    rows = session.execute(
        select(Stay.id, Room.id, Room.number, Person.name, Building.name)
        .join(Room, Stay.room_id == Room.id)
        .join(taken, taken.c.room_id == Room.id)
        .join(Person, Stay.person_id == Person.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Stay.departed_at.is_(None), Room.beds > taken.c.n, Stay.shares_with_id.is_(None))
        .order_by(Building.sort, Floor.level, Room.sort, Stay.id)
    ).all()
    return [CompanionSlot(sid, rid, f"{bname} {number}", name) for sid, rid, number, name, bname in rows]
