"""The same reports as Excel workbooks (the tables streamed by save_table, the daily report by openpyxl).

The tables (the ledgers, the disinfection record) are written by ``write_rows`` over
:func:`models.rules.spreadsheet.save_table`: header frozen, autofilter, widths fitted to the content,
dates and times as real dates in the site's time zone, codes as words (the PDF's labels), no formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from models.reads.reports import DailyReport, DepartureRow, DisinfectionRow, LedgerRow
from models.rules.spreadsheet import append_row, save_table

from .base import current_progress
from .forms.registers import (
    AREA_HEAD,
    FOLLOWUP_HEAD,
    area_cells,
    category_name,
    departure_label,
    followup_cells,
    sex_word,
)
from .forms.report import REPORT_SECTIONS, report_subtitle
from .labels import L

if TYPE_CHECKING:
    from models.reads.areas import AreaLogRow
    from models.reads.care_requests import RequestRow
    from models.reads.followups import FollowUpRow
    from models.reads.forecast import Forecast
    from models.reads.handover import HandoverList
    from models.reads.planned_batches import BatchRow
    from models.reads.supplies import MoveRow, StockRow


def daily_report_xlsx(report: DailyReport, path: Path, lang: str = "zh_CN") -> None:
    """The daily report as a workbook for the command centre: the same figures as the PDF.

    Row 1: title, site, day; row 2: the header; then one row per figure (label, count, section); then
    the people present by category, whether it is a zero report (零报告, marked when it is one), as at
    when, when it was made, and the reporter's and checker's names left blank."""
    from openpyxl import Workbook  # here only: the tables are streamed by save_table without it
    from openpyxl.worksheet.worksheet import Worksheet

    t = L(lang)
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = "日报" if lang.startswith("zh") else "daily"
    append_row(ws, [t["report_title"], report.site, report.day.isoformat()])
    append_row(ws, [t["item"], t["count"], t["report_section"]])
    for section, keys in REPORT_SECTIONS:
        for k in keys:
            append_row(ws, [t[f"r_{k}"], getattr(report, k), t[section]])
    append_row(ws, [])
    append_row(ws, [t["category"], t["cat_present"], t["cat_arrivals"]])
    for c in report.by_category:
        append_row(ws, [c.name(lang), c.present, c.arrivals])
    append_row(
        ws, [t["cat_total"], sum(c.present for c in report.by_category), sum(c.arrivals for c in report.by_category)]
    )
    append_row(ws, [])
    if report.by_community:
        append_row(ws, [t["ho_community_col"], t["com_releases"]])
        for place in report.by_community:
            append_row(ws, [place.community or t["com_none"], place.releases])
        append_row(ws, [])
    if report.supplies:
        from .forms.supplies import amount

        append_row(ws, [t["sp_item"], t["sp_stock"], t["sp_unit"], t["sp_days_left"], t["sp_status"]])
        for item in report.supplies:
            append_row(ws, [item.name, item.stock, item.unit, amount(item.days_left),
                            t["sp_low"] if item.low else t["sp_ok"]])  # fmt: skip
        append_row(ws, [])
    if report.zero:
        append_row(ws, [t["zero_mark"], t["zero_yes"], t["zero_report"]])
    append_row(ws, [t["report_as_of"], report_subtitle(report, lang)])
    append_row(ws, [t["report_made_at"], f"{report.made_at:%Y-%m-%d %H:%M}"])
    append_row(ws, [t["sign_reporter"], ""])
    append_row(ws, [t["sign_checker"], ""])
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 18
    wb.save(path)


def _zone(rows: Sequence[object]) -> str | None:
    """The time zone the rows' times are in (the reads give site time), for a caller that did not say."""
    for r in rows[:1]:
        for value in vars(r).values() if hasattr(r, "__dict__") else ():
            if isinstance(value, datetime) and isinstance(value.tzinfo, ZoneInfo):
                return value.tzinfo.key
    return None


def write_rows(path: Path, title: str, header: list[str], rows: Sequence[Sequence[object]], tz: str | None) -> int:
    """One table as a workbook (streamed: a year's ledger is 100,000 rows), by
    :func:`models.rules.spreadsheet.save_table`: header frozen, autofilter, widths fitted, dates as dates
    in the site's time zone ``tz``, text never a formula. Reports its progress to a background export."""
    report = current_progress()  # a background export's (printing.base.reporting)

    def progress(done: int) -> None:
        if report is not None:
            report(done, len(rows), "")

    return save_table(path, title, header, rows, tz=tz, progress=progress if report is not None else None)


