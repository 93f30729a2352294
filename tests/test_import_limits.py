"""Hostile files for the importers (models/rules/table_files.py, behind importer.read_table and the lab import).

Each file is small on disk (or sparse) and built in milliseconds; each is read in a subprocess with a
ceiling on memory (RLIMIT_AS) and CPU time (RLIMIT_CPU), so a regression fails the test instead of eating
the machine. Every hostile file must be refused by the limit it attacks, with that limit in the message.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import Workbook

from models.rules import table_files as tf
from tests.conftest import ROOT

MEMORY_CEILING = 1 << 30  # the reader runs in ~100 MB; the attacks took gigabytes
CPU_CEILING = 60  # seconds; each refusal takes well under one

GUARD = f"""
import json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CEILING}, {MEMORY_CEILING}))
resource.setrlimit(resource.RLIMIT_CPU, ({CPU_CEILING}, {CPU_CEILING}))
from models.errors import DomainError
from models.services.importer import read_table
for path in sys.argv[1:]:
    try:
        rows = read_table(Path(path))
    except DomainError as e:
        out = {{"code": e.code, "params": {{k: str(v) for k, v in e.params.items()}}, "zh": e.zh, "en": e.en}}
    except MemoryError:
        out = {{"code": "MemoryError"}}
    else:
        out = {{"rows": len(rows), "widest": max((len(r) for r in rows), default=0), "first": rows[:2]}}
    print(json.dumps({{"path": path, **out}}, ensure_ascii=False, default=str), flush=True)
"""

HEADER = ["姓名", "证件号码", "人员类别"]
SHEET = "xl/worksheets/sheet1.xml"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def read_guarded(*paths: Path) -> dict[str, dict]:
    """read_table on each path in a guarded subprocess. When a file kills it (the ceilings), that file's
    verdict is how it died and the others are read by a new one."""
    results: dict[str, dict] = {}
    todo = list(paths)
    while todo:
        proc = subprocess.run(
            [sys.executable, "-c", GUARD, *map(str, todo)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=2 * CPU_CEILING * len(todo),
            check=False,
        )
        for line in proc.stdout.splitlines():
            item = json.loads(line)
            results[Path(item.pop("path")).name] = item
        todo = [p for p in todo if p.name not in results]
        if todo:  # the next one killed it
            results[todo.pop(0).name] = {"code": f"died ({proc.returncode})", "stderr": proc.stderr[-500:]}
    return results


# --- building the files ------------------------------------------------------------------------------


def workbook_parts() -> dict[str, bytes]:
    """The parts of a small, real workbook (openpyxl's): a header and one row."""
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["张三", "110105194912310029", "入境"])
    buf = BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def sheet_xml(rows: str, head: str = "") -> bytes:
    return f'<?xml version="1.0"?><worksheet xmlns="{MAIN_NS}">{head}<sheetData>{rows}</sheetData></worksheet>'.encode()


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def write_xlsx(path: Path, replace: dict[str, bytes], extra: int = 0) -> Path:
    parts = workbook_parts() | replace
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        for i in range(extra):
            zf.writestr(f"customXml/item{i}.xml", b"<a/>")
    return path


