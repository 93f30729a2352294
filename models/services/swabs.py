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
from models.services.stays import get_stay
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
    weak: bool = False,
    ct_values: str | None = None,
) -> SwabTest:
    """A swab's result (with the lab's name and time; a positive may be weak, 弱阳性; the lab's Ct values as
    ``lab_import.ct_values`` keeps them)."""
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
    swab.weak = bool(weak) and result is SwabResult.POSITIVE
    swab.ct_values = ((ct_values or "")[:60] or None) if result is not SwabResult.PENDING else None
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


@transactional("swabs")
def add_unscheduled(
    session: Session, actor: User | None, stay_id: int, day: date, reason: str, *, today: date | None = None
) -> SwabTest:
    """A swab outside the rule's plan (计划外: symptoms, a contact, the lab's request), added by medical
    staff for ``day``: today or later, not after the planned release, one per stay per day (a day that
    already has a swab, planned or not, is refused). It is due like a planned one: on the swab list, the
    daily sheet and the today screen."""
    stay = get_stay(session, stay_id)
    if not reason.strip():
        raise DomainError("reason_required")
    today = today or clock.local_date(clock.now(), get_site(session).timezone)
    if day < today:
        raise DomainError("swab_unscheduled_past", today=today.isoformat())
    if day > stay.planned_release:
        raise DomainError("swab_unscheduled_after_release", date=stay.planned_release.isoformat())
    taken = session.scalar(select(SwabTest).where(SwabTest.stay_id == stay.id, SwabTest.planned_date == day).limit(1))
    if taken is not None:
        raise DomainError(
            "swab_unscheduled_duplicate", name=stay.person.name, date=day.isoformat(), day=taken.planned_day
        )
    swab = SwabTest(
        stay_id=stay.id, planned_day=stay.day_n(day), planned_date=day, unscheduled=True, reason=reason.strip()
    )
    session.add(swab)
    session.flush()
    audit.record(
        session, actor, "swab.add", swab, None, person_id=stay.person_id, room_id=stay.room_id, note=reason.strip()
    )
    return swab


@transactional("swabs")
def correct_result(
    session: Session,
    actor: User | None,
    swab_id: int,
    result: SwabResult | str,
    reason: str,
    *,
    expected_version: int | None = None,
    at: datetime | None = None,
) -> SwabTest:
    """A result entered wrongly, corrected (negative to positive or back, or back to awaiting the lab): the
    old value stays in the audit trail (``swab.correct``, before and after, with the reason). A stale version
    is refused. Allowed after the person left too: the record is what the ledgers and reports read."""
    swab, stay = _swab(session, swab_id)
    if expected_version is not None and swab.version != expected_version:
        raise DomainError("stale")
    try:
        result = SwabResult(result)
    except ValueError as exc:
        raise DomainError("swab_result_invalid", result=result) from exc
    if not reason.strip():
        raise DomainError("reason_required")
    if swab.result is None or swab.result is SwabResult.PENDING:
        raise DomainError("swab_correct_no_result")
    if result is swab.result:
        raise DomainError("swab_correct_same")
    before = audit.snapshot(swab)
    swab.result = result
    swab.weak, swab.ct_values = False, None  # the lab's weak positive and Ct were of the result corrected
    # the time the lab gave the result stays (the report counts it that day); back to pending: none
    swab.result_at = (swab.result_at or at or clock.now()) if result is not SwabResult.PENDING else None
    audit.record(
        session, actor, "swab.correct", swab, before, person_id=stay.person_id, room_id=stay.room_id,
        note=reason.strip(),
    )  # fmt: skip
    return swab


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
    unscheduled: bool = False  # added by medical staff outside the rule's plan (计划外), with its reason
    reason: str | None = None


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
            SwabTest.unscheduled,
            SwabTest.reason,
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


@dataclass(frozen=True)
class Present:
    """A person present, as the unscheduled-swab dialog offers them: room and name."""

    stay_id: int
    label: str  # "A栋 3F 305 张三"


def present_people(session: Session) -> list[Present]:
    """Everyone present, in room order (whom an unscheduled swab may be added for)."""
    q = (
        select(Stay.id, Building.name, Floor.name, Room.number, Person.name)
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Stay.departed_at.is_(None))
        .order_by(Building.sort, Floor.sort, Room.sort, Stay.bed)
    )
    return [Present(sid, f"{b} {f} {r} {name}") for sid, b, f, r, name in session.execute(q)]


def swab_version(session: Session, swab_id: int) -> tuple[SwabResult | None, int, bool]:
    """A swab's result, version and whether its person is still present: what a correction starts from."""
    swab, stay = _swab(session, swab_id)
    return swab.result, swab.version, stay.departed_at is None
