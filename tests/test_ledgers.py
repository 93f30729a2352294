"""The ledgers (台账) and the terminal disinfection record, on paper and as .xlsx, read back.

The workbooks: header frozen, an autofilter over the table, every column sized, dates and times real
spreadsheet dates in the site's time zone, codes as words, no formula. The PDFs: a row number, IDs and
phones masked and never split over two lines, departure kinds as words, the destination.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from pypdf import PdfReader
from reportlab.lib.units import mm
from sqlalchemy import select

from models.reads import reports
from models.rules.identity import mask_id, mask_phone
from models.rules.spreadsheet import display_width, save_table
from models.services.arrivals import register_arrival
from models.services.rooms import record_disinfection
from models.services.stays import change_room, release, transfer
from models.store.orm import AuditEntry, Category, DepartureKind, Stay
from printing import forms
from printing.documents import HAS_XLSX, render
from printing.form_names import FORMS, FULL_IDENTIFIER_FORMS
from printing.forms.registers import fit_columns
from tests.conftest import NOW, TZ, local
from tests.helpers import free_rooms

PRINTED = datetime(2026, 11, 23, 9, 30, tzinfo=TZ)
LEDGERS = ("ledger", "release-ledger", "transfer-ledger", "disinfection")
CODES = (*(k.value for k in DepartureKind if k is not DepartureKind.OTHER), "moved", "occupied", "available")
# site time 07:30 is 23:30 UTC the day before: a workbook in UTC would show the wrong day
TRANSFERRED = local(2026, 11, 22, 7, 30)
RELEASED = local(2026, 11, 22, 9, 15)
MOVED = local(2026, 11, 21, 8, 5)


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def lines_of(pdf: bytes) -> list[str]:
    return [line for page in text_of(pdf) for line in page.splitlines()]


def cells(path):
    ws = load_workbook(path).active
    return ws, [c for row in ws.iter_rows() for c in row if c.value is not None]


@pytest.fixture
def stays(session, site, desk, make_arrival):
    """Five people arrived on the 20th: one released, one to hospital, one to home isolation, one moved
    to another room (its first room disinfected after), one still there; the hospital's room disinfected."""
    rooms = free_rooms(session, 6)
    arrive = lambda i, **kw: register_arrival(  # noqa: E731
        session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 20, 15, i), **kw), rooms[i].id, now=NOW
    )
    out = [arrive(0, address="合肥市蜀山区三里庵街道 5 栋"), arrive(1), arrive(2), arrive(3), arrive(4)]
    release(session, desk, out[0].id, override_reason="上级通知提前解除", now=RELEASED)
    transfer(session, desk, out[1].id, DepartureKind.TO_HOSPITAL, "市定点医院", "发热 38.6 °C", now=NOW, at=TRANSFERRED)
    transfer(session, desk, out[2].id, DepartureKind.HOME_ISOLATION, "", "符合居家隔离条件", now=NOW, at=TRANSFERRED)
    change_room(session, desk, out[3].id, rooms[5].id, "换房测试", now=MOVED)
    record_disinfection(
        session, desk, rooms[1].id, agent="含氯消毒剂", concentration="1000 mg/L", done_by="甲", checked_by="乙",
        at=local(2026, 11, 22, 14),
    )  # fmt: skip
    record_disinfection(
        session, desk, rooms[3].id, agent="过氧乙酸", done_by="丙", checked_by="丁", at=local(2026, 11, 22, 16)
    )
    return out


def _render(session, desk, form, tmp_path, lang="zh_CN"):
    path = tmp_path / f"{form}-{lang}.xlsx"
    pdf = render(session, form, NOW.date(), actor=desk, lang=lang, printed_by="前台一", now=PRINTED, xlsx_path=path)
    return pdf, path


def test_the_ledgers_are_forms_with_workbooks_and_print_no_full_id():
    assert {"release-ledger", "transfer-ledger"} <= set(FORMS) and set(LEDGERS) <= set(HAS_XLSX)
    assert not set(LEDGERS) & FULL_IDENTIFIER_FORMS  # IDs masked: nothing to record in the audit trail


