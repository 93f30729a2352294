"""person search keys

``person_key`` holds what each person is found by as the desk types (models/rules/search_keys.py): the pieces
of the name and each pinyin reading, so that a search is an index lookup instead of ``LIKE '%…%'`` over
everyone who ever stayed. Filled here for the people already stored, with the key format of this revision.

Revision ID: 5a844331fd65
Revises: 9908979806ae
Create Date: 2026-12-01 17:14:21.074364
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '5a844331fd65'
down_revision: str | None = '9908979806ae'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME_PIECE = 6  # as models/rules/search_keys.py at this revision
person = sa.table("person", sa.column("id", sa.Integer), sa.column("name", sa.String),
                  sa.column("name_pinyin", sa.String))  # fmt: skip
person_key = sa.table("person_key", sa.column("key", sa.String), sa.column("person_id", sa.Integer))


def _keys(name: str, pinyin: str) -> set[str]:
    n = unicodedata.normalize("NFKC", name).strip().lower()
    keys = {
        "n:" + n[i : i + k] for k in range(1, NAME_PIECE + 1) for i in range(len(n) - k + 1) if n[i : i + k].strip()
    }
    keys |= {"p:" + r for r in pinyin.split("|") if r}
    return {k[:60] for k in keys}


def upgrade() -> None:
    op.create_table('person_key',
    sa.Column('key', sa.String(length=60).with_variant(sa.String(length=60, collation='C'), 'postgresql'), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_key_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'person_id', name=op.f('pk_person_key'))
    )  # fmt: skip
    with op.batch_alter_table('person_key', schema=None) as batch_op:
        batch_op.create_index('ix_person_key_person', ['person_id'], unique=False)
    conn = op.get_bind()
    batch: list[dict[str, object]] = []
    for pid, name, pinyin in conn.execute(sa.select(person.c.id, person.c.name, person.c.name_pinyin)):
        batch += [{"key": k, "person_id": pid} for k in _keys(name or "", pinyin or "")]
        if len(batch) >= 20_000:
            conn.execute(person_key.insert(), batch)
            batch = []
    if batch:
        conn.execute(person_key.insert(), batch)


def downgrade() -> None:
    with op.batch_alter_table('person_key', schema=None) as batch_op:
        batch_op.drop_index('ix_person_key_person')
    op.drop_table('person_key')
