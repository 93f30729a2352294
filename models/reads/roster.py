"""The duty roster (排班) and the staff's health monitoring as the staff page, the Today screen, the dialogs that
ask who did something, and the printed weekly roster read them.

A duty is a person on a shift of a day; a shift starting at 20:00 for 12 hours covers that evening and the next
morning. A group's day is *covered* when its duties leave no gap from 00:00 to 24:00 (the night shift of the day
before counts for the small hours); ``gaps`` says which hours are not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import clock
from models.codes import AlertState, GroupDuty, Slot
from models.services.sites import get_site
from models.store.orm import DutySlot, Shift, StaffMember, StaffReading, WorkGroup


@dataclass(frozen=True)
class GroupRow:
    id: int
    version: int
    name: str
    duty: GroupDuty
    retired: bool


@dataclass(frozen=True)
class StaffRow:
    id: int
    version: int
    name: str
    group_id: int
    group: str
    title: str
    phone: str
    closed_loop: bool
    retired: bool


@dataclass(frozen=True)
class ShiftRow:
    id: int
    version: int
    name: str
    starts: time
    hours: int

    def window(self, day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """The instants the shift of ``day`` runs from and to (site time)."""
        start = datetime.combine(day, self.starts, zone)
        return start, start + timedelta(hours=self.hours)

    @property
    def label(self) -> str:
        end = (datetime.combine(date(2000, 1, 1), self.starts) + timedelta(hours=self.hours)).time()
        return f"{self.name} {self.starts:%H:%M}–{end:%H:%M}"


def groups(session: Session, *, with_retired: bool = False) -> list[GroupRow]:
    q = select(WorkGroup).order_by(WorkGroup.retired_on.is_not(None), WorkGroup.sort, WorkGroup.id)
    if not with_retired:
        q = q.where(WorkGroup.retired_on.is_(None))
    return [GroupRow(g.id, g.version, g.name, g.duty, g.retired_on is not None) for g in session.scalars(q)]


def staff(session: Session, group_id: int | None = None, *, with_retired: bool = False) -> list[StaffRow]:
    q = (
        select(StaffMember, WorkGroup.name)
        .join(WorkGroup, StaffMember.group_id == WorkGroup.id)
        .order_by(StaffMember.retired_on.is_not(None), WorkGroup.sort, StaffMember.name, StaffMember.id)
    )
    if group_id is not None:
        q = q.where(StaffMember.group_id == group_id)
    if not with_retired:
        q = q.where(StaffMember.retired_on.is_(None))
    return [
        StaffRow(m.id, m.version, m.name, m.group_id, g, m.title, m.phone, m.closed_loop, m.retired_on is not None)
        for m, g in session.execute(q)
    ]


def shifts(session: Session) -> list[ShiftRow]:
    q = select(Shift).where(Shift.retired_on.is_(None)).order_by(Shift.sort, Shift.id)
    return [ShiftRow(s.id, s.version, s.name, s.starts, s.hours) for s in session.scalars(q)]


def _all_shifts(session: Session) -> dict[int, ShiftRow]:
    """Every shift, retired ones too (a past duty's)."""
    return {s.id: ShiftRow(s.id, s.version, s.name, s.starts, s.hours) for s in session.scalars(select(Shift))}


@dataclass(frozen=True)
class Duty:
    slot_id: int
    staff_id: int
    name: str
    group_id: int
    day: date
    shift_id: int


def duties(
    session: Session, first: date, last: date, group_id: int | None = None, *, serving_only: bool = False
) -> list[Duty]:
    """The duties of the days from ``first`` to ``last`` (the shift's starting day), in name order;
    ``serving_only``: not those of staff who have left the team since."""
    q = (
        select(DutySlot.id, DutySlot.staff_id, StaffMember.name, StaffMember.group_id, DutySlot.day, DutySlot.shift_id)
        .join(StaffMember, DutySlot.staff_id == StaffMember.id)
        .where(DutySlot.day >= first, DutySlot.day <= last)
        .order_by(DutySlot.day, StaffMember.name, DutySlot.id)
    )
    if group_id is not None:
        q = q.where(StaffMember.group_id == group_id)
    if serving_only:
        q = q.where(StaffMember.retired_on.is_(None))
    return [Duty(*row) for row in session.execute(q)]


def gaps(session: Session, day: date, group_id: int) -> list[tuple[time, time]]:
    """The hours of ``day`` (00:00 to 24:00, site time) no duty of the group covers, as (from, to); a gap that
    runs to midnight ends at 00:00. Empty: the day is covered."""
    zone = ZoneInfo(get_site(session).timezone)
    by_id = _all_shifts(session)
    start = datetime.combine(day, time(0), zone)
    end = start + timedelta(days=1)
    spans = []
    for d in duties(session, day - timedelta(days=1), day, group_id):
        a, b = by_id[d.shift_id].window(d.day, zone)
        if b > start and a < end:
            spans.append((max(a, start), min(b, end)))
    out = []
    at = start
    for a, b in sorted(spans):
        if a > at:
            out.append((at, a))
        at = max(at, b)
    if at < end:
        out.append((at, end))
    return [(a.timetz().replace(tzinfo=None), b.timetz().replace(tzinfo=None)) for a, b in out]


@dataclass(frozen=True)
class WeekRoster:
    """A group's roster of a week: for each shift and day, the names on it; the gaps of each day."""

    group: GroupRow
    monday: date
    shifts: list[ShiftRow]
    names: dict[tuple[int, date], list[str]]
    slots: dict[tuple[int, date], list[Duty]]
    gaps: dict[date, list[tuple[time, time]]]

    @property
    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]


