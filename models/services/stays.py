"""What happens to a stay after check-in: room change, new release date, release, transfers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple, Protocol

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import clock, permissions
from models.errors import DomainError, coded
from models.rules.schedule import local_date
from models.services import audit
from models.services.arrivals import FUTURE_SLACK, ensure_room_accepts, rule_for
from models.services.audit import transactional
from models.services.communities import Handover, checked_handover
from models.services.rooms import vacate_if_empty
from models.services.sites import get_site
from models.services.stay_dates import dates_of, replan_swabs
from models.store.id_lists import among, id_chunks
from models.store.orm import (
    AlertState,
    DepartureKind,
    FeverAlert,
    FollowUp,
    Person,
    Room,
    RoomMove,
    RoomState,
    Stay,
    StayDateChange,
    SwabResult,
    SwabTest,
    User,
)


def get_stay(session: Session, stay_id: int, *, active: bool = True, expected_version: int | None = None) -> Stay:
    """A stay, by id. ``expected_version`` is the version the user saw: if another desk changed the
    stay since, the edit is refused (stale) instead of overwriting theirs."""
    stay = session.get(Stay, stay_id)
    if stay is None:
        raise DomainError("stay_not_found")
    if expected_version is not None and stay.version != expected_version:
        raise DomainError("stale")
    if active and stay.departed_at is not None:
        tz = get_site(session).timezone
        raise DomainError("stay_departed", name=stay.person.name, date=local_date(stay.departed_at, tz).isoformat())
    return stay


def household(session: Session, stay: Stay) -> list[Stay]:
    """The stay and the active companions who share its room with it: its companions, theirs (a child
    checked in as the companion of a companion), and so on; the stay first, each after whom it shares with."""
    members = [stay]
    seen = {stay.id}
    frontier = [stay.id]
    while frontier:
        found = session.scalars(
            select(Stay)
            .where(among(session, Stay.shares_with_id, frontier), Stay.departed_at.is_(None))
            .order_by(Stay.id)
        ).all()
        found = [s for s in found if s.id not in seen]
        seen.update(s.id for s in found)
        members += found
        frontier = [s.id for s in found]
    return members


@transactional("rooms")
def change_room(
    session: Session,
    actor: User | None,
    stay_id: int,
    to_room_id: int,
    reason: str = "",
    now: datetime | None = None,
    *,
    expected_version: int | None = None,
) -> Stay:
    """Move a person (with the companions sharing their room) to another room."""
    now = now or clock.now()
    stay = get_stay(session, stay_id, expected_version=expected_version)
    if stay.room_id == to_room_id:
        raise DomainError("room_same")
    target = session.get(Room, to_room_id)
    if target is None:
        raise DomainError("room_not_found", room=to_room_id)
    # by its id, not ``stay.room``: after an earlier move in this session the relationship still holds the
    # room before it (room_id was set, the relationship is not refreshed), and the move would be recorded
    # from the wrong room and leave the right one "occupied" by nobody
    old_room = session.get_one(Room, stay.room_id)
    # the person and whoever shares the room through them; a companion moved leaves the one they shared with
    movers = household(session, stay)
    for i, s in enumerate(movers):
        before = audit.snapshot(s)
        if i == 0:
            s.bed = ensure_room_accepts(session, target, None, None)
        else:
            s.bed = ensure_room_accepts(session, target, movers[0], s.companion_reason)
        if i == 0 and s.shares_with_id is not None:
            s.shares_with_id, s.companion_reason = None, None
        s.room_id = target.id
        session.flush()
        session.add(
            RoomMove(
                stay_id=s.id,
                at=now,
                from_room_id=old_room.id,
                to_room_id=target.id,
                reason=reason,
                user_id=actor.id if actor else None,
            )
        )
        audit.record(session, actor, "stay.room_change", s, before, room_id=target.id, note=reason or None)
        if target.state is not RoomState.OCCUPIED:
            rb = audit.snapshot(target)
            target.state = RoomState.OCCUPIED
            audit.record(session, actor, "room.occupied", target, rb, room_id=target.id)
    vacate_if_empty(session, actor, old_room)
    return stay


@transactional("departures")
def change_release_date(
    session: Session,
    actor: User | None,
    stay_id: int,
    new_date: date,
    reason: str,
    now: datetime | None = None,
    *,
    expected_version: int | None = None,
) -> StayDateChange:
    """Extend or shorten a stay. The previous date, the reason and who did it are kept.

    The change is a decision about the person: it is kept as days added (or taken) on top of the rule,
    so a later switch of rule set keeps it. The swabs follow: the release test moves to the new last day,
    the rule's test days that now fall inside the stay are planned, those after it are no longer due."""
    stay = get_stay(session, stay_id, expected_version=expected_version)
    if not reason.strip():
        raise DomainError("reason_required")
    if new_date <= stay.arrival_day:
        raise DomainError("release_date_invalid", arrival=stay.arrival_day.isoformat())
    if new_date == stay.planned_release:
        raise DomainError("release_date_same")
    now = now or clock.now()
    tz = get_site(session).timezone
    _, rule = rule_for(session, get_site(session), stay.category_code, stay.rule_set_id)
    manual = (new_date - dates_of(stay, rule, tz, manual_days=0).rule_release).days
    dates = dates_of(stay, rule, tz, manual_days=manual)
    before = audit.snapshot(stay)
    change = StayDateChange(
        stay_id=stay.id,
        at=now,
        old_release=stay.planned_release,
        new_release=new_date,
        reason=reason.strip(),
        user_id=actor.id if actor else None,
        kind="manual",
    )
    session.add(change)
    stay.manual_days = manual
    stay.planned_release = new_date
    stay.home_until = dates.home_until
    replan_swabs(session, stay, dates.swabs, since=local_date(now, tz))
    audit.record(session, actor, "stay.release_date", stay, before, note=reason.strip())
    return change


