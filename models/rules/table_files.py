"""Reading a table file from outside (.xlsx or .csv) within limits a real list never reaches.

A transfer list or a lab file is made by someone else. A 5 KB .xlsx may claim a sheet of 17 billion cells
(``<dimension ref="A1:XFD1048576"/>``), a 1 MB one may unpack to gigabytes, a CSV may be one endless line.
So, before openpyxl opens a workbook:

1. the zip's directory is checked without unpacking anything: number of parts, their total unpacked size,
   and how many times each large part unpacks its compressed size (zipfile never unpacks more than the
   directory declares, so these numbers hold);
2. every part is streamed once through expat, counting without building anything: elements, nesting,
   rows and cells of a sheet, characters of a cell, and where the last cell that holds something is;

then openpyxl reads the first sheet in read-only mode, row by row, up to that last row (never up to the
size the sheet declares). A CSV is read line by line with the same row, column and cell limits.

Every refusal is a DomainError that names the limit; a file that is not what its name says is
``import_unreadable``. The limits are far above a real list (a few thousand rows, a few dozen columns).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.parsers import expat

from models.errors import DomainError
from models.rules.identity import shown

# --- the limits -----------------------------------------------------------------------------------
MAX_FILE_BYTES = 16 * 2**20  # the file on disk (.xlsx or .csv); a list of 5,000 people is well under 2 MB
MAX_ROWS = 10_000  # rows up to the last one that holds anything (header and title rows included)
MAX_COLUMNS = 100  # columns up to the last one that holds anything
MAX_CELL_TEXT = 32_767  # characters in one cell: Excel's own limit
MAX_LINE_CHARS = 131_072  # characters in one line of a CSV (csv's own default field limit)
MAX_ZIP_MEMBERS = 1_000  # parts of an .xlsx (a real one has 10 to 50)
MAX_UNPACKED_BYTES = 64 * 2**20  # all parts of an .xlsx once unpacked (5,000 rows x 40 columns: about 10 MB)
MAX_RATIO = 100  # how many times a part may unpack its compressed size (sheet XML: 5 to 20) ...
RATIO_FROM_BYTES = 2**20  # ... for parts that unpack to more than this (a small part is harmless)
# elements of one part outside a sheet's rows (styles, shared strings ...): openpyxl builds some of these parts
# as whole trees of objects. A real list has a few thousand; Excel's bloated "too many formats" styles ~300,000
MAX_XML_ELEMENTS = 500_000
MAX_ROW_ELEMENTS = 100_000  # elements in one row of a sheet (its cells, their values and runs)
MAX_XML_DEPTH = 64  # nesting of elements (an .xlsx part nests about 10 deep)
SHEET_ROWS = 1_048_576  # Excel's own sheet size: a row number or a count beyond is not from a spreadsheet
SHEET_COLUMNS = 16_384

_CHUNK = 1 << 16
_CELL_REF = re.compile(r"([A-Za-z]{1,3})(\d+)")


def _mb(n: int) -> str:
    return f"{n / 2**20:,.1f} MB"


WORKBOOKS = (".xlsx", ".xlsm")  # read by openpyxl, after the zip and XML checks below
OTHER_WORKBOOKS = (".xls", ".ods", ".et")  # Excel 97-2003, OpenDocument, WPS: read by python-calamine
TEXT_TABLES = (".csv", ".txt")
SUFFIXES = WORKBOOKS + OTHER_WORKBOOKS + TEXT_TABLES


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook (a CSV is one sheet, named after the file): its rows of cell values."""

    name: str
    rows: list[list[Any]]


class FormulaWithoutValue(str):
    """A formula cell whose file keeps no value for it (a list written by a program, never opened and saved in
    Excel): empty as text, so nothing takes it for a value, but the importer can say what it is."""

    __slots__ = ()

    def __new__(cls) -> FormulaWithoutValue:
        return str.__new__(cls, "")


NO_CACHED_VALUE = FormulaWithoutValue()
MAX_MERGED_CELLS = MAX_ROWS * MAX_COLUMNS  # cells filled from merged ranges, all sheets of a workbook together
MAX_SPANS = 100_000  # merged ranges of one sheet (a real list has a few dozen)
MAX_UNVALUED = 500_000  # formula cells without a value kept per sheet (5,000 rows x 100 columns)

Span = tuple[int, int, int, int]  # a merged range: first row, first column, last row, last column (0-based)


