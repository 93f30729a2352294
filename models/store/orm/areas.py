"""Public areas (corridors, lifts, the lobby, the buffer and staff zones, the waste point …) and their routine
disinfection rounds (日常消毒), two or three a day."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models import clock
from models.store.orm.base import AreaKind, Base, UTCDateTime, str_enum


class PublicArea(Base):
    """A place disinfected ``rounds_per_day`` times a day; one that has rounds recorded is retired, not deleted."""

    __tablename__ = "public_area"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[AreaKind] = mapped_column(str_enum(AreaKind, "area_kind"), default=AreaKind.OTHER)
    rounds_per_day: Mapped[int] = mapped_column(Integer, default=2)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    retired_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (CheckConstraint("rounds_per_day >= 1 AND rounds_per_day <= 12", name="rounds_range"),)


class AreaRound(Base):
    """One round of disinfection of an area: when, the agent and its concentration, who did it, who checked."""

    __tablename__ = "area_round"
    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("public_area.id"))
    done_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    agent: Mapped[str] = mapped_column(String(100))
    concentration: Mapped[str] = mapped_column(String(50), default="")
    done_by: Mapped[str] = mapped_column(String(100))
    checked_by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(String(400), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (
        Index("ix_area_round_area_done", "area_id", "done_at"),
        Index("ix_area_round_done", "done_at"),  # a day's log
    )
