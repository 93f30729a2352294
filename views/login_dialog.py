"""Login at start, and the first admin on a new database."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from models.errors import DomainError
from models.services.accounts import authenticate, create_first_admin, needs_first_admin
from models.store.orm import User


class LoginDialog(QDialog):
    """User name + password; on a database without accounts it creates the first admin instead.

    Before the login there is no AppContext yet (it needs the user): the dialog takes what it needs of it.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        language: str,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        prepare: Callable[[], None] | None = None,
    ) -> None:
        """``settings``: where a language chosen here is saved (at start; None: the choice is offered only
        there, not when switching user inside a session). ``prepare``: work for after the login (the start's
        imports of the main window), run once the dialog is shown, while the user types."""
        super().__init__(parent)
        self._prepare = prepare
        self._shown = False  # painted once
        self.sessions = sessions
        self.language = language
        self.settings = settings
        self.user: User | None = None
        with sessions() as s:
            self.first_run = needs_first_admin(s)
        # the language, chosen before anything else: it applies at once, to this dialog and what follows
        self.language_box = QComboBox(self)
        self.language_box.addItem("中文", "zh_CN")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(self.language_box.findData(language))
        self.language_box.setVisible(settings is not None)
        self.language_box.currentIndexChanged.connect(lambda _i: self.choose_language(self.language_box.currentData()))
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.intro = QLabel(self)
        self.labels = {key: QLabel(self) for key in ("username", "display_name", "password", "repeat")}
        form = QFormLayout()
        form.addRow(self.language_box)
        if self.first_run:
            form.addRow(self.intro)
        form.addRow(self.labels["username"], self.username)
        if self.first_run:
            form.addRow(self.labels["display_name"], self.display_name)
        form.addRow(self.labels["password"], self.password)
        if self.first_run:
            form.addRow(self.labels["repeat"], self.repeat)
        else:
            self.display_name.hide()
            self.repeat.hide()
            self.intro.hide()
            for key in ("display_name", "repeat"):
                self.labels[key].hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self.username.setFocus()  # typing starts with the name; the language is a Shift+Tab away

    def retranslate(self) -> None:
        """Every text of the dialog in the current language (again after a language change)."""
        self.setWindowTitle(self.tr("Create the first admin") if self.first_run else self.tr("Log in"))
        self.intro.setText(self.tr("No accounts yet: this person becomes the admin, who then adds the others."))
        self.labels["username"].setText(self.tr("User name"))
        self.labels["display_name"].setText(self.tr("Full name"))
        self.labels["password"].setText(self.tr("Password"))
        self.labels["repeat"].setText(self.tr("Repeat password"))
        self.error.clear()  # said in the other language

    def choose_language(self, language: str) -> None:
        """The language, saved and applied at once: Qt's translators are swapped (the dialog retranslates on the
        LanguageChange event) and the windows built after the login are built in it."""
        from .application import install_translators

        self.language = language
        if self.settings is not None:
            self.settings.setValue("ui/language", language)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translators(app, language)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self._shown:
            self._shown = True
            logging.getLogger("isodesk").info("the login dialog is shown")  # the log tells how far a start got
        if self._prepare is not None:  # once, after the first paint is on the screen: while the user types
            QTimer.singleShot(0, self, self._run_prepare)

    def _run_prepare(self) -> None:
        prepare, self._prepare = self._prepare, None
        try:
            if prepare is not None:
                prepare()
        except Exception:  # it is done again, as needed, after the login: there its error is reported
            logging.getLogger("isodesk").exception("preparing the main window while the login waits")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
