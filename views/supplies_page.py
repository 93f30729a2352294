"""Supplies (物资): the stock of every item kept, how long it lasts, and its movements in, out and counted.

The table is the stock sheet's (printing/forms/supplies.py ``stock_cells``), so the screen and the paper say the
same; a low item is red. The desk records what came in (F2), what went out (F3) and a stocktake (F4); Ins adds
an item, Enter changes the selected one. Read when the page is shown and after each change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.reads.supplies import StockRow, stock_rows
from models.services.supplies import LIMITS, MAX_PER_PERSON_DAY, MAX_QUANTITY, add_item, edit_item, record_move
from models.services.supplies import retire_item as retire_supply
from models.store.orm import MoveKind, SupplyCategory, UseBasis
from ui import palette
from ui.theme import error_label

from .context import AppContext
from .date_field import DateField
from .labels import item_separator, supply_category_label, use_basis_label
from .permissions_ui import explain_disabled
from .tasks import Job, Task


class SupplyMoveDialog(QDialog):
    """A movement of an item's stock: in (from where, its lot), out (to whom, which floor), or a count (the
    count found; the reason when it differs from the books). Enter saves; the message says what is wrong."""

    def __init__(
        self, ctx: AppContext, kind: MoveKind, rows: list[StockRow], item_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.rows = ctx, kind, {r.item_id: r for r in rows}
        titles = {MoveKind.IN: self.tr("Stock received"), MoveKind.OUT: self.tr("Stock handed out"),
                  MoveKind.COUNT: self.tr("Stocktake")}  # fmt: skip
        self.setWindowTitle(titles[kind])
        self.item = QComboBox(self)
        for r in rows:
            self.item.addItem(f"{r.name} ({r.unit})", r.item_id)
        if item_id is not None:
            self.item.setCurrentIndex(max(0, self.item.findData(item_id)))
        self.stock = QLabel(self)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(0 if kind is MoveKind.COUNT else 1, MAX_QUANTITY)
        self.party, self.lot = QLineEdit(self), QLineEdit(self)
        self.done_by, self.note = QLineEdit(self), QLineEdit(self)
        for edit, field in ((self.party, "supply_party"), (self.lot, "supply_lot"), (self.done_by, "supply_by"),
                            (self.note, "supply_note")):  # fmt: skip
            edit.setMaxLength(LIMITS[field])
        self.when = DateField(ctx, self)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Item"), self.item)
        form.addRow(self.tr("In stock"), self.stock)
        if kind is MoveKind.IN:
            form.addRow(self.tr("Quantity received"), self.quantity)
            self.party.setPlaceholderText(self.tr("e.g. the district's epidemic-prevention store"))
            form.addRow(self.tr("From"), self.party)
            form.addRow(self.tr("Lot"), self.lot)
        elif kind is MoveKind.OUT:
            form.addRow(self.tr("Quantity handed out"), self.quantity)
            self.party.setPlaceholderText(self.tr("e.g. Building A 3F, the disinfection group"))
            form.addRow(self.tr("To"), self.party)
        else:
            form.addRow(self.tr("Count found"), self.quantity)
            self.note.setPlaceholderText(self.tr("Why the count differs from the books"))
        if kind is not MoveKind.COUNT:
            form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Handled by"), self.done_by)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.error)
        form.addRow(buttons)
        self.item.currentIndexChanged.connect(lambda _i: self._show_stock())
        self._show_stock()
        self.quantity.setFocus()
        self.quantity.selectAll()

    def _show_stock(self) -> None:
        r = self.rows.get(self.item.currentData())
        self.stock.setText(f"{r.stock} {r.unit}" if r else "")
        if r is not None and self.kind is MoveKind.COUNT:
            self.quantity.setValue(r.stock)

    def save(self) -> bool:
        if self.item.currentData() is None:
            self.error.setText(self.tr("No supply item is listed yet: add the items first."))
            return False
        try:
            at = self.when.value() if self.kind is not MoveKind.COUNT else None
            with self.ctx.sessions() as s:
                record_move(
                    s, self.ctx.user, int(self.item.currentData()), self.kind, self.quantity.value(),
                    party=self.party.text(), lot=self.lot.text(), done_by=self.done_by.text(), note=self.note.text(),
                    at=at, now=self.ctx.now(),
                )  # fmt: skip
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return False
        self.accept()
        return True


class SupplyItemForm(QDialog):
    """Add an item or change one: name, kind, unit, minimum stock, and how its use a day is counted."""

    def __init__(self, ctx: AppContext, row: StockRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.setWindowTitle(self.tr("Supply item") if row is None else self.tr("Change the supply item"))
        self.name = QLineEdit(row.name if row else "", self)
        self.name.setMaxLength(LIMITS["supply_name"])
        self.name.setPlaceholderText(self.tr("e.g. surgical masks"))
        self.category = QComboBox(self)
        for c in SupplyCategory:
            self.category.addItem(supply_category_label(c), c.value)
        self.category.setCurrentIndex(
            self.category.findData((row.category if row else SupplyCategory.PROTECTION).value)
        )
        self.unit = QLineEdit(row.unit if row else "", self)
        self.unit.setMaxLength(LIMITS["supply_unit"])
        self.unit.setPlaceholderText(self.tr("e.g. pieces, boxes, bottles"))
        self.min_stock = QSpinBox(self)
        self.min_stock.setRange(0, MAX_QUANTITY)
        self.min_stock.setValue(row.min_stock if row else 0)
        self.basis = QComboBox(self)
        for b in UseBasis:
            self.basis.addItem(use_basis_label(b), b.value)
        self.basis.setCurrentIndex(self.basis.findData((row.basis if row else UseBasis.MEASURED).value))
        self.rate = QDoubleSpinBox(self)
        self.rate.setRange(0, MAX_PER_PERSON_DAY)
        self.rate.setDecimals(2)
        self.rate.setValue(row.per_person_day if row else 0)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.category)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Minimum stock"), self.min_stock)
        form.addRow(self.tr("Use counted"), self.basis)
        form.addRow(self.tr("Use per person a day"), self.rate)
        form.addRow(self.error)
        form.addRow(buttons)
        self.basis.currentIndexChanged.connect(lambda _i: self._basis_changed())
        self._basis_changed()

    def _basis_changed(self) -> None:
        self.rate.setEnabled(self.basis.currentData() == UseBasis.PER_OCCUPANT.value)

    def save(self) -> bool:
        values = (self.name.text(), self.category.currentData(), self.unit.text(), self.min_stock.value(),
                  self.basis.currentData(), self.rate.value())  # fmt: skip
        try:
            with self.ctx.sessions() as s:
                if self.row is None:
                    add_item(s, self.ctx.user, *values)
                else:
                    edit_item(s, self.ctx.user, self.row.item_id, *values, expected_version=self.row.version)
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return False
        self.accept()
        return True


class SuppliesPage(QWidget):
    """``print_requested``: the stock sheet's preview (the main window prints it); ``changed``: the stock moved."""

    print_requested = Signal()
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[StockRow] = []
        self._task: Task | None = None
        self.warning = error_label(self)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.in_button = QPushButton(self.tr("Stock in… (F2)"), self)
        self.out_button = QPushButton(self.tr("Stock out… (F3)"), self)
        self.count_button = QPushButton(self.tr("Stocktake… (F4)"), self)
        self.add_button = QPushButton(self.tr("Add an item… (Ins)"), self)
        self.edit_button = QPushButton(self.tr("Change… (Enter)"), self)
        self.retire_button = QPushButton(self.tr("No longer kept"), self)
        self.print_button = QPushButton(self.tr("Preview and print…"), self)
        self.xlsx_button = QPushButton(self.tr("Export .xlsx…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        actions = []
        keyed = (
            (Qt.Key.Key_F2, lambda: self.record(MoveKind.IN)),
            (Qt.Key.Key_F3, lambda: self.record(MoveKind.OUT)),
            (Qt.Key.Key_F4, lambda: self.record(MoveKind.COUNT)),
            (Qt.Key.Key_Insert, lambda: self.edit(None)),
        )
        for key, slot in keyed:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions.append(action)
        self.may_keep = explain_disabled(
            [self.in_button, self.out_button, self.count_button, self.add_button, self.edit_button, self.retire_button,
             *actions], ctx.user.role, "supplies",
        )  # fmt: skip
        buttons = QHBoxLayout()
        for b in (self.in_button, self.out_button, self.count_button, self.add_button, self.edit_button,
                  self.retire_button):  # fmt: skip
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.xlsx_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.in_button.clicked.connect(lambda: self.record(MoveKind.IN))
        self.out_button.clicked.connect(lambda: self.record(MoveKind.OUT))
        self.count_button.clicked.connect(lambda: self.record(MoveKind.COUNT))
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.selected()))
        self.table.itemActivated.connect(lambda _item: self.edit(self.selected()))
        self.retire_button.clicked.connect(lambda: self.retire())  # noqa: PLW0108 (clicked passes a bool)
        self.print_button.clicked.connect(self.print_requested.emit)
        self.xlsx_button.clicked.connect(self._xlsx_clicked)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.load()
        super().showEvent(event)

    def reload(self) -> None:
        if self.isVisible():
            self.load()

    def load(self) -> None:
        with self.ctx.sessions() as s:
            self.rows = stock_rows(s, self.ctx.now())
        self._show()

    def _show(self) -> None:
        from printing.forms.supplies import STOCK_HEAD, stock_cells
        from printing.labels import L

        lang, t = self.ctx.language, L(self.ctx.language)
        chosen = self.selected()
        self.table.setColumnCount(len(STOCK_HEAD))
        self.table.setHorizontalHeaderLabels([t[k] for k in STOCK_HEAD])
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for c, value in enumerate(stock_cells(r, lang)):
                item = QTableWidgetItem(str(value))
                if 3 <= c <= 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if r.low:
                    item.setForeground(QColor(palette.BAD_TEXT))
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()
        if chosen is not None:
            for i, r in enumerate(self.rows):
                if r.item_id == chosen.item_id:
                    self.table.selectRow(i)
        low = [r.name for r in self.rows if r.low]
        joined = item_separator(lang).join(low)
        self.warning.setText(self.tr("Low stock: {0}").format(joined) if low else "")
        if not self.rows:
            self.message.setText(self.tr("No supply item is listed yet: Add an item (Ins) first."))

    def selected(self) -> StockRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    # --- writing ---------------------------------------------------------------------------------
    def _done(self) -> None:
        self.message.clear()
        self.load()
        self.changed.emit()

    def record(self, kind: MoveKind) -> SupplyMoveDialog | None:
        if not self.may_keep:
            return None
        chosen = self.selected()
        dialog = SupplyMoveDialog(self.ctx, kind, self.rows, chosen.item_id if chosen else None, self)
        dialog.accepted.connect(self._done)
        dialog.open()
        return dialog

    def edit(self, row: StockRow | None) -> SupplyItemForm | None:
        if not self.may_keep or (row is None and self.sender() in (self.edit_button, self.table)):
            return None
        form = SupplyItemForm(self.ctx, row, self)
        form.accepted.connect(self._done)
        form.open()
        return form

    def retire(self) -> bool:
        row = self.selected()
        if not self.may_keep or row is None:
            return False
        try:
            with self.ctx.sessions() as s:
                retire_supply(s, self.ctx.user, row.item_id, expected_version=row.version)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return False
        self._done()
        return True

    # --- export ----------------------------------------------------------------------------------
    def _xlsx_clicked(self) -> None:
        name = f"supplies-{self.ctx.today().isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export .xlsx"), name, "*.xlsx")
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> Task:
        """The stock and this month's movements, written in the background."""
        from printing.documents import render

        day, lang, now, actor = self.ctx.today(), self.ctx.language, self.ctx.now(), self.ctx.user

        def job(job: Job) -> bytes:
            return render(job.session, "supplies", day, actor=actor, lang=lang, now=now, xlsx_path=path, pdf=False)

        tasks = self.ctx.tasks
        return tasks.run(
            job, sessions=self.ctx.sessions,
            on_done=lambda _pdf: self.message.setText(self.tr("Saved {0}").format(path)),
            on_error=tasks.error_to(self.message, self.ctx.language),
            label=self.tr("Exporting the supplies…"), parent=self,
        )  # fmt: skip
