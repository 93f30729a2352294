"""The audit trail is append-only in the database itself, not only by convention."""

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DatabaseError

from models.arrivals import register_arrival
from models.orm import AuditEntry
from tests.conftest import NOW
from tests.helpers import free_rooms


def test_past_entries_cannot_be_edited_or_deleted(engine, session, site, desk, make_arrival):
    register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    count = session.scalar(select(func.count()).select_from(AuditEntry))
    first = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id))
    with pytest.raises(DatabaseError, match="append-only"):
        session.execute(update(AuditEntry).where(AuditEntry.id == first).values(note="changed later"))
    session.rollback()
    with pytest.raises(DatabaseError, match="append-only"):
        session.execute(delete(AuditEntry).where(AuditEntry.id == first))
    session.rollback()
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == count
    assert session.get(AuditEntry, first).note is None
