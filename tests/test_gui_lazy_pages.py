"""The pages a shift rarely opens are made when first shown, not while the desk waits for the board after the
password (issue 16): made then, they are wired as if made at the start."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from tests.test_gui_board import demo, open_window  # noqa: F401 (the demo site fixture)

LAZY = ("settings", "users", "swabs", "audit", "layout", "rulesets", "reports", "forecast", "requests", "supplies",
        "staff")  # fmt: skip


@pytest.mark.usefixtures("demo")
def test_pages_are_made_when_first_shown_and_wired_then(qtbot, make_app_context, desk, monkeypatch):
    window = open_window(qtbot, make_app_context(desk, "zh_CN"))
    assert [k for k in LAZY if window._lazy[k].built] == []  # the board after the password: none of them made
    printed: list[tuple[str, dict]] = []
    monkeypatch.setattr(window, "print_form", lambda form, *a, **kw: printed.append((form, kw)))
    window.show_page("staff")
    QApplication.processEvents()
    staff = window.staff_page
    assert window._lazy["staff"].built and staff.isVisible() and staff.roster.group.count() > 0  # loaded on show
    assert window.staff_page is staff  # made once
    staff.print_requested.emit(date(2026, 11, 23))
    window.supplies_page.print_requested.emit()  # asked for, not shown: made all the same, and wired
    assert printed == [("roster", {"day": date(2026, 11, 23)}), ("supplies", {})]


@pytest.mark.usefixtures("demo")
def test_the_settings_page_made_late_still_sets_the_idle_lock(qtbot, make_app_context, desk):
    window = open_window(qtbot, make_app_context(desk, "zh_CN"))
    window.show_page("settings")
    QApplication.processEvents()
    window.settings_page.lock_minutes_changed.emit(7)
    assert window.idle.minutes == 7