def write_zip_bomb(path: Path, unpacked: int) -> Path:
    """A workbook whose sheet inflates to ``unpacked`` bytes from a few MB on disk.

    The deflate stream is built by repetition (one block compressed once, after a full flush, repeated), so the
    file takes milliseconds to make; the zip is written by hand. Its CRC is not computed (that would mean
    hashing gigabytes): a reader that got that far has already lost.
    """
    head = f'<?xml version="1.0"?><worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
    tail = b"</sheetData></worksheet>"
    block = b"<row>" + b" " * (8 * 2**20) + b'<c t="inlineStr"><is><t>x</t></is></c></row>'  # deflates ~1000:1
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    z_head = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    z_block = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    z_tail = c.compress(tail) + c.flush()
    repeats = (unpacked - len(head) - len(tail)) // len(block)
    members: list[tuple[str, bytes, int, int]] = []  # name, deflated, crc, size
    for name, data in workbook_parts().items():
        if name != SHEET:
            d = zlib.compressobj(6, zlib.DEFLATED, -15)
            members.append((name, d.compress(data) + d.flush(), zlib.crc32(data), len(data)))
    bomb = z_head + z_block * repeats + z_tail
    members.append((SHEET, bomb, 0, len(head) + len(block) * repeats + len(tail)))
    out, central = BytesIO(), BytesIO()
    for name, deflated, crc, size in members:
        offset = out.tell()
        raw = name.encode()
        fields = (20, 0, 8, 0, 0, crc, len(deflated), size, len(raw))
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + raw + deflated)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset) + raw)
    cd = central.getvalue()
    eocd = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(cd), out.tell(), 0)
    path.write_bytes(out.getvalue() + cd + eocd)
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    d = tmp_path_factory.mktemp("hostile")
    files: list[Path] = []

    # 1. a 5 KB workbook that declares a full sheet: 1,048,576 rows x 16,384 columns
    parts = workbook_parts()
    sheet = parts[SHEET].decode()
    assert "<dimension ref=" in sheet
    head, _, rest = sheet.partition("<dimension ref=")
    sheet = head + '<dimension ref="A1:XFD1048576"' + rest[rest.index("/>") :]
    files.append(write_xlsx(d / "dimension.xlsx", {SHEET: sheet.encode()}))
    # ... and an empty last row: openpyxl pads every row between to the declared 16,384 columns
    sheet = sheet.replace("</sheetData>", '<row r="1048576"/></sheetData>')
    files.append(write_xlsx(d / "dimension_last_row.xlsx", {SHEET: sheet.encode()}))

    # 2. a zip bomb: 3 GB of sheet XML from a few MB
    files.append(write_zip_bomb(d / "bomb.xlsx", 3 * 2**30))
    # 3. a part that inflates 1000 times, under the total size limit
    rows = "".join(f"<row>{inline('A1', 'x' * 16)}</row>" for _ in range(1)) + "<row><c/></row>" * 800_000
    files.append(write_xlsx(d / "ratio.xlsx", {SHEET: sheet_xml(rows)}))
    # 4. thousands of parts
    files.append(write_xlsx(d / "members.xlsx", {}, extra=tf.MAX_ZIP_MEMBERS + 10))
    # 5. a row of more cells than a sheet has columns (each a dict in openpyxl, built before the row is given)
    cells = "".join(f'<c r="{_ref(i)}1"/>' for i in range(1, 16_386)) + "<c/>" * 10
    files.append(write_xlsx(d / "wide_row.xlsx", {SHEET: sheet_xml(f"<row r='1'>{cells}</row>")}))
    # 6. a value far to the right, 7. one far down
    header = "<row r='1'>" + "".join(inline(f"{_ref(i + 1)}1", h) for i, h in enumerate(HEADER)) + "</row>"
    far_right = f"<row r='2'>{inline(_ref(tf.MAX_COLUMNS + 1) + '2', 'x')}</row>"
    files.append(write_xlsx(d / "far_right.xlsx", {SHEET: sheet_xml(header + far_right)}))
    far_down = f"<row r='{tf.MAX_ROWS + 1}'>{inline(f'A{tf.MAX_ROWS + 1}', 'x')}</row>"
    files.append(write_xlsx(d / "far_down.xlsx", {SHEET: sheet_xml(header + far_down)}))
    # 8. a cell beyond Excel's own 32,767 characters
    huge = f"<row r='2'>{inline('A2', 'x' * (tf.MAX_CELL_TEXT + 1))}</row>"
    files.append(write_xlsx(d / "huge_cell.xlsx", {SHEET: sheet_xml(header + huge)}))
    # 9. styles that openpyxl builds as a tree of objects: 600,000 cell formats (Excel allows 64,000)
    xfs = "".join(f'<xf numFmtId="{i}"/>' for i in range(600_000))
    styles = f'<?xml version="1.0"?><styleSheet xmlns="{MAIN_NS}"><cellXfs>{xfs}</cellXfs></styleSheet>'
    files.append(write_xlsx(d / "styles.xlsx", {"xl/styles.xml": styles.encode()}))
    # 10. entities (a DOCTYPE never appears in an .xlsx part)
    laughs = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst xmlns="' + MAIN_NS + '"/>'
    files.append(write_xlsx(d / "doctype.xlsx", {"xl/sharedStrings.xml": laughs.encode()}))

    # CSV: too many rows, an endless line, a huge field, a million blank lines
    (d / "rows.csv").write_text("姓名,证件号码\n" + "张三,1\n" * tf.MAX_ROWS, encoding="utf-8")
    (d / "line.csv").write_text("姓名,证件号码\n" + "a," * (tf.MAX_LINE_CHARS // 2 + 10) + "\n", encoding="utf-8")
    (d / "field.csv").write_text("姓名,证件号码\n" + "x" * (tf.MAX_CELL_TEXT + 1) + ",1\n", encoding="utf-8")
    (d / "blank.csv").write_text("姓名,证件号码\n" + "\n" * tf.SHEET_ROWS, encoding="utf-8")
    files += [d / "rows.csv", d / "line.csv", d / "field.csv", d / "blank.csv"]
    # sparse files: large to stat, nothing on the disk
    for name in ("sparse.csv", "sparse.xlsx"):
        with (d / name).open("wb") as fh:
            fh.truncate(tf.MAX_FILE_BYTES + 1)
        files.append(d / name)

    assert all(f.stat().st_size < 8 * 2**20 or f.name.startswith("sparse") for f in files)  # small on disk
    return read_guarded(*files)


def _ref(column: int) -> str:
    letters = ""
    while column:
        column, rem = divmod(column - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@pytest.mark.parametrize(
    ("name", "code", "limit"),
    [
        ("bomb.xlsx", "import_zip_size", "64.0 MB"),
        ("ratio.xlsx", "import_zip_ratio", str(tf.MAX_RATIO)),
        ("members.xlsx", "import_zip_members", str(tf.MAX_ZIP_MEMBERS)),
        ("wide_row.xlsx", "import_too_many_columns", str(tf.SHEET_COLUMNS)),
        ("far_right.xlsx", "import_too_many_columns", str(tf.MAX_COLUMNS)),
        ("far_down.xlsx", "import_too_many_rows", str(tf.MAX_ROWS)),
        ("huge_cell.xlsx", "import_cell_too_large", str(tf.MAX_CELL_TEXT)),
        ("styles.xlsx", "import_xml_elements", str(tf.MAX_XML_ELEMENTS)),
        ("doctype.xlsx", "import_unreadable", None),
        ("rows.csv", "import_too_many_rows", str(tf.MAX_ROWS)),
        ("line.csv", "import_line_too_long", str(tf.MAX_LINE_CHARS)),
        ("field.csv", "import_cell_too_large", str(tf.MAX_CELL_TEXT)),
        ("blank.csv", "import_too_many_rows", str(tf.SHEET_ROWS)),
        ("sparse.csv", "import_file_too_large", "16.0 MB"),
        ("sparse.xlsx", "import_file_too_large", "16.0 MB"),
    ],
)
def test_hostile_file_is_refused_by_the_limit_it_attacks(hostile, name, code, limit):
    result = hostile.get(name)
    assert result is not None, f"no verdict on {name}: the reader died or hung on it"
    assert result.get("code") == code, result
    assert result["zh"] and result["en"]
    if limit is not None:
        assert result["params"]["limit"] == limit
        assert limit in result["zh"] and limit in result["en"]  # the message names the limit


@pytest.mark.parametrize("name", ["dimension.xlsx", "dimension_last_row.xlsx"])
def test_a_declared_dimension_is_not_believed(hostile, name):
    """5 KB that claims A1:XFD1048576 is read as the two rows it holds, each as wide as its cells."""
    result = hostile.get(name)
    assert result is not None, f"no verdict on {name}: the reader died or hung on it"
    assert result.get("rows") == 2 and result["widest"] == 3, result
    assert result["first"][0] == HEADER


def test_limits_are_far_above_a_real_list(tmp_path):
    """A list of 5,000 people with 20 columns, a title row and formatted empty rows below reads whole; another
    part longer than a list (a hidden sheet of districts for a drop-down) is not the list's business."""
    title = f"<row r='1'>{inline('A1', 'XX区转运名单')}</row>"
    header = "<row r='2'>" + "".join(inline(f"{_ref(c)}2", f"列{c}") for c in range(1, 21)) + "</row>"
    data = "".join(
        f"<row r='{r}'>" + "".join(inline(f"{_ref(c)}{r}", f"{r}-{c}") for c in range(1, 21)) + "</row>"
        for r in range(3, 5_003)
    )
    formatted = "".join(f"<row r='{r}'><c r='A{r}' s='0'/><c r='T{r}' s='0'/></row>" for r in range(5_003, 6_000))
    districts = "".join(f"<row r='{r}'>{inline(f'A{r}', f'区{r}')}</row>" for r in range(1, tf.MAX_ROWS + 2_000))
    parts = {SHEET: sheet_xml(title + header + data + formatted), "xl/worksheets/sheet2.xml": sheet_xml(districts)}
    path = write_xlsx(tmp_path / "real.xlsx", parts)
    rows = tf.read_table(path)
    assert len(rows) == 5_002 and rows[0] == ["XX区转运名单"] and len(rows[1]) == 20 and rows[-1][-1] == "5002-20"
    csv_path = tmp_path / "real.csv"
    csv_path.write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n,,,\n" * 50, encoding="utf-8")
    rows_csv = tf.read_table(csv_path)
    assert rows_csv == rows  # the blank tail is dropped
