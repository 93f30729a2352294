"""The occupant list: search as you type, filters, sorting and paging, as plain rows.

Search text is read the way a desk user types it:
- digits: a room number (its start); an ID number or phone in full, or by its last four characters, the
  ones its mask shows anyway: any other length never matches an identifier, so extending a guess one
  character at a time reconstructs nothing. A search by a full identifier is recorded, masked
  (``count_occupants`` records it for the acting user: the list calls it once per new search);
- Latin letters: pinyin of the name, in full or as initials (张三 ← "zhangsan", "zs");
- anything else: part of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, union
from sqlalchemy.orm import Session

from models.errors import Notice, coded
from models.reads.identifiers import identifier_condition, identifier_kind
from models.rules.identity import fold_width, mask_id, mask_phone
from models.rules.search_keys import NAME, NAME_PIECE, PINYIN, PREFIX_END, normal
from models.services.lab_import import ct_parts
from models.store.id_lists import among
from models.store.orm import (
    AlertState,
    Building,
    Category,
    DepartureKind,
    FeverAlert,
    Floor,
    Person,
    PersonKey,
    Room,
    Sex,
    Stay,
    User,
)


@dataclass
class OccupantFilter:
    text: str = ""
    present_only: bool = True
    category: str | None = None
    building_id: int | None = None
    floor_id: int | None = None
    release_from: date | None = None
    release_to: date | None = None
    state: str | None = None  # "fever" (present, fever alert open), or a departure kind ("released", …)
    arrived_on: date | None = None  # arrived on that day of the site (its time zone): 今日入住 with the site's today


@dataclass(frozen=True)
class OccupantRow:
    stay_id: int
    person_id: int
    name: str
    sex: Sex
    birth_date: date | None
    doc_masked: str
    phone_masked: str
    category: str
    category_zh: str
    category_en: str
    building: str
    floor: str
    room: str
    arrival_day: date
    day_one: date
    planned_release: date
    departed_at: datetime | None
    departure_kind: DepartureKind | None
    fever: bool

    def day_n(self, today: date) -> int:
        return (today - self.day_one).days + 1

    @property
    def days_total(self) -> int:
        return (self.planned_release - self.day_one).days


SORT_KEYS = {
    "room": (Building.sort, Floor.sort, Room.sort, Stay.bed),
    "name": (Person.name_pinyin,),
    "arrival": (Stay.arrived_at,),
    "release": (Stay.planned_release,),
    "category": (Stay.category_code,),
    "departed": (Stay.departed_at,),
}


def _text_condition(text: str, present_only: bool = False) -> ColumnElement[bool] | None:
    t = fold_width(text).strip()
    if not t:
        return None
    if re.fullmatch(r"\d+[xX]?", t):
        # each side the stays its own index finds (ix_stay_room, ix_stay_person), united: no scan of the stays
        # (PostgreSQL cannot take an OR of two IN (subquery) by index)
        by_room = Stay.room_id.in_(select(Room.id).where(Room.number.like(f"{t}%")))
        by_identifier = identifier_condition(t)
        if by_identifier is None:
            return by_room
        by_person = Stay.person_id.in_(select(Person.id).where(by_identifier))
        return Stay.id.in_(union(select(Stay.id).where(by_room), select(Stay.id).where(by_person)))
    if re.fullmatch(r"[A-Za-z' ]+", t):
        p = t.lower().replace(" ", "").replace("'", "")
        begins = (PersonKey.key >= PINYIN + p) & (PersonKey.key < PINYIN + p + PREFIX_END)
        if len(normal(t)) <= NAME_PIECE:  # a reading it begins, or a piece of the name: one look at the keys
            return _keyed(or_(begins, _piece_key(t)), present_only)
        return or_(_keyed(begins, present_only), _name_holds(t, present_only))
    return _name_holds(t, present_only)


def _keyed(key: ColumnElement[bool], present_only: bool) -> ColumnElement[bool]:
    """The stays of the people with a key matching ``key``. Among the people present (a few thousand at
    most) each one's keys are probed (ix_person_key_person); among everyone who ever stayed the matching
    keys are read first (the key's index range) and their stays looked up."""
    if present_only:
        return select(PersonKey.person_id).where(PersonKey.person_id == Stay.person_id, key).exists()
    return Stay.person_id.in_(select(PersonKey.person_id).where(key))


def _piece_key(text: str) -> ColumnElement[bool]:
    """The name holds ``text`` (up to its first NAME_PIECE characters): by the index of its pieces."""
    return PersonKey.key == NAME + normal(text)[:NAME_PIECE]


def _name_holds(text: str, present_only: bool) -> ColumnElement[bool]:
    """The name holds ``text``: by the key of its first NAME_PIECE characters, never a scan of every person;
    a longer text is then checked against the whole name of the few people that key found."""
    t = normal(text)
    found = _keyed(_piece_key(t), present_only)
    return found if len(t) <= NAME_PIECE else found & func.lower(Person.name).contains(t, autoescape=True)


def _fever_open() -> ColumnElement[bool]:
    """The stay has an open fever alert (a column of the list, and the "fever" state's condition)."""
    return select(FeverAlert.id).where(FeverAlert.stay_id == Stay.id, FeverAlert.state == AlertState.OPEN).exists()


def _query(f: OccupantFilter) -> Select:
    fever = _fever_open()
    q = (
        select(
            Stay.id,
            Person.id,
            Person.name,
            Person.sex,
            Person.birth_date,
            Person.doc_number,
            Person.phone,
            Stay.category_code,
            Category.name_zh,
            Category.name_en,
            Building.name,
            Floor.name,
            Room.number,
            Stay.arrival_day,
            Stay.day_one,
            Stay.planned_release,
            Stay.departed_at,
            Stay.departure_kind,
            fever.label("fever"),
        )
        .join(Person, Stay.person_id == Person.id)
        .join(Category, Stay.category_code == Category.code)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
    )
    conds = _conditions(f)
    return q.where(and_(*conds)) if conds else q


def _ids(f: OccupantFilter) -> Select:
    """The ids of the stays the filter matches, with only the joins its conditions need (counting a search
    looks up no person, room or building it does not test)."""
    q = select(Stay.id)
    if len(normal(f.text)) > NAME_PIECE:  # a long text is checked against the whole name
        q = q.join(Person, Stay.person_id == Person.id)
    if f.floor_id is not None or f.building_id is not None:
        q = q.join(Room, Stay.room_id == Room.id)
    if f.building_id is not None:
        q = q.join(Floor, Room.floor_id == Floor.id)
    conds = _conditions(f)
    return q.where(and_(*conds)) if conds else q


def _conditions(f: OccupantFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.present_only:
        conds.append(Stay.departed_at.is_(None))
    if f.category:
        conds.append(Stay.category_code == f.category)
    if f.building_id is not None:
        conds.append(Floor.building_id == f.building_id)
    if f.floor_id is not None:
        conds.append(Room.floor_id == f.floor_id)
    if f.release_from is not None:
        conds.append(Stay.planned_release >= f.release_from)
    if f.release_to is not None:
        conds.append(Stay.planned_release <= f.release_to)
    if f.arrived_on is not None:
        conds.append(Stay.arrival_day == f.arrived_on)  # the arrival's day where the site is, stored with it
    if f.state == "fever":
        conds += [Stay.departed_at.is_(None), _fever_open()]
    elif f.state == "transferred":
        conds.append(Stay.departure_kind.in_([DepartureKind.TO_HOSPITAL, DepartureKind.TO_OTHER_SITE,
                                              DepartureKind.HOME_ISOLATION]))  # fmt: skip
    elif f.state:
        conds.append(Stay.departure_kind == DepartureKind(f.state))
    text = _text_condition(f.text, f.present_only)
    if text is not None:
        conds.append(text)
    return conds


SEARCH_CAP = 500  # matches counted for a typed key: past it, the key is broad and the list stops early


def is_search(f: OccupantFilter) -> bool:
    return bool(fold_width(f.text).strip())


def count_occupants(session: Session, f: OccupantFilter, *, actor: User | None) -> int:
    """How many rows the filter matches; for a typed key at most ``SEARCH_CAP + 1`` (more than the cap: a
    broad key, "z" among everyone who ever stayed, is not counted to its end on every keystroke). A search
    by a full ID number or phone is recorded for ``actor``."""
    q = _ids(f)
    if is_search(f):
        q = q.limit(SEARCH_CAP + 1)
    found = session.scalar(select(func.count()).select_from(q.subquery())) or 0
    _record_identifier_search(session, f, actor, found)
    return found


def _record_identifier_search(session: Session, f: OccupantFilter, actor: User | None, found: int) -> None:
    kind = identifier_kind(f.text)
    if kind is not None:
        from models.services.disclosure import record_search

        value = fold_width(f.text).strip().upper()
        session.rollback()  # the read ends: the record opens its own write transaction
        record_search(session, actor, kind, mask_id(value) if kind == "doc" else mask_phone(value), found)


def first_page(
    session: Session,
    f: OccupantFilter,
    *,
    actor: User | None,
    sort: str = "room",
    descending: bool = False,
    limit: int = 200,
) -> tuple[int, list[OccupantRow]]:
    """How many rows the filter matches (:func:`count_occupants`, a search recorded as there) and the first
    page of them (:func:`list_occupants`; a broad key: the first found). For a typed key the matching ids are
    found once, up to the cap, and the page read by those ids: the key's condition is not asked twice, once
    to count and once to list, at every keystroke."""
    if not is_search(f):
        total = count_occupants(session, f, actor=actor)
        return total, list_occupants(session, f, sort=sort, descending=descending, limit=limit)
    ids = list(session.scalars(_ids(f).limit(SEARCH_CAP + 1)))
    _record_identifier_search(session, f, actor, len(ids))
    if not ids:
        return 0, []
    shown = ids[:limit] if len(ids) > SEARCH_CAP else ids  # a broad key: the first found, in the list's order
    q = _query(OccupantFilter(present_only=False)).where(among(session, Stay.id, shown))
    return len(ids), _rows(session, q, sort, descending, 0, limit)


def list_occupants(
    session: Session,
    f: OccupantFilter,
    *,
    sort: str = "room",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
    first_found: bool = False,
) -> list[OccupantRow]:
    """One page of the list: one query, IDs and phones masked. ``first_found`` (a broad key, more matches
    than ``SEARCH_CAP``): the first ``limit`` matches the indexes give, in the list's order, instead of
    the first ``limit`` of every match sorted (the early stop: the rest are neither read nor sorted)."""
    q = _query(f)
    if is_search(f):
        # the ids first, by the search's own indexes (and with only its joins), then the rows of those ids:
        # else PostgreSQL's planner hashes the stays and scans every person to join them
        found = _ids(f).limit(limit) if first_found else _ids(f)
        q = _query(OccupantFilter(present_only=False)).where(Stay.id.in_(select(found.subquery().c.id)))
        offset = 0 if first_found else offset
    return _rows(session, q, sort, descending, offset, limit)


def _rows(session: Session, q: Select, sort: str, descending: bool, offset: int, limit: int) -> list[OccupantRow]:
    keys = SORT_KEYS[sort]
    order = [k.desc() if descending else k.asc() for k in keys] + [Stay.id]
    rows = session.execute(q.order_by(*order).offset(offset).limit(limit))
    # every column by index: mypy cannot count the arguments that follow a *slice of a 19-column row
    return [
        OccupantRow(r[0], r[1], r[2], r[3], r[4], mask_id(r[5]), mask_phone(r[6]), r[7], r[8], r[9], r[10], r[11],
                    r[12], r[13], r[14], r[15], r[16], r[17], bool(r[18]))
        for r in rows
    ]  # fmt: skip


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    kind: str  # arrival / room_change / release_date / reading / fever / swab / departure
    text_zh: str
    text_en: str


def _event(at: datetime, kind: str, message: str, **params: object) -> TimelineEvent:
    """A line of the timeline in both languages, from the catalogue (models/errors.py ``tl_*``): its codes
    (a swab's result, how a person left) said as words."""
    said = Notice(message, **params)
    return TimelineEvent(at, kind, said.zh, said.en)


@dataclass(frozen=True)
class StayDetail:
    stay_id: int
    person_id: int
    name: str
    sex: Sex
    birth_date: date | None
    doc_number: str  # in full: the caller decides whether to show or mask it
    phone: str | None
    origin: str
    address: str
    special_needs: str
    category_zh: str
    category_en: str
    room: str
    arrived_at: datetime
    day_one: date
    planned_release: date
    home_until: date | None
    departed_at: datetime | None
    departure_kind: DepartureKind | None
    readings: list[tuple[date, str, float | None]]  # (day, slot, temperature) first readings, in order
    timeline: list[TimelineEvent]
    threshold: float

    def day_n(self, today: date) -> int:
        return (today - self.day_one).days + 1

    @property
    def days_total(self) -> int:
        return (self.planned_release - self.day_one).days


def stay_detail(session: Session, stay_id: int) -> StayDetail:
    """Everything the detail panel shows for one stay, in a handful of queries."""
    from models.services.sites import get_site
    from models.store.orm import Observation, RoomMove, StayDateChange, SwabTest

    site = get_site(session)
    stay = session.get(Stay, stay_id)
    if stay is None:
        from models.errors import DomainError

        raise DomainError("stay_not_found")
    p = stay.person
    cat = session.get_one(Category, stay.category_code)
    room = session.get_one(Room, stay.room_id)
    floor = session.get_one(Floor, room.floor_id)
    building = session.get_one(Building, floor.building_id)
    events = [_event(stay.arrived_at, "arrival", "tl_arrival", room=room.number)]
    moves = list(session.scalars(select(RoomMove).where(RoomMove.stay_id == stay_id)))
    ids = {m.from_room_id for m in moves} | {m.to_room_id for m in moves}
    rooms = dict(session.execute(select(Room.id, Room.number).where(Room.id.in_(ids))).all()) if ids else {}
    for m in moves:
        a, b = rooms.get(m.from_room_id, "?"), rooms.get(m.to_room_id, "?")
        events.append(_event(m.at, "room_change", "tl_room_change", before=a, after=b, reason=m.reason))
    for c in session.scalars(select(StayDateChange).where(StayDateChange.stay_id == stay_id)):
        events.append(
            _event(c.at, "release_date", "tl_release_date", before=c.old_release, after=c.new_release, reason=c.reason)
        )
    readings: list[tuple[date, str, float | None]] = []
    for o in session.scalars(
        select(Observation).where(Observation.stay_id == stay_id).order_by(Observation.taken_at, Observation.id)
    ):
        if o.recheck_of_id is None:
            readings.append((o.day, o.slot.value, o.temperature))
        if o.temperature is not None and o.temperature >= site.fever_threshold:
            events.append(_event(o.taken_at, "fever", "tl_fever", temperature=o.temperature))
        elif o.recheck_of_id is not None:
            events.append(_event(o.taken_at, "reading", "tl_recheck", temperature=o.temperature))
    for w in session.scalars(select(SwabTest).where(SwabTest.stay_id == stay_id, SwabTest.sampled_at.is_not(None))):
        if w.sampled_at is None:  # not sampled: left out by the query already
            continue
        r = w.result.value if w.result else "pending"
        said = {"day": w.planned_day, "result": coded("swab_result", r)}
        if w.ct_values:  # ORF1ab 36.2 / N 37.5
            said["ct"] = " / ".join(ct_parts(w.ct_values))
        weak = w.weak and r == "positive"  # a corrected result is not the lab's weak one
        message = ("tl_swab_weak" if weak else "tl_swab") + ("_ct" if w.ct_values else "")
        events.append(_event(w.sampled_at, "swab", message, **said))
    if stay.departed_at is not None and stay.departure_kind is not None:
        how = coded("departure", stay.departure_kind.value)
        events.append(_event(stay.departed_at, "departure", "tl_departure", how=how))
    events.sort(key=lambda e: e.at)
    return StayDetail(
        stay.id,
        p.id,
        p.name,
        p.sex,
        p.birth_date,
        p.doc_number,
        p.phone,
        p.origin,
        p.address,
        p.special_needs,
        cat.name_zh,
        cat.name_en,
        f"{building.name} {floor.name} {room.number}",
        stay.arrived_at,
        stay.day_one,
        stay.planned_release,
        stay.home_until,
        stay.departed_at,
        stay.departure_kind,
        readings,
        events,
        float(site.fever_threshold),
    )
