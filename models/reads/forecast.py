"""The room forecast: how many rooms the site can take today and on each of the next 7 days, by building.

The command centre asks every day "how many rooms can you take tomorrow, and the day after?". The answer is
worked out room by room from what is known at the instant the forecast is made:

- a room in use stays in use until the last of its occupants leaves: each on their planned release date
  (the one in force then) at the site's usual release time (the median of the last 30 days' releases,
  else 10:00), or now for anyone already past it. A companion keeps the room until both leave.
  Someone with an open fever alert is *held*: not counted as leaving within the forecast (their release
  waits for the alert to close), so their room is not promised to anyone;
- a room that was left then awaits terminal disinfection: its chance of being ready by an instant is what
  the site's measured turnarounds give (every time from a departure to the room's disinfection over the
  last 30 days; 12 h exactly when fewer than 5 were measured), so the rooms awaiting at a day's end are
  the chances summed and rounded; the batches below are placed by the median;
- a room out of service comes back the day after the last day it was taken out for (now, if that day
  has passed); without an end date, not within the forecast;
- each planned batch (待转运批次) still expected takes, at its expected time, the rooms it needs from those
  free then, in the layout's order (as the allocator would: doubles for the families that share, singles
  first for the rest), and keeps them for the centralized days of its category under the site's rule set
  (the longest category when none is given); rooms it cannot find are counted as *short*.

``gather`` reads those facts in a fixed number of queries (state at the instant rebuilt as the reports do,
models/reads/reports.py ``rooms_at``), ``project`` is plain arithmetic over them, and ``forecast`` is both.
``backtest`` makes the forecast as of each evening of a past period and compares it with what happened.
"""

from __future__ import annotations

import bisect
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from models import clock
from models.reads.reports import rooms_at
from models.services.observations import present_before
from models.services.sites import get_site
from models.store.orm import (
    AlertState,
    BatchState,
    Building,
    DepartureKind,
    FeverAlert,
    Floor,
    PlannedBatch,
    Room,
    RoomEvent,
    RoomEventKind,
    RoomType,
    RuleSet,
    Stay,
    StayDateChange,
)

DAYS = 7  # days after today
MEASURE_DAYS = 30  # the turnaround and the release time are measured over this many days before the forecast
MIN_SAMPLES = 5  # fewer measured turnarounds than this: the default is used (and said)
DEFAULT_TURNAROUND = timedelta(hours=12)
DEFAULT_RELEASE_TIME = time(10, 0)
JUST = timedelta(microseconds=1)
NEVER = datetime.max.replace(tzinfo=ZoneInfo("UTC"))


# --- the facts -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FRoom:
    """A room the forecast counts: in service or not, with its building and beds, in the layout's order."""

    id: int
    building_id: int
    beds: int
    double: bool  # takes a family (two beds or more)


@dataclass(frozen=True)
class FStay:
    """Someone present at the instant, in ``room_id``, expected to leave at ``leaves`` (``held``: not yet)."""

    stay_id: int
    room_id: int
    leaves: datetime
    held: bool = False


@dataclass(frozen=True)
class FBatch:
    """A planned batch still expected: arriving at ``at`` with ``people`` in ``rooms`` rooms, for ``days``."""

    batch_id: int
    at: datetime
    people: int
    rooms: int
    days: int


@dataclass(frozen=True)
class Inputs:
    at: datetime  # the instant the forecast is made
    tz: str
    buildings: tuple[tuple[int, str], ...]  # (id, name) in the layout's order
    rooms: tuple[FRoom, ...]  # in the layout's order
    stays: tuple[FStay, ...]
    awaiting: dict[int, datetime]  # room -> when it was left (it awaits disinfection)
    out_of_service: dict[int, datetime]  # room -> when it comes back (NEVER: no end date)
    batches: tuple[FBatch, ...]
    turnaround: timedelta
    release_time: time
    margin: int
    days: int = DAYS
    gaps: tuple[float, ...] = ()  # the measured turnarounds (seconds, sorted); none: ``turnaround`` exactly

    @property
    def turnaround_samples(self) -> int:
        """How many turnarounds were measured (0: the default is used)."""
        return len(self.gaps)


