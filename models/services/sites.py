"""Creating and configuring a site: layout, categories, rule sets, fever threshold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError, NoSiteError
from models.rules.schedule import local_date
from models.services import audit
from models.services.audit import transactional
from models.store.orm import Building, Category, CategoryRule, CountFrom, Floor, Room, RoomType, RuleSet, Site, User

# (code, 中文, English) — the categories sites typically use
DEFAULT_CATEGORIES: list[tuple[str, str, str]] = [
    ("close_contact", "密切接触者", "Close contact"),
    ("secondary_contact", "密接的密接", "Secondary contact"),
    ("inbound", "入境人员", "Inbound traveller"),
    ("risk_area", "中高风险地区来返人员", "Arrival from a medium/high-risk area"),
    ("red_yellow_code", "红码/黄码人员", "Red/yellow code"),
    ("other", "其他应隔尽隔人员", "Other"),
]

E, A = CountFrom.EXPOSURE, CountFrom.ARRIVAL
# rule set -> category -> (days central, days home, swab days, home swab days, count from)
DEFAULT_RULE_SETS: dict[tuple[str, date], dict[str, tuple[int, int, str, str, CountFrom]]] = {
    ("2020 第七版", date(2020, 8, 1)): {
        "close_contact": (14, 7, "14", "", E),
        "secondary_contact": (14, 7, "14", "", E),
        "inbound": (14, 7, "14", "", A),
        "risk_area": (14, 7, "14", "", A),
        "red_yellow_code": (14, 7, "14", "", A),
        "other": (14, 7, "14", "", A),
    },
    ("第八版", date(2021, 5, 14)): {
        "close_contact": (14, 7, "1,4,7,14", "2,7", E),
        "secondary_contact": (7, 0, "1,4,7", "", E),
        "inbound": (14, 7, "1,4,7,14", "2,7", A),
        "risk_area": (14, 7, "1,4,7,14", "2,7", A),
        "red_yellow_code": (7, 7, "1,4,7", "2,7", A),
        "other": (14, 7, "1,4,7,14", "2,7", A),
    },
    ("第九版", date(2022, 6, 28)): {
        "close_contact": (7, 3, "1,2,3,5,7", "3", E),
        "secondary_contact": (7, 0, "1,4,7", "", E),
        "inbound": (7, 3, "1,2,3,5,7", "3", A),
        "risk_area": (7, 3, "1,2,3,5,7", "3", A),
        "red_yellow_code": (7, 3, "1,2,3,5,7", "3", A),
        "other": (7, 3, "1,2,3,5,7", "3", A),
    },
    ("二十条", date(2022, 11, 11)): {
        "close_contact": (5, 3, "1,2,3,5", "1,3", E),
        "secondary_contact": (5, 3, "1,2,3,5", "1,3", E),
        "inbound": (5, 3, "1,2,3,5", "1,3", A),
        "risk_area": (5, 3, "1,2,3,5", "1,3", A),
        "red_yellow_code": (5, 3, "1,2,3,5", "1,3", A),
        "other": (5, 3, "1,2,3,5", "1,3", A),
    },
}


@dataclass(frozen=True)
class FloorSpec:
    building: str
    level: int
    rooms: list[str]  # room numbers, in order
    room_type: RoomType = RoomType.SINGLE
    beds: int = 1
    zone: str = "contaminated"


def room_numbers(level: int, first: int, last: int) -> list[str]:
    """101-130 style numbering: level 3, 1..30 -> 301..330."""
    return [f"{level}{i:02d}" for i in range(first, last + 1)]


def seed_reference_data(session: Session) -> None:
    """Categories and the standard rule sets, where missing. Idempotent."""
    have = set(session.scalars(select(Category.code)))
    for i, (code, zh, en) in enumerate(DEFAULT_CATEGORIES):
        if code not in have:
            session.add(Category(code=code, name_zh=zh, name_en=en, sort=i))
    session.flush()
    names = set(session.scalars(select(RuleSet.name)))
    for (name, start), rules in DEFAULT_RULE_SETS.items():
        if name in names:
            continue
        rs = RuleSet(name=name, effective_from=start)
        for code, (central, home, swabs, home_swabs, count) in rules.items():
            rs.rules.append(
                CategoryRule(
                    category_code=code,
                    days_central=central,
                    days_home=home,
                    swab_days=swabs,
                    home_swab_days=home_swabs,
                    count_from=count,
                )
            )
        session.add(rs)
    session.flush()


@transactional("settings")
def create_site(
    session: Session,
    actor: User | None,
    name: str,
    floors: list[FloorSpec],
    *,
    address: str = "",
    timezone: str = "Asia/Shanghai",
    fever_threshold: float = 37.3,
    rule_set_name: str = "二十条",
) -> Site:
    seed_reference_data(session)
    rs = session.scalar(select(RuleSet).where(RuleSet.name == rule_set_name))
    if rs is None:
        raise DomainError("rule_set_unknown")
    if not 36.0 <= fever_threshold <= 40.0:
        raise DomainError("threshold_range")
    site = Site(
        name=name,
        address=address,
        timezone=timezone,
        fever_threshold=fever_threshold,
        rule_set_id=rs.id,
        rule_set_since=local_date(clock.now(), timezone),
    )
    session.add(site)
    session.flush()
    buildings: dict[str, Building] = {}
    floors_made: dict[tuple[str, int], Floor] = {}
    for spec in floors:
        b = buildings.get(spec.building)
        if b is None:
            b = Building(site_id=site.id, name=spec.building, sort=len(buildings))
            session.add(b)
            session.flush()
            buildings[spec.building] = b
        f = floors_made.get((spec.building, spec.level))
        if f is None:  # several specs may describe one floor (singles, doubles, accessible rooms)
            f = Floor(building_id=b.id, level=spec.level, name=f"{spec.level}F", sort=spec.level)
            session.add(f)
            session.flush()
            floors_made[(spec.building, spec.level)] = f
        session.add_all(
            Room(floor_id=f.id, number=n, sort=_room_sort(n), room_type=spec.room_type, beds=spec.beds, zone=spec.zone)
            for n in spec.rooms
        )
    from models.services.roster import seed_team  # the team's usual groups and shifts come with the site

    seed_team(session)
    audit.record(session, actor, "site.create", site)
    return site


def _room_sort(number: str) -> int:
    """Rooms sort by their number on the floor (301 < 302 < 310), whatever order the specs came in."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return int(digits) if digits else 0


