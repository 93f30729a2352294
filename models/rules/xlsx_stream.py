"""A one-table .xlsx written as its rows stream in: the ledgers and exports of a year (100,000 rows).

openpyxl builds an object and an XML element per cell: a year's people ledger (1.3 million cells) took 18 s
to write, xlsxwriter's constant-memory mode about 6 s. A table with a header, text, numbers and dates needs
none of that: each row is written as its SpreadsheetML text straight into the zip, strings inline (as
xlsxwriter's constant-memory mode writes them), dates as serial numbers with a number format. The parts
are the minimal package Excel, WPS, LibreOffice and openpyxl read: content types, relationships, the
workbook (with the autofilter's defined name), the styles (one cell format per number format used) and
the sheet (header frozen, column widths, autofilter). openpyxl stays the reader and the writer of the
small, formatted workbooks (the daily report).

What goes into a cell is decided by :mod:`models.rules.spreadsheet` (text never a formula, an instant in the
site's time zone); this module only writes it down.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAX_TEXT = 32767  # characters a cell holds
BUILTIN_FORMATS = {"General": 0, "0": 1, "@": 49}
EPOCH = date(1899, 12, 30)  # serial 0 of the 1900 date system (the 1900 leap-year bug is before 1900-03-01)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


def column_letter(i: int) -> str:
    """1 → A, 26 → Z, 27 → AA."""
    letters = ""
    while i > 0:
        i, rem = divmod(i - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def escape(text: str) -> str:
    """Text as XML character data or an attribute value, less the characters XML 1.0 cannot carry."""
    if not text.isprintable() and _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text or ">" in text or '"' in text:
        text = text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return text


def serial(value: date) -> float:
    """A date or naive datetime as the spreadsheet's day number."""
    if isinstance(value, datetime):
        days = (value.date() - EPOCH).days
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        return days + seconds / 86400
    return float((value - EPOCH).days)


class _Styles:
    """The cell formats: index 0 is the default, one more per number format asked for."""

    def __init__(self) -> None:
        self.codes: list[str] = ["General"]

    def index(self, code: str) -> int:
        if code not in self.codes:
            self.codes.append(code)
        return self.codes.index(code)

    def xml(self) -> str:
        custom: dict[str, int] = {}
        for code in self.codes:
            if code not in BUILTIN_FORMATS and code not in custom:
                custom[code] = 164 + len(custom)
        numfmts = "".join(f'<numFmt numFmtId="{n}" formatCode="{escape(code)}"/>' for code, n in custom.items())
        applied = ' applyNumberFormat="1"'
        xfs = "".join(
            f'<xf numFmtId="{BUILTIN_FORMATS.get(code, custom.get(code, 0))}" fontId="0" fillId="0" borderId="0"'
            f' xfId="0"{applied if i else ""}/>'
            for i, code in enumerate(self.codes)
        )
        return (
            f'{HEAD}<styleSheet xmlns="{MAIN}">'
            + (f'<numFmts count="{len(custom)}">{numfmts}</numFmts>' if custom else "")
            + '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(self.codes)}">{xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


def write_xlsx(
    path: Path,
    sheet: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    widths: Sequence[float],
    formats: Mapping[int, str],
    date_format: str,
    datetime_format: str,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``header`` and ``rows`` (cells already as they are to be held: str, int, float, bool, date,
    naive datetime or None) as the one sheet ``sheet`` of a new .xlsx at ``path``: the header frozen, an
    autofilter over the table, ``widths`` per column. ``formats``: column (0-based) -> its number format
    ("@": text). Returns the number of rows (not the header); ``progress(rows written)`` every 1,000."""
    styles = _Styles()
    date_style, datetime_style = styles.index(date_format), styles.index(datetime_format)
    column_style = {i: styles.index(code) for i, code in formats.items()}
    ncols = max(1, len(header))
    letters = [column_letter(i + 1) for i in range(max(ncols, max(formats, default=0) + 1))]
    name = escape(sheet[:31])
    n = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            cols = "".join(f'<col min="{i}" max="{i}" width="{w:g}" customWidth="1"/>' for i, w in enumerate(widths, 1))
            out.write(
                (
                    f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
                    '<sheetViews><sheetView workbookViewId="0">'
                    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
                    '<sheetFormatPr defaultRowHeight="15"/>' + (f"<cols>{cols}</cols>" if cols else "") + "<sheetData>"
                ).encode()
            )
            chunk: list[str] = [_row(1, header, letters, {}, date_style, datetime_style)]
            for row in rows:
                n += 1
                chunk.append(_row(n + 1, row, letters, column_style, date_style, datetime_style))
                if n % 1000 == 0:
                    out.write("".join(chunk).encode())
                    chunk.clear()
                    if progress is not None:
                        progress(n)
            ref = f"A1:{letters[ncols - 1]}{n + 1}"
            chunk.append(f'</sheetData><autoFilter ref="{ref}"/></worksheet>')
            out.write("".join(chunk).encode())
        absolute = f"$A$1:${letters[ncols - 1]}${n + 1}"
        quoted = "'" + name.replace("'", "''") + "'"
        zf.writestr(
            "[Content_Types].xml",
            f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>",
        )
        zf.writestr(
            "_rels/.rels",
            f'{HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        zf.writestr(
            "xl/workbook.xml",
            f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView/></bookViews>'
            f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
            f"{quoted}!{absolute}</definedName></definedNames></workbook>",
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{HEAD}<Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
        )
        zf.writestr("xl/styles.xml", styles.xml())
    return n


def _row(
    r: int,
    values: Sequence[object],
    letters: list[str],
    column_style: Mapping[int, int],
    date_style: int,
    datetime_style: int,
) -> str:
    cells = []
    for i, value in enumerate(values):
        if value is None or value == "":
            continue
        if i >= len(letters):
            letters.append(column_letter(i + 1))
        style = column_style.get(i)
        s = f' s="{style}"' if style else ""
        kind = type(value)
        if kind is str or isinstance(value, str):
            text = escape(value[:MAX_TEXT])  # type: ignore[index]  # a str
            space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
            cells.append(f'<c r="{letters[i]}{r}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>')
        elif kind is int or kind is float:
            cells.append(f'<c r="{letters[i]}{r}"{s}><v>{value!r}</v></c>')
        elif isinstance(value, date):
            if not style:
                s = f' s="{datetime_style if isinstance(value, datetime) else date_style}"'
            cells.append(f'<c r="{letters[i]}{r}"{s}><v>{serial(value)!r}</v></c>')
        elif isinstance(value, bool):
            cells.append(f'<c r="{letters[i]}{r}"{s} t="b"><v>{int(value)}</v></c>')
        elif isinstance(value, int | float):
            cells.append(f'<c r="{letters[i]}{r}"{s}><v>{value!r}</v></c>')
        else:
            raise TypeError(f"a spreadsheet cell cannot hold {type(value).__name__}")
    return f'<row r="{r}">{"".join(cells)}</row>'
