"""The site's layout, kept by its admin: buildings, floors and rooms added, renamed and retired.

The first-run wizard lays out a uniform site; this is where it becomes the real one. A room keeps its
history: once anyone stayed in it, or it was disinfected or out of service, it is retired (``retired_on``,
the site's day), never deleted, and it stays in the history, the reports of its days and the audit trail.
A room never used may be deleted. Retiring a floor or a building retires its rooms, and none of it is
done while one of them is occupied or awaits terminal disinfection. Every write is audited.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.errors import Coded, DomainError, coded
from models.rules.identity import check_chars, fold_width
from models.rules.spreadsheet import is_formula_like
from models.services import audit
from models.services.audit import transactional
from models.services.sites import get_site, site_today
from models.store.orm import (
    ZONES,
    Building,
    Floor,
    Room,
    RoomEvent,
    RoomEventKind,
    RoomMove,
    RoomState,
    RoomType,
    Stay,
    User,
)

# beds a room of each type may have: a single is one person's; a double shares; an accessible room may
# take a carer (models/services/allocation.py reads beds > 1 as a room to share)
BEDS: dict[RoomType, tuple[int, int]] = {
    RoomType.SINGLE: (1, 1),
    RoomType.DOUBLE: (2, 6),
    RoomType.ACCESSIBLE: (1, 6),
}
DEFAULT_BEDS: dict[RoomType, int] = {RoomType.SINGLE: 1, RoomType.DOUBLE: 2, RoomType.ACCESSIBLE: 1}
LEVELS = (-5, 200)  # basement 5 to floor 200
NAME_LIMIT = {"building": 100, "floor": 50, "room": 20}
ROOM_NUMBER = re.compile(r"^[\w\-]+$")


# --- checks shared with the room list import ------------------------------------------------------------


def field_words(field: str) -> Coded:
    zh, en = _pair(f"field_{field}")
    return Coded(field, zh, en)


def _pair(code: str) -> tuple[str, str]:
    from models.errors import MESSAGES

    return MESSAGES.pair(code)


def clean_name(value: str, field: str) -> str:
    """A building's or floor's name as stored: trimmed, one line, no hidden character, not a formula."""
    text = re.sub(r"\s+", " ", str(value)).strip()
    if not text:
        raise DomainError("layout_name_empty", field=field_words(field))
    check_chars(text, field, strict=True)
    if is_formula_like(text):
        raise DomainError("layout_formula", field=field_words(field), value=text[:40])
    limit = NAME_LIMIT[field]
    if len(text) > limit:
        raise DomainError("text_too_long", field=field_words(field), length=len(text), limit=limit)
    return text


def clean_number(value: str) -> str:
    """A room number as stored: full-width folded, trimmed; letters, digits and dashes (A-101, 1203)."""
    text = fold_width(str(value)).strip()
    if not text:
        raise DomainError("layout_name_empty", field=field_words("room"))
    if len(text) > NAME_LIMIT["room"]:
        raise DomainError("text_too_long", field=field_words("room"), length=len(text), limit=NAME_LIMIT["room"])
    if not ROOM_NUMBER.match(text) or text.startswith("-"):
        raise DomainError("layout_room_number_invalid", room=text)
    return text


def check_level(level: int) -> int:
    if not LEVELS[0] <= level <= LEVELS[1] or level == 0:
        raise DomainError("layout_level_range", level=level, low=LEVELS[0], high=LEVELS[1])
    return level


def check_beds(room_type: RoomType, beds: int) -> int:
    """The beds a room of ``room_type`` may have (BEDS), else the refusal naming the type's range."""
    low, high = BEDS[room_type]
    if not low <= beds <= high:
        allowed = str(low) if low == high else f"{low}–{high}"
        raise DomainError("layout_beds_type", type=coded("room_type", room_type.value), allowed=allowed, beds=beds)
    return beds


def check_zone(zone: str) -> str:
    if zone not in ZONES:
        raise DomainError("layout_zone_unknown", value=str(zone)[:40])
    return zone


