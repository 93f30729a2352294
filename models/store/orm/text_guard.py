"""Every text written to the database fits its column and holds no control character, on both databases.

SQLite stores a String(200) of any length and a NUL byte; PostgreSQL refuses both mid-transaction with a
driver error. So before any flush, every new or changed text attribute of every entity is checked against
its column: too long, or a NUL/C0/C1 control character (a line break and a tab are allowed in free text)
is refused with one clear message, before anything is written. The arrival check refuses the same
values earlier, with the field's name; this is the net under every other service (departure reasons,
move reasons, overrides, names of floors and rule sets).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from models.errors import DomainError

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _check(obj: Any) -> None:
    state = inspect(obj)
    for column_attr in state.mapper.column_attrs:
        column = column_attr.columns[0]
        if not isinstance(column.type, String):
            continue
        value = getattr(obj, column_attr.key, None)
        if not isinstance(value, str):
            continue
        limit = column.type.length
        if limit is not None and len(value) > limit:
            raise DomainError("text_too_long_any", length=len(value), limit=limit)
        bad = CONTROL.search(value)
        if bad is not None:
            raise DomainError("text_control_any", char=f"U+{ord(bad.group()):04X}")


@event.listens_for(Session, "before_flush")
def _guard_text(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    for obj in (*session.new, *session.dirty):
        _check(obj)
