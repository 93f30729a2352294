"""Reports (报表与打印): any form for a day / floor, previewed and printed; the daily report's figures; .xlsx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.errors import DomainError
from models.orm import Building, Floor, User, utcnow
from models.reports import daily_report, today_for
from printing.documents import HAS_XLSX, render
from printing.forms import REPORT_FIELDS
from printing.labels import L

from .application import current_language
from .print_preview import show_pdf


class ReportsPage(QWidget):
    def __init__(self, sessions: sessionmaker[Session], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.actor: User | None = None
        self.form = QComboBox(self)
        for key, label in (
            ("daily-sheets", self.tr("Daily observation sheets (per floor)")),
            ("release-notices", self.tr("Release notices for the day")),
            ("door-cards", self.tr("Door cards")),
            ("daily-report", self.tr("Daily report")),
            ("disinfection", self.tr("Terminal disinfection record (month to date)")),
            ("ledger", self.tr("People ledger")),
        ):
            self.form.addItem(label, key)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.floor = QComboBox(self)
        self.lang = QComboBox(self)
        self.lang.addItem("简体中文", "zh_CN")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(self.lang.findData(current_language()))
        self.preview_button = QPushButton(self.tr("Preview and print…"), self)
        self.xlsx_button = QPushButton(self.tr("Export .xlsx…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.figures = QTableWidget(0, 2, self)
        self.figures.setHorizontalHeaderLabels([self.tr("Daily report"), ""])
        self.figures.verticalHeader().hide()
        self.figures.horizontalHeader().setStretchLastSection(True)
        form = QFormLayout()
        form.addRow(self.tr("Form"), self.form)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Floor"), self.floor)
        form.addRow(self.tr("Language"), self.lang)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.figures, 1)
        self._loaded = False
        self.preview_button.clicked.connect(self.preview)
        self.xlsx_button.clicked.connect(self._xlsx_clicked)
        self.form.currentIndexChanged.connect(lambda _i: self._form_changed())
        self.day.dateChanged.connect(lambda _d: self.show_figures())

    def _load(self) -> None:
        with self.sessions() as s:
            today = today_for(s, utcnow())
            floors = s.execute(
                select(Floor.id, Floor.name, Building.name)
                .join(Building, Floor.building_id == Building.id)
                .order_by(Building.sort, Floor.sort)
            ).all()
        self.floor.addItem(self.tr("All floors"), None)
        for fid, fname, bname in floors:
            self.floor.addItem(f"{bname} {fname}", fid)
        self.day.blockSignals(True)
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.blockSignals(False)
        self._loaded = True
        self._form_changed()
        self.show_figures()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self._loaded:
            self._load()
        self.show_figures()
        super().showEvent(event)

    def _form_changed(self) -> None:
        key = self.form.currentData()
        self.xlsx_button.setEnabled(key in HAS_XLSX)
        self.floor.setEnabled(key in ("daily-sheets", "door-cards"))

    def selected_day(self) -> date:
        return self.day.date().toPython()  # type: ignore[return-value]

    def show_figures(self) -> None:
        if not self._loaded:
            return
        with self.sessions() as s:
            report = daily_report(s, self.selected_day())
        t = L(current_language())
        self.figures.setRowCount(len(REPORT_FIELDS))
        for i, k in enumerate(REPORT_FIELDS):
            self.figures.setItem(i, 0, QTableWidgetItem(str(t[f"r_{k}"])))
            self.figures.setItem(i, 1, QTableWidgetItem(str(getattr(report, k))))

    def build(self, xlsx_path: Path | None = None) -> bytes | None:
        if not self._loaded:
            self._load()
        who = (self.actor.display_name or self.actor.username) if self.actor else ""
        try:
            with self.sessions() as s:
                return render(
                    s,
                    self.form.currentData(),
                    self.selected_day(),
                    floor_id=self.floor.currentData() if self.floor.isEnabled() else None,
                    lang=self.lang.currentData(),
                    printed_by=who,
                    xlsx_path=xlsx_path,
                )
        except DomainError as e:
            self.message.setText(e.message(current_language()))
            return None

    def preview(self) -> None:
        pdf = self.build()
        if pdf is not None:
            show_pdf(self, pdf, self.form.currentText())

    def _xlsx_clicked(self) -> None:
        name = f"{self.form.currentData()}-{self.selected_day().isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export .xlsx"), name, "*.xlsx")
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> bool:
        if self.build(xlsx_path=path) is None:
            return False
        self.message.setText(self.tr("Saved {0}").format(path))
        return True
