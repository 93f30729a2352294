"""The daily observation sheet (每日健康观察记录表): one landscape table per floor, a QR code per row.

What a site lead checks on it: the building and floor on *every* page (a floor of 60 rooms runs over
several pages, and loose pages get mixed up on the clipboard), a row number, the morning, evening and
recheck (复测) columns, the site's fever threshold, and the recorder's and checker's signatures.

Each floor is one ruled table whose first two rows (the band naming building, floor, day and threshold,
then the column headings) repeat at the top of every page the table runs onto. The empty rooms, the
instructions and the signature line are the table's last rows, so even a page holding only them carries
the band. Who is listed and in which room is decided by ``models.reads.reports.sheet_floors``.

A site prints thousands of rows every morning, so the table is drawn on the canvas directly, with the
geometry Platypus gave it (column widths, paddings, a row as tall as its QR code or its name's notes,
rows paginated whole): the band and headings are laid out once a floor and their drawing repeated on each
page, a plain cell's text is encoded once per document, and a QR code is a 1-bit inline image from
:mod:`printing.qr` (each made once in a stay and kept). Paragraphs (with the forms' line-breaking rules)
remain where text wraps: headings, a name with notes or too long for its cell, the last rows.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache, partial
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

if TYPE_CHECKING:
    from models.reads.sheet_rows import SheetFloor, SheetRow

from ..base import (
    _CJK,
    FONT,
    MIN_FONT,
    Para,
    body_box,
    building_text,
    content_width,
    current_progress,
    draw_text,
    frame_canvas,
    markup,
    needs_fallback,
    p,
    page_code,
    styles,
)
from ..labels import L, sex_label
from ..qr import inline_images
from .common import frame_for, stay_code

DEFAULT_THRESHOLD = 37.3  # the schema's default (Site.fever_threshold); render() passes the site's own
COLUMNS = 14
SYMPTOMS = 10  # the column that takes the width left over
FIXED = (10, 14, 24, 8, 8, 17, 16, 17, 17, 19, 0, 11, 18, 13)  # mm; 0 = the symptoms column takes the rest
NAME, QR_COLUMN = 2, 13
QR_SIZE = 11 * mm
SIZE, LEADING = 8.5, 12  # a plain cell's font (grid_table's FONTSIZE; a table cell's leading)
PAD = 2  # a cell's padding: 2 all round (the band 4 on the left; the last rows 4, the signatures 12)
LINE = 0.4  # the rules
HEADING = colors.HexColor("#eeeeee")
STRIPE = colors.HexColor("#fafafa")  # every second row


def day_cell(row: SheetRow, lang: str) -> str:
    """ "N/M"; on the planned release date "release day" (not "8/7"); past it, the days overdue."""
    if row.release_day:
        return L(lang)["sh_release_day"]
    if row.overdue_days:
        return L(lang)["sh_overdue"].format(n=row.overdue_days)
    return f"{row.day_n}/{row.days_total}"


def _name_notes(row: SheetRow, lang: str) -> list[str]:
    """What happened that day, under the name: moved from another room, left at (and how)."""
    if row.moved_at is None and row.left_at is None:
        return []
    t = L(lang)
    notes = []
    if row.moved_at is not None:
        notes.append(t["sh_moved"].format(time=f"{row.moved_at:%H:%M}", room=row.moved_from))
    if row.left_at is not None:
        notes.append(t["sh_left"].format(time=f"{row.left_at:%H:%M}", kind=t.get(f"dep_{row.left_kind}", "")))
    return notes


def _name_cell(row: SheetRow, lang: str) -> Paragraph:
    """The name as a paragraph, with the day's notes under it in a smaller size."""
    notes = _name_notes(row, lang)
    if not notes:
        return p(row.name)
    lines = [markup(row.name), *(f'<font size="6.5">{markup(n)}</font>' for n in notes)]
    return Para("<br/>".join(lines), styles()["cell"])


