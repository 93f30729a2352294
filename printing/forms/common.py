"""What the forms share: the page frame and the stay's QR code."""

from __future__ import annotations

from datetime import datetime

from PIL import Image
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from ..base import Frame


def stay_code(stay_id: int) -> str:
    """What the desk's barcode scanner reads back (views/scanner.py)."""
    return f"ISODESK:STAY:{stay_id}"


def qr_image(text: str) -> ImageReader:
    """A QR code as a tiny 1-bit image (fast to make, small in the PDF). The mask pattern is fixed:
    trying all eight is ReportLab's default and costs 8x; any mask reads the same."""
    # alphanumeric mode (capitals, digits, ':'): "ISODESK:STAY:<id>" fits a version-1 code up to id 9,999,999
    q = qrencoder.QRCode(1 if len(text) <= 20 else 3, qrencoder.QRErrorCorrectLevel.M)
    q.addData(qrencoder.QRAlphaNum(text))
    q.makeImpl(False, 0)
    n = q.getModuleCount()
    border = 2
    img = Image.new("1", (n + 2 * border, n + 2 * border), 1)
    px = img.load()
    assert px is not None  # None only for an image without pixels
    for r in range(n):
        for c in range(n):
            if q.isDark(r, c):
                px[c + border, r + border] = 0
    # 4 pixels per module: viewers and printers that smooth a scaled-up bitmap keep the edges sharp
    return ImageReader(img.resize((img.width * 4, img.height * 4), Image.Resampling.NEAREST))


class QR(Flowable):
    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text, self.size = text, size
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.drawImage(qr_image(self.text), 0, 0, self.size, self.size)


def frame_for(
    site: str, title: str, day: object, printed_by: str, printed_at: datetime, lang: str, land: bool = False
) -> Frame:
    return Frame(site, title, str(day), printed_by, printed_at, lang, land)
