"""A date or date-time field that takes what people type (models/rules/typed_dates.py) and shows,
beside it, what it understood: "= 2026-11-29 20:00 (周日)", or why it did not. Typed as the site's
wall clock; "today" is the context's clock in the site's time zone."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from models.errors import DomainError
from models.rules.typed_dates import parse_typed_date, parse_typed_datetime

from .context import AppContext


class DateField(QWidget):
    """``edit`` (a QLineEdit) and ``understood`` (the label beside it). ``with_time`` for a date-time."""

    changed = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, with_time: bool = True, value: datetime | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.with_time = ctx, with_time
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("2026-11-29, 11-29, 11.29, today…"))
        self.understood = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.understood, 1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._show)
        self.set_value(value if value is not None else ctx.now())

    # --- reading -------------------------------------------------------------------------------
    def text(self) -> str:
        return self.edit.text()

    def value(self) -> datetime:
        """The instant typed (aware, the site's wall clock; a day alone is 00:00); DomainError if none."""
        if self.with_time:
            return parse_typed_datetime(self.edit.text(), self.ctx.now(), self.ctx.timezone)
        return datetime.combine(self.day(), time(0, 0), tzinfo=self.ctx.zone)

    def day(self) -> date:
        if self.with_time:
            return self.value().date()
        return parse_typed_date(self.edit.text(), self.ctx.today())

    # --- writing -------------------------------------------------------------------------------
    def set_value(self, at: datetime | date) -> None:
        if isinstance(at, datetime):
            wall = self.ctx.local(at)
            self.edit.setText(wall.strftime("%Y-%m-%d %H:%M") if self.with_time else wall.date().isoformat())
        else:
            self.edit.setText(at.isoformat())

    def setDate(self, day: QDate) -> None:  # the QDateTimeEdit call it replaces
        """Another day, the time kept (what a QDateTimeEdit did)."""
        new = date(day.year(), day.month(), day.day())
        try:
            kept = self.value().timetz() if self.with_time else None
        except DomainError:
            kept = time(0, 0, tzinfo=self.ctx.zone)
        self.set_value(datetime.combine(new, kept) if kept is not None else new)

    # --- what was understood -------------------------------------------------------------------
    def _show(self) -> None:
        try:
            at = self.value()
        except DomainError as e:
            self.understood.setText(e.message(self.ctx.language))
            self.understood.setStyleSheet("color: #c62828")
        else:
            weekdays = (
                self.tr("Mon"),
                self.tr("Tue"),
                self.tr("Wed"),
                self.tr("Thu"),
                self.tr("Fri"),
                self.tr("Sat"),
                self.tr("Sun"),
            )
            shown = at.strftime("%Y-%m-%d %H:%M") if self.with_time else at.date().isoformat()
            self.understood.setText(f"= {shown} ({weekdays[at.weekday()]})")
            self.understood.setStyleSheet("color: #2e7d32")
        self.changed.emit()
