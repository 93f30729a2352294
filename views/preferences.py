"""The user's preferences file and what is read from it before any window exists.

``ORG, APP`` name the default ``QSettings`` (created once at start and carried by the AppContext);
tests pass an ini file of their own instead.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QSettings

from models.store import credentials

ORG, APP = "IsoDesk", "IsoDesk"


def user_settings() -> QSettings:
    """The user's own settings (the app creates it once, at start)."""
    return QSettings(ORG, APP)


def ui_language(settings: QSettings | None = None) -> str:
    """The chosen UI language: a saved setting, else Chinese, whatever the PC's locale (most desk staff read
    Chinese only, and many desk PCs run an English Windows); the login dialog offers English."""
    settings = settings or user_settings()
    saved = settings.value("ui/language")
    if saved in ("zh_CN", "en"):
        return str(saved)
    return "zh_CN"


def protect(settings: QSettings) -> None:
    """The settings file readable by its owner only (0600), and a database password saved by an older
    version moved out of it into the OS credential store (kept, with a warning in the log, where none exists)."""
    log = logging.getLogger("isodesk.settings")
    saved = str(settings.value("db/url", "") or "")
    bare, password = credentials.split(saved)
    if password is not None:
        try:
            credentials.remember(bare, password)
            settings.setValue("db/url", bare)
            log.info("the database password moved from the settings to the credential store")
        except Exception:
            log.warning("the settings file holds a database password and no credential store can take it")
    settings.sync()
    path = Path(settings.fileName())
    if os.name == "posix" and path.is_file():
        path.chmod(0o600)
