"""The temperature record (体温登记表): one person over the whole stay, kept in the room or at the nurse station.

Who: name, sex, age, the ID number *masked* (the record lies about in the contaminated zone: it is not one
of the forms that need the full number, ``printing/form_names.py``), category, room, arrival and release.

The chart puts every reading where it was *taken*: day N of the stay runs from N to N+1 on the time axis
(N at 00:00 of that day, site wall clock), so a missed round leaves a gap instead of pulling the next
reading forward. It starts at day 1, or earlier when a reading is earlier (the arrival day is day 0 when
the count starts the day after a last exposure on the arrival day), and ends with the release day.
First readings are joined by a line; a reading at or above the site's fever threshold is a red dot;
a recheck (复测) is a hollow triangle joined to the reading it rechecks by a dotted line.

The table has one line per day of the stay, future days blank to be filled in by hand, with each round's
first reading and its rechecks (time and °C) side by side; fever readings are marked ▲ (it survives a
black-and-white printer) and shaded.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer

from models.rules.identity import mask_id
from models.rules.not_measured import not_measured_label

from ..base import FONT, Para, build_pdf, content_width, field_table, grid_table, markup, p, styles
from ..labels import L
from .common import frame_for

if TYPE_CHECKING:  # the rows' types: the forms take plain data and need no database to print it
    from models.reads.reports import PersonForm, Reading

LINE = colors.HexColor("#1565c0")
FEVER = colors.HexColor("#c62828")
FEVER_BG = colors.HexColor("#fde2e2")
RECHECK = colors.HexColor("#2e7d32")
GRID_LINE = colors.HexColor("#d0d0d0")
# the plot area inside the drawing: room for the axis labels and titles, and the key on top
LEFT, BOTTOM, RIGHT, TOP = 17 * mm, 14 * mm, 4 * mm, 8 * mm


def stay_day(day_one: date, at: datetime) -> float:
    """Where ``at`` (site time) falls on the chart's time axis: day N of the stay spans [N, N+1)."""
    start = datetime.combine(day_one, time(0))
    return (at.replace(tzinfo=None) - start).total_seconds() / 86400 + 1


def _release_day(f: PersonForm) -> date:
    return f.release_on or f.planned_release


def _first_readings(f: PersonForm) -> dict[tuple[date, str], Reading]:
    return {(r.day, r.slot): r for r in f.observations if not r.recheck}


