"""Backups: online copies that open and pass checks, rotation, refusal of bad files, restore (CLI too)."""

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.errors import DomainError
from models.reads.checks import run_checks
from models.services.arrivals import register_arrival
from models.store.backup import (
    backup_now,
    copy_before,
    list_backups,
    restore,
    rotate,
    sqlite_path,
    verify_backup,
)
from models.store.db import make_engine, session_factory
from models.store.orm import Stay
from tests.conftest import NOW, TZ
from tests.helpers import free_rooms, run_app

pytestmark = pytest.mark.usefixtures("site")


def stays(engine):
    with session_factory(engine)() as s:
        return s.scalar(select(func.count()).select_from(Stay))


@pytest.fixture
def sqlite_only(engine):
    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("SQLite file backups; PostgreSQL is backed up on the server")
    return engine


def test_backup_is_a_sound_copy_taken_while_open(sqlite_only, session, desk, make_arrival, tmp_path):
    register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    path = backup_now(sqlite_only, tmp_path / "b")
    info = verify_backup(path)
    assert info.stays == 1 and info.sites == 1
    copy = make_engine(path)
    assert run_checks(copy) == [] and stays(copy) == 1
    copy.dispose()


def write_copies(folder, sound, times, reason=None):
    """Copies named as backup_now names them (the site's wall clock, +0800), holding a sound database."""
    folder.mkdir(exist_ok=True)
    tail = f"-before-{reason}" if reason else ""
    paths = []
    for when in times:
        path = folder / f"isodesk-{when.astimezone(TZ).strftime('%Y-%m-%d-%H%M%S%z')}{tail}.sqlite3"
        path.write_bytes(sound)
        paths.append(path)
    return paths


def test_rotation_over_ten_days_of_copies_every_three_hours(tmp_path):
    sound = real_copy(tmp_path / "seed")  # rotation counts only copies that pass integrity_check
    folder = tmp_path / "bk"
    start = datetime(2026, 11, 14, 0, 0, tzinfo=TZ)  # a Saturday; 2026-11-23 is the Monday of ISO week 48
    every = write_copies(folder, sound, [start + timedelta(hours=3 * i) for i in range(80)])  # to 11-23 21:00
    old_named, recent_named = write_copies(
        folder, sound, [datetime(2026, 11, 19, 9, 30, tzinfo=TZ), datetime(2026, 11, 22, 9, 30, tzinfo=TZ)], "import"
    )
    (folder / "isodesk-pre-upgrade-20260901.sqlite3").write_bytes(b"x")  # not a rotated copy
    now = datetime(2026, 11, 23, 22, 0, tzinfo=TZ)
    removed = rotate(folder, now=now)
    kept = {c.path for c in list_backups(folder)}
    assert not set(removed) & kept and all(p.exists() for p in kept)
    recent = {p for p in every if p.name >= "isodesk-2026-11-21-220000"} | {recent_named}
    assert len(recent) == 17 and recent <= kept  # every copy of the last 48 hours, the named one with them
    evenings = {folder / f"isodesk-2026-11-{day}-210000+0800.sqlite3" for day in (17, 18, 19, 20, 21)}
    assert evenings <= kept  # then the newest of each day, for 7 days (11-23 … 11-17)
    last_of_week_46 = folder / "isodesk-2026-11-15-210000+0800.sqlite3"  # the newest of an older ISO week
    assert kept == recent | evenings | {last_of_week_46}
    assert old_named in removed  # past 48 hours a named copy is one of its day like the others
    assert not any(p.name.startswith("isodesk-2026-11-14") for p in kept)  # week 46's newest is on the 15th
    assert len(removed) == 82 - len(kept)
    assert (folder / "isodesk-pre-upgrade-20260901.sqlite3").exists()
    assert rotate(folder, now=now) == []  # what it keeps, it keeps