class MergeBudget:
    """The cells a workbook's merged ranges may fill, all its sheets together (MAX_MERGED_CELLS)."""

    def __init__(self, path: Path) -> None:
        self.path, self.left = path, MAX_MERGED_CELLS

    def spend(self, cells: int) -> None:
        self.left -= cells
        if self.left < 0:
            raise DomainError("import_merged_too_many", name=self.path.name, limit=MAX_MERGED_CELLS)


def fill_merged(rows: list[list[Any]], spans: list[Span], budget: MergeBudget) -> list[list[Any]]:
    """A cell merged down a column takes the value of its first cell, as the desk sees it on the screen (a
    family's "来源地" merged down its rows, a header's "姓名" over two rows). A range across columns is left as
    it is: a header's "证件" over "类型" and "号码" is read by the importer as a two-row header, and a title or
    a footer merged across the sheet ("制表人：…") must not land in the name and ID columns. Only within the
    rows and columns read; the cells filled, all sheets together, within the ``budget``."""
    for r0, c0, last_row, last_column in spans:
        if c0 != last_column or last_row <= r0 or r0 < 0 or c0 < 0 or r0 >= len(rows) or c0 >= MAX_COLUMNS:
            continue  # across columns, one cell, inverted, or beyond what was read
        r1 = min(last_row, len(rows) - 1)
        top = rows[r0][c0] if c0 < len(rows[r0]) else None
        if top is None or top == "":
            continue
        budget.spend(r1 - r0)
        for r in range(r0 + 1, r1 + 1):
            row = rows[r]
            if len(row) <= c0:
                row.extend([None] * (c0 + 1 - len(row)))
            if row[c0] is None or row[c0] == "":
                row[c0] = top
    return rows


def _checked(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DomainError("import_format", suffix=suffix or "?")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DomainError("import_file_too_large", name=path.name, size=_mb(size), limit=_mb(MAX_FILE_BYTES))
    return suffix


def read_table(path: Path) -> list[list[Any]]:
    """The first sheet (.xlsx/.xlsm/.xls/.ods/.et) or the CSV (.csv/.txt) as rows of cell values, up to the last
    row that holds anything; each row without its empty tail. Formulas come as their cached values."""
    return read_sheets(path, first_only=True)[0].rows


def read_sheets(path: Path, *, first_only: bool = False) -> list[Sheet]:
    """Every sheet of the workbook (``first_only``: the first), in the workbook's order; a CSV is one sheet.
    Each within the limits above; a workbook with no sheet is ``import_unreadable``."""
    suffix = _checked(path)
    if suffix in WORKBOOKS:
        sheets = read_xlsx_sheets(path, first_only=first_only)
    elif suffix in OTHER_WORKBOOKS and suffix != ".ods" and zipfile.is_zipfile(path):
        sheets = read_xlsx_sheets(path, first_only=first_only)  # an .xlsx named .et (WPS saves both): its checks
    elif suffix in OTHER_WORKBOOKS:
        sheets = read_calamine(path, first_only=first_only)
    else:
        sheets = [Sheet(path.stem, read_csv(path))]
    if not sheets:
        raise DomainError("import_unreadable", name=path.name)
    return sheets


def _trimmed(values: Any) -> list[Any]:
    row = list(values)
    while row and (row[-1] is None or row[-1] == ""):
        row.pop()
    return row


# --- .xlsx ------------------------------------------------------------------------------------------


def read_xlsx(path: Path) -> list[list[Any]]:
    return read_xlsx_sheets(path, first_only=True)[0].rows


def read_xlsx_sheets(path: Path, *, first_only: bool = False) -> list[Sheet]:
    scan = scan_workbook(path)
    last_row = min(scan.last_row, MAX_ROWS + 1)  # one more: to see whether there is more
    budget = MergeBudget(path)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # not a workbook, damaged XML: openpyxl raises many kinds
        raise DomainError("import_unreadable", name=path.name) from exc
    try:
        out = []
        for ws in wb.worksheets[:1] if first_only else wb.worksheets:
            ws.reset_dimensions()  # the declared <dimension> is the sender's claim, not the sheet
            rows: list[list[Any]] = []
            if last_row:  # nothing anywhere: no rows (max_row=0 would mean "all")
                rows = _kept_rows(path, ws.iter_rows(max_row=last_row, values_only=True))
            part = scan.parts.get(str(getattr(ws, "_worksheet_path", "")).lstrip("/"))
            if part is not None:
                for r, c in part.unvalued:  # formulas the file keeps no value of: said as such, not as empty
                    if r < len(rows) and c < MAX_COLUMNS:
                        rows[r].extend([None] * (c + 1 - len(rows[r])))
                        rows[r][c] = NO_CACHED_VALUE
                rows = fill_merged(rows, part.merges, budget)
            out.append(Sheet(str(ws.title), rows))
        return out
    except DomainError:
        raise
    except Exception as exc:
        raise DomainError("import_unreadable", name=path.name) from exc
    finally:
        wb.close()


def _kept_rows(path: Path, values: Iterator[Any]) -> list[list[Any]]:
    """Rows within the limits, each without its empty tail, without the blank rows below the last one."""
    rows: list[list[Any]] = []
    for cells in values:
        row = _trimmed(cells)
        if row and len(rows) >= MAX_ROWS:
            raise DomainError("import_too_many_rows", name=path.name, limit=MAX_ROWS)
        _check_row(path, row)
        rows.append(row)
    while rows and not rows[-1]:  # blank rows below the last one with something (another sheet's)
        rows.pop()
    return rows


# --- .xls, .ods, .et ----------------------------------------------------------------------------------


def read_calamine(path: Path, *, first_only: bool = False) -> list[Sheet]:
    """An Excel 97-2003 (.xls), OpenDocument (.ods) or WPS (.et) workbook, read by python-calamine (a Rust
    reader, with nothing to evaluate): an .ods is a zip, checked first as an .xlsx is; each sheet then within
    the row, column and cell limits. A formula comes as its cached value; a date as a date."""
    if path.suffix.lower() == ".ods":
        _check_zip(path)
    budget = MergeBudget(path)
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
        names = list(wb.sheet_names)
        out = []
        for name in names[:1] if first_only else names:
            sheet = wb.get_sheet_by_name(name)
            if sheet.height > SHEET_ROWS or sheet.width > SHEET_COLUMNS:
                raise DomainError("import_too_many_rows", name=path.name, limit=SHEET_ROWS)
            rows = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
            kept = _kept_rows(path, iter([[_calamine_cell(v) for v in r] for r in rows]))
            spans = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []]
            out.append(Sheet(name, fill_merged(kept, spans, budget)))
        return out
    except DomainError:
        raise
    except Exception as exc:  # not such a workbook, damaged, encrypted
        raise DomainError("import_unreadable", name=path.name) from exc


