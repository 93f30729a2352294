"""Every text a person sees, read off the real widgets: in Chinese no untranslated English and no raw code.

Each page of the main window (settings with its admin panels, users, audit trail) and each dialog (arrival,
batch arrival and its column mapping, room, the five stay actions, login, both pages of the first-run wizard,
print preview) is opened on a demo site, and its widget tree walked: labels, buttons, group and window titles,
placeholders, what a field is filled with before anything is typed, spin box suffixes, tooltips, combo items,
table and list headers and cells a screen writes itself, menus and actions. In zh_CN a text is a leak when it
is an English source string of the UI (the .ts file's sources) shown as it is; in English when it holds, as a
whole run of Chinese characters, a Chinese translation of the .ts file (a label left in Chinese; names and
places are not translations). In both, a code of an enum or code table shown as it is is a leak.

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
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
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
            if not isinstance(w.parent(), QAbstractSpinBox | QComboBox):  # their own text is read below
                out.append((f"{where} text", w.text()))  # nothing is typed yet: what the screen fills in itself
        elif isinstance(w, QAbstractSpinBox):
            out.append((f"{where} text", w.text()))
            if isinstance(w, QSpinBox | QDoubleSpinBox):
                out += [(f"{where} suffix", w.suffix()), (f"{where} special value", w.specialValueText())]
        elif isinstance(w, QComboBox):
            out += [(f"{where} item", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            out += [(f"{where} tab", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QMenu):
            out += [(f"{where} action", a.text()) for a in w.actions()]
        elif isinstance(w, QListWidget):  # what a screen lists itself: a room's history, a day's lists
            out += [(f"{where} line", w.item(i).text()) for i in range(w.count())]
        elif isinstance(w, QTextBrowser):  # an occupant's detail and timeline
            out += [(f"{where} line", line) for line in w.toPlainText().splitlines()]
        if isinstance(w, QTreeWidget):  # the site layout: headers, and what the screen writes beside the names
            out += [(f"{where} header", w.headerItem().text(c)) for c in range(w.columnCount())]
            stack = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
            while stack:
                item = stack.pop()
                out += [(f"{where} cell", item.text(c)) for c in range(1, w.columnCount())]
                stack += [item.child(j) for j in range(item.childCount())]
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
        if CJK.search(plain):  # in a Chinese sentence any English word that is a code ("离开（released）")
            shown |= set(re.findall(r"[a-z_]{3,}", plain))
        if shown & raw:
            found.append(f"{where}: code {sorted(shown & raw)} in {plain!r}")
    return found


def demo_window(qtbot, engine, clock, make_app_context, session, language: str):  # type: ignore[no-untyped-def]
    """The main window on a demo site, signed in as its admin (every page, the audit trail included)."""
    from views.main_window import MainWindow

    if engine.dialect.name != "sqlite":
        pytest.skip("the screens' text does not depend on the database")
    clock.set(NOW)
    build_demo(engine, rooms=40, days=8, seed=5, now=NOW)
    from models.store.orm import User

    admin = session.query(User).filter_by(username="demo").one()  # the demo build's admin
    ctx = make_app_context(admin, language=language)
    app = make_app(theme=False, settings=ctx.settings)
    install_translators(app, language)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    return app, w, ctx


@pytest.fixture
def zh_window(qtbot, engine, clock, make_app_context, session):
    app, w, ctx = demo_window(qtbot, engine, clock, make_app_context, session, "zh_CN")
    yield w, ctx
    install_translators(app, "en")


@pytest.fixture
def en_window(qtbot, engine, clock, make_app_context, session):
    app, w, ctx = demo_window(qtbot, engine, clock, make_app_context, session, "en")
    yield w, ctx
    install_translators(app, "en")


def not_ready_row(page, ctx) -> int:  # type: ignore[no-untyped-def]
    """A person the release dialog refuses: its checks, the reasons and the override field are all shown."""
    from models.services.stays import stay_readiness

    with ctx.sessions() as s:
        for row in range(page.model.rowCount()):
            page.table.selectRow(row)
            d = page._detail
            if d is not None and d.departed_at is None and not stay_readiness(s, d.stay_id, ctx.today()).ok:
                return row
    raise AssertionError("the demo site has nobody the release checks refuse")


def all_screens(window, ctx, look, tmp_path) -> None:
    """The main window on each page (the settings page with its admin panels, users, the audit trail), and
    every dialog of the desk's day and of the site's first run, each given to ``look(name, widget)`` as it is
    shown."""
    from models.store.db import open_database
    from views.arrival_dialog import ArrivalDialog
    from views.batch_dialog import FIELDS, BatchDialog, MappingDialog
    from views.context import AppContext
    from views.login_dialog import LoginDialog
    from views.room_dialog import RoomDialog
    from views.site_wizard import SiteWizard

    window.show()
    keys = set()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        keys.add(window.nav.item(row).data(Qt.ItemDataRole.UserRole))
        look(f"page {window.nav.item(row).text()}", window)
    assert {"settings", "users", "audit", "rulesets"} <= keys  # the admin's pages are walked too
    assert window.settings_page.database is not None and window.settings_page.backups is not None
    page = window.occupants
    window.show_page("occupants")
    page.table.selectRow(not_ready_row(page, ctx))
    for key in ("room", "date", "release", "transfer", "other"):
        dialog = page.action_dialog(key)
        if dialog is not None:
            look(f"stay action {key}", dialog)
    look("arrival", ArrivalDialog(ctx))
    batch = BatchDialog(ctx)
    look("batch arrival", batch)
    # a list whose headers it does not know: the user says which field each column is
    look("batch column mapping", MappingDialog(["列一", "列二"], batch, {f: batch.field_label(f) for f in FIELDS}))
    room = next(r for r in window.model._all if r.occupants)  # an occupied room: its history and actions
    look("room", RoomDialog(ctx, room))
    look("login", LoginDialog(ctx.sessions, ctx.language))
    layout_dialogs(window, ctx, look)
    from views.release_batch_dialog import ReleaseBatchDialog
    from views.swab_dialogs import unscheduled_swab_dialog

    look("release the ready ones", ReleaseBatchDialog(ctx))  # the list: ticked, and why the others are not
    look("unscheduled swab", unscheduled_swab_dialog(ctx, None))
    empty = open_database(tmp_path / "first-run.sqlite3")  # the first run: signed in, no site yet
    wizard = SiteWizard(AppContext.open(empty, ctx.user, ctx.settings, clock=ctx.clock, language=ctx.language))
    wizard.show()
    look("first-run wizard: welcome", wizard)
    wizard.show()
    wizard.next()  # "create our site" is the default choice
    assert wizard.currentPage() is wizard.site_page
    look("first-run wizard: the site", wizard)
    wizard.deleteLater()
    empty.dispose()
    from printing.documents import render
    from views.print_preview import PrintPreview

    with ctx.sessions() as s:
        pdf = render(s, "daily-report", ctx.today(), actor=ctx.user, now=ctx.now())
    title = "日报表" if ctx.language == "zh_CN" else "Daily report"
    look("print preview", PrintPreview(pdf, title))  # its buttons and page count (the title is the caller's)
    from views.rule_sets_page import NameDialog, SwitchDateDialog, SwitchPreviewDialog

    other = next(rs for rs in window.rule_sets_page.sets if not rs.in_use)  # the rule-set editor's dialogs
    look("rule set: copy", NameDialog(other.name, window))
    look("rule set: switch date", SwitchDateDialog(ctx, other.name, window))
    look("rule set: switch preview", SwitchPreviewDialog(ctx, other.id, ctx.today(), window))


def layout_dialogs(window, ctx, look) -> None:  # type: ignore[no-untyped-def]
    """The site layout's forms (a room, a floor, a building's name) and a room list's preview, every status."""
    from models.services.importer import RowMessage
    from models.services.layout_import import RoomRow, RoomsPreview
    from models.store.orm import RoomType
    from views.layout_page import ImportPreviewDialog

    page = window.layout_page
    window.show_page("layout")
    floor = next(iter(page._floors))
    building = next(iter(page._buildings))
    for kind, id_, open_form in (
        ("floor", floor, page.add_room),
        ("building", building, page.add_floor),
        ("building", building, page.edit),
    ):
        page.tree.setCurrentItem(page.item_of(kind, id_))
        open_form()
        look(f"layout form {open_form.__name__} on a {kind}", page.dialog)
        page.dialog.reject()
    rows = [
        RoomRow(2, "change", "A", 1, "101", RoomType.SINGLE, 1, "buffer", {"zone": ("contaminated", "buffer")}),
        RoomRow(3, "add", "C", 2, "201", RoomType.DOUBLE, 2, "clean"),
        RoomRow(4, "same", "A", 1, "102", RoomType.ACCESSIBLE, 1, "contaminated"),
        RoomRow(5, "rejected", "A", 1, "103", messages=[RowMessage("layout_type_unknown", value="X")]),
    ]
    look("room list preview", ImportPreviewDialog(RoomsPreview(rows, ["C"], [("C", 2)]), "rooms.xlsx", ctx.language))


