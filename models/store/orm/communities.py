"""The streets and communities (街道/社区) that receive the people a site releases, as the site keeps them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.store.orm.base import Base


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
        """街道 社区, as the forms print it."""
        return f"{self.street} {self.name}".strip()
