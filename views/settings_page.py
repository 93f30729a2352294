"""Settings: language and theme (saved in QSettings, applied at the next start)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from .application import APP, ORG, ui_language


class SettingsPage(QWidget):
    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = QSettings(ORG, APP)
        self.language = QComboBox(self)
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(ui_language(settings)))
        self.dark = QCheckBox(self.tr("Dark theme"), self)
        self.dark.setChecked(settings.value("ui/dark", False, type=bool))
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.dark)
        form.addRow(self.tr("Database"), QLabel(database, self))
        form.addRow("", QLabel(self.tr("Language and theme apply at the next start."), self))
        self.language.currentIndexChanged.connect(
            lambda _i: QSettings(ORG, APP).setValue("ui/language", self.language.currentData())
        )
        self.dark.toggled.connect(lambda on: QSettings(ORG, APP).setValue("ui/dark", on))