def temperature_chart(f: PersonForm, lang: str, width: float, height: float) -> Drawing:
    """The chart of ``f.observations`` as a ReportLab drawing. Its parts are named (``d.plot``: the plot
    area's rectangle; groups ``d.points``, ``d.rechecks``, ``d.y_labels``, ``d.x_labels``, ``d.titles``)."""
    t = L(lang)
    d = Drawing(width, height)
    measured = [r for r in f.observations if r.temperature is not None]
    xs = [stay_day(f.day_one, r.taken_at) for r in measured]
    temps = [r.temperature for r in measured if r.temperature is not None]
    first_n = min(1, *(math.floor(x) for x in xs)) if xs else 1
    last_n = max((_release_day(f) - f.day_one).days + 1, *(math.floor(x) for x in xs)) if xs else 2
    last_n = max(last_n, first_n + 1)
    lo = min(35.0, math.floor(min(temps, default=35.0) * 2) / 2)
    hi = max(40.0, math.ceil(max(temps, default=40.0) * 2) / 2, math.ceil(f.threshold * 2) / 2)
    px, py, pw, ph = LEFT, BOTTOM, width - LEFT - RIGHT, height - BOTTOM - TOP

    def x_of(x: float) -> float:
        return px + (x - first_n) / (last_n + 1 - first_n) * pw

    def y_of(temp: float) -> float:
        return py + (temp - lo) / (hi - lo) * ph

    plot = Rect(px, py, pw, ph)
    plot.fillColor, plot.strokeColor, plot.strokeWidth = colors.white, colors.black, 0.5  # (the stubs miss Rect's kw)
    d.add(plot, name="plot")
    grid = Group()
    y_labels = Group()
    steps = round((hi - lo) * 2)
    for i in range(steps + 1):
        temp = lo + i / 2
        if 0 < i < steps:
            grid.add(Line(px, y_of(temp), px + pw, y_of(temp), strokeColor=GRID_LINE, strokeWidth=0.25))
        y_labels.add(String(px - 2, y_of(temp) - 2.2, f"{temp:.1f}", fontName=FONT, fontSize=6.5, textAnchor="end"))
    x_labels = Group()
    band = pw / (last_n + 1 - first_n)
    every = max(1, math.ceil(stringWidth("00-00", FONT, 6.5) * 1.3 / band))
    for n in range(first_n, last_n + 1):
        if n > first_n:
            grid.add(Line(x_of(n), py, x_of(n), py + ph, strokeColor=GRID_LINE, strokeWidth=0.25))
        if (n - first_n) % every:
            continue
        day = date.fromordinal(f.day_one.toordinal() + n - 1)
        mid = x_of(n + 0.5)
        x_labels.add(String(mid, py - 3.2 * mm, str(n), fontName=FONT, fontSize=7, textAnchor="middle"))
        x_labels.add(String(mid, py - 6.4 * mm, day.strftime("%m-%d"), fontName=FONT, fontSize=6.5,
                            textAnchor="middle", fillColor=colors.HexColor("#555555")))  # fmt: skip
    d.add(grid, name="grid")
    d.add(y_labels, name="y_labels")
    d.add(x_labels, name="x_labels")
    ty = y_of(f.threshold)
    d.add(Line(px, ty, px + pw, ty, strokeColor=FEVER, strokeWidth=0.8, strokeDashArray=[3, 2]))
    d.add(String(px + pw - 2, ty + 2, t["tr_threshold"].format(threshold=f"{f.threshold:.1f}"), fontName=FONT,
                 fontSize=6.5, textAnchor="end", fillColor=FEVER))  # fmt: skip
    firsts = [(x, r) for x, r in zip(xs, measured, strict=True) if not r.recheck]
    if len(firsts) > 1:
        pts = [c for x, r in firsts for c in (x_of(x), y_of(r.temperature or 0))]
        d.add(PolyLine(pts, strokeColor=LINE, strokeWidth=1))
    by_round = {(r.day, r.slot): (x, r) for x, r in firsts}
    rechecks = Group()
    for x, r in zip(xs, measured, strict=True):
        if not r.recheck:
            continue
        cx, cy = x_of(x), y_of(r.temperature or 0)
        if (r.day, r.slot) in by_round:
            ox, o = by_round[(r.day, r.slot)]
            rechecks.add(Line(x_of(ox), y_of(o.temperature or 0), cx, cy, strokeColor=RECHECK, strokeWidth=0.7,
                              strokeDashArray=[1, 1.5]))  # fmt: skip
        fever = (r.temperature or 0) >= f.threshold
        rechecks.add(_triangle(cx, cy, FEVER if fever else RECHECK))
    points = Group()
    for x, r in firsts:
        fever = (r.temperature or 0) >= f.threshold
        points.add(Circle(x_of(x), y_of(r.temperature or 0), 2.4 if fever else 1.7, fillColor=FEVER if fever else LINE,
                          strokeColor=FEVER if fever else LINE, strokeWidth=0.5))  # fmt: skip
    d.add(rechecks, name="rechecks")
    d.add(points, name="points")
    titles = Group()
    titles.add(String(px + pw / 2, py - 10.5 * mm, t["tr_axis_day"], fontName=FONT, fontSize=7.5, textAnchor="middle"))
    y_title = Group(String(0, 0, t["tr_axis_temp"], fontName=FONT, fontSize=7.5, textAnchor="middle"))
    y_title.transform = (0, 1, -1, 0, 3.5 * mm, py + ph / 2)  # turned a quarter left, along the axis
    titles.add(y_title)
    d.add(titles, name="titles")
    _key(d, t, px, height - TOP + 2.5 * mm)
    return d


def _triangle(x: float, y: float, color: colors.Color) -> Polygon:
    s = 2.6
    return Polygon([x - s, y - s * 0.8, x + s, y - s * 0.8, x, y + s], fillColor=colors.white, strokeColor=color,
                   strokeWidth=0.9)  # fmt: skip


