"""Data for the printed forms and the reports: plain records built with a few indexed queries.

``printing/`` turns these into PDF and .xlsx; nothing here knows about paper.
The daily report is the database *as it was* at the end of that day (site time): who was present,
which rooms were occupied, awaiting disinfection or out of service then, from the stays' times and
the rooms' events, so a report printed a week later says what it said on the day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError
from models.reads.sheet_rows import SheetFloor, SheetRow
from models.rules.identity import age_on, mask_id, mask_phone
from models.services.observations import present_before, slot_instant
from models.services.sites import get_site
from models.services.stays import Readiness, release_readiness
from models.store.id_lists import among, id_chunks
from models.store.orm import (
    AuditEntry,
    Building,
    Category,
    CategoryRule,
    Community,
    DepartureKind,
    Floor,
    Observation,
    Person,
    Room,
    RoomEvent,
    RoomEventKind,
    RoomMove,
    RoomState,
    Slot,
    Stay,
    StayDateChange,
    SwabResult,
    SwabTest,
)

TRANSFERS = (DepartureKind.TO_HOSPITAL, DepartureKind.TO_OTHER_SITE, DepartureKind.HOME_ISOLATION)
# the days a report or form can be about: beyond them the instants overflow (0001-01-01 in UTC+8)
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)


_Q = TypeVar("_Q", bound=Select)


def _stay_place(q: _Q) -> _Q:
    """``q`` over stays, joined to each stay's person, category and room with its floor and building."""
    return (
        q.join(Person, Stay.person_id == Person.id)
        .join(Category, Stay.category_code == Category.code)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
    )


def check_day(day: date, *, today: date | None = None) -> date:
    """``day`` if reports can be made for it, else DomainError ``date_out_of_range``; with ``today`` (the
    site's), a later day is refused too (``report_day_future``): a report states what happened, and
    nothing has happened yet on a day to come. Forms for the rounds (the daily sheets) may be printed
    the evening before, so only the daily report passes ``today``."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise DomainError(
            "date_out_of_range", value=day.isoformat(), first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()
        )
    if today is not None and day > today:
        raise DomainError("report_day_future", day=day.isoformat(), today=today.isoformat())
    return day


def _bounds(day: date, tz: str) -> tuple[datetime, datetime]:
    check_day(day)
    start = datetime.combine(day, time(0), ZoneInfo(tz))
    return start, start + timedelta(days=1)


# --- where stays were and what state rooms were in, at an instant --------------------------------------
# ``Stay.room_id`` is the room a stay is in now (or left from); each change of room is a RoomMove; the
# rooms' own story (disinfected, out of service, back in service) is in RoomEvent. The reports and the
# sheets of a past day are rebuilt from these, never from the rooms' state columns (which say *now*).


def _rooms_at(session: Session, where: ColumnElement[bool], instant: datetime) -> dict[int, int]:
    """Stay id -> the room it was in just before ``instant``, for the stays matching ``where``: the
    target of its last move before then, else the origin of its first move after, else ``room_id``."""
    rooms: dict[int, int] = dict(session.execute(select(Stay.id, Stay.room_id).where(where)).all())
    settled: set[int] = set()
    for sid, at, from_room, to_room in session.execute(
        select(RoomMove.stay_id, RoomMove.at, RoomMove.from_room_id, RoomMove.to_room_id)
        # from the moves (a few a day), each stay looked up by its key: not the stays first, every one present
        .where(select(Stay.id).where(Stay.id == RoomMove.stay_id, where).exists())
        .order_by(RoomMove.at, RoomMove.id)
    ):
        if sid in settled:
            continue
        if at < instant:
            rooms[sid] = to_room
        else:
            rooms[sid] = from_room
            settled.add(sid)
    return rooms


@dataclass(frozen=True)
class RoomsAt:
    """The site's rooms at an instant, rebuilt from what happened before it."""

    stay_rooms: dict[int, int]  # every stay present then -> its room then
    occupied: frozenset[int]
    awaiting_disinfection: frozenset[int]  # left by someone (departure or move) since its last disinfection
    out_of_service: frozenset[int]
    left_at: Mapping[int, datetime] = field(default_factory=dict)  # each room awaiting: when it was last left

    def state(self, room_id: int) -> RoomState:
        if room_id in self.occupied:
            return RoomState.OCCUPIED
        if room_id in self.out_of_service:
            return RoomState.OUT_OF_SERVICE
        if room_id in self.awaiting_disinfection:
            return RoomState.AWAITING_DISINFECTION
        return RoomState.AVAILABLE


