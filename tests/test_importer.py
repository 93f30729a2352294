"""Transfer lists as they really arrive: title rows, totals, numbers for IDs, dates in every form."""

import json
from datetime import datetime, timedelta

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from models.demo import synthetic
from models.errors import DomainError
from models.rules.identity import mask_id, mask_phone
from models.services.arrivals import register_arrival
from models.services.importer import parse_when, read_transfer_list
from models.store.db import make_engine, session_factory
from models.store.orm import AuditEntry, Sex
from tests.conftest import NOW, TZ
from tests.helpers import free_rooms

HEADER = ["序号", "姓名", "性别", "证件类型", "证件号码", "联系电话", "来源地", "人员类别", "末次暴露时间", "同住人"]


def person(rng, age=30, sex=None):
    p = synthetic.person(rng, NOW.date(), min_age=age, max_age=age + 1)
    if sex is not None and p["sex"] is not sex:
        p = synthetic.person(rng, NOW.date(), min_age=age, max_age=age + 1)
    return p


def sex_zh(p):
    return "男" if p["sex"] is Sex.MALE else "女"


@pytest.fixture
def messy(tmp_path, rng, session, site, desk, make_arrival):
    ps = [person(rng) for _ in range(6)]
    child = person(rng, age=6)
    present = make_arrival()
    register_arrival(session, desk, present, free_rooms(session, 1)[0].id, now=NOW)
    wb = Workbook()
    ws = wb.active
    ws.append(["XX区新冠肺炎疫情防控指挥部转运名单"])  # row 1: title
    ws.append(["转运日期：2026年11月23日", None, None, "批次：3"])  # row 2
    ws.append(HEADER)  # row 3
    ws.append(
        [
            1,
            ps[0]["name"],
            sex_zh(ps[0]),
            "居民身份证",
            ps[0]["doc_number"],
            ps[0]["phone"],
            "北京",
            "密接",
            "2026年11月21日 14:30",
            None,
        ]
    )  # row 4: valid, date as Chinese text
    ws.append(
        [
            2,
            ps[1]["name"],
            sex_zh(ps[1]),
            "身份证",
            float(ps[1]["doc_number"][:17]) * 10,
            "138 0013 8000",
            "上海",
            "入境人员",
            None,
            None,
        ]
    )  # row 5: ID typed into a number column
    full_width = ps[2]["doc_number"].translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    ws.append(
        [3, ps[2]["name"], sex_zh(ps[2]), None, full_width, "+86-186-0018-6003", "广州", "密切接触者", 46346, None]
    )  # row 6: full-width digits, Excel serial date (2026-11-20)
    ws.append(
        [
            4,
            ps[3]["name"],
            "男" if ps[3]["sex"] is Sex.FEMALE else "女",
            "身份证",
            ps[3]["doc_number"],
            "13900139000",
            "成都",
            "入境",
            datetime(2026, 11, 22, 8, 0),
            None,
        ]
    )  # row 7: sex contradicts ID
    ws.append(
        [5, ps[4]["name"], sex_zh(ps[0]), "身份证", ps[0]["doc_number"], "13700137000", "杭州", "入境", None, None]
    )  # row 8: same ID as row 4
    ws.append([6, present.name, None, "身份证", present.doc_number, None, "南京", "入境", None, None])  # row 9
    ws.append(
        [7, ps[5]["name"], sex_zh(ps[5]), "身份证", ps[5]["doc_number"], "12345678901", "西安", "外星人", None, None]
    )  # row 10: bad phone, unknown category
    ws.append([None] * 10)  # row 11: blank
    ws.append(
        [
            8,
            child["name"],
            sex_zh(child),
            "身份证",
            child["doc_number"],
            None,
            "北京",
            "密接",
            "2026-11-21",
            ps[0]["name"],
        ]
    )  # row 12: child sharing with row 4's person
    ws.append(["合计：8人"])  # row 13: total
    path = tmp_path / "转运名单.xlsx"
    wb.save(path)
    return path, ps, child


def test_every_row_gets_a_status_and_reason(session, messy):
    path, ps, child = messy
    rows = {r.row: r for r in read_transfer_list(session, path, now=NOW)}
    assert sorted(rows) == list(range(4, 14))
    status = {n: r.status for n, r in rows.items()}
    assert status == {
        4: "valid",
        5: "invalid",
        6: "valid",
        7: "invalid",
        8: "duplicate",
        9: "duplicate",
        10: "invalid",
        11: "skipped",
        12: "valid",
        13: "skipped",
    }
    assert any("Excel" in m for m in rows[5].messages)  # truncated ID explained
    assert any("性别与身份证号码不一致" in m for m in rows[7].messages)
    assert any("第 4 行" in m for m in rows[8].messages)
    assert any("已在本隔离点" in m for m in rows[9].messages)
    assert len(rows[10].messages) == 2 and any("外星人" in m for m in rows[10].messages)
    r4 = rows[4].fields
    assert r4["category"] == "close_contact" and r4["last_exposure"] == datetime(2026, 11, 21, 14, 30, tzinfo=TZ)
    assert r4["sex"] is ps[0]["sex"] and r4["birth_date"] == ps[0]["birth_date"]
    assert rows[6].fields["doc_number"] == ps[2]["doc_number"]  # full width folded
    assert rows[6].fields["phone"] == "18600186003"
    assert rows[6].fields["last_exposure"].date().isoformat() == "2026-11-20"
    assert rows[12].companion_of == 4 and rows[12].fields["name"] == child["name"]