@pytest.mark.parametrize("form", LEDGERS)
def test_every_workbook_is_a_frozen_filtered_sized_table_of_words(session, site, desk, stays, tmp_path, form):
    _pdf, path = _render(session, desk, form, tmp_path)
    ws, filled = cells(path)
    width = ws.max_column
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{get_column_letter(width)}{ws.max_row}"
    header = [c.value for c in ws[1]]
    for i, head in enumerate(header, 1):
        column = ws.column_dimensions[get_column_letter(i)].width
        shown = [len(c.number_format) if c.is_date else display_width(str(c.value)) for c in ws[get_column_letter(i)]]
        longest = max(shown)
        assert column >= min(longest, 60), (head, column)  # fitted to the content, CJK counted double
    assert all(c.data_type != "f" for c in filled)
    categories = set(session.scalars(select(Category.code)))
    texts = [c.value for c in filled if isinstance(c.value, str)]
    assert not [t for t in texts if t in categories or t in ("M", "F") or any(code in t for code in CODES)]
    assert any(isinstance(c.value, datetime) and c.number_format.startswith("yyyy-mm-dd") for c in filled)


def test_a_time_in_a_workbook_is_the_sites_wall_clock(session, site, desk, stays, tmp_path):
    _pdf, path = _render(session, desk, "transfer-ledger", tmp_path)
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    at, kind, where, why = (header.index(h) for h in ("转运时间", "转运类型", "去向", "转运原因"))
    rows = [list(row) for row in ws.iter_rows(min_row=2)]
    assert len(rows) == 2  # the hospital and the home isolation, not the release nor the move
    first = rows[0]
    assert first[at].is_date and first[at].number_format == "yyyy-mm-dd hh:mm"
    assert first[at].value == TRANSFERRED.replace(tzinfo=None)  # 07:30 site time, not 23:30 the day before
    assert [r[kind].value for r in rows] == ["转运至医院", "转居家隔离"]
    assert first[where].value == "市定点医院" and first[why].value == "发热 38.6 °C"


def test_the_release_ledger_has_the_destination_and_the_notices_home_monitoring(session, site, desk, stays, tmp_path):
    [row] = reports.release_ledger_rows(session, None, NOW.date())
    [notice] = reports.person_forms(session, [stays[0].id])
    assert notice.home_days > 0  # 第九版: days at home after release
    start = RELEASED.date()
    assert (row.home_from, row.home_to) == (start, start + timedelta(days=notice.home_days - 1))
    assert row.destination == "合肥市蜀山区三里庵街道 5 栋"  # none recorded: the address, as the notice says
    pdf, path = _render(session, desk, "release-ledger", tmp_path)
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    values = dict(zip(header, ws[2], strict=True))
    assert values["解除时间"].value == RELEASED.replace(tzinfo=None)
    assert values["居家监测开始"].value == datetime.combine(start, datetime.min.time())
    assert values["居家监测开始"].number_format == "yyyy-mm-dd"
    assert "上级通知提前解除" in values["备注"].value  # released by decision: the ledger says so
    lines = lines_of(pdf)
    assert any("解除隔离台账" in line for line in lines) and any("序号" in line for line in lines)
    assert any(row.home_to.isoformat() in line for line in lines)


@pytest.mark.parametrize("form", ("ledger", "release-ledger", "transfer-ledger"))
@pytest.mark.parametrize("lang", ("zh_CN", "en"))
def test_a_printed_ledger_masks_ids_and_phones_on_one_line_and_prints_words(
    session, site, desk, stays, tmp_path, form, lang
):
    pdf, _path = _render(session, desk, form, tmp_path, lang)
    lines = lines_of(pdf)
    text = "\n".join(lines)
    listed = {
        "ledger": stays,
        "release-ledger": stays[:1],
        "transfer-ledger": stays[1:3],
    }[form]
    for stay in listed:
        person = stay.person
        assert person.doc_number not in "".join(text.split())
        assert any(mask_id(person.doc_number) in line for line in lines), person.name  # whole, on one line
        assert any(mask_phone(person.phone) in line for line in lines), person.name
        assert person.name in "".join(text.split())
    codes = CODES if lang == "zh_CN" else tuple(c for c in CODES if "_" in c)
    assert not [c for c in codes if c in text]
    assert ("序号" if lang == "zh_CN" else "No.") in text
    if form != "release-ledger":
        assert "市定点医院" in text  # the destination column
        words = "".join(text.split()) if lang == "zh_CN" else " ".join(text.split())
        assert ("转运至医院" if lang == "zh_CN" else "transferred to hospital") in words