def rooms_at(session: Session, instant: datetime) -> RoomsAt:
    """Who was in which room, and each room's state, just before ``instant`` (events at or after it do not
    count yet). The same rules as the live state (models/services/rooms.py): a room someone left, by a
    departure or a move, awaits terminal disinfection until one is recorded; a room is out of service
    from its out-of-service event to its back-in-service event."""
    stay_rooms = _rooms_at(session, present_before(instant), instant)
    occupied = frozenset(stay_rooms.values())
    last_service = (
        select(RoomEvent.room_id, func.max(RoomEvent.id).label("last"))
        .where(
            RoomEvent.kind.in_([RoomEventKind.OUT_OF_SERVICE, RoomEventKind.BACK_IN_SERVICE]), RoomEvent.at < instant
        )
        .group_by(RoomEvent.room_id)
        .subquery()
    )
    oos = frozenset(
        session.scalars(
            select(RoomEvent.room_id)
            .join(last_service, RoomEvent.id == last_service.c.last)
            .where(RoomEvent.kind == RoomEventKind.OUT_OF_SERVICE)
        )
    )
    # per room, its last departure, move out and terminal disinfection before then: three index seeks a
    # room (ix_stay_room, ix_room_move_from_at, ix_room_event_room_kind_at), so the time grows with the
    # site's rooms, not with its history
    r = Room.__table__.alias("r")
    last_left = select(func.max(Stay.departed_at)).where(Stay.room_id == r.c.id, Stay.departed_at < instant)
    last_moved = select(func.max(RoomMove.at)).where(RoomMove.from_room_id == r.c.id, RoomMove.at < instant)
    last_cleaned = select(func.max(RoomEvent.at)).where(
        RoomEvent.room_id == r.c.id, RoomEvent.kind == RoomEventKind.DISINFECTED, RoomEvent.at < instant
    )
    last = select(
        r.c.id.label("room_id"),
        last_left.scalar_subquery().label("left"),
        last_moved.scalar_subquery().label("moved"),
        last_cleaned.scalar_subquery().label("cleaned"),
    ).cte("last_use")
    # materialised: each subquery runs once a room, not once each time the condition names it
    last = last.prefix_with("MATERIALIZED")
    left_since = (last.c.left.is_not(None) & (last.c.cleaned.is_(None) | (last.c.cleaned < last.c.left))) | (
        last.c.moved.is_not(None) & (last.c.cleaned.is_(None) | (last.c.cleaned < last.c.moved))
    )
    left_at = {
        rid: max(t for t in (left, moved) if t is not None)
        for rid, left, moved in session.execute(select(last.c.room_id, last.c.left, last.c.moved).where(left_since))
        if rid not in occupied and rid not in oos
    }
    return RoomsAt(stay_rooms, occupied, frozenset(left_at), oos - occupied, left_at)


# --- daily observation sheets -------------------------------------------------------------------------


