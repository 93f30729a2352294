"""Follow-up calls (回访) during home health monitoring after release: each attempt recorded, with what the
person said; an abnormal answer opens an alert for the site lead."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models import clock
from models.store.orm.base import AlertState, Base, HomeTest, UTCDateTime, str_enum


class FollowUp(Base):
    """One call about one day of home monitoring (``home_day``: day 1 is the day of release). A call that
    did not reach the person (``reached`` false) leaves that day's call due; a reached one answers it."""

    __tablename__ = "follow_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id"))
    home_day: Mapped[int] = mapped_column(Integer)
    called_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    reached: Mapped[bool] = mapped_column(Boolean)
    temperature: Mapped[float | None] = mapped_column(Float)
    symptoms: Mapped[str] = mapped_column(String(200), default="")  # comma-separated codes (SYMPTOMS)
    home_test: Mapped[HomeTest | None] = mapped_column(str_enum(HomeTest, "home_test"))
    note: Mapped[str] = mapped_column(String(400), default="")
    called_by: Mapped[str] = mapped_column(String(100), default="")  # who called (a person's name)
    abnormal: Mapped[bool] = mapped_column(Boolean, default=False)
    alert_state: Mapped[AlertState | None] = mapped_column(str_enum(AlertState, "follow_up_alert_state"))
    alert_closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    alert_note: Mapped[str] = mapped_column(String(400), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        Index("ix_follow_up_stay_day", "stay_id", "home_day"),
        Index("ix_follow_up_alert_state", "alert_state"),
        Index("ix_follow_up_called_at", "called_at"),  # the ledger of a period
        CheckConstraint("home_day >= 1", name="home_day_positive"),
        CheckConstraint(
            "temperature IS NULL OR (temperature >= 34.0 AND temperature <= 43.0)", name="temperature_plausible"
        ),
        CheckConstraint(
            "reached OR (temperature IS NULL AND home_test IS NULL AND NOT abnormal)", name="unreached_says_nothing"
        ),
        CheckConstraint("(alert_state IS NULL) = (NOT abnormal)", name="alert_iff_abnormal"),
    )
