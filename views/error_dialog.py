"""Unexpected errors the desk can see: one dialog in the UI language, the traceback in the log.

``install_excepthook(app, log_path, language)`` (run_gui) routes ``sys.excepthook`` (errors in slots,
events and the main code) and ``threading.excepthook`` (worker threads) to :class:`ErrorReporter`:
it logs the traceback, then shows :class:`ErrorDialog` on the GUI thread: what failed, whether it
saved nothing (a service is one transaction: an error inside one rolled it back; said only when no
other service had committed in the same action, :func:`saved_nothing`), where the log is, and
"Copy details". A second error while the dialog is open is added to it, never a pile of dialogs.
Nothing is written to stderr (a windowed build has ``sys.stderr is None``).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.logs import log_exception
from models.store.connectivity import is_unreachable, reason

log = logging.getLogger("isodesk.errors")

OUR_PACKAGES = ("views", "models", "printing", "ui", "app")


def _our_frames(tb: TracebackType | None) -> list[traceback.FrameSummary]:
    frames = traceback.extract_tb(tb)
    root = Path(__file__).resolve().parents[1]
    ours = []
    for f in frames:
        try:
            rel = Path(f.filename).resolve().relative_to(root)
        except ValueError:
            continue
        if rel.parts and rel.parts[0].removesuffix(".py") in OUR_PACKAGES:
            ours.append(f)
    return ours


def saved_nothing(exc: BaseException) -> bool:
    """True only when the action surely saved nothing: the error left a service's transaction, which was
    rolled back (models/services/audit.py marks it), and no service had committed before it in the same
    session (one GUI action, one session: a loop of services whose last one failed saved the others)."""
    from models.services.audit import rolled_back

    mark = rolled_back(exc)
    return mark is not None and mark.nothing_saved


def describe(exc: BaseException, language: str) -> str:
    """One line for the user: a domain error in their language, else the type and first line of the message."""
    from models.errors import DomainError

    if isinstance(exc, DomainError):
        return exc.message(language)
    return f"{type(exc).__name__}: {reason(exc)}"


def place(tb: TracebackType | None) -> str:
    """Where in IsoDesk it failed: the innermost frame of our own code, e.g. ``main_window.py:212 new_arrival``."""
    ours = _our_frames(tb)
    if not ours:
        return ""
    f = ours[-1]
    return f"{Path(f.filename).name}:{f.lineno} {f.name}"


class ErrorDialog(QDialog):
    """What failed, whether anything was saved, where the log is; Copy details; Close."""

    def __init__(
        self,
        what: str,
        details: str,
        log_path: Path | None,
        *,
        saved_nothing: bool,
        database: bool = False,
        where: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("IsoDesk — unexpected error"))
        self.setMinimumWidth(560)
        self.details_text = details
        self.count = 1
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold")
        if database:
            self.headline.setText(self.tr("The database did not answer. IsoDesk could not finish this action."))
        else:
            self.headline.setText(self.tr("Something went wrong. IsoDesk could not finish this action."))
        self.what = QLabel(self.tr("What failed: {0}").format(what + (f" ({where})" if where else "")), self)
        self.what.setWordWrap(True)
        self.saved = QLabel(self)
        self.saved.setWordWrap(True)
        if saved_nothing:
            self.saved.setText(self.tr("Nothing was saved: the whole action was undone, the data is as it was before."))
        else:
            self.saved.setText(self.tr("Check on the screen whether your last action was saved before you repeat it."))
        self.log_label = QLabel(
            self.tr("The details are in the log file: {0}").format(log_path)
            if log_path is not None
            else self.tr("No log file could be written."),
            self,
        )
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(self.log_label.textInteractionFlags() | _selectable())
        self.more = QLabel(self)
        self.more.hide()
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMaximumHeight(180)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for w in (self.headline, self.what, self.saved, self.log_label, self.more, self.details, self.buttons):
            layout.addWidget(w)

    def copy_details(self) -> None:
        """The traceback (every error shown in this dialog) onto the clipboard, for the support person."""
        QApplication.clipboard().setText(self.details_text)
        self.copy_button.setText(self.tr("Copied"))

    def add(self, details: str) -> None:
        """Another error while this one is open: counted and added to the details, not another dialog."""
        self.count += 1
        self.details_text += "\n" + details
        self.details.setPlainText(self.details_text)
        self.more.setText(self.tr("{0} more errors since; all are in the details and the log.").format(self.count - 1))
        self.more.show()


def _selectable() -> Any:
    from PySide6.QtCore import Qt

    return Qt.TextInteractionFlag.TextSelectableByMouse


class _Bridge(QObject):
    """Lives on the GUI thread; a worker thread's error reaches the dialog through a queued signal."""

    report = Signal(str, str, str, bool, bool)  # what, where, details, saved nothing, database


