"""Fonts and theme: the bundled CJK font (Chinese renders on a PC without Chinese fonts) and qt-material,
with what IsoDesk adds to it (readable labels, card titles, status messages and links; drop-downs as wide as
their items) for every screen at once."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import shutil
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QSizePolicy, QWidget

from resources import FALLBACK_FONT_FAMILY, FALLBACK_FONT_FILE, FONT_FAMILY, FONT_FILE

from . import palette

STATUS_ROLE = "status"  # the "role" property of a page's status message (mark_status)


def _add_font(file: Path, default: str) -> str:
    font_id = QFontDatabase.addApplicationFont(str(file))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else default


# the system's Chinese UI fonts, best first: what the desk's other programs look like (the bundled font when
# there is none: a PC without Chinese fonts still shows Chinese)
SYSTEM_CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "微软雅黑",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)


def system_cjk_family(available: list[str] | None = None) -> str | None:
    """The first of SYSTEM_CJK_FAMILIES the system has (``available``: the font database's families)."""
    have = set(available if available is not None else QFontDatabase.families())
    return next((f for f in SYSTEM_CJK_FAMILIES if f in have), None)


def register_font(app: QApplication) -> str:
    """The UI font: the system's Chinese UI font when it has one, else the bundled CJK font (registered in
    any case: Chinese renders on machines without Chinese fonts), then the fallback for the rare characters
    both lack (CJK Ext A and B: 䶮, 𠮷): the application font lists them in that order, and Qt takes each
    character from the first family that has it. Returns the first family."""
    bundled = _add_font(FONT_FILE, FONT_FAMILY)
    fallback = _add_font(FALLBACK_FONT_FILE, FALLBACK_FONT_FAMILY)
    families = list(dict.fromkeys([f for f in (system_cjk_family(), bundled, fallback) if f]))
    font = QFont(families[0])
    font.setFamilies(families)
    font.setPointSize(10)
    app.setFont(font)
    return families[0]


def css_families(family: str) -> str:
    """``family``, the bundled font and the fallback as a style sheet's font-family list (a style sheet's
    font-family replaces the application font's families: naming one alone would drop the fallback)."""
    return ", ".join(f'"{f}"' for f in dict.fromkeys([family, FONT_FAMILY, FALLBACK_FONT_FAMILY]))


def apply_theme(app: QApplication, family: str, dark: bool = False, *, cache: Path, version: str = "") -> None:
    """qt-material, once, before windows are built. Its style sheet and icons are made at the first start
    and kept in ``cache`` (not ~/.qt_material), keyed by qt-material's version, the theme, the font and
    ``version`` (the app's): every later start reads them back instead of rendering qt-material's template
    again (a third of a second)."""
    theme = "dark_blue.xml" if dark else "light_blue.xml"
    extra = {"font_family": css_families(family), "density_scale": "-1"}
    app.setStyle("Fusion")  # what qt-material's apply_stylesheet sets first
    css = material_stylesheet(theme, not dark, extra, cache=cache, version=version)
    app.setPalette(themed_palette(app.palette(), dark))
    app.setStyleSheet(with_item_colours(css) + "\n" + stylesheet_additions(dark))


MATERIAL_FILES = ("material.qss", "theme.json")
ICON_FOLDERS = ("primary", "disabled", "active")


def _qt_material_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("qt-material")
    except metadata.PackageNotFoundError:
        return "unknown"


def material_key(theme: str, invert: bool, extra: dict[str, str], version: str) -> str:
    """The cache folder's name for one rendering of qt-material's style sheet: what its output depends on."""
    what = [_qt_material_version(), theme, invert, sorted(extra.items()), platform.system(), version, 1]
    return hashlib.sha256(json.dumps(what, ensure_ascii=False).encode()).hexdigest()[:20]


def material_stylesheet(theme: str, invert: bool, extra: dict[str, str], *, cache: Path, version: str = "") -> str:
    """qt-material's style sheet with its icons in ``cache``/KEY: read back when made before, else rendered by
    qt-material (and kept). Either way the icons' search path and qt-material's text colour are set, as its
    ``apply_stylesheet`` does."""
    folder = cache / material_key(theme, invert, extra, version)
    try:
        css = (folder / "material.qss").read_text(encoding="utf-8")
        text_colour = str(json.loads((folder / "theme.json").read_text(encoding="utf-8"))["text"])
        if not all((folder / sub).is_dir() for sub in ICON_FOLDERS):
            raise OSError("icons missing")
    except (OSError, ValueError, KeyError, TypeError):
        css, text_colour, folder = _render_material(theme, invert, extra, folder)
    QDir.setSearchPaths("icon", [str(folder)])  # the style sheet's url(icon:/primary/…)
    base = QGuiApplication.palette()
    base.setColor(QPalette.ColorRole.Text, QColor(text_colour))
    QGuiApplication.setPalette(base)
    return css


def _render_material(theme: str, invert: bool, extra: dict[str, str], folder: Path) -> tuple[str, str, Path]:
    """Render qt-material's template and icons into a fresh folder beside ``folder``, then put it in place
    whole (another start on the same PC never reads half a folder). Returns the style sheet, the text colour
    qt-material gives the palette and the folder the icons are in."""
    from qt_material import build_stylesheet

    folder.parent.mkdir(parents=True, exist_ok=True)
    for legacy in ICON_FOLDERS:  # the icons an older version made right in the cache folder
        shutil.rmtree(folder.parent / legacy, ignore_errors=True)
    staging = folder.parent / f"{folder.name}.{os.getpid()}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    css = build_stylesheet(theme=theme, invert_secondary=invert, extra=dict(extra), parent=str(staging))
    text_colour = QGuiApplication.palette().color(QPalette.ColorRole.Text).name(QColor.NameFormat.HexArgb)
    if css is None:  # an unknown theme: qt-material says so in the log
        return "", text_colour, staging
    try:
        (staging / "material.qss").write_text(css, encoding="utf-8")
        (staging / "theme.json").write_text(json.dumps({"text": text_colour, "theme": theme}), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        staging.replace(folder)
    except OSError:  # a cache that cannot be written (full, read-only): this start goes on with what it has
        return css, text_colour, staging
    return css, text_colour, folder


_ITEM_RULE = re.compile(r"(QTableView::item,\s*QTreeView::item,\s*QListView::item\s*\{)([^}]*)\}")
_ITEM_DECLARATIONS = re.compile(r"^[ \t]*(color|border-color)[ \t]*:[^;]*;[^\n]*\n?", re.MULTILINE)


def with_item_colours(css: str) -> str:
    """qt-material's style sheet without the text colour and the (transparent) border of its rule for every
    list and table item: with them Qt paints each item as the style sheet says and drops the colours a
    screen gives its rows and cells (a fever reading, a positive result, a row that will not import, a
    release that is not ready). Without them an item takes the theme's text colour from its view, and the
    screens' colours show."""
    return _ITEM_RULE.sub(lambda m: m.group(1) + _ITEM_DECLARATIONS.sub("", m.group(2)) + "}", css, count=1)


def stylesheet_additions(dark: bool) -> str:
    """IsoDesk's rules after qt-material's (the later rule wins): text in the theme's text colour rather
    than qt-material's pale grey (labels; card titles, bold and larger; the status bar and the pages' status
    messages, larger); on the dark theme, a chosen drop-down item white on dark blue (qt-material's is white
    on light blue). And every drop-down as wide as its longest item whenever its items come: Qt's default
    sizes a combo box once, when it is first shown (or first measured by a layout), often before its items
    are loaded, and cut "1号楼 10F" to "1号楼 1"."""
    text = palette.TEXT_ON_DARK if dark else palette.TEXT
    rules = [
        "QComboBox { qproperty-sizeAdjustPolicy: AdjustToContents; }",
        f"QLabel {{ color: {text}; }}",
        f"QGroupBox::title {{ color: {text}; }}",
        "QGroupBox { font-size: 14px; font-weight: bold; }",  # its title; what is in the box stays as it was
        "QGroupBox > * { font-weight: normal; }",
        f"QStatusBar, QStatusBar QLabel {{ color: {text}; font-size: 13px; }}",
        f'QLabel[role="{STATUS_ROLE}"] {{ color: {text}; font-size: 14px; }}',
    ]
    if dark:
        rules.append(
            "QComboBox::item:selected, QMenu::item:selected "
            f"{{ color: #ffffff; background-color: {palette.SELECTED_ON_DARK}; }}"
        )
    return "\n".join(rules)


def themed_palette(base: QPalette, dark: bool) -> QPalette:
    """``base`` with the theme's link colour: light blue on the dark theme, where Qt's dark blue is
    unreadable (the Today page's links, any rich-text label)."""
    result = QPalette(base)
    link = QColor(palette.LINK_ON_DARK if dark else palette.LINK)
    for role in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):
        result.setColor(role, link)
    return result


def fit_combo_boxes(root: QWidget) -> int:
    """Every drop-down under ``root`` as wide as its longest item, whenever its items come, and never
    squeezed narrower by a crowded row or a small screen: Qt measures a combo box's minimum once, often
    before its items are loaded (a floor list filled when its page is first shown read "1号楼 1" for
    "1号楼 10F"). Returns how many were fitted."""
    combos = root.findChildren(QComboBox)
    for combo in combos:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        policy = combo.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Minimum)  # its size hint (all the items) is its minimum
        combo.setSizePolicy(policy)
    return len(combos)


def mark_status(label: QLabel) -> QLabel:
    """A page's status message (what was saved, what was refused): the theme shows it larger."""
    label.setProperty("role", STATUS_ROLE)
    return label


def error_label(parent: QWidget) -> QLabel:
    """A dialog's or page's line saying what is wrong (or short, or left out): red, wrapped."""
    label = QLabel(parent)
    label.setStyleSheet(f"color: {palette.BAD_TEXT}")
    label.setWordWrap(True)
    return label
