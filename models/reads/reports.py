"""Data for the printed forms and the reports: plain records built with a few indexed queries.

``printing/`` turns these into PDF and .xlsx; nothing here knows about paper.
The daily report is the database *as it was* at the end of that day (site time): who was present,
which rooms were occupied, awaiting disinfection or out of service then, from the stays' times and
the rooms' events, so a report printed a week later says what it said on the day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.errors import DomainError
from models.reads.rounds import _chunks
from models.rules.identity import mask_id, mask_phone
from models.services.allocation import age_on
from models.services.sites import get_site
from models.store.orm import (
    Building,
    Category,
    DepartureKind,
    Floor,
    Observation,
    Person,
    Room,
    RoomEvent,
    RoomEventKind,
    Slot,
    Stay,
    SwabResult,
    SwabTest,
)

TRANSFERS = (DepartureKind.TO_HOSPITAL, DepartureKind.TO_OTHER_SITE, DepartureKind.HOME_ISOLATION)
# the days a report or form can be about: beyond them the instants overflow (0001-01-01 in UTC+8)
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)


def check_day(day: date) -> date:
    """``day`` if reports can be made for it, else DomainError ``date_out_of_range``."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise DomainError(
            "date_out_of_range", value=day.isoformat(), first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()
        )
    return day


def _bounds(day: date, tz: str) -> tuple[datetime, datetime]:
    check_day(day)
    start = datetime.combine(day, time(0), ZoneInfo(tz))
    return start, start + timedelta(days=1)


# --- daily observation sheets -------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetRow:
    stay_id: int
    room: str
    name: str
    sex: str  # "M" / "F"
    age: int | None
    day_n: int
    days_total: int
    planned_release: date
    swab_due: bool


@dataclass
class SheetFloor:
    floor_id: int
    label: str  # "A栋 3F"
    rows: list[SheetRow] = field(default_factory=list)
    empty_rooms: list[str] = field(default_factory=list)  # with their state, e.g. "305 待消毒"


STATE_ZH = {"available": "空闲", "awaiting_disinfection": "待消毒", "out_of_service": "停用", "occupied": "已入住"}


def sheet_floors(session: Session, day: date, floor_id: int | None = None) -> list[SheetFloor]:
    """Every floor (or one) with the people present on ``day`` in room order, and its empty rooms."""
    floors: dict[int, SheetFloor] = {}
    rooms_q = (
        select(Room.id, Room.number, Room.state, Floor.id, Building.name, Floor.name)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .order_by(Building.sort, Floor.sort, Room.sort)
    )
    if floor_id is not None:
        rooms_q = rooms_q.where(Floor.id == floor_id)
    room_rows = session.execute(rooms_q).all()
    for _rid, _num, _state, fid, bname, fname in room_rows:
        floors.setdefault(fid, SheetFloor(fid, f"{bname} {fname}"))
    people_q = (
        select(Stay, Person.sex, Person.birth_date, Person.name, Room.number, Room.floor_id)
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Stay.departed_at.is_(None), Stay.arrival_day <= day)
        .order_by(Building.sort, Floor.sort, Room.sort, Stay.bed)
    )
    if floor_id is not None:
        people_q = people_q.where(Room.floor_id == floor_id)
    people = session.execute(people_q).all()
    swab_due = set(
        session.scalars(
            select(SwabTest.stay_id)
            .join(Stay, SwabTest.stay_id == Stay.id)
            .where(SwabTest.planned_date == day, Stay.departed_at.is_(None))
        )
    )
    occupied_rooms = set()
    for stay, sex, birth, name, number, fid in people:
        occupied_rooms.add((fid, number))
        floors[fid].rows.append(
            SheetRow(
                stay.id,
                number,
                name,
                sex.value if sex else "",
                age_on(birth, day),
                (day - stay.day_one).days + 1,
                (stay.planned_release - stay.day_one).days,
                stay.planned_release,
                stay.id in swab_due,
            )
        )
    for _rid, number, state, fid, _b, _f in room_rows:
        if (fid, number) not in occupied_rooms:
            floors[fid].empty_rooms.append(f"{number} {STATE_ZH.get(state.value, state.value)}")
    return list(floors.values())


