"""Rule sets edited by the admin (issue 15): copy → draft → edit → switch; a rule set in use is never edited in
place; phases (centralized, home isolation, home health monitoring) express the local variants; a switch keeps
what people decided about one person (a manual extension, an outbreak restart) on top of the new rule."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from models.errors import DomainError
from models.rules.schedule import home_phases
from models.services.arrivals import register_arrival
from models.services.outbreak import apply_restart, preview_restart
from models.services.rulesets import (
    RuleInput,
    apply_rule_switch,
    copy_rule_set,
    delete_draft,
    preview_rule_switch,
    update_draft,
)
from models.services.stays import change_release_date
from models.services.swabs import mark_sampled, record_result, swab_plan
from models.store.orm import AuditEntry, Room, RuleSet, Site, Stay
from tests.conftest import NOW, local
from tests.helpers import free_rooms

TODAY = NOW.date()  # 2026-11-23


def ninth(session):
    return session.scalar(select(RuleSet).where(RuleSet.name == "第九版"))


def actions(session, action):
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def fourteen_seven_seven(session, desk, name="本地 14+7+7"):
    """A local variant: 14 days centralized, 7 of home isolation, 7 of home health monitoring."""
    draft = copy_rule_set(session, desk, ninth(session).id, name)
    rules = [
        RuleInput(
            r.category_code,
            days_central=14,
            days_home_isolation=7,
            days_home=7,
            swab_days="1,4,7,14",
            home_isolation_swab_days="2,7",
            home_swab_days="7",
            count_from=r.count_from,
        )
        for r in draft.rules
    ]
    return update_draft(session, desk, draft.id, name=name, effective_from=TODAY, notes="市指挥部通知", rules=rules)


def test_a_copy_is_a_draft_that_can_be_edited_and_a_rule_set_in_use_cannot(session, site, desk):
    used = ninth(session)
    assert session.get(Site, site.id).rule_set_id == used.id and not used.draft
    with pytest.raises(DomainError) as e:  # in use: never edited in place
        update_draft(session, desk, used.id, name=used.name, effective_from=TODAY, rules=[])
    assert e.value.code == "rule_set_final" and "复制" in e.value.zh
    draft = fourteen_seven_seven(session, desk)
    assert draft.draft and draft.based_on_id == used.id
    rule = draft.rule_for("close_contact")
    assert (rule.days_central, rule.days_home_isolation, rule.days_home) == (14, 7, 7)
    assert (rule.swab_days, rule.home_isolation_swab_days, rule.home_swab_days) == ("1,4,7,14", "2,7", "7")
    # the rule set in use is as it was
    assert ninth(session).rule_for("close_contact").days_central == 7
    assert [a.note for a in actions(session, "rule_set.copy")] == ["第九版"]
    assert len(actions(session, "rule.update")) == len(draft.rules)
    entry = actions(session, "rule.update")[0]
    assert (entry.before["days_central"], entry.after["days_central"]) == (7, 14)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"days_central": 0}, "rule_days_range"),
        ({"days_home": 61}, "rule_days_range"),
        ({"swab_days": "1,4,15"}, "rule_day_outside"),  # day 15 of a 14-day phase
        ({"home_isolation_swab_days": "2,8"}, "rule_day_outside"),
        ({"swab_days": "一,四"}, "rule_days_unreadable"),
        ({"count_from": "sometime"}, "rule_count_from_unknown"),
        ({"category_code": "nobody"}, "category_unknown"),
    ],
)
def test_a_bad_rule_is_refused_with_its_reason_and_nothing_is_saved(session, site, desk, change, code):
    draft = fourteen_seven_seven(session, desk)
    good = {
        "category_code": "close_contact",
        "days_central": 14,
        "days_home_isolation": 7,
        "days_home": 7,
        "swab_days": "1,4,7,14",
        "home_isolation_swab_days": "2,7",
        "home_swab_days": "7",
        "count_from": "exposure",
    }
    with pytest.raises(DomainError) as e:
        update_draft(
            session, desk, draft.id, name="改名", effective_from=TODAY, rules=[RuleInput(**{**good, **change})]
        )
    assert e.value.code == code
    session.expire_all()
    kept = session.get(RuleSet, draft.id)
    assert kept.name == "本地 14+7+7" and len(kept.rules) == len(ninth(session).rules)


def test_names_are_required_and_unique_and_a_draft_can_be_thrown_away(session, site, desk):
    with pytest.raises(DomainError) as e:
        copy_rule_set(session, desk, ninth(session).id, "  ")
    assert e.value.code == "rule_set_name_required"
    with pytest.raises(DomainError) as e:
        copy_rule_set(session, desk, ninth(session).id, "第八版")
    assert e.value.code == "rule_set_name_taken"
    draft = copy_rule_set(session, desk, ninth(session).id, "试用")
    delete_draft(session, desk, draft.id)
    assert session.get(RuleSet, draft.id) is None and len(actions(session, "rule_set.delete")) == 1
    with pytest.raises(DomainError) as e:
        delete_draft(session, desk, ninth(session).id)  # in use
    assert e.value.code == "rule_set_final"


def test_phases_follow_each_other_after_release(session, site, desk, make_arrival):
    draft = fourteen_seven_seven(session, desk)
    rule = draft.rule_for("inbound")
    phases = home_phases(rule, date(2026, 12, 7))
    assert phases.home_isolation == (date(2026, 12, 7), date(2026, 12, 13))
    assert phases.monitoring == (date(2026, 12, 14), date(2026, 12, 20))
    apply_rule_switch(session, desk, preview_rule_switch(session, draft.id, TODAY), now=NOW)
    stay = register_arrival(session, desk, make_arrival("inbound"), free_rooms(session, 1)[0].id, now=NOW)
    assert stay.planned_release == TODAY + timedelta(days=14)
    assert stay.home_until == stay.planned_release + timedelta(days=13)  # 7 + 7 days at home
    assert session.get(RuleSet, draft.id).draft is False  # switched to: final now
    with pytest.raises(DomainError):
        update_draft(session, desk, draft.id, name="x", effective_from=TODAY, rules=[])
    assert len(actions(session, "rule_set.final")) == 1


def test_a_switch_keeps_a_manual_extension_and_an_outbreak_restart(session, site, desk, make_arrival):
    """The issue's case: under 第九版 (7 days), one person was extended to 12-09 by hand, another restarted
    after a positive case nearby; switching to a 10-day rule set used to put them back to the rule's dates."""
    floor_rooms: dict[int, Room] = {}
    for room in session.scalars(select(Room).where(Room.beds == 1).order_by(Room.id)):
        floor_rooms.setdefault(room.floor_id, room)
    first, second = list(floor_rooms.values())[:2]  # floors 1 and 2 of building A
    far = list(floor_rooms.values())[-1]  # building B: no neighbour of the case
    arrived = local(2026, 11, 22)
    extended = register_arrival(session, desk, make_arrival("inbound", arrived_at=arrived), far.id, now=NOW)
    change_release_date(session, desk, extended.id, date(2026, 12, 9), "复查 CT 异常，延长观察", now=NOW)
    case = register_arrival(session, desk, make_arrival("inbound", arrived_at=arrived), first.id, now=NOW)
    neighbour = register_arrival(session, desk, make_arrival("inbound", arrived_at=arrived), second.id, now=NOW)
    swab = swab_plan(session, case.id)[0]
    mark_sampled(session, desk, swab.id, by="护士甲", at=local(2026, 11, 23, 8))
    record_result(session, desk, swab.id, "positive")
    apply_restart(session, desk, preview_restart(session, swab.id), now=NOW)
    restarted = session.get(Stay, neighbour.id)
    assert restarted.day_one == date(2026, 11, 24) and restarted.planned_release == date(2026, 12, 1)

    ten = copy_rule_set(session, desk, ninth(session).id, "本地 10+3")
    rules = [RuleInput(r.category_code, 10, 0, 3, "1,4,7,10", "", "3", r.count_from) for r in ten.rules]
    update_draft(session, desk, ten.id, name="本地 10+3", effective_from=TODAY, rules=rules)
    preview = preview_rule_switch(session, ten.id, TODAY)
    by_stay = {c.stay_id: c for c in preview.changes}
    # the extension was 12-09 against the rule's 11-29: ten days added by hand, kept on top of the new rule
    ext = by_stay[extended.id]
    assert (ext.old_release, ext.new_release, ext.kept_manual_days) == (date(2026, 12, 9), date(2026, 12, 12), 10)
    # the restart's day 1 (11-24) is kept: the new rule's ten days count from it
    rst = by_stay[neighbour.id]
    assert (rst.new_release, rst.kept_restart) == (date(2026, 12, 4), date(2026, 11, 24))
    apply_rule_switch(session, desk, preview, now=NOW)
    session.expire_all()
    assert session.get(Stay, extended.id).planned_release == date(2026, 12, 12)
    after = session.get(Stay, neighbour.id)
    assert (after.day_one, after.planned_release) == (date(2026, 11, 24), date(2026, 12, 4))
    assert after.day_n(TODAY + timedelta(days=1)) == 1  # the sheet counts from the restart
    plan = [(t.planned_day, t.planned_date) for t in swab_plan(session, neighbour.id) if t.sampled_at is None]
    assert plan == [(1, date(2026, 11, 24)), (4, date(2026, 11, 27)), (7, date(2026, 11, 30)), (10, date(2026, 12, 3))]