# --- the answer ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One building (or the whole site) on one day: the flows during the day, the state at its end."""

    rooms: int = 0  # rooms counted (not retired)
    releases: int = 0  # people expected to leave during the day
    vacated: int = 0  # rooms whose last occupant leaves during the day
    freed: int = 0  # rooms ready again after terminal disinfection during the day
    back_in_service: int = 0  # rooms back from out of service during the day
    arrivals: int = 0  # people of planned batches arriving during the day
    arrival_rooms: int = 0  # rooms those batches take
    short: int = 0  # rooms the batches of the day need and cannot find
    held: int = 0  # people due to leave by the day, held by an open fever alert
    in_use: int = 0  # at the end of the day
    awaiting: int = 0
    out_of_service: int = 0
    free: int = 0
    free_beds: int = 0

    def __add__(self, other: Cell) -> Cell:
        return Cell(*(a + b for a, b in zip(_values(self), _values(other), strict=True)))


COLUMNS: tuple[str, ...] = tuple(Cell.__dataclass_fields__)


def _values(cell: Cell) -> tuple[int, ...]:
    return tuple(getattr(cell, c) for c in COLUMNS)


@dataclass(frozen=True)
class Day:
    day: date
    total: Cell
    by_building: tuple[Cell, ...]  # in the order of ``Forecast.buildings``
    below_margin: bool


@dataclass(frozen=True)
class Forecast:
    made_at: datetime
    today: date
    buildings: tuple[tuple[int, str], ...]
    days: tuple[Day, ...]  # today (the rest of it), then the next ``DAYS`` days
    turnaround: timedelta
    turnaround_samples: int
    release_time: time
    margin: int
    batch_ids: tuple[int, ...]  # the planned batches counted

    @property
    def planned_batches(self) -> int:
        return len(self.batch_ids)

    @property
    def warnings(self) -> tuple[Day, ...]:
        return tuple(d for d in self.days if d.below_margin)

    def cell(self, day_index: int, building_id: int | None = None) -> Cell:
        d = self.days[day_index]
        if building_id is None:
            return d.total
        return d.by_building[[b for b, _ in self.buildings].index(building_id)]


# --- reading the facts -----------------------------------------------------------------------------------


def _local(day: date, at: time, tz: str) -> datetime:
    return datetime.combine(day, at, ZoneInfo(tz))


