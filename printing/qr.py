"""QR codes for the stay codes, as tiny 1-bit images.

Every row of a daily sheet carries a QR code, so thousands are made at a time. ReportLab's encoder takes
about 1 ms a code (pure Python); zxing-cpp, the C++ barcode library (level M, the mask it finds best), about
0.1 ms. The code is embedded as a 1-bit DeviceGray image, SCALE pixels a module with a white border of
BORDER modules, Flate-compressed: a few hundred bytes, no RGB expansion and no resizing (a viewer that
smooths an upscaled bitmap keeps the edges sharp; codes drawn as vector paths scanned worse).
"""

from __future__ import annotations

import zlib

BORDER = 2  # modules of white around the code in its image (the cell's padding adds more)
SCALE = 4  # pixels per module in the image


def matrix(text: str) -> list[list[bool]]:
    """The dark modules of ``text``'s QR code, row by row (without the border)."""
    import zxingcpp

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    # 0 dark, 255 light, a pixel a module (the Image is a buffer; the stubs do not say so)
    pixels = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    rows, cols = pixels.shape or (0, 0)
    flat = pixels.tobytes()
    return [[flat[y * cols + x] < 128 for x in range(cols)] for y in range(rows)]


def image_bits(text: str) -> tuple[int, bytes]:
    """``text``'s QR code as a 1-bit image (1 = white, rows padded to whole bytes, as PDF wants), with a
    border of BORDER modules and SCALE pixels a module: (pixels a side, the raw rows)."""
    import zxingcpp
    from PIL import Image, ImageOps

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    pixels = memoryview(code.to_image(scale=SCALE, add_quiet_zones=False))  # type: ignore[arg-type]
    rows, cols = pixels.shape or (0, 0)
    grey = Image.frombytes("L", (cols, rows), pixels.tobytes())
    framed = ImageOps.expand(grey, border=BORDER * SCALE, fill=255)
    return framed.width, framed.convert("1", dither=Image.Dither.NONE).tobytes()  # mode "1": 1 = white


def inline_image(text: str) -> str:
    """``text``'s QR code as a PDF inline image over the unit square (the caller sets the matrix): 1 bit
    a pixel, DeviceGray, Flate and ASCII85, a few hundred bytes, no image object."""
    from reportlab.lib.rl_accel import asciiBase85Encode  # in C with rl_accel installed

    side, raw = image_bits(text)
    data = asciiBase85Encode(zlib.compress(raw, 1))  # type: ignore[arg-type]  # takes bytes too (its stubs say str)
    return f"BI /W {side} /H {side} /BPC 1 /CS /G /F [/A85 /Fl] ID\n{data}\nEI"
