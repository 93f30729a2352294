"""Help menu: About IsoDesk (version, log file) and Open the log folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from models.logs import log_dir, log_file, logging_set_up
from resources import app_version as version


def current_log_file() -> Path | None:
    """The log file in use (set up at start), else where it would be; None when none could be written."""
    if logging_set_up():
        return log_file()
    return log_dir() / "isodesk.log"


class AboutBox(QMessageBox):
    """Name, version, the log file's path (or that none could be written). Shown with ``open()`` (not modal
    to the whole app)."""

    def __init__(self, parent: QWidget | None = None, log_path: Path | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path or current_log_file()
        self.setWindowTitle(self.tr("About IsoDesk"))
        self.setIcon(QMessageBox.Icon.Information)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(self.tr("IsoDesk — isolation point desk") + "\n" + self.tr("Version {0}").format(version()))
        if self.log_path is not None:
            self.setInformativeText(
                self.tr("Log file: {0}").format(self.log_path)
                + "\n"
                + self.tr("When something goes wrong, send this file with a description of what you did.")
            )
        else:
            self.setInformativeText(self.tr("No log file could be written."))
        self.setStandardButtons(QMessageBox.StandardButton.Close)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


class HelpMenu(QObject):
    """Adds Help › About IsoDesk and Help › Open the log folder to a main window's menu bar."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.about_box: AboutBox | None = None
        self.menu = window.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("About IsoDesk"), window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.log_action = QAction(self.tr("Open the log folder"), window)
        self.log_action.triggered.connect(self.open_log_folder)
        self.menu.addAction(self.about_action)
        self.menu.addAction(self.log_action)

    def show_about(self) -> AboutBox:
        self.about_box = AboutBox(self.window)
        self.about_box.open()
        return self.about_box

    def open_log_folder(self) -> bool:
        path = current_log_file()
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent if path is not None else log_dir())))
