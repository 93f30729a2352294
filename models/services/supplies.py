"""Supplies (物资台账): the items a site keeps, and each movement of their stock.

Masks, protective suits, disinfectant, thermometers, swab kits, meals: each item is counted in its unit
(个, 件, 瓶, 盒, 份 …) as a whole number. A movement is in (from a source, with its lot), out (to a floor, a
group or a person) or a count (a stocktake: the count found replaces the books, the difference is kept).
The stock is kept on the item with each movement, under the item's version: two desks taking the last
boxes at once cannot both succeed, and stock never goes below zero. Permission ``supplies`` (admin and
desk: the logistics group works through the desk); an item with movements is retired, never deleted.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import clock
from models.codes import MoveKind, SupplyCategory, UseBasis
from models.errors import DomainError
from models.rules.numbers import whole_number
from models.services import audit
from models.services.audit import transactional
from models.services.communities import clean_text
from models.services.sites import get_site, site_today
from models.store.orm import SupplyItem, SupplyMove, User

MAX_QUANTITY = 10_000_000
MAX_PER_PERSON_DAY = 100
BACKDATE = timedelta(days=7)  # a movement may be recorded up to a week after it happened
FUTURE_SLACK = timedelta(minutes=5)
LIMITS = {
    "supply_name": 100, "supply_unit": 20, "supply_party": 100, "supply_lot": 60, "supply_by": 100,
    "supply_note": 400,
}  # fmt: skip


def _text(value: str, field: str, *, required: bool = False) -> str:
    return clean_text(value, field, required=required, limit=LIMITS[field])


def _count(value: object, error: str, *, low: int = 0) -> int:
    n = whole_number(value)
    if n is None or not low <= n <= MAX_QUANTITY:
        raise DomainError(error, low=low, limit=MAX_QUANTITY, value=str(value)[:20])
    return n


def _rate(value: object) -> float:
    try:
        rate = float(str(value).strip()) if not isinstance(value, bool) else math.nan
    except ValueError:
        rate = math.nan
    if not (0 <= rate <= MAX_PER_PERSON_DAY):  # also a NaN
        raise DomainError("supply_rate_range", limit=MAX_PER_PERSON_DAY, value=str(value)[:20])
    return round(rate, 2)


E = TypeVar("E", SupplyCategory, UseBasis, MoveKind)


def _enum(cls: type[E], value: object, error: str) -> E:
    try:
        return cls(str(value))
    except ValueError:
        raise DomainError(error, value=str(value)[:40]) from None


def get_item(session: Session, item_id: int, *, expected_version: int | None = None) -> SupplyItem:
    item = session.get(SupplyItem, item_id)
    if item is None:
        raise DomainError("supply_not_found")
    if expected_version is not None and item.version != expected_version:
        raise DomainError("conflict")
    return item


def _check_unique(session: Session, name: str, own_id: int | None = None) -> None:
    other = session.scalar(select(SupplyItem).where(SupplyItem.name == name))
    if other is not None and other.id != own_id:
        raise DomainError("supply_taken", name=name)


def _settings(
    name: str, category: object, unit: str, min_stock: object, basis: object, per_person_day: object
) -> dict[str, object]:
    basis_code = _enum(UseBasis, basis, "supply_basis_unknown")
    rate = _rate(per_person_day)
    if basis_code is UseBasis.PER_OCCUPANT and rate == 0:
        raise DomainError("supply_rate_needed")
    return {
        "name": _text(name, "supply_name", required=True),
        "category": _enum(SupplyCategory, category, "supply_category_unknown"),
        "unit": _text(unit, "supply_unit", required=True),
        "min_stock": _count(min_stock, "supply_min_range"),
        "basis": basis_code,
        "per_person_day": rate if basis_code is UseBasis.PER_OCCUPANT else 0.0,
    }


@transactional("supplies")
def add_item(
    session: Session,
    actor: User | None,
    name: str,
    category: SupplyCategory | str,
    unit: str,
    min_stock: object = 0,
    basis: UseBasis | str = UseBasis.MEASURED,
    per_person_day: object = 0,
) -> SupplyItem:
    values = _settings(name, category, unit, min_stock, basis, per_person_day)
    retired = session.scalar(
        select(SupplyItem).where(SupplyItem.name == values["name"], SupplyItem.retired_on.is_not(None))
    )
    if retired is not None:  # kept again: its past movements name it, its stock is what the books say
        before = audit.snapshot(retired)
        for key, value in values.items():
            setattr(retired, key, value)
        retired.retired_on = None
        audit.record(session, actor, "supply.restore", retired, before)
        return retired
    _check_unique(session, str(values["name"]))
    last = session.scalar(select(func.max(SupplyItem.sort))) or 0
    item = SupplyItem(**values, sort=last + 1, stock=0)
    session.add(item)
    session.flush()
    audit.record(session, actor, "supply.add", item)
    return item


@transactional("supplies")
def edit_item(
    session: Session,
    actor: User | None,
    item_id: int,
    name: str,
    category: SupplyCategory | str,
    unit: str,
    min_stock: object,
    basis: UseBasis | str,
    per_person_day: object,
    *,
    expected_version: int | None = None,
) -> SupplyItem:
    item = get_item(session, item_id, expected_version=expected_version)
    values = _settings(name, category, unit, min_stock, basis, per_person_day)
    _check_unique(session, str(values["name"]), item.id)
    before = audit.snapshot(item)
    for key, value in values.items():
        setattr(item, key, value)
    session.flush()
    audit.record(session, actor, "supply.edit", item, before)
    return item


@transactional("supplies")
def retire_item(
    session: Session, actor: User | None, item_id: int, *, expected_version: int | None = None
) -> SupplyItem | None:
    """Retired (kept for its movements), or deleted when it has none; None when deleted."""
    item = get_item(session, item_id, expected_version=expected_version)
    used = session.scalar(select(SupplyMove.id).where(SupplyMove.item_id == item.id).limit(1))
    if used is None:
        audit.record(session, actor, "supply.delete", item, audit.snapshot(item), {})
        session.delete(item)
        return None
    before = audit.snapshot(item)
    item.retired_on = site_today(session)
    audit.record(session, actor, "supply.retire", item, before)
    return item


def _tz(session: Session) -> str:
    return get_site(session).timezone


def _least_from(session: Session, item_id: int, when: datetime, stock: int) -> int:
    """The least the item's stock has been from ``when`` to now: what an out dated ``when`` may take without
    any later balance going below zero (``stock`` when nothing moved since)."""
    later = list(
        session.scalars(
            select(SupplyMove.delta)
            .where(SupplyMove.item_id == item_id, SupplyMove.at > when)
            .order_by(SupplyMove.at.desc(), SupplyMove.id.desc())
        )
    )
    least = balance = stock
    for delta in later:  # back from now: the balance before each later movement
        balance -= delta
        least = min(least, balance)
    return least


@transactional("supplies")
def record_move(
    session: Session,
    actor: User | None,
    item_id: int,
    kind: MoveKind | str,
    quantity: object,
    *,
    party: str = "",
    lot: str = "",
    done_by: str = "",
    note: str = "",
    at: datetime | None = None,
    now: datetime | None = None,
    expected_version: int | None = None,
) -> SupplyMove:
    """A movement of ``item_id``'s stock. In: ``quantity`` received from ``party`` (the source), ``lot`` its
    batch. Out: ``quantity`` handed to ``party`` (a floor, a group, a person), never more than in stock.
    Count: ``quantity`` is the count found, which becomes the stock; recorded now, with a note when it
    differs. ``at`` (default now) may be up to 7 days back for in and out, never ahead."""
    now = now or clock.now()
    move_kind = _enum(MoveKind, kind, "supply_move_unknown")
    when = at or now
    if when.tzinfo is None:
        raise ValueError("at must be aware")
    if when > now + FUTURE_SLACK:
        raise DomainError("supply_move_future")
    if when < now - BACKDATE:
        raise DomainError("supply_move_old")
    when = min(when, now)  # a desk's clock a little ahead: the movement is of now, as the stock it changes
    item = get_item(session, item_id, expected_version=expected_version)
    if item.retired_on is not None:
        raise DomainError("supply_retired", name=item.name)
    if move_kind is not MoveKind.COUNT and when < now:
        last_count = session.scalar(
            select(func.max(SupplyMove.at)).where(SupplyMove.item_id == item.id, SupplyMove.kind == MoveKind.COUNT)
        )
        if last_count is not None and when < last_count:  # the count said what was there: nothing before it moves
            raise DomainError(
                "supply_before_count", name=item.name, at=f"{clock.site_now(_tz(session), last_count):%m-%d %H:%M}"
            )
    party_text = _text(party, "supply_party", required=move_kind is not MoveKind.COUNT)
    note_text = _text(note, "supply_note")
    counted: int | None = None
    if move_kind is MoveKind.COUNT:
        counted = _count(quantity, "supply_count_range")
        delta = counted - item.stock
        when = now  # a count is of the stock as it stands
        if delta and not note_text:
            raise DomainError("supply_count_note", stock=item.stock, counted=counted)
    else:
        n = _count(quantity, "supply_quantity_range", low=1)
        if move_kind is MoveKind.OUT:
            there = _least_from(session, item.id, when, item.stock)  # dated back: the stock then and ever since
            if n > there:
                raise DomainError("supply_short", name=item.name, stock=there, unit=item.unit, quantity=n)
        delta = n if move_kind is MoveKind.IN else -n
    move = SupplyMove(
        item_id=item.id, at=when, kind=move_kind, delta=delta, counted=counted, party=party_text,
        lot=_text(lot, "supply_lot") if move_kind is MoveKind.IN else "", done_by=_text(done_by, "supply_by"),
        note=note_text, user_id=actor.id if actor else None,
    )  # fmt: skip
    item.stock += delta  # the item's version moves with it: a movement at another desk meanwhile is refused
    session.add(move)
    session.flush()
    audit.record(session, actor, f"supply.{move_kind.value}", move)
    return move


@transactional("settings")
def set_report_supplies(session: Session, actor: User | None, on: bool) -> bool:
    """Whether the daily report carries the supplies' stock (a site's choice: some command centres ask)."""
    site = get_site(session)
    if site.report_supplies != bool(on):
        before = audit.snapshot(site)
        site.report_supplies = bool(on)
        audit.record(session, actor, "site.report_supplies", site, before)
    return site.report_supplies
