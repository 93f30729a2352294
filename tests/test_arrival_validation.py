"""Values that look like a person but would crash or mislead later: text longer than its column, control,
bidi and zero-width characters, dates in year 1 or 9999. The arrivals service (which the arrival dialog and
the importer both call) refuses each with a DomainError in zh and en, the same on SQLite and PostgreSQL,
and saves nothing; in a transfer list each such row is an invalid row with that message."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import select

from models.rules.identity import hidden_char, shown
from models.services.arrivals import (
    EARLIEST_BIRTH,
    EARLIEST_EVENT,
    check_arrival,
    column_limit,
    register_arrival,
)
from models.services.importer import check_in_rows, read_transfer_list
from models.store.orm import DocType, Person, Sex, Stay
from tests.conftest import NOW, TZ
from tests.helpers import count, free_rooms
from tests.test_arrivals import refused

PASSPORT = {"doc_type": DocType.PASSPORT, "doc_number": "E12345678", "sex": Sex.FEMALE}


def too_long(attr: str) -> str:
    limit = column_limit(Person, attr)
    assert limit is not None
    return "长" * (limit + 1)


# each: the fields to override, the error code
ATTACKS = {
    "name too long": ({"name": too_long("name")}, "text_too_long"),
    "address too long": ({"address": too_long("address")}, "text_too_long"),
    "origin too long": ({"origin": too_long("origin")}, "text_too_long"),
    "emergency contact too long": ({"emergency_contact": too_long("emergency_contact")}, "text_too_long"),
    "special needs too long": ({"special_needs": too_long("special_needs")}, "text_too_long"),
    "passport number too long": ({**PASSPORT, "doc_number": "E" * 41}, "text_too_long"),
    "NUL in name": ({"name": "张\x00三"}, "text_control"),
    "NUL in address": ({"address": "北京\x00路"}, "text_control"),
    "NUL in notes": ({"notes": "第一行\n\x00"}, "text_control"),
    "C1 control in origin": ({"origin": "上海\x9b31m"}, "text_control"),
    "escape in special needs": ({"special_needs": "\x1b[2J"}, "text_control"),
    "NUL in passport number": ({**PASSPORT, "doc_number": "E1234\x005678"}, "text_control"),
    "NUL in category": ({"category": "inbound\x00"}, "category_unknown"),
    "right-to-left override in name": ({"name": "张\u202e三"}, "text_bidi"),
    "isolate in address": ({"address": "北京\u2066路"}, "text_bidi"),
    "override in notes": ({"notes": "ok\u202d"}, "text_bidi"),
    "zero-width space in name": ({"name": "张\u200b三"}, "text_invisible"),
    "word joiner in name": ({"name": "张\u2060三"}, "text_invisible"),
    "zero-width joiner in emergency contact": ({"emergency_contact": "李\u200d四"}, "text_invisible"),
    "BOM in passport number": ({**PASSPORT, "doc_number": "E1234\ufeff5678"}, "text_invisible"),
    "NUL in phone": ({"phone": "138\x000013 8000"}, "text_control"),
    "arrival in year 1": ({"arrived_at": datetime(1, 1, 1, 12, tzinfo=TZ)}, "arrival_too_early"),
    "arrival before 2020": ({"arrived_at": datetime(2019, 12, 31, 23, tzinfo=TZ)}, "arrival_too_early"),
    "arrival in year 9999": ({"arrived_at": datetime(9999, 12, 31, 12, tzinfo=TZ)}, "arrival_in_future"),
    "exposure in year 1": ({"last_exposure": datetime(1, 1, 1, 12, tzinfo=TZ)}, "exposure_too_early"),
    "exposure in year 9999": ({"last_exposure": datetime(9999, 12, 31, 12, tzinfo=TZ)}, "exposure_after_arrival"),
    "birth in 1899": ({**PASSPORT, "birth_date": date(1899, 12, 31)}, "birth_date_range"),
    "birth in year 1": ({**PASSPORT, "birth_date": date(1, 1, 1)}, "birth_date_range"),
    "birth tomorrow": ({**PASSPORT, "birth_date": NOW.date() + timedelta(days=1)}, "birth_date_range"),
}


@pytest.mark.parametrize(("overrides", "code"), ATTACKS.values(), ids=ATTACKS.keys())
def test_hostile_arrival_is_refused_and_saves_nothing(session, site, desk, make_arrival, overrides, code):
    room = free_rooms(session, 1)[0].id
    fields = dict(overrides)
    category = fields.pop("category", "close_contact" if "last_exposure" in fields else "inbound")
    data = make_arrival(category, **fields)
    err = refused(session, code, register_arrival, session, desk, data, room, now=NOW)
    assert err.zh != err.en
    assert hidden_char(err.zh + err.en) is None  # the message itself carries no hidden character
    assert count(session, Person) == 0


def test_messages_name_the_field_and_the_limit(session, site, make_arrival):
    check = check_arrival(session, make_arrival(address=too_long("address"), name="张\u202e三"), NOW)
    by_code = {e.code: e for e in check.errors}
    assert "住址" in by_code["text_too_long"].zh and "400" in by_code["text_too_long"].zh
    assert "Address" in by_code["text_too_long"].en and "400" in by_code["text_too_long"].en
    assert "姓名" in by_code["text_bidi"].zh and "U+202E" in by_code["text_bidi"].en
    early = check_arrival(session, make_arrival(arrived_at=datetime(1, 1, 1, tzinfo=TZ)), NOW).errors
    assert [e.code for e in early] == ["arrival_too_early"] and EARLIEST_EVENT.isoformat() in early[0].en
    born = check_arrival(session, make_arrival(**PASSPORT, birth_date=date(1, 1, 1)), NOW).errors
    assert EARLIEST_BIRTH.isoformat() in born[0].zh and NOW.date().isoformat() in born[0].en


def test_values_at_the_limits_are_stored_as_given(session, site, desk, make_arrival):
    """The longest text each column takes, a newline in a note, the earliest dates: accepted on both databases.
    A name of 100 characters gives a pinyin longer than its column: it is cut, never the initials."""
    limit = {a: column_limit(Person, a) for a in ("name", "address", "origin", "special_needs")}
    data = make_arrival(
        "close_contact",
        **PASSPORT,
        name="张" * limit["name"],
        address="路" * limit["address"],
        origin="城" * limit["origin"],
        special_needs="需" * limit["special_needs"],
        notes="第一行\r\n第二行\n\t缩进",
        birth_date=EARLIEST_BIRTH,
        last_exposure=datetime(2026, 11, 22, 8, tzinfo=TZ),
    )
    stay = register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)
    session.expire_all()
    person = session.scalars(select(Person)).one()
    assert person.name == "张" * limit["name"] and len(person.address) == limit["address"]
    assert person.notes == "第一行\n第二行\n 缩进" and person.birth_date == EARLIEST_BIRTH
    assert len(person.name_pinyin) <= column_limit(Person, "name_pinyin")
    assert person.name_pinyin.endswith("|" + "z" * limit["name"])
    assert session.get(Stay, stay.id) is not None


def test_a_line_break_in_a_one_line_field_becomes_a_space(session, site, desk, make_arrival):
    data = make_arrival(address="北京市\n朝阳区\r\n1号", origin="上海\t浦东")
    register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)
    person = session.scalars(select(Person)).one()
    assert (person.address, person.origin) == ("北京市 朝阳区 1号", "上海 浦东")


def test_a_phone_pasted_with_direction_marks_is_read_as_its_digits(session, site, desk, make_arrival):
    """A number copied from a contact list comes wrapped in U+202A ... U+202C: it is stored as its 11 digits."""
    data = make_arrival(phone="\u202a+86 138\u200b0013 8000\u202c", emergency_phone="\u2066139 0013 9000\u2069")
    register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)
    person = session.scalars(select(Person)).one()
    assert (person.phone, person.emergency_phone) == ("13800138000", "13900139000")


def test_shown_values_cannot_reorder_a_message():
    assert shown("张\u202e三") == "张<U+202E>三"
    assert shown("x" * 100) == "x" * 40 + "…"


def test_hostile_rows_of_a_transfer_list_are_invalid_rows_not_crashes(session, site, desk, tmp_path, rng):
    """The attacks as rows of an .xlsx (which cannot hold a NUL: see the CSV below), between two good rows:
    each is an invalid row with its message, the good ones check in, nothing of the bad ones is saved."""
    from models.demo import synthetic

    header = ["姓名", "证件类型", "证件号码", "联系电话", "人员类别"]
    header += ["住址", "来源地", "备注", "入住时间", "末次暴露时间"]

    def person_row(column: str | None = None, value: object = None) -> list[object]:
        p = synthetic.person(rng, NOW.date(), min_age=20, max_age=60)
        row = [p["name"], "居民身份证", p["doc_number"], p["phone"], "入境", "", "", "", "", ""]
        if column is not None:
            row[header.index(column)] = value
        return row

    bad = {
        "姓名": "张\u202e三",
        "来源地": "城" * 201,
        "备注": "ok\u2067",
        "入住时间": "0001-01-01",
        "末次暴露时间": "0001-01-01 08:00",
        "联系电话": "138\x9b00138000",  # a C1 control (XML cannot hold a C0 one)
    }
    wb = Workbook()
    ws = wb.active
    ws.append([*header, "性别", "出生日期"])
    ws.append(person_row())
    for column, value in bad.items():
        ws.append(person_row(column, value))
    ws.append(["Passport Holder", "护照", "E7654321", "", "入境", "", "", "", "", "", "女", "1899-12-31"])
    ws.append(person_row())
    path = tmp_path / "hostile.xlsx"
    wb.save(path)
    rows = read_transfer_list(session, path, now=NOW)
    assert rows[0].status == "valid" and rows[-1].status == "valid", [(r.status, r.messages) for r in rows]
    refused_rows = rows[1:-1]
    assert [r.status for r in refused_rows] == ["invalid"] * 7, [(r.row, r.messages) for r in refused_rows]
    for r, word in zip(refused_rows, [*bad, "出生日期"], strict=True):
        assert len(r.messages) == 1 and word in r.messages[0] and " / " in r.messages[0], (word, r.messages)
    stays = check_in_rows(session, desk, rows, now=NOW)
    assert len(stays) == 2 and count(session, Person) == 2


def test_hostile_rows_of_a_csv_are_invalid_rows_not_crashes(session, site, desk, tmp_path, rng):
    from models.demo import synthetic

    p = [synthetic.person(rng, NOW.date(), min_age=20, max_age=60) for _ in range(5)]
    lines = ["姓名,证件号码,人员类别,住址,备注,入住时间"]
    lines.append(f"{p[0]['name']},{p[0]['doc_number']},入境,北京,,")
    lines.append(f"{p[1]['name']},{p[1]['doc_number']},入境,北京\x00路,,")  # a NUL inside a field
    lines.append(f"{p[2]['name']}\u200b,{p[2]['doc_number']},入境,,,")
    lines.append(f'{p[3]["name"]},{p[3]["doc_number"]},入境,,"两行\n备注\x07",9999-12-31')
    lines.append(f"{p[4]['name']},{p[4]['doc_number']},入境,,,")
    path = tmp_path / "hostile.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = read_transfer_list(session, path, now=NOW)
    assert [r.status for r in rows] == ["valid", "invalid", "invalid", "invalid", "valid"], [
        (r.status, r.messages) for r in rows
    ]
    assert any("控制字符" in m and "Address" in m for m in rows[1].messages)
    assert any("不可见字符" in m for m in rows[2].messages)
    assert {"控制字符", "晚于现在"} <= {w for m in rows[3].messages for w in ("控制字符", "晚于现在") if w in m}
    check_in_rows(session, desk, rows, now=NOW)
    assert count(session, Person) == 2


def test_hostile_rows_of_a_lab_file_are_unmatched_not_crashes(session, site, desk, make_arrival):
    """A lab file goes through the same reader; its rows: an unreadable or year-1 report time is left out (the
    time of applying is used), a lab name PostgreSQL would refuse or that hides characters is a problem."""
    from models.services.lab_import import apply_lab_results, preview_lab_rows
    from models.services.swabs import mark_sampled, swab_plan
    from tests.conftest import local

    stays = [register_arrival(session, desk, make_arrival(), r.id, now=NOW) for r in free_rooms(session, 4)]
    for stay in stays:
        mark_sampled(session, desk, swab_plan(session, stay.id)[0].id, by="护士甲", at=local(2026, 11, 23, 9))
    a, b, c, d = (stay.person for stay in stays)
    table = [
        ["姓名", "证件号码", "检测结果", "检测机构", "报告时间"],
        [a.name, a.doc_number, "阴性", "市疾控", "明天"],
        [b.name, b.doc_number, "阴性", "市疾控", "0001-01-01 08:00"],
        [c.name, c.doc_number, "阴性", "疾" * 101, ""],
        [d.name, d.doc_number, "阴性", "市\x00疾控", ""],
    ]
    preview = preview_lab_rows(session, table)
    assert [(r.problem, r.result_at) for r in preview] == [
        (None, None),
        (None, None),
        ("lab_bad_lab", None),
        ("lab_bad_lab", None),
    ]
    apply_lab_results(session, desk, preview)  # the two good rows, on either database
    from models.store.orm import SwabResult, SwabTest

    done = session.scalars(select(SwabTest.stay_id).where(SwabTest.result == SwabResult.NEGATIVE)).all()
    assert sorted(done) == sorted(stay.id for stay in stays[:2])


HOSTILE = "张李·路\x00\x07\x1b\x85\x9b\n\r\t \u200b\u200d\u202e\u2066\ufeff\u00ad"
TEXT = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.sampled_from(HOSTILE), max_size=20),
    st.text(alphabet="长", min_size=95, max_size=420),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_text_is_refused_or_stored_on_either_database(session, site, make_arrival, data):
    """Whatever text the fields hold, check_arrival refuses it with a message or the database stores the
    normalised person: never a database error (PostgreSQL's varchar lengths, its refusal of NUL)."""
    from models.services.arrivals import TEXT_FIELDS, _upsert_person

    targets = [a for a in TEXT_FIELDS if a != "doc_number"]
    attacked = data.draw(st.sets(st.sampled_from(targets), min_size=1, max_size=2), label="attacked")
    fields: dict[str, object] = {attr: data.draw(TEXT, label=attr) for attr in sorted(attacked)}
    if data.draw(st.booleans(), label="passport"):
        fields |= {"doc_type": DocType.PASSPORT, "sex": Sex.MALE, "doc_number": data.draw(TEXT, label="doc_number")}
    arrival = make_arrival(**fields)
    check = check_arrival(session, arrival, NOW)
    if check.errors:
        assert all(e.zh and e.en and hidden_char(e.zh + e.en) is None for e in check.errors)
        return
    try:
        person, _ = _upsert_person(check, None)
        session.add(person)
        session.flush()
    finally:
        session.rollback()
