"""A round (健康观察) as the medical team enters it: the people present at a slot, in room order,
each with the previous slot's reading and whatever was entered for this slot already.

Four queries whatever the floor's size (chunked for SQLite's parameter limit): the people, this
slot's readings, the previous slot's, the open fever alerts.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from .audit import transactional
from .errors import DomainError
from .observations import correct_reading, open_alert, parse_temperature, present_at, record_reading, slot_instant
from .orm import AlertState, Building, FeverAlert, Floor, Observation, Person, Room, Slot, Stay, User
from .sites import get_site

NOT_MEASURED_REASONS = {  # code -> (zh, en): what the paper sheet says instead of a number
    "asleep": ("睡眠中", "asleep"),
    "refused": ("拒绝测量", "refused"),
    "transfer": ("外出转运", "out for transfer"),
}


@dataclass(frozen=True)
class Reading:
    observation_id: int
    version: int
    temperature: float | None
    not_measured_reason: str | None
    symptoms: tuple[str, ...]

    def text(self) -> str:
        return f"{self.temperature:.1f}" if self.temperature is not None else (self.not_measured_reason or "")


@dataclass
class RoundRow:
    stay_id: int
    building: str
    floor: str
    room: str
    bed: int
    name: str
    previous: Reading | None  # the slot before this one
    reading: Reading | None  # this slot's first reading
    rechecks: list[Reading] = field(default_factory=list)  # 复测, oldest first
    alert_open: bool = False

    @property
    def latest(self) -> Reading | None:
        return self.rechecks[-1] if self.rechecks else self.reading


def previous_slot(day: date, slot: Slot) -> tuple[date, Slot]:
    return (day, Slot.MORNING) if slot is Slot.EVENING else (day - timedelta(days=1), Slot.EVENING)


def _reading(oid: int, version: int, temperature: float | None, reason: str | None, symptoms: str) -> Reading:
    return Reading(oid, version, temperature, reason, tuple(c for c in (symptoms or "").split(",") if c))


def round_sheet(
    session: Session, day: date, slot: Slot, floor_id: int | None = None, stay_id: int | None = None
) -> list[RoundRow]:
    """Everyone present at the slot's time (on one floor, or the whole site), in room order.

    ``stay_id`` narrows the sheet to one person (the row to redraw after a save)."""
    site = get_site(session)
    at = slot_instant(day, slot, site.timezone)
    q = (
        select(Stay.id, Building.name, Floor.name, Room.number, Stay.bed, Person.name)
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(present_at(at))
        .order_by(Building.sort, Floor.sort, Room.sort, Stay.bed)
    )
    if floor_id is not None:
        q = q.where(Room.floor_id == floor_id)
    if stay_id is not None:
        q = q.where(Stay.id == stay_id)
    rows = [RoundRow(*r, previous=None, reading=None) for r in session.execute(q)]
    if not rows:
        return rows
    by_stay = {r.stay_id: r for r in rows}
    ids = list(by_stay)
    prev_day, prev_slot = previous_slot(day, slot)
    columns = (
        Observation.stay_id,
        Observation.recheck_of_id,
        Observation.id,
        Observation.version,
        Observation.temperature,
        Observation.not_measured_reason,
        Observation.symptoms,
    )
    for chunk in _chunks(ids):
        for sid, recheck_of, oid, version, temperature, reason, symptoms in session.execute(
            select(*columns)
            .where(Observation.stay_id.in_(chunk), Observation.day == day, Observation.slot == slot)
            .order_by(Observation.id)
        ):
            row = by_stay[sid]
            if recheck_of is None:
                row.reading = _reading(oid, version, temperature, reason, symptoms)
            else:
                row.rechecks.append(_reading(oid, version, temperature, reason, symptoms))
        for sid, _recheck_of, oid, version, temperature, reason, symptoms in session.execute(
            select(*columns)
            .where(Observation.stay_id.in_(chunk), Observation.day == prev_day, Observation.slot == prev_slot)
            .order_by(Observation.id)
        ):
            # the last one (a recheck) wins
            by_stay[sid].previous = _reading(oid, version, temperature, reason, symptoms)
        for sid in session.scalars(
            select(FeverAlert.stay_id).where(FeverAlert.stay_id.in_(chunk), FeverAlert.state == AlertState.OPEN)
        ):
            by_stay[sid].alert_open = True
    return rows


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    """SQLite limits the number of bound parameters: ask in chunks."""
    return [ids[i : i + size] for i in range(0, len(ids), size)]


# --- typing a round in ------------------------------------------------------------------------------
# What a value typed on a row of the round means is decided here, not by the screen: on an empty row
# it is the slot's reading; on a row whose reading is a fever still open it is the recheck (复测); on
# any other row with a reading it corrects that reading. A not-measured reason is never a recheck.


def is_fever(reading: Reading | None, threshold: float) -> bool:
    return reading is not None and reading.temperature is not None and reading.temperature >= threshold


def awaits_recheck(row: RoundRow, threshold: float) -> bool:
    """The row's reading is a fever whose alert is still open: the next value typed there is the recheck."""
    return row.reading is not None and row.alert_open and is_fever(row.latest, threshold)


