"""Registering an arrival: validate, normalise, find the person, check in to a room."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from models import clock
from models.errors import MESSAGES, Coded, DomainError
from models.rules.identity import (
    check_chars,
    hidden_char,
    normalise_doc_number,
    normalise_mobile,
    normalise_name,
    parse_resident_id,
    shown,
)
from models.rules.schedule import compute_dates, local_date
from models.rules.surnames import index_text, readings
from models.services import audit
from models.services.audit import transactional
from models.services.sites import get_site
from models.store import new_ids
from models.store.id_lists import SQLITE_CHUNK, among, id_chunks
from models.store.orm import (
    Base,
    Category,
    CategoryRule,
    CompanionReason,
    DocType,
    Person,
    Room,
    RoomState,
    RuleSet,
    Sex,
    Site,
    Stay,
    SwabTest,
    User,
)

_Row = TypeVar("_Row", Person, Room)

# a time typed a little ahead of the clock (the PC's and the server's clocks differ) is accepted
FUTURE_SLACK = timedelta(minutes=5)
# the window of plausible dates: no arrival or exposure before the first transfer lists (nor after now:
# FUTURE_SLACK), nobody born before 1900 or after today. Year 1 or 9999 is a typing or a file error.
EARLIEST_EVENT = date(2020, 1, 1)
EARLIEST_BIRTH = date(1900, 1, 1)

# the person's text fields, checked the same way on SQLite and PostgreSQL: characters (identity.check_chars)
# and length against the Person column's own String(n) (column_limit)
TEXT_FIELDS = (
    "name",
    "doc_number",
    "phone",
    "address",
    "origin",
    "emergency_contact",
    "emergency_phone",
    "special_needs",
    "notes",
)
STRICT_FIELDS = frozenset({"name", "doc_number", "emergency_contact"})
MULTILINE_FIELDS = frozenset({"notes"})
# a phone is stored as its 11 digits: the invisible marks a copy from a contact list wraps it in (U+202A ... U+202C,
# zero-width spaces) are dropped before it is read, as spaces and dashes are; control characters are refused
PHONE_FIELDS = frozenset({"phone", "emergency_phone"})


def column_limit(entity: type[Base], attr: str) -> int | None:
    """The length of ``entity``'s column ``attr`` (a String(n)), None for an unbounded one (Text)."""
    length = getattr(entity.__table__.c[attr].type, "length", None)
    return length if isinstance(length, int) else None


def clean_text(attr: str, value: str) -> str:
    """A text field as it is stored: a line break or tab inside a one-line field (Alt+Enter in an Excel cell)
    becomes a space, a note keeps its lines; any other hidden character is refused (DomainError)."""
    text = str(value)
    if attr in PHONE_FIELDS:
        text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    if attr in MULTILINE_FIELDS:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    else:
        text = re.sub(r"[\t\r\n]+", " ", text)
    check_chars(text, attr, multiline=attr in MULTILINE_FIELDS, strict=attr in STRICT_FIELDS)
    return text


def _too_long(attr: str, value: str | None) -> DomainError | None:
    limit = column_limit(Person, attr)
    if value is None or limit is None or len(value) <= limit:
        return None
    zh, en = MESSAGES.pair(f"field_{attr}")
    return DomainError("text_too_long", field=Coded(en, zh, en), length=len(value), limit=limit)


@dataclass
class ArrivalInput:
    """What the desk (or a transfer list row) gives for one arrival."""

    name: str
    doc_number: str
    category: str
    doc_type: DocType = DocType.RESIDENT_ID
    sex: Sex | None = None
    birth_date: date | None = None
    phone: str | None = None
    address: str = ""
    origin: str = ""
    emergency_contact: str = ""
    emergency_phone: str | None = None
    special_needs: str = ""
    notes: str = ""
    last_exposure: datetime | None = None
    arrived_at: datetime | None = None


