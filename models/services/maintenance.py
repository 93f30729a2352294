"""Restoring a backup, and upgrading a shared database: an admin's acts, checked and recorded.

Restoring a backup is checked and recorded on both sides of the swap.

The file copy itself is ``models.store.backup.restore``; this is the service the app and the command line
call. It checks the backup, then (one transaction, permission ``settings``: admins only, read from the
database as it is now) records who restores which file in the database about to be replaced, which the
safety copy keeps (the copy before the restore, ``isodesk-…-before-restore.sqlite3`` in the backup folder,
listed and rotated like any backup); after the copy it records the restore in the restored database too
(as the system, the acting account may not exist in that older copy, so its name goes into the note).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from models.services import audit
from models.services.audit import transactional
from models.store import backup
from models.store.db import session_factory
from models.store.orm import User
from models.store.shared_upgrade import SharedUpgrade, upgrade_shared


@transactional("settings")
def record_restore_request(session: Session, actor: User | None, source: str) -> None:
    """The entry left in the database being replaced (kept in its safety copy)."""
    audit.record(session, actor, "backup.restore", None, note=f"restore from {source}")


@transactional("settings")
def record_restored(session: Session, actor: User | None, source: str, by: str, safety: str) -> None:
    """The entry in the restored database: which file, by whom, where the replaced database went."""
    audit.record(session, actor, "backup.restored", None, note=f"restored from {source} by {by}; replaced: {safety}")


@transactional("settings")
def record_upgrade(session: Session, actor: User | None, before: str | None, after: str | None, version: str) -> None:
    """The entry of a shared database's upgrade (models/store/shared_upgrade.py): from which schema, to which,
    by which IsoDesk; written after it, in the upgraded database, as the admin who confirmed it."""
    audit.record(session, actor, "database.upgrade", None, note=f"schema {before} -> {after} by IsoDesk {version}")


def upgrade_shared_database(engine: Engine, username: str, password: str, backup_dir: Path) -> SharedUpgrade:
    """A shared database's upgrade, confirmed by an admin (``username``, proven by ``password``, the role
    read as it is now): under the upgrade's lock, after its logical backup (models/store/shared_upgrade.py),
    then recorded, as that admin. The command line and the start dialog both come here."""
    from models.permissions import check
    from models.services.accounts import authenticate
    from resources import app_version

    with session_factory(engine)() as session:  # the admin, proven before anything is copied or changed
        actor = authenticate(session, username, password)
        check(session, actor, "settings")
        actor_id = actor.id
        session.commit()
    done = upgrade_shared(engine, backup_dir)
    if done.backup is not None:  # else another desk did it while this one waited for the lock
        with session_factory(engine)() as session:
            record_upgrade(session, session.get(User, actor_id), done.before, done.after, app_version())
    return done


def restore_backup(
    engine: Engine, actor: User | None, source: Path, *, safety_dir: Path | None = None, record_before: bool = True
) -> Path | None:
    """Replace the database with a checked backup, as ``actor`` (an admin; None: the system). Returns the
    copy of the replaced database taken right before (in ``safety_dir``, the backup folder; None when there
    was no database file). Nothing is replaced when the file or the actor is refused.
    ``record_before=False``: the database being replaced is missing or unreadable, nothing can go into it."""
    backup.verify_backup(source)  # a bad file is refused before anything is recorded or replaced
    by = actor.username if actor is not None else "system"
    if record_before:
        with session_factory(engine)() as session:
            record_restore_request(session, actor, source.name)
    safety = backup.restore(source, engine, safety_dir=safety_dir)
    with session_factory(engine)() as session:  # as the system: the admin may have another role in that copy
        record_restored(session, None, source.name, by, safety.name if safety is not None else "nothing")
    return safety
