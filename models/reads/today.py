"""The "today" dashboard: what the desk and the medical team must see first thing.

A fixed number of queries whatever the site's size (no per-person queries): arrivals today,
releases due today and tomorrow with their readiness, swabs due, open fever alerts, missing
readings for the current round, rooms awaiting disinfection, occupancy by floor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from models.rules.schedule import local_date
from models.services.observations import MissingReading, missing_readings
from models.services.sites import get_site
from models.services.stays import readiness_many
from models.store.orm import (
    AlertState,
    Building,
    FeverAlert,
    Floor,
    Observation,
    Person,
    Room,
    RoomState,
    Slot,
    Stay,
    SwabResult,
    SwabTest,
)

_Q = TypeVar("_Q", bound=Select)


@dataclass(frozen=True)
class PersonLine:
    stay_id: int
    name: str
    room_id: int
    room: str  # "A栋 3F 305"
    detail: str = ""
    swab_id: int | None = None  # positives: the positive sample, for the guided path


@dataclass(frozen=True)
class ReleaseLine:
    stay_id: int
    name: str
    room_id: int
    room: str
    due: date
    swab_ok: bool  # the swabs the release checks are negative (or none is planned)
    swab_text: str  # the last scheduled one: negative / positive / pending / not_sampled / none
    fever_open: bool
    household_waiting: tuple[str, ...] = ()  # who shares the room and is not ready yet (they leave together)

    @property
    def ready(self) -> bool:
        return self.swab_ok and not self.fever_open and not self.household_waiting


@dataclass(frozen=True)
class OutOfServiceLine:
    """A room whose out-of-service period ends today or has ended (停用到期): bring it back or extend it."""

    room_id: int
    room: str
    since: date | None
    until: date
    reason: str
    version: int


@dataclass(frozen=True)
class FloorLine:
    floor_id: int
    floor: str
    rooms: int
    occupied: int
    available: int
    awaiting_disinfection: int
    out_of_service: int
    people: int


@dataclass
class Dashboard:
    today: date
    slot: Slot
    arrivals: list[PersonLine] = field(default_factory=list)
    releases_today: list[ReleaseLine] = field(default_factory=list)
    releases_tomorrow: list[ReleaseLine] = field(default_factory=list)
    swabs_due: int = 0
    swabs_sampled: int = 0
    fevers: list[PersonLine] = field(default_factory=list)
    positives: list[PersonLine] = field(default_factory=list)  # positive swab, still on site: act now
    missing: list[MissingReading] = field(default_factory=list)
    dirty_rooms: list[PersonLine] = field(default_factory=list)  # stay_id 0: a room, not a person
    oos_ending: list[OutOfServiceLine] = field(default_factory=list)
    floors: list[FloorLine] = field(default_factory=list)


def current_slot(now: datetime, tz: str) -> Slot:
    return Slot.MORNING if now.astimezone(ZoneInfo(tz)).hour < 12 else Slot.EVENING


@dataclass(frozen=True)
class _Due:
    """A stay due for release, as the release checks take it (stays.Candidate)."""

    id: int
    planned_release: date
    shares_with_id: int | None


def dashboard(session: Session, now: datetime) -> Dashboard:
    site = get_site(session)
    tz = site.timezone
    today = local_date(now, tz)
    d = Dashboard(today, current_slot(now, tz))
    session.flush()  # what the session holds, seen by the plain reads below
    run = session.connection().execute  # plain rows: the ORM's loading adds nothing to columns
    zone = ZoneInfo(tz)
    place = (Building.name + " " + Floor.name + " " + Room.number).label("place")

    def people(q: _Q) -> _Q:
        return (
            q.join(Person, Stay.person_id == Person.id)
            .join(Room, Stay.room_id == Room.id)
            .join(Floor, Room.floor_id == Floor.id)
            .join(Building, Floor.building_id == Building.id)
        )

    for sid, name, rid, where, arrived in run(
        people(select(Stay.id, Person.name, Room.id, place, Stay.arrived_at))
        .where(Stay.arrival_day == today)  # the site-local day of arrived_at, indexed
        .order_by(Stay.arrived_at)
    ):
        d.arrivals.append(PersonLine(sid, name, rid, where, arrived.astimezone(zone).strftime("%H:%M")))

    due = run(
        people(select(Stay.id, Person.name, Room.id, place, Stay.planned_release, Stay.shares_with_id))
        .where(Stay.departed_at.is_(None), Stay.planned_release <= today + timedelta(days=1))
        .order_by(Stay.planned_release, Building.sort, Floor.sort, Room.sort)
    ).all()
    # each checked by the release's own rules (stays.readiness_many), on its release day: today's due today,
    # tomorrow's as they will be checked tomorrow
    checks = readiness_many(session, [_Due(r[0], r[4], r[5]) for r in due], today, on_release_day=True)
    for sid, name, rid, where, release, _lead in due:
        r = checks[sid]
        waiting = tuple(str(p.params["name"]) for p in r.problems if p.code == "release_household")
        line = ReleaseLine(
            sid, name, rid, where, release, r.swabs_ok, r.last_swab_result or "none", r.open_fever, waiting
        )
        (d.releases_tomorrow if release > today else d.releases_today).append(line)

    counts = dict(
        run(
            select(SwabTest.sampled_at.is_not(None), func.count())
            .join(Stay, SwabTest.stay_id == Stay.id)
            .where(SwabTest.planned_date == today, Stay.departed_at.is_(None))
            .group_by(SwabTest.sampled_at.is_not(None))
        ).all()
    )
    d.swabs_sampled = int(counts.get(True, 0))
    d.swabs_due = int(counts.get(False, 0)) + d.swabs_sampled

    latest = (
        select(Observation.temperature)
        .where(Observation.stay_id == FeverAlert.stay_id)
        .order_by(Observation.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    for sid, name, rid, where, temp, opened in run(
        people(select(Stay.id, Person.name, Room.id, place, latest, FeverAlert.opened_at))
        .join(FeverAlert, FeverAlert.stay_id == Stay.id)
        .where(FeverAlert.state == AlertState.OPEN)
        .order_by(FeverAlert.opened_at)
    ):
        when = opened.astimezone(zone).strftime("%m-%d %H:%M")
        d.fevers.append(PersonLine(sid, name, rid, where, f"{temp:.1f} °C · {when}" if temp else when))

    # a positive result stays on the dashboard until the person has left (transferred to hospital)
    for sid, name, rid, where, result_at, swab_id in run(
        people(select(Stay.id, Person.name, Room.id, place, SwabTest.result_at, SwabTest.id))
        .join(SwabTest, SwabTest.stay_id == Stay.id)
        .where(SwabTest.result == SwabResult.POSITIVE, Stay.departed_at.is_(None))
        .order_by(SwabTest.result_at)
    ):
        when = result_at.astimezone(zone).strftime("%m-%d %H:%M") if result_at else ""
        d.positives.append(PersonLine(sid, name, rid, where, when, swab_id))

    d.missing = missing_readings(session, today, d.slot)

    for rid, where in run(
        select(Room.id, place)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Room.state == RoomState.AWAITING_DISINFECTION)
        .order_by(Building.sort, Floor.sort, Room.sort)
    ):
        d.dirty_rooms.append(PersonLine(0, "", rid, where))

    for rid, where, since, until, reason, version in run(
        select(Room.id, place, Room.oos_from, Room.oos_until, Room.oos_reason, Room.version)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Room.state == RoomState.OUT_OF_SERVICE, Room.oos_until.is_not(None), Room.oos_until <= today)
        .order_by(Room.oos_until, Building.sort, Floor.sort, Room.sort)
    ):
        if until is not None:  # the query asked for an end date; the check is for the type checker
            d.oos_ending.append(OutOfServiceLine(rid, where, since, until, reason or "", version))

    present = dict(
        run(
            select(Room.floor_id, func.count(Stay.id))
            .join(Stay, Stay.room_id == Room.id)
            .where(Stay.departed_at.is_(None))
            .group_by(Room.floor_id)
        ).all()
    )
    per_floor: dict[int, dict[RoomState, int]] = {}
    names: dict[int, str] = {}
    for fid, fname, bname, state, n in run(
        select(Floor.id, Floor.name, Building.name, Room.state, func.count(Room.id))
        .join(Room, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Room.retired_on.is_(None))
        .group_by(Floor.id, Floor.name, Building.name, Building.sort, Floor.sort, Room.state)
        .order_by(Building.sort, Floor.sort)
    ):
        per_floor.setdefault(fid, {})[state] = n
        names[fid] = f"{bname} {fname}"
    for fid, states in per_floor.items():
        d.floors.append(
            FloorLine(
                fid,
                names[fid],
                sum(states.values()),
                states.get(RoomState.OCCUPIED, 0),
                states.get(RoomState.AVAILABLE, 0),
                states.get(RoomState.AWAITING_DISINFECTION, 0),
                states.get(RoomState.OUT_OF_SERVICE, 0),
                int(present.get(fid, 0)),
            )
        )
    return d
