"""Door cards (房间门卡) with the stay's QR code."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from models.reads.reports import PersonForm

from ..base import build_pdf, content_width, p
from ..labels import L
from .common import QR, frame_for, stay_code


def door_cards(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    """Two cards per A4 page, to cut along the line."""
    t = L(lang)
    frame = frame_for(site, t["card_title"], printed_at.date(), printed_by, printed_at, lang)
    width = content_width(frame)
    story: list[Flowable] = []
    for f in forms:
        info = Table(
            [
                [p(f.room, "big")],
                [p(f.name, "big")],
                [p(f"{t['arrived']}：{f.arrived_at[:10]}", "h2")],
                [p(f"{t['release']}：{f.planned_release.isoformat()}", "h2")],
            ],
            colWidths=[width - 60 * mm],
        )
        card = Table([[info, QR(stay_code(f.stay_id), 45 * mm)]], colWidths=[width - 55 * mm, 55 * mm])
        card.setStyle(
            TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
        )
        story += [CondPageBreak(110 * mm), KeepTogether([p(t["card_title"], "h2"), card]), Spacer(1, 15 * mm)]
    if not forms:
        story.append(p(t["nobody"]))
    return build_pdf(frame, story)
