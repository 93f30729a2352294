"""A planned batch (待转运批次) as the command centre announced it: added, or changed as the news changes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

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
    QSpinBox,
    QWidget,
)

from models.errors import DomainError
from models.reads.lookups import categories
from models.reads.planned_batches import BatchRow
from models.services.planned_batches import MAX_PEOPLE, BatchInput, TransferList, add_batch, edit_batch
from ui import palette

from .context import AppContext
from .date_field import DateField


class PlannedBatchForm(QDialog):
    """The batch's expected time, people, rooms (0: one each), category, source, note and, if it came ahead,
    its transfer list. OK saves and closes only when the domain accepts it; the message says why not."""

    def __init__(self, ctx: AppContext, row: BatchRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.saved_id: int | None = None if row is None else row.id
        self.setWindowTitle(self.tr("Planned batch") if row is None else self.tr("Change the planned batch"))
        self.when = DateField(ctx, self)
        self.when.set_value(row.expected_at if row else ctx.now() + timedelta(days=1))
        self.people = QSpinBox(self)
        self.people.setRange(1, MAX_PEOPLE)
        self.rooms = QSpinBox(self)
        self.rooms.setRange(0, MAX_PEOPLE)
        self.rooms.setSpecialValueText(self.tr("one each"))
        self.category = QComboBox(self)
        self.category.addItem(self.tr("Not given (the longest stay is assumed)"), None)
        with ctx.sessions() as s:
            for c in categories(s, in_force_only=True):
                self.category.addItem(c.label(ctx.language), c.code)
        self.source = QLineEdit(self)
        self.source.setMaxLength(200)
        self.source.setPlaceholderText(self.tr("e.g. the district CDC"))
        self.note = QLineEdit(self)
        self.note.setMaxLength(400)
        self.list_label = QLabel(self.tr("No transfer list yet"), self)
        self.list_button = QPushButton(self.tr("Attach the transfer list…"), self)
        self.drop_button = QPushButton(self.tr("Remove it"), self)
        self.transfer_list: TransferList | None = None
        self.drop_list = False
        if row is not None:
            self.people.setValue(row.people)
            self.rooms.setValue(0 if row.rooms == row.people else row.rooms)
            self.category.setCurrentIndex(max(0, self.category.findData(row.category_code)))
            self.source.setText(row.source)
            self.note.setText(row.note)
            if row.list_name:
                self.list_label.setText(row.list_name)
        else:
            self.people.setValue(20)
        self.drop_button.setEnabled(bool(row and row.list_name))
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {palette.BAD_TEXT}")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        files = QHBoxLayout()
        files.addWidget(self.list_label, 1)
        files.addWidget(self.list_button)
        files.addWidget(self.drop_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Expected at"), self.when)
        form.addRow(self.tr("People"), self.people)
        form.addRow(self.tr("Rooms needed"), self.rooms)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Transfer list"), files)
        form.addRow(self.error)
        form.addRow(buttons)
        self.list_button.clicked.connect(self._choose)
        self.drop_button.clicked.connect(self._drop)

    def _choose(self) -> None:
        files = "*.xlsx *.xlsm *.xls *.ods *.et *.csv *.txt"
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Transfer list"), "", files)
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        """The list as it came, checked when saved (its kind, size, and that it reads)."""
        try:
            data = path.read_bytes()
        except OSError as e:
            self.error.setText(self.tr("The file cannot be read: {0}").format(e.strerror or path.name))
            return
        self.transfer_list, self.drop_list = TransferList(path.name, data), False
        self.list_label.setText(path.name)
        self.drop_button.setEnabled(True)

    def _drop(self) -> None:
        self.transfer_list, self.drop_list = None, True
        self.list_label.setText(self.tr("No transfer list yet"))
        self.drop_button.setEnabled(False)

    def data(self) -> BatchInput:
        rooms = self.rooms.value() or None
        return BatchInput(
            self.when.value(), self.people.value(), rooms, self.category.currentData(), self.source.text(),
            self.note.text(),
        )  # fmt: skip

    def save(self) -> bool:
        try:
            data = self.data()
            with self.ctx.sessions() as s:
                if self.row is None:
                    self.saved_id = add_batch(s, self.ctx.user, data, self.transfer_list, now=self.ctx.now()).id
                else:
                    edit_batch(
                        s, self.ctx.user, self.row.id, self.row.version, data, self.transfer_list,
                        drop_list=self.drop_list, now=self.ctx.now(),
                    )  # fmt: skip
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return False
        self.accept()
        return True
