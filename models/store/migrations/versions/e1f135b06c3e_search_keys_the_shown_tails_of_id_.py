"""search keys: the shown tails of ID numbers and phones; ID numbers indexed

Four digits typed in the search box were ``LIKE '%1234'`` over every ID number and phone ever stored; they
are now one lookup of ``t:1234`` in person_key (the last four characters, the ones a mask shows anyway).
Filled here for the people already stored, in the key format of this revision. A whole ID number typed
is an equality on ``person.doc_number``, indexed now (the unique constraint leads with the document type).
``person_key`` is indexed by ``(person_id, key)`` instead of ``person_id`` alone: a search among the people
present probes each one's keys from that index alone.

Revision ID: e1f135b06c3e
Revises: 5fab85effead
Create Date: 2026-12-01 20:44:47.481993
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'e1f135b06c3e'
down_revision: str | None = '5fab85effead'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

person = sa.table("person", sa.column("id", sa.Integer), sa.column("doc_number", sa.String),
                  sa.column("phone", sa.String))  # fmt: skip
person_key = sa.table("person_key", sa.column("key", sa.String), sa.column("person_id", sa.Integer))


def _tails(*identifiers: str | None) -> set[str]:
    """As models/rules/search_keys.py at this revision: "t:" + the last 4 characters, folded, upper case."""
    out = set()
    for identifier in identifiers:
        tail = unicodedata.normalize("NFKC", identifier or "").strip().upper()[-4:]
        if len(tail) == 4:
            out.add("t:" + tail)
    return out


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_doc_number', ['doc_number'], unique=False)
    with op.batch_alter_table('person_key', schema=None) as batch_op:
        batch_op.drop_index('ix_person_key_person')
        batch_op.create_index('ix_person_key_person', ['person_id', 'key'], unique=False)
    conn = op.get_bind()
    batch: list[dict[str, object]] = []
    for pid, doc, phone in conn.execute(sa.select(person.c.id, person.c.doc_number, person.c.phone)):
        batch += [{"key": k, "person_id": pid} for k in _tails(doc, phone)]
        if len(batch) >= 20_000:
            conn.execute(person_key.insert(), batch)
            batch = []
    if batch:
        conn.execute(person_key.insert(), batch)


def downgrade() -> None:
    op.execute(person_key.delete().where(person_key.c.key.like("t:%")))
    with op.batch_alter_table('person_key', schema=None) as batch_op:
        batch_op.drop_index('ix_person_key_person')
        batch_op.create_index('ix_person_key_person', ['person_id'], unique=False)
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_doc_number')
