"""Occupants screen and barcode scanner, driven as a desk user would."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from models.demo.builder import build_demo
from models.reads.occupants import OccupantFilter, count_occupants
from models.rules.identity import mask_id
from models.store.db import session_factory
from models.store.orm import AlertState, AuditEntry, DepartureKind, FeverAlert, Person, Room, Stay
from tests.conftest import TZ
from views.application import make_app
from views.main_window import MainWindow
from views.occupant_model import STAY_ID_ROLE
from views.scanner import stay_code

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)


@pytest.fixture
def window(qtbot, engine, clock, app_context):
    clock.set(NOW)  # the app runs at the demo's instant, whatever the day the tests run
    build_demo(engine, rooms=60, days=10, seed=4, now=NOW)
    make_app(theme=False, settings=app_context.settings)
    w = MainWindow(app_context)
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
        assert page.model.total == count_occupants(s, OccupantFilter(text=initials), actor=None)
    page.search.clear()
    QTest.keyClicks(page.search, doc[-4:])  # the tail the mask shows
    qtbot.waitUntil(lambda: page.model.filter.text == doc[-4:], timeout=2000)
    assert stay_id in [r.stay_id for r in page.model.rows]
    page.search.clear()
    QTest.keyClicks(page.search, doc)  # the whole ID, as a card reader types it: found, and recorded
    qtbot.waitUntil(lambda: page.model.filter.text == doc, timeout=2000)
    assert [r.stay_id for r in page.model.rows] == [stay_id]
    with session_factory(engine)() as s:
        searches = s.scalars(select(AuditEntry).where(AuditEntry.action == "person.search")).all()
    assert searches and {e.user_id for e in searches} == {window.ctx.user.id}
    assert all(doc not in e.note for e in searches) and mask_id(doc) in searches[-1].note


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
    with session_factory(engine)() as s:  # showing it in full is on the record: who and whose
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "person.reveal")).one()
        assert entry.user_id == window.actor.id and entry.person_id == page._detail.person_id


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
    seconds = iter(range(0, 10_000)).__next__  # one second between keys
    monkeypatch.setattr(window.scanner, "monotonic", lambda: float(seconds()))
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


def _stay_ids(page):
    return {r.stay_id for r in page.model.rows}


def test_releases_today_and_tomorrow_are_one_click(window, engine):
    window.show_page("occupants")
    page = window.occupants
    page.search.setText("something typed before")
    for days_ahead, button in ((0, page.due_today), (1, page.due_tomorrow)):
        button.click()
        day = page.today.toordinal() + days_ahead
        with session_factory(engine)() as s:
            expected = set(
                s.scalars(
                    select(Stay.id).where(Stay.departed_at.is_(None), Stay.planned_release == date.fromordinal(day))
                )
            )
        assert page.search.text() == ""
        assert _stay_ids(page) == expected


def test_release_date_range_and_floor_filters(window, engine):
    window.show_page("occupants")
    page = window.occupants
    page.due.setCurrentIndex(page.due.findData("range"))
    assert page.release_from.isVisible() and page.release_to.isVisible()
    start = page.today + timedelta(days=2)
    end = page.today + timedelta(days=6)
    page.release_from.setDate(QDate(start.year, start.month, start.day))
    page.release_to.setDate(QDate(end.year, end.month, end.day))
    with session_factory(engine)() as s:
        in_range = set(
            s.scalars(
                select(Stay.id).where(
                    Stay.departed_at.is_(None), Stay.planned_release >= start, Stay.planned_release <= end
                )
            )
        )
    assert in_range and _stay_ids(page) == in_range
    floor_row = next(i for i in range(page.building.count()) if (page.building.itemData(i) or ("",))[0] == "floor")
    page.building.setCurrentIndex(floor_row)
    floor_id = page.building.currentData()[1]
    with session_factory(engine)() as s:
        on_floor = set(s.scalars(select(Stay.id).join(Room, Stay.room_id == Room.id).where(Room.floor_id == floor_id)))
    assert _stay_ids(page) == in_range & on_floor


def test_another_desks_change_shows_within_seconds(window, engine):
    from models.services.observations import record_reading
    from models.store.orm import Slot
    from views.main_window import POLL_MS

    assert POLL_MS <= 5000
    stay_id, *_ = present_person(engine)
    window.show_page("occupants")
    assert window.occupants.select_stay(stay_id)
    assert not window.poll_changes()  # nothing changed: no reload
    with session_factory(engine)() as s:  # another desk, same database
        stay = s.get(Stay, stay_id)
        room_id = stay.room_id
        record_reading(s, None, stay_id, window.model.today, Slot.EVENING, temperature="38.6")
    assert window.poll_changes()
    assert window.model.room_by_id(room_id).fever  # the board shows the new fever
    assert window.occupants.table.currentIndex().data(STAY_ID_ROLE) == stay_id  # selection kept


def test_filter_by_state(window, engine):
    window.show_page("occupants")
    page = window.occupants
    page.state.setCurrentIndex(page.state.findData("released"))
    assert not page.present.isChecked()
    with session_factory(engine)() as s:
        released = set(s.scalars(select(Stay.id).where(Stay.departure_kind == DepartureKind.RELEASED)))
    assert released and _stay_ids(page) == released
    page.state.setCurrentIndex(page.state.findData("fever"))
    with session_factory(engine)() as s:
        fever = set(
            s.scalars(
                select(FeverAlert.stay_id)
                .join(Stay, FeverAlert.stay_id == Stay.id)
                .where(FeverAlert.state == AlertState.OPEN, Stay.departed_at.is_(None))
            )
        )
    assert _stay_ids(page) == fever


def test_arrived_today_then_down_and_enter_from_the_search_box(window, engine, session, desk, make_arrival):
    from models.services.arrivals import register_arrival
    from tests.helpers import free_rooms

    room = free_rooms(session, 1)[0]
    arrival = make_arrival(name="甄今到", arrived_at=NOW - timedelta(hours=14))  # 01:00 in Shanghai: the UTC day before
    newcomer = register_arrival(session, desk, arrival, room.id, now=NOW).id
    window.reload()
    window.show_page("occupants")
    page = window.occupants
    page.state.setCurrentIndex(page.state.findText("今日入住"))
    assert page.present.isChecked() and page.model.filter.arrived_on == page.today == NOW.date()
    with session_factory(engine)() as s:
        today = set(s.scalars(select(Stay.id).where(Stay.arrival_day == NOW.date(), Stay.departed_at.is_(None))))
    assert newcomer in today and _stay_ids(page) == today
    page.state.setCurrentIndex(0)
    assert page.model.filter.arrived_on is None and len(_stay_ids(page)) > len(today)

    page.search.setText("甄今")  # typed: the search runs at the pause in typing, or at once on Down / Enter
    QTest.keyClick(page.search, Qt.Key.Key_Down)
    assert window.focusWidget() is page.table  # Down: into the results, on the first row
    assert page.table.currentIndex().row() == 0 and page._detail.stay_id == newcomer
    page.table.clearSelection()
    page.table.setCurrentIndex(page.model.index(-1, -1))
    page.search.setFocus()
    page.search.setText("甄今到")
    QTest.keyClick(page.search, Qt.Key.Key_Return)  # one person found: Enter chooses them, as a click would
    assert window.focusWidget() is page.table
    assert page.table.currentIndex().data(STAY_ID_ROLE) == newcomer and "甄今到" in page.details.toPlainText()


def test_a_broad_key_shows_its_first_rows_and_asks_for_more_letters(window, qtbot, engine, monkeypatch):
    """Past SEARCH_CAP matches the list stops early: no further pages are read, and the count line says so."""
    import views.occupant_model
    import views.occupants_page
    from models.reads import occupants

    for module in (occupants, views.occupant_model, views.occupants_page):
        monkeypatch.setattr(module, "SEARCH_CAP", 2)
    window.show_page("occupants")
    page = window.occupants
    page.search.setText("1")  # a room number's start: three people on the demo's first floor
    qtbot.waitUntil(lambda: page.model.filter.text == "1", timeout=2000)
    assert page.model.broad and page.model.rows and not page.model.canFetchMore()
    assert "2" in page.count.text() and page.count.text() != page.tr("%n people", "", page.model.total)
    narrow = page.model.rows[0].room
    page.search.setText(narrow)
    qtbot.waitUntil(lambda: page.model.filter.text == narrow, timeout=2000)
    assert not page.model.broad and page.model.total == len(page.model.rows)
