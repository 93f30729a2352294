"""Room forecast (房间预测): the rooms free today and on each of the next 7 days, and the planned batches.

The forecast (models/reads/forecast.py) and the batches are read in the background whenever the page is
shown or something changed; the table and the chart use the printed form's words (printing/forms/forecast.py),
so the screen and the paper say the same. The desk keeps the planned batches (待转运批次) here: announce one,
change it, call it off, or check it in from the transfer list sent ahead.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.reads.forecast import Forecast, forecast
from models.reads.planned_batches import BatchRow, batch_rows
from models.services.planned_batches import cancel_batch, list_data
from models.store.orm import BatchState
from ui import palette

from .context import AppContext
from .labels import batch_state_label
from .permissions_ui import explain_disabled
from .planned_batch_dialog import PlannedBatchForm
from .tasks import Job, Task


class ForecastChart(QWidget):
    """Bars of the free rooms at the end of each day; the margin as a dashed line; a day below it in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[int] = []
        self.labels: list[str] = []
        self.low: list[bool] = []
        self.margin = 0
        self.margin_text = ""
        self.setMinimumHeight(160)

    def show_forecast(self, fc: Forecast, building: int | None) -> None:
        cells = [d.total if building is None else d.by_building[building] for d in fc.days]
        self.values = [c.free for c in cells]
        self.labels = [f"{d.day:%m-%d}" for d in fc.days]
        self.low = [d.below_margin for d in fc.days] if building is None else [False] * len(cells)
        self.margin = fc.margin if building is None else 0
        self.update()

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self.values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        top, bottom, left = metrics.height() + 4, metrics.height() + 6, 8
        w, h = self.width() - 2 * left, self.height() - top - bottom
        high = max([*self.values, self.margin, 1]) * 1.1
        band = w / len(self.values)
        for i, v in enumerate(self.values):
            bar_h = v / high * h
            x = left + i * band + band * 0.2
            rect = QRectF(x, top + h - bar_h, band * 0.6, bar_h)
            painter.fillRect(rect, QColor(palette.BAD_TEXT if self.low[i] else "#3b7dd8"))
            painter.setPen(self.palette().windowText().color())
            text_box = QRectF(x - band * 0.2, top + h - bar_h - metrics.height() - 2, band, metrics.height())
            painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, str(v))
            painter.drawText(QRectF(x - band * 0.2, top + h + 3, band, metrics.height()), Qt.AlignmentFlag.AlignCenter,
                             self.labels[i])  # fmt: skip
        if self.margin:
            y = top + h - self.margin / high * h
            pen = QPen(QColor(palette.BAD_TEXT))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(left, int(y), left + int(w), int(y))
            painter.drawText(QRectF(left, y - metrics.height() - 1, w, metrics.height()),
                             Qt.AlignmentFlag.AlignRight, self.margin_text.format(self.margin))  # fmt: skip
        painter.end()