def test_the_people_ledger_pdf_has_row_numbers_and_the_destination(session, site, desk, stays, tmp_path):
    pdf, _path = _render(session, desk, "ledger", tmp_path)
    [page] = text_of(pdf)
    assert "去向" in page and "转居家隔离" in page and "解除隔离" in page and "共 5 人" in page
    rows = reports.ledger_rows(session, None, NOW.date())
    numbered = [line for line in page.splitlines() if line.strip() in {"1", "2", "3", "4", "5"}]
    assert len(rows) == 5 and len(numbered) >= 5


def test_the_disinfection_record_has_ready_time_hand_columns_and_both_signatures(session, site, desk, stays, tmp_path):
    rows = reports.disinfection_rows(session, date(2026, 11, 1), NOW.date())
    assert [r.why for r in rows] == ["to_hospital", "moved"]
    hospital, moved = rows
    assert hospital.left_at == TRANSFERRED and hospital.disinfected_at == local(2026, 11, 22, 14)
    assert moved.left_at == MOVED  # it left that room by the move, not by a departure
    pdf, path = _render(session, desk, "disinfection", tmp_path)
    text = "\n".join(text_of(pdf))
    flat = "".join(text.split())
    for words in ("消毒方式", "作用时间", "消毒人员签名", "核查人员签名", "恢复可用", "转运至医院", "换房", "过氧乙酸"):
        assert words in flat, words
    assert "2026-11-2214:00" in flat and not [c for c in CODES if c in text]
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    ready = ws.cell(2, header.index("消毒完成、恢复可用时间") + 1)
    assert ready.is_date and ready.value == datetime(2026, 11, 22, 14, 0)
    assert [ws.cell(r, header.index("离开原因") + 1).value for r in (2, 3)] == ["转运至医院", "换房"]


def test_the_audit_export_is_a_table_with_site_times(session, site, desk, stays, tmp_path):
    from models.reads.audit_log import AuditFilter, export_audit_xlsx

    path = tmp_path / "audit.xlsx"
    n = export_audit_xlsx(session, AuditFilter(), path, "Asia/Shanghai", "zh_CN")
    ws, filled = cells(path)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:L{n + 1}"
    assert all(c.data_type != "f" for c in filled)
    first = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    when = ws.cell(2, 2)
    assert when.is_date and when.number_format == "yyyy-mm-dd hh:mm:ss"
    assert when.value == first.at.astimezone(TZ).replace(tzinfo=None, microsecond=when.value.microsecond)


def test_the_rows_to_fix_are_a_table_with_names_not_codes(tmp_path):
    from models.services.importer import ImportRow, export_rows

    row = ImportRow(
        row=3, status="invalid", messages=["证件号码校验位错误"],
        fields={"name": "张三", "doc_number": "110105194912310021", "category": "inbound",
                "last_exposure": local(2026, 11, 19, 20, 0)},
    )  # fmt: skip
    path = tmp_path / "fix.xlsx"
    assert export_rows([row], path, category_names={"inbound": "入境人员"}) == 1
    ws, _filled = cells(path)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:K2"
    values = [c.value for c in ws[2]]
    assert "入境人员" in values and "inbound" not in values
    assert ws.cell(2, 4).number_format == "@" and ws.cell(2, 4).value == "110105194912310021"
    assert datetime(2026, 11, 19, 20, 0) in values  # as read: the importer reads it back the same


