"""Routine disinfection of public areas on the Today screen, in Chinese: the areas still short of their rounds
(those behind in red), a round recorded from the list with Enter, the areas kept; a viewer records nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from sqlalchemy import select

from models.services.areas import add_area, record_area_round
from models.store.orm import AreaKind, AreaRound, PublicArea, Role, User
from tests.conftest import local
from ui import palette
from views.areas_dialog import AreaForm, AreaRoundDialog, AreasDialog
from views.today_page import TodayPage


def shot(widget, name):
    folder = os.environ.get("ISODESK_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def areas(session, site, desk, clock):
    clock.set(local(2026, 11, 23, 15))  # 15:00: the lobby's first two of three rounds are due
    lobby = add_area(session, desk, "A栋大厅", AreaKind.LOBBY, 3)
    corridor = add_area(session, desk, "A栋3F走廊", AreaKind.CORRIDOR, 2)
    record_area_round(session, desk, lobby.id, agent="含氯消毒剂", done_by="周师傅", done_at=local(2026, 11, 23, 7))
    record_area_round(session, desk, lobby.id, agent="含氯消毒剂", done_by="周师傅", done_at=local(2026, 11, 23, 12))
    return lobby, corridor


@pytest.fixture
def page(qtbot, app_context, areas):
    p = TodayPage(app_context)
    qtbot.addWidget(p)
    p.resize(1500, 900)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_the_areas_short_of_rounds_are_listed_and_one_behind_is_red(page):
    box, lst = page.boxes["areas"], page.lists["areas"]
    assert box.title() == "公共区域待消毒（2，滞后 1）"
    assert [lst.item(i).text() for i in range(lst.count())] == [
        "A栋大厅 · 今日 2/3 · 上次 12:00",
        "A栋3F走廊 · 今日 0/2",
    ]
    assert lst.item(1).foreground().color() == QColor(palette.BAD_TEXT)
    assert lst.item(0).foreground().color() != QColor(palette.BAD_TEXT)
    shot(page, "today-areas-zh")


def test_a_round_is_recorded_from_the_list_with_enter(page, qtbot, session, monkeypatch, areas):
    opened = []
    monkeypatch.setattr(AreaRoundDialog, "open", lambda self: opened.append(self))  # noqa: PLW0108
    lst = page.lists["areas"]
    lst.setCurrentRow(1)
    lst.itemActivated.emit(lst.item(1))
    dialog = opened[-1]
    qtbot.addWidget(dialog)
    assert dialog.area.currentData() == areas[1].id and dialog.agent.text() == "含氯消毒剂"
    assert not dialog.save()  # nobody named: said in Chinese, nothing kept
    assert "消毒人" in dialog.error.text()
    dialog.done_by.setText("吴师傅")
    dialog.checked_by.setText("孙医生")
    assert dialog.save()
    page.show_areas()
    assert page.lists["areas"].item(1).text().startswith("A栋3F走廊 · 今日 1/2")
    session.expire_all()
    kept = session.scalars(select(AreaRound).where(AreaRound.area_id == areas[1].id)).one()
    assert (kept.done_by, kept.checked_by, kept.concentration) == ("吴师傅", "孙医生", "500 mg/L")


def test_the_areas_are_kept_from_the_today_screen(page, qtbot, session, monkeypatch):
    opened = []
    monkeypatch.setattr(AreasDialog, "open", lambda self: opened.append(self))  # noqa: PLW0108
    monkeypatch.setattr(AreaForm, "open", lambda self: opened.append(self))  # noqa: PLW0108
    page.edit_areas()
    dialog = opened[-1]
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2 and dialog.table.item(1, 1).text() == "走廊"
    dialog.add_button.click()
    form = opened[-1]
    form.name.setText("B栋电梯")
    form.kind.setCurrentIndex(form.kind.findData("lift"))
    form.rounds.setValue(3)
    assert form.save()
    assert dialog.table.rowCount() == 3
    session.expire_all()
    assert session.scalar(select(PublicArea.kind).where(PublicArea.name == "B栋电梯")) is AreaKind.LIFT


def test_a_viewer_sees_the_areas_but_records_nothing(qtbot, make_app_context, session, areas):
    viewer = User(username="v", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    p = TodayPage(make_app_context(viewer))
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    assert p.lists["areas"].count() == 2
    assert not p.area_button.isEnabled() and not p.areas_button.isEnabled()
    assert p.record_area_round() is None and p.edit_areas() is None
