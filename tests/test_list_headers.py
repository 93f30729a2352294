"""Headers as offices write them (issue 20): each synonym the offices use, two-row headers and merged header
cells (in .xlsx, .xls and a .csv that repeats nothing), data cells merged down a family's rows, and a formula
that the file keeps no value of, said as such rather than as an empty field."""

from __future__ import annotations

import zipfile

import pytest
import xlwt
from openpyxl import Workbook

from models.demo import synthetic
from models.errors import DomainError
from models.rules import table_files
from models.rules.table_files import NO_CACHED_VALUE, read_sheets
from models.services.importer import HEADER_ALIASES, find_header, match_header, read_transfer_list, said
from models.store.orm import Sex
from tests.conftest import NOW

# the spellings issue 20 lists, each with the field it names
SYNONYMS = {
    "name": ["姓名", "名字"],
    "doc_number": ["身份证号码", "证件号码", "公民身份号码", "身份证号"],
    "phone": ["联系电话", "手机", "手机号", "联系方式"],
    "category": ["人员类别", "隔离类型", "类别"],
    "last_exposure": ["末次暴露时间", "末次接触时间", "暴露时间"],
    "companion": ["同住人", "陪护人"],
    "origin": ["来源地", "来自", "出发地"],
    "group": ["分组", "同行人", "家庭"],
}


@pytest.mark.parametrize(("field", "header"), [(f, h) for f, hs in SYNONYMS.items() for h in hs])
def test_every_synonym_the_offices_use_names_its_field(field, header):
    assert match_header(header) == field
    assert match_header(f" {header}：") == field  # as typed: a space, a full-width colon
    assert header in HEADER_ALIASES[field]


def people(rng, n):
    return [synthetic.person(rng, NOW.date(), min_age=20, max_age=60) for _ in range(n)]


def sex(p):
    return "男" if p["sex"] is Sex.MALE else "女"


def fields(session, path):
    return [
        (r.status, r.fields.get("name"), r.fields.get("doc_number"), r.fields.get("phone"), r.fields.get("origin"))
        for r in read_transfer_list(session, path, now=NOW)
    ]


# 证件 over 类型 and 号码, 联系方式 over 手机, "基本信息" over 姓名 and 性别; 序号 and 来源地 merged down two rows
UPPER = ["序号", "基本信息", None, "证件", None, "联系方式", "来源地", "人员类别"]
LOWER = [None, "姓名", "性别", "类型", "号码", "手机", None, None]
MERGES = [(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4), (0, 6, 1, 6), (0, 7, 1, 7)]  # rows and columns, 0-based


def body(ps):
    return [[i + 1, p["name"], sex(p), "身份证", p["doc_number"], p["phone"], "北京", "密接"] for i, p in enumerate(ps)]


def plain(ps):
    """The same people under a one-row header: what the two-row list must give."""
    return [["序号", "姓名", "性别", "证件类型", "证件号码", "手机", "来源地", "人员类别"], *body(ps)]


def write_xlsx(path, rows, merges=()):
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    for r0, c0, r1, c1 in merges:
        ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    wb.save(path)


def write_xls(path, rows, merges=()):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("名单")
    starts = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in merges}
    inside = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if (i, j) in starts:
                ws.write_merge(i, starts[i, j][0], j, starts[i, j][1], v)
            elif v is not None and (i, j) not in inside:
                ws.write(i, j, v)
    wb.save(str(path))


@pytest.mark.parametrize("kind", ["xlsx", "xls", "csv"])
def test_a_two_row_header_with_merged_cells_reads_as_a_plain_one(session, site, tmp_path, rng, kind):
    ps = people(rng, 3)
    write_xlsx(tmp_path / "plain.xlsx", plain(ps))
    expected = fields(session, tmp_path / "plain.xlsx")
    assert [e[0] for e in expected] == ["valid"] * 3
    rows = [["XX区转运名单"], UPPER, LOWER, *body(ps)]
    merges = [(0, 0, 0, 7)] + [(r0 + 1, c0, r1 + 1, c1) for r0, c0, r1, c1 in MERGES]  # a title merged across
    path = tmp_path / f"two-rows.{kind}"
    if kind == "xlsx":
        write_xlsx(path, rows, merges)
    elif kind == "xls":
        write_xls(path, rows, merges)
    else:  # a .csv keeps no merges: the upper text stands in the first column of its span only
        path.write_text("\n".join(",".join("" if v is None else str(v) for v in r) for r in rows), encoding="utf-8")
    assert fields(session, path) == expected
    header_at, cols = find_header(read_sheets(path)[0].rows)
    assert header_at == 2 and cols == {0: "seq", 1: "name", 2: "sex", 3: "doc_type", 4: "doc_number", 5: "phone",
                                       6: "origin", 7: "category"}  # fmt: skip


