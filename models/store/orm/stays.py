"""A person's stay at the site, and the kept history of its changes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models import clock
from models.store.orm.base import Base, CompanionReason, DepartureKind, UTCDateTime, str_enum
from models.store.orm.batches import PlannedBatch  # noqa: F401  (the table its key names)
from models.store.orm.communities import Community
from models.store.orm.people import Person
from models.store.orm.rules import RuleSet
from models.store.orm.site import Room


class Stay(Base):
    __tablename__ = "stay"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    bed: Mapped[int] = mapped_column(Integer, default=1)
    category_code: Mapped[str] = mapped_column(ForeignKey("category.code"))
    rule_set_id: Mapped[int] = mapped_column(ForeignKey("rule_set.id"))
    last_exposure: Mapped[datetime | None] = mapped_column(UTCDateTime())
    arrived_at: Mapped[datetime] = mapped_column(UTCDateTime())
    arrival_day: Mapped[date] = mapped_column(Date)  # arrival date in the site's time zone
    day_one: Mapped[date] = mapped_column(Date)  # first counted day of isolation ("day 1")
    # decisions about this person that any rule set's dates are computed under (a switch keeps them):
    restart_day: Mapped[date | None] = mapped_column(Date)  # day 1 again after an outbreak restart
    manual_days: Mapped[int] = mapped_column(Integer, default=0)  # days added (or taken) by hand since
    planned_release: Mapped[date] = mapped_column(Date)
    home_until: Mapped[date | None] = mapped_column(Date)
    departed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    departure_kind: Mapped[DepartureKind | None] = mapped_column(str_enum(DepartureKind, "departure_kind"))
    departure_reason: Mapped[str | None] = mapped_column(String(400))
    departure_destination: Mapped[str | None] = mapped_column(String(200))
    release_override: Mapped[str | None] = mapped_column(String(400))
    # at release, the hand-over: the receiving community and the point-to-point transport (点对点, by whom)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    transport: Mapped[str | None] = mapped_column(String(200))
    planned_batch_id: Mapped[int | None] = mapped_column(ForeignKey("planned_batch.id"))  # came with it
    shares_with_id: Mapped[int | None] = mapped_column(ForeignKey("stay.id"))
    companion_reason: Mapped[CompanionReason | None] = mapped_column(str_enum(CompanionReason, "companion_reason"))
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    person: Mapped[Person] = relationship()
    room: Mapped[Room] = relationship()
    community: Mapped[Community | None] = relationship()
    rule_set: Mapped[RuleSet] = relationship()
    shares_with: Mapped[Stay | None] = relationship(remote_side="Stay.id")

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        # one active stay per bed, one active stay per person: enforced by the database
        Index(
            "uq_stay_active_bed",
            "room_id",
            "bed",
            unique=True,
            sqlite_where=departed_at.is_(None),
            postgresql_where=departed_at.is_(None),
        ),
        Index(
            "uq_stay_active_person",
            "person_id",
            unique=True,
            sqlite_where=departed_at.is_(None),
            postgresql_where=departed_at.is_(None),
        ),
        Index("ix_stay_person", "person_id"),
        Index("ix_stay_room", "room_id", "departed_at"),
        Index("ix_stay_planned_release", "planned_release"),
        Index("ix_stay_arrival_day", "arrival_day"),
        Index("ix_stay_departed_at", "departed_at"),
        Index("ix_stay_kind_departed", "departure_kind", "departed_at"),  # releases / transfers per day
        Index("ix_stay_category_arrived", "category_code", "arrived_at"),  # arrivals so far per category
        Index("ix_stay_community_departed", "community_id", "departed_at"),  # a community's hand-over list
        Index("ix_stay_planned_batch", "planned_batch_id"),
        Index("ix_stay_kind_home_until", "departure_kind", "home_until"),  # home monitoring running: the calls due
        CheckConstraint("bed >= 1", name="bed_positive"),
        CheckConstraint("planned_release > arrival_day", name="release_after_arrival"),
        CheckConstraint("home_until IS NULL OR home_until >= planned_release", name="home_after_release"),
        CheckConstraint("departed_at IS NULL OR departed_at >= arrived_at", name="departure_after_arrival"),
        CheckConstraint("(departed_at IS NULL) = (departure_kind IS NULL)", name="departure_has_kind"),
        CheckConstraint("(shares_with_id IS NULL) = (companion_reason IS NULL)", name="companion_has_reason"),
        CheckConstraint("shares_with_id IS NULL OR shares_with_id <> id", name="not_own_companion"),
    )

    @property
    def active(self) -> bool:
        return self.departed_at is None

    def day_n(self, on: date) -> int:
        """Day N of the stay on a calendar date (day 1 = first counted day)."""
        return (on - self.day_one).days + 1

    @property
    def days_total(self) -> int:
        """M in "day N of M": days of centralized isolation."""
        return (self.planned_release - self.day_one).days


class StayDateChange(Base):
    """Extensions and shortenings of a stay: previous date, new date, reason, who. Kept and listable.

    ``kind``: ``manual`` (a person's decision: an extension or a shortening), ``restart`` (a positive case
    nearby), ``rule_switch`` (the site changed its rule set)."""

    __tablename__ = "stay_date_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    old_release: Mapped[date] = mapped_column(Date)
    new_release: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(400))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    kind: Mapped[str] = mapped_column(String(20), default="manual")

    __table_args__ = (CheckConstraint("kind IN ('manual', 'restart', 'rule_switch')", name="date_change_kind"),)


class RoomMove(Base):
    """A change of room during a stay."""

    __tablename__ = "room_move"
    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    from_room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    to_room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    reason: Mapped[str] = mapped_column(String(400), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (Index("ix_room_move_from_at", "from_room_id", "at"),)  # a room's last move out before then
