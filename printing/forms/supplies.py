"""物资台账: the supplies in stock (one row an item: its stock, its use a day, the days left, low or not), then the
movements of a period (in, out, counts) with each item's balance after them, and the storekeeper's signature.

The same cells make the workbook (printing/xlsx.py ``supplies_xlsx``), so the paper and the file agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, PageBreak

from ..base import build_pdf
from ..labels import L
from .common import frame_for
from .registers import period, register_story

if TYPE_CHECKING:  # the forms take plain data and need no database to print it
    from models.reads.supplies import MoveRow, StockRow

STOCK_HEAD = ("sp_category", "sp_item", "sp_unit", "sp_stock", "sp_min", "sp_per_day", "sp_days_left", "sp_status")
MOVE_HEAD = ("sp_time", "sp_item", "sp_kind", "sp_in_qty", "sp_out_qty", "sp_counted", "sp_balance", "sp_unit",
             "sp_party", "sp_lot", "sp_by", "sp_note")  # fmt: skip


def amount(value: float | None) -> str:
    """A use a day or days left: one decimal, whole when it is whole; "—" when there is none."""
    if value is None:
        return "—"
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"


def stock_cells(r: StockRow, lang: str) -> list[object]:
    t = L(lang)
    return [t[f"sc_{r.category.value}"], r.name, r.unit, r.stock, r.min_stock, amount(r.per_day),
            amount(r.days_left), t["sp_low"] if r.low else t["sp_ok"]]  # fmt: skip


def move_cells(r: MoveRow, lang: str) -> list[object]:
    t = L(lang)
    is_in = r.kind.value == "in" or (r.kind.value == "count" and r.delta > 0)
    quantity = abs(r.delta) if r.delta else ""
    return [r.at, r.item, t[f"mk_{r.kind.value}"], quantity if is_in else "", "" if is_in else quantity,
            "" if r.counted is None else r.counted, r.balance, r.unit, r.party, r.lot, r.done_by, r.note]  # fmt: skip


def report_line(name: str, stock: int, unit: str, days_left: float | None, lang: str) -> str:
    """One item as the daily report's supplies line says it."""
    t = L(lang)
    if days_left is None:
        return t["sp_report_line_nodays"].format(name=name, stock=stock, unit=unit)
    return t["sp_report_line"].format(name=name, stock=stock, unit=unit, days=amount(days_left))


def supplies(
    site: str,
    day_from: date,
    day_to: date,
    at: datetime,
    stock: Sequence[StockRow],
    moves: Sequence[MoveRow],
    lang: str,
    printed_by: str,
    printed_at: datetime,
) -> bytes:
    """The stock sheet (as at ``at``), then on a new page the movements from ``day_from`` to ``day_to``."""
    t = L(lang)
    frame = frame_for(site, t["sp_title"], period(day_from, day_to), printed_by, printed_at, lang, land=True)
    story: list[Flowable] = register_story(
        frame, t["sp_stock_title"], [t[k] for k in STOCK_HEAD],
        [[str(c) for c in stock_cells(r, lang)] for r in stock], lang, nowrap=frozenset({2, 3, 4, 5, 6}),
        above=t["sp_as_at"].format(time=f"{at:%Y-%m-%d %H:%M}"),
        total_line=t["sp_items"].format(n=len(stock), low=sum(1 for r in stock if r.low)),
    )  # fmt: skip
    body = []
    for r in moves:
        cells = move_cells(r, lang)
        cells[0] = f"{r.at:%Y-%m-%d %H:%M}"
        body.append([str(c) for c in cells])
    story.append(PageBreak())
    story += register_story(
        frame, t["sp_moves_title"], [t[k] for k in MOVE_HEAD], body, lang,
        nowrap=frozenset({0, 3, 4, 5, 6, 7}), above=period(day_from, day_to),
        total_line=t["sp_moves"].format(n=len(body)), sign=t["sp_sign"],
    )  # fmt: skip
    return build_pdf(frame, story)
