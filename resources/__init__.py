"""Files shipped with the app: the CJK font, translations, icons; and the app's version."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT_FILE = HERE / "fonts" / "wqy-microhei.ttc"  # WenQuanYi Micro Hei, Apache-2.0 (see fonts/LICENSE-*)
FONT_FAMILY = "WenQuanYi Micro Hei"
I18N_DIR = HERE / "i18n"


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
