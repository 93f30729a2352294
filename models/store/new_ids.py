"""Ids given to many new rows before they are flushed, so that SQLite inserts them as one batch.

To learn the id SQLite gives a new row, SQLAlchemy's unit of work inserts each row with its own
``INSERT … RETURNING`` (SQLite does not promise the order of a multi-row RETURNING). A 1,000-row
transfer list then cost about 5,000 statements: its people, stays and audit entries, one at a time.
Rows whose primary key is already set are inserted as one ``executemany``.

On SQLite a service's transaction holds the database's write lock (``BEGIN IMMEDIATE``), or a read
snapshot that SQLite refuses to turn into a write once another connection has committed since: either
way no other desk can have taken the ids read here by the time these rows are written, and a collision
is a refused transaction (rolled back whole), never a wrong row. A table created with AUTOINCREMENT
(``sqlite_sequence``) never reuses an id, deleted rows' included; the others continue from the largest.

PostgreSQL needs none of this: its ``INSERT … RETURNING`` of many rows keeps their order, and the ORM
sends them in batches already (``reserve`` returns None there).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from models.store.orm import Base


def reserve(session: Session, entity: type[Base], count: int) -> int | None:
    """The first of ``count`` unused consecutive ids of ``entity``'s table on SQLite (in this transaction),
    or None (PostgreSQL, or nothing to give)."""
    if count <= 0 or session.get_bind().dialect.name != "sqlite":
        return None
    table = entity.__table__
    (key,) = table.primary_key.columns  # type: ignore[attr-defined]
    with session.no_autoflush:  # a flush here would insert the very rows waiting for these ids, one by one
        largest = session.scalar(select(func.max(key))) or 0
        if table.dialect_options["sqlite"].get("autoincrement"):  # type: ignore[attr-defined]
            used = session.scalar(text("SELECT seq FROM sqlite_sequence WHERE name = :t"), {"t": table.name})  # type: ignore[attr-defined]
            largest = max(largest, used or 0)
    return int(largest) + 1


def assign(session: Session, rows: Sequence[Any]) -> None:
    """Give each of ``rows`` (new ORM objects of one entity, in the order they are to be inserted) its id,
    on SQLite; leave them as they are elsewhere."""
    waiting = [row for row in rows if row.id is None]
    if not waiting:
        return
    first = reserve(session, type(waiting[0]), len(waiting))
    if first is None:
        return
    for offset, row in enumerate(waiting):
        row.id = first + offset
