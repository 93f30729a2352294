"""The columns of a sending office's transfer list, remembered (名单来源的列对应): a header the importer does not
know, said once by the desk, is read the same way in the next list from that office."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models import clock
from models.store.orm.base import Base, UTCDateTime


class ColumnMap(Base):
    """One header of one source's lists (compared as the importer compares headers: without spaces, case or
    punctuation) and the field it is read as."""

    __tablename__ = "column_map"
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(200))  # the sending office, as the desk names it
    header: Mapped[str] = mapped_column(String(100))  # the header's key (importer._key)
    field: Mapped[str] = mapped_column(String(40))  # a code of importer.FIELDS
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=clock.now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (UniqueConstraint("source", "header", name="column_map_source_header"),)