def test_no_english_source_and_no_code_on_a_chinese_screen(zh_window, qtbot, tmp_path):
    window, ctx = zh_window
    sources, raw = ui_sources(), codes()
    problems: list[str] = []

    def look(name: str, widget: QWidget) -> None:
        widget.show()
        problems.extend(f"{name} · {p}" for p in leaks(widget, sources, raw))
        if widget is not window:
            widget.hide()

    all_screens(window, ctx, look, tmp_path)
    assert not problems, "\n".join(dict.fromkeys(problems))


CJK = re.compile(r"[\u3400-\u9fff]+")


# texts the UI offers as the start of data the site types (the first building's name): data once saved
DATA_DEFAULTS = {"Building 1"}


def ui_chinese() -> set[str]:
    """The Chinese of the UI: each run of Chinese characters of the .ts file's translations ("第 {0} 天" gives
    "第" and "天"). Data (names, places, buildings) is rarely one of them as a whole."""
    tree = ET.parse(I18N_DIR / "isodesk_zh_CN.ts")
    found: set[str] = set()
    for m in tree.iter("message"):
        if m.findtext("source") in DATA_DEFAULTS:
            continue  # a value offered for the site's own data, which then is data
        for t in m.iter("translation"):
            found |= set(CJK.findall(t.text or ""))
            for n in t.iter("numerusform"):
                found |= set(CJK.findall(n.text or ""))
    return found


