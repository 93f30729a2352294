"""Dates of a stay from its rule: day 1, planned release, home monitoring, swab plan. Pure functions.

Conventions (written down in the README):
- "day 1" is the first counted day: the arrival day when the rule counts from arrival, the day
  after the last exposure when it counts from exposure (the exposure day is day 0);
- a rule of D days centralized releases on the morning after day D: planned release = day 1 + D;
- swab on day k is on day 1 + (k - 1); swab days before arrival are not scheduled at the site
  (they were due elsewhere), except that the arrival day itself gets the first missed one;
- home monitoring follows release: days_home days, the last being release + days_home - 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from models.clock import local_date
from models.store.orm import CategoryRule, CountFrom

__all__ = ["StayDates", "compute_dates", "local_date", "swab_plan"]


@dataclass(frozen=True)
class StayDates:
    day_one: date
    planned_release: date
    home_until: date | None
    swabs: tuple[tuple[int, date], ...]  # (planned day N, date)


def compute_dates(rule: CategoryRule, arrival_day: date, exposure_day: date | None) -> StayDates:
    if rule.count_from is CountFrom.EXPOSURE and exposure_day is not None:
        day_one = exposure_day + timedelta(days=1)
    else:
        day_one = arrival_day
    release = day_one + timedelta(days=rule.days_central)
    home_until = release + timedelta(days=rule.days_home - 1) if rule.days_home > 0 else None
    return StayDates(day_one, release, home_until, swab_plan(rule.swab_day_list, day_one, arrival_day, release))


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