def test_a_first_data_row_is_not_taken_for_a_second_header_row(session, site, tmp_path, rng):
    ps = people(rng, 2)
    path = tmp_path / "plain.xlsx"
    write_xlsx(path, plain(ps))
    assert find_header(read_sheets(path)[0].rows)[0] == 0
    assert [r.row for r in read_transfer_list(session, path, now=NOW)] == [2, 3]  # the first person is read


def test_a_cell_merged_down_a_family_belongs_to_each_of_its_rows(session, site, tmp_path, rng):
    ps = people(rng, 4)
    rows = [["姓名", "证件号码", "人员类别", "家庭", "来源地"]]
    rows += [[p["name"], p["doc_number"], "密接", "张家" if i == 0 else None, "武汉" if i == 0 else None]
             for i, p in enumerate(ps)]  # fmt: skip
    rows[4][3:5] = [None, "长沙"]
    for kind, write in (("xlsx", write_xlsx), ("xls", write_xls)):
        path = tmp_path / f"family.{kind}"
        write(path, rows, [(1, 3, 3, 3), (1, 4, 3, 4)])  # the family's group and origin merged down its 3 rows
        read = read_transfer_list(session, path, now=NOW)
        assert [r.fields["group"] for r in read] == ["张家", "张家", "张家", ""], kind
        assert [r.fields["origin"] for r in read] == ["武汉", "武汉", "武汉", "长沙"], kind


def test_only_a_cell_merged_down_is_filled_within_one_budget_for_the_workbook(tmp_path):
    budget = table_files.MergeBudget(tmp_path / "x.xlsx")
    rows = [["a", "t", None], [None, None, None], [None, None, "f"]]
    spans = [(0, 0, 10**6, 0), (0, 1, 0, 2), (2, 2, 0, 2), (0, 1, 1, 2)]  # down; across; inverted; a block
    assert table_files.fill_merged(rows, spans, budget) == [["a", "t", None], ["a", None, None], ["a", None, "f"]]
    assert budget.left == table_files.MAX_MERGED_CELLS - 2  # clipped to the rows read
    tall = [[str(i)] for i in range(table_files.MAX_ROWS)]
    down = [(0, c, table_files.MAX_ROWS, c) for c in range(60)]
    with pytest.raises(DomainError) as e:  # two sheets of 60 columns merged down: past the workbook's budget
        for _sheet in range(2):
            table_files.fill_merged([[r[0]] * 60 for r in tall], down, budget)
    assert e.value.code == "import_merged_too_many"


def test_a_hostile_workbook_s_merges_are_refused_before_they_fill_anything(tmp_path):
    path = tmp_path / "merges.xlsx"
    write_xlsx(path, [["姓名", "证件号码"], ["x", "y"]])
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    cells = [(i * 7919 % 9000 + 1, chr(65 + i % 26)) for i in range(table_files.MAX_SPANS + 1)]  # not a zip bomb
    refs = "".join(f'<mergeCell ref="{c}{r}:{c}{r + 1}"/>' for r, c in cells)
    sheet = (
        parts["xl/worksheets/sheet1.xml"]
        .decode()
        .replace("</sheetData>", f"</sheetData><mergeCells>{refs}</mergeCells>")
    )
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    for name in (path, tmp_path / "merges.et"):  # an .xlsx named .et (WPS) gets the .xlsx's checks
        with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as zf:
            for part, data in parts.items():
                zf.writestr(part, data)
        with pytest.raises(DomainError) as e:
            read_sheets(name)
        assert e.value.code == "import_merged_too_many", name