def chinese_leaks(widget: QWidget, chinese: set[str], raw: set[str]) -> list[str]:
    """On an English screen: a text with a run of Chinese that is a translation as a whole (a label left in
    Chinese), or a code shown as it is."""
    found = []
    for where, text in texts(widget):
        plain = re.sub(r"<[^>]+>", "", text).replace("&", "").strip()
        ui = [run for run in CJK.findall(plain) if run in chinese]
        if ui:
            found.append(f"{where}: Chinese {ui} in {plain!r}")
        shown = {w for w in re.findall(r"[a-z_]{3,}", plain) if "_" in w} | {plain}
        if shown & raw:
            found.append(f"{where}: code {sorted(shown & raw)} in {plain!r}")
    return found


def test_ui_chinese_reads_the_translations():
    chinese = ui_chinese()
    assert {"换房", "解除隔离", "审计记录"} <= chinese
    assert "张伟" not in chinese  # a name is data


def test_no_chinese_label_and_no_code_on_an_english_screen(en_window, qtbot, tmp_path):
    window, ctx = en_window
    chinese, raw = ui_chinese(), codes()
    problems: list[str] = []

    def look(name: str, widget: QWidget) -> None:
        widget.show()
        problems.extend(f"{name} · {p}" for p in chinese_leaks(widget, chinese, raw))
        if widget is not window:
            widget.hide()

    all_screens(window, ctx, look, tmp_path)
    assert not problems, "\n".join(dict.fromkeys(problems))
