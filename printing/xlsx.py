"""The same reports as Excel workbooks (openpyxl, streamed for big ledgers)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from models.reads.reports import DailyReport, DisinfectionRow, LedgerRow
from models.rules.spreadsheet import append_row

from .base import current_progress
from .forms.report import REPORT_SECTIONS, report_subtitle
from .labels import L


def daily_report_xlsx(report: DailyReport, path: Path, lang: str = "zh_CN") -> None:
    """The daily report as a workbook for the command centre: the same figures as the PDF.

    Row 1: title, site, day; row 2: the header; then one row per figure (label, count, section); then
    the people present by category, whether it is a zero report (零报告, marked when it is one), as at
    when, when it was made, and the reporter's and checker's names left blank."""
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


def _rows_xlsx(path: Path, title: str, header: list[str], rows: Sequence[DisinfectionRow | LedgerRow]) -> int:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    append_row(ws, header)
    names = [f.name for f in fields(rows[0])] if rows else []
    report = current_progress()  # a background export's (printing.base.reporting)
    for i, r in enumerate(rows):
        if report is not None and i % 1000 == 0:
            report(i, len(rows), "")
        append_row(ws, [getattr(r, n) for n in names])  # not astuple(): it deep-copies every row
    wb.save(path)
    return len(rows)


def disinfection_xlsx(rows: Sequence[DisinfectionRow], path: Path, lang: str = "zh_CN") -> int:
    t = L(lang)
    keys = ["room", "previous", "left_at", "why", "dis_at", "agent", "concentration", "done_by", "checked_by"]
    return _rows_xlsx(path, str(t["dis_title"]), [str(t[k]) for k in keys], rows)


def ledger_xlsx(rows: Sequence[LedgerRow], path: Path, lang: str = "zh_CN") -> int:
    t = L(lang)
    keys = ["name", "sex", "age", "doc_number", "phone", "origin", "category", "room", "arrived", "release",
            "departed", "departure", "site"]  # fmt: skip
    assert len(keys) == len(fields(LedgerRow))
    header = [str(t[k]) for k in keys]
    header[-1] = "去向" if lang.startswith("zh") else "Destination"
    return _rows_xlsx(path, str(t["ledger_title"]), header, rows)
