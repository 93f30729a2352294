"""The user's preferences file and what is read from it before any window exists.

``ORG, APP`` name the default ``QSettings`` (created once at start and carried by the AppContext);
tests pass an ini file of their own instead.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

ORG, APP = "IsoDesk", "IsoDesk"


def user_settings() -> QSettings:
    """The user's own settings (the app creates it once, at start)."""
    return QSettings(ORG, APP)


def ui_language(settings: QSettings | None = None) -> str:
    """The chosen UI language: a saved setting, else Chinese on a Chinese locale, else English."""
    settings = settings or user_settings()
    saved = settings.value("ui/language")
    if saved in ("zh_CN", "en"):
        return str(saved)
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"