def default_floor_name(level: int) -> str:
    """3F, or B1 below the ground floor: what the wizard calls a floor."""
    return f"{level}F" if level > 0 else f"B{-level}"


def room_sort(number: str) -> int:
    """Rooms sort by the digits of their number (301 < 302 < 310), as the wizard's do."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return int(digits[:9]) if digits else 0


def occupants(session: Session, room_id: int) -> list[int]:
    """The beds of the room's present occupants."""
    return list(session.scalars(select(Stay.bed).where(Stay.room_id == room_id, Stay.departed_at.is_(None))))


def check_beds_in_use(session: Session, room: Room, beds: int) -> None:
    """Fewer beds than the room's present occupants, or than the bed one of them has, is refused."""
    taken = occupants(session, room.id)
    if len(taken) > beds:
        raise DomainError("layout_beds_below_occupants", room=room.number, people=len(taken))
    if taken and max(taken) > beds:
        raise DomainError("layout_beds_in_use", room=room.number, bed=max(taken))


def has_history(session: Session, room_id: int) -> bool:
    """Anyone ever stayed in the room, moved in or out, or a disinfection or service change was recorded."""
    for q in (
        select(Stay.id).where(Stay.room_id == room_id),
        select(RoomEvent.id).where(RoomEvent.room_id == room_id),
        select(RoomMove.id).where((RoomMove.from_room_id == room_id) | (RoomMove.to_room_id == room_id)),
    ):
        if session.scalar(q.limit(1)) is not None:
            return True
    return False


def find_building(session: Session, name: str) -> Building | None:
    return session.scalar(select(Building).where(Building.name == name))


def find_floor(session: Session, building_id: int, level: int) -> Floor | None:
    return session.scalar(select(Floor).where(Floor.building_id == building_id, Floor.level == level))


def find_room(session: Session, floor_id: int, number: str) -> Room | None:
    return session.scalar(select(Room).where(Room.floor_id == floor_id, Room.number == number))


def place(floor: Floor) -> str:
    return f"{floor.building.name} {floor.name}"


# --- buildings ---------------------------------------------------------------------------------------------


def _building(session: Session, building_id: int) -> Building:
    b = session.get(Building, building_id)
    if b is None:
        raise DomainError("layout_not_found", what=field_words("building"))
    return b


def _check_building_name(session: Session, name: str, own_id: int | None = None) -> None:
    other = find_building(session, name)
    if other is not None and other.id != own_id:
        if other.retired_on is not None:
            raise DomainError("layout_building_retired", name=name)
        raise DomainError("layout_building_taken", name=name)


@transactional("settings")
def add_building(session: Session, actor: User | None, name: str) -> Building:
    site = get_site(session)
    name = clean_name(name, "building")
    _check_building_name(session, name)
    last = session.scalar(select(func.max(Building.sort)).where(Building.site_id == site.id))
    b = Building(site_id=site.id, name=name, sort=last + 1 if last is not None else 0)
    session.add(b)
    session.flush()
    audit.record(session, actor, "building.add", b)
    return b


@transactional("settings")
def rename_building(session: Session, actor: User | None, building_id: int, name: str) -> Building:
    b = _building(session, building_id)
    name = clean_name(name, "building")
    if name == b.name:
        return b
    _check_building_name(session, name, b.id)
    before = audit.snapshot(b)
    b.name = name
    audit.record(session, actor, "building.rename", b, before)
    return b


@transactional("settings")
def retire_building(session: Session, actor: User | None, building_id: int) -> list[str]:
    """Retire the building, its floors and their rooms; refused while a room is in use. Returns the rooms."""
    b = _building(session, building_id)
    if b.retired_on is not None:
        raise DomainError("layout_already_retired", what=b.name)
    floors = [f for f in b.floors if f.retired_on is None]
    _refuse_busy(session, b.name, [r for f in floors for r in f.rooms])
    today = site_today(session)
    retired: list[str] = []
    for f in floors:
        retired += _retire_floor(session, actor, f, today)
    before = audit.snapshot(b)
    b.retired_on = today
    audit.record(session, actor, "building.retire", b, before)
    return retired


