"""The streets and communities (街道/社区) that receive the people a site releases, as the site keeps them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.rules.collation import chinese_order
from models.store.orm.base import Base


def community_label(street: str | None, name: str | None) -> str:
    """街道 社区, as the lists and the forms print a community ("" for none)."""
    return f"{street or ''} {name or ''}".strip()


class Community(Base):
    """A receiving community: its street (街道) and name (社区), the contact person there and their phone.

    A community that has received anyone is retired (``retired_on``), never deleted: the hand-over lists
    and the reports of its days still name it."""

    __tablename__ = "community"
    id: Mapped[int] = mapped_column(primary_key=True)
    street: Mapped[str] = mapped_column(String(100))  # 街道 (or 乡镇)
    name: Mapped[str] = mapped_column(String(100))  # 社区 (or 村)
    contact: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")  # digits as typed, checked by the service
    retired_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("street", "name"),)

    @property
    def label(self) -> str:
        return community_label(self.street, self.name)

    @property
    def order(self) -> tuple[tuple[str, str], tuple[str, str], int]:
        """Where it comes in a list: by the pinyin of its street, then of its name (东城 before 三里庵)."""
        return chinese_order(self.street), chinese_order(self.name), self.id
