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
from models.store.orm import Base, Room, Site, Stay


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
    assert f"-pre-upgrade-{old_rev}-to-{head_revision(engine)}-" in backups[0].name


def test_an_upgrade_that_failed_and_is_tried_again_keeps_one_copy(tmp_path, monkeypatch):
    """Each start that fails after the copy (a migration that breaks, a full disk) used to add a copy of
    the whole database; the copy from before the first attempt is the one that matters, and is kept."""
    db = tmp_path / "site.sqlite3"
    shutil.copy(STORED[-1], db)
    calls = []

    def broken(*_a, **_k):
        calls.append(1)
        raise RuntimeError("a migration that breaks")

    monkeypatch.setattr(command, "upgrade", broken)
    for _ in range(3):
        with pytest.raises(RuntimeError):
            open_database(db)
    assert len(calls) == 3
    copies = list((tmp_path / "backups").iterdir())
    assert len(copies) == 1 and copies[0].suffix == ".sqlite3"  # whole, named as a copy
    monkeypatch.undo()
    engine = open_database(db)
    assert current_revision(engine) == head_revision(engine)
    assert list((tmp_path / "backups").iterdir()) == copies


def test_stored_databases_cover_every_past_revision():
    script = ScriptDirectory.from_config(alembic_config(make_engine("sqlite://")))
    past = {rev.revision for rev in script.walk_revisions()} - {script.get_current_head()}
    assert past <= {p.stem.split("-", 1)[1] for p in STORED}


def _database_at(request, tmp_path, revision):
    """An empty database at ``revision``, on SQLite or PostgreSQL (its own schema, dropped after)."""
    import uuid

    from sqlalchemy import text

    from tests.conftest import PG_URL

    if request.param == "sqlite":
        engine = make_engine(tmp_path / "old.sqlite3")
        command.upgrade(alembic_config(engine), revision)
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
        command.upgrade(alembic_config(engine), revision)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def old_database(request, tmp_path):
    """An empty database at the revision before the audit scrub, on SQLite or PostgreSQL."""
    yield from _database_at(request, tmp_path, "7f88712b34c6")


@pytest.fixture(params=["sqlite", "postgresql"])
def head_database(request, tmp_path):
    """An empty database at head, on SQLite or PostgreSQL."""
    yield from _database_at(request, tmp_path, "head")


def old_audit_table():
    """audit_entry as revisions before 4e6721845f65 had it (the ORM entity has a chain column since)."""
    import sqlalchemy as sa

    from models.store.orm.base import UTCDateTime

    return sa.table(
        "audit_entry",
        *(sa.column(k, sa.Integer) for k in ("id", "user_id", "entity_id", "person_id", "room_id")),
        sa.column("at", UTCDateTime()),
        *(sa.column(k, sa.String) for k in ("action", "entity", "note")),
        *(sa.column(k, sa.JSON) for k in ("before", "after")),
    )


def test_the_upgrade_scrubs_secrets_from_old_audit_entries_and_keeps_the_trail_append_only(old_database):
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    from models.store.orm import AuditEntry
    from tests.conftest import NOW

    engine = old_database
    hashed = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"
    old = old_audit_table().insert()
    with engine.begin() as conn:  # what older versions wrote (the table as it was then: no chain yet)
        conn.execute(
            old.values(
                at=NOW,
                action="user.login",
                entity="app_user",
                entity_id=1,
                after={"id": 1, "username": "desk1", "password_hash": hashed},
            )
        )
        conn.execute(
            old.values(
                at=NOW,
                action="person.create",
                entity="person",
                entity_id=1,
                after={"id": 1, "name": "测试", "doc_number": "110105199001011234", "phone": "13800138000"},
            )
        )
        conn.execute(old.values(at=NOW, action="stay.check_in", entity="stay", entity_id=1, after={"id": 1, "bed": 1}))
    upgrade(engine, confirmed=True)  # a shared database: as the admin's upgrade does it
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


