"""The site layout page (views/layout_page.py), driven from the keyboard as an admin would: Ins adds a room to the
floor chosen, F2 changes its zone, Del retires it after a question (No by default), a room list is previewed and
applied; the page is the admin's only."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from models.store.db import session_factory
from models.store.orm import AuditEntry, Building, Floor, Role, Room, User
from views.layout_page import ImportPreviewDialog, LayoutPage, RoomEditDialog


@pytest.fixture
def page(qtbot, app_context, site):  # type: ignore[no-untyped-def]
    p = LayoutPage(app_context)
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    return p


def db_room(engine, number: str, building: str = "A栋") -> Room | None:
    with session_factory(engine)() as s:
        return s.scalar(select(Room).join(Floor).join(Building).where(Room.number == number, Building.name == building))


def floor_id(engine, level: int, building: str = "A栋") -> int:
    with session_factory(engine)() as s:
        return s.scalars(select(Floor.id).join(Building).where(Floor.level == level, Building.name == building)).one()


def actions(engine) -> list[str]:
    with session_factory(engine)() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def choose(page: LayoutPage, kind: str, id_: int) -> None:
    item = page.item_of(kind, id_)
    assert item is not None
    page.tree.setCurrentItem(item)
    page.tree.setFocus()


def answer(monkeypatch, button):  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def question(parent, title, text, buttons, default):  # type: ignore[no-untyped-def]
        asked.append(text)
        assert default == QMessageBox.StandardButton.No  # No unless the user says otherwise
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_add_a_room_change_its_zone_and_retire_it_from_the_keyboard(page, engine, qtbot, monkeypatch):
    headers = [page.tree.headerItem().text(c) for c in range(page.tree.columnCount())]
    assert headers == ["楼栋 / 楼层 / 房间", "房型", "床位数", "区域", "状态", "注销日期"]
    choose(page, "floor", floor_id(engine, 1))
    QTest.keyClick(page.tree, Qt.Key.Key_Insert)
    dialog = page.dialog
    assert isinstance(dialog, RoomEditDialog) and dialog.isVisible()
    assert dialog.number.text() == "111"  # after the floor's last room, like it
    assert [dialog.zone.itemText(i) for i in range(dialog.zone.count())] == ["污染区", "缓冲区", "清洁区"]
    QTest.keyClicks(dialog.number, "112")  # typed over the number offered
    dialog.room_type.setFocus()
    QTest.keyClick(dialog.room_type, Qt.Key.Key_Down)  # single -> double: two beds
    assert dialog.beds.value() == 2
    QTest.keyClick(dialog.number, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    r = db_room(engine, "112")
    assert r is not None and (r.room_type.value, r.beds, r.zone) == ("double", 2, "contaminated")
    assert page.chosen() == ("room", r.id) and "112" in page.message.text()
    assert actions(engine)[-1] == "room.add"

    QTest.keyClick(page.tree, Qt.Key.Key_F2)  # its zone
    dialog = page.dialog
    assert isinstance(dialog, RoomEditDialog) and dialog.number.text() == "112"
    dialog.zone.setFocus()
    QTest.keyClick(dialog.zone, Qt.Key.Key_Down)
    assert dialog.zone.currentData() == "buffer"
    QTest.keyClick(dialog.zone, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert db_room(engine, "112").zone == "buffer"
    item = page.item_of("room", r.id)
    assert item is not None and item.text(3) == "缓冲区"
    assert actions(engine)[-1] == "room.update"

    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    QTest.keyClick(page.tree, Qt.Key.Key_Delete)
    assert asked and "112" in asked[0] and db_room(engine, "112").retired_on is None  # No: nothing done
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    QTest.keyClick(page.tree, Qt.Key.Key_Delete)
    assert db_room(engine, "112").retired_on is not None
    assert page.item_of("room", r.id).text(4) == "已注销" and actions(engine)[-1] == "room.retire"
    assert not page.retire_button.isEnabled()


def test_a_refusal_is_said_in_the_form_which_stays_open(page, engine, qtbot):
    choose(page, "floor", floor_id(engine, 1))
    QTest.keyClick(page.tree, Qt.Key.Key_Insert)
    dialog = page.dialog
    dialog.number.setText("101")  # taken
    QTest.keyClick(dialog.number, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "A栋 1F 已有房间 101"
    dialog.reject()


def test_retiring_an_occupied_room_is_refused_with_its_reason(page, engine, desk, make_arrival, monkeypatch):
    from models.services.arrivals import register_arrival

    r = db_room(engine, "102")
    with session_factory(engine)() as s:
        register_arrival(s, desk, make_arrival(), r.id)
    page.refresh()
    choose(page, "room", r.id)
    assert page.item_of("room", r.id).text(4) == "已入住（1 人）"
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    QTest.keyClick(page.tree, Qt.Key.Key_Delete)
    assert page.message.text() == "房间 102 有人入住，不能注销"
    assert db_room(engine, "102").retired_on is None


def test_a_room_list_is_previewed_then_applied(page, engine, tmp_path, qtbot):
    wb = Workbook()
    ws = wb.active
    for row in (
        ["楼栋", "楼层", "房间号", "房型", "床位数", "区域"],
        ["A栋", 1, "101", "单人间", 1, "清洁区"],
        ["C栋", 1, "101", "双人间", 2, "缓冲区"],
        ["C栋", 1, "102", "豪华间", 1, None],
    ):
        ws.append(row)
    wb.save(tmp_path / "rooms.xlsx")
    changed: list[bool] = []
    page.changed.connect(lambda: changed.append(True))
    dialog = page.preview_file(tmp_path / "rooms.xlsx")
    assert isinstance(dialog, ImportPreviewDialog) and dialog.isVisible()
    assert dialog.summary.text() == "新增 1 间 · 修改 1 间 · 不变 0 间 · 无法导入 1 行"
    statuses = [dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())]
    assert statuses == ["修改", "新增", "无法导入"]
    assert dialog.table.item(0, 7).text() == "区域：污染区 → 清洁区"
    assert dialog.table.item(2, 7).text() == "房型无法识别：豪华间"
    assert dialog.apply_button.isDefault()
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter applies
    assert not dialog.isVisible() and changed == [True]
    assert db_room(engine, "101").zone == "clean" and db_room(engine, "101", "C栋").beds == 2
    assert page.message.text() == "已添加 1 间 · 已修改 1 间"


def test_a_file_that_is_not_a_room_list_is_said_on_the_page(page, tmp_path):
    junk = tmp_path / "rooms.xlsx"
    junk.write_bytes(b"not a workbook")
    assert page.preview_file(junk) is None
    assert "rooms.xlsx" in page.message.text()


def test_the_page_is_the_admins_only(qtbot, make_app_context, engine, site, session):
    from views.application import make_app
    from views.main_window import MainWindow

    clerk = User(username="clerk", role=Role.DESK)
    session.add(clerk)
    session.commit()
    ctx = make_app_context(clerk)
    make_app(theme=False, settings=ctx.settings)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    keys = {w.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.nav.count())}
    assert "layout" not in keys and "board" in keys
