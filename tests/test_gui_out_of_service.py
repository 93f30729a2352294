"""Out of service until a date (issue 15): at its end the room comes back by itself (the main window, when it
opens and when the day turns), and the today screen lists the rooms whose period ends today or has ended
(停用到期) with a key to bring one back (F9) or to extend it."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from models.services.rooms import set_out_of_service
from models.store.db import session_factory
from models.store.orm import AuditEntry, Room, RoomState
from tests.conftest import NOW
from tests.helpers import free_rooms
from views.application import make_app
from views.main_window import MainWindow
from views.today_page import TodayPage

TODAY = NOW.date()


def out_until(engine, desk, until, since=TODAY - timedelta(days=5)):
    with session_factory(engine)() as s:
        room = free_rooms(s, 1)[0]
        set_out_of_service(s, desk, room.id, "漏水维修", since, until)
        return room.id, room.number


def room(engine, room_id):
    with session_factory(engine)() as s:
        r = s.get(Room, room_id)
        return r.state, r.oos_until


def audit(engine, action):
    with session_factory(engine)() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


@pytest.fixture
def page(qtbot, site, app_context):
    p = TodayPage(app_context)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    return p


def open_window(qtbot, app_context):
    make_app(theme=False, settings=app_context.settings)
    w = MainWindow(app_context)
    qtbot.addWidget(w)
    return w


def test_the_today_screen_lists_a_room_whose_period_ends_and_f9_brings_it_back(page, engine, desk):
    room_id, number = out_until(engine, desk, TODAY)  # today is its last day out
    out_until(engine, desk, TODAY + timedelta(days=2))  # still days to go: not listed
    page.refresh()
    lst = page.lists["oos"]
    assert page.boxes["oos"].title() == "停用到期（1）"
    assert lst.count() == 1 and number in lst.item(0).text() and TODAY.isoformat() in lst.item(0).text()
    assert "漏水维修" in lst.item(0).text()
    lst.setFocus()
    lst.setCurrentRow(0)
    QTest.keyClick(lst, Qt.Key.Key_F9)  # one key
    assert room(engine, room_id) == (RoomState.AVAILABLE, None)
    assert [e.room_id for e in audit(engine, "room.back_in_service")] == [room_id]
    assert lst.count() == 0 and page.boxes["oos"].title() == "停用到期（0）"


def test_extending_from_the_today_screen_keeps_the_room_out(page, engine, desk):
    room_id, _number = out_until(engine, desk, TODAY)
    page.refresh()
    assert page.extend_out_of_service(TODAY + timedelta(days=3))
    assert room(engine, room_id) == (RoomState.OUT_OF_SERVICE, TODAY + timedelta(days=3))
    entry = audit(engine, "room.out_of_service")[-1]
    assert (entry.before["oos_until"], entry.after["oos_until"]) == (TODAY.isoformat(), "2026-11-26")
    assert page.lists["oos"].count() == 0  # no longer ending


def test_the_window_brings_back_a_room_out_until_yesterday_when_it_opens(qtbot, engine, desk, app_context, site):
    room_id, _number = out_until(engine, desk, TODAY - timedelta(days=1))
    kept, _ = out_until(engine, desk, TODAY)
    open_window(qtbot, app_context)
    assert room(engine, room_id) == (RoomState.AVAILABLE, None)
    assert room(engine, kept)[0] is RoomState.OUT_OF_SERVICE  # out until today: still out today
    entries = audit(engine, "room.oos_ended")
    assert [(e.room_id, e.user_id) for e in entries] == [(room_id, None)]  # by the system, audited


def test_at_the_day_s_turn_the_room_comes_back(qtbot, engine, desk, app_context, site, clock):
    room_id, _number = out_until(engine, desk, TODAY)
    window = open_window(qtbot, app_context)
    assert room(engine, room_id)[0] is RoomState.OUT_OF_SERVICE
    assert not window.poll_changes()  # the same day, nothing changed: no reload, nothing written
    assert audit(engine, "room.oos_ended") == []
    clock.advance(days=1)
    assert window.poll_changes()  # the day turned
    assert room(engine, room_id) == (RoomState.AVAILABLE, None)
    assert window.model.room_by_id(room_id).state is RoomState.AVAILABLE  # the board shows it back
    assert len(audit(engine, "room.oos_ended")) == 1
