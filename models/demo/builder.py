"""A plausible demo site with synthetic people and history (``app.py demo``).

The history is simulated day by day: buses arrive in the afternoon, each person gets a free
room (children share a double room with a carer), stays follow the site's rule set, people
leave (mostly released on the planned day, some extended, transferred or leaving otherwise),
rooms wait for terminal disinfection and come back. Readings twice a day, a few fevers with
rechecks, swabs from the plan. Rows are bulk-inserted with preassigned ids so that 5,000 rooms
with a year of history take minutes, not hours. Same seed and same ``now``: same site.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from models import clock
from models.demo import synthetic
from models.errors import DomainError, Notice
from models.reads.rounds import NOT_MEASURED_REASONS
from models.rules.schedule import compute_dates, local_date
from models.rules.search_keys import person_keys
from models.rules.surnames import index_text, readings
from models.services import audit
from models.services.sites import FloorSpec, create_site
from models.store.db import session_factory
from models.store.orm import (
    AlertState,
    AreaKind,
    AreaRound,
    Base,
    BatchState,
    CareRequest,
    CategoryRule,
    Community,
    CompanionReason,
    DepartureKind,
    DocType,
    DutySlot,
    FeverAlert,
    FollowUp,
    HomeTest,
    MoveKind,
    Observation,
    Person,
    PersonKey,
    PlannedBatch,
    PublicArea,
    RequestChannel,
    RequestKind,
    RequestState,
    Role,
    Room,
    RoomEvent,
    RoomEventKind,
    RoomState,
    RoomType,
    RuleSet,
    Site,
    Slot,
    StaffMember,
    StaffReading,
    Stay,
    StayDateChange,
    SupplyCategory,
    SupplyItem,
    SupplyMove,
    SwabResult,
    SwabTest,
    Urgency,
    UseBasis,
    User,
)

TZ_NAME = "Asia/Shanghai"
RULE_SET = "第九版"
MIN_ROOMS = 10  # the layout needs a few floors of rooms to simulate arrivals, departures and repairs
CATEGORY_WEIGHTS = [
    ("close_contact", 45),
    ("inbound", 25),
    ("risk_area", 15),
    ("secondary_contact", 8),
    ("red_yellow_code", 4),
    ("other", 3),
]
NURSES = ["李护士", "王护士", "张护士", "刘护士", "陈护士"]
NOT_MEASURED = list(NOT_MEASURED_REASONS)  # codes: each screen and form shows its label
OOS_REASONS = ["空调维修", "卫生间漏水", "门锁故障", "预留应急"]
CHUNK = 20_000
BUS_SEATS = 45  # the people of one planned batch (a bus of 20-50 people; a big day is several)
# the receiving streets and communities of the demo site: invented names, contacts and office phones
COMMUNITIES = (
    ("东城街道", "和平里社区", "周晓燕"),
    ("东城街道", "安华里社区", "吴建国"),
    ("西湖街道", "桂花园社区", "郑丽"),
    ("西湖街道", "文华社区", "孙海峰"),
    ("南山街道", "南苑社区", "钱芳"),
    ("北关镇", "北关村", "陈德明"),
)
TRANSPORTS = ("社区专车点对点接回", "家属自驾点对点接回", "隔离点转运车送达")


@dataclass
class DemoSummary:
    rooms: int
    rooms_by_state: dict[str, int]
    stays: int
    present: int
    readings: int
    swabs: int
    open_alerts: int

    def __str__(self) -> str:
        states = ", ".join(f"{k} {v}" for k, v in self.rooms_by_state.items())
        return (
            f"demo site: {self.rooms} rooms ({states}); {self.stays} stays, {self.present} present; "
            f"{self.readings} readings, {self.swabs} swabs, {self.open_alerts} open fever alerts"
        )


@dataclass
class PlannedStay:
    id: int
    person_id: int
    room_id: int
    bed: int
    category: str
    arrived_at: datetime
    exposure: datetime | None
    arrival_day: date
    day_one: date
    planned_release: date
    home_until: date | None
    swabs: tuple[tuple[int, date], ...]
    departed_at: datetime | None = None
    kind: DepartureKind | None = None
    reason: str | None = None
    destination: str | None = None
    shares_with: int | None = None
    fever_at_departure: bool = False
    extension: tuple[date, date, datetime] | None = None  # old, new, when
    positive_swab_day: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def layout(rooms: int) -> list[FloorSpec]:
    """Buildings of up to 12 floors, 25 rooms a floor (10 for tiny sites); the last 3 of a floor are doubles,
    the first is accessible."""
    per_floor = 25 if rooms >= 100 else 10
    floors = math.ceil(rooms / per_floor)
    specs: list[FloorSpec] = []
    left = rooms
    for i in range(floors):
        building, level = f"{i // 12 + 1}号楼", i % 12 + 1
        n = min(per_floor, left)
        left -= n
        numbers = [f"{level}{k:02d}" for k in range(1, n + 1)]
        doubles = 3 if n >= 10 else 1
        singles = numbers[: n - doubles]
        specs.append(FloorSpec(building, level, singles[:1], room_type=RoomType.ACCESSIBLE))
        specs.append(FloorSpec(building, level, singles[1:]))
        specs.append(FloorSpec(building, level, numbers[n - doubles :], room_type=RoomType.DOUBLE, beds=2))
    return specs


def _create_layout(session: Session, user: User, rooms: int) -> Site:
    """The site with its floors, then every room in one bulk insert."""
    specs = layout(rooms)
    floors = list(dict.fromkeys((s.building, s.level) for s in specs))
    site = create_site(
        session,
        user,
        "示范隔离点 Demo Isolation Site",
        [FloorSpec(b, lvl, []) for b, lvl in floors],
        address="示范市健康路 1 号",
        timezone=TZ_NAME,
        rule_set_name=RULE_SET,
    )
    floor_ids = {
        (b, lvl): fid
        for fid, b, lvl in session.execute(
            text(
                "SELECT floor.id, building.name, floor.level"
                " FROM floor JOIN building ON building.id = floor.building_id"
            )
        )
    }
    rows: list[dict[str, Any]] = []
    for s in specs:
        fid = floor_ids[(s.building, s.level)]
        for number in s.rooms:
            rows.append(
                {
                    "floor_id": fid,
                    "number": number,
                    "sort": int(number[-2:]),
                    "room_type": s.room_type,
                    "beds": s.beds,
                    "zone": "contaminated",
                    "state": RoomState.AVAILABLE,
                    "version": 1,
                }
            )
    session.execute(insert(Room), rows)
    session.commit()
    return site


def build_demo(
    engine: Engine,
    *,
    rooms: int = 300,
    days: int = 30,
    seed: int = 1,
    now: datetime | None = None,
    progress: Callable[[Notice], None] | None = None,
) -> DemoSummary:
    if rooms < MIN_ROOMS:
        raise DomainError("demo_rooms", minimum=MIN_ROOMS, rooms=rooms)
    if days < 1:
        raise DomainError("demo_days", minimum=1, days=days)
    say = progress or (lambda _msg: None)
    now = now or clock.now()
    with session_factory(engine)() as session:
        accounts = select(func.count()).select_from(User).where(User.password_hash.is_not(None))
        if session.scalar(select(func.count()).select_from(Site)) or session.scalar(accounts):
            raise DomainError("demo_not_empty")  # demo accounts have a published password: never beside real ones
        # a build interrupted before its site was made left only its user behind: carry on with it
        user = session.scalar(select(User).where(User.username == "demo"))
        if user is None:
            user = User(username="demo", display_name="演示用户", role=Role.ADMIN)
            session.add(user)
            session.commit()
        say(Notice("demo_layout", rooms=rooms))
        site = _create_layout(session, user, rooms)
        sim = _Simulation(session, site, user, random.Random(seed), now, days, seed)
        sim.run(say)
        audit.record(session, user, "demo.build", site, note=f"rooms={rooms} days={days} seed={seed}")
        session.commit()
        summary = summarise(session)
    _fresh_statistics(engine)
    return summary


def _fresh_statistics(engine: Engine) -> None:
    """After a bulk load, PostgreSQL's planner still believes the tables empty until autovacuum comes by:
    a search of a year's stays then ran a sequential scan with a million heap fetches (a second, where it
    takes a few ms). VACUUM ANALYZE gives it the counts and the visibility map at once. SQLite keeps no
    statistics unless asked, and its plans here are chosen without them: nothing to do."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")


