"""Fuzzing the importers and validators: random and malformed rows, huge cells, wrong types, formulas,
empty sheets, random bytes as files. Never a crash: a row-level status and message, or a clear
DomainError for the whole file; and nothing saved from a rejected batch."""

import csv
import random
from datetime import date, datetime, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from models.demo import synthetic
from models.errors import DomainError
from models.rules.identity import normalise_mobile, parse_resident_id
from models.services.importer import check_in_rows, parse_rows, read_table
from models.services.observations import parse_temperature
from models.store.db import session_factory
from models.store.orm import AuditEntry, Stay
from tests.conftest import NOW

STATUSES = {"valid", "warning", "invalid", "duplicate", "skipped"}
HEADER = ["姓名", "性别", "证件类型", "证件号码", "联系电话", "来源地", "人员类别", "末次暴露时间", "同住人"]
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

junk_text = st.one_of(
    st.text(max_size=30),
    st.text(min_size=600, max_size=2000),  # huge cells
    st.sampled_from(["=1+1", '=HYPERLINK("x")', "合计", "共 12 人", "  ", "NULL", "#N/A", "１１０１０５"]),
)
cell = st.one_of(
    st.none(),
    junk_text,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.times(),
)


def real_row(rng: random.Random) -> list[object]:
    p = synthetic.person(rng, NOW.date(), min_age=20, max_age=60)
    return [
        p["name"],
        "男" if p["sex"].value == "M" else "女",
        "居民身份证",
        p["doc_number"],
        p["phone"],
        "上海",
        "入境",
        "",
        "",
    ]


rows_strategy = st.lists(
    st.one_of(
        st.lists(cell, min_size=0, max_size=12),  # junk rows: short, long, any types
        st.integers(min_value=0, max_value=10**6).map(lambda seed: real_row(random.Random(seed))),  # good rows
    ),
    max_size=12,
)


@pytest.fixture
def sqlite_sessions(engine, site):
    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("fuzzed on SQLite; the importer is engine-independent and runs on PostgreSQL elsewhere")
    return session_factory(engine)


@FUZZ
@given(rows=rows_strategy)
def test_any_table_gets_a_status_per_row_and_rejected_batches_save_nothing(sqlite_sessions, rows):
    table = [HEADER, *rows]
    with sqlite_sessions() as s:
        parsed = parse_rows(s, table, now=NOW)
        assert [r.row for r in parsed] == list(range(2, len(rows) + 2))  # one result per data row, Excel numbering
        for r in parsed:
            assert r.status in STATUSES
            if r.status in ("invalid", "duplicate", "skipped"):
                assert r.messages and all(isinstance(m, str) and m for m in r.messages)
        before = (
            s.scalar(select(func.count()).select_from(Stay)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )
        accepted = [r for r in parsed if r.status in ("valid", "warning")]
        try:
            stays = check_in_rows(s, None, parsed, now=NOW)
        except DomainError:
            s.rollback()
            after = (
                s.scalar(select(func.count()).select_from(Stay)),
                s.scalar(select(func.count()).select_from(AuditEntry)),
            )
            assert after == before  # a refused batch leaves nothing behind
        else:
            assert len(stays) == len(accepted)


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".xlsx", ".csv", ".xls", ".txt"]))
def test_random_bytes_as_a_file_never_crash(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"list{suffix}"
    path.write_bytes(data)
    try:
        table = read_table(path)
    except DomainError as e:
        assert e.message("zh_CN") and e.message("en")
    else:
        assert isinstance(table, list)


def test_empty_and_headerless_sheets_are_explained(sqlite_sessions, tmp_path):
    wb = Workbook()
    wb.save(tmp_path / "empty.xlsx")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with (tmp_path / "noheader.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["a", "b"], [1, 2]])
    with sqlite_sessions() as s:
        for name in ("empty.xlsx", "empty.csv", "noheader.csv"):
            with pytest.raises(DomainError) as e:
                parse_rows(s, read_table(tmp_path / name), now=NOW)
            assert e.value.message("zh_CN")


@FUZZ
@given(text=st.one_of(st.text(max_size=40), st.from_regex(r"[0-9Xx]{15,18}", fullmatch=True)))
def test_id_validator_never_crashes(text):
    try:
        rid = parse_resident_id(text)
    except DomainError as e:
        assert e.message("zh_CN")
    else:
        assert rid.birth_date <= NOW.date()


@FUZZ
@given(text=st.one_of(st.text(max_size=30), st.from_regex(r"\+?[0-9 \-]{5,20}", fullmatch=True)))
def test_phone_validator_never_crashes(text):
    try:
        normalise_mobile(text)
    except DomainError as e:
        assert e.message("en")


@FUZZ
@given(value=st.one_of(st.text(max_size=12), st.floats(allow_nan=True, allow_infinity=True)))
def test_temperature_parser_accepts_only_plausible_values(value):
    try:
        t = parse_temperature(value)
    except DomainError as e:
        assert e.message("zh_CN")
    else:
        assert 34.0 <= t <= 43.0


def test_time_cells_are_not_a_crash(sqlite_sessions):
    row = real_row(random.Random(3))
    row[7] = time(8, 30)  # a time without a date in the exposure column
    with sqlite_sessions() as s:
        [parsed] = parse_rows(s, [HEADER, row], now=NOW)
    assert parsed.status in STATUSES
