"""A current stay's dates under a rule, with the decisions about the person on top, and its swab plan
brought in line with them. Called inside the services that change dates (extension, restart, rule switch,
undoing a departure); writes through the caller's session and transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.rules.schedule import StayDates, compute_dates, local_date
from models.store.orm import CategoryRule, Stay, SwabTest


def dates_of(stay: Stay, rule: CategoryRule, tz: str, *, manual_days: int | None = None) -> StayDates:
    """``stay``'s dates as ``rule`` sets them, keeping its restart and the days changed by hand
    (``manual_days`` instead of the stay's own, for an extension being made)."""
    exposure = local_date(stay.last_exposure, tz) if stay.last_exposure else None
    return compute_dates(
        rule,
        stay.arrival_day,
        exposure,
        restart_day=stay.restart_day,
        manual_days=stay.manual_days if manual_days is None else manual_days,
    )


def replan_swabs(session: Session, stay: Stay, plan: tuple[tuple[int, date], ...], *, since: date) -> None:
    """The stay's planned swabs become ``plan``'s: a planned swab the plan no longer has is dropped, and the
    plan's swabs from ``since`` on that are missing are added (none is planned in the past). Swabs already
    sampled stay, and so do the unscheduled ones medical staff added."""
    rows = list(session.scalars(select(SwabTest).where(SwabTest.stay_id == stay.id)))
    sampled = {s.planned_day for s in rows if s.sampled_at is not None}
    wanted = {(n, when) for n, when in plan if n not in sampled}
    have: set[tuple[int, date]] = set()
    drop: list[int] = []
    for s in rows:
        if s.sampled_at is not None or s.unscheduled:
            continue
        key = (s.planned_day, s.planned_date)
        if key in wanted and key not in have:
            have.add(key)
        else:
            drop.append(s.id)
    if drop:
        session.execute(delete(SwabTest).where(SwabTest.id.in_(drop)))
    add = sorted(k for k in wanted - have if k[1] >= since)
    session.add_all(SwabTest(stay_id=stay.id, planned_day=n, planned_date=when) for n, when in add)
