"""Fonts and theme: the bundled CJK font (Chinese renders on a PC without Chinese fonts) and qt-material."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from resources import FALLBACK_FONT_FAMILY, FALLBACK_FONT_FILE, FONT_FAMILY, FONT_FILE


def _add_font(file: Path, default: str) -> str:
    font_id = QFontDatabase.addApplicationFont(str(file))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else default


def register_font(app: QApplication) -> str:
    """Register the bundled CJK font so Chinese renders on machines without Chinese fonts, and the fallback
    for the rare characters it lacks (CJK Ext A and B: 䶮, 𠮷): the application font lists both, and Qt
    takes each character from the first family that has it."""
    family = _add_font(FONT_FILE, FONT_FAMILY)
    fallback = _add_font(FALLBACK_FONT_FILE, FALLBACK_FONT_FAMILY)
    font = QFont(family)
    font.setFamilies([family, fallback])
    font.setPointSize(10)
    app.setFont(font)
    return family


def css_families(family: str) -> str:
    """``family`` and the fallback as a style sheet's font-family list (a style sheet's font-family replaces
    the application font's families: naming one alone would drop the fallback)."""
    return ", ".join(f'"{f}"' for f in dict.fromkeys([family, FALLBACK_FONT_FAMILY]))


def apply_theme(app: QApplication, family: str, dark: bool = False, *, cache: Path) -> None:
    """qt-material, once, before windows are built; its icons go to ``cache``, not ~/.qt_material."""
    from qt_material import apply_stylesheet

    cache.mkdir(parents=True, exist_ok=True)
    theme = "dark_blue.xml" if dark else "light_blue.xml"
    apply_stylesheet(
        app,
        theme=theme,
        invert_secondary=not dark,
        parent=str(cache),
        extra={"font_family": css_families(family), "density_scale": "-1"},
    )
