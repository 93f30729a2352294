"""Door cards (房间门卡) with the stay's QR code.

Two cards per A4 page, to cut along the line: each card fills half of the page's printable area, and a
dashed cut line with "cut along the dashed line" runs between them (it is printed after the first card
even when the page has one card: it is still where to cut). A card says, large enough to read from the
corridor, the room and the name, then the category, the arrival and release dates, and carries the
stay's QR code (what the desk's scanner reads back, ``common.stay_code``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from ..base import Para, build_pdf, content_width, draw_text, markup, p, styles
from ..labels import L
from .common import QR, frame_for, stay_code

if TYPE_CHECKING:  # the rows' types: the forms take plain data and need no database to print it
    from models.reads.reports import PersonForm

# the printable height of a portrait page (build_pdf's margins, 16 mm and 14 mm, and the frame's 6 pt
# paddings) and the cards' share of it
PAGE_BODY = A4[1] - 30 * mm - 12
CUT_H = 9 * mm
CARD_H = (PAGE_BODY - CUT_H) / 2 - 2  # a little slack: two cards and the cut line always fit on one page
QR_SIZE = 50 * mm


class CutLine(Flowable):
    """A dashed line across the frame, with a word on where to cut."""

    def __init__(self, width: float, text: str) -> None:
        super().__init__()
        self.width, self.height, self.text = width, CUT_H, text

    def draw(self) -> None:
        c = self.canv
        y = self.height / 2
        c.saveState()
        c.setLineWidth(0.6)
        c.setDash(4, 3)
        c.line(-10 * mm, y, self.width + 10 * mm, y)  # into the margins: the cutter lines it up
        c.restoreState()
        c.saveState()
        c.setFillColor(colors.HexColor("#555555"))
        draw_text(c, 2 * mm, y + 1.5 * mm, self.text, 7)
        c.restoreState()


def _line(text: str, size: float) -> Paragraph:
    """A centred line of the card (wrapping at spaces when it has no CJK, as ``base.p`` does)."""
    style = ParagraphStyle(
        f"card-{size}",
        parent=styles()["big"],
        fontSize=size,
        leading=size * 1.3,
        wordWrap=None if text.isascii() else "CJK",
    )
    return Para(markup(text), style)


def card(f: PersonForm, lang: str, width: float) -> Table:
    """One door card, CARD_H tall."""
    t = L(lang)
    category = f.category_zh if lang.startswith("zh") else f.category_en
    colon = "：" if lang.startswith("zh") else ": "
    code_w = QR_SIZE + 14 * mm
    pad = 12  # a table cell's paddings (6 pt each side): what a table inside a cell loses
    info = Table(
        [
            [_line(t["card_title"], 13)],
            [_line(f.room, 30)],
            [_line(f.name, 26)],
            [_line(category, 16)],
            [_line(f"{t['dc_arrived']}{colon}{f.arrived_at[:10]}", 13)],
            [_line(f"{t['release']}{colon}{f.planned_release.isoformat()}", 13)],
        ],
        colWidths=[width - code_w - pad],
    )
    code = Table([[QR(stay_code(f.stay_id), QR_SIZE)], [_line(t["dc_scan"], 8)]], colWidths=[code_w - pad])
    code.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    box = Table([[info, code]], colWidths=[width - code_w, code_w], rowHeights=[CARD_H])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return box


def door_cards(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    """Two cards per A4 page, to cut along the line."""
    t = L(lang)
    frame = frame_for(site, t["card_title"], printed_at.date(), printed_by, printed_at, lang)
    width = content_width(frame)
    story: list[Flowable] = []
    for i, f in enumerate(forms):
        if i % 2 == 0:
            if i:
                story.append(PageBreak())
            story += [card(f, lang, width), CutLine(width, t["dc_cut"])]
        else:
            story.append(card(f, lang, width))
    if not forms:
        story.append(p(t["nobody"]))
    return build_pdf(frame, story)
