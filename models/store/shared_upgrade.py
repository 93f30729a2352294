"""Upgrading a shared PostgreSQL database: by an admin, one desk at a time, after a logical backup.

A desk opening a shared database of an older schema no longer upgrades it by itself (whichever desk started
first used to, with no backup, while the others were still writing; db.upgrade refuses with
``db_upgrade_shared``). An admin runs ``isodesk-cli upgrade --db URL --user ADMIN``, which comes here:

1. the upgrade's advisory lock (a session lock, held to the end): a second desk doing the same waits, then
   finds the database upgraded and does nothing;
2. the schema read again under the lock (a newer one is refused, an up-to-date one left alone);
3. a logical backup: every table as CSV (``COPY … TO STDOUT``) in one repeatable-read snapshot, in a zip
   with a manifest (revision, version, rows a table); one for each upgrade (from revision → to revision),
   not one for each attempt;
4. the migrations, and the version that made them (``schema_release``).

Putting it back (rarely: a ``pg_dump`` taken on the server is the usual backup, docs/install.md): an empty
database brought to the manifest's revision by the IsoDesk version it names, then ``COPY table FROM`` each
CSV, parents before children.
"""

from __future__ import annotations

import json
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from models import clock
from models.files import create_private, private_dir

log = logging.getLogger("isodesk.db")
LOCK = (0x49736F44, 2)  # "IsoD", 2: the upgrade's advisory lock (1 is the audit trail's, per table oid)


@dataclass(frozen=True)
class SharedUpgrade:
    before: str | None  # the revision found
    after: str | None  # the revision left
    backup: Path | None  # the logical backup taken (or found, from an earlier attempt); None: nothing to do


def default_backup_dir() -> Path:
    """Where this desk keeps the logical backups it takes before an upgrade: the user data folder's backups/."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("IsoDesk", "IsoDesk")) / "backups"


def upgrade_shared(engine: Engine, backup_dir: Path) -> SharedUpgrade:
    """Bring a shared PostgreSQL database to this version's schema, as described above."""
    from models.store.db import check_revision, head_revision, upgrade

    if engine.dialect.name != "postgresql":
        raise ValueError("upgrade_shared is for PostgreSQL; a SQLite file is upgraded when it is opened")
    with engine.connect() as lock:
        lock.execute(text("SELECT pg_advisory_lock(:a, :b)"), {"a": LOCK[0], "b": LOCK[1]})
        lock.commit()  # the lock is the session's: no transaction left open while the migrations run
        try:
            before = check_revision(engine)  # under the lock: another desk may have upgraded meanwhile
            head = head_revision(engine)
            if before == head:
                return SharedUpgrade(before, before, None)
            backup = logical_backup(engine, backup_dir, before, head)
            upgrade(engine, confirmed=True)
            log.info("shared database upgraded from %s to %s; the logical backup is %s", before, head, backup)
            return SharedUpgrade(before, head, backup)
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:a, :b)"), {"a": LOCK[0], "b": LOCK[1]})
            lock.commit()


def logical_backup(engine: Engine, folder: Path, before: str | None, head: str | None) -> Path:
    """Every table of the database's schema as CSV in one zip, from one snapshot; kept if one for this
    upgrade is there already (a whole one: it is named only once written)."""
    from resources import app_version

    folder = private_dir(folder)
    dest = folder / f"isodesk-pre-upgrade-{before}-to-{head}.zip"
    if dest.exists() and zipfile.is_zipfile(dest):
        return dest
    partial = dest.with_name(dest.name + ".partial")
    create_private(partial)
    tables = sorted(inspect(engine).get_table_names())
    rows: dict[str, int] = {}
    with engine.connect() as conn:
        pg = conn.connection.driver_connection
        assert pg is not None
        with pg.cursor() as cur, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as z:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")  # one snapshot for all
            for table in tables:
                with (
                    z.open(f"{table}.csv", "w") as out,
                    cur.copy(
                        f'COPY "{table}" TO STDOUT WITH (FORMAT csv, HEADER)'  # names from the catalogue, quoted
                    ) as copy,
                ):
                    for chunk in copy:
                        out.write(bytes(chunk))
                cur.execute(f'SELECT count(*) FROM "{table}"')
                counted = cur.fetchone()
                rows[table] = int(counted[0]) if counted else 0
            manifest = {
                "kind": "IsoDesk logical backup before an upgrade",
                "revision": before,
                "upgrading_to": head,
                "by_version": app_version(),
                "taken_at": clock.now().isoformat(),
                "rows": rows,
            }
            z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        pg.rollback()
    partial.replace(dest)
    return dest