def _calamine_cell(value: Any) -> Any:
    """calamine's empty cell is "" and a whole number may come as 3.0: as openpyxl gives them (None, 3)."""
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _check_row(path: Path, row: list[Any]) -> None:
    if len(row) > MAX_COLUMNS:
        raise DomainError("import_too_many_columns", name=path.name, limit=MAX_COLUMNS)
    for value in row:
        if isinstance(value, str) and len(value) > MAX_CELL_TEXT:
            raise DomainError("import_cell_too_large", name=path.name, limit=MAX_CELL_TEXT)


@dataclass
class PartFacts:
    """What the scan of one sheet's part found that openpyxl's read-only reader does not give: its merged
    ranges, and the cells (0-based row, column) that hold a formula with no value kept."""

    merges: list[Span]
    unvalued: list[tuple[int, int]]


@dataclass
class WorkbookScan:
    last_row: int  # the last row of any sheet that holds something (0: none)
    parts: dict[str, PartFacts]  # part name (xl/worksheets/sheet1.xml) -> its facts


def check_workbook(path: Path) -> int:
    """Refuse an .xlsx beyond the limits before anything builds it; return the number of the last row of any
    sheet that holds something (0: none)."""
    return scan_workbook(path).last_row


def scan_workbook(path: Path) -> WorkbookScan:
    """Refuse an .xlsx beyond the limits before anything builds it; say where its last row is and what each
    part holds that the reader leaves out. The limits of the list itself (MAX_ROWS, MAX_COLUMNS) are the first
    sheet's, checked as it is read: another sheet (a hidden list of districts) may be longer."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = _zip_checked(path, zf)
            last, parts = 0, {}
            for info in infos:
                if not info.is_dir():
                    part = _PartScan(path, info.filename)
                    last = max(last, part.scan(zf, info))
                    if part.merges or part.unvalued:
                        parts[info.filename] = PartFacts(part.merges, part.unvalued)
            return WorkbookScan(last, parts)
    except DomainError:
        raise
    except Exception as exc:  # not a zip, a damaged or encrypted part, a bad CRC ...
        raise DomainError("import_unreadable", name=path.name) from exc


def _check_zip(path: Path) -> None:
    """An OpenDocument workbook's zip: its directory within the limits, without unpacking anything."""
    try:
        with zipfile.ZipFile(path) as zf:
            _zip_checked(path, zf)
    except DomainError:
        raise
    except Exception as exc:
        raise DomainError("import_unreadable", name=path.name) from exc


