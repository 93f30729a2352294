"""Undo a departure from the occupants page (views/occupants_page.py, views/stay_actions.py), as a desk would."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from models.demo.builder import build_demo
from models.services.stays import release
from models.store.db import session_factory
from models.store.orm import DepartureKind, Role, RoomState, Stay, User
from tests.conftest import TZ
from views.application import make_app
from views.main_window import MainWindow
from views.stay_actions import StayActionDialog

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)


def make_window(qtbot, app_context):
    make_app(theme=False, settings=app_context.settings)
    w = MainWindow(app_context)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def site_with_a_release(engine, clock, desk):
    """The demo site, and one person released by mistake an hour ago."""
    clock.set(NOW)
    build_demo(engine, rooms=60, days=10, seed=4, now=NOW)
    with session_factory(engine)() as s:
        stay_id = s.scalars(select(Stay.id).where(Stay.departed_at.is_(None)).order_by(Stay.id)).first()
        release(s, desk, stay_id, override_reason="点错了人", now=NOW - timedelta(hours=1))
        room_id = s.get(Stay, stay_id).room_id
    return stay_id, room_id


def show_released(window, stay_id):
    window.show_page("occupants")
    page = window.occupants
    page.state.setCurrentIndex(page.state.findData("released"))
    assert page.select_stay(stay_id)
    return page


def test_undo_a_release_from_the_occupants_page(qtbot, engine, app_context, site_with_a_release, monkeypatch):
    stay_id, room_id = site_with_a_release
    window = make_window(qtbot, app_context)
    assert window.model.room_by_id(room_id).state is RoomState.AWAITING_DISINFECTION
    page = show_released(window, stay_id)
    assert page.undo_button.isEnabled()
    d = page.undo_dialog()
    assert isinstance(d, StayActionDialog) and d.windowTitle() == "撤销离开"
    assert not d.run() and "原因" in d.error.text()  # a reason is required; nothing done
    d.reason.setText("误点解除隔离")
    shown = []

    def exec_filled(dialog):  # the keyboard path: Ctrl+Shift+U opens it; typed reason, OK
        shown.append(dialog.windowTitle())
        dialog.reason.setText("误点解除隔离")
        return dialog.run()

    monkeypatch.setattr(StayActionDialog, "exec", exec_filled)
    page.table.setFocus()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_U, keys)
    assert shown == ["撤销离开"]
    with session_factory(engine)() as s:
        stay = s.get(Stay, stay_id)
        assert stay.departed_at is None and stay.departure_kind is None
    assert stay_id not in [r.stay_id for r in page.model.rows]  # no longer among the released
    assert page._detail.departed_at is None and not page.undo_button.isEnabled()
    assert page.action_buttons["release"].isEnabled()  # present again: the desk's actions are back
    assert window.model.room_by_id(room_id).state is RoomState.OCCUPIED  # the board
    page.state.setCurrentIndex(0)
    page.present.setChecked(True)
    assert stay_id in [r.stay_id for r in page.model.rows]  # the list of people present
    window.show_page("today")
    window.today_page.refresh()
    assert any(f.occupied for f in window.today_page.data.floors)


def test_undo_refused_with_its_reason(qtbot, engine, clock, app_context, make_app_context, site_with_a_release):
    stay_id, _room_id = site_with_a_release
    clock.set(NOW + timedelta(hours=24))  # 25 hours after the release
    window = make_window(qtbot, app_context)
    page = show_released(window, stay_id)
    assert not page.undo_button.isEnabled() and "24 小时" in page.undo_button.toolTip()
    assert page.undo_dialog() is None
    window.close()
    clock.set(NOW)
    with session_factory(engine)() as s:
        nurse = User(username="nurse", display_name="护士", role=Role.MEDICAL)
        s.add(nurse)
        s.commit()
        s.refresh(nurse)
        s.expunge(nurse)
    window = make_window(qtbot, make_app_context(nurse))
    page = show_released(window, stay_id)
    assert not page.undo_button.isEnabled() and "医学观察" not in page.undo_button.toolTip()
    assert page.undo_button.toolTip() and page.undo_dialog() is None  # a release is the desk's: said so
    with session_factory(engine)() as s:
        assert s.get(Stay, stay_id).departure_kind is DepartureKind.RELEASED
