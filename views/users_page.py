"""Users (admin): add, change role, disable, reset a password; anyone: change their own password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
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
from models.services.accounts import change_password, create_user, list_users, reset_password, update_user
from models.store.orm import Role, User

from .context import AppContext
from .labels import role_label


class UsersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions, self.actor = ctx.sessions, ctx.user
        actor = ctx.user
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        # own password
        own = QGroupBox(self.tr("My password"), self)
        self.old_password, self.new_password = QLineEdit(own), QLineEdit(own)
        for edit in (self.old_password, self.new_password):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.change_button = QPushButton(self.tr("Change password"), own)
        own_form = QFormLayout(own)
        own_form.addRow(self.tr("Current password"), self.old_password)
        own_form.addRow(self.tr("New password"), self.new_password)
        own_form.addRow("", self.change_button)
        # everyone (admin only)
        self.admin_box = QGroupBox(self.tr("Users"), self)
        self.table = QTableWidget(0, 4, self.admin_box)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Active")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.new_username, self.new_name, self.new_user_password = (QLineEdit(self.admin_box) for _ in range(3))
        self.new_user_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_role = QComboBox(self.admin_box)
        for role in Role:
            self.new_role.addItem(role_label(role), role.value)
        self.new_role.setCurrentIndex(self.new_role.findData(Role.DESK.value))
        self.add_button = QPushButton(self.tr("Add user"), self.admin_box)
        self.role = QComboBox(self.admin_box)
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        self.active = QCheckBox(self.tr("Active"), self.admin_box)
        self.save_button = QPushButton(self.tr("Save role and state"), self.admin_box)
        self.reset_to = QLineEdit(self.admin_box)
        self.reset_to.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_button = QPushButton(self.tr("Set new password"), self.admin_box)
        add = QHBoxLayout()
        for w in (self.new_username, self.new_name, self.new_user_password, self.new_role, self.add_button):
            add.addWidget(w)
        self.new_username.setPlaceholderText(self.tr("User name"))
        self.new_name.setPlaceholderText(self.tr("Full name"))
        self.new_user_password.setPlaceholderText(self.tr("Password"))
        edit = QHBoxLayout()
        for w in (self.role, self.active, self.save_button, self.reset_to, self.reset_button):
            edit.addWidget(w)
        self.reset_to.setPlaceholderText(self.tr("New password"))
        box = QVBoxLayout(self.admin_box)
        box.addWidget(self.table)
        box.addLayout(edit)
        box.addLayout(add)
        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(self.admin_box, 1)
        layout.addWidget(self.message)
        self.admin_box.setVisible(actor.role is Role.ADMIN)
        self.change_button.clicked.connect(self.change_own)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        self.table.currentCellChanged.connect(lambda *_a: self._show_selected())
        self.users: list[User] = []
        self.refresh()

    def _run(self, call, done: str) -> bool:  # type: ignore[no-untyped-def]
        try:
            with self.sessions() as s:
                call(s)
        except DomainError as e:
            self.message.setText(self.ctx.message(e))
            return False
        self.message.setText(done)
        self.refresh()
        return True

    def refresh(self) -> None:
        if self.actor.role is not Role.ADMIN:
            return
        row = self.table.currentRow()
        with self.sessions() as s:
            self.users = list_users(s)
        self.table.setRowCount(len(self.users))
        for i, u in enumerate(self.users):
            for col, text in enumerate(
                (u.username, u.display_name, role_label(u.role), self.tr("yes") if u.active else self.tr("no"))
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, u.id)
                self.table.setItem(i, col, item)
        if 0 <= row < len(self.users):
            self.table.setCurrentCell(row, 0)

    def _current_user(self) -> User | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _show_selected(self) -> None:
        user = self._current_user()
        if user is not None:
            self.role.setCurrentIndex(self.role.findData(user.role.value))
            self.active.setChecked(user.active)

    def change_own(self) -> None:
        old, new = self.old_password.text(), self.new_password.text()
        if self._run(lambda s: change_password(s, self.actor, old, new), self.tr("Password changed.")):
            self.old_password.clear()
            self.new_password.clear()

    def add(self) -> None:
        name, full, password = self.new_username.text(), self.new_name.text(), self.new_user_password.text()
        role = Role(self.new_role.currentData())
        if self._run(
            lambda s: create_user(s, self.actor, name, password, role, full), self.tr("User {0} added.").format(name)
        ):
            for edit in (self.new_username, self.new_name, self.new_user_password):
                edit.clear()

    def save(self) -> None:
        user = self._current_user()
        if user is None:
            return
        role, active = Role(self.role.currentData()), self.active.isChecked()
        self._run(
            lambda s: update_user(s, self.actor, user.id, role=role, active=active),
            self.tr("{0} saved.").format(user.username),
        )

    def reset(self) -> None:
        user = self._current_user()
        if user is None:
            return
        new = self.reset_to.text()
        if self._run(
            lambda s: reset_password(s, self.actor, user.id, new),
            self.tr("New password set for {0}.").format(user.username),
        ):
            self.reset_to.clear()
