"""Small helpers shared by tests (not fixtures)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.store.orm import AuditEntry, Room, RoomState


def free_rooms(session: Session, n: int | None = None, beds: int = 1) -> list[Room]:
    q = select(Room).where(Room.state == RoomState.AVAILABLE, Room.beds == beds).order_by(Room.id)
    rooms = list(session.scalars(q))
    return rooms if n is None else rooms[:n]


def count(session: Session, entity: type) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(entity)) or 0


def audit_actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
