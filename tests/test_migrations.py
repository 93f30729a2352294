"""Migrations run up from empty and produce the same schema as the models, on SQLite and PostgreSQL."""

import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select

from models.reads.checks import run_checks
from models.store.db import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    session_factory,
    upgrade,
)
from models.store.orm import Base, Site, Stay


def diffs(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
        return compare_metadata(ctx, Base.metadata)


def test_migrated_schema_matches_models(engine):
    # the fixture's database was built by running every migration from empty
    assert current_revision(engine) == head_revision(engine)
    assert diffs(engine) == []


def test_up_down_up_from_empty(tmp_path):
    engine = make_engine(tmp_path / "fresh.sqlite3")
    assert upgrade(engine) is None  # nothing to back up in a new database
    assert {"room", "stay", "observation", "audit_entry"} <= set(inspect(engine).get_table_names())
    command.downgrade(alembic_config(engine), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    upgrade(engine)
    assert diffs(engine) == []


def test_partial_unique_indexes_exist(engine):
    names = {ix["name"] for ix in inspect(engine).get_indexes("stay")}
    assert {"uq_stay_active_bed", "uq_stay_active_person"} <= names


STORED = sorted((Path(__file__).parent / "data").glob("isodesk-*.sqlite3"))


@pytest.mark.parametrize("stored", STORED, ids=[p.stem for p in STORED])
def test_older_database_is_backed_up_then_upgraded_with_its_data(stored, tmp_path):
    db = tmp_path / "site.sqlite3"
    shutil.copy(stored, db)
    old_rev = stored.stem.split("-", 1)[1]
    engine = make_engine(db)
    assert current_revision(engine) == old_rev != head_revision(engine)
    engine.dispose()

    engine = open_database(db)  # what the app and every command do on start
    assert current_revision(engine) == head_revision(engine)
    backups = list((tmp_path / "backups").glob("site-pre-upgrade-*.sqlite3"))
    assert len(backups) == 1
    old = make_engine(backups[0])
    assert current_revision(old) == old_rev  # the copy is the database as it was
    with session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Stay)) == 5
        assert s.scalar(select(Site.rule_set_since)) is not None  # filled by the data migration
    assert run_checks(engine) == []
    assert open_database(db) is not None and len(list((tmp_path / "backups").glob("*.sqlite3"))) == 1


def test_stored_databases_cover_every_past_revision():
    script = ScriptDirectory.from_config(alembic_config(make_engine("sqlite://")))
    past = {rev.revision for rev in script.walk_revisions()} - {script.get_current_head()}
    assert past <= {p.stem.split("-", 1)[1] for p in STORED}


@pytest.fixture(params=["sqlite", "postgresql"])
def old_database(request, tmp_path):
    """An empty database at the revision before the audit scrub, on SQLite or PostgreSQL."""
    import uuid

    from sqlalchemy import text

    from tests.conftest import PG_URL

    if request.param == "sqlite":
        engine = make_engine(tmp_path / "old.sqlite3")
        command.upgrade(alembic_config(engine), "7f88712b34c6")
        yield engine
        engine.dispose()
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need ISODESK_TEST_PG_URL (set by .ci/run)")
    schema = f"isodesk_scrub_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        command.upgrade(alembic_config(engine), "7f88712b34c6")
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_the_upgrade_scrubs_secrets_from_old_audit_entries_and_keeps_the_trail_append_only(old_database):
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    from models.store.orm import AuditEntry
    from tests.conftest import NOW

    engine = old_database
    hashed = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"
    with session_factory(engine)() as s:  # what older versions wrote
        s.add_all(
            [
                AuditEntry(at=NOW, action="user.login", entity="app_user", entity_id=1,
                           after={"id": 1, "username": "desk1", "password_hash": hashed}),
                AuditEntry(at=NOW, action="person.create", entity="person", entity_id=1,
                           after={"id": 1, "name": "测试", "doc_number": "110105199001011234", "phone": "13800138000"}),
                AuditEntry(at=NOW, action="stay.check_in", entity="stay", entity_id=1, after={"id": 1, "bed": 1}),
            ]
        )  # fmt: skip
        s.commit()
    upgrade(engine)
    with session_factory(engine)() as s:
        entries = {e.action: e for e in s.scalars(select(AuditEntry))}
        assert "password_hash" not in entries["user.login"].after
        assert entries["user.login"].after["username"] == "desk1"
        assert entries["person.create"].after["doc_number"] == "1101**********1234"
        assert entries["person.create"].after["phone"] == "138****8000"
        assert entries["stay.check_in"].after == {"id": 1, "bed": 1}  # untouched
        assert "2 entries" in entries["audit.scrub"].note  # the rewrite is itself on record
    with pytest.raises(DatabaseError), engine.begin() as conn:  # append-only again
        conn.execute(text("UPDATE audit_entry SET note = 'x'"))
