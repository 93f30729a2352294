"""Transfer lists and lab files in every form offices send them (issue 20): .xlsx, .xls (Excel 97-2003), .ods,
WPS .et, and CSV in UTF-8 (with or without BOM), GB18030/GBK and UTF-16. Each file is made here from the same
rows and must give the same verdicts as the .xlsx; a workbook of several sheets is read from the one whose header
matches, and another can be chosen."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from xml.sax.saxutils import escape

import pytest
import xlwt
from openpyxl import Workbook

from models.demo import synthetic
from models.errors import DomainError
from models.rules.table_files import decode_text, read_sheets
from models.services.importer import pick_sheet, read_transfer_list, said
from models.store.orm import Sex
from tests.conftest import NOW

HEADER = ["序号", "姓名", "性别", "证件号码", "联系电话", "来源地", "人员类别", "末次暴露时间"]


def sex(p):
    return "男" if p["sex"] is Sex.MALE else "女"


@pytest.fixture
def rows(rng):
    people = [synthetic.person(rng, NOW.date(), min_age=20, max_age=60) for _ in range(4)]
    body = [
        [
            1,
            people[0]["name"],
            sex(people[0]),
            people[0]["doc_number"],
            people[0]["phone"],
            "北京",
            "密接",
            "2026年11月21日",
        ],
        [2, people[1]["name"], sex(people[1]), people[1]["doc_number"], people[1]["phone"], "上海", "入境", "11月20日"],
        [3, people[2]["name"], "", people[2]["doc_number"], "12345", "广州", "次密接", "2026/11/19 14时30分"],
        [4, people[3]["name"], "", "110101", people[3]["phone"], "成都", "外星人", ""],
    ]
    return [["XX区转运名单"], HEADER, *body]


def write_xlsx(path, sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)


def write_xls(path, sheets):
    wb = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets:
        ws = wb.add_sheet(name)
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                ws.write(i, j, v)
    wb.save(str(path))


def write_ods(path, sheets):
    """A minimal OpenDocument spreadsheet: the mimetype first and stored, the manifest, the content."""
    tables = []
    for name, rows in sheets:
        cells = []
        for r in rows:
            tds = []
            for v in r:
                if isinstance(v, int):
                    tds.append(f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p>'
                               "</table:table-cell>")  # fmt: skip
                else:
                    tds.append(f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p>'
                               "</table:table-cell>")  # fmt: skip
            cells.append("<table:table-row>" + "".join(tds) + "</table:table-row>")
        tables.append(f'<table:table table:name="{escape(name)}">' + "".join(cells) + "</table:table>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:spreadsheet>" + "".join(tables) + "</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", manifest)
        zf.writestr("content.xml", content)


def csv_text(rows):
    buf = io.StringIO()
    import csv

    csv.writer(buf).writerows(rows)
    return buf.getvalue()


def verdicts(session, path):
    return [
        (r.row, r.status, r.fields.get("name"), r.fields.get("doc_number"), r.fields.get("category"),
         r.fields.get("last_exposure"))
        for r in read_transfer_list(session, path, now=NOW)
    ]  # fmt: skip


@pytest.mark.parametrize(
    "kind", ["xls", "et", "ods", "csv-utf8", "csv-utf8-bom", "csv-gb18030", "csv-utf16", "csv-utf16le-nobom"]
)
def test_every_form_gives_the_verdicts_of_the_xlsx(session, site, tmp_path, rows, kind):
    write_xlsx(tmp_path / "list.xlsx", [("名单", rows)])
    expected = verdicts(session, tmp_path / "list.xlsx")
    assert [v[1] for v in expected] == ["valid", "warning", "invalid", "invalid"]  # 11月20日: the year said back
    assert expected[1][5] == datetime(2026, 11, 20, 12, 0, tzinfo=NOW.tzinfo)  # 11月20日: the year inferred
    text = csv_text(rows)
    if kind in ("xls", "et"):
        path = tmp_path / f"list.{kind}"  # WPS's .et reads as the Excel 97-2003 format it is
        write_xls(path, [("名单", rows)])
    elif kind == "ods":
        path = tmp_path / "list.ods"
        write_ods(path, [("名单", rows)])
    else:
        path = tmp_path / "list.csv"
        data = {
            "csv-utf8": text.encode("utf-8"),
            "csv-utf8-bom": text.encode("utf-8-sig"),
            "csv-gb18030": text.encode("gb18030"),
            "csv-utf16": text.encode("utf-16"),  # Excel's "Unicode text": with its byte-order mark
            "csv-utf16le-nobom": text.encode("utf-16-le"),
        }[kind]
        path.write_bytes(data)
    assert verdicts(session, path) == expected


def test_a_workbook_of_several_sheets_is_read_from_the_list(session, site, tmp_path, rows):
    notes = [["说明"], ["本表由区指挥部填报"], ["联系人", "王"]]
    for suffix, write in ((".xlsx", write_xlsx), (".xls", write_xls), (".ods", write_ods)):
        path = tmp_path / f"book{suffix}"
        write(path, [("说明", notes), ("转运名单", rows), ("区划", [["区"], ["东城"]])])
        picked = pick_sheet(path)
        assert (picked.name, picked.names) == ("转运名单", ("说明", "转运名单", "区划")), suffix
        assert [r.status for r in read_transfer_list(session, path, now=NOW)] == ["valid", "warning", "invalid",
                                                                                  "invalid"]  # fmt: skip
        assert pick_sheet(path, "区划").rows == [["区"], ["东城"]]
        with pytest.raises(DomainError) as e:
            pick_sheet(path, "另一张")
        assert e.value.code == "import_sheet_unknown" and "转运名单" in e.value.message("zh_CN")


def test_unreadable_and_hostile_files_are_refused_with_a_message(tmp_path):
    bad = tmp_path / "list.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 not really a workbook")
    with pytest.raises(DomainError) as e:
        read_sheets(bad)
    assert e.value.code == "import_unreadable"
    bomb = tmp_path / "bomb.ods"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("content.xml", b"<a>" + b" " * (40 * 2**20) + b"</a>")
    with pytest.raises(DomainError) as e:
        read_sheets(bomb)
    assert e.value.code == "import_zip_ratio"
    with pytest.raises(DomainError) as e:
        decode_text(b"\xff\xfe\x00\xd8")  # a lone surrogate: not UTF-16 text
    assert e.value.code == "import_encoding"


def test_a_date_without_its_year_is_read_near_today_and_said_back(session, site, tmp_path, rows):
    write_xlsx(tmp_path / "list.xlsx", [("名单", rows)])
    second = read_transfer_list(session, tmp_path / "list.xlsx", now=NOW)[1]
    assert second.status == "warning"  # checked in as any warned row, coloured for the desk to look at
    assert [said(m, "zh_CN") for m in second.messages] == ["“末次暴露时间”写作“11月20日”，未写年份，按 2026-11-20 读取"]
    assert said(second.messages[0], "en") == "“末次暴露时间” says “11月20日” without a year: read as 2026-11-20"
