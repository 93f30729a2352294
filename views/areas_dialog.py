"""Routine disinfection of public areas (日常消毒): a round recorded, and the list of areas kept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.reads.areas import AreaRow, area_rows
from models.reads.roster import on_duty_name
from models.services.areas import DEFAULT_AGENT, MAX_ROUNDS, add_area, edit_area, record_area_round, retire_area
from models.store.orm import AreaKind, GroupDuty
from ui.theme import error_label

from .context import AppContext
from .date_field import DateField
from .labels import area_kind_label


class AreaRoundDialog(QDialog):
    """One round: the area (the one chosen on Today), when (now), the agent and its concentration (the last
    ones used here), who did it and who checked. Enter saves; the message says what is wrong."""

    last_agent = DEFAULT_AGENT  # the round before's, for the next one (a round of many areas)

    def __init__(self, ctx: AppContext, area_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Record a disinfection round"))
        self.area = QComboBox(self)
        with ctx.sessions() as s:
            for a in area_rows(s):
                self.area.addItem(f"{a.name} · {area_kind_label(a.kind)}", a.id)
        if area_id is not None:
            self.area.setCurrentIndex(max(0, self.area.findData(area_id)))
        self.when = DateField(ctx, self)
        self.agent, self.concentration = QLineEdit(self.last_agent[0], self), QLineEdit(self.last_agent[1], self)
        self.done_by, self.checked_by, self.note = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        with ctx.sessions() as s:  # whoever of the disinfection group is on duty now (the roster's)
            self.done_by.setText(on_duty_name(s, GroupDuty.DISINFECTION, ctx.now()))
        for edit, limit in ((self.agent, 100), (self.concentration, 50), (self.done_by, 100),
                            (self.checked_by, 100), (self.note, 400)):  # fmt: skip
            edit.setMaxLength(limit)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Done at"), self.when)
        form.addRow(self.tr("Disinfectant"), self.agent)
        form.addRow(self.tr("Concentration"), self.concentration)
        form.addRow(self.tr("Done by"), self.done_by)
        form.addRow(self.tr("Checked by"), self.checked_by)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.error)
        form.addRow(buttons)
        self.done_by.setFocus()

    def save(self) -> bool:
        if self.area.currentData() is None:
            self.error.setText(self.tr("No public area is listed yet: add the areas first."))
            return False
        try:
            when = self.when.value()
            with self.ctx.sessions() as s:
                record_area_round(
                    s, self.ctx.user, int(self.area.currentData()), agent=self.agent.text(),
                    concentration=self.concentration.text(), done_by=self.done_by.text(),
                    checked_by=self.checked_by.text(), note=self.note.text(), done_at=when, now=self.ctx.now(),
                )  # fmt: skip
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return False
        AreaRoundDialog.last_agent = (self.agent.text(), self.concentration.text())
        self.accept()
        return True


class AreaForm(QDialog):
    """Add an area or change one: its name, its kind, the rounds it needs a day."""

    def __init__(self, ctx: AppContext, row: AreaRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.setWindowTitle(self.tr("Public area") if row is None else self.tr("Change the public area"))
        self.name = QLineEdit(row.name if row else "", self)
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("e.g. Building A, 3rd floor corridor"))
        self.kind = QComboBox(self)
        for k in AreaKind:
            self.kind.addItem(area_kind_label(k), k.value)
        self.kind.setCurrentIndex(self.kind.findData((row.kind if row else AreaKind.CORRIDOR).value))
        self.rounds = QSpinBox(self)
        self.rounds.setRange(1, MAX_ROUNDS)
        self.rounds.setValue(row.rounds_per_day if row else 3)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Rounds a day"), self.rounds)
        form.addRow(self.error)
        form.addRow(buttons)

    def save(self) -> bool:
        values = (self.name.text(), self.kind.currentData(), self.rounds.value())
        try:
            with self.ctx.sessions() as s:
                if self.row is None:
                    add_area(s, self.ctx.user, *values)
                else:
                    edit_area(s, self.ctx.user, self.row.id, *values, expected_version=self.row.version)
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return False
        self.accept()
        return True


class AreasDialog(QDialog):
    """The public areas: name, kind, rounds a day; Add, Change, No longer in use."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[AreaRow] = []
        self.setWindowTitle(self.tr("Public areas"))
        self.resize(560, 420)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Rounds a day")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.retire_button = QPushButton(self.tr("No longer in use"), self)
        self.message = error_label(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.retire_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.add_button.clicked.connect(lambda: self.open_form(None))
        self.edit_button.clicked.connect(lambda: self.open_form(self.selected()))
        self.table.itemActivated.connect(lambda _item: self.open_form(self.selected()))
        self.retire_button.clicked.connect(lambda: self.retire())  # noqa: PLW0108 (clicked passes a bool)
        self.load()

    def load(self) -> None:
        with self.ctx.sessions() as s:
            self.rows = area_rows(s)
        self.table.setRowCount(len(self.rows))
        for i, a in enumerate(self.rows):
            for c, text in enumerate((a.name, area_kind_label(a.kind), str(a.rounds_per_day))):
                self.table.setItem(i, c, QTableWidgetItem(text))

    def selected(self) -> AreaRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def open_form(self, row: AreaRow | None) -> AreaForm | None:
        if row is None and self.sender() is self.edit_button:
            return None
        form = AreaForm(self.ctx, row, self)
        form.accepted.connect(self.load)
        form.open()
        return form

    def retire(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        try:
            with self.ctx.sessions() as s:
                retire_area(s, self.ctx.user, row.id, expected_version=row.version)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return False
        self.load()
        return True
