"""The single-arrival dialog, typed as a desk user would; bad input shows a message and saves nothing."""

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from models.demo import synthetic
from models.services.arrivals import register_arrival
from models.store.db import session_factory
from models.store.orm import AuditEntry, CompanionReason, Room, RoomState, Stay, User
from tests.conftest import NOW
from views.arrival_dialog import ArrivalDialog


@pytest.fixture
def dialog(qtbot, app_context, site):
    d = ArrivalDialog(app_context)
    qtbot.addWidget(d)
    return d


def ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def counts(engine):
    with session_factory(engine)() as s:
        return s.scalar(select(func.count()).select_from(Stay)), s.scalar(select(func.count()).select_from(AuditEntry))


def test_typing_an_id_fills_sex_and_suggests_a_room(dialog, engine, qtbot):
    p = synthetic.person(random.Random(9), NOW.date(), min_age=30)
    dialog.name.setText(str(p["name"]))  # Chinese comes through an input method, not key clicks
    QTest.keyClicks(dialog.doc_number, p["doc_number"])
    assert "✓" in dialog.id_info.text() and p["birth_date"].isoformat() in dialog.id_info.text()
    assert dialog.sex.currentData() == p["sex"].value
    assert "单人单间" in dialog.reason.text()
    QTest.keyClicks(dialog.phone, p["phone"])
    room_id = dialog.room.currentData()
    assert dialog.arrived.text() == "2026-11-23 10:00"  # pre-filled: the site's wall clock (NOW), not the PC's
    QTest.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    with session_factory(engine)() as s:
        stay = s.scalars(select(Stay)).one()
        assert stay.arrived_at == NOW  # read back in the site's time zone
        assert (stay.person.name, stay.room_id) == (p["name"], room_id)
        assert s.get(Room, room_id).state is RoomState.OCCUPIED
        assert stay.person.phone == p["phone"]


def test_bad_id_is_explained_and_nothing_saved(dialog, engine, qtbot):
    before = counts(engine)
    dialog.name.setText("张三")
    QTest.keyClicks(dialog.doc_number, "11010519491231003X")
    assert "校验位" in dialog.id_info.text()
    QTest.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "校验位" in dialog.error.text()
    assert counts(engine) == before


def test_bad_phone_refused_in_chinese(dialog, engine, qtbot):
    p = synthetic.person(random.Random(10), NOW.date(), min_age=30)
    dialog.name.setText(str(p["name"]))  # Chinese comes through an input method, not key clicks
    QTest.keyClicks(dialog.doc_number, p["doc_number"])
    QTest.keyClicks(dialog.phone, "1234")
    QTest.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert "手机号码无效" in dialog.error.text()
    assert counts(engine)[0] == 0


def test_an_arrival_typed_for_tomorrow_is_refused_not_moved_to_now(dialog, engine, qtbot):
    from PySide6.QtCore import QDate

    p = synthetic.person(random.Random(12), NOW.date(), min_age=30)
    dialog.name.setText(str(p["name"]))
    QTest.keyClicks(dialog.doc_number, p["doc_number"])
    before = counts(engine)
    dialog.arrived.setDate(QDate(2026, 11, 24))  # tomorrow, 10:00 on the site's wall clock
    QTest.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() != dialog.DialogCode.Accepted  # the dialog stays open with the domain's refusal
    assert dialog.error.text() == "入住时间不能晚于现在"
    assert counts(engine) == before  # nothing saved (it used to be saved as arriving "now")


def test_acting_user_is_recorded(dialog, engine, desk):
    p = synthetic.person(random.Random(11), NOW.date(), min_age=30)
    dialog.name.setText(str(p["name"]))
    dialog.doc_number.setText(str(p["doc_number"]))
    dialog.confirm()
    with session_factory(engine)() as s:
        users = set(s.scalars(select(AuditEntry.user_id).where(AuditEntry.action == "stay.check_in")))
        assert users == {s.scalar(select(User.id).where(User.username == "desk1"))}


def test_child_joins_a_parent_in_a_double_room(qtbot, engine, site, desk, make_arrival, app_context):
    sessions = session_factory(engine)
    with sessions() as s:
        double = s.scalars(select(Room).where(Room.beds == 2).order_by(Room.id)).first()
        parent = register_arrival(s, desk, make_arrival(), double.id, now=NOW)
        parent_id, double_id = parent.id, double.id
    d = ArrivalDialog(app_context)
    qtbot.addWidget(d)
    assert not d.companion_reason.isEnabled()  # alone by default
    child = synthetic.person(random.Random(5), NOW.date(), min_age=3, max_age=10)
    d.name.setText(str(child["name"]))
    QTest.keyClicks(d.doc_number, child["doc_number"])
    offered = {d.companion.itemData(i)[0]: i for i in range(1, d.companion.count())}
    d.companion.setCurrentIndex(offered[parent_id])
    assert d.companion.currentIndex() > 0 and not d.room.isEnabled()
    assert d.room.currentData() == double_id and "同住" in d.reason.text()
    assert d.companion_reason.currentData() == CompanionReason.CHILD.value  # preset from the ID's age
    QTest.mouseClick(ok(d), Qt.MouseButton.LeftButton)
    assert d.result() == d.DialogCode.Accepted, d.error.text()
    with sessions() as s:
        stay = s.scalars(select(Stay).where(Stay.id != parent_id)).one()
        assert (stay.room_id, stay.shares_with_id, stay.companion_reason) == (
            double_id,
            parent_id,
            CompanionReason.CHILD,
        )


def test_a_full_single_room_is_not_offered_as_a_companion(qtbot, engine, site, desk, make_arrival, app_context):
    sessions = session_factory(engine)
    with sessions() as s:
        single = s.scalars(select(Room).where(Room.beds == 1).order_by(Room.id)).first()
        lone = register_arrival(s, desk, make_arrival(), single.id, now=NOW)
        lone_id = lone.id
    d = ArrivalDialog(app_context)
    qtbot.addWidget(d)
    offered = [d.companion.itemData(i)[0] for i in range(1, d.companion.count())]
    assert lone_id not in offered
