"""The release notice (解除集中隔离医学观察告知书): one page per person; many make one document."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from models.reads.reports import PersonForm

from ..base import build_pdf, content_width, field_table, grid_table, p
from ..labels import L, lines, swab_label
from .common import frame_for


def release_notices(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    t = L(lang)
    frame = frame_for(site, t["release_title"], printed_at.date(), printed_by, printed_at, lang)
    width = content_width(frame)
    story: list[Flowable] = []
    for i, f in enumerate(forms):
        if i:
            story.append(PageBreak())
        home_days = (f.home_until - f.planned_release).days + 1 if f.home_until else 0
        pairs = [
            (t["name"], f.name),
            (t["doc_number"], f.doc_number),
            (t["site"], site),
            (t["room"], f.room),
            (t["iso_from"], f.day_one.isoformat()),
            (t["iso_to"], (f.planned_release - timedelta(days=1)).isoformat()),
            (t["last_swab"], swab_label(f.last_swab, lang)),
            (t["home_period"], t["home_days"].format(n=home_days, until=f.home_until) if f.home_until else "—"),
        ]
        story += [p(t["release_title"], "title"), field_table(pairs, width), Spacer(1, 5 * mm)]
        story.append(p(t["release_body"].format(name=f.name, end=f.planned_release), "text"))
        for rule in lines(lang, "home_rules"):
            story.append(p(rule, "text"))
        story += [Spacer(1, 12 * mm)]
        story.append(
            grid_table(
                [[t["sign_person"], "", t["sign_site"], ""], [t["date"], "", t["date"], ""]],
                [30 * mm, 60 * mm, 30 * mm, 60 * mm],
                0,
            )
        )
    if not forms:
        story += [p(t["release_title"], "title"), p(t["nobody_release"])]
    return build_pdf(frame, story)
