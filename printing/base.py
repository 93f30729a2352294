"""The page frame every form shares: embedded CJK font, styles, header, footer, "page N of M".

Plain data in, PDF bytes out; no Qt. The font is WenQuanYi Micro Hei from resources/fonts (TrueType
outlines, so ReportLab embeds a subset and the text stays real, extractable text).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from resources import FONT_FILE

FONT = "WQY"

Progress = Callable[[int, int, str], None]
"""``progress(done, total, text)``: how far a long document is; it may raise to stop the build (cancel)."""

_reporting = threading.local()  # the progress callback of the document being built in this thread


@contextmanager
def reporting(progress: Progress | None) -> Iterator[None]:
    """Every PDF built in this thread inside the block reports its progress to ``progress`` (a background
    task's), without each form function having to pass it on."""
    previous = getattr(_reporting, "progress", None)
    _reporting.progress = progress
    try:
        yield
    finally:
        _reporting.progress = previous


def current_progress() -> Progress | None:
    """The progress callback of :func:`reporting` in this thread, if any."""
    return getattr(_reporting, "progress", None)


@cache
def register_font() -> str:
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
    return FONT


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_font()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=22, alignment=1, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontSize=11, leading=15, spaceBefore=6, spaceAfter=4),
        "big": ParagraphStyle("big", parent=base, fontSize=20, leading=26, alignment=1),
        "text": ParagraphStyle("text", parent=base, fontSize=10.5, leading=17, firstLineIndent=21),
    }


def p(text: object, style: str = "cell") -> Paragraph:
    """A paragraph (table cells must be paragraphs to wrap). Text is escaped for ReportLab's markup."""
    s = str(text if text is not None else "")
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(s, styles()[style])


GRID = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
)


def grid_table(
    rows: Sequence[Sequence[object]], widths: Sequence[float], repeat: int = 1, plain: frozenset[int] = frozenset()
) -> Table:
    """A ruled table. Cells become wrapping paragraphs, except in the ``plain`` columns (short text that
    fits: drawn as plain strings, which is several times faster for thousands of rows)."""
    cells = [
        [c if isinstance(c, Flowable) or (i and col in plain) else p(c) for col, c in enumerate(row)]
        for i, row in enumerate(rows)
    ]
    t = Table(cells, colWidths=widths, repeatRows=repeat)
    t.setStyle(GRID)
    t.setStyle(TableStyle([("FONTSIZE", (0, 1), (-1, -1), 8.5)]))
    return t


def field_table(pairs: Sequence[tuple[str, object]], width: float, columns: int = 2) -> Table:
    """Label | value pairs, ``columns`` pairs per line: the look of a paper form."""
    rows: list[list[object]] = []
    for i in range(0, len(pairs), columns):
        row: list[object] = []
        for label, value in pairs[i : i + columns]:
            row += [p(label), p(value)]
        row += [""] * (2 * columns - len(row))
        rows.append(row)
    label_w = 26 * mm
    value_w = width / columns - label_w
    t = Table(rows, colWidths=[label_w, value_w] * columns)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *[("BACKGROUND", (2 * c, 0), (2 * c, -1), colors.HexColor("#f2f2f2")) for c in range(columns)],
            ]
        )
    )
    return t


@dataclass(frozen=True)
class Frame:
    site: str
    title: str
    day: str  # the date the form is about
    printed_by: str
    printed_at: datetime
    lang: str = "zh_CN"
    landscape: bool = False


FRAME_TEXT = {
    "zh_CN": {
        "page": "第 {0} 页 / 共 {1} 页",
        "printed": "打印人：{0}　打印时间：{1}",
        "date": "日期：{0}",
        "building": "正在排版第 {0} 页",
    },
    "en": {"page": "Page {0} of {1}", "printed": "Printed by {0} at {1}", "date": "Date: {0}", "building": "Page {0}"},
}


def _canvas_class(frame: Frame) -> type[rl_canvas.Canvas]:
    """A canvas that holds its pages until the end, so each can say "page N of M"."""
    text = FRAME_TEXT.get(frame.lang, FRAME_TEXT["en"])

    class NumberedCanvas(rl_canvas.Canvas):
        # ReportLab's own, which its stubs leave out
        _pagesize: tuple[float, float]
        _startPage: Callable[[], None]

        def __init__(self, *args: Any, **kwargs: Any) -> None:  # whatever ReportLab gives its canvasmaker
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            w, h = self._pagesize
            self.setFont(FONT, 9)
            self.drawString(15 * mm, h - 10 * mm, frame.site)
            self.drawRightString(w - 15 * mm, h - 10 * mm, text["date"].format(frame.day))
            self.setFont(FONT, 8)
            self.drawString(
                15 * mm, 8 * mm, text["printed"].format(frame.printed_by, frame.printed_at.strftime("%Y-%m-%d %H:%M"))
            )
            self.drawRightString(w - 15 * mm, 8 * mm, text["page"].format(self.getPageNumber(), total))
            self.setLineWidth(0.3)
            self.line(15 * mm, h - 12 * mm, w - 15 * mm, h - 12 * mm)

    return NumberedCanvas


def _progress_callback(progress: Progress, lang: str) -> Callable[[str, int], None]:
    """ReportLab's progress events as ``progress(flowables laid out, flowables in all, "page N")``."""
    text = FRAME_TEXT.get(lang, FRAME_TEXT["en"])["building"]
    state = {"total": 0, "done": 0, "page": 1}

    def on_event(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            state["total"] = value
        elif kind == "PROGRESS":
            state["done"] = value
        elif kind == "PAGE":
            state["page"] = value
        else:
            return
        progress(state["done"], state["total"], text.format(state["page"]))

    return on_event


def build_pdf(
    frame: Frame,
    story: list[Flowable],
    on_page: Callable[..., None] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The PDF of ``story`` in ``frame``. ``progress`` (default: the one of :func:`reporting`) hears of every
    flowable and page laid out; an exception it raises stops the build."""
    progress = progress if progress is not None else current_progress()
    register_font()
    size = landscape(A4) if frame.landscape else A4
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=size,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=16 * mm,
        bottomMargin=14 * mm,
        title=frame.title,
        author=frame.site,
        creator="IsoDesk",
    )
    if progress is not None:
        doc.setProgressCallBack(_progress_callback(progress, frame.lang))
    doc.build(story, canvasmaker=_canvas_class(frame))
    return buf.getvalue()


def content_width(frame: Frame) -> float:
    size = landscape(A4) if frame.landscape else A4
    return size[0] - 30 * mm