def _zip_checked(path: Path, zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise DomainError("import_zip_members", name=path.name, count=len(infos), limit=MAX_ZIP_MEMBERS)
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise DomainError("import_zip_size", name=path.name, size=_mb(total), limit=_mb(MAX_UNPACKED_BYTES))
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise DomainError(
                "import_zip_ratio",
                name=path.name,
                part=shown(info.filename),
                ratio=f"{ratio:,.0f}",
                limit=MAX_RATIO,
            )
    return infos


class _PartScan:
    """One pass of expat over one part of the zip, refusing at the first limit it crosses.

    Rows and cells are counted the way openpyxl numbers them: a <row r="n"> sets the row number (else +1),
    a <c r="B7"> sets the column (else +1). A cell holds something when it has text (a value, a string).
    """

    def __init__(self, path: Path, part: str) -> None:
        self.path, self.part = path, part
        self.depth = 0
        self.elements = 0
        self.data_depth = 0  # depth of <sheetData>, 0 outside
        self.rows = 0
        self.row = 0
        self.row_elements = 0
        self.column = 0
        self.cells = 0
        self.cell_depth = 0  # depth of the current <c> (a sheet) or <si> (shared strings), 0 outside
        self.cell_text = 0
        self.holds = False
        self.last_row = 0
        self.worksheet = part.startswith("xl/worksheets/")  # merges and formulas are kept for sheets only
        self.merges: list[Span] = []  # <mergeCell ref="A1:B2"/>
        self.unvalued: list[tuple[int, int]] = []  # cells with an <f> and no <v> text
        self.formula = False  # the current cell has a formula ...
        self.valued = False  # ... and a value kept
        self.string_cell = False  # t="str": a formula's text result
        self.in_value = False

    def refuse(self, code: str, limit: int) -> DomainError:
        if code.startswith("import_xml"):
            return DomainError(code, name=self.path.name, part=shown(self.part), limit=limit)
        return DomainError(code, name=self.path.name, limit=limit)

    def scan(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.StartDoctypeDeclHandler = self.doctype  # an .xlsx part never has one: no entities
        with zf.open(info) as fh:
            try:
                while chunk := fh.read(_CHUNK):
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
            except expat.ExpatError:
                # not XML (an image, a printer setting) or broken XML: counted as far as it goes; openpyxl
                # (expat too) gets no further and refuses a broken part it needs
                pass
        return self.last_row

    def doctype(self, *args: object) -> None:
        raise DomainError("import_unreadable", name=self.path.name)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > MAX_XML_DEPTH:
            raise self.refuse("import_xml_depth", MAX_XML_DEPTH)
        local = tag.rpartition(" ")[2]
        if not self.data_depth:
            self.elements += 1
            if self.elements > MAX_XML_ELEMENTS:
                raise self.refuse("import_xml_elements", MAX_XML_ELEMENTS)
            if local == "sheetData":
                self.data_depth = self.depth
            elif local == "mergeCell" and self.worksheet:
                span = _span(attrs.get("ref", ""))
                if span is not None and span[0] <= MAX_ROWS and span[1] < MAX_COLUMNS:
                    self.merges.append(span)
                    if len(self.merges) > MAX_SPANS:
                        raise self.refuse("import_merged_too_many", MAX_SPANS)
            elif local == "si" and not self.cell_depth:  # a shared string: one cell's text
                self.cell_depth, self.cell_text = self.depth, 0
            return
        if self.depth == self.data_depth + 1:  # a row (or whatever else sits there)
            self.rows += 1
            if self.rows > SHEET_ROWS:
                raise self.refuse("import_too_many_rows", SHEET_ROWS)
            self.row = _number(attrs.get("r"), self.row + 1)
            if not 1 <= self.row <= SHEET_ROWS:
                raise self.refuse("import_too_many_rows", SHEET_ROWS)
            self.column = self.cells = self.row_elements = 0
            return
        self.row_elements += 1
        if self.row_elements > MAX_ROW_ELEMENTS:
            raise self.refuse("import_xml_elements", MAX_ROW_ELEMENTS)
        if self.depth == self.data_depth + 2 and local == "c":
            self.cells += 1
            ref = _CELL_REF.fullmatch(attrs.get("r", ""))
            self.column = _column(ref.group(1)) if ref else self.column + 1
            if self.cells > SHEET_COLUMNS or self.column > SHEET_COLUMNS:
                raise self.refuse("import_too_many_columns", SHEET_COLUMNS)
            self.cell_depth, self.cell_text, self.holds = self.depth, 0, False
            self.formula = self.valued = False
            self.string_cell = attrs.get("t") == "str"
        elif self.cell_depth and self.depth == self.cell_depth + 1:
            if local == "f":
                self.formula = True
            elif local == "is" or (local == "v" and self.string_cell):  # Excel's formula giving "" keeps <v/>
                self.valued = True
            elif local == "v":
                self.in_value = True  # a number's <v> counts when it holds text (openpyxl writes an empty <v/>)

    def end(self, tag: str) -> None:
        if self.in_value and self.depth == self.cell_depth + 1:
            self.in_value = False
        if self.depth == self.cell_depth:
            self.cell_depth = 0
            if self.data_depth and self.holds:
                self.last_row = max(self.last_row, self.row)
            if self.data_depth and self.formula and not self.valued and self.column and self.worksheet:
                # only where a list is read, and so many at most (past them a formula reads as empty)
                if self.row <= MAX_ROWS + 1 and self.column <= MAX_COLUMNS and len(self.unvalued) < MAX_UNVALUED:
                    self.unvalued.append((self.row - 1, self.column - 1))
        if self.depth == self.data_depth:
            self.data_depth = 0
        self.depth -= 1

    def text(self, data: str) -> None:
        if self.cell_depth:
            self.cell_text += len(data)
            if self.cell_text > MAX_CELL_TEXT:
                raise self.refuse("import_cell_too_large", MAX_CELL_TEXT)
            if not self.holds and data.strip():
                self.holds = True
            if self.in_value and data.strip():
                self.valued = True


def _number(text: str | None, default: int) -> int:
    if text is None:
        return default
    try:
        return int(float(text))
    except (ValueError, OverflowError):
        return default


def _span(ref: str) -> Span | None:
    """A merged range's ref (A1:B2) as 0-based first row, first column, last row, last column."""
    first, _, last = ref.partition(":")
    a, b = _CELL_REF.fullmatch(first), _CELL_REF.fullmatch(last or first)
    if a is None or b is None:
        return None
    r0, r1 = _number(a.group(2), 0) - 1, _number(b.group(2), 0) - 1
    c0, c1 = _column(a.group(1)) - 1, _column(b.group(1)) - 1
    if min(r0, c0) < 0 or r1 < r0 or c1 < c0:
        return None
    return r0, c0, r1, c1


def _column(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


# --- .csv -------------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[Any]]:
    text = decode_text(path.read_bytes())
    dialect: type[csv.Dialect] = csv.excel
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        pass
    rows: list[list[Any]] = []
    blank = 0  # blank rows since the last one that holds something: kept only if something follows
    try:
        for n, values in enumerate(csv.reader(_lines(path, text), dialect), 1):
            row = _trimmed(values)
            if not row:
                blank += 1
                if n > SHEET_ROWS:
                    raise DomainError("import_too_many_rows", name=path.name, limit=SHEET_ROWS)
                continue
            if n > MAX_ROWS:
                raise DomainError("import_too_many_rows", name=path.name, limit=MAX_ROWS)
            _check_row(path, row)
            rows += [[] for _ in range(blank)]
            blank = 0
            rows.append(row)
    except csv.Error as exc:  # a NUL byte (a binary file named .csv), a field beyond csv's own limit
        if "field limit" in str(exc):
            raise DomainError("import_cell_too_large", name=path.name, limit=MAX_CELL_TEXT) from exc
        raise DomainError("import_unreadable", name=path.name) from exc
    return rows


def decode_text(raw: bytes) -> str:
    """A CSV's text: UTF-16 (Excel's "Unicode text", with its byte-order mark, or without one: told by the NUL
    bytes of its digits and commas), UTF-8 with or without a BOM, else GB18030 (GBK and GB2312 are part of it)."""
    odd, even = raw[1:4000:2], raw[0:4000:2]  # UTF-8 and GB18030 text has no NUL byte; UTF-16 has many
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encodings: tuple[str, ...] = ("utf-16",)
    elif len(raw) >= 4 and odd.count(0) >= 0.25 * len(odd) and even.count(0) < 0.05 * len(even):
        encodings = ("utf-16-le",)  # the ASCII of its digits and commas: a NUL after each
    elif len(raw) >= 4 and even.count(0) >= 0.25 * len(even) and odd.count(0) < 0.05 * len(odd):
        encodings = ("utf-16-be",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for enc in encodings:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        return text
    raise DomainError("import_encoding")


def _lines(path: Path, text: str) -> Iterator[str]:
    for n, line in enumerate(io.StringIO(text, newline=""), 1):
        if len(line) > MAX_LINE_CHARS:
            raise DomainError("import_line_too_long", name=path.name, line=n, limit=MAX_LINE_CHARS)
        yield line
