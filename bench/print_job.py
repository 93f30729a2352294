"""One print run for bench/run.py, in a process of its own (so that its peak RSS is the print's):

    python bench/print_job.py MODE PDF OUT PAGES DPI

MODE ``print``: the app's path (views.print_preview, ``PrintPreview.print_to``) to a PDF-file QPrinter at
DPI, which exercises the same QPainter path as a real printer at that resolution, the first PAGES pages;
``floor``: only rasterising those pages with QtPdf at the raster resolution the app uses (no printer);
``before``: the print path as it was before (every page rendered at the printer's resolution, ARGB32,
painted with default hints: Qt's PDF engine stores it as a JPEG). Prints one line: seconds, peak RSS
(MB), the job's size (bytes), pages sent.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def printer_for(out: Path, pages: int, dpi: int) -> QPrinter:
    from PySide6.QtGui import QPageRanges
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(dpi)
    printer.setOutputFileName(str(out))
    ranges = QPageRanges()
    ranges.addRange(1, pages)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(ranges)
    return printer


def before(pdf: bytes, printer: QPrinter, pages: int) -> int:
    """The print loop views/print_preview.py had before the raster was capped (kept to measure against)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
    from PySide6.QtGui import QPageLayout, QPainter
    from PySide6.QtPdf import QPdfDocument

    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    first = document.pagePointSize(0)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if first.width() > first.height() else QPageLayout.Orientation.Portrait
    )
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution()
        sent = 0
        for i in range(min(pages, document.pageCount())):
            if i:
                printer.newPage()
            points = document.pagePointSize(i)
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            image = document.render(i, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(target.x(), target.y(), image.scaled(scaled))
            sent += 1
        return sent
    finally:
        painter.end()


def peak_rss_mb() -> float:
    """This process's own peak RSS. On Linux getrusage's ru_maxrss is not it: a child started by fork and
    exec keeps its parent's high-water mark (the bench's, with a 5,000-room site loaded, 470 MB), so the
    kernel's VmHWM of the process's own memory is read instead."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # (macOS: bytes, counted from the exec)


def main(argv: list[str]) -> int:
    mode, pdf_path, out, pages, dpi = argv[0], Path(argv[1]), Path(argv[2]), int(argv[3]), int(argv[4])
    from PySide6.QtWidgets import QApplication

    app = QApplication([])  # noqa: F841
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    from views.print_preview import RASTER_DPI, PrintPreview

    pdf = pdf_path.read_bytes()
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    if mode == "print":
        sent = PrintPreview(pdf, "bench").print_to(printer_for(out, pages, dpi))
    elif mode == "before":
        sent = before(pdf, printer_for(out, pages, dpi), pages)
    elif mode == "floor":
        document = QPdfDocument()
        document.load(str(pdf_path))
        raster = min(RASTER_DPI, dpi)
        for i in range(pages):
            points = document.pagePointSize(i)
            document.render(i, QSize(round(points.width() / 72 * raster), round(points.height() / 72 * raster)))
        sent = pages
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    seconds = time.perf_counter() - started
    rss = peak_rss_mb()
    size = out.stat().st_size if out.exists() else 0
    print(f"{seconds:.3f} {rss:.1f} {size} {sent}")
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 can crash freeing Qt objects at exit


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
