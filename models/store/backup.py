"""Backups of the SQLite database: online copies (sqlite3 backup API), rotation, verification, restore.

A backup is a complete SQLite file named ``isodesk-YYYYMMDD-HHMMSS.sqlite3`` in the backup folder.
Rotation keeps the newest backup of each of the last ``daily`` days that have one and the newest of
each of the last ``weekly`` ISO weeks; copies taken before an upgrade or a restore (their own names)
are never rotated away. A restore first checks the file (a SQLite database that passes
``PRAGMA integrity_check``, made by IsoDesk, of a schema this version knows), then backs up the
current database, then copies the backup over it with the same online API and upgrades it if older.

PostgreSQL is backed up on the server (pg_dump); these functions refuse it with a clear message.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from models import clock
from models.errors import DomainError

# isodesk-YYYYMMDD-HHMMSSZ.sqlite3: the instant in UTC, so names sort and rotate the same on any PC;
# names without the Z (older versions) were the PC's local time and are read as such
NAME = re.compile(r"^isodesk-(\d{8})-(\d{6})(Z?)(?:-\d+)?\.sqlite3$")


def sqlite_path(engine: Engine) -> Path:
    """The file behind a SQLite engine; PostgreSQL and in-memory databases have none."""
    if engine.url.get_backend_name() != "sqlite" or engine.url.database in (None, "", ":memory:"):
        raise DomainError("backup_sqlite_only")
    return Path(engine.url.database)


def default_backup_dir(engine: Engine) -> Path:
    return sqlite_path(engine).parent / "backups"


def _copy(src: Path, dest: Path) -> None:
    """Online copy with the sqlite3 backup API: consistent even while desks are writing."""
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(dest)
        try:
            with target:
                source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def backup_now(engine: Engine, dest_dir: Path | None = None, *, now: datetime | None = None) -> Path:
    """Copy the database into the backup folder now. Returns the new file's path."""
    src = sqlite_path(engine)
    if not src.exists():
        raise DomainError("backup_no_database", path=str(src))
    dest_dir = Path(dest_dir) if dest_dir else default_backup_dir(engine)
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or clock.now()).astimezone(UTC).strftime("%Y%m%d-%H%M%SZ")
    dest = dest_dir / f"isodesk-{stamp}.sqlite3"
    n = 1
    while dest.exists():  # two backups in the same second (start + manual): keep both
        dest = dest_dir / f"isodesk-{stamp}-{n}.sqlite3"
        n += 1
    partial = dest.with_suffix(".partial")
    try:
        partial.touch()
    except OSError as exc:  # a folder we may not write to (read-only, no permission): name the folder
        raise type(exc)(exc.errno, exc.strerror, str(dest_dir)) from exc
    try:
        _copy(src, partial)
    except BaseException:
        partial.unlink(missing_ok=True)  # a full disk leaves no half copy behind
        raise
    partial.replace(dest)  # a crash mid-copy never leaves a file that looks like a backup
    logging.getLogger("isodesk.backup").info("backed up %s to %s", src, dest)
    return dest


def _taken_at(path: Path) -> datetime | None:
    m = NAME.match(path.name)
    if not m:
        return None
    naive = datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
    return naive.replace(tzinfo=UTC) if m.group(3) else naive.astimezone(UTC)


def rotate(dest_dir: Path, *, daily: int = 7, weekly: int = 4) -> list[Path]:
    """Delete the backups the policy does not keep. Returns the deleted paths."""
    dated = sorted(
        ((when, p) for p in Path(dest_dir).glob("isodesk-*.sqlite3") if (when := _taken_at(p)) is not None),
        reverse=True,
    )
    keep: set[Path] = set()
    days: dict[object, Path] = {}
    weeks: dict[object, Path] = {}
    for when, p in dated:  # newest first: the first seen for a day or week is its newest
        days.setdefault(when.date(), p)
        weeks.setdefault(when.isocalendar()[:2], p)
    keep.update(list(days.values())[:daily])
    keep.update(list(weeks.values())[:weekly])
    removed = [p for _when, p in dated if p not in keep]
    for p in removed:
        p.unlink(missing_ok=True)
    return removed


def list_backups(dest_dir: Path) -> list[tuple[datetime, Path]]:
    """Backups in a folder, newest first."""
    found = ((_taken_at(p), p) for p in Path(dest_dir).glob("isodesk-*.sqlite3"))
    return sorted(((w, p) for w, p in found if w is not None), reverse=True)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str
    sites: int
    stays: int


def verify_backup(path: Path) -> BackupInfo:
    """Check that a file is a sound IsoDesk database this version can open, or raise why not."""
    path = Path(path)
    if not path.is_file():
        raise DomainError("backup_missing", path=str(path))
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise DomainError("backup_not_sqlite", path=str(path))
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = con.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise DomainError("backup_corrupt", path=str(path), detail=str(result[0][0])[:200])
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"alembic_version", "site", "stay"} <= tables:
            raise DomainError("backup_not_isodesk", path=str(path))
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        sites = con.execute("SELECT count(*) FROM site").fetchone()[0]
        stays = con.execute("SELECT count(*) FROM stay").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DomainError("backup_corrupt", path=str(path), detail=str(exc)[:200]) from exc
    finally:
        con.close()
    if not _known_revision(revision):
        raise DomainError("backup_newer", path=str(path), revision=revision)
    return BackupInfo(path, revision, sites, stays)


def _known_revision(revision: str) -> bool:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from models.store.db import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return any(rev.revision == revision for rev in ScriptDirectory.from_config(cfg).walk_revisions())


def restore(path: Path, engine: Engine, *, safety_dir: Path | None = None) -> Path:
    """Replace the database with a verified backup. The current database is backed up first;
    returns that safety copy's path. The caller should close other connections (the app restarts)."""
    info = verify_backup(path)
    target = sqlite_path(engine)
    safety_dir = Path(safety_dir) if safety_dir else default_backup_dir(engine)
    safety_dir.mkdir(parents=True, exist_ok=True)
    safety = safety_dir / f"pre-restore-{clock.now().strftime('%Y%m%d-%H%M%S-%fZ')}.sqlite3"
    if target.exists():
        _copy(target, safety)
    engine.dispose()
    _copy(info.path, target)
    from models.store.db import upgrade

    upgrade(engine)  # a backup from an older version comes up to this schema (after its own backup)
    logging.getLogger("isodesk.backup").info("restored %s over %s; the database as it was: %s", path, target, safety)
    return safety
