"""The staff page in Chinese (工作人员): a group's week, someone put on duty with Ins in the chosen cell and taken
off with Del, the hours nobody covers in red, the week before copied; a staff member's fever recorded with Enter
and its alert closed with what was done; a member added, the phone masked and kept; the disinfection group's
person on duty prefilled in a round; Today's line of who is on duty; a viewer changes nothing."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from sqlalchemy import func, select

from models.reads.roster import groups, shifts
from models.services.areas import add_area
from models.services.roster import add_staff, assign
from models.store.orm import AlertState, DutySlot, GroupDuty, Role, StaffMember, StaffReading, User
from tests.conftest import NOW
from views.areas_dialog import AreaRoundDialog
from views.staff_page import FormDialog, StaffPage
from views.today_page import TodayPage

TODAY = NOW.date()  # a Monday


def shot(widget, name):
    folder = os.environ.get("ISODESK_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def team(session, site, desk):
    by_duty = {g.duty: g for g in groups(session)}
    zhou = add_staff(session, desk, "周师傅", by_duty[GroupDuty.DISINFECTION].id, title="组长", phone="13800138000")
    wu = add_staff(session, desk, "吴师傅", by_duty[GroupDuty.DISINFECTION].id)
    li = add_staff(session, desk, "李护士", by_duty[GroupDuty.HEALTH].id)
    day, night = shifts(session)
    assign(session, desk, zhou.id, TODAY, day.id)
    return {"groups": by_duty, "zhou": zhou, "wu": wu, "li": li, "day": day, "night": night}


@pytest.fixture
def page(qtbot, app_context, team):
    p = StaffPage(app_context)
    qtbot.addWidget(p)
    p.resize(1300, 650)
    p.show()
    qtbot.waitExposed(p)
    return p


def opened_dialogs(monkeypatch):
    opened = []
    monkeypatch.setattr(FormDialog, "open", lambda self: opened.append(self))  # noqa: PLW0108
    return opened


def action_for(widget, key):
    return next(a for a in widget.actions() if a.shortcut() == QKeySequence(key))


def choose_group(page, duty, team):
    roster = page.roster
    roster.group.setCurrentIndex(roster.group.findData(team["groups"][duty].id))


def test_a_groups_week_someone_put_on_and_taken_off_duty(page, qtbot, session, monkeypatch, team):
    roster = page.roster
    assert roster.group.count() == 7 and page.tabs.tabText(0) == "排班"
    choose_group(page, GroupDuty.DISINFECTION, team)
    assert roster.table.horizontalHeaderItem(0).text() == "周一 11-23"
    assert roster.table.verticalHeaderItem(1).text() == "夜班 20:00–08:00"
    assert roster.table.item(0, 0).text() == "周师傅" and roster.table.item(1, 0).text() == ""
    assert roster.gaps.text().startswith("无人值守时段：周一 11-23 00:00–08:00；周一 11-23 20:00–24:00")
    opened = opened_dialogs(monkeypatch)
    roster.table.setCurrentCell(1, 0)  # tonight's night shift
    action_for(roster, Qt.Key.Key_Insert).trigger()
    dialog = opened[-1]
    qtbot.addWidget(dialog)
    assert dialog.shift.currentData() == team["night"].id and dialog.day.currentData() == TODAY.isoformat()
    dialog.person.setCurrentIndex(dialog.person.findData(team["wu"].id))
    assert dialog.save()
    assert roster.table.item(1, 0).text() == "吴师傅"
    assert "周一 11-23 20:00" not in roster.gaps.text()
    roster.table.setCurrentCell(1, 0)
    action_for(roster, Qt.Key.Key_Delete).trigger()
    off = opened[-1]
    qtbot.addWidget(off)
    assert off.who.currentText() == "吴师傅" and off.save()
    assert roster.table.item(1, 0).text() == ""
    roster.go(7)  # next week: copied from this one
    assert roster.copy_previous() == 1
    assert roster.table.item(0, 0).text() == "周师傅" and roster.message.text() == "已从上一周复制排班：1 个班"
    shot(page, "staff-roster-zh")


def test_a_staff_fever_is_recorded_with_enter_and_its_alert_closed(page, qtbot, session, monkeypatch, team):
    page.tabs.setCurrentIndex(1)
    health = page.health
    names = [health.table.item(r, 0).text() for r in range(health.table.rowCount())]
    assert names == ["李护士", "吴师傅", "周师傅"]
    assert health.summary.text() == "闭环管理人员：3，本轮未测：3"
    opened = opened_dialogs(monkeypatch)
    health.table.setCurrentCell(2, 0)
    health.table.cellActivated.emit(2, 0)
    dialog = opened[-1]
    qtbot.addWidget(dialog)
    dialog.temperature.setText("48")
    assert not dialog.save() and "体温" in dialog.error.text()
    dialog.temperature.setText("376")
    dialog.symptoms.setText("乏力")
    assert dialog.save()
    assert health.table.item(2, 2).text() == "37.6" and health.alert_list.count() == 1
    assert health.alert_list.item(0).text().startswith("周师傅 · 消杀组 · 37.6")
    health.close_button.click()
    close = opened[-1]
    qtbot.addWidget(close)
    assert not close.save()  # what was done: said, nothing closed
    close.note.setText("复测 36.8，暂停上岗")
    assert close.save() and health.alert_list.count() == 0
    session.expire_all()
    kept = session.scalar(select(StaffReading))
    assert (
        kept.alert_state is AlertState.CLOSED and kept.alert_note == "复测 36.8,暂停上岗"
    )  # the comma folded to its narrow form, as every text
    shot(page, "staff-health-zh")


def test_a_member_added_the_phone_masked_and_kept(page, qtbot, session, monkeypatch, team):
    page.tabs.setCurrentIndex(2)
    tab = page.team
    phones = {tab.table.item(r, 0).text(): tab.table.item(r, 3).text() for r in range(tab.table.rowCount())}
    assert phones["周师傅"] == "138****8000"
    opened = opened_dialogs(monkeypatch)
    tab.add_button.click()
    form = opened[-1]
    qtbot.addWidget(form)
    form.name.setText("郑保安")
    form.group.setCurrentIndex(form.group.findData(team["groups"][GroupDuty.SECURITY].id))
    form.phone.setText("12345")
    assert not form.save() and "联系电话无效" in form.error.text()
    form.phone.setText("139 0013 9000")
    form.closed.setChecked(False)
    assert form.save()
    row = next(i for i, m in enumerate(tab.rows) if m.name == "郑保安")
    tab.table.selectRow(row)
    tab.edit_button.click()
    edit = opened[-1]
    qtbot.addWidget(edit)
    assert edit.phone.text() == "" and edit.phone.placeholderText() == "不修改：139****9000"
    edit.job.setText("队长")
    assert edit.save()
    session.expire_all()
    kept = session.scalar(select(StaffMember).where(StaffMember.name == "郑保安"))
    assert (kept.phone, kept.title, kept.closed_loop) == ("13900139000", "队长", False)


def test_the_person_on_duty_is_prefilled_and_today_says_who_is_on(qtbot, app_context, session, desk, team):
    area = add_area(session, desk, "A栋大厅", "lobby", 3)
    dialog = AreaRoundDialog(app_context, area.id)
    qtbot.addWidget(dialog)
    assert dialog.done_by.text() == "周师傅"  # the disinfection group's day shift, now
    today = TodayPage(app_context)
    qtbot.addWidget(today)
    today.show()
    qtbot.waitExposed(today)
    assert "当前在岗" in today.staff_line.text() and "消杀组 周师傅" in today.staff_line.text()


def test_a_viewer_sees_the_roster_and_changes_nothing(qtbot, make_app_context, session, team):
    viewer = User(username="v", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    p = StaffPage(make_app_context(viewer))
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    r = p.roster
    for b in (r.assign_button, r.remove_button, r.copy_button):
        assert not b.isEnabled() and b.toolTip() == "您的角色（查看）不能修改工作人员或排班"
    r.table.setCurrentCell(0, 0)
    assert r.assign() is None and r.remove() is None and r.copy_previous() is None
    assert not p.health.record_button.isEnabled() and p.health.record() is None
    assert p.team.edit_member(None) is None and not p.team.retire()
    assert r.print_button.isEnabled()
    assert session.scalar(select(func.count()).select_from(DutySlot)) == 1


def test_the_round_is_taken_by_the_health_groups_person_on_duty(qtbot, app_context, session, desk, team, make_arrival):
    from models.services.arrivals import register_arrival
    from models.store.orm import Observation
    from tests.helpers import free_rooms
    from views.rounds_page import RoundsPage

    arrived = NOW - timedelta(days=1)  # here for the morning round
    register_arrival(session, desk, make_arrival(arrived_at=arrived), free_rooms(session)[0].id, now=arrived)
    assign(session, desk, team["li"].id, TODAY, team["day"].id)
    rounds = RoundsPage(app_context)
    qtbot.addWidget(rounds)
    rounds.show()
    qtbot.waitExposed(rounds)
    assert rounds.taken_by.text() == "李护士"
    rounds.entry.setText("366")
    assert rounds.save_current(), rounds.message.text()
    session.expire_all()
    assert session.scalar(select(Observation.taken_by)) == "李护士"


def test_a_covered_week_is_not_said_in_red(page, session, desk, team):
    roster = page.roster
    choose_group(page, GroupDuty.DISINFECTION, team)
    assert "color" in roster.gaps.styleSheet()  # hours left out: red
    monday = TODAY - timedelta(days=TODAY.weekday())
    for i in range(-1, 7):
        day = monday + timedelta(days=i)
        if day >= TODAY - timedelta(days=7):
            for shift in (team["day"], team["night"]):
                if (day, shift.id) != (TODAY, team["day"].id):
                    assign(session, desk, team["wu"].id, day, shift.id)
    roster.load()
    assert roster.gaps.text() == "每天 24 小时均有人值守" and roster.gaps.styleSheet() == ""


def test_groups_and_shifts_are_renamed_added_and_retired(page, qtbot, session, monkeypatch, team):
    from views.staff_page import TeamListDialog

    opened = opened_dialogs(monkeypatch)
    lists = []
    monkeypatch.setattr(TeamListDialog, "open", lambda self: lists.append(self))  # noqa: PLW0108
    page.tabs.setCurrentIndex(2)
    page.team.group_button.click()
    groups_list = lists[-1]
    qtbot.addWidget(groups_list)
    assert groups_list.list.count() == 7 and groups_list.list.item(5).text() == "消杀组 · 消杀"
    groups_list.list.setCurrentRow(5)
    groups_list.retire_button.click()  # it has members: refused, said
    assert "还有成员" in groups_list.message.text() and groups_list.list.count() == 7
    groups_list.list.setCurrentRow(0)
    groups_list.edit_button.click()
    form = opened[-1]
    qtbot.addWidget(form)
    form.name.setText("综合协调组（指挥部）")
    assert form.save() and groups_list.list.item(0).text().startswith("综合协调组(指挥部)")  # brackets folded narrow
    page.team.shift_button.click()
    shift_list = lists[-1]
    qtbot.addWidget(shift_list)
    assert [shift_list.list.item(i).text() for i in range(shift_list.list.count())] == [
        "白班 08:00–20:00", "夜班 20:00–08:00"
    ]  # fmt: skip
    shift_list.add_button.click()
    form = opened[-1]
    qtbot.addWidget(form)
    form.name.setText("中班")
    form.hours.setValue(25)  # the spin box stops at 24
    assert form.hours.value() == 24
    form.hours.setValue(8)
    from PySide6.QtCore import QTime

    form.starts.setTime(QTime(12, 0))
    assert form.save() and shift_list.list.count() == 3
    shift_list.list.setCurrentRow(2)
    assert shift_list.retire() and shift_list.list.count() == 2