def test_a_restart_after_a_bad_import_keeps_the_mornings_copies(tmp_path, sqlite_template):
    """The copy at start, then the one before the import, then the copy at the restart: all three stay. Before,
    the restart's backup rotated the day down to its newest copy, taken after the bad import."""
    db = tmp_path / "site.sqlite3"
    db.write_bytes(sqlite_template.read_bytes())
    folder = tmp_path / "bk"
    engine = make_engine(db)
    at_start = backup_now(engine, folder, now=NOW - timedelta(hours=2))
    rotate(folder, now=NOW - timedelta(hours=2))
    before = copy_before(engine, folder, "import", now=NOW - timedelta(hours=1))
    restart = run_app("backup", "--db", str(db), "--to", str(folder), ISODESK_NOW=NOW.isoformat())  # restarted
    assert restart.returncode == 0, restart.stderr
    assert at_start.exists() and before.exists() and Path(restart.stdout.strip()).exists()
    assert [c.reason for c in list_backups(folder)] == [None, "import", None]
    monday = NOW + timedelta(days=3)  # closed over the weekend: Friday's copies are past 48 hours on Monday
    for _ in range(3):
        backup_now(engine, folder, now=monday)
        rotate(folder, now=monday)
    assert at_start.exists() and before.exists()  # among the newest 10
    engine.dispose()


def test_two_copies_in_the_same_minute_are_both_kept(tmp_path, sqlite_template):
    db = tmp_path / "site.sqlite3"
    db.write_bytes(sqlite_template.read_bytes())
    engine = make_engine(db)
    folder = tmp_path / "bk"
    made = [backup_now(engine, folder), backup_now(engine, folder, now=NOW + timedelta(seconds=20))]
    made += [backup_now(engine, folder), copy_before(engine, folder, "import")]  # the same second, the pinned clock
    rotate(folder)
    assert len(set(made)) == 4 and all(p.exists() for p in made)
    assert [p.name for p in made] == [
        "isodesk-2026-11-23-020000+0000.sqlite3",  # no site in this database: its clock is UTC
        "isodesk-2026-11-23-020020+0000.sqlite3",
        "isodesk-2026-11-23-020000+0000-1.sqlite3",
        "isodesk-2026-11-23-020000+0000-2-before-import.sqlite3",
    ]
    assert {c.path for c in list_backups(folder)} == set(made)
    engine.dispose()


def test_a_copy_is_named_for_the_sites_wall_clock(sqlite_only, tmp_path):
    path = backup_now(sqlite_only, tmp_path / "b")  # the site of the fixture keeps Asia/Shanghai time
    assert path.name == "isodesk-2026-11-23-100000+0800.sqlite3"
    (copy,) = list_backups(tmp_path / "b")
    assert copy.when == NOW and copy.reason is None
    before = copy_before(sqlite_only, tmp_path / "b", "restore")
    assert before.name == "isodesk-2026-11-23-100000+0800-1-before-restore.sqlite3"  # the same second
    assert [c.reason for c in list_backups(tmp_path / "b")] == ["restore", None]
    with pytest.raises(ValueError):
        copy_before(sqlite_only, tmp_path / "b", "lunch")


def test_older_names_are_still_listed_and_rotated(tmp_path):
    sound = real_copy(tmp_path / "seed")
    folder = tmp_path / "bk"
    folder.mkdir()
    utc = folder / "isodesk-20261101-020000Z.sqlite3"
    utc.write_bytes(sound)
    (new,) = write_copies(folder, sound, [NOW])
    assert [c.path for c in list_backups(folder)] == [new, utc]
    assert list_backups(folder)[1].when == datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
    assert rotate(folder, last=1, daily=1, weekly=1) == [utc]


def test_copy_before_does_nothing_on_a_database_that_is_not_a_file(engine, tmp_path):
    from views.backup_panel import copy_before_job

    if engine.url.get_backend_name() == "sqlite":
        assert copy_before(make_engine("sqlite://"), tmp_path / "b", "import") is None  # in memory
    else:
        assert copy_before(engine, tmp_path / "b", "import") is None
        assert copy_before_job(engine, None, "import")() is None  # no settings read either
    assert not (tmp_path / "b").exists()


def test_bad_files_are_refused_with_a_reason(tmp_path, sqlite_only):
    not_db = tmp_path / "notes.sqlite3"
    not_db.write_text("hello")
    with pytest.raises(DomainError) as e:
        verify_backup(not_db)
    assert e.value.code == "backup_not_sqlite"
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).executescript("create table t(x); insert into t values(1);")
    with pytest.raises(DomainError) as e:
        verify_backup(other)
    assert e.value.code == "backup_not_isodesk"
    good = backup_now(sqlite_only, tmp_path / "b")
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(good.read_bytes())
    page = 4096
    for at in range(page * 2, min(len(data), page * 6)):  # scribble over b-tree pages
        data[at] = 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(DomainError) as e:
        verify_backup(damaged)
    assert e.value.code == "backup_corrupt"


