"""The daily observation sheet (每日健康观察记录表): one landscape table per floor, a QR code per row.

What a site lead checks on it: the building and floor on *every* page (a floor of 60 rooms runs over
several pages, and loose pages get mixed up on the clipboard), a row number, the morning, evening and
recheck (复测) columns, the site's fever threshold, and the recorder's and checker's signatures.

Each floor is one table whose first two rows (the band naming building, floor, day and threshold, then
the column headings) repeat at the top of every page the table runs onto (``repeatRows``). The empty
rooms, the instructions and the signature line are the table's last rows, so even a page holding only
them carries the band. Who is listed and in which room is decided by ``models.reads.reports.sheet_floors``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, TableStyle

from models.reads.reports import SheetFloor, SheetRow

from ..base import Para, build_pdf, content_width, grid_table, markup, p, styles
from ..labels import L, sex_label
from .common import QR, frame_for, stay_code

DEFAULT_THRESHOLD = 37.3  # the schema's default (Site.fever_threshold); render() passes the site's own
COLUMNS = 14
SYMPTOMS = 10  # the column that takes the width left over


def day_cell(row: SheetRow, lang: str) -> str:
    """ "N/M"; on the planned release date "release day" (not "8/7"); past it, the days overdue."""
    t = L(lang)
    if row.release_day:
        return t["sh_release_day"]
    if row.overdue_days:
        return t["sh_overdue"].format(n=row.overdue_days)
    return f"{row.day_n}/{row.days_total}"


def _name_cell(row: SheetRow, lang: str) -> object:
    """The name, and under it what happened that day: left at (and how), moved from another room."""
    t = L(lang)
    notes = []
    if row.moved_at is not None:
        notes.append(t["sh_moved"].format(time=f"{row.moved_at:%H:%M}", room=row.moved_from))
    if row.left_at is not None:
        notes.append(t["sh_left"].format(time=f"{row.left_at:%H:%M}", kind=t.get(f"dep_{row.left_kind}", "")))
    if not notes:
        return row.name
    lines = [markup(row.name), *(f'<font size="6.5">{markup(n)}</font>' for n in notes)]
    return Para("<br/>".join(lines), styles()["cell"])


@cache
def band_style() -> ParagraphStyle:
    """The band at the top of every page of a floor's table: building, floor, day, threshold."""
    return ParagraphStyle("band", parent=styles()["cell"], fontSize=10.5, leading=14)


def _threshold(value: float) -> str:
    return f"{value:.1f}"


def daily_sheets(
    site: str,
    day: date,
    floors: Sequence[SheetFloor],
    lang: str,
    printed_by: str,
    printed_at: datetime,
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> bytes:
    t = L(lang)
    frame = frame_for(site, t["sheet_title"], day, printed_by, printed_at, lang, land=True)
    width = content_width(frame)
    fixed = [10, 14, 24, 8, 8, 17, 16, 17, 17, 19, 0, 11, 18, 13]  # mm; 0 = the symptoms column takes the rest
    widths = [w * mm for w in fixed]
    widths[SYMPTOMS] = width - sum(widths)
    # the headings are Paragraphs, so those of the plain columns wrap too
    header: list[object] = [
        p(t[k]) if k else ""
        for k in (
            "sh_no",
            "room",
            "name",
            "sex",
            "age",
            "day_n",
            "release",
            "am",
            "pm",
            "sh_recheck",
            "symptoms_short",
            "swab",
            "signature",
            "",
        )
    ]
    limit = _threshold(threshold)
    story: list[Flowable] = []
    for i, floor in enumerate(floors):
        if i:
            story.append(PageBreak())
        story.append(p(f"{t['sheet_title']} · {floor.label}", "title"))
        band = t["sh_band"].format(
            building=floor.building or floor.label, floor=floor.floor, day=day.isoformat(), threshold=limit
        )
        band = re.sub("[ \u3000]{2,}", "\xa0" * 6, band)  # wide gaps that the layout does not squeeze
        rows: list[list[object]] = [[Para(markup(band), band_style()), *[""] * (COLUMNS - 1)], header]
        for n, r in enumerate(floor.rows, 1):
            rows.append(
                [
                    str(n),
                    r.room,
                    _name_cell(r, lang),
                    sex_label(r.sex, lang),
                    "" if r.age is None else str(r.age),
                    day_cell(r, lang),
                    r.planned_release.strftime("%m-%d"),
                    "",
                    "",
                    "",
                    t["symptom_boxes"],
                    "●" if r.swab_due else "",
                    "",
                    QR(stay_code(r.stay_id), 11 * mm),
                ]
            )
        body_end = len(rows) - 1
        tail: list[str] = [] if floor.rows else [t["nobody"]]
        if floor.empty_rooms:
            tail.append(
                t["empty_rooms"]
                + "："
                + "、".join(f"{number} {t.get(f'state_{state}', '')}" for number, state in floor.empty_rooms)
            )
        tail += [t["sheet_footer"].format(threshold=limit), t["sh_sign"]]
        for text in tail:
            rows.append([p(text, "small"), *[""] * (COLUMNS - 1)])
        table = grid_table(rows, widths, repeat=2, plain=frozenset({0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}))
        spans = [("SPAN", (0, k), (-1, k)) for k in [0, *range(body_end + 1, len(rows))]]
        table.setStyle(
            TableStyle(
                [
                    *spans,
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),  # narrow columns: their words fit whole
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ("LEFTPADDING", (0, body_end + 1), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, 0), 4),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.white),
                    ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#eeeeee")),
                    ("ROWBACKGROUNDS", (0, 2), (-1, body_end), [colors.white, colors.HexColor("#fafafa")]),
                    ("TOPPADDING", (0, body_end + 1), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, body_end + 1), (-1, -1), 4),
                    ("TOPPADDING", (0, len(rows) - 1), (-1, -1), 12),  # room to sign
                    ("BOTTOMPADDING", (0, len(rows) - 1), (-1, -1), 12),
                ]
            )
        )
        story.append(table)
    if not floors:
        story.append(p(t["sheet_title"], "title"))
        story.append(p(t["nobody"]))
    return build_pdf(frame, story)
