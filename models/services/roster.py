"""The duty roster (排班): the working groups of the site's team, its staff, the shifts of a day, who is on
which shift of which day; and the staff's own health monitoring (工作人员健康监测): those in closed-loop
management take their temperature twice a day, measured against the site's fever threshold as the occupants'
readings are, a fever opening an alert closed with what was done.

The usual seven groups and two 12-hour shifts (白班 08:00, 夜班 20:00, which runs into the next morning) are
made with the site (``seed_team``); the site renames, adds or retires them. Permission ``roster`` (admin and
desk) keeps the team and the roster; ``staff_health`` (admin, desk, medical) records the staff's readings and
closes their alerts. A member, group or shift with history is retired, never deleted.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import clock
from models.codes import AlertState, GroupDuty, Slot
from models.errors import DomainError
from models.services import audit
from models.services.audit import transactional
from models.services.communities import clean_phone, clean_text
from models.services.observations import parse_temperature
from models.services.sites import get_site, site_today
from models.store.orm import DutySlot, Shift, StaffMember, StaffReading, User, WorkGroup

DEFAULT_GROUPS = (
    ("综合协调组", GroupDuty.GENERAL),
    ("健康观察组", GroupDuty.HEALTH),
    ("医疗救治组", GroupDuty.MEDICAL),
    ("后勤保障组", GroupDuty.LOGISTICS),
    ("安全保卫组", GroupDuty.SECURITY),
    ("消杀组", GroupDuty.DISINFECTION),
    ("信息报送组", GroupDuty.REPORTING),
)
DEFAULT_SHIFTS = (("白班", time(8, 0), 12), ("夜班", time(20, 0), 12))
LIMITS = {"group_name": 50, "staff_name": 50, "staff_title": 50, "shift_name": 20, "staff_symptoms": 200,
          "staff_alert_note": 400}  # fmt: skip
ROSTER_AHEAD = timedelta(days=62)  # a roster is made for the weeks to come, not for next year
BACKDATE = timedelta(days=7)


def _text(value: str, field: str, *, required: bool = False) -> str:
    return clean_text(value, field, required=required, limit=LIMITS[field])


def seed_team(session: Session) -> None:
    """The usual working groups and the two shifts, when the site has none yet (made with the site)."""
    if session.scalar(select(func.count()).select_from(WorkGroup)) == 0:
        session.add_all(WorkGroup(name=n, duty=d, sort=i) for i, (n, d) in enumerate(DEFAULT_GROUPS, 1))
    if session.scalar(select(func.count()).select_from(Shift)) == 0:
        session.add_all(Shift(name=n, starts=s, hours=h, sort=i) for i, (n, s, h) in enumerate(DEFAULT_SHIFTS, 1))
    session.flush()


T = TypeVar("T")


def _get(session: Session, cls: type[T], key: int, missing: str, expected_version: int | None = None) -> T:
    found = session.get(cls, key)
    if found is None:
        raise DomainError(missing)
    if expected_version is not None and getattr(found, "version", None) != expected_version:
        raise DomainError("conflict")
    return found


def _unique(
    session: Session, cls: type[WorkGroup] | type[StaffMember] | type[Shift], name: str, error: str,
    own_id: int | None = None, **where: object,
) -> None:  # fmt: skip
    q = select(cls.id).where(cls.name == name)
    for column, value in where.items():
        q = q.where(getattr(cls, column) == value)
    other = session.scalar(q)
    if other is not None and other != own_id:
        raise DomainError(error, name=name)


def _duty(value: object) -> GroupDuty:
    try:
        return GroupDuty(str(value))
    except ValueError:
        raise DomainError("roster_code_unknown", value=str(value)[:40]) from None


# --- the groups -----------------------------------------------------------------------------------------
@transactional("roster")
def add_group(session: Session, actor: User | None, name: str, duty: GroupDuty | str = GroupDuty.OTHER) -> WorkGroup:
    name = _text(name, "group_name", required=True)
    _unique(session, WorkGroup, name, "group_taken")
    last = session.scalar(select(func.max(WorkGroup.sort))) or 0
    group = WorkGroup(name=name, duty=_duty(duty), sort=last + 1)
    session.add(group)
    session.flush()
    audit.record(session, actor, "group.add", group)
    return group


@transactional("roster")
def edit_group(
    session: Session, actor: User | None, group_id: int, name: str, duty: GroupDuty | str, *,
    expected_version: int | None = None,
) -> WorkGroup:  # fmt: skip
    group = _get(session, WorkGroup, group_id, "group_not_found", expected_version)
    name = _text(name, "group_name", required=True)
    _unique(session, WorkGroup, name, "group_taken", group.id)
    before = audit.snapshot(group)
    group.name, group.duty, group.retired_on = name, _duty(duty), None
    session.flush()
    audit.record(session, actor, "group.edit", group, before)
    return group


@transactional("roster")
def retire_group(session: Session, actor: User | None, group_id: int) -> WorkGroup:
    group = _get(session, WorkGroup, group_id, "group_not_found")
    if session.scalar(select(StaffMember.id).where(StaffMember.group_id == group.id, StaffMember.retired_on.is_(None))):
        raise DomainError("group_has_staff", name=group.name)
    before = audit.snapshot(group)
    group.retired_on = site_today(session)
    audit.record(session, actor, "group.retire", group, before)
    return group


# --- the staff ------------------------------------------------------------------------------------------
@transactional("roster")
def add_staff(
    session: Session, actor: User | None, name: str, group_id: int, *, title: str = "", phone: str = "",
    closed_loop: bool = True,
) -> StaffMember:  # fmt: skip
    group = _get(session, WorkGroup, group_id, "group_not_found")
    if group.retired_on is not None:
        raise DomainError("group_retired", name=group.name)
    name = _text(name, "staff_name", required=True)
    _unique(session, StaffMember, name, "staff_taken", group_id=group.id)
    member = StaffMember(name=name, group_id=group.id, title=_text(title, "staff_title"), phone=clean_phone(phone),
                         closed_loop=bool(closed_loop))  # fmt: skip
    session.add(member)
    session.flush()
    audit.record(session, actor, "staff.add", member)
    return member


@transactional("roster")
def edit_staff(
    session: Session, actor: User | None, staff_id: int, name: str, group_id: int, *, title: str = "",
    phone: str | None = None, closed_loop: bool = True, expected_version: int | None = None,
) -> StaffMember:  # fmt: skip
    """``phone`` None keeps the number (the form never shows it in full); "" removes it."""
    member = _get(session, StaffMember, staff_id, "staff_not_found", expected_version)
    group = _get(session, WorkGroup, group_id, "group_not_found")
    name = _text(name, "staff_name", required=True)
    _unique(session, StaffMember, name, "staff_taken", member.id, group_id=group.id)
    before = audit.snapshot(member)
    member.name, member.group_id, member.title = name, group.id, _text(title, "staff_title")
    if phone is not None:
        member.phone = clean_phone(phone)
    member.closed_loop = bool(closed_loop)
    session.flush()
    audit.record(session, actor, "staff.edit", member, before)
    return member


@transactional("roster")
def retire_staff(session: Session, actor: User | None, staff_id: int) -> StaffMember:
    """No longer on the team: kept for the roster and readings they have; their duties to come are removed."""
    member = _get(session, StaffMember, staff_id, "staff_not_found")
    today = site_today(session)
    before = audit.snapshot(member)
    member.retired_on = today
    for slot in session.scalars(select(DutySlot).where(DutySlot.staff_id == member.id, DutySlot.day > today)):
        audit.record(session, actor, "duty.remove", slot, audit.snapshot(slot), {})
        session.delete(slot)
    audit.record(session, actor, "staff.retire", member, before)
    return member


# --- the shifts -----------------------------------------------------------------------------------------
def _hours(value: object) -> int:
    try:
        hours = int(str(value).strip())
    except ValueError:
        hours = 0
    if not 1 <= hours <= 24:
        raise DomainError("shift_hours", value=str(value)[:10])
    return hours


@transactional("roster")
def add_shift(session: Session, actor: User | None, name: str, starts: time, hours: object) -> Shift:
    name = _text(name, "shift_name", required=True)
    _unique(session, Shift, name, "shift_taken")
    last = session.scalar(select(func.max(Shift.sort))) or 0
    shift = Shift(name=name, starts=starts.replace(second=0, microsecond=0), hours=_hours(hours), sort=last + 1)
    session.add(shift)
    session.flush()
    audit.record(session, actor, "shift.add", shift)
    return shift


@transactional("roster")
def edit_shift(
    session: Session, actor: User | None, shift_id: int, name: str, starts: time, hours: object, *,
    expected_version: int | None = None,
) -> Shift:  # fmt: skip
    shift = _get(session, Shift, shift_id, "shift_not_found", expected_version)
    name = _text(name, "shift_name", required=True)
    _unique(session, Shift, name, "shift_taken", shift.id)
    before = audit.snapshot(shift)
    shift.name, shift.starts, shift.hours = name, starts.replace(second=0, microsecond=0), _hours(hours)
    shift.retired_on = None
    session.flush()
    audit.record(session, actor, "shift.edit", shift, before)
    return shift


@transactional("roster")
def retire_shift(session: Session, actor: User | None, shift_id: int) -> Shift:
    shift = _get(session, Shift, shift_id, "shift_not_found")
    before = audit.snapshot(shift)
    shift.retired_on = site_today(session)
    audit.record(session, actor, "shift.retire", shift, before)
    return shift


# --- the roster -----------------------------------------------------------------------------------------
def _roster_day(session: Session, day: date) -> None:
    today = site_today(session)
    if day < today - BACKDATE:
        raise DomainError("roster_day_old")
    if day > today + ROSTER_AHEAD:
        raise DomainError("roster_day_far")


@transactional("roster")
def assign(session: Session, actor: User | None, staff_id: int, day: date, shift_id: int) -> DutySlot:
    """``staff_id`` on ``shift_id`` of ``day`` (the day the shift starts on)."""
    _roster_day(session, day)
    member = _get(session, StaffMember, staff_id, "staff_not_found")
    shift = _get(session, Shift, shift_id, "shift_not_found")
    if member.retired_on is not None:
        raise DomainError("staff_retired", name=member.name)
    if shift.retired_on is not None:
        raise DomainError("shift_retired", name=shift.name)
    taken = session.scalar(
        select(DutySlot).where(DutySlot.staff_id == member.id, DutySlot.day == day, DutySlot.shift_id == shift.id)
    )
    if taken is not None:
        raise DomainError("duty_taken", name=member.name, shift=shift.name, day=day.isoformat())
    slot = DutySlot(staff_id=member.id, day=day, shift_id=shift.id, user_id=actor.id if actor else None)
    session.add(slot)
    session.flush()
    audit.record(session, actor, "duty.assign", slot)
    return slot


@transactional("roster")
def unassign(session: Session, actor: User | None, slot_id: int) -> None:
    slot = _get(session, DutySlot, slot_id, "duty_not_found")
    _roster_day(session, slot.day)
    audit.record(session, actor, "duty.remove", slot, audit.snapshot(slot), {})
    session.delete(slot)


@transactional("roster")
def copy_week(
    session: Session, actor: User | None, from_monday: date, to_monday: date, group_id: int | None = None
) -> int:
    """The roster of the week from ``from_monday`` (a group's, or every group's) copied to the week from
    ``to_monday``, each duty on the same weekday; a duty already there is kept. The duties made are counted."""
    if from_monday.weekday() or to_monday.weekday():
        raise DomainError("roster_not_monday")
    _roster_day(session, to_monday)
    _roster_day(session, to_monday + timedelta(days=6))
    q = (
        select(DutySlot)
        .join(StaffMember, DutySlot.staff_id == StaffMember.id)
        .join(Shift, DutySlot.shift_id == Shift.id)
        .where(DutySlot.day >= from_monday, DutySlot.day < from_monday + timedelta(days=7),
               StaffMember.retired_on.is_(None), Shift.retired_on.is_(None))
    )  # fmt: skip
    if group_id is not None:
        q = q.where(StaffMember.group_id == group_id)
    have = {(s.staff_id, s.day, s.shift_id) for s in session.scalars(
        select(DutySlot).where(DutySlot.day >= to_monday, DutySlot.day < to_monday + timedelta(days=7))
    )}  # fmt: skip
    made = 0
    shift_by = to_monday - from_monday
    for slot in list(session.scalars(q)):
        key = (slot.staff_id, slot.day + shift_by, slot.shift_id)
        if key in have:
            continue
        copied = DutySlot(staff_id=slot.staff_id, day=key[1], shift_id=slot.shift_id,
                          user_id=actor.id if actor else None)  # fmt: skip
        session.add(copied)
        session.flush()
        audit.record(session, actor, "duty.assign", copied)  # each duty made, as one put on by hand
        have.add(key)
        made += 1
    site = get_site(session)
    audit.record(session, actor, "duty.copy_week", site, note=f"from={from_monday} to={to_monday} made={made}")
    return made


# --- the staff's own health monitoring ------------------------------------------------------------------
@transactional("staff_health")
def record_staff_reading(
    session: Session,
    actor: User | None,
    staff_id: int,
    day: date,
    slot: Slot,
    temperature: float | str,
    *,
    symptoms: str = "",
    taken_at: datetime | None = None,
    now: datetime | None = None,
) -> StaffReading:
    """A staff member's temperature at a round; at or above the site's fever threshold it opens an alert."""
    now = now or clock.now()
    site = get_site(session)
    today = clock.site_today(site.timezone, now)
    if day > today:
        raise DomainError("staff_reading_future")
    if day < today - BACKDATE:
        raise DomainError("staff_reading_old")
    member = _get(session, StaffMember, staff_id, "staff_not_found")
    if member.retired_on is not None:
        raise DomainError("staff_retired", name=member.name)
    try:
        round_slot = Slot(str(slot))
    except ValueError:
        raise DomainError("roster_code_unknown", value=str(slot)[:10]) from None
    value = parse_temperature(temperature)
    fever = value >= site.fever_threshold
    reading = StaffReading(
        staff_id=member.id, day=day, slot=round_slot, temperature=value, taken_at=taken_at or now,
        symptoms=_text(symptoms, "staff_symptoms"), alert_state=AlertState.OPEN if fever else None,
        user_id=actor.id if actor else None,
    )  # fmt: skip
    session.add(reading)
    session.flush()
    audit.record(session, actor, "staff.reading", reading)
    return reading


@transactional("staff_health")
def close_staff_alert(
    session: Session, actor: User | None, reading_id: int, note: str, *, now: datetime | None = None
) -> StaffReading:
    """A staff member's fever dealt with (rechecked normal, sent off duty and tested …), said in ``note``."""
    reading = _get(session, StaffReading, reading_id, "staff_alert_not_found")
    if reading.alert_state is not AlertState.OPEN:
        raise DomainError("staff_alert_closed")
    before = audit.snapshot(reading)
    reading.alert_note = _text(note, "staff_alert_note", required=True)
    reading.alert_state, reading.alert_closed_at = AlertState.CLOSED, now or clock.now()
    session.flush()
    audit.record(session, actor, "staff.alert_close", reading, before)
    return reading
