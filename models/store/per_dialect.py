"""One condition written two ways, each database taking the one its planner answers from an index.

The stays present at an instant are the stays not gone yet or gone after it. SQLite answers the plain
``departed_at IS NULL OR departed_at > :t`` by scanning a year's stays (its OR optimisation gives way to an
index on another column), and ``id IN (… UNION ALL …)`` from the departure's index; PostgreSQL answers the
OR with a bitmap of the same index, and the IN with a lookup by key of every stay found (the daily report's
people present at a past day's end: 24 ms as the IN, 3 ms as the OR, at 5,000 rooms and a year).

    per_dialect(postgresql=or_(…), other=Stay.id.in_(union_all(…)))

Both forms must mean the same rows: the tests run on both databases.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal


class PerDialect(ColumnElement[bool]):
    """A condition compiled as ``postgresql`` on PostgreSQL and as ``other`` elsewhere."""

    type = Boolean()
    _is_implicitly_boolean = True  # a condition as it stands: SQLite is not given "(…) = 1", which no index answers
    inherit_cache = True  # the cache key is made of both forms (their binds included)
    _traverse_internals = [  # noqa: RUF012 (SQLAlchemy's own declaration is a list on the class)
        ("postgresql", InternalTraversal.dp_clauseelement),
        ("other", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, postgresql: ColumnElement[bool], other: ColumnElement[bool]) -> None:
        self.postgresql = postgresql
        self.other = other


def per_dialect(*, postgresql: ColumnElement[bool], other: ColumnElement[bool]) -> ColumnElement[bool]:
    return PerDialect(postgresql, other)


@compiles(PerDialect)
def _other(element: PerDialect, compiler: SQLCompiler, **kw: Any) -> str:
    return f"({compiler.process(element.other, **kw)})"  # grouped: an OR inside an AND stays one term


@compiles(PerDialect, "postgresql")
def _postgresql(element: PerDialect, compiler: SQLCompiler, **kw: Any) -> str:
    return f"({compiler.process(element.postgresql, **kw)})"
