"""Supplies (物资台账, models/services/supplies.py, models/reads/supplies.py): the items kept, stock in, out and
counted, the use a day and the days left, the low-stock warning, the ledger and the daily report's line."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from models.errors import DomainError
from models.reads.reports import daily_report
from models.reads.supplies import WARN_DAYS, low_stock, move_rows, stock_rows
from models.services.arrivals import register_arrival
from models.services.supplies import add_item, edit_item, record_move, retire_item, set_report_supplies
from models.store.orm import AuditEntry, MoveKind, Role, SupplyCategory, SupplyItem, SupplyMove, UseBasis, User
from printing.documents import render
from tests.conftest import NOW, local
from tests.helpers import free_rooms


def refused(code, fn, *args, **kwargs):
    with pytest.raises(DomainError) as e:
        fn(*args, **kwargs)
    assert e.value.code == code, e.value.code
    assert e.value.message("zh_CN") and code not in e.value.message("zh_CN")


def stock_of(session, name, at=None):
    return {r.name: r for r in stock_rows(session, at or NOW)}[name]


@pytest.fixture
def items(session, site, desk):
    return [
        add_item(session, desk, "医用外科口罩", SupplyCategory.PROTECTION, "个", 100, UseBasis.PER_OCCUPANT, 2),
        add_item(session, desk, " 含氯消毒片 ", "disinfectant", "瓶", "5"),
        add_item(session, desk, "抗原检测试剂", SupplyCategory.MEDICAL, "盒", 0),
    ]


def test_stock_moves_in_out_and_is_counted(session, site, desk, items):
    masks, tablets, _kits = items
    assert tablets.name == "含氯消毒片" and tablets.basis is UseBasis.MEASURED and tablets.min_stock == 5
    record_move(session, desk, tablets.id, MoveKind.IN, 40, party="区疾控中心", lot="20261101",
                at=local(2026, 11, 20, 9), now=NOW)  # fmt: skip
    record_move(session, desk, tablets.id, "out", "6", party="A栋3F", done_by="周师傅", at=local(2026, 11, 21, 9),
                now=NOW)  # fmt: skip
    record_move(session, desk, tablets.id, MoveKind.OUT, 8, party="消杀组", at=local(2026, 11, 22, 9), now=NOW)
    # a stocktake finds 25, not 26: the difference is recorded with its reason, the count becomes the stock
    refused("supply_count_note", record_move, session, desk, tablets.id, MoveKind.COUNT, 25, now=NOW)
    count = record_move(session, desk, tablets.id, MoveKind.COUNT, 25, note="破损 1 瓶", now=NOW)
    assert (count.delta, count.counted) == (-1, 25)
    session.refresh(tablets)
    assert tablets.stock == 25 == stock_of(session, "含氯消毒片", NOW).stock  # the count made this very minute
    assert session.scalar(select(func.sum(SupplyMove.delta)).where(SupplyMove.item_id == tablets.id)) == 25
    # never more out than in stock, nothing recorded when refused
    refused("supply_short", record_move, session, desk, tablets.id, MoveKind.OUT, 26, party="A栋", now=NOW)
    refused("supply_quantity_range", record_move, session, desk, tablets.id, MoveKind.IN, 0, party="x", now=NOW)
    refused("supply_quantity_range", record_move, session, desk, tablets.id, MoveKind.IN, "2.5", party="x", now=NOW)
    refused("layout_name_empty", record_move, session, desk, tablets.id, MoveKind.OUT, 1, party=" ", now=NOW)
    refused("supply_move_future", record_move, session, desk, masks.id, "in", 1, party="x",
            at=local(2026, 11, 23, 11), now=NOW)  # fmt: skip
    refused("supply_move_old", record_move, session, desk, masks.id, "in", 1, party="x", at=local(2026, 11, 15),
            now=NOW)  # fmt: skip
    refused("supply_move_unknown", record_move, session, desk, masks.id, "lost", 1, party="x", now=NOW)
    session.refresh(tablets)
    assert tablets.stock == 25 and session.scalar(select(func.count()).select_from(SupplyMove)) == 4
    # the stock as it stood at an instant: before the count, before the second out
    assert stock_of(session, "含氯消毒片", local(2026, 11, 22, 8)).stock == 34


def test_a_movement_on_a_stale_item_is_refused(session, site, desk, items):
    """Two desks take the last boxes at once: the item's version moved, the second is refused (conflict)."""
    _masks, tablets, _kits = items
    record_move(session, desk, tablets.id, MoveKind.IN, 10, party="仓库", now=NOW)
    session.refresh(tablets)
    seen = tablets.version
    record_move(session, desk, tablets.id, MoveKind.OUT, 10, party="A栋", now=NOW, expected_version=seen)
    refused("conflict", record_move, session, desk, tablets.id, MoveKind.OUT, 10, party="B栋", now=NOW,
            expected_version=seen)  # fmt: skip


