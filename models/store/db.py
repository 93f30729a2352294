"""Engines, sessions, and bringing a database up to the current schema.

SQLite is the embedded default (one file in the user data dir); PostgreSQL is the
same code through a URL for sites with several desks.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models import clock
from models.errors import DomainError
from models.failures import first_line
from models.files import create_private, private_dir, tighten
from models.store import person_keys  # noqa: F401  (keeps person_key in step with every session's flushes)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_BUSY_MS = 10_000
PG_CONNECT_TIMEOUT_S = 5
# For IsoDesk's own sessions: a site's data is a few GB at most and sits in the server's memory, so reading a
# row by its index costs about what reading it in sequence does. With PostgreSQL's default (4, for spinning
# disks) the planner hashed every person ever stored to join the few thousand present (the today screen
# 134 ms instead of 70). No parallel workers: a desk's questions take milliseconds, and starting a worker
# takes about five (the missing readings, 3 ms of work, took 8 ms once the planner chose a worker for them).
# A URL that sets its own ``options`` keeps them.
PG_SESSION_OPTIONS = "-c random_page_cost=1.1 -c max_parallel_workers_per_gather=0"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("IsoDesk", "IsoDesk")) / "isodesk.sqlite3"


def to_url(db: str | os.PathLike[str] | None) -> str:
    """Accept a SQLAlchemy URL or a plain file path (or None for the default file)."""
    if db is None:
        db = default_db_path()
    text = os.fspath(db)
    if "://" in text:
        return text
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}"


def make_engine(db: str | os.PathLike[str] | None = None, **kwargs: Any) -> Engine:
    """An engine for a SQLite file or a PostgreSQL URL; anything else is refused (``db_url_invalid``)."""
    try:
        url = make_url(to_url(db))
    except (ArgumentError, ValueError) as exc:  # not a URL, or a port that is not a number
        raise DomainError("db_url_invalid", detail=first_line(exc)) from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DomainError("db_url_invalid", detail=f"{url.get_backend_name()}: SQLite / PostgreSQL only")
    if url.get_backend_name() == "postgresql" and url.get_driver_name() in ("", "psycopg", "psycopg2"):
        try:
            import psycopg  # noqa: F401  # the extra isodesk[postgresql]; the bundle carries it
        except ImportError:
            raise DomainError("pg_driver_missing") from None
    try:
        return _engine(url, **kwargs)
    except (ArgumentError, ImportError) as exc:  # an unknown driver (postgresql+foo), or one not installed
        raise DomainError("db_url_invalid", detail=first_line(exc)) from None


def _engine(url: URL, **kwargs: Any) -> Engine:
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            private_dir(Path(url.database).parent)  # the folders it makes are 0700
        connect_args = {"timeout": SQLITE_BUSY_MS / 1000, **kwargs.pop("connect_args", {})}
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        _setup_sqlite(engine)
        return engine
    if url.get_backend_name() == "postgresql" and url.get_driver_name() in ("", "psycopg2"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "postgresql":  # an unreachable server fails in seconds, not minutes
        planner = {} if "options" in url.query else {"options": PG_SESSION_OPTIONS}
        kwargs["connect_args"] = {"connect_timeout": PG_CONNECT_TIMEOUT_S, **planner, **kwargs.get("connect_args", {})}
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _owner_only(database: str | None) -> None:
    """Before SQLite opens the file: a new database file is created 0600 (its -wal and -shm get the
    same mode from SQLite), an existing one of ours readable by others is tightened, and that is logged."""
    if database in (None, "", ":memory:") or database.startswith("file:"):
        return
    path = Path(database)
    try:
        if create_private(path):
            return
    except OSError:  # no folder, no permission: SQLite's own error says it
        return
    for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if tighten(part):
            import logging

            logging.getLogger("isodesk.db").warning("%s was readable by others: now by its owner only (0600)", part)


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "do_connect")
    def _before_connect(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        if not cparams.get("uri"):
            _owner_only(engine.url.database)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # take transaction control away from pysqlite; we emit BEGIN ourselves
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # writes take the lock up front, so two desks never deadlock on a lock upgrade
        if conn.get_execution_options().get("isodesk_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# --- schema --------------------------------------------------------------------------------


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision(engine)


def check_revision(engine: Engine) -> str | None:
    """The database's schema revision; DomainError ``db_newer`` when this version does not know it
    (a newer IsoDesk made it: opening, upgrading or checking it here would mean nothing)."""
    from alembic.script import ScriptDirectory

    from models.errors import DomainError

    revision = current_revision(engine)
    if revision is not None:
        script = ScriptDirectory.from_config(alembic_config(engine))
        if all(rev.revision != revision for rev in script.walk_revisions()):
            version = upgraded_by(engine, revision)
            if version is not None:
                raise DomainError("db_newer_version", version=version)
            raise DomainError("db_newer", revision=revision)
    return revision


def upgraded_by(engine: Engine, revision: str) -> str | None:
    """The IsoDesk version that brought the database to ``revision`` (``schema_release``, plain SQL: it is read
    by a version that knows no more of the schema than that table); None when not recorded."""
    try:
        with engine.connect() as conn:
            found = conn.execute(
                text("SELECT version FROM schema_release WHERE revision = :revision"), {"revision": revision}
            ).scalar()
    except DBAPIError:
        return None
    return str(found) if found else None


def _record_release(engine: Engine, revision: str | None) -> None:
    """Note that this IsoDesk version brought the database to ``revision`` (once a revision)."""
    from sqlalchemy import insert, select

    from models.store.orm import SchemaRelease
    from resources import app_version

    if revision is None:
        return
    with engine.begin() as conn:
        if conn.execute(select(SchemaRelease.revision).where(SchemaRelease.revision == revision)).first() is None:
            conn.execute(
                insert(SchemaRelease).values(revision=revision, version=app_version()[:40], upgraded_at=clock.now())
            )


def _sqlite_file(engine: Engine) -> Path | None:
    """The engine's SQLite file; None for PostgreSQL and an in-memory database."""
    if engine.url.get_backend_name() != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return None
    return Path(engine.url.database)


