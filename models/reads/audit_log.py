"""Reading the audit trail: filter by person, room, user and date; page through it; export to .xlsx.

Also the one audited read: showing a person's full ID number and phone (reveal_identity).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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

    def changes(self) -> str:
        """'field: before → after; …' for the fields that changed (or the new values on a creation)."""
        before, after = self.before or {}, self.after or {}
        keys = [k for k in after if k != "id"] or [k for k in before if k != "id"]
        parts = []
        for k in keys:
            if k in before and k in after:
                parts.append(f"{k}: {before[k]} → {after[k]}")
            elif k in after:
                parts.append(f"{k}: {after[k]}")
            else:
                parts.append(f"{k}: {before[k]} → ∅")
        return "; ".join(parts)


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
        )
        for e, username, name, number in rows
    ]


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
    progress: Callable[[int, int, str], None] | None = None,
) -> int:
    """Write every matching entry to an .xlsx (streamed, page by page). Returns the number of rows.
    ``progress(rows written, rows in all, "")`` after each page (a background task's; it may raise to stop).

    The table as every IsoDesk table (``models.rules.spreadsheet.write_table``): header frozen, autofilter,
    widths fitted (on the first page), the time a real date-time in the site's zone ``tz``, no formula.
    Actions, records and changed fields are the audit trail's own identifiers (``stay.released``)."""
    from openpyxl import Workbook

    from models.rules.spreadsheet import write_table

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
                yield [
                    r.id,
                    r.at,
                    r.user,
                    r.action,
                    r.entity,
                    r.entity_id,
                    r.person,
                    r.room,
                    r.changes(),
                    json.dumps(r.before, ensure_ascii=False) if r.before else "",
                    json.dumps(r.after, ensure_ascii=False) if r.after else "",
                    r.note,
                ]
            written[0] += len(page)
            if len(page) < page_size:
                return
            offset += page_size

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("audit")
    n = write_table(
        ws, HEADERS.get(lang, HEADERS["en"]), rows(), tz=tz, datetime_format="yyyy-mm-dd hh:mm:ss", fit=page_size
    )
    wb.save(path)
    return n


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
