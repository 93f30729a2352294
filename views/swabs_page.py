"""Swabs (核酸检测): today's list per floor, sampling, results one by one or in bulk, lab files,
and the guided path after a positive result (hospital transfer, restart of the floors around)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.reads.lookups import floors, swab_subject
from models.services.lab_import import LabRow, apply_lab_results, ct_parts, preview_lab_file
from models.services.outbreak import RestartPreview, apply_restart, preview_restart
from models.services.stays import transfer
from models.services.swabs import SwabDue, mark_sampled_many, record_results_many, swabs_due
from models.store.orm import DepartureKind, SwabResult
from ui import palette
from ui.theme import mark_status

from .context import AppContext
from .labels import item_separator, swab_result_label
from .permissions_ui import explain_disabled
from .swab_dialogs import SwabActionDialog, correct_result_dialog, unscheduled_swab_dialog
from .tasks import Task

RESULT_COLOURS = {
    SwabResult.NEGATIVE: palette.OK_LIGHT,
    SwabResult.POSITIVE: palette.ALERT,
    SwabResult.PENDING: palette.WARN,
}


class SwabsPage(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions = ctx.sessions
        self.actor = ctx.user
        self.lang = ctx.language
        self.rows: list[SwabDue] = []
        self.lab_rows: list[LabRow] = []
        self.restart: RestartPreview | None = None
        self.positive_swab: int | None = None
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.floor = QComboBox(self)
        self.count = QLabel(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Room"), self.tr("Name"), self.tr("Day"), self.tr("Sampled"), self.tr("Result")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.sample_button = QPushButton(self.tr("Mark selected as sampled"), self)
        self.result = QComboBox(self)
        self.result.addItem(self.tr("Negative"), SwabResult.NEGATIVE.value)
        self.result.addItem(self.tr("Positive"), SwabResult.POSITIVE.value)
        self.lab = QLineEdit(self)
        self.lab.setPlaceholderText(self.tr("Lab"))
        self.result_button = QPushButton(self.tr("Record result for selected"), self)
        self.import_button = QPushButton(self.tr("Import lab file…"), self)
        self.unscheduled_button = QPushButton(self.tr("Add unscheduled swab…"), self)
        self.correct_button = QPushButton(self.tr("Correct result…"), self)
        self.correct_button.setToolTip(self.tr("Correct the result of the selected swab, entered wrongly"))
        self.message = mark_status(QLabel(self))
        self.message.setWordWrap(True)
        # lab file preview
        self.lab_box = QGroupBox(self.tr("Lab file"), self)
        self.lab_table = QTableWidget(0, 4, self.lab_box)
        self.lab_table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Name"), self.tr("Result"), self.tr("Match")])
        self.lab_table.horizontalHeader().setStretchLastSection(True)
        self.lab_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.apply_lab_button = QPushButton(self.tr("Record the matched results"), self.lab_box)
        lab_layout = QVBoxLayout(self.lab_box)
        lab_layout.addWidget(self.lab_table)
        lab_layout.addWidget(self.apply_lab_button)
        self.lab_box.setVisible(False)
        # positive result: the guided path
        self.positive_box = QGroupBox(self.tr("Positive result"), self)
        self.positive_label = QLabel(self.positive_box)
        self.positive_label.setWordWrap(True)
        self.hospital = QLineEdit(self.positive_box)
        self.hospital.setPlaceholderText(self.tr("Hospital"))
        self.escort = QLineEdit(self.positive_box)
        self.escort.setPlaceholderText(self.tr("Escort, vehicle, notes"))
        self.transfer_button = QPushButton(self.tr("1. Transfer to hospital"), self.positive_box)
        self.preview_button = QPushButton(self.tr("2. Preview restart of this floor and the floors above and below"))
        self.restart_table = QTableWidget(0, 4, self.positive_box)
        self.restart_table.setHorizontalHeaderLabels(
            [self.tr("Room"), self.tr("Name"), self.tr("Release now"), self.tr("Release after restart")]
        )
        self.restart_table.horizontalHeader().setStretchLastSection(True)
        self.apply_restart_button = QPushButton(self.tr("3. Apply the restart"), self.positive_box)
        self.apply_restart_button.setEnabled(False)
        pos = QVBoxLayout(self.positive_box)
        pos.addWidget(self.positive_label)
        row = QHBoxLayout()
        for w in (self.hospital, self.escort, self.transfer_button):
            row.addWidget(w)
        pos.addLayout(row)
        pos.addWidget(self.preview_button)
        pos.addWidget(self.restart_table)
        pos.addWidget(self.apply_restart_button)
        self.positive_box.setVisible(False)
        swab_buttons = [self.sample_button, self.result_button, self.import_button, self.apply_lab_button]
        swab_buttons += [self.unscheduled_button, self.correct_button]
        explain_disabled([*swab_buttons, self.preview_button, self.apply_restart_button], ctx.user.role, "swabs")
        explain_disabled(self.transfer_button, ctx.user.role, "transfer")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Date"), self))
        top.addWidget(self.day)
        top.addWidget(QLabel(self.tr("Floor"), self))
        top.addWidget(self.floor)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.import_button)
        actions = QHBoxLayout()
        actions.addWidget(self.sample_button)
        actions.addWidget(self.unscheduled_button)
        actions.addWidget(self.correct_button)
        actions.addStretch(1)
        actions.addWidget(self.result)
        actions.addWidget(self.lab)
        actions.addWidget(self.result_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.lab_box, 1)
        layout.addWidget(self.positive_box, 1)
        self._loaded = False
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.floor.currentIndexChanged.connect(lambda _i: self.refresh())
        self.sample_button.clicked.connect(self.mark_selected)
        self.result_button.clicked.connect(self.record_selected)
        self.import_button.clicked.connect(self._choose_lab_file)
        self.unscheduled_button.clicked.connect(lambda: self.add_unscheduled())  # noqa: PLW0108 (passes a bool)
        self.correct_button.clicked.connect(lambda: self.correct_selected())  # noqa: PLW0108
        self.apply_lab_button.clicked.connect(self.apply_lab)
        self.transfer_button.clicked.connect(self.transfer_positive)
        self.preview_button.clicked.connect(self.preview_restart)
        self.apply_restart_button.clicked.connect(self.apply_restart)

    def _load(self) -> None:
        today = self.ctx.today()
        with self.sessions() as s:
            levels = floors(s)
        self.floor.blockSignals(True)
        self.floor.addItem(self.tr("Whole site"), None)
        for f in levels:
            self.floor.addItem(f.label, f.id)
        self.floor.blockSignals(False)
        self.day.blockSignals(True)
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.blockSignals(False)
        self._loaded = True

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self._loaded:
            self._load()
        self.refresh()
        super().showEvent(event)

    def selected_day(self) -> date:
        return self.day.date().toPython()  # type: ignore[return-value]

    def reload(self) -> None:
        """Another desk changed something: redraw, keeping the selected samples selected."""
        chosen = {r.swab_id for r in self.selected()}
        self.refresh()
        for i, r in enumerate(self.rows):
            if r.swab_id in chosen:
                self.table.selectionModel().select(
                    self.table.model().index(i, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )

    def refresh(self) -> None:
        if not self._loaded:
            self._load()
        with self.sessions() as s:
            self.rows = swabs_due(s, self.selected_day(), self.floor.currentData())
        self.table.setRowCount(len(self.rows))
        results = self.result_names()
        for i, r in enumerate(self.rows):
            values = [
                f"{r.floor} {r.room}",
                r.name,
                self.tr("day {0}").format(r.planned_day)
                + (" · " + self.tr("unscheduled: {0}").format(r.reason or "") if r.unscheduled else ""),
                "✓" if r.sampled else "",
                results.get(r.result, "") if r.result else "",
            ]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if r.result in RESULT_COLOURS:
                    item.setBackground(QColor(RESULT_COLOURS[r.result]))
                    item.setForeground(QColor(palette.TEXT))  # dark on the light fill, on the dark theme too
                self.table.setItem(i, col, item)
        done = sum(1 for r in self.rows if r.sampled)
        self.count.setText(self.tr("{0} due · {1} sampled").format(len(self.rows), done))

    def add_unscheduled(self) -> SwabActionDialog:
        """An unscheduled swab (计划外) for the selected person (or one chosen in the dialog)."""
        chosen = self.selected()
        d = unscheduled_swab_dialog(self.ctx, chosen[0].stay_id if chosen else None, self)
        if d.exec():
            self.message.setText(self.tr("Unscheduled swab added"))
            self.changed.emit()
            self.refresh()
        return d

    def correct_selected(self) -> SwabActionDialog | None:
        """Correct the result of the selected swab (one with a result); a correction to positive asks first,
        then goes on to the guided path as a positive result does."""
        chosen = [r for r in self.selected() if r.result in (SwabResult.NEGATIVE, SwabResult.POSITIVE)]
        if len(chosen) != 1:
            self.message.setText(self.tr("Select one swab with a result to correct it"))
            return None
        d = correct_result_dialog(self.ctx, chosen[0], self.ask, self)
        if d.exec():
            self.message.setText(self.tr("Result corrected"))
            self.changed.emit()
            self.refresh()
            if d.new_result.currentData() == SwabResult.POSITIVE.value:  # type: ignore[attr-defined]
                self.show_positive(chosen[0].swab_id)
        return d

    def result_names(self) -> dict[SwabResult, str]:
        return {result: swab_result_label(result) for result in SwabResult}

    def selected(self) -> list[SwabDue]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.rows[i] for i in rows]

    def _run(self, fn) -> bool:  # type: ignore[no-untyped-def]
        try:
            with self.sessions() as s:
                fn(s)
        except DomainError as e:
            self.message.setText(e.message(self.lang))
            return False
        self.changed.emit()
        return True

    def mark_selected(self) -> None:
        chosen = [r for r in self.selected() if not r.sampled]
        by = self.ctx.user_name
        ids = [r.swab_id for r in chosen]  # all or none: one service, one transaction
        if chosen and self._run(lambda s: mark_sampled_many(s, self.actor, ids, by=by, at=self.ctx.now())):
            self.message.setText(self.tr("{0} marked as sampled").format(len(chosen)))
        self.refresh()

    def record_selected(self) -> None:
        chosen = self.selected()
        result = SwabResult(self.result.currentData())
        ids, lab = [r.swab_id for r in chosen], self.lab.text()
        if chosen and result is SwabResult.POSITIVE and not self.confirm_positive(chosen):
            self.message.setText(self.tr("Nothing recorded"))
            return
        if chosen and self._run(  # all or none: one transaction
            lambda s: record_results_many(s, self.actor, ids, result, lab=lab, at=self.ctx.now())
        ):
            self.message.setText(self.tr("%n results recorded", "", len(chosen)))
            if result is SwabResult.POSITIVE:
                self.show_positive(chosen[0].swab_id)
        self.refresh()

    def confirm_positive(self, chosen: list[SwabDue]) -> bool:
        """Ask before a positive result is recorded (it starts the transfer and the restart of the floors
        around): who and which room; Yes records, No (the default) and Esc record nothing."""
        if len(chosen) == 1:
            r = chosen[0]
            text = self.tr("Record a POSITIVE result for {0} (room {1} {2})?").format(r.name, r.floor, r.room)
        else:
            text = self.tr("Record a POSITIVE result for these %n people: {0}?", "", len(chosen)).format(
                self._who([f"{r.name} ({r.floor} {r.room})" for r in chosen])
            )
        return self.ask(self.tr("Positive result"), text)

    def ask(self, title: str, text: str) -> bool:
        """A Yes/No question, No by default (Esc: No)."""
        answer = QMessageBox.question(
            self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def _who(people: list[str], most: int = 10) -> str:
        return "、".join(people[:most]) + (f" …(+{len(people) - most})" if len(people) > most else "")

    # --- lab files -------------------------------------------------------------------------------------
    def _choose_lab_file(self) -> None:
        files = self.tr("Spreadsheets (*.xlsx *.xls *.ods *.et *.csv *.txt)")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Lab file"), "", files)
        if path:
            self.load_lab_file(Path(path))

    def load_lab_file(self, path: Path) -> Task:
        """Read and match a lab file in the background (progress, Cancel); the preview shows when done."""
        tasks = self.ctx.tasks
        self.import_button.setEnabled(False)
        return tasks.run(
            lambda job: preview_lab_file(job.session, path),
            sessions=self.sessions,
            on_done=self._show_lab_rows,
            on_error=tasks.error_to(self.message, self.lang),
            on_finished=lambda: self.import_button.setEnabled(True),
            label=self.tr("Reading the lab file…"),
            parent=self,
            cancellable=True,
        )

    def _show_lab_rows(self, rows: list[LabRow]) -> None:
        self.lab_rows = rows
        self.lab_table.setRowCount(len(self.lab_rows))
        results = self.result_names()
        for i, r in enumerate(self.lab_rows):
            match = self.tr("matched") if r.matched else DomainError(r.problem or "").message(self.lang)
            result = results.get(r.result, "") if r.result else ""
            if r.weak:
                result = self.tr("Weak positive")
            if r.ct_values:  # ORF1ab=36.2;N=37.5 -> 弱阳性 (ORF1ab 36.2, N 37.5)
                cts = item_separator(self.lang).join(ct_parts(r.ct_values))
                result = self.tr("{0} (Ct: {1})").format(result, cts)
            for col, text in enumerate((str(r.row), r.name, result, match)):
                item = QTableWidgetItem(text)
                item.setBackground(QColor(palette.OK_LIGHT if r.matched else palette.ALERT))
                item.setForeground(QColor(palette.TEXT))
                self.lab_table.setItem(i, col, item)
        matched = sum(1 for r in self.lab_rows if r.matched)
        unmatched = len(self.lab_rows) - matched
        self.message.setText(self.tr("%n rows matched, {0} not matched", "", matched).format(unmatched))
        self.apply_lab_button.setEnabled(matched > 0)
        self.lab_box.setVisible(True)

    def apply_lab(self) -> Task | None:
        """Record the matched results in the background: one transaction, so not cancellable. Positive
        results among them are confirmed first, in one question that names them (No: nothing recorded)."""
        actor, rows = self.actor, list(self.lab_rows)
        positives = [r for r in rows if r.matched and r.result is SwabResult.POSITIVE]
        if positives and not self.ask(
            self.tr("Positive result"),
            self.tr(
                "The lab file has %n positive results: {0}. Record the matched results?", "", len(positives)
            ).format(self._who([f"{r.name} ({r.room})" if r.room else r.name for r in positives])),
        ):
            self.message.setText(self.tr("Nothing recorded"))
            return None

        def done(positives: list[LabRow]) -> None:
            self.changed.emit()
            self.lab_box.setVisible(False)
            self.message.setText(self.tr("%n results recorded", "", sum(1 for r in rows if r.matched)))
            if positives and positives[0].swab_id is not None:
                self.show_positive(positives[0].swab_id)

        def finished() -> None:
            self.apply_lab_button.setEnabled(True)
            self.refresh()

        tasks = self.ctx.tasks
        self.apply_lab_button.setEnabled(False)
        return tasks.run(
            lambda job: apply_lab_results(job.session, actor, rows),
            sessions=self.sessions,
            on_done=done,
            on_error=tasks.error_to(self.message, self.lang),
            on_finished=finished,
            label=self.tr("Recording the results…"),
            parent=self,
        )

    # --- positive result -----------------------------------------------------------------------------
    def show_positive(self, swab_id: int) -> None:
        with self.sessions() as s:
            subject = swab_subject(s, swab_id)
        who = f"{subject.name} ({subject.floor} {subject.room})"
        on_site = subject.on_site
        self.positive_swab = swab_id
        self.transfer_button.setEnabled(on_site)  # already transferred: go on with the restart
        self.hospital.clear()
        self.escort.clear()
        self.positive_label.setText(
            self.tr("Positive: {0}. Transfer to hospital, then decide on restarting the floors around.").format(who)
        )
        self.restart_table.setRowCount(0)
        self.apply_restart_button.setEnabled(False)
        self.positive_box.setVisible(True)

    def transfer_positive(self) -> bool:
        if self.positive_swab is None:
            return False
        with self.sessions() as s:
            stay_id = swab_subject(s, self.positive_swab).stay_id
        ok = self._run(
            lambda s: transfer(
                s,
                self.actor,
                stay_id,
                DepartureKind.TO_HOSPITAL,
                self.hospital.text(),
                self.escort.text(),
                now=self.ctx.now(),
            )
        )
        if ok:
            self.message.setText(self.tr("Transferred to {0}").format(self.hospital.text()))
            self.transfer_button.setEnabled(False)
        return ok

    def preview_restart(self) -> None:
        if self.positive_swab is None:
            return
        try:
            with self.sessions() as s:
                self.restart = preview_restart(s, self.positive_swab)
        except DomainError as e:
            self.message.setText(e.message(self.lang))
            return
        changes = self.restart.changes
        self.restart_table.setRowCount(len(changes))
        for i, c in enumerate(changes):
            for col, text in enumerate(
                (f"{c.floor} {c.room}", c.name, c.old_release.isoformat(), c.new_release.isoformat())
            ):
                self.restart_table.setItem(i, col, QTableWidgetItem(text))
        self.message.setText(self.tr("%n people would restart their isolation", "", len(changes)))
        self.apply_restart_button.setEnabled(bool(changes))

    def apply_restart(self) -> None:
        preview = self.restart
        if preview is None:
            return
        if self._run(lambda s: apply_restart(s, self.actor, preview, now=self.ctx.now())):
            self.message.setText(self.tr("Isolation restarted for %n people", "", len(preview.changes)))
            self.apply_restart_button.setEnabled(False)
            self.restart = None
        self.refresh()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.positive_box.setVisible(False)
            return
        super().keyPressEvent(event)
