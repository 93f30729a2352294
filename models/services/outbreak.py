"""A positive swab on site (阳性): the guided path after the result.

1. The positive person is transferred to hospital (``stays.transfer``; the page asks for the details).
2. Optionally the clock restarts for the people around them: everyone present on the same floor and
   on the floors directly above and below gets a new last exposure (the positive person's sampling
   time), hence a new planned release and a new swab plan from their own rule. The preview lists
   every stay whose dates would change; nothing is written until it is confirmed, and a preview
   that went stale (someone arrived, left or was changed meanwhile) is refused.

A restart resets the day count: day 1 is the day after the positive person's sampling, the sheets count
from it and the swab plan starts from it. It is a decision about each person (``stay.restart_day``), so a
later switch of the site's rule set keeps it and counts the new rule's period from that day.

Choice where the rules are silent (README, Domain conventions): a restart never shortens a stay
(the later of the old and new release date wins; the days beyond the restart's own date are kept as
days added to it) and never drops a swab already sampled, nor one medical staff added.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError
from models.rules.schedule import compute_dates, local_date
from models.services import audit
from models.services.audit import transactional
from models.services.sites import get_site
from models.services.stay_dates import dates_of, replan_swabs
from models.store.orm import Building, Floor, Person, Room, RuleSet, Stay, StayDateChange, SwabResult, SwabTest, User


@dataclass(frozen=True)
class RestartChange:
    stay_id: int
    name: str
    room: str
    floor: str
    old_exposure: datetime | None
    old_release: date
    new_release: date
    new_swab_days: tuple[tuple[int, date], ...]
    day_one: date  # day 1 again: the day after the positive case's sampling
    manual_days: int = 0  # days beyond the restart's own date, kept (a restart never shortens a stay)


@dataclass(frozen=True)
class RestartPreview:
    source_stay_id: int
    exposure: datetime
    floor_ids: tuple[int, ...]
    changes: tuple[RestartChange, ...]


def neighbour_floors(session: Session, floor_id: int) -> list[int]:
    """The floor and the floors directly above and below it, in the same building."""
    floor = session.get(Floor, floor_id)
    if floor is None:
        raise DomainError("room_not_found", room=floor_id)
    return list(
        session.scalars(
            select(Floor.id).where(
                Floor.building_id == floor.building_id, Floor.level.between(floor.level - 1, floor.level + 1)
            )
        )
    )


def positive_swab(session: Session, swab_id: int) -> SwabTest:
    swab = session.get(SwabTest, swab_id)
    if swab is None:
        raise DomainError("swab_not_found")
    if swab.result is not SwabResult.POSITIVE:
        raise DomainError("swab_not_positive")
    return swab


def preview_restart(session: Session, swab_id: int) -> RestartPreview:
    """Who around a positive result would restart their isolation, and to which dates. Writes nothing."""
    site = get_site(session)
    swab = positive_swab(session, swab_id)
    source = session.get_one(Stay, swab.stay_id)
    exposure = swab.sampled_at or clock.now()
    exposure_day = local_date(exposure, site.timezone)
    floors = neighbour_floors(session, session.get_one(Room, source.room_id).floor_id)
    rows = session.execute(
        select(Stay, Person.name, Room.number, Building.name, Floor.name)
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Stay.departed_at.is_(None), Room.floor_id.in_(floors), Stay.id != source.id)
        .order_by(Floor.level, Room.sort, Stay.bed)
    ).all()
    rule_sets = {rs.id: rs for rs in session.scalars(select(RuleSet))}
    changes = []
    for stay, name, room, building, floor in rows:
        rule = rule_sets[stay.rule_set_id].rule_for(stay.category_code)
        if rule is None:
            continue
        # a restart counts from the new exposure whatever the category normally counts from
        day_one = exposure_day + timedelta(days=1)
        if stay.restart_day == day_one and stay.last_exposure and stay.last_exposure >= exposure:
            continue  # already restarted from this case
        dates = compute_dates(rule, stay.arrival_day, exposure_day, restart_day=day_one)
        new_release = max(dates.planned_release, stay.planned_release)
        extra = (new_release - dates.rule_release).days
        swabs = (
            dates.swabs
            if extra == 0
            else compute_dates(rule, stay.arrival_day, exposure_day, restart_day=day_one, manual_days=extra).swabs
        )
        changes.append(
            RestartChange(
                stay.id,
                name,
                room,
                f"{building} {floor}",
                stay.last_exposure,
                stay.planned_release,
                new_release,
                swabs,
                day_one,
                extra,
            )
        )
    return RestartPreview(source.id, exposure, tuple(sorted(floors)), tuple(changes))


@transactional("swabs")
def apply_restart(session: Session, actor: User | None, preview: RestartPreview, now: datetime | None = None) -> int:
    """Apply a confirmed restart preview; refused when it no longer matches the database. Returns stays changed."""
    now = now or clock.now()
    swab_id = session.scalar(
        select(SwabTest.id)
        .where(SwabTest.stay_id == preview.source_stay_id, SwabTest.result == SwabResult.POSITIVE)
        .order_by(SwabTest.id.desc())
    )
    if swab_id is None or preview_restart(session, swab_id) != preview:
        raise DomainError("stale")
    tz = get_site(session).timezone
    rule_sets = {rs.id: rs for rs in session.scalars(select(RuleSet))}
    for ch in preview.changes:
        stay = session.get_one(Stay, ch.stay_id)
        before = audit.snapshot(stay)
        if ch.new_release != stay.planned_release:
            session.add(
                StayDateChange(
                    stay_id=stay.id,
                    at=now,
                    old_release=stay.planned_release,
                    new_release=ch.new_release,
                    reason="密接阳性，重新计算隔离期 / positive case nearby: isolation restarted",
                    user_id=actor.id if actor else None,
                    kind="restart",
                )
            )
        rule = rule_sets[stay.rule_set_id].rule_for(stay.category_code)
        assert rule is not None  # the preview left out the stays without one
        stay.last_exposure = preview.exposure
        stay.restart_day, stay.day_one, stay.manual_days = ch.day_one, ch.day_one, ch.manual_days
        stay.planned_release = ch.new_release
        stay.home_until = dates_of(stay, rule, tz).home_until
        replan_swabs(session, stay, ch.new_swab_days, since=stay.arrival_day)
        audit.record(
            session, actor, "stay.restart", stay, before, note=f"positive case, stay #{preview.source_stay_id}"
        )
    return len(preview.changes)