def test_a_first_data_row_whose_cell_is_a_header_word_is_still_a_person(session, site, tmp_path, rng):
    ps = people(rng, 2)
    path = tmp_path / "list.csv"
    rows = [["姓名", "证件号码", "是否同住"]] + [[p["name"], p["doc_number"], "同住"] for p in ps]
    path.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    read = read_transfer_list(session, path, now=NOW)
    assert [r.fields["name"] for r in read] == [p["name"] for p in ps]  # the first person is not a header


def test_a_title_or_a_footer_merged_across_the_sheet_changes_nothing(session, site, tmp_path, rng):
    ps = people(rng, 2)
    rows = [["XX区密接人员转运名单"], ["姓名", "证件号码", "来源地", "人员类别"]]
    rows += [[p["name"], p["doc_number"], "=A1", "密接"] for p in ps[:1]]  # a formula: its message names the column
    rows += [[p["name"], p["doc_number"], "北京", "密接"] for p in ps[1:]]
    rows += [["制表人：王五  电话：13800138000"]]
    path = tmp_path / "titled.xlsx"
    write_xlsx(path, rows, [(0, 0, 0, 3), (4, 0, 4, 3)])
    read = read_transfer_list(session, path, now=NOW)
    assert [r.status for r in read] == ["invalid", "valid", "skipped"]  # the footer is no person
    assert said(read[0].messages[0], "zh_CN").startswith("“来源地”是公式")  # not “XX区密接人员转运名单·来源地”


def test_a_program_s_list_of_formulas_is_said_to_hold_formulas_not_blank_rows(session, site, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "证件号码", "人员类别"])
    ws.append(["=Sheet2!A1", "=Sheet2!B1", "密接"])
    path = tmp_path / "program.xlsx"
    wb.save(path)
    (row,) = read_transfer_list(session, path, now=NOW)
    assert row.status == "invalid"
    assert [said(m, "en").split("”")[0] for m in row.messages] == ["“姓名", "“证件号码"]


def _with_cached_value(path, cell, value):
    """Give one formula cell of an .xlsx written by openpyxl the cached text result Excel would keep."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    start = sheet.index(f'<c r="{cell}"')
    end = sheet.index("</c>", start)
    formula = sheet[start:end].split("<f>")[1].split("</f>")[0]
    sheet = sheet[:start] + f'<c r="{cell}" t="str"><f>{formula}</f><v>{value}</v>' + sheet[end:]
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_a_formula_is_read_by_its_cached_value_or_said_to_have_none(session, site, tmp_path, rng):
    ps = people(rng, 3)
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "证件号码", "人员类别", "来源地", "备注"])
    ws.append([ps[0]["name"], ps[0]["doc_number"], "密接", '=IF(1,"北京","")', "=A1"])  # Excel kept its results
    ws.append([ps[1]["name"], ps[1]["doc_number"], "密接", '=IF(1,"上海","")', None])  # written by a program
    ws.append([ps[2]["name"], ps[2]["doc_number"], "密接", "广州", None])
    path = tmp_path / "formulas.xlsx"
    wb.save(path)
    _with_cached_value(path, "D2", "北京")
    _with_cached_value(path, "E2", "")  # a formula giving "": Excel keeps an empty <v/>; an empty note
    rows = read_sheets(path)[0].rows
    assert rows[1][3] == "北京" and rows[2][3] is NO_CACHED_VALUE and rows[2][3] == ""
    read = read_transfer_list(session, path, now=NOW)
    assert [r.status for r in read] == ["valid", "invalid", "valid"]
    assert read[0].fields["origin"] == "北京"
    assert [said(m, "zh_CN") for m in read[1].messages] == [
        "“来源地”是公式，文件里没有保存它的结果：请在 Excel 或 WPS 中打开并保存该文件，或粘贴为数值后再导入"
    ]
    assert "来源地" in said(read[1].messages[0], "en") and "formula" in said(read[1].messages[0], "en")


def test_a_cell_message_names_the_column_as_the_list_does(session, site, tmp_path, rng):
    p = people(rng, 1)[0]
    path = tmp_path / "f.csv"
    path.write_text(f"姓名,证件号码,人员类别,出发地\n{p['name']},{p['doc_number']},入境,=HYPERLINK(\"x\")\n",
                    encoding="utf-8")  # fmt: skip
    (row,) = read_transfer_list(session, path, now=NOW)
    assert said(row.messages[0], "en") == "“出发地” holds a formula: paste it as a value"  # not a field's code
