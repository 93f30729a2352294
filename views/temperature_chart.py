"""A person's temperature over the stay, with the fever threshold line. Painted, no chart library."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from ui import palette

LOW, HIGH = 35.5, 39.5


class TemperatureChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.readings: list[tuple[date, str, float | None]] = []
        self.threshold = 37.3
        self.setMinimumHeight(140)

    def sizeHint(self) -> QSize:
        return QSize(420, 160)

    def set_readings(self, readings: list[tuple[date, str, float | None]], threshold: float) -> None:
        self.readings, self.threshold = readings, threshold
        self.update()

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(36, 10, -10, -22)
        p.setPen(QPen(QColor(palette.GRID), 1))
        p.drawRect(area)

        def y(t: float) -> float:
            t = min(max(t, LOW), HIGH)
            return area.bottom() - (t - LOW) / (HIGH - LOW) * area.height()

        for t in (36.0, 37.0, 38.0, 39.0):
            p.drawText(QPointF(2, y(t) + 4), f"{t:.0f}")
        p.setPen(QPen(QColor(palette.DANGER), 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(area.left(), y(self.threshold)), QPointF(area.right(), y(self.threshold)))
        values = [(i, t) for i, (_, _, t) in enumerate(self.readings) if t is not None]
        if not values:
            p.setPen(QColor(palette.TEXT_HINT))
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No readings yet"))
            return
        n = max(len(self.readings) - 1, 1)

        def x(i: int) -> float:
            return area.left() + i / n * area.width()

        path = QPainterPath(QPointF(x(values[0][0]), y(values[0][1])))
        for i, t in values[1:]:
            path.lineTo(QPointF(x(i), y(t)))
        p.setPen(QPen(QColor(palette.ACCENT), 2))
        p.drawPath(path)
        for i, t in values:
            p.setBrush(QColor(palette.DANGER) if t >= self.threshold else QColor(palette.ACCENT))
            p.drawEllipse(QPointF(x(i), y(t)), 3, 3)
        p.setPen(QColor(palette.TEXT_SECONDARY))
        first, last = self.readings[0][0], self.readings[-1][0]
        p.drawText(QPointF(area.left(), area.bottom() + 16), first.strftime("%m-%d"))
        p.drawText(QPointF(area.right() - 34, area.bottom() + 16), last.strftime("%m-%d"))
