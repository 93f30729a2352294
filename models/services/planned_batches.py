"""Planned batches (待转运批次): buses the command centre announces before they come.

The desk records what it is told (expected time, how many people and the rooms they need, category,
source, the transfer list if it came ahead), edits it as the news changes, calls it off with a reason,
or checks it in from its list: the stays then point back at their batch, and the batch is closed as
arrived. The room forecast (models/reads/forecast.py) counts the batches still planned.
Permission ``arrivals`` (admin and desk); the margin the forecast warns below is a setting (admin).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError
from models.rules import table_files
from models.rules.numbers import whole_number
from models.services import audit
from models.services.audit import transactional
from models.services.communities import clean_text
from models.services.sites import get_site
from models.store.orm import BatchState, Category, PlannedBatch, User

MAX_PEOPLE = 2000
MAX_MARGIN = 10_000
LIST_SUFFIXES = table_files.SUFFIXES  # what the transfer-list import reads
LIMITS = {"batch_source": 200, "batch_note": 400, "batch_reason": 400}
# an arrival is recorded late now and then: a batch expected earlier than this is a typing mistake
PAST_GRACE = timedelta(days=1)


@dataclass(frozen=True)
class BatchInput:
    """What the command centre said. ``rooms``: None means one room each."""

    expected_at: datetime
    people: int
    rooms: int | None = None
    category_code: str | None = None
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class TransferList:
    """The transfer list as it came: its file name and bytes."""

    name: str
    data: bytes


def _text(value: str, field: str) -> str:
    return clean_text(value, field, required=False, limit=LIMITS[field])


def checked_batch(session: Session, data: BatchInput, now: datetime) -> BatchInput:
    """``data`` cleaned, or the first thing wrong with it as a DomainError."""
    people = whole_number(data.people)
    if people is None or not 1 <= people <= MAX_PEOPLE:
        raise DomainError("batch_people_range", limit=MAX_PEOPLE, value=str(data.people))
    rooms = people if data.rooms in (None, "") else whole_number(data.rooms)
    if rooms is None or not 1 <= rooms <= people:
        raise DomainError("batch_rooms_range", people=people, value=str(data.rooms))
    if data.expected_at.tzinfo is None:
        raise ValueError("expected_at must be aware")
    if data.expected_at < now - PAST_GRACE:
        tz = get_site(session).timezone
        raise DomainError("batch_when_past", when=clock.site_now(tz, data.expected_at).strftime("%Y-%m-%d %H:%M"))
    category = data.category_code or None
    if category is not None and session.get(Category, category) is None:
        raise DomainError("batch_category_unknown", category=str(category)[:40])
    return BatchInput(
        data.expected_at,
        people,
        rooms,
        category,
        _text(data.source, "batch_source"),
        _text(data.note, "batch_note"),
    )


def checked_list(transfer_list: TransferList) -> TransferList:
    """A transfer list the import can read: its kind by name, its size, and a first read of it within the
    import's limits (a file that is not what its name says is refused now, not on the day of the bus)."""
    name = Path(transfer_list.name).name.strip()
    suffix = Path(name).suffix.lower()
    if suffix not in LIST_SUFFIXES:
        raise DomainError("import_format", suffix=suffix or "?")
    size = len(transfer_list.data)
    if size > table_files.MAX_FILE_BYTES:
        limit = table_files.MAX_FILE_BYTES
        raise DomainError("batch_list_too_large", size=f"{size / 2**20:,.1f} MB", limit=f"{limit / 2**20:,.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"list{suffix}"
        path.write_bytes(transfer_list.data)
        table_files.read_table(path)
    return TransferList(name[-200:], transfer_list.data)


def get_batch(
    session: Session, batch_id: int, *, expected_version: int | None = None, lock: bool = False
) -> PlannedBatch:
    batch = session.get(PlannedBatch, batch_id, with_for_update=lock, populate_existing=lock)
    if batch is None:
        raise DomainError("batch_not_found")
    if expected_version is not None and batch.version != expected_version:
        raise DomainError("conflict")
    return batch


def open_batch(session: Session, batch_id: int, version: int | None = None) -> PlannedBatch:
    """A batch still planned (locked on PostgreSQL for this transaction), else ``batch_closed``."""
    batch = get_batch(session, batch_id, expected_version=version, lock=True)
    if batch.state is not BatchState.PLANNED:
        raise DomainError("batch_closed")
    return batch


@transactional("arrivals")
def add_batch(
    session: Session,
    actor: User | None,
    data: BatchInput,
    transfer_list: TransferList | None = None,
    now: datetime | None = None,
) -> PlannedBatch:
    now = now or clock.now()
    data = checked_batch(session, data, now)
    batch = PlannedBatch(
        expected_at=data.expected_at,
        people=data.people,
        rooms=data.rooms or data.people,
        category_code=data.category_code,
        source=data.source,
        note=data.note,
        announced_at=now,
        user_id=actor.id if actor else None,
    )
    if transfer_list is not None:
        tl = checked_list(transfer_list)
        batch.list_name, batch.list_data = tl.name, tl.data
    session.add(batch)
    session.flush()
    audit.record(session, actor, "batch.plan", batch)
    return batch


@transactional("arrivals")
def edit_batch(
    session: Session,
    actor: User | None,
    batch_id: int,
    version: int | None,
    data: BatchInput,
    transfer_list: TransferList | None = None,
    *,
    drop_list: bool = False,
    now: datetime | None = None,
) -> PlannedBatch:
    """The news changed: a new time, count, category, source, note; a list sent (or taken back)."""
    now = now or clock.now()
    batch = open_batch(session, batch_id, version)
    data = checked_batch(session, data, now)
    before = audit.snapshot(batch)
    batch.expected_at, batch.people, batch.rooms = data.expected_at, data.people, data.rooms or data.people
    batch.category_code, batch.source, batch.note = data.category_code, data.source, data.note
    if transfer_list is not None:
        tl = checked_list(transfer_list)
        batch.list_name, batch.list_data = tl.name, tl.data
    elif drop_list:
        batch.list_name, batch.list_data = None, None
    session.flush()
    audit.record(session, actor, "batch.edit", batch, before)
    return batch


@transactional("arrivals")
def cancel_batch(
    session: Session, actor: User | None, batch_id: int, version: int | None, reason: str, now: datetime | None = None
) -> PlannedBatch:
    batch = open_batch(session, batch_id, version)
    reason = _text(reason, "batch_reason")
    if not reason:
        raise DomainError("batch_reason_empty")
    before = audit.snapshot(batch)
    batch.state, batch.closed_at, batch.cancel_reason = BatchState.CANCELLED, now or clock.now(), reason
    session.flush()
    audit.record(session, actor, "batch.cancel", batch, before)
    return batch


@transactional("arrivals")
def mark_arrived(
    session: Session, actor: User | None, batch_id: int, arrived: int, now: datetime | None = None
) -> PlannedBatch:
    """Close a planned batch as arrived: called by ``register_batch`` once its stays, which point back at
    it, are checked in, in the same transaction."""
    batch = open_batch(session, batch_id)
    before = audit.snapshot(batch)
    batch.state, batch.closed_at = BatchState.ARRIVED, now or clock.now()
    session.flush()
    audit.record(session, actor, "batch.arrive", batch, before, note=f"arrived={arrived}")
    return batch


def list_data(session: Session, batch_id: int) -> TransferList | None:
    """The transfer list sent ahead with a batch, to check it in from."""
    row = session.execute(
        select(PlannedBatch.list_name, PlannedBatch.list_data).where(PlannedBatch.id == batch_id)
    ).one_or_none()
    if row is None:
        raise DomainError("batch_not_found")
    if row.list_name is None or row.list_data is None:
        return None
    return TransferList(row.list_name, bytes(row.list_data))


@transactional("settings")
def set_forecast_margin(session: Session, actor: User | None, value: object) -> int:
    """The free rooms below which the room forecast warns."""
    margin = whole_number(value)
    if margin is None or not 0 <= margin <= MAX_MARGIN:
        raise DomainError("margin_range", limit=MAX_MARGIN, value=str(value)[:20])
    site = get_site(session)
    if margin != site.forecast_margin:
        before = audit.snapshot(site)
        site.forecast_margin = margin
        audit.record(session, actor, "site.forecast_margin", site, before)
    return margin
