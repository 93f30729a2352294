"""Dates of a stay (models/rules/schedule.py): day 1, planned release, home monitoring and the swab plan.

The convention (docstring of models/rules/schedule.py): day 1 is the arrival day, or the day after the last
exposure (the exposure day is day 0); D days centralized release on day 1 + D; swab day k is on
day 1 + (k - 1); swab days before arrival are not scheduled, but the arrival day gets one swab in
their place unless it is a swab day anyway; home monitoring runs from release for days_home days.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from models.rules.schedule import compute_dates, local_date
from models.services.sites import DEFAULT_RULE_SETS
from models.store.orm import CategoryRule, CountFrom

ARRIVAL = date(2026, 11, 20)
EXPOSURE = date(2026, 11, 18)  # day 1 = 19 Nov when counted from exposure: arrival is day 2


def nov(d: int) -> date:
    return date(2026, 11, d)


def dec(d: int) -> date:
    return date(2026, 12, d)


def rule_of(rule_set: str, category: str, count_from: CountFrom | None = None) -> CategoryRule:
    rules = next(v for (name, _start), v in DEFAULT_RULE_SETS.items() if name == rule_set)
    central, home, swabs, home_swabs, count = rules[category]
    return CategoryRule(
        category_code=category,
        days_central=central,
        days_home=home,
        swab_days=swabs,
        home_swab_days=home_swabs,
        count_from=count_from or count,
    )


def rule(central: int, home: int, swabs: str, count: CountFrom) -> CategoryRule:
    return CategoryRule(category_code="x", days_central=central, days_home=home, swab_days=swabs, count_from=count)


# (rule set, category) -> (day 1, planned release, home until, [(swab day N, date)]), worked out by hand
# for an arrival on 20 Nov and, where the rule counts from exposure, a last exposure on 18 Nov.
EXPECTED = {
    ("2020 第七版", "inbound"): (nov(20), dec(4), dec(10), [(14, dec(3))]),
    ("2020 第七版", "close_contact"): (nov(19), dec(3), dec(9), [(14, dec(2))]),
    ("第八版", "inbound"): (nov(20), dec(4), dec(10), [(1, nov(20)), (4, nov(23)), (7, nov(26)), (14, dec(3))]),
    # day 1 (19 Nov) was before arrival and day 2 is no swab day: the arrival day takes one
    ("第八版", "close_contact"): (nov(19), dec(3), dec(9), [(2, nov(20)), (4, nov(22)), (7, nov(25)), (14, dec(2))]),
    ("第八版", "secondary_contact"): (nov(19), nov(26), None, [(2, nov(20)), (4, nov(22)), (7, nov(25))]),
    ("第八版", "red_yellow_code"): (nov(20), nov(27), dec(3), [(1, nov(20)), (4, nov(23)), (7, nov(26))]),
    ("第九版", "inbound"): (
        nov(20),
        nov(27),
        nov(29),
        [(1, nov(20)), (2, nov(21)), (3, nov(22)), (5, nov(24)), (7, nov(26))],
    ),
    # day 1 missed, but the arrival day is day 2, a swab day anyway: no extra swab
    ("第九版", "close_contact"): (nov(19), nov(26), nov(28), [(2, nov(20)), (3, nov(21)), (5, nov(23)), (7, nov(25))]),
    ("第九版", "secondary_contact"): (nov(19), nov(26), None, [(2, nov(20)), (4, nov(22)), (7, nov(25))]),
    ("二十条", "inbound"): (nov(20), nov(25), nov(27), [(1, nov(20)), (2, nov(21)), (3, nov(22)), (5, nov(24))]),
    ("二十条", "close_contact"): (nov(19), nov(24), nov(26), [(2, nov(20)), (3, nov(21)), (5, nov(23))]),
}


@pytest.mark.parametrize(("rule_set", "category"), list(EXPECTED))
def test_standard_rule_sets_give_the_dates_worked_out_by_hand(rule_set, category):
    d = compute_dates(rule_of(rule_set, category), ARRIVAL, EXPOSURE)
    assert (d.day_one, d.planned_release, d.home_until, list(d.swabs)) == EXPECTED[(rule_set, category)]


def test_every_standard_rule_set_is_covered_by_the_table():
    assert {name for name, _start in DEFAULT_RULE_SETS} == {rs for rs, _cat in EXPECTED}


ALL_RULES = [(name, cat) for (name, _start), rules in DEFAULT_RULE_SETS.items() for cat in rules]


@pytest.mark.parametrize(("rule_set", "category"), ALL_RULES)
def test_counted_from_arrival_every_swab_day_is_kept(rule_set, category):
    r = rule_of(rule_set, category, CountFrom.ARRIVAL)
    d = compute_dates(r, ARRIVAL, EXPOSURE)  # the exposure does not matter when counting from arrival
    assert d.day_one == ARRIVAL
    assert d.planned_release == ARRIVAL + timedelta(days=r.days_central)
    assert d.home_until == (d.planned_release + timedelta(days=r.days_home - 1) if r.days_home else None)
    assert list(d.swabs) == [(k, ARRIVAL + timedelta(days=k - 1)) for k in r.swab_day_list]


@pytest.mark.parametrize(("rule_set", "category"), ALL_RULES)
def test_counted_from_exposure_day_one_is_the_day_after_exposure(rule_set, category):
    r = rule_of(rule_set, category, CountFrom.EXPOSURE)
    d = compute_dates(r, ARRIVAL, EXPOSURE)
    assert d.day_one == EXPOSURE + timedelta(days=1)
    assert d.planned_release == EXPOSURE + timedelta(days=1 + r.days_central)
    assert d.home_until == (d.planned_release + timedelta(days=r.days_home - 1) if r.days_home else None)
    assert all(ARRIVAL <= when < d.planned_release for _n, when in d.swabs)


def test_seven_days_from_exposure_release_on_the_morning_after_day_seven():
    d = compute_dates(rule_of("第九版", "close_contact"), nov(22), nov(20))
    assert d.day_one == nov(21)  # exposure day 20 Nov is day 0
    assert d.planned_release == nov(28)  # day 1 + 7
    assert d.home_until == nov(30)  # three days at home: 28, 29, 30


def test_several_missed_swab_days_give_a_single_swab_on_arrival():
    # exposure 13 Nov: day 1 = 14 Nov; arrival 20 Nov is day 7 of 14 under 第八版 (days 1 and 4 missed)
    d = compute_dates(rule_of("第八版", "close_contact"), ARRIVAL, nov(13))
    assert list(d.swabs) == [(7, nov(20)), (14, nov(27))]  # day 7 is the arrival day: nothing added
    # exposure 12 Nov: arrival is day 8; days 1, 4, 7 were due elsewhere, the arrival day gets one
    d = compute_dates(rule_of("第八版", "close_contact"), ARRIVAL, nov(12))
    assert list(d.swabs) == [(8, nov(20)), (14, nov(26))]


def test_no_swab_added_on_arrival_when_none_was_missed():
    # exposure on the arrival day itself: day 1 is tomorrow, the arrival day is day 0
    d = compute_dates(rule_of("第九版", "close_contact"), ARRIVAL, ARRIVAL)
    assert d.day_one == nov(21)
    assert d.swabs[0] == (1, nov(21))
    assert all(when > ARRIVAL for _n, when in d.swabs)


def test_swab_days_at_or_after_release_are_not_scheduled():
    d = compute_dates(rule(5, 0, "1,5,6,9", CountFrom.ARRIVAL), ARRIVAL, None)
    assert list(d.swabs) == [(1, nov(20)), (5, nov(24))]  # release 25 Nov


def test_exposure_rule_without_a_known_exposure_counts_from_arrival():
    d = compute_dates(rule_of("第九版", "close_contact"), ARRIVAL, None)
    assert (d.day_one, d.planned_release) == (ARRIVAL, nov(27))
    assert [n for n, _ in d.swabs] == [1, 2, 3, 5, 7]


def test_no_home_monitoring_gives_no_home_date():
    assert compute_dates(rule_of("第九版", "secondary_contact"), ARRIVAL, EXPOSURE).home_until is None


def test_day_boundaries_are_local_to_the_site():
    late_utc = datetime(2026, 11, 22, 16, 30, tzinfo=UTC)  # 00:30 on 23 Nov in Shanghai
    assert local_date(late_utc, "Asia/Shanghai") == nov(23)
    assert local_date(late_utc, "UTC") == nov(22)


STANDARD = [rule_of(name, cat) for name, cat in ALL_RULES]


@given(
    st.sampled_from(STANDARD),
    st.sampled_from(list(CountFrom)),
    st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    st.integers(0, 20),
)
def test_swab_plan_follows_the_convention(r, count_from, arrival, days_since_exposure):
    r = rule(r.days_central, r.days_home, r.swab_days, count_from)
    exposure = arrival - timedelta(days=days_since_exposure)
    d = compute_dates(r, arrival, exposure)
    assume(d.planned_release > arrival)  # otherwise the period is over and the desk refuses the arrival
    dates = [when for _n, when in d.swabs]
    assert dates == sorted(set(dates))  # one swab a day at most, in order
    assert all(arrival <= when < d.planned_release for when in dates)
    assert all(when == d.day_one + timedelta(days=n - 1) for n, when in d.swabs)  # day N is day N of the stay
    due_here = [(k, d.day_one + timedelta(days=k - 1)) for k in r.swab_day_list]
    due_here = [(k, when) for k, when in due_here if arrival <= when < d.planned_release]
    missed = any(d.day_one + timedelta(days=k - 1) < arrival for k in r.swab_day_list)
    extra = [s for s in d.swabs if s not in due_here]
    assert set(due_here) <= set(d.swabs)
    if missed and arrival not in [when for _k, when in due_here]:
        assert extra == [((arrival - d.day_one).days + 1, arrival)]
    else:
        assert extra == []
