"""The follow-up call (回访) as the caller records it, and the closing of an abnormal one's alert."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from models.errors import DomainError
from models.reads.audit_log import reveal_identity
from models.reads.followups import DueCall, FollowUpRow
from models.services.followups import CallAnswer, close_alert, record_call
from models.store.orm import SYMPTOMS, HomeTest

from .context import AppContext
from .labels import home_test_label, symptom_label, symptoms_text


class CallDialog(QDialog):
    """One call about one day of a person's home monitoring: reached or not, then what they say. The number
    is masked until "Show the number" (an audited reveal). OK saves and closes only when the domain accepts."""

    def __init__(self, ctx: AppContext, call: DueCall, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.call = ctx, call
        self.setWindowTitle(self.tr("Follow-up call"))
        self.abnormal = False
        where = call.community or self.tr("no community recorded")
        heading = QLabel(
            self.tr("{0} · {1} · home day {2} ({3})").format(
                call.name, where, call.home_day, call.due.strftime("%m-%d")
            ),
            self,
        )
        heading.setWordWrap(True)
        self.phone = QLabel(call.phone, self)
        self.reveal_button = QPushButton(self.tr("Show the number"), self)
        self.reveal_button.clicked.connect(self.reveal)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone, 1)
        phone_row.addWidget(self.reveal_button)
        self.reached = QCheckBox(self.tr("Reached the person"), self)
        self.reached.setChecked(True)
        self.temperature = QLineEdit(self)
        self.temperature.setPlaceholderText(self.tr("e.g. 36.5"))
        self.symptoms: dict[str, QCheckBox] = {}
        boxes = QGridLayout()
        for i, code in enumerate(SYMPTOMS):
            box = QCheckBox(symptom_label(code), self)
            self.symptoms[code] = box
            boxes.addWidget(box, i // 4, i % 4)
        self.home_test = QComboBox(self)
        for code in HomeTest:
            self.home_test.addItem(home_test_label(code), code.value)
        self.called_by = QLineEdit(ctx.user_name, self)
        self.called_by.setMaxLength(100)
        self.note = QLineEdit(self)
        self.note.setMaxLength(400)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow(self.tr("Phone"), phone_row)
        form.addRow("", self.reached)
        form.addRow(self.tr("Temperature"), self.temperature)
        form.addRow(self.tr("Symptoms"), boxes)
        form.addRow(self.tr("Home test"), self.home_test)
        form.addRow(self.tr("Called by"), self.called_by)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.error)
        form.addRow(buttons)
        self.reached.toggled.connect(self._reached_changed)

    def _reached_changed(self, reached: bool) -> None:
        """Nobody answered: there is nothing to record but the attempt (and a note)."""
        for w in (self.temperature, self.home_test, *self.symptoms.values()):
            w.setEnabled(reached)

    def reveal(self) -> str:
        try:
            with self.ctx.sessions() as s:
                shown = reveal_identity(s, self.ctx.user, self.call.person_id).phone
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return ""
        self.phone.setText(shown)
        self.reveal_button.setEnabled(False)
        return shown

    def answer(self) -> CallAnswer:
        reached = self.reached.isChecked()
        return CallAnswer(
            reached,
            self.temperature.text().strip() or None,
            tuple(c for c, box in self.symptoms.items() if box.isChecked()),
            HomeTest(self.home_test.currentData()) if reached else None,
            self.note.text(),
            self.called_by.text(),
        )

    def save(self) -> bool:
        try:
            with self.ctx.sessions() as s:
                saved = record_call(
                    s, self.ctx.user, self.call.stay_id, self.call.home_day, self.answer(), now=self.ctx.now()
                )
                self.abnormal = saved.abnormal
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return False
        self.accept()
        return True


class FollowUpAlertDialog(QDialog):
    """An abnormal follow-up: what the person said, and what was done about it (required)."""

    def __init__(self, ctx: AppContext, alert: FollowUpRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.alert = ctx, alert
        self.setWindowTitle(self.tr("Abnormal follow-up"))
        said = [self.tr("{0} °C").format(f"{alert.temperature:.1f}")] if alert.temperature is not None else []
        if alert.symptoms:
            said.append(symptoms_text(alert.symptoms.split(","), ctx.language))
        if alert.home_test:
            said.append(self.tr("home test: {0}").format(home_test_label(alert.home_test)))
        joined = ("，" if ctx.language.startswith("zh") else ", ").join(said)
        summary = QLabel(
            self.tr("{0} · {1} · home day {2}: {3}").format(
                alert.name, alert.community or self.tr("no community recorded"), alert.home_day, joined
            ),
            self,
        )
        summary.setWordWrap(True)
        self.note = QLineEdit(self)
        self.note.setMaxLength(400)
        self.note.setPlaceholderText(self.tr("e.g. reported to the community, sent to a fever clinic"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(summary)
        form.addRow(self.tr("What was done"), self.note)
        form.addRow(self.error)
        form.addRow(buttons)

    def save(self) -> bool:
        try:
            with self.ctx.sessions() as s:
                close_alert(s, self.ctx.user, self.alert.id, self.note.text(), now=self.ctx.now())
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return False
        self.accept()
        return True
