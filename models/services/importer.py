"""Transfer lists (转运名单) from Excel or CSV: find the header, map columns, normalise every row.

Real lists are messy: title rows above the header, total rows below the data,
ID numbers that Excel turned into numbers and cut to 15 digits, dates as dates, text or
serial numbers, full-width digits. Every row that was read gets a status and messages;
nothing here writes to the database. The file itself is read within limits
(models/rules/table_files.py): a hostile file is refused before it can fill the memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError
from models.rules import table_files
from models.rules.identity import fold_width, mask_id, mask_phone, shown
from models.rules.spreadsheet import starts_a_formula
from models.rules.table_files import FormulaWithoutValue
from models.rules.typed_dates import parse_typed_datetime
from models.rules.xlsx_stream import column_letter
from models.services.arrivals import ArrivalInput, check_arrivals
from models.services.sites import get_site, site_today
from models.store.orm import Category, DocType, Sex

# field -> header spellings seen on real lists (compared without spaces, case-insensitive)
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "人员姓名", "name"),
    "sex": ("性别", "sex", "gender"),
    "doc_type": ("证件类型", "证件种类", "documenttype", "doctype"),
    "doc_number": ("证件号码", "证件号", "身份证号", "身份证号码", "身份证", "公民身份号码", "idnumber", "id", "证件"),
    "phone": ("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "phone", "mobile"),
    "origin": ("来源地", "来源", "来源地区", "来自", "出发地", "origin"),
    "category": ("人员类别", "类别", "人员类型", "隔离类型", "隔离类别", "category"),
    "last_exposure": (
        "末次暴露时间",
        "末次暴露日期",
        "末次接触时间",
        "末次接触日期",
        "末次暴露",
        "暴露时间",
        "lastexposure",
    ),
    "arrived_at": ("入住时间", "到达时间", "抵达时间", "arrival"),
    "companion": ("同住人", "陪护人", "同住", "companion"),
    # a family or travel group: the allocator keeps its members on one floor (AllocationRequest.group)
    "group": ("同行人", "家庭", "分组", "批次号", "批次", "组别", "group", "family"),
    "address": ("住址", "地址", "现住址", "居住地址", "address"),
    "birth_date": ("出生日期", "出生年月", "birthdate"),
    "special_needs": ("特殊需求", "特殊情况", "specialneeds"),
    "notes": ("备注", "notes"),
    "seq": ("序号", "编号", "no", "no."),
}
FIELDS = tuple(HEADER_ALIASES)
_FIELD_OF_ALIAS: dict[str, str] = {}  # alias -> field, the first field listing it
for _field, _aliases in HEADER_ALIASES.items():
    for _alias in _aliases:
        _FIELD_OF_ALIAS.setdefault(_alias, _field)
HEADER_SCAN = 20  # the rows a header is looked for in
YEAR_LEFT_OUT = re.compile(r"^\d{1,2}\s*[-.月]\s*\d{1,2}(?!\d)")  # 11月29日, 11-29, 11.29 8:30: no year
# a total row, or a footer (who made or checked the list): no person
TOTAL_ROW = re.compile(r"^(合计|总计|小计|共计|total|制表|填表|填报|审核|核对)|共\s*\d+\s*人")
MAX_CELL = 500


class RowMessage(str):
    """One thing said about a row: its code and parameters (MESSAGES), said in the reader's language by
    ``message(lang)`` (the screen's, the command line's ``--lang``, Chinese in the export the sender reads).
    As a plain string it is "中文 / English", as a DomainError's text."""

    code: str
    params: dict[str, Any]
    zh: str
    en: str

    def __new__(cls, code: str, **params: Any) -> RowMessage:
        return cls.of(DomainError(code, **params))

    @classmethod
    def of(cls, error: DomainError) -> RowMessage:
        self = str.__new__(cls, f"{error.zh} / {error.en}")
        self.code, self.params, self.zh, self.en = error.code, error.params, error.zh, error.en
        return self

    def message(self, lang: str = "zh_CN") -> str:
        return self.zh if lang.startswith("zh") else self.en


def said(message: str, lang: str) -> str:
    """A row's message in ``lang`` (a plain string, e.g. made by hand, as it is)."""
    return message.message(lang) if isinstance(message, RowMessage) else message


