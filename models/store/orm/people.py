"""People under observation."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.store.orm.base import Base, DocType, Sex, str_enum


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_pinyin: Mapped[str] = mapped_column(String(300), default="")  # "zengwei|zw|cengwei|cw": each reading
    sex: Mapped[Sex] = mapped_column(str_enum(Sex, "sex"))
    birth_date: Mapped[date | None] = mapped_column(Date)
    doc_type: Mapped[DocType] = mapped_column(str_enum(DocType, "doc_type"))
    doc_number: Mapped[str] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(400), default="")
    origin: Mapped[str] = mapped_column(String(200), default="")  # 来源地
    emergency_contact: Mapped[str] = mapped_column(String(100), default="")
    emergency_phone: Mapped[str | None] = mapped_column(String(20))
    special_needs: Mapped[str] = mapped_column(String(400), default="")  # comma-separated codes / text
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("doc_type", "doc_number"),
        Index("ix_person_name", "name"),
        Index("ix_person_phone", "phone"),
    )
