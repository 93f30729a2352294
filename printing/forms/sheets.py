"""The daily observation sheet (每日健康观察记录表): one landscape page or more per floor, a QR code per row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, TableStyle

from models.reads.reports import SheetFloor

from ..base import build_pdf, content_width, grid_table, p
from ..labels import L, sex_label
from .common import QR, frame_for, stay_code


def daily_sheets(
    site: str, day: date, floors: Sequence[SheetFloor], lang: str, printed_by: str, printed_at: datetime
) -> bytes:
    t = L(lang)
    frame = frame_for(site, t["sheet_title"], day, printed_by, printed_at, lang, land=True)
    width = content_width(frame)
    fixed = [16, 22, 9, 9, 15, 18, 15, 15, 0, 12, 20, 13]  # mm; 0 = the symptoms column takes the rest
    widths = [w * mm for w in fixed]
    widths[8] = width - sum(widths)
    header: list[object] = [
        t["room"], t["name"], t["sex"], t["age"], t["day_n"], t["release"],
        t["am"], t["pm"], t["symptoms_short"], t["swab"], t["signature"], "",
    ]  # fmt: skip
    story: list[Flowable] = []
    for i, floor in enumerate(floors):
        if i:
            story.append(PageBreak())
        story.append(p(f"{t['sheet_title']} · {floor.label}", "title"))
        rows: list[list[object]] = [header]
        for r in floor.rows:
            rows.append(
                [
                    r.room,
                    r.name,
                    sex_label(r.sex, lang),
                    "" if r.age is None else str(r.age),
                    f"{r.day_n}/{r.days_total}",
                    r.planned_release.strftime("%m-%d"),
                    "",
                    "",
                    t["symptom_boxes"],
                    "●" if r.swab_due else "",
                    "",
                    QR(stay_code(r.stay_id), 11 * mm),
                ]
            )
        if not floor.rows:
            rows.append([t["nobody"], *[""] * 11])
        table = grid_table(rows, widths, plain=frozenset({0, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
        table.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#fafafa")])]))
        story.append(table)
        if floor.empty_rooms:
            story.append(Spacer(1, 3 * mm))
            story.append(p(t["empty_rooms"] + "：" + "、".join(floor.empty_rooms), "small"))
        story.append(Spacer(1, 2 * mm))
        story.append(p(t["sheet_footer"], "small"))
    if not floors:
        story.append(p(t["sheet_title"], "title"))
        story.append(p(t["nobody"]))
    return build_pdf(frame, story)
