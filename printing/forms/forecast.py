"""房间预测: the rooms the site can take today and on each of the next 7 days (models/reads/forecast.py).

One landscape page: how the forecast was made (the measured turnaround, the release time, the margin), the
site's table (one row a day: the flows and the state at the day's end, a day below the margin marked), a
chart of the free rooms with the margin's line, the free rooms (beds) of each building by day, and the
planned batches counted. No personal data.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from ..base import FONT, build_pdf, content_width, grid_table, p
from ..labels import L
from .common import frame_for

if TYPE_CHECKING:  # the forms take plain data and need no database to print it
    from models.reads.forecast import Forecast
    from models.reads.planned_batches import BatchRow

# the site's table: the day, then these columns of each day (models.reads.forecast.Cell)
TABLE = ("in_use", "releases", "held", "vacated", "freed", "back_in_service", "arrivals", "arrival_rooms",
         "short", "awaiting", "out_of_service", "free", "free_beds")  # fmt: skip
BAR = colors.HexColor("#3b7dd8")
WARN = colors.HexColor("#c62828")
GRID_LINE = colors.HexColor("#bbbbbb")


def made_line(fc: Forecast, lang: str) -> str:
    t = L(lang)
    hours = f"{fc.turnaround.total_seconds() / 3600:.1f}".rstrip("0").rstrip(".")
    key = "fc_made" if fc.turnaround_samples else "fc_made_default"
    return t[key].format(
        at=f"{fc.made_at:%Y-%m-%d %H:%M}",
        hours=hours,
        n=fc.turnaround_samples,
        release=f"{fc.release_time:%H:%M}",
        margin=fc.margin,
    )


def day_label(fc: Forecast, i: int, lang: str) -> str:
    d = fc.days[i].day
    text = f"{d:%m-%d}"
    return f"{text} {L(lang)['fc_today']}" if i == 0 else text


def table_rows(fc: Forecast, lang: str, building: int | None = None) -> list[list[str]]:
    """The site's table (or the ``building``-th building's) as text: the header, then a row a day (the same
    in the PDF, the workbook, the GUI)."""
    t = L(lang)
    rows = [[t["fc_day"], *(t[f"fc_{c}"] for c in TABLE)]]
    for i, d in enumerate(fc.days):
        cell = d.total if building is None else d.by_building[building]
        cells = [str(getattr(cell, c)) for c in TABLE]
        if d.below_margin and building is None:
            cells[-2] += f" ({t['fc_warn']})"
        rows.append([day_label(fc, i, lang), *cells])
    return rows


def nice_step(rough: float) -> int:
    """1, 2 or 5 times a power of ten, the first at least ``rough`` (an axis's step)."""
    scale = 1
    while True:
        for m in (1, 2, 5):
            if m * scale >= rough:
                return m * scale
        scale *= 10


def chart(fc: Forecast, lang: str, width: float, height: float) -> Drawing:
    """Bars of the free rooms at the end of each day, the margin as a dashed line; a day below it in red."""
    t = L(lang)
    d = Drawing(width, height)
    left, bottom, top = 12 * mm, 9 * mm, 7 * mm
    pw, ph = width - left - 4 * mm, height - bottom - top
    values = [day.total.free for day in fc.days]
    high = max([*values, fc.margin, 1])
    step = nice_step(high / 5)
    high = step * (high // step + 1)
    d.add(String(left, height - 4 * mm, t["fc_chart"], fontName=FONT, fontSize=8))
    frame = Rect(left, bottom, pw, ph)
    frame.fillColor, frame.strokeColor, frame.strokeWidth = colors.white, colors.black, 0.5
    d.add(frame)
    axis = Group()
    for v in range(0, high + 1, step):
        y = bottom + v / high * ph
        if 0 < v < high:
            axis.add(Line(left, y, left + pw, y, strokeColor=GRID_LINE, strokeWidth=0.25))
        axis.add(String(left - 1.5 * mm, y - 2.2, str(v), fontName=FONT, fontSize=6.5, textAnchor="end"))
    d.add(axis, name="axis")
    band = pw / len(values)
    bars = Group()
    for i, v in enumerate(values):
        x = left + i * band + band * 0.2
        bar = Rect(x, bottom, band * 0.6, v / high * ph)
        bar.fillColor = WARN if fc.days[i].below_margin else BAR
        bar.strokeColor, bar.strokeWidth = None, 0
        bars.add(bar)
        bars.add(String(x + band * 0.3, bottom + v / high * ph + 1.2 * mm, str(v), fontName=FONT, fontSize=7,
                        textAnchor="middle"))  # fmt: skip
        bars.add(String(x + band * 0.3, bottom - 4 * mm, f"{fc.days[i].day:%m-%d}", fontName=FONT, fontSize=7,
                        textAnchor="middle"))  # fmt: skip
    d.add(bars, name="bars")
    if fc.margin:
        y = bottom + fc.margin / high * ph
        d.add(Line(left, y, left + pw, y, strokeColor=WARN, strokeWidth=0.8, strokeDashArray=[3, 2]))
        d.add(String(left + pw - 1 * mm, y + 1.2 * mm, f"{t['fc_margin']} {fc.margin}", fontName=FONT, fontSize=6.5,
                     textAnchor="end", fillColor=WARN))  # fmt: skip
    return d


def building_rows(fc: Forecast, lang: str) -> list[list[str]]:
    t = L(lang)
    rows = [[t["fc_building"], *(day_label(fc, i, lang) for i in range(len(fc.days)))]]
    for b, (_bid, name) in enumerate(fc.buildings):
        rows.append([name, *(f"{d.by_building[b].free} ({d.by_building[b].free_beds})" for d in fc.days)])
    return rows


def batch_table_rows(batches: Sequence[BatchRow], lang: str) -> list[list[str]]:
    t = L(lang)
    rows = [[t["fc_expected"], t["fc_people"], t["fc_need_rooms"], t["category"], t["fc_source"], t["fc_note"]]]
    for b in batches:
        category = b.category(lang) if b.category_code else t["fc_any_category"]
        rows.append([f"{b.expected_at:%m-%d %H:%M}", str(b.people), str(b.rooms), category, b.source, b.note])
    return rows


def forecast(
    site: str,
    fc: Forecast,
    batches: Sequence[BatchRow],
    lang: str,
    printed_by: str,
    printed_at: datetime,
) -> bytes:
    t = L(lang)
    frame = frame_for(site, t["fc_title"], f"{fc.today} – {fc.days[-1].day}", printed_by, printed_at, lang, land=True)
    width = content_width(frame)
    story: list[Flowable] = [p(t["fc_title"], "title"), p(made_line(fc, lang), "body"), Spacer(1, 2 * mm)]
    rows = table_rows(fc, lang)
    first = 26 * mm
    table = grid_table(rows, [first] + [(width - first) / (len(rows[0]) - 1)] * (len(rows[0]) - 1))
    table.setStyle(TableStyle([("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    for i, d in enumerate(fc.days, 1):
        if d.below_margin:
            table.setStyle(TableStyle([("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fde7e7"))]))
    story.append(table)
    if fc.warnings:
        days = "、".join(f"{d.day:%m-%d}" for d in fc.warnings)
        story += [Spacer(1, 1.5 * mm), p(t["fc_warn_line"].format(days=days, margin=fc.margin), "body")]
    story += [Spacer(1, 2 * mm), chart(fc, lang, width, 42 * mm), Spacer(1, 2 * mm)]
    brows = building_rows(fc, lang)
    story.append(
        KeepTogether(
            [
                p(t["fc_by_building"], "body"),
                grid_table(brows, [first] + [(width - first) / (len(brows[0]) - 1)] * (len(brows[0]) - 1)),
            ]
        )
    )
    story += [Spacer(1, 2 * mm), p(t["fc_batches"], "body")]
    if batches:
        brows = batch_table_rows(batches, lang)
        story.append(grid_table(brows, [28 * mm, 16 * mm, 18 * mm, 34 * mm, 60 * mm, width - 156 * mm]))
    else:
        story.append(p(t["fc_no_batches"], "small"))
    story += [Spacer(1, 2 * mm), p(t["fc_foot"], "small")]
    return build_pdf(frame, story)
