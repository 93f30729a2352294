"""ORM entities. Import from here: ``from models.orm import Room, Stay``."""

from .accounts import AuditEntry, User
from .base import (
    SYMPTOMS,
    AlertState,
    Base,
    CompanionReason,
    CountFrom,
    DepartureKind,
    DocType,
    Role,
    RoomEventKind,
    RoomState,
    RoomType,
    Sex,
    Slot,
    SwabResult,
)
from .health import TEMP_MAX, TEMP_MIN, FeverAlert, Observation, SwabTest
from .people import Person
from .rules import Category, CategoryRule, RuleSet, parse_days
from .site import Building, Floor, Room, RoomEvent, Site
from .stays import RoomMove, Stay, StayDateChange

__all__ = [
    "SYMPTOMS",
    "TEMP_MAX",
    "TEMP_MIN",
    "AlertState",
    "AuditEntry",
    "Base",
    "Building",
    "Category",
    "CategoryRule",
    "CompanionReason",
    "CountFrom",
    "DepartureKind",
    "DocType",
    "FeverAlert",
    "Floor",
    "Observation",
    "Person",
    "Role",
    "Room",
    "RoomEvent",
    "RoomEventKind",
    "RoomMove",
    "RoomState",
    "RoomType",
    "RuleSet",
    "Sex",
    "Site",
    "Slot",
    "Stay",
    "StayDateChange",
    "SwabResult",
    "SwabTest",
    "User",
    "parse_days",
]
