"""Categories of people and dated rule sets (policy as data)."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.store.orm.base import Base, CountFrom, str_enum


class Category(Base):
    """人员类别: configuration, not code."""

    __tablename__ = "category"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    sort: Mapped[int] = mapped_column(Integer, default=0)


class RuleSet(Base):
    __tablename__ = "rule_set"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    effective_from: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(String(400), default="")
    # a draft is edited freely and used by nobody; switching the site to it makes it final, and a final
    # rule set is never edited again (a change is a copy: a new draft, ``based_on`` the one it came from)
    draft: Mapped[bool] = mapped_column(Boolean, default=False)
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("rule_set.id"))

    rules: Mapped[list[CategoryRule]] = relationship(
        back_populates="rule_set", cascade="all, delete-orphan", order_by="CategoryRule.category_code"
    )

    def rule_for(self, category_code: str) -> CategoryRule | None:
        for r in self.rules:
            if r.category_code == category_code:
                return r
        return None


class CategoryRule(Base):
    """For one category under one rule set: its phases and their test days, and the counting origin.

    Phases follow each other: centralized isolation (集中隔离, ``days_central``, tests ``swab_days`` counted
    from day 1), then home isolation (居家隔离, ``days_home_isolation``, tests ``home_isolation_swab_days``),
    then home health monitoring (居家健康监测, ``days_home``, tests ``home_swab_days``); the home phases'
    test days count from their own first day. 14+7+7, 7+7, 7+3 and 5+3 are such chains."""

    __tablename__ = "category_rule"
    id: Mapped[int] = mapped_column(primary_key=True)
    rule_set_id: Mapped[int] = mapped_column(ForeignKey("rule_set.id"), index=True)
    category_code: Mapped[str] = mapped_column(ForeignKey("category.code"))
    days_central: Mapped[int] = mapped_column(Integer)
    days_home: Mapped[int] = mapped_column(Integer, default=0)
    swab_days: Mapped[str] = mapped_column(String(100), default="")  # "1,4,7,14"
    home_swab_days: Mapped[str] = mapped_column(String(100), default="")
    days_home_isolation: Mapped[int] = mapped_column(Integer, default=0)
    home_isolation_swab_days: Mapped[str] = mapped_column(String(100), default="")
    count_from: Mapped[CountFrom] = mapped_column(str_enum(CountFrom, "count_from"), default=CountFrom.ARRIVAL)

    rule_set: Mapped[RuleSet] = relationship(back_populates="rules")
    __table_args__ = (
        UniqueConstraint("rule_set_id", "category_code"),
        CheckConstraint("days_central >= 1 AND days_central <= 60", name="days_central_range"),
        CheckConstraint("days_home >= 0 AND days_home <= 60", name="days_home_range"),
        CheckConstraint("days_home_isolation >= 0 AND days_home_isolation <= 60", name="days_home_isolation_range"),
    )

    @property
    def swab_day_list(self) -> list[int]:
        return parse_days(self.swab_days)

    @property
    def home_swab_day_list(self) -> list[int]:
        return parse_days(self.home_swab_days)

    @property
    def home_isolation_swab_day_list(self) -> list[int]:
        return parse_days(self.home_isolation_swab_days or "")

    @property
    def days_after_release(self) -> int:
        """Days of the home phases together: home isolation, then home health monitoring."""
        return (self.days_home_isolation or 0) + (self.days_home or 0)  # (None on a rule not yet stored)


def parse_days(text: str) -> list[int]:
    """Test days as written: "1,4,7,14", "1，4，7", "1、4、7" or "1 4 7". ValueError on anything else."""
    return sorted({int(p) for p in re.split(r"[,，、;；\s]+", text.strip()) if p})
