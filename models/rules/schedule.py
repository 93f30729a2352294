"""Dates of a stay from its rule: day 1, planned release, the home phases, swab plan. Pure functions.

Conventions (written down in the README):
- "day 1" is the first counted day: the arrival day when the rule counts from arrival, the day
  after the last exposure when it counts from exposure (the exposure day is day 0), and the day after
  the positive case's sampling after an outbreak restart, whatever the rule counts from;
- a rule of D days centralized releases on the morning after day D: planned release = day 1 + D;
  days added or taken by hand (an extension) move that date, under any rule set;
- swab on day k is on day 1 + (k - 1); swab days before arrival are not scheduled at the site
  (they were due elsewhere), except that the arrival day itself gets the first missed one; when the
  rule tests on its last day (the release test) and the stay was extended or shortened by hand, that
  test moves to the stay's last day (the earlier days keep theirs);
- the home phases follow release: home isolation (居家隔离) for days_home_isolation days, then home
  health monitoring (居家健康监测) for days_home days; home_until is the last day of the last one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from models.clock import local_date
from models.store.orm import CategoryRule, CountFrom

__all__ = ["HomePhases", "StayDates", "compute_dates", "home_phases", "local_date", "swab_plan"]


@dataclass(frozen=True)
class StayDates:
    day_one: date
    planned_release: date
    home_until: date | None
    swabs: tuple[tuple[int, date], ...]  # (planned day N, date)
    rule_release: date  # the rule's own date, before the days changed by hand


@dataclass(frozen=True)
class HomePhases:
    """After release: (first day, last day) of each home phase, None when the rule has none."""

    home_isolation: tuple[date, date] | None
    monitoring: tuple[date, date] | None


def compute_dates(
    rule: CategoryRule,
    arrival_day: date,
    exposure_day: date | None,
    *,
    restart_day: date | None = None,
    manual_days: int = 0,
) -> StayDates:
    """The dates of a stay under ``rule``, with the decisions about the person (an outbreak restart's new day
    1, days added or taken by hand) applied on top."""
    if restart_day is not None:
        day_one = restart_day
    elif rule.count_from is CountFrom.EXPOSURE and exposure_day is not None:
        day_one = exposure_day + timedelta(days=1)
    else:
        day_one = arrival_day
    rule_release = day_one + timedelta(days=rule.days_central)
    release = max(rule_release + timedelta(days=manual_days), arrival_day + timedelta(days=1))
    after = rule.days_after_release
    home_until = release + timedelta(days=after - 1) if after > 0 else None
    days = set(rule.swab_day_list)
    total = (release - day_one).days
    if rule.days_central in days and total != rule.days_central and total >= 1:
        days.add(total)  # the release test follows the release date
        if total < rule.days_central:
            days.discard(rule.days_central)
    return StayDates(day_one, release, home_until, swab_plan(sorted(days), day_one, arrival_day, release), rule_release)


def home_phases(rule: CategoryRule, release: date) -> HomePhases:
    """The home phases that follow a release on ``release`` under ``rule``."""
    iso = mon = None
    isolation, monitoring = rule.days_home_isolation or 0, rule.days_home or 0
    if isolation > 0:
        iso = (release, release + timedelta(days=isolation - 1))
    if monitoring > 0:
        start = release + timedelta(days=isolation)
        mon = (start, start + timedelta(days=monitoring - 1))
    return HomePhases(iso, mon)


def swab_plan(days: list[int], day_one: date, arrival_day: date, release: date) -> tuple[tuple[int, date], ...]:
    plan: list[tuple[int, date]] = []
    missed: int | None = None
    for k in sorted(days):
        when = day_one + timedelta(days=k - 1)
        if when >= release:
            continue
        if when < arrival_day:
            missed = k
            continue
        plan.append((k, when))
    if missed is not None and not any(d == arrival_day for _, d in plan):
        arrival_n = (arrival_day - day_one).days + 1
        plan.insert(0, (arrival_n, arrival_day))
    return tuple(plan)
