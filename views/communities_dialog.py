"""The receiving streets and communities (街道/社区) the desk hands released people to: a list to add to,
correct and retire (models/services/communities.py), and the fields a release asks for the hand-over."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.reads.handover import CommunityRow, communities
from models.services.communities import Handover, add_community, edit_community, retire_community

from .context import AppContext


class CommunityForm(QDialog):
    """Add a community, or correct one (``row``); OK saves and closes only when the domain accepts it."""

    def __init__(self, ctx: AppContext, row: CommunityRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row, self.saved_id = ctx, row, None if row is None else row.id
        self.setWindowTitle(self.tr("Receiving community") if row is None else self.tr("Correct the community"))
        self.street, self.name = QLineEdit(self), QLineEdit(self)
        self.contact, self.phone = QLineEdit(self), QLineEdit(self)
        self.street.setPlaceholderText(self.tr("e.g. Sanli'an Subdistrict"))
        self.name.setPlaceholderText(self.tr("e.g. Anjuyuan Community"))
        self.phone.setPlaceholderText(self.tr("a mobile, or a landline with its area code"))
        for edit, limit in ((self.street, 100), (self.name, 100), (self.contact, 50), (self.phone, 20)):
            edit.setMaxLength(limit)
        if row is not None:
            self.street.setText(row.street)
            self.name.setText(row.name)
            self.contact.setText(row.contact)
            self.phone.setText(row.phone)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Street"), self.street)
        form.addRow(self.tr("Community"), self.name)
        form.addRow(self.tr("Contact person"), self.contact)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.error)
        form.addRow(buttons)

    def save(self) -> bool:
        values = (self.street.text(), self.name.text(), self.contact.text(), self.phone.text())
        try:
            with self.ctx.sessions() as s:
                if self.row is None:
                    self.saved_id = add_community(s, self.ctx.user, *values).id
                else:
                    edit_community(s, self.ctx.user, self.row.id, *values, expected_version=self.row.version)
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return False
        self.accept()
        return True


class CommunitiesDialog(QDialog):
    """The list: street, community, contact, phone; Add, Correct, Retire."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Receiving communities"))
        self.resize(640, 420)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Street"), self.tr("Community"), self.tr("Contact"), self.tr("Phone")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Correct…"), self)
        self.retire_button = QPushButton(self.tr("Retire"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.retire_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.retire_button.clicked.connect(self.retire)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.rows: list[CommunityRow] = []
        self.reload()

    def reload(self) -> None:
        with self.ctx.sessions() as s:
            self.rows = communities(s)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for j, text in enumerate((r.street, r.name, r.contact, r.phone)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        has = bool(self.rows)
        self.edit_button.setEnabled(has)
        self.retire_button.setEnabled(has)
        if has and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def selected(self) -> CommunityRow | None:
        i = self.table.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def add(self) -> CommunityForm:
        form = CommunityForm(self.ctx, None, self)
        form.finished.connect(lambda _r: self.reload())
        form.open()
        return form

    def edit(self) -> CommunityForm | None:
        row = self.selected()
        if row is None:
            return None
        form = CommunityForm(self.ctx, row, self)
        form.finished.connect(lambda _r: self.reload())
        form.open()
        return form

    def retire(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        asked = QMessageBox.question(
            self,
            self.tr("Retire"),
            self.tr("No longer offer {0} at release? The people it received keep it on their papers.").format(
                row.label
            ),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return False
        try:
            with self.ctx.sessions() as s:
                retire_community(s, self.ctx.user, row.id)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return False
        self.message.setText(self.tr("{0} is no longer offered at release.").format(row.label))
        self.reload()
        return True


class HandoverFields:
    """The release dialog's hand-over rows: the address (the person's own, offered), the receiving community
    (a list the desk keeps, "New…" beside it) and the transport."""

    def __init__(self, ctx: AppContext, form: QFormLayout, parent: QWidget, address: str | None) -> None:
        """``address`` None: no address row (a batch: each person goes to their own address)."""
        self.ctx = ctx
        self.destination = QLineEdit(address or "", parent)
        self.destination.setMaxLength(200)
        self.community = QComboBox(parent)
        self.new_button = QPushButton(QCoreApplication.translate("HandoverFields", "New…"), parent)
        self.transport = QLineEdit(parent)
        self.transport.setMaxLength(200)
        self.transport.setPlaceholderText(
            QCoreApplication.translate("HandoverFields", "e.g. community car, point to point (plate A12345)")
        )
        row = QHBoxLayout()
        row.addWidget(self.community, 1)
        row.addWidget(self.new_button)
        if address is not None:
            form.addRow(QCoreApplication.translate("HandoverFields", "Goes to (address)"), self.destination)
        else:
            self.destination.hide()
        form.addRow(QCoreApplication.translate("HandoverFields", "Receiving community"), row)
        form.addRow(QCoreApplication.translate("HandoverFields", "Transport"), self.transport)
        self.new_button.clicked.connect(self.new_community)
        self.parent = parent
        self.fill()

    def fill(self, select: int | None = None) -> None:
        with self.ctx.sessions() as s:
            rows = communities(s)
        self.community.clear()
        self.community.addItem(QCoreApplication.translate("HandoverFields", "(not recorded)"), None)
        for r in rows:
            self.community.addItem(r.label, r.id)
        if select is not None:
            self.community.setCurrentIndex(self.community.findData(select))

    def new_community(self) -> CommunityForm:
        form = CommunityForm(self.ctx, None, self.parent)
        form.accepted.connect(lambda: self.fill(form.saved_id))
        form.open()
        return form

    def value(self) -> Handover:
        return Handover(self.destination.text(), self.community.currentData(), self.transport.text())
