"""Swab tests (核酸检测): the plan comes from the rule set; sampling and results are recorded here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError
from models.services import audit
from models.services.audit import transactional
from models.services.sites import get_site
from models.store.orm import Building, Floor, Person, Room, Stay, SwabResult, SwabTest, User


def _swab(session: Session, swab_id: int) -> tuple[SwabTest, Stay]:
    swab = session.get(SwabTest, swab_id)
    if swab is None:
        raise DomainError("swab_not_found")
    return swab, session.get_one(Stay, swab.stay_id)


@transactional("swabs")
def mark_sampled(
    session: Session, actor: User | None, swab_id: int, *, by: str, at: datetime | None = None
) -> SwabTest:
    swab, stay = _swab(session, swab_id)
    if stay.departed_at is not None:
        left = clock.local_date(stay.departed_at, get_site(session).timezone)
        raise DomainError("stay_departed", name=stay.person.name, date=left.isoformat())
    before = audit.snapshot(swab)
    swab.sampled_at, swab.sampled_by = at or clock.now(), by.strip() or None
    swab.result = swab.result or SwabResult.PENDING
    audit.record(session, actor, "swab.sampled", swab, before, person_id=stay.person_id, room_id=stay.room_id)
    return swab


@transactional("swabs")
def record_result(
    session: Session,
    actor: User | None,
    swab_id: int,
    result: SwabResult | str,
    *,
    lab: str = "",
    at: datetime | None = None,
) -> SwabTest:
    swab, stay = _swab(session, swab_id)
    try:
        result = SwabResult(result)
    except ValueError as exc:
        raise DomainError("swab_result_invalid", result=result) from exc
    if swab.sampled_at is None:
        raise DomainError("swab_not_sampled")
    before = audit.snapshot(swab)
    swab.result = result
    swab.result_at = at or clock.now() if result is not SwabResult.PENDING else None
    swab.lab = lab.strip() or swab.lab
    audit.record(session, actor, "swab.result", swab, before, person_id=stay.person_id, room_id=stay.room_id)
    return swab


@transactional("swabs")
def mark_sampled_many(
    session: Session, actor: User | None, swab_ids: list[int], *, by: str, at: datetime | None = None
) -> list[SwabTest]:
    """Several swabs sampled in one go (the swab list's selection): one transaction, one audit entry per
    swab; if one is refused (its person left meanwhile, …) none is marked."""
    at = at or clock.now()
    return [mark_sampled(session, actor, swab_id, by=by, at=at) for swab_id in swab_ids]


@transactional("swabs")
def record_results_many(
    session: Session,
    actor: User | None,
    swab_ids: list[int],
    result: SwabResult | str,
    *,
    lab: str = "",
    at: datetime | None = None,
) -> list[SwabTest]:
    """The same result for several swabs (the swab list's selection): one transaction, one audit entry
    per swab; if one is refused (not sampled yet, …) none is recorded."""
    at = at or clock.now()
    return [record_result(session, actor, swab_id, result, lab=lab, at=at) for swab_id in swab_ids]


@dataclass(frozen=True)
class SwabDue:
    swab_id: int
    stay_id: int
    name: str
    building: str
    floor: str
    room: str
    planned_day: int
    sampled: bool
    result: SwabResult | None = None


def swabs_due(session: Session, day: date, floor_id: int | None = None) -> list[SwabDue]:
    """Today's swab list (per floor), in room order, for people present."""
    q = (
        select(
            SwabTest.id,
            Stay.id,
            Person.name,
            Building.name,
            Floor.name,
            Room.number,
            SwabTest.planned_day,
            SwabTest.sampled_at.is_not(None),
            SwabTest.result,
        )
        .join(Stay, SwabTest.stay_id == Stay.id)
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(SwabTest.planned_date == day, Stay.departed_at.is_(None))
        .order_by(Building.sort, Floor.sort, Room.sort, Stay.bed)
    )
    if floor_id is not None:
        q = q.where(Room.floor_id == floor_id)
    return [SwabDue(*row) for row in session.execute(q)]


def swab_plan(session: Session, stay_id: int) -> list[SwabTest]:
    return list(session.scalars(select(SwabTest).where(SwabTest.stay_id == stay_id).order_by(SwabTest.planned_day)))
