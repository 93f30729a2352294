"""Rule sets as data, edited by the site's admin, and switching the site to one on a date.

A rule set is edited only while it is a draft: nobody's dates come from a draft. Switching the site to a
draft makes it final; a final rule set is never edited in place: a change is a copy (a new draft, based on
it) that is then switched to. Each category's rule chains phases: centralized isolation, home isolation
and home health monitoring, each with its days and test days (14+7+7, 7+7, 7+3, 5+3 …).

A switch recomputes every current stay from the new rule *with the decisions about each person on top*: a
manual extension (days added by hand) and an outbreak restart (a new day 1) are kept, and the preview shows
them as kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError, coded
from models.rules.schedule import StayDates
from models.services import audit
from models.services.audit import transactional
from models.services.sites import get_site
from models.services.stay_dates import dates_of
from models.store.orm import (
    Category,
    CategoryRule,
    CountFrom,
    Person,
    Room,
    RuleSet,
    Site,
    Stay,
    StayDateChange,
    SwabTest,
    User,
    parse_days,
)

DAYS_MAX = 60  # per phase (the table's check constraints)


# --- reading ---------------------------------------------------------------------------------------


def rule_sets(session: Session) -> list[RuleSet]:
    return list(session.scalars(select(RuleSet).order_by(RuleSet.effective_from, RuleSet.id)))


@dataclass(frozen=True)
class RuleSetUse:
    in_use: bool  # the site's current rule set
    stays: int  # current stays whose dates come from it


def rule_set_use(session: Session, rule_set_id: int) -> RuleSetUse:
    site = get_site(session)
    n = session.scalar(
        select(func.count()).select_from(Stay).where(Stay.rule_set_id == rule_set_id, Stay.departed_at.is_(None))
    )
    return RuleSetUse(site.rule_set_id == rule_set_id, int(n or 0))


# --- editing drafts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleInput:
    """One category's rule as typed: days per phase, test days as "1,4,7,14", the counting origin."""

    category_code: str
    days_central: int
    days_home_isolation: int = 0
    days_home: int = 0
    swab_days: str = ""
    home_isolation_swab_days: str = ""
    home_swab_days: str = ""
    count_from: CountFrom | str = CountFrom.ARRIVAL


def _get(session: Session, rule_set_id: int) -> RuleSet:
    rs = session.get(RuleSet, rule_set_id)
    if rs is None:
        raise DomainError("rule_set_unknown")
    return rs


def _draft(session: Session, rule_set_id: int) -> RuleSet:
    rs = _get(session, rule_set_id)
    if not rs.draft:
        raise DomainError("rule_set_final", name=rs.name)
    return rs


