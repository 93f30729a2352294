"""Which database this desk uses: its own SQLite file, or a PostgreSQL server shared by several desks."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from models.errors import DomainError
from models.store.db import probe


class DatabasePanel(QGroupBox):
    """The database in use (``current``) and the shared one to use from the next start, saved in ``settings``
    ("db/url"). It needs no signed-in user: the settings page shows it, and so does the database-unreachable
    dialog before the login; refusals are in ``language``."""

    def __init__(self, settings: QSettings, language: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = language
        self.setTitle(self.tr("Database"))
        form = QFormLayout(self)
        form.addRow(self.tr("In use"), QLabel(current, self))
        self.url = QLineEdit(str(settings.value("db/url", "") or ""), self)
        self.url.setPlaceholderText("postgresql://user:password@server/isodesk")
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.save_button = QPushButton(self.tr("Use from the next start"), self)
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

    def test(self) -> bool:
        text = self.url.text().strip()
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
        if self.test():
            self.settings.setValue("db/url", self.url.text().strip())
            self.result.setText(self.result.text() + " · " + self.tr("saved: restart to use it"))
