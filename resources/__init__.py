"""Files shipped with the app: the CJK fonts, translations, icons; and the app's version."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT_FILE = HERE / "fonts" / "wqy-microhei.ttc"  # WenQuanYi Micro Hei, Apache-2.0 (see fonts/LICENSE-*)
FONT_FAMILY = "WenQuanYi Micro Hei"
# the rare characters it lacks (CJK Ext A and B, e.g. 䶮 𠮷), per character: a Hanazono subset, see fonts/README.md
FALLBACK_FONT_FILE = HERE / "fonts" / "hanazono-ext-ab.ttf"
FALLBACK_FONT_FAMILY = "IsoDesk CJK Ext"
I18N_DIR = HERE / "i18n"
ICON_FILE = HERE / "icons" / "isodesk.png"  # drawn by tools/make_icon.py (isodesk.ico beside it: Windows)


def app_version() -> str:
    """The installed package's version; from setup.cfg when running from a checkout that is not installed."""
    from importlib import metadata

    try:
        return metadata.version("isodesk")
    except metadata.PackageNotFoundError:
        import configparser

        cfg = configparser.ConfigParser()
        cfg.read(HERE.parent / "setup.cfg", encoding="utf-8")
        return cfg.get("metadata", "version", fallback="unknown")
