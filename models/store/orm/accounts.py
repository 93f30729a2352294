"""Users, the append-only audit trail, and which IsoDesk versions upgraded the schema."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models import clock
from models.store.orm.base import Base, Role, UTCDateTime, str_enum


class User(Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"), default=Role.DESK)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditEntry(Base):
    """Who, when, what, before/after. Rows are only ever inserted."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    person_id: Mapped[int | None] = mapped_column(Integer)
    room_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(String(400))
    # sha256 hex of the previous entry's chain and this entry's fields (models/store/audit_guard.py):
    # an entry changed, removed or slipped in afterwards breaks it from there on
    chain: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_entity", "entity", "entity_id"),
        Index("ix_audit_person", "person_id"),
        Index("ix_audit_room", "room_id"),
        Index("ix_audit_at", "at"),
        {"sqlite_autoincrement": True},  # ids never reused: a deleted newest entry still leaves a gap
    )


class SchemaRelease(Base):
    """The IsoDesk version that brought the database to a schema revision (written by the upgrade, one row a
    revision): a desk too old for the database can then say which version to install, not just that it is
    older."""

    __tablename__ = "schema_release"
    revision: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[str] = mapped_column(String(40))
    upgraded_at: Mapped[datetime] = mapped_column(UTCDateTime())