def _key(d: Drawing, t: Mapping[str, str], x: float, y: float) -> None:
    """What the marks mean, above the plot."""
    key = Group()
    for mark, label in (("reading", t["tr_key_reading"]), ("fever", t["tr_key_fever"]),
                        ("recheck", t["tr_key_recheck"])):  # fmt: skip
        if mark == "recheck":
            key.add(_triangle(x + 2, y + 2, RECHECK))
        else:
            c = FEVER if mark == "fever" else LINE
            key.add(Circle(x + 2, y + 2, 2.4 if mark == "fever" else 1.7, fillColor=c, strokeColor=c))
        key.add(String(x + 7, y, label, fontName=FONT, fontSize=7))
        x += 12 + stringWidth(label, FONT, 7)
    d.add(key, name="key")


def _fever_style() -> ParagraphStyle:
    return ParagraphStyle("fever", parent=styles()["cell"], textColor=FEVER)


def _value(r: Reading, f: PersonForm, lang: str, with_time: bool) -> tuple[object, bool]:
    """A reading's cell and whether it is a fever."""
    t = L(lang)
    if r.temperature is None:
        return t["tr_not_measured"].format(reason=not_measured_label(r.not_measured, lang)), False
    text = f"{r.temperature:.1f}"
    if with_time:
        text = f"{r.taken_at:%H:%M} {text}"
    if r.temperature >= f.threshold:
        return f"{text} ▲", True
    return text, False


def _table(f: PersonForm, lang: str, width: float) -> Flowable:
    t = L(lang)
    firsts = _first_readings(f)
    rechecks: dict[tuple[date, str], list[Reading]] = {}
    for r in f.observations:
        if r.recheck:
            rechecks.setdefault((r.day, r.slot), []).append(r)
    arrived = date.fromisoformat(f.arrived_at[:10]) if f.arrived_at else f.day_one
    days = [r.day for r in f.observations]
    start = min(f.day_one, arrived, *days)
    end = max([_release_day(f), *days])
    rows: list[list[object]] = [[t["date"], t["tr_day_n"], t["am"], t["tr_am_recheck"], t["pm"], t["tr_pm_recheck"]]]
    fevers: list[tuple[int, int]] = []
    for i, ordinal in enumerate(range(start.toordinal(), end.toordinal() + 1), start=1):
        day = date.fromordinal(ordinal)
        row: list[object] = [day.isoformat(), (day - f.day_one).days + 1]
        for slot in ("am", "pm"):
            cells: list[tuple[object, bool]] = []
            first = firsts.get((day, slot))
            cells.append(_value(first, f, lang, False) if first else ("", False))
            again = [_value(r, f, lang, True) for r in rechecks.get((day, slot), [])]
            cells.append(("\n".join(str(v) for v, _ in again), any(fever for _, fever in again)))
            for text, fever in cells:
                if fever:
                    fevers.append((len(row), i))
                lines = "<br/>".join(markup(line) for line in str(text).split("\n"))
                row.append(Para(lines, _fever_style() if fever else styles()["cell"]))
        rows.append(row)
    rest = width - 44 * mm
    table = grid_table(rows, [28 * mm, 16 * mm, *[rest / 4] * 4], plain=frozenset({0, 1}))
    if fevers:
        table.setStyle([("BACKGROUND", cell, cell, FEVER_BG) for cell in fevers])
    return table


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
                    (t["sex"], t.get(f"pf_sex_{f.sex}", "")),
                    (t["age"], "" if f.age is None else t["pf_age"].format(n=f.age)),
                    (t["doc_number"], mask_id(f.doc_number)),
                    (t["category"], f.category_zh if lang.startswith("zh") else f.category_en),
                    (t["arrived"], f.arrived_at),
                    (t["release"], f.planned_release.isoformat()),
                ],
                width,
            )
        )
        story += [Spacer(1, 3 * mm), temperature_chart(f, lang, width, 72 * mm), Spacer(1, 3 * mm)]
        story.append(_table(f, lang, width))
        story += [Spacer(1, 1.5 * mm), p(t["tr_legend"].format(threshold=f"{f.threshold:.1f}"), "small")]
    return build_pdf(frame, story)
