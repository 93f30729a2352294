"""The page frame every form shares: embedded CJK font, styles, header, footer, "page N of M".

Plain data in, PDF bytes out; no Qt. The font is WenQuanYi Micro Hei from resources/fonts (TrueType
outlines, so ReportLab embeds a subset and the text stays real, extractable text); the rare characters it
lacks (CJK Ext A and B, as in 王䶮 or 𠮷) are set, one run at a time, in the fallback font (a Hanazono
subset, embedded the same way). Every text that enters a PDF goes through :func:`runs`: paragraphs through
:func:`p` / :func:`markup`, the page frame through :func:`draw_text`.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START, getCharWidths
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]  # not in ReportLab's stubs
    ParaLines,
    _handleBulletWidth,
    cjkU,
    makeCJKParaLine,
)
from reportlab.rl_config import _FUZZ

from resources import FALLBACK_FONT_FILE, FONT_FILE

# The streams Flate-compressed and left binary, not ASCII85-encoded on top: a fifth smaller, and quicker to
# write (the daily sheets of a large site are a few MB)
rl_config.useA85 = 0

FONT = "WQY"
FALLBACK = "HanaExt"  # resources.FALLBACK_FONT_FILE: the characters FONT lacks

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


_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode map of a font subset, with characters beyond the BMP written in UTF-16 as PDF
    wants: ReportLab writes U+20BB7 as <20BB7>, an odd-length string readers drop, and 𠮷 would be missing
    from the text layer (copy, search, pypdf) though drawn."""
    wide = {f"<{code:02X}> <{char:04X}>": f"<{code:02X}> <{chr(char).encode('utf-16-be').hex().upper()}>"
            for code, char in enumerate(subset) if char > 0xFFFF}  # fmt: skip
    text: str = _reportlab_to_unicode_cmap(fontname, subset)
    if not wide:
        return text
    return "\n".join(wide.get(line, line) for line in text.split("\n"))


@cache
def register_font() -> str:
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # looked up when a document embeds its fonts
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
    return FONT


@cache
def register_fallback() -> str:
    """FALLBACK, registered when a text first needs it (reading its 25 MB file takes 0.2 s)."""
    register_font()
    pdfmetrics.registerFont(TTFont(FALLBACK, str(FALLBACK_FONT_FILE)))
    return FALLBACK


def _ranges(chars: Sequence[int]) -> str:
    """Sorted code points as the ranges of a regular expression's character class."""
    ranges: list[list[int]] = []
    for c in chars:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


@cache
def _lacking() -> re.Pattern[str]:
    """A character FONT lacks (the quick test, before FALLBACK is read)."""
    main = pdfmetrics.getFont(register_font())
    assert isinstance(main, TTFont)
    return re.compile("[^" + _ranges(sorted(set(main.face.charToGlyph) | set(range(0x21)))) + "]")