def test_a_table_refuses_an_instant_without_the_sites_zone_and_counts_cjk_double(tmp_path):
    assert display_width("张三") == 4 and display_width("ab") == 2 and display_width("Ｆ") == 2
    with pytest.raises(ValueError, match="time zone"):
        save_table(tmp_path / "a.xlsx", "t", ["时间"], [[NOW]])
    rows = [["欧阳娜娜", NOW, 3], ['=HYPERLINK("x")', None, 2.5], [" 前后有空格 ", date(2026, 11, 23), True]]
    assert save_table(tmp_path / "b.xlsx", "表", ["姓名", "时间", "数"], rows, tz="Asia/Shanghai") == 3
    ws = load_workbook(tmp_path / "b.xlsx").active
    assert ws.title == "表" and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:C4"
    assert [c.value for c in ws[1]] == ["姓名", "时间", "数"]
    assert ws["B2"].value == datetime(2026, 11, 23, 10, 0) and ws["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["A3"].value == '\'=HYPERLINK("x")' and ws["A3"].data_type == "s" and ws["B3"].value is None
    assert ws["A4"].value == " 前后有空格 " and ws["B4"].value == datetime(2026, 11, 23)  # spaces kept
    assert ws["B4"].number_format == "yyyy-mm-dd" and (ws["C2"].value, ws["C3"].value, ws["C4"].value) == (3, 2.5, True)
    assert ws.column_dimensions["A"].width >= display_width("欧阳娜娜")


def test_a_table_holds_any_text_a_cell_can_and_drops_what_xml_cannot(tmp_path):
    """A name or note with markup, quotes, a control character pasted from a web page, or more text than a
    cell holds: the file still opens, with the text as typed (less what XML cannot carry)."""
    odd = ['<b>"王&李"</b>', "a\x01b\x0bc", "x" * 40000, "第一行\n第二行", "'已是文本"]
    save_table(tmp_path / "odd.xlsx", "odd's & <sheet>", ["文本"], [[t] for t in odd], formats={0: "@"})
    wb = load_workbook(tmp_path / "odd.xlsx")
    ws = wb.active
    got = [ws.cell(r, 1).value for r in range(2, 7)]
    assert got == ['<b>"王&李"</b>', "abc", "x" * 32767, "第一行\n第二行", "'已是文本"]
    assert ws.cell(2, 1).number_format == "@" and ws.title == "odd's & <sheet>"


def test_fit_columns_keeps_ids_on_one_line_and_fills_the_width():
    from printing.base import register_font
    from printing.forms.registers import PAD, _width

    register_font()
    rows = [["证件号码", "去向"], ["1101**********002X", "合肥市蜀山区三里庵街道某某小区 5 栋 2 单元"]] * 2
    for total in (200 * mm, 70 * mm, 50 * mm):
        widths = fit_columns(rows, total, nowrap=frozenset({0}))
        assert sum(widths) == pytest.approx(total)
        if total >= 50 * mm:
            assert widths[0] >= _width("1101**********002X") + PAD  # the ID never wraps
    roomy = fit_columns(rows, 200 * mm, nowrap=frozenset({0}))
    assert roomy[1] >= _width(rows[1][1]) + PAD  # room enough: one line


def test_the_reports_page_offers_the_new_ledgers(qtbot, app_context, site):
    from views.reports_page import ReportsPage

    page = ReportsPage(app_context)
    qtbot.addWidget(page)
    labels = {page.form.itemData(i): page.form.itemText(i) for i in range(page.form.count())}
    assert labels["release-ledger"] == "解除隔离台账" and labels["transfer-ledger"] == "转运台账"
    page.form.setCurrentIndex(page.form.findData("transfer-ledger"))
    assert page.xlsx_button.isEnabled()


def test_a_ledger_is_empty_before_anyone_left(session, site, desk, tmp_path):
    for form in ("release-ledger", "transfer-ledger"):
        pdf, path = _render(session, desk, form, tmp_path)
        assert "无记录" in text_of(pdf)[0]
        ws, _ = cells(path)
        assert ws.max_row == 1 and ws.auto_filter.ref.startswith("A1:")
    assert forms.release_ledger and session.scalar(select(Stay.id).limit(1)) is None