class Entry(enum.StrEnum):
    SKIPPED = "skipped"  # nothing typed: nothing saved, go on to the next room
    NEW = "new"  # the slot's first reading (a temperature or a not-measured reason)
    RECHECK = "recheck"  # 复测 of a fever reading
    CORRECTION = "correction"  # replaces the slot's reading; the old value stays in the audit trail
    REFUSED = "refused"  # nothing saved: see ``error``


@dataclass(frozen=True)
class EntryResult:
    kind: Entry
    row: RoundRow | None = None  # the person's row as it is now, when something was saved
    awaiting_recheck: bool = False  # a fever is open on the row: stay there for the recheck
    alert_opened: bool = False
    alert_closed: bool = False
    error: DomainError | None = None

    @property
    def saved(self) -> bool:
        return self.kind in (Entry.NEW, Entry.RECHECK, Entry.CORRECTION)

    def message(self, lang: str) -> str:
        return self.error.message(lang) if self.error is not None else ""


def _one_row(session: Session, day: date, slot: Slot, stay_id: int) -> RoundRow | None:
    return next(iter(round_sheet(session, day, slot, stay_id=stay_id)), None)


@transactional
def save_entry(
    session: Session,
    actor: User | None,
    stay_id: int,
    day: date,
    slot: Slot,
    typed: str,
    *,
    symptoms: list[str] | tuple[str, ...] = (),
    not_measured: str | None = None,
    expected_version: int | None = None,
    lang: str = "zh_CN",
) -> tuple[Entry, bool, bool]:
    """Save one typed value, choosing the service: a new reading, a recheck or a correction.

    ``not_measured`` is a code of NOT_MEASURED_REASONS (stored in ``lang``); ``expected_version`` is
    the version of the slot's reading as the desk saw it, None when it saw none. Returns the kind of
    entry, whether a fever alert was opened and whether one was closed. One transaction."""
    reason = None
    if not_measured is not None:
        if not_measured not in NOT_MEASURED_REASONS:
            raise DomainError("temp_or_reason")
        reason = NOT_MEASURED_REASONS[not_measured][0 if lang == "zh_CN" else 1]
    value = None if reason else parse_temperature(typed)  # '365' -> 36.5; out of range refused
    threshold = get_site(session).fever_threshold
    row = _one_row(session, day, slot, stay_id)
    seen = row.reading if row is not None else None
    was_open = open_alert(session, stay_id) is not None
    if expected_version is None:  # the desk saw an empty row (another desk's reading meanwhile is refused)
        kind = Entry.NEW
        record_reading(
            session, actor, stay_id, day, slot, temperature=value, not_measured_reason=reason, symptoms=symptoms
        )
    elif row is None or seen is None or seen.version != expected_version:
        raise DomainError("stale")
    elif reason is None and awaits_recheck(row, threshold):
        kind = Entry.RECHECK
        record_reading(
            session, actor, stay_id, day, slot, temperature=value, symptoms=symptoms, recheck_of_id=seen.observation_id
        )
    else:
        kind = Entry.CORRECTION
        correct_reading(
            session,
            actor,
            seen.observation_id,
            temperature=value,
            not_measured_reason=reason,
            symptoms=symptoms or None,  # no symptom key pressed: the reading keeps its symptoms
            expected_version=expected_version,
        )
    is_open = open_alert(session, stay_id) is not None
    return kind, is_open and not was_open, was_open and not is_open


def enter_value(
    session: Session,
    actor: User | None,
    stay_id: int,
    day: date,
    slot: Slot,
    typed: str,
    *,
    symptoms: list[str] | tuple[str, ...] = (),
    not_measured: str | None = None,
    expected_version: int | None = None,
    lang: str = "zh_CN",
) -> EntryResult:
    """What the rounds screen does with Enter (or F9–F11) on a row: skip it when nothing is typed,
    else save (``save_entry``) and return the fresh row; a refusal comes back as REFUSED with the
    error, nothing saved."""
    if not_measured is None and not (typed or "").strip():
        return EntryResult(Entry.SKIPPED)
    try:
        kind, opened, closed = save_entry(
            session,
            actor,
            stay_id,
            day,
            slot,
            typed,
            symptoms=symptoms,
            not_measured=not_measured,
            expected_version=expected_version,
            lang=lang,
        )
    except DomainError as e:
        return EntryResult(Entry.REFUSED, error=e)
    row = _one_row(session, day, slot, stay_id)
    threshold = get_site(session).fever_threshold
    waiting = row is not None and awaits_recheck(row, threshold)
    return EntryResult(kind, row, waiting, opened, closed)