@dataclass
class ImportRow:
    row: int  # as Excel numbers it (1-based, header row included)
    status: str = "valid"  # valid / warning / invalid / duplicate / skipped
    messages: list[str] = field(default_factory=list)  # RowMessage: code and parameters, said where shown
    fields: dict[str, Any] = field(default_factory=dict)  # normalised
    arrival: ArrivalInput | None = None
    companion_of: int | None = None  # the row number of the person this one shares a room with
    # full text -> masked text of the row's identifiers (ID number, phone, birth date) as cells and
    # messages may carry them: what as_json hides
    identifiers: dict[str, str] = field(default_factory=dict, repr=False)

    def as_json(self, full: bool = False, lang: str = "zh_CN") -> dict[str, Any]:
        """The row for ``import --json``, its messages in ``lang``. ID number, phone and birth date are masked
        (mask_id, mask_phone, year only), in the fields and in the messages, unless ``full`` (an audited
        choice of the caller)."""
        fields = {k: _jsonable(v) for k, v in self.fields.items()}
        messages = [said(m, lang) for m in self.messages]
        if not full:
            for k, mask in (("doc_number", mask_id), ("phone", mask_phone)):
                if fields.get(k):
                    fields[k] = mask(str(fields[k]))
            if fields.get("birth_date"):
                fields["birth_date"] = _mask_date(str(fields["birth_date"]))
            secrets = sorted((s for s in self.identifiers if len(s) >= 4), key=len, reverse=True)
            for secret in secrets:
                messages = [m.replace(secret, self.identifiers[secret]) for m in messages]
        return {
            "row": self.row,
            "status": self.status,
            "messages": messages,
            "fields": fields,
            "companion_of": self.companion_of,
        }

    def note_identifiers(self, docs: list[str], phones: list[str | None], days: list[date | None]) -> None:
        """Remember the row's identifiers as given and as normalised (and as a message quotes them)."""
        for doc in filter(None, docs):
            self.identifiers |= {doc: mask_id(doc), shown(doc): mask_id(shown(doc))}
        for phone in filter(None, phones):
            self.identifiers |= {phone: mask_phone(phone), shown(phone): mask_phone(shown(phone))}
        for day in filter(None, days):
            self.identifiers[day.isoformat()] = _mask_date(day.isoformat())


def _mask_date(iso: str) -> str:
    """1990-**-**: the year only (a birth date is the middle of a resident ID)."""
    return iso[:4] + "-**-**"


