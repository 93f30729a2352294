"""Printing to a printer (views/print_preview.py): the raster path paints every page once, at no more than
300 dpi, grey unless a page has colour, page by page, and stops at Cancel; the spooler path hands the PDF
itself to CUPS's ``lp`` with the print dialog's options. No real printer and no timing: a PDF-file
QPrinter stands for the printer (the same QPainter path), a shell script for ``lp``."""

from __future__ import annotations

import io
import stat
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from views import print_preview
from views.print_preview import (
    JobOptions,
    PrintPreview,
    RasterJob,
    SpoolJob,
    make_job,
    spooler_command,
)
from views.tasks import CANCELLED, DONE, FAILED

WAIT = 60_000  # ms: generous, nothing here depends on the machine's speed
A4_AT_300 = (round(A4[1] / 72 * 300), round(A4[0] / 72 * 300))  # landscape: 3508 × 2480


def sheets_pdf(pages: int, colour_page: int | None = None) -> bytes:
    """``pages`` landscape A4 pages like the daily sheets: black text and grid, a grey band; one page
    with a red fever line if ``colour_page`` (1-based) is given."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=landscape(A4))
    for n in range(1, pages + 1):
        c.setFillGray(0.93)
        c.rect(40, 500, 760, 20, fill=1, stroke=0)
        c.setFillGray(0)
        c.setFont("Helvetica", 14)
        c.drawString(300, 560, f"Daily observation sheet - page {n}")
        c.setFont("Helvetica", 8.5)
        for row in range(30):
            y = 480 - row * 14
            c.line(40, y - 3, 800, y - 3)
            c.drawString(44, y, f"{100 + row}  Occupant {row}  F  40  3/7  12-04  [ ]fever [ ]cough")
        if n == colour_page:
            c.setStrokeColorRGB(1, 0, 0)
            c.setLineWidth(1.5)
            c.line(40, 300, 800, 300)
        c.showPage()
    c.save()
    return out.getvalue()


def pdf_printer(path: Path, dpi: int = 600, mode: QPrinter.ColorMode = QPrinter.ColorMode.Color) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(dpi)
    printer.setColorMode(mode)
    printer.setOutputFileName(str(path))
    return printer


def images(path: Path) -> list[list[dict]]:
    """Per page of a PDF, its image XObjects (width, height, colour space, filter, soft mask)."""
    pages = []
    for page in PdfReader(path).pages:
        found = []
        for obj in page["/Resources"].get("/XObject", {}).values():
            o = obj.get_object()
            if o.get("/Subtype") == "/Image":
                found.append(
                    {
                        "size": (int(o["/Width"]), int(o["/Height"])),
                        "space": str(o["/ColorSpace"]),
                        "filter": str(o.get("/Filter")),
                        "smask": "/SMask" in o,
                    }
                )
        pages.append(found)
    return pages


@pytest.fixture(autouse=True)
def english(qapp):
    """The messages compared here are the English ones: whatever language an earlier test installed."""
    from views.application import install_translators

    install_translators(qapp, "en")


@pytest.fixture
def painted(monkeypatch):
    """The size and format of every page image handed to the printer, in order."""
    seen: list[tuple[int, int]] = []
    real = print_preview.on_white

    def spy(image):
        seen.append((image.width(), image.height()))
        return real(image)

    monkeypatch.setattr(print_preview, "on_white", spy)
    return seen


def run(qtbot, preview: PrintPreview, printer: QPrinter):
    job = preview.start_printing(printer)
    qtbot.waitUntil(lambda: job.done, timeout=WAIT)
    return job


def test_every_page_is_painted_once_at_300_dpi_in_grey_and_losslessly(qtbot, tmp_path, painted):
    preview = PrintPreview(sheets_pdf(6), "sheets")
    qtbot.addWidget(preview)
    out = tmp_path / "printed.pdf"
    job = run(qtbot, preview, pdf_printer(out, dpi=600))
    assert isinstance(job, RasterJob) and job.state == DONE and job.sent == 6
    assert job.raster_dpi == 300 and job.grayscale  # no page has colour: the job went grey
    assert preview.status.text() == job.message and preview.print_button.isEnabled()
    assert len(painted) == 6
    pages = images(out)
    assert len(pages) == 6
    for found in pages:
        assert len(found) == 1  # one image per page, nothing else
        (image,) = found
        w, h = image["size"]
        assert w <= A4_AT_300[0] and h <= A4_AT_300[1]  # never more than 300 dpi on A4
        assert w >= 0.9 * A4_AT_300[0] or h >= 0.9 * A4_AT_300[1]  # and not much less (inside the margins)
        assert image["space"] == "/DeviceGray" and image["filter"] == "/FlateDecode" and not image["smask"]
    assert set(painted) == {pages[0][0]["size"]}


def test_the_printed_page_has_a_white_background_and_black_text(qtbot, tmp_path):
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    preview = PrintPreview(sheets_pdf(1), "sheets")
    qtbot.addWidget(preview)
    out = tmp_path / "printed.pdf"
    assert run(qtbot, preview, pdf_printer(out, dpi=300)).state == DONE
    printed = QPdfDocument()
    printed.load(str(out))
    image = printed.render(0, QSize(842, 595))
    corner, band = image.pixelColor(3, 3), image.pixelColor(420, 85)  # the margin; the grey band
    assert corner.alpha() == 0 or corner.lightness() > 250
    assert 200 < band.lightness() < 250
    darkest = min(image.pixelColor(x, 35).lightness() for x in range(300, 560))  # the title's row
    assert darkest < 80


def test_a_page_with_colour_keeps_it_on_a_colour_printer_and_not_on_a_grey_one(qtbot, tmp_path):
    pdf = sheets_pdf(3, colour_page=2)
    preview = PrintPreview(pdf, "chart")
    qtbot.addWidget(preview)
    colour = tmp_path / "colour.pdf"
    job = run(qtbot, preview, pdf_printer(colour))
    assert job.state == DONE and not job.grayscale
    assert {found[0]["space"] for found in images(colour)} == {"/DeviceRGB"}
    grey = tmp_path / "grey.pdf"
    job = run(qtbot, preview, pdf_printer(grey, mode=QPrinter.ColorMode.GrayScale))
    assert job.state == DONE and job.grayscale
    assert {found[0]["space"] for found in images(grey)} == {"/DeviceGray"}


def test_a_printer_below_300_dpi_gets_its_own_resolution(qtbot, tmp_path, painted):
    preview = PrintPreview(sheets_pdf(2), "sheets")
    qtbot.addWidget(preview)
    job = run(qtbot, preview, pdf_printer(tmp_path / "low.pdf", dpi=150))
    assert job.state == DONE and job.raster_dpi == 150
    assert all(w <= A4_AT_300[0] / 2 + 1 and h <= A4_AT_300[1] / 2 + 1 for w, h in painted)


def test_only_the_pages_asked_for_are_printed(qtbot, tmp_path, painted):
    preview = PrintPreview(sheets_pdf(6), "sheets")
    qtbot.addWidget(preview)
    out = tmp_path / "some.pdf"
    printer = pdf_printer(out)
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    ranges.addPage(6)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(ranges)
    job = run(qtbot, preview, printer)
    assert job.state == DONE and job.total == job.sent == 3
    texts = [p.extract_text() for p in PdfReader(out).pages]
    assert len(texts) == 3 and len(painted) == 3


def test_cancel_stops_before_the_next_page_and_removes_the_half_file(qtbot, qapp, tmp_path, painted):
    preview = PrintPreview(sheets_pdf(8), "sheets")
    qtbot.addWidget(preview)
    out = tmp_path / "cancelled.pdf"
    printer = pdf_printer(out)
    job = preview.start_printing(printer)

    def cancel_after_two(sent: int, total: int) -> None:
        if sent == 2:
            preview.progress.findChild(QPushButton).click()  # the progress dialog's Cancel button

    job.progressed.connect(cancel_after_two)
    qtbot.waitUntil(lambda: job.done, timeout=WAIT)
    for _ in range(20):  # whatever the renderer still had in hand is dropped
        qapp.processEvents()
    assert job.state == CANCELLED and job.sent == 2 and len(painted) == 2
    assert not out.exists()
    assert preview.status.text() == "Printing cancelled." and preview.progress is None
    assert preview.print_button.isEnabled()


def test_closing_the_preview_stops_its_print(qtbot, tmp_path, painted):
    preview = PrintPreview(sheets_pdf(5), "sheets")
    qtbot.addWidget(preview)
    job = preview.start_printing(pdf_printer(tmp_path / "closed.pdf"))
    job.progressed.connect(lambda sent, total: preview.reject() if sent == 1 else None)
    qtbot.waitUntil(lambda: job.done, timeout=WAIT)
    assert job.state == CANCELLED and job.sent == 1 and len(painted) == 1


def test_print_to_waits_and_returns_the_pages_sent(qtbot, tmp_path):
    preview = PrintPreview(sheets_pdf(3), "sheets")
    qtbot.addWidget(preview)
    out = tmp_path / "waited.pdf"
    assert preview.print_to(pdf_printer(out)) == 3
    assert len(PdfReader(out).pages) == 3


# --- the spooler -------------------------------------------------------------------------------------------


def fake_lp(tmp_path: Path, code: int = 0, stderr: str = "") -> Path:
    """A stand-in for CUPS's lp: records its arguments and what it reads on standard input."""
    script = tmp_path / "lp"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{tmp_path}/args"\n'
        f'cat > "{tmp_path}/stdin"\n'
        + (f'echo "{stderr}" >&2\n' if stderr else 'echo "request id is Office-12 (0 file(s))"\n')
        + f"exit {code}\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="CUPS spooling is for Linux and macOS")