# --- floors ------------------------------------------------------------------------------------------------


def _floor(session: Session, floor_id: int) -> Floor:
    f = session.get(Floor, floor_id)
    if f is None:
        raise DomainError("layout_not_found", what=field_words("floor"))
    return f


@transactional("settings")
def add_floor(session: Session, actor: User | None, building_id: int, level: int, name: str = "") -> Floor:
    b = _building(session, building_id)
    if b.retired_on is not None:
        raise DomainError("layout_add_to_retired", what=b.name)
    level = check_level(int(level))
    name = clean_name(name, "floor") if str(name).strip() else default_floor_name(level)
    other = find_floor(session, b.id, level)
    if other is not None:
        code = "layout_floor_retired" if other.retired_on is not None else "layout_floor_taken"
        raise DomainError(code, building=b.name, level=level)
    f = Floor(building_id=b.id, level=level, name=name, sort=level)
    session.add(f)
    session.flush()
    audit.record(session, actor, "floor.add", f)
    return f


@transactional("settings")
def rename_floor(session: Session, actor: User | None, floor_id: int, name: str) -> Floor:
    f = _floor(session, floor_id)
    name = clean_name(name, "floor")
    if name == f.name:
        return f
    before = audit.snapshot(f)
    f.name = name
    audit.record(session, actor, "floor.rename", f, before)
    return f


@transactional("settings")
def retire_floor(session: Session, actor: User | None, floor_id: int) -> list[str]:
    """Retire the floor and its rooms; refused while one of them is in use. Returns the rooms retired."""
    f = _floor(session, floor_id)
    if f.retired_on is not None:
        raise DomainError("layout_already_retired", what=place(f))
    _refuse_busy(session, place(f), list(f.rooms))
    return _retire_floor(session, actor, f, site_today(session))


def _retire_floor(session: Session, actor: User | None, f: Floor, today: date) -> list[str]:
    retired = [_retire_room(session, actor, r, today) for r in f.rooms if r.retired_on is None]
    before = audit.snapshot(f)
    f.retired_on = today
    audit.record(session, actor, "floor.retire", f, before)
    return retired


def _refuse_busy(session: Session, where: str, rooms: list[Room]) -> None:
    busy = [r.number for r in rooms if r.retired_on is None and _busy(session, r) is not None]
    if busy:
        shown = "、".join(busy[:10]) + ("…" if len(busy) > 10 else "")
        raise DomainError("layout_retire_busy", place=where, rooms=shown, n=len(busy))


# --- rooms -------------------------------------------------------------------------------------------------


def _room(session: Session, room_id: int, expected_version: int | None) -> Room:
    room = session.get(Room, room_id)
    if room is None:
        raise DomainError("room_not_found", room=room_id)
    if expected_version is not None and room.version != expected_version:
        raise DomainError("stale")
    return room


def _check_number(session: Session, floor: Floor, number: str, own_id: int | None = None) -> None:
    other = find_room(session, floor.id, number)
    if other is not None and other.id != own_id:
        code = "layout_room_retired_number" if other.retired_on is not None else "layout_room_taken"
        raise DomainError(code, place=place(floor), room=number)


@transactional("settings")
def add_room(
    session: Session,
    actor: User | None,
    floor_id: int,
    number: str,
    room_type: RoomType = RoomType.SINGLE,
    beds: int | None = None,
    zone: str = "contaminated",
) -> Room:
    f = _floor(session, floor_id)
    if f.retired_on is not None or f.building.retired_on is not None:
        raise DomainError("layout_add_to_retired", what=place(f))
    number = clean_number(number)
    room_type = RoomType(room_type)
    beds = check_beds(room_type, DEFAULT_BEDS[room_type] if beds is None else int(beds))
    zone = check_zone(zone)
    _check_number(session, f, number)
    room = Room(floor_id=f.id, number=number, sort=room_sort(number), room_type=room_type, beds=beds, zone=zone)
    session.add(room)
    session.flush()
    audit.record(session, actor, "room.add", room, room_id=room.id)
    return room


