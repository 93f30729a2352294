"""The audit screen: the site lead sees who changed what, filters it and exports it."""

from datetime import datetime

import pytest
from openpyxl import load_workbook

from models.demo.builder import build_demo
from models.services.accounts import create_first_admin, create_user
from models.store.db import session_factory
from models.store.orm import Role
from tests.conftest import TZ
from views.application import make_app
from views.main_window import MainWindow

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)


@pytest.fixture
def users(qapp, engine, app_settings, clock):
    clock.set(NOW)  # the app runs at the demo's instant
    build_demo(engine, rooms=40, days=5, seed=6, now=NOW)
    make_app(theme=False, settings=app_settings)
    with session_factory(engine)() as s:
        admin = create_first_admin(s, "lead", "long enough 1")
        clerk = create_user(s, admin, "clerk", "clerk pass 1", Role.DESK)
    return admin, clerk


def nav_keys(window):
    return [window.nav.item(i).data(0x0100) for i in range(window.nav.count())]


def test_only_the_admin_has_the_audit_screen(users, qtbot, make_app_context):
    admin, clerk = users
    lead_window = MainWindow(make_app_context(admin))
    qtbot.addWidget(lead_window)
    clerk_window = MainWindow(make_app_context(clerk))
    qtbot.addWidget(clerk_window)
    assert "audit" in nav_keys(lead_window) and "audit" not in nav_keys(clerk_window)
    assert not clerk_window.audit_page.isVisibleTo(clerk_window)


def test_audit_screen_filters_and_exports(users, qtbot, tmp_path, make_app_context):
    admin, _clerk = users
    window = MainWindow(make_app_context(admin))
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
    assert page.export_to(out).result == page.model.total  # (tasks run inline in tests)
    assert len(list(load_workbook(out).active.iter_rows())) == page.model.total + 1


def test_a_viewer_is_not_offered_arrivals(users, engine, qtbot, make_app_context):
    from PySide6.QtGui import QAction

    admin, clerk = users
    with session_factory(engine)() as s:
        viewer = create_user(s, admin, "guest", "guest pass 1", Role.VIEWER)
    for user, enabled in ((viewer, False), (clerk, True)):
        window = MainWindow(make_app_context(user))
        qtbot.addWidget(window)
        actions = {a.text(): a.isEnabled() for a in window.findChildren(QAction)}
        assert actions["新入住登记"] is enabled and actions["批量入住"] is enabled
