"""Every text a person sees, read off the real widgets: in Chinese no untranslated English and no raw code.

Each page of the main window and each dialog (arrival, batch arrival, room, the five stay actions, login,
first-run wizard, print preview) is opened on a demo site in zh_CN, and its widget tree walked: labels,
buttons, group and window titles, placeholders, tooltips, combo items, table and list headers and cells a
screen writes itself, menus and actions. A text is a leak when it is an English source string of the UI
(the .ts file's sources) shown as it is, or a code of an enum or code table shown as it is.

Data (names, places, ID tails) is not UI text: cells of the occupants' own data are not looked at, only what
the screen itself writes (headers, states, kinds, results).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
)

from models.demo.builder import build_demo
from models.store.orm import DepartureKind, Role, RoomState, Slot, SwabResult
from resources import I18N_DIR
from tests.conftest import TZ
from views.application import install_translators, make_app

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)
# English that is a name, not a word to translate
ALLOWED = {"IsoDesk", "PDF", "CSV", "Excel", "xlsx", "SQLite", "PostgreSQL", "QR", "ID", "Demo Isolation Site"}


def ui_sources() -> set[str]:
    tree = ET.parse(I18N_DIR / "isodesk_zh_CN.ts")
    return {m.findtext("source") or "" for m in tree.iter("message")}


def codes() -> set[str]:
    """Codes that must never be shown as they are."""
    found: set[str] = set()
    for enum in (DepartureKind, Role, RoomState, Slot, SwabResult):
        found |= {str(e.value) for e in enum}
    from models.reads.rounds import NOT_MEASURED_REASONS

    found |= set(NOT_MEASURED_REASONS)
    return {c for c in found if len(c) > 1}


def texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything the widget tree shows a person, the widget's own window title included."""
    out: list[tuple[str, str]] = [("title", widget.windowTitle())]
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QMenu):
            pass  # a menu is a window of its own, shown from its bar or button
        elif w.window() is not widget or not (w is widget or w.isVisibleTo(widget)):
            continue  # another window's (a dialog made by this one), or not shown
        where = f"{type(w).__name__}({w.objectName()})"
        if w.toolTip():
            out.append((f"{where} tooltip", w.toolTip()))
        if isinstance(w, QLabel):
            out.append((where, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((where, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((f"{where} placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            out += [(f"{where} item", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            out += [(f"{where} tab", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QMenu):
            out += [(f"{where} action", a.text()) for a in w.actions()]
        if isinstance(w, QTableView) and isinstance(w.model(), QAbstractItemModel):
            model = w.model()
            for c in range(model.columnCount(QModelIndex())):
                out.append((f"{where} header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")))
    for a in widget.actions():
        out.append(("action", a.text()))
    return [(where, t) for where, t in out if t and t.strip()]


def leaks(widget: QWidget, sources: set[str], raw: set[str]) -> list[str]:
    found = []
    for where, text in texts(widget):
        plain = re.sub(r"<[^>]+>", "", text).replace("&", "").strip()
        if plain in ALLOWED:
            continue
        if plain in sources and re.search(r"[A-Za-z]{3,}", plain):
            found.append(f"{where}: untranslated {plain!r}")
        shown = {w for w in re.findall(r"[a-z_]{3,}", plain) if "_" in w} | {plain}  # a code reads like one
        if shown & raw:
            found.append(f"{where}: code {sorted(shown & raw)} in {plain!r}")
    return found


@pytest.fixture
def zh_window(qtbot, engine, clock, make_app_context, session):
    from views.main_window import MainWindow

    if engine.dialect.name != "sqlite":
        pytest.skip("the screens' text does not depend on the database")
    clock.set(NOW)
    build_demo(engine, rooms=40, days=8, seed=5, now=NOW)
    from models.store.orm import User

    admin = session.query(User).filter_by(username="demo").one()  # the demo build's admin
    ctx = make_app_context(admin, language="zh_CN")
    app = make_app(theme=False, settings=ctx.settings)
    install_translators(app, "zh_CN")
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    yield w, ctx
    install_translators(app, "en")


def all_screens(window, ctx, look) -> None:
    """The main window on each page, and every dialog of the desk's day, each given to ``look(name, widget)``
    as it is shown."""
    from views.arrival_dialog import ArrivalDialog
    from views.batch_dialog import BatchDialog
    from views.login_dialog import LoginDialog
    from views.room_dialog import RoomDialog

    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        look(f"page {window.nav.item(row).text()}", window)
    page = window.occupants
    window.show_page("occupants")
    page.table.selectRow(0)
    for key in ("room", "date", "release", "transfer", "other"):
        dialog = page.action_dialog(key)
        if dialog is not None:
            look(f"stay action {key}", dialog)
    look("arrival", ArrivalDialog(ctx))
    look("batch arrival", BatchDialog(ctx))
    room = next(r for r in window.model._all if r.occupants)  # an occupied room: its history and actions
    look("room", RoomDialog(ctx, room))
    look("login", LoginDialog(ctx.sessions, "zh_CN"))
    from printing.documents import render
    from views.print_preview import PrintPreview

    with ctx.sessions() as s:
        pdf = render(s, "daily-report", ctx.today(), actor=ctx.user, now=ctx.now())
    look("print preview", PrintPreview(pdf, "日报表"))  # its buttons and page count (the title is the caller's)


def test_no_english_source_and_no_code_on_a_chinese_screen(zh_window, qtbot):
    window, ctx = zh_window
    sources, raw = ui_sources(), codes()
    problems: list[str] = []

    def look(name: str, widget: QWidget) -> None:
        widget.show()
        problems.extend(f"{name} · {p}" for p in leaks(widget, sources, raw))
        if widget is not window:
            widget.hide()

    all_screens(window, ctx, look)
    assert not problems, "\n".join(dict.fromkeys(problems))
