"""Switching the site to another rule set: preview every current stay whose dates change, apply on confirmation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError
from models.rules.schedule import StayDates, compute_dates, local_date
from models.services import audit
from models.services.audit import transactional
from models.services.sites import get_site
from models.store.orm import CategoryRule, Person, Room, RuleSet, Stay, StayDateChange, SwabTest, User


@dataclass(frozen=True)
class SwitchChange:
    stay_id: int
    name: str
    room: str
    category: str
    old_release: date
    new_release: date
    old_home_until: date | None
    new_home_until: date | None
    old_swab_days: tuple[int, ...]  # not yet sampled
    new_swab_days: tuple[int, ...]
    problem: str | None = None  # e.g. the new rule set has no rule for the category: stay unchanged


@dataclass(frozen=True)
class SwitchPreview:
    rule_set_id: int
    rule_set_name: str
    effective: date
    changes: tuple[SwitchChange, ...]
    unchanged: tuple[int, ...]  # stays whose dates stay the same (they still move to the new rule set)


def stay_dates(stay: Stay, rule: CategoryRule, tz: str) -> StayDates:
    """A current stay's dates as ``rule`` would set them."""
    exposure = local_date(stay.last_exposure, tz) if stay.last_exposure else None
    return compute_dates(rule, stay.arrival_day, exposure)


def preview_rule_switch(session: Session, rule_set_id: int, effective: date) -> SwitchPreview:
    """What switching to ``rule_set_id`` on ``effective`` would do to every current stay. Writes nothing."""
    site = get_site(session)
    rs = session.get(RuleSet, rule_set_id)
    if rs is None:
        raise DomainError("rule_set_unknown")
    rows = session.execute(
        select(Stay, Person.name, Room.number)
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .where(Stay.departed_at.is_(None))
        .order_by(Room.sort, Stay.id)
    ).all()
    pending: dict[int, list[int]] = {}
    sampled: dict[int, set[int]] = {}
    for stay_id, day, taken in session.execute(
        select(SwabTest.stay_id, SwabTest.planned_day, SwabTest.sampled_at.is_not(None))
        .join(Stay, SwabTest.stay_id == Stay.id)
        .where(Stay.departed_at.is_(None))
        .order_by(SwabTest.planned_day)
    ):
        if taken:
            sampled.setdefault(stay_id, set()).add(day)
        else:
            pending.setdefault(stay_id, []).append(day)
    changes: list[SwitchChange] = []
    unchanged: list[int] = []
    for stay, name, room in rows:
        old_days = tuple(pending.get(stay.id, ()))
        rule = rs.rule_for(stay.category_code)
        if rule is None:
            changes.append(
                SwitchChange(
                    stay.id,
                    name,
                    room,
                    stay.category_code,
                    stay.planned_release,
                    stay.planned_release,
                    stay.home_until,
                    stay.home_until,
                    old_days,
                    old_days,
                    problem="no_rule",
                )
            )
            continue
        dates = stay_dates(stay, rule, site.timezone)
        new_days = tuple(n for n, when in dates.swabs if when >= effective and n not in sampled.get(stay.id, set()))
        # a period that the new rule ends before the switch ends on the switch day, never in the past
        new_release = max(dates.planned_release, effective, stay.arrival_day + timedelta(days=1))
        new_home = new_release + timedelta(days=rule.days_home - 1) if rule.days_home else None
        if (new_release, new_home, new_days) == (stay.planned_release, stay.home_until, old_days):
            unchanged.append(stay.id)
            continue
        changes.append(
            SwitchChange(
                stay.id,
                name,
                room,
                stay.category_code,
                stay.planned_release,
                new_release,
                stay.home_until,
                new_home,
                old_days,
                new_days,
            )
        )
    return SwitchPreview(rs.id, rs.name, effective, tuple(changes), tuple(unchanged))


@transactional("settings")
def apply_rule_switch(session: Session, actor: User | None, preview: SwitchPreview, now: datetime | None = None) -> int:
    """Apply a confirmed preview. If anything changed since the preview was made, refuse (stale).

    Returns the number of stays whose dates changed.
    """
    now = now or clock.now()
    fresh = preview_rule_switch(session, preview.rule_set_id, preview.effective)
    if fresh != preview:
        raise DomainError("stale")
    site = get_site(session)
    before = audit.snapshot(site)
    site.rule_set_id, site.rule_set_since = preview.rule_set_id, preview.effective
    audit.record(
        session,
        actor,
        "site.rule_set",
        site,
        before,
        note=f"{preview.rule_set_name} from {preview.effective.isoformat()}",
    )
    applied = 0
    for ch in preview.changes:
        if ch.problem:
            continue
        stay = session.get_one(Stay, ch.stay_id)
        sb = audit.snapshot(stay)
        if ch.new_release != ch.old_release:
            session.add(
                StayDateChange(
                    stay_id=stay.id,
                    at=now,
                    old_release=ch.old_release,
                    new_release=ch.new_release,
                    reason=f"规则切换 / rule set: {preview.rule_set_name}",
                    user_id=actor.id if actor else None,
                )
            )
        stay.planned_release, stay.home_until, stay.rule_set_id = ch.new_release, ch.new_home_until, preview.rule_set_id
        rule = session.get_one(RuleSet, preview.rule_set_id).rule_for(stay.category_code)
        assert rule is not None
        dates = stay_dates(stay, rule, site.timezone)
        stay.day_one = dates.day_one
        session.execute(delete(SwabTest).where(SwabTest.stay_id == stay.id, SwabTest.sampled_at.is_(None)))
        by_day = dict(dates.swabs)
        session.add_all(SwabTest(stay_id=stay.id, planned_day=n, planned_date=by_day[n]) for n in ch.new_swab_days)
        audit.record(session, actor, "stay.rule_switch", stay, sb, note=preview.rule_set_name)
        applied += 1
    for stay_id in preview.unchanged:
        stay = session.get_one(Stay, stay_id)
        if stay.rule_set_id != preview.rule_set_id:
            sb = audit.snapshot(stay)
            stay.rule_set_id = preview.rule_set_id
            audit.record(session, actor, "stay.rule_switch", stay, sb, note=preview.rule_set_name)
    return applied


def rule_sets(session: Session) -> list[RuleSet]:
    return list(session.scalars(select(RuleSet).order_by(RuleSet.effective_from)))
