"""Settings: language and theme (saved in QSettings, applied at the next start)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QFormLayout, QLabel, QPushButton, QWidget

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
        self.database = DatabasePanel(settings, ctx.language, database, self)
        form.addRow(self.database)
        form.addRow("", QLabel(self.tr("Language and theme apply at the next start."), self))
        self.restart_button = QPushButton(self.tr("Restart now"), self)
        self.restart_button.setEnabled(False)
        form.addRow("", self.restart_button)
        self.backups = BackupPanel(ctx, self)
        form.addRow(self.backups)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.dark.toggled.connect(self._dark_changed)
        self.restart_button.clicked.connect(self.restart)

    def _language_changed(self) -> None:
        self.settings.setValue("ui/language", self.language.currentData())
        self.restart_button.setEnabled(True)

    def _dark_changed(self, on: bool) -> None:
        self.settings.setValue("ui/dark", on)
        self.restart_button.setEnabled(True)

    def restart(self) -> None:
        """Start a new instance with the same arguments, then close this one (windows save their state)."""
        if QProcess.startDetached(sys.executable, sys.argv):
            QApplication.closeAllWindows()
            QApplication.quit()
