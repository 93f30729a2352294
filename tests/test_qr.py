"""QR codes of the stay codes (printing/qr.py, zxing-cpp): the image is the code's matrix with a white border
at scale, a few hundred bytes a code, and the printed codes scan back to their stays."""

from __future__ import annotations

import shutil
import subprocess
import zlib

import pytest

from printing import qr


def test_the_matrix_is_a_qr_code_of_the_text():
    m = qr.matrix("ISODESK:STAY:4242")
    n = len(m)
    assert n in (21, 25) and all(len(row) == n for row in m)  # version 1 or 2
    for x0, y0 in ((0, 0), (n - 7, 0), (0, n - 7)):  # the three finder patterns
        assert all(m[y0][x0 + i] and m[y0 + 6][x0 + i] and m[y0 + i][x0] and m[y0 + i][x0 + 6] for i in range(7))
        assert not m[y0 + 1][x0 + 1] and m[y0 + 3][x0 + 3]


def test_the_image_is_the_matrix_with_a_white_border_at_scale():
    text = "ISODESK:STAY:4242"
    m = qr.matrix(text)
    side, raw = qr.image_bits(text)
    n = len(m)
    assert side == (n + 2 * qr.BORDER) * qr.SCALE
    row = -(-side // 8)

    def white(x: int, y: int) -> bool:
        return bool(raw[y * row + x // 8] >> (7 - x % 8) & 1)

    for y in range(side):
        for x in range(side):
            mx, my = x // qr.SCALE - qr.BORDER, y // qr.SCALE - qr.BORDER
            dark = 0 <= mx < n and 0 <= my < n and m[my][mx]
            assert white(x, y) is not dark, (x, y)
    image = qr.inline_image(text)
    assert image.startswith(f"BI /W {side} /H {side} /BPC 1 /CS /G /F [/A85 /Fl] ID\n") and image.endswith("~>\nEI")
    assert len(zlib.compress(raw)) < 600  # a few hundred bytes a code


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs pdftoppm and zbarimg (apt-get install poppler-utils zbar-tools) to read the QR codes back",
)
@pytest.mark.parametrize("dpi", [150, 300])
def test_door_card_codes_scan_back_to_the_stay(session, site, desk, make_arrival, tmp_path, dpi):
    from models.services.arrivals import register_arrival
    from printing import forms
    from printing.documents import render
    from tests.conftest import NOW
    from tests.helpers import free_rooms

    stays = [register_arrival(session, desk, make_arrival(), room.id, now=NOW) for room in free_rooms(session, 2)]
    pdf = tmp_path / "cards.pdf"
    pdf.write_bytes(render(session, "door-cards", NOW.date(), actor=desk, stay_ids=[s.id for s in stays], now=NOW))
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True
    )
    png = next(tmp_path.glob("p*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=False)
    assert set(out.stdout.split()) == {forms.stay_code(s.id) for s in stays}
