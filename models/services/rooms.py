"""Room turnover: awaiting disinfection after a departure, terminal disinfection, out of service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError, Notice, coded
from models.services import audit
from models.services.audit import transactional
from models.store.orm import DepartureKind, Room, RoomEvent, RoomEventKind, RoomMove, RoomState, Stay, User


def active_stays_in(session: Session, room_id: int) -> list[Stay]:
    return list(session.scalars(select(Stay).where(Stay.room_id == room_id, Stay.departed_at.is_(None))))


def vacate_if_empty(session: Session, actor: User | None, room: Room) -> None:
    """After someone leaves or moves out: an empty room awaits terminal disinfection."""
    session.flush()
    if active_stays_in(session, room.id):
        return
    before = audit.snapshot(room)
    room.state = RoomState.AWAITING_DISINFECTION
    audit.record(session, actor, "room.awaiting_disinfection", room, before, room_id=room.id)


def _room(session: Session, room_id: int, expected_version: int | None = None) -> Room:
    """A room; with ``expected_version`` (what the desk saw), refused as stale if another desk changed it."""
    room = session.get(Room, room_id)
    if room is None:
        raise DomainError("room_not_found", room=room_id)
    if expected_version is not None and room.version != expected_version:
        raise DomainError("stale")
    if room.retired_on is not None:  # kept for its history only: nothing is done to it any more
        raise DomainError("room_retired", room=room.number)
    return room


@transactional("rooms")
def record_disinfection(
    session: Session,
    actor: User | None,
    room_id: int,
    *,
    agent: str,
    done_by: str,
    checked_by: str,
    concentration: str = "",
    at: datetime | None = None,
    expected_version: int | None = None,
) -> RoomEvent:
    """终末消毒: the room becomes available again."""
    room = _room(session, room_id, expected_version)
    if room.state is not RoomState.AWAITING_DISINFECTION:
        raise DomainError("room_not_dirty", room=room.number)
    if not (agent.strip() and done_by.strip() and checked_by.strip()):
        raise DomainError("disinfection_fields")
    left = last_left(session, room.id)
    previous = left[1] if left else None
    event = RoomEvent(
        room_id=room.id,
        kind=RoomEventKind.DISINFECTED,
        at=at or clock.now(),
        previous_stay_id=previous,
        agent=agent.strip(),
        concentration=concentration.strip(),
        done_by=done_by.strip(),
        checked_by=checked_by.strip(),
        user_id=actor.id if actor else None,
    )
    session.add(event)
    before = audit.snapshot(room)
    room.state = RoomState.AVAILABLE
    audit.record(session, actor, "room.disinfected", room, before, room_id=room.id)
    return event


@dataclass(frozen=True)
class Disinfection:
    """A terminal disinfection as recorded: what the correction dialog starts from."""

    event_id: int
    at: datetime
    agent: str
    concentration: str
    done_by: str
    checked_by: str


def last_disinfection(session: Session, room_id: int) -> Disinfection | None:
    """The room's latest terminal disinfection, or None."""
    e = session.scalars(
        select(RoomEvent)
        .where(RoomEvent.room_id == room_id, RoomEvent.kind == RoomEventKind.DISINFECTED)
        .order_by(RoomEvent.at.desc(), RoomEvent.id.desc())
        .limit(1)
    ).first()
    if e is None or e.at is None:
        return None
    return Disinfection(e.id, e.at, e.agent or "", e.concentration or "", e.done_by or "", e.checked_by or "")


@transactional("rooms")
def correct_disinfection(
    session: Session,
    actor: User | None,
    event_id: int,
    agent: str,
    concentration: str,
    done_by: str,
    checked_by: str,
    reason: str,
) -> RoomEvent:
    """A disinfection record entered wrongly (agent, concentration, who did or checked it), corrected; its
    time and the room's state stay. The old values stay in the audit trail (``room.disinfection_correct``,
    before and after, with the reason)."""
    event = session.get(RoomEvent, event_id)
    if event is None or event.kind is not RoomEventKind.DISINFECTED:
        raise DomainError("disinfection_not_found")
    if not reason.strip():
        raise DomainError("reason_required")
    if not (agent.strip() and done_by.strip() and checked_by.strip()):
        raise DomainError("disinfection_fields")
    new = (agent.strip(), concentration.strip(), done_by.strip(), checked_by.strip())
    if new == (event.agent, event.concentration or "", event.done_by, event.checked_by):
        raise DomainError("disinfection_correct_same")
    before = audit.snapshot(event)
    event.agent, event.concentration, event.done_by, event.checked_by = new
    audit.record(session, actor, "room.disinfection_correct", event, before, room_id=event.room_id, note=reason.strip())
    return event


