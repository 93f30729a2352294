"""A round (健康观察) as the medical team enters it: the people present at a slot, in room order,
each with the previous slot's reading and whatever was entered for this slot already.

Four queries whatever the floor's size (chunked for SQLite's parameter limit): the people, this
slot's readings, the previous slot's, the open fever alerts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.rules.not_measured import NOT_MEASURED_REASONS, not_measured_label
from models.services.observations import (
    present_at,
    slot_instant,
)
from models.services.sites import get_site
from models.store.id_lists import among, id_chunks
from models.store.orm import AlertState, Building, FeverAlert, Floor, Observation, Person, Room, Slot, Stay

# the one table of not-measured reasons and its label, for the screens and the forms (models/rules/not_measured.py)
__all__ = ["NOT_MEASURED_REASONS", "Reading", "RoundRow", "not_measured_label", "previous_slot", "round_sheet"]


@dataclass(frozen=True)
class Reading:
    observation_id: int
    version: int
    temperature: float | None
    not_measured_reason: str | None  # a code of NOT_MEASURED_REASONS
    symptoms: tuple[str, ...]

    def text(self, lang: str) -> str:
        """The reading as the screen shows it in ``lang``: the temperature, or why there is none."""
        if self.temperature is not None:
            return f"{self.temperature:.1f}"
        return not_measured_label(self.not_measured_reason, lang)


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
    for chunk in id_chunks(session, ids):
        for sid, recheck_of, oid, version, temperature, reason, symptoms in session.execute(
            select(*columns)
            .where(among(session, Observation.stay_id, chunk), Observation.day == day, Observation.slot == slot)
            .order_by(Observation.id)
        ):
            row = by_stay[sid]
            if recheck_of is None:
                row.reading = _reading(oid, version, temperature, reason, symptoms)
            else:
                row.rechecks.append(_reading(oid, version, temperature, reason, symptoms))
        for sid, _recheck_of, oid, version, temperature, reason, symptoms in session.execute(
            select(*columns)
            .where(
                among(session, Observation.stay_id, chunk), Observation.day == prev_day, Observation.slot == prev_slot
            )
            .order_by(Observation.id)
        ):
            # the last one (a recheck) wins
            by_stay[sid].previous = _reading(oid, version, temperature, reason, symptoms)
        for sid in session.scalars(
            select(FeverAlert.stay_id).where(
                among(session, FeverAlert.stay_id, chunk), FeverAlert.state == AlertState.OPEN
            )
        ):
            by_stay[sid].alert_open = True
    return rows


# --- typing a round in ------------------------------------------------------------------------------
# What a value typed on a row of the round means is decided here, not by the screen: on an empty row
# it is the slot's reading; on a row whose reading is a fever still open it is the recheck (复测); on
# any other row with a reading it corrects that reading. A not-measured reason is never a recheck.
