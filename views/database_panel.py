"""Which database this desk uses: its own SQLite file, or a PostgreSQL server shared by several desks."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from models.errors import DomainError
from models.store.db import probe

from .context import AppContext


class DatabasePanel(QGroupBox):
    def __init__(self, ctx: AppContext, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Database"))
        form = QFormLayout(self)
        form.addRow(self.tr("In use"), QLabel(current, self))
        self.url = QLineEdit(str(ctx.settings.value("db/url", "") or ""), self)
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
            self.result.setText("✗ " + self.ctx.message(e))
            return False
        self.result.setText("✓ " + info)
        return True

    def save(self) -> None:
        if self.test():
            self.ctx.settings.setValue("db/url", self.url.text().strip())
            self.result.setText(self.result.text() + " · " + self.tr("saved: restart to use it"))
