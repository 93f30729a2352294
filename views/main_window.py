"""The main window: room board with filters, status bar with database, user and counts."""

from __future__ import annotations

import logging
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from models.errors import DomainError
from models.reads.board import board_rooms
from models.reads.changes import change_marker
from models.services.accounts import sign_out
from models.services.desk_settings import lock_minutes
from models.services.rooms import end_expired_out_of_service
from models.services.sites import get_site
from models.store.connectivity import UNREACHABLE
from models.store.orm import Role, RoomState, User

from .about import HelpMenu
from .arrival_dialog import ArrivalDialog
from .audit_page import AuditPage
from .backup_panel import DatabasePause, backup_hours, backup_job, is_file_database, run_backup
from .batch_dialog import BatchDialog
from .context import AppContext
from .db_status import ConnectionWatch
from .forecast_page import ForecastPage
from .labels import form_title, state_label
from .layout_page import LayoutPage
from .lazy_page import LazyPage
from .lock_screen import DeskLock, IdleWatch
from .login_dialog import LoginDialog
from .occupants_page import OccupantsPage
from .permissions_ui import explain_disabled
from .print_preview import show_pdf
from .reports_page import ReportsPage
from .requests_page import RequestsPage
from .room_board import BoardModel, RoomBoardView
from .room_dialog import RoomDialog
from .rounds_page import RoundsPage
from .rule_sets_page import RuleSetsPage
from .scanner import ScanListener
from .settings_page import SettingsPage
from .staff_page import StaffPage
from .supplies_page import SuppliesPage
from .swabs_page import SwabsPage
from .tasks import Job, Task
from .today_page import TodayPage
from .users_page import UsersPage

POLL_MS = 3000  # how soon a desk sees another desk's change
START_BACKUP_DELAY_MS = 2000  # the start's backup, after the first paint: a big site's copy takes seconds
log = logging.getLogger("isodesk")
START_PAGES = {Role.MEDICAL: "rounds"}  # where a role starts before it has a page of its own; else Today


def start_page(role: Role) -> str:
    return START_PAGES.get(role, "today")


def warm_up(sessions: Any) -> None:
    """The board's questions asked once while the login dialog waits for the password: their SQL compiled and
    the rooms' pages read, so the window after Enter does not wait for either. Nothing is kept or shown; a
    failure is left to the window's own load to report."""
    from models import clock

    try:
        with sessions() as s:
            change_marker(s)
            get_site(s)
            board_rooms(s, clock.now().date())
    except Exception:  # a new database without a site, or one that does not answer: the window says so
        log.debug("the board's warm-up did not run", exc_info=True)


def page_key(user_id: int) -> str:
    """Each user's last page, restored at their next sign-in on this desk."""
    return f"main/page/{user_id}"


def masked_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def render(*args: Any, **kwargs: Any) -> bytes:
    """printing.documents.render, imported at the first print: ReportLab and openpyxl are not needed to start."""
    from printing.documents import render as build

    return build(*args, **kwargs)


