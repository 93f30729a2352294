from datetime import date, timedelta

import pytest
from sqlalchemy import select

from models.errors import DomainError
from models.services.arrivals import register_arrival
from models.services.rulesets import apply_rule_switch, preview_rule_switch
from models.services.stays import change_release_date, release
from models.services.swabs import mark_sampled, record_result, swab_plan, swabs_due
from models.store.orm import AuditEntry, CategoryRule, RuleSet, Stay, StayDateChange, SwabResult, SwabTest
from tests.conftest import NOW, local
from tests.helpers import count, free_rooms


def rule_set(session, name):
    return session.scalar(select(RuleSet).where(RuleSet.name == name))


def test_swab_plan_follows_rule_set(session, site, desk, make_arrival):
    stay = register_arrival(
        session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 20)), free_rooms(session, 1)[0].id, now=NOW
    )
    plan = swab_plan(session, stay.id)
    assert [s.planned_day for s in plan] == [1, 2, 3, 5, 7]  # 第九版
    assert [s.planned_date for s in plan] == [date(2026, 11, d) for d in (20, 21, 22, 24, 26)]
    assert [d.stay_id for d in swabs_due(session, date(2026, 11, 24))] == [stay.id]
    assert swabs_due(session, date(2026, 11, 23)) == []


def test_sample_then_result_and_release(session, site, desk, make_arrival):
    stay = register_arrival(
        session,
        desk,
        make_arrival("inbound", arrived_at=local(2026, 11, 10)),
        free_rooms(session, 1)[0].id,
        now=local(2026, 11, 10),
    )
    last = swab_plan(session, stay.id)[-1]
    with pytest.raises(DomainError) as err:
        record_result(session, desk, last.id, SwabResult.NEGATIVE)
    assert err.value.code == "swab_not_sampled"
    mark_sampled(session, desk, last.id, by="采样员", at=local(2026, 11, 16, 9))
    assert session.get(SwabTest, last.id).result is SwabResult.PENDING
    with pytest.raises(DomainError) as err:
        release(session, desk, stay.id, now=local(2026, 11, 17, 9))
    assert err.value.code == "release_swab"
    with pytest.raises(DomainError):
        record_result(session, desk, last.id, "maybe")
    record_result(session, desk, last.id, "negative", lab="市疾控", at=local(2026, 11, 16, 20))
    released = release(session, desk, stay.id, now=local(2026, 11, 17, 9))
    assert released.departure_kind.value == "released" and released.release_override is None
    actions = set(session.scalars(select(AuditEntry.action)))
    assert {"swab.sampled", "swab.result", "stay.released"} <= actions


def test_rule_switch_preview_writes_nothing_and_apply_changes_dates(session, site, desk, make_arrival):
    # site on 第九版 (7 days); switch to 二十条 (5 days, swabs 1,2,3,5)
    rooms = free_rooms(session, 2)
    early = register_arrival(
        session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 21)), rooms[0].id, now=NOW
    )
    sampled = swab_plan(session, early.id)[0]
    mark_sampled(session, desk, sampled.id, by="x", at=local(2026, 11, 21, 11))
    other = register_arrival(
        session,
        desk,
        make_arrival("close_contact", arrived_at=local(2026, 11, 22), last_exposure=local(2026, 11, 20)),
        rooms[1].id,
        now=NOW,
    )
    new = rule_set(session, "二十条")
    before_changes = count(session, StayDateChange)
    preview = preview_rule_switch(session, new.id, date(2026, 11, 23))
    assert count(session, StayDateChange) == before_changes
    assert session.get(Stay, early.id).planned_release == date(2026, 11, 28)  # unchanged by preview
    by_stay = {c.stay_id: c for c in preview.changes}
    assert by_stay[early.id].old_release == date(2026, 11, 28)
    assert by_stay[early.id].new_release == date(2026, 11, 26)
    assert by_stay[early.id].new_swab_days == (3, 5)  # days 1, 2 are past; day 1 sampled
    assert by_stay[other.id].new_release == date(2026, 11, 26)  # exposure 20th -> day 1 = 21st + 5
    assert by_stay[other.id].new_home_until == date(2026, 11, 28)

    applied = apply_rule_switch(session, desk, preview)
    assert applied == 2
    session.expire_all()
    assert session.get(Stay, early.id).planned_release == date(2026, 11, 26)
    assert session.get(Stay, early.id).rule_set_id == new.id
    assert site.rule_set_id == new.id and site.rule_set_since == date(2026, 11, 23)
    plan = swab_plan(session, early.id)
    assert [(s.planned_day, s.sampled_at is not None) for s in plan] == [(1, True), (3, False), (5, False)]
    change = session.scalars(select(StayDateChange).where(StayDateChange.stay_id == early.id)).one()
    assert change.old_release == date(2026, 11, 28) and "二十条" in change.reason


def test_rule_switch_refuses_stale_preview(session, site, desk, make_arrival):
    stay = register_arrival(
        session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 21)), free_rooms(session, 1)[0].id, now=NOW
    )
    preview = preview_rule_switch(session, rule_set(session, "第八版").id, date(2026, 11, 23))
    change_release_date(session, desk, stay.id, date(2026, 11, 30), "观察延长")
    with pytest.raises(DomainError) as err:
        apply_rule_switch(session, desk, preview)
    assert err.value.code == "stale"
    assert site.rule_set_id == rule_set(session, "第九版").id


def test_rule_switch_never_releases_in_the_past(session, site, desk, make_arrival):
    # exposure long ago: 二十条 would end the period before the switch date
    stay = register_arrival(
        session,
        desk,
        make_arrival("close_contact", arrived_at=local(2026, 11, 22), last_exposure=local(2026, 11, 16)),
        free_rooms(session, 1)[0].id,
        now=NOW,
    )
    assert stay.planned_release == date(2026, 11, 24)
    preview = preview_rule_switch(session, rule_set(session, "二十条").id, date(2026, 11, 23))
    (change,) = preview.changes
    assert change.new_release == date(2026, 11, 23)  # released on the switch day, not on the 22nd
    apply_rule_switch(session, desk, preview)
    assert session.get(Stay, stay.id).planned_release == date(2026, 11, 23)


def test_rule_switch_flags_category_without_rule(session, site, desk, make_arrival):
    stay = register_arrival(
        session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 21)), free_rooms(session, 1)[0].id, now=NOW
    )
    bare = RuleSet(name="本地规则", effective_from=date(2026, 11, 1))  # close contacts only: no rule for inbound
    bare.rules.append(CategoryRule(category_code="close_contact", days_central=7, swab_days="1,7"))
    session.add(bare)
    session.commit()
    preview = preview_rule_switch(session, bare.id, date(2026, 11, 23))
    assert [(c.stay_id, c.problem) for c in preview.changes] == [(stay.id, "no_rule")]
    apply_rule_switch(session, desk, preview)
    assert session.get(Stay, stay.id).planned_release == stay.arrival_day + timedelta(days=7)
    empty = RuleSet(name="空规则", effective_from=date(2026, 11, 1))
    session.add(empty)
    session.commit()
    with pytest.raises(DomainError, match="没有任何人员类别"):  # new arrivals would have no rule at all
        apply_rule_switch(session, desk, preview_rule_switch(session, empty.id, date(2026, 11, 23)))