def test_restore_brings_back_the_old_state_and_keeps_the_current(sqlite_only, session, desk, make_arrival, tmp_path):
    rooms = free_rooms(session, 2)
    register_arrival(session, desk, make_arrival(), rooms[0].id, now=NOW)
    saved = backup_now(sqlite_only, tmp_path / "b")
    register_arrival(session, desk, make_arrival(), rooms[1].id, now=NOW)
    session.close()
    assert stays(sqlite_only) == 2
    safety = restore(saved, sqlite_only, safety_dir=tmp_path / "safety")
    assert stays(sqlite_only) == 1 and run_checks(sqlite_only) == []
    kept = make_engine(safety)
    assert stays(kept) == 2  # nothing is lost: the replaced database is kept aside
    kept.dispose()
    assert safety.name == "isodesk-2026-11-23-100000+0800-before-restore.sqlite3"  # the copy before the restore
    assert [(c.path, c.reason) for c in list_backups(tmp_path / "safety")] == [(safety, "restore")]


def test_a_refused_restore_changes_nothing(sqlite_only, session, desk, make_arrival, tmp_path):
    register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    session.close()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(DomainError):
        restore(junk, sqlite_only)
    assert stays(sqlite_only) == 1


def test_cli_backup_and_restore(tmp_path, sqlite_template):
    db = tmp_path / "site.sqlite3"
    db.write_bytes(sqlite_template.read_bytes())
    out = run_app("backup", "--db", str(db), "--to", str(tmp_path / "bk"))
    assert out.returncode == 0, out.stderr
    made = tmp_path / "bk" / out.stdout.strip().split("/")[-1]
    assert made.exists()
    back = run_app("restore", str(made), "--db", str(db))
    assert back.returncode == 0, back.stderr
    (before,) = list_backups(tmp_path / "backups")  # the database as it was, beside it, named for the restore
    assert before.reason == "restore" and str(before.path) in back.stdout and verify_backup(before.path)
    bad = run_app("restore", str(tmp_path / "missing.sqlite3"), "--db", str(db))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "missing.sqlite3" in bad.stderr
    pg = run_app("backup", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert pg.returncode == 2 and "pg_dump" in pg.stderr


def test_the_cli_import_copies_the_database_first(tmp_path, sqlite_template, rng):
    from models.demo import synthetic
    from models.services.sites import FloorSpec, create_site, room_numbers
    from models.store.orm import Role, User
    from tests.helpers import cli_account

    db = tmp_path / "site.sqlite3"
    db.write_bytes(sqlite_template.read_bytes())
    engine = make_engine(db)
    with session_factory(engine)() as s:
        setup = User(username="setup", role=Role.ADMIN)
        s.add(setup)
        s.commit()
        create_site(s, setup, "CLI site", [FloorSpec("A", 1, room_numbers(1, 1, 5))])
    signed = cli_account(db, "desk1", "desk")
    lines = ["姓名,性别,证件号码,联系电话,人员类别,末次暴露时间"]
    for _ in range(3):
        p = synthetic.person(rng, NOW.date(), min_age=20, max_age=60)
        lines.append(
            f"{p['name']},{'男' if p['sex'].value == 'M' else '女'},{p['doc_number']},{p['phone']},密接,2026-11-20"
        )
    listed = tmp_path / "list.csv"
    listed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dry = run_app("import", str(listed), "--db", str(db), "--dry-run", **signed)
    assert dry.returncode == 0, dry.stderr
    assert not (tmp_path / "backups").exists()  # a dry run writes nothing, copies nothing
    out = run_app("import", str(listed), "--db", str(db), **signed)
    assert out.returncode == 0, out.stderr
    (before,) = list_backups(tmp_path / "backups")
    assert before.reason == "import" and before.path.name == "isodesk-2026-11-23-100000+0800-before-import.sqlite3"
    assert str(before.path) in out.stderr
    copy = make_engine(before.path)
    assert stays(copy) == 0 and stays(engine) == 3  # the copy is the database as it was before the check-ins
    copy.dispose()
    engine.dispose()


# --- attacks: a restore that takes a foreign or doctored file, a backup of a damaged database ---------


def sql(path, *statements):
    con = sqlite3.connect(path)
    con.isolation_level = None
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()


def audit_triggers(path):
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entry'"
        ).fetchall()
    finally:
        con.close()


