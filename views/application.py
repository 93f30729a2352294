"""Start the desktop app: Qt application, bundled font, translations, theme, database, main window."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from models.store import credentials
from resources import I18N_DIR, ICON_FILE
from ui import theme
from ui.theme import register_font

from .preferences import APP, ORG, protect, ui_language

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from .shutdown import GuiSession

__all__ = ["APP", "ORG", "install_translators", "make_app", "run_gui", "ui_language"]


# What the app keeps per QApplication, on the QApplication itself (no module globals): its translators
# are children of it named TRANSLATOR; the property STYLED says the font and theme are applied.
TRANSLATOR = "isodesk_translator"
STYLED = "isodesk_styled"


def installed_translators(app: QCoreApplication) -> list[QTranslator]:
    """The translators :func:`install_translators` installed on ``app``."""
    return [t for t in app.findChildren(QTranslator) if t.objectName() == TRANSLATOR]


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Switch the UI language: drop the translators installed before, install Qt's and ours for zh_CN.

    The one place translators are installed; the language itself lives in the AppContext (views/context.py).
    """
    for old in installed_translators(app):
        app.removeTranslator(old)
        old.setParent(None)  # no longer the app's: deleted with its last reference
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    wanted = [("qtbase_zh_CN", qt_dir), ("isodesk_zh_CN", str(I18N_DIR))] if language == "zh_CN" else []
    if language == "en":
        wanted = [("isodesk_en", str(I18N_DIR))]  # the English plural forms ("1 bed", "2 beds")
    for name, folder in wanted:
        tr = QTranslator(app)
        tr.setObjectName(TRANSLATOR)
        if tr.load(name, folder):
            app.installTranslator(tr)
        else:
            tr.setParent(None)
    return installed_translators(app)


def apply_theme(app: QApplication, family: str, dark: bool = False) -> None:
    """The theme (ui/theme.py), with qt-material's style sheet and icons kept in IsoDesk's cache folder."""
    from platformdirs import user_cache_dir

    from resources import app_version

    cache = Path(user_cache_dir(APP, ORG)) / "qt_material"
    theme.apply_theme(app, family, dark, cache=cache, version=app_version())  # rendered at the first start only


def make_app(argv: list[str] | None = None, *, theme: bool = True, settings: QSettings | None = None) -> QApplication:
    """The Qt application, font, theme and translators; theme and language from ``settings`` (default: the user's)."""
    settings = settings if settings is not None else QSettings(ORG, APP)
    app = QApplication.instance() or QApplication(argv or sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setDesktopFileName("isodesk")  # Wayland and the Linux desktops: the window is isodesk.desktop's
    if not app.property(STYLED):  # font and theme once per application: re-styling live widgets is slow and fragile
        app.setWindowIcon(QIcon(str(ICON_FILE)))  # every window's, the taskbar's
        family = register_font(app)
        if theme:
            apply_theme(app, family, dark=settings.value("ui/dark", False, type=bool))
        app.setProperty(STYLED, True)
    install_translators(app, ui_language(settings))
    return app


def run_gui(db: str | None, settings: QSettings | None = None) -> int:
    """The desktop app; whatever happens, it leaves in order (views/shutdown.py) before Python finalizes.

    ``settings``: the app's one QSettings (default: the user's, ``QSettings(ORG, APP)``; tests pass a file).
    """
    from .shutdown import GuiSession

    gui = GuiSession()
    try:
        return _run_gui(db, gui, settings if settings is not None else QSettings(ORG, APP))
    except Exception as exc:
        return gui.failed(exc)
    finally:
        gui.close()


HEAP_SETTLE_MS = 1000  # after the window is shown: the board painted, the desk not yet typing


def settle_heap() -> None:
    """What the start made and keeps for the session (every module, the window and its pages, the compiled
    queries) collected once and set apart from Python's cyclic garbage collector (gc.freeze). Without it each
    full collection walks all of it: 20–60 ms on the GUI thread at moments nobody chooses, a keystroke's in
    the search or a board reload's (bench/run.py measures both with it, as the app runs). Objects made later
    are collected as before; the ones set apart are still freed when nothing refers to them."""
    gc.collect()
    gc.freeze()


def _prepare_main_window(sessions: Callable[[], Session]) -> None:
    """The main window's modules (every page's) imported and the board's questions asked once, while the
    login dialog waits for the password: half a second the desk does not wait for after pressing Enter."""
    from . import main_window, site_wizard  # noqa: F401

    main_window.warm_up(sessions)


def _run_gui(db: str | None, gui: GuiSession, settings: QSettings) -> int:
    language = ui_language(settings)
    app = make_app(settings=settings)
    gui.start(app, language)  # log file, error dialog for unexpected errors
    from models.services.sites import get_site
    from models.store.db import session_factory

    from .context import AppContext
    from .login_dialog import LoginDialog

    protect(settings)  # owner-only file, no password in it
    db = db or credentials.complete(str(settings.value("db/url", "") or "")) or None  # a shared database
    engine = gui.open_database(db, settings, language)  # unreachable: Retry / database settings / Quit
    if engine is None:
        return 1
    sessions = session_factory(engine)
    # on a new database it creates the first admin; while the password is typed, the window's modules load
    login = LoginDialog(sessions, language, settings=settings, prepare=lambda: _prepare_main_window(sessions))
    if not login.exec() or login.user is None:
        return 1
    from .main_window import MainWindow
    from .site_wizard import SiteWizard

    language = login.language  # chosen on the login dialog, applied already
    ctx = AppContext(  # its task runner sends unexpected errors to the error dialog, the wizard's demo build's too
        sessions=sessions, engine=engine, user=login.user, settings=settings, language=language, tasks=gui.tasks()
    )
    with sessions() as session:
        try:
            get_site(session)
            has_site = True
        except LookupError:
            has_site = False
    if not has_site:
        wizard = SiteWizard(ctx)
        if not wizard.exec():  # the demo site, if chosen, is built by the wizard (in the background)
            return 1
    window = MainWindow(ctx)
    window.show()
    QTimer.singleShot(HEAP_SETTLE_MS, settle_heap)
    window.back_up_soon()  # a copy at every start, in the background once the board is painted
    return gui.run(app, window, ctx)
