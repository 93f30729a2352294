"""Release the ready ones (今日批量解除隔离), from the today screen: choose, confirm, release, print.

Three steps in one dialog, all by keyboard (Space ticks a person, Enter goes on, Esc goes back or closes):
1. the list: everyone due today (or overdue), the ready ones ticked, the others greyed out with the reason;
2. the confirmation: "解除隔离 N 人？" with their names and rooms;
3. the release (models/services/releases.py release_many: one transaction, all or nobody — one who is no
   longer ready, or was changed at another desk, stops it, the list is read again and says why), then the
   summary, with one button that prints all their release notices as ONE print job (``print_notices``: the
   main window builds ``release-notices`` for these stays and previews it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.permissions import allowed
from models.services.releases import DueRelease, due_today, release_many
from ui import palette

from .communities_dialog import HandoverFields
from .context import AppContext
from .labels import list_separator


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    return table


class ReleaseBatchDialog(QDialog):
    """``print_notices(stay_ids)``: the summary's print button, for the people released here."""

    print_notices = Signal(list)

    LIST, CONFIRM, SUMMARY = range(3)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions, self.actor, self.lang = ctx.sessions, ctx.user, ctx.language
        self.lines: list[DueRelease] = []
        self.chosen: list[DueRelease] = []
        self.released: list[DueRelease] = []
        self.setWindowTitle(self.tr("Release the ready ones"))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._list_page())
        self.pages.addWidget(self._confirm_page())
        self.pages.addWidget(self._summary_page())
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {palette.BAD_TEXT}")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        self.resize(860, 560)
        self.reload()
        self._go(self.LIST, self.next_button)
        self.table.setFocus()

    # --- the steps ---------------------------------------------------------------------------------
    def _step(self, title: QLabel, table: QTableWidget, buttons: list[QPushButton]) -> QWidget:
        page = QWidget(self.pages)
        title.setParent(page)
        title.setStyleSheet("font-size: 18pt; font-weight: bold")
        title.setWordWrap(True)
        table.setParent(page)
        row = QHBoxLayout()
        row.addStretch(1)
        for b in buttons:
            b.setParent(page)
            row.addWidget(b)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(table, 1)
        layout.addLayout(row)
        return page

    def _list_page(self) -> QWidget:
        self.list_title = QLabel()
        self.table = _table(self, [self.tr("Release"), self.tr("Room"), self.tr("Name"), self.tr("Why not")])
        self.table.itemChanged.connect(lambda _item: self._count())
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.next_button = QPushButton(self.tr("Release the ticked people…"))
        self.cancel_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self.ask_confirm)
        return self._step(self.list_title, self.table, [self.cancel_button, self.next_button])

    def _confirm_page(self) -> QWidget:
        self.confirm_title = QLabel()
        self.confirm_table = _table(self, [self.tr("Room"), self.tr("Name")])
        self.back_button = QPushButton(self.tr("Back to the list"))
        self.confirm_button = QPushButton(self.tr("Release them"))
        self.back_button.clicked.connect(self.back_to_list)
        self.confirm_button.clicked.connect(self.confirm)
        page = self._step(self.confirm_title, self.confirm_table, [self.back_button, self.confirm_button])
        # a bus home: one receiving community and one transport for all of them, each to their own address
        form = QFormLayout()
        self.handover = HandoverFields(self.ctx, form, page, None)
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)  # _step's
        layout.insertLayout(2, form)
        return page

    def _summary_page(self) -> QWidget:
        self.done_title = QLabel()
        self.done_table = _table(self, [self.tr("Room"), self.tr("Name")])
        self.finish_button = QPushButton(self.tr("Done"))
        self.print_button = QPushButton(self.tr("Print their release notices (one print job)"))
        self.print_button.setToolTip(self.tr("One print job, for the people released here only"))
        self.finish_button.clicked.connect(self.accept)
        self.print_button.clicked.connect(self.print_them)
        return self._step(self.done_title, self.done_table, [self.finish_button, self.print_button])

    def step(self) -> int:
        """Which step is shown: LIST, CONFIRM or SUMMARY."""
        return self.pages.currentIndex()

    def _go(self, page: int, default: QPushButton) -> None:
        self.pages.setCurrentIndex(page)
        for b in self.findChildren(QPushButton):
            b.setDefault(b is default)
            b.setAutoDefault(b is default)
        default.setFocus()

    # --- step 1: the list --------------------------------------------------------------------------
    def reload(self) -> None:
        """Read today's due releases again, each checked with the release's own rules; the ready ones ticked."""
        with self.sessions() as s:
            self.lines = due_today(s, self.ctx.today())
        sep = list_separator(self.lang)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.lines))
        for i, line in enumerate(self.lines):
            tick = QTableWidgetItem()
            if line.ready:
                tick.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                )
                tick.setCheckState(Qt.CheckState.Checked)
            else:  # not offered: unticked, greyed out, the reason beside it
                tick.setFlags(Qt.ItemFlag.ItemIsSelectable)
                tick.setCheckState(Qt.CheckState.Unchecked)
            tick.setData(Qt.ItemDataRole.UserRole, line.stay_id)
            self.table.setItem(i, 0, tick)
            for col, text in enumerate((line.room, line.name, line.why_not(self.lang, sep)), start=1):
                item = QTableWidgetItem(text)
                if not line.ready:
                    item.setForeground(QColor(palette.BAD_TEXT))
                self.table.setItem(i, col, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        first = next((i for i, line in enumerate(self.lines) if line.ready), 0)
        if self.lines:
            self.table.setCurrentCell(first, 0)
        self._count()

    def ticked(self) -> list[DueRelease]:
        """The people ticked in the list (only the ready ones can be)."""
        out = []
        for i, line in enumerate(self.lines):
            item = self.table.item(i, 0)
            if line.ready and item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(line)
        return out

    def set_ticked(self, stay_id: int, on: bool) -> None:
        for i, line in enumerate(self.lines):
            if line.stay_id == stay_id and line.ready:
                self.table.item(i, 0).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _count(self) -> None:
        ready = sum(1 for line in self.lines if line.ready)
        self.list_title.setText(
            self.tr("Releases due today: {0} · ready {1} · ticked {2}").format(
                len(self.lines), ready, len(self.ticked())
            )
        )
        self.next_button.setEnabled(bool(self.ticked()))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Space ticks or unticks the person of the current row (the list); Esc goes back or closes."""
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        if event.key() == Qt.Key.Key_Space and self.step() == self.LIST:
            self.toggle_current()
            return
        super().keyPressEvent(event)

    def toggle_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.lines) and self.lines[row].ready:
            item = self.table.item(row, 0)
            on = item.checkState() != Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    # --- step 2: the confirmation ------------------------------------------------------------------
    def ask_confirm(self) -> None:
        self.chosen = self.ticked()
        if not self.chosen:
            return
        self.error.clear()
        self.confirm_title.setText(self.tr("Release %n people?", "", len(self.chosen)))
        self._fill(self.confirm_table, self.chosen)
        self._go(self.CONFIRM, self.confirm_button)

    def back_to_list(self) -> None:
        self._go(self.LIST, self.next_button)
        self.table.setFocus()

    # --- step 3: the release and the summary ------------------------------------------------------
    def confirm(self) -> bool:
        """Release the confirmed people, all or nobody; refused: the list is read again and says why."""
        ids = [line.stay_id for line in self.chosen]
        seen = {line.stay_id: line.version for line in self.chosen}
        try:
            with self.sessions() as s:
                handover = self.handover.value()  # the same community and transport for everyone released here
                release_many(
                    s,
                    self.actor,
                    ids,
                    expected_versions=seen,
                    now=self.ctx.now(),
                    handovers=dict.fromkeys(ids, handover),
                )
        except DomainError as e:
            self.reload()
            self.back_to_list()
            self.error.setText(e.message(self.lang))
            return False
        self.released = list(self.chosen)
        self.done_title.setText(self.tr("%n people released", "", len(self.released)))
        self._fill(self.done_table, self.released)
        may_print = allowed(self.actor.role, "identity")  # a notice carries the full ID number
        self.print_button.setEnabled(may_print)
        self._go(self.SUMMARY, self.print_button if may_print else self.finish_button)
        return True

    def print_them(self) -> None:
        """All their release notices, one print job (the main window builds and previews it)."""
        self.print_notices.emit([line.stay_id for line in self.released])

    @staticmethod
    def _fill(table: QTableWidget, lines: list[DueRelease]) -> None:
        table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            table.setItem(i, 0, QTableWidgetItem(line.room))
            table.setItem(i, 1, QTableWidgetItem(line.name))
        table.resizeColumnsToContents()

    def reject(self) -> None:
        """Esc / Cancel: from the confirmation back to the list; after the release, done; else close."""
        if self.step() == self.CONFIRM:
            self.back_to_list()
            return
        if self.step() == self.SUMMARY:
            self.accept()
            return
        super().reject()
