"""Login at start, and the first admin on a new database."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session, sessionmaker

from models.errors import DomainError
from models.services.accounts import authenticate, create_first_admin, needs_first_admin
from models.store.orm import User


class LoginDialog(QDialog):
    """User name + password; on a database without accounts it creates the first admin instead.

    Before the login there is no AppContext yet (it needs the user): the dialog takes what it needs of it.
    """

    def __init__(self, sessions: sessionmaker[Session], language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.language = language
        self.user: User | None = None
        with sessions() as s:
            self.first_run = needs_first_admin(s)
        self.setWindowTitle(self.tr("Create the first admin") if self.first_run else self.tr("Log in"))
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        form = QFormLayout()
        if self.first_run:
            form.addRow(
                QLabel(self.tr("No accounts yet: this person becomes the admin, who then adds the others."), self)
            )
        form.addRow(self.tr("User name"), self.username)
        if self.first_run:
            form.addRow(self.tr("Full name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        if self.first_run:
            form.addRow(self.tr("Repeat password"), self.repeat)
        else:
            self.display_name.hide()
            self.repeat.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

    def confirm(self) -> None:
        lang = self.language
        try:
            with self.sessions() as s:
                if self.first_run:
                    if self.password.text() != self.repeat.text():
                        raise DomainError("passwords_differ")
                    self.user = create_first_admin(
                        s, self.username.text(), self.password.text(), self.display_name.text()
                    )
                else:
                    self.user = authenticate(s, self.username.text(), self.password.text())
        except DomainError as e:
            logging.getLogger("isodesk").info("login refused for %r: %s", self.username.text(), e.code)
            self.error.setText(e.message(lang))
            self.password.clear()
            self.repeat.clear()
            self.password.setFocus()
            return
        assert self.user is not None
        what = "first admin created" if self.first_run else "login"
        logging.getLogger("isodesk").info("%s: %s (%s)", what, self.user.username, self.user.role.value)
        self.accept()
