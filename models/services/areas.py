"""Routine disinfection of public areas (日常消毒): the areas a site keeps, and each round recorded.

Corridors, lifts, the lobby, the buffer and staff zones, the waste point: each disinfected a set number of
times a day (two or three, most often). The desk keeps the list and records the rounds the disinfection
group reports (permission ``rooms``: admin and desk, as for the rooms' terminal disinfection). An area with
rounds recorded is retired, never deleted: its days' logs still name it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError
from models.rules.numbers import whole_number
from models.services import audit
from models.services.audit import transactional
from models.services.communities import clean_text
from models.services.sites import site_today
from models.store.orm import AreaKind, AreaRound, PublicArea, User

MAX_ROUNDS = 12
DEFAULT_AGENT = ("含氯消毒剂", "500 mg/L")  # a chlorine-based disinfectant, as public areas are wiped
LIMITS = {"area_name": 100, "area_agent": 100, "area_concentration": 50, "area_by": 100, "area_note": 400}
FUTURE_SLACK = timedelta(minutes=5)  # a round is recorded after it is done; a desk's clock a little ahead


def _text(value: str, field: str, *, required: bool = False) -> str:
    return clean_text(value, field, required=required, limit=LIMITS[field])


def _rounds(value: object) -> int:
    n = whole_number(value)
    if n is None or not 1 <= n <= MAX_ROUNDS:
        raise DomainError("area_rounds_range", limit=MAX_ROUNDS, value=str(value)[:20])
    return n


def _kind(value: AreaKind | str) -> AreaKind:
    try:
        return AreaKind(value)
    except ValueError:
        raise DomainError("area_kind_unknown", kind=str(value)[:40]) from None


def get_area(session: Session, area_id: int, *, expected_version: int | None = None) -> PublicArea:
    area = session.get(PublicArea, area_id)
    if area is None:
        raise DomainError("area_not_found")
    if expected_version is not None and area.version != expected_version:
        raise DomainError("conflict")
    return area


def _check_unique(session: Session, name: str, own_id: int | None = None) -> None:
    other = session.scalar(select(PublicArea).where(PublicArea.name == name))
    if other is not None and other.id != own_id:
        raise DomainError("area_taken", name=name)


@transactional("rooms")
def add_area(
    session: Session, actor: User | None, name: str, kind: AreaKind | str = AreaKind.OTHER, rounds_per_day: object = 2
) -> PublicArea:
    name = _text(name, "area_name", required=True)
    kind, rounds = _kind(kind), _rounds(rounds_per_day)
    retired = session.scalar(select(PublicArea).where(PublicArea.name == name, PublicArea.retired_on.is_not(None)))
    if retired is not None:  # in use again: its past rounds name it
        before = audit.snapshot(retired)
        retired.retired_on, retired.kind, retired.rounds_per_day = None, kind, rounds
        audit.record(session, actor, "area.restore", retired, before)
        return retired
    _check_unique(session, name)
    last = session.scalar(select(func.max(PublicArea.sort))) or 0
    area = PublicArea(name=name, kind=kind, rounds_per_day=rounds, sort=last + 1)
    session.add(area)
    session.flush()
    audit.record(session, actor, "area.add", area)
    return area


@transactional("rooms")
def edit_area(
    session: Session,
    actor: User | None,
    area_id: int,
    name: str,
    kind: AreaKind | str,
    rounds_per_day: object,
    *,
    expected_version: int | None = None,
) -> PublicArea:
    area = get_area(session, area_id, expected_version=expected_version)
    name = _text(name, "area_name", required=True)
    _check_unique(session, name, area.id)
    before = audit.snapshot(area)
    area.name, area.kind, area.rounds_per_day = name, _kind(kind), _rounds(rounds_per_day)
    session.flush()
    audit.record(session, actor, "area.edit", area, before)
    return area


@transactional("rooms")
def retire_area(
    session: Session, actor: User | None, area_id: int, *, expected_version: int | None = None
) -> PublicArea | None:
    """Retired (kept for its rounds), or deleted when it has none; None when deleted."""
    area = get_area(session, area_id, expected_version=expected_version)
    used = session.scalar(select(AreaRound.id).where(AreaRound.area_id == area.id).limit(1))
    if used is None:
        audit.record(session, actor, "area.delete", area, audit.snapshot(area), {})
        session.delete(area)
        return None
    before = audit.snapshot(area)
    area.retired_on = site_today(session)
    audit.record(session, actor, "area.retire", area, before)
    return area


@transactional("rooms")
def record_area_round(
    session: Session,
    actor: User | None,
    area_id: int,
    *,
    agent: str,
    done_by: str,
    concentration: str = "",
    checked_by: str = "",
    note: str = "",
    done_at: datetime | None = None,
    now: datetime | None = None,
) -> AreaRound:
    """One round of an area's routine disinfection, as the group reports it (at ``done_at``, default now)."""
    now = now or clock.now()
    at = done_at or now
    if at.tzinfo is None:
        raise ValueError("done_at must be aware")
    if at > now + FUTURE_SLACK:
        raise DomainError("area_round_future")
    if at < now - timedelta(days=7):
        raise DomainError("area_round_old")
    area = get_area(session, area_id)
    if area.retired_on is not None:
        raise DomainError("area_retired", name=area.name)
    done = AreaRound(
        area_id=area.id,
        done_at=at,
        agent=_text(agent, "area_agent", required=True),
        concentration=_text(concentration, "area_concentration"),
        done_by=_text(done_by, "area_by", required=True),
        checked_by=_text(checked_by, "area_by"),
        note=_text(note, "area_note"),
        user_id=actor.id if actor else None,
    )
    session.add(done)
    session.flush()
    audit.record(session, actor, "area.round", done)
    return done
