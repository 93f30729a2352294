"""audit entries are chained by hash, and refused when replaced or truncated

A new column ``chain``: sha256 of the previous entry's chain and a canonical JSON of the entry's fields
(models/store/audit_guard.py), computed here for the entries already stored, in id order. On SQLite the
table is rebuilt with AUTOINCREMENT (ids never reused, so a deleted newest entry leaves a gap) and gets a
BEFORE INSERT trigger refusing an id already there (INSERT OR REPLACE deleted the old row without firing
the delete trigger); on PostgreSQL a BEFORE TRUNCATE trigger. The append-only triggers are lifted only for
the length of filling the column (no entry's content changes).

Revision ID: 4e6721845f65
Revises: b5e4c1d8a2f3
Create Date: 2026-12-03 09:00:00
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import UTC
from typing import Any

import sqlalchemy as sa
from alembic import op

import models.store.orm.base

revision: str = '4e6721845f65'
down_revision: str | None = 'b5e4c1d8a2f3'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "audit entries are append-only / 审计记录只能追加，不能修改或删除"
RAISE = f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
SQLITE_TRIGGERS = {
    "audit_entry_no_update": f"CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry {RAISE}",
    "audit_entry_no_delete": f"CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry {RAISE}",
    "audit_entry_no_replace": "CREATE TRIGGER audit_entry_no_replace BEFORE INSERT ON audit_entry "
    f"WHEN EXISTS (SELECT 1 FROM audit_entry WHERE id = NEW.id) {RAISE}",
}

# the chain as models.store.audit_guard computes it, frozen here with the revision
FIELDS = ("at", "user_id", "action", "entity", "entity_id", "person_id", "room_id", "before", "after", "note")


def _canonical(values: Mapping[str, Any]) -> str:
    data = {k: values[k] for k in FIELDS}
    data["at"] = values["at"].astimezone(UTC).isoformat(timespec="microseconds")
    for k in ("user_id", "entity_id", "person_id", "room_id"):
        data[k] = None if data[k] is None else int(data[k])
    for k in ("action", "entity", "note"):
        data[k] = None if data[k] is None else str(data[k])
    for k in ("before", "after"):
        data[k] = json.loads(json.dumps(data[k]))
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _link(previous: str, values: Mapping[str, Any]) -> str:
    return hashlib.sha256(f"{previous}\n{_canonical(values)}".encode()).hexdigest()


AUDIT = sa.table(
    "audit_entry",
    sa.column("id", sa.Integer),
    sa.column("at", models.store.orm.base.UTCDateTime(timezone=True)),
    sa.column("user_id", sa.Integer),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.Integer),
    sa.column("person_id", sa.Integer),
    sa.column("room_id", sa.Integer),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
    sa.column("note", sa.String),
    sa.column("chain", sa.String),
)


def _fill_chain() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":  # no desk appends meanwhile (models/store/audit_guard.py)
        bind.execute(sa.text("SELECT pg_advisory_xact_lock(1232301892, 'audit_entry'::regclass::oid::int)"))
    rows = bind.execute(sa.select(*[AUDIT.c[k] for k in ("id", *FIELDS)]).order_by(AUDIT.c.id)).all()
    previous, chains = "", []
    for row in rows:
        previous = _link(previous, dict(row._mapping))
        chains.append({"entry_id": row.id, "chain": previous})
    if chains:
        bind.execute(AUDIT.update().where(AUDIT.c.id == sa.bindparam("entry_id")), chains)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.add_column("audit_entry", sa.Column("chain", sa.String(length=64), nullable=True))
        # a trigger someone dropped is not this revision's to fail on: the upgrade puts it back after
        # (models/store/audit_guard.py ensure_audit_guard), and check reports it meanwhile
        guarded = bind.execute(
            sa.text(
                "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_entry'::regclass"
                " AND tgname = 'audit_entry_append_only'"
            )
        ).scalar_one()
        if guarded:
            op.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
        _fill_chain()
        if guarded:
            op.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only")
        op.alter_column("audit_entry", "chain", existing_type=sa.String(length=64), nullable=False)
        op.execute(  # as revision a1d7c3e9b2f4 made it (in case it went with a dropped trigger)
            "CREATE OR REPLACE FUNCTION isodesk_audit_append_only() RETURNS trigger AS $$"
            f" BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql"
        )
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry")
        op.execute(
            "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
            "FOR EACH STATEMENT EXECUTE FUNCTION isodesk_audit_append_only()"
        )
        return
    for name in SQLITE_TRIGGERS:  # lifted for the fill; the rebuilt table would lose them anyway
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain", sa.String(length=64), nullable=True))
    _fill_chain()
    with op.batch_alter_table(
        "audit_entry", schema=None, recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.alter_column("chain", existing_type=sa.String(length=64), nullable=False)
    for sql in SQLITE_TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry")
        op.drop_column("audit_entry", "chain")
        return
    for name in SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("audit_entry", schema=None, recreate="always") as batch_op:
        batch_op.drop_column("chain")
    for name in ("audit_entry_no_update", "audit_entry_no_delete"):  # as revision a1d7c3e9b2f4 left them
        op.execute(SQLITE_TRIGGERS[name])