def disinfection_xlsx(rows: Sequence[DisinfectionRow], path: Path, lang: str = "zh_CN", tz: str | None = None) -> int:
    """终末消毒记录 as a table: what was recorded (the PDF's hand-filled columns and signatures are not)."""
    t = L(lang)
    keys = ["room", "previous", "left_at", "why", "dis_ready", "agent", "concentration", "done_by", "checked_by"]
    body = [[r.room, r.previous, r.left_at, departure_label(r.why, lang), r.disinfected_at, r.agent, r.concentration,
             r.done_by, r.checked_by] for r in rows]  # fmt: skip
    return write_rows(path, t["dis_title"], [t[k] for k in keys], body, tz or _zone(rows))


def ledger_xlsx(rows: Sequence[LedgerRow], path: Path, lang: str = "zh_CN", tz: str | None = None) -> int:
    """人员台账: one row per stay (IDs and phones masked), codes as words, dates as dates."""
    t = L(lang)
    keys = ["name", "sex", "age", "doc_number", "phone", "origin", "category", "room", "arrived", "release",
            "departed", "departure", "lg_destination"]  # fmt: skip
    body = [[r.name, sex_word(r.sex, lang), r.age, r.doc, r.phone, r.origin,
             category_name(r.category, r.category_en, lang), r.room, r.arrived, r.planned_release, r.departed,
             departure_label(r.departure, lang), r.destination] for r in rows]  # fmt: skip
    return write_rows(path, t["ledger_title"], [t[k] for k in keys], body, tz or _zone(rows))


def release_ledger_xlsx(rows: Sequence[DepartureRow], path: Path, lang: str = "zh_CN", tz: str | None = None) -> int:
    """解除隔离台账: the people released, when, where to, their home health monitoring (dates)."""
    t = L(lang)
    keys = ["name", "sex", "age", "doc_number", "phone", "category", "room", "arrived", "rel_released",
            "lg_destination", "rel_home_from", "rel_home_to", "rel_note"]  # fmt: skip
    body = [[r.name, sex_word(r.sex, lang), r.age, r.doc, r.phone, category_name(r.category, r.category_en, lang),
             r.room, r.arrived, r.departed, r.destination, r.home_from, r.home_to,
             t["rel_override"].format(reason=r.reason) if r.reason else ""] for r in rows]  # fmt: skip
    return write_rows(path, t["rel_title"], [t[k] for k in keys], body, tz or _zone(rows))


def transfer_ledger_xlsx(rows: Sequence[DepartureRow], path: Path, lang: str = "zh_CN", tz: str | None = None) -> int:
    """转运台账: the people transferred, when, how, where to, why."""
    t = L(lang)
    keys = ["name", "sex", "age", "doc_number", "phone", "category", "room", "arrived", "tl_at", "tl_kind",
            "lg_destination", "tl_reason"]  # fmt: skip
    body = [[r.name, sex_word(r.sex, lang), r.age, r.doc, r.phone, category_name(r.category, r.category_en, lang),
             r.room, r.arrived, r.departed, departure_label(r.kind, lang), r.destination, r.reason]
            for r in rows]  # fmt: skip
    return write_rows(path, t["tl_title"], [t[k] for k in keys], body, tz or _zone(rows))


def handover_xlsx(lists: Sequence[HandoverList], path: Path, lang: str = "zh_CN", tz: str | None = None) -> int:
    """解除隔离人员交接单 as one table: the receiving community first on each row, then the person (in full:
    the same as the paper, and as audited)."""
    t = L(lang)
    keys = ["ho_community_col", "name", "sex", "age", "doc_number", "phone", "ho_address", "room", "rel_released",
            "ho_home_to", "ho_home_tests", "ho_transport"]  # fmt: skip
    body = [[h.label or t["ho_none_short"], r.name, sex_word(r.sex, lang), r.age,
             r.doc_number, r.phone, r.address, r.room, r.released, r.home_to,
             "、".join(d.isoformat() for d in r.home_tests), r.transport]
            for h in lists for r in h.people]  # fmt: skip
    people = [r for h in lists for r in h.people]
    return write_rows(path, t["ho_title"], [t[k] for k in keys], body, tz or _zone(people))


def followup_ledger_xlsx(rows: Sequence[FollowUpRow], path: Path, lang: str = "zh_CN", tz: str | None = None) -> int:
    """回访台账 for the command centre: a row a call, times as dates, the temperature a number."""
    t = L(lang)
    body = [followup_cells(r, lang) for r in rows]
    return write_rows(path, t["fu_title"], [t[k] for k in FOLLOWUP_HEAD], body, tz or _zone(rows))