def sheet_floors(session: Session, day: date, floor_id: int | None = None) -> list[SheetFloor]:
    """The daily observation sheets of ``day``: every floor (or one), its people in room order, its empty rooms.

    Who is on the sheet of day D: everyone at the site at some moment from D's morning round (08:00,
    ``SLOT_TIMES``) to the end of D, that is arrived before midnight and not gone before the morning
    round. So someone released at 07:30 is not on the sheet (no round found them), while someone
    released at 10:00 is, with the time they left: the morning round measured them, and the sheet of
    a past day is the record of that day's rounds. Tomorrow's sheet, printed the evening before,
    lists who is here now. The planned release date is the one in force at the end of D (later
    changes undone from StayDateChange); on the release date itself the day column says so rather
    than "day 8 of 7" (``SheetRow.release_day``), and a stay kept past it counts its overdue days.

    Each person appears once, in the room they were in at the end of D (or when they left), with
    the room they moved out of that day if they moved; empty rooms are those not occupied at the
    end of D, with their state then. A day counts by the site's clock (its time zone). The swab mark
    (● due that day) comes from the swab plan; an unsampled swab is removed from it when the stay leaves
    or its release date moves, so a past day's sheet may lack the mark of a swab that was never taken."""
    site = get_site(session)
    zone = ZoneInfo(site.timezone)
    start, end = _bounds(day, site.timezone)
    morning = slot_instant(day, Slot.MORNING, site.timezone)
    on_sheet = (Stay.arrived_at < end) & (Stay.departed_at.is_(None) | (Stay.departed_at > morning))
    rooms: dict[int, tuple[str, int, tuple[int, int, int, int]]] = {}  # room -> (number, floor, order)
    floors: dict[int, SheetFloor] = {}
    labels: dict[int, str] = {}
    for rid, number, rsort, fid, fname, fsort, bname, bsort in session.execute(
        select(Room.id, Room.number, Room.sort, Floor.id, Floor.name, Floor.sort, Building.name, Building.sort)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .order_by(Building.sort, Floor.sort, Room.sort, Room.id)
    ):  # every room, also on a one-floor sheet: someone may have moved in from another floor
        rooms[rid] = (number, fid, (bsort, fsort, rsort, rid))
        labels[fid] = f"{bname} {fname}"
        if floor_id is None or fid == floor_id:
            floors.setdefault(fid, SheetFloor(fid, f"{bname} {fname}", building=bname, floor=fname))
    stay_room = _rooms_at(session, on_sheet, end)
    moved: dict[int, tuple[datetime, int]] = {}  # stay -> (its first move that day, the room it left)
    for sid, at, from_room in session.execute(
        select(RoomMove.stay_id, RoomMove.at, RoomMove.from_room_id)
        .join(Stay, RoomMove.stay_id == Stay.id)
        .where(on_sheet, RoomMove.at >= start, RoomMove.at < end)
        .order_by(RoomMove.at, RoomMove.id)
    ):
        moved.setdefault(sid, (at, from_room))  # the first: the room the morning round found them in
    release_then: dict[int, date] = {}
    for sid, old in session.execute(
        select(StayDateChange.stay_id, StayDateChange.old_release)
        .join(Stay, StayDateChange.stay_id == Stay.id)
        .where(on_sheet, StayDateChange.at >= end)
        .order_by(StayDateChange.at, StayDateChange.id)
    ):
        release_then.setdefault(sid, old)  # the first change after the day undoes all the later ones
    swab_due = set(
        session.scalars(
            select(SwabTest.stay_id)
            .join(Stay, SwabTest.stay_id == Stay.id)
            .where(on_sheet, SwabTest.planned_date == day)
        )
    )
    listed: list[tuple[tuple[int, int, int, int], int, int, SheetRow]] = []
    for sid, bed, day_one, planned, departed, kind, sex, birth, name in session.execute(
        select(
            Stay.id,
            Stay.bed,
            Stay.day_one,
            Stay.planned_release,
            Stay.departed_at,
            Stay.departure_kind,
            Person.sex,
            Person.birth_date,
            Person.name,
        )
        .join(Person, Stay.person_id == Person.id)
        .where(on_sheet)
    ):
        number, fid, order = rooms[stay_room[sid]]
        if fid not in floors:
            continue  # on another floor that day
        release = release_then.get(sid, planned)
        gone = departed is not None and departed < end
        move = moved.get(sid)
        moved_from = ""
        if move is not None:
            from_number, from_floor, _ = rooms[move[1]]
            moved_from = from_number if from_floor == fid else f"{labels[from_floor]} {from_number}"
        row = SheetRow(
            sid,
            number,
            name,
            sex.value if sex else "",
            age_on(birth, day),
            (day - day_one).days + 1,
            (release - day_one).days,
            release,
            sid in swab_due,
            bed,
            departed.astimezone(zone) if gone and departed is not None else None,
            kind.value if gone and kind is not None else "",
            moved_from,
            move[0].astimezone(zone) if move is not None else None,
        )
        listed.append((order, bed, fid, row))
    listed.sort(key=lambda x: (x[0], x[1], x[3].stay_id))
    for _order, _bed, fid, row in listed:
        floors[fid].rows.append(row)
    state = rooms_at(session, end)
    retired = set(session.scalars(select(Room.id).where(Room.retired_on <= day)))  # no longer a room that day
    for rid, (number, fid, _order) in rooms.items():
        if fid in floors and rid not in state.occupied and rid not in retired:
            floors[fid].empty_rooms.append((number, state.state(rid).value))
    return list(floors.values())


# --- one person's forms -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SwabLine:
    """One scheduled swab of a stay, as the release notice lists it."""

    day_n: int  # day N of the stay it was planned for
    planned: date
    sampled_on: date | None  # site-local date of sampling; None: not sampled
    result: str  # negative / positive / pending, or "" (not sampled)


@dataclass(frozen=True)
class Reading:
    """One observation of a stay, as the temperature record prints and draws it."""

    taken_at: datetime  # site time, when it was measured: the chart places it by this
    day: date  # the round's calendar day (site time)
    slot: str  # "am" / "pm": the round
    temperature: float | None  # None: not measured (``not_measured``)
    recheck: bool = False  # a re-measurement (复测) of an earlier reading of the round
    not_measured: str = ""  # why there is no value: a code (models.reads.rounds.not_measured_label shows it)


@dataclass(frozen=True)
class PersonForm:
    """One stay and its person, for the per-person forms.

    Dates: ``planned_release`` is the day the person *leaves* the site (day 1 + D for D days
    centralized, see models/rules/schedule.py); the last day of isolation is the day before. The forms
    print that one date as the release date (解除日期) and nothing else as an end date. ``release_on`` is
    that day for this stay as it really is: the day of departure once the stay has ended, else the planned
    release (or the day checked, ``release_check``, when the release is overdue). Home health monitoring
    starts on the release day and lasts ``home_days`` days (the rule set's ``days_home``, which
    ``home_until`` keeps: home_until = release + days_home - 1)."""

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
    swabs: tuple[SwabLine, ...] = ()  # every swab of the stay, in day order
    release_on: date | None = None  # always set by person_forms: see the class docstring
    home_days: int = 0
    departure_kind: str = ""  # DepartureKind value once the stay has ended, else ""
    destination: str = ""  # where the person went, as recorded at departure, else ""
    release_override: str = ""  # a release done although not ready: the reason given (stays.release)
    readiness: Readiness | None = None  # with release_check, for a present stay: release_readiness then
    # the registration form and the temperature record
    emergency_contact: str = ""  # the person's, as entered at arrival
    emergency_phone: str = ""
    person_notes: str = ""  # the person's notes (the arrival's): ``notes`` are the stay's
    registered_on: date | None = None  # site day the stay was registered (its check-in entry), else arrival day
    observations: tuple[Reading, ...] = ()  # with_readings: every reading, rechecks included, by time
    home_isolation_days: int = 0  # the first of the home days spent in home isolation (居家隔离), by the rule
    community: str = ""  # the receiving street and community recorded at release, else ""


