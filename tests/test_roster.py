"""The duty roster and the staff's health monitoring (models/services/roster.py, models/reads/roster.py): the
usual groups and shifts come with the site, a day's coverage has no gap in 24 hours or says where, who is on
duty now (a night shift past midnight too), the week copied, the staff's fevers alerted and closed."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from sqlalchemy import func, select

from models.errors import DomainError
from models.reads.roster import gaps, groups, on_duty, on_duty_name, shifts, staff_alerts, staff_round, week_roster
from models.services.roster import (
    add_shift,
    add_staff,
    assign,
    close_staff_alert,
    copy_week,
    record_staff_reading,
    retire_group,
    retire_staff,
    unassign,
)
from models.store.orm import AlertState, AuditEntry, DutySlot, GroupDuty, Role, Slot, User
from tests.conftest import NOW, local

TODAY = NOW.date()  # 2026-11-23, a Monday


def refused(code, fn, *args, **kwargs):
    with pytest.raises(DomainError) as e:
        fn(*args, **kwargs)
    assert e.value.code == code, e.value.code
    assert e.value.message("zh_CN") and code not in e.value.message("zh_CN")


@pytest.fixture
def team(session, site, desk):
    by_duty = {g.duty: g for g in groups(session)}
    day, night = shifts(session)
    zhou = add_staff(session, desk, "周师傅", by_duty[GroupDuty.DISINFECTION].id, title="组长", phone="13800138000")
    wu = add_staff(session, desk, "吴师傅", by_duty[GroupDuty.DISINFECTION].id)
    li = add_staff(session, desk, "李护士", by_duty[GroupDuty.HEALTH].id, closed_loop=True)
    guard = add_staff(session, desk, "保安 陈", by_duty[GroupDuty.SECURITY].id, closed_loop=False)
    return {"groups": by_duty, "day": day, "night": night, "zhou": zhou, "wu": wu, "li": li, "guard": guard}


def test_the_usual_groups_and_shifts_come_with_the_site(session, site):
    assert [g.name for g in groups(session)] == [
        "综合协调组", "健康观察组", "医疗救治组", "后勤保障组", "安全保卫组", "消杀组", "信息报送组"
    ]  # fmt: skip
    assert [(s.name, s.starts, s.hours) for s in shifts(session)] == [("白班", time(8), 12), ("夜班", time(20), 12)]
    assert [s.label for s in shifts(session)] == ["白班 08:00–20:00", "夜班 20:00–08:00"]


def test_a_day_is_covered_when_no_hour_is_left_out(session, site, desk, team):
    g = team["groups"][GroupDuty.DISINFECTION].id
    assert gaps(session, TODAY, g) == [(time(0), time(0))]  # nobody at all: the whole day
    assign(session, desk, team["zhou"].id, TODAY, team["day"].id)
    assert gaps(session, TODAY, g) == [(time(0), time(8)), (time(20), time(0))]
    assign(session, desk, team["wu"].id, TODAY, team["night"].id)
    assert gaps(session, TODAY, g) == [(time(0), time(8))]  # the small hours are the night shift of the day before
    assign(session, desk, team["wu"].id, TODAY - timedelta(days=1), team["night"].id)
    assert gaps(session, TODAY, g) == []
    # an 8-hour shift leaves the afternoon open in another group
    h = team["groups"][GroupDuty.HEALTH].id
    early = add_shift(session, desk, "早班", time(8), 8)
    assign(session, desk, team["li"].id, TODAY, early.id)
    assert gaps(session, TODAY, h) == [(time(0), time(8)), (time(16), time(0))]
    week = {w.group.id: w for w in week_roster(session, TODAY)}[g]
    assert week.names[(team["night"].id, TODAY)] == ["吴师傅"] and week.gaps[TODAY] == []
    assert week.gaps[TODAY + timedelta(days=1)] == [(time(8), time(0))]  # the 24th: only the night before's morning


def test_who_is_on_duty_now_a_night_shift_past_midnight_too(session, site, desk, team):
    assign(session, desk, team["zhou"].id, TODAY, team["day"].id)
    assign(session, desk, team["wu"].id, TODAY - timedelta(days=1), team["night"].id)
    at_two = local(2026, 11, 23, 2)
    assert [(o.name, o.shift) for o in on_duty(session, at_two)] == [("吴师傅", "夜班")]
    assert on_duty_name(session, GroupDuty.DISINFECTION, NOW) == "周师傅"
    assert on_duty_name(session, GroupDuty.HEALTH, NOW) == ""
    assert on_duty(session, local(2026, 11, 23, 20)) == []  # the day shift ended at 20:00, nobody on the night


def test_the_roster_refuses_what_cannot_be(session, site, desk, team):
    assign(session, desk, team["zhou"].id, TODAY, team["day"].id)
    refused("duty_taken", assign, session, desk, team["zhou"].id, TODAY, team["day"].id)
    refused("roster_day_old", assign, session, desk, team["zhou"].id, TODAY - timedelta(days=8), team["day"].id)
    refused("roster_day_far", assign, session, desk, team["zhou"].id, TODAY + timedelta(days=90), team["day"].id)
    refused("group_has_staff", retire_group, session, desk, team["groups"][GroupDuty.DISINFECTION].id)
    assign(session, desk, team["wu"].id, TODAY + timedelta(days=3), team["day"].id)
    retire_staff(session, desk, team["wu"].id)  # their duties to come go with them
    assert session.scalar(select(func.count()).select_from(DutySlot).where(DutySlot.staff_id == team["wu"].id)) == 0
    refused("staff_retired", assign, session, desk, team["wu"].id, TODAY, team["night"].id)
    refused("staff_taken", add_staff, session, desk, "周师傅", team["groups"][GroupDuty.DISINFECTION].id)
    refused("community_phone_invalid", add_staff, session, desk, "郑", team["groups"][GroupDuty.GENERAL].id,
            phone="12345")  # fmt: skip
    refused("shift_hours", add_shift, session, desk, "长班", time(8), 25)
    viewer = User(username="v", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    refused("forbidden", assign, session, viewer, team["zhou"].id, TODAY, team["night"].id)
    refused("forbidden", record_staff_reading, session, viewer, team["li"].id, TODAY, Slot.MORNING, 36.5, now=NOW)
    slot = session.scalar(select(DutySlot).where(DutySlot.staff_id == team["zhou"].id))
    unassign(session, desk, slot.id)
    assert session.scalar(select(func.count()).select_from(DutySlot)) == 0


def test_a_week_is_copied_onto_the_next(session, site, desk, team):
    last_monday = TODAY - timedelta(days=7)
    for i in range(7):
        assign(session, desk, team["zhou"].id, last_monday + timedelta(days=i), team["day"].id)
    assign(session, desk, team["zhou"].id, TODAY + timedelta(days=2), team["day"].id)  # there already: kept
    refused("roster_not_monday", copy_week, session, desk, last_monday + timedelta(days=1), TODAY)
    assert copy_week(session, desk, last_monday, TODAY) == 6
    assert copy_week(session, desk, last_monday, TODAY) == 0
    week = {w.group.duty: w for w in week_roster(session, TODAY)}[GroupDuty.DISINFECTION]
    assert all(week.names[(team["day"].id, d)] == ["周师傅"] for d in week.days)


def test_the_staffs_fever_opens_an_alert_closed_with_what_was_done(session, site, desk, team):
    li, guard = team["li"], team["guard"]
    record_staff_reading(session, desk, li.id, TODAY, Slot.MORNING, "365", now=NOW)
    rows = staff_round(session, TODAY, Slot.MORNING)
    assert [(r.name, r.temperature, r.fever) for r in rows] == [
        ("李护士", 36.5, False), ("吴师傅", None, False), ("周师傅", None, False)
    ]  # fmt: skip
    assert guard.id not in [r.staff_id for r in rows]  # not in closed-loop management: no readings asked
    fever = record_staff_reading(session, desk, team["zhou"].id, TODAY, Slot.MORNING, 37.6, symptoms="乏力", now=NOW)
    assert fever.alert_state is AlertState.OPEN
    assert [(a.name, a.temperature) for a in staff_alerts(session)] == [("周师傅", 37.6)]
    refused("layout_name_empty", close_staff_alert, session, desk, fever.id, " ", now=NOW)
    close_staff_alert(session, desk, fever.id, "复测 36.8，已报告院感，暂停上岗并做核酸", now=NOW)
    assert staff_alerts(session) == []
    refused("staff_alert_closed", close_staff_alert, session, desk, fever.id, "again", now=NOW)
    refused("staff_reading_future", record_staff_reading, session, desk, li.id, TODAY + timedelta(days=1),
            Slot.MORNING, 36.5, now=NOW)  # fmt: skip
    refused("temp_range", record_staff_reading, session, desk, li.id, TODAY, Slot.EVENING, "48", now=NOW)


def test_the_trail_masks_a_staff_members_phone(session, site, desk, team):
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "staff.add").order_by(AuditEntry.id)).first()
    assert entry is not None and "13800138000" not in str(entry.after) and "138****8000" in str(entry.after)


def test_who_has_left_the_team_is_not_on_duty_and_every_duty_made_is_audited(session, site, desk, team):
    assign(session, desk, team["wu"].id, TODAY, team["night"].id)
    assign(session, desk, team["wu"].id, TODAY + timedelta(days=2), team["night"].id)
    retire_staff(session, desk, team["wu"].id)
    assert on_duty(session, local(2026, 11, 23, 22)) == []  # tonight's shift was his: nobody is offered
    assert on_duty_name(session, GroupDuty.DISINFECTION, local(2026, 11, 23, 22)) == ""
    removed = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "duty.remove"))
    assert removed == 1  # the duty to come went with him, in the trail
    last_monday = TODAY - timedelta(days=7)
    assign(session, desk, team["zhou"].id, last_monday, team["day"].id)
    assign(session, desk, team["zhou"].id, last_monday + timedelta(days=1), team["day"].id)
    before = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "duty.assign"))
    assert copy_week(session, desk, last_monday, TODAY) == 2
    after = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "duty.assign"))
    assert after == before + 2
    refused("roster_code_unknown", record_staff_reading, session, desk, team["li"].id, TODAY, "noon", 36.5, now=NOW)
