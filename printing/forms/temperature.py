"""The temperature record (体温登记表): the readings and a chart with the threshold line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from models.reads.reports import PersonForm

from ..base import FONT, build_pdf, content_width, field_table, grid_table, p
from ..labels import L
from .common import frame_for


def _chart(f: PersonForm, width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    lp = LinePlot()
    # types-reportlab has the plot area's sizes as int (from their defaults): they are any number
    lp.x, lp.y, lp.width, lp.height = 30, 25, width - 45, height - 40  # type: ignore[assignment]
    start = f.day_one.toordinal()
    series = [(at.date().toordinal() - start + 1 + (0.5 if slot == "pm" else 0), temp)
              for at, temp, slot in f.readings if temp is not None]  # fmt: skip
    lp.data = [series or [(1, 36.5)]]
    lp.lines[0].strokeColor = colors.HexColor("#1565c0")
    lp.lines[0].symbol = None
    lp.yValueAxis.valueMin, lp.yValueAxis.valueMax = 35.0, 41.0
    lp.yValueAxis.valueStep = 0.5
    days = max((f.planned_release - f.day_one).days, int(max((x for x, _ in series), default=1)) + 1)
    lp.xValueAxis.valueMin, lp.xValueAxis.valueMax = 1, max(days, 2)
    lp.xValueAxis.valueStep = 1
    for axis in (lp.xValueAxis, lp.yValueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = 7
    d.add(lp)
    y = lp.y + (f.threshold - 35.0) / 6.0 * lp.height
    d.add(Line(lp.x, y, lp.x + lp.width, y, strokeColor=colors.red, strokeDashArray=[3, 2]))
    d.add(String(lp.x + lp.width - 2, y + 2, f"{f.threshold:.1f} °C", fontName=FONT, fontSize=7, textAnchor="end",
                 fillColor=colors.red))  # fmt: skip
    return d


def temperature_record(
    site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime
) -> bytes:
    t = L(lang)
    frame = frame_for(site, t["temp_title"], printed_at.date(), printed_by, printed_at, lang)
    width = content_width(frame)
    story: list[Flowable] = []
    for i, f in enumerate(forms):
        if i:
            story.append(PageBreak())
        story.append(p(t["temp_title"], "title"))
        story.append(
            field_table(
                [
                    (t["name"], f.name),
                    (t["room"], f.room),
                    (t["arrived"], f.arrived_at),
                    (t["release"], f.planned_release.isoformat()),
                ],
                width,
            )
        )
        story += [Spacer(1, 4 * mm), _chart(f, width, 70 * mm), Spacer(1, 4 * mm)]
        by_day: dict[date, dict[str, str]] = {}
        for at, temp, slot in f.readings:
            cell = by_day.setdefault(at.date(), {})
            value = f"{temp:.1f}" if temp is not None else "—"
            cell[slot] = f"{cell[slot]} → {value}" if slot in cell else value  # a recheck follows
        rows: list[list[object]] = [[t["date"], t["day_n"], t["am"], t["pm"]]]
        for d0 in sorted(by_day):
            rows.append([d0.isoformat(), (d0 - f.day_one).days + 1, by_day[d0].get("am", ""), by_day[d0].get("pm", "")])
        if len(rows) == 1:
            rows.append([t["no_readings"], "", "", ""])
        story.append(grid_table(rows, [40 * mm, 20 * mm, (width - 60 * mm) / 2, (width - 60 * mm) / 2]))
    return build_pdf(frame, story)
