"""Temperature rounds: readings, fever alerts, rechecks, missing readings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, or_, select, true, union_all
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError, NoSiteError
from models.rules.not_measured import not_measured_code
from models.services import audit
from models.services.audit import transactional
from models.services.communities import clean_text
from models.services.sites import get_site
from models.services.stays import get_stay
from models.store.orm import (
    SYMPTOMS,
    TEMP_MAX,
    TEMP_MIN,
    AlertState,
    Building,
    FeverAlert,
    Floor,
    Observation,
    Person,
    Room,
    Site,
    Slot,
    Stay,
    User,
)
from models.store.per_dialect import per_dialect

# nominal times of the two rounds, local: who was present then is expected to have a reading
SLOT_TIMES = {Slot.MORNING: time(8, 0), Slot.EVENING: time(16, 0)}


def slot_instant(day: date, slot: Slot, tz: str) -> datetime:
    return datetime.combine(day, SLOT_TIMES[slot], tzinfo=ZoneInfo(tz))


def parse_temperature(text: str | float) -> float:
    """'365', '36.5', '36,5', 36.5 -> 36.5. Raises DomainError outside the plausible range."""
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        raw = text.strip().replace(",", ".").replace("，", ".").replace("℃", "").replace("°C", "")
        try:
            value = float(raw)
        except ValueError as exc:
            raise DomainError("temp_range", value=text, low=TEMP_MIN, high=TEMP_MAX) from exc
        if "." not in raw and 340 <= value <= 430:
            value = value / 10  # typed without the dot from a paper sheet
    value = round(value, 1)
    if not TEMP_MIN <= value <= TEMP_MAX:
        raise DomainError("temp_range", value=value, low=TEMP_MIN, high=TEMP_MAX)
    return value


def _symptoms(codes: list[str] | tuple[str, ...]) -> str:
    for c in codes:
        if c not in SYMPTOMS:
            raise DomainError("symptom_unknown", symptom=c)
    return ",".join(c for c in SYMPTOMS if c in codes)


@dataclass
class ReadingResult:
    observation: Observation
    fever: bool
    alert_opened: FeverAlert | None = None
    alert_closed: FeverAlert | None = None


def open_alert(session: Session, stay_id: int) -> FeverAlert | None:
    return session.scalar(select(FeverAlert).where(FeverAlert.stay_id == stay_id, FeverAlert.state == AlertState.OPEN))


def _reason_code(reason: str | None) -> str:
    """What is stored for a not-measured reason: its code (a code or a label in either language is
    taken), never a label."""
    code = not_measured_code(reason)
    if code is None:
        raise DomainError("reason_unknown", reason=(reason or "").strip())
    return code


@transactional("readings")
def record_reading(
    session: Session,
    actor: User | None,
    stay_id: int,
    day: date,
    slot: Slot,
    *,
    temperature: float | str | None = None,
    not_measured_reason: str | None = None,
    symptoms: list[str] | tuple[str, ...] = (),
    taken_by: str = "",
    taken_at: datetime | None = None,
    recheck_of_id: int | None = None,
) -> ReadingResult:
    """Save one reading. At or above the site threshold it opens a fever alert (one per stay);
    a normal recheck of a fever reading closes the open alert."""
    # the stay, the site and whether the round has its first reading already, in one query: on PostgreSQL each
    # statement is a round trip, and a round of readings is typed one after another
    first = (
        select(Observation.id)
        .where(
            Observation.stay_id == stay_id,
            Observation.day == day,
            Observation.slot == slot,
            Observation.recheck_of_id.is_(None),
        )
        .limit(1)
        .scalar_subquery()
    )
    facts = session.execute(
        select(Stay, Site, first).join(Site, true()).where(Stay.id == stay_id).order_by(Site.id).limit(1)
    ).one_or_none()
    if facts is None or facts[0].departed_at is not None:
        get_stay(session, stay_id)  # not found, or gone: its own message
        raise NoSiteError  # (a stay without a site: not a database IsoDesk made)
    stay, site, exists = facts
    if temperature is None or temperature == "":
        if not (not_measured_reason or "").strip():
            raise DomainError("temp_or_reason")
        not_measured_reason = _reason_code(not_measured_reason)
        value = None
    else:
        value = parse_temperature(temperature)
        not_measured_reason = None
    sym = _symptoms(symptoms)
    if taken_by:  # who took it, as typed (one line, no hidden character, within the column)
        taken_by = clean_text(taken_by, "taken_by", required=False, limit=100)
    at = taken_at or min(clock.now(), slot_instant(day, slot, site.timezone) + timedelta(hours=4))
    if day < stay.arrival_day:
        raise DomainError("not_present", name=stay.person.name)
    recheck_of = None
    if recheck_of_id is not None:
        recheck_of = session.get(Observation, recheck_of_id)
        if recheck_of is None or recheck_of.stay_id != stay.id:
            raise DomainError("recheck_target")
    elif exists is not None:
        raise DomainError("reading_exists", name=stay.person.name)
    obs = Observation(
        stay_id=stay.id,
        day=day,
        slot=slot,
        taken_at=at,
        temperature=value,
        not_measured_reason=not_measured_reason,
        symptoms=sym,
        taken_by=taken_by,
        recheck_of_id=recheck_of.id if recheck_of else None,
        user_id=actor.id if actor else None,
    )
    session.add(obs)
    session.flush()
    audit.record(session, actor, "reading.create", obs, person_id=stay.person_id, room_id=stay.room_id)
    fever = value is not None and value >= site.fever_threshold
    result = ReadingResult(obs, fever)
    # the open alert matters to a fever (one alert a stay) and to a recheck (a normal one closes it) only
    current = open_alert(session, stay.id) if fever or recheck_of is not None else None
    if fever and current is None:
        alert = FeverAlert(stay_id=stay.id, observation_id=obs.id, opened_at=at)
        session.add(alert)
        session.flush()
        audit.record(session, actor, "alert.open", alert, person_id=stay.person_id, room_id=stay.room_id)
        result.alert_opened = alert
    elif value is not None and not fever and recheck_of is not None and current is not None:
        result.alert_closed = _close(session, actor, current, "recheck_normal", f"复测 {value} °C", at)
    return result


def _close(
    session: Session, actor: User | None, alert: FeverAlert, resolution: str, note: str, at: datetime
) -> FeverAlert:
    before = audit.snapshot(alert)
    alert.state, alert.closed_at, alert.resolution, alert.note = AlertState.CLOSED, at, resolution, note
    alert.closed_by_id = actor.id if actor else None
    audit.record(session, actor, "alert.close", alert, before)
    return alert


# how a fever alert is closed by a decision (FeverAlert.resolution; the words are in views/labels.py):
# the recheck was normal, or the person was observed and it is not a fever (a reason is required). A
# transfer to hospital is not a decision here: the transfer action records it and closes the alert.
ALERT_DECISIONS = ("recheck_normal", "not_fever")
REASON_REQUIRED = frozenset({"not_fever"})


@transactional("alerts")
def close_alert(
    session: Session,
    actor: User | None,
    alert_id: int,
    decision: str,
    note: str = "",
    now: datetime | None = None,
) -> FeverAlert:
    """Close an open fever alert with a decision (a code of :data:`ALERT_DECISIONS`) and a note; it then no
    longer holds a release back. The decision's code is stored and audited, never its words."""
    alert = session.get(FeverAlert, alert_id)
    if alert is None:
        raise DomainError("alert_not_found")
    if alert.state is AlertState.CLOSED:
        raise DomainError("alert_closed")
    if decision == "transferred":
        raise DomainError("alert_use_transfer")
    if decision not in ALERT_DECISIONS:
        raise DomainError("alert_decision_unknown")
    note = note.strip()
    if decision in REASON_REQUIRED and not note:
        raise DomainError("reason_required")
    return _close(session, actor, alert, decision, note, now or clock.now())


