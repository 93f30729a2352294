"""The room dialog: history, and only the actions the room's state allows; refusals show, nothing saved."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from models.reads.board import board_rooms
from models.services.arrivals import register_arrival
from models.services.stays import transfer
from models.store.db import session_factory
from models.store.orm import DepartureKind, Room, RoomState
from tests.conftest import NOW
from tests.helpers import free_rooms
from views.room_dialog import RoomDialog


@pytest.fixture
def make_dialog(qtbot, session, make_app_context):
    def make(room_id, actor):
        session.rollback()  # end the test session's read snapshot: see what the dialogs committed
        room = next(r for r in board_rooms(session, NOW.date()) if r.room_id == room_id)
        d = RoomDialog(make_app_context(actor), room)
        qtbot.addWidget(d)
        return d

    return make


def state(engine, room_id):
    with session_factory(engine)() as s:
        return s.scalar(select(Room.state).where(Room.id == room_id))


def test_disinfection_recorded_from_the_room(make_dialog, engine, session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0]
    stay = register_arrival(session, desk, make_arrival(), room.id, now=NOW)
    transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW)
    d = make_dialog(room.id, desk)
    assert not d.disinfection_box.isHidden() and d.back_button.isHidden() and d.check_in_button.isHidden()
    assert any("离开" in d.history.item(i).text() for i in range(d.history.count()))
    assert not d.disinfect()  # done-by and checked-by missing
    assert "执行人" in d.error.text() and state(engine, room.id) is RoomState.AWAITING_DISINFECTION
    d.done_by.setText("赵师傅")
    d.checked_by.setText("孙医生")
    assert d.disinfect()
    assert state(engine, room.id) is RoomState.AVAILABLE


def test_out_of_service_and_back(make_dialog, engine, session, site, desk):
    room = free_rooms(session, 1)[0]
    d = make_dialog(room.id, desk)
    assert d.disinfection_box.isHidden() and not d.service_box.isHidden() and not d.check_in_button.isHidden()
    assert d.oos_until.day() == NOW.date() + timedelta(days=7)  # a week from the site's today
    assert not d.take_out()  # no reason
    assert "原因" in d.error.text()
    d.oos_reason.setText("空调维修")
    d.oos_until_known.setChecked(True)
    d.oos_until.edit.setText("明天见")  # no date: said once, nothing done
    assert not d.take_out() and d.error.text() and state(engine, room.id) is RoomState.AVAILABLE
    d.oos_until.edit.setText("12月1日")  # as people write it
    assert d.take_out()
    assert state(engine, room.id) is RoomState.OUT_OF_SERVICE
    with session_factory(engine)() as s:
        assert s.get(Room, room.id).oos_until == date(2026, 12, 1)
    d2 = make_dialog(room.id, desk)
    assert not d2.back_button.isHidden()
    assert d2.bring_back()
    assert state(engine, room.id) is RoomState.AVAILABLE


def test_a_room_changed_by_another_desk_meanwhile_is_refused(make_dialog, engine, session, site, desk):
    from models.services.rooms import back_in_service, set_out_of_service

    room = free_rooms(session, 1)[0]
    set_out_of_service(session, desk, room.id, "空调维修", NOW.date())
    d = make_dialog(room.id, desk)  # this desk opens the room...
    with session_factory(engine)() as other:  # ...another desk brings it back and takes it out again
        back_in_service(other, desk, room.id)
        set_out_of_service(other, desk, room.id, "水管漏水", NOW.date())
    assert not d.bring_back()
    assert "他人修改" in d.error.text()
    with session_factory(engine)() as s:
        assert s.get(Room, room.id).oos_reason == "水管漏水"  # theirs stands


def test_after_a_room_change_each_room_shows_the_person_for_their_time_there(
    qtbot, make_dialog, make_app_context, session, site, desk, make_arrival
):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from views.stay_actions import room_change_dialog

    old = free_rooms(session, 1)[0]
    stay = register_arrival(session, desk, make_arrival(arrived_at=NOW - timedelta(days=2)), old.id, now=NOW)
    name = stay.person.name
    move = room_change_dialog(make_app_context(desk), stay.id)  # the occupant page's Change room…
    qtbot.addWidget(move)
    move.show()
    qtbot.waitExposed(move)
    target = move.rooms.itemText(move.rooms.currentIndex())
    move.reason.insert("空调故障")  # typed through the input method
    QTest.keyClick(move.reason, Qt.Key.Key_Return)
    assert move.result() == move.DialogCode.Accepted
    session.rollback()
    new_id = session.scalar(select(Room.id).where(Room.number == target, Room.floor_id == old.floor_id)) or next(
        r.room_id for r in board_rooms(session, NOW.date()) if r.number == target
    )
    old_lines = [make_dialog(old.id, desk).history.item(i).text() for i in range(2)]
    assert old_lines[0].endswith(f"{name} 调至 {target} 房间") and old_lines[1].endswith(f"{name} 入住")
    new_dialog = make_dialog(new_id, desk)
    new_lines = [new_dialog.history.item(i).text() for i in range(new_dialog.history.count())]
    assert new_lines == [f"{NOW.date()}  {name} 由 {old.number} 房间调入"]  # from the move, not from arrival
