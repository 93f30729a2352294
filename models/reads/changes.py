"""Seeing other desks' changes: every change writes an audit entry, so the newest entry id is a
change counter that costs one index lookup. A desk polls it and reloads only when it moved."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.store.orm import AuditEntry


def change_marker(session: Session) -> int:
    return int(session.scalar(select(func.max(AuditEntry.id))) or 0)
