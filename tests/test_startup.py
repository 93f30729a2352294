"""The start a desk waits for (issue 16), checked without timing: what the path to the login imports, the
theme's style sheet made once and read back, each list read once while the window is built, pages not shown
read when they are, and the start's backup left until the window is painted. bench/startup.py has the
figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from models.store.db import head_revision, quick_head
from tests.conftest import TZ

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)
LATER = ("openpyxl", "reportlab", "PIL", "phonenumbers", "alembic", "pypdf", "qrcode")

START_PATH = textwrap.dedent(
    """
    import json, os, sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QSettings
    from views.application import make_app
    settings = QSettings({settings!r}, QSettings.Format.IniFormat)
    app = make_app([], settings=settings)  # the theme, from the cache folder after the first start
    from models.store.db import open_database, session_factory
    from views.context import AppContext
    from views.login_dialog import LoginDialog
    from views.main_window import MainWindow
    from views.site_wizard import SiteWizard
    engine = open_database({db!r})  # already at this version's schema
    login = LoginDialog(session_factory(engine), "zh_CN", settings=settings)
    login.show()
    app.processEvents()
    names = {later!r} + ("qt_material", "jinja2")
    print(json.dumps([n for n in names if n in sys.modules]))
    sys.stdout.flush()
    os._exit(0)
    """
)


def _start(tmp_path: Path, db: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(tmp_path / "cache"))
    script = START_PATH.format(root=str(ROOT), settings=str(tmp_path / "settings.ini"), db=db, later=LATER)
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_path_to_the_login_imports_nothing_needed_only_later_and_the_theme_is_made_once(tmp_path, engine):
    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("one start is enough: the imports do not depend on the database")
    db = str(engine.url.database)
    first = _start(tmp_path, db)
    assert not set(first) & set(LATER), first  # printing, spreadsheets, phone numbers, migrations: later
    assert "qt_material" in first  # the first start on a PC renders qt-material's template...
    assert list((tmp_path / "cache").rglob("material.qss"))  # ...and keeps it
    assert _start(tmp_path, db) == []  # every later start reads it back: qt-material is not even imported


def test_the_quick_head_is_alembics_head(engine):
    assert quick_head() is not None and quick_head() == head_revision(engine)


def test_the_style_sheet_is_read_back_the_same(qapp, tmp_path, monkeypatch):
    import qt_material

    from ui import theme

    extra = {"font_family": theme.css_families("Noto Sans CJK SC"), "density_scale": "-1"}
    made = theme.material_stylesheet("light_blue.xml", True, extra, cache=tmp_path, version="9.9")
    assert "QPushButton" in made and "icon:/primary/" in made
    monkeypatch.setattr(qt_material, "build_stylesheet", lambda *a, **k: pytest.fail("rendered again"))
    assert theme.material_stylesheet("light_blue.xml", True, extra, cache=tmp_path, version="9.9") == made
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert {p.name for p in folder.iterdir()} >= {"material.qss", "theme.json", "primary", "disabled", "active"}
    assert theme.material_key("light_blue.xml", True, extra, "9.9") != theme.material_key(
        "light_blue.xml", True, extra, "10.0"
    )  # another version of the app renders its own


@pytest.fixture
def demo_context(engine, clock, app_context):
    from models.demo.builder import build_demo

    clock.set(NOW)
    build_demo(engine, rooms=30, days=5, seed=5, now=NOW)
    return app_context


def counted(monkeypatch):
    """The board's and the occupant list's reads, counted."""
    from views import main_window
    from views.occupant_model import OccupantModel

    reads = {"board": 0, "occupants": 0}
    board_rooms, reload = main_window.board_rooms, OccupantModel.reload

    def count_board(*args, **kwargs):
        reads["board"] += 1
        return board_rooms(*args, **kwargs)

    def count_occupants(self, *args, **kwargs):
        reads["occupants"] += 1
        return reload(self, *args, **kwargs)

    monkeypatch.setattr(main_window, "board_rooms", count_board)
    monkeypatch.setattr(OccupantModel, "reload", count_occupants)
    return reads


def test_the_window_reads_the_board_once_and_a_page_not_shown_when_it_is(qtbot, demo_context, monkeypatch):
    from views.main_window import MainWindow

    reads = counted(monkeypatch)
    demo_context.settings.setValue(f"main/page/{demo_context.user.id}", "board")
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert reads == {"board": 1, "occupants": 0}  # the board once; the occupant list is not shown yet
    window.show_page("occupants")
    assert reads["occupants"] == 1 and window.occupants.model.rows  # read once, when first shown
    window.show_page("board")
    window.reload()  # another desk changed something (the change poll): the page not shown is only marked
    assert reads == {"board": 2, "occupants": 1}
    window.show_page("occupants")
    assert reads["occupants"] == 2  # read again as it is shown
    window.reload()  # shown: it follows at once, as before
    assert reads == {"board": 3, "occupants": 3}


def test_the_start_backup_waits_for_the_window_and_a_restore_stops_it(qtbot, demo_context, tmp_path, engine):
    from views.main_window import MainWindow

    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("SQLite file backups; PostgreSQL is backed up on the server")
    demo_context.settings.setValue("backup/dir", str(tmp_path / "copies"))
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    window.back_up_soon(50)
    assert window._backup is None and window.start_backup_timer.isActive()  # nothing before the first paint
    paused = window.pause_database_use()  # a restore begins: the start's backup does not come under it
    assert not window.start_backup_timer.isActive()
    paused.resume()  # the restore failed: it comes after all
    qtbot.waitUntil(lambda: window._backup is not None and window._backup.done, timeout=10_000)
    assert window._backup.result.parent == tmp_path / "copies"


def test_run_gui_leaves_the_start_backup_until_the_window_is_painted(
    qapp, qtbot, demo_context, engine, tmp_path, monkeypatch, log_folder
):
    from views import application, shutdown
    from views.application import run_gui
    from views.login_dialog import LoginDialog
    from views.main_window import MainWindow

    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("the start as a desk PC runs it, on its SQLite file")
    user = demo_context.user
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(LoginDialog, "exec", lambda self: setattr(self, "user", user) or 1)
    calls: list[str] = []
    monkeypatch.setattr(MainWindow, "back_up", lambda self: calls.append("now"))
    monkeypatch.setattr(MainWindow, "back_up_soon", lambda self, delay_ms=0: calls.append("soon"))
    monkeypatch.setattr(MainWindow, "back_up_now", lambda self: calls.append("exit"))
    monkeypatch.setattr(shutdown.GuiSession, "run", lambda self, app, window, ctx: self._follow(window, ctx) or 0)
    monkeypatch.setattr(application, "settle_heap", lambda: calls.append("heap"))
    monkeypatch.setattr(application, "HEAP_SETTLE_MS", 0)
    assert run_gui(str(engine.url.database), settings=demo_context.settings) == 0
    assert calls[0] == "soon" and "now" not in calls  # nothing copied before the event loop paints the window
    # what the start made is set apart from the garbage collector's full passes by a timer once the window is up
    qtbot.waitUntil(lambda: "heap" in calls)
    assert calls.index("heap") > calls.index("soon")


def test_settling_the_heap_leaves_the_start_out_of_the_full_collections():
    """A full collection walked every object the start made: 20–60 ms on the GUI thread at a keystroke or a board
    reload (issue 16). Once settled, they are no longer walked; what comes later is collected as before."""
    import gc

    from views.application import settle_heap

    gc.unfreeze()
    before = gc.get_freeze_count()
    try:
        settle_heap()
        assert gc.get_freeze_count() > before
        cycle: list[object] = []
        cycle.append(cycle)  # made after: still collected
        del cycle
        assert gc.collect() >= 1
    finally:
        gc.unfreeze()