@transactional("settings")
def update_room(
    session: Session,
    actor: User | None,
    room_id: int,
    *,
    number: str | None = None,
    room_type: RoomType | None = None,
    beds: int | None = None,
    zone: str | None = None,
    expected_version: int | None = None,
) -> Room:
    """Change a room's number, type, beds or zone (what is None is kept). Beds must fit the type (BEDS) and the
    room's present occupants; a new number must be free on its floor. A retired room is not changed."""
    room = _room(session, room_id, expected_version)
    if room.retired_on is not None:
        raise DomainError("layout_room_is_retired", room=room.number)
    new_number = clean_number(number) if number is not None else room.number
    new_type = RoomType(room_type) if room_type is not None else room.room_type
    new_beds = int(beds) if beds is not None else room.beds
    if room_type is not None and beds is None and not BEDS[new_type][0] <= new_beds <= BEDS[new_type][1]:
        new_beds = DEFAULT_BEDS[new_type]  # a single made a double gets the double's two beds
    check_beds(new_type, new_beds)
    new_zone = check_zone(zone) if zone is not None else room.zone
    if new_number != room.number:
        _check_number(session, room.floor, new_number, room.id)
    if new_beds < room.beds:
        check_beds_in_use(session, room, new_beds)
    if (new_number, new_type, new_beds, new_zone) == (room.number, room.room_type, room.beds, room.zone):
        return room
    before = audit.snapshot(room)
    room.number, room.sort = new_number, room_sort(new_number)
    room.room_type, room.beds, room.zone = new_type, new_beds, new_zone
    audit.record(session, actor, "room.update", room, before, room_id=room.id)
    return room


def _busy(session: Session, room: Room) -> str | None:
    """Why the room cannot be retired now (a message code), or None."""
    if room.state is RoomState.OCCUPIED or occupants(session, room.id):
        return "layout_retire_occupied"
    if room.state is RoomState.AWAITING_DISINFECTION:
        return "layout_retire_dirty"
    if room.state is RoomState.OUT_OF_SERVICE:
        from models.services.rooms import needs_disinfection

        if needs_disinfection(session, room.id):
            return "layout_retire_dirty"
    return None


@transactional("settings")
def retire_room(session: Session, actor: User | None, room_id: int, *, expected_version: int | None = None) -> Room:
    """Retire a room: no longer chosen or counted, kept with its history. Refused while it is occupied or
    awaits terminal disinfection; a room out of service ends that period as it is retired."""
    room = _room(session, room_id, expected_version)
    if room.retired_on is not None:
        raise DomainError("layout_already_retired", what=room.number)
    why = _busy(session, room)
    if why is not None:
        raise DomainError(why, room=room.number)
    _retire_room(session, actor, room, site_today(session))
    return room


def _retire_room(session: Session, actor: User | None, room: Room, today: date) -> str:
    before = audit.snapshot(room)
    if room.state is RoomState.OUT_OF_SERVICE:  # its period ends with the room: the reports count it no more
        session.add(RoomEvent(room_id=room.id, kind=RoomEventKind.BACK_IN_SERVICE, user_id=actor.id if actor else None))
        room.state = RoomState.AVAILABLE
        room.oos_reason = room.oos_from = room.oos_until = None
    room.retired_on = today
    audit.record(session, actor, "room.retire", room, before, room_id=room.id)
    return room.number


@transactional("settings")
def delete_room(session: Session, actor: User | None, room_id: int, *, expected_version: int | None = None) -> str:
    """Delete a room added by mistake: only one never used (has_history); any other is retired instead."""
    room = _room(session, room_id, expected_version)
    if has_history(session, room.id):
        raise DomainError("layout_room_has_history", room=room.number)
    before = audit.snapshot(room)
    number, rid = room.number, room.id
    audit.record(session, actor, "room.delete", room, before, dict.fromkeys(before), room_id=rid)
    session.delete(room)
    session.flush()
    return number
