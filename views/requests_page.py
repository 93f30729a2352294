"""Occupants' requests (人文关怀): what the people in the rooms ask for, and where each request stands.

The table shows the open requests (and, ticked, the ones closed in the last 7 days), a floor's or all, in the
rooms' order, with the special needs recorded at arrival beside each: the logistics group works from it, or from
its printed floor list. Overdue requests are red, urgent ones bold. Ins takes a request down, F2 puts the
selected one in hand, F3 marks it done, F4 refuses it (with the reason).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.reads.care_requests import RequestRow, needs_of, request_rows
from models.reads.lookups import floors
from models.services.care_requests import LIMITS, finish_request, open_request, take_request
from models.services.swabs import present_people
from models.store.orm import RequestChannel, RequestKind, Urgency
from ui import palette
from ui.theme import error_label

from .context import AppContext
from .labels import request_channel_label, request_kind_label, urgency_label
from .permissions_ui import explain_disabled
from .tasks import Job, Task

CLOSED_SHOWN = timedelta(days=7)  # "closed ones too": those taken down in the last week


class RequestDialog(QDialog):
    """Take a request down: the person (type a room or a name), what kind, what is asked, how urgent, how it
    came in. The person's special needs recorded at arrival are shown under their name."""

    def __init__(self, ctx: AppContext, stay_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Take down a request"))
        self.person = QComboBox(self)
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        with ctx.sessions() as s:
            for p in present_people(s):
                self.person.addItem(p.label, p.stay_id)
        completer = self.person.completer()
        if completer is not None:  # a room number or a name typed anywhere in the line finds the person
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        if stay_id is not None and self.person.findData(stay_id) >= 0:
            self.person.setCurrentIndex(self.person.findData(stay_id))
        self.needs = QLabel(self)
        self.needs.setWordWrap(True)
        self.kind = QComboBox(self)
        for k in RequestKind:
            self.kind.addItem(request_kind_label(k), k.value)
        self.text = QLineEdit(self)
        self.text.setMaxLength(LIMITS["request_text"])
        self.text.setPlaceholderText(self.tr("What is asked, in a line"))
        self.urgency = QComboBox(self)
        for u in Urgency:
            self.urgency.addItem(urgency_label(u), u.value)
        self.channel = QComboBox(self)
        for c in RequestChannel:
            self.channel.addItem(request_channel_label(c), c.value)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Person"), self.person)
        form.addRow(self.tr("Special needs"), self.needs)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Request"), self.text)
        form.addRow(self.tr("Urgency"), self.urgency)
        form.addRow(self.tr("Came in"), self.channel)
        form.addRow(self.error)
        form.addRow(buttons)
        self.person.currentIndexChanged.connect(lambda _i: self._show_needs())
        self._show_needs()
        (self.text if stay_id is not None else self.person).setFocus()

    def _stay_id(self) -> int | None:
        """The person chosen: the item whose label is the text typed (a typed line that names nobody: None)."""
        index = self.person.findText(self.person.currentText())
        return self.person.itemData(index) if index >= 0 else None

    def _show_needs(self) -> None:
        from printing.forms.care_requests import needs_line

        stay_id = self._stay_id()
        if stay_id is None:
            self.needs.clear()
            return
        with self.ctx.sessions() as s:
            line = needs_line(needs_of(s, stay_id), self.ctx.language)
        self.needs.setText(line or self.tr("none recorded"))

    def save(self) -> bool:
        stay_id = self._stay_id()
        if stay_id is None:
            self.error.setText(self.tr("Choose the person from the list: type their room or name."))
            return False
        try:
            with self.ctx.sessions() as s:
                open_request(
                    s, self.ctx.user, stay_id, self.kind.currentData(), self.text.text(), self.urgency.currentData(),
                    self.channel.currentData(), now=self.ctx.now(),
                )  # fmt: skip
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return False
        self.accept()
        return True


class StepDialog(QDialog):
    """One step of a request: a line (who handles it, what was done, why refused) and OK; ``act(text)`` saves,
    and a refusal of the domain is said here, the dialog left open."""

    def __init__(
        self, ctx: AppContext, title: str, label: str, act: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.act = ctx, act
        self.setWindowTitle(title)
        self.line = QLineEdit(self)
        self.line.setMaxLength(LIMITS["request_outcome"])
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(label, self.line)
        form.addRow(self.error)
        form.addRow(buttons)

    def save(self) -> bool:
        try:
            self.act(self.line.text())
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return False
        self.accept()
        return True


class RequestsPage(QWidget):
    """``print_requested(floor_id)``: the floor list's preview (None: every floor); ``changed``: a request moved."""

    print_requested = Signal(object)
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[RequestRow] = []
        self.floor = QComboBox(self)
        self.closed_too = QCheckBox(self.tr("Closed ones of the last 7 days too"), self)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.new_button = QPushButton(self.tr("Take down a request… (Ins)"), self)
        self.take_button = QPushButton(self.tr("In hand… (F2)"), self)
        self.done_button = QPushButton(self.tr("Done… (F3)"), self)
        self.refuse_button = QPushButton(self.tr("Refuse… (F4)"), self)
        self.print_button = QPushButton(self.tr("Print the floor list…"), self)
        self.xlsx_button = QPushButton(self.tr("Export .xlsx…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        actions = []
        for key, slot in (
            (Qt.Key.Key_Insert, lambda: self.new_request()),  # noqa: PLW0108 (triggered passes a bool)
            (Qt.Key.Key_F2, lambda: self.take()),  # noqa: PLW0108
            (Qt.Key.Key_F3, lambda: self.finish(refused=False)),
            (Qt.Key.Key_F4, lambda: self.finish(refused=True)),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions.append(action)
        self.may_handle = explain_disabled(
            [self.new_button, self.take_button, self.done_button, self.refuse_button, *actions], ctx.user.role,
            "requests",
        )  # fmt: skip
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Floor"), self))
        top.addWidget(self.floor)
        top.addWidget(self.closed_too)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.xlsx_button)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.take_button, self.done_button, self.refuse_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.new_button.clicked.connect(lambda: self.new_request())  # noqa: PLW0108 (clicked passes a bool)
        self.take_button.clicked.connect(lambda: self.take())  # noqa: PLW0108
        self.done_button.clicked.connect(lambda: self.finish(refused=False))
        self.refuse_button.clicked.connect(lambda: self.finish(refused=True))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.floor.currentData()))
        self.xlsx_button.clicked.connect(self._xlsx_clicked)
        self.floor.currentIndexChanged.connect(lambda _i: self.load())
        self.closed_too.toggled.connect(lambda _on: self.load())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._fill_floors()

    def _fill_floors(self) -> None:
        chosen = self.floor.currentData()
        self.floor.blockSignals(True)
        self.floor.clear()
        self.floor.addItem(self.tr("All floors"), None)
        with self.ctx.sessions() as s:
            for f in floors(s):
                self.floor.addItem(f"{f.building} {f.name}", f.id)
        self.floor.setCurrentIndex(max(0, self.floor.findData(chosen)))
        self.floor.blockSignals(False)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._fill_floors()
        self.load()
        super().showEvent(event)

    def reload(self) -> None:
        if self.isVisible():
            self.load()

    def load(self) -> None:
        floor_id = self.floor.currentData()
        with self.ctx.sessions() as s:
            if self.closed_too.isChecked():
                since = self.ctx.today() - CLOSED_SHOWN
                closed = [
                    r for r in request_rows(s, open_only=False, floor_id=floor_id, day_from=since) if not r.is_open
                ]
                self.rows = request_rows(s, floor_id=floor_id) + closed
            else:
                self.rows = request_rows(s, floor_id=floor_id)
        self._show()

    def _show(self) -> None:
        from printing.forms.care_requests import FULL_HEAD, request_cells
        from printing.labels import L

        lang, now = self.ctx.language, self.ctx.now()
        t = L(lang)
        chosen = self.selected()
        self.table.setColumnCount(len(FULL_HEAD))
        self.table.setHorizontalHeaderLabels([t[k] for k in FULL_HEAD])
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for c, value in enumerate(request_cells(r, lang, now, full=True)):
                shown = value.strftime("%m-%d %H:%M") if isinstance(value, datetime) else value
                item = QTableWidgetItem("" if shown is None else str(shown))
                if r.overdue(now):
                    item.setForeground(QColor(palette.BAD_TEXT))
                if r.urgency is Urgency.URGENT and r.is_open:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()
        for i, r in enumerate(self.rows):
            if chosen is not None and r.id == chosen.id:
                self.table.selectRow(i)
        late = sum(1 for r in self.rows if r.overdue(now))
        self.message.setText(
            self.tr("Open requests: {0}, overdue: {1}").format(sum(1 for r in self.rows if r.is_open), late)
        )
        self._selection_changed()

    def selected(self) -> RequestRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def select_request(self, request_id: int) -> None:
        for i, r in enumerate(self.rows):
            if r.id == request_id:
                self.table.selectRow(i)

    def _selection_changed(self) -> None:
        if not self.may_handle:
            return
        r = self.selected()
        self.take_button.setEnabled(r is not None and r.state.value == "open")
        for b in (self.done_button, self.refuse_button):
            b.setEnabled(r is not None and r.is_open)

    # --- writing ---------------------------------------------------------------------------------
    def _done(self) -> None:
        self.load()
        self.changed.emit()

    def new_request(self, stay_id: int | None = None) -> RequestDialog | None:
        if not self.may_handle:
            return None
        dialog = RequestDialog(self.ctx, stay_id, self)
        dialog.accepted.connect(self._done)
        dialog.open()
        return dialog

    def take(self) -> StepDialog | None:
        r = self.selected()
        if not self.may_handle or r is None or r.state.value != "open":
            return None

        def act(handler: str) -> None:
            with self.ctx.sessions() as s:
                take_request(s, self.ctx.user, r.id, handler, now=self.ctx.now(), expected_version=r.version)

        dialog = StepDialog(self.ctx, self.tr("In hand"), self.tr("Who deals with it"), act, self)
        dialog.accepted.connect(self._done)
        dialog.open()
        return dialog

    def finish(self, *, refused: bool) -> StepDialog | None:
        r = self.selected()
        if not self.may_handle or r is None or not r.is_open:
            return None

        def act(outcome: str) -> None:
            with self.ctx.sessions() as s:
                finish_request(s, self.ctx.user, r.id, outcome, refused=refused, now=self.ctx.now(),
                               expected_version=r.version)  # fmt: skip

        if refused:
            dialog = StepDialog(self.ctx, self.tr("Refuse the request"), self.tr("Why it is refused"), act, self)
        else:
            dialog = StepDialog(self.ctx, self.tr("Request done"), self.tr("What was done"), act, self)
        dialog.accepted.connect(self._done)
        dialog.open()
        return dialog

    # --- export ----------------------------------------------------------------------------------
    def _xlsx_clicked(self) -> None:
        name = f"requests-{self.ctx.today().isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export .xlsx"), name, "*.xlsx")
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> Task:
        """Every request of this month (the floor's, if one is chosen), written in the background."""
        from printing.documents import render

        day, lang, now, actor = self.ctx.today(), self.ctx.language, self.ctx.now(), self.ctx.user
        floor_id = self.floor.currentData()

        def job(job: Job) -> bytes:
            return render(job.session, "care-requests", day, actor=actor, lang=lang, now=now, xlsx_path=path,
                          pdf=False, floor_id=floor_id)  # fmt: skip

        tasks = self.ctx.tasks
        return tasks.run(
            job, sessions=self.ctx.sessions,
            on_done=lambda _pdf: self.message.setText(self.tr("Saved {0}").format(path)),
            on_error=tasks.error_to(self.message, self.ctx.language),
            label=self.tr("Exporting the requests…"), parent=self,
        )  # fmt: skip
