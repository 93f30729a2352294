"""QR codes for the stay codes, as tiny 1-bit images.

Every row of a daily sheet carries a QR code, so thousands are made at a time. ReportLab's encoder takes
about 1 ms a code (pure Python); zxing-cpp, the C++ barcode library (level M, the mask it finds best), about
0.1 ms. The code is embedded as a 1-bit DeviceGray image, SCALE pixels a module with a white border of
BORDER modules, Flate-compressed: a few hundred bytes, no RGB expansion and no resizing (a viewer that
smooths an upscaled bitmap keeps the edges sharp; codes drawn as vector paths scanned worse).

A stay's code never changes, and most of a morning's sheets list the people who were there yesterday:
:func:`inline_images` keeps the codes it made, in this process and, when :func:`use_store` names one, in a
small SQLite file in the user's cache folder (the app's and the CLI's start set it), so a code is encoded
once in a stay, not once a print. What it reads back is checked to be one such inline image and nothing
else (a damaged or crafted file makes the codes be encoded again, never text in the PDF); a store that
cannot be read or written is left alone and the codes are made in memory.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
import zlib
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

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


# --- the codes made before -----------------------------------------------------------------------------------

STORE_ENV = "ISODESK_CACHE_DIR"  # overrides the cache folder (tests, a portable install)
STORE_NAME = "qr-codes.sqlite3"
MEMORY = 20_000  # codes kept in this process (a 5,000-room site prints 5,000 a morning)
STORE_LIMIT = 60_000  # codes kept in the store (about 400 bytes each); past it the oldest half goes
_IMAGE = re.compile(r"BI /W (\d{1,3}) /H \1 /BPC 1 /CS /G /F \[/A85 /Fl\] ID\n[!-uz]*~>\nEI")


class _Kept:
    """The codes made in this process, and the store they are kept in."""

    def __init__(self) -> None:
        self.memory: dict[str, str] = {}
        self.lock = threading.Lock()
        self.store: Path | None = None


_kept = _Kept()


def default_store() -> Path:
    """$ISODESK_CACHE_DIR/qr-codes.sqlite3, else in the user cache folder (e.g. ~/.cache/IsoDesk)."""
    folder = os.environ.get(STORE_ENV)
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("IsoDesk", "IsoDesk")
    return Path(folder) / STORE_NAME


def use_store(path: Path | None) -> None:
    """Keep the codes made in ``path`` too (None: in this process only)."""
    _kept.store = path


def forget() -> None:
    """Drop the codes kept in this process (the store keeps its own)."""
    with _kept.lock:
        _kept.memory.clear()


def inline_images(texts: Iterable[str]) -> dict[str, str]:
    """Every text's :func:`inline_image`, each made once: from this process's codes, then the store's, and
    only those found in neither encoded (and kept in both)."""
    wanted = list(dict.fromkeys(texts))
    memory = _kept.memory
    with _kept.lock:
        got = {t: memory[t] for t in wanted if t in memory}
    missing = [t for t in wanted if t not in got]
    store = _kept.store
    if missing and store is not None:
        found = _read(store, missing)
        got.update(found)
        missing = [t for t in missing if t not in found]
    made = {t: inline_image(t) for t in missing}
    got.update(made)
    if made and store is not None:
        _write(store, made)
    with _kept.lock:
        memory.update((t, got[t]) for t in wanted)
        while len(memory) > MEMORY:  # the oldest first (a dict keeps the order of insertion)
            del memory[next(iter(memory))]
    return got


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, timeout=2, isolation_level=None)
    con.execute(
        "CREATE TABLE IF NOT EXISTS code (text TEXT PRIMARY KEY, image TEXT NOT NULL, made INTEGER NOT NULL) "
        "WITHOUT ROWID"
    )
    return con


def _read(path: Path, texts: list[str]) -> dict[str, str]:
    """The store's images of ``texts`` that are well formed (anything else is made again)."""
    if not path.is_file():
        return {}
    found: dict[str, str] = {}
    try:
        con = _connect(path)
        try:
            for at in range(0, len(texts), 500):
                chunk = texts[at : at + 500]
                marks = ",".join("?" * len(chunk))
                for text, image in con.execute(f"SELECT text, image FROM code WHERE text IN ({marks})", chunk):
                    if isinstance(image, str) and _IMAGE.fullmatch(image):
                        found[text] = image
        finally:
            con.close()
    except (sqlite3.Error, OSError) as exc:
        log.warning("QR code store %s not read: %s", path, exc)
        return {}
    return found


def _write(path: Path, made: dict[str, str]) -> None:
    """Keep ``made`` in the store, the oldest half dropped when it holds more than STORE_LIMIT."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = _connect(path)
        try:
            con.execute("BEGIN IMMEDIATE")
            (last,) = con.execute("SELECT coalesce(max(made), 0) FROM code").fetchone()
            con.executemany(
                "INSERT OR REPLACE INTO code (text, image, made) VALUES (?, ?, ?)",
                [(t, image, last + 1) for t, image in made.items()],
            )
            (count,) = con.execute("SELECT count(*) FROM code").fetchone()
            if count > STORE_LIMIT:
                con.execute(
                    "DELETE FROM code WHERE text IN (SELECT text FROM code ORDER BY made LIMIT ?)", (count // 2,)
                )
            con.execute("COMMIT")
        finally:
            con.close()
    except (sqlite3.Error, OSError) as exc:
        log.warning("QR code store %s not written: %s", path, exc)
