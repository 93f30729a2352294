"""What the forms share: the page frame and the stay's QR code."""

from __future__ import annotations

from datetime import datetime

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from .. import qr
from ..base import Frame, page_code


def stay_code(stay_id: int) -> str:
    """What the desk's barcode scanner reads back (views/scanner.py)."""
    return f"ISODESK:STAY:{stay_id}"


def qr_image(text: str) -> ImageReader:
    """A QR code as a tiny 1-bit image (:mod:`printing.qr`: level M, mask pattern 0, a border of two
    modules, 4 pixels a module so that viewers and printers that smooth a scaled-up bitmap keep the edges
    sharp)."""
    side, raw = qr.image_bits(text)
    return ImageReader(Image.frombytes("1", (side, side), raw))


class QR(Flowable):
    """A QR code ``size`` square: an inline 1-bit image in the page (no RGB image object, no resizing)."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text, self.size = text, size
        self.width = self.height = size

    def draw(self) -> None:
        s = f"{self.size:.3f}"
        page_code(self.canv).append(f"q {s} 0 0 {s} 0 0 cm\n{qr.inline_image(self.text)}\nQ")


def frame_for(
    site: str, title: str, day: object, printed_by: str, printed_at: datetime, lang: str, land: bool = False
) -> Frame:
    return Frame(site, title, str(day), printed_by, printed_at, lang, land)
