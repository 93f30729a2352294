"""The audit trail cannot be rewritten quietly: what the database refuses, and what ``check`` finds when
someone lifted the refusal first (models/store/audit_guard.py). Each attack runs on SQLite and PostgreSQL."""

import sqlite3

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError

from models.reads.checks import run_checks
from models.services import audit
from models.services.arrivals import register_arrival
from models.store import audit_guard
from models.store.db import upgrade
from models.store.orm import AuditEntry, Site
from tests.conftest import NOW
from tests.helpers import free_rooms, run_app


@pytest.fixture
def trail(engine, session, site, desk, make_arrival):
    """A site with a few arrivals: a trail of some entries. Afterwards the triggers are put back (on
    PostgreSQL the schema outlives the test)."""
    for room in free_rooms(session, 3):
        register_arrival(session, desk, make_arrival(), room.id, now=NOW)
    session.close()
    yield engine
    audit_guard.ensure_audit_guard(engine)


def rows(engine):
    with engine.connect() as conn:
        return conn.execute(select(AuditEntry.id, AuditEntry.action, AuditEntry.note).order_by(AuditEntry.id)).all()


def expected_triggers(engine):
    return audit_guard.PG_TRIGGERS if engine.dialect.name == "postgresql" else audit_guard.SQLITE_TRIGGERS


def lift(engine, name):
    """Drop one append-only trigger behind IsoDesk's back, as a hand edit would."""
    with engine.begin() as conn:
        on = " ON audit_entry" if engine.dialect.name == "postgresql" else ""
        conn.execute(text(f"DROP TRIGGER {name}{on}"))


def trigger_line(name, state="missing"):
    return f"audit trail: append-only trigger {name} {state} / 审计记录防改触发器 {name} {audit_guard.STATE_ZH[state]}"


def missing(name):
    return trigger_line(name)


def broken(entry_id):
    return (
        f"audit entry #{entry_id}: hash chain broken (it or the entry before it was changed, removed or slipped in)"
        f" / 审计记录 #{entry_id} 校验链断裂（此条或前一条被改动、删除或插入）"
    )


# --- refused ------------------------------------------------------------------------------------------

COPY = "SELECT id, at, 'forged', entity, 'forged', chain FROM audit_entry WHERE id = :id"
COLUMNS = "audit_entry (id, at, action, entity, note, chain)"
REWRITES = {
    "sqlite": [
        f"INSERT OR REPLACE INTO {COLUMNS} {COPY}",  # REPLACE deleted the row without firing the delete trigger
        f"REPLACE INTO {COLUMNS} {COPY}",
        f"INSERT INTO {COLUMNS} {COPY} ON CONFLICT(id) DO UPDATE SET note = excluded.note",
        f"INSERT INTO {COLUMNS} {COPY} ON CONFLICT DO NOTHING",
    ],
    "postgresql": [
        f"INSERT INTO {COLUMNS} {COPY} ON CONFLICT (id) DO UPDATE SET note = excluded.note, action = excluded.action",
    ],
}


def test_an_entry_cannot_be_replaced_or_upserted(trail):
    engine = trail
    before = rows(engine)
    first = before[0].id
    for sql in REWRITES[engine.dialect.name]:
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(text(sql), {"id": first})
    assert rows(engine) == before
    assert run_checks(engine) == []


def test_the_whole_trail_cannot_be_emptied(trail):
    engine = trail
    before = rows(engine)
    if engine.dialect.name == "postgresql":
        statements = ["TRUNCATE audit_entry", "TRUNCATE app_user CASCADE", "TRUNCATE audit_entry RESTART IDENTITY"]
    else:
        statements = ["DELETE FROM audit_entry"]  # SQLite's TRUNCATE (its truncate optimization)
    for sql in statements:
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(text(sql))
    assert rows(engine) == before


# --- the triggers, checked and put back --------------------------------------------------------------


def test_check_names_each_missing_trigger_and_the_upgrade_puts_them_back(trail):
    engine = trail
    names = list(expected_triggers(engine))
    for name in names:
        lift(engine, name)
    assert run_checks(engine) == [missing(name) for name in names]
    assert upgrade(engine) is None  # what `check --upgrade` and every start do
    assert run_checks(engine) == []
    assert upgrade(engine) is None and run_checks(engine) == []  # idempotent
    with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET note = 'x'"))


def test_check_names_a_disabled_or_hollowed_out_trigger_on_postgresql(trail):
    engine = trail
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite cannot disable a trigger, nor run a function in one")
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_truncate"))
    assert run_checks(engine) == [trigger_line("audit_entry_no_truncate", "disabled")]
    with engine.begin() as conn:  # the function the triggers call, now letting everything through
        conn.execute(
            text(
                "CREATE OR REPLACE FUNCTION isodesk_audit_append_only() RETURNS trigger AS $$"
                " BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql"
            )
        )
    assert run_checks(engine) == [trigger_line(n, "altered") for n in audit_guard.PG_TRIGGERS]
    assert sorted(audit_guard.ensure_audit_guard(engine)) == sorted(audit_guard.PG_TRIGGERS)
    assert run_checks(engine) == []
    with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
        conn.execute(text("TRUNCATE audit_entry"))