@transactional("readings")
def correct_reading(
    session: Session,
    actor: User | None,
    observation_id: int,
    *,
    temperature: float | str | None,
    not_measured_reason: str | None = None,
    symptoms: list[str] | tuple[str, ...] | None = None,
    expected_version: int | None = None,
) -> Observation:
    """Edit an earlier reading; the old values stay in the audit trail. A stale version is refused."""
    obs = session.get(Observation, observation_id)
    if obs is None:
        raise DomainError("stay_not_found")
    if expected_version is not None and obs.version != expected_version:
        raise DomainError("stale")
    before = audit.snapshot(obs)
    if temperature is None or temperature == "":
        if not (not_measured_reason or "").strip():
            raise DomainError("temp_or_reason")
        obs.temperature, obs.not_measured_reason = None, _reason_code(not_measured_reason)
    else:
        obs.temperature, obs.not_measured_reason = parse_temperature(temperature), None
    if symptoms is not None:
        obs.symptoms = _symptoms(symptoms)
    stay = session.get_one(Stay, obs.stay_id)
    audit.record(session, actor, "reading.correct", obs, before, person_id=stay.person_id, room_id=stay.room_id)
    site = get_site(session)
    if obs.temperature is not None and obs.temperature >= site.fever_threshold and open_alert(session, stay.id) is None:
        alert = FeverAlert(stay_id=stay.id, observation_id=obs.id, opened_at=clock.now())
        session.add(alert)
        session.flush()
        audit.record(session, actor, "alert.open", alert, person_id=stay.person_id, room_id=stay.room_id)
    return obs


