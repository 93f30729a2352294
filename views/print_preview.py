"""Print preview: the PDF the forms module made, shown with QtPdf, then to a real printer or a file.

Printing takes one of two ways, chosen per job by :func:`make_job`:

* **The spooler** (:class:`SpoolJob`). Where the system has one that takes PDF (CUPS on Linux and macOS,
  through ``lp``, or CUPS's ``lpr``) and a real printer was chosen, the PDF itself goes to it, with the
  print dialog's copies, collation, duplex, page ranges, colour mode and paper: nothing is rasterised,
  text stays vector-sharp, the job is the PDF's size and is queued in well under a second.
* **Raster** (:class:`RasterJob`), everywhere else: Windows (no generic PDF spooling without a PDF
  application), a PDF file chosen in the print dialog, a system without ``lp``. Each page is rendered to
  an image with QtPdf and painted on the QPrinter, so what is printed is what was previewed:

  - at most :data:`RASTER_DPI` (300 dpi, or the printer's resolution if lower; sharp text on paper, a
    quarter of the pixels of 600 dpi), whatever the printer's resolution;
  - page by page: a :class:`QPdfPageRenderer` renders at most :data:`LOOKAHEAD` pages ahead in its own
    (C++) thread while the GUI thread paints the page before on the printer, one page per event, so the
    window keeps running between pages and Cancel is honoured at the next page. Every image is released
    once painted; no more than a few pages are ever held. (The painting stays on the GUI thread, where
    every print engine is happy: PySide6 holds the GIL through ``QPainter.drawImage`` and
    ``QPdfDocument.render`` alike, so a Python worker would not paint any faster, while the renderer's
    thread runs without it, in parallel with the painting.)
  - grey where colour adds nothing: the forms are black on white with grey bands; only the temperature
    chart draws its curve in blue and the fever line in red. A job whose printer is set to grayscale (a
    mono printer, or the user's choice) is printed grey; otherwise every page is first looked at in a
    small rendering (:data:`COLOUR_CHECK_DPI`) and, if none has any colour, the job is switched to
    grayscale, which loses nothing (a PDF/CUPS job then carries one byte a pixel instead of three, and a
    colour laser prints with black toner alone). A page with colour keeps it on a colour printer.
    The images themselves are painted as ``Format_RGB32``, which every engine takes as it is (a
    ``Format_Grayscale8`` image is converted back to 32 bits by Qt's PDF engine and by GDI: measured,
    slower for the same job).
  - losslessly (``QPainter.RenderHint.LosslessImageRendering``): without it Qt's PDF engine stores
    each page as a JPEG, smudging the edges of the text.

  Cancel stops before the next page. Qt cannot withdraw pages already handed to a native print engine
  (``QPrinter.abort`` does nothing on Windows or CUPS), so those may still come out, and the message says
  how many; a PDF file that was being written is removed.

Numbers (bench/run.py, 50 pages of daily sheets to a 600 dpi PDF-file QPrinter on 2 cores): see
bench/RESULTS.md.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEventLoop,
    QIODevice,
    QObject,
    QProcess,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrintEngine, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .tasks import CANCELLED, DONE, FAILED, PENDING, RUNNING, ProgressDialog

RASTER_DPI = 300  # the most a page is rasterised at on paper
LOOKAHEAD = 1  # pages rendered ahead of the one being painted (each ~33 MB at 300 dpi, A4)
COLOUR_CHECK_DPI = 36  # the small rendering that tells whether a page has any colour
CHECK_AHEAD = 4
SHOW_PROGRESS_AFTER_MS = 300
SPOOLERS = ("lp", "lpr")  # CUPS's; both take the PDF on standard input
# Qt's private property key under which its Unix print dialog keeps the CUPS options chosen in it
# (qcups_p.h: PPK_CupsOptions), as [name, value, name, value, …]
PPK_CUPS_OPTIONS = 0xFE00


# --- what to print, where on the page --------------------------------------------------------------------


def selected_pages(printer: QPrinter, count: int) -> list[int]:
    """The pages (0-based) the print dialog asked for: its page ranges, else all ``count`` of them."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and not printer.pageRanges().isEmpty():
        ranges = printer.pageRanges()
        return [i for i in range(count) if ranges.contains(i + 1)]
    return list(range(count))


def fit_rect(page_points: QSizeF, area: QRect) -> QRectF:
    """Where a page of ``page_points`` goes in ``area`` (the printable area, device pixels): as large as
    fits, its proportions kept, centred."""
    pw, ph = max(page_points.width(), 1e-6), max(page_points.height(), 1e-6)
    scale = min(area.width() / pw, area.height() / ph)
    w, h = pw * scale, ph * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)