def test_check_names_an_altered_trigger_on_sqlite(trail):
    engine = trail
    if engine.dialect.name != "sqlite":
        pytest.skip("the PostgreSQL variant is above")
    with engine.begin() as conn:  # same name, but it no longer fires for an id already there
        conn.execute(text("DROP TRIGGER audit_entry_no_replace"))
        conn.execute(
            text(
                "CREATE TRIGGER audit_entry_no_replace BEFORE INSERT ON audit_entry WHEN 0 "
                "BEGIN SELECT RAISE(ABORT, 'no'); END"
            )
        )
    assert run_checks(engine) == [trigger_line("audit_entry_no_replace", "altered")]
    assert audit_guard.ensure_audit_guard(engine) == ["audit_entry_no_replace"]
    assert run_checks(engine) == []


def test_cli_check_reports_a_dropped_trigger_and_check_upgrade_puts_it_back(tmp_path, sqlite_template):
    db = tmp_path / "site.sqlite3"
    db.write_bytes(sqlite_template.read_bytes())
    con = sqlite3.connect(db)
    con.execute("DROP TRIGGER audit_entry_no_replace")
    con.close()
    found = run_app("check", "--db", str(db))
    assert found.returncode == 1, found.stdout + found.stderr
    assert found.stdout.splitlines() == [missing("audit_entry_no_replace")]
    fixed = run_app("check", "--upgrade", "--db", str(db))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert run_app("check", "--db", str(db)).returncode == 0


# --- detected: rewrites behind lifted triggers -------------------------------------------------------


def test_an_entry_rewritten_behind_the_triggers_breaks_the_chain_there(trail):
    engine = trail
    ids = [r.id for r in rows(engine)]
    target = ids[len(ids) // 2]
    with engine.begin() as conn:  # lifted for one transaction, then back: only the chain tells
        if engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only"))
        else:
            conn.execute(text("DROP TRIGGER audit_entry_no_update"))
        conn.execute(text("UPDATE audit_entry SET note = 'nothing happened' WHERE id = :id"), {"id": target})
        if engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only"))
        else:
            conn.execute(text(audit_guard.SQLITE_TRIGGERS["audit_entry_no_update"]))
    assert run_checks(engine) == [broken(target)]


def test_a_removed_entry_leaves_a_gap_on_sqlite_and_breaks_the_chain_on_both(trail):
    engine = trail
    ids = [r.id for r in rows(engine)]
    target, newest = ids[len(ids) // 2], ids[-1]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only"))
        else:
            conn.execute(text("DROP TRIGGER audit_entry_no_delete"))
        conn.execute(text("DELETE FROM audit_entry WHERE id IN (:a, :b)"), {"a": target, "b": newest})
    audit_guard.ensure_audit_guard(engine)
    if engine.dialect.name == "sqlite":
        assert run_checks(engine) == [
            f"audit entries #{target} missing (deleted) / 审计记录 #{target} 缺失（已被删除）",
            f"audit entries #{newest} missing (the newest deleted) / 审计记录 #{newest} 缺失（最新的记录被删除）",
            broken(target + 1),
        ]
    else:  # ids burnt by rolled back transactions make holes on PostgreSQL: the chain alone tells
        assert run_checks(engine) == [broken(target + 1)]  # (the newest gone: the next entry links to the one before)


def test_an_entry_slipped_in_by_hand_breaks_the_chain(trail):
    engine = trail
    with engine.begin() as conn:  # a plausible entry, with a made-up chain
        conn.execute(
            text(
                "INSERT INTO audit_entry (at, action, entity, note, chain) "
                "SELECT at, 'stay.release', 'stay', 'released early', :chain FROM audit_entry WHERE id = 1"
            ),
            {"chain": "0" * 64},
        )
        new_id = conn.execute(text("SELECT max(id) FROM audit_entry")).scalar_one()
    assert run_checks(engine) == [broken(new_id)]


# --- the chain, as IsoDesk writes it -----------------------------------------------------------------


def test_entries_are_chained_in_id_order_within_and_across_transactions(engine, session, site, desk):
    site_row = session.scalar(select(Site))
    audit.record(session, desk, "test.one", site_row, note="one")
    audit.record(session, desk, "test.two", site_row, note="two")
    session.commit()  # outside a service: the session's before_commit appends them
    audit.record(session, desk, "test.dropped", site_row, note="rolled back")
    session.rollback()
    session.commit()  # nothing left over from the rolled back transaction
    audit.record(session, None, "test.three", None, note="three")
    session.commit()
    entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    assert [e.note for e in entries[-3:]] == ["one", "two", "three"]
    assert session.scalar(select(func.count()).where(AuditEntry.action == "test.dropped")) == 0
    previous = ""
    for entry in entries:
        assert entry.chain == audit_guard.link(previous, audit_guard.entry_values(entry))
        previous = entry.chain
    assert run_checks(engine) == []
