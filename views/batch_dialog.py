"""Batch arrival from a transfer list: read, map columns if needed, preview rows and rooms, check in all.

Each row shows its status (valid / warning / invalid / duplicate / skipped) and why; the room plan
shows where every accepted person goes and why; confirm checks all of them in in one transaction.
Rejected rows can be fixed in place (select the row, correct its cells, re-check) or exported back
as an .xlsx with the reasons.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
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
from sqlalchemy.orm import Session

from models.errors import DomainError
from models.reads.lookups import categories
from models.rules.identity import mask_id
from models.services.importer import (
    FIELDS,
    ImportRow,
    cell_text,
    check_in_rows,
    export_rows,
    find_header,
    parse_rows,
    plan_rooms,
    read_table,
)
from ui import palette

from .context import AppContext
from .tasks import Job, Task

_Preview = tuple[list[ImportRow], list[Any]]  # the rows as checked, the room plan of the accepted ones


def _check(session: Session, cells: list[list[object]], mapping: dict[str, str], now: datetime) -> _Preview:
    """Check the rows and plan their rooms (in a worker thread, with the job's session)."""
    rows = parse_rows(session, cells, mapping=mapping, now=now)
    return rows, plan_rooms(session, rows, now=now)


STATUS_COLOURS = {
    "valid": palette.OK,
    "warning": palette.WARN,
    "invalid": palette.ALERT,
    "duplicate": palette.PENDING,
    "skipped": palette.MUTED_LIGHT,
}


class MappingDialog(QDialog):
    """Assign the list's column headers to fields when they are not recognised."""

    def __init__(self, headers: list[str], parent: QWidget | None = None, labels: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        labels = labels or {}
        self.setWindowTitle(self.tr("Match the columns"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Which field is each column? Name and ID number are required."), self))
        self.combos: dict[str, QComboBox] = {}
        for h in headers:
            combo = QComboBox(self)
            combo.addItem(self.tr("(ignore)"), None)
            for f in FIELDS:
                combo.addItem(labels.get(f, f), f)
            self.combos[h] = combo
            form.addRow(h, combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def mapping(self) -> dict[str, str]:
        return {h: c.currentData() for h, c in self.combos.items() if c.currentData()}


class BatchDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions, self.actor = ctx.sessions, ctx.user
        self.lang = ctx.language
        self.rows: list[ImportRow] = []
        self.cells: list[list[object]] = []  # the list as read; fixes made here edit these cells
        self.path: Path | None = None
        self.mapping: dict[str, str] = {}
        self.stays: list[object] = []
        self.setWindowTitle(self.tr("Batch arrival from a transfer list"))
        self.file_label = QLabel(self.tr("No file"), self)
        self.open_button = QPushButton(self.tr("Open list…"), self)
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Status"), self.tr("Name"), self.tr("ID number"), self.tr("Room"), self.tr("Why")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        # fixing a rejected row in place: its cells as read, editable, then the whole list is re-checked
        self.fix_box = QWidget(self)
        self.fix_title = QLabel(self.fix_box)
        self.fix_form = QFormLayout()
        self.fix_edits: dict[int, QLineEdit] = {}  # column of the list -> editor
        self.fix_button = QPushButton(self.tr("Re-check with these corrections"), self.fix_box)
        fix_layout = QVBoxLayout(self.fix_box)
        fix_layout.setContentsMargins(0, 0, 0, 0)
        fix_layout.addWidget(self.fix_title)
        fix_layout.addLayout(self.fix_form)
        fix_layout.addWidget(self.fix_button)
        self.fix_box.setVisible(False)
        self.fix_box.setMinimumWidth(280)
        self.fix_title.setWordWrap(True)
        fix_layout.addStretch(1)
        self._fix_row: int | None = None  # index into self.cells
        self._task: Task | None = None  # the background read, check or check-in
        self._ready = False  # rows to check in, and a room for each
        self.export_button = QPushButton(self.tr("Export rejected rows…"), self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Check in all valid rows"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        middle = QHBoxLayout()  # the list, and beside it the row being fixed
        middle.addWidget(self.table, 3)
        middle.addWidget(self.fix_box, 1)
        layout.addLayout(middle, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.resize(1000, 640)
        self.open_button.clicked.connect(self._choose)
        self.export_button.clicked.connect(self._export)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._edit_row(row))
        self.fix_button.clicked.connect(self.apply_fix)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Transfer list"), "", self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if path:
            self.load(Path(path))

    # --- background work: reading, checking, checking in ---------------------------------------------
    def busy(self) -> bool:
        """A read, a check or the check-in is running in the background."""
        return self._task is not None and not self._task.done

    def _start(
        self, fn: Callable[[Job], Any], on_done: Callable[[Any], None], label: str, *, cancellable: bool = True
    ) -> Task:
        """Run ``fn`` in the background (its own session), the dialog's buttons off meanwhile."""
        tasks = self.ctx.tasks
        self._set_busy(True)
        self._task = tasks.run(
            fn,
            sessions=self.sessions,
            on_done=on_done,
            on_error=tasks.error_to(self.error, self.lang),
            on_finished=lambda: self._set_busy(self.busy()),  # a mapping may have started the next read
            label=label,
            parent=self,
            cancellable=cancellable,
        )
        return self._task

    def _set_busy(self, busy: bool) -> None:
        for w in (self.open_button, self.fix_button, self.export_button):
            w.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy and self._ready)

    def load(self, path: Path, mapping: dict[str, str] | None = None) -> Task:
        """Read and check a list in the background (progress, Cancel); asks for a column mapping when the
        header is not recognised. Errors show in the dialog."""
        self.error.clear()
        self.file_label.setText(path.name)
        use, now = mapping or self.mapping, self.ctx.now()  # ages and arrival times on the context's clock

        def job(job: Job) -> tuple[list[list[object]], _Preview | None]:
            cells = read_table(path)
            job.check()
            try:
                return cells, _check(job.session, cells, use, now)
            except DomainError as e:
                if e.code != "import_no_header" or mapping is not None:
                    raise
                return cells, None  # a header nobody knows: ask the desk, on the GUI thread

        def done(result: tuple[list[list[object]], _Preview | None]) -> None:
            cells, preview = result
            self.path, self.mapping, self.cells = path, use, cells
            if preview is not None:
                self._checked(preview)
                return
            headers = [str(c) for c in next((r for r in cells if any(c not in (None, "") for c in r)), []) if c]
            dialog = MappingDialog(headers, self, {f: self.field_label(f) for f in FIELDS})
            if dialog.exec():
                self.load(path, dialog.mapping())

        return self._start(job, done, self.tr("Reading the list…"))

    def recheck(self, then: Callable[[], None] | None = None) -> Task:
        """Check every row of self.cells again and plan the rooms, in the background (a preview: writes
        nothing); ``then()`` after the table shows the result."""
        cells, mapping, now = [list(r) for r in self.cells], self.mapping, self.ctx.now()

        def done(preview: _Preview) -> None:
            self._checked(preview)
            if then is not None:
                then()

        return self._start(lambda job: _check(job.session, cells, mapping, now), done, self.tr("Checking the list…"))

    def _checked(self, preview: _Preview) -> None:
        self.rows, plan = preview
        self._show(plan)
        self._edit_row(self.table.currentRow())

    # --- fixing a row in place -------------------------------------------------------------------
    def _edit_row(self, table_row: int) -> None:
        """Show the editor for a rejected or doubtful row: its cells as read from the list."""
        r = self.rows[table_row] if 0 <= table_row < len(self.rows) else None
        if r is None or r.status not in ("invalid", "warning", "duplicate"):
            self.fix_box.setVisible(False)
            self._fix_row = None
            return
        _header_at, cols = find_header(self.cells, self.mapping)
        raw = self.cells[r.row - 1]
        while self.fix_form.rowCount():
            self.fix_form.removeRow(0)
        self.fix_edits = {}
        for col, name in sorted(cols.items()):
            edit = QLineEdit(cell_text(raw[col]) if col < len(raw) and raw[col] is not None else "", self.fix_box)
            edit.returnPressed.connect(self.apply_fix)
            self.fix_edits[col] = edit
            self.fix_form.addRow(self.field_label(name), edit)
        self.fix_title.setText(self.tr("Fix row {0}: {1}").format(r.row, "；".join(r.messages)))
        self._fix_row = r.row - 1
        self.fix_box.setVisible(True)

    def apply_fix(self) -> None:
        """Put the corrected cells into the list and check it all again (duplicates depend on other rows)."""
        if self._fix_row is None:
            return
        raw = list(self.cells[self._fix_row])
        for col, edit in self.fix_edits.items():
            while len(raw) <= col:
                raw.append(None)
            raw[col] = edit.text().strip() or None
        self.cells[self._fix_row] = raw
        current = self.table.currentRow()
        self.error.clear()
        self.recheck(then=lambda: self.table.setCurrentCell(current, 0))

    def field_label(self, name: str) -> str:
        return {
            "name": self.tr("Name"),
            "sex": self.tr("Sex"),
            "doc_type": self.tr("Document"),
            "doc_number": self.tr("ID number"),
            "phone": self.tr("Mobile"),
            "origin": self.tr("From"),
            "category": self.tr("Category"),
            "last_exposure": self.tr("Last exposure"),
            "arrived_at": self.tr("Arrival"),
            "companion": self.tr("Shares a room with"),
            "address": self.tr("Address"),
            "birth_date": self.tr("Birth date"),
            "special_needs": self.tr("Special needs"),
            "notes": self.tr("Notes"),
            "seq": self.tr("No."),
        }.get(name, name)

    def _show(self, plan: list[object]) -> None:
        accepted = [r for r in self.rows if r.status in ("valid", "warning")]
        rooms = dict(zip((r.row for r in accepted), plan, strict=True))
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            s = rooms.get(r.row)
            doc = str(r.fields.get("doc_number") or "")
            why = "；".join(r.messages) if r.messages else (s.explain(self.lang) if s else "")  # type: ignore[attr-defined]
            room = (s.room or self.tr("none")) if s else ""  # type: ignore[attr-defined]
            values = [
                str(r.row),
                self.status_label(r.status),
                str(r.fields.get("name", "")),
                mask_id(doc) if doc else "",
                room,
                why,
            ]
            if r.status == "invalid" and doc:
                values[3] = doc  # the desk must see what is wrong with it
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setBackground(QColor(STATUS_COLOURS[r.status]))
                self.table.setItem(i, col, item)
        unplaced = sum(1 for s in plan if s.room_id is None)  # type: ignore[attr-defined]
        counts = {k: sum(1 for r in self.rows if r.status == k) for k in STATUS_COLOURS}
        self.summary.setText(
            self.tr("{0} to check in · {1} invalid · {2} duplicates · {3} skipped").format(
                counts["valid"] + counts["warning"], counts["invalid"], counts["duplicate"], counts["skipped"]
            )
        )
        if unplaced:
            self.error.setText(self.tr("{0} people have no room: nobody will be checked in").format(unplaced))
        self._ready = bool(accepted) and not unplaced
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._ready)

    def status_label(self, status: str) -> str:
        return {
            "valid": self.tr("valid"),
            "warning": self.tr("warning"),
            "invalid": self.tr("invalid"),
            "duplicate": self.tr("duplicate"),
            "skipped": self.tr("skipped"),
        }[status]

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export rejected rows"), "待修正.xlsx", "*.xlsx")
        if path:
            with self.sessions() as s:
                names = {c.code: c.name_zh for c in categories(s)}  # the sender reads names, not codes
            n = export_rows(self.rows, Path(path), category_names=names)
            self.summary.setText(self.tr("{0} rows written to {1}").format(n, path))

    def confirm(self) -> Task:
        """Check everybody in, in the background: one transaction, all or nothing, so not cancellable."""
        actor, rows, now = self.actor, list(self.rows), self.ctx.now()

        def done(stays: list[object]) -> None:
            self.stays = stays
            self.accept()

        return self._start(
            lambda job: check_in_rows(job.session, actor, rows, now=now),
            done,
            self.tr("Checking in…"),
            cancellable=False,
        )

    def reject(self) -> None:
        """Close: a read or check still running is cancelled; the check-in, once started, is waited for."""
        if self.busy():
            assert self._task is not None
            if not self._task.cancel():
                return  # a check-in in progress: its end closes the dialog
        super().reject()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