@posix_only
def test_the_spooler_gets_the_pdf_itself_with_the_dialogs_options(qtbot, tmp_path):
    lp = fake_lp(tmp_path)
    options = JobOptions(
        printer_name="Office",
        copies=2,
        collate=True,
        duplex=QPrinter.DuplexMode.DuplexAuto,
        landscape=True,
        pages="2-3",
        grayscale=True,
        media="A4",
    )
    argv = spooler_command(options, "daily-sheets", which=lambda name: str(lp) if name == "lp" else None)
    assert argv == [
        str(lp), "-d", "Office", "-t", "daily-sheets", "-n", "2", "-P", "2-3",
        "-o", "sides=two-sided-short-edge", "-o", "media=A4", "-o", "print-color-mode=monochrome",
        "-o", "collate=true",
    ]  # fmt: skip
    pdf = sheets_pdf(3)
    job = SpoolJob(pdf, argv, 2)
    job.start()
    qtbot.waitUntil(lambda: job.done, timeout=WAIT)
    assert job.state == DONE and job.sent == 2, job.message
    assert (tmp_path / "stdin").read_bytes() == pdf  # not rasterised: the PDF as previewed
    assert (tmp_path / "args").read_text().split("\n")[:-1] == argv[1:]


@posix_only
def test_a_spooler_that_refuses_the_job_says_why(qtbot, tmp_path):
    lp = fake_lp(tmp_path, code=1, stderr="lp: The printer or class does not exist.")
    job = SpoolJob(sheets_pdf(1), [str(lp), "-d", "Gone"], 1)
    job.start()
    qtbot.waitUntil(lambda: job.done, timeout=WAIT)
    assert job.state == FAILED and job.sent == 0
    assert "The printer or class does not exist." in job.message


