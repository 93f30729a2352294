"""Reading the audit trail: filter by person, room, user and date; page through it; export to .xlsx.

Also the one audited read: showing a person's full ID number and phone (reveal_identity).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from models.reads.identifiers import identifier_condition
from models.services import audit
from models.services.audit import transactional
from models.store.orm import AuditEntry, Person, Room, User


@dataclass
class AuditFilter:
    person: str = ""  # part of a name, or an ID number tail
    room: str = ""  # room number
    user_id: int | None = None
    day_from: date | None = None  # site-local calendar days
    day_to: date | None = None
    action: str = ""  # prefix, e.g. "stay." or "reading.correct"


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: int | None
    person: str
    room: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str

    rooms: Mapping[int, str] = field(default_factory=dict)  # room id -> number, for the rooms a change names

    def change_items(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) for the fields that changed, in the entry's order; ``ABSENT`` for the side
        that has no value (a creation has only ``after``s, a removal only ``before``s). The codes as stored."""
        before, after = self.before or {}, self.after or {}
        keys = [k for k in after if k != "id"] or [k for k in before if k != "id"]
        return [(k, before.get(k, ABSENT), after.get(k, ABSENT)) for k in keys]

    def changes(self) -> str:
        """'field: before → after; …' with the stored codes (the trail's own identifiers, for tests and
        tools); a person reads :func:`describe_changes`."""
        parts = []
        for k, b, a in self.change_items():
            if b is not ABSENT and a is not ABSENT:
                parts.append(f"{k}: {b} → {a}")
            elif a is not ABSENT:
                parts.append(f"{k}: {a}")
            else:
                parts.append(f"{k}: {b} → ∅")
        return "; ".join(parts)


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()  # the side of a change that has no value

# ids that mean nothing to a person (the row already names its person and room), and the search index of a
# name (kept in step with the name, which is shown)
HIDDEN_FIELDS = frozenset(
    {
        "id", "person_id", "version", "rule_set_id", "floor_id", "building_id", "site_id", "stay_id",
        "previous_stay_id", "user_id", "observation_id", "recheck_of_id", "closed_by_id", "shares_with_id",
        "name_pinyin",
    }
)  # fmt: skip
ROOM_FIELDS = frozenset({"room_id", "from_room_id", "to_room_id"})  # said as room numbers, on a move only
# notes that only repeat the action's name
FIXED_NOTES = frozenset({"user.login", "user.logout", "user.password", "user.password_reset", "person.reveal"})


@dataclass(frozen=True)
class AuditWords:
    """What the trail's codes are called in the reader's language: plain data, so a background export can
    use it; the screens build it from their one table of labels (views/labels.py ``audit_words``).
    ``values``: field -> stored code -> word (room states, kinds, results, document types, categories …)."""

    headers: Sequence[str]
    actions: Mapping[str, str]
    entities: Mapping[str, str]
    fields: Mapping[str, str]
    values: Mapping[str, Mapping[str, str]]
    yes: str = "yes"
    no: str = "no"
    none: str = "—"
    separator: str = "; "
    colon: str = ": "
    notes: Mapping[str, str] = dataclasses.field(default_factory=dict)  # action -> its note in words: NOTE_SHAPES

    def entity(self, entity: str) -> str:
        return self.entities.get(entity, entity)

    def action(self, action: str, entity: str = "") -> str:
        """The action's words; an unknown one is its entity's name and the code (never an error)."""
        if action in self.actions:
            return self.actions[action]
        prefix = action.split(".", 1)[0]
        name = self.entities.get(prefix) or self.entities.get(entity)
        return f"{name} ({action})" if name else action

    def field(self, name: str, entity: str = "") -> str:
        if name in self.fields:
            return self.fields[name]
        owner = self.entities.get(entity)
        return f"{owner} ({name})" if owner else name

    def value(self, name: str, value: Any, rooms: Mapping[int, str], tz: str) -> str:
        if value is None or value == "" or value is ABSENT:
            return self.none
        if isinstance(value, bool):
            return self.yes if value else self.no
        if name in ROOM_FIELDS and isinstance(value, int):
            return rooms.get(value, str(value))
        words = self.values.get(name, {})
        if isinstance(value, list):
            return "、".join(words.get(str(v), str(v)) for v in value) if value else self.none
        if isinstance(value, str) and value in words:
            return words[value]
        if isinstance(value, int) and str(value) in words:  # an id said by name (a receiving community)
            return words[str(value)]
        if isinstance(value, str) and len(value) > 10 and value[10:11] == "T":
            try:
                at = datetime.fromisoformat(value)
            except ValueError:
                return value
            if at.tzinfo is not None:
                at = at.astimezone(ZoneInfo(tz))
            return at.strftime("%Y-%m-%d %H:%M")
        return str(value)