def get_site(session: Session) -> Site:
    """The site of this database (one site per database)."""
    site = session.scalar(select(Site).order_by(Site.id).limit(1))
    if site is None:
        raise NoSiteError
    return site


def site_today(session: Session, at: datetime | None = None) -> date:
    """Today (or the day of ``at``) on this site's calendar: the one "today" of the domain."""
    return clock.site_today(get_site(session).timezone, at)


@transactional("settings")
def update_site_details(session: Session, actor: User | None, site_id: int, *, name: str, address: str) -> Site:
    """The site's name and address, as every printed form carries them (admin; audited)."""
    name, address = " ".join(name.split()), " ".join(address.split())
    if not name:
        raise DomainError("site_name_required")
    if len(name) > 200 or len(address) > 400:
        raise DomainError("site_details_long")
    site = session.get_one(Site, site_id)
    if (site.name, site.address) == (name, address):
        return site
    before = audit.snapshot(site)
    site.name, site.address = name, address
    audit.record(session, actor, "site.update", site, before)
    return site


@transactional("settings")
def set_fever_threshold(session: Session, actor: User | None, site_id: int, value: float) -> Site:
    if not 36.0 <= value <= 40.0:
        raise DomainError("threshold_range")
    site = session.get_one(Site, site_id)
    before = audit.snapshot(site)
    site.fever_threshold = round(value, 1)
    audit.record(session, actor, "site.threshold", site, before)
    return site