@cache
def band_style() -> ParagraphStyle:
    """The band at the top of every page of a floor's table: building, floor, day, threshold."""
    return ParagraphStyle("band", parent=styles()["cell"], fontSize=10.5, leading=14)


def _threshold(value: float) -> str:
    return f"{value:.1f}"


_UNMADE = ("", ())  # a piece not made yet (None is a cell that has none)


def _first_baseline(height: float, lines: int = 1) -> float:
    """Where a plain cell's first line sits, from the top of its row ``height`` tall: ``lines`` lines centred
    vertically (ReportLab's Table)."""
    return -height + (height + lines * LEADING) / 2 - SIZE


Drawn = list[tuple[object, float, float]]
_recorders: list[Drawn] = []  # recording_cells(), innermost last


@contextmanager
def recording_cells() -> Iterator[Drawn]:
    """Every text the sheets made inside the block lay out: (a paragraph, the width it is wrapped in, 0) or
    (a plain cell's text, its column's width less the padding, the font size it is drawn in); what
    tests/test_fonts.py measures (a cell that overflows, a word cut by the wrap)."""
    _recorders.append([])
    try:
        yield _recorders[-1]
    finally:
        _recorders.pop()


class _Sheet:
    """One document's drawing: the canvas, the column geometry and the cells' encoded text."""

    def __init__(self, c: Canvas, left: float, widths: list[float], lang: str) -> None:
        self.c, self.left, self.widths, self.lang = c, left, widths, lang
        self.xs = [left]
        for w in widths:
            self.xs.append(self.xs[-1] + w)
        self.right = self.xs[-1]
        self.width = self.right - left
        self._texts: dict[tuple[str, float], str] = {}
        self._cells: dict[tuple[int, str], list[tuple[str, str]] | None] = {}
        self._row, self._baseline = (0.0, 0.0), ""  # the last row's (top, height), its one-line baseline
        # body_row's cells, by column, text and row height
        self._pieces: dict[tuple[int, str, float], tuple[str, tuple[tuple[str, str], ...]] | None] = {}
        self._shown: dict[tuple[str, float], tuple[tuple[str, str], ...]] = {}
        self._qr_pieces: dict[float, str] = {}
        self._stripes: dict[float, str] = {}
        self._drawn: dict[object, list[str]] = {}  # drawn_once's
        self.xs_pdf_cell = [fp_str(x + PAD) for x in self.xs]  # where a cell's text starts
        self.xs_pdf = [fp_str(x) for x in self.xs]
        self._width = fp_str(self.width)
        qs = fp_str(QR_SIZE)
        self._qr_at = f"q {qs} 0 0 {qs} {fp_str(self.xs[QR_COLUMN] + PAD)} "  # the QR code's matrix up to its y
        font = getFont(FONT)
        assert isinstance(font, TTFont)
        self.font = font
        self.cjk_rise = SIZE  # a one-line paragraph's baseline below its top (the CJK wrap's ascent)
        self.western_rise = getAscentDescent(FONT, SIZE)[0]

    def encoded(self, s: str, size: float = SIZE) -> str:
        """The PDF text operators of ``s`` in FONT (as ReportLab's text object writes them, with the font's
        subset), made once a document: what follows the text matrix of a plain cell."""
        body = self._texts.get((s, size))
        if body is None:
            doc = self.c._doc  # type: ignore[attr-defined]  # ReportLab's own, not in its stubs
            tmpl = f"{fp_str(size)} Tf {fp_str(LEADING)} TL"
            parts = []
            current = -1
            for subset, chunk in self.font.splitString(s, doc):
                if subset != current:
                    parts.append(f"{self.font.getSubsetInternalName(subset, doc)} {tmpl}")
                    current = subset
                parts.append(f"({escapePDF(chunk)}) Tj")
            body = self._texts[(s, size)] = " ".join([*parts, "T* ET"])
        return body

    def shown(self, s: str, size: float = SIZE) -> tuple[tuple[str, str], ...]:
        """``s`` in FONT as (font operator, show operator) pairs, a pair a subset of the font, made once a
        document: the pieces of a row's one text object (:meth:`body_row`)."""
        runs = self._shown.get((s, size))
        if runs is None:
            doc = self.c._doc  # type: ignore[attr-defined]  # ReportLab's own, not in its stubs
            size_tf = f"{fp_str(size)} Tf"
            runs = self._shown[(s, size)] = tuple(
                (f"{self.font.getSubsetInternalName(subset, doc)} {size_tf}", f"({escapePDF(chunk)}) Tj")
                for subset, chunk in self.font.splitString(s, doc)
            )
        return runs

    def text(self, x: float, y: float, s: str, size: float = SIZE) -> None:
        """``s`` at (x, y) in FONT, as a table's plain cell draws it (FALLBACK for what FONT lacks)."""
        if needs_fallback(s):
            draw_text(self.c, x, y, s, size)
        else:
            page_code(self.c).append(f"BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm {self.encoded(s, size)}")

    def _fit(self, col: int, lines: list[str]) -> float:
        room = self.widths[col] - 2 * PAD
        widest = max(stringWidth(v, FONT, SIZE) for v in lines)
        return max(MIN_FONT, SIZE * room / widest) if widest > room else SIZE

    def _cell(self, col: int, value: str) -> list[tuple[str, str]] | None:
        """A plain cell's lines as (text matrix up to its y, the rest), or None when it needs FALLBACK;
        each line shrunk to fit its column when a word is wider (the English day column's "2 d past
        release")."""
        lines = value.split("\n")
        room = self.widths[col] - 2 * PAD
        size = self._fit(col, lines)
        if _recorders:
            _recorders[-1].extend((v, room, size) for v in lines)
        if any(needs_fallback(v) for v in lines):
            return None
        x = fp_str(self.xs[col] + PAD)
        return [(f"BT 1 0 0 1 {x} ", f" Tm {self.encoded(v, size)}") for v in lines]

    def plain(self, col: int, top: float, height: float, value: str) -> None:
        """A plain cell's text, left-aligned and vertically centred (ReportLab's Table)."""
        if not value:
            return
        key = (col, value)
        if key in self._cells:
            cell = self._cells[key]
        else:
            cell = self._cells[key] = self._cell(col, value)
        n = len(cell) if cell is not None else value.count("\n") + 1
        y = top + _first_baseline(height, n)
        if cell is not None and n == 1:  # most cells: one line, at the row's baseline
            if self._row != (top, height):
                self._row, self._baseline = (top, height), fp_str(y)
            page_code(self.c).append(f"{cell[0][0]}{self._baseline}{cell[0][1]}")
            return
        if cell is None:
            lines = value.split("\n")
            size = self._fit(col, lines)
            for v in lines:
                self.text(self.xs[col] + PAD, y, v, size)
                y -= LEADING
            return
        code = page_code(self.c)
        for head, rest in cell:
            code.append(f"{head}{fp_str(y)}{rest}")
            y -= LEADING

    def drawn(self, draw: Callable[[], object]) -> list[str]:
        """The page code ``draw()`` makes (in its own graphics state), taken off the page to be placed."""
        code = page_code(self.c)
        start = len(code)
        self.c.saveState()
        draw()
        self.c.restoreState()
        made = code[start:]
        del code[start:]
        return made

    def drawn_once(self, key: object, draw: Callable[[], object]) -> list[str]:
        """:meth:`drawn`, made once a document for ``key`` (what is the same on every floor or page)."""
        made = self._drawn.get(key)
        if made is None:
            made = self._drawn[key] = self.drawn(draw)
        return made

    def place(self, code: list[str], top: float) -> None:
        """Page code drawn with its top at 0, moved down the page to ``top``."""
        page = page_code(self.c)
        page.append(f"q 1 0 0 1 0 {fp_str(top)} cm")
        page.extend(code)
        page.append("Q")

    def one_line(self, text: str, style: ParagraphStyle, avail: float) -> bool:
        """Whether ``text`` as a paragraph in ``style`` would be one line of CJK-wrapped text in FONT, ``avail``
        wide: then :meth:`line` draws it as the paragraph would, without laying one out."""
        fits = (
            not text.isascii()
            and _CJK.search(text) is not None  # p()'s choice: the CJK style, whose first baseline is its size down
            and not needs_fallback(text)
            and stringWidth(text, FONT, style.fontSize) <= avail - style.leftIndent - style.rightIndent
        )
        if fits and _recorders:
            _recorders[-1].append((text, avail, style.fontSize))
        return fits

    def line(self, text: str, style: ParagraphStyle, x: float, top: float, avail: float, centred: bool = False) -> None:
        """A :meth:`one_line` text where its paragraph, its top at ``top``, ``avail`` wide, would draw it."""
        size = style.fontSize
        if centred:
            x += (avail - stringWidth(text, FONT, size)) / 2
        self.text(x, top - size, text, size)

    def wrap(self, para: Paragraph, avail: float) -> float:
        """``para`` laid out ``avail`` wide: its height."""
        if _recorders:
            _recorders[-1].append((para, avail, 0.0))
        return para.wrapOn(self.c, avail, 1e6)[1]

    def para(self, para: Paragraph, x: float, top: float, height: float, h: float) -> None:
        """A wrapped paragraph vertically centred in a row ``height`` tall whose top is ``top``."""
        para.drawOn(self.c, x, top - height + (height - h) / 2)

    def one_line_name(self, name: str) -> bool:
        """Whether a name without notes is drawn as plain text: one line in its cell, no CJK wrap needed."""
        return stringWidth(name, FONT, SIZE) <= self.widths[NAME] - 2 * PAD

    def name(self, top: float, height: float, name: str) -> None:
        """A one-line name where its paragraph would put it (a paragraph's first baseline is its top less
        the font's ascent, the font size for CJK text)."""
        y = top + self._name_baseline(name, height)
        if _recorders:
            _recorders[-1].append((name, self.widths[NAME] - 2 * PAD, SIZE))
        if needs_fallback(name):
            draw_text(self.c, self.xs[NAME] + PAD, y, name, SIZE)
        else:
            self.text(self.xs[NAME] + PAD, y, name)

    def _name_baseline(self, name: str, height: float) -> float:
        """Where a one-line name's baseline is, from the top of its row ``height`` tall (below it: negative)."""
        cjk = not name.isascii() and _CJK.search(name) is not None  # p()'s choice of style
        rise = self.cjk_rise if cjk else self.western_rise
        leading = styles()["cell"].leading
        return -height + (height - leading) / 2 + leading - rise

    def body_row(self, top: float, height: float, cells: Sequence[tuple[int, str]], image: str, stripe: bool) -> None:
        """A body row of one-line cells (the name's among them, in the NAME column) as one piece of page code
        moved to ``top``: its stripe, one text object with each cell's text in column order at its place in
        a row ``height`` tall (the font set only where it changes), then the QR code. A cell that needs
        FALLBACK or more than one line is drawn on its own after it, as before."""
        code = [f"q 1 0 0 1 0 {fp_str(top)} cm"]
        if stripe:
            code.append(self._stripe(height))
        code.append("BT")
        font = ""
        late: list[tuple[int, str]] = []
        pieces = self._pieces
        for col, value in cells:
            if not value:
                continue
            if col == NAME:
                piece = self._name_piece(value, height)
            else:
                piece = pieces.get((col, value, height), _UNMADE)
                if piece is _UNMADE:
                    piece = self._piece(col, value, height)
            if piece is None:
                late.append((col, value))
                continue
            matrix, runs = piece
            code.append(matrix)
            for tf, shown in runs:
                if tf != font:
                    code.append(tf)
                    font = tf
                code.append(shown)
        code.append(f"ET {self._qr_piece(height)}\n{image}\nQ Q")
        page_code(self.c).append(" ".join(code))
        for col, value in late:
            if col == NAME:
                self.name(top, height, value)
            else:
                self.plain(col, top, height, value)

    def _piece(self, col: int, value: str, height: float) -> tuple[str, tuple[tuple[str, str], ...]] | None:
        """A one-line plain cell in a row ``height`` tall with its top at 0: its text matrix and its text's
        runs (None: it needs FALLBACK or more lines)."""
        key = (col, value, height)
        piece = None
        if "\n" not in value and not needs_fallback(value):  # else plain() draws it (and records it)
            size = self._fit(col, [value])
            if _recorders:
                _recorders[-1].append((value, self.widths[col] - 2 * PAD, size))
            y = fp_str(_first_baseline(height))
            piece = (f"1 0 0 1 {self.xs_pdf_cell[col]} {y} Tm", self.shown(value, size))
        self._pieces[key] = piece
        return piece

    def _name_piece(self, name: str, height: float) -> tuple[str, tuple[tuple[str, str], ...]] | None:
        """A one-line name in a row with its top at 0, where :meth:`name` puts it: its text matrix and runs."""
        if needs_fallback(name):
            return None  # name() draws it (and records it)
        if _recorders:
            _recorders[-1].append((name, self.widths[NAME] - 2 * PAD, SIZE))
        y = fp_str(self._name_baseline(name, height))
        return f"1 0 0 1 {self.xs_pdf_cell[NAME]} {y} Tm", self.shown(name)

    def _stripe(self, height: float) -> str:
        piece = self._stripes.get(height)
        if piece is None:
            rgb = f"{fp_str(STRIPE.red)} {fp_str(STRIPE.green)} {fp_str(STRIPE.blue)}"
            piece = self._stripes[height] = (
                f"q {rgb} rg {self.xs_pdf[0]} {fp_str(-height)} {self._width} {fp_str(height)} re f Q"
            )
        return piece

    def _qr_piece(self, height: float) -> str:
        """The QR code's matrix in a row ``height`` tall with its top at 0."""
        piece = self._qr_pieces.get(height)
        if piece is None:
            piece = self._qr_pieces[height] = f"{self._qr_at}{fp_str(-height + (height - QR_SIZE) / 2)} cm"
        return piece

    def qr(self, top: float, height: float, image: str) -> None:
        """A QR code (its inline image, :func:`printing.qr.inline_images`) centred in its cell."""
        y = top - height + (height - QR_SIZE) / 2
        page_code(self.c).append(f"{self._qr_at}{fp_str(y)} cm\n{image}\nQ")

    def rules(self, top: float, bounds: Sequence[float], inner: tuple[float, float] | None) -> None:
        """The grid of a page's part of the table: a rule under every row (``bounds``, from the top), the
        outer sides, and the column rules from ``inner[0]`` down to ``inner[1]`` (the heading and body
        rows; the band and the last rows span the whole width)."""
        code = [f"{fp_str(LINE)} w 2 J 0 0 0 RG"]
        left, right = self.xs_pdf[0], self.xs_pdf[-1]
        for y in (top, *bounds):
            ys = fp_str(y)
            code.append(f"{left} {ys} m {right} {ys} l")
        t, b = fp_str(top), fp_str(bounds[-1])
        code += [f"{x} {t} m {x} {b} l" for x in (left, right)]
        if inner is not None:
            t, b = fp_str(inner[0]), fp_str(inner[1])
            code += [f"{x} {t} m {x} {b} l" for x in self.xs_pdf[1:-1]]
        page_code(self.c).append("q " + " ".join(code) + " S Q")

    def fill(self, color: colors.Color, top: float, bottom: float) -> None:
        rgb = f"{fp_str(color.red)} {fp_str(color.green)} {fp_str(color.blue)}"
        page_code(self.c).append(
            f"q {rgb} rg {self.xs_pdf[0]} {fp_str(bottom)} {self._width} {fp_str(top - bottom)} re f Q"
        )