def with_audit_triggers_lifted(path, *statements):
    """Drop the append-only triggers, run the statements, put the triggers back as they were."""
    triggers = audit_triggers(path)
    assert triggers  # the revision has append-only triggers
    sql(path, *(f'DROP TRIGGER "{name}"' for name, _sql in triggers), *statements, *(text for _n, text in triggers))


def audit_count(engine):
    from models.store.orm import AuditEntry

    with session_factory(engine)() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


def a_restore_is_refused(path, engine, code):
    before = (stays(engine), audit_count(engine))
    with pytest.raises(DomainError) as e:
        restore(path, engine)
    assert e.value.code == code, e.value
    assert (stays(engine), audit_count(engine)) == before and run_checks(engine) == []  # the live one is intact
    return e.value


@pytest.fixture
def one_stay(sqlite_only, session, desk, make_arrival):
    register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    session.close()
    return sqlite_only


def test_a_foreign_file_with_the_three_tables_is_refused(one_stay, tmp_path):
    from models.store.db import head_revision

    foreign = tmp_path / "foreign.sqlite3"
    sql(
        foreign,
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
        f"INSERT INTO alembic_version VALUES ('{head_revision(one_stay)}')",
        "CREATE TABLE site (id INTEGER PRIMARY KEY)",
        "CREATE TABLE stay (id INTEGER PRIMARY KEY)",
    )
    error = a_restore_is_refused(foreign, one_stay, "backup_schema_differs")
    assert "foreign.sqlite3" in error.en and "room" in error.en  # names what is missing


def test_a_backup_without_its_append_only_triggers_is_refused(one_stay, tmp_path):
    copy = backup_now(one_stay, tmp_path / "b")
    sql(copy, *(f'DROP TRIGGER "{name}"' for name, _sql in audit_triggers(copy)))
    error = a_restore_is_refused(copy, one_stay, "backup_schema_differs")
    assert "trigger" in error.en and "audit_entry_no_" in error.en


def test_a_backup_with_a_trigger_that_does_what_it_should_not_is_refused(one_stay, tmp_path):
    copy = backup_now(one_stay, tmp_path / "b")
    name, text = audit_triggers(copy)[0]
    defused = text.replace("RAISE(ABORT, ", "(", 1)  # the same name, a body that lets it through
    assert defused != text
    sql(copy, f'DROP TRIGGER "{name}"', defused)
    with_extra = backup_now(one_stay, tmp_path / "c")
    sql(with_extra, "CREATE TRIGGER stay_gone AFTER INSERT ON stay BEGIN DELETE FROM stay; END")
    for doctored in (copy, with_extra):
        a_restore_is_refused(doctored, one_stay, "backup_schema_differs")


def test_a_backup_with_a_column_or_index_changed_is_refused(one_stay, tmp_path):
    dropped = backup_now(one_stay, tmp_path / "b")
    sql(dropped, "DROP INDEX ix_audit_person")
    added = backup_now(one_stay, tmp_path / "c")
    sql(added, "ALTER TABLE person ADD COLUMN leaked TEXT")
    for doctored in (dropped, added):
        a_restore_is_refused(doctored, one_stay, "backup_schema_differs")


def test_a_backup_whose_audit_trail_was_emptied_is_refused(one_stay, tmp_path):
    copy = backup_now(one_stay, tmp_path / "b")
    with_audit_triggers_lifted(copy, "DELETE FROM audit_entry")
    error = a_restore_is_refused(copy, one_stay, "backup_audit_emptied")
    assert "audit" in error.en and "审计" in error.zh


def test_a_backup_with_audit_entries_cut_out_is_refused(one_stay, tmp_path):
    copy = backup_now(one_stay, tmp_path / "b")
    with_audit_triggers_lifted(copy, "DELETE FROM audit_entry WHERE id = 1")
    a_restore_is_refused(copy, one_stay, "backup_audit_gaps")


def test_an_empty_database_and_the_stored_older_revisions_still_verify(sqlite_template):
    from pathlib import Path

    assert verify_backup(sqlite_template).stays == 0
    for stored in sorted((Path(__file__).parent / "data").glob("isodesk-*.sqlite3")):
        info = verify_backup(stored)
        assert info.revision == stored.stem.split("-", 1)[1] and info.stays > 0


