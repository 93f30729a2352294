"""The supplies' stock (物资台账) as the supplies page, the Today warning, the stock sheet and the daily report
read it: what is in stock, what goes out a day, how many days that lasts, and each movement with the balance
after it.

Use a day is reckoned per item (``UseBasis``): *measured*, what went out over the last 7 days (or since the
item's first movement, when that is sooner) divided by those days; or *per occupant*, so many per person a
day times the people present. The days left are the stock divided by that use. An item is *low* when its
stock is at or below its minimum, or lasts less than ``WARN_DAYS``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import clock
from models.codes import MoveKind, SupplyCategory, UseBasis
from models.services.observations import present_before
from models.services.sites import get_site
from models.store.orm import Stay, SupplyItem, SupplyMove

WINDOW = timedelta(days=7)  # the measured use is that of the last 7 days
WARN_DAYS = 3  # an item that lasts less than this is low, whatever its minimum


@dataclass(frozen=True)
class StockRow:
    """An item's stock at an instant, its use a day and the days that lasts."""

    item_id: int
    version: int
    name: str
    category: SupplyCategory
    unit: str
    stock: int
    min_stock: int
    basis: UseBasis
    per_person_day: float
    per_day: float | None  # None: no use measured yet (nothing went out) or nobody present
    retired_on: date | None  # no longer kept from that day

    @property
    def days_left(self) -> float | None:
        return self.stock / self.per_day if self.per_day else None

    @property
    def below_minimum(self) -> bool:
        return self.stock <= self.min_stock

    @property
    def low(self) -> bool:
        days = self.days_left
        return self.below_minimum or (days is not None and days < WARN_DAYS)


def stock_rows(
    session: Session, at: datetime | None = None, *, with_retired: bool = False, before: bool = False
) -> list[StockRow]:
    """Every item kept (and, ``with_retired``, the retired ones) with its stock at ``at`` (default now), in the
    list's order. The stock is the sum of the movements up to ``at`` (``before``: those before it, as a day's
    end at 24:00 counts what came before midnight): a past instant gives the stock as it stood then (the daily
    report of a past day)."""
    at = at or clock.now()
    upto = SupplyMove.at < at if before else SupplyMove.at <= at
    q = select(SupplyItem).order_by(SupplyItem.retired_on.is_not(None), SupplyItem.sort, SupplyItem.id)
    if not with_retired:
        q = q.where(SupplyItem.retired_on.is_(None))
    items = list(session.scalars(q))
    if not items:
        return []
    stock = dict(
        session.execute(
            select(SupplyMove.item_id, func.sum(SupplyMove.delta)).where(upto).group_by(SupplyMove.item_id)
        ).all()
    )
    since = at - WINDOW
    out_qty = dict(
        session.execute(
            select(SupplyMove.item_id, func.sum(-SupplyMove.delta))
            .where(SupplyMove.kind == MoveKind.OUT, SupplyMove.at >= since, upto)
            .group_by(SupplyMove.item_id)
        ).all()
    )
    first = dict(
        session.execute(
            select(SupplyMove.item_id, func.min(SupplyMove.at)).where(upto).group_by(SupplyMove.item_id)
        ).all()
    )
    present: int | None = None
    rows = []
    for item in items:
        per_day: float | None = None
        if item.basis is UseBasis.PER_OCCUPANT:
            if present is None:
                present = session.scalar(select(func.count()).select_from(Stay).where(present_before(at))) or 0
            per_day = item.per_person_day * present or None
        elif out_qty.get(item.id):
            began = first.get(item.id) or since
            days = max(1.0, min(WINDOW, at - max(began, since)).total_seconds() / 86400)
            per_day = int(out_qty[item.id]) / days
        rows.append(
            StockRow(
                item.id,
                item.version,
                item.name,
                item.category,
                item.unit,
                int(stock.get(item.id) or 0),
                item.min_stock,
                item.basis,
                item.per_person_day,
                per_day,
                item.retired_on,
            )
        )
    return rows


def low_stock(session: Session, at: datetime | None = None) -> list[StockRow]:
    """The items kept whose stock is low (at or below the minimum, or lasting less than WARN_DAYS)."""
    return [r for r in stock_rows(session, at) if r.low]


@dataclass(frozen=True)
class MoveRow:
    """One movement, for the ledger: its time (site time), the item, what it was, the change, and the
    item's stock after it."""

    at: datetime
    item: str
    category: SupplyCategory
    unit: str
    kind: MoveKind
    delta: int
    counted: int | None
    balance: int
    party: str
    lot: str
    done_by: str
    note: str


def move_rows(session: Session, day_from: date, day_to: date) -> list[MoveRow]:
    """The movements of ``day_from`` to ``day_to`` (site days) in time order, each with its item's balance
    after it (the stock before the period plus the movements up to it)."""
    zone = ZoneInfo(get_site(session).timezone)
    start = datetime.combine(day_from, time(0), zone)
    end = datetime.combine(day_to + timedelta(days=1), time(0), zone)
    balance: defaultdict[int, int] = defaultdict(int)
    for item_id, total in session.execute(
        select(SupplyMove.item_id, func.sum(SupplyMove.delta)).where(SupplyMove.at < start).group_by(SupplyMove.item_id)
    ):
        balance[item_id] = int(total or 0)
    rows = []
    for m, name, category, unit in session.execute(
        select(SupplyMove, SupplyItem.name, SupplyItem.category, SupplyItem.unit)
        .join(SupplyItem, SupplyMove.item_id == SupplyItem.id)
        .where(SupplyMove.at >= start, SupplyMove.at < end)
        .order_by(SupplyMove.at, SupplyMove.id)
    ):
        balance[m.item_id] += m.delta
        rows.append(
            MoveRow(
                clock.site_now(zone.key, m.at),
                name,
                category,
                unit,
                m.kind,
                m.delta,
                m.counted,
                balance[m.item_id],
                m.party,
                m.lot,
                m.done_by,
                m.note,
            )
        )
    return rows