@transactional("rooms")
def set_out_of_service(
    session: Session,
    actor: User | None,
    room_id: int,
    reason: str,
    from_date: date,
    until_date: date | None = None,
    *,
    expected_version: int | None = None,
) -> Room:
    room = _room(session, room_id, expected_version)
    if not reason.strip():
        raise DomainError("reason_required")
    if room.state is RoomState.OCCUPIED or active_stays_in(session, room.id):
        raise DomainError("room_in_use", room=room.number)
    if until_date is not None and until_date < from_date:
        raise DomainError("oos_dates")
    before = audit.snapshot(room)
    room.state = RoomState.OUT_OF_SERVICE
    room.oos_reason, room.oos_from, room.oos_until = reason.strip(), from_date, until_date
    session.add(
        RoomEvent(
            room_id=room.id,
            kind=RoomEventKind.OUT_OF_SERVICE,
            reason=reason.strip(),
            from_date=from_date,
            until_date=until_date,
            user_id=actor.id if actor else None,
        )
    )
    audit.record(session, actor, "room.out_of_service", room, before, room_id=room.id)
    return room


def needs_disinfection(session: Session, room_id: int) -> bool:
    """True when someone left the room (departure or move out) after its last terminal disinfection."""
    left = last_left(session, room_id)
    if left is None:
        return False
    last_clean = session.scalar(
        select(func.max(RoomEvent.at)).where(RoomEvent.room_id == room_id, RoomEvent.kind == RoomEventKind.DISINFECTED)
    )
    return last_clean is None or last_clean < left[0]


def last_left(session: Session, room_id: int) -> tuple[datetime, int] | None:
    """When the last occupant left the room, and their stay id: a departure from it or a move out of it."""
    departed = session.execute(
        select(Stay.departed_at, Stay.id)
        .where(Stay.room_id == room_id, Stay.departed_at.is_not(None))
        .order_by(Stay.departed_at.desc(), Stay.id)
        .limit(1)
    ).first()
    moved = session.execute(
        select(RoomMove.at, RoomMove.stay_id)
        .where(RoomMove.from_room_id == room_id)
        .order_by(RoomMove.at.desc(), RoomMove.id)
        .limit(1)
    ).first()
    found = [(row[0], row[1]) for row in (departed, moved) if row is not None and row[0] is not None]
    return max(found, key=lambda r: r[0]) if found else None


@transactional("rooms")
def back_in_service(session: Session, actor: User | None, room_id: int, *, expected_version: int | None = None) -> Room:
    room = _room(session, room_id, expected_version)
    if room.state is not RoomState.OUT_OF_SERVICE:
        raise DomainError("room_not_oos", room=room.number)
    _bring_back(session, actor, room, "room.back_in_service")
    return room


def _bring_back(session: Session, actor: User | None, room: Room, action: str) -> None:
    """An out-of-service room back: awaiting disinfection if someone left it since its last one, else available."""
    before = audit.snapshot(room)
    room.state = RoomState.AWAITING_DISINFECTION if needs_disinfection(session, room.id) else RoomState.AVAILABLE
    room.oos_reason = room.oos_from = room.oos_until = None
    session.add(RoomEvent(room_id=room.id, kind=RoomEventKind.BACK_IN_SERVICE, user_id=actor.id if actor else None))
    audit.record(session, actor, action, room, before, room_id=room.id)


@transactional("rooms")
def end_expired_out_of_service(session: Session, actor: User | None, today: date) -> list[str]:
    """Bring back every room whose out-of-service period is over: its end date (``oos_until``, the last day
    out of service) is before ``today``. A room out until today or later, or with no end date, stays out.
    Each one is audited (``room.oos_ended``, by ``actor``: None is the system keeping the end date the desk
    set). Run by the main window when it opens and when the day turns. Returns the rooms' numbers."""
    rooms = session.scalars(
        select(Room)
        .where(Room.state == RoomState.OUT_OF_SERVICE, Room.oos_until.is_not(None), Room.oos_until < today)
        .order_by(Room.id)
    ).all()
    for room in rooms:
        _bring_back(session, actor, room, "room.oos_ended")
    return [room.number for room in rooms]