class ForecastPage(QWidget):
    """``check_in(batch_id, path)``: a planned batch's list, written to ``path``, to check in (the main window
    opens the batch dialog on it). ``print_requested``: the forecast's print preview. ``changed``: a batch
    was added, changed or called off here."""

    check_in = Signal(int, str)
    print_requested = Signal()
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fc: Forecast | None = None
        self.batches: list[BatchRow] = []
        self._task: Task | None = None
        self.made = QLabel(self)
        self.made.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {palette.BAD_TEXT}")
        self.building = QComboBox(self)
        self.building.addItem(self.tr("All buildings"), None)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"), self)
        self.refresh_button.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.print_button = QPushButton(self.tr("Preview and print…"), self)
        self.xlsx_button = QPushButton(self.tr("Export .xlsx…"), self)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.chart = ForecastChart(self)
        self.chart.margin_text = self.tr("margin {0}")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        # the planned batches
        self.batch_table = QTableWidget(0, 8, self)
        self.batch_table.setHorizontalHeaderLabels(
            [self.tr("Expected at"), self.tr("People"), self.tr("Rooms needed"), self.tr("Category"),
             self.tr("Source"), self.tr("Transfer list"), self.tr("State"), self.tr("Note")]
        )  # fmt: skip
        self.batch_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batch_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batch_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.batch_table.verticalHeader().hide()
        self.batch_table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Announce a batch… (Ins)"), self)
        self.edit_button = QPushButton(self.tr("Change… (Enter)"), self)
        self.cancel_button = QPushButton(self.tr("Call off…"), self)
        self.check_in_button = QPushButton(self.tr("Check in from its list…"), self)
        add = QAction(self)
        add.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        add.triggered.connect(lambda: self.add_batch())  # noqa: PLW0108 (triggered passes a bool)
        self.addAction(add)
        self.may_plan = explain_disabled(
            [self.add_button, self.edit_button, self.cancel_button, self.check_in_button, add], ctx.user.role,
            "arrivals",
        )  # fmt: skip
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Building"), self))
        top.addWidget(self.building)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.print_button)
        top.addWidget(self.xlsx_button)
        batch_buttons = QHBoxLayout()
        batch_buttons.addWidget(QLabel(self.tr("Planned batches"), self))
        batch_buttons.addStretch(1)
        for b in (self.add_button, self.edit_button, self.cancel_button, self.check_in_button):
            batch_buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.made)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.message)
        layout.addLayout(batch_buttons)
        layout.addWidget(self.batch_table, 2)
        self.refresh_button.clicked.connect(lambda: self.refresh())  # noqa: PLW0108
        self.print_button.clicked.connect(self.print_requested.emit)
        self.xlsx_button.clicked.connect(self._xlsx_clicked)
        self.building.currentIndexChanged.connect(lambda _i: self._show())
        self.add_button.clicked.connect(lambda: self.add_batch())  # noqa: PLW0108
        self.edit_button.clicked.connect(lambda: self.edit_batch())  # noqa: PLW0108
        self.cancel_button.clicked.connect(lambda: self.cancel_batch())  # noqa: PLW0108
        self.check_in_button.clicked.connect(lambda: self.check_in_batch())  # noqa: PLW0108
        self.batch_table.itemActivated.connect(lambda _item: self.edit_batch())
        self.batch_table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    # --- reading ---------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> Task:
        """The forecast and the batches, read in the background; shown when read."""
        now = self.ctx.now()

        def job(job: Job) -> tuple[Forecast, list[BatchRow]]:
            return forecast(job.session, now), batch_rows(job.session, now)

        self._task = self.ctx.tasks.run(
            job, sessions=self.ctx.sessions, on_done=self._loaded,
            on_error=self.ctx.tasks.error_to(self.message, self.ctx.language),
        )  # fmt: skip
        return self._task

    def _loaded(self, found: tuple[Forecast, list[BatchRow]]) -> None:
        self.fc, self.batches = found
        chosen = self.building.currentData()
        self.building.blockSignals(True)
        self.building.clear()
        self.building.addItem(self.tr("All buildings"), None)
        for bid, name in self.fc.buildings:
            self.building.addItem(name, bid)
        self.building.setCurrentIndex(max(0, self.building.findData(chosen)))
        self.building.blockSignals(False)
        self._show()
        self._show_batches()

    def _building_index(self) -> int | None:
        if self.fc is None or self.building.currentData() is None:
            return None
        return [b for b, _ in self.fc.buildings].index(self.building.currentData())

    def _show(self) -> None:
        from printing.forms.forecast import made_line, table_rows

        fc = self.fc
        if fc is None:
            return
        lang = self.ctx.language
        self.made.setText(made_line(fc, lang))
        building = self._building_index()
        rows = table_rows(fc, lang, building)
        self.table.setColumnCount(len(rows[0]))
        self.table.setRowCount(len(rows) - 1)
        self.table.setHorizontalHeaderLabels(rows[0])
        for r, row in enumerate(rows[1:]):
            low = fc.days[r].below_margin and building is None
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if low:
                    item.setForeground(QColor(palette.BAD_TEXT))
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.chart.show_forecast(fc, building)
        if fc.warnings:
            days = "、".join(f"{d.day:%m-%d}" for d in fc.warnings)
            self.warning.setText(
                self.tr("Below the margin of {0} free rooms, or short of rooms, on: {1}").format(fc.margin, days)
            )
        else:
            self.warning.clear()

    def _show_batches(self) -> None:
        lang = self.ctx.language
        self.batch_table.setRowCount(len(self.batches))
        for r, b in enumerate(self.batches):
            category = b.category(lang) if b.category_code else self.tr("not given")
            state = batch_state_label(b.state)
            if b.state is BatchState.ARRIVED:
                state = self.tr("{0} ({1} checked in)").format(state, b.arrived)
            elif b.state is BatchState.CANCELLED:
                state = self.tr("{0}: {1}").format(state, b.cancel_reason or "")
            cells = [f"{b.expected_at:%Y-%m-%d %H:%M}", str(b.people), str(b.rooms), category, b.source,
                     b.list_name or self.tr("not yet"), state, b.note]  # fmt: skip
            for c, text in enumerate(cells):
                self.batch_table.setItem(r, c, QTableWidgetItem(text))
        self.batch_table.resizeColumnsToContents()
        self._selection_changed()

    # --- the batches -----------------------------------------------------------------------------
    def selected(self) -> BatchRow | None:
        row = self.batch_table.currentRow()
        return self.batches[row] if 0 <= row < len(self.batches) else None

    def _selection_changed(self) -> None:
        if not self.may_plan:
            return
        b = self.selected()
        planned = b is not None and b.state is BatchState.PLANNED
        for button in (self.edit_button, self.cancel_button):
            button.setEnabled(planned)
        self.check_in_button.setEnabled(planned and b is not None and b.list_name is not None)

    def add_batch(self) -> PlannedBatchForm | None:
        if not self.may_plan:
            return None
        form = PlannedBatchForm(self.ctx, None, self)
        form.accepted.connect(self._batches_changed)
        form.open()
        return form

    def edit_batch(self) -> PlannedBatchForm | None:
        b = self.selected()
        if not self.may_plan or b is None or b.state is not BatchState.PLANNED:
            return None
        form = PlannedBatchForm(self.ctx, b, self)
        form.accepted.connect(self._batches_changed)
        form.open()
        return form

    def cancel_batch(self, reason: str | None = None) -> bool:
        b = self.selected()
        if not self.may_plan or b is None or b.state is not BatchState.PLANNED:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Call off the batch"), self.tr("Why is it called off?"))
            if not ok:
                return False
        try:
            with self.ctx.sessions() as s:
                cancel_batch(s, self.ctx.user, b.id, b.version, reason, now=self.ctx.now())
        except DomainError as e:  # no reason, or another desk closed it meanwhile: said, the list read again
            self.message.setText(e.message(self.ctx.language))
            self.refresh()
            return False
        self._batches_changed()
        return True

    def check_in_batch(self) -> Path | None:
        """The selected batch's transfer list, written to a file of its own, for the batch dialog."""
        b = self.selected()
        if not self.may_plan or b is None or b.state is not BatchState.PLANNED:
            return None
        try:
            with self.ctx.sessions() as s:
                kept = list_data(s, b.id)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return None
        if kept is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="isodesk-batch-"))
        path = folder / Path(kept.name).name
        path.write_bytes(kept.data)
        self.check_in.emit(b.id, str(path))
        return path

    def _batches_changed(self) -> None:
        self.refresh()
        self.changed.emit()

    # --- export ----------------------------------------------------------------------------------
    def _xlsx_clicked(self) -> None:
        name = f"forecast-{self.ctx.today().isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export .xlsx"), name, "*.xlsx")
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> Task:
        from printing.documents import render

        day, lang, now, actor = self.ctx.today(), self.ctx.language, self.ctx.now(), self.ctx.user

        def job(job: Job) -> bytes:
            return render(job.session, "forecast", day, actor=actor, lang=lang, now=now, xlsx_path=path, pdf=False)

        tasks = self.ctx.tasks
        return tasks.run(
            job, sessions=self.ctx.sessions,
            on_done=lambda _pdf: self.message.setText(self.tr("Saved {0}").format(path)),
            on_error=tasks.error_to(self.message, self.ctx.language),
            label=self.tr("Exporting the forecast…"), parent=self,
        )  # fmt: skip