def backup_sqlite(engine: Engine, dest_dir: Path | None = None, label: str = "backup") -> Path | None:
    """Copy a SQLite database with the online backup API. Returns the copy's path (None for PG/memory)."""
    src_path = _sqlite_file(engine)
    if src_path is None or not src_path.exists():
        return None
    dest_dir = private_dir(dest_dir or src_path.parent / "backups")
    stamp = clock.now().strftime("%Y%m%d-%H%M%S-%fZ")
    dest = dest_dir / f"{src_path.stem}-{label}-{stamp}.sqlite3"
    partial = dest.with_name(dest.name + ".partial")  # named as a copy only once it is whole
    create_private(partial)  # 0600 before a byte is in it
    src = sqlite3.connect(src_path)
    try:
        dst = sqlite3.connect(partial)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    partial.replace(dest)
    return dest


def pre_upgrade_copy(engine: Engine, current: str | None, head: str | None) -> Path | None:
    """The copy of a SQLite database as it was before the upgrade from ``current`` to ``head``: one for each
    such upgrade, not one for each attempt (a start that failed after the copy, then another start, keeps
    the first copy and makes none). None for PostgreSQL (backed up on the server) and memory."""
    src = _sqlite_file(engine)
    if src is None:
        return None
    label = f"pre-upgrade-{current}-to-{head}"
    made = sorted((src.parent / "backups").glob(f"{src.stem}-{label}-*.sqlite3"))
    return made[0] if made else backup_sqlite(engine, label=label)


