"""Occupants' requests (人文关怀): meals and diet, medicine, counselling, deliveries, repairs."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models import clock
from models.codes import RequestChannel, RequestKind, RequestState, Urgency
from models.store.orm.base import Base, UTCDateTime, str_enum


class CareRequest(Base):
    """A person's request, from when it was taken to when it was done or refused: who and when at each step."""

    __tablename__ = "care_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id"))
    kind: Mapped[RequestKind] = mapped_column(str_enum(RequestKind, "request_kind"))
    text: Mapped[str] = mapped_column(String(400))
    urgency: Mapped[Urgency] = mapped_column(str_enum(Urgency, "urgency"), default=Urgency.NORMAL)
    channel: Mapped[RequestChannel] = mapped_column(
        str_enum(RequestChannel, "request_channel"), default=RequestChannel.DESK
    )
    state: Mapped[RequestState] = mapped_column(str_enum(RequestState, "request_state"), default=RequestState.OPEN)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # in hand
    taken_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    handler: Mapped[str] = mapped_column(String(100), default="")  # who in the group deals with it
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # done or refused
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    outcome: Mapped[str] = mapped_column(String(400), default="")  # what was done, or why refused
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint("(state IN ('open', 'in_hand')) = (closed_at IS NULL)", name="closed_when_done_or_refused"),
        CheckConstraint("state != 'refused' OR outcome != ''", name="refused_with_reason"),
        Index("ix_care_request_stay", "stay_id"),
        Index("ix_care_request_open", "state", "opened_at"),
        Index("ix_care_request_opened", "opened_at"),
    )
