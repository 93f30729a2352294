"""The supplies page in Chinese (物资): the stock with its days left, a low item red and named above the table,
stock out (F3) refused beyond the stock and then saved, a stocktake that differs asks why, an item added; the
Today screen's low-stock line; the daily report's setting; a viewer sees the stock and changes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from sqlalchemy import select

from models.services.supplies import add_item, record_move
from models.store.orm import MoveKind, Role, Site, SupplyCategory, SupplyItem, SupplyMove, UseBasis, User
from tests.conftest import NOW, local
from ui import palette
from views.supplies_page import SuppliesPage, SupplyItemForm, SupplyMoveDialog
from views.today_page import TodayPage


def shot(widget, name):
    folder = os.environ.get("ISODESK_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def items(session, site, desk):
    masks = add_item(session, desk, "医用外科口罩", SupplyCategory.PROTECTION, "个", 50)
    kits = add_item(session, desk, "抗原检测试剂", SupplyCategory.MEDICAL, "盒", 10)
    record_move(session, desk, masks.id, MoveKind.IN, 400, party="区防控物资储备库", at=local(2026, 11, 20), now=NOW)
    record_move(session, desk, masks.id, MoveKind.OUT, 70, party="A栋", at=local(2026, 11, 21), now=NOW)
    record_move(session, desk, kits.id, MoveKind.IN, 8, party="区疾控中心", at=local(2026, 11, 21), now=NOW)
    return masks, kits


@pytest.fixture
def page(qtbot, app_context, items):
    p = SuppliesPage(app_context)
    qtbot.addWidget(p)
    p.resize(1300, 600)
    p.show()
    qtbot.waitExposed(p)
    return p


def opened_dialogs(monkeypatch):
    opened = []
    for cls in (SupplyMoveDialog, SupplyItemForm):
        monkeypatch.setattr(cls, "open", lambda self: opened.append(self))  # noqa: PLW0108
    return opened


def action_for(page, key):
    return next(a for a in page.actions() if a.shortcut() == QKeySequence(key))


def test_the_stock_is_shown_in_chinese_with_the_low_item_red(page):
    header = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert header == ["分类", "物资名称", "单位", "库存", "最低库存", "日均消耗", "可用天数", "状态"]
    rows = [[page.table.item(r, c).text() for c in range(8)] for r in range(page.table.rowCount())]
    assert rows[0][:4] == ["防护用品", "医用外科口罩", "个", "330"] and rows[0][7] == "正常"
    assert rows[0][5] == "23.3" and rows[0][6] == "14.1"  # 70 out over the 3 days since its first movement
    assert rows[1][:4] == ["医疗物资", "抗原检测试剂", "盒", "8"] and rows[1][7] == "库存不足"
    assert page.table.item(1, 1).foreground().color() == QColor(palette.BAD_TEXT)
    assert page.warning.text() == "库存不足：抗原检测试剂"
    shot(page, "supplies-zh")


def test_stock_out_with_f3_is_refused_beyond_the_stock_then_saved(page, qtbot, session, monkeypatch, items):
    opened = opened_dialogs(monkeypatch)
    page.table.selectRow(1)
    action_for(page, Qt.Key.Key_F3).trigger()
    dialog = opened[-1]
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "物资出库" and dialog.item.currentData() == items[1].id
    assert dialog.stock.text() == "8 盒"
    dialog.quantity.setValue(9)
    dialog.party.setText("医疗组")
    assert not dialog.save()
    assert dialog.error.text() == "“抗原检测试剂”库存只有 8 盒，不能发放 9 盒"
    dialog.quantity.setValue(3)
    dialog.done_by.setText("后勤 钱师傅")
    assert dialog.save()
    assert page.table.item(1, 3).text() == "5"
    session.expire_all()
    out = session.scalars(select(SupplyMove).where(SupplyMove.item_id == items[1].id).order_by(SupplyMove.id)).all()[-1]
    assert (out.kind, out.delta, out.party, out.done_by) == (MoveKind.OUT, -3, "医疗组", "后勤 钱师傅")


def test_a_stocktake_that_differs_asks_why(page, qtbot, session, monkeypatch, items):
    opened = opened_dialogs(monkeypatch)
    page.table.selectRow(0)
    page.count_button.click()
    dialog = opened[-1]
    qtbot.addWidget(dialog)
    assert dialog.quantity.value() == 330  # the books' stock, to change when the count differs
    dialog.quantity.setValue(328)
    assert not dialog.save() and "请在备注中说明原因" in dialog.error.text()
    dialog.note.setText("破损 2 个")
    assert dialog.save()
    session.expire_all()
    assert session.get(SupplyItem, items[0].id).stock == 328


def test_an_item_is_added_counted_per_person(page, qtbot, session, monkeypatch):
    opened = opened_dialogs(monkeypatch)
    action_for(page, Qt.Key.Key_Insert).trigger()
    form = opened[-1]
    qtbot.addWidget(form)
    form.name.setText("盒饭")
    form.category.setCurrentIndex(form.category.findData("food"))
    form.unit.setText("份")
    assert not form.rate.isEnabled()
    form.basis.setCurrentIndex(form.basis.findData("per_occupant"))
    assert form.rate.isEnabled()
    assert not form.save() and form.error.text() == "按在住人数计算时，请填写每人每日用量"
    form.rate.setValue(3)
    assert form.save()
    assert page.table.rowCount() == 3 and page.table.item(2, 1).text() == "盒饭"
    session.expire_all()
    kept = session.scalar(select(SupplyItem).where(SupplyItem.name == "盒饭"))
    assert kept is not None and (kept.basis, kept.per_person_day) == (UseBasis.PER_OCCUPANT, 3.0)


def test_today_names_the_supplies_running_low(qtbot, app_context, items):
    today = TodayPage(app_context)
    qtbot.addWidget(today)
    today.show()
    qtbot.waitExposed(today)
    assert today.supplies_line.isVisible()
    assert "物资库存不足" in today.supplies_line.text() and "抗原检测试剂 8 盒" in today.supplies_line.text()
    assert "医用外科口罩" not in today.supplies_line.text()
    pages = []
    today.open_page.connect(pages.append)
    today.supplies_line.linkActivated.emit("supplies")
    assert pages == ["supplies"]


def test_the_daily_report_setting(qtbot, app_context, session, site, items):
    from views.settings_page import SettingsPage

    settings = SettingsPage(app_context, "sqlite:///x")
    qtbot.addWidget(settings)
    assert not settings.report_supplies.isChecked()
    settings.report_supplies.setChecked(True)
    session.expire_all()
    assert session.scalar(select(Site.report_supplies))
    assert settings.message.text() == "日报将报送物资库存"


def test_a_viewer_sees_the_stock_and_changes_nothing(qtbot, make_app_context, session, items):
    viewer = User(username="v", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    p = SuppliesPage(make_app_context(viewer))
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    assert p.table.rowCount() == 2
    for b in (p.in_button, p.out_button, p.count_button, p.add_button, p.edit_button, p.retire_button):
        assert not b.isEnabled() and b.toolTip() == "您的角色（查看）不能登记物资出入库"
    assert p.record(MoveKind.OUT) is None and p.edit(None) is None and not p.retire()
    assert p.print_button.isEnabled() and p.xlsx_button.isEnabled()