def week_roster(session: Session, monday: date, group_ids: list[int] | None = None) -> list[WeekRoster]:
    """Each group's (or those of ``group_ids``) roster of the week from ``monday``."""
    shown = [g for g in groups(session) if group_ids is None or g.id in group_ids]
    day_shifts = shifts(session)
    out = []
    for g in shown:
        slots: defaultdict[tuple[int, date], list[Duty]] = defaultdict(list)
        for d in duties(session, monday, monday + timedelta(days=6), g.id):
            slots[(d.shift_id, d.day)].append(d)
        names = {k: [d.name for d in v] for k, v in slots.items()}
        holes = {monday + timedelta(days=i): gaps(session, monday + timedelta(days=i), g.id) for i in range(7)}
        out.append(WeekRoster(g, monday, day_shifts, names, dict(slots), holes))
    return out


@dataclass(frozen=True)
class OnDuty:
    group: str
    duty: GroupDuty
    name: str
    shift: str
    until: datetime  # site time


def on_duty(session: Session, now: datetime | None = None) -> list[OnDuty]:
    """Who is on duty at ``now`` (default now), in the groups' order."""
    now = now or clock.now()
    zone = ZoneInfo(get_site(session).timezone)
    today = clock.site_today(zone.key, now)
    by_id = _all_shifts(session)
    order = {g.id: (i, g) for i, g in enumerate(groups(session, with_retired=True))}
    out = []
    for d in duties(session, today - timedelta(days=1), today, serving_only=True):  # who has left is not on duty
        a, b = by_id[d.shift_id].window(d.day, zone)
        if a <= now < b and d.group_id in order:
            g = order[d.group_id][1]
            out.append((order[d.group_id][0], OnDuty(g.name, g.duty, d.name, by_id[d.shift_id].name, b)))
    return [o for _i, o in sorted(out, key=lambda x: (x[0], x[1].name))]


def on_duty_name(session: Session, duty: GroupDuty, now: datetime | None = None) -> str:
    """The name of someone on duty now in a group answering for ``duty`` (the "done by" a dialog offers); "" when
    nobody is."""
    return next((o.name for o in on_duty(session, now) if o.duty is duty), "")


@dataclass(frozen=True)
class StaffRoundRow:
    """A closed-loop staff member at a round: the reading taken, if any."""

    staff_id: int
    name: str
    group: str
    reading_id: int | None
    temperature: float | None
    fever: bool


def staff_round(session: Session, day: date, slot: Slot) -> list[StaffRoundRow]:
    """Every staff member in closed-loop management, with the round's reading (the last, when rechecked)."""
    threshold = get_site(session).fever_threshold
    last: dict[int, StaffReading] = {}
    for reading in session.scalars(
        select(StaffReading).where(StaffReading.day == day, StaffReading.slot == slot).order_by(StaffReading.taken_at)
    ):
        last[reading.staff_id] = reading
    out = []
    for m in staff(session):
        if not m.closed_loop:
            continue
        r = last.get(m.id)
        out.append(StaffRoundRow(m.id, m.name, m.group, r.id if r else None, r.temperature if r else None,
                                 r is not None and r.temperature >= threshold))  # fmt: skip
    return out


@dataclass(frozen=True)
class StaffAlert:
    reading_id: int
    name: str
    group: str
    day: date
    slot: Slot
    temperature: float
    symptoms: str
    taken_at: datetime  # site time


def staff_alerts(session: Session) -> list[StaffAlert]:
    """The staff's open fever alerts, the oldest first."""
    zone = ZoneInfo(get_site(session).timezone)
    q = (
        select(StaffReading, StaffMember.name, WorkGroup.name)
        .join(StaffMember, StaffReading.staff_id == StaffMember.id)
        .join(WorkGroup, StaffMember.group_id == WorkGroup.id)
        .where(StaffReading.alert_state == AlertState.OPEN)
        .order_by(StaffReading.taken_at, StaffReading.id)
    )
    return [
        StaffAlert(r.id, name, g, r.day, r.slot, r.temperature, r.symptoms, r.taken_at.astimezone(zone))
        for r, name, g in session.execute(q)
    ]
