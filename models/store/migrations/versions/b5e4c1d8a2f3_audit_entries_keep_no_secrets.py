"""audit entries keep no secrets: password hashes out, ID numbers and phones masked

The one sanctioned rewrite of audit rows: entries written before the allow-list
(models/services/audit_fields.py) held users' password hashes and people's full ID numbers and
phones. This revision lifts the append-only triggers for the length of the rewrite, scrubs those
fields, puts the triggers back and records the rewrite itself as an audit entry.

Revision ID: b5e4c1d8a2f3
Revises: 7f88712b34c6
Create Date: 2026-12-01 09:50:00
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import models.store.orm.base
from models import clock

revision: str = 'b5e4c1d8a2f3'
down_revision: str | None = '7f88712b34c6'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "audit entries are append-only / 审计记录只能追加，不能修改或删除"
SECRET = {"app_user": ("password_hash",)}


def _mask_id(number: str) -> str:  # as models.rules.identity.mask_id, frozen here with the revision
    if len(number) <= 8:
        return number[:2] + "*" * max(0, len(number) - 2)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def _mask_phone(number: str) -> str:
    return number[:3] + "****" + number[-4:] if len(number) == 11 else "*" * len(number)


MASK = {"person": {"doc_number": _mask_id, "phone": _mask_phone, "emergency_phone": _mask_phone}}


def _clean(entity: str, values: Any) -> tuple[Any, bool]:
    if isinstance(values, str):
        values = json.loads(values)
    if not isinstance(values, dict):
        return values, False
    out, changed = dict(values), False
    for key in SECRET.get(entity, ()):
        if key in out:
            del out[key]
            changed = True
    for key, mask in MASK.get(entity, {}).items():
        value = out.get(key)
        if isinstance(value, str) and value and "*" not in value:
            out[key] = mask(value)
            changed = True
    return out, changed


def _triggers(on: bool) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE audit_entry {'ENABLE' if on else 'DISABLE'} TRIGGER audit_entry_append_only")
        return
    for event in ("update", "delete"):
        if on:
            op.execute(
                f"CREATE TRIGGER audit_entry_no_{event} BEFORE {event.upper()} ON audit_entry "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        else:
            op.execute(f"DROP TRIGGER IF EXISTS audit_entry_no_{event}")


def upgrade() -> None:
    bind = op.get_bind()
    audit = sa.table(
        "audit_entry",
        sa.column("id", sa.Integer),
        sa.column("at", models.store.orm.base.UTCDateTime(timezone=True)),
        sa.column("action", sa.String),
        sa.column("entity", sa.String),
        sa.column("before", sa.JSON),
        sa.column("after", sa.JSON),
        sa.column("note", sa.String),
    )
    rows = bind.execute(
        sa.select(audit.c.id, audit.c.entity, audit.c.before, audit.c.after).where(
            audit.c.entity.in_(list(SECRET) + list(MASK))
        )
    ).all()
    fixes = []
    for entry_id, entity, before, after in rows:
        new_before, b = _clean(entity, before)
        new_after, a = _clean(entity, after)
        if a or b:
            fixes.append({"entry_id": entry_id, "before": new_before, "after": new_after})
    if not fixes:
        return
    _triggers(False)
    bind.execute(
        audit.update().where(audit.c.id == sa.bindparam("entry_id")),
        [{"entry_id": f["entry_id"], "before": f["before"], "after": f["after"]} for f in fixes],
    )
    _triggers(True)
    bind.execute(
        audit.insert().values(
            at=clock.now(),
            action="audit.scrub",
            entity="audit_entry",
            before=None,
            after=None,
            note=f"{len(fixes)} entries: password hashes removed, ID numbers and phones masked",
        )
    )


def downgrade() -> None:
    pass  # what was scrubbed is gone on purpose: there is nothing to put back
