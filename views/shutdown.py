"""Leaving the app in order, while Python and the QApplication are both still whole.

Without this the main window outlives ``run_gui``: the lambdas connected to its pages' signals hold
it, so it was destroyed only by PySide's atexit cleanup, in the middle of interpreter finalization,
together with every Python object its widgets still held (combo box data, connections, timers).
:func:`shut_down` closes it (the exit backup runs in its closeEvent), stops every timer, waits for
background workers, deletes the windows and flushes the deferred deletes, then removes the error
hooks and closes the database's connections.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("isodesk")

WAIT_MS = 30_000  # a print or an import still running: let it end rather than cut it off


def _valid(obj: object) -> bool:
    import shiboken6

    return obj is not None and shiboken6.isValid(obj)


def flush_deletes() -> None:
    """Run the ``deleteLater()`` posted so far (also when no event loop is running any more)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def shut_down(
    *,
    window: QWidget | None = None,
    runners: Iterable[Any] = (),
    others: Iterable[QObject | None] = (),
    reporter: Any = None,
    engine: Any = None,
) -> None:
    """Close and delete ``window`` and ``others`` (dialogs), stop timers, wait for ``runners``
    (views/tasks.py TaskRunner) and the global thread pool, uninstall ``reporter``, dispose ``engine``."""
    app = QCoreApplication.instance()
    if _valid(window):
        assert window is not None
        if window.isVisible():
            window.close()  # closeEvent: settings, timers, the exit backup
    for timer in app.findChildren(QTimer) if app is not None else []:
        timer.stop()
    for obj in (window, *others):
        if _valid(obj):
            assert obj is not None
            for timer in obj.findChildren(QTimer):
                timer.stop()
    for runner in runners:
        if not _valid(runner):
            continue
        try:
            runner.cancel_all()
            if not runner.wait(WAIT_MS):
                log.warning("background tasks still running at exit")
        except Exception:
            log.exception("waiting for background tasks at exit")
    if not QThreadPool.globalInstance().waitForDone(WAIT_MS):
        log.warning("the global thread pool is still busy at exit")
    flush_deletes()  # what the workers' results posted
    if isinstance(app, QApplication):
        for w in app.topLevelWidgets():  # dialogs nobody deleted, the login, the wizard
            if w is not window:
                w.close()
    for obj in (*others, *runners, window):
        if _valid(obj):
            obj.deleteLater()
    flush_deletes()
    if reporter is not None:
        reporter.uninstall()
    if engine is not None:
        try:
            engine.dispose()
        except Exception:
            log.exception("closing the database connections")
    gc.collect()
    log.info("IsoDesk exits")


class GuiSession:
    """One run of the desktop app, from the log file to the last deleteLater (used by run_gui)."""

    def __init__(self) -> None:
        self.log_path: Any = None
        self.reporter: Any = None
        self.engine: Any = None
        self.window: QWidget | None = None
        self.ctx: Any = None
        self.runner: Any = None  # the context's task runner (views/tasks.py), made by tasks()

    def start(self, app: QCoreApplication, language: str) -> None:
        """The log file, the error hooks, a line that IsoDesk started."""
        from models.logs import setup_logging

        from .about import version
        from .error_dialog import install_excepthook
        from .qt_compat import status

        self.log_path = setup_logging()
        self.reporter = install_excepthook(app, self.log_path, language)
        log.info("IsoDesk %s starts (GUI, language %s); %s", version(), language, status())

    def open_database(self, db: str | None, settings: Any, language: str) -> Any:
        """The database, or None when the desk chose Quit because it cannot be opened."""
        from .db_status import open_database_or_ask

        self.engine = open_database_or_ask(db, settings, language, tasks=self.tasks())
        return self.engine

    def tasks(self) -> Any:
        """The task runner for the app's context, made once the error hooks are in (:meth:`start`), before
        the login's context, the wizard and the window use it: background tasks' unexpected errors (the
        demo build's too) go to the error dialog and the log. The exit waits for it."""
        if self.runner is None:
            from .tasks import TaskRunner

            self.runner = TaskRunner(error_handler=self.reporter.handle if self.reporter is not None else None)
        return self.runner

    def run(self, app: QCoreApplication, window: QWidget, ctx: Any) -> int:
        """The event loop. A switch of user replaces the window (and its context): the exit closes the
        one open then."""
        self._follow(window, ctx)
        return app.exec()

    def _follow(self, window: Any, ctx: Any) -> None:
        self.window, self.ctx = window, ctx
        replaced = getattr(window, "replaced", None)  # views/main_window.py MainWindow.hand_over
        if replaced is not None:
            replaced.connect(lambda new: self._follow(new, new.ctx))

    def failed(self, exc: BaseException) -> int:
        """An error escaped the start (before or after the event loop): the dialog, the log, exit 2."""
        if self.reporter is None:
            raise exc
        self.reporter.report(type(exc), exc, exc.__traceback__, "at start")
        return 2

    def close(self) -> None:
        runners = [self.runner] if self.runner is not None else []
        own = getattr(self.ctx, "_tasks", None)  # the same one, unless the context made its own
        if own is not None and own is not self.runner:
            runners.append(own)
        shut_down(
            window=self.window,
            runners=runners,
            reporter=self.reporter,
            engine=self.engine,
        )
