"""Build resources/fonts/hanazono-ext-ab.ttf, the fallback font for the CJK characters WenQuanYi Micro Hei lacks.

The fallback covers CJK Unified Ideographs Extension A (U+3400-U+4DBF, e.g. 䶮) and Extension B
(U+20000-U+2A6DF, e.g. 𠮷), the rare characters of people's names, and the last additions to the main
block (U+9FA6-U+9FFF, e.g. 鿏), which WenQuanYi Micro Hei also lacks. Its glyphs are those of the Hanazono
fonts (花園明朝, GlyphWiki Project; Debian's `fonts-hanazono`): Extension A from HanaMinA.ttf, Extension B
from HanaMinB.ttf, merged into one TrueType font (ReportLab embeds TrueType outlines as a subset; Qt falls
back to it per character). The whole fonts are 53 MB; this subset keeps only those two blocks, without
hinting, glyph names, vertical metrics or layout tables.

The family is renamed "IsoDesk CJK Ext": the fonts are offered under the Hanazono Font License or the SIL
OFL 1.1, and the OFL reserves the names HanaMinA / HanaMinB for the original fonts, so a modified
version takes another name under either licence (see resources/fonts/LICENSE-hanazono.txt).

    apt-get install fonts-hanazono          # /usr/share/fonts/truetype/hanazono/HanaMin{A,B}.ttf
    .venv/bin/pip install fonttools         # only to build the font: the app does not need it
    .venv/bin/python tools/make_fallback_font.py [--source /usr/share/fonts/truetype/hanazono]

The output is deterministic for the same input fonts (fixed timestamps).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts" / "hanazono-ext-ab.ttf"
FAMILY = "IsoDesk CJK Ext"
PS_NAME = "IsoDeskCJKExt-Regular"
PARTS = (("HanaMinA.ttf", "U+3400-4DBF,U+9FA6-9FFF"), ("HanaMinB.ttf", "U+20000-2A6DF"))
# 2017-09-04, the Hanazono release these glyphs come from: the same input gives the same bytes
TIMESTAMP = 3587241600


def _subset(src: Path, unicodes: str, out: Path) -> None:
    subset.main(
        [
            str(src),
            f"--unicodes={unicodes}",
            "--no-hinting",
            "--layout-features=",
            "--no-glyph-names",
            "--drop-tables+=vhea,vmtx,BASE,prop,GDEF,GSUB,GPOS,FFTM",
            "--name-IDs=0",
            f"--output-file={out}",
        ]
    )


def _rename(font: TTFont) -> None:
    name = font["name"]
    copyright_ = "Copyright 2008-2017 GlyphWiki Project. Subset of the Hanazono fonts (HanaMinA, HanaMinB 20170904)."
    for platform, encoding, language in ((3, 1, 0x409), (1, 0, 0)):
        name.setName(copyright_, 0, platform, encoding, language)
        name.setName(FAMILY, 1, platform, encoding, language)
        name.setName("Regular", 2, platform, encoding, language)
        name.setName(f"{FAMILY} Regular;20170904", 3, platform, encoding, language)
        name.setName(f"{FAMILY} Regular", 4, platform, encoding, language)
        name.setName("Version 20170904; IsoDesk subset (CJK Ext A, Ext B)", 5, platform, encoding, language)
        name.setName(PS_NAME, 6, platform, encoding, language)
        name.setName("Hanazono Font License or SIL Open Font License 1.1", 13, platform, encoding, language)
    name.names = [n for n in name.names if n.nameID in (0, 1, 2, 3, 4, 5, 6, 13)]


def build(source: Path, out: Path = OUT) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for file, unicodes in PARTS:
            part = Path(tmp) / file
            _subset(source / file, unicodes, part)
            parts.append(str(part))
        merged = Merger().merge(parts)
    _rename(merged)
    merged["head"].created = merged["head"].modified = TIMESTAMP
    merged.recalcTimestamp = False  # else saving stamps the time of the build
    os2 = merged["OS/2"]
    os2.fsType = 0  # installable embedding, as the originals
    os2.recalcUnicodeRanges(merged)  # the blocks it really has (Qt reads its writing systems from them)
    os2.ulCodePageRange1 = os2.ulCodePageRange2 = 0  # no legacy code page is complete in it
    merged.save(out, reorderTables=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=Path("/usr/share/fonts/truetype/hanazono"))
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    out = build(args.source, args.output)
    cmap = TTFont(out, lazy=True).getBestCmap()
    print(f"{out}: {out.stat().st_size:,} bytes, {len(cmap):,} characters")


if __name__ == "__main__":
    main()
