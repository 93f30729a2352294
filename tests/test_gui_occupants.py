"""Occupants screen and barcode scanner, driven as a desk user would."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from models.db import session_factory
from models.demo import build_demo
from models.occupants import OccupantFilter, count_occupants
from models.orm import Person, Stay
from tests.conftest import TZ
from views.application import install_translators, make_app
from views.main_window import MainWindow
from views.scanner import stay_code

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)


@pytest.fixture
def window(qapp, qtbot, engine, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    build_demo(engine, rooms=60, days=10, seed=4, now=NOW)
    make_app(theme=False)
    install_translators(qapp, "zh_CN")
    w = MainWindow(engine)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def present_person(engine):
    with session_factory(engine)() as s:
        return s.execute(
            select(Stay.id, Person.name, Person.name_pinyin, Person.doc_number)
            .join(Person, Stay.person_id == Person.id)
            .where(Stay.departed_at.is_(None))
            .order_by(Stay.id)
        ).first()


def test_search_as_you_type_by_initials_and_id_tail(window, qtbot, engine):
    stay_id, name, pinyin, doc = present_person(engine)
    window.show_page("occupants")
    page = window.occupants
    initials = pinyin.split("|")[1]
    QTest.keyClicks(page.search, initials)
    qtbot.waitUntil(lambda: page.model.filter.text == initials, timeout=2000)
    names = [r.name for r in page.model.rows]
    assert name in names
    with session_factory(engine)() as s:
        assert page.model.total == count_occupants(s, OccupantFilter(text=initials))
    page.search.clear()
    QTest.keyClicks(page.search, doc[-6:])
    qtbot.waitUntil(lambda: page.model.filter.text == doc[-6:], timeout=2000)
    assert [r.stay_id for r in page.model.rows] == [stay_id]


def test_selecting_a_row_shows_masked_details_and_curve(window, qtbot, engine):
    stay_id, name, _pinyin, doc = present_person(engine)
    window.show_page("occupants")
    page = window.occupants
    assert page.select_stay(stay_id)
    html = page.details.toPlainText()
    assert name in html and doc not in html and doc[-4:] in html  # masked by default
    assert page.chart.readings  # readings drawn
    page.show_id.setChecked(True)
    assert doc in page.details.toPlainText()


def test_scanned_code_opens_the_stay_anywhere(window, qtbot, engine):
    stay_id, _name, _p, _d = present_person(engine)
    window.show_page("board")
    handle = window.windowHandle()
    for ch in stay_code(stay_id):
        QTest.keyClick(handle, ch)
    QTest.keyClick(handle, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.occupants
    current = window.occupants.table.currentIndex()
    assert window.occupants.model.row(current).stay_id == stay_id


def test_slow_typing_is_not_a_scan(window, qtbot, engine, monkeypatch):
    stay_id, *_ = present_person(engine)
    window.show_page("board")
    clock = iter(range(0, 10_000)).__next__  # one second between keys
    monkeypatch.setattr(window.scanner, "clock", lambda: float(clock()))
    opened: list[object] = []
    window.board.room_activated.disconnect(window.open_room)  # no modal room dialog in a test
    window.board.room_activated.connect(opened.append)
    model = window.board.model()
    first = next(model.index(0, c) for c in range(model.columnCount()) if model.room_at(model.index(0, c)))
    window.board.setCurrentIndex(first)
    window.board.setFocus()
    handle = window.windowHandle()
    for ch in stay_code(stay_id):
        QTest.keyClick(handle, ch)
    QTest.keyClick(handle, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is not window.occupants
    assert len(opened) == 1  # Enter went to the board, which opened the current room
