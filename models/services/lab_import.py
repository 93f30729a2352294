"""Swab results from a lab file (.xlsx/.csv): match each row to a present person, preview, apply.

A row is matched by ID number, or else by name + room number. The result goes to that person's
latest sample still awaiting a result. Rows that match nobody, or a person with no sample waiting,
or with a result that is not understood, are listed as unmatched with the reason; they are never
guessed. Applying writes every matched row in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError
from models.rules.identity import hidden_char
from models.services.arrivals import EARLIEST_EVENT, FUTURE_SLACK, column_limit
from models.services.audit import transactional
from models.services.importer import cell_text, doc_number_text, parse_when, pick_sheet
from models.services.sites import get_site
from models.services.swabs import record_result
from models.store.orm import Person, Room, Stay, SwabResult, SwabTest, User

HEADERS = {
    "doc_number": ("证件号码", "身份证号", "身份证号码", "证件号", "idnumber", "id"),
    "name": ("姓名", "name"),
    "room": ("房间", "房间号", "房号", "room"),
    "result": ("结果", "检测结果", "核酸结果", "result"),
    "lab": ("检测机构", "检测单位", "实验室", "lab"),
    "result_at": ("报告时间", "结果时间", "检测时间", "reported"),
}
RESULTS = {
    "阴性": SwabResult.NEGATIVE,
    "negative": SwabResult.NEGATIVE,
    "neg": SwabResult.NEGATIVE,
    "-": SwabResult.NEGATIVE,
    "阳性": SwabResult.POSITIVE,
    "positive": SwabResult.POSITIVE,
    "pos": SwabResult.POSITIVE,
    "+": SwabResult.POSITIVE,
}


@dataclass(frozen=True)
class LabRow:
    row: int  # as Excel numbers it
    name: str
    doc_tail: str  # last 4 characters only: the preview does not show full ID numbers
    room: str
    result: SwabResult | None
    swab_id: int | None  # matched sample
    stay_id: int | None
    lab: str
    result_at: datetime | None
    problem: str | None  # error code when unmatched

    @property
    def matched(self) -> bool:
        return self.problem is None


def _key(text: Any) -> str:
    return cell_text(text).replace(" ", "").lower()


def _header(rows: list[list[Any]]) -> tuple[int, dict[str, int]]:
    for i, row in enumerate(rows[:20]):
        cols: dict[str, int] = {}
        for c, cell in enumerate(row):
            k = _key(cell)
            for field, names in HEADERS.items():
                if k in names and field not in cols:
                    cols[field] = c
        if "result" in cols and ("doc_number" in cols or {"name", "room"} <= cols.keys()):
            return i, cols
    raise DomainError("lab_no_header")


def _lab_score(rows: list[list[Any]]) -> int:
    """A sheet's fit as a lab file: the header columns it names (0: no header with a result)."""
    try:
        return len(_header(rows)[1])
    except DomainError:
        return 0


def preview_lab_file(session: Session, path: Path) -> list[LabRow]:
    """The lab's file (the sheet whose header is a lab file's, in a workbook of several), each row matched."""
    return preview_lab_rows(session, pick_sheet(path, score=_lab_score).rows)


def preview_lab_rows(session: Session, rows: list[list[Any]]) -> list[LabRow]:
    """Match every data row; writes nothing."""
    tz = get_site(session).timezone
    header_at, cols = _header(rows)
    present = session.execute(
        select(Stay.id, Person.doc_number, Person.name, Room.number)
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .where(Stay.departed_at.is_(None))
    ).all()
    by_doc = {doc.upper(): sid for sid, doc, _n, _r in present}
    by_name_room = {(name, room): sid for sid, _d, name, room in present}
    waiting: dict[int, int] = {}
    for swab_id, waiting_stay in session.execute(
        select(SwabTest.id, SwabTest.stay_id)
        .join(Stay, SwabTest.stay_id == Stay.id)
        .where(Stay.departed_at.is_(None), SwabTest.sampled_at.is_not(None), SwabTest.result == SwabResult.PENDING)
        .order_by(SwabTest.sampled_at)
    ):
        waiting[waiting_stay] = swab_id  # the latest sample waiting wins
    out: list[LabRow] = []
    earliest = datetime.combine(EARLIEST_EVENT, time(0, 0), tzinfo=ZoneInfo(tz))
    lab_limit = column_limit(SwabTest, "lab")

    def get(raw: list[Any], field: str) -> Any:
        c = cols.get(field)
        return raw[c] if c is not None and c < len(raw) else None

    for i in range(header_at + 1, len(rows)):
        raw = rows[i]
        if not any(cell_text(v) for v in raw if v is not None):
            continue
        doc = doc_number_text(get(raw, "doc_number")).upper() if get(raw, "doc_number") is not None else ""
        name, room = cell_text(get(raw, "name")), cell_text(get(raw, "room"))
        result = RESULTS.get(_key(get(raw, "result")))
        stay_id = by_doc.get(doc) if doc else None
        if stay_id is None and name and room:
            stay_id = by_name_room.get((name, room))
        problem = None
        lab = cell_text(get(raw, "lab"))
        if result is None:
            problem = "lab_bad_result"
        elif hidden_char(lab) is not None or (lab_limit is not None and len(lab) > lab_limit):
            problem = "lab_bad_lab"  # would be refused by PostgreSQL (length, NUL) or mislead (bidi)
        elif stay_id is None:
            problem = "lab_no_match"
        elif stay_id not in waiting:
            problem = "lab_no_sample"
        try:
            when = parse_when(get(raw, "result_at"), tz)
        except (ValueError, TypeError, OverflowError):  # unreadable: the time of applying is used
            when = None
        if when is not None and not earliest <= when <= clock.now() + FUTURE_SLACK:
            when = None  # year 1, 9999 and the like: the time of applying is used
        out.append(
            LabRow(
                i + 1,
                name,
                doc[-4:],
                room,
                result,
                waiting.get(stay_id) if stay_id is not None and problem is None else None,
                stay_id,
                lab,
                when,
                problem,
            )
        )
    return out


@transactional("swabs")
def apply_lab_results(session: Session, actor: User | None, rows: list[LabRow]) -> list[LabRow]:
    """Record every matched row's result, all in one transaction. Returns the positive ones."""
    positives = []
    for r in rows:
        if not r.matched or r.swab_id is None or r.result is None:
            continue
        record_result(session, actor, r.swab_id, r.result, lab=r.lab, at=r.result_at)
        if r.result is SwabResult.POSITIVE:
            positives.append(r)
    return positives
