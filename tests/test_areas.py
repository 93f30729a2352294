"""Routine disinfection of public areas (日常消毒, models/services/areas.py, models/reads/areas.py): the areas
kept, each round recorded, the rounds missing today and behind the day's schedule, the printed log."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from models.errors import DomainError
from models.reads.areas import area_log, area_status, due_by
from models.services.areas import add_area, edit_area, record_area_round, retire_area
from models.store.orm import AreaKind, AreaRound, AuditEntry, PublicArea, Role, User
from tests.conftest import NOW, local


def refused(code, fn, *args, **kwargs):
    with pytest.raises(DomainError) as e:
        fn(*args, **kwargs)
    assert e.value.code == code, e.value.code
    assert e.value.message("zh_CN") and code not in e.value.message("zh_CN")


def user(session, role):
    u = User(username=f"u_{role.value}", role=role)
    session.add(u)
    session.commit()
    return u


@pytest.fixture
def areas(session, site, desk):
    return [
        add_area(session, desk, "A栋大厅", AreaKind.LOBBY, 3),
        add_area(session, desk, " A栋3F走廊 ", "corridor", "2"),
        add_area(session, desk, "垃圾暂存点", AreaKind.WASTE, 1),
    ]


def test_the_rounds_of_a_day_are_due_spread_from_six_to_ten(site):
    tz = "Asia/Shanghai"
    day = date(2026, 11, 23)
    assert [due_by(3, local(2026, 11, 23, h), day, tz) for h in (5, 6, 11, 12, 17, 22, 23)] == [0, 0, 0, 1, 2, 3, 3]


def test_the_rounds_missing_today_and_those_behind(session, site, desk, areas):
    lobby, corridor, waste = areas
    assert corridor.name == "A栋3F走廊" and corridor.kind is AreaKind.CORRIDOR and corridor.rounds_per_day == 2
    record_area_round(session, desk, lobby.id, agent="含氯消毒剂", concentration="500 mg/L", done_by="周师傅",
                      checked_by="孙医生", done_at=local(2026, 11, 23, 7, 30))  # fmt: skip
    record_area_round(session, desk, waste.id, agent="含氯消毒剂", done_by="周师傅", done_at=local(2026, 11, 23, 8))
    record_area_round(session, desk, corridor.id, agent="含氯消毒剂", done_by="吴师傅", done_at=local(2026, 11, 22, 20))
    status = {a.name: a for a in area_status(session, local(2026, 11, 23, 15))}  # 15:00: 1 of 2, 1 of 3 due
    assert [(s.done, s.missing, s.due_by_now, s.behind) for s in status.values()] == [
        (1, 2, 1, False),  # the lobby: one of three, one due by now
        (0, 2, 1, True),  # the corridor: yesterday's does not count today
        (1, 0, 0, False),
    ]
    assert status["A栋大厅"].last_at.strftime("%H:%M") == "07:30"
    rows, days = area_log(session, date(2026, 11, 22), date(2026, 11, 23))
    assert [(r.area, f"{r.done_at:%m-%d %H:%M}") for r in rows] == [
        ("A栋3F走廊", "11-22 20:00"), ("A栋大厅", "11-23 07:30"), ("垃圾暂存点", "11-23 08:00"),
    ]  # fmt: skip
    assert [(d.day.day, d.area, d.done, d.rounds_per_day) for d in days if d.day == date(2026, 11, 23)] == [
        (23, "A栋大厅", 1, 3), (23, "A栋3F走廊", 0, 2), (23, "垃圾暂存点", 1, 1),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"agent": "", "done_by": "周"}, "layout_name_empty"),
        ({"agent": "含氯", "done_by": ""}, "layout_name_empty"),
        ({"agent": "=cmd|x", "done_by": "周"}, "layout_formula"),
        ({"agent": "含氯", "done_by": "周", "done_at": NOW + timedelta(hours=1)}, "area_round_future"),
        ({"agent": "含氯", "done_by": "周", "done_at": NOW - timedelta(days=8)}, "area_round_old"),
    ],
)
def test_a_round_that_cannot_be_is_refused_in_words_and_nothing_kept(session, site, desk, areas, kwargs, code):
    refused(code, record_area_round, session, desk, areas[0].id, **kwargs)
    assert session.scalar(select(func.count()).select_from(AreaRound)) == 0


def test_areas_are_kept_by_the_desk_and_one_with_rounds_is_retired_not_deleted(session, site, desk, areas):
    lobby, corridor, waste = areas
    refused("area_taken", add_area, session, desk, "A栋大厅")
    refused("area_rounds_range", add_area, session, desk, "B栋大厅", AreaKind.LOBBY, 0)
    refused("area_kind_unknown", add_area, session, desk, "B栋大厅", "garden")
    edit_area(session, desk, corridor.id, "A栋3F东走廊", AreaKind.CORRIDOR, 3, expected_version=corridor.version)
    refused("conflict", edit_area, session, desk, corridor.id, "x", AreaKind.CORRIDOR, 3, expected_version=99)
    record_area_round(session, desk, lobby.id, agent="含氯", done_by="周")
    assert retire_area(session, desk, waste.id) is None  # never used: gone
    kept = retire_area(session, desk, lobby.id)
    assert kept is not None and kept.retired_on == NOW.date()
    refused("area_retired", record_area_round, session, desk, lobby.id, agent="含氯", done_by="周")
    assert [a.name for a in area_status(session, NOW)] == ["A栋3F东走廊"]
    again = add_area(session, desk, "A栋大厅", AreaKind.LOBBY, 2)  # in use again, with its past rounds
    assert again.id == lobby.id and again.retired_on is None
    actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("area.%"))))
    assert actions == ["area.add"] * 3 + ["area.edit", "area.round", "area.delete", "area.retire", "area.restore"]
    assert session.scalar(select(func.count()).select_from(PublicArea)) == 2


@pytest.mark.parametrize("role", [Role.MEDICAL, Role.VIEWER])
def test_medical_staff_and_viewers_do_not_record_rounds(session, site, desk, areas, role):
    other = user(session, role)
    refused("forbidden", record_area_round, session, other, areas[0].id, agent="含氯", done_by="周")
    refused("forbidden", add_area, session, other, "B栋大厅")


def test_the_daily_log_prints_and_exports_the_rounds_and_the_shortfall(session, site, desk, areas, tmp_path):
    from openpyxl import load_workbook

    from printing.documents import render

    record_area_round(session, desk, areas[0].id, agent="含氯消毒剂", concentration="500 mg/L", done_by="周师傅",
                      checked_by="孙医生", done_at=local(2026, 11, 23, 7, 30))  # fmt: skip
    xlsx = tmp_path / "areas.xlsx"
    pdf = render(session, "area-disinfection", NOW.date(), actor=desk, now=NOW, xlsx_path=xlsx)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "公共区域日常消毒记录" in text and "周师傅" in text and "500 mg/L" in text
    assert "未完成" in text and "A栋3F走廊 0/2" in "".join(text.split("\n"))
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("消毒时间", "区域", "类型") and rows[1][1:4] == ("A栋大厅", "大厅", "含氯消毒剂")
    english = render(session, "area-disinfection", NOW.date(), actor=desk, lang="en", now=NOW)
    assert "Routine disinfection of public areas" in "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(english)).pages
    )
