"""Batch release (解除隔离) from the today screen: everyone ready today, in one action.

:func:`due_today` lists the stays whose release date is today or has passed, each checked with the rules a
release itself applies (``stays.release_readiness``). :func:`release_many` releases the stays the desk chose
in one transaction, all or nobody: every one is checked again inside the transaction, and when one is no
longer ready (a fever entered, a result changed at another desk since the list was read) or was changed
meanwhile, nobody is released and the refusal names that person and why. A stale list never releases
someone who is not ready, and the notices the desk then prints are those of exactly the people it confirmed.
No override here: a release before the checks pass is the single release dialog's, with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import clock
from models.errors import Coded, DomainError
from models.rules.schedule import local_date
from models.services.audit import transactional
from models.services.communities import Handover
from models.services.sites import get_site
from models.services.stays import get_stay, release, release_readiness
from models.store.orm import Building, Floor, Person, Room, Stay, User


@dataclass(frozen=True)
class DueRelease:
    """One stay due for release on the day, with its readiness as the release would judge it."""

    stay_id: int
    name: str
    room: str  # "A栋 3F 305"
    planned_release: date
    version: int  # the stay's version when read: the release refuses if another desk changed it since
    problems: tuple[DomainError, ...]

    @property
    def ready(self) -> bool:
        return not self.problems

    def why_not(self, lang: str, separator: str = "；") -> str:
        """Why this stay may not be released, in ``lang`` ("" when it may)."""
        return separator.join(p.message(lang) for p in self.problems)


def due_today(session: Session, today: date) -> list[DueRelease]:
    """People present whose release date is ``today`` or before, in room order, each with its readiness."""
    rows = session.execute(
        select(Stay, Person.name, Building.name, Floor.name, Room.number)
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Stay.departed_at.is_(None), Stay.planned_release <= today)
        .order_by(Building.sort, Floor.sort, Room.sort, Stay.bed, Stay.id)
    ).all()
    out = []
    for stay, name, building, floor, number in rows:
        ready = release_readiness(session, stay, today)
        out.append(
            DueRelease(
                stay.id, name, f"{building} {floor} {number}", stay.planned_release, stay.version, tuple(ready.problems)
            )
        )
    return out


@transactional("departures")
def release_many(
    session: Session,
    actor: User | None,
    stay_ids: list[int],
    *,
    expected_versions: dict[int, int] | None = None,
    now: datetime | None = None,
    handovers: dict[int, Handover] | None = None,
) -> list[Stay]:
    """Release every stay of ``stay_ids`` at ``now``, in one transaction, or nobody.

    Each stay is checked again here: one that has left, was changed by another desk since the list was read
    (``expected_versions``: stay id -> version seen) or is no longer ready today is refused with its name
    (``release_batch_not_ready`` / ``release_batch_changed``), and nobody is released. Each release is
    audited as the single one is (``stay.released``, the room awaiting disinfection when it empties).
    ``handovers``: stay id -> where that person goes (a bus to one community: the same for all)."""
    if not stay_ids:
        raise DomainError("release_batch_empty")
    now = now or clock.now()
    today = local_date(now, get_site(session).timezone)
    seen = expected_versions or {}
    stays = [get_stay(session, stay_id) for stay_id in dict.fromkeys(stay_ids)]  # refuses one that has left
    for stay in stays:
        if stay.id in seen and stay.version != seen[stay.id]:
            raise DomainError("release_batch_changed", name=stay.person.name)
        ready = release_readiness(session, stay, today)
        if not ready.ok:
            why = ready.problems[0]
            raise DomainError("release_batch_not_ready", name=stay.person.name, why=Coded(why.code, why.zh, why.en))
    given = handovers or {}
    return [release(session, actor, stay.id, now=now, handover=given.get(stay.id)) for stay in stays]