# --- one person's forms -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonForm:
    stay_id: int
    name: str
    sex: str
    birth_date: date | None
    age: int | None
    doc_type: str
    doc_number: str
    phone: str
    address: str
    origin: str
    category_zh: str
    category_en: str
    last_exposure: str
    arrived_at: str
    room: str
    day_one: date
    planned_release: date
    home_until: date | None
    companions: str
    special_needs: str
    notes: str
    departed_at: str
    last_swab: str  # 阴性 / negative …, or ""
    threshold: float
    readings: tuple[tuple[datetime, float | None, str], ...] = ()  # (taken at, °C, slot)


def person_forms(session: Session, stay_ids: list[int], *, with_readings: bool = False) -> list[PersonForm]:
    site = get_site(session)
    zone = ZoneInfo(site.timezone)
    out: list[PersonForm] = []
    for chunk in _chunks(stay_ids):
        rows = session.execute(
            select(Stay, Person, Room.number, Floor.name, Building.name, Category.name_zh, Category.name_en)
            .join(Person, Stay.person_id == Person.id)
            .join(Room, Stay.room_id == Room.id)
            .join(Floor, Room.floor_id == Floor.id)
            .join(Building, Floor.building_id == Building.id)
            .join(Category, Stay.category_code == Category.code)
            .where(Stay.id.in_(chunk))
        ).all()
        last_swab: dict[int, SwabResult | None] = {}
        for sid, result in session.execute(
            select(SwabTest.stay_id, SwabTest.result)
            .where(SwabTest.stay_id.in_(chunk), SwabTest.sampled_at.is_not(None))
            .order_by(SwabTest.stay_id, SwabTest.planned_day)
        ):
            last_swab[sid] = result
        companions: dict[int, list[str]] = {}
        for lead, name in session.execute(
            select(Stay.shares_with_id, Person.name)
            .join(Person, Stay.person_id == Person.id)
            .where(Stay.shares_with_id.in_(chunk), Stay.departed_at.is_(None))
        ):
            if lead is not None:  # always: it is in the chunk
                companions.setdefault(lead, []).append(name)
        readings: dict[int, list[tuple[datetime, float | None, str]]] = {}
        if with_readings:
            for sid, at, temp, slot in session.execute(
                select(Observation.stay_id, Observation.taken_at, Observation.temperature, Observation.slot)
                .where(Observation.stay_id.in_(chunk))
                .order_by(Observation.taken_at)
            ):
                readings.setdefault(sid, []).append((at.astimezone(zone), temp, "am" if slot is Slot.MORNING else "pm"))
        by_id = {r[0].id: r for r in rows}
        for sid in chunk:
            if sid not in by_id:
                raise DomainError("stay_not_found")
            stay, person, number, fname, bname, cat_zh, cat_en = by_id[sid]
            result = last_swab.get(sid)
            out.append(
                PersonForm(
                    stay.id,
                    person.name,
                    person.sex.value if person.sex else "",
                    person.birth_date,
                    age_on(person.birth_date, stay.arrival_day),
                    person.doc_type.value,
                    person.doc_number,
                    person.phone or "",
                    person.address or "",
                    person.origin or "",
                    cat_zh,
                    cat_en,
                    stay.last_exposure.astimezone(zone).strftime("%Y-%m-%d %H:%M") if stay.last_exposure else "",
                    stay.arrived_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                    f"{bname} {fname} {number}",
                    stay.day_one,
                    stay.planned_release,
                    stay.home_until,
                    "、".join(companions.get(sid, [])),
                    person.special_needs or "",
                    stay.notes or "",
                    stay.departed_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if stay.departed_at else "",
                    result.value if result else "",
                    site.fever_threshold,
                    tuple(readings.get(sid, [])),
                )
            )
    return out


def releases_on(session: Session, day: date) -> list[int]:
    """Stays due for release on ``day`` (still present), in room order: the batch of release notices."""
    return list(
        session.scalars(
            select(Stay.id)
            .join(Room, Stay.room_id == Room.id)
            .join(Floor, Room.floor_id == Floor.id)
            .join(Building, Floor.building_id == Building.id)
            .where(Stay.departed_at.is_(None), Stay.planned_release == day)
            .order_by(Building.sort, Floor.sort, Room.sort, Stay.bed)
        )
    )


