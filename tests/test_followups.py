"""Follow-up calls (回访) during home health monitoring (models/services/followups.py, models/reads/followups.py):
the days a site calls on, the calls due and overdue, what a call records, the alert an abnormal one opens."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from models.errors import DomainError
from models.reads.followups import calls_due, followup_rows, open_alerts
from models.services.arrivals import register_arrival
from models.services.communities import Handover, add_community
from models.services.followups import (
    CallAnswer,
    close_alert,
    parse_followup_days,
    record_call,
    set_followup_days,
)
from models.services.stays import release, transfer
from models.store.orm import AlertState, AuditEntry, DepartureKind, FollowUp, HomeTest, Role, Site, User
from tests.conftest import local
from tests.helpers import free_rooms

ARRIVED = local(2026, 11, 16, 14)  # 第九版 inbound: released on 23 Nov, home monitoring 23-25 Nov
RELEASED = local(2026, 11, 23, 9, 30)


def user(session, role):
    u = User(username=f"u_{role.value}", role=role)
    session.add(u)
    session.commit()
    return u


@pytest.fixture
def released(session, site, desk, make_arrival):
    community = add_community(session, desk, "三里庵街道", "安居苑社区", "王敏", "13912345678")
    rooms = free_rooms(session, 2)
    stays = [register_arrival(session, desk, make_arrival(arrived_at=ARRIVED), r.id, now=ARRIVED) for r in rooms]
    release(session, desk, stays[0].id, override_reason="测试", now=RELEASED, handover=Handover("", community.id))
    transfer(session, desk, stays[1].id, DepartureKind.TO_HOSPITAL, "市定点医院", now=RELEASED)
    return stays


@pytest.mark.parametrize(
    ("text", "plan"),
    [("1,3,last", (1, 3, "last")), (" 3，1 、最后一天 ", (1, 3, "last")), ("2 2 7", (2, 7)), ("last", ("last",))],
)
def test_the_call_days_are_day_numbers_and_last(text, plan):
    assert parse_followup_days(text) == plan


REFUSED = [("", "followup_days_empty"), ("0", "followup_days_invalid"), ("61", "followup_days_invalid"),
           ("first", "followup_days_invalid")]  # fmt: skip


@pytest.mark.parametrize(("text", "code"), REFUSED)
def test_other_call_days_are_refused_in_words(text, code):
    with pytest.raises(DomainError) as e:
        parse_followup_days(text)
    assert e.value.code == code and e.value.message("zh_CN") and e.value.message("zh_CN") != code


def test_the_site_sets_its_call_days_and_a_desk_may_not(session, site, desk):
    assert set_followup_days(session, desk, "last, 1") == "1,last"
    session.expire_all()
    assert session.scalar(select(Site.followup_days)) == "1,last"
    assert session.scalar(select(AuditEntry.action).where(AuditEntry.action == "site.followup_days"))
    with pytest.raises(DomainError) as e:
        set_followup_days(session, user(session, Role.DESK), "2")
    assert e.value.code == "forbidden"


def test_calls_fall_due_on_their_days_and_stay_due_until_someone_is_reached(session, site, desk, released):
    stay = released[0]
    on_release = calls_due(session, date(2026, 11, 23))
    assert [(c.stay_id, c.home_day, c.due, c.overdue) for c in on_release] == [(stay.id, 1, date(2026, 11, 23), False)]
    assert on_release[0].community == "三里庵街道 安居苑社区" and on_release[0].home_to == date(2026, 11, 25)
    # nobody answers: still due, one attempt
    record_call(session, desk, stay.id, 1, CallAnswer(False, temperature="36.5", note="无人接听"), now=RELEASED)
    [again] = calls_due(session, date(2026, 11, 23))
    assert (again.home_day, again.attempts) == (1, 1)
    unreached = session.scalars(select(FollowUp)).one()
    assert unreached.temperature is None and not unreached.abnormal  # nothing is kept of an unreached call
    # the next day it is overdue; on the last day both
    assert [(c.home_day, c.overdue) for c in calls_due(session, date(2026, 11, 24))] == [(1, True)]
    assert [(c.home_day, c.overdue) for c in calls_due(session, date(2026, 11, 25))] == [(1, True), (3, False)]
    record_call(
        session, desk, stay.id, 1, CallAnswer(True, "36.6", home_test=HomeTest.NOT_DUE), now=local(2026, 11, 25, 10)
    )
    assert [c.home_day for c in calls_due(session, date(2026, 11, 25))] == [3]
    # a week after the monitoring ended, an unanswered call leaves the list
    assert [c.home_day for c in calls_due(session, date(2026, 12, 2))] == [3]
    assert calls_due(session, date(2026, 12, 3)) == []


def test_the_site_plan_decides_the_days(session, site, desk, released):
    set_followup_days(session, desk, "2")
    assert [c.home_day for c in calls_due(session, date(2026, 11, 25))] == [2]
    set_followup_days(session, desk, "1,5")  # day 5 is past a 3-day monitoring: not called
    assert [c.home_day for c in calls_due(session, date(2026, 11, 25))] == [1]


@pytest.mark.parametrize(
    ("answer", "abnormal"),
    [
        (CallAnswer(True, "36.8", home_test=HomeTest.NEGATIVE), False),
        (CallAnswer(True, "37.3"), True),  # the site's threshold
        (CallAnswer(True, "36.5", symptoms=("dry_cough",)), True),
        (CallAnswer(True, None, home_test=HomeTest.POSITIVE), True),
    ],
)
def test_an_abnormal_answer_opens_an_alert_naming_the_community(session, site, desk, released, answer, abnormal):
    stay = released[0]
    call = record_call(session, desk, stay.id, 1, answer, now=RELEASED)
    assert call.abnormal is abnormal and (call.alert_state is AlertState.OPEN) is abnormal
    alerts = open_alerts(session)
    assert len(alerts) == abnormal
    if abnormal:
        assert alerts[0].community == "三里庵街道 安居苑社区" and "****" in alerts[0].phone  # the reveal shows it
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "followup.call")).one()
    assert entry.after["abnormal"] is abnormal


def test_a_call_is_refused_for_a_day_to_come_a_day_past_the_end_or_someone_not_released(session, site, desk, released):
    stay, hospital = released
    for day, now, code in ((2, RELEASED, "followup_day_future"), (4, local(2026, 11, 26), "followup_day_range")):
        with pytest.raises(DomainError) as e:
            record_call(session, desk, stay.id, day, CallAnswer(True, "36.5"), now=now)
        assert e.value.code == code
    with pytest.raises(DomainError) as e:
        record_call(session, desk, hospital.id, 1, CallAnswer(True, "36.5"), now=RELEASED)
    assert e.value.code == "followup_not_released"
    with pytest.raises(DomainError) as e:
        record_call(session, desk, stay.id, 1, CallAnswer(True, "45"), now=RELEASED)
    assert e.value.code == "temp_range"
    assert session.scalar(select(func.count()).select_from(FollowUp)) == 0  # nothing half-saved


def test_the_alert_is_closed_with_what_was_done_by_the_medical_staff(session, site, desk, released):
    call = record_call(session, desk, released[0].id, 1, CallAnswer(True, "38.1"), now=RELEASED)
    clerk, nurse = user(session, Role.DESK), user(session, Role.MEDICAL)
    record_call(session, clerk, released[0].id, 3, CallAnswer(True, "36.5"), now=local(2026, 11, 25))  # a desk calls
    with pytest.raises(DomainError) as e:  # the day is answered: a second answer would contradict the first
        record_call(session, clerk, released[0].id, 1, CallAnswer(True, "36.5"), now=local(2026, 11, 25))
    assert e.value.code == "followup_day_answered"
    with pytest.raises(DomainError) as e:
        close_alert(session, clerk, call.id, "已报社区")
    assert e.value.code == "forbidden"
    with pytest.raises(DomainError) as e:
        close_alert(session, nurse, call.id, "  ")
    assert e.value.code == "followup_alert_note"
    closed = close_alert(session, nurse, call.id, "已报告社区，转发热门诊", now=local(2026, 11, 23, 11))
    assert closed.alert_state is AlertState.CLOSED and open_alerts(session) == []
    with pytest.raises(DomainError) as e:
        close_alert(session, nurse, call.id, "再次")
    assert e.value.code == "followup_alert_closed"


def test_the_ledger_lists_the_calls_made_with_phones_masked(session, site, desk, released):
    record_call(session, desk, released[0].id, 1, CallAnswer(False, note="无人接听"), now=RELEASED)
    record_call(
        session, desk, released[0].id, 1, CallAnswer(True, "36.5", called_by="李医生"), now=local(2026, 11, 23, 15)
    )
    rows = followup_rows(session, date(2026, 11, 23), date(2026, 11, 23))
    assert [(r.reached, r.note, r.called_by) for r in rows] == [(False, "无人接听", ""), (True, "", "李医生")]
    assert "****" in rows[0].phone and rows[1].called_at.hour == 15  # site time
    assert followup_rows(session, date(2026, 11, 24), date(2026, 11, 24)) == []


def test_the_ledger_on_paper_and_as_a_workbook_says_the_codes_in_words(session, site, desk, released, tmp_path):
    import io
    from datetime import datetime

    from openpyxl import load_workbook
    from pypdf import PdfReader

    from printing.documents import render

    stay = released[0]
    record_call(session, desk, stay.id, 1, CallAnswer(False, note="无人接听"), now=RELEASED)
    call = record_call(
        session, desk, stay.id, 1, CallAnswer(True, "37.6", ("dry_cough",), HomeTest.PENDING, called_by="李医生"),
        now=local(2026, 11, 23, 15),
    )  # fmt: skip
    close_alert(session, desk, call.id, "已报告社区", now=local(2026, 11, 23, 16))
    path = tmp_path / "fu.xlsx"
    pdf = render(session, "followup-ledger", date(2026, 11, 30), actor=desk, now=local(2026, 11, 30), xlsx_path=path)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "解除隔离人员回访台账" in text and "2026-11-01 – 2026-11-30" in text  # the month so far
    assert "干咳" in text and "已检，结果未出" in text and "已报告社区" in text and "共 2 次回访" in text
    assert "dry_cough" not in text and "pending" not in text
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0] == "姓名" and len(rows) == 3
    assert rows[2][8] == "是" and rows[2][9] == 37.6 and isinstance(rows[2][7], datetime)
    assert "****" in rows[2][3]  # phones masked
    english = render(session, "followup-ledger", date(2026, 11, 30), actor=desk, lang="en", now=local(2026, 11, 30))
    assert "dry cough" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(english)).pages)


def test_a_release_followed_up_at_home_is_not_undone(session, site, desk, released):
    from models.services.stays import undo_departure

    record_call(session, desk, released[0].id, 1, CallAnswer(False, note="无人接听"), now=RELEASED)
    with pytest.raises(DomainError) as e:
        undo_departure(session, desk, released[0].id, "误操作", now=local(2026, 11, 23, 12))
    assert e.value.code == "undo_followed_up" and "回访" in e.value.message("zh_CN")