@dataclass
class ArrivalCheck:
    """The outcome of checking one arrival, without writing anything."""

    data: ArrivalInput  # normalised
    errors: list[DomainError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    person_id: int | None = None  # a person already known by this document
    present_stay_id: int | None = None  # ... who is at the site right now
    present_room: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and self.present_stay_id is None


def check_person_fields(
    data: ArrivalInput,
    norm: ArrivalInput,
    today: date,
    errors: list[DomainError],
    warnings: list[str],
    only: frozenset[str] | None = None,
) -> set[str]:
    """Check and normalise the person's own fields of ``data`` into ``norm`` (errors and warnings appended);
    return the fields refused. ``only``: check just these (an edit of some fields), the others left as they
    are; a document is checked again when its number, type, the birth date or the sex changes (they agree)."""

    def wanted(attr: str) -> bool:
        if only is None:
            return True
        if attr == "doc_number":
            return bool(only & {"doc_number", "doc_type", "birth_date", "sex"})
        return attr in only

    bad: set[str] = set()  # fields already refused: not normalised, not looked up
    for attr in TEXT_FIELDS:
        if not wanted(attr):
            continue
        value = getattr(data, attr)
        if value is None:
            continue
        try:
            setattr(norm, attr, clean_text(attr, value))
        except DomainError as e:
            errors.append(e)
            bad.add(attr)
    birth_given = data.birth_date
    if wanted("birth_date") and birth_given is not None and not EARLIEST_BIRTH <= birth_given <= today:
        errors.append(
            DomainError(
                "birth_date_range",
                first=EARLIEST_BIRTH.isoformat(),
                last=today.isoformat(),
                value=birth_given.isoformat(),
            )
        )
        birth_given = None  # not compared with the ID's
    if wanted("name") and "name" not in bad:
        try:
            norm.name = normalise_name(norm.name)
        except DomainError as e:
            errors.append(e)
            bad.add("name")
    if wanted("doc_number") and "doc_number" not in bad:
        try:
            if data.doc_type is DocType.RESIDENT_ID:
                rid = parse_resident_id(norm.doc_number, today)
                norm.doc_number = rid.number
                warnings += rid.warnings
                if rid.upgraded_from:
                    warnings.append("id_upgraded_from_15")
                if birth_given is not None and birth_given != rid.birth_date:
                    errors.append(DomainError("birth_mismatch", expected=rid.birth_date.isoformat()))
                if data.sex is not None and data.sex != rid.sex:
                    errors.append(DomainError("sex_mismatch", expected="男/M" if rid.sex is Sex.MALE else "女/F"))
                norm.birth_date, norm.sex = rid.birth_date, rid.sex
            else:
                norm.doc_number = normalise_doc_number(data.doc_type, norm.doc_number)
        except DomainError as e:
            errors.append(e)
            bad.add("doc_number")
    for attr in ("phone", "emergency_phone"):
        if attr in bad or not wanted(attr):
            continue
        try:
            setattr(norm, attr, normalise_mobile(getattr(norm, attr)))
        except DomainError as e:
            errors.append(e)
            bad.add(attr)
    for attr in TEXT_FIELDS:  # the stored (normalised) value against the column's size
        if wanted(attr) and attr not in bad and (too_long := _too_long(attr, getattr(norm, attr))) is not None:
            errors.append(too_long)
            bad.add(attr)
    return bad


def check_arrival(session: Session, data: ArrivalInput, now: datetime | None = None) -> ArrivalCheck:
    """Validate every field and collect all problems (for forms and row-level import messages)."""
    return check_arrivals(session, [data], now)[0]


def check_arrivals(session: Session, datas: Sequence[ArrivalInput], now: datetime | None = None) -> list[ArrivalCheck]:
    """:func:`check_arrival` of each of ``datas``, in their order: the fields one by one, the people already
    known by these documents (and who of them is here now) in two queries for the whole list."""
    now = now or clock.now()
    site = get_site(session)
    today = local_date(now, site.timezone)
    # compared as instants, never converted (year 1 or 9999 would overflow a conversion)
    earliest = datetime.combine(EARLIEST_EVENT, time(0, 0), tzinfo=ZoneInfo(site.timezone))
    code_limit = column_limit(Category, "code")
    checks: list[ArrivalCheck] = []
    lookup: list[ArrivalCheck] = []  # a document refused is not looked up
    known_category: dict[str, bool] = {}
    for data in datas:
        errors: list[DomainError] = []
        warnings: list[str] = []
        norm = replace(data)
        bad = check_person_fields(data, norm, today, errors, warnings)
        if norm.sex is None:
            errors.append(DomainError("sex_mismatch", expected="?"))
        category = data.category
        if (
            not isinstance(category, str)
            or (code_limit is not None and len(category) > code_limit)
            or hidden_char(category, strict=True) is not None
            or not _is_category(session, category, known_category)
        ):
            errors.append(DomainError("category_unknown", category=shown(category)))
        arrived = data.arrived_at or now
        for instant in (arrived, data.last_exposure):
            if instant is not None and instant.tzinfo is None:
                raise ValueError("naive datetime given where an aware one is required")
        norm.arrived_at = arrived
        if arrived < earliest:
            errors.append(
                DomainError("arrival_too_early", first=EARLIEST_EVENT.isoformat(), value=arrived.date().isoformat())
            )
        elif arrived > now + FUTURE_SLACK:
            errors.append(DomainError("arrival_in_future"))
        if data.last_exposure is not None and data.last_exposure < earliest:
            errors.append(
                DomainError(
                    "exposure_too_early", first=EARLIEST_EVENT.isoformat(), value=data.last_exposure.date().isoformat()
                )
            )
        elif data.last_exposure is not None and data.last_exposure > arrived:
            errors.append(DomainError("exposure_after_arrival"))
        check = ArrivalCheck(norm, errors, warnings)
        checks.append(check)
        if "doc_number" not in bad and not any(e.code.startswith("id_") for e in errors):
            lookup.append(check)
    _known_people(session, lookup)
    return checks


def _is_category(session: Session, code: str, seen: dict[str, bool]) -> bool:
    if code not in seen:  # asked once a list: the session keeps no object nobody holds
        seen[code] = session.get(Category, code) is not None
    return seen[code]


def _known_people(session: Session, checks: list[ArrivalCheck]) -> None:
    """Fill in who of ``checks`` is already known by their document, and where those present are now."""
    numbers = list(dict.fromkeys(c.data.doc_number for c in checks))
    known: dict[tuple[DocType, str], int] = {}
    for i in range(0, len(numbers), SQLITE_CHUNK):
        for pid, doc_type, number in session.execute(
            select(Person.id, Person.doc_type, Person.doc_number).where(
                Person.doc_number.in_(numbers[i : i + SQLITE_CHUNK])
            )
        ):
            known[(doc_type, number)] = pid
    here: dict[int, tuple[int, str]] = {}
    for ids in id_chunks(session, known.values()):
        for pid, stay_id, room in session.execute(
            select(Stay.person_id, Stay.id, Room.number)
            .join(Room, Stay.room_id == Room.id)
            .where(among(session, Stay.person_id, ids), Stay.departed_at.is_(None))
        ):
            here[pid] = (stay_id, room)
    for c in checks:
        c.person_id = known.get((c.data.doc_type, c.data.doc_number))
        if c.person_id is not None and c.person_id in here:
            c.present_stay_id, c.present_room = here[c.person_id]


def free_beds(session: Session, room: Room, taken: set[int] | None = None) -> list[int]:
    """The room's beds nobody present holds; ``taken``: the beds held, when the caller has read them already."""
    if taken is None:
        taken = set(session.scalars(select(Stay.bed).where(Stay.room_id == room.id, Stay.departed_at.is_(None))))
    return [b for b in range(1, room.beds + 1) if b not in taken]


def ensure_room_accepts(
    session: Session,
    room: Room,
    shares_with: Stay | None,
    companion_reason: CompanionReason | None,
    taken: set[int] | None = None,
) -> int:
    """Return the bed the newcomer gets, or raise why the room cannot take them (``taken``: as for free_beds)."""
    if room.retired_on is not None:
        raise DomainError("room_retired", room=room.number)
    if room.state is RoomState.AWAITING_DISINFECTION:
        raise DomainError("room_dirty", room=room.number)
    if room.state is RoomState.OUT_OF_SERVICE:
        raise DomainError("room_out_of_service", room=room.number)
    beds = free_beds(session, room, taken)
    occupied = len(beds) < room.beds
    if occupied:
        if shares_with is None:
            raise DomainError("room_occupied", room=room.number)
        if shares_with.room_id != room.id or shares_with.departed_at is not None:
            raise DomainError("companion_not_here")
        if companion_reason is None:
            raise DomainError("companion_needed")
    elif shares_with is not None:
        raise DomainError("companion_not_here")
    if not beds:
        raise DomainError("room_full", room=room.number)
    return beds[0]


def rule_for(
    session: Session, site: Site, category: str, rule_set_id: int | None = None
) -> tuple[RuleSet, CategoryRule]:
    rs_id = rule_set_id or site.rule_set_id
    if rs_id is None:
        raise DomainError("no_rule_set")
    rs = session.get_one(RuleSet, rs_id)
    rule = rs.rule_for(category)
    if rule is None:
        raise DomainError("no_rule", rule_set=rs.name, category=category)
    return rs, rule


def _upsert_person(check: ArrivalCheck, known: Person | None) -> tuple[Person, dict[str, Any] | None]:
    """The arriving person: ``known`` (the one with this document) brought up to date, or a new one (not yet
    added). With it, what the known person was before, if this changed them (None: nothing changed, or new)."""
    d = check.data
    fields = {
        "name": d.name,
        "sex": d.sex,
        "birth_date": d.birth_date,
        "phone": d.phone,
        "address": d.address,
        "origin": d.origin,
        "emergency_contact": d.emergency_contact,
        "emergency_phone": d.emergency_phone,
        "special_needs": d.special_needs,
        "notes": d.notes,
        "name_pinyin": name_pinyin(d.name, column_limit(Person, "name_pinyin")),
    }
    if known is None:
        return Person(doc_type=d.doc_type, doc_number=d.doc_number, **fields), None
    before = audit.snapshot(known)
    for k, v in fields.items():
        setattr(known, k, v)
    return known, (before if before != audit.snapshot(known) else None)


def name_pinyin(name: str, limit: int | None = None) -> str:
    """'zhangsan|zs' for 张三: full pinyin and initials, for search as you type; a name whose first
    character(s) read otherwise as a surname or have other readings gets each of them too
    ('zengwei|zw|cengwei|cw' for 曾伟, models/rules/surnames.py), the surname's reading first.

    Within ``limit`` characters (the column's): the full pinyin of a long name is cut, never the initials.
    """
    from pypinyin import lazy_pinyin

    return index_text(readings(name, lazy_pinyin(name, errors="ignore")), limit)


# what the desk may correct on a person after arrival (update_person); the document's type and number, the
# sex and the birth date are checked together (a resident ID says the birth date and the sex)
EDITABLE_FIELDS = frozenset(
    {
        "name", "doc_type", "doc_number", "sex", "birth_date", "phone", "address", "origin", "emergency_contact",
        "emergency_phone", "special_needs", "notes",
    }
)  # fmt: skip


@transactional("arrivals")
def update_person(
    session: Session,
    actor: User | None,
    person_id: int,
    changes: dict[str, object],
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Person:
    """Correct a person's details (a phone typed wrong at arrival): only the fields in ``changes`` (of
    ``EDITABLE_FIELDS``) are checked and changed, as an arrival checks them; a new document number must be
    valid, agree with the birth date and sex, and be nobody else's. ``expected_version`` is the version the
    desk saw: another desk's change in between refuses the edit (stale). One transaction, audited
    (person.update, before and after); a refusal saves nothing."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    person = session.get(Person, person_id)
    if person is None:
        raise DomainError("person_not_found")
    if expected_version is not None and person.version != expected_version:
        raise DomainError("stale")
    today = local_date(now or clock.now(), get_site(session).timezone)
    value = {attr: changes.get(attr, getattr(person, attr)) for attr in EDITABLE_FIELDS}
    doc_type = value["doc_type"]
    if not isinstance(doc_type, DocType):
        doc_type = DocType(str(doc_type))  # a code: ValueError for an unknown one
    data = ArrivalInput(
        name=str(value["name"] or ""),
        doc_number=str(value["doc_number"] or ""),
        category="",
        doc_type=doc_type,
        # a resident ID says the birth date and sex: the stored ones are not held against a new number
        sex=changes.get("sex") if doc_type is DocType.RESIDENT_ID else value["sex"],  # type: ignore[arg-type]
        birth_date=changes.get("birth_date") if doc_type is DocType.RESIDENT_ID else value["birth_date"],  # type: ignore[arg-type]
        phone=value["phone"],  # type: ignore[arg-type]
        address=str(value["address"] or ""),
        origin=str(value["origin"] or ""),
        emergency_contact=str(value["emergency_contact"] or ""),
        emergency_phone=value["emergency_phone"],  # type: ignore[arg-type]
        special_needs=str(value["special_needs"] or ""),
        notes=str(value["notes"] or ""),
    )
    norm = replace(data)
    errors: list[DomainError] = []
    check_person_fields(data, norm, today, errors, [], frozenset(changes))
    if errors:
        raise errors[0]
    if "sex" in changes and norm.sex is None:
        raise DomainError("sex_mismatch", expected="?")
    if norm.doc_type != person.doc_type or norm.doc_number != person.doc_number:
        other = session.scalar(
            select(Person).where(
                Person.doc_type == norm.doc_type, Person.doc_number == norm.doc_number, Person.id != person.id
            )
        )
        if other is not None:
            raise DomainError("doc_number_taken", name=other.name)
    before = audit.snapshot(person)
    document = {"doc_type", "doc_number", "sex", "birth_date"}  # checked together: saved together
    saved = set(changes) | (document if document & set(changes) else set())
    for attr in EDITABLE_FIELDS & saved:
        setattr(person, attr, getattr(norm, attr))
    if "name" in changes:
        person.name_pinyin = name_pinyin(person.name, column_limit(Person, "name_pinyin"))
    if before != audit.snapshot(person):
        audit.record(session, actor, "person.update", person, before, person_id=person.id)
    return person


@transactional("arrivals")
def register_arrival(
    session: Session,
    actor: User | None,
    data: ArrivalInput,
    room_id: int,
    *,
    shares_with_stay_id: int | None = None,
    companion_reason: CompanionReason | None = None,
    now: datetime | None = None,
) -> Stay:
    """Register a person and check them in to a room: one transaction, audited."""
    item = BatchItem(data, room_id, shares_with_stay_id=shares_with_stay_id, companion_reason=companion_reason)
    return _check_in(session, actor, [item], now)[0]


@dataclass
class BatchItem:
    data: ArrivalInput
    room_id: int
    shares_with_index: int | None = None  # index of the lead person in the same batch (an earlier item)
    companion_reason: CompanionReason | None = None
    shares_with_stay_id: int | None = None  # or the stay of a lead already here


@transactional("arrivals")
def register_batch(
    session: Session,
    actor: User | None,
    items: list[BatchItem],
    now: datetime | None = None,
    *,
    planned_batch_id: int | None = None,
) -> list[Stay]:
    """Check in a whole bus in one transaction: all or nothing. With ``planned_batch_id``, the bus the
    command centre announced (待转运批次): its stays point back at it and it is closed as arrived, in the
    same transaction (a batch already closed, say checked in at another desk, refuses the whole bus)."""
    from models.services.planned_batches import mark_arrived, open_batch

    if planned_batch_id is not None:
        open_batch(session, planned_batch_id)
    stays = _check_in(session, actor, items, now, planned_batch_id)
    if planned_batch_id is not None:
        mark_arrived(session, actor, planned_batch_id, len(stays), now=now)
    return stays


def _check_in(
    session: Session,
    actor: User | None,
    items: list[BatchItem],
    now: datetime | None,
    planned_batch_id: int | None = None,
) -> list[Stay]:
    """Check in ``items`` in their order, each as if alone after the ones before it: the first refusal (in that
    order) refuses them all. Read in a few queries for the whole batch (the people, the rooms, their beds, the
    rules) and written in two flushes; the audit trail reads as if each were registered on its own."""
    now = now or clock.now()
    site = get_site(session)
    checks = check_arrivals(session, [item.data for item in items], now)
    known = {p.id: p for p in _by_ids(session, Person, [c.person_id for c in checks if c.person_id is not None])}
    # the rooms locked (PostgreSQL; SQLite's write transaction holds the whole file) and read as they are now:
    # a release or disinfection at another desk either comes first and is seen here, or waits for this one
    rooms = {r.id: r for r in _by_ids(session, Room, sorted({item.room_id for item in items}), lock=True)}
    taken: dict[int, set[int]] = {room_id: set() for room_id in rooms}
    for chunk in id_chunks(session, rooms):
        for room_id, bed in session.execute(
            select(Stay.room_id, Stay.bed).where(among(session, Stay.room_id, chunk), Stay.departed_at.is_(None))
        ):
            taken[room_id].add(bed)
    rules: dict[str, tuple[RuleSet, CategoryRule]] = {}
    here: dict[tuple[DocType, str], str] = {}  # checked in by this batch: document -> room
    stays: list[Stay] = []
    made: list[_Made] = []
    filled: set[int] = set()  # rooms this batch puts people in
    for item, check in zip(items, checks, strict=True):
        if check.errors:
            raise check.errors[0]
        d = check.data
        if check.present_stay_id is not None:
            raise DomainError("already_present", name=d.name, room=check.present_room)
        if (d.doc_type, d.doc_number) in here:
            raise DomainError("already_present", name=d.name, room=here[(d.doc_type, d.doc_number)])
        assert d.arrived_at is not None
        room = rooms.get(item.room_id)
        if room is None:
            raise DomainError("room_not_found", room=item.room_id)
        shares_with: Stay | None = None
        if item.shares_with_index is not None:
            shares_with = stays[item.shares_with_index]
        elif item.shares_with_stay_id is not None:
            shares_with = session.get(Stay, item.shares_with_stay_id)
            if shares_with is None:
                raise DomainError("stay_not_found")
        bed = ensure_room_accepts(session, room, shares_with, item.companion_reason, taken[room.id])
        if d.category not in rules:
            rules[d.category] = rule_for(session, site, d.category)
        rs, rule = rules[d.category]
        arrival_day = local_date(d.arrived_at, site.timezone)
        exposure_day = local_date(d.last_exposure, site.timezone) if d.last_exposure else None
        dates = compute_dates(rule, arrival_day, exposure_day)
        if dates.rule_release <= arrival_day:
            raise DomainError("period_over", release=dates.rule_release.isoformat())
        person, person_before = _upsert_person(check, known.get(check.person_id) if check.person_id else None)
        stay = Stay(
            person=person,
            room_id=room.id,  # now: a companion later in the batch is checked against it before the flush
            bed=bed,
            category_code=d.category,
            rule_set_id=rs.id,
            last_exposure=d.last_exposure,
            arrived_at=d.arrived_at,
            arrival_day=arrival_day,
            day_one=dates.day_one,
            planned_release=dates.planned_release,
            home_until=dates.home_until,
            shares_with=shares_with,
            companion_reason=item.companion_reason if shares_with else None,
            planned_batch_id=planned_batch_id,
        )
        session.add(stay)
        room_before = audit.snapshot(room) if room.state is not RoomState.OCCUPIED and room.id not in filled else None
        filled.add(room.id)
        taken[room.id].add(bed)
        here[(d.doc_type, d.doc_number)] = room.number
        stays.append(stay)
        made.append(_Made(person, check.person_id is None, person_before, stay, room, room_before, dates.swabs))
    new_ids.assign(session, [m.person for m in made if m.new])  # on SQLite: inserted as one batch each
    new_ids.assign(session, stays)
    session.flush()  # the people, then their stays: the ids the swabs and the audit entries need
    for m in made:  # the rooms after the stays: a bed taken meanwhile by another desk is refused first
        m.room.state = RoomState.OCCUPIED
        flag_modified(m.room, "state")  # its version moves even when it was occupied already: a release that
        # read the room without this arrival fails as stale, it cannot leave a room "awaiting" with someone in it
    swabs = [{"stay_id": m.stay.id, "planned_day": n, "planned_date": when} for m in made for n, when in m.swabs]
    if swabs:  # one statement for all (as ORM objects, one INSERT each: their ids are not needed)
        session.execute(insert(SwabTest), swabs)
    for m in made:  # each one's entries in the order register_arrival alone would make them
        if m.new:
            audit.record(session, actor, "person.create", m.person, person_id=m.person.id)
        elif m.person_before is not None:
            audit.record(session, actor, "person.update", m.person, m.person_before, person_id=m.person.id)
        if m.room_before is not None:
            audit.record(session, actor, "room.occupied", m.room, m.room_before, room_id=m.room.id)
        audit.record(session, actor, "stay.check_in", m.stay, person_id=m.person.id, room_id=m.room.id)
    return stays


class _Made(NamedTuple):
    """One arrival of a batch, written, for its audit entries."""

    person: Person
    new: bool
    person_before: dict[str, Any] | None  # a known person changed by the arrival: as they were
    stay: Stay
    room: Room
    room_before: dict[str, Any] | None  # a room the arrival occupied: as it was
    swabs: tuple[tuple[int, date], ...]


def _by_ids(session: Session, entity: type[_Row], ids: list[int], lock: bool = False) -> list[_Row]:
    """The rows of ``ids``; with ``lock``, locked for this transaction in id order (no two desks wait on
    each other) and read again even when the session holds them already."""
    found: list[_Row] = []
    for chunk in id_chunks(session, ids):
        query = select(entity).where(among(session, entity.id, chunk))
        if lock:
            query = query.order_by(entity.id).with_for_update().execution_options(populate_existing=True)
        found += session.scalars(query)
    return found


def present_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Stay).where(Stay.departed_at.is_(None))) or 0
