"""The place: site, buildings, floors, rooms and what happens to rooms."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models import clock
from models.store.orm.base import Base, RoomEventKind, RoomState, RoomType, UTCDateTime, str_enum

# 三区: the rooms are in the contaminated zone; a site may also list buffer-zone and clean-zone rooms
ZONES: tuple[str, ...] = ("contaminated", "buffer", "clean")


class Site(Base):
    __tablename__ = "site"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(400), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    fever_threshold: Mapped[float] = mapped_column(Numeric(3, 1, asdecimal=False), default=37.3)
    rule_set_id: Mapped[int | None] = mapped_column(ForeignKey("rule_set.id"))
    rule_set_since: Mapped[date | None] = mapped_column(Date)  # when the site switched to its rule set
    # the days of home health monitoring the site calls on (回访): day numbers from release, "last" its last
    followup_days: Mapped[str] = mapped_column(String(50), default="1,3,last", server_default="1,3,last")
    # the room forecast warns when a day's free rooms fall below this many
    forecast_margin: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    # the daily report carries a line of the supplies' stock (物资), when the site sends it
    report_supplies: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    version: Mapped[int] = mapped_column(Integer, default=1)

    buildings: Mapped[list[Building]] = relationship(back_populates="site", order_by="Building.sort")
    __table_args__ = (CheckConstraint("fever_threshold >= 36.0 AND fever_threshold <= 40.0", name="threshold_range"),)


class Building(Base):
    __tablename__ = "building"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    sort: Mapped[int] = mapped_column(Integer, default=0)
    retired_on: Mapped[date | None] = mapped_column(Date)  # no longer in use; kept for its history

    site: Mapped[Site] = relationship(back_populates="buildings")
    floors: Mapped[list[Floor]] = relationship(back_populates="building", order_by="Floor.sort")
    __table_args__ = (UniqueConstraint("site_id", "name"),)


class Floor(Base):
    __tablename__ = "floor"
    id: Mapped[int] = mapped_column(primary_key=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id"), index=True)
    level: Mapped[int] = mapped_column(Integer)  # 1 = ground floor; adjacency for outbreak rules
    name: Mapped[str] = mapped_column(String(50))
    sort: Mapped[int] = mapped_column(Integer, default=0)
    retired_on: Mapped[date | None] = mapped_column(Date)

    building: Mapped[Building] = relationship(back_populates="floors")
    rooms: Mapped[list[Room]] = relationship(back_populates="floor", order_by="Room.sort")
    __table_args__ = (UniqueConstraint("building_id", "level"),)


class Room(Base):
    __tablename__ = "room"
    id: Mapped[int] = mapped_column(primary_key=True)
    floor_id: Mapped[int] = mapped_column(ForeignKey("floor.id"), index=True)
    number: Mapped[str] = mapped_column(String(20))
    sort: Mapped[int] = mapped_column(Integer, default=0)
    room_type: Mapped[RoomType] = mapped_column(str_enum(RoomType, "room_type"), default=RoomType.SINGLE)
    beds: Mapped[int] = mapped_column(Integer, default=1)
    zone: Mapped[str] = mapped_column(String(50), default="contaminated")  # a code of ZONES
    state: Mapped[RoomState] = mapped_column(str_enum(RoomState, "room_state"), default=RoomState.AVAILABLE)
    oos_reason: Mapped[str | None] = mapped_column(String(200))
    oos_from: Mapped[date | None] = mapped_column(Date)
    oos_until: Mapped[date | None] = mapped_column(Date)
    retired_on: Mapped[date | None] = mapped_column(Date)  # a room with history is retired, never deleted
    version: Mapped[int] = mapped_column(Integer, default=1)

    floor: Mapped[Floor] = relationship(back_populates="rooms")
    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("floor_id", "number"),
        CheckConstraint("beds >= 1 AND beds <= 6", name="beds_range"),
        CheckConstraint("(state = 'out_of_service') = (oos_reason IS NOT NULL)", name="oos_reason_iff_out_of_service"),
        CheckConstraint("oos_until IS NULL OR oos_from IS NULL OR oos_until >= oos_from", name="oos_dates_ordered"),
        Index("ix_room_state", "state"),
        CheckConstraint("zone IN ('contaminated', 'buffer', 'clean')", name="zone_code"),
        CheckConstraint("retired_on IS NULL OR state <> 'occupied'", name="retired_not_occupied"),
    )


class RoomEvent(Base):
    """Terminal disinfection records and service changes of a room."""

    __tablename__ = "room_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    kind: Mapped[RoomEventKind] = mapped_column(str_enum(RoomEventKind, "room_event_kind"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    previous_stay_id: Mapped[int | None] = mapped_column(ForeignKey("stay.id"))
    agent: Mapped[str | None] = mapped_column(String(100))  # e.g. 含氯消毒剂
    concentration: Mapped[str | None] = mapped_column(String(50))  # e.g. 1000 mg/L
    done_by: Mapped[str | None] = mapped_column(String(100))
    checked_by: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(String(200))
    from_date: Mapped[date | None] = mapped_column(Date)
    until_date: Mapped[date | None] = mapped_column(Date)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (
        Index("ix_room_event_kind_at", "kind", "at"),  # service state and disinfections as of a day
        Index("ix_room_event_room_kind_at", "room_id", "kind", "at"),  # a room's last disinfection before then
    )
