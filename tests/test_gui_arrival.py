"""The single-arrival dialog, typed as a desk user would; bad input shows a message and saves nothing."""

import random
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from models.demo import synthetic
from models.services.arrivals import register_arrival
from models.store.db import session_factory
from models.store.orm import AuditEntry, CompanionReason, Room, RoomState, Stay, User
from tests.conftest import NOW, TZ
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


# --- dates as typed, and the room typed ----------------------------------------------------------------


def retype(field, text):
    """What Tab into a filled field does: all selected, the typing replaces it."""
    field.edit.selectAll()
    QTest.keyClicks(field.edit, text)


def test_an_exposure_typed_the_natural_way_is_understood_not_scrambled(dialog, qtbot):
    from PySide6.QtCore import QDate

    QTest.mouseClick(dialog.has_exposure, Qt.MouseButton.LeftButton)
    retype(dialog.exposure, "2026-11-29")  # used to become 2026-12-11 02:25
    assert dialog.exposure.text() == "2026-11-29"
    assert dialog.exposure.understood.text() == "= 2026-11-29 00:00 (周日)"
    assert dialog.exposure.value() == datetime(2026, 11, 29, 0, 0, tzinfo=TZ)
    for typed, understood in (
        ("2026/11/20 8:05", "= 2026-11-20 08:05 (周五)"),
        ("20261120", "= 2026-11-20 00:00 (周五)"),
        ("11-20 8:30", "= 2026-11-20 08:30 (周五)"),
        ("11.20", "= 2026-11-20 00:00 (周五)"),
        ("yesterday 20:00", "= 2026-11-22 20:00 (周日)"),
    ):
        retype(dialog.exposure, typed)
        assert dialog.exposure.understood.text() == understood, typed
    dialog.arrived.setDate(QDate(2026, 11, 22))  # the day changes, the time stays
    assert dialog.arrived.text() == "2026-11-22 10:00"


def test_typed_dates_are_saved_as_understood(dialog, engine, qtbot):
    p = synthetic.person(random.Random(13), NOW.date(), min_age=30)
    dialog.name.setText(str(p["name"]))
    QTest.keyClicks(dialog.doc_number, p["doc_number"])
    QTest.mouseClick(dialog.has_exposure, Qt.MouseButton.LeftButton)
    retype(dialog.exposure, "11-20 8:30")
    retype(dialog.arrived, "2026-11-23 9:15")
    QTest.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    with session_factory(engine)() as s:
        stay = s.scalars(select(Stay)).one()
        assert stay.last_exposure == datetime(2026, 11, 20, 8, 30, tzinfo=TZ)
        assert stay.arrived_at == datetime(2026, 11, 23, 9, 15, tzinfo=TZ)


def test_a_date_that_is_none_is_explained_and_nothing_saved(dialog, engine, qtbot):
    p = synthetic.person(random.Random(14), NOW.date(), min_age=30)
    dialog.name.setText(str(p["name"]))
    QTest.keyClicks(dialog.doc_number, p["doc_number"])
    retype(dialog.arrived, "2026-13-01")
    assert "没有这一天" in dialog.arrived.understood.text()
    before = counts(engine)
    QTest.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "没有这一天" in dialog.error.text()
    assert counts(engine) == before


def test_a_day_field_takes_a_day_alone(qtbot, app_context, site):
    from views.date_field import DateField

    field = DateField(app_context, with_time=False)
    qtbot.addWidget(field)
    assert field.text() == "2026-11-23"  # today at the site
    retype(field, "20261129")
    assert field.day() == date(2026, 11, 29) and field.understood.text() == "= 2026-11-29 (周日)"
    retype(field, "2026-11-29 20:00")
    assert "只填日期" in field.understood.text()


@pytest.fixture
def rooms_111_and_1110(session, desk):
    from models.services.sites import FloorSpec, create_site, room_numbers

    floors = [FloorSpec("A栋", 1, room_numbers(1, 1, 11)), FloorSpec("A栋", 11, room_numbers(11, 1, 10))]
    return create_site(session, desk, "测试隔离点", floors, rule_set_name="第九版")


