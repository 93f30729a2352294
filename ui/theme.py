"""Fonts and theme: the bundled CJK font (Chinese renders on a PC without Chinese fonts) and qt-material."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from resources import FONT_FAMILY, FONT_FILE


def register_font(app: QApplication) -> str:
    """Register the bundled CJK font so Chinese renders on machines without Chinese fonts."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = families[0] if families else FONT_FAMILY
    font = QFont(family)
    font.setPointSize(10)
    app.setFont(font)
    return family


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
        extra={"font_family": family, "density_scale": "-1"},
    )