def damage(path):
    """Scribble over the b-tree pages of the site and of the audit trail (checkpointed first): the file still
    opens, its schema reads, the sqlite3 backup API copies it, but PRAGMA integrity_check fails. (Pages in
    use, by name: the last pages of a file can be free ones after a migration rebuilt an index.)"""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = con.execute("PRAGMA page_size").fetchone()[0]
    roots = [r for (r,) in con.execute("SELECT rootpage FROM sqlite_master WHERE name IN ('site', 'audit_entry')")]
    con.close()
    assert len(roots) == 2
    data = bytearray(path.read_bytes())
    for root in roots:  # page n starts at (n - 1) * page; page 1, the schema, is never one of them
        for at in range((root - 1) * page, root * page):
            data[at] = 0x5A
    path.write_bytes(bytes(data))
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError as exc:  # as damaged, said otherwise
        assert "malformed" in str(exc)
    finally:
        con.close()


def test_a_damaged_database_is_not_backed_up_and_the_good_copies_stay(tmp_path, sqlite_template):
    db = tmp_path / "site.sqlite3"
    db.write_bytes(sqlite_template.read_bytes())
    folder = tmp_path / "bk"
    good = []
    for day in range(3):  # three good copies, one a day up to yesterday
        good.append(backup_now(make_engine(db), folder, now=NOW - timedelta(days=3 - day)))
    damage(db)
    out = run_app("backup", "--db", str(db), "--to", str(folder), "--keep-daily", "1", "--keep-weekly", "1")
    assert out.returncode == 2 and "Traceback" not in out.stderr, out
    assert "site.sqlite3" in out.stderr and ("damaged" in out.stderr or "损坏" in out.stderr)
    assert sorted(folder.glob("isodesk-*")) == good  # nothing new, nothing half, nothing rotated away
    with pytest.raises(DomainError) as e:
        backup_now(make_engine(db), folder)
    assert e.value.code == "backup_source_damaged"
    assert sorted(folder.glob("isodesk-*")) == good


def real_copy(folder):
    """The bytes of a small sound SQLite database."""
    folder.mkdir(exist_ok=True)
    path = folder / "seed.sqlite3"
    sql(path, "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)")
    return path.read_bytes()


def test_rotation_never_counts_a_damaged_copy_as_the_newest_of_its_day(tmp_path):
    sound = real_copy(tmp_path)
    folder = tmp_path / "bk"
    days_ago = [NOW - timedelta(days=d, hours=h) for d, h in ((6, 0), (5, 4), (5, 0))]
    older, good = write_copies(folder, sound, days_ago[:2])
    (bad,) = write_copies(folder, sound[:100] + b"\xff" * (len(sound) - 100), days_ago[2:])  # the day's newest
    removed = rotate(folder, daily=1, weekly=1, last=0)
    assert good.exists() and not bad.exists() and bad in removed
    assert older in removed  # the policy still holds for the good ones
    recent_bad = write_copies(folder, sound[:100] + b"\xff" * (len(sound) - 100), [NOW])[0]
    assert rotate(folder, daily=1, weekly=1) == [recent_bad]  # damaged, it could restore nothing: even recent


def test_leftovers_of_a_crash_are_cleaned_up_at_the_next_backup(sqlite_only, tmp_path):
    folder = tmp_path / "b"
    first = backup_now(sqlite_only, folder, now=NOW - timedelta(days=1))
    half = folder / "isodesk-20261122-090000Z.partial"
    half.write_bytes(first.read_bytes()[:5000])
    (folder / "isodesk-20261122-090000Z.partial-journal").write_bytes(b"j")
    broken_safety = folder / "pre-restore-20261122-090000-000000Z.sqlite3"
    broken_safety.write_bytes(first.read_bytes()[:5000])  # a crash in the middle of the safety copy
    sound_safety = folder / "pre-restore-20261121-090000-000000Z.sqlite3"
    sound_safety.write_bytes(first.read_bytes())
    someone_elses = folder / "download.partial"
    someone_elses.write_bytes(b"not ours")
    made = backup_now(sqlite_only, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [first.name, made.name, sound_safety.name, someone_elses.name]
    )


def test_restoring_over_a_damaged_database_keeps_it_aside_as_damaged(one_stay, tmp_path):
    folder = tmp_path / "b"
    good = backup_now(one_stay, folder)
    one_stay.dispose()
    damage(sqlite_path(one_stay))
    safety = restore(good, one_stay, safety_dir=folder)
    assert safety.name.endswith("-damaged.sqlite3")  # not taken for a safety copy cut short
    assert stays(one_stay) == 1 and run_checks(one_stay) == []
    backup_now(one_stay, folder)
    assert safety.exists()  # the cleanup keeps it: what it held may still be salvaged
