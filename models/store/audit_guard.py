"""What keeps the audit trail (``audit_entry``) append-only, and what shows when it was rewritten anyway.

Refusal, in the database itself, whoever writes:

- SQLite: triggers BEFORE UPDATE, BEFORE DELETE, and BEFORE INSERT of an id that is already there. The
  last one is what stops ``INSERT OR REPLACE`` / ``REPLACE INTO``: REPLACE deletes the old row without
  firing delete triggers (unless ``PRAGMA recursive_triggers``, which the writer's connection decides).
  An upsert's ``ON CONFLICT DO UPDATE`` fires the update trigger, and now the insert one first.
- PostgreSQL: a row trigger BEFORE UPDATE OR DELETE (an upsert's DO UPDATE is an UPDATE) and a statement
  trigger BEFORE TRUNCATE (also when a ``TRUNCATE … CASCADE`` of another table reaches audit_entry).

The owner of a database can still drop or disable these. ``check`` (:func:`guard_problems`) reports every
trigger missing, disabled or altered, and :func:`ensure_audit_guard`, run at the end of every upgrade
(so by ``check --upgrade`` and on opening), puts them back.

Detection: every entry's ``chain`` is the sha256 of the previous entry's chain and of a canonical JSON of
its own fields (:func:`link`), so an entry changed, removed or slipped in afterwards breaks the chain from
there on, and ``check`` names the first broken entry (:func:`chain_problems`). The chain has no secret key:
it catches a rewrite by anyone who does not also recompute every later entry's chain (a hand edit, a
tool, a restored table), not a careful forger with write access to the whole table; the triggers and
SQLite's id gaps (:func:`gap_problems`) are the other layers.

Order: each transaction appends its entries (models/services/audit.py, when it commits) after the newest
stored entry, and that entry must be the newest *committed* one. SQLite serializes writers (BEGIN
IMMEDIATE, and a deferred transaction that read an older snapshot cannot write). PostgreSQL takes a
transaction-level advisory lock first (:func:`last_chain`); under READ COMMITTED, IsoDesk's isolation,
the read after it sees what the lock's previous holder committed.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models.store.orm import AuditEntry

MESSAGE = "audit entries are append-only / 审计记录只能追加，不能修改或删除"

# --- the triggers ---------------------------------------------------------------------------------

# SQLite keeps a trigger's CREATE statement as written: check compares it whole. The update and delete
# ones are word for word those of revision a1d7c3e9b2f4.
SQLITE_TRIGGERS: dict[str, str] = {
    "audit_entry_no_update": f"CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    "audit_entry_no_delete": f"CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    "audit_entry_no_replace": f"CREATE TRIGGER audit_entry_no_replace BEFORE INSERT ON audit_entry "
    f"WHEN EXISTS (SELECT 1 FROM audit_entry WHERE id = NEW.id) "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
}

PG_FUNCTION = "isodesk_audit_append_only"
PG_FUNCTION_BODY = f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END;"  # whitespace aside
PG_CREATE_FUNCTION = (
    f"CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger AS $$ {PG_FUNCTION_BODY} $$ LANGUAGE plpgsql"
)
# pg_trigger.tgtype bits: ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32
PG_TRIGGERS: dict[str, tuple[int, str]] = {
    "audit_entry_append_only": (
        1 | 2 | 8 | 16,
        f"CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
        f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()",
    ),
    "audit_entry_no_truncate": (
        2 | 32,
        f"CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()",
    ),
}

STATE_ZH = {"missing": "缺失", "disabled": "已停用", "altered": "被改动"}


def _sqlite_states(conn: Connection) -> dict[str, str]:
    query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entry'"
    stored: dict[str, str] = {name: str(create) for name, create in conn.execute(text(query))}
    states = {}
    for name, sql in SQLITE_TRIGGERS.items():
        if name not in stored:
            states[name] = "missing"
        elif " ".join(stored[name].split()) != sql:
            states[name] = "altered"
        else:
            states[name] = "ok"
    return states


def _pg_states(conn: Connection) -> dict[str, str]:
    rows = conn.execute(
        text(
            "SELECT t.tgname, t.tgenabled, t.tgtype, t.tgqual IS NULL AND t.tgnargs = 0"
            " AND cardinality(t.tgattr::int2[]) = 0, l.lanname, p.prosrc"
            " FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_language l ON l.oid = p.prolang"
            " WHERE t.tgrelid = 'audit_entry'::regclass AND NOT t.tgisinternal"
        )
    ).all()
    stored = {r[0]: r[1:] for r in rows}
    states = {}
    for name, (tgtype, _sql) in PG_TRIGGERS.items():
        if name not in stored:
            states[name] = "missing"
            continue
        enabled, stored_type, plain, language, body = stored[name]
        if stored_type != tgtype or not plain or language != "plpgsql" or " ".join(body.split()) != PG_FUNCTION_BODY:
            states[name] = "altered"
        elif enabled not in ("O", "A"):  # D: disabled; R: fires only for replication sessions
            states[name] = "disabled"
        else:
            states[name] = "ok"
    return states


def trigger_states(conn: Connection) -> dict[str, str]:
    """Each append-only trigger IsoDesk expects on audit_entry: ok, missing, disabled or altered."""
    return _pg_states(conn) if conn.dialect.name == "postgresql" else _sqlite_states(conn)


def guard_problems(conn: Connection) -> list[str]:
    return [
        f"audit trail: append-only trigger {name} {state} / 审计记录防改触发器 {name} {STATE_ZH[state]}"
        for name, state in trigger_states(conn).items()
        if state != "ok"
    ]


def ensure_audit_guard(engine: Engine) -> list[str]:
    """Put back every append-only trigger that is missing, disabled or altered (idempotent: a database
    whose triggers are all there is only read). Returns the names of the triggers put back.

    A database role that may not create triggers (a PostgreSQL login that does not own the tables) is
    logged and left as it is: opening still works, and ``check`` keeps naming what is missing."""
    log = logging.getLogger("isodesk.db")
    with engine.connect() as conn:
        states = {name: state for name, state in trigger_states(conn).items() if state != "ok"}
    if not states:
        return []
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                if any(state != "disabled" for state in states.values()):
                    conn.execute(text(PG_CREATE_FUNCTION))
                for name, state in states.items():
                    if state == "disabled":
                        conn.execute(text(f"ALTER TABLE audit_entry ENABLE TRIGGER {name}"))
                    else:
                        conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON audit_entry"))
                        conn.execute(text(PG_TRIGGERS[name][1]))
            else:
                for name in states:
                    conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
                    conn.execute(text(SQLITE_TRIGGERS[name]))
    except DBAPIError as exc:
        reason = str(exc.orig or exc).splitlines()[0]
        log.warning("audit trail: append-only triggers %s could not be put back: %s", ", ".join(states), reason)
        return []
    log.warning("audit trail: append-only triggers put back: %s", ", ".join(f"{n} ({s})" for n, s in states.items()))
    return list(states)


# --- the hash chain -------------------------------------------------------------------------------

FIELDS = ("at", "user_id", "action", "entity", "entity_id", "person_id", "room_id", "before", "after", "note")
INTS = ("user_id", "entity_id", "person_id", "room_id")
LOCK_CLASS = 0x49736F44  # "IsoD": the first key of the trail's advisory lock; the second is the table's oid


def canonical(values: Mapping[str, Any]) -> str:
    """The entry's fields as one JSON text, the same before it is stored and after it is read back:
    keys sorted, the instant in UTC to the microsecond, before/after as JSON turns them."""
    data = {k: values[k] for k in FIELDS}
    data["at"] = values["at"].astimezone(UTC).isoformat(timespec="microseconds")
    for k in INTS:
        data[k] = None if data[k] is None else int(data[k])
    for k in ("action", "entity", "note"):
        data[k] = None if data[k] is None else str(data[k])
    for k in ("before", "after"):
        data[k] = json.loads(json.dumps(data[k]))
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def link(previous: str, values: Mapping[str, Any]) -> str:
    """An entry's chain: sha256 hex of the previous entry's chain ("" for the first) and its fields."""
    return hashlib.sha256(f"{previous}\n{canonical(values)}".encode()).hexdigest()


def entry_values(entry: AuditEntry) -> dict[str, Any]:
    return {k: getattr(entry, k) for k in FIELDS}


def last_chain(session: Session) -> str:
    """The newest stored entry's chain ("" for an empty trail), for the entries this transaction appends.

    On PostgreSQL this first takes the trail's advisory lock until the transaction ends: another desk's
    entries are then either committed (and read here) or wait for this transaction."""
    if session.connection().dialect.name == "postgresql":
        session.execute(text(f"SELECT pg_advisory_xact_lock({LOCK_CLASS}, 'audit_entry'::regclass::oid::int)"))
    return session.scalar(select(AuditEntry.chain).order_by(AuditEntry.id.desc()).limit(1)) or ""


@dataclass(frozen=True)
class Break:
    entry_id: int
    stored: str | None
    expected: str


def first_break(conn: Connection) -> Break | None:
    """The first entry, in id order, whose chain is not the link of the one before it and its fields."""
    columns = [getattr(AuditEntry, k) for k in ("id", *FIELDS, "chain")]
    previous = ""
    for row in conn.execution_options(yield_per=2000).execute(select(*columns).order_by(AuditEntry.id)):
        values = dict(row._mapping)
        expected = link(previous, values)
        if values["chain"] != expected:
            return Break(values["id"], values["chain"], expected)
        previous = expected
    return None


def chain_problems(conn: Connection) -> list[str]:
    found = first_break(conn)
    if found is None:
        return []
    return [
        f"audit entry #{found.entry_id}: hash chain broken (it or the entry before it was changed, removed or"
        f" slipped in) / 审计记录 #{found.entry_id} 校验链断裂（此条或前一条被改动、删除或插入）"
    ]


GAPS_SHOWN = 10


def gap_problems(conn: Connection) -> list[str]:
    """Ids missing from the trail, SQLite only: there ids come from AUTOINCREMENT (never reused, and a rolled
    back transaction takes its ids back with it), so a hole means deleted entries, and so does a counter
    (sqlite_sequence) above the newest id. On PostgreSQL a sequence value is never given back: a rolled
    back transaction (a refused action, a conflict between desks) burns ids, and holes mean nothing; there
    the chain shows a removed entry (the next one no longer links)."""
    if conn.dialect.name != "sqlite":
        return []
    problems = []
    holes = conn.execute(
        text(
            "SELECT prev + 1, id - 1 FROM (SELECT id, LAG(id, 1, 0) OVER (ORDER BY id) AS prev FROM audit_entry)"
            " WHERE id - prev > 1 ORDER BY id"
        )
    ).all()
    for first, last in holes[:GAPS_SHOWN]:
        ids = f"#{first}" if first == last else f"#{first}–#{last}"
        problems.append(f"audit entries {ids} missing (deleted) / 审计记录 {ids} 缺失（已被删除）")
    if len(holes) > GAPS_SHOWN:
        more = len(holes) - GAPS_SHOWN
        problems.append(f"audit entries: {more} more gaps / 审计记录另有 {more} 处缺失")
    newest = conn.execute(text("SELECT coalesce(max(id), 0) FROM audit_entry")).scalar_one()
    counter = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'")).scalar()
    if counter is not None and counter > newest:
        ids = f"#{newest + 1}" if counter == newest + 1 else f"#{newest + 1}–#{counter}"
        problems.append(f"audit entries {ids} missing (the newest deleted) / 审计记录 {ids} 缺失（最新的记录被删除）")
    return problems


def trail_problems(engine: Engine) -> list[str]:
    """``check``'s lines about the audit trail: its triggers, holes in its ids, its hash chain."""
    with engine.connect() as conn:
        return guard_problems(conn) + gap_problems(conn) + chain_problems(conn)