def shown_items(row: AuditRow) -> list[tuple[str, Any, Any]]:
    """The changes a person reads: no bare ids; a room only where it changed (a move)."""
    return [
        (k, b, a)
        for k, b, a in row.change_items()
        if k not in HIDDEN_FIELDS and not (k in ROOM_FIELDS and (b is ABSENT or a is ABSENT))
    ]


def describe_changes(row: AuditRow, words: AuditWords, tz: str = "Asia/Shanghai", side: str = "both") -> str:
    """'Field: before → after; …' in words (``side`` "before" / "after": that side's values only)."""
    parts = []
    for k, b, a in shown_items(row):
        name = words.field(k, row.entity)
        if side == "before":
            if b is not ABSENT:
                parts.append(f"{name}{words.colon}{words.value(k, b, row.rooms, tz)}")
        elif side == "after":
            if a is not ABSENT:
                parts.append(f"{name}{words.colon}{words.value(k, a, row.rooms, tz)}")
        elif b is not ABSENT and a is not ABSENT:
            parts.append(f"{name}{words.colon}{words.value(k, b, row.rooms, tz)} → {words.value(k, a, row.rooms, tz)}")
        elif a is not ABSENT:
            parts.append(f"{name}{words.colon}{words.value(k, a, row.rooms, tz)}")
        else:
            parts.append(f"{name}{words.colon}{words.value(k, b, row.rooms, tz)} → {words.none}")
    return words.separator.join(parts)


# the notes the services write (models/services/*: audit.record(..., note=f"…")), by action: their shape, so
# that the reader gets them in words (AuditWords.notes) instead of "form=arrival-pack stay=12"
NOTE_SHAPES: dict[str, str] = {
    "document.print": r"form=(?P<form>\S+) stay=(?P<stay>\d+)",
    "person.search": r"(?P<kind>doc|phone)=(?P<value>\S+) found=(?P<found>\d+)",
    "import.reveal": r"file=(?P<file>.*) rows=(?P<rows>\d+)",
    "demo.build": r"rooms=(?P<rooms>\d+) days=(?P<days>\d+) seed=(?P<seed>\d+)",
    "user.locked": r"(?P<n>\d+) failed logins",
    "backup.restore": r"restore from (?P<file>.*)",
    "backup.restored": r"restored from (?P<file>.*) by (?P<by>.*); replaced: (?P<replaced>.*)",
    "stay.restart": r"positive case, stay #(?P<stay>\d+)",
    "stay.rule_switch": r"(?P<name>.*) from (?P<day>\d{4}-\d{2}-\d{2})",
    "setting.change": r"(?P<key>[^:]+): (?P<before>.*) -> (?P<after>.*)",
    "database.upgrade": r"schema (?P<before>\S+) -> (?P<after>\S+) by IsoDesk (?P<version>\S+)",
    "batch.arrive": r"arrived=(?P<arrived>\d+)",
    "duty.copy_week": r"from=(?P<first>\S+) to=(?P<to>\S+) made=(?P<made>\d+)",
    "columns.remember": r"source=(?P<source>.*) columns=(?P<columns>\d+) map=(?P<map>.*) was=(?P<was>.*)",
}


def shown_note(row: AuditRow, words: AuditWords | None = None) -> str:
    """The entry's note, unless it only repeats the action's name; with ``words``, a note of a known shape
    (NOTE_SHAPES) in the reader's language, its codes (a form's name, the kind of search) said as words."""
    if row.action in FIXED_NOTES:
        return ""
    shape, template = NOTE_SHAPES.get(row.action), words.notes.get(row.action) if words else None
    match = re.fullmatch(shape, row.note) if shape and template and row.note else None
    if words is None or template is None or match is None:
        return row.note
    parts = {k: words.values.get(f"note_{k}", {}).get(v, v) for k, v in match.groupdict().items()}
    return template.format(**parts)


def _query(f: AuditFilter, tz: str) -> Select:
    actor = aliased(User)
    q = (
        select(AuditEntry, actor.username, Person.name, Room.number)
        .outerjoin(actor, AuditEntry.user_id == actor.id)
        .outerjoin(Person, AuditEntry.person_id == Person.id)
        .outerjoin(Room, AuditEntry.room_id == Room.id)
    )
    text = f.person.strip()
    if text:
        by_identifier = identifier_condition(text)  # in full or by the shown tail: never a growing guess
        by_name = Person.name.contains(text, autoescape=True)
        ids = select(Person.id).where(by_name if by_identifier is None else or_(by_name, by_identifier))
        q = q.where(AuditEntry.person_id.in_(ids))
    if f.room.strip():
        q = q.where(AuditEntry.room_id.in_(select(Room.id).where(Room.number == f.room.strip())))
    if f.user_id is not None:
        q = q.where(AuditEntry.user_id == f.user_id)
    zone = ZoneInfo(tz)
    if f.day_from is not None:
        q = q.where(AuditEntry.at >= datetime.combine(f.day_from, time(0), zone))
    if f.day_to is not None:
        q = q.where(AuditEntry.at < datetime.combine(f.day_to + timedelta(days=1), time(0), zone))
    if f.action:
        q = q.where(AuditEntry.action.startswith(f.action))
    return q