def _name(session: Session, name: str, own_id: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise DomainError("rule_set_name_required")
    if len(name) > 100:
        raise DomainError("rule_set_name_long")
    other = session.scalar(select(RuleSet.id).where(RuleSet.name == name))
    if other is not None and other != own_id:
        raise DomainError("rule_set_name_taken", name=name)
    return name


def _test_days(text: str, days: int, phase: str) -> str:
    try:
        listed = parse_days(text)
    except ValueError as exc:
        raise DomainError("rule_days_unreadable", value=text.strip(), phase=coded("rule_phase", phase)) from exc
    wrong = [d for d in listed if not 1 <= d <= days]
    if wrong:
        raise DomainError("rule_day_outside", day=wrong[0], days=days, phase=coded("rule_phase", phase))
    return ",".join(str(d) for d in listed)


def _checked(session: Session, r: RuleInput) -> dict[str, object]:
    if session.get(Category, r.category_code) is None:
        raise DomainError("category_unknown", category=r.category_code)
    for value, low in ((r.days_central, 1), (r.days_home_isolation, 0), (r.days_home, 0)):
        if not isinstance(value, int) or not low <= value <= DAYS_MAX:
            raise DomainError("rule_days_range", low=low, high=DAYS_MAX)
    try:
        count_from = CountFrom(r.count_from)
    except ValueError as exc:
        raise DomainError("rule_count_from_unknown") from exc
    return {
        "days_central": r.days_central,
        "days_home_isolation": r.days_home_isolation,
        "days_home": r.days_home,
        "swab_days": _test_days(r.swab_days, r.days_central, "central"),
        "home_isolation_swab_days": _test_days(r.home_isolation_swab_days, r.days_home_isolation, "home_isolation"),
        "home_swab_days": _test_days(r.home_swab_days, r.days_home, "home"),
        "count_from": count_from,
    }


@transactional("settings")
def copy_rule_set(session: Session, actor: User | None, rule_set_id: int, name: str) -> RuleSet:
    """A new draft with the rules of ``rule_set_id``, to edit and then switch to."""
    src = _get(session, rule_set_id)
    rs = RuleSet(
        name=_name(session, name),
        effective_from=src.effective_from,
        notes=src.notes,
        draft=True,
        based_on_id=src.id,
    )
    session.add(rs)
    session.flush()
    for r in src.rules:
        session.add(
            CategoryRule(
                rule_set_id=rs.id,
                category_code=r.category_code,
                days_central=r.days_central,
                days_home_isolation=r.days_home_isolation,
                days_home=r.days_home,
                swab_days=r.swab_days,
                home_isolation_swab_days=r.home_isolation_swab_days,
                home_swab_days=r.home_swab_days,
                count_from=r.count_from,
            )
        )
    session.flush()
    session.refresh(rs)
    audit.record(session, actor, "rule_set.copy", rs, note=src.name)
    return rs


@transactional("settings")
def update_draft(
    session: Session,
    actor: User | None,
    rule_set_id: int,
    *,
    name: str,
    effective_from: date,
    notes: str = "",
    rules: list[RuleInput],
) -> RuleSet:
    """Save a draft: its name, intended start, notes and every category's rule (a category left out has no
    rule: its people keep their dates at a switch, and the preview says so)."""
    rs = _draft(session, rule_set_id)
    before = audit.snapshot(rs)
    rs.name, rs.effective_from, rs.notes = _name(session, name, rs.id), effective_from, notes.strip()[:400]
    seen: set[str] = set()
    for r in rules:
        if r.category_code in seen:
            raise DomainError("rule_category_twice", category=r.category_code)
        seen.add(r.category_code)
        values = _checked(session, r)
        rule = rs.rule_for(r.category_code)
        if rule is None:
            rule = CategoryRule(rule_set_id=rs.id, category_code=r.category_code, **values)
            session.add(rule)
            session.flush()
            audit.record(session, actor, "rule.add", rule, note=rs.name)
            continue
        rb = audit.snapshot(rule)
        for k, v in values.items():
            setattr(rule, k, v)
        session.flush()
        if audit.snapshot(rule) != rb:
            audit.record(session, actor, "rule.update", rule, rb, note=rs.name)
    for rule in list(rs.rules):
        if rule.category_code not in seen:
            rb = audit.snapshot(rule)
            rs.rules.remove(rule)
            session.delete(rule)
            audit.record(session, actor, "rule.remove", rule, rb, note=rs.name)
    session.flush()
    audit.record(session, actor, "rule_set.update", rs, before)
    return rs


@transactional("settings")
def delete_draft(session: Session, actor: User | None, rule_set_id: int) -> None:
    """A draft nobody switched to can be thrown away."""
    rs = _draft(session, rule_set_id)
    before = audit.snapshot(rs)
    session.execute(delete(CategoryRule).where(CategoryRule.rule_set_id == rs.id))
    session.delete(rs)
    session.flush()
    audit.record(session, actor, "rule_set.delete", rs, before)


# --- switching ---------------------------------------------------------------------------------------


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
    kept_manual_days: int = 0  # days added (or taken) by hand, applied on top of the new rule
    kept_restart: date | None = None  # an outbreak restart's day 1, the new rule counts from it


@dataclass(frozen=True)
class SwitchPreview:
    rule_set_id: int
    rule_set_name: str
    effective: date
    changes: tuple[SwitchChange, ...]
    unchanged: tuple[int, ...]  # stays whose dates stay the same (they still move to the new rule set)


def stay_dates(stay: Stay, rule: CategoryRule, tz: str) -> StayDates:
    """A current stay's dates as ``rule`` would set them, the decisions about the person kept."""
    return dates_of(stay, rule, tz)


def _switch_dates(stay: Stay, rule: CategoryRule, site: Site, effective: date) -> tuple[StayDates, date]:
    dates = stay_dates(stay, rule, site.timezone)
    # a period that the new rule ends before the switch ends on the switch day, never in the past
    return dates, max(dates.planned_release, effective, stay.arrival_day + timedelta(days=1))


def preview_rule_switch(session: Session, rule_set_id: int, effective: date) -> SwitchPreview:
    """What switching to ``rule_set_id`` on ``effective`` would do to every current stay. Writes nothing."""
    site = get_site(session)
    rs = _get(session, rule_set_id)
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
        .where(Stay.departed_at.is_(None), SwabTest.unscheduled.is_(False))
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
        dates, new_release = _switch_dates(stay, rule, site, effective)
        new_days = tuple(n for n, when in dates.swabs if when >= effective and n not in sampled.get(stay.id, set()))
        after = rule.days_after_release
        new_home = new_release + timedelta(days=after - 1) if after else None
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
                kept_manual_days=stay.manual_days,
                kept_restart=stay.restart_day,
            )
        )
    return SwitchPreview(rs.id, rs.name, effective, tuple(changes), tuple(unchanged))


