"""Backups of the SQLite database: online copies (sqlite3 backup API), rotation, verification, restore.

A backup is a complete SQLite file in the backup folder named for the time it was taken on the site's
wall clock (the site's time zone, read from the copy; UTC for a database without a site), with that
offset: ``isodesk-2026-11-23-100000+0800.sqlite3``. Two copies in the same second get ``-1``, ``-2`` …;
a copy taken right before a batch import or a restore says so: ``…+0800-before-import.sqlite3``,
``…+0800-before-restore.sqlite3`` (:func:`copy_before`; the restore's own safety copy is the latter).
Names of older versions (``isodesk-YYYYMMDD-HHMMSS[Z].sqlite3``) are still read, listed and rotated.

Rotation (the policy is :mod:`models.rules.retention`) keeps every copy of the last 48 hours and the
newest 10, then the newest of each of the last ``daily`` days that have one and of the last ``weekly``
ISO weeks; named copies count like the others. Copies taken before an upgrade (their own names) are
never rotated away. A restore first checks the file (a SQLite database that passes
``PRAGMA integrity_check``, made by IsoDesk, of a schema this version knows), then backs up the
current database, then copies the backup over it with the same online API and upgrades it if older.

"Of a schema this version knows" means exactly the schema its Alembic revision has: the tables (and
their columns), indexes and triggers of a database made by running the migrations up to that revision
(built once per revision in a temporary file), nothing missing, nothing more, no trigger rewritten; and
an audit trail that is whole (data without any audit entry, or entries cut out of the id sequence, is
refused). A backup is written as ``….partial``, checked with ``PRAGMA integrity_check`` and only then
named: a damaged database is not backed up, and rotation never counts a copy that fails the check as the
newest of its day or week. Backups, like the database and the log, are readable by their owner only.

PostgreSQL is backed up on the server (pg_dump); these functions refuse it with a clear message, except
:func:`copy_before`, which does nothing there (an import or a restore goes on).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine

from models import clock
from models.errors import DomainError
from models.failures import first_line
from models.files import OWNER_ONLY, create_private, private_dir, tighten
from models.rules.retention import Retention, kept

# isodesk-2026-11-23-100000+0800[-N][-before-import].sqlite3: the site's wall clock with its offset, so a
# name reads as the desk's clock and still says the instant (the same on any PC)
NAME = re.compile(r"^isodesk-(\d{4}-\d{2}-\d{2}-\d{6})([+-]\d{4})(?:-(\d+))?(?:-before-([a-z]+))?\.sqlite3$")
# isodesk-YYYYMMDD-HHMMSSZ.sqlite3 of older versions: UTC; without the Z (older still), the PC's local time
OLD_NAME = re.compile(r"^isodesk-(\d{8})-(\d{6})(Z?)(?:-(\d+))?\.sqlite3$")
REASONS = ("import", "restore")  # what a named copy was taken before
HEADER = b"SQLite format 3\x00"
# half copies a crash can leave behind (a backup's, a restore's staged copy, a safety copy), with journals
LEFTOVERS = ("isodesk-*.partial", "isodesk-*.partial-*", "pre-restore-*.partial", "pre-restore-*.partial-*")
LOCK_WAIT_S, LOCK_ATTEMPTS = 0.1, 1800  # up to 3 minutes for another backup of the same folder to finish
DAMAGED = "-damaged"  # pre-restore-…-damaged.sqlite3: the replaced database failed integrity_check, kept as it was
log = logging.getLogger("isodesk.backup")


def is_file_database(engine: Engine) -> bool:
    """A SQLite file: what has file backups (PostgreSQL and in-memory databases have none)."""
    return engine.url.get_backend_name() == "sqlite" and engine.url.database not in (None, "", ":memory:")


def sqlite_path(engine: Engine) -> Path:
    """The file behind a SQLite engine; PostgreSQL and in-memory databases have none."""
    if not is_file_database(engine):
        raise DomainError("backup_sqlite_only")
    return Path(str(engine.url.database))


def default_backup_dir(engine: Engine) -> Path:
    return sqlite_path(engine).parent / "backups"


def _ro(path: Path) -> str:
    """A read-only SQLite URI for a path; the characters a URI would take for its own (% ? #) escaped."""
    text = str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{text}?mode=ro"


def _copy(src: Path, dest: Path) -> None:
    """Online copy with the sqlite3 backup API: consistent even while desks are writing. A new file is 0600."""
    source = sqlite3.connect(_ro(src), uri=True)
    try:
        create_private(dest)
        target = sqlite3.connect(dest)
        try:
            with target:
                source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _complaint(con: sqlite3.Connection) -> str | None:
    """None when ``PRAGMA integrity_check`` passes, else its first complaint on one short line."""
    rows = con.execute("PRAGMA integrity_check").fetchall()
    if rows == [("ok",)]:
        return None
    lines = [line.strip() for line in str(rows[0][0]).splitlines() if line.strip() and not line.startswith("***")]
    first = lines[0] if lines else str(rows[0][0]).strip()
    return first if len(first) <= 160 else first[:160] + "…"


def _seal(path: Path) -> str | None:
    """A fresh copy made one self-contained file (rollback journal: no -wal/-shm beside it) and checked:
    None when ``PRAGMA integrity_check`` passes, else its first complaint. sqlite3.OperationalError
    (disk full, I/O) is raised: that says nothing about the database."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        return _complaint(con)
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as exc:  # malformed, not a database
        return first_line(exc)
    finally:
        con.close()


def _damage(path: Path) -> str | None:
    """Why a file is not a sound SQLite database (read-only), or None. OSError or sqlite3.OperationalError
    (unreadable, locked): it cannot tell now."""
    with path.open("rb") as fh:
        if fh.read(16) != HEADER:
            return "not a SQLite database"
    con = sqlite3.connect(_ro(path), uri=True)
    try:
        return _complaint(con)
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as exc:
        return first_line(exc)
    finally:
        con.close()


_SOUND: set[tuple[str, int, int, int, int]] = set()  # copies found sound, as they were then (they never change)


def _checked(path: Path) -> str | None:
    """:func:`_damage`, remembering the copies found sound: rotation does not re-read them every time."""
    st = path.stat()
    key = (str(path.resolve()), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    if key in _SOUND:
        return None
    damage = _damage(path)
    if damage is None:
        _SOUND.add(key)
    return damage


def _discard(path: Path) -> None:
    for part in (path, *(Path(f"{path}{end}") for end in ("-journal", "-wal", "-shm"))):
        part.unlink(missing_ok=True)


def _unused(folder: Path, stem: str, suffix: str) -> Path:
    path = folder / f"{stem}{suffix}"
    n = 1
    while path.exists():  # two in the same instant (start + manual, a pinned clock): keep both
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[bool]:
    """An exclusive lock on the folder (flock on the folder itself: no lock file in it) while a backup or a
    restore writes there, so that the cleanup never takes another desk's copy in progress for a leftover.
    Yields whether it got one (not on Windows, nor where the file system has no locks)."""
    try:
        import fcntl
    except ImportError:
        yield False
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield False
        return
    try:
        locked = False
        for _attempt in range(LOCK_ATTEMPTS):  # another desk's copy in progress: wait for it, not forever
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
                break
            except BlockingIOError:
                time.sleep(LOCK_WAIT_S)
            except OSError:  # no locks on this file system
                break
        if not locked:
            log.warning("no lock on %s: leftovers of interrupted copies are left for the next time", folder)
        yield locked
    finally:
        os.close(fd)  # and the lock with it


def _clean(folder: Path, *, partials: bool) -> None:
    """Leftovers of a crash: half copies (``*.partial``, only when no other copy can be in progress) and
    safety copies cut short (``pre-restore-*`` that fail integrity_check); and our copies that an older
    version left readable by others are tightened to 0600."""
    if partials:
        for pattern in LEFTOVERS:
            for path in folder.glob(pattern):
                try:
                    path.unlink()
                except OSError:  # in use (Windows), or not ours to delete: left alone
                    continue
                log.info("removed %s, left by an interrupted backup or restore", path)
    for path in folder.glob("pre-restore-*.sqlite3"):
        if path.name.endswith(f"{DAMAGED}.sqlite3"):
            continue  # the damaged database a restore replaced, kept on purpose
        try:
            damage = _checked(path)
        except (OSError, sqlite3.OperationalError):
            continue
        if damage is not None:
            _discard(path)
            log.warning("removed %s: a safety copy cut short (%s)", path, damage)
    for pattern in ("isodesk-*.sqlite3", "pre-restore-*.sqlite3", "*-pre-upgrade-*.sqlite3"):
        for path in folder.glob(pattern):
            if tighten(path):
                log.warning("%s was readable by others: now by its owner only (0600)", path)


def _site_zone(path: Path) -> tzinfo:
    """The time zone of the site a database file holds (its copy's, read-only); UTC when it has none."""
    try:
        con = sqlite3.connect(_ro(path), uri=True)
        try:
            row = con.execute("SELECT timezone FROM site ORDER BY id LIMIT 1").fetchone()
        finally:
            con.close()
        return ZoneInfo(str(row[0])) if row and row[0] else UTC
    except (sqlite3.Error, ValueError, KeyError, OSError):  # no site table yet, an unknown zone name
        return UTC


def _stamp(when: datetime, zone: tzinfo) -> str:
    """``2026-11-23-100000+0800``: the site's wall clock and its offset."""
    return when.astimezone(zone).strftime("%Y-%m-%d-%H%M%S%z")


def _free_name(folder: Path, stamp: str, reason: str | None) -> Path:
    """The copy's name, ``-1``, ``-2`` … after the time when a copy of the same second (named or not) is
    there: no copy overwrites another, and copies of one second still list in the order they were taken."""
    n = 0
    while True:
        stem = f"isodesk-{stamp}{f'-{n}' if n else ''}"
        if not any((folder / f"{stem}{tail}.sqlite3").exists() for tail in ("", *(f"-before-{r}" for r in REASONS))):
            return folder / f"{stem}{f'-before-{reason}' if reason else ''}.sqlite3"
        n += 1


def _sealed_copy(src: Path, folder: Path) -> tuple[Path, str | None]:
    """An online copy of ``src`` as ``isodesk-copying-….partial`` (0600), made one self-contained file and
    checked: the partial file and integrity_check's complaint (None: sound). Nothing is left on failure."""
    partial = _unused(
        folder, f"isodesk-copying-{clock.now().astimezone(UTC).strftime('%Y%m%d-%H%M%S-%fZ')}", ".partial"
    )
    try:
        create_private(partial)
    except OSError as exc:  # a folder we may not write to (read-only, no permission): name the folder
        raise type(exc)(exc.errno, exc.strerror, str(folder)) from exc
    try:
        _copy(src, partial)
        damage = _seal(partial)
    except BaseException:
        _discard(partial)  # a full disk leaves no half copy behind
        raise
    return partial, damage


def _name_copy(partial: Path, when: datetime, reason: str | None) -> Path:
    """Give a sealed copy its name (the site's time of ``when``): only now does it look like a backup."""
    dest = _free_name(partial.parent, _stamp(when, _site_zone(partial)), reason)
    partial.replace(dest)
    return dest


def backup_now(
    engine: Engine, dest_dir: Path | None = None, *, now: datetime | None = None, reason: str | None = None
) -> Path:
    """Copy the database into the backup folder now. Returns the new file's path (a new name every time:
    no copy is ever overwritten). ``reason`` ("import", "restore") names a copy taken before one.

    The copy is written as ``….partial`` (0600), made one self-contained file and passed through
    ``PRAGMA integrity_check``; only then does it get its name. A damaged database is refused
    (``backup_source_damaged``, no copy left): its copy could restore nothing and would push a good one out
    of the rotation. Leftovers of an interrupted backup or restore in the folder are cleaned up first."""
    if reason is not None and reason not in REASONS:
        raise ValueError(f"a copy is taken before one of {REASONS}, not {reason!r}")
    src = sqlite_path(engine)
    if not src.exists():
        raise DomainError("backup_no_database", path=str(src))
    dest_dir = private_dir(Path(dest_dir) if dest_dir else default_backup_dir(engine))
    when = now or clock.now()
    with _folder_lock(dest_dir) as locked:
        _clean(dest_dir, partials=locked or not OWNER_ONLY)  # Windows: a file being written cannot be deleted
        partial, damage = _sealed_copy(src, dest_dir)
        if damage is not None:
            _discard(partial)
            log.error("did not back up %s: the database is damaged (integrity_check: %s)", src, damage)
            raise DomainError("backup_source_damaged", path=str(src), detail=damage)
        dest = _name_copy(partial, when, reason)  # a crash mid-copy never leaves a file that looks like a backup
    log.info("backed up %s to %s", src, dest)
    return dest


def copy_before(engine: Engine, folder: Path | None, reason: str, *, now: datetime | None = None) -> Path | None:
    """The copy taken right before a batch import (``reason="import"``) or a restore (``"restore"``), named
    for it (``…-before-import.sqlite3``) in ``folder`` (None: ``backups/`` beside the database). Returns its
    path; None, doing nothing, for a database that is not a file (PostgreSQL is backed up on the server).
    Raises like :func:`backup_now` (a damaged database, a folder that cannot be written): the caller should
    not go on with the import then. Safe in a worker thread; it does not rotate (the next backup does)."""
    if not is_file_database(engine):
        return None
    return backup_now(engine, folder, now=now, reason=reason)


@dataclass(frozen=True)
class BackupCopy:
    """One backup in a folder: when it was taken (aware: the site's offset of its name, UTC for older
    names), the file, and what it was taken before (None, "import", "restore")."""

    when: datetime
    path: Path
    reason: str | None = None
    n: int = 0  # the -1, -2 … of copies taken in the same second


def _read_name(path: Path) -> BackupCopy | None:
    m = NAME.match(path.name)
    if m:
        when = datetime.strptime(m.group(1) + m.group(2), "%Y-%m-%d-%H%M%S%z")
        reason = m.group(4)
        if reason is not None and reason not in REASONS:
            return None
        return BackupCopy(when, path, reason, int(m.group(3) or 0))
    m = OLD_NAME.match(path.name)
    if not m:
        return None
    naive = datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
    return BackupCopy(naive.replace(tzinfo=UTC) if m.group(3) else naive.astimezone(), path, None, int(m.group(4) or 0))


def list_backups(dest_dir: Path) -> list[BackupCopy]:
    """The backups in a folder as they are now (only files that exist), newest first."""
    found = (_read_name(p) for p in Path(dest_dir).glob("isodesk-*.sqlite3") if p.is_file())
    return sorted((c for c in found if c is not None), key=lambda c: (c.when, c.n, c.path.name), reverse=True)


def rotate(
    dest_dir: Path,
    *,
    daily: int = Retention.daily,
    weekly: int = Retention.weekly,
    hours: int = Retention.hours,
    last: int = Retention.last,
    now: datetime | None = None,
) -> list[Path]:
    """Delete the backups the policy (:func:`models.rules.retention.kept`, at ``now``: the clock's) does not
    keep. Returns the deleted paths.

    Only a copy that passes ``PRAGMA integrity_check`` counts as the newest of its day or week: a damaged
    one never pushes a good one out (it is deleted itself: it could restore nothing). A copy that cannot be
    checked now (locked, unreadable) is neither counted nor deleted."""

    def sound(copy: BackupCopy) -> bool | None:
        try:
            damage = _checked(copy.path)
        except (OSError, sqlite3.OperationalError):
            return None
        if damage is not None:
            log.warning("%s is damaged (%s): not kept as a backup", copy.path, damage)
        return damage is None

    copies = list_backups(dest_dir)
    policy = Retention(hours=hours, last=last, daily=daily, weekly=weekly)
    keep = kept(((c.when, c) for c in reversed(copies)), now or clock.now(), policy, sound)
    removed = [c.path for c in copies if c not in keep]
    for p in removed:
        p.unlink(missing_ok=True)
        log.info("rotated away %s", p)
    return removed


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str
    sites: int
    stays: int


def verify_backup(path: Path) -> BackupInfo:
    """Check that a file is a sound IsoDesk database this version can open, or raise why not.

    Sound: a SQLite file that passes ``PRAGMA integrity_check``. IsoDesk's, of an Alembic revision this
    version knows, with exactly that revision's schema (:func:`_expected_schema`: every table with its
    columns and foreign keys, every index and trigger, nothing more, no trigger with another body: the
    audit trail's append-only triggers among them). And its audit trail whole: data but no audit entry, or
    ids missing from the sequence (entries deleted), is refused."""
    path = Path(path)
    if not path.is_file():
        raise DomainError("backup_missing", path=str(path))
    with path.open("rb") as fh:
        if fh.read(16) != HEADER:
            raise DomainError("backup_not_sqlite", path=str(path))
    con = sqlite3.connect(_ro(path), uri=True)
    try:
        complaint = _complaint(con)
        if complaint is not None:
            raise DomainError("backup_corrupt", path=str(path), detail=complaint)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"alembic_version", "site", "stay"} <= tables:
            raise DomainError("backup_not_isodesk", path=str(path))
        versions = con.execute("SELECT version_num FROM alembic_version").fetchall()
        if len(versions) != 1:
            raise DomainError("backup_not_isodesk", path=str(path))
        revision = str(versions[0][0])
        if not _known_revision(revision):
            raise DomainError("backup_newer", path=str(path), revision=revision)
        expected = _expected_schema(revision)
        differences = _differences(expected.parts, _read_schema(con))
        if differences:
            detail = "; ".join(differences[:6]) + (f"; … ({len(differences)} in all)" if len(differences) > 6 else "")
            log.warning("refused %s: not the schema of revision %s: %s", path, revision, "; ".join(differences))
            raise DomainError("backup_schema_differs", path=str(path), revision=revision, detail=detail)
        _check_audit(con, expected, path)
        sites = con.execute("SELECT count(*) FROM site").fetchone()[0]
        stays = con.execute("SELECT count(*) FROM stay").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DomainError("backup_corrupt", path=str(path), detail=str(exc)[:200]) from exc
    finally:
        con.close()
    return BackupInfo(path, revision, sites, stays)


def _known_revision(revision: str) -> bool:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from models.store.db import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return any(rev.revision == revision for rev in ScriptDirectory.from_config(cfg).walk_revisions())


# --- the schema a revision has -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    columns: dict[str, tuple[str, bool, int]]  # name -> (type affinity, not null, position in the primary key)
    foreign_keys: frozenset[tuple[str, str, str, str, str]]  # (column, table, its column, on update, on delete)


@dataclass(frozen=True)
class _Expected:
    parts: dict[str, Any]  # "table stay", "index ix_audit_at", "trigger audit_entry_no_delete", "view …"
    seeded: dict[str, int]  # rows the migrations themselves put in each table


_EXPECTED: dict[str, _Expected] = {}
_EXPECTED_LOCK = threading.Lock()
AUDIT_TABLE = "audit_entry"


def _expected_schema(revision: str) -> _Expected:
    """The schema a database of ``revision`` has: made once per revision (and process) by running the
    migrations up to it in a new SQLite file, so that a new migration's tables, indexes and triggers are
    checked as soon as it exists; nothing here lists them."""
    with _EXPECTED_LOCK:
        found = _EXPECTED.get(revision)
        if found is None:
            found = _EXPECTED[revision] = _build_expected(revision)
        return found


def _build_expected(revision: str) -> _Expected:
    from alembic import command

    from models.store.db import alembic_config, make_engine

    with tempfile.TemporaryDirectory(prefix="isodesk-schema-") as folder:
        path = Path(folder) / "schema.sqlite3"
        engine = make_engine(path)
        try:
            command.upgrade(alembic_config(engine), revision)
        finally:
            engine.dispose()
        con = sqlite3.connect(path)
        try:
            parts = _read_schema(con)
            seeded = {
                label[6:]: con.execute(f'SELECT count(*) FROM "{label[6:]}"').fetchone()[0]
                for label in parts
                if label.startswith("table ")
            }
        finally:
            con.close()
    return _Expected(parts, seeded)


def _affinity(declared: str) -> str:
    """SQLite's type affinity of a declared column type (the rules of its datatype page, in order)."""
    t = declared.upper()
    if "INT" in t:
        return "INTEGER"
    if any(k in t for k in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in t or not t:
        return "BLOB"
    if any(k in t for k in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def _words(sql: str | None) -> str:
    return " ".join((sql or "").split())


def _where(sql: str | None) -> str:
    """A partial index's condition, written any way (spaces, quotes, brackets, case): what it means."""
    text = (sql or "").lower()
    at = text.find(" where ")
    kept = text[at + 7 :] if at >= 0 else ""
    return "".join(ch for ch in kept if not ch.isspace() and ch not in "\"'`[]()")


def _read_schema(con: sqlite3.Connection) -> dict[str, Any]:
    """What a database is made of, in terms that do not depend on the SQLAlchemy or SQLite version that
    wrote its DDL: columns by name with their affinity, foreign keys, indexes by their columns (and a
    partial one's condition), triggers and views by their SQL (whitespace aside: migrations write it)."""
    parts: dict[str, Any] = {}
    rows = con.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ).fetchall()
    index_sql = {name: sql for kind, name, _t, sql in rows if kind == "index"}
    for kind, name, table, sql in rows:
        if kind == "table":
            columns = {
                col: (_affinity(str(declared or "")), bool(notnull), int(pk))
                for _cid, col, declared, notnull, _default, pk in con.execute(f'PRAGMA table_info("{name}")')
            }
            fks = frozenset(
                (str(r[3]), str(r[2]), str(r[4]), str(r[5]), str(r[6]))
                for r in con.execute(f'PRAGMA foreign_key_list("{name}")')
            )
            parts[f"table {name}"] = _Table(columns, fks)
            for _seq, index, unique, origin, partial in con.execute(f'PRAGMA index_list("{name}")'):
                cols = tuple(r[2] for r in con.execute(f'PRAGMA index_info("{index}")'))
                condition = _where(index_sql.get(index)) if partial else ""
                parts[f"index {index}"] = (name, bool(unique), origin, cols, condition)
        elif kind in ("trigger", "view"):
            parts[f"{kind} {name}"] = (table, _words(sql))
    return parts


def _differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    found = [f"{label} missing" for label in sorted(expected.keys() - actual.keys())]
    found += [f"{label} not expected" for label in sorted(actual.keys() - expected.keys())]
    for label in sorted(expected.keys() & actual.keys()):
        want, have = expected[label], actual[label]
        if want == have:
            continue
        if isinstance(want, _Table) and isinstance(have, _Table):
            table = label.removeprefix("table ")
            found += [f"column {table}.{c} missing" for c in sorted(want.columns.keys() - have.columns.keys())]
            found += [f"column {table}.{c} not expected" for c in sorted(have.columns.keys() - want.columns.keys())]
            found += [
                f"column {table}.{c} differs"
                for c in sorted(want.columns.keys() & have.columns.keys())
                if want.columns[c] != have.columns[c]
            ]
            if want.foreign_keys != have.foreign_keys:
                found.append(f"foreign keys of {table} differ")
        else:
            found.append(f"{label} differs")
    return found


def _check_audit(con: sqlite3.Connection, expected: _Expected, path: Path) -> None:
    """The audit trail is whole: with data in the other tables it is not empty, and its ids run from 1 to
    the highest ever given (AUTOINCREMENT's sqlite_sequence, where the revision has it) without a gap
    (SQLite reuses no id of a rolled-back insert, and nothing deletes an entry: a gap is a deletion)."""
    if f"table {AUDIT_TABLE}" not in expected.parts:
        return
    count, low, high = con.execute(f'SELECT count(*), min(id), max(id) FROM "{AUDIT_TABLE}"').fetchone()
    ever = high or 0
    if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
        seq = con.execute("SELECT max(seq) FROM sqlite_sequence WHERE name = ?", (AUDIT_TABLE,)).fetchone()[0]
        ever = max(ever, int(seq or 0))
    if count == 0:
        holding = [
            table
            for table, seeded in expected.seeded.items()
            if table not in ("alembic_version", "schema_release", AUDIT_TABLE)  # the upgrade's own rows
            and con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] > seeded
        ]
        if holding or ever:
            log.warning("refused %s: no audit entries, but rows in %s", path, ", ".join(holding) or AUDIT_TABLE)
            raise DomainError("backup_audit_emptied", path=str(path), tables=", ".join(holding[:4]) or AUDIT_TABLE)
    elif low != 1 or count != ever:
        log.warning("refused %s: audit ids %s..%s (highest ever %s), %s entries", path, low, high, ever, count)
        raise DomainError("backup_audit_gaps", path=str(path), count=count, high=ever)


def restore(path: Path, engine: Engine, *, safety_dir: Path | None = None) -> Path | None:
    """Replace the database with a verified backup. The current database is backed up first;
    returns that safety copy's path (None when there was no database file to keep). The caller should
    close other connections (the app restarts).

    Nothing is replaced before the whole check passed (:func:`verify_backup`). The backup is copied into
    the safety folder and that copy checked again, so what replaces the database is exactly what was
    checked. The safety copy is the named copy before a restore (:func:`copy_before`'s name,
    ``isodesk-…-before-restore.sqlite3``: listed and rotated like any backup), written as ``….partial``
    and named when complete; or ``pre-restore-…-damaged.sqlite3`` when the database being replaced fails
    integrity_check (kept as it was, for salvage, outside the rotation: the cleanup leaves it)."""
    verify_backup(path)
    target = sqlite_path(engine)
    safety_dir = private_dir(Path(safety_dir) if safety_dir else default_backup_dir(engine))
    when = clock.now()
    stamp = when.strftime("%Y%m%d-%H%M%S-%fZ")
    safety: Path | None = None
    with _folder_lock(safety_dir):
        staged = _unused(safety_dir, f"isodesk-restoring-{stamp}", ".partial")
        try:
            _copy(Path(path), staged)
            _verify_staged(staged, Path(path))
            if target.exists():
                safety = _set_aside(target, safety_dir, when, stamp)
            engine.dispose()
            _copy(staged, target)
        finally:
            _discard(staged)
    from models.store.db import upgrade

    upgrade(engine)  # a backup from an older version comes up to this schema (after its own backup)
    log.info("restored %s over %s; the database as it was: %s", path, target, safety or "(none)")
    return safety


def _verify_staged(staged: Path, source: Path) -> None:
    """verify_backup on the staged copy, its refusals naming the file the user chose."""
    try:
        verify_backup(staged)
    except DomainError as exc:
        if "path" in exc.params:
            exc.params["path"] = str(source)
        raise DomainError(exc.code, **exc.params) from None


def _set_aside(target: Path, folder: Path, when: datetime, stamp: str) -> Path:
    """The database about to be replaced, copied into ``folder``: the copy before the restore, or, when it
    is damaged, ``pre-restore-{stamp}-damaged.sqlite3`` as it was."""
    partial, damage = _sealed_copy(target, folder)
    if damage is None:
        return _name_copy(partial, when, "restore")
    safety = _unused(folder, f"pre-restore-{stamp}{DAMAGED}", ".sqlite3")
    log.warning("the database being replaced is damaged (%s); kept as it was in %s", damage, safety)
    partial.replace(safety)
    return safety
