"""Backups: online copies that open and pass checks, rotation, refusal of bad files, restore (CLI too)."""

import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from models.errors import DomainError
from models.reads.checks import run_checks
from models.services.arrivals import register_arrival
from models.store.backup import backup_now, list_backups, restore, rotate, verify_backup
from models.store.db import make_engine, session_factory
from models.store.orm import Stay
from tests.conftest import NOW
from tests.helpers import free_rooms
from tests.test_checks import run_app

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


def test_rotation_keeps_seven_days_and_four_weeks(tmp_path):
    start = datetime(2026, 9, 1, 8, 0)
    for day in range(60):  # three backups a day for two months
        for hour in (8, 12, 18):
            stamp = (start + timedelta(days=day)).replace(hour=hour).strftime("%Y%m%d-%H%M%S")
            (tmp_path / f"isodesk-{stamp}.sqlite3").write_bytes(b"x")
    (tmp_path / "isodesk-pre-upgrade-20260901.sqlite3").write_bytes(b"x")  # not rotated
    removed = rotate(tmp_path, daily=7, weekly=4)
    kept = [when for when, _p in list_backups(tmp_path)]
    last = start + timedelta(days=59)
    newest_days = {(last - timedelta(days=i)).date() for i in range(7)}
    assert {k.date() for k in kept} >= newest_days
    assert all(k.hour == 18 for k in kept)  # the newest of each day
    weeks = {k.isocalendar()[:2] for k in kept}
    assert len(weeks) >= 4
    assert len(kept) <= 7 + 4 and len(removed) == 180 - len(kept)
    assert (tmp_path / "isodesk-pre-upgrade-20260901.sqlite3").exists()


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
    bad = run_app("restore", str(tmp_path / "missing.sqlite3"), "--db", str(db))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "missing.sqlite3" in bad.stderr
    pg = run_app("backup", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert pg.returncode == 2 and "pg_dump" in pg.stderr
