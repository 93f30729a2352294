"""People under observation."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
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
        Index("ix_person_doc_number", "doc_number"),  # a whole ID number typed (any document type)
    )


# binary order on PostgreSQL too: "begins with" is a range of the index ("p:zh" <= key < "p:zh\x7f"), which a
# locale's collation (that skips punctuation) would not keep
KEY_TYPE = String(60).with_variant(String(60, collation="C"), "postgresql")


class PersonKey(Base):
    """What a person is found by as the desk types (models/rules/search_keys.py): kept with the person."""

    __tablename__ = "person_key"
    key: Mapped[str] = mapped_column(KEY_TYPE, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)

    __table_args__ = (Index("ix_person_key_person", "person_id", "key"),)  # a person's keys, from the index alone