def count_audit(session: Session, f: AuditFilter, tz: str = "Asia/Shanghai") -> int:
    sub = _query(f, tz).with_only_columns(AuditEntry.id).subquery()
    return int(session.scalar(select(func.count()).select_from(sub)) or 0)


def list_audit(
    session: Session, f: AuditFilter, tz: str = "Asia/Shanghai", offset: int = 0, limit: int = 200
) -> list[AuditRow]:
    """Newest first, one page."""
    rows = session.execute(_query(f, tz).order_by(AuditEntry.id.desc()).offset(offset).limit(limit)).all()
    room_ids = set().union(*(_room_ids(e) for e, *_ in rows))
    rooms = dict(session.execute(select(Room.id, Room.number).where(Room.id.in_(room_ids))).all()) if room_ids else {}
    return [
        AuditRow(
            e.id,
            e.at,
            username or "",
            e.action,
            e.entity,
            e.entity_id,
            name or "",
            number or "",
            e.before,
            e.after,
            e.note or "",
            {k: v for k, v in rooms.items() if k in _room_ids(e)},
        )
        for e, username, name, number in rows
    ]


def _room_ids(e: AuditEntry) -> set[int]:
    return {
        v
        for side in (e.before or {}, e.after or {})
        for k, v in side.items()
        if k in ROOM_FIELDS and isinstance(v, int)
    }


HEADERS = {
    "zh_CN": ["编号", "时间", "用户", "操作", "对象", "对象编号", "人员", "房间", "改动", "修改前", "修改后", "备注"],
    "en": [
        *("No.", "Time", "User", "Action", "Record", "Record id"),
        *("Person", "Room", "Changes", "Before", "After", "Note"),
    ],
}


def export_audit_xlsx(
    session: Session,
    f: AuditFilter,
    path: Path,
    tz: str = "Asia/Shanghai",
    lang: str = "zh_CN",
    *,
    words: AuditWords | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> int:
    """Write every matching entry to an .xlsx (streamed, page by page). Returns the number of rows.
    ``progress(rows written, rows in all, "")`` after each page (a background task's; it may raise to stop).

    The table as every IsoDesk table (``models.rules.spreadsheet.save_table``): header frozen, autofilter,
    widths fitted (on the first page), the time a real date-time in the site's zone ``tz``, no formula.
    ``words``: what actions, records, fields and values are called (the screens pass theirs, in the user's
    language, with the headers); without them the trail's own identifiers (``stay.released``) and the stored
    values (JSON) are written, under ``HEADERS[lang]``."""
    from models.rules.spreadsheet import save_table

    page_size = 2000
    total = count_audit(session, f, tz) if progress is not None else 0
    written = [0]

    def rows() -> Iterator[list[object]]:
        offset = 0
        while True:
            if progress is not None:
                progress(written[0], total, "")
            page = list_audit(session, f, tz, offset, page_size)
            for r in page:
                if words is None:
                    yield [
                        *(r.id, r.at, r.user, r.action, r.entity, r.entity_id, r.person, r.room, r.changes()),
                        json.dumps(r.before, ensure_ascii=False) if r.before else "",
                        json.dumps(r.after, ensure_ascii=False) if r.after else "",
                        r.note,
                    ]
                else:
                    yield [
                        *(r.id, r.at, r.user, words.action(r.action, r.entity), words.entity(r.entity)),
                        *(r.entity_id, r.person, r.room, describe_changes(r, words, tz)),
                        describe_changes(r, words, tz, "before"),
                        describe_changes(r, words, tz, "after"),
                        shown_note(r, words),
                    ]
            written[0] += len(page)
            if len(page) < page_size:
                return
            offset += page_size

    return save_table(
        path,
        "audit",
        list(words.headers) if words else HEADERS.get(lang, HEADERS["en"]),
        rows(),
        tz=tz,
        datetime_format="yyyy-mm-dd hh:mm:ss",
        fit=page_size,
    )


@dataclass(frozen=True)
class Identity:
    doc_number: str
    phone: str


@transactional("identity")
def reveal_identity(session: Session, actor: User | None, person_id: int) -> Identity:
    """A person's full ID number and phone. Showing them is an audited action."""
    from models.errors import DomainError

    person = session.get(Person, person_id)
    if person is None:
        raise DomainError("stay_not_found")
    audit.record(session, actor, "person.reveal", person, {}, {}, person_id=person.id, note="ID and phone shown")
    return Identity(person.doc_number, person.phone or "")