def test_the_upgrade_chains_the_entries_already_stored_and_closes_replace_and_truncate(old_database):
    """Revision 4e6721845f65 on a trail written before it: every entry gets its chain (``check`` verifies
    it with today's code), and the rewrites the older triggers let through are refused from then on."""
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    from models.store.audit_guard import trail_problems
    from models.store.orm import AuditEntry
    from tests.conftest import NOW

    engine = old_database
    old = old_audit_table().insert()
    with engine.begin() as conn:
        conn.execute(
            old.values(
                at=NOW,
                action="stay.check_in",
                entity="stay",
                entity_id=1,
                person_id=3,
                room_id=2,
                after={"id": 1, "bed": 1, "temperature": 36.6, "note": "入住 ✓"},
            )
        )
        conn.execute(old.values(at=NOW, action="user.login", entity="app_user", entity_id=1, note="login"))
        conn.execute(
            old.values(
                at=NOW,
                action="stay.release",
                entity="stay",
                entity_id=1,
                before={"departed_at": None},
                after={"departed_at": NOW.isoformat()},
            )
        )
    pg = engine.dialect.name == "postgresql"
    with engine.begin() as conn:  # dropped by hand before: the upgrade neither fails on it nor leaves it so
        conn.execute(
            text("DROP TRIGGER audit_entry_append_only ON audit_entry" if pg else "DROP TRIGGER audit_entry_no_update")
        )
    upgrade(engine, confirmed=True)  # a shared database: as the admin's upgrade does it
    with session_factory(engine)() as s:
        chains = list(s.scalars(select(AuditEntry.chain).order_by(AuditEntry.id)))
    assert len(chains) == 3 and all(len(c) == 64 for c in chains) and len(set(chains)) == 3
    assert trail_problems(engine) == []
    if pg:
        attack = "TRUNCATE audit_entry"
    else:
        attack = "INSERT OR REPLACE INTO audit_entry (id, at, action, entity, chain) SELECT id, at, 'x', 'x', chain FROM audit_entry WHERE id = 1"  # noqa: E501
    with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
        conn.execute(text(attack))
    command.downgrade(alembic_config(engine), "b5e4c1d8a2f3")  # and back: the older triggers still hold
    with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry"))


def test_the_upgrade_stores_reasons_as_codes_and_indexes_every_surname_reading(head_database, make_arrival):
    """Revision 9488095077fd on a database written before it: the not-measured reasons typed on Chinese and
    English desks (their labels) become codes, shown in each screen's language; people are re-indexed,
    so the 曾 already there are found by zeng… as well as ceng…."""
    from sqlalchemy import text

    from models.reads.occupants import OccupantFilter, list_occupants
    from models.reads.rounds import round_sheet
    from models.services.arrivals import register_arrival
    from models.services.observations import record_reading
    from models.services.sites import FloorSpec, create_site, room_numbers
    from models.store.orm import Observation, Person, Role, Slot, User
    from tests.conftest import NOW

    engine = head_database
    day = NOW.date()
    with session_factory(engine)() as s:
        user = User(username="desk1", display_name="前台一", role=Role.ADMIN)
        s.add(user)
        s.commit()
        create_site(s, user, "升级测试", [FloorSpec("1号楼", 1, room_numbers(1, 1, 6))])
        names = ["曾伟", "曾小红", "尉迟明", "张三", "李四", "王五"]
        rooms = list(s.scalars(select(Room.id).order_by(Room.id)))
        stays = [
            register_arrival(s, user, make_arrival(name=n, arrived_at=NOW), r, now=NOW).id
            for n, r in zip(names, rooms, strict=True)
        ]
        for sid, reason in zip(stays, ["asleep", "refused", "transfer", "asleep", "refused"], strict=False):
            record_reading(s, user, sid, day, Slot.EVENING, not_measured_reason=reason)
        record_reading(s, user, stays[5], day, Slot.EVENING, temperature="36.6")
    command.downgrade(alembic_config(engine), "4e6721845f65")
    with engine.begin() as conn:  # as the older version left them: labels of the desk's language
        pinyin = dict(conn.execute(text("SELECT name, name_pinyin FROM person")).all())
        assert pinyin["曾伟"] == "cengwei|cw" and pinyin["张三"] == "zhangsan|zs"
        conn.execute(text("UPDATE observation SET not_measured_reason = 'asleep' WHERE stay_id = :s"), {"s": stays[3]})
        conn.execute(text("UPDATE observation SET not_measured_reason = 'refused' WHERE stay_id = :s"), {"s": stays[4]})
        conn.execute(
            text("UPDATE observation SET not_measured_reason = 'out for transfer' WHERE stay_id = :s"), {"s": stays[2]}
        )
        reasons = {r for (r,) in conn.execute(text("SELECT not_measured_reason FROM observation"))}
        assert reasons == {"睡眠中", "拒绝测量", "out for transfer", "asleep", "refused", None}
    upgrade(engine, confirmed=True)  # a shared database: as the admin's upgrade does it
    assert current_revision(engine) == head_revision(engine)
    with session_factory(engine)() as s:
        stored = dict(s.execute(select(Observation.stay_id, Observation.not_measured_reason)).all())
        assert [stored[sid] for sid in stays] == ["asleep", "refused", "transfer", "asleep", "refused", None]
        [row] = round_sheet(s, day, Slot.EVENING, stay_id=stays[0])
        assert (row.reading.text("zh_CN"), row.reading.text("en")) == ("睡眠中", "asleep")

        def found(typed):
            return sorted(r.name for r in list_occupants(s, OccupantFilter(text=typed)))

        assert found("zeng") == found("ceng") == ["曾伟", "曾小红"]
        assert found("zengwei") == found("zw") == found("cw") == ["曾伟"]
        assert found("yuchiming") == ["尉迟明"] and found("zhangsan") == ["张三"]
        assert s.scalar(select(Person.name_pinyin).where(Person.name == "曾伟")) == "zengwei|zw|cengwei|cw"
    command.downgrade(alembic_config(engine), "4e6721845f65")  # and back: Chinese labels, the old index
    with engine.connect() as conn:
        assert {r for (r,) in conn.execute(text("SELECT not_measured_reason FROM observation"))} == {
            "睡眠中",
            "拒绝测量",
            "外出转运",
            None,
        }
        assert dict(conn.execute(text("SELECT name, name_pinyin FROM person")).all())["曾伟"] == "cengwei|cw"