def test_csv_in_gbk_with_mapping_for_odd_headers(session, site, tmp_path, rng):
    p = person(rng)
    text = f"人员名称,身份号,类别\n{p['name']},{p['doc_number']},入境\n"
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode("gb18030"))
    with pytest.raises(DomainError) as err:
        read_transfer_list(session, path, now=NOW)
    assert err.value.code == "import_no_header"
    rows = read_transfer_list(session, path, mapping={"人员名称": "name", "身份号": "doc_number"}, now=NOW)
    assert [(r.status, r.fields["name"]) for r in rows] == [("valid", p["name"])]


def test_formula_and_huge_cells_are_row_messages(session, site, tmp_path, rng):
    p = person(rng)
    path = tmp_path / "f.csv"
    path.write_text(
        "姓名,证件号码,人员类别,来源地\n"
        f'{p["name"]},{p["doc_number"]},入境,=HYPERLINK("x")\n'
        f"{'张' * 3000},{p['doc_number']},入境,北京\n",
        encoding="utf-8",
    )
    rows = read_transfer_list(session, path, now=NOW)
    assert [r.status for r in rows] == ["invalid", "invalid"]
    assert "公式" in rows[0].messages[0] and "过长" in rows[1].messages[0]


def test_unsupported_file_type(session, site, tmp_path):
    path = tmp_path / "list.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(DomainError) as err:
        read_transfer_list(session, path)
    assert err.value.code == "import_format"


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("2026-11-20", datetime(2026, 11, 20, 12, 0)),
        ("2026/11/20 8:05", datetime(2026, 11, 20, 8, 5)),
        ("2026.11.20", datetime(2026, 11, 20, 12, 0)),
        ("20261120", datetime(2026, 11, 20, 12, 0)),
        ("2026年11月20日14时30分", datetime(2026, 11, 20, 14, 30)),
        (46346.25, datetime(2026, 11, 20, 6, 0)),
        (46346, datetime(2026, 11, 20, 12, 0)),
        ("２０２６－１１－２０", datetime(2026, 11, 20, 12, 0)),
    ],
)
def test_dates_in_every_form(cell, expected):
    assert parse_when(cell, "Asia/Shanghai") == expected.replace(tzinfo=TZ)


@pytest.mark.parametrize("cell", ["明天", "2026-13-01", "11/20", 5])
def test_unreadable_dates(cell):
    with pytest.raises(ValueError):
        parse_when(cell, "Asia/Shanghai")


def test_rejected_rows_exported_with_reasons_and_ids_as_text(session, messy, tmp_path):
    from openpyxl import load_workbook

    from models.services.importer import export_rows, plan_rooms

    path, _ps, _child = messy
    rows = read_transfer_list(session, path, now=NOW)
    out = tmp_path / "待修正.xlsx"
    assert export_rows(rows, out) == 5  # 3 invalid + 2 duplicates
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[0] == "姓名" and header[-1] == "问题"
    original_rows = [row[9].value for row in ws.iter_rows(min_row=2)]
    assert original_rows == [5, 7, 8, 9, 10]
    assert all(row[10].value for row in ws.iter_rows(min_row=2))  # every row says why
    assert ws.cell(2, 4).number_format == "@"
    # the plan gives the child the carer's room
    plan = plan_rooms(session, rows, now=NOW)
    accepted = [r for r in rows if r.status in ("valid", "warning")]
    by_row = {r.row: s for r, s in zip(accepted, plan, strict=True)}
    assert by_row[12].room_id == by_row[4].room_id and by_row[6].room_id != by_row[4].room_id


