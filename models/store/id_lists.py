"""Many ids in one query: ``WHERE stay_id IN (…)`` for the few thousand stays a screen or a form reads.

SQLite takes them as bound parameters, a chunk at a time (each chunk one query). PostgreSQL takes them as one
array parameter, ``stay_id = ANY(:ids)``, in a single query: 500 separate parameters cost more to send, to
parse on both sides and to plan than the query itself (the today screen's release checks took 30 ms in
them, 3 ms as one array).

    for chunk in id_chunks(session, ids):
        session.execute(select(...).where(among(session, SwabTest.stay_id, chunk)))
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Integer, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection
from sqlalchemy.orm import QueryableAttribute, Session

SQLITE_CHUNK = 900  # bound parameters a query (SQLite allows 32,766 since 3.32; older builds 999)


def _postgres(session: Session | Connection) -> bool:
    bind = session.get_bind() if isinstance(session, Session) else session
    return bind.dialect.name == "postgresql"


def id_chunks(session: Session | Connection, ids: Iterable[int]) -> list[list[int]]:
    """``ids`` (in their order, without repeats) in the chunks one query each takes: all at once on PostgreSQL."""
    unique = list(dict.fromkeys(ids))
    if not unique:
        return []
    if _postgres(session):
        return [unique]
    return [unique[i : i + SQLITE_CHUNK] for i in range(0, len(unique), SQLITE_CHUNK)]


def among(
    session: Session | Connection, column: ColumnElement[Any] | QueryableAttribute[Any], ids: list[int]
) -> ColumnElement[bool]:
    """``column`` is one of ``ids`` (a chunk from :func:`id_chunks`)."""
    if _postgres(session):
        return column == any_(bindparam(None, ids, type_=ARRAY(Integer)))
    return column.in_(ids)
