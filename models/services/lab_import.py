"""Swab results from a lab file (.xlsx/.csv): match each row to a present person, preview, apply.

A row is matched by ID number, or else by name + room number. The result goes to that person's
latest sample still awaiting a result, or, when the file says when the sample was taken (采样时间), the
sample of that day. A weak positive (弱阳性) is a positive, kept as weak; Ct values (ORF1ab, N, or one Ct) are
kept with the result. Rows that match nobody, or a person with no sample waiting,
or with a result that is not understood, are listed as unmatched with the reason; they are never
guessed. Applying writes every matched row in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
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
    "sampled_at": ("采样时间", "采样日期", "采集时间", "采样", "sampled"),
    "ct_orf1ab": ("orf1ab", "orf1abct", "orf1abct值", "orf1ab基因", "orf1ab基因ct值", "orf1ab基因ct"),
    "ct_n": ("n基因", "n基因ct值", "n基因ct", "nct", "nct值"),
    "ct": ("ct", "ct值"),
}
CT_GENES = (("ct_orf1ab", "ORF1ab"), ("ct_n", "N"), ("ct", "Ct"))  # a column -> how the swab keeps its value
CT_RANGE = (0.0, 50.0)  # a real-time PCR runs 40 to 45 cycles: a Ct outside is not a Ct
# no Ct: nothing amplified, or past the run's cycles (>40, 40+), or not given
NOT_DETECTED = re.compile(
    r"|[-/—–]|无|未检出|阴性|n/?a|none|nd|noct|undetermined|notdetected|>\d+(\.\d+)?|\d+(\.\d+)?\+", re.IGNORECASE
)
CT_NUMBER = re.compile(r"(\d{1,2}(?:[.,]\d+)?)(?:[(（][^)）]*[)）])?")
WEAK = ("弱阳性", "弱阳", "weakpositive", "weak", "弱+")
RESULTS = {
    "阴性": SwabResult.NEGATIVE,
    "negative": SwabResult.NEGATIVE,
    "neg": SwabResult.NEGATIVE,
    "-": SwabResult.NEGATIVE,
    "阳性": SwabResult.POSITIVE,
    "positive": SwabResult.POSITIVE,
    "pos": SwabResult.POSITIVE,
    "+": SwabResult.POSITIVE,
    **dict.fromkeys(WEAK, SwabResult.POSITIVE),  # a weak positive is a positive, said as weak
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
    weak: bool = False  # 弱阳性
    ct_values: str | None = None  # "ORF1ab=36.2;N=37.1", as the swab keeps them
    sampled_at: datetime | None = None  # the sample time the lab gives, if it does

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


def ct_values(raw: dict[str, Any]) -> str | None:
    """The row's Ct values (column -> cell) as kept: "ORF1ab=36.2;N=37.1"; None when the lab gives none.
    ValueError for a Ct that is not a number of cycles."""
    kept = []
    for column, gene in CT_GENES:
        text = cell_text(raw.get(column)).replace(" ", "")
        if NOT_DETECTED.fullmatch(text):
            continue
        m = CT_NUMBER.fullmatch(text)  # 35.2, 35,2 (a decimal comma), 35.2(阳)
        if m is None:
            raise ValueError(text)
        value = float(m.group(1).replace(",", "."))
        if value == 0:  # some labs write 0 for no amplification
            continue
        if not CT_RANGE[0] < value <= CT_RANGE[1]:
            raise ValueError(text)
        kept.append(f"{gene}={value:g}")
    return ";".join(kept) or None


def ct_parts(kept: str) -> list[str]:
    """Ct values as ``ct_values`` keeps them ("ORF1ab=36.2;N=37.1") as they are said: ["ORF1ab 36.2", "N 37.1"]
    (names and numbers, the same in both languages)."""
    return [v.replace("=", " ") for v in kept.split(";")]


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
    samples: dict[int, list[tuple[date, int]]] = {}  # stay -> (local day sampled, swab) of every sample waiting
    zone = ZoneInfo(tz)
    for waiting_swab, waiting_stay, sampled in session.execute(
        select(SwabTest.id, SwabTest.stay_id, SwabTest.sampled_at)
        .join(Stay, SwabTest.stay_id == Stay.id)
        .where(Stay.departed_at.is_(None), SwabTest.sampled_at.is_not(None), SwabTest.result == SwabResult.PENDING)
        .order_by(SwabTest.sampled_at)
    ):
        if sampled is not None:
            samples.setdefault(waiting_stay, []).append((sampled.astimezone(zone).date(), waiting_swab))
    # the latest sample waiting wins, unless the lab says when it was taken
    waiting = {stay: swabs[-1][1] for stay, swabs in samples.items()}
    out: list[LabRow] = []
    earliest = datetime.combine(EARLIEST_EVENT, time(0, 0), tzinfo=zone)
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
        said_result = _key(get(raw, "result"))
        result = RESULTS.get(said_result)
        weak = said_result in WEAK
        try:
            cts = ct_values({c: get(raw, c) for c, _gene in CT_GENES})
        except ValueError:
            cts, ct_bad = None, True
        else:
            ct_bad = False
        sample_cell = get(raw, "sampled_at")
        try:
            sampled_at = parse_when(sample_cell, tz)
            sample_bad = False
        except (ValueError, TypeError, OverflowError):  # said: the latest sample may not be the one meant
            sampled_at, sample_bad = None, True
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
        elif ct_bad:
            problem = "lab_bad_ct"
        elif sample_bad:
            problem = "lab_bad_sample_time"
        elif stay_id not in waiting:
            problem = "lab_no_sample"
        try:
            when = parse_when(get(raw, "result_at"), tz)
        except (ValueError, TypeError, OverflowError):  # unreadable: the time of applying is used
            when = None
        if when is not None and not earliest <= when <= clock.now() + FUTURE_SLACK:
            when = None  # year 1, 9999 and the like: the time of applying is used
        swab_id: int | None = waiting.get(stay_id) if stay_id is not None else None
        if problem is None and sampled_at is not None and stay_id is not None:
            # the lab says when the sample was taken: the one of that day, not merely the latest
            that_day = [s for day, s in samples.get(stay_id, []) if day == sampled_at.date()]
            swab_id = that_day[-1] if that_day else None
            if swab_id is None:
                problem = "lab_no_sample_that_day"
        out.append(
            LabRow(
                i + 1,
                name,
                doc[-4:],
                room,
                result,
                swab_id if problem is None else None,
                stay_id,
                lab,
                when,
                problem,
                weak=weak and result is SwabResult.POSITIVE,
                ct_values=cts,
                sampled_at=sampled_at,
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
        record_result(
            session, actor, r.swab_id, r.result, lab=r.lab, at=r.result_at, weak=r.weak, ct_values=r.ct_values
        )
        if r.result is SwabResult.POSITIVE:
            positives.append(r)
    return positives