class ErrorReporter:
    """The hooks' target: log every unexpected error, show one dialog at a time."""

    def __init__(self, app: QCoreApplication, log_path: Path | None, language: str) -> None:
        self.app = app
        self.log_path = log_path
        self.language = language
        self.dialog: ErrorDialog | None = None
        self.bridge = _Bridge()  # made on the GUI thread (run_gui), so its slot runs there
        self.bridge.report.connect(self._show)
        self._previous: tuple[Any, Any] | None = None
        self._busy = False

    # --- hooks ---------------------------------------------------------------------------------------
    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        self.report(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.report(args.exc_type, args.exc_value, args.exc_traceback, f"in thread {name}")

    def handle(self, exc: BaseException) -> None:
        """An exception caught elsewhere (``TaskRunner(error_handler=reporter.handle)``): log it, show it."""
        self.report(type(exc), exc, exc.__traceback__, "in a background task")

    def install(self) -> ErrorReporter:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        """Back to the previous hooks (before the QApplication goes away)."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        import shiboken6

        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.close()
            shiboken6.delete(self.dialog)
        self.dialog = None
        if shiboken6.isValid(self.bridge):  # no QObject of ours may outlive the QApplication
            self.bridge.report.disconnect(self._show)
            shiboken6.delete(self.bridge)

    # --- reporting -----------------------------------------------------------------------------------
    def report(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, context: str = ""
    ) -> None:
        """Log the error, then show it (from any thread). Never raises, never writes to stderr."""
        try:
            details = log_exception("unexpected error " + context if context else "unexpected error", exc_type, exc, tb)
            what = describe(exc, self.language)
            args = (what, place(tb), details, saved_nothing(exc), is_unreachable(exc))
        except Exception:  # the hook itself must not fail: keep at least the log line
            log.exception("reporting an error failed")
            return
        try:
            import shiboken6

            if QCoreApplication.instance() is None or not shiboken6.isValid(self.bridge):
                return  # no GUI any more (exit): the log has it
            self.bridge.report.emit(*args)
        except Exception:
            log.exception("showing an error failed")

    def _show(self, what: str, where: str, details: str, saved_nothing: bool, database: bool) -> None:
        import shiboken6

        if self._busy:  # an error while building the dialog: the log has both
            return
        self._busy = True
        try:
            old = self.dialog if self.dialog is not None and shiboken6.isValid(self.dialog) else None
            if old is not None and old.isVisible():
                old.add(details)
                return
            if old is not None:
                old.deleteLater()  # the one closed before
            # no parent: the window the error came from may be a dialog about to be deleted
            dialog = ErrorDialog(
                what, details, self.log_path, saved_nothing=saved_nothing, database=database, where=where
            )
            dialog.setModal(True)
            self.dialog = dialog
        except Exception:
            log.exception("showing an error failed")
            return
        finally:
            self._busy = False
        try:
            if QThread.currentThread().loopLevel() == 0:  # no event loop yet or any more: wait for the user here
                dialog.exec()
            else:
                dialog.show()
                if QGuiApplication.platformName() != "offscreen":  # (offscreen cannot raise windows)
                    dialog.raise_()
                    dialog.activateWindow()
        except Exception:
            log.exception("showing an error failed")


def install_excepthook(app: QCoreApplication, log_path: Path | None, language: str) -> ErrorReporter:
    """Route every unexpected error (GUI thread and worker threads) to one dialog and the log."""
    return ErrorReporter(app, log_path, language).install()