def person_forms(
    session: Session, stay_ids: list[int], *, with_readings: bool = False, release_check: date | None = None
) -> list[PersonForm]:
    """The forms' data of these stays, in the order given. ``release_check``: also say, for each stay still
    present, whether it may be released on that day (``models.services.stays.release_readiness``, the
    rules the release itself applies: a few queries per stay, for the release notices only)."""
    site = get_site(session)
    zone = ZoneInfo(site.timezone)
    out: list[PersonForm] = []
    for chunk in id_chunks(session, stay_ids):
        rows = session.execute(
            _stay_place(
                select(Stay, Person, Room.number, Floor.name, Building.name, Category.name_zh, Category.name_en)
            ).where(among(session, Stay.id, chunk))
        ).all()
        last_swab: dict[int, SwabResult | None] = {}
        swabs: dict[int, list[SwabLine]] = {}
        for sid, n, planned, sampled, result in session.execute(
            select(SwabTest.stay_id, SwabTest.planned_day, SwabTest.planned_date, SwabTest.sampled_at, SwabTest.result)
            .where(among(session, SwabTest.stay_id, chunk))
            .order_by(SwabTest.stay_id, SwabTest.planned_day, SwabTest.id)
        ):
            on = sampled.astimezone(zone).date() if sampled else None
            swabs.setdefault(sid, []).append(SwabLine(n, planned, on, result.value if result else ""))
            if sampled is not None:
                last_swab[sid] = result
        companions: dict[int, list[str]] = {}
        for lead, name in session.execute(
            select(Stay.shares_with_id, Person.name)
            .join(Person, Stay.person_id == Person.id)
            .where(among(session, Stay.shares_with_id, chunk), Stay.departed_at.is_(None))
        ):
            if lead is not None:  # always: it is in the chunk
                companions.setdefault(lead, []).append(name)
        readings: dict[int, list[tuple[datetime, float | None, str]]] = {}
        observations: dict[int, list[Reading]] = {}
        if with_readings:
            for sid, at, temp, slot, on, recheck_of, reason in session.execute(
                select(
                    Observation.stay_id,
                    Observation.taken_at,
                    Observation.temperature,
                    Observation.slot,
                    Observation.day,
                    Observation.recheck_of_id,
                    Observation.not_measured_reason,
                )
                .where(among(session, Observation.stay_id, chunk))
                .order_by(Observation.taken_at, Observation.id)
            ):
                local_at, code = at.astimezone(zone), "am" if slot is Slot.MORNING else "pm"
                readings.setdefault(sid, []).append((local_at, temp, code))
                observations.setdefault(sid, []).append(
                    Reading(local_at, on, code, temp, recheck_of is not None, reason or "")
                )
        isolation_days = {
            (rs_id, code): days
            for rs_id, code, days in session.execute(
                select(CategoryRule.rule_set_id, CategoryRule.category_code, CategoryRule.days_home_isolation).where(
                    CategoryRule.rule_set_id.in_({row[0].rule_set_id for row in rows})
                )
            )
        }
        registered: dict[int, date] = {}
        for entry_stay, at in session.execute(
            select(AuditEntry.entity_id, func.min(AuditEntry.at))
            .where(
                AuditEntry.entity == "stay",
                AuditEntry.action == "stay.check_in",
                among(session, AuditEntry.entity_id, chunk),
            )
            .group_by(AuditEntry.entity_id)
        ):
            if entry_stay is not None and at is not None:  # always: the entries asked for
                registered[entry_stay] = at.astimezone(zone).date()
        by_id = {r[0].id: r for r in rows}
        wanted = [r[0].community_id for r in rows if r[0].community_id is not None]
        communities: dict[int, str] = {}
        if wanted:  # the receiving communities named at release, for the notices' community line
            communities = {c.id: c.label for c in session.scalars(select(Community).where(Community.id.in_(wanted)))}
        for sid in chunk:
            if sid not in by_id:
                raise DomainError("stay_not_found")
            stay, person, number, fname, bname, cat_zh, cat_en = by_id[sid]
            result = last_swab.get(sid)
            if stay.departed_at is not None:
                release_on = stay.departed_at.astimezone(zone).date()
            else:
                release_on = max(stay.planned_release, release_check or stay.planned_release)
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
                    tuple(swabs.get(sid, [])),
                    release_on,
                    (stay.home_until - stay.planned_release).days + 1 if stay.home_until else 0,
                    stay.departure_kind.value if stay.departure_kind else "",
                    stay.departure_destination or "",
                    stay.release_override or "",
                    release_readiness(session, stay, release_check)
                    if release_check is not None and stay.departed_at is None
                    else None,
                    emergency_contact=person.emergency_contact or "",
                    emergency_phone=person.emergency_phone or "",
                    person_notes=person.notes or "",
                    registered_on=registered.get(sid, stay.arrival_day),
                    observations=tuple(observations.get(sid, [])),
                    home_isolation_days=isolation_days.get((stay.rule_set_id, stay.category_code), 0),
                    community=communities.get(stay.community_id, "") if stay.community_id else "",
                )
            )
    return out


