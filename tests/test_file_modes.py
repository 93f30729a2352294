"""The database, its -wal and -shm, its backups and the folders IsoDesk makes are readable by their owner
only (0600 / 0700), whatever the umask; a database or backup of ours found wider is tightened (and logged).
The log's files: tests/test_logs.py."""

from __future__ import annotations

import logging
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from models import logs
from models.store.backup import backup_now, restore
from models.store.db import backup_sqlite, make_engine, open_database

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows has no file modes (its ACLs keep a profile private)")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most desktops have: without care, new files are 0644 and new folders 0755."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def read_log(path: Path) -> str:
    for handler in logging.getLogger("isodesk").handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_a_new_database_its_wal_and_the_folders_made_for_it_are_owner_only(tmp_path):
    db = tmp_path / "new" / "site" / "isodesk.sqlite3"
    engine = open_database(db)
    with engine.begin() as conn:  # a connection open and a write: the -wal and -shm exist
        conn.execute(text("CREATE TABLE scratch (x)"))
        assert Path(f"{db}-wal").exists() and Path(f"{db}-shm").exists()
        assert [mode(p) for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm"))] == [0o600] * 3
    engine.dispose()
    assert mode(tmp_path / "new") == mode(tmp_path / "new" / "site") == 0o700


def test_an_existing_database_readable_by_others_is_tightened_and_that_is_logged(tmp_path, sqlite_template):
    log_path = logs.setup_logging()
    db = tmp_path / "old.sqlite3"
    shutil.copy(sqlite_template, db)
    db.chmod(0o644)  # as an older version left it
    open_database(db).dispose()
    assert mode(db) == 0o600
    assert log_path is not None and f"{db} was readable by others" in read_log(log_path)


def test_backups_safety_copies_and_their_folders_are_owner_only(tmp_path, sqlite_template):
    db = tmp_path / "site.sqlite3"
    shutil.copy(sqlite_template, db)
    db.chmod(0o600)
    engine = make_engine(db)
    folder = tmp_path / "copies" / "daily"
    copy = backup_now(engine, folder)
    assert mode(copy) == 0o600 and mode(folder) == mode(folder.parent) == 0o700
    pre_upgrade = backup_sqlite(engine, tmp_path / "upgrades", label="pre-upgrade")
    assert pre_upgrade is not None and mode(pre_upgrade) == 0o600 and mode(tmp_path / "upgrades") == 0o700
    safety = restore(copy, engine, safety_dir=tmp_path / "safety")
    assert mode(safety) == 0o600 and mode(tmp_path / "safety") == 0o700 and mode(db) == 0o600
    engine.dispose()
    assert sorted(p.name for p in folder.iterdir()) == [copy.name]  # no stray -wal/-shm beside the copy


def test_older_backups_readable_by_others_are_tightened_at_the_next_backup(tmp_path, sqlite_template):
    db = tmp_path / "site.sqlite3"
    shutil.copy(sqlite_template, db)
    folder = tmp_path / "backups"
    folder.mkdir()
    old = folder / "isodesk-20261101-080000Z.sqlite3"
    shutil.copy(sqlite_template, old)
    old.chmod(0o644)
    engine = make_engine(db)
    backup_now(engine, folder)
    engine.dispose()
    assert mode(old) == 0o600
    assert mode(folder) == 0o755  # a folder that was there is left as it is: only what IsoDesk makes is 0700