def test_typing_111_chooses_room_111_not_1110(qtbot, app_context, rooms_111_and_1110):
    d = ArrivalDialog(app_context)
    qtbot.addWidget(d)
    numbers = [d.room.itemText(i) for i in range(d.room.count())]
    assert "111" in numbers and "1110" in numbers
    d.room.setCurrentIndex(d.room.findText("1101"))  # e.g. suggested: Qt's prefix search went on to 1110
    QTest.keyClicks(d.room, "111")
    assert d.room.currentText() == "111"
    assert d.room_shown.text() == "房间 111"
    d.room_shown.ensurePolished()  # the style sheet's font, as shown (the theme's font rules override setFont)
    shown, typed = QFontInfo(d.room_shown.font()), QFontInfo(d.room.font())
    assert shown.bold() and shown.pixelSize() > 1.5 * typed.pixelSize()
    QTest.keyClicks(d.room, "0")
    assert d.room.currentText() == "1110"
    QTest.keyClick(d.room, Qt.Key.Key_Backspace)
    assert d.room.currentText() == "111"


def test_a_room_number_that_is_no_free_room_chooses_none(qtbot, engine, app_context, rooms_111_and_1110):
    d = ArrivalDialog(app_context)
    qtbot.addWidget(d)
    p = synthetic.person(random.Random(15), NOW.date(), min_age=30)
    d.name.setText(str(p["name"]))
    QTest.keyClicks(d.doc_number, p["doc_number"])
    QTest.keyClicks(d.room, "99")
    assert d.room.currentData() is None and d.room_shown.text() == "没有 99 号空闲房间"
    QTest.mouseClick(ok(d), Qt.MouseButton.LeftButton)
    assert d.result() != d.DialogCode.Accepted and "99" in d.error.text()
    assert counts(engine)[0] == 0


def test_a_fixed_id_clears_its_old_error(dialog, engine, qtbot):
    p = synthetic.person(random.Random(21), NOW.date(), min_age=30)
    dialog.name.setText(str(p["name"]))
    wrong = p["doc_number"][:-1] + ("0" if p["doc_number"][-1] != "0" else "1")
    QTest.keyClicks(dialog.doc_number, wrong)
    QTest.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert "校验位" in dialog.error.text()
    dialog.doc_number.setFocus()
    QTest.keyClick(dialog.doc_number, Qt.Key.Key_Backspace)  # the desk corrects the last character
    QTest.keyClicks(dialog.doc_number, p["doc_number"][-1])
    assert "✓" in dialog.id_info.text()
    assert dialog.error.text() == ""  # no stale "check character is wrong" beside a good number
    QTest.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_esc_on_a_half_filled_form_asks_before_discarding(dialog, engine, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(title)
            return reply

        return staticmethod(question)

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    dialog.show()
    dialog.name.setText("王五")
    QTest.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert asked == ["放弃本次登记？"] and dialog.isVisible()  # No: the form stays as it was
    assert dialog.name.text() == "王五"
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    QTest.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected
    assert counts(engine)[0] == 0


def test_esc_on_an_empty_form_closes_without_asking(qtbot, app_context, site):
    d = ArrivalDialog(app_context)  # a modal question here would fail the test (no_modal_dialogs)
    qtbot.addWidget(d)
    d.show()
    QTest.keyClick(d.name, Qt.Key.Key_Escape)
    assert not d.isVisible()


def test_the_emergency_contact_is_saved(dialog, engine, qtbot):
    p = synthetic.person(random.Random(22), NOW.date(), min_age=30)
    dialog.name.setText(str(p["name"]))
    QTest.keyClicks(dialog.doc_number, p["doc_number"])
    dialog.emergency_contact.setText("李华（配偶）")
    QTest.keyClicks(dialog.emergency_phone, "13912345678")
    QTest.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    with session_factory(engine)() as s:
        person = s.scalars(select(Stay)).one().person
        assert (person.emergency_contact, person.emergency_phone) == ("李华（配偶）", "13912345678")


def test_the_group_typed_reaches_the_suggestion(dialog, qtbot):
    assert "同组" not in dialog.reason.text()
    dialog.group.setFocus()
    QTest.keyClicks(dialog.group, "CA123")
    dialog.group.editingFinished.emit()  # leaving the field: a new suggestion
    assert "同组（CA123）安排在同一楼层" in dialog.reason.text()
    dialog.group.clear()
    dialog.group.editingFinished.emit()
    assert "同组" not in dialog.reason.text() and "单人单间" in dialog.reason.text()
