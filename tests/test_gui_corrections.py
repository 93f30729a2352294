"""Corrections and an unscheduled swab by keyboard, as medical staff and the desk would: the swab page's
"Add unscheduled swab…" and "Correct result…", the room dialog's "Correct the last disinfection…"."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from models.services.arrivals import register_arrival
from models.services.rooms import record_disinfection
from models.services.stays import depart_other
from models.services.swabs import mark_sampled, record_result
from models.store.db import session_factory
from models.store.orm import AuditEntry, Role, RoomEvent, SwabResult, SwabTest, User
from tests.conftest import NOW, local
from tests.helpers import free_rooms
from views.application import make_app
from views.main_window import MainWindow
from views.room_dialog import RoomDialog
from views.stay_actions import StayActionDialog
from views.swab_dialogs import SwabActionDialog

ARRIVED = local(2026, 11, 20, 14)  # 第九版 inbound: NOW (23 Nov) is day 4, no swab planned; day 3 was 22 Nov


@pytest.fixture
def doctor(session):
    user = User(username="doc", display_name="医生", role=Role.MEDICAL)
    session.add(user)
    session.commit()
    return user


@pytest.fixture
def stay(session, site, desk, make_arrival):
    return register_arrival(session, desk, make_arrival(arrived_at=ARRIVED), free_rooms(session, 1)[0].id, now=ARRIVED)


def window_for(qtbot, ctx):
    make_app(theme=False, settings=ctx.settings)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def typed(monkeypatch, cls, fill):
    """The dialog's exec, as a person at the keyboard: ``fill(dialog)`` types (Chinese as an input method
    inserts it: QTest cannot send it as keys), then Enter (OK)."""
    seen = []

    def exec_typed(dialog):
        dialog.show()
        seen.append(dialog)
        fill(dialog)
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(cls, "exec", exec_typed)
    return seen


def press(button):
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)


def swab_page_on(window, day):
    window.show_page("swabs")
    page = window.swabs_page
    page.day.setDate(day)
    return page


def test_medical_adds_an_unscheduled_swab_that_shows_on_the_list_and_today(
    qtbot, engine, stay, doctor, make_app_context, monkeypatch
):
    window = window_for(qtbot, make_app_context(doctor))
    page = swab_page_on(window, date(2026, 11, 23))
    assert page.rows == []

    def fill(d):
        assert d.person.currentData() == stay.id  # the only person present
        d.reason.setFocus()
        d.reason.insert("咽痛")

    seen = typed(monkeypatch, SwabActionDialog, fill)
    press(page.unscheduled_button)
    assert [d.windowTitle() for d in seen] == ["添加计划外核酸"]
    assert [(r.stay_id, r.unscheduled) for r in page.rows] == [(stay.id, True)]
    assert page.table.item(0, 2).text() == "第 4 天 · 计划外：咽痛"
    window.show_page("today")
    assert window.today_page.data.swabs_due == 1
    with session_factory(engine)() as s:
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.action == "swab.add")).all() == ["swab.add"]
    # the same day again: refused in the dialog, said, nothing added
    seen = typed(monkeypatch, SwabActionDialog, lambda d: d.reason.insert("再测"))
    window.show_page("swabs")
    press(page.unscheduled_button)
    assert "已有核酸检测" in seen[0].error.text() and len(page.rows) == 1


def test_the_desk_is_told_why_it_may_not_add_or_correct(qtbot, stay, make_app_context, session):
    clerk = User(username="clerk", display_name="前台", role=Role.DESK)
    session.add(clerk)
    session.commit()
    window = window_for(qtbot, make_app_context(clerk))
    page = swab_page_on(window, date(2026, 11, 23))
    for button in (page.unscheduled_button, page.correct_button):
        assert not button.isEnabled() and "无权" in button.toolTip()


@pytest.fixture
def negative(session, desk, stay):
    """The day-3 swab (22 Nov), recorded negative."""
    swab = session.scalars(select(SwabTest).where(SwabTest.stay_id == stay.id, SwabTest.planned_day == 3)).one()
    mark_sampled(session, desk, swab.id, by="采样组", at=local(2026, 11, 22, 9))
    record_result(session, desk, swab.id, SwabResult.NEGATIVE, at=local(2026, 11, 22, 20))
    return swab.id


def test_a_negative_corrected_to_positive_asks_first_then_guides(
    qtbot, engine, stay, doctor, negative, make_app_context, monkeypatch
):
    window = window_for(qtbot, make_app_context(doctor))
    page = swab_page_on(window, date(2026, 11, 22))
    asked = []
    answers = iter([False, True])
    monkeypatch.setattr(page, "ask", lambda title, text: asked.append(text) or next(answers))

    errors = []

    def exec_twice(d):  # Enter, answered No: nothing done, the dialog stays; Enter again, answered Yes
        d.show()
        d.new_result.setCurrentIndex(d.new_result.findData("positive"))
        d.reason.insert("录入时选错")
        QTest.keyClick(d.focusWidget() or d, Qt.Key.Key_Return)
        errors.append((d.isVisible(), d.error.text()))
        QTest.keyClick(d.focusWidget() or d, Qt.Key.Key_Return)
        return d.result()

    monkeypatch.setattr(SwabActionDialog, "exec", exec_twice)
    page.table.selectRow(0)
    press(page.correct_button)
    assert "阳性" in asked[0] and stay.person.name in asked[0] and len(asked) == 2
    assert errors == [(True, "未录入任何结果")]
    assert page.positive_box.isVisible()  # then the guided path, as after recording a positive
    with session_factory(engine)() as s:
        swab = s.get(SwabTest, negative)
        assert swab.result is SwabResult.POSITIVE
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "swab.correct")).one()
        assert (entry.before["result"], entry.after["result"], entry.note) == ("negative", "positive", "录入时选错")


def test_correct_result_needs_a_swab_with_a_result(qtbot, stay, doctor, make_app_context):
    window = window_for(qtbot, make_app_context(doctor))
    page = swab_page_on(window, date(2026, 11, 24))  # day 5: planned, not taken
    page.table.selectRow(0)
    assert page.correct_selected() is None and "请选择" in page.message.text()


def test_the_desk_corrects_the_last_disinfection_from_the_room_dialog(
    qtbot, engine, session, desk, stay, app_context, monkeypatch
):
    depart_other(session, desk, stay.id, "自行离开", now=NOW)
    record_disinfection(session, desk, stay.room_id, agent="含氯消毒剂", done_by="王五", checked_by="赵六")
    window = window_for(qtbot, app_context)
    room = window.model.room_by_id(stay.room_id)
    dialog = RoomDialog(app_context, room, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.correct_disinfection_button.isVisible()

    def fill(d):
        assert d.windowTitle() == "更正最近一次消毒记录" and d.checked_by.text() == "赵六"
        d.concentration.setFocus()
        QTest.keyClicks(d.concentration, "1000 mg/L")
        d.reason.setFocus()
        d.reason.insert("漏填浓度")

    typed(monkeypatch, StayActionDialog, fill)
    press(dialog.correct_disinfection_button)
    assert dialog.changed and not dialog.isVisible()
    with session_factory(engine)() as s:
        event = s.scalars(
            select(RoomEvent).where(RoomEvent.room_id == stay.room_id, RoomEvent.agent.is_not(None))
        ).one()
        assert event.concentration == "1000 mg/L"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "room.disinfection_correct")).one()
        assert (entry.before["concentration"], entry.after["concentration"]) == ("", "1000 mg/L")
    QApplication.processEvents()
