"""Occupants' requests (人文关怀, models/services/care_requests.py, models/reads/care_requests.py): taken down,
in hand, done or refused with a reason, who and when at each step; overdue by urgency; the floor list."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from models.errors import DomainError
from models.reads.care_requests import open_requests, request_rows
from models.services.arrivals import register_arrival
from models.services.care_requests import DUE, finish_request, open_request, take_request
from models.services.stays import release
from models.store.orm import AuditEntry, CareRequest, RequestKind, RequestState, Role, Urgency, User
from printing.documents import render
from tests.conftest import NOW, local
from tests.helpers import free_rooms


def refused(code, fn, *args, **kwargs):
    with pytest.raises(DomainError) as e:
        fn(*args, **kwargs)
    assert e.value.code == code, e.value.code
    assert e.value.message("zh_CN") and code not in e.value.message("zh_CN")


@pytest.fixture
def people(session, site, desk, make_arrival):
    rooms = free_rooms(session)
    arrived = local(2026, 11, 20)
    needs = ("高血压、青霉素过敏、清真饮食", "", "")
    return [
        register_arrival(session, desk, make_arrival(arrived_at=arrived, special_needs=n), r.id, now=arrived)
        for n, r in zip(needs, (rooms[0], rooms[12], rooms[1]), strict=True)
    ]


def test_a_request_from_open_to_done_keeps_each_step(session, site, desk, people):
    stay = people[0]
    r = open_request(session, desk, stay.id, RequestKind.MEDICINE, " 降压药快吃完了 ", "urgent", "phone", now=NOW)
    assert (r.state, r.text, r.urgency, r.opened_by) == (RequestState.OPEN, "降压药快吃完了", Urgency.URGENT, desk.id)
    take_request(session, desk, r.id, "医疗组 孙医生", now=NOW + timedelta(minutes=30), expected_version=r.version)
    refused("request_in_hand", take_request, session, desk, r.id, now=NOW)
    done = finish_request(session, desk, r.id, "已送药 7 天量", now=NOW + timedelta(hours=1))
    assert done.state is RequestState.DONE and done.closed_at is not None and done.closed_by == desk.id
    assert done.taken_at is not None and done.handler == "医疗组 孙医生"
    refused("request_closed", finish_request, session, desk, r.id, "again", now=NOW)
    refused("request_closed", take_request, session, desk, r.id, now=NOW)
    actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "care_request")).all()
    assert actions == ["request.open", "request.take", "request.done"]


def test_refused_needs_a_reason_and_bad_input_saves_nothing(session, site, desk, people):
    stay = people[1]
    r = open_request(session, desk, stay.id, "delivery", "家属送来的水果", now=NOW)
    refused("layout_name_empty", finish_request, session, desk, r.id, " ", refused=True, now=NOW)
    session.refresh(r)
    assert r.state is RequestState.OPEN
    finish_request(session, desk, r.id, "生鲜不能代收（隔离点规定）", refused=True, now=NOW)
    assert r.state is RequestState.REFUSED and r.outcome.startswith("生鲜")
    refused("layout_name_empty", open_request, session, desk, stay.id, "meals", "", now=NOW)
    refused("request_code_unknown", open_request, session, desk, stay.id, "taxi", "x", now=NOW)
    refused("request_code_unknown", open_request, session, desk, stay.id, "meals", "x", "critical", now=NOW)
    refused("layout_formula", open_request, session, desk, stay.id, "meals", "=cmd|'/c calc'!A1", now=NOW)
    refused("conflict", take_request, session, desk, r.id, now=NOW, expected_version=r.version - 1)
    assert session.scalar(select(func.count()).select_from(CareRequest)) == 1


def test_only_someone_here_can_ask_and_a_viewer_cannot_write(session, site, desk, people):
    release(session, desk, people[2].id, now=local(2026, 11, 22, 9), override_reason="测试：提前解除")
    refused("stay_departed", open_request, session, desk, people[2].id, "meals", "x", now=NOW)
    for role, allowed in ((Role.DESK, True), (Role.MEDICAL, True), (Role.VIEWER, False)):
        u = User(username=f"u_{role.value}", role=role)
        session.add(u)
        session.commit()
        if allowed:
            open_request(session, u, people[0].id, "counselling", "睡不着，想找人聊聊", now=NOW)
        else:
            refused("forbidden", open_request, session, u, people[0].id, "counselling", "x", now=NOW)
    assert session.scalar(select(func.count()).select_from(CareRequest)) == 2


def test_overdue_by_urgency_the_today_order_and_the_special_needs(session, site, desk, people):
    a, b, c = people
    normal = open_request(session, desk, b.id, "repair", "空调不制热", now=NOW - timedelta(hours=25))
    urgent = open_request(session, desk, a.id, "meals", "需要清真餐", "urgent", now=NOW - timedelta(hours=1))
    fresh = open_request(session, desk, c.id, "other", "想要一本书", now=NOW - timedelta(minutes=5))
    late_urgent = open_request(session, desk, c.id, "medicine", "胰岛素", "urgent", now=NOW - timedelta(hours=3))
    assert DUE[Urgency.URGENT] == timedelta(hours=2)
    rows = open_requests(session, NOW)
    assert [r.id for r in rows] == [late_urgent.id, normal.id, urgent.id, fresh.id]
    assert [r.overdue(NOW) for r in rows] == [True, True, False, False]
    by_id = {r.id: r for r in rows}
    assert by_id[urgent.id].needs.chronic == ("高血压",) and by_id[urgent.id].needs.allergies == ("青霉素过敏",)
    assert by_id[urgent.id].needs.other == ("清真饮食",)
    # the floor list: in the layout's order, one floor's only
    floor_of_a = by_id[urgent.id].floor_id
    assert {r.floor_id for r in request_rows(session, floor_id=floor_of_a)} == {floor_of_a}
    finish_request(session, desk, fresh.id, "已送到", now=NOW)
    assert fresh.id not in [r.id for r in open_requests(session, NOW)]


def test_the_floor_list_prints_and_the_workbook_has_every_request(session, site, desk, people, tmp_path):
    a, b, _c = people
    open_request(session, desk, a.id, "meals", "需要清真餐", "urgent", "wechat", now=NOW - timedelta(hours=3))
    done = open_request(session, desk, b.id, "delivery", "代收快递", now=NOW - timedelta(hours=2))
    finish_request(session, desk, done.id, "已送到门口", now=NOW - timedelta(hours=1))
    out = tmp_path / "requests.xlsx"
    pdf = render(session, "care-requests", date(2026, 11, 23), actor=desk, now=NOW, xlsx_path=out)
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    for words in ("人文关怀需求清单", "需要清真餐", "紧急", "微信", "（已超时）", "慢性病：高血压", "过敏：青霉素过敏"):
        assert words in text, words
    assert "代收快递" not in text  # done: not on the list to do
    ws = load_workbook(out).active
    texts = [row[4].value for row in ws.iter_rows(min_row=2)]
    assert texts == ["需要清真餐", "代收快递"]
    english = render(session, "care-requests", date(2026, 11, 23), actor=desk, now=NOW, lang="en")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(english)).pages)
    assert "meals and diet" in text and "(overdue)" in text and "餐食" not in text


def test_a_request_of_someone_who_left_is_kept_for_the_desk_but_off_today_and_the_floor_list(
    session, site, desk, people
):
    left = open_request(session, desk, people[2].id, "meals", "晚饭少了一份", now=NOW - timedelta(hours=3))
    release(session, desk, people[2].id, now=NOW - timedelta(hours=1), override_reason="测试：提前解除")
    assert left.id not in [r.id for r in open_requests(session, NOW)]
    kept = {r.id: r for r in request_rows(session)}[left.id]
    assert kept.left and kept.is_open  # on the requests page, marked, for the desk to close
    pdf = render(session, "care-requests", date(2026, 11, 23), actor=desk, now=NOW)
    assert "晚饭少了一份" not in "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
