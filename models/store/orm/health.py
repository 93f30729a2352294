"""Observations (temperature rounds), fever alerts and swab tests."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models import clock
from models.store.orm.base import AlertState, Base, Slot, SwabResult, UTCDateTime, str_enum

TEMP_MIN = 34.0
TEMP_MAX = 43.0


class Observation(Base):
    __tablename__ = "observation"
    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id"))
    day: Mapped[date] = mapped_column(Date)  # calendar day in the site's time zone
    slot: Mapped[Slot] = mapped_column(str_enum(Slot, "slot"))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    temperature: Mapped[float | None] = mapped_column(Float)
    not_measured_reason: Mapped[str | None] = mapped_column(String(100))
    symptoms: Mapped[str] = mapped_column(String(200), default="")  # comma-separated codes
    taken_by: Mapped[str] = mapped_column(String(100), default="")
    recheck_of_id: Mapped[int | None] = mapped_column(ForeignKey("observation.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint(
            f"temperature IS NULL OR (temperature >= {TEMP_MIN} AND temperature <= {TEMP_MAX})",
            name="temperature_plausible",
        ),
        CheckConstraint("(temperature IS NULL) <> (not_measured_reason IS NULL)", name="value_or_reason"),
        # one first reading per person per slot; rechecks come on top
        Index(
            "uq_observation_slot",
            "stay_id",
            "day",
            "slot",
            unique=True,
            sqlite_where=recheck_of_id.is_(None),
            postgresql_where=recheck_of_id.is_(None),
        ),
        Index("ix_observation_day_slot", "day", "slot"),
        Index("ix_observation_stay_day", "stay_id", "day"),
    )

    @property
    def symptom_list(self) -> list[str]:
        return [s for s in self.symptoms.split(",") if s]


class FeverAlert(Base):
    __tablename__ = "fever_alert"
    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id"), index=True)
    observation_id: Mapped[int] = mapped_column(ForeignKey("observation.id"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    state: Mapped[AlertState] = mapped_column(str_enum(AlertState, "alert_state"), default=AlertState.OPEN)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolution: Mapped[str | None] = mapped_column(String(40))  # recheck_normal / decision / departed
    note: Mapped[str | None] = mapped_column(String(400))
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    observation: Mapped[Observation] = relationship()
    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint("(state = 'open') = (closed_at IS NULL)", name="closed_has_time"),
        Index("ix_fever_alert_state", "state"),
        Index(
            "uq_fever_alert_open",
            "stay_id",
            unique=True,
            sqlite_where=state == AlertState.OPEN,
            postgresql_where=state == AlertState.OPEN,
        ),
    )


class SwabTest(Base):
    __tablename__ = "swab_test"
    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id"))
    planned_day: Mapped[int] = mapped_column(Integer)  # day N of the stay
    planned_date: Mapped[date] = mapped_column(Date)
    sampled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sampled_by: Mapped[str | None] = mapped_column(String(100))
    result: Mapped[SwabResult | None] = mapped_column(str_enum(SwabResult, "swab_result"))
    result_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    lab: Mapped[str | None] = mapped_column(String(100))
    weak: Mapped[bool] = mapped_column(Boolean, default=False)  # 弱阳性: a positive the lab calls weak
    ct_values: Mapped[str | None] = mapped_column(String(60))  # the lab's Ct values: "ORF1ab=36.2;N=37.1"
    # added by medical staff outside the rule's plan (with a reason); a re-plan keeps it
    unscheduled: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        Index("ix_swab_stay", "stay_id", "planned_day"),
        Index("ix_swab_planned_date", "planned_date"),
        Index("ix_swab_sampled_at", "sampled_at"),  # the daily report: swabs taken that day
        Index("ix_swab_result_at", "result_at"),
        Index(  # the positives still on site (the today screen): a handful among a year of swabs
            "ix_swab_positive",
            "stay_id",
            sqlite_where=text("result = 'positive'"),
            postgresql_where=text("result = 'positive'"),
        ),
        CheckConstraint("result IS NULL OR sampled_at IS NOT NULL", name="result_needs_sample"),
        CheckConstraint("(result_at IS NULL) OR result IS NOT NULL", name="result_time_needs_result"),
    )