def test_row_json_masks_identifiers_unless_asked(session, site, tmp_path, rng):
    """`import --json` prints as_json(): the ID number, the phone and the birth date are masked, in the fields
    and in the messages; as_json(full=True) (the caller's audited choice) gives them whole."""
    good, bad = person(rng), person(rng)
    path = tmp_path / "list.csv"
    path.write_text(
        "姓名,证件号码,联系电话,人员类别,出生日期\n"
        f"{good['name']},{good['doc_number']},{good['phone']},入境,{good['birth_date']}\n"
        f"{bad['name']},{bad['doc_number']},12345678901,入境,{bad['birth_date'] + timedelta(days=1)}\n",
        encoding="utf-8",
    )
    rows = read_transfer_list(session, path, now=NOW)
    assert [r.status for r in rows] == ["valid", "invalid"]
    masked = [r.as_json() for r in rows]
    text = json.dumps(masked, ensure_ascii=False)
    for secret in (good["doc_number"], good["phone"], bad["doc_number"], "12345678901"):
        assert secret not in text
    for p in (good, bad):
        assert p["birth_date"].isoformat() not in text  # the middle of the ID number
    assert masked[0]["fields"]["doc_number"] == mask_id(good["doc_number"])
    assert masked[0]["fields"]["phone"] == mask_phone(good["phone"])
    assert masked[0]["fields"]["birth_date"] == f"{good['birth_date'].year}-**-**"
    assert any(mask_phone("12345678901") in m for m in masked[1]["messages"])  # the bad phone, masked
    full = [r.as_json(full=True) for r in rows]
    assert full[0]["fields"]["doc_number"] == good["doc_number"] and full[0]["fields"]["phone"] == good["phone"]
    assert any("12345678901" in m for m in full[1]["messages"])
    assert any(bad["birth_date"].isoformat() in m for m in full[1]["messages"])  # "the ID says …"
    assert rows[0].fields["doc_number"] == good["doc_number"]  # the rows themselves keep the real values


def test_import_json_on_the_command_line_is_masked(tmp_path, sqlite_template, rng):
    from tests.helpers import run_app
    from tests.test_import_cli import make_site_db

    db = tmp_path / "site.sqlite3"
    signed = make_site_db(sqlite_template, db, 3)
    p = person(rng)
    lst = tmp_path / "list.csv"
    row = f"{p['name']},{p['doc_number']},{p['phone']},入境"
    lst.write_text(f"姓名,证件号码,联系电话,人员类别\n{row}\n", encoding="utf-8")
    out = run_app("import", str(lst), "--db", str(db), "--dry-run", "--json", **signed)
    assert out.returncode == 0, out.stderr
    assert p["doc_number"] not in out.stdout and p["phone"] not in out.stdout
    assert json.loads(out.stdout)[0]["fields"]["doc_number"] == mask_id(p["doc_number"])
    shown = run_app("import", str(lst), "--db", str(db), "--dry-run", "--json", "--show-identifiers", **signed)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)[0]["fields"]["doc_number"] == p["doc_number"]  # asked for, and recorded:
    engine = make_engine(db)
    with session_factory(engine)() as s:
        notes = s.scalars(select(AuditEntry.note).where(AuditEntry.action == "import.reveal")).all()
    engine.dispose()
    assert notes == ["file=list.csv rows=1"]


def _family_list(tmp_path, rng, column):
    """Four people of one family (the ``column`` header) and one on their own, as a transfer list."""
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "证件号码", "人员类别", column] if column else ["姓名", "证件号码", "人员类别"])
    for i in range(5):
        p = person(rng)
        group = "张家" if i < 4 else None
        ws.append([p["name"], p["doc_number"], "密接", group] if column else [p["name"], p["doc_number"], "密接"])
    path = tmp_path / "family.xlsx"
    wb.save(path)
    return path


def _floor_nearly_full(session, desk, make_arrival):
    """Building A, 1F: 8 of its 10 singles taken; the first free rooms are 109, 110, then 2F."""
    first = [r for r in free_rooms(session) if r.number.startswith("1")][:8]
    for room in first:
        register_arrival(session, desk, make_arrival(), room.id, now=NOW)


@pytest.mark.parametrize("column", ["同行人", "家庭", "分组", "批次号", "批次", "group", "Family", "家 庭", "分组："])
def test_a_group_column_is_found_under_each_spelling(session, site, tmp_path, rng, column):
    rows = read_transfer_list(session, _family_list(tmp_path, rng, column), now=NOW)
    assert [r.fields["group"] for r in rows] == ["张家"] * 4 + [""]


def test_a_family_of_four_lands_on_one_floor(session, site, desk, make_arrival, tmp_path, rng):
    from models.services.importer import plan_rooms

    _floor_nearly_full(session, desk, make_arrival)
    without = plan_rooms(session, read_transfer_list(session, _family_list(tmp_path, rng, None), now=NOW), now=NOW)
    assert len({(s.building, s.floor) for s in without[:4]}) == 2  # no column: 2 on 1F, 2 on 2F
    rows = read_transfer_list(session, _family_list(tmp_path, rng, "家庭"), now=NOW)
    plan = plan_rooms(session, rows, now=NOW)
    assert len({(s.building, s.floor) for s in plan[:4]}) == 1  # the family together, on one floor
    assert all(s.room_id for s in plan) and len({s.room_id for s in plan}) == 5
    assert "张家" in plan[0].explain() and "同一楼层" in plan[0].explain()  # the preview's "why"
    assert "kept on one floor" in plan[0].explain("en")
