"""Declarative base, naming convention and column types shared by all entities."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Enum, MetaData
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant.

    PostgreSQL stores ``timestamptz``; SQLite has no time zones, so the value is
    stored as naive UTC and comes back aware. Naive datetimes are refused: a
    wall-clock time without a zone is ambiguous and a bug at the caller.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware one is required")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def str_enum(cls: type[enum.Enum], name: str) -> Enum:
    """A portable enum column: VARCHAR plus a CHECK constraint, storing ``.value``."""
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in cls),
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class RoomState(enum.StrEnum):
    AVAILABLE = "available"
    OCCUPIED = "occupied"
    AWAITING_DISINFECTION = "awaiting_disinfection"
    OUT_OF_SERVICE = "out_of_service"


class RoomType(enum.StrEnum):
    SINGLE = "single"
    DOUBLE = "double"
    ACCESSIBLE = "accessible"


class Sex(enum.StrEnum):
    MALE = "M"
    FEMALE = "F"


class DocType(enum.StrEnum):
    RESIDENT_ID = "resident_id"  # 居民身份证
    PASSPORT = "passport"  # 护照
    HK_MACAO_TAIWAN = "hmt_permit"  # 港澳台通行证/居住证
    OTHER = "other"


class DepartureKind(enum.StrEnum):
    RELEASED = "released"
    TO_HOSPITAL = "to_hospital"
    TO_OTHER_SITE = "to_other_site"
    HOME_ISOLATION = "home_isolation"
    OTHER = "other"


class CompanionReason(enum.StrEnum):
    CHILD = "child"  # child under 14
    PREGNANT = "pregnant"
    DEPENDENT = "dependent"
    FAMILY = "family"  # chosen by the desk


class CountFrom(enum.StrEnum):
    EXPOSURE = "exposure"  # 末次暴露
    ARRIVAL = "arrival"  # 入住


class Slot(enum.StrEnum):
    MORNING = "am"
    EVENING = "pm"


class SwabResult(enum.StrEnum):
    PENDING = "pending"
    NEGATIVE = "negative"
    POSITIVE = "positive"


class RoomEventKind(enum.StrEnum):
    DISINFECTED = "disinfected"
    OUT_OF_SERVICE = "out_of_service"
    BACK_IN_SERVICE = "back_in_service"


class AlertState(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Role(enum.StrEnum):
    ADMIN = "admin"
    DESK = "desk"
    MEDICAL = "medical"
    VIEWER = "viewer"


SYMPTOMS: tuple[str, ...] = (
    "fever",  # 发热
    "dry_cough",  # 干咳
    "fatigue",  # 乏力
    "sore_throat",  # 咽痛
    "smell_taste",  # 嗅(味)觉减退
    "diarrhea",  # 腹泻
    "other",  # 其他
)


def jsonable(value: Any) -> Any:
    """Turn a column value into something JSON can store (for audit snapshots)."""
    if isinstance(value, enum.Enum):
        return value.value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
