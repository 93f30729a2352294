"""The room forecast page and the planned batches, in Chinese: the table and the chart a desk reads, a batch
announced, changed, called off and checked in from its list; the Today screen's line; the margin set in the
settings; a viewer reads but does not plan."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from models.demo import synthetic
from models.services.arrivals import register_arrival
from models.services.planned_batches import BatchInput, TransferList, add_batch, set_forecast_margin
from models.store.orm import BatchState, PlannedBatch, Role, Stay, User
from tests.conftest import NOW, local
from tests.helpers import free_rooms
from views.batch_dialog import BatchDialog
from views.forecast_page import ForecastPage
from views.planned_batch_dialog import PlannedBatchForm
from views.today_page import TodayPage

BUS = local(2026, 11, 24, 15)


def shot(widget, name):
    """With ISODESK_SHOTS=folder, the widget as painted, to look at."""
    folder = os.environ.get("ISODESK_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def transfer_list(n, seed=5):
    rng = random.Random(seed)
    lines = ["姓名,性别,证件号码,联系电话,人员类别"]
    for _ in range(n):
        p = synthetic.person(rng, NOW.date(), min_age=20, max_age=60)
        lines.append(f"{p['name']},{'男' if p['sex'].value == 'M' else '女'},{p['doc_number']},{p['phone']},密接")
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture
def occupied(session, site, desk, make_arrival):
    arrived = local(2026, 11, 18, 14)  # 第九版 inbound: planned release on the 25th
    return [register_arrival(session, desk, make_arrival(arrived_at=arrived), r.id, now=arrived)
            for r in free_rooms(session, 6)]  # fmt: skip


@pytest.fixture
def page(qtbot, app_context, occupied):
    p = ForecastPage(app_context)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitExposed(p)
    return p


def column(page, header):
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    c = headers.index(header)
    return [page.table.item(r, c).text() for r in range(page.table.rowCount())]


def test_the_forecast_reads_in_chinese_day_by_day(page, session, desk):
    rooms = page.fc.days[0].total.rooms
    assert page.table.rowCount() == 8
    assert page.table.item(0, 0).text() == "11-23 今日" and page.table.item(1, 0).text() == "11-24"
    assert column(page, "在住房间")[:3] == ["6", "6", "0"]
    assert column(page, "预计离开人数")[2] == "6"
    assert column(page, "空闲房间")[0] == str(rooms - 6)
    assert "终末消毒周转按默认 12 小时" in page.made.text()
    assert page.chart.values[0] == rooms - 6 and page.chart.labels[1] == "11-24"
    assert page.warning.text() == ""
    shot(page, "forecast-zh")


def test_a_batch_is_announced_with_the_keyboard_and_counted(page, qtbot, engine, monkeypatch):
    opened = []
    monkeypatch.setattr(PlannedBatchForm, "open", lambda self: opened.append(self))  # noqa: PLW0108
    page.add_batch()
    form = opened[-1]
    qtbot.addWidget(form)
    form.when.edit.setText("2026-11-24 15:00")
    form.people.setValue(12)
    form.rooms.setValue(20)  # more rooms than people: said, nothing kept
    assert not form.save()
    assert "需要的房间数应为 1 到人数（12）之间" in form.error.text()
    form.rooms.setValue(10)
    form.source.setText("机场转运专班")
    form.show()
    qtbot.waitExposed(form)
    shot(form, "planned-batch-zh")
    QTest.keyClick(form.source, Qt.Key.Key_Return)  # Enter in a field: OK
    assert form.result() == form.DialogCode.Accepted
    page.refresh()
    assert page.batch_table.rowCount() == 1
    assert [page.batch_table.item(0, c).text() for c in range(7)] == [
        "2026-11-24 15:00", "12", "10", "未指定", "机场转运专班", "尚未收到", "待到达",
    ]  # fmt: skip
    assert column(page, "计划到达人数")[1] == "12" and column(page, "到达占用房间")[1] == "10"
    shot(page, "forecast-batch-zh")


def test_a_batch_is_called_off_with_its_reason(page, session, desk, app_context):
    add_batch(session, desk, BatchInput(BUS, 5))
    page.refresh()
    page.batch_table.selectRow(0)
    assert page.cancel_button.isEnabled() and not page.check_in_button.isEnabled()  # no list: nothing to check in
    assert not page.cancel_batch("")  # no reason: refused, said
    assert page.message.text() == "请填写取消原因"
    page.batch_table.selectRow(0)
    assert page.cancel_batch("指挥部通知取消")
    assert page.batch_table.item(0, 6).text() == "已取消：指挥部通知取消"
    assert column(page, "计划到达人数")[1] == "0"
    page.batch_table.selectRow(0)
    assert not page.edit_button.isEnabled()


def test_a_batch_sent_with_its_list_is_checked_in_from_it(page, session, desk, app_context, qtbot, engine):
    batch = add_batch(session, desk, BatchInput(BUS, 3), TransferList("转运名单.csv", transfer_list(3)))
    page.refresh()
    page.batch_table.selectRow(0)
    assert page.check_in_button.isEnabled()
    asked = []
    page.check_in.connect(lambda batch_id, path: asked.append((batch_id, path)))
    written = page.check_in_batch()
    assert asked == [(batch.id, str(written))] and written.name == "转运名单.csv"
    dialog = BatchDialog(app_context, planned_batch_id=batch.id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "按转运名单办理待转运批次入住"
    assert dialog.load(written).state == "done"
    dialog.confirm()
    session.expire_all()
    assert session.get_one(PlannedBatch, batch.id).state is BatchState.ARRIVED
    assert len(session.scalars(select(Stay).where(Stay.planned_batch_id == batch.id)).all()) == 3
    page.refresh()
    assert page.batch_table.item(0, 6).text() == "已入住（入住 3 人）"
    assert "已入住" in page.batch_table.item(0, 6).text()


def test_a_viewer_reads_the_forecast_but_plans_nothing(qtbot, make_app_context, session, site):
    viewer = User(username="v", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    p = ForecastPage(make_app_context(viewer))
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    assert p.table.rowCount() == 8
    assert not p.add_button.isEnabled() and "无权" in p.add_button.toolTip()
    assert p.add_batch() is None


def test_the_today_screen_sums_the_forecast_up_and_warns_below_the_margin(qtbot, app_context, session, desk, occupied):
    set_forecast_margin(session, desk, 1000)
    page = TodayPage(app_context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    text = page.forecast_line.text()
    free = page.forecast.days[1].total.free
    assert f"明日日终空闲 {free} 间" in text and "href='forecast'" in text
    assert "低于预警余量 1000 间" in text
    page.resize(1400, 900)
    shot(page, "today-zh")
    shown = []
    page.open_page.connect(shown.append)
    page.forecast_line.linkActivated.emit("forecast")
    assert shown == ["forecast"]


def test_the_admin_sets_the_margin_in_the_settings(qtbot, app_context, session, site):
    from views.settings_page import SettingsPage

    settings = SettingsPage(app_context, "sqlite:///x")
    qtbot.addWidget(settings)
    assert settings.forecast_margin is not None and settings.forecast_margin.value() == 10
    settings.forecast_margin.setValue(25)
    settings._margin_changed()
    assert "25" in settings.message.text()
    from models.store.orm import Site

    session.expire_all()
    assert session.scalar(select(Site.forecast_margin)) == 25


def test_the_main_window_opens_the_batch_dialog_on_the_batchs_list(qtbot, app_context, session, desk, occupied):
    from views.application import make_app
    from views.main_window import MainWindow

    batch = add_batch(session, desk, BatchInput(BUS, 2), TransferList("名单.csv", transfer_list(2, seed=9)))
    make_app(theme=False, settings=app_context.settings)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    assert "forecast" in [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    window.show_page("forecast")
    page = window.forecast_page
    page.refresh()
    page.batch_table.selectRow(0)
    written = page.check_in_batch()
    dialog = window.findChild(BatchDialog)
    assert dialog is not None and dialog.planned_batch_id == batch.id
    assert dialog.table.rowCount() == 2 and dialog._ready
    dialog.confirm()
    session.expire_all()
    assert session.get_one(PlannedBatch, batch.id).state is BatchState.ARRIVED
    assert written.exists()
    dialog.done(0)  # closed: the list's copy (names, ID numbers) is gone with it
    assert not written.parent.exists()