def raster_size(target: QRectF, printer_dpi: int, max_dpi: int = RASTER_DPI) -> QSize:
    """The image size that covers ``target`` (printer device pixels) at ``min(max_dpi, printer_dpi)``."""
    ratio = min(max_dpi, printer_dpi) / max(printer_dpi, 1)
    return QSize(max(1, round(target.width() * ratio)), max(1, round(target.height() * ratio)))


def on_white(image: QImage) -> QImage:
    """The page, composed over white in place and returned as ``Format_RGB32`` (no copy). QtPdf renders
    on a transparent background, anti-aliasing against it; an opaque image is what every print engine
    takes as it is (with alpha, Qt's PDF engine adds a soft mask to every page; dropping the alpha
    instead would print the background black)."""
    painter = QPainter(image)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationOver)
    painter.fillRect(image.rect(), Qt.GlobalColor.white)
    painter.end()
    image.reinterpretAsFormat(QImage.Format.Format_RGB32)
    return image


# --- the spooler -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JobOptions:
    """What the print dialog set that a spooler must be told (read from the QPrinter by :meth:`of`)."""

    printer_name: str = ""
    copies: int = 1
    collate: bool = True
    duplex: QPrinter.DuplexMode = QPrinter.DuplexMode.DuplexNone
    landscape: bool = False
    pages: str = ""  # CUPS page list ("1-3,5"), empty for all
    grayscale: bool = False
    media: str = ""  # the paper, as CUPS names it ("A4"); empty: the printer's default
    cups_options: tuple[tuple[str, str], ...] = ()  # further options chosen in the print dialog

    @classmethod
    def of(cls, printer: QPrinter, landscape: bool = False) -> JobOptions:
        ranges = printer.pageRanges()
        pages = (
            ranges.toString() if printer.printRange() == QPrinter.PrintRange.PageRange and not ranges.isEmpty() else ""
        )
        size = printer.pageLayout().pageSize()
        return cls(
            printer_name=printer.printerName(),
            copies=max(1, printer.copyCount()),
            collate=printer.collateCopies(),
            duplex=printer.duplex(),
            landscape=landscape,
            pages=pages,
            grayscale=printer.colorMode() == QPrinter.ColorMode.GrayScale,
            media=size.key() if size.isValid() and size.id() != QPageSize.PageSizeId.Custom else "",
            cups_options=_dialog_cups_options(printer),
        )


def _dialog_cups_options(printer: QPrinter) -> tuple[tuple[str, str], ...]:
    engine = printer.printEngine()
    if engine is None:
        return ()
    try:
        value = engine.property(QPrintEngine.PrintEnginePropertyKey(PPK_CUPS_OPTIONS))
    except (TypeError, ValueError):
        return ()
    if not isinstance(value, list | tuple) or len(value) % 2:
        return ()
    items = [str(v) for v in value]
    return tuple((items[i], items[i + 1]) for i in range(0, len(items), 2) if items[i])


def _sides(options: JobOptions) -> str:
    mode = options.duplex
    if mode == QPrinter.DuplexMode.DuplexAuto:  # as Qt's CUPS engine: flip on the edge that binds the page
        mode = QPrinter.DuplexMode.DuplexShortSide if options.landscape else QPrinter.DuplexMode.DuplexLongSide
    return {
        QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
        QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
    }.get(mode, "one-sided")


def spooler_command(
    options: JobOptions, title: str, which: Callable[[str], str | None] | None = None
) -> list[str] | None:
    """The command that queues a PDF read from standard input with these options, or None where there is
    no spooler that takes PDF (Windows; no CUPS ``lp``/``lpr``). ``which`` finds a program (default
    ``shutil.which``). The PDF is rotated by CUPS to fit the paper (its pages carry their own
    orientation), so no orientation option is given."""
    which = which or shutil.which
    if sys.platform == "win32":
        return None
    tool = next(((name, path) for name in SPOOLERS if (path := which(name))), None)
    if tool is None:
        return None
    name, path = tool
    cups = [
        ("sides", _sides(options)),
        *([("media", options.media)] if options.media else []),
        *([("print-color-mode", "monochrome")] if options.grayscale else []),
        *([("collate", "true" if options.collate else "false")] if options.copies > 1 else []),
        *options.cups_options,
    ]
    if name == "lp":
        argv = [path, *(["-d", options.printer_name] if options.printer_name else []), "-t", title]
        argv += ["-n", str(options.copies)] if options.copies > 1 else []
        argv += ["-P", options.pages] if options.pages else []
    else:  # CUPS's lpr
        argv = [path, *(["-P", options.printer_name] if options.printer_name else []), "-T", title]
        argv += ["-#", str(options.copies)] if options.copies > 1 else []
        if options.pages:
            cups.insert(0, ("page-ranges", options.pages))
    for key, value in cups:
        argv += ["-o", f"{key}={value}" if value else key]
    return argv