def test_the_upgrade_keeps_the_decisions_about_each_stay_and_stores_zones_as_codes(head_database, make_arrival):
    """Revision 9908979806ae on a database written before it: the date changes get their kind from the reasons
    the app wrote; a restarted stay counts its days from the restart (it had kept its first day 1); the days
    extended by hand become the stay's manual days, which a later switch keeps; zones become codes."""
    from datetime import date, timedelta

    from sqlalchemy import text

    from models.services.arrivals import register_arrival
    from models.services.outbreak import apply_restart, preview_restart
    from models.services.sites import FloorSpec, create_site, room_numbers
    from models.services.stays import change_release_date
    from models.services.swabs import mark_sampled, record_result, swab_plan
    from models.store.orm import Role, StayDateChange, User
    from tests.conftest import NOW, local

    engine = head_database
    with session_factory(engine)() as s:
        user = User(username="desk1", display_name="前台一", role=Role.ADMIN)
        s.add(user)
        s.commit()
        create_site(s, user, "升级测试", [FloorSpec("1号楼", 1, room_numbers(1, 1, 4))], rule_set_name="第九版")
        rooms = list(s.scalars(select(Room.id).order_by(Room.id)))
        arrived = local(2026, 11, 20)
        case, near, extended = (
            register_arrival(s, user, make_arrival(arrived_at=arrived), r, now=NOW).id for r in rooms[:3]
        )
        change_release_date(s, user, extended, date(2026, 11, 30), "结果未出", now=NOW)
        swab = swab_plan(s, case)[0]
        mark_sampled(s, user, swab.id, by="护士", at=local(2026, 11, 21, 8))
        record_result(s, user, swab.id, "positive")
        apply_restart(s, user, preview_restart(s, swab.id), now=NOW)
    command.downgrade(alembic_config(engine), "9488095077fd")
    with engine.begin() as conn:  # as the older version left a restart: the first day 1 kept
        conn.execute(text("UPDATE stay SET day_one = arrival_day"))
        assert {z for (z,) in conn.execute(text("SELECT zone FROM room"))} == {"污染区"}
    upgrade(engine, confirmed=True)  # a shared database: as the admin's upgrade does it
    with session_factory(engine)() as s:
        restarted, kept = s.get(Stay, near), s.get(Stay, extended)
        assert (restarted.restart_day, restarted.day_one, restarted.day_n(date(2026, 11, 22))) == (
            date(2026, 11, 22),
            date(2026, 11, 22),
            1,
        )
        assert (kept.manual_days, kept.restart_day, kept.day_one) == (3, None, date(2026, 11, 20))
        kinds = {(c.stay_id, c.kind) for c in s.scalars(select(StayDateChange))}
        assert kinds == {(extended, "manual"), (near, "restart")}
        assert set(s.scalars(select(Room.zone))) == {"contaminated"}
        assert kept.planned_release == date(2026, 11, 27) + timedelta(days=3)
    assert run_checks(engine) == []