def present_on_floor(session: Session, floor_id: int | None) -> list[int]:
    q = (
        select(Stay.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Stay.departed_at.is_(None))
        .order_by(Building.sort, Floor.sort, Room.sort, Stay.bed)
    )
    if floor_id is not None:
        q = q.where(Room.floor_id == floor_id)
    return list(session.scalars(q))


# --- daily report --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DailyReport:
    site: str
    day: date
    rooms_total: int
    occupied: int
    available: int
    awaiting_disinfection: int
    out_of_service: int
    people_present: int
    arrivals: int
    releases: int
    releases_cumulative: int
    transfers: int
    fevers: int
    swabs_taken: int
    swabs_positive: int

    def as_dict(self) -> dict[str, object]:
        from dataclasses import asdict

        d = asdict(self)
        d["day"] = self.day.isoformat()
        return d


def daily_report(session: Session, day: date) -> DailyReport:
    site = get_site(session)
    start, end = _bounds(day, site.timezone)
    n = lambda q: int(session.scalar(q) or 0)  # noqa: E731
    present = (Stay.arrived_at < end) & (Stay.departed_at.is_(None) | (Stay.departed_at >= end))
    rooms_total = n(select(func.count()).select_from(Room))
    occupied_ids = set(session.scalars(select(Stay.room_id).where(present).distinct()))
    people = n(select(func.count()).select_from(Stay).where(present))
    # out of service at the end of the day: the room's last service event before then says so
    last_service = (
        select(RoomEvent.room_id, func.max(RoomEvent.id).label("last"))
        .where(RoomEvent.kind.in_([RoomEventKind.OUT_OF_SERVICE, RoomEventKind.BACK_IN_SERVICE]), RoomEvent.at < end)
        .group_by(RoomEvent.room_id)
        .subquery()
    )
    oos_ids = set(
        session.scalars(
            select(RoomEvent.room_id)
            .join(last_service, RoomEvent.id == last_service.c.last)
            .where(RoomEvent.kind == RoomEventKind.OUT_OF_SERVICE)
        )
    )
    # awaiting disinfection: someone left the room after its last disinfection, and nobody is in it
    left = {
        rid: at  # never None: only rooms somebody left are grouped
        for rid, at in session.execute(
            select(Stay.room_id, func.max(Stay.departed_at)).where(Stay.departed_at < end).group_by(Stay.room_id)
        )
        if at is not None
    }
    cleaned = dict(
        session.execute(
            select(RoomEvent.room_id, func.max(RoomEvent.at))
            .where(RoomEvent.kind == RoomEventKind.DISINFECTED, RoomEvent.at < end)
            .group_by(RoomEvent.room_id)
        ).all()
    )
    dirty_ids = {
        rid
        for rid, at in left.items()
        if rid not in occupied_ids and rid not in oos_ids and (rid not in cleaned or cleaned[rid] < at)
    }
    occupied = len(occupied_ids)
    oos = len(oos_ids - occupied_ids)
    in_day = lambda col: (col >= start) & (col < end)  # noqa: E731
    fevers = n(
        select(func.count(func.distinct(Observation.stay_id))).where(
            Observation.day == day, Observation.temperature >= site.fever_threshold
        )
    )
    return DailyReport(
        site=site.name,
        day=day,
        rooms_total=rooms_total,
        occupied=occupied,
        available=rooms_total - occupied - len(dirty_ids) - oos,
        awaiting_disinfection=len(dirty_ids),
        out_of_service=oos,
        people_present=people,
        arrivals=n(select(func.count()).select_from(Stay).where(Stay.arrival_day == day)),  # site-local date
        releases=n(
            select(func.count())
            .select_from(Stay)
            .where(in_day(Stay.departed_at), Stay.departure_kind == DepartureKind.RELEASED)
        ),
        releases_cumulative=n(
            select(func.count())
            .select_from(Stay)
            .where(Stay.departed_at < end, Stay.departure_kind == DepartureKind.RELEASED)
        ),
        transfers=n(
            select(func.count()).select_from(Stay).where(in_day(Stay.departed_at), Stay.departure_kind.in_(TRANSFERS))
        ),
        fevers=fevers,
        swabs_taken=n(select(func.count()).select_from(SwabTest).where(in_day(SwabTest.sampled_at))),
        swabs_positive=n(
            select(func.count())
            .select_from(SwabTest)
            .where(in_day(SwabTest.result_at), SwabTest.result == SwabResult.POSITIVE)
        ),
    )