@transactional("settings")
def apply_rule_switch(session: Session, actor: User | None, preview: SwitchPreview, now: datetime | None = None) -> int:
    """Apply a confirmed preview. If anything changed since the preview was made, refuse (stale). A draft
    switched to becomes final.

    Returns the number of stays whose dates changed.
    """
    now = now or clock.now()
    fresh = preview_rule_switch(session, preview.rule_set_id, preview.effective)
    if fresh != preview:
        raise DomainError("stale")
    site = get_site(session)
    rs = session.get_one(RuleSet, preview.rule_set_id)
    if not rs.rules:
        raise DomainError("rule_set_empty", name=rs.name)
    if rs.draft:
        rb = audit.snapshot(rs)
        rs.draft = False
        audit.record(session, actor, "rule_set.final", rs, rb)
    before = audit.snapshot(site)
    site.rule_set_id, site.rule_set_since = preview.rule_set_id, preview.effective
    note = f"{preview.rule_set_name} from {preview.effective.isoformat()}"  # audit_log NOTE_SHAPES
    audit.record(session, actor, "site.rule_set", site, before, note=note)
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
                    kind="rule_switch",
                )
            )
        stay.planned_release, stay.home_until, stay.rule_set_id = ch.new_release, ch.new_home_until, preview.rule_set_id
        rule = rs.rule_for(stay.category_code)
        assert rule is not None
        dates = stay_dates(stay, rule, site.timezone)
        stay.day_one = dates.day_one
        session.execute(
            delete(SwabTest).where(
                SwabTest.stay_id == stay.id, SwabTest.sampled_at.is_(None), SwabTest.unscheduled.is_(False)
            )
        )
        by_day = dict(dates.swabs)
        session.add_all(SwabTest(stay_id=stay.id, planned_day=n, planned_date=by_day[n]) for n in ch.new_swab_days)
        audit.record(session, actor, "stay.rule_switch", stay, sb, note=note)
        applied += 1
    for stay_id in preview.unchanged:
        stay = session.get_one(Stay, stay_id)
        if stay.rule_set_id != preview.rule_set_id:
            sb = audit.snapshot(stay)
            stay.rule_set_id = preview.rule_set_id
            audit.record(session, actor, "stay.rule_switch", stay, sb, note=note)
    return applied