def _line(at: datetime, message: str, **params: object) -> tuple[datetime, str, str]:
    """A line of a room's history in both languages, from the catalogue (models/errors.py ``rh_*``)."""
    said = Notice(message, **params)
    return at, said.zh, said.en


@dataclass(frozen=True)
class RoomStay:
    """The time one stay spent in one room: from check-in or a move in, to a departure or a move out."""

    stay_id: int
    name: str
    start: datetime
    end: datetime | None  # None: still there
    moved_in_from: str | None  # the room number it came from, when it came by a move
    moved_out_to: str | None
    how: DepartureKind | None  # how it left the site, when it left from this room


def room_stays(session: Session, room_id: int, limit: int = 50) -> list[RoomStay]:
    """Everyone who was in the room, for the time they were there, newest first. A room move splits a
    stay: the old room keeps the person until the move, the new one has them from the move (not from
    their arrival)."""
    from models.store.orm import Person

    moved_ids = select(RoomMove.stay_id).where(or_(RoomMove.from_room_id == room_id, RoomMove.to_room_id == room_id))
    stays = session.execute(
        select(Stay.id, Person.name, Stay.room_id, Stay.arrived_at, Stay.departed_at, Stay.departure_kind)
        .join(Person, Stay.person_id == Person.id)
        .where(or_(Stay.room_id == room_id, Stay.id.in_(moved_ids)))
        .order_by(Stay.arrived_at.desc())
        .limit(limit)
    ).all()
    moves: dict[int, list[RoomMove]] = {}
    for m in session.scalars(
        select(RoomMove).where(RoomMove.stay_id.in_([r[0] for r in stays])).order_by(RoomMove.at, RoomMove.id)
    ):
        moves.setdefault(m.stay_id, []).append(m)
    numbers = dict(session.execute(select(Room.id, Room.number)).all()) if moves else {}
    out: list[RoomStay] = []
    for stay_id, name, current, arrived, departed, how in stays:
        path = moves.get(stay_id, [])
        room = path[0].from_room_id if path else current
        start, came_from = arrived, None
        for m in path:
            if room == room_id:
                out.append(RoomStay(stay_id, name, start, m.at, came_from, numbers.get(m.to_room_id), None))
            room, start, came_from = m.to_room_id, m.at, numbers.get(m.from_room_id)
        if room == room_id:
            out.append(RoomStay(stay_id, name, start, departed, came_from, None, how))
    out.sort(key=lambda r: r.start, reverse=True)
    return out[:limit]


def room_history(session: Session, room_id: int, limit: int = 50) -> list[tuple[datetime, str, str]]:
    """Newest first: (when, zh, en) for stays in and out of the room, disinfections and service changes."""

    events: list[tuple[datetime, str, str]] = []
    for seg in room_stays(session, room_id, limit):
        if seg.moved_in_from is None:
            events.append(_line(seg.start, "rh_checked_in", name=seg.name))
        else:
            events.append(_line(seg.start, "rh_moved_in", name=seg.name, room=seg.moved_in_from))
        if seg.moved_out_to is not None and seg.end is not None:
            events.append(_line(seg.end, "rh_moved_out", name=seg.name, room=seg.moved_out_to))
        elif seg.end is not None and seg.how is not None:  # both or neither (departure_has_kind)
            events.append(_line(seg.end, "rh_left", name=seg.name, how=coded("departure", seg.how.value)))
    for e in session.scalars(
        select(RoomEvent).where(RoomEvent.room_id == room_id).order_by(RoomEvent.at.desc()).limit(limit)
    ):
        if e.kind is RoomEventKind.DISINFECTED:
            events.append(
                _line(
                    e.at,
                    "rh_disinfected",
                    agent=e.agent,
                    concentration=e.concentration or "",
                    by=e.done_by,
                    checked=e.checked_by,
                )
            )
        elif e.kind is RoomEventKind.OUT_OF_SERVICE:
            events.append(_line(e.at, "rh_out_of_service", reason=e.reason))
        else:
            events.append(_line(e.at, "rh_back_in_service"))
    events.sort(key=lambda x: x[0], reverse=True)
    return events[:limit]
