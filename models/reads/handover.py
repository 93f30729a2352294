"""The hand-over of released people to their receiving community (解除隔离人员交接单), as plain data.

One list per receiving community for the days asked: each person released then with the full ID number and
phone (the list is signed by both sides and stays with the community: the print is audited), the address
they went to, the release time, the end of home health monitoring and the home test days, and the transport.
People released without a community named are listed last, under none, so nobody is left out of the paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.reads.reports import _bounds, _stay_place
from models.rules.identity import age_on
from models.rules.schedule import home_phases
from models.services.followups import home_days
from models.services.sites import get_site
from models.store.orm import (
    Building,
    CategoryRule,
    Community,
    DepartureKind,
    Floor,
    Person,
    Room,
    Stay,
)
from models.store.orm.communities import community_label


@dataclass(frozen=True)
class HandoverPerson:
    stay_id: int
    name: str
    sex: str  # a Sex value, "" when unknown (the forms print it as words)
    age: int | None
    doc_number: str  # in full: the list is signed and kept by the community
    phone: str  # in full
    address: str  # where the person went, as recorded at release, else their address
    released: datetime  # in the site's time
    room: str
    home_to: date | None  # the last day of home health monitoring (None: the rule set has none)
    home_tests: tuple[date, ...]  # the test days at home
    transport: str


@dataclass(frozen=True)
class HandoverList:
    community_id: int | None  # None: released without a receiving community recorded
    street: str
    community: str
    contact: str
    phone: str
    people: tuple[HandoverPerson, ...]

    @property
    def label(self) -> str:
        """街道 社区 ("" for the people released with none recorded)."""
        return community_label(self.street, self.community)


def home_tests(rule: CategoryRule, released: date) -> tuple[date, ...]:
    """The test days of the home phases after a release on ``released`` (home isolation, then monitoring)."""
    phases = home_phases(rule, released)
    days: list[date] = []
    for phase, tests in (
        (phases.home_isolation, rule.home_isolation_swab_day_list),
        (phases.monitoring, rule.home_swab_day_list),
    ):
        if phase is None:
            continue
        start, end = phase
        days += [d for k in tests if (d := start + timedelta(days=k - 1)) <= end]
    return tuple(sorted(days))


def handover_lists(
    session: Session, day_from: date, day_to: date, community_id: int | None = None
) -> list[HandoverList]:
    """The releases from ``day_from`` to ``day_to`` (site days), one list per receiving community in the
    pinyin order of their street and name, the people in the order they left; ``community_id``: only that
    one's."""
    site = get_site(session)
    zone = ZoneInfo(site.timezone)
    q = select(
        Stay.id,
        Stay.community_id,
        Person.name,
        Person.sex,
        Person.birth_date,
        Person.doc_number,
        Person.phone,
        Person.address,
        Stay.departure_destination,
        Stay.departed_at,
        Stay.arrival_day,
        Stay.planned_release,
        Stay.home_until,
        Stay.transport,
        Stay.rule_set_id,
        Stay.category_code,
        Building.name,
        Floor.name,
        Room.number,
    )
    q = (
        _stay_place(q)
        .where(
            Stay.departure_kind == DepartureKind.RELEASED,
            Stay.departed_at >= _bounds(day_from, site.timezone)[0],
            Stay.departed_at < _bounds(day_to, site.timezone)[1],
        )
        .order_by(Stay.departed_at, Stay.id)
    )
    if community_id is not None:
        q = q.where(Stay.community_id == community_id)
    rules: dict[tuple[int, str], CategoryRule | None] = {}
    grouped: dict[int | None, list[HandoverPerson]] = {}
    for (
        stay_id, community, name, sex, birth, doc, phone, address, dest, left, arrival_day, planned, home_until,
        transport, rule_set_id, category, building, floor, number,
    ) in session.execute(q):  # fmt: skip
        assert left is not None  # only stays that left are selected
        on = left.astimezone(zone)
        key = (rule_set_id, category)
        if key not in rules:
            rules[key] = session.scalar(
                select(CategoryRule).where(
                    CategoryRule.rule_set_id == rule_set_id, CategoryRule.category_code == category
                )
            )
        rule = rules[key]
        days = home_days(home_until, planned)
        grouped.setdefault(community, []).append(
            HandoverPerson(
                stay_id,
                name,
                sex.value if sex else "",
                age_on(birth, arrival_day),
                doc or "",
                phone or "",
                dest or address or "",
                on,
                f"{building} {floor} {number}",
                on.date() + timedelta(days=days - 1) if days > 0 else None,
                home_tests(rule, on.date()) if rule is not None and days > 0 else (),
                transport or "",
            )
        )
    known = {c.id: c for c in session.scalars(select(Community).where(Community.id.in_([k for k in grouped if k])))}
    out = [
        HandoverList(c.id, c.street, c.name, c.contact, c.phone, tuple(grouped[c.id]))
        for c in sorted(known.values(), key=lambda c: c.order)
    ]
    if None in grouped:
        out.append(HandoverList(None, "", "", "", "", tuple(grouped[None])))
    return out


@dataclass(frozen=True)
class CommunityRow:
    id: int
    street: str
    name: str
    contact: str
    phone: str  # as kept: the list is the desk's own contacts, shown to the roles that hand people over
    retired: bool
    version: int

    @property
    def label(self) -> str:
        return community_label(self.street, self.name)


def communities(session: Session, *, with_retired: bool = False) -> list[CommunityRow]:
    """The receiving communities in the pinyin order of their street and name (the retired ones only if
    asked)."""
    q = select(Community)
    if not with_retired:
        q = q.where(Community.retired_on.is_(None))
    rows = sorted(session.scalars(q), key=lambda c: c.order)
    return [CommunityRow(c.id, c.street, c.name, c.contact, c.phone, c.retired_on is not None, c.version) for c in rows]


def home_address(session: Session, stay_id: int) -> str:
    """The address the release dialog offers as where the person goes: their own, as registered."""
    query = select(Person.address).join(Stay, Stay.person_id == Person.id).where(Stay.id == stay_id)
    return session.scalar(query) or ""
