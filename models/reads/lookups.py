"""Small read functions for the screens' choices and headings, as plain frozen records.

Lists the views offer in combo boxes (floors, buildings, categories, free rooms, users, rule sets)
and the few facts a dialog shows about one stay or one swab. Views call these and never query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import DomainError
from models.store.orm import (
    Building,
    Category,
    CategoryRule,
    Floor,
    Person,
    Room,
    RoomState,
    RuleSet,
    Site,
    Stay,
    SwabTest,
    User,
)


@dataclass(frozen=True)
class BuildingChoice:
    id: int
    name: str


@dataclass(frozen=True)
class FloorChoice:
    id: int
    building_id: int
    building: str
    name: str  # "3F"

    @property
    def label(self) -> str:
        return f"{self.building} {self.name}"


@dataclass(frozen=True)
class CategoryChoice:
    code: str
    name_zh: str
    name_en: str

    def label(self, lang: str) -> str:
        return self.name_zh if lang == "zh_CN" else self.name_en


@dataclass(frozen=True)
class RoomChoice:
    id: int
    number: str
    beds: int

    @property
    def label(self) -> str:
        """The number, with the beds when there is more than one: ``401 (2)``."""
        return f"{self.number} ({self.beds})" if self.beds > 1 else self.number


@dataclass(frozen=True)
class UserChoice:
    id: int
    username: str


@dataclass(frozen=True)
class RuleSetChoice:
    id: int
    name: str
    effective_from: date


@dataclass(frozen=True)
class StaySummary:
    stay_id: int
    version: int  # what the dialog saw: a save over a newer version is refused (stale)
    name: str
    building: str
    floor: str
    room: str
    planned_release: date
    on_site: bool


@dataclass(frozen=True)
class SwabSubject:
    """Whose sample it is and where they are (or were)."""

    swab_id: int
    stay_id: int
    name: str
    building: str
    floor: str
    room: str
    planned_day: int
    on_site: bool


def buildings(session: Session) -> list[BuildingChoice]:
    """Every building, in site order."""
    q = select(Building.id, Building.name).order_by(Building.sort, Building.id)
    return [BuildingChoice(*row) for row in session.execute(q)]


def floors(session: Session) -> list[FloorChoice]:
    """Every floor, in building then floor order."""
    q = (
        select(Floor.id, Building.id, Building.name, Floor.name)
        .join(Building, Floor.building_id == Building.id)
        .order_by(Building.sort, Building.id, Floor.sort, Floor.id)
    )
    return [FloorChoice(*row) for row in session.execute(q)]


def categories(session: Session, *, in_force_only: bool = False) -> list[CategoryChoice]:
    """The categories of people, in their configured order.

    ``in_force_only``: only those the site's current rule set has a rule for (what an arrival may be
    registered as); without a site or rule set yet, all of them."""
    q = select(Category.code, Category.name_zh, Category.name_en).order_by(Category.sort, Category.code)
    if in_force_only:
        rule_set_id = session.scalar(select(Site.rule_set_id).order_by(Site.id).limit(1))
        if rule_set_id is not None:
            q = q.where(
                Category.code.in_(select(CategoryRule.category_code).where(CategoryRule.rule_set_id == rule_set_id))
            )
    return [CategoryChoice(*row) for row in session.execute(q)]


def free_rooms(session: Session) -> list[RoomChoice]:
    """Rooms ready for a new arrival or a room change (available), in building/floor/room order."""
    q = (
        select(Room.id, Room.number, Room.beds)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Room.state == RoomState.AVAILABLE, Room.retired_on.is_(None))
        .order_by(Building.sort, Building.id, Floor.sort, Floor.id, Room.sort, Room.id)
    )
    return [RoomChoice(*row) for row in session.execute(q)]


def users(session: Session) -> list[UserChoice]:
    """Every account (active or not: the audit trail names both), by user name."""
    q = select(User.id, User.username).order_by(User.username)
    return [UserChoice(*row) for row in session.execute(q)]


def rule_sets(session: Session) -> list[RuleSetChoice]:
    """The rule sets, oldest first."""
    q = select(RuleSet.id, RuleSet.name, RuleSet.effective_from).order_by(RuleSet.effective_from, RuleSet.id)
    return [RuleSetChoice(*row) for row in session.execute(q)]


def stay_summary(session: Session, stay_id: int) -> StaySummary:
    """Who, where and which version, for a dialog about one stay. Raises DomainError if unknown."""
    row = session.execute(
        select(Stay.id, Stay.version, Person.name, Building.name, Floor.name, Room.number, Stay.planned_release)
        .add_columns(Stay.departed_at.is_(None))
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Stay.id == stay_id)
    ).one_or_none()
    if row is None:
        raise DomainError("stay_not_found")
    return StaySummary(*row)


def room_version(session: Session, room_id: int) -> int:
    """The room's version now: what a dialog saw, so that a save over another desk's change is refused."""
    version = session.scalar(select(Room.version).where(Room.id == room_id))
    if version is None:
        raise DomainError("room_not_found", room=room_id)
    return version


def swab_subject(session: Session, swab_id: int) -> SwabSubject:
    """The person a sample was taken from and their room. Raises DomainError if unknown."""
    row = session.execute(
        select(SwabTest.id, Stay.id, Person.name, Building.name, Floor.name, Room.number, SwabTest.planned_day)
        .add_columns(Stay.departed_at.is_(None))
        .join(Stay, SwabTest.stay_id == Stay.id)
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(SwabTest.id == swab_id)
    ).one_or_none()
    if row is None:
        raise DomainError("swab_not_found")
    return SwabSubject(*row)