def releases_on(session: Session, day: date) -> list[int]:
    """The batch of a day's release notices, in room order: the stays released on ``day`` (site time,
    whatever their planned date) and those still present whose planned release is ``day``. Whether each may
    be released is the notice's to say (``person_forms(release_check=day)``). An overdue stay (planned
    earlier, still present) is printed on its own, from the occupant's page."""
    start, end = _bounds(day, get_site(session).timezone)
    due = Stay.departed_at.is_(None) & (Stay.planned_release == day)
    released = (Stay.departure_kind == DepartureKind.RELEASED) & (Stay.departed_at >= start) & (Stay.departed_at < end)
    return list(
        session.scalars(
            select(Stay.id)
            .join(Room, Stay.room_id == Room.id)
            .join(Floor, Room.floor_id == Floor.id)
            .join(Building, Floor.building_id == Building.id)
            .where(due | released)
            .order_by(Building.sort, Floor.sort, Room.sort, Stay.bed, Stay.id)
        )
    )


def arrivals_on(session: Session, day: date) -> list[int]:
    """The stays that arrived on ``day`` (site time), in room order: a day's hand-over list by default."""
    start, end = _bounds(day, get_site(session).timezone)
    return list(
        session.scalars(
            select(Stay.id)
            .join(Room, Stay.room_id == Room.id)
            .join(Floor, Room.floor_id == Floor.id)
            .join(Building, Floor.building_id == Building.id)
            .where(Stay.arrived_at >= start, Stay.arrived_at < end)
            .order_by(Building.sort, Floor.sort, Room.sort, Stay.bed, Stay.id)
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
class CategoryCount:
    """One line of the report's people by category (人员类别)."""

    code: str
    name_zh: str
    name_en: str
    present: int  # at the end of the day
    arrivals: int  # that day

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass(frozen=True)
class CommunityCount:
    """One line of the report's releases by receiving community (接收街道/社区); ``community`` "" for the
    releases with none recorded."""

    community: str
    releases: int


def releases_by_community(session: Session, start: datetime, end: datetime) -> tuple[CommunityCount, ...]:
    """The releases from ``start`` to ``end`` per receiving community, in the pinyin order of the
    community's street and name, the releases with none recorded last."""
    query = (
        select(Stay.community_id, func.count())
        .where(Stay.departure_kind == DepartureKind.RELEASED, Stay.departed_at >= start, Stay.departed_at < end)
        .group_by(Stay.community_id)
    )
    counts: dict[int | None, int] = dict(session.execute(query).all())  # (a Result has keys(): not a mapping)
    named = session.scalars(select(Community).where(Community.id.in_([k for k in counts if k is not None])))
    out = [CommunityCount(c.label, counts[c.id]) for c in sorted(named, key=lambda c: c.order)]
    if None in counts:
        out.append(CommunityCount("", counts[None]))
    return tuple(out)


@dataclass(frozen=True)
class SupplyLine:
    """One item of the report's supplies line (物资): its stock at the report's time, the days it lasts."""

    name: str
    unit: str
    stock: int
    days_left: float | None
    low: bool


def supply_lines(session: Session, day: date, at: datetime, *, day_over: bool) -> tuple[SupplyLine, ...]:
    """The stock at ``at``: the report time, or (``day_over``) the day's end, what came before midnight; the
    items kept that day (one retired since is still in a past day's report)."""
    from models.reads.supplies import stock_rows

    rows = [r for r in stock_rows(session, at, before=day_over, with_retired=True)
            if r.retired_on is None or r.retired_on > day]  # fmt: skip
    return tuple(SupplyLine(r.name, r.unit, r.stock, r.days_left, r.low) for r in rows)


@dataclass(frozen=True)
class DailyReport:
    """日报表 of one day, as it stood at the end of that day (or, for today, at ``as_of``).

    Every figure is rebuilt from what happened before the end of the day: stays' arrival and departure
    times, room moves, the rooms' disinfection and service events, readings, swabs. So the report of a
    past day says what it said on the evening of that day, whatever happened since; only an entry
    dated back into that day (a transfer or a disinfection recorded afterwards with its real time)
    changes it, because it changes what was true then. ``figures()`` is the report without its times."""

    site: str
    day: date
    rooms_total: int
    occupied: int
    available: int
    awaiting_disinfection: int
    out_of_service: int
    people_present: int
    arrivals: int
    arrivals_cumulative: int
    releases: int
    releases_cumulative: int
    transfers: int  # to hospital + to another site + home isolation
    to_hospital: int
    to_other_site: int
    home_isolation: int
    departed_other: int  # left for another reason
    transfers_cumulative: int
    fevers: int
    swabs_taken: int
    swabs_positive: int
    by_category: tuple[CategoryCount, ...]
    as_of: datetime  # site time the figures stand at: the day's end (24:00), or the report time for today
    made_at: datetime  # site time the report was made
    by_community: tuple[CommunityCount, ...] = ()  # the day's releases per receiving community
    supplies: tuple[SupplyLine, ...] = ()  # the stock at the report's time, when the site reports it

    @property
    def complete(self) -> bool:
        """The day is over: the figures are those at 24:00, not so far."""
        return self.as_of >= datetime.combine(self.day + timedelta(days=1), time(0), self.as_of.tzinfo)

    @property
    def zero(self) -> bool:
        """零报告: nothing to report that day (no arrival, departure of any kind, fever or positive swab);
        a zero report is still sent."""
        return not (
            self.arrivals or self.releases or self.transfers or self.departed_other or self.fevers
            or self.swabs_positive
        )  # fmt: skip

    def figures(self) -> dict[str, object]:
        """The report's content without the times it was made at: equal for the same day, whenever made."""
        d = self.as_dict()
        del d["as_of"], d["made_at"]
        return d

    def as_dict(self) -> dict[str, object]:
        from dataclasses import asdict

        d = asdict(self)
        d["day"] = self.day.isoformat()
        d["as_of"] = self.as_of.isoformat()
        d["made_at"] = self.made_at.isoformat()
        d["by_category"] = [asdict(c) for c in self.by_category]
        d["by_community"] = [asdict(c) for c in self.by_community]
        d["supplies"] = [asdict(c) for c in self.supplies]
        d["zero"] = self.zero
        return d


def daily_report(session: Session, day: date, now: datetime | None = None) -> DailyReport:
    """The daily report of ``day``; a day after the site's today is refused (``report_day_future``).

    Rooms and people are counted as they were at the end of the day: a person in the room they were
    in then (moves count), a room awaiting disinfection when someone left it (departure or move out)
    after its last terminal disinfection, out of service between its out-of-service and back-in-service
    events. Today's report is the day so far (``as_of`` = the report time). Abnormal temperatures are the
    people with a reading of that day at or above the site's fever threshold (as it is set now)."""
    site = get_site(session)
    made = clock.site_now(site.timezone, now)
    check_day(day, today=made.date())
    start, end = _bounds(day, site.timezone)
    in_day = lambda col: (col >= start) & (col < end)  # noqa: E731
    count_if = lambda cond: func.coalesce(func.sum(case((cond, 1), else_=0)), 0)  # noqa: E731
    rooms = rooms_at(session, end)
    rooms_total = int(  # the rooms of that day: one retired later still counts, one retired by then no more
        session.scalar(
            select(func.count()).select_from(Room).where(Room.retired_on.is_(None) | (Room.retired_on > day))
        )
        or 0
    )
    # people by category: present at the end of the day (from the few stays not gone by then), arrived
    # that day (arrival_day), arrived so far (ix_stay_category_arrived alone)
    per = lambda where: dict(  # noqa: E731
        session.execute(select(Stay.category_code, func.count()).where(where).group_by(Stay.category_code)).all()
    )
    here = per(present_before(end))
    arrived = per(Stay.arrival_day == day)
    came = per(Stay.arrived_at < end)
    by_code = {code: (int(here.get(code, 0)), int(arrived.get(code, 0)), int(n)) for code, n in came.items()}
    gone: dict[DepartureKind, tuple[int, int]] = {  # kind -> (that day, up to its end)
        kind: (int(today), int(total))
        for kind, today, total in session.execute(
            select(Stay.departure_kind, count_if(Stay.departed_at >= start), func.count())
            .where(Stay.departed_at < end)
            .group_by(Stay.departure_kind)
        )
        if kind is not None
    }
    categories = tuple(
        CategoryCount(code, zh, en, by_code[code][0], by_code[code][1])
        for code, zh, en in session.execute(
            select(Category.code, Category.name_zh, Category.name_en).order_by(Category.sort, Category.code)
        )
        if code in by_code and any(by_code[code][:2])
    )
    fevers = int(
        session.scalar(
            select(func.count(func.distinct(Observation.stay_id))).where(
                Observation.day == day, Observation.temperature >= site.fever_threshold
            )
        )
        or 0
    )
    taken, positive = session.execute(
        select(
            count_if(in_day(SwabTest.sampled_at)),
            count_if(in_day(SwabTest.result_at) & (SwabTest.result == SwabResult.POSITIVE)),
        ).where(
            (SwabTest.sampled_at >= start) & (SwabTest.sampled_at < end)
            | (SwabTest.result_at >= start) & (SwabTest.result_at < end)
        )
    ).one()
    as_of = min(made, end.astimezone(made.tzinfo))
    today_of = lambda *kinds: sum(gone.get(k, (0, 0))[0] for k in kinds)  # noqa: E731
    up_to = lambda *kinds: sum(gone.get(k, (0, 0))[1] for k in kinds)  # noqa: E731
    return DailyReport(
        site=site.name,
        day=day,
        rooms_total=rooms_total,
        occupied=len(rooms.occupied),
        available=rooms_total - len(rooms.occupied) - len(rooms.awaiting_disinfection) - len(rooms.out_of_service),
        awaiting_disinfection=len(rooms.awaiting_disinfection),
        out_of_service=len(rooms.out_of_service),
        people_present=len(rooms.stay_rooms),
        arrivals=sum(arrived for _here, arrived, _came in by_code.values()),  # arrival_day: the site-local date
        arrivals_cumulative=sum(came for _here, _arrived, came in by_code.values()),
        releases=today_of(DepartureKind.RELEASED),
        releases_cumulative=up_to(DepartureKind.RELEASED),
        transfers=today_of(*TRANSFERS),
        to_hospital=today_of(DepartureKind.TO_HOSPITAL),
        to_other_site=today_of(DepartureKind.TO_OTHER_SITE),
        home_isolation=today_of(DepartureKind.HOME_ISOLATION),
        departed_other=today_of(DepartureKind.OTHER),
        transfers_cumulative=up_to(*TRANSFERS),
        fevers=fevers,
        swabs_taken=int(taken),
        swabs_positive=int(positive),
        by_category=categories,
        as_of=as_of,
        made_at=made,
        by_community=releases_by_community(session, start, end) if today_of(DepartureKind.RELEASED) else (),
        supplies=supply_lines(session, day, as_of, day_over=as_of >= end) if site.report_supplies else (),
    )


# --- disinfection record and ledger ------------------------------------------------------------------


@dataclass(frozen=True)
class DisinfectionRow:
    """One terminal disinfection (终末消毒) of a room, times in site time.

    IsoDesk records a disinfection and its check as one event, the moment the room becomes available
    again (models/services/rooms.py record_disinfection): ``disinfected_at`` is also when the room is
    ready again. The method (喷洒, 擦拭 …) and the contact time (作用时间) are not recorded: the printed
    record leaves them to be filled in by hand, with both signatures."""

    room: str
    previous: str
    left_at: datetime | None  # when the previous occupant left *this* room (departure or move)
    why: str  # how: a DepartureKind value, "moved" (to another room), or ""
    disinfected_at: datetime
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
        select(
            RoomEvent,
            Room.number,
            Floor.name,
            Building.name,
            Person.name,
            Stay.room_id,
            Stay.departed_at,
            Stay.departure_kind,
        )
        .join(Room, RoomEvent.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .outerjoin(Stay, RoomEvent.previous_stay_id == Stay.id)
        .outerjoin(Person, Stay.person_id == Person.id)
        .where(RoomEvent.kind == RoomEventKind.DISINFECTED, RoomEvent.at >= start, RoomEvent.at < end)
        .order_by(RoomEvent.at, RoomEvent.id)
    ).all()
    # a previous occupant who moved out of the room (and maybe left the site later, from another room) left
    # it by that move: the last move out of it before the disinfection, not the departure
    movers = sorted(
        {
            ev.previous_stay_id
            for ev, _n, _f, _b, _p, in_room, *_ in rows
            if ev.previous_stay_id is not None and in_room not in (None, ev.room_id)
        }
    )
    moves: dict[tuple[int, int], list[datetime]] = {}  # (stay, room it moved out of) -> when, in order
    for chunk in id_chunks(session, movers):
        for sid, from_room, at in session.execute(
            select(RoomMove.stay_id, RoomMove.from_room_id, RoomMove.at)
            .where(among(session, RoomMove.stay_id, chunk))
            .order_by(RoomMove.at, RoomMove.id)
        ):
            moves.setdefault((sid, from_room), []).append(at)
    out = []
    for ev, num, f, b, name, in_room, departed, kind in rows:
        left, why = departed, kind.value if kind else ""
        if ev.previous_stay_id is not None and in_room is not None and in_room != ev.room_id:
            earlier = [at for at in moves.get((ev.previous_stay_id, ev.room_id), []) if at <= ev.at]
            left, why = (earlier[-1], "moved") if earlier else (None, "")
        out.append(
            DisinfectionRow(
                f"{b} {f} {num}",
                name or "",
                left.astimezone(zone) if left else None,
                why,
                ev.at.astimezone(zone),
                ev.agent or "",
                ev.concentration or "",
                ev.done_by or "",
                ev.checked_by or "",
            )
        )
    return out


@dataclass(frozen=True)
class LedgerRow:
    """One stay in the people ledger (人员台账). Codes stay codes here (``sex`` "M"/"F", ``departure`` a
    DepartureKind value): the forms translate them; times are site time."""

    name: str
    sex: str
    age: int | None
    doc: str  # masked
    phone: str  # masked
    origin: str
    category: str  # the category's Chinese name
    room: str
    arrived: datetime
    planned_release: date
    departed: datetime | None
    departure: str
    destination: str
    category_en: str = ""


def ledger_rows(session: Session, day_from: date | None = None, day_to: date | None = None) -> list[LedgerRow]:
    """Everyone who stayed (arrived up to ``day_to``, still present or left since ``day_from``)."""
    site = get_site(session)
    zone = ZoneInfo(site.timezone)
    q = select(
        Person.name,
        Person.sex,
        Person.birth_date,
        Person.doc_number,
        Person.phone,
        Person.origin,
        Category.name_zh,
        Category.name_en,
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
    q = _stay_place(q).order_by(Stay.arrived_at, Stay.id)  # columns, not entities: a year's ledger is 100,000 rows
    if day_to is not None:
        q = q.where(Stay.arrived_at < _bounds(day_to, site.timezone)[1])
    if day_from is not None:
        q = q.where(Stay.departed_at.is_(None) | (Stay.departed_at >= _bounds(day_from, site.timezone)[0]))
    out = []
    for (
        name,
        sex,
        birth,
        doc,
        phone,
        origin,
        cat,
        cat_en,
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
                arrived.astimezone(zone),
                release,
                left.astimezone(zone) if left else None,
                kind.value if kind else "",
                dest or "",
                cat_en,
            )
        )
    return out


@dataclass(frozen=True)
class DepartureRow:
    """One stay that ended, for the release ledger (解除隔离台账) and the transfer ledger (转运台账).

    IDs and phones masked, times in site time, ``kind`` a DepartureKind value (the forms translate it).
    ``destination``: where the person went as recorded at departure; for a release, when none was
    recorded, the person's address (the release notice prints the same). Home health monitoring (a
    release) starts on the day of release and lasts the stay's days at home (``home_until`` is counted
    from the planned release), as on the release notice; None when the rule set has none."""

    name: str
    sex: str
    age: int | None
    doc: str  # masked
    phone: str  # masked
    category: str
    category_en: str
    room: str
    arrived: datetime
    departed: datetime
    kind: str
    destination: str
    reason: str  # a transfer's reason; a release done although not ready: the reason for the override
    home_from: date | None = None
    home_to: date | None = None


def _departure_rows(
    session: Session, kinds: tuple[DepartureKind, ...], day_from: date | None, day_to: date | None
) -> list[DepartureRow]:
    site = get_site(session)
    zone = ZoneInfo(site.timezone)
    q = select(
        Person.name,
        Person.sex,
        Person.birth_date,
        Person.doc_number,
        Person.phone,
        Person.address,
        Category.name_zh,
        Category.name_en,
        Building.name,
        Floor.name,
        Room.number,
        Stay.arrived_at,
        Stay.arrival_day,
        Stay.planned_release,
        Stay.home_until,
        Stay.departed_at,
        Stay.departure_kind,
        Stay.departure_destination,
        Stay.departure_reason,
        Stay.release_override,
    )
    q = (
        _stay_place(q)  # a stay that ended is in the room it left
        .where(Stay.departure_kind.in_(kinds), Stay.departed_at.is_not(None))
        .order_by(Stay.departed_at, Stay.id)
    )
    if day_to is not None:
        q = q.where(Stay.departed_at < _bounds(day_to, site.timezone)[1])
    if day_from is not None:
        q = q.where(Stay.departed_at >= _bounds(day_from, site.timezone)[0])
    out = []
    for (
        name,
        sex,
        birth,
        doc,
        phone,
        address,
        cat,
        cat_en,
        b,
        f,
        num,
        arrived,
        arrival_day,
        planned,
        home_until,
        left,
        kind,
        dest,
        reason,
        override,
    ) in session.execute(q).yield_per(5000):
        assert left is not None and kind is not None  # only stays that ended are selected
        released = kind is DepartureKind.RELEASED
        on = left.astimezone(zone).date()
        home_days = (home_until - planned).days + 1 if released and home_until else 0
        out.append(
            DepartureRow(
                name,
                sex.value if sex else "",
                age_on(birth, arrival_day),
                mask_id(doc),
                mask_phone(phone),
                cat,
                cat_en,
                f"{b} {f} {num}",
                arrived.astimezone(zone),
                left.astimezone(zone),
                kind.value,
                dest or (address or "" if released else ""),
                (override if released else reason) or "",
                on if home_days > 0 else None,
                on + timedelta(days=home_days - 1) if home_days > 0 else None,
            )
        )
    return out


def release_ledger_rows(
    session: Session, day_from: date | None = None, day_to: date | None = None
) -> list[DepartureRow]:
    """解除隔离台账: the stays released from ``day_from`` to ``day_to`` (site days; None: no bound), in order."""
    return _departure_rows(session, (DepartureKind.RELEASED,), day_from, day_to)


def transfer_ledger_rows(
    session: Session, day_from: date | None = None, day_to: date | None = None
) -> list[DepartureRow]:
    """转运台账: the stays transferred (to hospital, another site, home isolation) from ``day_from`` to
    ``day_to`` (site days; None: no bound), in order."""
    return _departure_rows(session, TRANSFERS, day_from, day_to)
