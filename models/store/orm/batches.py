"""Planned batches (待转运批次): a bus the command centre has announced, before it comes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column

from models import clock
from models.store.orm.base import Base, BatchState, UTCDateTime, str_enum


class PlannedBatch(Base):
    """An announced arrival: when, how many people (and the rooms they need, fewer when families share),
    which category and from where; optionally its transfer list already (the file as it came). Checked in
    from that list later, its stays point back at it (``Stay.planned_batch_id``)."""

    __tablename__ = "planned_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    expected_at: Mapped[datetime] = mapped_column(UTCDateTime())
    people: Mapped[int] = mapped_column(Integer)
    rooms: Mapped[int] = mapped_column(Integer)  # rooms the batch needs (families share a double)
    category_code: Mapped[str | None] = mapped_column(ForeignKey("category.code"))
    source: Mapped[str] = mapped_column(String(200), default="")  # 来源: the sending office or place
    note: Mapped[str] = mapped_column(String(400), default="")
    list_name: Mapped[str | None] = mapped_column(String(200))  # the transfer list's file name, if sent ahead
    list_data: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    state: Mapped[BatchState] = mapped_column(str_enum(BatchState, "batch_state"), default=BatchState.PLANNED)
    announced_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # checked in or called off
    cancel_reason: Mapped[str | None] = mapped_column(String(400))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        Index("ix_planned_batch_state_expected", "state", "expected_at"),
        CheckConstraint("people >= 1 AND people <= 2000", name="people_range"),
        CheckConstraint("rooms >= 1 AND rooms <= people", name="rooms_range"),
        CheckConstraint("(state = 'planned') = (closed_at IS NULL)", name="closed_has_time"),
        CheckConstraint("(state = 'cancelled') = (cancel_reason IS NOT NULL)", name="cancel_has_reason"),
        CheckConstraint("(list_name IS NULL) = (list_data IS NULL)", name="list_named"),
    )
