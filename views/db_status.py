"""A database that does not answer: at start a dialog (Retry / Open database settings / Quit); during the
session a banner over the main window, writing disabled, until the change-counter poll answers again.

PostgreSQL connections give up after ``models.store.db.PG_CONNECT_TIMEOUT_S`` seconds (psycopg
``connect_timeout``), so neither waits minutes on a server that is gone.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from models.logs import masked
from models.store.connectivity import UNREACHABLE, reason, start_problem

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from .tasks import Job, Task, TaskRunner

log = logging.getLogger("isodesk.db")

RETRY, QUIT = 1, 0


class DatabaseUnreachableDialog(QDialog):
    """The database named cannot be opened: why, then Retry, Open database settings, or Quit."""

    def __init__(
        self,
        database: str,
        problem: str,
        settings: QSettings,
        language: str,
        parent: QWidget | None = None,
        *,
        upgrade: Callable[[str, str], Any] | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        """``upgrade``: the database is a shared one of an older schema; ``upgrade(name, password)`` upgrades
        it as that admin (run in the background by ``tasks``), and the dialog offers it."""
        super().__init__(parent)
        self.settings = settings
        self.language = language
        self._upgrade = upgrade
        self._tasks = tasks
        self.setWindowTitle(self.tr("IsoDesk — database unreachable"))
        self.setMinimumWidth(560)
        self.headline = QLabel(self.tr("IsoDesk cannot open its database."), self)
        self.headline.setStyleSheet("font-weight: bold")
        self.database = QLabel(self.tr("Database: {0}").format(database), self)
        self.problem = QLabel(self.tr("Reason: {0}").format(problem), self)
        self.hint = QLabel(
            self.tr(
                "For a shared PostgreSQL database: is the server running, and is this PC on its network? "
                "Then press Retry. To use another database this once, open the database settings, try it there, "
                "then Retry; an admin saves it for good in Settings."
            ),
            self,
        )
        for label in (self.database, self.problem, self.hint):
            label.setWordWrap(True)
        from .database_panel import DatabasePanel

        self.panel = DatabasePanel(settings, language, database, self)  # before the login: no AppContext needed
        self.panel.hide()
        self.buttons = QDialogButtonBox(self)
        self.retry_button = self.buttons.addButton(self.tr("Retry"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.settings_button = self.buttons.addButton(
            self.tr("Open database settings"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.retry_button.setDefault(True)
        self.retry_button.clicked.connect(lambda: self.done(RETRY))
        self.quit_button.clicked.connect(lambda: self.done(QUIT))
        self.settings_button.clicked.connect(self.open_settings)
        self.upgrade_box = self._upgrade_box()
        layout = QVBoxLayout(self)
        for w in (self.headline, self.database, self.problem, self.hint, self.upgrade_box, self.panel, self.buttons):
            layout.addWidget(w)
        if upgrade is not None:
            self.headline.setText(self.tr("The shared database must be upgraded before this IsoDesk can use it."))
            self.hint.setText(
                self.tr(
                    "Close IsoDesk on the other desks first. An admin then upgrades it here: a backup of every "
                    "table is written to this PC first, and the upgrade is recorded with the admin's name."
                )
            )
            self.upgrade_box.show()

    def _upgrade_box(self) -> QWidget:
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.admin_name = QLineEdit(box)
        self.admin_password = QLineEdit(box)
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.upgrade_button = QPushButton(self.tr("Upgrade the database now"), box)
        self.upgrade_button.clicked.connect(self.upgrade_now)
        self.admin_password.returnPressed.connect(self.upgrade_now)
        self.upgrade_result = QLabel(box)
        self.upgrade_result.setWordWrap(True)
        form.addRow(self.tr("Admin user name"), self.admin_name)
        form.addRow(self.tr("Password"), self.admin_password)
        form.addRow(self.upgrade_button)
        form.addRow(self.upgrade_result)
        box.hide()
        return box

    def upgrade_now(self) -> Task | None:
        """Upgrade as the admin typed here, off the GUI thread; once done, Retry opens the upgraded database."""
        if self._upgrade is None or self._tasks is None or not self.upgrade_button.isEnabled():
            return None
        name, password = self.admin_name.text().strip(), self.admin_password.text()
        if not name or not password:
            self.upgrade_result.setText(self.tr("Enter an admin's user name and password."))
            return None
        upgrade = self._upgrade
        self.upgrade_button.setEnabled(False)
        self.retry_button.setEnabled(False)
        self.upgrade_result.setText(self.tr("Backing up and upgrading…"))

        def finished() -> None:
            self.upgrade_button.setEnabled(True)
            self.retry_button.setEnabled(True)
            self.admin_password.clear()

        return self._tasks.run(
            lambda _job: upgrade(name, password),
            on_done=lambda _result: self.done(RETRY),
            on_error=self._tasks.error_to(self.upgrade_result, self.language, self.tr("Not upgraded: {0}")),
            on_finished=finished,
        )

    def open_settings(self) -> None:
        self.panel.show()
        self.settings_button.setEnabled(False)
        self.panel.url.setFocus()

    def database_to_try(self, current: str | None) -> str | None:
        """What Retry opens: the database chosen in the panel meanwhile (this start only: before the login
        nothing is saved), else the same one."""
        chosen = self.panel.chosen
        if chosen is not None:
            return chosen or None  # emptied: this PC's own file
        return current


def _exec(dialog: DatabaseUnreachableDialog) -> int:
    return dialog.exec()


def open_database_or_ask(
    db: str | None,
    settings: QSettings,
    language: str,
    *,
    opener: Callable[[str | None], Engine] | None = None,
    ask: Callable[[DatabaseUnreachableDialog], int] = _exec,
    tasks: TaskRunner | None = None,
) -> Engine | None:
    """Open (and upgrade) the database; while it cannot be opened, ask: Retry, settings, or Quit (None).
    A shared database of an older schema (``db_upgrade_shared``) is upgraded only by an admin, who can do
    it in that dialog (with ``tasks``, in the background).

    Anything that is not a database problem (a bug) is raised as it is, for the error dialog.
    """
    if opener is None:
        from models.store.db import open_database as opener
    while True:
        try:
            return opener(db)
        except Exception as exc:
            problem = start_problem(exc, language)
            if problem is None:
                raise
            log.warning("cannot open the database %s: %s", masked(db or "(default file)"), problem)
            upgrade = _admin_upgrade(db) if getattr(exc, "code", None) == "db_upgrade_shared" else None
            dialog = DatabaseUnreachableDialog(
                masked(db or _default_db()), problem, settings, language, upgrade=upgrade, tasks=tasks
            )
            answer = ask(dialog)
            db = dialog.database_to_try(db)
            dialog.deleteLater()
            if answer != RETRY:
                log.info("quit: no database")
                return None


def _admin_upgrade(db: str | None) -> Callable[[str, str], Any]:
    """The upgrade of the shared database ``db`` as an admin (models/services/maintenance.py), for the dialog."""

    def upgrade(name: str, password: str) -> Any:
        from models.services.maintenance import upgrade_shared_database
        from models.store.db import make_engine
        from models.store.shared_upgrade import default_backup_dir

        engine = make_engine(db)  # the address as the start opened it (its password from the store already)
        try:
            return upgrade_shared_database(engine, name, password, default_backup_dir())
        finally:
            engine.dispose()

    return upgrade


def _default_db() -> str:
    from models.store.db import default_db_path

    return str(default_db_path())


class ConnectionWatch(QObject):
    """The main window's poll, guarded: a database error shows the banner and disables writing; the
    next poll that answers hides it and reloads. The board never goes stale without saying so.

    The poll runs through ``tasks`` (views/tasks.py), off the GUI thread: ``poll(job)`` reads (with the
    job's own session, from ``sessions()``, asked at each poll) and returns plain data, handed to
    ``answered(data)`` on the GUI thread (compare, reload). A server that is gone costs the worker its
    connect timeout, not the desk. One poll at a time: a tick while one is under way is skipped.
    :meth:`pause` (the restore) stops new polls; :meth:`wait_idle` waits for the one under way.
    """

    def __init__(
        self,
        window: QMainWindow,
        poll: Callable[[Job], object],
        reload: Callable[[], object],
        *,
        answered: Callable[[Any], object] | None = None,
        tasks: TaskRunner,
        sessions: Callable[[], sessionmaker[Session]],
    ) -> None:
        super().__init__(window)
        self.window = window
        self._poll = poll
        self._reload = reload
        self._answered = answered
        self._tasks = tasks
        self._sessions = sessions
        self.task: Task | None = None  # the poll under way, or the last one
        self.answer: bool | None = None  # how the last poll that ended went: True answered, False not
        self.paused = False
        self._idle = threading.Event()  # set while no poll is under way (set from the GUI thread, read anywhere)
        self._idle.set()
        self.lost = False
        self._disabled: list[Any] = []
        self.banner = QWidget(window)
        self.banner.setObjectName("database_banner")
        self.banner.setStyleSheet("#database_banner { background: #c62828; } #database_banner QLabel { color: white; }")
        self.label = QLabel(self.banner)
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry now"), self.banner)
        self.retry_button.clicked.connect(self.poll)
        row = QHBoxLayout(self.banner)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button)
        self.banner.hide()
        central = window.takeCentralWidget()  # the banner above everything the window shows
        wrapper = QWidget(window)
        column = QVBoxLayout(wrapper)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        if central is not None:
            column.addWidget(central, 1)
        self.content = central
        window.setCentralWidget(wrapper)

    def poll(self) -> bool | None:
        """Start one poll; True / False once it has ended (at once with a synchronous runner) with the
        database answering / not; None while it runs, or when skipped (one under way, or paused)."""
        if self.paused or not self._idle.is_set():
            return None
        read = self._poll

        def job(job: Job) -> tuple[bool, object]:  # in a worker thread
            try:
                return True, read(job)
            except UNREACHABLE as exc:  # an answer, not a failure: shown on the GUI thread
                return False, reason(exc)

        self._idle.clear()
        self.task = self._tasks.run(
            job, sessions=self._sessions(), on_done=self._ended, on_finished=self._idle.set, parent=self.window
        )
        return None if self.task.running else self.answer

    def _ended(self, outcome: tuple[bool, object]) -> None:
        """The poll's outcome, on the GUI thread: the banner, or back, or the window's ``answered``."""
        answered, value = outcome
        self.answer = answered
        if not answered:
            self.connection_lost(str(value))
        elif self.lost:
            self.connection_back()  # its reload reads everything again
        elif self._answered is not None:
            try:
                self._answered(value)
            except UNREACHABLE as exc:  # gone between the poll and the reload
                self.answer = False
                self.connection_lost(reason(exc))

    def pause(self) -> None:
        """No new poll until :meth:`resume` (the one under way, if any, ends as usual)."""
        self.paused = True

    def resume(self) -> None:
        self.paused = False

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait (from a worker thread: the GUI thread ends the poll) until no poll is under way."""
        return self._idle.wait(timeout)

    def connection_lost(self, why: str) -> None:
        if not self.lost:
            log.warning("database unreachable: %s", why)
            self.lost = True
            self._disable_writing()
        self.label.setText(
            self.tr("Database unreachable — retrying every few seconds. Nothing can be saved until it answers.")
            + "\n"
            + self.tr("Reason: {0}").format(why)
        )
        self.banner.show()
        self.window.statusBar().showMessage(self.tr("Database unreachable — retrying"))

    def connection_back(self) -> None:
        log.info("database answers again")
        self.lost = False
        self.banner.hide()
        for widget, enabled in self._disabled:
            widget.setEnabled(enabled)
        self._disabled = []
        self.window.statusBar().showMessage(self.tr("The database answers again: reloaded."), 8000)
        try:
            self._reload()
        except UNREACHABLE as exc:  # gone again at once
            self.connection_lost(reason(exc))

    def _disable_writing(self) -> None:
        """Everything that could write: the toolbars' actions and the pages (they show what was last read)."""
        targets: list[Any] = [a for bar in self.window.findChildren(QToolBar) for a in bar.actions()]
        targets += list(self.window.actions())
        if self.content is not None:
            targets.append(self.content)
        seen = set()
        for t in targets:
            if id(t) in seen:
                continue
            seen.add(id(t))
            self._disabled.append((t, t.isEnabled()))
            t.setEnabled(False)
