"""Backups in the app: folder, interval, back up now, restore a chosen backup (then restart).

The schedule (on start, every N hours, on exit) lives in the main window; this panel is where the
admin sets it and acts by hand. PostgreSQL sites are backed up on the server: the panel says so.
The list shows the copies in the folder as they are: it is read again after a copy, when the panel is
shown, when the folder changes (another desk's backup, a rotation) and before a restore.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QSettings, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)
from sqlalchemy.engine import Engine

from models.errors import DomainError
from models.services.desk_settings import change_desk_setting
from models.services.maintenance import restore_backup
from models.store.backup import (
    BackupCopy,
    backup_now,
    copy_before,
    default_backup_dir,
    is_file_database,
    list_backups,
    rotate,
)

from .context import AppContext
from .restart import restart as start_again
from .tasks import Job, Task

POLL_WAIT_S = 60.0  # how long a restore waits for a change poll under way (a SQLite read: milliseconds)


@dataclass(frozen=True)
class DatabasePause:
    """What the main window stopped for a restore (``MainWindow.pause_database_use``): ``resume()`` starts
    it again (on the GUI thread); ``wait_idle(seconds)``, in the restore's worker, waits until a poll that
    was already under way has ended."""

    resume: Callable[[], None]
    wait_idle: Callable[[float], bool]


def backup_dir(engine: Engine, settings: QSettings) -> Path:
    chosen = settings.value("backup/dir", "")
    return Path(str(chosen)) if chosen else default_backup_dir(engine)


def backup_hours(settings: QSettings) -> int:
    return int(settings.value("backup/hours", 4, type=int))


def backup_job(engine: Engine, settings: QSettings) -> Callable[[Job], Path | None]:
    """The backup (copy, then rotation) as a background job; None for a PostgreSQL site. The folder is read
    here, on the GUI thread: QSettings and widgets stay there, the worker only copies files."""
    if not is_file_database(engine):
        return lambda _job: None
    folder = backup_dir(engine, settings)

    def job(_job: Job) -> Path:
        path = backup_now(engine, folder)
        rotate(folder)
        return path

    return job


def copy_before_job(engine: Engine, settings: QSettings, reason: str) -> Callable[[Job | None], Path | None]:
    """The copy right before a batch import (``reason="import"``) or a restore (``"restore"``), named for it,
    into the admin's backup folder: call this on the GUI thread (it reads the folder from QSettings), then
    the function it returns in the worker, before the first write. That function returns the copy's path,
    or None (nothing done) on a PostgreSQL site; it raises DomainError/OSError when no copy could be made
    (a damaged database, a folder that cannot be written): then do not go on."""
    if not is_file_database(engine):
        return lambda _job=None: None
    folder = backup_dir(engine, settings)
    return lambda _job=None: copy_before(engine, folder, reason)


def run_backup(engine: Engine, settings: QSettings) -> Path | None:
    """Back up and rotate now; None for a PostgreSQL site. Raises DomainError/OSError on failure."""
    if not is_file_database(engine):
        return None
    folder = backup_dir(engine, settings)
    path = backup_now(engine, folder)
    rotate(folder)
    return path


class BackupPanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Backups"))
        self.ctx = ctx
        self.engine = engine = ctx.engine
        self.settings = ctx.settings
        # set by the main window: stops its own database reads (poll, timers) while a restore runs
        self.pause_database: Callable[[], DatabasePause] | None = None
        form = QFormLayout(self)
        if not is_file_database(engine):
            form.addRow(QLabel(self.tr("This site uses PostgreSQL: back it up on the server (pg_dump)."), self))
            self.folder = None
            return
        self.folder = QLineEdit(str(backup_dir(engine, self.settings)), self)
        self.folder.setReadOnly(True)
        choose = QPushButton(self.tr("Choose…"), self)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Folder"), row)
        self.hours = QSpinBox(self)
        self.hours.setRange(1, 24)
        self.hours.setValue(backup_hours(self.settings))
        self.hours.setSuffix(self.tr(" h"))
        form.addRow(self.tr("Every"), self.hours)
        kept = self.tr(
            "Also at start and at exit. Kept: every copy of the last 48 hours and the newest 10, "
            "then the newest of each of the last 7 days and of the last 4 weeks."
        )
        note = QLabel(kept, self)
        note.setWordWrap(True)
        form.addRow("", note)
        self.now_button = QPushButton(self.tr("Back up now"), self)
        form.addRow("", self.now_button)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(160)
        form.addRow(self.tr("Copies"), self.list)
        self.restore_button = QPushButton(self.tr("Restore the selected copy…"), self)
        form.addRow("", self.restore_button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form.addRow("", self.message)
        choose.clicked.connect(self._choose)
        self.hours.valueChanged.connect(lambda v: self._setting("backup/hours", v))
        self.now_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self._restore_clicked)
        # the folder's changes (a scheduled backup's rotation, another desk's copy): the list follows them
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self.refresh())
        self.refresh()

    def reason_label(self, reason: str | None) -> str:
        labels = {"import": self.tr("before import"), "restore": self.tr("before restore")}
        return labels.get(reason or "", "")

    def row_text(self, copy: BackupCopy) -> str:
        """When (the site's wall clock), and what a named copy was taken before."""
        when = copy.when.astimezone(self.ctx.zone).strftime("%Y-%m-%d %H:%M:%S")
        label = self.reason_label(copy.reason)
        return f"{when}  {label}" if label else when

    def refresh(self) -> None:
        """The copies in the folder now: only files that exist, newest first; the selected one stays so."""
        if self.folder is None:
            return
        folder = backup_dir(self.engine, self.settings)
        self._watch(folder)
        item = self.list.currentItem()
        selected = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.list.clear()
        for copy in list_backups(folder) if folder.is_dir() else []:
            item = QListWidgetItem(self.row_text(copy), self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(copy.path))
            item.setToolTip(copy.path.name)
            if str(copy.path) == selected:
                self.list.setCurrentItem(item)
        self.restore_button.setEnabled(self.list.count() > 0 and self.now_button.isEnabled())

    def _watch(self, folder: Path) -> None:
        """Watch the backup folder (only once it exists: Qt warns about a missing path), and no other."""
        wanted = [str(folder)] if folder.is_dir() else []
        stale = [d for d in self.watcher.directories() if d not in wanted]
        if stale:
            self.watcher.removePaths(stale)
        if wanted and wanted[0] not in self.watcher.directories():
            self.watcher.addPath(wanted[0])

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.refresh()  # the scheduled backups may have added and rotated copies since it was last shown
        super().showEvent(event)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), str(backup_dir(self.engine, self.settings))
        )
        if folder:
            self.set_folder(Path(folder))

    def _setting(self, key: str, value: object) -> bool:
        """An admin's change of a backup setting, through the domain (checked, recorded)."""
        try:
            with self.ctx.sessions() as s:
                change_desk_setting(s, self.ctx.user, self.settings, key, value)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return False
        return True

    def set_folder(self, folder: Path) -> None:
        if not self._setting("backup/dir", str(folder)):
            return
        assert self.folder is not None
        self.folder.setText(str(folder))
        self.refresh()

    def _set_busy(self, busy: bool) -> None:
        self.now_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and self.list.count() > 0)

    def back_up(self) -> Task:
        """Back up now, in the background (the copy of a big site takes a while); "Saved …" when done."""

        def done(path: Path | None) -> None:
            self.message.setText(self.tr("Saved {0}").format(path))
            self.refresh()

        tasks = self.ctx.tasks
        self.message.clear()
        self._set_busy(True)
        return tasks.run(
            backup_job(self.engine, self.settings),
            on_done=done,
            on_error=tasks.error_to(self.message, self.ctx.language, self.tr("Backup failed: {0}")),
            on_finished=lambda: self._set_busy(False),
            label=self.tr("Backing up…"),
            parent=self,
        )

    def _selected_still_there(self) -> bool:
        """The selected copy is still in the folder; if not (rotated away, deleted), the list is read again
        and says so."""
        item = self.list.currentItem()
        if item is None:
            self.message.setText(self.tr("Choose a copy in the list first."))
            return False
        if Path(item.data(Qt.ItemDataRole.UserRole)).is_file():
            return True
        gone = item.text()
        self.refresh()  # the item goes with the list's old rows
        self.message.setText(
            self.tr(
                "The copy of {0} is no longer in the folder (rotated away or deleted); the list is up to date."
            ).format(gone)
        )
        return False

    def _restore_clicked(self) -> None:
        if not self._selected_still_there():
            return
        item = self.list.currentItem()
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace the database with the copy of {0}? Changes made since then are set aside "
                "(the current database is saved first). IsoDesk restarts afterwards."
            ).format(item.text()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_selected()

    def restore_selected(self, restart: bool = True) -> Task | None:
        """Restore the selected copy in the background (checks, safety copy, copy, upgrade), behind a
        window-modal progress dialog (shown, not exec'd: the event loop runs, the desk cannot edit
        meanwhile); then restart. Not cancellable: a restore half done is worse than one finished.

        The restore disposes of the engine and copies over the file: the main window's own reads (the
        change poll, its timers) stop before it starts (:attr:`pause_database`) and stay stopped until
        the restart; they start again if the restore fails (or when there is no restart)."""
        if not self._selected_still_there():
            return None
        item = self.list.currentItem()
        source, engine, actor = Path(item.data(Qt.ItemDataRole.UserRole)), self.engine, self.ctx.user
        safety_dir = backup_dir(engine, self.settings)
        paused = self.pause_database() if self.pause_database is not None else None
        restarting: list[bool] = []

        def job(_job: Job) -> Path:  # in a worker thread
            if paused is not None:
                paused.wait_idle(POLL_WAIT_S)  # a poll that started before the pause reads no more
            return restore_backup(engine, actor, source, safety_dir=safety_dir)  # an admin's, checked there

        def done(safety: Path | None) -> None:
            self.refresh()  # the copy before the restore is in the list
            self.message.setText(self.tr("Restored. The replaced database is kept as {0}").format(safety or "—"))
            if restart and start_again():
                restarting.append(True)  # the window's reads stay stopped: it closes now

        def finished() -> None:
            self._set_busy(False)
            if paused is not None and not restarting:
                paused.resume()

        tasks = self.ctx.tasks
        self.message.clear()
        self._set_busy(True)
        return tasks.run(
            job,
            on_done=done,
            on_error=tasks.error_to(self.message, self.ctx.language, self.tr("Restore refused: {0}")),
            on_finished=finished,
            label=self.tr("Restoring…"),
            parent=self,
            modal=True,
        )