def test_use_a_day_days_left_and_the_low_warning(session, site, desk, items, make_arrival):
    masks, tablets, kits = items
    for room in free_rooms(session)[:5]:  # five people present: masks are counted at 2 a person a day
        register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20)), room.id, now=local(2026, 11, 20))
    record_move(session, desk, masks.id, MoveKind.IN, 300, party="市防控物资储备库", at=local(2026, 11, 21), now=NOW)
    record_move(session, desk, tablets.id, MoveKind.IN, 100, party="仓库", at=local(2026, 11, 16, 10), now=NOW)
    for d in (17, 19, 21, 22):  # 28 out over the last 7 days: 4 a day
        record_move(session, desk, tablets.id, MoveKind.OUT, 7, party="消杀组", at=local(2026, 11, d), now=NOW)
    rows = {r.name: r for r in stock_rows(session, NOW)}
    assert (rows["医用外科口罩"].per_day, rows["医用外科口罩"].days_left) == (10, 30)
    assert rows["含氯消毒片"].stock == 72 and rows["含氯消毒片"].per_day == pytest.approx(4)
    assert rows["含氯消毒片"].days_left == pytest.approx(18)
    assert rows["抗原检测试剂"].per_day is None and rows["抗原检测试剂"].days_left is None
    assert [r.name for r in low_stock(session, NOW)] == ["抗原检测试剂"]  # none in stock: at its minimum, 0
    # a use measured over fewer days than the window: since the item's first movement
    record_move(session, desk, kits.id, MoveKind.IN, 20, party="仓库", at=local(2026, 11, 21, 10), now=NOW)
    record_move(session, desk, kits.id, MoveKind.OUT, 10, party="医疗组", at=local(2026, 11, 22, 10), now=NOW)
    kit = stock_of(session, "抗原检测试剂")
    assert kit.per_day == pytest.approx(5) and kit.days_left == pytest.approx(2) and kit.days_left < WARN_DAYS
    assert kit.low and not kit.below_minimum
    # masks fall to the minimum: low
    record_move(session, desk, masks.id, MoveKind.OUT, 200, party="A栋", now=NOW)
    assert {r.name for r in low_stock(session, local(2026, 11, 23, 11))} == {"医用外科口罩", "抗原检测试剂"}


def test_items_are_checked_kept_and_retired(session, site, desk, items):
    _masks, tablets, kits = items
    refused("supply_taken", add_item, session, desk, "医用外科口罩", "protection", "个")
    refused("supply_rate_needed", add_item, session, desk, "盒饭", "food", "份", 0, "per_occupant", 0)
    refused("supply_rate_range", add_item, session, desk, "盒饭", "food", "份", 0, "per_occupant", "nan")
    refused("supply_min_range", add_item, session, desk, "盒饭", "food", "份", -1)
    refused("supply_category_unknown", add_item, session, desk, "盒饭", "weapons", "份")
    refused("layout_name_empty", add_item, session, desk, "盒饭", "food", "")
    refused("layout_formula", add_item, session, desk, "=HYPERLINK(1)", "food", "份")
    edit_item(
        session, desk, kits.id, "抗原检测试剂盒", "medical", "盒", 10, "measured", 0, expected_version=kits.version
    )
    refused("conflict", edit_item, session, desk, kits.id, "x", "medical", "盒", 10, "measured", 0,
            expected_version=kits.version - 1)  # fmt: skip
    record_move(session, desk, tablets.id, MoveKind.IN, 10, party="仓库", now=NOW)
    assert retire_item(session, desk, kits.id) is None  # no movement: deleted
    kept = retire_item(session, desk, tablets.id)
    assert kept is not None and kept.retired_on == NOW.date()
    assert [r.name for r in stock_rows(session, NOW)] == ["医用外科口罩"]
    refused("supply_retired", record_move, session, desk, tablets.id, MoveKind.OUT, 1, party="A栋", now=NOW)
    back = add_item(session, desk, "含氯消毒片", "disinfectant", "瓶", 5)
    assert back.id == tablets.id and back.retired_on is None and back.stock == 10
    actions = session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("supply.%"))).all()
    assert {"supply.add", "supply.edit", "supply.in", "supply.delete", "supply.retire", "supply.restore"} <= set(
        actions
    )


