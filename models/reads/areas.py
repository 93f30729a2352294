"""The public areas' routine disinfection (日常消毒) as the Today screen and the daily log read it."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import clock
from models.services.sites import get_site
from models.store.orm import AreaKind, AreaRound, PublicArea

# the rounds of a day are due spread over the working day: from 06:00, the last by 22:00
DAY_START, DAY_END = time(6, 0), time(22, 0)


@dataclass(frozen=True)
class AreaStatus:
    """An area in use on a day: rounds needed, done, and whether it is behind the day's schedule by then."""

    area_id: int
    version: int
    name: str
    kind: AreaKind
    rounds_per_day: int
    done: int
    last_at: datetime | None  # site time
    due_by_now: int  # rounds the schedule asks for by the instant

    @property
    def missing(self) -> int:
        return max(0, self.rounds_per_day - self.done)

    @property
    def behind(self) -> bool:
        return self.done < self.due_by_now


def due_by(rounds: int, at: datetime, day: date, tz: str) -> int:
    """Rounds due by ``at`` on ``day`` when ``rounds`` are spread evenly from DAY_START to DAY_END."""
    zone = ZoneInfo(tz)
    start, end = datetime.combine(day, DAY_START, zone), datetime.combine(day, DAY_END, zone)
    if at <= start:
        return 0
    if at >= end:
        return rounds
    return min(rounds, math.floor(rounds * (at - start) / (end - start)))


def area_status(session: Session, now: datetime | None = None) -> list[AreaStatus]:
    """Every area in use, with today's rounds (in the layout's order: the list's own)."""
    now = now or clock.now()
    tz = get_site(session).timezone
    day = clock.local_date(now, tz)
    start = datetime.combine(day, time(0), ZoneInfo(tz))
    done: Counter[int] = Counter()
    last: dict[int, datetime] = {}
    for area_id, n, latest in session.execute(
        select(AreaRound.area_id, func.count(), func.max(AreaRound.done_at))
        .where(AreaRound.done_at >= start, AreaRound.done_at < start + timedelta(days=1))
        .group_by(AreaRound.area_id)
    ):
        done[area_id], last[area_id] = n, latest
    out = []
    for a in session.scalars(
        select(PublicArea).where(PublicArea.retired_on.is_(None)).order_by(PublicArea.sort, PublicArea.id)
    ):
        seen = last.get(a.id)
        out.append(
            AreaStatus(
                a.id,
                a.version,
                a.name,
                a.kind,
                a.rounds_per_day,
                done[a.id],
                clock.site_now(tz, seen) if seen else None,
                due_by(a.rounds_per_day, now, day, tz),
            )
        )
    return out


@dataclass(frozen=True)
class AreaRow:
    id: int
    version: int
    name: str
    kind: AreaKind
    rounds_per_day: int
    retired_on: date | None


def area_rows(session: Session, *, with_retired: bool = False) -> list[AreaRow]:
    q = select(PublicArea).order_by(PublicArea.retired_on.is_not(None), PublicArea.sort, PublicArea.id)
    if not with_retired:
        q = q.where(PublicArea.retired_on.is_(None))
    return [AreaRow(a.id, a.version, a.name, a.kind, a.rounds_per_day, a.retired_on) for a in session.scalars(q)]


@dataclass(frozen=True)
class AreaLogRow:
    """One round, for the printed log and its workbook."""

    done_at: datetime  # site time
    area: str
    kind: AreaKind
    agent: str
    concentration: str
    done_by: str
    checked_by: str
    note: str


@dataclass(frozen=True)
class AreaDay:
    """An area's rounds of one day against its need, for the log's summary."""

    day: date
    area: str
    rounds_per_day: int
    done: int


def area_log(session: Session, day_from: date, day_to: date) -> tuple[list[AreaLogRow], list[AreaDay]]:
    """The rounds from ``day_from`` to ``day_to`` (site days) in time order, and per day and area in use
    then the rounds done against those needed."""
    tz = get_site(session).timezone
    zone = ZoneInfo(tz)
    start = datetime.combine(day_from, time(0), zone)
    end = datetime.combine(day_to + timedelta(days=1), time(0), zone)
    rows = []
    counted: Counter[tuple[date, int]] = Counter()
    for r, name, kind in session.execute(
        select(AreaRound, PublicArea.name, PublicArea.kind)
        .join(PublicArea, AreaRound.area_id == PublicArea.id)
        .where(AreaRound.done_at >= start, AreaRound.done_at < end)
        .order_by(AreaRound.done_at, AreaRound.id)
    ):
        local = clock.site_now(tz, r.done_at)
        rows.append(AreaLogRow(local, name, kind, r.agent, r.concentration, r.done_by, r.checked_by, r.note))
        counted[(local.date(), r.area_id)] += 1
    areas = list(session.scalars(select(PublicArea).order_by(PublicArea.sort, PublicArea.id)))
    days = []
    d = day_from
    while d <= day_to:
        for a in areas:
            if a.retired_on is None or a.retired_on > d or counted[(d, a.id)]:
                days.append(AreaDay(d, a.name, a.rounds_per_day, counted[(d, a.id)]))
        d += timedelta(days=1)
    return rows, days
