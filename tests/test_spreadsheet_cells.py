"""No .xlsx IsoDesk writes carries a live formula: text from people (names, addresses, reasons) stays text."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from models.rules.spreadsheet import is_formula_like, neutral_text, starts_a_formula

ATTACKS = ['=HYPERLINK("http://x","点我")', " =1+1", "＝CMD|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1"]


@pytest.mark.parametrize("text", ATTACKS)
def test_a_formula_however_dressed_is_neutralised(text):
    assert is_formula_like(text) and neutral_text(text) == "'" + text


def test_ordinary_text_is_left_alone():
    for text in ("张三", "A栋 3F 305", "13800138000", "2026-12-01", "a=b"):
        assert not is_formula_like(text) and neutral_text(text) == text


def test_the_importer_refuses_a_formula_after_folding_but_not_a_phones_plus():
    assert starts_a_formula(" =HYPERLINK(1)") and starts_a_formula("＝HYPERLINK(1)")
    assert not starts_a_formula("+86 138 0013 8000") and not starts_a_formula("-")


def _cells(path):
    wb = load_workbook(path)
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def test_every_xlsx_writer_writes_text_not_formulas(tmp_path):
    from dataclasses import fields

    from models.reads.reports import LedgerRow
    from printing.xlsx import ledger_xlsx

    evil = '=HYPERLINK("http://evil.example","查看")'
    values = {f.name: evil for f in fields(LedgerRow)}
    values["age"] = 40
    path = tmp_path / "ledger.xlsx"
    ledger_xlsx([LedgerRow(**values)], path)  # type: ignore[arg-type]
    cells = _cells(path)
    assert cells and all(c.data_type != "f" for c in cells)
    assert any(c.value == "'" + evil for c in cells)


def test_the_audit_export_and_the_rows_to_fix_write_text(session, site, desk, make_arrival, tmp_path):
    from models.reads.audit_log import AuditFilter, export_audit_xlsx
    from models.services.arrivals import register_arrival
    from models.services.importer import ImportRow, export_rows
    from tests.helpers import free_rooms

    evil = "=1+1"
    register_arrival(session, desk, make_arrival(origin=evil), free_rooms(session, 1)[0].id)
    audit = tmp_path / "audit.xlsx"
    export_audit_xlsx(session, AuditFilter(), audit, "Asia/Shanghai", "zh_CN")
    fix = tmp_path / "fix.xlsx"
    export_rows([ImportRow(row=2, status="invalid", messages=[evil], fields={"name": evil})], fix)
    for path in (audit, fix):
        cells = _cells(path)
        assert cells and all(c.data_type != "f" for c in cells), path.name
    assert "'=1+1" in [c.value for c in _cells(fix)]  # the name cell, and the message cell
