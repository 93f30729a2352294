"""The hand-over in the GUI, in Chinese and with the keyboard: the release dialog asks where the person goes
(their address offered, a community from the desk's list or a new one, the transport); the communities
list is kept from the reports page; the hand-over lists are printed from there for a range and a community."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox

from models.services.arrivals import register_arrival
from models.services.communities import add_community
from models.store.orm import Community, Stay
from tests.conftest import local
from tests.helpers import free_rooms
from views.communities_dialog import CommunitiesDialog
from views.stay_actions import release_dialog

ARRIVED = local(2026, 11, 16, 14)


@pytest.fixture
def stay(session, site, desk, make_arrival):
    [room] = free_rooms(session, 1)
    return register_arrival(
        session, desk, make_arrival(arrived_at=ARRIVED, address="合肥市蜀山区安居苑 3 栋 201"), room.id, now=ARRIVED
    )


def labels_of(form: QFormLayout) -> list[str]:
    out = []
    for i in range(form.rowCount()):
        item = form.itemAt(i, QFormLayout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            out.append(item.widget().text())
    return out


def test_the_release_dialog_records_where_the_person_goes(qtbot, app_context, session, desk, stay):
    community = add_community(session, desk, "三里庵街道", "安居苑社区", "王敏", "13912345678")
    d = release_dialog(app_context, stay.id)
    qtbot.addWidget(d)
    assert {"去向地址", "接收街道/社区", "转运方式"} <= set(labels_of(d.form))  # in Chinese, like the rest
    fields = d.handover
    assert fields.destination.text() == "合肥市蜀山区安居苑 3 栋 201"  # the person's address, offered
    assert fields.community.itemText(0) == "（未登记）"
    fields.community.setFocus()
    qtbot.keyClick(fields.community, Qt.Key.Key_Down)  # the keyboard picks the community
    assert fields.community.currentData() == community.id
    qtbot.keyClicks(fields.transport, "Bus A12345")  # (QTest types no CJK: an input method does that)
    d.override.setText("测试提前解除")
    assert d.run()
    session.expire_all()
    got = session.get(Stay, stay.id)
    assert (got.departure_destination, got.community_id, got.transport) == (
        "合肥市蜀山区安居苑 3 栋 201",
        community.id,
        "Bus A12345",
    )


def test_a_new_community_is_added_from_the_release_dialog_and_chosen(qtbot, app_context, session, stay):
    d = release_dialog(app_context, stay.id)
    qtbot.addWidget(d)
    form = d.handover.new_community()
    qtbot.addWidget(form)
    form.street.setText("稻香村街道")
    form.name.setText("绿怡居社区")
    form.phone.setText("12345")
    assert not form.save() and "联系电话无效" in form.error.text()  # one clear message, in Chinese
    assert session.query(Community).count() == 0  # nothing saved
    form.phone.setText("0551-65123456")
    assert form.save()
    assert d.handover.community.currentText() == "稻香村街道 绿怡居社区"


def test_the_communities_list_adds_corrects_and_retires(qtbot, app_context, session, desk, site, monkeypatch):
    add_community(session, desk, "三里庵街道", "安居苑社区")
    dialog = CommunitiesDialog(app_context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "安居苑社区"
    form = dialog.add()
    form.street.setText("东城街道")
    form.name.setText("和平里社区")
    assert form.save()
    rows = [dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())]
    assert rows == ["和平里社区", "安居苑社区"]  # 东城 (dōng) before 三里庵 (sān): pinyin order
    dialog.table.selectRow(0)
    form = dialog.edit()
    form.contact.setText("周晓燕")
    assert form.save()
    assert dialog.table.item(0, 2).text() == "周晓燕"
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    dialog.table.selectRow(0)
    assert dialog.retire()
    assert dialog.table.rowCount() == 1 and "不再提供" in dialog.message.text()


def test_the_reports_page_prints_the_hand_over_lists_for_a_range_and_a_community(
    qtbot, app_context, session, desk, site, make_arrival, monkeypatch
):
    from models.services.communities import Handover
    from models.services.stays import release
    from views import reports_page
    from views.reports_page import ReportsPage

    first = add_community(session, desk, "三里庵街道", "安居苑社区")
    second = add_community(session, desk, "稻香村街道", "绿怡居社区")
    rooms = free_rooms(session, 2)
    for room, community, day in ((rooms[0], first, 22), (rooms[1], second, 23)):
        s = register_arrival(session, desk, make_arrival(arrived_at=ARRIVED), room.id, now=ARRIVED)
        release(
            session,
            desk,
            s.id,
            override_reason="测试",
            now=local(2026, 11, day, 9),
            handover=Handover("", community.id),
        )
    shown = []
    monkeypatch.setattr(reports_page, "show_pdf", lambda parent, pdf, title: shown.append((pdf, title)))
    page = ReportsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.form.setCurrentIndex(page.form.findData("handover"))
    assert page.day_from.isEnabled() and page.community.isEnabled() and page.xlsx_button.isEnabled()
    assert not page.floor.isEnabled()
    page.day_from.setDate(date(2026, 11, 22))
    page.preview()
    pdf, title = shown[-1]
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert title == "解除隔离人员交接单" and len(texts) == 2
    page.community.setCurrentIndex(page.community.findData(second.id))
    page.preview()
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(shown[-1][0])).pages]
    assert len(texts) == 1 and "绿怡居社区" in texts[0] and "安居苑社区" not in texts[0]


def test_a_batch_release_hands_the_bus_to_one_community(qtbot, engine, session, site, desk, make_arrival, app_context):
    from sqlalchemy.orm import Session as OrmSession

    from tests.test_gui_release_batch import due_people, key, open_dialog, today_window

    community = add_community(session, desk, "三里庵街道", "安居苑社区")
    ids = due_people(session, desk, make_arrival)
    d = open_dialog(today_window(qtbot, app_context))
    d.table.setFocus()
    key(d, Qt.Key.Key_Return)
    assert d.step() == d.CONFIRM
    d.handover.community.setCurrentIndex(d.handover.community.findData(community.id))
    d.handover.transport.setText("社区专车")
    assert not d.handover.destination.isVisible()  # each goes to their own address
    assert d.confirm()
    with OrmSession(engine) as s:
        got = [(s.get(Stay, i).community_id, s.get(Stay, i).transport) for i in ids[:3]]
    assert got == [(community.id, "社区专车")] * 3