def _jsonable(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if hasattr(v, "value"):
        return v.value
    return v


# --- reading files --------------------------------------------------------------------------


def read_table(path: Path) -> list[list[Any]]:
    """The cells of the sheet that holds the transfer list (``pick_sheet``), or the CSV, as a list of rows,
    within the limits of models/rules/table_files.py (rows, columns, cell text, file and unpacked size).
    Formulas come as their cached values."""
    return pick_sheet(path).rows


@dataclass(frozen=True)
class PickedSheet:
    """The sheet a list was read from, its rows, and every sheet's name (for the desk to choose another)."""

    name: str
    rows: list[list[Any]]
    names: tuple[str, ...]


def header_score(rows: list[list[Any]]) -> int:
    """How many columns of a transfer list the sheet's header names (0: no header with a name and an ID)."""
    try:
        return len(find_header(rows)[1])
    except DomainError:
        return 0


def pick_sheet(
    path: Path, sheet: str | None = None, score: Callable[[list[list[Any]]], int] = header_score
) -> PickedSheet:
    """A workbook with several sheets (an office's list beside its notes, a district lookup): the sheet whose
    header matches best (the first of equals; the first sheet when none matches), or the one named ``sheet``."""
    sheets = table_files.read_sheets(path)
    names = tuple(s.name for s in sheets)
    if sheet is not None:
        chosen = next((s for s in sheets if s.name == sheet), None)
        if chosen is None:
            raise DomainError("import_sheet_unknown", sheet=shown(sheet), sheets="、".join(names))
        return PickedSheet(chosen.name, chosen.rows, names)
    best = max(sheets, key=lambda s: (score(s.rows), -sheets.index(s)))
    return PickedSheet(best.name, best.rows, names)


def header_key(text: Any) -> str:
    """A header as headers are compared: without spaces, colons, stars or brackets, in lower case."""
    return re.sub(r"[\s:：*（）()]", "", fold_width(str(text))).lower() if text is not None else ""


def match_header(cell: Any) -> str | None:
    return _field_of_key(header_key(cell))


def _field_of_key(k: str) -> str | None:
    return _FIELD_OF_ALIAS.get(k) if k else None


def column_name(rows: list[list[Any]], top: int, last: int, c: int) -> str:
    """A column as the list names it: its header (both rows of a two-row header, "证件·号码"), or its letter."""
    parts = [cell_text(rows[i][c]) if c < len(rows[i]) else "" for i in range(top, last + 1)]
    named = [p for i, p in enumerate(parts) if p and (i == 0 or p != parts[i - 1])]
    return shown("·".join(named)) or column_letter(c + 1)


def header_cells(upper: list[Any], lower: list[Any]) -> list[list[str]]:
    """A two-row header (an office's "证件" over "类型" and "号码"; "基本信息" over "姓名", "性别"): for each
    column, the spellings it may be read by, best first: both rows together; the lower one where the upper
    cell is empty, a group's (its text spans several columns) or names the same field; the upper one where the
    lower is empty (a cell merged down). A merged upper cell holds its text in its first column only, as a .csv
    does: an empty upper cell over a named lower one takes the upper text from its left. No spelling at all
    when the lower row looks like data (a number, a date, an ID or a phone): a first data row is no header."""
    if looks_like_data(lower):
        return [[] for _ in range(max(len(upper), len(lower)))]
    width = max(len(upper), len(lower))
    ups = [header_key(upper[c]) if c < len(upper) else "" for c in range(width)]
    lows = [header_key(lower[c]) if c < len(lower) else "" for c in range(width)]
    out: list[list[str]] = []
    carried = ""
    for c in range(width):
        u, lo = ups[c], lows[c]
        group = False
        if u:
            carried = u if lo else ""  # an upper cell with nothing under it is merged down, not across
            group = bool(lo) and c + 1 < width and not ups[c + 1] and bool(lows[c + 1])  # it spans to the right
        elif lo and carried:
            u, group = carried, True
        else:
            carried = ""
        same = bool(u and lo) and _field_of_key(u) is not None and _field_of_key(u) == _field_of_key(lo)
        spellings = [u + lo if u and lo and u != lo else ""]
        spellings.append(lo if lo and (not u or group or same) else "")  # 联系方式 over 手机: the same field
        spellings.append(u if u and not lo else "")
        out.append([k for k in dict.fromkeys(spellings) if k])
    return out


_DIGITS = re.compile(r"\d{6,}")


def looks_like_data(row: list[Any]) -> bool:
    """A row holding a number, a date or a long run of digits (an ID, a phone, 20261129): not a header's."""
    for cell in row:
        if isinstance(cell, bool) or cell is None:
            continue
        if isinstance(cell, (int, float, date, datetime)) or _DIGITS.search(fold_width(str(cell))):
            return True
    return False


def find_header(
    rows: list[list[Any]], mapping: dict[str, str] | None = None, scan: int = HEADER_SCAN
) -> tuple[int, dict[int, str]]:
    """The header's (last) row index and a column -> field map. ``mapping`` (header text -> field) overrides."""
    _top, last, cols = header_span(rows, mapping, scan)
    return last, cols


def header_span(
    rows: list[list[Any]], mapping: dict[str, str] | None = None, scan: int = HEADER_SCAN
) -> tuple[int, int, dict[int, str]]:
    """The header's first and last row index and a column -> field map.

    A header is one row, or two (a two-row header, merged cells above): the two are taken together only where
    they name more columns than either row alone."""
    for f in (mapping or {}).values():
        if f not in FIELDS:
            raise DomainError("import_map_field", field=f, fields=", ".join(FIELDS))
    extra = {header_key(k): v for k, v in (mapping or {}).items()}

    def fields_of(cells: list[list[str]]) -> dict[int, str]:
        cols: dict[int, str] = {}
        for c, keys in enumerate(cells):
            found = next((f for k in keys if (f := extra.get(k) or _field_of_key(k))), None)
            if found and found not in cols.values():
                cols[c] = found
        return cols

    best: tuple[int, int, dict[int, str]] = (-1, -1, {})
    head = rows[:scan]
    single = [fields_of([[header_key(cell)] for cell in row]) for row in head]
    for i in range(len(head)):
        if len(single[i]) > len(best[2]) or (len(single[i]) == len(best[2]) and best[1] > best[0]):
            best = (i, i, single[i])  # of equals, a one-row header (a title merged above it is no header row)
        if i + 1 < len(head):
            pair = fields_of(header_cells(head[i], head[i + 1]))
            if len(pair) > max(len(best[2]), len(single[i + 1])):  # more than either row names alone
                best = (i, i + 1, pair)
    if best[0] < 0 or "name" not in best[2].values() or "doc_number" not in best[2].values():
        raise DomainError("import_no_header")
    return best


# --- cell values ----------------------------------------------------------------------------

EXCEL_EPOCH = datetime(1899, 12, 30)


def parse_when(value: Any, tz: str, default_time: time = time(12, 0), today: date | None = None) -> datetime | None:
    """A date or date-time from a cell: datetime, date, Excel serial, or text as typed at the desk
    (models/rules/typed_dates.py: 2026-11-29, 11月29日 …; a year left out is read near ``today``,
    by default the site's today from the clock)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    zone = ZoneInfo(tz)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime.combine(value, default_time, tzinfo=zone)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 <= value <= 80000:  # Excel serial day number (1954..2119)
            when = EXCEL_EPOCH + timedelta(days=float(value))
            if float(value).is_integer():  # a date without a time
                return datetime.combine(when.date(), default_time, tzinfo=zone)
            return when.replace(tzinfo=zone)
        if 19000101 <= value <= 21001231:
            value = str(int(value))
        else:
            raise ValueError(str(value))
    day = today if today is not None else clock.site_today(tz)
    try:
        return parse_typed_datetime(str(value), datetime.combine(day, time(12, 0), tzinfo=zone), tz, default_time)
    except DomainError as e:
        raise ValueError(str(value)) from e


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return fold_width(str(value)).strip()


def parse_sex(value: Any) -> Sex | None:
    t = cell_text(value).lower()
    if not t:
        return None
    if t in ("男", "m", "male", "1"):
        return Sex.MALE
    if t in ("女", "f", "female", "2", "0"):
        return Sex.FEMALE
    raise ValueError(t)


def parse_doc_type(value: Any) -> DocType:
    t = cell_text(value)
    if not t or "身份证" in t or t.lower() in ("id", "resident_id"):
        return DocType.RESIDENT_ID
    if "护照" in t or "passport" in t.lower():
        return DocType.PASSPORT
    if any(k in t for k in ("港", "澳", "台", "通行证", "居住证", "回乡证")):
        return DocType.HK_MACAO_TAIWAN
    return DocType.OTHER


def doc_number_text(value: Any) -> str:
    """ID numbers typed into a number column arrive as int/float: keep what is there, let validation judge."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.6E}"  # 1.101052E+17: the tail is gone
    if isinstance(value, int):
        return str(value)
    return cell_text(value)


CATEGORY_HINTS = (  # text fragment -> code; checked in order
    ("次密", "secondary_contact"),
    ("密接的密接", "secondary_contact"),
    ("密接", "close_contact"),
    ("密切接触", "close_contact"),
    ("入境", "inbound"),
    ("境外", "inbound"),
    ("风险", "risk_area"),
    ("红码", "red_yellow_code"),
    ("黄码", "red_yellow_code"),
    ("其他", "other"),
)


def category_lookup(session: Session) -> dict[str, str]:
    table: dict[str, str] = {}
    for code, zh, en in session.execute(select(Category.code, Category.name_zh, Category.name_en)):
        for k in (code, zh, en):
            table[header_key(k)] = code
    return table


def parse_category(value: Any, table: dict[str, str]) -> str:
    t = cell_text(value)
    if not t:
        raise ValueError("")
    if header_key(t) in table:
        return table[header_key(t)]
    for hint, code in CATEGORY_HINTS:
        if hint in t and code in table.values():
            return code
    raise ValueError(t)


# --- the whole file -------------------------------------------------------------------------


def _msg(code: str, **params: Any) -> RowMessage:
    return RowMessage(code, **params)


def _cell(values: dict[str, Any], errors: list[str], f: str, parser: Any, code: str, *args: Any) -> Any:
    """Parse one cell; on failure note a row-level message and give None."""
    try:
        return parser(values.get(f), *args)
    except (ValueError, TypeError, OverflowError):
        errors.append(_msg(code, value=shown(cell_text(values.get(f)))))
        return None


def parse_rows(
    session: Session,
    rows: list[list[Any]],
    *,
    mapping: dict[str, str] | None = None,
    now: datetime | None = None,
) -> list[ImportRow]:
    """Check every data row of a transfer list. Writes nothing."""
    now = now or clock.now()
    site = get_site(session)
    header_top, header_at, cols = header_span(rows, mapping)
    named = {f: column_name(rows, header_top, header_at, c) for c, f in cols.items()}  # as the file says it
    categories = category_lookup(session)
    out: list[ImportRow] = []
    seen_docs: dict[tuple[DocType, str], int] = {}
    by_name: dict[str, int] = {}
    # rows to check: each with its cells, its errors, its category, its data and what it is read as (notes)
    read: list[tuple[ImportRow, dict[str, Any], list[str], str | None, ArrivalInput, list[str]]] = []
    for i in range(header_at + 1, len(rows)):
        raw = rows[i]
        r = ImportRow(row=i + 1)
        out.append(r)
        values = {f: raw[c] if c < len(raw) else None for c, f in cols.items()}
        texts = [cell_text(v) for v in raw if v is not None]
        unvalued = [f for f, v in values.items() if isinstance(v, FormulaWithoutValue)]
        if unvalued and {"name", "doc_number"} & set(unvalued):  # not a blank or a total row: a program's list
            r.status = "invalid"
            r.messages += [_msg("import_formula_no_value", column=named[f]) for f in unvalued]
            continue
        if not any(texts):
            r.status = "skipped"
            r.messages.append(_msg("import_blank_row"))
            continue
        joined = " ".join(texts)
        if TOTAL_ROW.search(joined.lower()) or (
            not cell_text(values.get("doc_number")) and not cell_text(values.get("name"))
        ):
            r.status = "skipped"
            r.messages.append(_msg("import_total_row"))
            continue
        errors: list[str] = []
        for f, v in values.items():
            if isinstance(v, str) and len(v) > MAX_CELL:
                errors.append(_msg("import_cell_too_long", column=named[f], length=len(v)))
                values[f] = v[:MAX_CELL]
            if isinstance(v, FormulaWithoutValue):  # not "empty": the file never kept what it computes
                errors.append(_msg("import_formula_no_value", column=named[f]))
            elif isinstance(v, str) and starts_a_formula(v):  # also " =…" and the full-width "＝…"
                errors.append(_msg("import_formula", column=named[f]))
        sex = _cell(values, errors, "sex", parse_sex, "import_bad_sex")
        doc_type = parse_doc_type(values.get("doc_type"))
        category = _cell(values, errors, "category", parse_category, "category_unknown_cell", categories)
        exposure = _cell(values, errors, "last_exposure", parse_when, "import_bad_date", site.timezone)
        arrived = _cell(values, errors, "arrived_at", parse_when, "import_bad_date", site.timezone) or now
        birth = _cell(values, errors, "birth_date", parse_when, "import_bad_date", site.timezone)
        data = ArrivalInput(
            name=cell_text(values.get("name")),
            doc_number=doc_number_text(values.get("doc_number")),
            category=category or "",
            doc_type=doc_type,
            sex=sex,
            birth_date=birth.date() if birth else None,
            phone=cell_text(values.get("phone")) or None,
            address=cell_text(values.get("address")),
            origin=cell_text(values.get("origin")),
            special_needs=cell_text(values.get("special_needs")),
            notes=cell_text(values.get("notes")),
            last_exposure=exposure,
            arrived_at=arrived,
        )
        notes: list[str] = []  # what a valid row is read as and the desk should see
        for f, when in (("last_exposure", exposure), ("arrived_at", arrived)):
            typed = cell_text(values.get(f))
            if when is not None and YEAR_LEFT_OUT.match(typed):  # 11月29日: the year said back
                notes.append(
                    _msg("import_year_inferred", column=named[f], value=shown(typed), day=when.date().isoformat())
                )
        read.append((r, values, errors, category, data, notes))
    checks = check_arrivals(session, [data for *_, data, _notes in read], now)  # the people known: a few queries in all
    for (r, values, errors, category, data, notes), check in zip(read, checks, strict=True):
        n = check.data
        r.note_identifiers([data.doc_number, n.doc_number], [data.phone, n.phone], [data.birth_date, n.birth_date])
        for e in check.errors:
            if e.code == "category_unknown" and category is None:
                continue  # already said, with the cell's text
            errors.append(RowMessage.of(e))
        r.fields = {
            "name": n.name,
            "sex": n.sex,
            "birth_date": n.birth_date,
            "doc_type": n.doc_type,
            "doc_number": n.doc_number,
            "phone": n.phone,
            "origin": n.origin,
            "category": n.category,
            "last_exposure": n.last_exposure,
            "arrived_at": n.arrived_at,
            "address": n.address,
            "companion": cell_text(values.get("companion"))[:MAX_CELL],
            "group": cell_text(values.get("group"))[:MAX_CELL],
        }
        r.arrival = n
        if errors:
            r.status, r.messages = "invalid", errors
            continue
        key = (n.doc_type, n.doc_number)
        if check.present_stay_id is not None:
            r.status = "duplicate"
            r.messages.append(_msg("already_present", name=n.name, room=check.present_room))
        elif key in seen_docs:
            r.status = "duplicate"
            r.messages.append(_msg("import_duplicate_row", row=seen_docs[key]))
        else:
            seen_docs[key] = r.row
            by_name.setdefault(n.name, r.row)
            if check.warnings or notes:
                r.status = "warning"
                r.messages += [_msg(f"warn_{w}") for w in check.warnings] + notes
    # companions: 同住人 names another person of the same list
    rows_by_no = {r.row: r for r in out}
    for r in out:
        name = r.fields.get("companion") if r.status in ("valid", "warning") else None
        if not name:
            continue
        lead = by_name.get(name)
        if lead is None or lead == r.row:
            r.status = "warning"
            r.messages.append(_msg("import_companion_missing", name=shown(name)))
        elif rows_by_no[lead].fields.get("companion") == r.fields["name"] and lead > r.row:
            continue  # the pair names each other: the later row joins the earlier one
        else:
            r.companion_of = lead
    return out


def read_transfer_list(
    session: Session,
    path: Path,
    *,
    mapping: dict[str, str] | None = None,
    now: datetime | None = None,
) -> list[ImportRow]:
    return parse_rows(session, read_table(path), mapping=mapping, now=now)


# --- checking in a whole list --------------------------------------------------------------

ACCESSIBLE_HINTS = ("行动不便", "轮椅", "无障碍", "残疾")


def _requests(rows: list[ImportRow], today: date) -> list[Any]:
    from models.rules.identity import age_on
    from models.services.allocation import AllocationRequest
    from models.store.orm import CompanionReason

    index = {r.row: i for i, r in enumerate(rows)}
    reqs = []
    for r in rows:
        assert r.arrival is not None
        age = age_on(r.arrival.birth_date, today)
        needs = r.arrival.special_needs
        reason = None
        if r.companion_of is not None:
            if age is not None and age < 14:
                reason = CompanionReason.CHILD
            elif "孕" in needs:
                reason = CompanionReason.PREGNANT
            else:
                reason = CompanionReason.FAMILY
        reqs.append(
            AllocationRequest(
                key=r.row,
                age=age,
                needs_accessible=any(h in needs for h in ACCESSIBLE_HINTS),
                companion_of=index.get(r.companion_of) if r.companion_of is not None else None,
                companion_reason=reason,
                group=r.fields.get("group") or None,
            )
        )
    return reqs


def plan_rooms(
    session: Session, rows: list[ImportRow], now: datetime | None = None, keep: dict[int, int] | None = None
) -> list[Any]:
    """Room suggestions for every valid (or warned) row, in the order of those rows. Writes nothing.
    ``keep``: row number -> room of an earlier plan (:func:`room_plan`), kept where it still can be."""
    from models.services.allocation import suggest_rooms

    todo = [r for r in rows if r.status in ("valid", "warning")]
    return suggest_rooms(session, _requests(todo, site_today(session, now)), keep=keep)


def room_plan(rows: list[ImportRow], plan: list[Any]) -> dict[int, int]:
    """Row number -> room id of a plan (:func:`plan_rooms`' answer for ``rows``), the rows without a room left out."""
    accepted = [r for r in rows if r.status in ("valid", "warning")]
    return {r.row: s.room_id for r, s in zip(accepted, plan, strict=True) if s.room_id is not None}


def check_in_rows(
    session: Session,
    actor: Any,
    rows: list[ImportRow],
    now: datetime | None = None,
    plan: dict[int, int] | None = None,
    *,
    planned_batch_id: int | None = None,
) -> list[Any]:
    """Allocate rooms to every valid (or warned) row and check them all in: all or nothing.

    ``plan``: the room plan the desk confirmed (row number -> room id, :func:`room_plan`); everyone goes to
    the room shown, or nobody is checked in (``import_plan_changed``: a room was taken meanwhile, say by
    another desk). Without it the rooms are allocated now. ``planned_batch_id``: the announced batch this list
    is (待转运批次), closed as arrived with them. Returns the stays, in the list's order of carers then
    companions.
    """
    from models.services.allocation import suggest_rooms, to_batch_items
    from models.services.arrivals import register_batch

    now = now or clock.now()
    todo = [r for r in rows if r.status in ("valid", "warning")]
    if not todo:
        raise DomainError("import_nothing")
    reqs = _requests(todo, site_today(session, now))
    suggestions = suggest_rooms(session, reqs, keep=plan)
    missing = sum(1 for s in suggestions if s.room_id is None)
    if missing:
        raise DomainError("import_no_room", missing=missing, total=len(todo))
    if plan is not None:
        moved = sum(1 for r, s in zip(todo, suggestions, strict=True) if plan.get(r.row) != s.room_id)
        if moved:
            raise DomainError("import_plan_changed", moved=moved)
    items = to_batch_items([r.arrival for r in todo if r.arrival is not None], reqs, suggestions)  # all: see _requests
    return register_batch(session, actor, items, now=now, planned_batch_id=planned_batch_id)


EXPORT_COLUMNS = [
    "姓名",
    "性别",
    "证件类型",
    "证件号码",
    "联系电话",
    "来源地",
    "人员类别",
    "末次暴露时间",
    "同住人",
    "原行号",
    "问题",
]


def export_rows(
    rows: list[ImportRow],
    path: Path,
    statuses: tuple[str, ...] = ("invalid", "duplicate"),
    *,
    category_names: dict[str, str] | None = None,
) -> int:
    """Write the rows that were not accepted back to an .xlsx the sender can fix (with the reasons).
    ``category_names``: category code -> the name to write (the Chinese one, which the import reads back),
    so that the sender sees no code.

    Returns how many rows were written. The sheet is a table as every IsoDesk table
    (``models.rules.spreadsheet.save_table``: header frozen, autofilter, widths fitted); the last exposure
    a real date-time (the wall-clock time it was read as, which the importer reads back the same), the ID
    number a text cell (a number would lose its last digits).
    """
    from models.rules.spreadsheet import save_table

    body: list[list[object]] = []
    for r in rows:
        if r.status not in statuses:
            continue
        f = r.fields
        sex = f.get("sex")
        exposure = f.get("last_exposure")
        body.append(
            [
                f.get("name", ""),
                ("男" if sex is Sex.MALE else "女") if sex else "",
                {
                    DocType.RESIDENT_ID: "居民身份证",
                    DocType.PASSPORT: "护照",
                    DocType.HK_MACAO_TAIWAN: "港澳台通行证",
                }.get(f.get("doc_type", DocType.OTHER), "其他"),
                f.get("doc_number", ""),
                f.get("phone") or "",
                f.get("origin", ""),
                (category_names or {}).get(f.get("category", ""), f.get("category", "")),
                exposure.replace(tzinfo=None) if isinstance(exposure, datetime) else "",  # as it was read
                f.get("companion", ""),
                r.row,
                "；".join(said(m, "zh_CN") for m in r.messages),  # the sender reads Chinese
            ]
        )
    return save_table(path, "待修正", EXPORT_COLUMNS, body, formats={3: "@"})  # ID numbers as text this time
