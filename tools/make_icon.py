"""Draw IsoDesk's icon: 隔 (from 隔离点) in white on a rounded teal square, from the bundled CJK font.

python tools/make_icon.py    # writes resources/icons/isodesk.png (256 px) and isodesk.ico (16–256 px)
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resources import FONT_FILE  # noqa: E402

TEAL, WHITE = (0, 121, 107, 255), (255, 255, 255, 255)  # the theme's primary (teal 700)
SIZE = 256


def draw(size: int = SIZE) -> Image.Image:
    scale = 4  # drawn large, then reduced: smooth edges
    big = size * scale
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=TEAL)
    font = ImageFont.truetype(str(FONT_FILE), int(big * 0.68))
    box = d.textbbox((0, 0), "隔", font=font)
    w, h = box[2] - box[0], box[3] - box[1]
    d.text(((big - w) / 2 - box[0], (big - h) / 2 - box[1]), "隔", font=font, fill=WHITE)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(out / "isodesk.png", optimize=True)
    icon.save(out / "isodesk.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    print(f"wrote {out / 'isodesk.png'} and {out / 'isodesk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