def test_lpr_and_no_spooler():
    options = JobOptions(printer_name="Office", pages="1,3")
    lpr = spooler_command(options, "t", which=lambda name: "/usr/bin/lpr" if name == "lpr" else None)
    assert lpr == ["/usr/bin/lpr", "-P", "Office", "-T", "t", "-o", "page-ranges=1,3", "-o", "sides=one-sided"]
    assert spooler_command(options, "t", which=lambda name: None) is None


def test_windows_keeps_the_raster_path(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    assert spooler_command(JobOptions(), "t", which=lambda name: "/usr/bin/lp") is None


def test_the_spooler_is_used_only_for_a_real_printer(qtbot, tmp_path, monkeypatch):
    lp = fake_lp(tmp_path)
    monkeypatch.setattr(print_preview.shutil, "which", lambda name: str(lp) if name == "lp" else None)
    pdf = sheets_pdf(2)
    to_file = pdf_printer(tmp_path / "file.pdf")
    assert isinstance(make_job(pdf, to_file, "t"), RasterJob)  # "print to file": painted
    monkeypatch.setattr(print_preview, "uses_native_printer", lambda printer: True)
    job = make_job(pdf, to_file, "t")
    assert isinstance(job, SpoolJob if sys.platform != "win32" else RasterJob)


def test_job_options_read_the_print_dialogs_choices(qapp):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setCopyCount(3)
    printer.setCollateCopies(False)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    ranges = QPageRanges()
    ranges.addRange(1, 2)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(ranges)
    o = JobOptions.of(printer)
    assert (o.copies, o.collate, o.grayscale, o.pages) == (3, False, True, "1-2")  # duplex: not on a PDF printer
    assert o.media == printer.pageLayout().pageSize().key()
