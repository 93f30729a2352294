"""Files shipped with the app: the CJK font, translations, icons."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT_FILE = HERE / "fonts" / "wqy-microhei.ttc"  # WenQuanYi Micro Hei, Apache-2.0 (see fonts/LICENSE-*)
FONT_FAMILY = "WenQuanYi Micro Hei"
I18N_DIR = HERE / "i18n"