@dataclass(frozen=True)
class MissingReading:
    stay_id: int
    name: str
    building: str
    floor: str
    room: str


def _not_gone(left_after: ColumnElement[bool]) -> ColumnElement[bool]:
    """The stays still here, or that left under ``left_after``: found by the departure's index, never by a
    scan of every stay that ever was (a plain OR of the two let SQLite scan a year's stays; PostgreSQL answers
    the OR from a bitmap of that index, and the IN by looking every stay found up again: models/store/per_dialect)."""
    return per_dialect(
        postgresql=or_(Stay.departed_at.is_(None), left_after),
        other=Stay.id.in_(
            union_all(select(Stay.id).where(Stay.departed_at.is_(None)), select(Stay.id).where(left_after))
        ),
    )


def present_at(instant: datetime) -> ColumnElement[bool]:
    """SQL condition: the stay was at the site at that instant (arrived by then, not left by then)."""
    return and_(_not_gone(Stay.departed_at > instant), Stay.arrived_at <= instant)


def present_before(instant: datetime) -> ColumnElement[bool]:
    """SQL condition: the stay was at the site just before that instant (arrived before it, not left before
    it): the reports' "at the end of the day", where an event at 24:00 belongs to the next day."""
    return and_(_not_gone(Stay.departed_at >= instant), Stay.arrived_at < instant)


def missing_readings(session: Session, day: date, slot: Slot, floor_id: int | None = None) -> list[MissingReading]:
    """People present at the slot's time with no reading (measured or not-measured) for it, in room order."""
    site = get_site(session)
    at = slot_instant(day, slot, site.timezone)
    # a recheck always follows a first reading: asking for first readings lets the partial unique index answer
    has_reading = (
        select(Observation.id)
        .where(
            Observation.stay_id == Stay.id,
            Observation.day == day,
            Observation.slot == slot,
            Observation.recheck_of_id.is_(None),
        )
        .exists()
    )
    q = (
        select(Stay.id, Person.name, Building.name, Floor.name, Room.number)
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(present_at(at), ~has_reading)
        .order_by(Building.sort, Floor.sort, Room.sort, Stay.bed)
    )
    if floor_id is not None:
        q = q.where(Room.floor_id == floor_id)
    return [MissingReading(*row) for row in session.execute(q)]


def open_alerts(session: Session) -> list[FeverAlert]:
    return list(
        session.scalars(select(FeverAlert).where(FeverAlert.state == AlertState.OPEN).order_by(FeverAlert.opened_at))
    )
