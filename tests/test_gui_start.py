"""The desktop app starts on a demo site: board, counts, Chinese text, theme."""

from datetime import datetime

import pytest
from PySide6.QtGui import QFontDatabase

from models.demo.builder import build_demo
from models.store.orm import RoomState
from resources import FONT_FAMILY
from tests.conftest import TZ
from views.application import install_translators, make_app
from views.main_window import MainWindow

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)


@pytest.fixture
def app(qapp, tmp_path, monkeypatch, app_settings):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app_settings.setValue("ui/language", "zh_CN")
    make_app(theme=True, settings=app_settings)
    return qapp


@pytest.fixture
def demo_engine(engine, clock):
    clock.set(NOW)  # the app runs at the demo's instant
    build_demo(engine, rooms=60, days=10, seed=3, now=NOW)
    return engine


def test_main_window_shows_every_room_and_counts(app, qtbot, demo_engine, app_context):
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    model = window.model
    tiles = sum(
        1
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.room_at(model.index(r, c)) is not None
    )
    assert tiles == 60
    counts = model.site_counts()
    assert sum(counts.values()) == 60 and counts[RoomState.OCCUPIED] > 0
    assert f"已入住 {counts[RoomState.OCCUPIED]}" in window.counts.text()  # the Chinese translation is loaded
    assert not window.grab().isNull()


def test_filter_by_state_shows_only_that_state(app, qtbot, demo_engine, app_context):
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.state.setCurrentIndex(window.state.findData(RoomState.AWAITING_DISINFECTION))
    model = window.model
    states = {
        model.room_at(model.index(r, c)).state
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.room_at(model.index(r, c))
    }
    assert states == {RoomState.AWAITING_DISINFECTION}


def test_filter_by_building_then_floor(app, qtbot, demo_engine, app_context):
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    assert not window.floor.isEnabled()  # no building chosen: all floors
    window.building.setCurrentIndex(1)
    building = window.building.currentData()
    assert window.floor.isEnabled() and window.floor.count() > 2
    window.floor.setCurrentIndex(2)
    floor_id = window.floor.currentData()
    model = window.model
    shown = [
        model.room_at(model.index(r, c))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.room_at(model.index(r, c))
    ]
    assert model.rowCount() == 1 and shown
    assert {(room.building_id, room.floor_id) for room in shown} == {(building, floor_id)}
    window.building.setCurrentIndex(0)  # back to all buildings: the floor choice is reset
    assert window.floor.currentData() is None and model.rowCount() > 1


def test_bundled_cjk_font_is_registered(app):
    from ui.theme import system_cjk_family

    assert FONT_FAMILY in QFontDatabase.families()
    assert app.font().families()[0] == (system_cjk_family() or FONT_FAMILY)  # the system's Chinese UI font first
    assert FONT_FAMILY in app.font().families()  # and the bundled one behind it


def test_chinese_translation_files_load(app):
    assert install_translators(app, "zh_CN")  # qtbase_zh_CN and ours
    assert app.translate("Labels", "Awaiting disinfection") == "待消毒"  # views/labels.py's context


def test_while_the_password_is_typed_the_boards_questions_are_asked_once_and_a_failure_stops_nothing(
    demo_engine, monkeypatch, caplog
):
    """views/application.py's prepare: the window's modules imported and the board read once (compiled and
    its pages in the cache), before anyone is signed in; nothing kept, and a database that fails is left to
    the window to report."""
    import logging

    from models.store.db import session_factory
    from views import application, main_window

    asked: list[int] = []
    real = main_window.board_rooms

    def counting(session, today):  # type: ignore[no-untyped-def]
        rooms = real(session, today)
        asked.append(len(rooms))
        return rooms

    monkeypatch.setattr(main_window, "board_rooms", counting)
    application._prepare_main_window(session_factory(demo_engine))
    assert asked == [60]  # every room read once

    def broken():  # type: ignore[no-untyped-def]
        raise OSError("disk I/O error")

    with caplog.at_level(logging.DEBUG, logger="isodesk"):
        application._prepare_main_window(broken)  # no exception: the login goes on
    assert "warm-up did not run" in caplog.text