@pytest.mark.parametrize("role, allowed", [(Role.DESK, True), (Role.MEDICAL, False), (Role.VIEWER, False)])
def test_who_may_keep_the_stock(session, site, desk, items, role, allowed):
    person = User(username=f"u_{role.value}", role=role)
    session.add(person)
    session.commit()
    if allowed:
        record_move(session, person, items[1].id, MoveKind.IN, 1, party="仓库", now=NOW)
    else:
        refused("forbidden", record_move, session, person, items[1].id, MoveKind.IN, 1, party="仓库", now=NOW)
        refused("forbidden", add_item, session, person, "手套", "protection", "副")
    assert session.scalar(select(func.count()).select_from(SupplyMove)) == (1 if allowed else 0)


def test_the_ledger_gives_each_balance_and_prints(session, site, desk, items, tmp_path):
    masks, tablets, _kits = items
    record_move(session, desk, tablets.id, MoveKind.IN, 30, party="仓库", lot="L1", at=local(2026, 11, 16), now=NOW)
    record_move(session, desk, masks.id, MoveKind.IN, 500, party="市储备库", at=local(2026, 11, 20), now=NOW)
    record_move(session, desk, tablets.id, MoveKind.OUT, 4, party="A栋1F", at=local(2026, 11, 21), now=NOW)
    record_move(session, desk, tablets.id, MoveKind.OUT, 3, party="A栋2F", at=local(2026, 11, 22), now=NOW)
    rows = move_rows(session, date(2026, 11, 20), date(2026, 11, 22))
    assert [(r.item, r.kind, r.delta, r.balance) for r in rows] == [
        ("医用外科口罩", MoveKind.IN, 500, 500),
        ("含氯消毒片", MoveKind.OUT, -4, 26),  # 30 in before the period
        ("含氯消毒片", MoveKind.OUT, -3, 23),
    ]
    out = tmp_path / "supplies.xlsx"
    pdf = render(session, "supplies", date(2026, 11, 23), actor=desk, xlsx_path=out, now=NOW,
                 day_from=date(2026, 11, 20))  # fmt: skip
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for words in ("物资库存表", "物资出入库明细", "医用外科口罩", "市储备库", "A栋2F", "结存", "仓管员签名"):
        assert words in text, words
    wb = load_workbook(out)
    stock, moves = wb.worksheets
    assert [c.value for c in stock[3]][:5] == ["防护用品", "医用外科口罩", "个", 500, 100]
    assert [[c.value for c in row][2:7] for row in moves.iter_rows(min_row=2)] == [
        ["入库", 500, None, None, 500], ["出库", None, 4, None, 26], ["出库", None, 3, None, 23]
    ]  # fmt: skip
    english = render(session, "supplies", date(2026, 11, 23), actor=desk, now=NOW, lang="en")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(english)).pages)
    assert "Supplies in stock" in text and "protection" in text and "防护用品" not in text


