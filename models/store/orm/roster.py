"""The site's management team (工作组), its staff, the shifts of a day, the duty roster (排班) and the staff's own
temperature, taken twice a day by those in closed-loop management (工作人员健康监测)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models import clock
from models.codes import AlertState, GroupDuty, Slot
from models.store.orm.base import Base, UTCDateTime, str_enum


class WorkGroup(Base):
    """A working group: its name as the site says it, what it answers for (``duty``: the app prefills "who did
    it" from the group on duty), its order."""

    __tablename__ = "work_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    duty: Mapped[GroupDuty] = mapped_column(str_enum(GroupDuty, "group_duty"), default=GroupDuty.OTHER)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    retired_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}


class StaffMember(Base):
    """Someone of the team (not necessarily an app user): their group, their title, a phone, and whether they
    live in closed-loop management (闭环管理) and take their temperature twice a day."""

    __tablename__ = "staff_member"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    group_id: Mapped[int] = mapped_column(ForeignKey("work_group.id"))
    title: Mapped[str] = mapped_column(String(50), default="")  # 组长, 护士 …
    phone: Mapped[str] = mapped_column(String(30), default="")
    closed_loop: Mapped[bool] = mapped_column(Boolean, default=True)
    retired_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("group_id", "name", name="uq_staff_member_group_name"),)


class Shift(Base):
    """A shift of the day: from ``starts`` for ``hours`` (a night shift runs past midnight into the next day)."""

    __tablename__ = "shift"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20), unique=True)
    starts: Mapped[time] = mapped_column(Time)
    hours: Mapped[int] = mapped_column(Integer)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    retired_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (CheckConstraint("hours >= 1 AND hours <= 24", name="hours_range"),)


class DutySlot(Base):
    """One person on one shift of one day (the day the shift starts on)."""

    __tablename__ = "duty_slot"
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_member.id"))
    day: Mapped[date] = mapped_column(Date)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (
        UniqueConstraint("staff_id", "day", "shift_id", name="uq_duty_slot_staff_day_shift"),
        Index("ix_duty_slot_day", "day"),
    )


class StaffReading(Base):
    """A staff member's temperature at a round (morning or evening); one at or above the site's fever threshold
    opens an alert, closed with what was done."""

    __tablename__ = "staff_reading"
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_member.id"))
    day: Mapped[date] = mapped_column(Date)
    slot: Mapped[Slot] = mapped_column(str_enum(Slot, "slot"))
    temperature: Mapped[float] = mapped_column(Float)
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    symptoms: Mapped[str] = mapped_column(String(200), default="")
    alert_state: Mapped[AlertState | None] = mapped_column(str_enum(AlertState, "alert_state"))
    alert_closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    alert_note: Mapped[str] = mapped_column(String(400), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint("temperature >= 34.0 AND temperature <= 43.0", name="temperature_range"),
        Index("ix_staff_reading_day", "day", "slot"),
        Index("ix_staff_reading_alert", "alert_state"),
    )
