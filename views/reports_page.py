"""Reports (报表与打印): any form for a day / floor, previewed and printed; the daily report's figures; .xlsx."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

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

from models.errors import DomainError
from models.permissions import allowed
from models.reads.handover import communities
from models.reads.lookups import floors
from models.reads.reports import daily_report
from printing.form_names import FULL_IDENTIFIER_FORMS
from printing.labels import L

from .communities_dialog import CommunitiesDialog
from .context import AppContext
from .labels import form_title
from .print_preview import show_pdf
from .tasks import Job, Task


def render(*args: Any, **kwargs: Any) -> bytes:
    """printing.documents.render, imported at the first print: ReportLab and openpyxl are not needed to start."""
    from printing.documents import render as build

    return build(*args, **kwargs)


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions = ctx.sessions
        self.actor = ctx.user
        self.form = QComboBox(self)
        for key, label in (
            ("daily-sheets", self.tr("Daily observation sheets (per floor)")),
            ("release-notices", self.tr("Release notices for the day")),
            ("door-cards", self.tr("Door cards")),
            ("daily-report", self.tr("Daily report")),
            ("disinfection", self.tr("Terminal disinfection record (month to date)")),
            ("ledger", self.tr("People ledger")),
            ("release-ledger", self.tr("Release ledger")),
            ("transfer-ledger", self.tr("Transfer ledger")),
            ("handover", self.tr("Release hand-over lists (by receiving community)")),
            ("followup-ledger", self.tr("Follow-up call ledger")),
            ("forecast", self.tr("Room forecast (today and the next 7 days)")),
            ("area-disinfection", self.tr("Routine disinfection of public areas")),
            ("supplies", self.tr("Supplies: stock and movements")),
            ("care-requests", self.tr("Occupants' requests (by floor)")),
            ("roster", self.tr("Duty roster (the week of the date)")),
        ):
            if key in FULL_IDENTIFIER_FORMS and not allowed(ctx.user.role, "identity"):
                continue  # it prints full ID numbers: not offered to a role that may not see them
            self.form.addItem(label, key)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.floor = QComboBox(self)
        self.day_from = QDateEdit(self)  # the hand-over lists: from this day to the date above
        self.day_from.setCalendarPopup(True)
        self.day_from.setDisplayFormat("yyyy-MM-dd")
        self.community = QComboBox(self)
        self.communities_button = QPushButton(self.tr("Receiving communities…"), self)
        self.communities_button.setVisible(allowed(ctx.user.role, "departures"))
        self.lang = QComboBox(self)
        self.lang.addItem("简体中文", "zh_CN")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(self.lang.findData(ctx.language))
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
        form.addRow(self.tr("From"), self.day_from)
        community_row = QHBoxLayout()
        community_row.addWidget(self.community, 1)
        community_row.addWidget(self.communities_button)
        form.addRow(self.tr("Receiving community"), community_row)
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
        self.communities_button.clicked.connect(self.edit_communities)
        self.form.currentIndexChanged.connect(lambda _i: self._form_changed())
        self.day.dateChanged.connect(lambda _d: self.show_figures())

    def _load(self) -> None:
        today = self.ctx.today()
        with self.sessions() as s:
            levels = floors(s)
        self.floor.addItem(self.tr("All floors"), None)
        for f in levels:
            self.floor.addItem(f.label, f.id)
        self.day.blockSignals(True)
        self.day.setDate(self.ctx.qdate(today))
        self.day.blockSignals(False)
        self.day_from.setDate(self.ctx.qdate(today))
        self._fill_communities()
        self._loaded = True
        self._form_changed()
        self.show_figures()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self._loaded:
            self._load()
        self.show_figures()
        super().showEvent(event)

    def _form_changed(self) -> None:
        from printing.documents import HAS_XLSX  # ReportLab and openpyxl: once the page is first shown

        key = self.form.currentData()
        self.xlsx_button.setEnabled(key in HAS_XLSX)
        self.floor.setEnabled(key in ("daily-sheets", "door-cards", "care-requests"))
        self.day_from.setEnabled(
            key in ("handover", "followup-ledger", "area-disinfection", "supplies", "care-requests")
        )
        self.community.setEnabled(key == "handover")

    def _fill_communities(self, keep: int | None = None) -> None:
        with self.sessions() as s:
            rows = communities(s, with_retired=True)  # a retired one's past hand-overs are still printed
        self.community.clear()
        self.community.addItem(self.tr("All communities"), None)
        for r in rows:
            self.community.addItem(self.tr("{0} (retired)").format(r.label) if r.retired else r.label, r.id)
        if keep is not None and self.community.findData(keep) >= 0:
            self.community.setCurrentIndex(self.community.findData(keep))

    def edit_communities(self) -> CommunitiesDialog:
        dialog = CommunitiesDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: self._fill_communities(self.community.currentData()))
        dialog.open()
        return dialog

    def selected_day(self) -> date:
        return self.day.date().toPython()  # type: ignore[return-value]

    def show_figures(self) -> None:
        if not self._loaded:
            return
        try:
            with self.sessions() as s:
                report = daily_report(s, self.selected_day(), self.ctx.now())
        except DomainError as exc:  # a day to come has no report (its sheets may still be printed)
            self.figures.setRowCount(0)
            self._refused = exc.message(self.ctx.language)
            self.message.setText(self._refused)
            return
        if self.message.text() == getattr(self, "_refused", None):
            self.message.clear()
        from printing.forms import REPORT_FIELDS

        t = L(self.ctx.language)
        self.figures.setRowCount(len(REPORT_FIELDS))
        for i, k in enumerate(REPORT_FIELDS):
            self.figures.setItem(i, 0, QTableWidgetItem(str(t[f"r_{k}"])))
            self.figures.setItem(i, 1, QTableWidgetItem(str(getattr(report, k))))

    def build(
        self,
        xlsx_path: Path | None = None,
        *,
        pdf: bool = True,
        on_done: Callable[[bytes], None] | None = None,
        label: str | None = None,
    ) -> Task:
        """Build the chosen form in the background (the PDF, and/or the .xlsx at ``xlsx_path``), with a
        progress dialog and Cancel; ``on_done(pdf bytes)`` runs on the GUI thread. Errors go to the message."""
        if not self._loaded:
            self._load()
        form, day, lang = self.form.currentData(), self.selected_day(), self.lang.currentData()
        floor_id = self.floor.currentData() if self.floor.isEnabled() else None
        handover = form == "handover"
        day_from = self.day_from.date().toPython() if self.day_from.isEnabled() else None
        community_id = self.community.currentData() if handover else None
        who, now, actor = self.ctx.user_name, self.ctx.now(), self.ctx.user

        def job(job: Job) -> bytes:  # in a worker thread, with its own session: plain values only
            return render(
                job.session, form, day, actor=actor, floor_id=floor_id, lang=lang, printed_by=who, now=now,
                xlsx_path=xlsx_path, pdf=pdf, progress=job.progress, day_from=day_from, community_id=community_id,
            )  # fmt: skip

        self.message.clear()
        self._set_busy(True)
        tasks = self.ctx.tasks
        return tasks.run(
            job,
            sessions=self.sessions,
            on_done=on_done,
            on_error=tasks.error_to(self.message, self.ctx.language),
            on_finished=lambda: self._set_busy(False),
            label=label or self.tr("Preparing {0}…").format(self.form.currentText()),
            parent=self,
            cancellable=True,
        )

    def _set_busy(self, busy: bool) -> None:
        """One document at a time from this page; the rest of the window stays usable."""
        self.preview_button.setEnabled(not busy)
        if busy:
            self.xlsx_button.setEnabled(False)
        else:
            self._form_changed()

    def preview(self) -> Task:
        """Build the form in the background; the print preview opens (GUI thread) when it is ready."""
        title = form_title(self.form.currentData())
        return self.build(on_done=lambda pdf: show_pdf(self, pdf, title))

    def _xlsx_clicked(self) -> None:
        name = f"{self.form.currentData()}-{self.selected_day().isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export .xlsx"), name, "*.xlsx")
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> Task:
        """Write the form's .xlsx in the background (no PDF is built); "Saved …" when done."""
        return self.build(
            xlsx_path=path,
            pdf=False,
            on_done=lambda _pdf: self.message.setText(self.tr("Saved {0}").format(path)),
            label=self.tr("Exporting {0}…").format(self.form.currentText()),
        )