_REVISION_LINE = re.compile(r"^revision\s*(?::[^=\n]*)?=\s*['\"](\w+)['\"]\s*$", re.MULTILINE)
_DOWN_LINE = re.compile(r"^down_revision\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)
_HEAD_CACHE: dict[str, str | None] = {}


def quick_head() -> str | None:
    """This version's newest schema revision, read from the migrations' text without importing alembic
    (which takes a good part of a second at start): None whenever that text is not plain enough to be sure
    (not exactly one head, a revision line it cannot read) — then alembic itself is asked."""
    if "head" in _HEAD_CACHE:
        return _HEAD_CACHE["head"]
    revisions: set[str] = set()
    followed: set[str] = set()
    head: str | None = None
    try:
        for file in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
            source = file.read_text(encoding="utf-8")
            rev, down = _REVISION_LINE.findall(source), _DOWN_LINE.findall(source)
            if len(rev) != 1 or len(down) != 1:
                raise ValueError(file.name)
            revisions.add(rev[0])
            followed.update(re.findall(r"['\"](\w+)['\"]", down[0]))
        heads = revisions - followed
        head = heads.pop() if len(heads) == 1 and followed <= revisions else None
    except (OSError, ValueError):
        head = None
    _HEAD_CACHE["head"] = head
    return head


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database (``alembic_version``, one row), read with plain SQL; None when
    there is none or it cannot be read that way (no table yet, several rows)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def upgrade(engine: Engine, *, confirmed: bool = False) -> Path | None:
    """Bring the database to the newest schema. An existing older database is backed up first.

    A shared (PostgreSQL) database of an older schema is upgraded only when ``confirmed`` (by
    models/store/shared_upgrade.py, for an admin, under its lock, after its backup): else it is refused with
    ``db_upgrade_shared``, whichever desk starts first (an empty one is set up at once).

    Returns the path of the backup taken, if any. A database already at this version's head (the usual
    start) is recognised without alembic: its one revision row against :func:`quick_head`.
    """
    head = quick_head()
    if head is not None and stored_revision(engine) == head:
        from models.store.audit_guard import ensure_audit_guard

        ensure_audit_guard(engine)
        return None
    from alembic import command

    backup = None
    current = check_revision(engine)  # a newer schema is refused before anything is copied or changed
    head = head_revision(engine)
    if current != head:
        if inspect(engine).get_table_names():  # an older database, not an empty one
            if engine.dialect.name == "postgresql" and not confirmed:
                from resources import app_version

                raise DomainError("db_upgrade_shared", version=app_version())
            backup = pre_upgrade_copy(engine, current, head)
        command.upgrade(alembic_config(engine), "head")
        _record_release(engine, head)
    from models.store.audit_guard import ensure_audit_guard

    ensure_audit_guard(engine)  # the append-only triggers, put back if someone dropped or disabled them
    return backup


def open_database(db: str | os.PathLike[str] | None = None) -> Engine:
    """Engine for a database, created or upgraded as needed: what the app and CLI use."""
    import logging

    engine = make_engine(db)
    backup = upgrade(engine)
    log = logging.getLogger("isodesk.db")
    log.info("database opened: %s", engine.url.render_as_string(hide_password=True))
    if backup is not None:
        log.info("upgraded the schema; the database as it was is in %s", backup)
    return engine


@dataclass(frozen=True)
class ProbeResult:
    """What a database URL or path turned out to be (the screen words it in the user's language)."""

    backend: str  # "sqlite" or "postgresql"
    version: str = ""  # the server's or the SQLite library's version
    revision: str | None = None  # the IsoDesk schema revision; None for an empty database
    new_file: bool = False  # a SQLite file that does not exist yet: IsoDesk will create it


def probe(db: str) -> ProbeResult:
    """Try a database URL or path without changing it. Returns what it is, or raises DomainError with
    the reason (unreachable, wrong password, not an IsoDesk database yet…)."""
    from sqlalchemy.exc import SQLAlchemyError

    from models.errors import DomainError

    url = to_url(db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return ProbeResult("sqlite", new_file=True)
    engine = make_engine(db)  # a URL it cannot use is refused there; PostgreSQL gets its connect timeout
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql(
                "select version()" if engine.dialect.name == "postgresql" else "select sqlite_version()"
            ).scalar()
        revision = current_revision(engine)
    except SQLAlchemyError as exc:
        detail = first_line(getattr(exc, "orig", None) or exc)
        raise DomainError("db_unreachable", detail=detail) from exc
    finally:
        engine.dispose()
    return ProbeResult(engine.dialect.name, str(version).split(",")[0], revision or None)
