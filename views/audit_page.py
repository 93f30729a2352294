"""The audit trail: who changed what, when, before and after; filter by person, room, user, date; export."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from models.reads.audit_log import (
    AuditFilter,
    AuditRow,
    AuditWords,
    count_audit,
    describe_changes,
    export_audit_xlsx,
    list_audit,
    shown_note,
)
from models.reads.handover import communities
from models.reads.lookups import categories, users
from models.services.sites import get_site

from .context import AppContext
from .labels import audit_words
from .tasks import Task

Index = QModelIndex | QPersistentModelIndex
PAGE = 200


class AuditModel(QAbstractTableModel):
    """Newest first, fetched a page at a time as the user scrolls."""

    def __init__(self, sessions: sessionmaker[Session], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.filter = AuditFilter()
        self.tz = "Asia/Shanghai"
        self.language = "zh_CN"
        self.rows: list[AuditRow] = []
        self.total = 0
        self.words: AuditWords = audit_words({})
        self.headers = [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Person"),
            self.tr("Room"),
            self.tr("Changes"),
        ]

    def reload(self, f: AuditFilter) -> None:
        self.beginResetModel()
        self.filter = f
        with self.sessions() as s:
            try:
                self.tz = get_site(s).timezone
            except LookupError:
                pass
            self.words = load_words(s, self.language)
            self.total = count_audit(s, f, self.tz)
            self.rows = list_audit(s, f, self.tz, 0, PAGE)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        with self.sessions() as s:
            more = list_audit(s, self.filter, self.tz, len(self.rows), PAGE)
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            from zoneinfo import ZoneInfo

            at = r.at.astimezone(ZoneInfo(self.tz)).strftime("%Y-%m-%d %H:%M:%S")
            action = self.words.action(r.action, r.entity)
            return (at, r.user, action, r.person, r.room, self.changes(r) or shown_note(r, self.words))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return f"{self.changes(r)}\n{shown_note(r, self.words)}".strip()
        return None

    def changes(self, r: AuditRow) -> str:
        return describe_changes(r, self.words, self.tz)


def load_words(session: Session, language: str) -> AuditWords:
    """The trail's words in the UI's language, the categories by their names in it."""
    named = {str(c.id): c.label for c in communities(session, with_retired=True)}  # community_id said by name
    return audit_words({c.code: c.label(language) for c in categories(session)}, named)


class AuditPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions = sessions = ctx.sessions
        self.model = AuditModel(sessions, self)
        self.model.language = ctx.language
        self.person = QLineEdit(self)
        self.person.setPlaceholderText(self.tr("Person: name or ID tail"))
        self.room = QLineEdit(self)
        self.room.setPlaceholderText(self.tr("Room"))
        self.room.setMaximumWidth(90)
        self.user = QComboBox(self)
        self.day_from = QDateEdit(self)
        self.day_to = QDateEdit(self)
        today = ctx.today()  # the site's day
        for edit, day in ((self.day_from, today - timedelta(days=7)), (self.day_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
        self.count = QLabel(self)
        self.export_button = QPushButton(self.tr("Export .xlsx…"), self)
        self.message = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        bar = QHBoxLayout()
        bar.addWidget(self.person, 2)
        bar.addWidget(self.room)
        bar.addWidget(QLabel(self.tr("User"), self))
        bar.addWidget(self.user)
        bar.addWidget(QLabel(self.tr("From"), self))
        bar.addWidget(self.day_from)
        bar.addWidget(QLabel(self.tr("to"), self))
        bar.addWidget(self.day_to)
        bar.addWidget(self.count)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.refresh)
        for edit in (self.person, self.room):
            edit.textChanged.connect(lambda _t: self.timer.start())
        for dedit in (self.day_from, self.day_to):
            dedit.dateChanged.connect(lambda _d: self.timer.start())
        self.user.currentIndexChanged.connect(lambda _i: self.timer.start())
        self.export_button.clicked.connect(self._export_clicked)
        self._load_users()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._load_users()
        self.refresh()  # the trail grows all the time: fresh whenever the page is shown
        super().showEvent(event)

    def _load_users(self) -> None:
        current = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("Everyone"), None)
        with self.sessions() as s:
            for u in users(s):
                self.user.addItem(u.username, u.id)
        self.user.setCurrentIndex(max(0, self.user.findData(current)))
        self.user.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            person=self.person.text(),
            room=self.room.text(),
            user_id=self.user.currentData(),
            day_from=self.day_from.date().toPython(),  # type: ignore[arg-type]
            day_to=self.day_to.date().toPython(),  # type: ignore[arg-type]
        )

    def refresh(self) -> None:
        self.model.reload(self.current_filter())
        self.count.setText(self.tr("%n entries", "", self.model.total))

    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"), "审计记录.xlsx", "*.xlsx")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Task:
        """Write the filtered trail to an .xlsx in the background (progress, Cancel); the count when done."""
        f, tz, lang = self.current_filter(), self.model.tz, self.ctx.language
        with self.sessions() as s:
            words = load_words(s, lang)  # built here: a background job asks no translator

        def done(n: int) -> None:
            self.message.setText(self.tr("%n entries written to {0}", "", n).format(path))

        tasks = self.ctx.tasks
        self.message.clear()
        self.export_button.setEnabled(False)
        return tasks.run(
            lambda job: export_audit_xlsx(job.session, f, path, tz, lang, words=words, progress=job.progress),
            sessions=self.sessions,
            on_done=done,
            on_error=tasks.error_to(self.message, lang),
            on_finished=lambda: self.export_button.setEnabled(True),
            label=self.tr("Exporting the audit trail…"),
            parent=self,
            cancellable=True,
        )
