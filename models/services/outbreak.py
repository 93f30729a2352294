"""A positive swab on site (阳性): the guided path after the result.

1. The positive person is transferred to hospital (``stays.transfer``; the page asks for the details).
2. Optionally the clock restarts for the people around them: everyone present on the same floor and
   on the floors directly above and below gets a new last exposure (the positive person's sampling
   time), hence a new planned release and a new swab plan from their own rule. The preview lists
   every stay whose dates would change; nothing is written until it is confirmed, and a preview
   that went stale (someone arrived, left or was changed meanwhile) is refused.

Choice where the rules are silent (README, Domain conventions): a restart never shortens a stay
(the later of the old and new release date wins) and never drops a swab already sampled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError
from models.rules.schedule import local_date, swab_plan
from models.services import audit
from models.services.audit import transactional
from models.services.sites import get_site
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
        new_release = max(day_one + timedelta(days=rule.days_central), stay.planned_release)
        if new_release == stay.planned_release and stay.last_exposure and stay.last_exposure >= exposure:
            continue
        swabs = swab_plan(rule.swab_day_list, day_one, day_one, new_release)
        changes.append(
            RestartChange(
                stay.id, name, room, f"{building} {floor}", stay.last_exposure, stay.planned_release, new_release, swabs
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
                )
            )
            if stay.home_until is not None:
                stay.home_until = stay.home_until + (ch.new_release - stay.planned_release)
        stay.last_exposure = preview.exposure
        stay.planned_release = ch.new_release
        session.execute(delete(SwabTest).where(SwabTest.stay_id == stay.id, SwabTest.sampled_at.is_(None)))
        session.add_all(SwabTest(stay_id=stay.id, planned_day=n, planned_date=when) for n, when in ch.new_swab_days)
        audit.record(
            session, actor, "stay.restart", stay, before, note=f"positive case, stay #{preview.source_stay_id}"
        )
    return len(preview.changes)
