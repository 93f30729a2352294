"""Screenshots of the main screens on a demo site, in Chinese and English, for the README.

QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from models.db import open_database
from models.demo import build_demo
from views.application import install_translators, make_app
from views.main_window import MainWindow

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # leave the user's settings alone
        engine = open_database(Path(tmp) / "demo.sqlite3")
        build_demo(engine, rooms=300, days=30, seed=1, now=NOW)
        app = make_app()
        for lang in ("zh_CN", "en"):
            install_translators(app, lang)
            window = MainWindow(engine)
            window.resize(1400, 860)
            window.show()
            QApplication.processEvents()
            window.show_page("board")
            QApplication.processEvents()
            window.grab().save(str(out / f"room-board-{lang}.png"))
            window.show_page("occupants")
            page = window.occupants
            page.table.selectRow(3)
            QApplication.processEvents()
            window.grab().save(str(out / f"occupants-{lang}.png"))
            window.close()
            window.deleteLater()
            QApplication.processEvents()
        engine.dispose()
    print(out)


if __name__ == "__main__":
    main()