def _median_time(instants: Iterable[datetime], tz: str) -> time | None:
    minutes = sorted(t.astimezone(ZoneInfo(tz)).hour * 60 + t.astimezone(ZoneInfo(tz)).minute for t in instants)
    if not minutes:
        return None
    m = int(statistics.median_low(minutes))
    return time(m // 60, m % 60)


def measured_turnaround(session: Session, at: datetime) -> tuple[timedelta, tuple[float, ...]]:
    """The median time from a departure to the room's terminal disinfection, over the disinfections of the
    ``MEASURE_DAYS`` before ``at`` (each with the stay that left before it), and every gap measured (in
    seconds, sorted); the default and no gaps below ``MIN_SAMPLES``."""
    rows = session.execute(
        select(RoomEvent.at, Stay.departed_at)
        .join(Stay, RoomEvent.previous_stay_id == Stay.id)
        .where(
            RoomEvent.kind == RoomEventKind.DISINFECTED,
            RoomEvent.at >= at - timedelta(days=MEASURE_DAYS),
            RoomEvent.at < at,
            Stay.departed_at.is_not(None),
        )
    ).all()
    gaps = [done - left for done, left in rows if left is not None and done >= left]
    if len(gaps) < MIN_SAMPLES:
        return DEFAULT_TURNAROUND, ()
    seconds = sorted(g.total_seconds() for g in gaps)
    return timedelta(minutes=round(statistics.median(seconds) / 60)), tuple(seconds)


def gather(session: Session, at: datetime | None = None, days: int = DAYS) -> Inputs:
    """The facts the forecast made at ``at`` (default now) works from, as the database knew them then."""
    at = at or clock.now()
    site = get_site(session)
    tz = site.timezone
    today = clock.local_date(at, tz)
    retired_ok = or_(Room.retired_on.is_(None), Room.retired_on > today)
    layout = session.execute(
        select(Room.id, Building.id, Building.name, Room.beds, Room.room_type)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(retired_ok, or_(Building.retired_on.is_(None), Building.retired_on > today))
        .order_by(Building.sort, Building.id, Floor.sort, Floor.id, Room.sort, Room.id)
    ).all()
    buildings: dict[int, str] = {}
    rooms: list[FRoom] = []
    for rid, bid, bname, beds, rtype in layout:
        buildings.setdefault(bid, bname)
        rooms.append(FRoom(rid, bid, beds, beds > 1 and rtype is not RoomType.ACCESSIBLE))
    state = rooms_at(session, at)

    # the release time of day the site keeps, and each present stay's planned release as it stood then
    released = session.scalars(
        select(Stay.departed_at).where(
            Stay.departure_kind == DepartureKind.RELEASED,
            Stay.departed_at >= at - timedelta(days=MEASURE_DAYS),
            Stay.departed_at < at,
        )
    )
    release_time = _median_time((t for t in released if t is not None), tz) or DEFAULT_RELEASE_TIME
    present = present_before(at)
    planned = dict(session.execute(select(Stay.id, Stay.planned_release).where(present)).all())
    for sid, old in session.execute(
        select(StayDateChange.stay_id, StayDateChange.old_release)
        .join(Stay, StayDateChange.stay_id == Stay.id)
        .where(present, StayDateChange.at >= at)
        .order_by(StayDateChange.at.desc(), StayDateChange.id.desc())
    ):
        planned[sid] = old  # undone from the last change back: the first one after ``at`` wins
    held = set(
        session.scalars(
            select(FeverAlert.stay_id)
            .join(Stay, FeverAlert.stay_id == Stay.id)
            .where(
                present,
                FeverAlert.opened_at < at,
                or_(FeverAlert.state == AlertState.OPEN, FeverAlert.closed_at >= at),
            )
        )
    )
    stays = tuple(
        FStay(sid, room, max(at, _local(planned[sid], release_time, tz)), sid in held)
        for sid, room in sorted(state.stay_rooms.items())
        if sid in planned
    )

    # when each room out of service comes back: the day after the last day of its out-of-service event
    out: dict[int, datetime] = {}
    if state.out_of_service:
        last = (
            select(RoomEvent.room_id, func.max(RoomEvent.id).label("last"))
            .where(RoomEvent.kind == RoomEventKind.OUT_OF_SERVICE, RoomEvent.at < at)
            .group_by(RoomEvent.room_id)
            .subquery()
        )
        until = dict(
            session.execute(
                select(RoomEvent.room_id, RoomEvent.until_date).join(last, RoomEvent.id == last.c.last)
            ).all()
        )
        for rid in state.out_of_service:
            end = until.get(rid)
            out[rid] = NEVER if end is None else max(at, _local(end + timedelta(days=1), time(0), tz))

    # the batches still expected then: announced before, not yet closed
    rule_days: dict[str, int] = {}
    if site.rule_set_id is not None:
        rule_set = session.get(RuleSet, site.rule_set_id)
        if rule_set is not None:
            rule_days = {r.category_code: r.days_central for r in rule_set.rules}
    longest = max(rule_days.values(), default=14)
    horizon_end = _local(today + timedelta(days=days + 1), time(0), tz)
    batches = tuple(
        FBatch(bid, max(at, when), people, need, rule_days.get(cat or "", longest))
        for bid, when, people, need, cat in session.execute(
            select(
                PlannedBatch.id,
                PlannedBatch.expected_at,
                PlannedBatch.people,
                PlannedBatch.rooms,
                PlannedBatch.category_code,
            )
            .where(
                PlannedBatch.announced_at <= at,
                PlannedBatch.expected_at < horizon_end,
                or_(
                    PlannedBatch.state == BatchState.PLANNED,
                    and_(PlannedBatch.state != BatchState.PLANNED, PlannedBatch.closed_at > at),
                ),
            )
            .order_by(PlannedBatch.expected_at, PlannedBatch.id)
        )
        # one called off before it was due is gone; one announced for a day long past and never closed, too
        if when >= at - timedelta(days=1)
    )
    turnaround, gaps = measured_turnaround(session, at)
    return Inputs(
        at=at,
        tz=tz,
        buildings=tuple(buildings.items()),
        rooms=tuple(rooms),
        stays=stays,
        awaiting=dict(state.left_at),
        out_of_service=out,
        batches=batches,
        turnaround=turnaround,
        gaps=gaps,
        release_time=release_time,
        margin=site.forecast_margin,
        days=days,
    )


# --- the arithmetic --------------------------------------------------------------------------------------

OCCUPIED, AWAITING, OUT = "occupied", "awaiting", "out"


@dataclass(frozen=True)
class _Ready:
    """When a room left at ``since`` is ready again: the measured turnarounds' distribution (``gaps``,
    seconds), or exactly ``median`` when none was measured."""

    gaps: tuple[float, ...]
    median: float

    def cdf(self, seconds: float) -> float:
        if not self.gaps:
            return 1.0 if seconds >= self.median else 0.0
        return bisect.bisect_right(self.gaps, seconds) / len(self.gaps)

    def by(self, since: datetime, waited: timedelta, instant: datetime) -> float:
        """The chance a room left at ``since``, not ready after ``waited``, is ready by ``instant``."""
        x, base = (instant - since).total_seconds(), self.cdf(waited.total_seconds())
        if base >= 1.0:  # longer than any measured: ready now
            return 1.0 if instant >= since + waited else 0.0
        if x < waited.total_seconds():
            return 0.0
        return max(0.0, min(1.0, (self.cdf(x) - base) / (1.0 - base)))


@dataclass
class _Timeline:
    """A room's coming states as (from, until, state, left at) spans, in time order; free after the last.
    An awaiting span's ``until`` is when the median turnaround makes it ready (batches are placed by it);
    its state at an instant is a chance, by the measured distribution (:class:`_Ready`)."""

    spans: list[tuple[datetime, datetime, str, datetime]] = field(default_factory=list)

    def add(self, start: datetime, end: datetime, what: str, since: datetime | None = None) -> None:
        self.spans.append((start, end, what, since or start))

    def free_from(self) -> datetime:
        return max((end for _, end, _, _ in self.spans), default=datetime.min.replace(tzinfo=ZoneInfo("UTC")))

    def state(self, ready: _Ready, instant: datetime) -> tuple[str | None, float]:
        """The state at ``instant``: occupied or out of service (chance 1), awaiting disinfection with a
        chance (the rest free), or free."""
        last = None
        for i, span in enumerate(self.spans):
            if span[0] > instant:
                break
            last = i
        if last is None:
            return None, 0.0
        start, end, what, since = self.spans[last]
        if what != AWAITING:
            return (what, 1.0) if instant < end else (None, 0.0)
        taken = self.spans[last + 1][0] if last + 1 < len(self.spans) else None  # a batch takes it, ready by then
        if taken is not None and instant >= taken:
            return None, 0.0
        return AWAITING, 1.0 - ready.by(since, start - since, instant)

    def freed(self, ready: _Ready, start: datetime, end: datetime) -> float:
        """The rooms (a chance) this one is ready again in [start, end)."""
        got = 0.0
        for i, (s, _e, what, since) in enumerate(self.spans):
            if what != AWAITING:
                continue
            taken = self.spans[i + 1][0] if i + 1 < len(self.spans) else NEVER

            def by(instant: datetime, s: datetime = s, since: datetime = since, taken: datetime = taken) -> float:
                return 1.0 if instant >= taken else ready.by(since, s - since, instant)

            got += by(end - JUST) - by(start - JUST)
        return got


def _cell(c: dict[str, float]) -> Cell:
    """A building's day in whole rooms: the chances summed, then rounded, free the rooms left over."""
    whole = {k: round(v) for k, v in c.items() if k in COLUMNS}
    whole["free"] = (
        whole.get("rooms", 0) - whole.get("in_use", 0) - whole.get("out_of_service", 0) - whole.get("awaiting", 0)
    )
    return Cell(**whole)


def project(inputs: Inputs) -> Forecast:
    """The forecast from its facts: each room's timeline, then each day's flows and end state."""
    at, tz, ta = inputs.at, inputs.tz, inputs.turnaround
    ready = _Ready(inputs.gaps, ta.total_seconds())
    today = clock.local_date(at, tz)
    timelines = {r.id: _Timeline() for r in inputs.rooms}
    by_room: dict[int, list[FStay]] = defaultdict(list)
    for s in inputs.stays:
        if s.room_id in timelines:
            by_room[s.room_id].append(s)
    vacating: list[tuple[datetime, int]] = []  # (when, room) a room's last occupant leaves
    for rid, present in by_room.items():
        leaves = NEVER if any(s.held for s in present) else max(s.leaves for s in present)
        timelines[rid].add(at, leaves, OCCUPIED)
        if leaves is not NEVER:
            vacating.append((leaves, rid))
            timelines[rid].add(leaves, leaves + ta, AWAITING)
    for rid, left in inputs.awaiting.items():
        if rid in timelines and rid not in by_room:
            timelines[rid].add(at, max(at, left + ta), AWAITING, left)
    returning: list[tuple[datetime, int]] = []
    for rid, back in inputs.out_of_service.items():
        if rid in timelines and rid not in by_room:
            timelines[rid].add(at, back, OUT)
            if back is not NEVER:
                returning.append((back, rid))

    # the planned batches, in their order, take rooms free at their time
    order = [r.id for r in inputs.rooms]
    double = {r.id: r.double for r in inputs.rooms}
    arriving: list[tuple[datetime, int, int]] = []  # (when, people, rooms short)
    free_at = {rid: timelines[rid].free_from() for rid in order}  # when each room is free (a batch moves it)
    placed: list[tuple[datetime, int, int]] = []  # (when, room, people put in it)
    batch_leaving: list[tuple[datetime, int, int]] = []  # (when, room, people) a batch leaves again
    for b in inputs.batches:
        leave = _local(clock.local_date(b.at, tz) + timedelta(days=b.days), inputs.release_time, tz)
        free = [rid for rid in order if free_at[rid] <= b.at]
        families = b.people - b.rooms  # households of two, each in a double
        doubles = [rid for rid in free if double[rid]]
        singles = [rid for rid in free if not double[rid]]
        chosen = doubles[:families]
        rest = singles + doubles[families:]
        chosen += rest[: b.rooms - len(chosen)]
        for i, rid in enumerate(chosen):
            people = 2 if i < families and double[rid] else 1
            placed.append((b.at, rid, people))
            batch_leaving.append((leave, rid, people))
            timelines[rid].add(b.at, leave, OCCUPIED)
            timelines[rid].add(leave, leave + ta, AWAITING)
            free_at[rid] = leave + ta
            vacating.append((leave, rid))
        arriving.append((b.at, b.people, b.rooms - len(chosen)))

    building_of = {r.id: r.building_id for r in inputs.rooms}
    beds = {r.id: r.beds for r in inputs.rooms}
    index = {bid: i for i, (bid, _) in enumerate(inputs.buildings)}
    days: list[Day] = []
    start = at
    for n in range(inputs.days + 1):
        day = today + timedelta(days=n)
        end = _local(day + timedelta(days=1), time(0), tz)
        cells: list[defaultdict[str, float]] = [defaultdict(float) for _ in inputs.buildings]
        for events, column in ((vacating, "vacated"), (returning, "back_in_service")):
            for when, rid in events:
                if start <= when < end:
                    cells[index[building_of[rid]]][column] += 1
        for when, rid, people in placed:
            if start <= when < end:
                cells[index[building_of[rid]]]["arrivals"] += people
                cells[index[building_of[rid]]]["arrival_rooms"] += 1
        for when, rid, people in batch_leaving:
            if start <= when < end:
                cells[index[building_of[rid]]]["releases"] += people
        for s in inputs.stays:
            if s.room_id in timelines and start <= s.leaves < end:
                cells[index[building_of[s.room_id]]]["held" if s.held else "releases"] += 1
        for rid in order:
            c = cells[index[building_of[rid]]]
            c["rooms"] += 1
            c["freed"] += timelines[rid].freed(ready, start, end)
            # just before midnight, as the reports count a day's end
            what, chance = timelines[rid].state(ready, end - JUST)
            if what == OCCUPIED:
                c["in_use"] += 1
            elif what == OUT:
                c["out_of_service"] += 1
            else:
                c["awaiting"] += chance
                c["free_beds"] += beds[rid] * (1 - chance)
        by_building = tuple(_cell(c) for c in cells)
        total = sum(by_building, Cell())
        # the site's arrivals count everyone announced, placed or not; the rooms they lack are the site's
        people = sum(p for when, p, _ in arriving if start <= when < end)
        short = sum(s for when, _, s in arriving if start <= when < end)
        total = Cell(**{**{c: getattr(total, c) for c in COLUMNS}, "arrivals": people, "short": short})
        days.append(Day(day, total, by_building, total.free < inputs.margin or short > 0))
        start = end
    return Forecast(
        made_at=at.astimezone(ZoneInfo(tz)),  # as the site's clock shows it
        today=today,
        buildings=inputs.buildings,
        days=tuple(days),
        turnaround=ta,
        turnaround_samples=inputs.turnaround_samples,
        release_time=inputs.release_time,
        margin=inputs.margin,
        batch_ids=tuple(b.batch_id for b in inputs.batches),
    )


def forecast(session: Session, at: datetime | None = None, days: int = DAYS) -> Forecast:
    """The room forecast made at ``at`` (default now): today, then the next ``days`` days."""
    return project(gather(session, at, days))


# --- the back-test ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackTest:
    """The forecast made on each evening D of a past period, against what happened, per horizon h (D+1 …
    D+7), in rooms at the end of the day.

    What the forecast answers is the command centre's question: the rooms the site can still take, besides
    the batches announced so far. What happened, for that question, is the rooms free at the end of D+h
    plus the rooms then held by people who came after D's evening without being announced by then (the
    rooms the site *did* take for them). ``mae`` and ``bias`` (the forecast minus that: above 0 it promised
    rooms that were not there) compare with it; ``naive_mae`` is the error of the answer a desk gives
    without a forecast, "as many as are free tonight"; ``free_mae`` compares the forecast with the free
    rooms alone, arrivals nobody had announced included."""

    first: date
    last: date
    rooms: int
    horizons: tuple[int, ...]
    samples: tuple[int, ...]
    mae: tuple[float, ...]
    bias: tuple[float, ...]
    naive_mae: tuple[float, ...]
    free_mae: tuple[float, ...]


EVENING = time(20, 0)  # when the command centre's daily question is answered


def evening(day: date, tz: str) -> datetime:
    """The instant a past day's forecast is made at: that day's ``EVENING``, site time."""
    return _local(day, EVENING, tz)


@dataclass(frozen=True)
class _End:
    """A day's end as it happened: the free rooms, and who was in each occupied room."""

    free: int
    rooms_of: dict[int, tuple[int, ...]]  # occupied room -> the stays in it


def _end_of(session: Session, day: date, tz: str) -> _End:
    end = _local(day + timedelta(days=1), time(0), tz)
    counted = set(
        session.scalars(
            select(Room.id)
            .join(Floor, Room.floor_id == Floor.id)
            .join(Building, Floor.building_id == Building.id)
            .where(
                or_(Room.retired_on.is_(None), Room.retired_on > day),
                or_(Building.retired_on.is_(None), Building.retired_on > day),
            )
        )
    )
    state = rooms_at(session, end)
    busy = state.occupied | state.awaiting_disinfection | state.out_of_service
    rooms_of: dict[int, list[int]] = defaultdict(list)
    for sid, rid in state.stay_rooms.items():
        if rid in counted:
            rooms_of[rid].append(sid)
    return _End(len(counted - busy), {r: tuple(s) for r, s in rooms_of.items()})


def backtest(session: Session, first: date, last: date, days: int = DAYS) -> BackTest:
    """Forecasts made at ``EVENING`` of each day from ``first`` to the day before ``last``, each compared
    with what happened on its following days up to ``last``."""
    tz = get_site(session).timezone
    ends = {d: _end_of(session, d, tz) for d in _days(first, last)}
    since = _local(first, time(0), tz)
    came: dict[int, tuple[datetime, datetime | None]] = {
        sid: (arrived, announced)
        for sid, arrived, announced in session.execute(
            select(Stay.id, Stay.arrived_at, PlannedBatch.announced_at)
            .outerjoin(PlannedBatch, Stay.planned_batch_id == PlannedBatch.id)
            .where(Stay.arrived_at >= since)
        )
    }

    def unannounced(sid: int, at: datetime) -> bool:
        arrived, announced = came.get(sid, (at, at))
        return arrived >= at and (announced is None or announced > at)

    hs = range(1, days + 1)
    errors: dict[int, list[int]] = {h: [] for h in hs}
    naive: dict[int, list[int]] = {h: [] for h in hs}
    plain: dict[int, list[int]] = {h: [] for h in hs}
    rooms = 0
    for d in _days(first, last - timedelta(days=1)):
        at = evening(d, tz)
        fc = forecast(session, at, days)
        rooms = max(rooms, fc.days[0].total.rooms)
        for h in hs:
            target = d + timedelta(days=h)
            if target > last:
                break
            end = ends[target]
            taken = sum(1 for stays in end.rooms_of.values() if all(unannounced(s, at) for s in stays))
            could = end.free + taken
            errors[h].append(fc.days[h].total.free - could)
            naive[h].append(ends[d].free - could)
            plain[h].append(fc.days[h].total.free - end.free)
    done = tuple(h for h in hs if errors[h])
    return BackTest(
        first=first,
        last=last,
        rooms=rooms,
        horizons=done,
        samples=tuple(len(errors[h]) for h in done),
        mae=tuple(statistics.fmean(abs(e) for e in errors[h]) for h in done),
        bias=tuple(statistics.fmean(errors[h]) for h in done),
        naive_mae=tuple(statistics.fmean(abs(e) for e in naive[h]) for h in done),
        free_mae=tuple(statistics.fmean(abs(e) for e in plain[h]) for h in done),
    )


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
