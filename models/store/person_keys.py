"""``person_key`` kept in step with ``person``: whenever a flush writes a person's name, ID number or phone
(new, or changed), its search keys (models/rules/search_keys.py) are rewritten in the same transaction.
Bulk inserts that bypass the ORM (the demo builder) call :func:`write_keys` themselves."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, event, insert, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, UOWTransaction

from models.rules.search_keys import person_keys
from models.store.orm import Person, PersonKey

Person_ = tuple[int, str, str, str, str | None]  # id, name, name_pinyin, doc_number, phone

WATCHED = ("name", "name_pinyin", "doc_number", "phone")  # what the keys are made of


def write_keys(conn: Connection | Session, people: Iterable[Person_], *, replace: bool = True) -> None:
    """Store the keys of ``people`` (id, name, name_pinyin, doc_number, phone), replacing theirs."""
    people = list(people)
    if not people:
        return
    if replace:
        conn.execute(delete(PersonKey).where(PersonKey.person_id.in_([p[0] for p in people])))
    rows = [
        {"key": k, "person_id": pid}
        for pid, name, pinyin, doc, phone in people
        for k in person_keys(name, pinyin or "", doc or "", phone or "")
    ]
    if rows:
        conn.execute(insert(PersonKey), rows)


@event.listens_for(Session, "after_flush")
def _keep_keys(session: Session, _flush: UOWTransaction) -> None:
    changed = []
    new = session.new  # built anew at each reading: once here, not once per person (1,000 arrivals: 76 ms)
    for obj in (*new, *session.dirty):
        if not isinstance(obj, Person) or obj.id is None:
            continue
        attrs = inspect(obj).attrs
        if obj in new or any(getattr(attrs, a).history.has_changes() for a in WATCHED):
            changed.append((obj.id, obj.name, obj.name_pinyin or "", obj.doc_number or "", obj.phone))
    if changed:
        write_keys(session.connection(), changed)
