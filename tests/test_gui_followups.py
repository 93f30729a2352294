"""The follow-up calls on the Today screen, in Chinese and with the keyboard: the calls due, F7 to record one,
the number shown through the audited reveal, an abnormal answer listed for the site lead, closed with what
was done; a desk records calls but does not close alerts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from models.services.arrivals import register_arrival
from models.services.communities import Handover, add_community
from models.services.stays import release
from models.store.orm import AuditEntry, FollowUp, Role, User
from tests.conftest import local
from tests.helpers import free_rooms
from views.followups_dialog import CallDialog, FollowUpAlertDialog
from views.today_page import TodayPage

ARRIVED = local(2026, 11, 16, 14)
RELEASED = local(2026, 11, 23, 9, 30)


@pytest.fixture
def released(session, site, desk, make_arrival, clock):
    community = add_community(session, desk, "三里庵街道", "安居苑社区")
    [room] = free_rooms(session, 1)
    stay = register_arrival(session, desk, make_arrival(arrived_at=ARRIVED, name="张三"), room.id, now=ARRIVED)
    release(session, desk, stay.id, override_reason="测试", now=RELEASED, handover=Handover("", community.id))
    clock.set(local(2026, 11, 23, 15))
    return stay


def test_a_call_is_recorded_from_the_today_screen_and_an_abnormal_one_listed(
    qtbot, app_context, session, released, monkeypatch
):
    page = TodayPage(app_context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    assert page.boxes["followups"].title() == "待回访（1，逾期 0）"
    line = page.lists["followups"].item(0).text()
    assert "张三" in line and "三里庵街道 安居苑社区" in line and "居家第 1 天" in line
    assert page.lists["followups"].item(0).toolTip() == line  # the whole line, where the box cuts it
    page.lists["followups"].setFocus()
    page.lists["followups"].setCurrentRow(0)
    opened = []
    monkeypatch.setattr(CallDialog, "open", lambda self: opened.append(self))  # noqa: PLW0108 (bound: self)
    QTest.keyClick(page.lists["followups"], Qt.Key.Key_Return)  # Enter on the line opens the call
    assert page.call_action.shortcut().toString() == "F7"  # (as F7 does, from anywhere in the list)
    [dialog] = opened
    qtbot.addWidget(dialog)
    assert "****" in dialog.phone.text()
    shown = dialog.reveal()
    assert len(shown) == 11 and dialog.phone.text() == shown
    assert session.scalar(select(AuditEntry.action).where(AuditEntry.action == "person.reveal"))
    qtbot.keyClicks(dialog.temperature, "37.8")
    dialog.symptoms["dry_cough"].setChecked(True)
    assert dialog.save() and dialog.abnormal
    page.load_followups()
    assert page.lists["followups"].count() == 0
    assert page.boxes["followup_alerts"].title() == "回访异常（1）"
    assert "张三" in page.lists["followup_alerts"].item(0).text()


def test_nobody_answers_the_call_stays_due_and_says_it_was_tried(qtbot, app_context, session, released):
    page = TodayPage(app_context)
    qtbot.addWidget(page)
    page.refresh()
    dialog = CallDialog(app_context, page.calls[0])
    qtbot.addWidget(dialog)
    dialog.reached.setChecked(False)
    assert not dialog.temperature.isEnabled() and not dialog.home_test.isEnabled()
    dialog.note.setText("无人接听")
    assert dialog.save()
    page.load_followups()
    assert "已拨打 1 次" in page.lists["followups"].item(0).text()
    assert session.scalars(select(FollowUp)).one().reached is False


def test_bad_input_is_said_once_in_chinese_and_nothing_is_saved(qtbot, app_context, session, released):
    page = TodayPage(app_context)
    qtbot.addWidget(page)
    page.refresh()
    dialog = CallDialog(app_context, page.calls[0])
    qtbot.addWidget(dialog)
    dialog.temperature.setText("45")
    assert not dialog.save() and "体温" in dialog.error.text() and "Traceback" not in dialog.error.text()
    assert session.scalars(select(FollowUp)).all() == []


def test_the_alert_is_closed_by_the_site_lead_and_not_by_a_desk(
    qtbot, app_context, make_app_context, session, desk, released
):
    from models.services.followups import CallAnswer, record_call

    record_call(session, desk, released.id, 1, CallAnswer(True, "38.2"), now=local(2026, 11, 23, 12))
    clerk = User(username="clerk", role=Role.DESK)
    session.add(clerk)
    session.commit()
    desk_page = TodayPage(make_app_context(clerk))
    qtbot.addWidget(desk_page)
    desk_page.refresh()
    assert not desk_page.followup_alert_button.isEnabled() and desk_page.call_button.isEnabled()
    assert desk_page.close_followup_alert() is None
    page = TodayPage(app_context)
    qtbot.addWidget(page)
    page.refresh()
    dialog = FollowUpAlertDialog(app_context, page.followup_alerts[0])
    qtbot.addWidget(dialog)
    assert not dialog.save() and "处置" in dialog.error.text()  # what was done is required
    dialog.note.setText("已报告社区")
    assert dialog.save()
    page.load_followups()
    assert page.lists["followup_alerts"].count() == 0


def test_the_site_lead_sets_the_call_days_in_the_settings(qtbot, app_context, session, site):
    from models.store.orm import Site
    from views.settings_page import SettingsPage

    page = SettingsPage(app_context, "sqlite")
    qtbot.addWidget(page)
    assert page.followup_days.text() == "1,3,最后一天"
    page.followup_days.setText("第0天")
    page._followup_days_changed()
    assert "回访日" in page.message.text()  # one clear message, nothing saved
    page.followup_days.setText("last，1")
    page._followup_days_changed()
    assert page.followup_days.text() == "1,最后一天" and "1,最后一天" in page.message.text()  # no code shown
    session.expire_all()
    assert session.query(Site).one().followup_days == "1,last"
