"""Supplies (物资台账): the items a site keeps in stock, and every movement in, out or counted."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models import clock
from models.codes import MoveKind, SupplyCategory, UseBasis
from models.store.orm.base import Base, UTCDateTime, str_enum


class SupplyItem(Base):
    """An item kept in stock, counted in ``unit``; ``stock`` is the sum of its movements, kept with each one
    (its version checked, so two desks' movements at once cannot both spend the same stock)."""

    __tablename__ = "supply_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    category: Mapped[SupplyCategory] = mapped_column(
        str_enum(SupplyCategory, "supply_category"), default=SupplyCategory.OTHER
    )
    unit: Mapped[str] = mapped_column(String(20))
    min_stock: Mapped[int] = mapped_column(Integer, default=0)  # below or at it: the low-stock warning
    basis: Mapped[UseBasis] = mapped_column(str_enum(UseBasis, "use_basis"), default=UseBasis.MEASURED)
    per_person_day: Mapped[float] = mapped_column(Float, default=0.0)  # with basis per_occupant
    stock: Mapped[int] = mapped_column(Integer, default=0)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    retired_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint("stock >= 0", name="stock_not_negative"),
        CheckConstraint("min_stock >= 0", name="min_stock_not_negative"),
        CheckConstraint("per_person_day >= 0 AND per_person_day <= 100", name="per_person_day_range"),
    )


class SupplyMove(Base):
    """One movement of an item's stock: ``delta`` is the change (in: +, out: −, a count: what it found less
    what the books said); ``counted`` the count found. ``party`` is the source of what came in or who (which
    floor, which group) took what went out; ``lot`` the batch or lot number of what came in."""

    __tablename__ = "supply_move"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("supply_item.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    kind: Mapped[MoveKind] = mapped_column(str_enum(MoveKind, "move_kind"))
    delta: Mapped[int] = mapped_column(Integer)
    counted: Mapped[int | None] = mapped_column(Integer)
    party: Mapped[str] = mapped_column(String(100), default="")
    lot: Mapped[str] = mapped_column(String(60), default="")
    done_by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(String(400), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (
        Index("ix_supply_move_item_at", "item_id", "at"),
        Index("ix_supply_move_at", "at"),  # a period's ledger
    )
