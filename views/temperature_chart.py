"""A person's temperature over the stay, with the fever threshold line. Painted, no chart library.

Readings are placed by *time*: each day of the stay is an equal band, a reading sits in its day at its
round's time (``SLOT_TIMES``: morning 08:00, evening 16:00), so a missed round leaves a gap rather than
pulling the next reading forward (the printed temperature record does the same, by the measured time).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from models.services.observations import SLOT_TIMES
from models.store.orm import Slot
from ui import palette

LOW, HIGH = 35.5, 39.5


def day_position(first: date, day: date, slot: str) -> float:
    """Days from 00:00 of ``first`` to the round (``day``, ``slot``: "am" / "pm")."""
    at = SLOT_TIMES[Slot(slot)]
    return (day - first).days + (at.hour * 3600 + at.minute * 60) / 86400


class TemperatureChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.readings: list[tuple[date, str, float | None]] = []
        self.threshold: float | None = None  # the site's, from set_readings: no line before
        self.setMinimumHeight(140)

    def sizeHint(self) -> QSize:
        return QSize(420, 160)

    def set_readings(self, readings: list[tuple[date, str, float | None]], threshold: float) -> None:
        self.readings, self.threshold = readings, threshold
        self.update()

    def plot_area(self) -> QRectF:
        return QRectF(self.rect()).adjusted(36, 10, -10, -22)

    def days(self) -> tuple[date, int] | None:
        """The first day shown and how many days the axis spans (whole days, from 00:00), or None."""
        if not self.readings:
            return None
        first = min(d for d, _, _ in self.readings)
        last = max(d for d, _, _ in self.readings)
        return first, (last - first).days + 1

    def y(self, area: QRectF, t: float) -> float:
        t = min(max(t, LOW), HIGH)
        return area.bottom() - (t - LOW) / (HIGH - LOW) * area.height()

    def points(self, area: QRectF) -> list[tuple[QPointF, float]]:
        """Where each measured reading is drawn, in order, with its temperature."""
        span = self.days()
        if span is None:
            return []
        first, n = span
        return [
            (QPointF(area.left() + day_position(first, d, slot) / n * area.width(), self.y(area, t)), t)
            for d, slot, t in self.readings
            if t is not None
        ]

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.plot_area()
        p.setPen(QPen(QColor(palette.GRID), 1))
        p.drawRect(area)
        span = self.days()
        if span is not None and span[1] <= 31:  # a line between days, where they are wide enough to see
            for i in range(1, span[1]):
                x = area.left() + i / span[1] * area.width()
                p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        for t in (36.0, 37.0, 38.0, 39.0):
            p.drawText(QPointF(2, self.y(area, t) + 4), f"{t:.0f}")
        if self.threshold is not None:
            p.setPen(QPen(QColor(palette.DANGER), 1, Qt.PenStyle.DashLine))
            ty = self.y(area, self.threshold)
            p.drawLine(QPointF(area.left(), ty), QPointF(area.right(), ty))
        values = self.points(area)
        if span is None or not values:
            p.setPen(QColor(palette.TEXT_HINT))
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No readings yet"))
            return
        path = QPainterPath(values[0][0])
        for point, _t in values[1:]:
            path.lineTo(point)
        p.setPen(QPen(QColor(palette.ACCENT), 2))
        p.drawPath(path)
        for point, t in values:
            p.setBrush(
                QColor(palette.DANGER) if self.threshold is not None and t >= self.threshold else QColor(palette.ACCENT)
            )
            p.drawEllipse(point, 3, 3)
        p.setPen(QColor(palette.TEXT_SECONDARY))
        first, n = span
        last = date.fromordinal(first.toordinal() + n - 1)
        p.drawText(QPointF(area.left(), area.bottom() + 16), first.strftime("%m-%d"))
        p.drawText(QPointF(area.right() - 34, area.bottom() + 16), last.strftime("%m-%d"))
