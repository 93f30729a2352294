"""The planned batches (待转运批次) as the desk lists them: those still expected first, then the recent ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models import clock
from models.services.sites import get_site
from models.store.orm import BatchState, Category, PlannedBatch, Stay

RECENT_DAYS = 7  # checked in or called off this many days ago or less: still listed


@dataclass(frozen=True)
class BatchRow:
    id: int
    version: int
    expected_at: datetime  # in the site's time zone
    people: int
    rooms: int
    category_code: str | None
    category_zh: str
    category_en: str
    source: str
    note: str
    list_name: str | None
    state: BatchState
    announced_at: datetime
    closed_at: datetime | None
    cancel_reason: str | None
    arrived: int  # stays checked in with it

    def category(self, lang: str) -> str:
        return self.category_zh if lang.startswith("zh") or not self.category_en else self.category_en


def batch_rows(
    session: Session,
    now: datetime | None = None,
    *,
    recent_days: int = RECENT_DAYS,
    ids: Sequence[int] | None = None,
) -> list[BatchRow]:
    """The batches still planned (by expected time), then those closed in the last ``recent_days`` days
    (latest first); with ``ids``, exactly those (a forecast's, by expected time)."""
    now = now or clock.now()
    tz = get_site(session).timezone
    arrived = (
        select(Stay.planned_batch_id, func.count().label("n"))
        .where(Stay.planned_batch_id.is_not(None))
        .group_by(Stay.planned_batch_id)
        .subquery()
    )
    rows = session.execute(
        select(PlannedBatch, Category.name_zh, Category.name_en, arrived.c.n)
        .outerjoin(Category, PlannedBatch.category_code == Category.code)
        .outerjoin(arrived, arrived.c.planned_batch_id == PlannedBatch.id)
        .where(
            PlannedBatch.id.in_(list(ids))
            if ids is not None
            else or_(
                PlannedBatch.state == BatchState.PLANNED,
                PlannedBatch.closed_at >= now - timedelta(days=recent_days),
            )
        )
    ).all()
    out = [
        BatchRow(
            b.id,
            b.version,
            clock.site_now(tz, b.expected_at),
            b.people,
            b.rooms,
            b.category_code,
            zh or "",
            en or "",
            b.source,
            b.note,
            b.list_name,
            b.state,
            clock.site_now(tz, b.announced_at),
            clock.site_now(tz, b.closed_at) if b.closed_at else None,
            b.cancel_reason,
            n or 0,
        )
        for b, zh, en, n in rows
    ]
    if ids is not None:
        return sorted(out, key=lambda r: (r.expected_at, r.id))
    planned = sorted((r for r in out if r.state is BatchState.PLANNED), key=lambda r: (r.expected_at, r.id))
    closed = sorted((r for r in out if r.state is not BatchState.PLANNED), key=lambda r: r.closed_at or now)
    return planned + closed[::-1]


def batch_source(session: Session, batch_id: int) -> str:
    """The sending office an announced batch comes from ("" when not said, or no such batch)."""
    return session.scalar(select(PlannedBatch.source).where(PlannedBatch.id == batch_id)) or ""
