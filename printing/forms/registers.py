"""Registers: the terminal disinfection record (终末消毒记录) and the people ledger (人员台账)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from models.reads.reports import DisinfectionRow, LedgerRow

from ..base import build_pdf, content_width, grid_table, p
from ..labels import L, sex_label
from .common import frame_for


def disinfection(
    site: str,
    day_from: date,
    day_to: date,
    rows: Sequence[DisinfectionRow],
    lang: str,
    printed_by: str,
    printed_at: datetime,
) -> bytes:
    t = L(lang)
    frame = frame_for(site, t["dis_title"], f"{day_from} – {day_to}", printed_by, printed_at, lang, land=True)
    width = content_width(frame)
    head = [t["room"], t["previous"], t["left_at"], t["why"], t["dis_at"], t["agent"], t["concentration"],
            t["done_by"], t["checked_by"]]  # fmt: skip
    body = [[r.room, r.previous, r.left_at, r.why, r.disinfected_at, r.agent, r.concentration, r.done_by,
             r.checked_by] for r in rows]  # fmt: skip
    if not body:
        body = [[t["none"]] + [""] * 8]
    story: list[Flowable] = [p(t["dis_title"], "title"), grid_table([head, *body], [width / 9] * 9)]
    return build_pdf(frame, story)


def ledger(site: str, day: date, rows: Sequence[LedgerRow], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    t = L(lang)
    frame = frame_for(site, t["ledger_title"], day, printed_by, printed_at, lang, land=True)
    width = content_width(frame)
    head = [t["name"], t["sex"], t["age"], t["doc_number"], t["phone"], t["origin"], t["category"], t["room"],
            t["arrived"], t["release"], t["departed"], t["departure"]]  # fmt: skip
    body = [[r.name, sex_label(r.sex, lang), r.age if r.age is not None else "", r.doc, r.phone, r.origin, r.category,
             r.room, r.arrived, r.planned_release, r.departed, r.departure] for r in rows]  # fmt: skip
    if not body:
        body = [[t["none"], *[""] * 11]]
    # mm; the masked ID number (18 characters) and the phone on one line, dates and times on two at most;
    # the departure column takes the rest
    fixed = [24, 10, 10, 35, 24, 28, 24, 24, 21, 20, 21]
    widths = [w * mm for w in fixed]
    widths.append(width - sum(widths))
    story: list[Flowable] = [p(t["ledger_title"], "title"), grid_table([head, *body], widths)]
    return build_pdf(frame, story)
