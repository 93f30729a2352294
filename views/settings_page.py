"""Settings: language and theme for everyone; the database and backups for admins only.

Every change goes through a domain service (models/services/desk_settings.py, maintenance.py) that checks
the signed-in user's current role and records the change; the page shows only what the role may do.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QFormLayout, QLabel, QPushButton, QWidget

from models import permissions
from models.errors import DomainError
from models.services.desk_settings import change_desk_setting, change_preference
from models.store import credentials

from .backup_panel import BackupPanel
from .context import AppContext
from .database_panel import DatabasePanel
from .preferences import ui_language


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings = ctx.settings
        self.language = QComboBox(self)
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(ui_language(settings)))
        self.dark = QCheckBox(self.tr("Dark theme"), self)
        self.dark.setChecked(settings.value("ui/dark", False, type=bool))
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.dark)
        form.addRow("", QLabel(self.tr("Language and theme apply at the next start."), self))
        self.restart_button = QPushButton(self.tr("Restart now"), self)
        self.restart_button.setEnabled(False)
        form.addRow("", self.restart_button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form.addRow("", self.message)
        self.admin = permissions.allowed(ctx.user.role, "settings")
        self.database: DatabasePanel | None = None
        self.backups: BackupPanel | None = None
        if self.admin:  # where the data lives and how it is kept: an admin's settings
            self.database = DatabasePanel(settings, ctx.language, database, self, save=self._save_database)
            form.addRow(self.database)
            self.backups = BackupPanel(ctx, self)
            form.addRow(self.backups)
        else:
            form.addRow(self.tr("Database"), QLabel(credentials.masked(database), self))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.dark.toggled.connect(self._dark_changed)
        self.restart_button.clicked.connect(self.restart)

    def _preference(self, key: str, value: object) -> bool:
        try:
            with self.ctx.sessions() as s:
                change_preference(s, self.ctx.user, self.settings, key, value)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return False
        self.restart_button.setEnabled(True)
        return True

    def _save_database(self, address: str) -> str:
        with self.ctx.sessions() as s:
            return change_desk_setting(s, self.ctx.user, self.settings, "db/url", address)

    def _language_changed(self) -> None:
        self._preference("ui/language", self.language.currentData())

    def _dark_changed(self, on: bool) -> None:
        self._preference("ui/dark", on)

    def restart(self) -> None:
        """Start a new instance with the same arguments, then close this one (windows save their state)."""
        if QProcess.startDetached(sys.executable, sys.argv):
            QApplication.closeAllWindows()
            QApplication.quit()