def test_the_daily_report_carries_the_stock_when_the_site_says_so(session, site, desk, items):
    masks, tablets, _kits = items
    record_move(session, desk, tablets.id, MoveKind.IN, 30, party="仓库", at=local(2026, 11, 21), now=NOW)
    record_move(session, desk, tablets.id, MoveKind.OUT, 20, party="消杀组", at=local(2026, 11, 22, 9), now=NOW)
    assert daily_report(session, date(2026, 11, 22), NOW).supplies == ()
    set_report_supplies(session, desk, True)
    report = daily_report(session, date(2026, 11, 21), NOW)  # as it stood at the end of the 21st
    assert [(s.name, s.stock) for s in report.supplies] == [
        ("医用外科口罩", 0),
        ("含氯消毒片", 30),
        ("抗原检测试剂", 0),
    ]
    retire_item(session, desk, tablets.id)  # no longer kept from today: still in the 21st's report
    assert "含氯消毒片" in [s.name for s in daily_report(session, date(2026, 11, 21), NOW).supplies]
    assert "含氯消毒片" not in [s.name for s in daily_report(session, date(2026, 11, 23), NOW).supplies]
    add_item(session, desk, "含氯消毒片", "disinfectant", "瓶", 5)  # kept again
    today = daily_report(session, date(2026, 11, 23), NOW)
    assert {s.name: s.stock for s in today.supplies}["含氯消毒片"] == 10
    pdf = render(session, "daily-report", date(2026, 11, 23), actor=desk, now=NOW)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "物资库存" in text and "含氯消毒片" in text
    viewer = User(username="viewer", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    refused("forbidden", set_report_supplies, session, viewer, False)
    assert session.scalar(select(SupplyItem.id).where(SupplyItem.name == masks.name)) == masks.id


def test_a_movement_dated_back_never_makes_the_past_negative_nor_slips_before_a_count(session, site, desk, items):
    _masks, tablets, kits = items
    record_move(session, desk, tablets.id, MoveKind.IN, 10, party="仓库", at=local(2026, 11, 22), now=NOW)
    # 10 in stock now, none on the 20th: an out dated then would leave the 20th and 21st at -10
    refused("supply_short", record_move, session, desk, tablets.id, MoveKind.OUT, 10, party="A栋",
            at=local(2026, 11, 20), now=NOW)  # fmt: skip
    record_move(session, desk, tablets.id, MoveKind.OUT, 4, party="A栋", at=local(2026, 11, 22, 12), now=NOW)
    refused(
        "supply_short",
        record_move,
        session,
        desk,
        tablets.id,
        MoveKind.OUT,
        7,
        party="A栋",
        at=local(2026, 11, 22, 11),
        now=NOW,
    )  # fmt: skip  (10 then, but 6 after the out at 12:00)
    record_move(session, desk, tablets.id, MoveKind.OUT, 6, party="A栋", at=local(2026, 11, 22, 11), now=NOW)
    assert min(r.balance for r in move_rows(session, date(2026, 11, 16), date(2026, 11, 23))) == 0
    # a count says what was there: nothing is dated before it afterwards
    record_move(session, desk, kits.id, MoveKind.IN, 10, party="仓库", at=local(2026, 11, 23, 8), now=NOW)
    record_move(session, desk, kits.id, MoveKind.COUNT, 10, now=NOW)
    refused("supply_before_count", record_move, session, desk, kits.id, MoveKind.OUT, 3, party="医疗组",
            at=local(2026, 11, 23, 9), now=NOW)  # fmt: skip
    later = record_move(
        session,
        desk,
        kits.id,
        MoveKind.OUT,
        3,
        party="医疗组",
        now=NOW + timedelta(minutes=1),
        at=NOW + timedelta(minutes=4),
    )  # fmt: skip  (a clock a little ahead: the movement is of now)
    assert later.at == NOW + timedelta(minutes=1)


def test_two_desks_handing_out_the_last_boxes_at_once_cannot_both(engine, session, site, desk, items):
    """Each desk has read the item (8 boxes); the first hands out 6 and saves; the second's 6 is refused, not
    added on top, and the stock stays 2."""
    from models.store.db import session_factory

    kits = items[2]
    record_move(session, desk, kits.id, MoveKind.IN, 8, party="仓库", now=NOW)
    other = session_factory(engine)()
    try:
        seen = other.get(SupplyItem, kits.id)  # the second desk's view, read before the first saves
        assert seen is not None and seen.stock == 8
        record_move(session, desk, kits.id, MoveKind.OUT, 6, party="医疗组", now=NOW)
        with pytest.raises(DomainError):
            record_move(other, desk, kits.id, MoveKind.OUT, 6, party="A栋", now=NOW)
    finally:
        other.close()
    session.expire_all()
    assert session.get(SupplyItem, kits.id).stock == 2
    assert session.scalar(select(func.count()).select_from(SupplyMove).where(SupplyMove.item_id == kits.id)) == 2
