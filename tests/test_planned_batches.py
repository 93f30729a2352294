"""Planned batches (待转运批次, models/services/planned_batches.py): announced, edited, called off, checked in
from the transfer list sent ahead (the stays linked, the batch closed in the same transaction), and who may."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.demo import synthetic
from models.errors import DomainError
from models.services.importer import check_in_rows, read_transfer_list
from models.services.planned_batches import (
    BatchInput,
    TransferList,
    add_batch,
    cancel_batch,
    edit_batch,
    list_data,
    set_forecast_margin,
)
from models.store.orm import AuditEntry, BatchState, PlannedBatch, Role, Site, Stay, User
from tests.conftest import NOW, local

BUS = local(2026, 11, 24, 15)


def user(session, role):
    u = User(username=f"u_{role.value}", role=role)
    session.add(u)
    session.commit()
    return u


def transfer_list(rng, n):
    lines = ["转运名单（示例）", "姓名,性别,证件号码,联系电话,人员类别,末次暴露时间"]
    for _ in range(n):
        p = synthetic.person(rng, NOW.date(), min_age=20, max_age=60)
        sex = "男" if p["sex"].value == "M" else "女"
        lines.append(f"{p['name']},{sex},{p['doc_number']},{p['phone']},密接,2026-11-21")
    return ("\n".join(lines) + "\n").encode("utf-8")


def refused(code, fn, *args, **kwargs):
    with pytest.raises(DomainError) as e:
        fn(*args, **kwargs)
    assert e.value.code == code, e.value.code
    zh = e.value.message("zh_CN")
    assert zh and code not in zh
    return e.value


def test_a_batch_is_announced_with_one_room_each_unless_told(session, site, desk):
    b = add_batch(session, desk, BatchInput(BUS, 30, None, "close_contact", " 区疾控中心 "))
    assert (b.people, b.rooms, b.category_code, b.source, b.state) == (30, 30, "close_contact", "区疾控中心",
                                                                       BatchState.PLANNED)  # fmt: skip
    assert b.announced_at == NOW and b.closed_at is None
    families = add_batch(session, desk, BatchInput(BUS, 5, 3))
    assert families.rooms == 3
    assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "batch.plan")) == 2


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (BatchInput(BUS, 0), "batch_people_range"),
        (BatchInput(BUS, 2001), "batch_people_range"),
        (BatchInput(BUS, 3, 4), "batch_rooms_range"),
        (BatchInput(BUS, 3, 0), "batch_rooms_range"),
        (BatchInput(NOW - timedelta(days=2), 3), "batch_when_past"),
        (BatchInput(BUS, 3, None, "no_such"), "batch_category_unknown"),
        (BatchInput(BUS, 3, None, None, "=HYPERLINK(1)"), "layout_formula"),
        (BatchInput(BUS, 3, None, None, "x" * 201), "text_too_long"),
    ],
)
def test_what_cannot_be_a_batch_is_refused_in_words_and_nothing_is_kept(session, site, desk, data, code):
    refused(code, add_batch, session, desk, data)
    assert session.scalar(select(func.count()).select_from(PlannedBatch)) == 0


def test_a_transfer_list_sent_ahead_is_kept_as_it_came_but_never_in_the_audit_trail(session, site, desk, rng):
    data = transfer_list(rng, 3)
    b = add_batch(session, desk, BatchInput(BUS, 3), TransferList("/tmp/../名单.csv", data))
    assert b.list_name == "名单.csv"
    assert list_data(session, b.id) == TransferList("名单.csv", data)
    trail = json.dumps([e.after for e in session.scalars(select(AuditEntry))], ensure_ascii=False)
    assert "名单.csv" in trail and data.decode().split("\n")[2].split(",")[0] not in trail
    refused("import_format", add_batch, session, desk, BatchInput(BUS, 3), TransferList("list.pdf", b"%PDF"))
    refused("import_unreadable", add_batch, session, desk, BatchInput(BUS, 3), TransferList("list.xls", b"\xd0\xcf"))
    refused("import_unreadable", add_batch, session, desk, BatchInput(BUS, 3), TransferList("list.xlsx", b"PK no"))
    big = b"a,b\n" * (4 * 2**20 + 1)
    refused("batch_list_too_large", add_batch, session, desk, BatchInput(BUS, 3), TransferList("big.csv", big))


def test_the_news_changes_and_a_closed_batch_does_not(session, site, desk):
    b = add_batch(session, desk, BatchInput(BUS, 30))
    b = edit_batch(session, desk, b.id, b.version, BatchInput(BUS + timedelta(hours=3), 25, 20, None, "机场"))
    assert (b.expected_at, b.people, b.rooms, b.source) == (BUS + timedelta(hours=3), 25, 20, "机场")
    refused("conflict", edit_batch, session, desk, b.id, b.version - 1, BatchInput(BUS, 1))
    refused("batch_reason_empty", cancel_batch, session, desk, b.id, b.version, "  ")
    b = cancel_batch(session, desk, b.id, b.version, "指挥部通知取消")
    assert b.state is BatchState.CANCELLED and b.closed_at == NOW and b.cancel_reason == "指挥部通知取消"
    refused("batch_closed", edit_batch, session, desk, b.id, b.version, BatchInput(BUS, 1))
    refused("batch_closed", cancel_batch, session, desk, b.id, b.version, "再次")
    actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("batch.%"))))
    assert actions == ["batch.plan", "batch.edit", "batch.cancel"]


@pytest.mark.parametrize("role", [Role.MEDICAL, Role.VIEWER])
def test_only_the_desk_and_the_admin_plan_batches(session, site, desk, role):
    b = add_batch(session, desk, BatchInput(BUS, 3))
    other = user(session, role)
    refused("forbidden", add_batch, session, other, BatchInput(BUS, 3))
    refused("forbidden", edit_batch, session, other, b.id, b.version, BatchInput(BUS, 4))
    refused("forbidden", cancel_batch, session, other, b.id, b.version, "不来了")
    assert add_batch(session, user(session, Role.DESK), BatchInput(BUS, 3)).id


def test_a_batch_checked_in_from_its_list_links_its_stays_once(session, site, desk, rng, tmp_path: Path):
    b = add_batch(session, desk, BatchInput(BUS, 3), TransferList("名单.csv", transfer_list(rng, 3)))
    kept = list_data(session, b.id)
    assert kept is not None
    path = tmp_path / kept.name
    path.write_bytes(kept.data)
    rows = read_transfer_list(session, path, now=BUS)
    stays = check_in_rows(session, desk, rows, now=BUS, planned_batch_id=b.id)
    session.expire_all()
    assert len(stays) == 3
    assert set(session.scalars(select(Stay.planned_batch_id))) == {b.id}
    b = session.get_one(PlannedBatch, b.id)
    assert b.state is BatchState.ARRIVED and b.closed_at == BUS
    note = session.scalar(select(AuditEntry.note).where(AuditEntry.action == "batch.arrive"))
    assert note == "arrived=3"
    # a list checked in against the same batch again (another desk had it open): refused whole
    other = tmp_path / "other.csv"
    other.write_bytes(transfer_list(rng, 2))
    again = read_transfer_list(session, other, now=BUS)
    refused("batch_closed", check_in_rows, session, desk, again, now=BUS, planned_batch_id=b.id)
    assert session.scalar(select(func.count()).select_from(Stay)) == 3


def test_the_site_sets_its_forecast_margin_and_only_the_admin_may(session, site, desk):
    assert set_forecast_margin(session, desk, "25") == 25
    session.expire_all()
    assert session.scalar(select(Site.forecast_margin)) == 25
    refused("margin_range", set_forecast_margin, session, desk, "-1")
    refused("margin_range", set_forecast_margin, session, desk, "many")
    refused("forbidden", set_forecast_margin, session, user(session, Role.DESK), 5)
