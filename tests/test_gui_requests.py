"""Occupants' requests in Chinese (人文关怀): the open ones by floor with the special needs beside them, overdue
red; one taken down by typing a room, put in hand, done; a refusal asks why; the Today box lists them, the
overdue first, and a line opens the request; a viewer sees them and changes nothing."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from sqlalchemy import select

from models.services.arrivals import register_arrival
from models.services.care_requests import open_request
from models.store.orm import CareRequest, RequestState, Role, Urgency, User
from tests.conftest import NOW, local
from tests.helpers import free_rooms
from ui import palette
from views.requests_page import RequestDialog, RequestsPage, StepDialog
from views.today_page import TodayPage


def shot(widget, name):
    folder = os.environ.get("ISODESK_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def people(session, site, desk, make_arrival):
    rooms = free_rooms(session)
    arrived = local(2026, 11, 20)
    return [
        register_arrival(session, desk, make_arrival(arrived_at=arrived, special_needs=n), r.id, now=arrived)
        for n, r in zip(("糖尿病、清真饮食", ""), (rooms[0], rooms[11]), strict=True)
    ]


@pytest.fixture
def requests(session, desk, people):
    late = open_request(session, desk, people[1].id, "repair", "空调不制热", now=NOW - timedelta(hours=26))
    fresh = open_request(session, desk, people[0].id, "meals", "需要无糖餐", "urgent", "wechat",
                         now=NOW - timedelta(minutes=30))  # fmt: skip
    return late, fresh


@pytest.fixture
def page(qtbot, app_context, requests):
    p = RequestsPage(app_context)
    qtbot.addWidget(p)
    p.resize(1400, 600)
    p.show()
    qtbot.waitExposed(p)
    return p


def opened_dialogs(monkeypatch):
    opened = []
    for cls in (RequestDialog, StepDialog):
        monkeypatch.setattr(cls, "open", lambda self: opened.append(self))  # noqa: PLW0108
    return opened


def action_for(page, key):
    return next(a for a in page.actions() if a.shortcut() == QKeySequence(key))


def cells(page, row):
    return [page.table.item(row, c).text() for c in range(page.table.columnCount())]


def test_the_open_requests_in_room_order_with_the_needs_and_the_overdue_red(page, requests):
    header = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert header[:7] == ["房间", "姓名", "特殊需求", "类别", "需求内容", "紧急程度", "来源"]
    first, second = cells(page, 0), cells(page, 1)
    assert first[2] == "慢性病：糖尿病；清真饮食" and first[3:7] == ["餐食/饮食", "需要无糖餐", "紧急", "微信"]
    assert second[4] == "空调不制热" and second[9] == "待处理（已超时）"
    assert page.table.item(1, 4).foreground().color() == QColor(palette.BAD_TEXT)
    assert page.table.item(0, 4).font().bold() and page.table.item(0, 4).foreground().color() != QColor(
        palette.BAD_TEXT
    )
    assert page.message.text() == "未办结需求：2，已超时：1"
    shot(page, "requests-zh")


def test_a_request_is_taken_down_by_typing_a_room_then_in_hand_and_done(page, qtbot, session, monkeypatch, people):
    opened = opened_dialogs(monkeypatch)
    action_for(page, Qt.Key.Key_Insert).trigger()
    dialog = opened[-1]
    qtbot.addWidget(dialog)
    room = dialog.person.itemText(1).split(" ")[2]  # the second person's room number
    dialog.person.setEditText("nobody")
    assert not dialog.save() and dialog.error.text() == "请从列表中选择人员：输入房间号或姓名。"
    dialog.person.setCurrentIndex(dialog.person.findText(dialog.person.itemText(1)))
    assert room in dialog.person.currentText() and dialog.needs.text() == "未登记"
    dialog.person.setCurrentIndex(0)
    assert dialog.needs.text() == "慢性病：糖尿病；清真饮食"  # beside the request, as recorded at arrival
    dialog.kind.setCurrentIndex(dialog.kind.findData("medicine"))
    assert not dialog.save() and "需求内容" in dialog.error.text()  # nothing asked: said, nothing kept
    dialog.text.setText("胰岛素针头用完了")
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("urgent"))
    assert dialog.save()
    assert page.table.rowCount() == 3
    row = next(i for i in range(3) if cells(page, i)[4] == "胰岛素针头用完了")
    page.table.selectRow(row)
    action_for(page, Qt.Key.Key_F2).trigger()
    step = opened[-1]
    qtbot.addWidget(step)
    step.line.setText("医疗组 孙医生")
    assert step.save()
    row = next(i for i in range(3) if cells(page, i)[4] == "胰岛素针头用完了")
    assert cells(page, row)[9] == "处理中" and cells(page, row)[10] == "医疗组 孙医生"
    page.table.selectRow(row)
    action_for(page, Qt.Key.Key_F3).trigger()
    step = opened[-1]
    qtbot.addWidget(step)
    step.line.setText("已送针头 1 盒")
    assert step.save()
    assert page.table.rowCount() == 2  # done: off the list to do
    page.closed_too.setChecked(True)
    assert page.table.rowCount() == 3
    session.expire_all()
    kept = session.scalar(select(CareRequest).where(CareRequest.text == "胰岛素针头用完了"))
    assert kept.state is RequestState.DONE and kept.urgency is Urgency.URGENT and kept.outcome == "已送针头 1 盒"


def test_a_refusal_asks_why(page, qtbot, session, monkeypatch, requests):
    opened = opened_dialogs(monkeypatch)
    page.table.selectRow(1)
    page.refuse_button.click()
    step = opened[-1]
    qtbot.addWidget(step)
    assert step.windowTitle() == "不予办理"
    assert not step.save() and "不予办理的原因" in step.error.text()
    step.line.setText("空调已报修，等待物业")
    assert step.save()
    session.expire_all()
    assert session.get(CareRequest, requests[0].id).state is RequestState.REFUSED


def test_today_lists_the_requests_overdue_first_and_a_line_opens_it(qtbot, app_context, requests):
    today = TodayPage(app_context)
    qtbot.addWidget(today)
    today.show()
    qtbot.waitExposed(today)
    box, lst = today.boxes["requests"], today.lists["requests"]
    assert box.title() == "人员需求（2，超时 1）"
    assert lst.item(0).text().endswith("维修 · 空调不制热")
    assert lst.item(0).foreground().color() == QColor(palette.BAD_TEXT)
    opened = []
    today.open_request.connect(opened.append)
    lst.itemActivated.emit(lst.item(1))
    assert opened == [requests[1].id]


def test_a_viewer_sees_the_requests_and_changes_nothing(qtbot, make_app_context, session, requests):
    viewer = User(username="v", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    p = RequestsPage(make_app_context(viewer))
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    assert p.table.rowCount() == 2
    p.table.selectRow(0)
    for b in (p.new_button, p.take_button, p.done_button, p.refuse_button):
        assert not b.isEnabled() and b.toolTip() == "您的角色（查看）不能登记或办结人员需求"
    assert p.new_request() is None and p.take() is None and p.finish(refused=False) is None
    assert p.print_button.isEnabled()
