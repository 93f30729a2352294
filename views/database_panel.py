"""Which database this desk uses: its own SQLite file, or a PostgreSQL server shared by several desks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from models.errors import DomainError
from models.store import credentials
from models.store.db import probe


class DatabasePanel(QGroupBox):
    """The database in use (``current``) and a shared one to use instead.

    Signed in as an admin, ``save`` is given (a call of the ``settings`` service): "Use from the next start"
    saves the address, its password going to the OS credential store. Before the login (the
    database-unreachable dialog) there is nobody to check, so nothing is saved: "Try this database" only
    names the one Retry opens this once (:attr:`chosen`); an admin saves it later. Refusals are in ``language``.
    """

    def __init__(
        self,
        settings: QSettings,
        language: str,
        current: str,
        parent: QWidget | None = None,
        *,
        save: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = language
        self._save = save
        self.chosen: str | None = None  # before the login: the address typed for Retry, this start only
        self.setTitle(self.tr("Database"))
        form = QFormLayout(self)
        form.addRow(self.tr("In use"), QLabel(credentials.masked(current), self))
        self.url = QLineEdit(str(settings.value("db/url", "") or ""), self)
        self.url.setPlaceholderText("postgresql://user:password@server/isodesk")
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.save_button = QPushButton(
            self.tr("Use from the next start") if save is not None else self.tr("Try this database"), self
        )
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.test_button)
        row.addWidget(self.save_button)
        form.addRow(self.tr("Shared database"), row)
        form.addRow(
            "",
            QLabel(self.tr("Several desks share one PostgreSQL database. Leave empty for this PC's own file."), self),
        )
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        form.addRow("", self.result)
        self.test_button.clicked.connect(self.test)
        self.save_button.clicked.connect(self.save)

    def _address(self) -> str:
        """What was typed, with the stored password added back when the address is the saved one."""
        return credentials.complete(self.url.text().strip())

    def test(self) -> bool:
        text = self._address()
        if not text:
            self.result.setText(self.tr("Empty: this PC's own database file is used."))
            return True
        try:
            info = probe(text)
        except DomainError as e:
            self.result.setText("✗ " + e.message(self.language))
            return False
        if info.new_file:
            said = self.tr("SQLite · a new file: IsoDesk will create it")
        elif info.revision:
            said = self.tr("{0} {1} · IsoDesk database (schema {2})").format(info.backend, info.version, info.revision)
        else:
            said = self.tr("{0} {1} · empty: IsoDesk will set it up").format(info.backend, info.version)
        self.result.setText("✓ " + said)
        return True

    def save(self) -> None:
        if not self.test():
            return
        if self._save is None:
            self.chosen = self._address()
            self.result.setText(self.result.text() + " · " + self.tr("press Retry to open it (not saved)"))
            return
        try:
            saved = self._save(self.url.text().strip())
        except DomainError as e:
            self.result.setText("✗ " + e.message(self.language))
            return
        self.url.setText(saved)  # the password, if any, is in the credential store now
        self.result.setText(self.result.text() + " · " + self.tr("saved: restart to use it"))