@cache
def _needs_fallback() -> re.Pattern[str]:
    """A run of characters FONT lacks and FALLBACK has (a character class of ranges: one scan in C)."""
    register_fallback()
    main = pdfmetrics.getFont(FONT)
    extra = pdfmetrics.getFont(FALLBACK)
    assert isinstance(main, TTFont) and isinstance(extra, TTFont)
    chars = sorted(set(extra.face.charToGlyph) - set(main.face.charToGlyph) - set(range(0x21)))
    return re.compile("[" + _ranges(chars) + "]+")


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` as (font, characters) runs: FONT, and FALLBACK for the characters FONT lacks."""
    if text.isascii() or _lacking().search(text) is None:
        return [(FONT, text)] if text else []
    out: list[tuple[str, str]] = []
    at = 0
    for m in _needs_fallback().finditer(text):
        if m.start() > at:
            out.append((FONT, text[at : m.start()]))
        out.append((FALLBACK, m.group()))
        at = m.end()
    if at < len(text):
        out.append((FONT, text[at:]))
    return out


def needs_fallback(text: str) -> bool:
    """Whether ``text`` has a character FONT lacks (a plain table cell then must be a paragraph)."""
    if text.isascii() or _lacking().search(text) is None:
        return False
    return _needs_fallback().search(text) is not None


def markup(text: object) -> str:
    """``text`` as ReportLab paragraph markup: escaped, the characters FONT lacks in FALLBACK."""
    s = str(text if text is not None else "")
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if not needs_fallback(s):
        return s
    return "".join(chunk if font == FONT else f'<font name="{font}">{chunk}</font>' for font, chunk in runs(s))


def draw_text(canvas: rl_canvas.Canvas, x: float, y: float, text: str, size: float, anchor: str = "start") -> float:
    """``text`` drawn on ``canvas`` at ``x`` (its start, or its end with ``anchor="end"``), run by run in
    FONT and FALLBACK, as one text object (so it reads back as one line); returns its width."""
    parts = runs(text)
    width = sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in parts)
    t = canvas.beginText(x - width if anchor == "end" else x, y)
    for font, chunk in parts:
        t.setFont(font, size)
        t.textOut(chunk)
    canvas.drawText(t)
    return width


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


# CJK ideographs, punctuation and full-width forms, Ext A-F: text with none of them wraps at spaces
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")

# Chinese line-break rules (with ReportLab's Japanese ones, lib.textsplit): a line never starts with a
# closing or pausing mark nor ends with an opening one. ReportLab's CJK wrap breaks between any two
# characters: inside a Latin word of mixed text, before ， ； ： ？ ！ (not in its list), after （ 「 (it never
# checks the ends), and it hangs a closing mark it does know past the margin.
CANNOT_START = frozenset(
    ALL_CANNOT_START + "，．；：？！、。）」』】〕〗〙〛〉》｝］＞％’”…‥·〞﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞︶︸︺︼︾﹀﹂﹄"
)
CANNOT_END = frozenset(ALL_CANNOT_END + "（「『【〔〖〘〚〈《｛［＜‘“〝﹙﹛﹝︵︷︹︻︽︿﹁﹃(")
_SPACES = frozenset(" \t\u3000")  # where a line may break; a no-break space (U+00A0) binds


def _may_break_before(a: str, b: str) -> bool:
    """Whether a line may end after ``a`` and the next begin with ``b``: after a space; between two
    characters of which one is CJK (an ideograph, kana, a full-width form), unless the rules above
    forbid it; never inside a run of Latin letters, digits and their punctuation (a word, an ID, a time)."""
    if b in _SPACES or b in CANNOT_START or a in CANNOT_END:
        return False
    if a in _SPACES or not a or not b:  # "": a <br/> or an image
        return True
    if a == "\xa0" or b == "\xa0":
        return False
    return (a >= "\u2e80" and _CJK.match(a) is not None) or (b >= "\u2e80" and _CJK.match(b) is not None)


def _break_lines(chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float],
                 forced: frozenset[int] = frozenset()) -> list[tuple[int, int, float]]:  # fmt: skip
    """Greedy line filling of ``chars`` by :func:`_may_break_before`: (start, end, width) of each line,
    without the spaces at its ends. ``forced``: the indexes after which a line must end (a <br/>). A run
    with no allowed break wider than the line is cut where it overflows (the forms size their columns so
    that no word needs it), still not before a closing mark when a character can go with it."""
    lines: list[tuple[int, int, float]] = []
    n = len(chars)
    start = 0
    while start < n:
        while start < n and chars[start] in _SPACES and start not in forced:
            start += 1
        if start >= n:
            break
        limit = max_widths[min(len(lines), len(max_widths) - 1)] + _FUZZ
        used = 0.0
        last = -1  # the last index a line may end before
        end = n
        i = start
        while i < n:
            c = chars[i]
            if i > start and _may_break_before(chars[i - 1], c):
                last = i
            if c not in _SPACES and used + widths[i] > limit and i > start:
                if last > start:
                    end = last
                else:  # one unbreakable run wider than the line
                    end = i
                    while end > start + 1 and (chars[end] in CANNOT_START or chars[end - 1] in CANNOT_END):
                        end -= 1
                break
            used += widths[i]
            if i in forced:
                end = i + 1
                break
            i += 1
        stop = end
        while stop > start and chars[stop - 1] in _SPACES:
            stop -= 1
        lines.append((start, end, sum(widths[start:stop])))
        start = end
    return lines


class Para(Paragraph):
    """A paragraph that wraps by the rules of its text: with ``wordWrap="CJK"`` (a text with CJK) at any
    character boundary next to a CJK character or at a space, never inside a Latin word and never
    against :data:`CANNOT_START` / :data:`CANNOT_END`; without it (a western text) at spaces. When a word
    is wider than the width it is laid out in (a narrow column's heading), the paragraph takes a smaller
    font rather than split the word. Every paragraph of a form is one of these (:func:`p`)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not getattr(self, "_splitpara", 0):
            self._fit(availWidth - self.style.leftIndent - self.style.rightIndent)
        return super().wrap(availWidth, availHeight)

    def _fit(self, width: float) -> None:
        source = getattr(self, "_source", None)
        if source is None:
            source = self._source = (self.frags, self.style)
        frags, style = source
        widest = _widest_unbreakable(frags, style.wordWrap == "CJK", width)
        if widest <= width + _FUZZ or width <= 0:
            if self.style is not style:
                self.style, self.frags = style, frags
            return
        scale = max(width / widest, MIN_FONT / style.fontSize)
        smaller = _scaled(style, int(scale * 40) / 40)  # in steps, so styles are shared
        if self.style is not smaller:
            self.style = smaller
            self.frags = [f.clone(fontSize=f.fontSize * smaller.fontSize / style.fontSize) for f in frags]

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # ReportLab's ParaLines
        widths_ = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        frags = self.frags
        if not frags or (hasattr(self, "blPara") and getattr(self, "_splitpara", False)) or self.style.endDots:
            return super().breakLinesCJK(maxWidths)
        self.height = 0
        _handleBulletWidth(self.bulletText, self.style, widths_)
        if len(frags) == 1 and not hasattr(frags[0], "cbDefn"):
            f = frags[0]
            text = f.text if hasattr(f, "text") else "".join(getattr(f, "words", []))
            if pdfmetrics.stringWidth(text, f.fontName, f.fontSize) <= widths_[0] + _FUZZ:
                found = [(0, len(text), pdfmetrics.stringWidth(text.strip(), f.fontName, f.fontSize))]
            else:
                found = _break_lines(text, getCharWidths(text, f.fontName, f.fontSize), widths_)
            lines = [
                (widths_[min(k, len(widths_) - 1)] - used, [text[a:b].strip()]) for k, (a, b, used) in enumerate(found)
            ]
            return f.clone(kind=0, lines=lines, ascent=f.fontSize, descent=-0.2 * f.fontSize)
        glyphs = [cjkU(t, f, "utf8") for f in frags for t in (f.text or [""])]
        chars = [str(u) for u in glyphs]
        forced = frozenset(i for i, u in enumerate(glyphs) if hasattr(u.frag, "lineBreak"))
        calc = getattr(self, "autoLeading", getattr(self.style, "autoLeading", "")) not in ("", "off")
        out = []
        for k, (start, end, used) in enumerate(_break_lines(chars, [u.width for u in glyphs], widths_, forced)):
            width = widths_[min(k, len(widths_) - 1)]
            stop = end
            while stop > start and chars[stop - 1] in _SPACES:
                stop -= 1
            out.append(makeCJKParaLine(glyphs[start:stop], width, used, width - used, end - 1 in forced, calc))
        return ParaLines(kind=1, lines=out)


def _widest_unbreakable(frags: Sequence[Any], cjk: bool, width: float) -> float:
    """The width of the widest run of ``frags`` a line may not break inside (ReportLab's frags): a word
    of a western text; in a CJK text a Latin word with the marks that may not leave it ("（2026-11-30）；").
    0 when the whole text fits ``width`` (the common case, measured first)."""
    texts = [(getattr(f, "text", "") or "", f.fontName, f.fontSize) for f in frags]
    if sum(pdfmetrics.stringWidth(*t) for t in texts) <= width + _FUZZ:
        return 0.0
    if not cjk:
        return max((pdfmetrics.stringWidth(w, n, size) for text, n, size in texts for w in text.split()), default=0)
    chars = [c for text, _, _ in texts for c in text]
    widths = [pdfmetrics.stringWidth(c, name, size) for text, name, size in texts for c in text]
    widest = run = 0.0
    for i, c in enumerate(chars):
        if i and _may_break_before(chars[i - 1], c):
            run = 0.0
        run = 0.0 if c in _SPACES else run + widths[i]
        widest = max(widest, run)
    return widest


MIN_FONT = 5.5  # the smallest a heading shrinks to before its word is split after all


@cache
def _scaled(style: ParagraphStyle, scale: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}@{scale}", parent=style, fontSize=style.fontSize * scale,
                          leading=style.leading * scale)  # fmt: skip


@cache
def _western(style: str) -> ParagraphStyle:
    """``style`` wrapping at spaces, for text without CJK: ReportLab's CJK wrap may break anywhere, and cuts
    a word ("Home monitori|ng") when the space before it is more than half the line back."""
    return ParagraphStyle(f"{style}-western", parent=styles()[style], wordWrap=None)


def p(text: object, style: str = "cell") -> Paragraph:
    """A paragraph (table cells must be paragraphs to wrap). Text is escaped for ReportLab's markup, the
    characters the main font lacks set in the fallback (:func:`markup`)."""
    s = markup(text)
    return Para(s, styles()[style] if not s.isascii() and _CJK.search(s) else _western(style))


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
    fits: drawn as plain strings, which is several times faster for thousands of rows) unless the text has
    characters only the fallback font has."""
    cells = [
        [
            c if isinstance(c, Flowable) or (i and col in plain and not needs_fallback(str(c))) else p(c)
            for col, c in enumerate(row)
        ]
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
            # what every page's header and footer share, drawn once a page size: one dict that every page's
            # saved state refers to
            self._same: dict[tuple[float, float], list[str]] = {}

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
            code = page_code(self)
            same = self._same.get(self._pagesize)
            if same is None:
                start = len(code)
                draw_text(self, 15 * mm, h - 10 * mm, frame.site, 9)
                draw_text(self, w - 15 * mm, h - 10 * mm, text["date"].format(frame.day), 9, "end")
                printed = text["printed"].format(frame.printed_by, frame.printed_at.strftime("%Y-%m-%d %H:%M"))
                draw_text(self, 15 * mm, 8 * mm, printed, 8)
                self.setLineWidth(0.3)
                self.line(15 * mm, h - 12 * mm, w - 15 * mm, h - 12 * mm)
                self._same[self._pagesize] = code[start:]
            else:
                code.extend(same)
            draw_text(self, w - 15 * mm, 8 * mm, text["page"].format(self.getPageNumber(), total), 8, "end")

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


def page_code(canvas: rl_canvas.Canvas) -> list[str]:
    """The content of ``canvas``'s current page as ReportLab keeps it (its operators, a string each), for
    what is drawn by writing PDF operators directly (the sheets' rows, the QR codes' inline images)."""
    code: list[str] = canvas._code  # type: ignore[attr-defined]  # ReportLab's own, not in its stubs
    return code


def frame_canvas(frame: Frame, buf: io.BytesIO) -> rl_canvas.Canvas:
    """A canvas in ``frame`` for a form drawn directly, without Platypus (the daily sheets: thousands of
    rows): the same page, document info and header, footer and "page N of M" as :func:`build_pdf`. The
    body goes inside :func:`body_box`; ``showPage()`` ends a page, ``save()`` writes the PDF to ``buf``."""
    register_font()
    c = _canvas_class(frame)(buf, pagesize=landscape(A4) if frame.landscape else A4)
    c.setTitle(frame.title)
    c.setAuthor(frame.site)
    c.setCreator("IsoDesk")
    return c


def body_box(frame: Frame) -> tuple[float, float, float, float]:
    """(left, bottom, width, top) of the area :func:`build_pdf` lays its story in (its frame's padding
    inside the margins)."""
    w, h = landscape(A4) if frame.landscape else A4
    return 15 * mm + 6, 14 * mm + 6, w - 30 * mm - 12, h - 16 * mm - 6


def building_text(lang: str) -> str:
    """The progress text of a page being laid out: "Page {0}"."""
    return FRAME_TEXT.get(lang, FRAME_TEXT["en"])["building"]


def content_width(frame: Frame) -> float:
    size = landscape(A4) if frame.landscape else A4
    return size[0] - 30 * mm
