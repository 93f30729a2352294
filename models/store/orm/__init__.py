"""ORM entities. Import from here: ``from models.store.orm import Room, Stay``."""

from models.codes import (
    GroupDuty,
    MoveKind,
    RequestChannel,
    RequestKind,
    RequestState,
    SupplyCategory,
    Urgency,
    UseBasis,
)
from models.store.orm import text_guard  # noqa: F401  (the before-flush check of every text written)
from models.store.orm.accounts import AuditEntry, SchemaRelease, User
from models.store.orm.areas import AreaRound, PublicArea
from models.store.orm.base import (
    SYMPTOMS,
    AlertState,
    AreaKind,
    Base,
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
from models.store.orm.batches import PlannedBatch
from models.store.orm.care_requests import CareRequest
from models.store.orm.column_maps import ColumnMap
from models.store.orm.communities import Community
from models.store.orm.followups import FollowUp
from models.store.orm.health import TEMP_MAX, TEMP_MIN, FeverAlert, Observation, SwabTest
from models.store.orm.people import Person, PersonKey
from models.store.orm.roster import DutySlot, Shift, StaffMember, StaffReading, WorkGroup
from models.store.orm.rules import Category, CategoryRule, RuleSet, parse_days
from models.store.orm.site import ZONES, Building, Floor, Room, RoomEvent, Site
from models.store.orm.stays import RoomMove, Stay, StayDateChange
from models.store.orm.supplies import SupplyItem, SupplyMove

__all__ = [
    "SYMPTOMS",
    "TEMP_MAX",
    "TEMP_MIN",
    "ZONES",
    "AlertState",
    "AreaKind",
    "AreaRound",
    "AuditEntry",
    "Base",
    "BatchState",
    "Building",
    "CareRequest",
    "Category",
    "CategoryRule",
    "ColumnMap",
    "Community",
    "CompanionReason",
    "CountFrom",
    "DepartureKind",
    "DocType",
    "DutySlot",
    "FeverAlert",
    "Floor",
    "FollowUp",
    "GroupDuty",
    "HomeTest",
    "MoveKind",
    "Observation",
    "Person",
    "PersonKey",
    "PlannedBatch",
    "PublicArea",
    "RequestChannel",
    "RequestKind",
    "RequestState",
    "Role",
    "Room",
    "RoomEvent",
    "RoomEventKind",
    "RoomMove",
    "RoomState",
    "RoomType",
    "RuleSet",
    "SchemaRelease",
    "Sex",
    "Shift",
    "Site",
    "Slot",
    "StaffMember",
    "StaffReading",
    "Stay",
    "StayDateChange",
    "SupplyCategory",
    "SupplyItem",
    "SupplyMove",
    "SwabResult",
    "SwabTest",
    "Urgency",
    "UseBasis",
    "User",
    "WorkGroup",
    "parse_days",
]