def test_a_restart_resets_the_day_count_the_sheet_shows(session, site, desk, make_arrival):
    rooms = {}
    for room in session.scalars(select(Room).where(Room.beds == 1).order_by(Room.id)):
        rooms.setdefault(room.floor_id, room)
    first, second = list(rooms.values())[:2]
    arrived = local(2026, 11, 19)
    case = register_arrival(session, desk, make_arrival("inbound", arrived_at=arrived), first.id, now=NOW)
    other = register_arrival(session, desk, make_arrival("inbound", arrived_at=arrived), second.id, now=NOW)
    assert other.day_n(TODAY) == 5
    swab = swab_plan(session, case.id)[0]
    mark_sampled(session, desk, swab.id, by="护士甲", at=local(2026, 11, 22, 8))
    record_result(session, desk, swab.id, "positive")
    apply_restart(session, desk, preview_restart(session, swab.id), now=NOW)
    stay = session.get(Stay, other.id)
    assert stay.day_one == date(2026, 11, 23) and stay.day_n(TODAY) == 1  # not "day 5 of 12"
    assert stay.days_total == 7
    first_swab = min(t.planned_day for t in swab_plan(session, other.id) if t.sampled_at is None)
    assert first_swab == 1
    kinds = [e.after["day_one"] for e in actions(session, "stay.restart")]
    assert kinds == ["2026-11-23"]


def test_an_extension_plans_the_swabs_its_extra_days_need(session, site, desk, make_arrival):
    stay = register_arrival(
        session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 20)), free_rooms(session, 1)[0].id, now=NOW
    )
    assert [t.planned_day for t in swab_plan(session, stay.id)] == [1, 2, 3, 5, 7]
    change_release_date(session, desk, stay.id, stay.planned_release + timedelta(days=3), "结果未出", now=NOW)
    plan = [(t.planned_day, t.planned_date) for t in swab_plan(session, stay.id)]
    assert plan[-1] == (10, date(2026, 11, 29))  # the release test is on the new last day
    assert [n for n, _ in plan] == [1, 2, 3, 5, 7, 10]
    assert session.get(Stay, stay.id).manual_days == 3