def daily_sheets(
    site: str,
    day: date,
    floors: Sequence[SheetFloor],
    lang: str,
    printed_by: str,
    printed_at: datetime,
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> bytes:
    t = L(lang)
    frame = frame_for(site, t["sheet_title"], day, printed_by, printed_at, lang, land=True)
    width = content_width(frame)
    widths = [w * mm for w in FIXED]
    widths[SYMPTOMS] = width - sum(widths)
    box_left, box_bottom, box_width, box_top = body_box(frame)
    left = box_left + (box_width - width) / 2  # the table centred in the frame (it is wider, by its padding)
    buf = io.BytesIO()
    c = frame_canvas(frame, buf)
    sheet = _Sheet(c, left, widths, lang)
    progress = current_progress()
    building = building_text(lang)
    total = sum(len(f.rows) for f in floors) + len(floors) or 1
    done = 0
    page = 1

    def next_page() -> None:
        nonlocal page
        if progress is not None:
            progress(done, total, building.format(page))
        c.showPage()
        page += 1

    def title(text: str) -> float:
        """The title at the top of a floor's first page: where the table starts below it."""
        style = styles()["title"]
        if sheet.one_line(text, style, box_width):
            sheet.line(text, style, box_left, box_top, box_width, centred=True)
            return box_top - style.leading - style.spaceAfter
        para = p(text, "title")
        h = sheet.wrap(para, box_width)
        para.drawOn(c, box_left, box_top - h)
        return box_top - h - para.style.spaceAfter

    headings = [
        p(t[k]) if k else None
        for k in (
            "sh_no",
            "room",
            "name",
            "sex",
            "age",
            "day_n",
            "release",
            "am",
            "pm",
            "sh_recheck",
            "symptoms_short",
            "swab",
            "signature",
            "",
        )
    ]
    heading_h = [sheet.wrap(para, w - 2 * PAD) if para else 0.0 for para, w in zip(headings, widths, strict=True)]
    heading_row = max(heading_h) + 2 * PAD
    limit = _threshold(threshold)
    symptoms = t["symptom_boxes"]
    qr_row = QR_SIZE + 2 * PAD
    codes = inline_images(stay_code(r.stay_id) for floor in floors for r in floor.rows)  # each made once a stay
    sexes = {sex: sex_label(sex, lang) for sex in ("M", "F")}
    releases: dict[date, str] = {}  # "MM-DD" of each planned release date

    def top_rows(band_row: float) -> None:
        """The headings under a band ``band_row`` tall, with the band's top at 0."""
        sheet.fill(HEADING, -band_row, -band_row - heading_row)
        for col, para in enumerate(headings):
            if para is not None:
                sheet.para(para, sheet.xs[col] + PAD, -band_row, heading_row, heading_h[col])

    tails: dict[str, tuple[Paragraph, float]] = {}  # the last rows' paragraphs, most the same on every floor
    for i, floor in enumerate(floors):
        if i:
            next_page()
        y = title(f"{t['sheet_title']} · {floor.label}")
        band = t["sh_band"].format(
            building=floor.building or floor.label, floor=floor.floor, day=day.isoformat(), threshold=limit
        )
        band = re.sub("[ \u3000]{2,}", "\xa0" * 6, band)  # wide gaps that the layout does not squeeze
        style = band_style()
        if sheet.one_line(band, style, width - 4 - PAD):
            band_h = style.leading
            draw_band = partial(sheet.line, band, style, left + 4, -PAD, width - 4 - PAD)
        else:
            band_para = Para(markup(band), style)
            band_h = sheet.wrap(band_para, width - 4 - PAD)
            draw_band = partial(sheet.para, band_para, left + 4, 0, band_h + 2 * PAD, band_h)
        band_row = band_h + 2 * PAD

        # the band and the headings, drawn with their top at 0 and repeated on every page; the headings
        # (the same on every floor) drawn once a document
        heads = sheet.drawn_once(("headings", band_row), partial(top_rows, band_row))
        chunk = sheet.drawn(draw_band) + heads

        # the body rows' heights (a row as tall as its QR code, or as its name and the day's notes)
        names: dict[int, tuple[Paragraph, float]] = {}
        heights: list[float] = []
        for n, r in enumerate(floor.rows):
            if _name_notes(r, lang) or not sheet.one_line_name(r.name):
                para = _name_cell(r, lang)
                h = sheet.wrap(para, widths[NAME] - 2 * PAD)
                names[n] = (para, h)
                heights.append(max(qr_row, h + 2 * PAD))
            else:
                heights.append(qr_row)
        tail_texts: list[str] = [] if floor.rows else [t["nobody"]]
        if floor.empty_rooms:
            tail_texts.append(
                t["empty_rooms"]
                + "："
                + "、".join(f"{number} {t.get(f'state_{state}', '')}" for number, state in floor.empty_rooms)
            )
        tail_texts += [t["sheet_footer"].format(threshold=limit), t["sh_sign"]]
        tail: list[tuple[Paragraph, float, float]] = []
        for k, text in enumerate(tail_texts):
            if text not in tails:
                para = p(text, "small")
                tails[text] = (para, sheet.wrap(para, width - 4 - PAD))
            para, h = tails[text]
            pad = 12 if k == len(tail_texts) - 1 else 4
            tail.append((para, h, max(h, LEADING) + 2 * pad))  # the spanned cells' "" is a line tall too

        # pages: the band and headings, then as many whole rows as fit
        items: list[tuple[str, int]] = [("row", n) for n in range(len(floor.rows))]
        items += [("tail", k) for k in range(len(tail))]
        at = 0
        first = True
        while at < len(items):
            if not first:
                next_page()
                y = box_top
            first = False
            sheet.place(chunk, y)
            table_top = y
            y -= band_row
            body_top = y
            y -= heading_row
            bounds = [table_top - band_row, y]
            body_end = y
            placed = 0
            while at < len(items):
                kind, k = items[at]
                h = heights[k] if kind == "row" else tail[k][2]
                if y - h < box_bottom - 1e-6 and placed:
                    break
                if kind == "row":
                    r = floor.rows[k]
                    cells = (
                        (0, str(k + 1)),
                        (1, r.room),
                        (NAME, r.name),
                        (3, sexes[r.sex] if r.sex in sexes else sex_label(r.sex, lang)),
                        (4, "" if r.age is None else str(r.age)),
                        (5, day_cell(r, lang)),
                        (
                            6,
                            releases.get(r.planned_release)
                            or releases.setdefault(r.planned_release, f"{r.planned_release:%m-%d}"),
                        ),
                        (SYMPTOMS, symptoms),
                        (11, "●" if r.swab_due else ""),
                    )
                    image = codes[stay_code(r.stay_id)]
                    if k in names:
                        if k % 2:
                            sheet.fill(STRIPE, y, y - h)
                        for col, value in cells:
                            if col == NAME:
                                para, ph = names[k]
                                sheet.para(para, sheet.xs[NAME] + PAD, y, h, ph)
                            else:
                                sheet.plain(col, y, h, value)
                        sheet.qr(y, h, image)
                    else:
                        sheet.body_row(y, h, cells, image, bool(k % 2))
                    done += 1
                else:
                    para, ph, _ = tail[k]
                    drawn = sheet.drawn_once(("tail", id(para), h), partial(sheet.para, para, left + 4, 0, h, ph))
                    sheet.place(drawn, y)
                    if k == len(tail) - 1:
                        done += 1
                y -= h
                if kind == "row":
                    body_end = y
                bounds.append(y)
                at += 1
                placed += 1
            sheet.rules(table_top, bounds, (body_top, body_end))
    if not floors:
        y = title(t["sheet_title"])
        para = p(t["nobody"], "body")
        h = sheet.wrap(para, box_width)
        para.drawOn(c, box_left, y - h)
        done = total
    if progress is not None:
        progress(total, total, building.format(page))
    c.showPage()
    c.save()
    return buf.getvalue()
