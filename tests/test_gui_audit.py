"""The audit screen: the site lead sees who changed what, filters it and exports it."""

from datetime import datetime

import pytest
from openpyxl import load_workbook

from models.accounts import create_first_admin, create_user
from models.db import session_factory
from models.demo import build_demo
from models.orm import Role
from tests.conftest import TZ
from views.application import install_translators, make_app
from views.main_window import MainWindow

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)


@pytest.fixture
def users(qapp, engine, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    build_demo(engine, rooms=40, days=5, seed=6, now=NOW)
    make_app(theme=False)
    install_translators(qapp, "zh_CN")
    with session_factory(engine)() as s:
        admin = create_first_admin(s, "lead", "long enough 1")
        clerk = create_user(s, admin, "clerk", "clerk pass 1", Role.DESK)
    return admin, clerk


def nav_keys(window):
    return [window.nav.item(i).data(0x0100) for i in range(window.nav.count())]


def test_only_the_admin_has_the_audit_screen(users, engine, qtbot):
    admin, clerk = users
    lead_window = MainWindow(engine, admin)
    qtbot.addWidget(lead_window)
    clerk_window = MainWindow(engine, clerk)
    qtbot.addWidget(clerk_window)
    assert "audit" in nav_keys(lead_window) and "audit" not in nav_keys(clerk_window)
    assert not clerk_window.audit_page.isVisibleTo(clerk_window)


def test_audit_screen_filters_and_exports(users, engine, qtbot, tmp_path):
    admin, _clerk = users
    window = MainWindow(engine, admin)
    qtbot.addWidget(window)
    window.show()
    window.show_page("audit")
    page = window.audit_page
    page.day_from.setDate(page.day_from.date().addYears(-2))
    page.day_to.setDate(page.day_to.date().addYears(2))
    page.refresh()
    everything = page.model.total
    assert everything > 0 and page.model.rowCount() == min(everything, 200)
    page.user.setCurrentIndex(page.user.findText("lead"))
    page.refresh()
    assert 0 < page.model.total < everything  # the admin's own entries: account creation
    assert {r.user for r in page.model.rows} == {"lead"}
    out = tmp_path / "audit.xlsx"
    assert page.export_to(out) == page.model.total
    assert len(list(load_workbook(out).active.iter_rows())) == page.model.total + 1


def test_a_viewer_is_not_offered_arrivals(users, engine, qtbot):
    from PySide6.QtGui import QAction

    admin, clerk = users
    with session_factory(engine)() as s:
        viewer = create_user(s, admin, "guest", "guest pass 1", Role.VIEWER)
    for user, enabled in ((viewer, False), (clerk, True)):
        window = MainWindow(engine, user)
        qtbot.addWidget(window)
        actions = {a.text(): a.isEnabled() for a in window.findChildren(QAction)}
        assert actions["新入住登记"] is enabled and actions["批量入住"] is enabled
