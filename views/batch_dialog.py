"""Batch arrival from a transfer list: read, map columns if needed, preview rows and rooms, confirm, check in
all, print the batch's paper.

Three steps in one dialog, all by keyboard (Enter goes on, Esc goes back or closes):
1. the preview: each row's status (valid / warning / invalid / duplicate / skipped, coloured) and why, and the
   room plan. Rejected rows can be fixed in place (select the row, correct its cells, re-check) or exported
   back as an .xlsx with the reasons; the plan stays as it was for everyone else (the desk may already have
   called out rooms). Full ID numbers can be shown to compare with the paper list (recorded in the audit);
2. the confirmation: "check in 35 people?" with the room plan, room by room;
3. the check-in (one transaction, in the rooms shown or nobody; a copy of the database named for the import is
   taken first), then the summary: who went where, and one
   button that prints, for this batch only, the registration forms and notices, the door cards and the
   hand-over list for the transfer team (the form ``arrival-batch``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from models.errors import DomainError
from models.permissions import allowed
from models.reads.lookups import categories
from models.reads.planned_batches import batch_source
from models.reads.reports import PersonForm, person_forms
from models.rules.identity import mask_id
from models.services.column_maps import recognise_columns, remember_columns, source_name, sources
from models.services.disclosure import record_listing
from models.services.importer import (
    FIELDS,
    HEADER_SCAN,
    ImportRow,
    PickedSheet,
    cell_text,
    check_in_rows,
    export_rows,
    find_header,
    parse_rows,
    pick_sheet,
    plan_rooms,
    room_plan,
    said,
)
from ui import palette

from .backup_panel import copy_before_job
from .context import AppContext
from .labels import list_separator
from .tasks import Job, Task

_Preview = tuple[list[ImportRow], list[Any]]  # the rows as checked, the room plan of the accepted ones


def _check(
    session: Session, cells: list[list[object]], mapping: dict[str, str], now: datetime, keep: dict[int, int]
) -> _Preview:
    """Check the rows and plan their rooms, keeping the rooms of the plan shown before (``keep``: row -> room)
    where they still can be (in a worker thread, with the job's session)."""
    rows = parse_rows(session, cells, mapping=mapping, now=now)
    return rows, plan_rooms(session, rows, now=now, keep=keep)


STATUS_COLOURS = {
    "valid": palette.OK,
    "warning": palette.WARN,
    "invalid": palette.ALERT,
    "duplicate": palette.PENDING,
    "skipped": palette.MUTED_LIGHT,
}


class MappingDialog(QDialog):
    """Assign the list's column headers to fields when they are not recognised, and keep the assignment for the
    lists of the same source (the sending office), so the next one is read without asking."""

    def __init__(
        self,
        headers: list[str],
        parent: QWidget | None = None,
        labels: dict[str, str] | None = None,
        *,
        sources: list[str] | None = None,
        source: str = "",
    ) -> None:
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
        self.source = QComboBox(self)  # the sending office: one known, or a new one typed
        self.source.setEditable(True)
        self.source.addItems(sources or [])
        self.source.setEditText(source)
        self.source.lineEdit().setPlaceholderText(self.tr("e.g. the district's transfer team"))
        form.addRow(self.tr("List source"), self.source)
        self.remember = QCheckBox(self.tr("Remember these columns for the lists from this source"), self)
        self.remember.setChecked(True)
        form.addRow(self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def mapping(self) -> dict[str, str]:
        return {h: c.currentData() for h, c in self.combos.items() if c.currentData()}

    def kept_for(self) -> str | None:
        """The source to keep the mapping for, or None (not asked, or no source named)."""
        name = source_name(self.source.currentText())
        return name if self.remember.isChecked() and name else None


def header_texts(cells: list[list[object]]) -> list[str]:
    """The texts of the row that most likely is the header (of the rows a header is looked for in, the one with
    most cells filled)."""
    head = [list(dict.fromkeys(t for c in r if c is not None and (t := str(c).strip()))) for r in cells[:HEADER_SCAN]]
    return max(head, key=len, default=[])  # distinct texts: a title merged across the sheet is one


@dataclass(frozen=True)
class _Read:
    """What the background read of a list gives the dialog."""

    picked: PickedSheet
    preview: _Preview | None  # None: a header nobody knows (the desk is asked)
    mapping: dict[str, str]  # the mapping used
    recognised: str | None  # the source whose kept columns were used
    sources: list[str]  # every source with columns kept (for the mapping dialog)
    planned_source: str  # the announced batch's source, if any
    refused: DomainError | None = None  # why the mapping could not be kept


def _read_only_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    """A table the desk reads (the plan, the summary): its headers, the last column taking the rest."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


def _lay_out_step(page: QWidget, title: QLabel, table: QTableWidget, buttons: list[QPushButton]) -> None:
    """A step after the preview: its title large, its table, its buttons at the right (the default last)."""
    title.setStyleSheet("font-size: 20pt; font-weight: bold")
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(title)
    layout.addWidget(table, 1)
    layout.addLayout(row)


class BatchDialog(QDialog):
    """``print_batch(stay_ids)``: the summary's print button (the main window builds ``arrival-batch``)."""

    print_batch = Signal(list)

    PREVIEW, CONFIRM, SUMMARY = range(3)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, planned_batch_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.planned_batch_id = planned_batch_id  # the announced batch (待转运批次) this list is, closed with it
        self.sessions, self.actor = ctx.sessions, ctx.user
        self.lang = ctx.language
        self.rows: list[ImportRow] = []
        self.cells: list[list[object]] = []  # the list as read; fixes made here edit these cells
        self.path: Path | None = None
        self.mapping: dict[str, str] = {}
        self.stays: list[object] = []
        self.checked_in: list[PersonForm] = []  # the batch as checked in, for the summary
        self.plan: dict[int, int] = {}  # row -> room of the plan shown: kept on re-checks, checked in as shown
        self._suggestions: dict[int, Any] = {}  # row -> its suggestion (room, reasons)
        self.setWindowTitle(
            self.tr("Batch arrival from a transfer list")
            if planned_batch_id is None
            else self.tr("Check in the planned batch from its transfer list")
        )
        self.pages = QStackedWidget(self)
        preview = QWidget(self.pages)
        self.file_label = QLabel(self.tr("No file"), preview)
        # a workbook of several sheets: the one read (whose header matches), another chosen here
        self.sheet_label = QLabel(self.tr("Sheet"), preview)
        self.sheet = QComboBox(preview)
        self.sheet_label.hide()
        self.sheet.hide()
        self.sheet.activated.connect(lambda _i: self._sheet_chosen())
        self.open_button = QPushButton(self.tr("Open list…"), preview)
        self.full_ids = QCheckBox(self.tr("Show full ID numbers (recorded in the audit trail)"), preview)
        self.full_ids.setEnabled(allowed(self.actor.role, "identity"))
        self.full_ids.toggled.connect(self._toggle_full_ids)
        self.summary = QLabel(preview)
        self.columns_note = QLabel(preview)  # the columns read as kept for a source
        self.columns_note.hide()
        self.table = QTableWidget(0, 6, preview)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Status"), self.tr("Name"), self.tr("ID number"), self.tr("Room"), self.tr("Why")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        # fixing a rejected row in place: its cells as read, editable, then the whole list is re-checked
        self.fix_box = QWidget(preview)
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
        self.export_button = QPushButton(self.tr("Export rejected rows…"), preview)
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {palette.BAD_TEXT}")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Check in all valid rows…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet)
        top.addWidget(self.full_ids)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(preview)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.columns_note)
        layout.addWidget(self.summary)
        middle = QHBoxLayout()  # the list, and beside it the row being fixed
        middle.addWidget(self.table, 3)
        middle.addWidget(self.fix_box, 1)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self.pages.addWidget(preview)
        self.pages.addWidget(self._confirm_page())
        self.pages.addWidget(self._summary_page())
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages, 1)
        outer.addWidget(self.error)
        self.resize(1000, 640)
        self.open_button.clicked.connect(self._choose)
        self.export_button.clicked.connect(self._export)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._edit_row(row))
        self.fix_button.clicked.connect(self.apply_fix)
        self.buttons.accepted.connect(self.ask_confirm)
        self.buttons.rejected.connect(self.reject)
        self.open_button.setDefault(True)  # Enter: open a list

    def _confirm_page(self) -> QWidget:
        """Step 2: 确认入住 N 人？ with the plan, room by room. Enter checks in, Esc goes back to the list."""
        page = QWidget(self.pages)
        self.confirm_title = QLabel(page)
        self.confirm_title.setObjectName("batchTitle")
        headers = [self.tr("Room"), self.tr("Name"), self.tr("ID number"), self.tr("Why this room")]
        self.confirm_plan = _read_only_table(page, headers)
        self.confirm_plan.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.confirm_button = QPushButton(self.tr("Check them in"), page)
        self.back_button = QPushButton(self.tr("Back to the list"), page)
        self.confirm_button.clicked.connect(self.confirm)
        self.back_button.clicked.connect(self.back_to_list)
        _lay_out_step(page, self.confirm_title, self.confirm_plan, [self.back_button, self.confirm_button])
        return page

    def _summary_page(self) -> QWidget:
        """Step 3: who went where, and the batch's paper in one print job (Enter prints)."""
        page = QWidget(self.pages)
        self.done_title = QLabel(page)
        headers = [self.tr("Room"), self.tr("Name"), self.tr("Category"), self.tr("ID number")]
        self.done_table = _read_only_table(page, headers)
        self.print_button = QPushButton(
            self.tr("Print for this batch: registration forms, notices, door cards, hand-over list"), page
        )
        self.print_button.setToolTip(
            self.tr("One print job, for the people of this batch only; the transfer team signs the hand-over list")
        )
        self.finish_button = QPushButton(self.tr("Done"), page)
        self.print_button.clicked.connect(self.print_this_batch)
        self.finish_button.clicked.connect(self.accept)
        _lay_out_step(page, self.done_title, self.done_table, [self.finish_button, self.print_button])
        return page

    def step(self) -> int:
        """Which step is shown: PREVIEW, CONFIRM or SUMMARY."""
        return self.pages.currentIndex()

    def _go(self, page: int, default: QPushButton) -> None:
        self.pages.setCurrentIndex(page)
        for b in self.findChildren(QPushButton):
            b.setDefault(b is default)
        default.setFocus()

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Transfer list"), "", self.tr("Spreadsheets (*.xlsx *.xls *.ods *.et *.csv *.txt)")
        )
        if path:
            self.load(Path(path))

    # --- background work: reading, checking, checking in ---------------------------------------------
    def busy(self) -> bool:
        """A read, a check or the check-in is running in the background."""
        return self._task is not None and not self._task.done

    def _start(
        self,
        fn: Callable[[Job], Any],
        on_done: Callable[[Any], None],
        label: str,
        *,
        cancellable: bool = True,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run ``fn`` in the background (its own session), the dialog's buttons off meanwhile; errors show in
        the dialog (or go to ``on_error``)."""
        tasks = self.ctx.tasks
        self._set_busy(True)
        self._task = tasks.run(
            fn,
            sessions=self.sessions,
            on_done=on_done,
            on_error=on_error or tasks.error_to(self.error, self.lang),
            on_finished=lambda: self._set_busy(self.busy()),  # a mapping may have started the next read
            label=label,
            parent=self,
            cancellable=cancellable,
        )
        return self._task

    def _set_busy(self, busy: bool) -> None:
        for w in (self.open_button, self.fix_button, self.export_button, self.confirm_button, self.back_button):
            w.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy and self._ready)

    def _sheet_chosen(self) -> None:
        if self.path is not None and self.sheet.currentText():
            self.load(self.path, self.mapping or None, sheet=self.sheet.currentText())

    def load(
        self,
        path: Path,
        mapping: dict[str, str] | None = None,
        sheet: str | None = None,
        *,
        keep_for: str | None = None,
    ) -> Task:
        """Read and check a list in the background (progress, Cancel): the sheet whose header matches (or
        ``sheet``); the columns as ``mapping`` says, else as kept for the source whose headers the list has,
        else as the list before; asks for a column mapping when the header is not recognised, and keeps it
        for the source named (``keep_for``) once the list reads with it. Errors show in the dialog."""
        self.error.clear()
        self.file_label.setText(path.name)
        now, actor, planned = self.ctx.now(), self.actor, self.planned_batch_id  # the context's clock

        def job(job: Job) -> _Read:
            picked = pick_sheet(path, sheet)
            job.check()
            use, recognised = mapping or self.mapping, None
            if mapping is None and (known := recognise_columns(job.session, picked.rows)) is not None:
                recognised, use = known
            planned_source = ""
            if planned is not None:
                planned_source = batch_source(job.session, planned)
            try:
                preview = _check(job.session, picked.rows, use, now, {})  # a new list: a new plan
            except DomainError as e:
                if e.code != "import_no_header" or mapping is not None:
                    raise
                # a header nobody knows: ask the desk, on the GUI thread
                return _Read(picked, None, use, None, sources(job.session), planned_source)
            refused = None
            if keep_for and mapping:  # the list reads with the desk's mapping: kept for the source's next lists
                try:
                    remember_columns(job.session, actor, keep_for, mapping)
                    recognised = source_name(keep_for)
                except DomainError as e:  # a source name refused: the list is read all the same, and it is said
                    refused = e
            return _Read(picked, preview, use, recognised, [], planned_source, refused)

        def done(read: _Read) -> None:
            cells = read.picked.rows
            self.path, self.mapping, self.cells = path, read.mapping, cells
            self._show_sheets(read.picked)
            self.columns_note.setText(
                self.tr("Columns read as kept for the lists from “{0}”").format(read.recognised)
                if read.recognised
                else ""
            )
            self.columns_note.setVisible(bool(read.recognised))
            if read.refused is not None:
                self.error.setText(read.refused.message(self.lang))
            if read.preview is not None:
                self._checked(read.preview)
                return
            labels = {f: self.field_label(f) for f in FIELDS}
            dialog = MappingDialog(header_texts(cells), self, labels, sources=read.sources, source=read.planned_source)
            if dialog.exec():
                self.load(path, dialog.mapping(), read.picked.name, keep_for=dialog.kept_for())

        return self._start(job, done, self.tr("Reading the list…"))

    def _show_sheets(self, picked: PickedSheet) -> None:
        """The sheets of the workbook, the one read chosen; shown only when there is more than one."""
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(picked.names))
        self.sheet.setCurrentIndex(max(0, self.sheet.findText(picked.name)))
        self.sheet.blockSignals(False)
        several = len(picked.names) > 1
        self.sheet_label.setVisible(several)
        self.sheet.setVisible(several)
        if several:
            self.file_label.setText(self.tr("{0} · sheet “{1}”").format(self.path.name if self.path else "",
                                                                        picked.name))  # fmt: skip

    def recheck(self, then: Callable[[], None] | None = None) -> Task:
        """Check every row of self.cells again and plan the rooms, in the background (a preview: writes
        nothing); ``then()`` after the table shows the result."""
        cells, mapping, now, keep = [list(r) for r in self.cells], self.mapping, self.ctx.now(), dict(self.plan)

        def done(preview: _Preview) -> None:
            self._checked(preview)
            if then is not None:
                then()

        return self._start(
            lambda job: _check(job.session, cells, mapping, now, keep), done, self.tr("Checking the list…")
        )

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
        why = list_separator(self.lang).join(said(m, self.lang) for m in r.messages)  # in the desk's language, not both
        self.fix_title.setText(self.tr("Fix row {0}: {1}").format(r.row, why))
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
        self._suggestions = rooms
        self.plan = room_plan(self.rows, plan)
        self._fill_table()
        unplaced = sum(1 for s in plan if s.room_id is None)  # type: ignore[attr-defined]
        counts = {k: sum(1 for r in self.rows if r.status == k) for k in STATUS_COLOURS}
        self.summary.setText(
            self.tr("{0} to check in · {1} invalid · {2} duplicates · {3} skipped").format(
                counts["valid"] + counts["warning"], counts["invalid"], counts["duplicate"], counts["skipped"]
            )
        )
        if unplaced:
            self.error.setText(self.tr("%n people have no room: nobody will be checked in", "", unplaced))
        self._ready = bool(accepted) and not unplaced
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self._ready)
        if self._ready and self.step() == self.PREVIEW:
            self._go(self.PREVIEW, ok)  # Enter: on to the confirmation

    def _doc_shown(self, r: ImportRow) -> str:
        """The ID number as the preview shows it: masked, unless the desk chose to compare full numbers (audited)
        or the row is invalid (the desk must see what is wrong with it)."""
        doc = str(r.fields.get("doc_number") or "")
        if not doc:
            return ""
        return doc if self.full_ids.isChecked() or r.status == "invalid" else mask_id(doc)

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            s = self._suggestions.get(r.row)
            said_here = list_separator(self.lang).join(
                said(m, self.lang) for m in r.messages
            )  # in the desk's language, not both
            why = said_here if r.messages else (s.explain(self.lang) if s else "")
            room = (self.room_text(s) or self.tr("none")) if s else ""
            values = [
                str(r.row),
                self.status_label(r.status),
                str(r.fields.get("name", "")),
                self._doc_shown(r),
                room,
                why,
            ]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setBackground(QColor(STATUS_COLOURS[r.status]))
                item.setForeground(QColor(palette.TEXT))  # dark on the light fill, on either theme
                item.setData(Qt.ItemDataRole.UserRole, r.status)  # the code, for tests and the colour
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()  # a full ID number or a room is never cut; the reason takes the rest

    def _toggle_full_ids(self, on: bool) -> None:
        """Full ID numbers, to compare with the paper list: shown only after the audit entry is saved."""
        if on and self.rows:
            try:
                with self.sessions() as s:
                    name = self.path.name if self.path else ""
                    record_listing(s, self.actor, name, sum(1 for r in self.rows if r.fields.get("doc_number")))
            except DomainError as e:
                self.full_ids.blockSignals(True)
                self.full_ids.setChecked(False)
                self.full_ids.blockSignals(False)
                self.error.setText(self.ctx.message(e))
                return
        self._fill_table()

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
            self.summary.setText(self.tr("%n rows written to {0}", "", n).format(path))

    def ask_confirm(self) -> None:
        """Step 2: the confirmation, with the plan room by room: the rooms in the order the list's rows took
        them, each room's people together (carers before the people sharing with them)."""
        if not self._ready or self.busy():
            return
        accepted = [r for r in self.rows if r.status in ("valid", "warning")]
        self.confirm_title.setText(self.tr("Check in %n people?", "", len(accepted)))
        rooms = {room: i for i, room in enumerate(dict.fromkeys(self.plan.values()))}  # as first planned
        order = sorted(
            accepted,
            key=lambda r: (self._suggestions[r.row].room_id is None, rooms.get(self.plan.get(r.row), 0), r.row),
        )
        self.confirm_plan.setRowCount(len(order))
        for i, r in enumerate(order):
            s = self._suggestions[r.row]
            cells = (self.room_text(s), str(r.fields.get("name", "")), self._doc_shown(r), s.explain(self.lang))
            for col, text in enumerate(cells):
                self.confirm_plan.setItem(i, col, QTableWidgetItem(text))
        self.confirm_plan.resizeColumnsToContents()
        self._go(self.CONFIRM, self.confirm_button)

    @staticmethod
    def room_text(s: Any) -> str:
        """A suggestion's room as the desk calls it out: building and number."""
        return f"{s.building} {s.room}".strip() if s.room_id is not None else ""

    def back_to_list(self) -> None:
        """From the confirmation back to the list, as it was (Esc does the same)."""
        self._go(self.PREVIEW, self.buttons.button(QDialogButtonBox.StandardButton.Ok))

    def confirm(self) -> Task:
        """Check everybody in, in the background: one transaction, all or nothing, in the rooms shown (a room
        taken meanwhile by another desk: nobody is checked in, the list is checked again), so not cancellable.
        Then the summary."""
        actor, rows, now, plan = self.actor, list(self.rows), self.ctx.now(), dict(self.plan)
        planned = self.planned_batch_id
        copy_before = copy_before_job(self.ctx.engine, self.ctx.settings, "import")  # reads QSettings: here

        def job(job: Job) -> tuple[list[object], list[PersonForm]]:
            copy_before(job)  # the database as it was, named for the import (SQLite); no copy, no import
            stays = check_in_rows(job.session, actor, rows, now=now, plan=plan, planned_batch_id=planned)
            ids = [s.id for s in stays]
            job.session.commit()
            return stays, person_forms(job.session, ids)

        def done(result: tuple[list[object], list[PersonForm]]) -> None:
            self.stays, self.checked_in = result
            self._show_summary()

        def failed(e: BaseException) -> None:
            if isinstance(e, DomainError) and e.code == "import_plan_changed":
                self.recheck(then=self.back_to_list)  # the new plan, for the desk to look at again
            show_error(e)

        show_error = self.ctx.tasks.error_to(self.error, self.lang)
        return self._start(job, done, self.tr("Checking in…"), cancellable=False, on_error=failed)

    def _show_summary(self) -> None:
        people = self.checked_in
        self.done_title.setText(self.tr("%n people checked in", "", len(people)))
        self.done_table.setRowCount(len(people))
        for i, f in enumerate(people):
            category = f.category_zh if self.lang.startswith("zh") else f.category_en
            for col, text in enumerate((f.room, f.name, category, mask_id(f.doc_number) if f.doc_number else "")):
                self.done_table.setItem(i, col, QTableWidgetItem(text))
        self.done_table.resizeColumnsToContents()
        self.print_button.setEnabled(allowed(self.actor.role, "identity"))
        self._go(self.SUMMARY, self.print_button if self.print_button.isEnabled() else self.finish_button)

    def print_this_batch(self) -> None:
        """The batch's paper, one print job: the main window builds it (``arrival-batch``) and previews it."""
        self.print_batch.emit([s.id for s in self.stays])  # type: ignore[attr-defined]

    def reject(self) -> None:
        """Esc / Cancel: from the confirmation, back to the list; after the check-in, done; else close (a read or
        check still running is cancelled; the check-in, once started, is waited for)."""
        if self.step() == self.CONFIRM and not self.busy():
            self.back_to_list()
            return
        if self.step() == self.SUMMARY:
            self.accept()
            return
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