def forecast_xlsx(fc: Forecast, batches: Sequence[BatchRow], path: Path, lang: str = "zh_CN") -> None:
    """The room forecast as a workbook: the site's table with a chart of the free rooms (sheet 1), every
    building's figures by day (sheet 2), the planned batches counted (sheet 3). Numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    from .forms.forecast import TABLE, batch_table_rows, day_label, made_line

    t = L(lang)
    zh = lang.startswith("zh")
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = "预测" if zh else "forecast"
    append_row(ws, [t["fc_title"]])
    append_row(ws, [made_line(fc, lang)])
    append_row(ws, [t["fc_day"], *(t[f"fc_{c}"] for c in TABLE), t["fc_margin"], t["fc_warn"]])
    for i, d in enumerate(fc.days):
        append_row(ws, [day_label(fc, i, lang), *(getattr(d.total, c) for c in TABLE), fc.margin,
                        t["fc_warn"] if d.below_margin else ""])  # fmt: skip
    last = 3 + len(fc.days)
    free_col = 2 + TABLE.index("free")
    bars = BarChart()
    bars.title = t["fc_chart"]
    bars.y_axis.title = t["fc_free"]
    bars.add_data(Reference(ws, min_col=free_col, min_row=3, max_row=last), titles_from_data=True)
    bars.set_categories(Reference(ws, min_col=1, min_row=4, max_row=last))
    bars.height, bars.width = 7.5, 18
    ws.add_chart(bars, f"A{last + 3}")  # type: ignore[call-arg]
    ws.column_dimensions["A"].width = 18
    for col in range(2, len(TABLE) + 4):
        ws.column_dimensions[get_column_letter(col)].width = 12

    wb_b = wb.create_sheet("分楼栋" if zh else "by building")
    append_row(wb_b, [t["fc_building"], t["fc_day"], t["fc_rooms"], *(t[f"fc_{c}"] for c in TABLE)])
    for b, (_bid, name) in enumerate(fc.buildings):
        for i, d in enumerate(fc.days):
            cell = d.by_building[b]
            append_row(wb_b, [name, day_label(fc, i, lang), cell.rooms, *(getattr(cell, c) for c in TABLE)])
    wb_b.freeze_panes = "C2"

    ws_c = wb.create_sheet("待转运批次" if zh else "planned batches")
    for row in batch_table_rows(batches, lang) if batches else [[t["fc_no_batches"]]]:
        append_row(ws_c, row)
    wb.save(path)


def area_disinfection_xlsx(rows: Sequence[AreaLogRow], path: Path, lang: str = "zh_CN", tz: str | None = None) -> int:
    """公共区域日常消毒记录 as a table: a row a round, its time a date."""
    t = L(lang)
    body = [area_cells(r, lang) for r in rows]
    return write_rows(path, t["ad_title"], [t[k] for k in AREA_HEAD], body, tz or _zone(rows))


def supplies_xlsx(
    stock: Sequence[StockRow],
    moves: Sequence[MoveRow],
    at: datetime,
    path: Path,
    lang: str = "zh_CN",
    tz: str | None = None,
) -> None:
    """物资台账 as a workbook: the stock as at ``at`` (sheet 1), every movement of the period with the balance
    after it (sheet 2). Quantities as numbers, times as times."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from .forms.supplies import MOVE_HEAD, STOCK_HEAD, move_cells, stock_cells

    t = L(lang)
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = "库存" if lang.startswith("zh") else "stock"
    append_row(ws, [t["sp_stock_title"], t["sp_as_at"].format(time=f"{at:%Y-%m-%d %H:%M}")])
    append_row(ws, [t[k] for k in STOCK_HEAD])
    for r in stock:
        append_row(ws, stock_cells(r, lang))
    ws.freeze_panes = "A3"
    moves_ws = wb.create_sheet("出入库" if lang.startswith("zh") else "movements")
    append_row(moves_ws, [t[k] for k in MOVE_HEAD])
    for m in moves:
        append_row(moves_ws, move_cells(m, lang), tz=tz)
    moves_ws.freeze_panes = "A2"
    for sheet in (ws, moves_ws):
        sheet.column_dimensions["A"].width = 18
        sheet.column_dimensions["B"].width = 20
    wb.save(path)


def care_requests_xlsx(
    rows: Sequence[RequestRow], path: Path, now: datetime, lang: str = "zh_CN", tz: str | None = None
) -> int:
    """人文关怀需求清单 as a table: a row a request, with its closing (when, what was done or why refused)."""
    from .forms.care_requests import FULL_HEAD, request_cells

    t = L(lang)
    body = [request_cells(r, lang, now, full=True) for r in rows]
    return write_rows(path, t["cr_title"], [t[k] for k in FULL_HEAD], body, tz)