# --- disinfection record and ledger ------------------------------------------------------------------


@dataclass(frozen=True)
class DisinfectionRow:
    room: str
    previous: str
    left_at: str
    why: str
    disinfected_at: str
    agent: str
    concentration: str
    done_by: str
    checked_by: str


def disinfection_rows(session: Session, day_from: date, day_to: date) -> list[DisinfectionRow]:
    site = get_site(session)
    zone = ZoneInfo(site.timezone)
    start, _ = _bounds(day_from, site.timezone)
    _, end = _bounds(day_to, site.timezone)
    rows = session.execute(
        select(RoomEvent, Room.number, Floor.name, Building.name, Person.name, Stay.departed_at, Stay.departure_kind)
        .join(Room, RoomEvent.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .outerjoin(Stay, RoomEvent.previous_stay_id == Stay.id)
        .outerjoin(Person, Stay.person_id == Person.id)
        .where(RoomEvent.kind == RoomEventKind.DISINFECTED, RoomEvent.at >= start, RoomEvent.at < end)
        .order_by(RoomEvent.at)
    ).all()
    fmt = "%Y-%m-%d %H:%M"
    return [
        DisinfectionRow(
            f"{b} {f} {num}",
            name or "",
            left.astimezone(zone).strftime(fmt) if left else "",
            kind.value if kind else "",
            ev.at.astimezone(zone).strftime(fmt),
            ev.agent or "",
            ev.concentration or "",
            ev.done_by or "",
            ev.checked_by or "",
        )
        for ev, num, f, b, name, left, kind in rows
    ]


@dataclass(frozen=True)
class LedgerRow:
    name: str
    sex: str
    age: int | None
    doc: str  # masked
    phone: str  # masked
    origin: str
    category: str
    room: str
    arrived: str
    planned_release: str
    departed: str
    departure: str
    destination: str


def ledger_rows(session: Session, day_from: date | None = None, day_to: date | None = None) -> list[LedgerRow]:
    """Everyone who stayed (arrived up to ``day_to``, still present or left since ``day_from``)."""
    site = get_site(session)
    zone = ZoneInfo(site.timezone)
    q = (
        select(
            Person.name,
            Person.sex,
            Person.birth_date,
            Person.doc_number,
            Person.phone,
            Person.origin,
            Category.name_zh,
            Building.name,
            Floor.name,
            Room.number,
            Stay.arrived_at,
            Stay.arrival_day,
            Stay.planned_release,
            Stay.departed_at,
            Stay.departure_kind,
            Stay.departure_destination,
        )
        .join(Person, Stay.person_id == Person.id)
        .join(Category, Stay.category_code == Category.code)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .order_by(Stay.arrived_at, Stay.id)
    )  # columns, not entities: a year's ledger is 100,000 rows
    if day_to is not None:
        q = q.where(Stay.arrived_at < _bounds(day_to, site.timezone)[1])
    if day_from is not None:
        q = q.where(Stay.departed_at.is_(None) | (Stay.departed_at >= _bounds(day_from, site.timezone)[0]))
    fmt = "%Y-%m-%d %H:%M"
    out = []
    for (
        name,
        sex,
        birth,
        doc,
        phone,
        origin,
        cat,
        b,
        f,
        num,
        arrived,
        arrival_day,
        release,
        left,
        kind,
        dest,
    ) in session.execute(q).yield_per(5000):
        out.append(
            LedgerRow(
                name,
                sex.value if sex else "",
                age_on(birth, arrival_day),
                mask_id(doc),
                mask_phone(phone),
                origin or "",
                cat,
                f"{b} {f} {num}",
                arrived.astimezone(zone).strftime(fmt),
                release.isoformat(),
                left.astimezone(zone).strftime(fmt) if left else "",
                kind.value if kind else "",
                dest or "",
            )
        )
    return out