def uses_native_printer(printer: QPrinter) -> bool:
    """A real printer was chosen (not "print to file")."""
    return printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and not printer.outputFileName()


# --- jobs ------------------------------------------------------------------------------------------------


class PrintJob(QObject):
    """One print run. ``state``: pending, running, done, failed, cancelled (views.tasks' names); ``sent``
    pages of ``total``; ``message``: what to tell the user once it ended. ``finished`` once it ended."""

    progressed = Signal(int, int)  # pages sent, of
    finished = Signal()

    def __init__(self, total: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = PENDING
        self.total = total
        self.sent = 0
        self.message = ""

    @property
    def done(self) -> bool:
        return self.state in (DONE, FAILED, CANCELLED)

    @property
    def running(self) -> bool:
        return self.state == RUNNING

    def start(self) -> None:
        raise NotImplementedError

    def cancel(self) -> bool:
        """Stop before the next page; False if it had already ended."""
        raise NotImplementedError

    def wait(self) -> None:
        """Block until the job has ended, the event loop running meanwhile (scripts, tests, the bench)."""
        if self.done:
            return
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        if not self.done:
            loop.exec()

    def _end(self, state: str, message: str) -> None:
        if self.done:
            return
        self.state, self.message = state, message
        self.finished.emit()


class SpoolJob(PrintJob):
    """The PDF itself piped to the system spooler (``argv``: from :func:`spooler_command`)."""

    def __init__(self, pdf: bytes, argv: list[str], pages: int, parent: QObject | None = None) -> None:
        super().__init__(pages, parent)
        self.pdf, self.argv = pdf, argv
        self.process = QProcess(self)
        self.process.finished.connect(self._exited)
        self.process.errorOccurred.connect(self._failed_to_start)

    def start(self) -> None:
        self.state = RUNNING
        self.progressed.emit(0, self.total)
        self.process.start(self.argv[0], self.argv[1:])
        self.process.write(QByteArray(self.pdf))
        self.process.closeWriteChannel()

    def cancel(self) -> bool:
        if self.done:
            return False
        self._end(CANCELLED, self.tr("Printing cancelled."))
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.kill()
        return True

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._end(FAILED, self.tr("Printing failed: {0}").format(self.process.errorString()))

    def _exited(self, code: int, status: QProcess.ExitStatus) -> None:
        if code == 0 and status == QProcess.ExitStatus.NormalExit:
            self.sent = self.total
            self.progressed.emit(self.sent, self.total)
            self._end(DONE, self.tr("Sent %n pages to the printer.", "", self.total))
            return
        err = bytes(self.process.readAllStandardError().data()).decode(errors="replace").strip()
        self._end(FAILED, self.tr("Printing failed: {0}").format(err or f"{Path(self.argv[0]).name}: {code}"))


class RasterJob(PrintJob):
    """Rendered and painted page by page (see the module doc)."""

    def __init__(
        self,
        pdf: bytes,
        printer: QPrinter,
        parent: QObject | None = None,
        *,
        max_dpi: int = RASTER_DPI,
        lookahead: int = LOOKAHEAD,
    ) -> None:
        super().__init__(0, parent)
        self._bytes = QByteArray(pdf)
        self.printer = printer
        self.max_dpi, self.lookahead = max_dpi, max(1, lookahead)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.pages = selected_pages(printer, self.document.pageCount())
        self.total = len(self.pages)
        self.grayscale = printer.colorMode() == QPrinter.ColorMode.GrayScale
        self.raster_dpi = 0
        self._painter = QPainter()
        self._renderer: QPdfPageRenderer | None = None
        self._requests: dict[int, tuple[str, int]] = {}  # request id → ("check" | "page", index in pages)
        self._ready: dict[int, QImage] = {}  # rendered, waiting for the page before them
        self._asked = 0  # pages asked of the renderer (check or print phase)
        self._painting = False
        self._scheduled = False
        self._checked = 0
        self._area = QRect()

    def start(self) -> None:
        self.state = RUNNING
        if not self.total:
            self._end(DONE, self.tr("Nothing to print."))
            return
        first = self.document.pagePointSize(self.pages[0])
        self.printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if first.width() > first.height() else QPageLayout.Orientation.Portrait
        )
        renderer = QPdfPageRenderer(self)
        renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        renderer.setDocument(self.document)
        renderer.pageRendered.connect(self._rendered)
        self._renderer = renderer
        self.progressed.emit(0, self.total)
        if self.grayscale:
            self._begin()
        else:
            self._ask("check", CHECK_AHEAD)

    def cancel(self) -> bool:
        if self.done:
            return False
        sent = self.sent
        self._close(aborted=True)
        if sent and uses_native_printer(self.printer):
            text = self.tr("Printing cancelled: {0} of %n pages had already been sent to the printer.", "", self.total)
            self._end(CANCELLED, text.format(sent))
        else:
            self._end(CANCELLED, self.tr("Printing cancelled."))
        return True

    # --- the two phases -------------------------------------------------------------------------------
    def _ask(self, kind: str, up_to: int) -> None:
        """Keep the renderer ``up_to`` pages ahead of the one in hand."""
        assert self._renderer is not None
        while self._asked < self.total and len(self._requests) < up_to:
            index = self._asked
            page = self.pages[index]
            points = self.document.pagePointSize(page)
            if kind == "check":
                size = QSize(
                    max(1, round(points.width() * COLOUR_CHECK_DPI / 72)),
                    max(1, round(points.height() * COLOUR_CHECK_DPI / 72)),
                )
            else:
                size = raster_size(fit_rect(points, self._area), self.printer.resolution(), self.max_dpi)
            rid = self._renderer.requestPage(page, size, QPdfDocumentRenderOptions())
            if not rid:
                self._fail(self.tr("Page {0} could not be rendered.").format(page + 1))
                return
            self._requests[rid] = (kind, index)
            self._asked += 1

    def _begin(self) -> None:
        """Every page checked (or a grey printer): open the printer, ask for the first pages."""
        for rid in [r for r, (kind, _i) in self._requests.items() if kind == "check"]:
            del self._requests[rid]  # a coloured page ended the check: the rest are not looked at
        if self.grayscale:
            self.printer.setColorMode(QPrinter.ColorMode.GrayScale)
        if not self._painter.begin(self.printer):
            self._fail(self.tr("The printer could not be started."))
            return
        self._painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
        self.raster_dpi = min(self.max_dpi, self.printer.resolution())
        self._area = self._painter.viewport()
        self._asked = 0
        self._ask("page", self.lookahead)

    def _rendered(self, page: int, size: QSize, image: QImage, _options: object, rid: int) -> None:
        request = self._requests.pop(rid, None)
        if self.state != RUNNING or request is None:
            return  # cancelled, failed, or a colour check no longer wanted
        kind, index = request
        if image.isNull():
            self._fail(self.tr("Page {0} could not be rendered.").format(page + 1))
            return
        if kind == "check":
            self._checked += 1
            if not image.allGray():
                self.grayscale = False
                self._begin()
            elif self._checked == self.total:
                self.grayscale = True
                self._begin()
            else:
                self._ask("check", CHECK_AHEAD)
            return
        self._ready[index] = image
        del image
        self._ask("page", self.lookahead)  # the next page renders (in its thread) while this one is painted
        self._schedule()

    def _schedule(self) -> None:
        """Paint the next page from the event loop, not from the renderer's signal: its delivery holds a
        second reference to the image (which would make :func:`on_white` copy it), and one page per event
        lets the window run between pages."""
        if not self._scheduled and self.state == RUNNING and self.sent in self._ready:
            self._scheduled = True
            QTimer.singleShot(0, self, self._paint_next)

    def _paint_next(self) -> None:
        self._scheduled = False
        if self._painting or self.state != RUNNING or self.sent not in self._ready:
            return  # re-entered (a modal progress dialog processes events), or ended meanwhile
        self._painting = True
        try:
            self._paint(self._ready.pop(self.sent))
        finally:
            self._painting = False
        if self.state == RUNNING and self.sent == self.total:
            self._close(aborted=False)
            self._end(DONE, self.tr("Sent %n pages to the printer.", "", self.total))
        else:
            self._schedule()

    def _paint(self, image: QImage) -> None:
        index = self.sent
        if index and not self.printer.newPage():
            self._fail(self.tr("The printer did not accept page {0}.").format(index + 1))
            return
        target = fit_rect(self.document.pagePointSize(self.pages[index]), self._area)
        self._painter.drawImage(target, on_white(image))
        self.sent += 1
        self.progressed.emit(self.sent, self.total)

    # --- ending ---------------------------------------------------------------------------------------
    def _fail(self, message: str) -> None:
        self._close(aborted=True)
        self._end(FAILED, message)

    def _close(self, aborted: bool) -> None:
        renderer, self._renderer = self._renderer, None
        if renderer is not None and shiboken6.isValid(renderer):
            renderer.pageRendered.disconnect(self._rendered)
            renderer.setDocument(None)  # waits for the page it may be rendering; the rest return at once
            renderer.deleteLater()  # its thread ends with it; what it still renders is dropped
        self._requests.clear()
        self._ready.clear()
        self.document.close()  # the parsed PDF is not kept with the finished job
        if self._painter.isActive():
            if aborted:
                self.printer.abort()  # Qt's native engines cannot withdraw pages already sent (see above)
            self._painter.end()
        if aborted and self.printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            name = self.printer.outputFileName()
            if name:
                with contextlib.suppress(OSError):
                    Path(name).unlink(missing_ok=True)  # half a PDF file is no use to anyone


