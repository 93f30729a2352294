"""The codes IsoDesk stores (a room's state, a departure's kind, a role …) as plain enums: what the
database's columns hold (``models.store.orm`` maps them), what the rules and the forms read, with no
database needed to use them. A code is stored and compared; a person is shown its label
(``views.labels``, ``printing.labels``), never the code.
"""

from __future__ import annotations

import enum


class RoomState(enum.StrEnum):
    AVAILABLE = "available"
    OCCUPIED = "occupied"
    AWAITING_DISINFECTION = "awaiting_disinfection"
    OUT_OF_SERVICE = "out_of_service"


class RoomType(enum.StrEnum):
    SINGLE = "single"
    DOUBLE = "double"
    ACCESSIBLE = "accessible"


class Sex(enum.StrEnum):
    MALE = "M"
    FEMALE = "F"


class DocType(enum.StrEnum):
    RESIDENT_ID = "resident_id"  # 居民身份证
    PASSPORT = "passport"  # 护照
    HK_MACAO_TAIWAN = "hmt_permit"  # 港澳台通行证/居住证
    OTHER = "other"


class DepartureKind(enum.StrEnum):
    RELEASED = "released"
    TO_HOSPITAL = "to_hospital"
    TO_OTHER_SITE = "to_other_site"
    HOME_ISOLATION = "home_isolation"
    OTHER = "other"


class CompanionReason(enum.StrEnum):
    CHILD = "child"  # child under 14
    PREGNANT = "pregnant"
    DEPENDENT = "dependent"
    FAMILY = "family"  # chosen by the desk


class CountFrom(enum.StrEnum):
    EXPOSURE = "exposure"  # 末次暴露
    ARRIVAL = "arrival"  # 入住


class Slot(enum.StrEnum):
    MORNING = "am"
    EVENING = "pm"


class SwabResult(enum.StrEnum):
    PENDING = "pending"
    NEGATIVE = "negative"
    POSITIVE = "positive"


class HomeTest(enum.StrEnum):
    """A follow-up call's answer about the test at home (居家检测)."""

    NOT_DUE = "not_due"  # no test due by that day
    NOT_DONE = "not_done"  # due, not done
    PENDING = "pending"  # done, the result not back
    NEGATIVE = "negative"
    POSITIVE = "positive"


class BatchState(enum.StrEnum):
    """A planned batch's (待转运批次) course: announced, then checked in (linked to its stays) or called off."""

    PLANNED = "planned"
    ARRIVED = "arrived"
    CANCELLED = "cancelled"


class AreaKind(enum.StrEnum):
    """A public area disinfected on a routine (日常消毒): what kind of place it is."""

    CORRIDOR = "corridor"  # a floor's corridor
    LIFT = "lift"
    LOBBY = "lobby"
    BUFFER = "buffer"  # 缓冲区 (潜在污染区)
    STAFF = "staff"  # 工作人员区 (清洁区)
    WASTE = "waste"  # 垃圾暂存点
    OTHER = "other"


class SupplyCategory(enum.StrEnum):
    """What a supply item is for (物资台账的分类)."""

    PROTECTION = "protection"  # masks, protective suits, gloves, face shields
    DISINFECTANT = "disinfectant"
    MEDICAL = "medical"  # thermometers, swab kits, medicines
    FOOD = "food"  # meals, water
    DAILY = "daily"  # daily necessities
    OTHER = "other"


class UseBasis(enum.StrEnum):
    """How a supply item's use a day is reckoned, for its days of stock left."""

    MEASURED = "measured"  # what went out over the last 7 days, a day
    PER_OCCUPANT = "per_occupant"  # so many per person present a day (masks, meals)


class MoveKind(enum.StrEnum):
    """A stock movement (出入库): in (with its source and lot), out (to whom or which floor), or a count."""

    IN = "in"
    OUT = "out"
    COUNT = "count"  # a stocktake: the count found replaces the stock, the difference recorded


class RequestKind(enum.StrEnum):
    """What an occupant asks for (人文关怀)."""

    MEALS = "meals"  # meals and diet
    MEDICINE = "medicine"
    COUNSELLING = "counselling"
    DELIVERY = "delivery"  # a parcel or a delivery from home
    REPAIR = "repair"
    OTHER = "other"


class RequestChannel(enum.StrEnum):
    """How a request came in."""

    DESK = "desk"
    PHONE = "phone"
    WECHAT = "wechat"


class RequestState(enum.StrEnum):
    """A request's course: open, then in hand, then done or refused (with a reason)."""

    OPEN = "open"
    IN_HAND = "in_hand"
    DONE = "done"
    REFUSED = "refused"


class Urgency(enum.StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class GroupDuty(enum.StrEnum):
    """What a working group of the site's management team answers for (工作组): the usual seven, or another."""

    GENERAL = "general"  # 综合协调
    HEALTH = "health"  # 健康观察: the rounds' readings
    MEDICAL = "medical"  # 医疗救治
    LOGISTICS = "logistics"  # 后勤保障: supplies, meals, the occupants' requests
    SECURITY = "security"  # 安全保卫
    DISINFECTION = "disinfection"  # 消杀: rooms and public areas
    REPORTING = "reporting"  # 信息报送
    OTHER = "other"


class RoomEventKind(enum.StrEnum):
    DISINFECTED = "disinfected"
    OUT_OF_SERVICE = "out_of_service"
    BACK_IN_SERVICE = "back_in_service"


class AlertState(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Role(enum.StrEnum):
    ADMIN = "admin"
    DESK = "desk"
    MEDICAL = "medical"
    VIEWER = "viewer"


SYMPTOMS: tuple[str, ...] = (
    "fever",  # 发热
    "dry_cough",  # 干咳
    "fatigue",  # 乏力
    "sore_throat",  # 咽痛
    "smell_taste",  # 嗅(味)觉减退
    "diarrhea",  # 腹泻
    "other",  # 其他
)
