"""Typing a round from the paper sheet: what a value typed on a row does is decided here, not in the view.

``enter_value`` parses what was typed (``365`` means 36.5 °C) and picks the service: a new reading, a
correction of a reading entered already, a "not measured" reason, or, only when asked for
(``recheck=True``, the desk's deliberate recheck step), the recheck of an open fever; it returns what
happened so the screen only shows it. A number typed on a fever row without asking for the recheck is a
correction (the alert stays open), never a recheck: the next number on the paper sheet is someone else's.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from models.errors import DomainError
from models.reads.rounds import NOT_MEASURED_REASONS, Reading, RoundRow, not_measured_label, round_sheet
from models.services.audit import transactional
from models.services.observations import (
    correct_reading,
    open_alert,
    parse_temperature,
    record_reading,
)
from models.services.sites import get_site
from models.store.orm import Slot, User


def is_fever(reading: Reading | None, threshold: float) -> bool:
    return reading is not None and reading.temperature is not None and reading.temperature >= threshold


def awaits_recheck(row: RoundRow, threshold: float) -> bool:
    """The row's reading is a fever whose alert is still open: it waits for a recheck (复测)."""
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
    awaiting_recheck: bool = False  # a fever is open on the row: it waits for a recheck
    alert_opened: bool = False
    alert_closed: bool = False
    error: DomainError | None = None

    @property
    def saved(self) -> bool:
        return self.kind in (Entry.NEW, Entry.RECHECK, Entry.CORRECTION)

    def message(self, lang: str) -> str:
        return self.error.message(lang) if self.error is not None else ""


def replacement(
    row: RoundRow, typed: str, *, not_measured: str | None = None, recheck: bool = False, lang: str = "zh_CN"
) -> tuple[str, str] | None:
    """What Enter (or F9–F11) on ``row`` would overwrite: (the slot's saved reading, the value that would
    replace it) as the screen shows them, when it would correct a reading already saved for the slot with
    a different value; None for a new reading, the deliberate recheck step (F12: a recheck adds, it never
    replaces), nothing typed, or a value ``save_entry`` refuses anyway. No session: the screen asks before
    saving."""
    if recheck or row.reading is None:
        return None
    if not_measured is not None:
        if not_measured not in NOT_MEASURED_REASONS:
            return None
        new = not_measured_label(not_measured, lang)
    else:
        if not (typed or "").strip():
            return None
        try:
            new = f"{parse_temperature(typed):.1f}"
        except DomainError:
            return None
    old = row.reading.text(lang)
    return None if new == old else (old, new)


def _one_row(session: Session, day: date, slot: Slot, stay_id: int) -> RoundRow | None:
    return next(iter(round_sheet(session, day, slot, stay_id=stay_id)), None)


@transactional("readings")
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
    recheck: bool = False,
    taken_by: str = "",
) -> tuple[Entry, bool, bool]:
    """Save one typed value, choosing the service: a new reading, a recheck or a correction.

    ``not_measured`` is a code of NOT_MEASURED_REASONS (stored as such, whatever the desk's language:
    each screen and form shows its label); ``expected_version`` is
    the version of the slot's reading as the desk saw it, None when it saw none. ``recheck`` asks for
    the recheck of the row's open fever (refused when none waits). Returns the kind of entry, whether a
    fever alert was opened and whether one was closed. One transaction."""
    reason = None
    if not_measured is not None:
        if not_measured not in NOT_MEASURED_REASONS:
            raise DomainError("temp_or_reason")
        reason = not_measured
    value = None if reason else parse_temperature(typed)  # '365' -> 36.5; out of range refused
    threshold = get_site(session).fever_threshold
    row = _one_row(session, day, slot, stay_id)
    seen = row.reading if row is not None else None
    was_open = open_alert(session, stay_id) is not None
    if recheck and (reason is not None or row is None or not awaits_recheck(row, threshold)):
        raise DomainError("recheck_none", name=row.name if row is not None else "")
    if expected_version is None:  # the desk saw an empty row (another desk's reading meanwhile is refused)
        kind = Entry.NEW
        record_reading(
            session,
            actor,
            stay_id,
            day,
            slot,
            temperature=value,
            not_measured_reason=reason,
            symptoms=symptoms,
            taken_by=taken_by,
        )
    elif row is None or seen is None or seen.version != expected_version:
        raise DomainError("stale")
    elif recheck:
        kind = Entry.RECHECK
        record_reading(
            session,
            actor,
            stay_id,
            day,
            slot,
            temperature=value,
            symptoms=symptoms,
            recheck_of_id=seen.observation_id,
            taken_by=taken_by,
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
    recheck: bool = False,
    taken_by: str = "",
) -> EntryResult:
    """What the rounds screen does with Enter (or F9–F11) on a row: skip it when nothing is typed,
    else save (``save_entry``; ``recheck`` for the deliberate recheck step) and return the fresh row; a
    refusal comes back as REFUSED with the error, nothing saved."""
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
            recheck=recheck,
            taken_by=taken_by,
        )
    except DomainError as e:
        return EntryResult(Entry.REFUSED, error=e)
    row = _one_row(session, day, slot, stay_id)
    threshold = get_site(session).fever_threshold
    waiting = row is not None and awaits_recheck(row, threshold)
    return EntryResult(kind, row, waiting, opened, closed)