def make_job(pdf: bytes, printer: QPrinter, title: str, parent: QObject | None = None) -> PrintJob:
    """The spooler where there is one and a real printer was chosen, else the raster path."""
    if uses_native_printer(printer):
        document = QPdfDocument()
        data = QByteArray(pdf)
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        count = document.pageCount()
        landscape = bool(count) and document.pagePointSize(0).width() > document.pagePointSize(0).height()
        pages = len(selected_pages(printer, count))
        document.close()
        argv = spooler_command(JobOptions.of(printer, landscape), title)
        if argv is not None:
            return SpoolJob(pdf, argv, pages, parent)
    return RasterJob(pdf, printer, parent)


# --- the preview -----------------------------------------------------------------------------------------


class PrintPreview(QDialog):
    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pdf = pdf
        self.title = title
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self.tr("%n pages", "", self.document.pageCount()), self)
        self.status = QLabel(self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        close = QPushButton(self.tr("Close"), self)
        bar = QHBoxLayout()
        bar.addWidget(self.pages)
        bar.addWidget(self.status, 1)
        for b in (self.print_button, self.save_button, close):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        free = self.screen().availableGeometry()  # its buttons stay on a 1366×768 screen
        self.resize(min(900, free.width() - 40), min(1000, free.height() - 60))
        self.job: PrintJob | None = None
        self.progress: ProgressDialog | None = None
        self.print_button.clicked.connect(self._print_clicked)
        self.save_button.clicked.connect(self._save_clicked)
        close.clicked.connect(self.accept)

    def _print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if self.document.pageCount():
            dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_printing(printer)

    def start_printing(self, printer: QPrinter) -> PrintJob:
        """Start printing on ``printer`` (as the print dialog left it); returns the job at once. A progress
        dialog with Cancel shows if it lasts; the outcome goes to the status line."""
        if self.job is not None and not self.job.done:
            self.job.cancel()
        job = make_job(self.pdf, printer, self.title, self)
        self.job = job
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Printing…"))
        progress = ProgressDialog(
            self.tr("Printing {0}…").format(self.title), self.tr("Cancel"), self, cancellable=True
        )
        progress.setWindowTitle(self.tr("Print"))
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        progress.setRange(0, max(1, job.total))
        progress.setValue(0)
        progress.canceled.connect(job.cancel)
        self.progress = progress
        job.progressed.connect(self._progressed)
        job.finished.connect(self._printed)
        job.start()
        return job

    def print_to(self, printer: QPrinter) -> int:
        """Print and wait for the end (the event loop runs meanwhile); returns the number of pages sent."""
        job = self.start_printing(printer)
        job.wait()
        return job.sent

    def _progressed(self, sent: int, total: int) -> None:
        d = self.progress
        if d is not None and shiboken6.isValid(d):
            d.setMaximum(max(1, total))
            d.setValue(min(sent, total))
            d.setLabelText(
                self.tr("Printing {0}…").format(self.title) + "\n" + self.tr("Page {0} of {1}").format(sent, total)
            )

    def _printed(self) -> None:
        d, self.progress = self.progress, None
        if d is not None and shiboken6.isValid(d):
            d.canceled.disconnect()
            d.reset()
            d.hide()
            d.deleteLater()
        self.print_button.setEnabled(True)
        if self.job is not None:
            self.status.setText(self.job.message)

    def done(self, result: int) -> None:  # closing the preview stops a print that is still running
        if self.job is not None and not self.job.done:
            self.job.cancel()
        super().done(result)

    def _save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), f"{self.title}.pdf", "PDF (*.pdf)")
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        path.write_bytes(self.pdf)


def show_pdf(parent: QWidget | None, pdf: bytes, title: str) -> None:
    """Preview a form, with Print and Save as PDF."""
    PrintPreview(pdf, title, parent).exec()