class MainWindow(QMainWindow):
    replaced = Signal(object)  # the next user's window, after a switch of user (this one is closed)

    def __init__(self, ctx: AppContext) -> None:
        """``ctx`` carries the authenticated user: there is no main window without a login."""
        super().__init__()
        self.ctx = ctx
        self.engine = engine = ctx.engine
        self.sessions = ctx.sessions
        self.actor = ctx.user
        self.setWindowTitle(self.tr("IsoDesk — isolation point desk"))
        self.model = BoardModel(self)
        self.board = RoomBoardView(self)
        self.board.setModel(self.model)

        self.building = QComboBox(self)
        self.floor = QComboBox(self)
        self.floor.setMinimumContentsLength(6)
        self._floors: list[tuple[int, int, str]] = []  # building id, floor id, label
        self.state = QComboBox(self)
        self.state.addItem(self.tr("All states"), None)
        for st in RoomState:
            self.state.addItem(state_label(st), st)
        self.state.addItem(self.tr("Fever alert"), "fever")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Building")))
        bar.addWidget(self.building)
        bar.addWidget(QLabel(self.tr("Floor")))
        bar.addWidget(self.floor)
        bar.addWidget(QLabel(self.tr("State")))
        bar.addWidget(self.state)
        bar.addStretch(1)
        bar.addWidget(self.board.legend)  # what each tile colour means
        self.stack = QStackedWidget(self)  # the pages' parent from the start: re-parenting restyles each widget
        board_page = QWidget(self.stack)
        board_layout = QVBoxLayout(board_page)
        board_layout.addLayout(bar)
        board_layout.addWidget(self.board)
        self.occupants = OccupantsPage(ctx, self.stack)
        self.rounds_page = RoundsPage(ctx, self.stack)
        self.today_page = TodayPage(ctx, self.stack)
        self.today_page.open_stay.connect(self.open_stay)
        self.today_page.open_room.connect(self.open_room)
        self.today_page.open_page.connect(self.show_page)
        self.today_page.open_request.connect(self.open_request)
        self.today_page.changed.connect(self.reload)
        self.today_page.print_release_notices.connect(
            lambda ids, dialog: self.print_form("release-notices", ids, parent=dialog)
        )
        # the other pages are made when first shown (views/lazy_page.py), their signals connected then
        self._lazy: dict[str, LazyPage[Any]] = {
            key: LazyPage(make, self.stack)
            for key, make in (
                ("settings", self._make_settings),
                ("users", lambda parent: UsersPage(ctx, parent)),
                ("swabs", lambda parent: SwabsPage(ctx, parent)),
                ("audit", lambda parent: AuditPage(ctx, parent)),
                ("layout", self._make_layout),
                ("rulesets", self._make_rule_sets),
                ("reports", lambda parent: ReportsPage(ctx, parent)),
                ("forecast", self._make_forecast),
                ("requests", self._make_requests),
                ("supplies", self._make_supplies),
                ("staff", self._make_staff),
            )
        }
        self.occupants.print_requested.connect(lambda form, stay_id: self.print_form(form, [stay_id]))
        self.rounds_page.print_requested.connect(lambda floor_id: self.print_form("daily-sheets", floor_id=floor_id))
        self.nav = QListWidget(self)
        for key, label, page in (
            ("today", self.tr("Today"), self.today_page),
            ("board", self.tr("Room board"), board_page),
            ("occupants", self.tr("Occupants"), self.occupants),
            ("rounds", self.tr("Rounds"), self.rounds_page),
            ("swabs", self.tr("Swabs"), self._lazy["swabs"]),
            ("reports", self.tr("Reports"), self._lazy["reports"]),
            ("forecast", self.tr("Room forecast"), self._lazy["forecast"]),
            ("requests", self.tr("Requests"), self._lazy["requests"]),
            ("supplies", self.tr("Supplies"), self._lazy["supplies"]),
            ("staff", self.tr("Staff"), self._lazy["staff"]),
            ("settings", self.tr("Settings"), self._lazy["settings"]),
            ("users", self.tr("Users"), self._lazy["users"]),
            ("audit", self.tr("Audit trail"), self._lazy["audit"]),
            ("layout", self.tr("Site layout"), self._lazy["layout"]),
            ("rulesets", self.tr("Rule sets"), self._lazy["rulesets"]),
        ):
            if key in ("audit", "layout", "rulesets") and self.actor.role is not Role.ADMIN:
                page.hide()  # the site lead's screen
                continue
            item = QListWidgetItem(label, self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.stack.addWidget(page)
        self.nav.setFixedWidth(150)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        self.setCentralWidget(central)
        # other desks' changes: poll the change counter every few seconds (in a worker), reload when it moved;
        # when the database does not answer: banner, no writes, retry. Made while the central widget is still
        # empty: the watch wraps it (its banner above), and re-parenting every page under a style sheet again
        # costs a third of a second
        self.connection = ConnectionWatch(
            self, self.read_changes, self.reload, answered=self.apply_changes, tasks=ctx.tasks,
            sessions=lambda: self.sessions,
        )  # fmt: skip
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        from ui.theme import fit_combo_boxes

        fit_combo_boxes(self)  # every drop-down of every screen as wide as its items, whenever they come
        for i in range(min(self.nav.count(), 10)):  # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth page
            key = f"Ctrl+{(i + 1) % 10}"
            QShortcut(QKeySequence(key), self, activated=lambda row=i: self.nav.setCurrentRow(row))

        self.counts = QLabel(self)
        self.statusBar().addPermanentWidget(self.counts)
        self.statusBar().showMessage(self.tr("Database: {0}").format(masked_url(engine)))
        self.building.currentIndexChanged.connect(self._building_changed)
        self.floor.currentIndexChanged.connect(self._filter)
        self.state.currentIndexChanged.connect(self._filter)
        self.reload()
        self._restore()
        self.occupants.changed.connect(self.reload)
        self.user_button = QToolButton(self)  # who is signed in; a click: log out, lock the screen
        self.user_button.setText(self.tr("User: {0}").format(self.actor.username))
        self.user_button.setAutoRaise(True)
        self.user_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.statusBar().addPermanentWidget(self.user_button)
        new_arrival = QAction(self.tr("New arrival"), self)
        new_arrival.setShortcut(QKeySequence("Ctrl+N"))
        new_arrival.triggered.connect(lambda: self.new_arrival())  # noqa: PLW0108 (triggered passes a bool)
        toolbar = self.addToolBar(self.tr("Actions"))
        toolbar.setObjectName("actions")
        toolbar.addAction(new_arrival)
        batch = QAction(self.tr("Batch arrival"), self)
        batch.setShortcut(QKeySequence("Ctrl+B"))
        batch.triggered.connect(lambda: self.batch_arrival())  # noqa: PLW0108 (triggered passes a bool)
        toolbar.addAction(batch)
        explain_disabled([new_arrival, batch], self.actor.role, "arrivals")  # the domain refuses anyway
        self.scanner = ScanListener(self, monotonic=ctx.monotonic)
        QApplication.instance().installEventFilter(self.scanner)  # type: ignore[union-attr]
        self.scanner.stay_scanned.connect(self.open_stay)
        self.board.room_activated.connect(self.open_room)
        self.timer = QTimer(self)  # the change poll (self.connection)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.connection.poll)
        self._shifts()
        self.help_menu = HelpMenu(self)  # About (version, log file), the log folder
        self.timer.start()
        # backups: at start (run_gui, once the window is painted: back_up_soon), every N hours and at exit
        self._backup: Task | None = None  # the background backup running, if any
        self.start_backup_timer = QTimer(self)
        self.start_backup_timer.setSingleShot(True)
        self.start_backup_timer.timeout.connect(self.back_up)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(backup_hours(ctx.settings) * 3600 * 1000)
        self.backup_timer.timeout.connect(self.back_up)
        if is_file_database(engine):
            self.backup_timer.start()

    # --- the pages made when first shown -------------------------------------------------------------------
    def _make_settings(self, parent: QWidget) -> SettingsPage:
        page = SettingsPage(self.ctx, masked_url(self.engine), parent)
        page.lock_minutes_changed.connect(self.idle.set_minutes)
        page.threshold_changed.connect(lambda _v: self.reload())
        if page.backups is not None:  # an admin's panel
            page.backups.pause_database = self.pause_database_use
        return page

    def _make_layout(self, parent: QWidget) -> LayoutPage:
        page = LayoutPage(self.ctx, parent)
        page.changed.connect(self._layout_changed)
        return page

    def _make_rule_sets(self, parent: QWidget) -> RuleSetsPage:
        page = RuleSetsPage(self.ctx, parent)
        page.changed.connect(self.reload)
        return page

    def _make_forecast(self, parent: QWidget) -> ForecastPage:
        page = ForecastPage(self.ctx, parent)
        page.print_requested.connect(lambda: self.print_form("forecast"))
        page.check_in.connect(self._check_in_planned)
        return page

    def _make_requests(self, parent: QWidget) -> RequestsPage:
        page = RequestsPage(self.ctx, parent)
        page.print_requested.connect(lambda floor_id: self.print_form("care-requests", floor_id=floor_id))
        return page

    def _make_supplies(self, parent: QWidget) -> SuppliesPage:
        page = SuppliesPage(self.ctx, parent)
        page.print_requested.connect(lambda: self.print_form("supplies"))
        return page

    def _make_staff(self, parent: QWidget) -> StaffPage:
        page = StaffPage(self.ctx, parent)
        page.print_requested.connect(lambda monday: self.print_form("roster", day=monday))
        return page

    @property
    def settings_page(self) -> SettingsPage:
        return self._lazy["settings"].page()

    @property
    def users_page(self) -> UsersPage:
        return self._lazy["users"].page()

    @property
    def swabs_page(self) -> SwabsPage:
        return self._lazy["swabs"].page()

    @property
    def audit_page(self) -> AuditPage:
        return self._lazy["audit"].page()

    @property
    def layout_page(self) -> LayoutPage:
        return self._lazy["layout"].page()

    @property
    def rule_sets_page(self) -> RuleSetsPage:
        return self._lazy["rulesets"].page()

    @property
    def reports_page(self) -> ReportsPage:
        return self._lazy["reports"].page()

    @property
    def forecast_page(self) -> ForecastPage:
        return self._lazy["forecast"].page()

    @property
    def requests_page(self) -> RequestsPage:
        return self._lazy["requests"].page()

    @property
    def supplies_page(self) -> SuppliesPage:
        return self._lazy["supplies"].page()

    @property
    def staff_page(self) -> StaffPage:
        return self._lazy["staff"].page()

    @staticmethod
    def read_changes(job: Job) -> object:
        """The poll's read, in a worker thread with the job's own session: the change marker."""
        return change_marker(job.session)

    def apply_changes(self, marker: object) -> bool:
        """On the GUI thread: reload if another desk (or this one) changed something (``marker``, from
        :meth:`read_changes`), or the day turned. True if reloaded."""
        if marker == self._marker and self.ctx.today() == self.model.today:
            return False
        self.reload()
        return True

    def poll_changes(self) -> bool:
        """One poll now, on the calling thread (the timer's go through :attr:`connection`, off the GUI
        thread). True if reloaded."""
        with self.sessions() as s:
            marker = change_marker(s)
        return self.apply_changes(marker)

    def pause_database_use(self) -> DatabasePause:
        """Stop everything of the window that reads the database by itself — the change poll, the backup
        schedule, the pages' search timers, the scanner's jumps to a person — for the restore, which
        replaces the database under the engine. ``resume()`` starts again what was running (a failed
        restore); after a restore that worked the app restarts instead. ``wait_idle`` (in the restore's
        worker) waits for a poll already under way to end."""
        timers = [self.timer, self.backup_timer, self.start_backup_timer, self.occupants.timer]
        if self._lazy["audit"].built:  # its search timer, if the page was ever made
            timers.append(self.audit_page.timer)
        running = [t for t in timers if t.isActive()]
        for t in running:
            t.stop()
        self.connection.pause()
        self.scanner.blockSignals(True)
        resumed: list[bool] = []

        def resume() -> None:
            if resumed or not shiboken6.isValid(self):
                return
            resumed.append(True)
            self.scanner.blockSignals(False)
            self.connection.resume()
            for t in running:
                t.start()

        return DatabasePause(resume=resume, wait_idle=self.connection.wait_idle)

    def reload(self) -> None:
        today = self.ctx.today()
        if today != self.model.today:  # the window opens, or the day turned: out-of-service periods over end
            try:
                with self.sessions() as s:  # by the system (audited): it keeps the end date the desk set
                    ended = end_expired_out_of_service(s, None, today)
                if ended:
                    log.info("out of service ended, back: %s", ", ".join(ended))
            except DomainError as e:  # another desk did it at the same moment: its rooms are back all the same
                log.info("out of service not ended here: %s", e.en)
        with self.sessions() as s:
            self._marker = change_marker(s)
            site = get_site(s)
            rooms = board_rooms(s, today)
            self.site_name = site.name
        self.model.set_rooms(rooms, today)
        self.occupants.refresh_when_shown()  # a page not shown reads again when it is
        if self.today_page.isVisible():  # the page shown follows too (40 arrivals are today's arrivals at once)
            self.today_page.refresh()
        if self.building.count() == 0:
            self.building.addItem(self.tr("All buildings"), None)
            seen: dict[int, str] = {}
            for r in rooms:
                seen.setdefault(r.building_id, r.building)
            for bid, name in seen.items():
                self.building.addItem(name, bid)
            floors: dict[int, tuple[int, int, str]] = {}
            for r in rooms:
                floors.setdefault(r.floor_id, (r.building_id, r.floor_id, r.floor))
            self._floors = list(floors.values())
            self._building_changed()
        self.setWindowTitle(f"{self.site_name} — " + self.tr("IsoDesk"))
        self._update_counts()

    def new_arrival(self, room_id: int | None = None) -> None:
        dialog = ArrivalDialog(self.ctx, self, room_id=room_id)
        if dialog.exec() and dialog.stay is not None:
            self.reload()
            name = dialog.arrival_input().name
            self.statusBar().showMessage(self.tr("Checked in: {0}").format(name), 8000)
            answer = QMessageBox.question(
                self,
                self.tr("Print"),
                self.tr("{0} is checked in. Print the registration form and the notice now?").format(name),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.print_form("arrival-pack", [dialog.stay.id])

    def print_form(
        self,
        form: str,
        stay_ids: list[int] | None = None,
        floor_id: int | None = None,
        *,
        title: str = "",
        parent: QWidget | None = None,
        day: date | None = None,
    ) -> Task:
        """Build a form in the background (progress, Cancel: every floor's sheets take a while on a big site),
        then open the print preview (Print / Save as PDF, titled ``title``) on the GUI thread, over ``parent``
        (default: this window); of ``day`` (default today)."""
        lang, who, now = self.ctx.language, self.ctx.user_name, self.ctx.now()
        day = day or self.model.today
        actor = self.ctx.user
        ids = list(stay_ids) if stay_ids else None

        def job(job: Job) -> bytes:  # in a worker thread, with its own session
            return render(
                job.session, form, day, actor=actor, stay_ids=ids, floor_id=floor_id, lang=lang, printed_by=who,
                now=now, progress=job.progress,
            )  # fmt: skip

        tasks = self.ctx.tasks
        return tasks.run(
            job,
            sessions=self.sessions,
            on_done=lambda pdf: show_pdf(parent or self, pdf, title or form_title(form)),
            on_error=tasks.error_to(self._status, self.ctx.language),
            on_cancelled=lambda: self._status(self.tr("Printing cancelled")),
            label=self.tr("Preparing the document…"),
            parent=parent or self,
            cancellable=True,
        )

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def batch_arrival(self, planned_batch_id: int | None = None, path: Path | None = None) -> BatchDialog:
        """The bus: list, confirmation, check-in, then the batch's paper from the summary (one print job).
        ``planned_batch_id``: the announced batch checked in from its list (``path``, read at once)."""
        dialog = BatchDialog(self.ctx, self, planned_batch_id=planned_batch_id)
        dialog.print_batch.connect(lambda ids: self.print_form("arrival-batch", ids, parent=dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._batch_done(dialog))
        dialog.open()  # window-modal, and the event loop goes on: its print preview opens over it
        if path is not None:
            dialog.load(path)
        return dialog

    def _check_in_planned(self, batch_id: int, path: str) -> BatchDialog:
        """A planned batch checked in from the list sent ahead with it, which the forecast page wrote to a folder
        of its own: that folder (the list's names and ID numbers) goes when the dialog closes."""
        dialog = self.batch_arrival(batch_id, Path(path))
        dialog.finished.connect(lambda _result: shutil.rmtree(Path(path).parent, ignore_errors=True))
        return dialog

    def _batch_done(self, dialog: BatchDialog) -> None:
        if dialog.stays:
            self.reload()
            if dialog.planned_batch_id is not None and self._lazy["forecast"].built:
                self.forecast_page.refresh()
            self.statusBar().showMessage(self.tr("Checked in: %n people", "", len(dialog.stays)), 8000)

    def back_up(self) -> Task:
        """The backup at start and every N hours, in the background: the desk works on meanwhile, the
        status bar says how it went. One at a time."""
        if self._backup is not None and not self._backup.done:
            return self._backup

        def done(path: object) -> None:
            if path is not None:
                self.statusBar().showMessage(self.tr("Backed up to {0}").format(path), 8000)

        tasks = self.ctx.tasks
        self._backup = tasks.run(
            backup_job(self.engine, self.ctx.settings),
            on_done=done,
            on_error=tasks.error_to(self.statusBar().showMessage, self.ctx.language, self.tr("Backup failed: {0}")),
        )
        return self._backup

    def back_up_soon(self, delay_ms: int = START_BACKUP_DELAY_MS) -> None:
        """The backup at start, once the window has been painted and the desk can work: started by a timer
        (a restore stops it, as it stops the schedule), then in the background as :meth:`back_up`."""
        if is_file_database(self.engine):
            self.start_backup_timer.start(delay_ms)

    def back_up_now(self) -> None:
        """The backup at exit, synchronous on purpose: the window is closing and the event loop ends right
        after, so a background copy could be cut off by the process exiting (or by the engine being
        disposed) and its outcome never shown; a copy takes seconds, the desk is leaving anyway."""
        try:
            path = run_backup(self.engine, self.ctx.settings)
        except (DomainError, OSError) as e:
            text = self.ctx.message(e) if isinstance(e, DomainError) else str(e)
            self.statusBar().showMessage(self.tr("Backup failed: {0}").format(text))
            return
        if path is not None:
            self.statusBar().showMessage(self.tr("Backed up to {0}").format(path), 8000)

    # --- shifts: several people at one desk ------------------------------------------------------------
    def _shifts(self) -> None:
        """Account menu (also under "User: …" in the status bar): log out / switch user, lock the screen;
        the idle lock after the desk's minutes without input (views/lock_screen.py)."""
        self._handing_over = False  # closing for the next user: no exit backup, the app goes on
        self.idle = IdleWatch(self, lock_minutes(self.ctx.settings))
        QApplication.instance().installEventFilter(self.idle)  # type: ignore[union-attr]
        self.desk_lock = DeskLock(
            self, self.ctx, poll=self.timer, scanner=self.scanner, idle=self.idle, reload=self.reload,
            switch_user=lambda: self.switch_user(cancel_quits=False),
        )  # fmt: skip
        self.idle.idle.connect(self.lock_screen)
        self.log_out_action = QAction(self.tr("Log out / switch user…"), self)
        self.log_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.log_out_action.triggered.connect(lambda: self.log_out())  # noqa: PLW0108 (triggered passes a bool)
        self.lock_action = QAction(self.tr("Lock the screen"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda: self.lock_screen())  # noqa: PLW0108
        self.menuBar().addMenu(self.tr("&Account")).addActions([self.log_out_action, self.lock_action])
        menu = QMenu(self.user_button)
        menu.addActions([self.log_out_action, self.lock_action])
        self.user_button.setMenu(menu)

    def lock_screen(self) -> None:
        """Cover the window and its dialogs until the same user's password (or another user signs in)."""
        self.desk_lock.lock()

    def log_out(self) -> MainWindow | None:
        """Account › Log out / switch user. Cancel at the login that follows closes IsoDesk, as Cancel at
        the start does: the desk is left signed out (the exit backup runs as at any exit)."""
        return self.switch_user(cancel_quits=True)

    def switch_user(self, *, cancel_quits: bool = True) -> MainWindow | None:
        """The desk changes hands without quitting: this user's sign-out is recorded, the pages are
        covered, the login asks who comes next; their window opens on their own start page and this one
        closes. The new window, or None: cancelled (then IsoDesk closes, or — from the lock screen's
        "someone else" — the lock screen is back)."""
        if not self.desk_lock.locked:
            self.desk_lock.lock(form=False)  # nothing of the pages behind the login
        try:
            with self.sessions() as s:
                sign_out(s, self.actor)
        except (DomainError, *UNREACHABLE) as exc:  # disabled meanwhile, the database away: leave anyway
            log.warning("sign-out of %s not recorded: %s", self.actor.username, exc)
        login = LoginDialog(self.sessions, self.ctx.language, self)
        self.desk_lock.allow(login)
        accepted = bool(login.exec()) and login.user is not None
        user = login.user
        login.deleteLater()
        if not accepted or user is None:
            if cancel_quits:
                self.close()
            else:
                self.desk_lock.show_form()
            return None
        return self.hand_over(user)

    def hand_over(self, user: User) -> MainWindow:
        """Close this window for ``user`` (signed in already) and open theirs: same database, settings and
        task runner; this window's background tasks end first (closeEvent), its open dialogs are closed
        (what was typed in them was the previous user's), no exit backup, a backup as at a start."""
        for dialog in self._open_dialogs():
            dialog.reject()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        quits = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # between the two windows there is none
        try:
            self._handing_over = True
            self.close()
            window = MainWindow(self.ctx.with_user(user))
            window.show()
        except BaseException:
            app.quit()  # no window to go on with: leave in order (run_gui's shutdown)
            raise
        finally:
            app.setQuitOnLastWindowClosed(quits)
        log.info("desk handed over: %s -> %s", self.actor.username, user.username)
        self.replaced.emit(window)
        self._delete_when_unwound()
        window.back_up()
        return window

    def _open_dialogs(self) -> list[QDialog]:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        mine = []
        for w in app.topLevelWidgets():
            parent = w.parentWidget()
            while parent is not None and parent is not self:
                parent = parent.parentWidget()
            if isinstance(w, QDialog) and w.isVisible() and parent is self:
                mine.append(w)
        return mine

    def _delete_when_unwound(self) -> None:
        """Deleted once no event loop run for it (a dialog's or a menu's exec) is on the stack any more:
        its closed dialogs return from exec first."""
        if QThread.currentThread().loopLevel() <= 1:
            self.deleteLater()
        else:
            QTimer.singleShot(200, self._delete_when_unwound)

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
        if self.stack.currentWidget() is self.occupants and not self.occupants.isVisible():
            self.occupants.load_if_stale()  # the window not shown (yet): the page it is on has its list all the same

    def open_request(self, request_id: int) -> None:
        """An occupant's request from Today: the requests page, with it selected."""
        self.show_page("requests")
        self.requests_page.select_request(request_id)

    def open_stay(self, stay_id: int) -> None:
        """A scanned sheet row or door card: show that person."""
        self.show_page("occupants")
        self.occupants.select_stay(stay_id)

    def open_room(self, room_id: int) -> None:
        """Double-click or Enter on a tile: the room, its history and actions."""
        room = self.model.room_by_id(room_id)
        if room is None:
            return
        dialog = RoomDialog(self.ctx, room, self)
        dialog.exec()
        if dialog.check_in_requested:
            self.new_arrival(room_id)
        elif dialog.changed:
            self.reload()

    def _layout_changed(self) -> None:
        """Rooms added, changed or retired: the board's building and floor lists are made again with it."""
        self.building.clear()
        self.reload()

    def _building_changed(self) -> None:
        """The floor list follows the building: "all floors" plus that building's floors."""
        building_id = self.building.currentData()
        self.floor.blockSignals(True)
        self.floor.clear()
        self.floor.addItem(self.tr("All floors"), None)
        for bid, fid, label in self._floors:
            if building_id is not None and bid == building_id:
                self.floor.addItem(label, fid)
        self.floor.setEnabled(building_id is not None)
        self.floor.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        self.model.set_filter(self.building.currentData(), self.floor.currentData(), self.state.currentData())
        self._update_counts()

    def _update_counts(self) -> None:
        c = self.model.site_counts()
        present = self.model.present_count()
        self.counts.setText(
            self.tr(
                "Rooms {0} · occupied {1} · available {2} · disinfection {3} · "
                "out of service {4} · people {5} · fever {6}"
            ).format(
                sum(c.values()),
                c.get(RoomState.OCCUPIED, 0),
                c.get(RoomState.AVAILABLE, 0),
                c.get(RoomState.AWAITING_DISINFECTION, 0),
                c.get(RoomState.OUT_OF_SERVICE, 0),
                present,
                self.model.fever_rooms(),
            )
        )

    def _restore(self) -> None:
        settings = self.ctx.settings
        self.show_page(str(settings.value(page_key(self.actor.id), start_page(self.actor.role))))
        if self.nav.currentRow() < 0:  # a page the role no longer has
            self.show_page(start_page(self.actor.role))
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        settings = self.ctx.settings
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue(page_key(self.actor.id), self.nav.currentItem().data(Qt.ItemDataRole.UserRole))
        for watch in (self.scanner, self.idle, self.desk_lock):
            QApplication.instance().removeEventFilter(watch)  # type: ignore[union-attr]
        self.idle.stop()
        self.timer.stop()  # a closed window must not keep reading the database
        tasks = self.ctx.tasks
        tasks.cancel_all()  # prints and exports stop at their next step; writes run to their end
        tasks.wait(60_000)  # no background backup or import still running under the exit backup
        if self.backup_timer.isActive():
            self.backup_timer.stop()
            if not self._handing_over:  # a switch of user: the app goes on, the next window backs up
                self.back_up_now()
        super().closeEvent(event)
