"""Print preview (QtPdf), the reports page, and the print buttons of the other screens."""

import io
from datetime import datetime

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from models.demo.builder import build_demo
from tests.conftest import TZ
from views import main_window as main_window_module
from views.application import make_app
from views.main_window import MainWindow
from views.print_preview import PrintPreview

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)


@pytest.fixture
def window(qtbot, engine, monkeypatch, clock, app_context):
    clock.set(NOW)  # the app runs at the demo's instant
    build_demo(engine, rooms=40, days=8, seed=5, now=NOW)
    make_app(theme=False, settings=app_context.settings)
    w = MainWindow(app_context)
    qtbot.addWidget(w)
    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(main_window_module, "show_pdf", lambda parent, pdf, title: shown.append((pdf, title)))
    w.shown = shown
    return w


def pages(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_preview_renders_and_prints_every_page(qtbot, tmp_path, window):
    pdf = window.print_form("daily-sheets").result  # built by a task (inline in tests)
    assert pdf is not None and window.shown
    preview = PrintPreview(pdf, "sheets")
    qtbot.addWidget(preview)
    assert preview.document.pageCount() == len(pages(pdf)) > 0
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == preview.document.pageCount()
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    preview.save_to(tmp_path / "saved.pdf")
    assert (tmp_path / "saved.pdf").read_bytes() == pdf


def test_occupant_print_menu_and_rounds_button(window):
    window.show_page("occupants")
    page = window.occupants
    page.table.selectRow(0)
    name = page._detail.name
    labels = [a.text() for a in page.print_button.menu().actions()]
    assert "登记表和告知书" in labels
    page.print_button.menu().actions()[0].trigger()
    pdf, title = window.shown[-1]
    assert title == "登记表和告知书" and name in "".join(pages(pdf))  # the preview is titled, not "arrival-pack"
    assert any("告知书" in t for t in pages(pdf))
    window.rounds_page.print_button.click()
    pdf, title = window.shown[-1]
    assert title == "每日健康观察记录表" and "每日健康观察记录表" in pages(pdf)[0]


def test_reports_page_previews_and_exports(window, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from views import reports_page

    previews = []
    titles = []
    monkeypatch.setattr(
        reports_page, "show_pdf", lambda parent, pdf, title: (previews.append(pdf), titles.append(title))
    )
    window.show_page("reports")
    page = window.reports_page
    page.form.setCurrentIndex(page.form.findData("daily-report"))
    assert page.xlsx_button.isEnabled() and not page.floor.isEnabled()
    page.preview()
    assert "日报表" in pages(previews[-1])[0] and titles[-1] == "日报表"
    assert page.figures.rowCount() == 13 and page.figures.item(0, 1).text() == "40"
    out = tmp_path / "report.xlsx"
    assert page.export_xlsx(out).state == "done"
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[2][1] == 40  # rooms in all
    page.form.setCurrentIndex(page.form.findData("release-notices"))
    page.preview()
    assert pages(previews[-1])  # today's release notices (or a page saying there are none)


def test_a_viewer_is_not_offered_the_forms_that_print_full_ids(qtbot, make_app_context, session, desk, site):
    from models.services.accounts import create_user
    from models.store.orm import Role
    from printing.form_names import FULL_IDENTIFIER_FORMS
    from views.occupants_page import OccupantsPage
    from views.reports_page import ReportsPage

    viewer = create_user(session, desk, "look", "look pass 1", Role.VIEWER)
    ctx = make_app_context(viewer)
    reports, occupants = ReportsPage(ctx), OccupantsPage(ctx)
    qtbot.addWidget(reports)
    qtbot.addWidget(occupants)
    offered = {reports.form.itemData(i) for i in range(reports.form.count())}
    assert offered and not offered & FULL_IDENTIFIER_FORMS
    menu = [a.text() for a in occupants.print_button.menu().actions()]
    assert menu and "登记表和告知书" not in menu and "解除隔离告知书" not in menu
    assert menu == ["体温登记表", "房间门卡"]  # the others are offered
