"""Batch arrival from a transfer list: read, map columns if needed, preview rows and rooms, check in all.

Each row shows its status (valid / warning / invalid / duplicate / skipped) and why; the room plan
shows where every accepted person goes and why; confirm checks all of them in in one transaction.
Rejected rows can be exported back as an .xlsx with the reasons.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from models.errors import DomainError
from models.identity import mask_id
from models.importer import FIELDS, ImportRow, check_in_rows, export_rows, parse_rows, plan_rooms, read_table
from models.orm import User

from .application import current_language

STATUS_COLOURS = {
    "valid": "#c8e6c9",
    "warning": "#fff9c4",
    "invalid": "#ffcdd2",
    "duplicate": "#ffe0b2",
    "skipped": "#eeeeee",
}


class MappingDialog(QDialog):
    """Assign the list's column headers to fields when they are not recognised."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Match the columns"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Which field is each column? Name and ID number are required."), self))
        self.combos: dict[str, QComboBox] = {}
        for h in headers:
            combo = QComboBox(self)
            combo.addItem(self.tr("(ignore)"), None)
            for f in FIELDS:
                combo.addItem(f, f)
            self.combos[h] = combo
            form.addRow(h, combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def mapping(self) -> dict[str, str]:
        return {h: c.currentData() for h, c in self.combos.items() if c.currentData()}


class BatchDialog(QDialog):
    def __init__(self, sessions: sessionmaker[Session], actor: User | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions, self.actor = sessions, actor
        self.lang = current_language()
        self.rows: list[ImportRow] = []
        self.table_cells: list[list[object]] = []
        self.mapping: dict[str, str] = {}
        self.stays: list[object] = []
        self.setWindowTitle(self.tr("Batch arrival from a transfer list"))
        self.file_label = QLabel(self.tr("No file"), self)
        self.open_button = QPushButton(self.tr("Open list…"), self)
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Status"), self.tr("Name"), self.tr("ID number"), self.tr("Room"), self.tr("Why")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.export_button = QPushButton(self.tr("Export rejected rows…"), self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Check in all valid rows"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.resize(1000, 640)
        self.open_button.clicked.connect(self._choose)
        self.export_button.clicked.connect(self._export)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Transfer list"), "", self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path, mapping: dict[str, str] | None = None) -> bool:
        """Read and check a list; asks for a column mapping when the header is not recognised."""
        self.error.clear()
        self.file_label.setText(path.name)
        try:
            cells = read_table(path)
        except DomainError as e:
            self.error.setText(e.message(self.lang))
            return False
        self.mapping = mapping or self.mapping
        try:
            with self.sessions() as s:
                self.rows = parse_rows(s, cells, mapping=self.mapping)
                plan = plan_rooms(s, self.rows)
        except DomainError as e:
            if e.code != "import_no_header" or mapping is not None:
                self.error.setText(e.message(self.lang))
                return False
            headers = [str(c) for c in next((r for r in cells if any(c not in (None, "") for c in r)), []) if c]
            dialog = MappingDialog(headers, self)
            if not dialog.exec():
                return False
            return self.load(path, dialog.mapping())
        self._show(plan)
        return True

    def _show(self, plan: list[object]) -> None:
        accepted = [r for r in self.rows if r.status in ("valid", "warning")]
        rooms = dict(zip((r.row for r in accepted), plan, strict=True))
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            s = rooms.get(r.row)
            doc = str(r.fields.get("doc_number") or "")
            why = "；".join(r.messages) if r.messages else (s.explain(self.lang) if s else "")  # type: ignore[attr-defined]
            room = (s.room or self.tr("none")) if s else ""  # type: ignore[attr-defined]
            values = [
                str(r.row),
                self.status_label(r.status),
                str(r.fields.get("name", "")),
                mask_id(doc) if doc else "",
                room,
                why,
            ]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setBackground(QColor(STATUS_COLOURS[r.status]))
                self.table.setItem(i, col, item)
        unplaced = sum(1 for s in plan if s.room_id is None)  # type: ignore[attr-defined]
        counts = {k: sum(1 for r in self.rows if r.status == k) for k in STATUS_COLOURS}
        self.summary.setText(
            self.tr("{0} to check in · {1} invalid · {2} duplicates · {3} skipped").format(
                counts["valid"] + counts["warning"], counts["invalid"], counts["duplicate"], counts["skipped"]
            )
        )
        if unplaced:
            self.error.setText(self.tr("{0} people have no room: nobody will be checked in").format(unplaced))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(accepted) and not unplaced)

    def status_label(self, status: str) -> str:
        return {
            "valid": self.tr("valid"),
            "warning": self.tr("warning"),
            "invalid": self.tr("invalid"),
            "duplicate": self.tr("duplicate"),
            "skipped": self.tr("skipped"),
        }[status]

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export rejected rows"), "待修正.xlsx", "*.xlsx")
        if path:
            n = export_rows(self.rows, Path(path))
            self.summary.setText(self.tr("{0} rows written to {1}").format(n, path))

    def confirm(self) -> None:
        try:
            with self.sessions() as s:
                self.stays = check_in_rows(s, self.actor, self.rows)
        except DomainError as e:
            self.error.setText(e.message(self.lang))
            return
        self.accept()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
