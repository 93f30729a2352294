"""The desk's settings: who may change which, checked in the domain and recorded.

A desk keeps its settings in the PC user's settings file (the GUI's ``QSettings``; anything with
``value(key, default)`` and ``setValue(key, value)`` will do). Two kinds:
- **preferences** of whoever is signed in (language, dark theme): any role, permission ``own_account``;
- **desk settings** that decide where the data lives and how it is kept (the shared database's address,
  the backup folder and interval) and how long the screen stays open without use (``lock/minutes``:
  the idle lock, 0 = never): admins only, permission ``settings``. The database address is saved
  without its password, which goes to the OS credential store (models/store/credentials.py).
Each change is an audit entry ("setting.change", the key and the old and new values, an address's
password masked). Window geometry and the last page shown are the window's memory, not settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.orm import Session

from models.errors import DomainError
from models.services import audit
from models.services.audit import transactional
from models.store import credentials
from models.store.orm import User

LANGUAGES = ("zh_CN", "en")
BACKUP_HOURS = range(1, 25)
PREFERENCES = ("ui/language", "ui/dark")
DESK_SETTINGS = ("db/url", "backup/dir", "backup/hours", "lock/minutes")
LOCK_MINUTES = range(0, 241)  # minutes without keyboard or mouse before the screen locks; 0: never
DEFAULT_LOCK_MINUTES = 10


class SettingsStore(Protocol):
    def value(self, key: str, /, *args: Any, **kwargs: Any) -> Any: ...

    def setValue(self, key: str, value: Any, /) -> None: ...


def _record(session: Session, actor: User | None, key: str, old: object, new: object) -> None:
    shown = [credentials.masked(str(v)) if key == "db/url" else str(v) for v in (old, new)]
    audit.record(session, actor, "setting.change", None, note=f"{key}: {shown[0]!r} -> {shown[1]!r}")
    session.flush()  # the entry is in before the file changes: a refused entry changes nothing


@transactional("own_account")
def change_preference(session: Session, actor: User | None, store: SettingsStore, key: str, value: Any) -> None:
    """The signed-in user's language ("zh_CN"/"en") or theme (dark: bool), used from the next start."""
    if key == "ui/language":
        if value not in LANGUAGES:
            raise DomainError("setting_invalid", key=key, value=value)
    elif key == "ui/dark":
        value = bool(value)
    else:
        raise DomainError("setting_unknown", key=key)
    _record(session, actor, key, store.value(key, ""), value)
    store.setValue(key, value)


@transactional("settings")
def change_desk_setting(session: Session, actor: User | None, store: SettingsStore, key: str, value: Any) -> str:
    """An admin's change of a desk setting; returns what was saved (an address: without its password)."""
    if key == "backup/hours":
        if not isinstance(value, int) or value not in BACKUP_HOURS:
            raise DomainError("setting_invalid", key=key, value=value)
        saved: Any = value
    elif key == "backup/dir":
        folder = Path(str(value)).expanduser()
        if not str(value).strip() or not folder.is_absolute():
            raise DomainError("setting_invalid", key=key, value=value)
        saved = str(folder)
    elif key == "lock/minutes":
        if isinstance(value, bool) or not isinstance(value, int) or value not in LOCK_MINUTES:
            raise DomainError("setting_invalid", key=key, value=value)
        saved = value
    elif key == "db/url":
        saved = _database_address(str(value).strip())
    else:
        raise DomainError("setting_unknown", key=key)
    old = lock_minutes(store) if key == "lock/minutes" else store.value(key, "")  # unset: the default in force
    _record(session, actor, key, old, saved)
    store.setValue(key, saved)
    return str(saved)


def lock_minutes(store: SettingsStore) -> int:
    """The idle lock's minutes (0: never); the default where the file has none or a value no admin saved."""
    raw = store.value("lock/minutes", DEFAULT_LOCK_MINUTES)
    try:
        minutes = int(raw)
    except (TypeError, ValueError):
        return DEFAULT_LOCK_MINUTES
    return minutes if minutes in LOCK_MINUTES else DEFAULT_LOCK_MINUTES


def _database_address(address: str) -> str:
    """The address to save: its password moved to the credential store (refused where there is none)."""
    if not address:
        return ""
    from models.store.db import make_engine

    make_engine(address).dispose()  # a malformed address is refused here, with the reason (no connection yet)
    bare, password = credentials.split(address)
    if password is not None:
        credentials.remember(bare, password)
    return bare
