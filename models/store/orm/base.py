"""Declarative base, naming convention and column types shared by all entities."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Enum, MetaData
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# the codes the columns hold: in models/codes.py (plain enums, no database), named here as before
from models.codes import (
    SYMPTOMS,
    AlertState,
    AreaKind,
    BatchState,
    CompanionReason,
    CountFrom,
    DepartureKind,
    DocType,
    HomeTest,
    Role,
    RoomEventKind,
    RoomState,
    RoomType,
    Sex,
    Slot,
    SwabResult,
)

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


__all__ = [
    "SYMPTOMS",
    "AlertState",
    "AreaKind",
    "Base",
    "BatchState",
    "CompanionReason",
    "CountFrom",
    "DepartureKind",
    "DocType",
    "HomeTest",
    "Role",
    "RoomEventKind",
    "RoomState",
    "RoomType",
    "Sex",
    "Slot",
    "SwabResult",
    "UTCDateTime",
    "jsonable",
    "str_enum",
]


def jsonable(value: Any) -> Any:
    """Turn a column value into something JSON can store (for audit snapshots)."""
    if isinstance(value, enum.Enum):
        return value.value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
