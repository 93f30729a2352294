"""Help menu: About IsoDesk (version, licence, database, log file, the third-party parts and their licences)
and Open the log folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QIcon
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from models.logs import log_dir, log_file, logging_set_up
from resources import FONT_FILE, ICON_FILE
from resources import app_version as version


def current_log_file() -> Path | None:
    """The log file in use (set up at start), else where it would be; None when none could be written."""
    if logging_set_up():
        return log_file()
    return log_dir() / "isodesk.log"


class AboutBox(QMessageBox):
    """Name, version, the log file's path (or that none could be written). Shown with ``open()`` (not modal
    to the whole app)."""

    def __init__(
        self, parent: QWidget | None = None, log_path: Path | None = None, database: str | None = None
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path or current_log_file()
        self.setWindowTitle(self.tr("About IsoDesk"))
        self.setIconPixmap(QIcon(str(ICON_FILE)).pixmap(64, 64))
        self.setTextFormat(Qt.TextFormat.PlainText)
        lines = [
            self.tr("IsoDesk — isolation point desk"),
            self.tr("Version {0}").format(version()),
            self.tr("Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later)"),
        ]
        if database:
            lines.append(self.tr("Database: {0}").format(database))
        self.setText("\n".join(lines))
        self.setDetailedText(self.third_party())
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

    def third_party(self) -> str:
        """The parts of others IsoDesk carries, each with its licence; the fonts' licence files' paths."""
        parts = [
            ("WenQuanYi Micro Hei 文泉驿微米黑", "Apache-2.0 / GPL-3.0+ with font exception", FONT_LICENSES[0]),
            ("Hanazono 花園明朝 (subset: IsoDesk CJK Ext)", "Hanazono Font License / SIL OFL 1.1", FONT_LICENSES[1]),
        ]
        lines = [self.tr("Third-party parts and their licences:")]
        lines += [f"- {name}: {licence} ({path})" for name, licence, path in parts]
        lines += [f"- {name}: {licence}" for name, licence in LIBRARIES]
        return "\n".join(lines)


# the libraries IsoDesk runs on (bundled by the installer), with their licences
LIBRARIES = [
    ("Qt 6 / PySide6", "LGPL-3.0"),
    ("Python", "PSF-2.0"),
    ("SQLAlchemy, Alembic", "MIT"),
    ("ReportLab", "BSD-3-Clause"),
    ("zxing-cpp", "Apache-2.0"),
    ("qt-material", "BSD-2-Clause"),
    ("python-stdnum", "LGPL-2.1+"),
    ("phonenumbers", "Apache-2.0"),
    ("pypinyin", "MIT"),
    ("openpyxl", "MIT"),
    ("argon2-cffi", "MIT"),
    ("platformdirs", "MIT"),
    ("keyring", "MIT"),
    ("psycopg", "LGPL-3.0"),
    ("pypdf", "BSD-3-Clause"),
    ("Pillow", "MIT-CMU"),
    ("tzdata", "Apache-2.0"),
]
FONT_LICENSES = [FONT_FILE.with_name("LICENSE-wqy-microhei.txt"), FONT_FILE.with_name("LICENSE-hanazono.txt")]


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
        ctx = getattr(self.window, "ctx", None)
        engine = getattr(ctx, "engine", None)
        database = None
        if engine is not None:  # a file's path, or the server's address without its password
            sqlite = engine.url.get_backend_name() == "sqlite"
            database = engine.url.database if sqlite else engine.url.render_as_string(hide_password=True)
        self.about_box = AboutBox(self.window, database=database)
        self.about_box.open()
        return self.about_box

    def open_log_folder(self) -> bool:
        path = current_log_file()
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent if path is not None else log_dir())))