def date_changes(session: Session, stay_id: int) -> list[StayDateChange]:
    return list(
        session.scalars(
            select(StayDateChange)
            .where(StayDateChange.stay_id == stay_id)
            .order_by(StayDateChange.at, StayDateChange.id)
        )
    )


@dataclass
class Readiness:
    """Whether a stay may be released on a day, and why not."""

    date_reached: bool
    last_swab_day: int | None
    last_swab_result: str | None  # negative / positive / pending / not sampled
    open_fever: bool
    problems: list[DomainError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def own_ok(self) -> bool:
        """Ready by the person's own checks, whoever shares the room."""
        return not any(p.code != "release_household" for p in self.problems)

    @property
    def swabs_ok(self) -> bool:
        return not any(p.code == "release_swab" for p in self.problems)


def release_readiness(session: Session, stay: Stay, today: date) -> Readiness:
    """The release checks for ``stay`` on ``today`` (:func:`readiness_many` for one stay)."""
    return readiness_many(session, [stay], today)[stay.id]


class Candidate(Protocol):
    """What the release checks need of a stay (a Stay, or a row of the today screen's query)."""

    @property
    def id(self) -> int: ...
    @property
    def planned_release(self) -> date: ...
    @property
    def shares_with_id(self) -> int | None: ...


@dataclass(frozen=True)
class _Member:
    id: int
    planned_release: date
    shares_with_id: int | None
    name: str


def readiness_many(
    session: Session, stays: Sequence[Candidate], today: date, *, on_release_day: bool = False
) -> dict[int, Readiness]:
    """The release checks of many stays on ``today`` (``on_release_day``: each on its own release day, or
    today once that is past: the today screen's "ready tomorrow"), in a few queries for them all (columns,
    no entities): the one implementation the release, the batch release, the notices and the today screen's
    ready marks share.

    People sharing a room as carer and companion (a child under 14, a dependent person) leave together: one
    of them is not ready while the other, still here, is not ready either (released alone, a child would go
    home without the carer, or the carer without the child). The other is checked on the same day."""

    def day_of(stay: Candidate) -> date:
        return max(today, stay.planned_release) if on_release_day else today

    session.flush()  # what the session holds (an earlier release of the same batch), seen by the plain reads
    run = session.connection().execute  # plain rows: the ORM's loading adds nothing to columns
    leads = {s.shares_with_id or s.id for s in stays}
    # the households: the companions still here of every stay's lead (few: most people share with nobody),
    # then the leads of those that have any; not every stay's own row again
    members: dict[int, list[_Member]] = {}
    member = select(Stay.id, Stay.planned_release, Stay.shares_with_id, Person.name).join(
        Person, Stay.person_id == Person.id
    )
    for chunk in id_chunks(session, sorted(leads)):
        for row in run(
            member.where(among(session, Stay.shares_with_id, chunk), Stay.departed_at.is_(None)).order_by(Stay.id)
        ):
            m = _Member(*row)
            members.setdefault(m.shares_with_id or m.id, []).append(m)
    for chunk in id_chunks(session, sorted(members)):
        for row in run(member.where(among(session, Stay.id, chunk), Stay.departed_at.is_(None))):
            members[row[0]].insert(0, _Member(*row))
    households = {lead: group for lead, group in members.items() if len(group) > 1}
    facts = _facts(session, {s.id for s in stays} | {m.id for group in households.values() for m in group})
    out = {s.id: _own_readiness(s, day_of(s), facts) for s in stays}
    for stay in stays:
        day = day_of(stay)
        for m in households.get(stay.shares_with_id or stay.id, []):
            if m.id == stay.id:
                continue
            theirs = out[m.id] if m.id in out and day_of(m) == day else _own_readiness(m, day, facts)
            if not theirs.own_ok:
                out[stay.id].problems.append(DomainError("release_household", name=m.name))
    return out


class _Swab(NamedTuple):  # a tuple: a site's release checks read thousands of these
    stay_id: int
    planned_day: int
    planned_date: date
    id: int
    unscheduled: bool
    result: SwabResult | None
    sampled: bool


class _Facts(NamedTuple):
    """What the release checks read of the stays: their swabs, and which have an open fever alert."""

    swabs: dict[int, list[_Swab]]
    fevers: set[int]


def _facts(session: Session, ids: set[int]) -> _Facts:
    """(readiness_many has flushed the session: its plain reads see what it holds.)"""
    run = session.connection().execute
    swabs: dict[int, list[_Swab]] = {}
    fevers: set[int] = set()
    for chunk in id_chunks(session, sorted(ids)):
        for row in run(
            select(
                SwabTest.stay_id,
                SwabTest.planned_day,
                SwabTest.planned_date,
                SwabTest.id,
                SwabTest.unscheduled,
                SwabTest.result,
                SwabTest.sampled_at.is_not(None),
            ).where(among(session, SwabTest.stay_id, chunk))
        ):
            t = _Swab._make(row)
            swabs.setdefault(t.stay_id, []).append(t)
        fevers.update(
            run(
                select(FeverAlert.stay_id).where(
                    among(session, FeverAlert.stay_id, chunk), FeverAlert.state == AlertState.OPEN
                )
            ).scalars()
        )
    return _Facts(swabs, fevers)


def _own_readiness(stay: Candidate, today: date, facts: _Facts) -> Readiness:
    """The stay's own checks on ``today``: the date, its swabs, an open fever alert."""
    problems: list[DomainError] = []
    reached = today >= stay.planned_release
    if not reached:
        problems.append(DomainError("release_too_early", date=stay.planned_release.isoformat()))
    mine = facts.swabs.get(stay.id, [])
    # the last planned swab by its date (after a restart the day numbers start again from 1)
    planned = [t for t in mine if not t.unscheduled and t.planned_date < stay.planned_release]
    last = max(planned, key=lambda t: (t.planned_date, t.planned_day, t.id)) if planned else None
    result = None
    if last is not None:
        result = _swab_state(last)
        if last.result is not SwabResult.NEGATIVE:
            problems.append(DomainError("release_swab", day=last.planned_day, result=coded("swab_result", result)))
    # a swab medical staff added, due by then, holds the release back until it is negative
    due_by = max(today, stay.planned_release)
    for extra in sorted((t for t in mine if t.unscheduled), key=lambda t: (t.planned_date, t.id)):
        if extra.planned_date <= due_by and extra.result is not SwabResult.NEGATIVE:
            code = _swab_state(extra)
            problems.append(DomainError("release_swab", day=extra.planned_day, result=coded("swab_result", code)))
    fever = stay.id in facts.fevers
    if fever:
        problems.append(DomainError("release_fever"))
    return Readiness(reached, last.planned_day if last else None, result, fever, problems)


def _swab_state(t: _Swab) -> str:
    return t.result.value if t.result else ("pending" if t.sampled else "not_sampled")


def stay_readiness(session: Session, stay_id: int, today: date) -> Readiness:
    """``release_readiness`` by stay id, for a screen; a stay that has left is refused (stay_departed)."""
    return release_readiness(session, get_stay(session, stay_id), today)


def _depart(
    session: Session,
    actor: User | None,
    stay: Stay,
    kind: DepartureKind,
    at: datetime,
    *,
    now: datetime,
    reason: str | None = None,
    destination: str | None = None,
    override: str | None = None,
    community_id: int | None = None,
    transport: str | None = None,
) -> Stay:
    """The stay leaves at ``at`` (not after ``now``, not before its arrival)."""
    if at > now + FUTURE_SLACK:
        raise DomainError("departure_in_future")
    if at < stay.arrived_at:
        raise DomainError("departure_before_arrival")
    before = audit.snapshot(stay)
    stay.departed_at, stay.departure_kind = at, kind
    stay.departure_reason, stay.departure_destination, stay.release_override = reason, destination, override
    stay.community_id, stay.transport = community_id, transport
    for alert in session.scalars(
        select(FeverAlert).where(FeverAlert.stay_id == stay.id, FeverAlert.state == AlertState.OPEN)
    ):
        ab = audit.snapshot(alert)
        alert.state, alert.closed_at, alert.resolution = AlertState.CLOSED, at, "departed"
        alert.closed_by_id = actor.id if actor else None
        audit.record(session, actor, "alert.close", alert, ab, person_id=stay.person_id, room_id=stay.room_id)
    session.execute(delete(SwabTest).where(SwabTest.stay_id == stay.id, SwabTest.sampled_at.is_(None)))
    audit.record(session, actor, f"stay.{kind.value}", stay, before, note=override or reason)
    vacate_if_empty(session, actor, stay.room)
    return stay


@transactional("departures")
def release(
    session: Session,
    actor: User | None,
    stay_id: int,
    *,
    override_reason: str | None = None,
    now: datetime | None = None,
    expected_version: int | None = None,
    handover: Handover | None = None,
) -> Stay:
    """解除隔离. Refused unless the date is reached, the last scheduled swab is negative and no fever
    alert is open; a desk may override with a reason (kept on the stay and in the audit trail).
    ``handover``: where the person goes (address, receiving community, transport), kept on the stay for the
    hand-over list (解除隔离人员交接单) and the release notice."""
    now = now or clock.now()
    stay = get_stay(session, stay_id, expected_version=expected_version)
    ready = release_readiness(session, stay, local_date(now, get_site(session).timezone))
    override = (override_reason or "").strip()
    if not ready.ok:
        if override_reason is None:
            raise ready.problems[0]
        if not override:
            raise DomainError("override_reason")
    destination, community, transport = checked_handover(session, handover or Handover())
    return _depart(
        session,
        actor,
        stay,
        DepartureKind.RELEASED,
        now,
        now=now,
        destination=destination,
        override=override if not ready.ok else None,
        community_id=community.id if community else None,
        transport=transport,
    )


@transactional("transfer")
def transfer(
    session: Session,
    actor: User | None,
    stay_id: int,
    kind: DepartureKind,
    destination: str,
    reason: str = "",
    now: datetime | None = None,
    *,
    at: datetime | None = None,
    expected_version: int | None = None,
) -> Stay:
    """转运: to hospital, to another site, or to home isolation, at ``at`` (default: now). A time in the
    future is refused (departure_in_future), as an arrival's is."""
    if kind is DepartureKind.RELEASED or kind is DepartureKind.OTHER:
        raise ValueError("use release() or depart_other()")
    if kind is not DepartureKind.HOME_ISOLATION and not destination.strip():
        raise DomainError("destination_required")
    now = now or clock.now()
    stay = get_stay(session, stay_id, expected_version=expected_version)
    return _depart(
        session,
        actor,
        stay,
        kind,
        at if at is not None else now,
        now=now,
        reason=reason.strip() or None,
        destination=destination.strip() or None,
    )


@transactional("departures")
def depart_other(
    session: Session,
    actor: User | None,
    stay_id: int,
    reason: str,
    now: datetime | None = None,
    *,
    expected_version: int | None = None,
) -> Stay:
    if not reason.strip():
        raise DomainError("reason_required")
    now = now or clock.now()
    stay = get_stay(session, stay_id, expected_version=expected_version)
    return _depart(session, actor, stay, DepartureKind.OTHER, now, now=now, reason=reason.strip())


def room_of(session: Session, stay: Stay) -> Room:
    return session.get_one(Room, stay.room_id)


UNDO_DEPARTURE_WINDOW = timedelta(hours=24)  # a departure done by mistake may be undone this long after it


def undo_permission(kind: DepartureKind) -> str:
    """Who may undo a departure: who may do one of its kind (a release or other departure: "departures";
    a transfer: "transfer")."""
    return "departures" if kind in (DepartureKind.RELEASED, DepartureKind.OTHER) else "transfer"


def undo_departure_refusal(session: Session, stay: Stay, now: datetime) -> DomainError | None:
    """Why ``stay``'s departure can no longer be undone at ``now``, or None: it has not left, the window
    (UNDO_DEPARTURE_WINDOW) has passed, the person is back in another stay, or the room (its bed) has been
    given to someone else since, or is out of service."""
    if stay.departed_at is None or stay.departure_kind is None:
        return DomainError("undo_not_departed", name=stay.person.name)
    left = stay.departed_at
    if now - left > UNDO_DEPARTURE_WINDOW:
        return DomainError("undo_too_late", hours=int(UNDO_DEPARTURE_WINDOW.total_seconds() // 3600))
    again = session.scalar(
        select(Stay.id).where(Stay.person_id == stay.person_id, Stay.id != stay.id, Stay.arrived_at >= left).limit(1)
    )
    present = session.scalar(
        select(Stay.id).where(Stay.person_id == stay.person_id, Stay.departed_at.is_(None)).limit(1)
    )
    if again is not None or present is not None:
        return DomainError("undo_person_again", name=stay.person.name)
    room = session.get_one(Room, stay.room_id)
    later_stay = session.scalar(
        select(Stay.id).where(Stay.room_id == room.id, Stay.id != stay.id, Stay.arrived_at >= left).limit(1)
    )
    moved_in = session.scalar(select(RoomMove.id).where(RoomMove.to_room_id == room.id, RoomMove.at >= left).limit(1))
    bed_taken = session.scalar(
        select(Stay.id).where(Stay.room_id == room.id, Stay.bed == stay.bed, Stay.departed_at.is_(None)).limit(1)
    )
    if later_stay is not None or moved_in is not None or bed_taken is not None:
        return DomainError("undo_room_reused", room=room.number)
    if room.retired_on is not None:
        return DomainError("room_retired", room=room.number)
    if room.state is RoomState.OUT_OF_SERVICE:
        return DomainError("undo_room_out_of_service", room=room.number)
    called = session.scalar(select(FollowUp.id).where(FollowUp.stay_id == stay.id).limit(1))
    if called is not None:  # the person was called at home: they did leave (the calls stay on record)
        return DomainError("undo_followed_up", name=stay.person.name)
    return None


def undo_departure_check(session: Session, stay_id: int, now: datetime) -> DomainError | None:
    """:func:`undo_departure_refusal` by stay id, for a screen (offer the action, or say why not)."""
    stay = session.get(Stay, stay_id)
    if stay is None:
        return DomainError("stay_not_found")
    return undo_departure_refusal(session, stay, now)


@transactional("transfer")  # the widest of the two; the departure's own kind is checked below
def undo_departure(
    session: Session,
    actor: User | None,
    stay_id: int,
    reason: str,
    *,
    now: datetime | None = None,
    expected_version: int | None = None,
) -> Stay:
    """A release, transfer or other departure done by mistake, undone: the person is present again, in
    the same room and bed. Allowed within UNDO_DEPARTURE_WINDOW of the departure and only while nobody
    else was given the room since; the room awaiting disinfection (or disinfected meanwhile and still
    free) is occupied again. The fever alerts the departure closed are open again and the swabs it
    dropped planned again; a released person's days at home stay on the stay (nothing else is closed).
    Audited with the reason, before and after."""
    now = now or clock.now()
    stay = get_stay(session, stay_id, active=False, expected_version=expected_version)
    if stay.departure_kind is not None:
        permissions.check(session, actor, undo_permission(stay.departure_kind))
    if not reason.strip():
        raise DomainError("reason_required")
    refusal = undo_departure_refusal(session, stay, now)
    if refusal is not None:
        raise refusal
    left = stay.departed_at
    before = audit.snapshot(stay)
    stay.departed_at = stay.departure_kind = None
    stay.departure_reason = stay.departure_destination = stay.release_override = None
    stay.community_id = stay.transport = None
    session.flush()
    for alert in session.scalars(
        select(FeverAlert).where(
            FeverAlert.stay_id == stay.id, FeverAlert.resolution == "departed", FeverAlert.closed_at == left
        )
    ):
        ab = audit.snapshot(alert)
        alert.state, alert.closed_at, alert.resolution, alert.closed_by_id = AlertState.OPEN, None, None, None
        audit.record(session, actor, "alert.reopen", alert, ab, person_id=stay.person_id, room_id=stay.room_id)
    _replan_swabs(session, stay)
    audit.record(session, actor, "stay.undo_departure", stay, before, note=reason.strip())
    room = session.get_one(Room, stay.room_id)
    if room.state is not RoomState.OCCUPIED:
        rb = audit.snapshot(room)
        room.state = RoomState.OCCUPIED
        audit.record(session, actor, "room.occupied", room, rb, room_id=room.id)
    return stay


def _replan_swabs(session: Session, stay: Stay) -> None:
    """The swabs of the stay's plan the departure dropped (unsampled ones are deleted at a departure)."""
    site = get_site(session)
    _, rule = rule_for(session, site, stay.category_code, stay.rule_set_id)
    plan = dates_of(stay, rule, site.timezone).swabs
    replan_swabs(session, stay, plan, since=stay.arrival_day)
