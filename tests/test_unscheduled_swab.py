"""An unscheduled swab (计划外核酸, models/services/swabs.py add_unscheduled): added by medical staff with a
reason, it is due like a planned one — on the swab list, the daily observation sheet and the today screen."""

from datetime import date

import pytest
from sqlalchemy import select

from models.errors import DomainError
from models.reads.reports import sheet_floors
from models.reads.today import dashboard
from models.services.arrivals import register_arrival
from models.services.swabs import add_unscheduled, swabs_due
from models.store.orm import AuditEntry, Role, SwabTest, User
from tests.conftest import NOW, local
from tests.helpers import free_rooms
from tests.test_stays import refused

ARRIVED = local(2026, 11, 20, 14)
# 第九版 inbound arriving 20 Nov: swabs on days 1, 2, 3, 5, 7 = 20, 21, 22, 24, 26 Nov; release 27 Nov.
# NOW (23 Nov) is day 4: no swab planned that day
TODAY = date(2026, 11, 23)


@pytest.fixture
def stay(session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0]
    return register_arrival(session, desk, make_arrival(arrived_at=ARRIVED), room.id, now=ARRIVED)


@pytest.fixture
def medical(session):
    user = User(username="doc", display_name="医生", role=Role.MEDICAL)
    session.add(user)
    session.commit()
    return user


def test_an_unscheduled_swab_is_due_on_the_list_the_sheet_and_today(session, medical, stay):
    assert [r.stay_id for r in swabs_due(session, TODAY)] == []
    before = dashboard(session, NOW).swabs_due
    swab = add_unscheduled(session, medical, stay.id, TODAY, " 咽痛 ")
    assert (swab.planned_day, swab.planned_date, swab.unscheduled, swab.reason) == (4, TODAY, True, "咽痛")
    due = swabs_due(session, TODAY)
    assert [(r.stay_id, r.planned_day, r.unscheduled, r.reason) for r in due] == [(stay.id, 4, True, "咽痛")]
    assert dashboard(session, NOW).swabs_due == before + 1
    rows = [r for f in sheet_floors(session, TODAY) for r in f.rows if r.stay_id == stay.id]
    assert [r.swab_due for r in rows] == [True]
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "swab.add")).one()
    assert (entry.user_id, entry.note, entry.after["unscheduled"], entry.after["reason"]) == (
        medical.id,
        "咽痛",
        True,
        "咽痛",
    )


def test_a_planned_swab_is_not_marked_unscheduled(session, stay):
    due = swabs_due(session, date(2026, 11, 24))
    assert [(r.planned_day, r.unscheduled, r.reason) for r in due] == [(5, False, None)]


def test_later_days_up_to_the_release_day_may_be_chosen(session, medical, stay):
    assert add_unscheduled(session, medical, stay.id, date(2026, 11, 27), "出院前加测").planned_day == 8


@pytest.mark.parametrize(
    ("day", "reason", "code", "shown"),
    [
        (TODAY, "  ", "reason_required", "reason"),
        (date(2026, 11, 22), "咽痛", "swab_unscheduled_past", "2026-11-23"),
        (date(2026, 11, 28), "咽痛", "swab_unscheduled_after_release", "2026-11-27"),
        (date(2026, 11, 24), "咽痛", "swab_unscheduled_duplicate", "day 5"),
    ],
)
def test_refusals_say_why_and_add_nothing(session, medical, stay, day, reason, code, shown):
    err = refused(session, code, add_unscheduled, medical, stay.id, day, reason)
    assert shown in err.en


def test_one_per_stay_per_day(session, medical, stay):
    add_unscheduled(session, medical, stay.id, TODAY, "咽痛")
    err = refused(session, "swab_unscheduled_duplicate", add_unscheduled, medical, stay.id, TODAY, "再测")
    assert stay.person.name in err.zh and "2026-11-23" in err.zh


def test_only_medical_staff_add_one(session, site, stay):
    clerk = User(username="clerk", display_name="前台", role=Role.DESK)
    session.add(clerk)
    session.commit()
    with pytest.raises(DomainError) as err:
        add_unscheduled(session, clerk, stay.id, TODAY, "咽痛")
    assert err.value.code == "forbidden"
    assert session.scalars(select(SwabTest).where(SwabTest.unscheduled.is_(True))).all() == []


def test_not_for_someone_who_left(session, desk, medical, stay):
    from models.services.stays import depart_other

    depart_other(session, desk, stay.id, "自行离开", now=NOW)
    refused(session, "stay_departed", add_unscheduled, medical, stay.id, TODAY, "咽痛")


def test_an_unscheduled_swab_holds_the_release_back_until_it_is_negative(session, desk, medical, stay):
    from models.services.stays import release_readiness
    from models.services.swabs import mark_sampled, record_result, swab_plan
    from models.store.orm import Stay

    release_day = date(2026, 11, 27)
    for t in swab_plan(session, stay.id):  # every planned swab negative: ready on the release day
        mark_sampled(
            session, desk, t.id, by="护士", at=local(t.planned_date.year, t.planned_date.month, t.planned_date.day, 8)
        )
        record_result(session, desk, t.id, "negative")
    assert release_readiness(session, session.get(Stay, stay.id), release_day).ok
    extra = add_unscheduled(session, medical, stay.id, release_day, "发热复查")
    ready = release_readiness(session, session.get(Stay, stay.id), release_day)
    assert not ready.ok and [p.code for p in ready.problems] == ["release_swab"]  # not taken yet
    mark_sampled(session, medical, extra.id, by="护士", at=local(2026, 11, 27, 8))
    assert not release_readiness(session, session.get(Stay, stay.id), release_day).ok  # pending
    record_result(session, medical, extra.id, "negative")
    assert release_readiness(session, session.get(Stay, stay.id), release_day).ok