class _Simulation:
    def __init__(
        self, session: Session, site: Site, user: User, rng: random.Random, now: datetime, days: int, seed: int
    ) -> None:
        self.s, self.site, self.user, self.rng, self.seed = session, site, user, rng, seed
        self.tz = ZoneInfo(site.timezone)
        self.now = now
        self.today = local_date(now, site.timezone)
        self.start = self.today - timedelta(days=days - 1)
        rs = session.scalar(select(RuleSet).where(RuleSet.name == RULE_SET))
        assert rs is not None
        self.rule_set_id = rs.id
        self.rules: dict[str, CategoryRule] = {r.category_code: r for r in rs.rules}
        self.rooms = list(session.execute(select(Room.id, Room.beds, Room.room_type).order_by(Room.id)))
        self.stays: list[PlannedStay] = []
        self.persons: list[dict[str, Any]] = []
        self.docs: set[str] = set()
        self.pinyin: dict[str, str] = {}
        self.char_pinyin: dict[str, tuple[str, ...]] = {}
        self._hours: dict[tuple[date, int], datetime] = {}
        self.room_events: list[dict[str, Any]] = []
        self.date_changes: list[dict[str, Any]] = []
        # who received each person released: a stream of its own, so the rest of the site is as it was
        self.handover_rng = random.Random(seed * 7919 + 17)
        made = [
            Community(street=street, name=name, contact=contact, phone=f"0551-6{i + 1}{seed % 10}{60000 + i * 37:05d}")
            for i, (street, name, contact) in enumerate(COMMUNITIES)
        ]
        session.add_all(made)
        session.flush()
        self.community_ids = [c.id for c in made]
        self.buses: list[tuple[datetime, list[list[int]]]] = []  # (time, its households' stays)
        self.batch_rows: list[dict[str, Any]] = []
        self.batch_of: dict[int, int] = {}  # stay -> the planned batch it came with

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        key = (day, hour)
        base = self._hours.get(key)
        if base is None:
            base = self._hours[key] = datetime.combine(day, time(hour), tzinfo=self.tz)
        return base + timedelta(minutes=minute) if minute else base

    # --- pass 1: who stays where, when ---------------------------------------------------------
    def run(self, say: Callable[[Notice], None]) -> None:
        rng = self.rng
        singles = [r.id for r in self.rooms if r.beds == 1]
        doubles = [r.id for r in self.rooms if r.beds > 1]
        free_single: list[int] = singles[:]
        free_double: list[int] = doubles[:]
        rng.shuffle(free_single)
        rng.shuffle(free_double)
        dirty: list[tuple[datetime, int, int]] = []  # (ready at, room, last stay)
        leaving: list[tuple[datetime, int]] = []  # (departure, room)
        self.room_last: dict[int, tuple[datetime, int]] = {}
        per_day = len(self.rooms) * 0.1
        category_codes = [c for c, w in CATEGORY_WEIGHTS for _ in range(w)]
        day = self.start
        while day <= self.today:
            bus_time = self.at(day, rng.randrange(13, 21), rng.randrange(0, 60))
            while leaving and leaving[0][0] <= bus_time:
                when, room = heapq.heappop(leaving)
                stay_id = self.room_last[room][1]
                heapq.heappush(dirty, (when + timedelta(hours=rng.uniform(3, 20)), room, stay_id))
            while dirty and dirty[0][0] <= bus_time:
                ready, room, stay_id = heapq.heappop(dirty)
                self._disinfected(room, ready, stay_id)
                (free_double if self._beds(room) > 1 else free_single).append(room)
            if bus_time <= self.now:
                # epidemic waves of ~4 months: the busiest now, a third as busy between waves
                wave = 0.55 + 0.45 * math.cos(2 * math.pi * (self.today - day).days / 120)
                n = int(per_day * wave * rng.uniform(0.7, 1.3)) + (3 if day == self.today else 0)
                households: list[list[int]] = []
                for _ in range(n):
                    with_child = rng.random() < 0.03 and free_double
                    pool = free_double if with_child or not free_single else free_single
                    if not pool:
                        break
                    room = pool.pop(rng.randrange(len(pool))) if len(pool) < 64 else pool.pop()
                    arrived = bus_time + timedelta(minutes=rng.randrange(0, 40))
                    lead = self._arrive(room, 1, arrived, rng.choice(category_codes))
                    last = lead
                    if with_child:
                        child = self._arrive(room, 2, arrived, lead.category, adult=False, lead=lead)
                        last = child if (child.departed_at or self.now) > (lead.departed_at or self.now) else lead
                    self.room_last[room] = (arrived, last.id)
                    households.append([lead.id] + ([last.id] if last is not lead else []))
                    if lead.departed_at is not None:
                        end = max(s.departed_at for s in (lead, last) if s.departed_at)
                        heapq.heappush(leaving, (end, room))
                if households:
                    self.buses.append((bus_time, households))
            day += timedelta(days=1)
        self._planned_batches(per_day)
        # departures after the last bus but before now, and the disinfections since
        while leaving and leaving[0][0] <= self.now:
            when, room = heapq.heappop(leaving)
            heapq.heappush(dirty, (when + timedelta(hours=rng.uniform(3, 20)), room, self.room_last[room][1]))
        still_dirty: set[int] = set()
        while dirty:
            ready, room, stay_id = heapq.heappop(dirty)
            if ready <= self.now:
                self._disinfected(room, ready, stay_id)
            else:
                still_dirty.add(room)
        occupied = {s.room_id for s in self.stays if s.departed_at is None}
        say(Notice("demo_people", stays=len(self.persons), occupied=len(occupied)))
        self._insert_people_and_stays()
        self._room_states(occupied, still_dirty)
        say(Notice("demo_history"))
        self._health()
        self._followups()
        self._public_areas()
        self._supplies()
        self._care_requests()
        self._team()
        self._reset_sequences()

    def _planned_batches(self, per_day: float) -> None:
        """Each bus announced a day or two ahead (待转运批次), its count and time roughly right, and checked in
        from it; a few called off; the buses of the next three days announced already. A stream of its own:
        the rest of the site is as it was."""
        rng = random.Random(self.seed * 15485863 + 11)
        rows = self.batch_rows
        sources = ("市疫情防控指挥部", "区疾控中心", "机场转运专班", "街道防控办")
        categories = [c for c, w in CATEGORY_WEIGHTS for _ in range(w)]

        def batch(when: datetime, people: int, rooms: int, **extra: Any) -> dict[str, Any]:
            announced = when - timedelta(hours=rng.uniform(18, 54))
            minute = (when.minute // 30) * 30
            return {
                "id": len(rows) + 1,
                "expected_at": when.replace(minute=minute, second=0, microsecond=0),
                "people": people,
                "rooms": min(people, max(1, rooms)),
                "category_code": rng.choice(categories) if rng.random() < 0.6 else None,
                "source": rng.choice(sources),
                "note": "",
                "list_name": None,
                "list_data": None,
                "announced_at": announced,
                "user_id": self.user.id,
                "version": 1,
                "closed_at": None,
                "cancel_reason": None,
                **extra,
            }

        for when, households in self.buses:
            # a day's arrivals come by buses of up to BUS_SEATS people, each announced on its own
            buses: list[list[list[int]]] = [[]]
            for h in households:
                if sum(len(x) for x in buses[-1]) + len(h) > BUS_SEATS:
                    buses.append([])
                buses[-1].append(h)
            for bus in buses:
                stays = [sid for h in bus for sid in h]
                people = max(1, round(len(stays) * rng.uniform(0.85, 1.15)))
                row = batch(when, people, round(len(bus) * people / len(stays)))
                if row["announced_at"] > self.now:
                    continue  # a bus of today, come before it was announced: none
                row.update(state=BatchState.ARRIVED, closed_at=when + timedelta(minutes=40))
                rows.append(row)
                for stay_id in stays:
                    self.batch_of[stay_id] = row["id"]
                if rng.random() < 0.04:  # another bus that day, called off
                    off = batch(when + timedelta(hours=2), max(1, round(people * 0.3)), round(len(bus) * 0.3))
                    closed = max(off["announced_at"] + timedelta(hours=3), when - timedelta(hours=6))
                    if closed <= self.now:
                        off.update(state=BatchState.CANCELLED, closed_at=closed, cancel_reason="指挥部通知取消转运")
                        rows.append(off)
        for ahead in range(0, 4):
            day = self.today + timedelta(days=ahead)
            when = self.at(day, rng.randrange(13, 21), rng.randrange(0, 60))
            if when <= self.now:
                continue
            left = max(1, int(per_day * rng.uniform(0.7, 1.1)))
            while left > 0:
                people = min(left, BUS_SEATS)
                left -= people
                row = batch(when, people, people - max(0, round(people * 0.03)), state=BatchState.PLANNED)
                if row["announced_at"] <= self.now:
                    rows.append(row)

    def _beds(self, room: int) -> int:
        return self.rooms[room - self.rooms[0].id].beds

    def _disinfected(self, room: int, at: datetime, stay_id: int) -> None:
        self.room_events.append(
            {
                "room_id": room,
                "kind": RoomEventKind.DISINFECTED,
                "at": at,
                "previous_stay_id": stay_id,
                "agent": "含氯消毒剂",
                "concentration": "1000 mg/L",
                "done_by": self.rng.choice(["赵师傅", "钱师傅"]),
                "checked_by": "院感 孙医生",
                "user_id": self.user.id,
            }
        )

    def _person(self, adult: bool) -> int:
        rng = self.rng
        while True:
            p = synthetic.person(rng, self.today, min_age=18 if adult else 2, max_age=80 if adult else 13)
            if p["doc_number"] not in self.docs:
                break
        self.docs.add(str(p["doc_number"]))
        name = str(p["name"])
        if name not in self.pinyin:
            self.pinyin[name] = self._pinyin(name)
        needs = "" if adult else "儿童"
        if adult and rng.random() < 0.05:
            needs = rng.choice(["高血压", "糖尿病", "孕妇", "清真饮食", "行动不便"])
        self.persons.append(
            {
                "id": len(self.persons) + 1,
                "name": name,
                "name_pinyin": self.pinyin[name],
                "sex": p["sex"],
                "birth_date": p["birth_date"],
                "doc_type": DocType.RESIDENT_ID,
                "doc_number": p["doc_number"],
                "phone": p["phone"] if adult else None,
                "address": "",
                "origin": p["origin"],
                "emergency_contact": "",
                "emergency_phone": None,
                "special_needs": needs,
                "notes": "",
                "version": 1,
            }
        )
        return len(self.persons)

    def _pinyin(self, name: str) -> str:
        """name_pinyin, assembled from a per-character cache (synthetic names have no phrase readings)."""
        from pypinyin import lazy_pinyin

        syllables: list[str] = []
        for ch in name:
            if ch not in self.char_pinyin:
                self.char_pinyin[ch] = tuple(lazy_pinyin(ch, errors="ignore"))
            syllables.extend(self.char_pinyin[ch])
        return index_text(readings(name, syllables))

    def _arrive(
        self,
        room: int,
        bed: int,
        arrived: datetime,
        category: str,
        *,
        adult: bool = True,
        lead: PlannedStay | None = None,
    ) -> PlannedStay:
        rng = self.rng
        rule = self.rules[category]
        exposure = None
        if rule.count_from.value == "exposure":
            exposure = arrived - timedelta(days=rng.randrange(0, 4), hours=rng.randrange(0, 12))
        arrival_day = local_date(arrived, self.site.timezone)
        dates = compute_dates(rule, arrival_day, local_date(exposure, self.site.timezone) if exposure else None)
        release = dates.planned_release
        if release <= arrival_day:
            release = arrival_day + timedelta(days=1)
        stay = PlannedStay(
            id=len(self.stays) + 1,
            person_id=self._person(adult),
            room_id=room,
            bed=bed,
            category=category,
            arrived_at=arrived,
            exposure=exposure,
            arrival_day=arrival_day,
            day_one=dates.day_one,
            planned_release=release,
            home_until=dates.home_until,
            swabs=dates.swabs,
        )
        if lead is not None:
            stay.shares_with = lead.id
            stay.departed_at, stay.kind = lead.departed_at, lead.kind
            stay.planned_release, stay.home_until = lead.planned_release, lead.home_until
            if stay.kind is not None and stay.kind is not DepartureKind.RELEASED:
                stay.kind, stay.reason = DepartureKind.OTHER, "随监护人转出"
            self.stays.append(stay)
            return stay
        self._fate(stay)
        self.stays.append(stay)
        return stay

    def _fate(self, stay: PlannedStay) -> None:
        rng = self.rng
        r = rng.random()
        length = (stay.planned_release - stay.arrival_day).days
        if r < 0.05:  # extended
            new = stay.planned_release + timedelta(days=rng.randrange(1, 4))
            when = self.at(stay.planned_release - timedelta(days=1), 15)
            if when <= self.now and when > stay.arrived_at:
                stay.extension = (stay.planned_release, new, when)
                if stay.home_until:
                    stay.home_until += new - stay.planned_release
                stay.planned_release = new
        if r > 0.97 and length > 1:
            day = stay.arrival_day + timedelta(days=rng.randrange(1, length))
            when = self.at(day, rng.randrange(9, 18), rng.randrange(60))
            if r > 0.99:
                stay.kind, stay.destination = DepartureKind.TO_HOSPITAL, "市定点医院"
                stay.fever_at_departure = True
                stay.reason = "发热，闭环转运"
                if rng.random() < 0.3:
                    stay.positive_swab_day = (day - stay.day_one).days + 1
                    stay.reason = "核酸阳性，闭环转运"
            elif r > 0.98:
                stay.kind, stay.destination = DepartureKind.TO_OTHER_SITE, "第二隔离点"
            elif r > 0.975:
                stay.kind, stay.destination = DepartureKind.HOME_ISOLATION, None
                stay.reason = "符合居家隔离条件"
            else:
                stay.kind, stay.reason = DepartureKind.OTHER, "经批准提前离开"
            stay.departed_at = when
        else:
            stay.kind = DepartureKind.RELEASED
            stay.departed_at = self.at(stay.planned_release, 9, rng.randrange(0, 120))
        if stay.departed_at is not None and stay.departed_at > self.now:
            stay.departed_at, stay.kind, stay.reason, stay.destination = None, None, None, None
            stay.fever_at_departure, stay.positive_swab_day = False, None

    # --- writing --------------------------------------------------------------------------------
    def _bulk(self, model: type[Base], rows: list[dict[str, Any]]) -> None:
        """executemany through the DBAPI, with SQLAlchemy's own bind processors for each column
        (time zones, enums, dates): the same stored values as the ORM writes, without its per-row cost."""
        if not rows:
            return
        table = model.__table__
        assert isinstance(table, Table)  # a declarative entity's, not a mapped select
        conn = self.s.connection()
        dialect = conn.dialect
        cols = list(rows[0])
        # a column the rows leave out takes its scalar default, as the ORM would give it
        defaults = {
            c.name: c.default.arg
            for c in table.columns
            if c.name not in cols and c.default is not None and getattr(c.default, "is_scalar", False)
        }
        if defaults:
            rows = [{**row, **defaults} for row in rows]
            cols += list(defaults)
        procs = [table.c[c].type._cached_bind_processor(dialect) for c in cols]
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join([mark] * len(cols))})"
        pairs = list(zip(cols, procs, strict=True))
        for i in range(0, len(rows), CHUNK):
            params = [
                tuple(p(row[c]) if p is not None and row[c] is not None else row[c] for c, p in pairs)
                for row in rows[i : i + CHUNK]
            ]
            conn.exec_driver_sql(sql, params)

    def _handover(self, stay: PlannedStay) -> dict[str, Any]:
        """Who received a released person, and how they got there (one in twenty not recorded)."""
        rng = self.handover_rng
        if stay.kind is not DepartureKind.RELEASED or rng.random() < 0.05:
            return {"community_id": None, "transport": None}
        i = rng.randrange(len(self.community_ids))
        street, name, _contact = COMMUNITIES[i]
        block, unit, floor, door = rng.randrange(1, 30), rng.randrange(1, 5), rng.randrange(1, 19), rng.randrange(1, 5)
        home = f"{street}{name}{block}栋{unit}单元{floor}0{door}室"
        return {
            "community_id": self.community_ids[i],
            "transport": rng.choice(TRANSPORTS),
            "departure_destination": stay.destination or home,
        }

    def _insert_people_and_stays(self) -> None:
        self._bulk(Person, self.persons)
        self._bulk(PlannedBatch, self.batch_rows)
        # their search keys, as models/store/person_keys.py keeps them for people the ORM writes
        self._bulk(
            PersonKey,
            [
                {"key": k, "person_id": p["id"]}
                for p in self.persons
                for k in sorted(person_keys(p["name"], p["name_pinyin"], p["doc_number"], p.get("phone") or ""))
            ],
        )
        self._bulk(
            Stay,
            [
                {
                    "id": s.id,
                    "person_id": s.person_id,
                    "room_id": s.room_id,
                    "bed": s.bed,
                    "category_code": s.category,
                    "rule_set_id": self.rule_set_id,
                    "last_exposure": s.exposure,
                    "arrived_at": s.arrived_at,
                    "arrival_day": s.arrival_day,
                    "day_one": s.day_one,
                    "planned_release": s.planned_release,
                    "home_until": s.home_until,
                    "departed_at": s.departed_at,
                    "departure_kind": s.kind,
                    "departure_reason": s.reason,
                    "release_override": None,
                    "shares_with_id": s.shares_with,
                    "companion_reason": CompanionReason.CHILD if s.shares_with else None,
                    "notes": "",
                    "manual_days": (s.extension[1] - s.extension[0]).days if s.extension else 0,
                    "version": 1,
                    "departure_destination": s.destination,
                    "planned_batch_id": self.batch_of.get(s.id),
                    **self._handover(s),  # a release's community, transport and the address it went to
                }
                for s in self.stays
            ],
        )
        self._bulk(
            StayDateChange,
            [
                {
                    "stay_id": s.id,
                    "at": s.extension[2],
                    "old_release": s.extension[0],
                    "new_release": s.extension[1],
                    "reason": "末次核酸结果未出，延长观察",
                    "user_id": self.user.id,
                }
                for s in self.stays
                if s.extension
            ],
        )
        self._bulk(RoomEvent, self.room_events)
        self.s.commit()

    def _room_states(self, occupied: set[int], dirty: set[int]) -> None:
        conn = self.s.connection()
        if occupied:
            conn.execute(update(Room).where(Room.id.in_(occupied)).values(state=RoomState.OCCUPIED))
        if dirty:
            conn.execute(update(Room).where(Room.id.in_(dirty)).values(state=RoomState.AWAITING_DISINFECTION))
        free = [r.id for r in self.rooms if r.id not in occupied and r.id not in dirty]
        rng = self.rng
        oos = rng.sample(free, max(1, len(self.rooms) // 100)) if free else []
        events = []
        for room in oos:
            last = self.room_last.get(room)
            since = max(
                self.today - timedelta(days=rng.randrange(0, 10)),
                local_date(last[0], self.site.timezone) + timedelta(days=8) if last else self.start,
            )
            since = min(since, self.today)
            until = since + timedelta(days=rng.randrange(3, 15)) if rng.random() < 0.7 else None
            reason = rng.choice(OOS_REASONS)
            conn.execute(
                update(Room)
                .where(Room.id == room)
                .values(state=RoomState.OUT_OF_SERVICE, oos_reason=reason, oos_from=since, oos_until=until)
            )
            events.append(
                {
                    "room_id": room,
                    "kind": RoomEventKind.OUT_OF_SERVICE,
                    "at": self.at(since, 10),
                    "reason": reason,
                    "from_date": since,
                    "until_date": until,
                    "user_id": self.user.id,
                }
            )
        self._bulk(RoomEvent, events)
        self.s.commit()

    # --- pass 2: readings, alerts, swabs ---------------------------------------------------------
    def _health(self) -> None:
        obs: list[dict[str, Any]] = []
        alerts: list[dict[str, Any]] = []
        swabs: list[dict[str, Any]] = []
        self.obs_id = 0
        present = [s for s in self.stays if s.departed_at is None]
        fever_now = {s.id for s in self.rng.sample(present, min(len(present), max(2, len(present) // 150)))}
        for stay in self.stays:
            rng = random.Random(self.seed * 1_000_003 + stay.id)
            self._readings(stay, rng, obs, alerts, stay.id in fever_now)
            self._swabs(stay, rng, swabs)
            if len(obs) >= CHUNK * 5:
                self._bulk(Observation, obs)
                obs.clear()
        self._bulk(Observation, obs)
        self._bulk(FeverAlert, alerts)
        self._bulk(SwabTest, swabs)
        self.s.commit()

    def _slots(self, stay: PlannedStay) -> Iterator[tuple[date, Slot, datetime]]:
        day = stay.arrival_day
        end = stay.departed_at or self.now
        while day <= self.today:
            for slot, hour in ((Slot.MORNING, 8), (Slot.EVENING, 16)):
                at = self.at(day, hour)
                if stay.arrived_at <= at < end and at <= self.now:
                    yield day, slot, at
            day += timedelta(days=1)

    def _reading(
        self,
        stay: PlannedStay,
        day: date,
        slot: Slot,
        at: datetime,
        temp: float | None,
        reason: str | None = None,
        recheck_of: int | None = None,
        symptoms: str = "",
    ) -> int:
        self.obs_id += 1
        self._obs_buffer.append(
            {
                "id": self.obs_id,
                "stay_id": stay.id,
                "day": day,
                "slot": slot,
                "taken_at": at,
                "temperature": temp,
                "not_measured_reason": reason,
                "symptoms": symptoms,
                "taken_by": NURSES[stay.id % len(NURSES)],
                "recheck_of_id": recheck_of,
                "user_id": self.user.id,
                "version": 1,
            }
        )
        return self.obs_id

    def _readings(
        self,
        stay: PlannedStay,
        rng: random.Random,
        obs: list[dict[str, Any]],
        alerts: list[dict[str, Any]],
        fever_now: bool,
    ) -> None:
        self._obs_buffer = obs
        slots = list(self._slots(stay))
        threshold = float(self.site.fever_threshold)
        for i, (day, slot, at) in enumerate(slots):
            last = i == len(slots) - 1
            taken = at + timedelta(minutes=rng.randrange(0, 50))
            if (fever_now and last) or (stay.fever_at_departure and last):
                first = self._reading(stay, day, slot, taken, round(rng.uniform(37.6, 38.9), 1), symptoms="fever")
                open_ = stay.departed_at is None
                alerts.append(
                    {
                        "stay_id": stay.id,
                        "observation_id": first,
                        "opened_at": taken,
                        "state": AlertState.OPEN if open_ else AlertState.CLOSED,
                        "closed_at": None if open_ else stay.departed_at,
                        "resolution": None if open_ else "departed",
                        "note": None if open_ else "闭环转运至定点医院",
                        "closed_by_id": None if open_ else self.user.id,
                        "version": 1,
                    }
                )
                continue
            r = rng.random()
            if r < 0.004:
                self._reading(stay, day, slot, taken, None, reason=rng.choice(NOT_MEASURED))
            elif r < 0.006:
                value = round(rng.uniform(threshold, threshold + 0.6), 1)
                first = self._reading(stay, day, slot, taken, value, symptoms="fever")
                again = taken + timedelta(minutes=30)
                self._reading(stay, day, slot, again, round(rng.uniform(36.3, 36.9), 1), recheck_of=first)
                alerts.append(
                    {
                        "stay_id": stay.id,
                        "observation_id": first,
                        "opened_at": taken,
                        "state": AlertState.CLOSED,
                        "closed_at": again,
                        "resolution": "recheck_normal",
                        "note": "复测正常",
                        "closed_by_id": self.user.id,
                        "version": 1,
                    }
                )
            else:
                value = min(max(round(rng.gauss(36.5, 0.22), 1), 35.8), round(threshold - 0.1, 1))
                sym = "dry_cough" if rng.random() < 0.01 else ""
                self._reading(stay, day, slot, taken, value, symptoms=sym)

    def _swabs(self, stay: PlannedStay, rng: random.Random, swabs: list[dict[str, Any]]) -> None:
        end = stay.departed_at
        for n, when in stay.swabs:
            if when >= stay.planned_release:
                continue
            # morning sampling round; someone who arrives later that day is sampled on arrival
            sampled = max(self.at(when, 9, rng.randrange(0, 90)), stay.arrived_at + timedelta(minutes=40))
            if (end is not None and sampled >= end) or when > self.today:
                if end is None:
                    swabs.append(_swab_row(stay.id, n, when))
                continue
            if sampled > self.now:
                swabs.append(_swab_row(stay.id, n, when))
                continue
            result_at = self.at(when, 20)
            positive = stay.positive_swab_day == n
            done = result_at <= self.now or positive
            swabs.append(
                _swab_row(
                    stay.id,
                    n,
                    when,
                    sampled=sampled,
                    lab="市疾控中心" if done else None,
                    result=(SwabResult.POSITIVE if positive else SwabResult.NEGATIVE) if done else SwabResult.PENDING,
                    result_at=(sampled + timedelta(hours=3) if positive else result_at) if done else None,
                )
            )

    def _public_areas(self) -> None:
        """Each building's lobby, lift, buffer and staff zones and waste point, and every floor's corridor, with
        two to three rounds a day over the last 14 days and today's so far (now and then one missed). A stream of
        its own: the rest of the site is as it was."""
        rng = random.Random(self.seed * 7727 + 5)
        floors = self.s.execute(
            text(
                "SELECT building.name, floor.name FROM floor JOIN building ON building.id = floor.building_id"
                " ORDER BY building.sort, building.id, floor.sort, floor.id"
            )
        ).all()
        areas: list[dict[str, Any]] = []
        for building in dict.fromkeys(b for b, _f in floors):
            for name, kind, n in (("大厅", AreaKind.LOBBY, 3), ("电梯", AreaKind.LIFT, 3),
                                  ("缓冲区", AreaKind.BUFFER, 3), ("工作人员区", AreaKind.STAFF, 2),
                                  ("垃圾暂存点", AreaKind.WASTE, 2)):  # fmt: skip
                areas.append({"name": f"{building}{name}", "kind": kind, "rounds_per_day": n})
            for b, f in floors:
                if b == building:
                    areas.append({"name": f"{b}{f}公共走廊", "kind": AreaKind.CORRIDOR, "rounds_per_day": 2})
        for i, a in enumerate(areas, 1):
            a.update(id=i, sort=i, retired_on=None, version=1)
        self._bulk(PublicArea, areas)
        people = ["消杀组 周师傅", "消杀组 吴师傅", "消杀组 郑师傅"]
        rounds: list[dict[str, Any]] = []
        for back in range(14, -1, -1):
            day = self.today - timedelta(days=back)
            for a in areas:
                n = a["rounds_per_day"]
                for k in range(n):
                    hour = 7 + round(k * 13 / max(1, n - 1)) if n > 1 else 9
                    at = self.at(day, min(hour, 21), rng.randrange(0, 50))
                    if at > self.now or rng.random() < 0.02:  # a round to come, or one missed
                        continue
                    rounds.append({"area_id": a["id"], "done_at": at, "agent": "含氯消毒剂",
                                   "concentration": "500 mg/L", "done_by": rng.choice(people),
                                   "checked_by": "院感 孙医生", "note": "", "user_id": self.user.id})  # fmt: skip
        self._bulk(AreaRound, rounds)

    def _supplies(self) -> None:
        """The usual stock of a site (物资台账) over the last 30 days: deliveries every few days from the district's
        store, what goes out each day to the floors and the groups (masks and meals by the people present), a
        weekly stocktake now and then one short; the antigen tests left low, so the warning shows. A stream of
        its own: the rest of the site is as it was."""
        rng = random.Random(self.seed * 6007 + 13)
        present = max(1, sum(1 for st in self.stays if st.departed_at is None or st.departed_at > self.now))
        # name, kind, unit, minimum (days of use), basis, a person's use a day, or the site's use a day
        kept = (
            ("医用外科口罩", SupplyCategory.PROTECTION, "个", UseBasis.PER_OCCUPANT, 2.0, 0.0),
            ("N95 防护口罩", SupplyCategory.PROTECTION, "个", UseBasis.MEASURED, 0.0, 0.3),
            ("医用防护服", SupplyCategory.PROTECTION, "套", UseBasis.MEASURED, 0.0, 0.08),
            ("一次性手套", SupplyCategory.PROTECTION, "副", UseBasis.MEASURED, 0.0, 0.4),
            ("含氯消毒片", SupplyCategory.DISINFECTANT, "瓶", UseBasis.MEASURED, 0.0, 0.01),
            ("75% 酒精", SupplyCategory.DISINFECTANT, "瓶", UseBasis.MEASURED, 0.0, 0.02),
            ("电子体温计", SupplyCategory.MEDICAL, "支", UseBasis.MEASURED, 0.0, 0.01),
            ("核酸采样管", SupplyCategory.MEDICAL, "支", UseBasis.MEASURED, 0.0, 0.4),
            ("抗原检测试剂", SupplyCategory.MEDICAL, "盒", UseBasis.MEASURED, 0.0, 0.15),
            ("盒饭", SupplyCategory.FOOD, "份", UseBasis.PER_OCCUPANT, 3.0, 0.0),
            ("瓶装水", SupplyCategory.FOOD, "瓶", UseBasis.PER_OCCUPANT, 2.0, 0.0),
        )
        takers = list(
            self.s.scalars(
                text(
                    "SELECT building.name || floor.name FROM floor JOIN building ON building.id ="
                    " floor.building_id ORDER BY building.sort, floor.sort"
                )
            )
        ) or ["A栋"]
        groups = ("消杀组", "医疗组", "后勤保障组", "安保组")
        hands = ("后勤 钱师傅", "后勤 孙师傅", "值班员 赵")
        items: list[dict[str, Any]] = []
        moves: list[dict[str, Any]] = []
        for i, (name, category, unit, basis, per_person, per_room) in enumerate(kept, 1):
            daily = per_person * present if basis is UseBasis.PER_OCCUPANT else max(1.0, per_room * present)
            low = name == "抗原检测试剂"
            stock = 0  # the first delivery, 30 days ago, brings it
            minimum = round(daily * 3)
            for back in range(30, -1, -1):
                day = self.today - timedelta(days=back)
                if stock < daily * (4 if not low or back > 4 else 0) or back == 30:
                    came = round(daily * rng.uniform(8, 12))
                    at = self.at(day, 9, rng.randrange(60))
                    if at <= self.now:
                        stock += came
                        moves.append({"item_id": i, "at": at, "kind": MoveKind.IN, "delta": came, "counted": None,
                                      "party": "区防控物资储备库", "lot": f"{day:%Y%m%d}-{i:02d}",
                                      "done_by": rng.choice(hands), "note": "", "user_id": self.user.id})  # fmt: skip
                for hour in (8, 15):
                    at = self.at(day, hour, rng.randrange(60))
                    out = min(stock, round(daily / 2 * rng.uniform(0.8, 1.2)))
                    if at > self.now or out <= 0:
                        continue
                    stock -= out
                    to = rng.choice(takers) if basis is UseBasis.PER_OCCUPANT else rng.choice(groups)
                    moves.append({"item_id": i, "at": at, "kind": MoveKind.OUT, "delta": -out, "counted": None,
                                  "party": to, "lot": "", "done_by": rng.choice(hands), "note": "",
                                  "user_id": self.user.id})  # fmt: skip
                if day.weekday() == 6 and back and stock > 0:  # Sunday's stocktake: now and then one short
                    found = stock - (1 if rng.random() < 0.3 else 0)
                    moves.append({"item_id": i, "at": self.at(day, 20, 30), "kind": MoveKind.COUNT,
                                  "delta": found - stock, "counted": found, "party": "", "lot": "",
                                  "done_by": "后勤 钱师傅", "note": "盘点短少" if found < stock else "",
                                  "user_id": self.user.id})  # fmt: skip
                    stock = found
            items.append({"id": i, "name": name, "category": category, "unit": unit, "min_stock": minimum,
                          "basis": basis, "per_person_day": per_person, "stock": stock, "sort": i,
                          "retired_on": None, "version": 1})  # fmt: skip
        self._bulk(SupplyItem, items)
        moves.sort(key=lambda m: m["at"])
        self._bulk(SupplyMove, moves)

    def _care_requests(self) -> None:
        """The occupants' requests (人文关怀) of the last 7 days: most done, a few refused with the reason, some
        still open or in hand, now and then one overdue. About one person in twelve asks something. A stream of
        its own: the rest of the site is as it was."""
        rng = random.Random(self.seed * 9973 + 17)
        asks = (
            (RequestKind.MEALS, ("想要清淡一点的饭菜", "需要清真餐", "孩子要喝牛奶", "晚饭少了一份")),
            (RequestKind.MEDICINE, ("降压药快吃完了", "需要感冒药", "胰岛素需要冷藏", "想要一些创可贴")),
            (RequestKind.COUNSELLING, ("晚上睡不着，心里着急", "想和心理老师聊聊")),
            (RequestKind.DELIVERY, ("家属送来换洗衣服", "有一个快递到了门口", "家里送来充电器")),
            (RequestKind.REPAIR, ("空调不制热", "卫生间下水慢", "台灯不亮")),
            (RequestKind.OTHER, ("想要几本书", "需要打印一份证明")),
        )
        handlers = ("后勤 钱师傅", "医疗组 孙医生", "心理热线 刘老师", "值班员 赵")
        here = [st for st in self.stays if st.departed_at is None or st.departed_at > self.now]
        rows: list[dict[str, Any]] = []
        for st in here:
            if rng.random() >= 1 / 12:
                continue
            kind, texts = rng.choice(asks)
            urgent = kind is RequestKind.MEDICINE and rng.random() < 0.5
            fate = rng.random()
            ago = rng.uniform(0.2, 7 * 24) if fate < 0.75 else rng.uniform(0.2, 30)  # the open ones mostly recent
            opened = max(st.arrived_at, self.now - timedelta(hours=ago))
            base = {"stay_id": st.id, "kind": kind, "text": rng.choice(texts),
                    "urgency": Urgency.URGENT if urgent else Urgency.NORMAL,
                    "channel": rng.choice(list(RequestChannel)), "opened_at": opened, "opened_by": self.user.id,
                    "taken_at": None, "taken_by": None, "handler": "", "closed_at": None, "closed_by": None,
                    "outcome": "", "version": 1}  # fmt: skip
            taken = opened + timedelta(minutes=rng.uniform(10, 120))
            closed = taken + timedelta(hours=rng.uniform(0.3, 8))
            if fate < 0.75 and closed <= self.now:
                refuse = kind is RequestKind.DELIVERY and rng.random() < 0.3
                base.update(state=RequestState.REFUSED if refuse else RequestState.DONE, taken_at=taken,
                            taken_by=self.user.id, handler=rng.choice(handlers), closed_at=closed,
                            closed_by=self.user.id, outcome="生鲜食品不予代收" if refuse else "已办理")  # fmt: skip
            elif fate < 0.9 and taken <= self.now:
                base.update(state=RequestState.IN_HAND, taken_at=taken, taken_by=self.user.id,
                            handler=rng.choice(handlers))  # fmt: skip
            else:
                base.update(state=RequestState.OPEN)
            rows.append(base)
        rows.sort(key=lambda r: r["opened_at"])
        for i, r in enumerate(rows, 1):
            r["id"] = i
        self._bulk(CareRequest, rows)

    def _team(self) -> None:
        """The management team: a few members in each working group (the site's own groups and shifts, made with
        it), the day and night shifts of the last 14 days and the next 7 taken in turn (tomorrow night's security
        shift left open, so the roster shows a gap), and the closed-loop members' temperatures twice a day, one
        of today's at 37.5 and its alert still open. A stream of its own: the rest of the site is as it was."""
        rng = random.Random(self.seed * 3571 + 19)
        groups = self.s.execute(text("SELECT id, duty FROM work_group ORDER BY sort, id")).all()
        shift_rows = self.s.execute(text("SELECT id, name FROM shift ORDER BY sort, id")).all()
        if not groups or not shift_rows:
            return
        titles = ("组长", "组员", "组员", "组员")
        members: list[dict[str, Any]] = []
        by_group: dict[int, list[int]] = {}
        seen: set[str] = set()
        for gid, duty in groups:
            for k in range(4 if duty in ("general", "reporting") else 5):
                who = synthetic.name(rng)
                while who in seen:
                    who = synthetic.name(rng)
                seen.add(who)
                sid = len(members) + 1
                members.append({"id": sid, "name": who, "group_id": gid, "title": titles[min(k, 3)],
                                "phone": synthetic.mobile(rng), "closed_loop": duty != "security" or k < 2,
                                "retired_on": None, "version": 1})  # fmt: skip
                by_group.setdefault(gid, []).append(sid)
        self._bulk(StaffMember, members)
        slots: list[dict[str, Any]] = []
        security = next((gid for gid, duty in groups if duty == "security"), None)
        for back in range(14, -8, -1):
            day = self.today - timedelta(days=back)
            for gid, _duty in groups:
                crew = by_group[gid]
                for j, (shift_id, _name) in enumerate(shift_rows):
                    if back == -1 and gid == security and j == len(shift_rows) - 1:
                        continue  # tomorrow night: nobody of security yet
                    on = crew[(day.toordinal() * len(shift_rows) + j) % len(crew)]
                    slots.append({"staff_id": on, "day": day, "shift_id": shift_id, "user_id": self.user.id})
        self._bulk(DutySlot, slots)
        readings: list[dict[str, Any]] = []
        closed_loop = [m for m in members if m["closed_loop"]]
        for back in range(14, -1, -1):
            day = self.today - timedelta(days=back)
            for slot, hour in ((Slot.MORNING, 7), (Slot.EVENING, 19)):
                for m in closed_loop:
                    at = self.at(day, hour, rng.randrange(50))
                    if at > self.now:
                        continue
                    fever = back == 0 and slot is Slot.MORNING and m is closed_loop[3]
                    readings.append({"staff_id": m["id"], "day": day, "slot": slot, "user_id": self.user.id,
                                     "temperature": 37.5 if fever else round(rng.uniform(36.0, 36.9), 1),
                                     "taken_at": at, "symptoms": "嗓子不舒服" if fever else "",
                                     "alert_state": AlertState.OPEN if fever else None, "alert_closed_at": None,
                                     "alert_note": "", "version": 1})  # fmt: skip
        self._bulk(StaffReading, readings)

    def _followups(self) -> None:
        """The follow-up calls of the released people's home monitoring, on the site's call days up to now:
        now and then nobody answers first; a few answers are abnormal, most of those dealt with since."""
        rng = random.Random(self.seed * 104729 + 3)  # a stream of its own: the rest of the site is as it was
        callers = ("回访组 李医生", "回访组 王护士", "前台 赵")
        rows: list[dict[str, Any]] = []
        for stay in self.stays:
            if stay.kind is not DepartureKind.RELEASED or stay.departed_at is None or stay.home_until is None:
                continue
            released = stay.departed_at.astimezone(self.tz).date()
            days = (stay.home_until - stay.planned_release).days + 1
            tests = set(self.rules[stay.category].home_swab_day_list)
            for k in sorted({1, 3, days} & set(range(1, days + 1))):
                at = self.at(released + timedelta(days=k - 1), rng.randrange(10, 17), rng.randrange(60))
                if at > self.now:
                    continue
                base = {"stay_id": stay.id, "home_day": k, "symptoms": "", "note": "", "version": 1,
                        "user_id": self.user.id, "alert_closed_at": None, "alert_note": ""}  # fmt: skip
                if rng.random() < 0.1:
                    rows.append({**base, "called_at": at - timedelta(hours=2), "reached": False, "temperature": None,
                                 "home_test": None, "called_by": rng.choice(callers), "abnormal": False,
                                 "alert_state": None, "note": "无人接听"})  # fmt: skip
                abnormal = rng.random() < 0.02
                closed = abnormal and rng.random() < 0.7
                rows.append({**base, "called_at": at, "reached": True,
                             "temperature": round(rng.uniform(37.4, 38.2) if abnormal else rng.uniform(36.1, 36.9), 1),
                             "symptoms": "fever" if abnormal else "",
                             "home_test": HomeTest.NEGATIVE if k in tests else HomeTest.NOT_DUE,
                             "called_by": rng.choice(callers), "abnormal": abnormal,
                             "alert_state": (AlertState.CLOSED if closed else AlertState.OPEN) if abnormal else None,
                             "alert_closed_at": at + timedelta(hours=1) if closed else None,
                             "alert_note": "已报告接收社区，指导就近发热门诊就诊" if closed else ""})  # fmt: skip
        self._bulk(FollowUp, rows)

    def _reset_sequences(self) -> None:
        if self.s.get_bind().dialect.name != "postgresql":
            return
        for table in (
            "person",
            "stay",
            "observation",
            "fever_alert",
            "swab_test",
            "room_event",
            "stay_date_change",
            "room",
            "audit_entry",
            "follow_up",
            "planned_batch",
            "public_area",
            "area_round",
            "supply_item",
            "supply_move",
            "care_request",
            "staff_member",
            "duty_slot",
            "staff_reading",
        ):
            self.s.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" COALESCE((SELECT max(id) FROM {table}), 1))"
                )
            )
        self.s.commit()


def _swab_row(
    stay_id: int,
    day: int,
    when: date,
    *,
    sampled: datetime | None = None,
    lab: str | None = None,
    result: SwabResult | None = None,
    result_at: datetime | None = None,
) -> dict[str, Any]:
    return {
        "stay_id": stay_id,
        "planned_day": day,
        "planned_date": when,
        "sampled_at": sampled,
        "sampled_by": "采样组" if sampled else None,
        "lab": lab,
        "result": result,
        "result_at": result_at,
        "version": 1,
    }


def summarise(session: Session) -> DemoSummary:
    def n(q: Any) -> int:
        return session.scalar(q) or 0

    by_state = {
        str(state.value if hasattr(state, "value") else state): c
        for state, c in session.execute(select(Room.state, func.count()).group_by(Room.state).order_by(Room.state))
    }
    return DemoSummary(
        rooms=n(select(func.count()).select_from(Room)),
        rooms_by_state=by_state,
        stays=n(select(func.count()).select_from(Stay)),
        present=n(select(func.count()).select_from(Stay).where(Stay.departed_at.is_(None))),
        readings=n(select(func.count()).select_from(Observation)),
        swabs=n(select(func.count()).select_from(SwabTest)),
        open_alerts=n(select(func.count()).select_from(FeverAlert).where(FeverAlert.state == AlertState.OPEN)),
    )
