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
from .forms import REPORT_FIELDS
from .labels import L


def daily_report_xlsx(report: DailyReport, path: Path, lang: str = "zh_CN") -> None:
    t = L(lang)
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = "日报" if lang.startswith("zh") else "daily"
    append_row(ws, [t["report_title"], report.site, report.day.isoformat()])
    append_row(ws, [t["item"], t["count"]])
    for k in REPORT_FIELDS:
        append_row(ws, [t[f"r_{k}"], getattr(report, k)])
    ws.column_dimensions["A"].width = 28
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
