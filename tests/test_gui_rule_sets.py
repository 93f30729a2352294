"""The rule-set editor (admin), driven from the keyboard: select, copy to a draft, type 14+7+7 and save, a final
rule set read-only, a switch previewed with a kept extension and confirmed; a desk user has no such page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget
from sqlalchemy import select

from models.services.arrivals import register_arrival
from models.services.stays import change_release_date
from models.store.orm import RuleSet, Site, Stay, User
from tests.conftest import NOW
from tests.helpers import free_rooms
from views.rule_sets_page import (
    CENTRAL,
    CENTRAL_TESTS,
    HOME,
    HOME_ISO,
    HOME_ISO_TESTS,
    HOME_TESTS,
    NameDialog,
    RuleSetsPage,
    SwitchDateDialog,
    SwitchPreviewDialog,
)

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def key(k, mod=Qt.KeyboardModifier.NoModifier, to=None) -> None:  # type: ignore[no-untyped-def]
    """A key to whatever has the focus (or to ``to``, a dialog's field: offscreen, a dialog does not take the
    focus), as the keyboard sends it; then Qt's queued work (an editor's commit)."""
    QTest.keyClick(to or QApplication.focusWidget(), k, mod)
    QApplication.processEvents()


def typed(text: str, to=None) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        QTest.keyClick(to or QApplication.focusWidget(), ch)


def cell(text: str) -> None:
    """Type into the current cell (the first key opens its editor) and Enter."""
    typed(text)
    key(Qt.Key.Key_Return)


@pytest.fixture
def page(qtbot, site, app_context):
    p = RuleSetsPage(app_context)
    qtbot.addWidget(p)
    p.resize(1300, 600)
    p.show()
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow)
    return p


def answered(monkeypatch, cls, fill):  # type: ignore[no-untyped-def]
    """``cls.exec`` as a person at the keyboard: shown, ``fill(dialog)``, then its result."""
    seen = []

    def exec_(dialog):  # type: ignore[no-untyped-def]
        dialog.show()
        dialog.activateWindow()
        seen.append(dialog)
        fill(dialog)
        dialog.hide()
        owner = dialog.parentWidget().window()  # back to the window that asked, as when exec() returns
        owner.activateWindow()
        QTest.qWaitForWindowActive(owner)
        return dialog.result()

    monkeypatch.setattr(cls, "exec", exec_)
    return seen


def names(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.list.item(r, 0).text() for r in range(page.list.rowCount())]


def select_by_keyboard(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.list.setFocus()
    key(Qt.Key.Key_Home, CTRL)  # the first row
    for _ in range(names(page).index(name)):
        key(Qt.Key.Key_Down)
    assert page.current is not None and page.current.name == name


def rule_set(engine, name):  # type: ignore[no-untyped-def]
    from models.store.db import session_factory

    with session_factory(engine)() as s:
        rs = s.scalar(select(RuleSet).where(RuleSet.name == name))
        if rs is None:
            return None
        return rs, {r.category_code: r for r in rs.rules}, s.scalar(select(Site.rule_set_id))


def test_the_list_says_what_each_rule_set_is(page):
    rows = {page.list.item(r, 0).text(): page.list.item(r, 2).text() for r in range(page.list.rowCount())}
    assert rows["第九版"] == "使用中" and rows["第八版"] == "以往版本"
    assert page.current.name == "第九版"  # the one in use is shown first
    plan = [page.rules.item(r, 8).text() for r in range(page.rules.rowCount())]
    assert "7+3" in plan


def test_copy_edit_to_14_7_7_and_save_by_keyboard(page, engine, monkeypatch):
    select_by_keyboard(page, "第九版")

    def name_it(dialog: NameDialog) -> None:
        assert dialog.name.text() == "第九版 副本"  # the default, all selected: typing replaces it
        dialog.name.selectAll()
        typed("local 14+7+7", to=dialog.name)
        key(Qt.Key.Key_Return, to=dialog.name)

    asked = answered(monkeypatch, NameDialog, name_it)
    key(Qt.Key.Key_C, CTRL | SHIFT)
    assert len(asked) == 1 and page.current.name == "local 14+7+7" and page.current.draft
    assert "草稿" in page.state.text() and not page.name.isReadOnly()
    # the first category's row, from its days centralized: 14, tests 1,4,7,14, 7 at home isolation (2,7), 7 more (7)
    page.rules.setFocus()
    page.rules.setCurrentCell(0, CENTRAL)
    category = page.rules.item(0, 0).data(Qt.ItemDataRole.UserRole)
    for col, text in (
        (CENTRAL, "14"),
        (CENTRAL_TESTS, "1,4,7,14"),
        (HOME_ISO, "7"),
        (HOME_ISO_TESTS, "2,7"),
        (HOME, "7"),
        (HOME_TESTS, "7"),
    ):
        assert page.rules.currentColumn() == col
        cell(text)
        key(Qt.Key.Key_Right)
    assert page.rules.item(0, 8).text() == "14+7+7" and page.dirty
    key(Qt.Key.Key_S, CTRL)
    assert "已保存" in page.message.text(), page.message.text()
    rs, rules, in_use = rule_set(engine, "local 14+7+7")
    rule = rules[category]
    assert rs.draft and in_use != rs.id
    assert (rule.days_central, rule.days_home_isolation, rule.days_home) == (14, 7, 7)
    assert (rule.swab_days, rule.home_isolation_swab_days, rule.home_swab_days) == ("1,4,7,14", "2,7", "7")
    assert rule_set(engine, "第九版")[1][category].days_central != 14  # the rule set in use is as it was


def test_a_test_day_outside_the_phase_is_said_and_nothing_is_saved(page, engine, desk, session):
    from models.services.rulesets import copy_rule_set

    nine = session.scalar(select(RuleSet).where(RuleSet.name == "第九版"))
    copy_rule_set(session, desk, nine.id, "草稿甲")
    page.refresh()
    select_by_keyboard(page, "草稿甲")
    page.rules.setFocus()
    page.rules.setCurrentCell(0, CENTRAL_TESTS)
    cell("1,9")  # 7 days centralized: day 9 is not one of them
    key(Qt.Key.Key_S, CTRL)
    assert "9" in page.message.text() and "集中隔离" in page.message.text()
    _, rules, _ = rule_set(session.get_bind(), "草稿甲")
    assert "9" not in rules[page.rules.item(0, 0).data(Qt.ItemDataRole.UserRole)].swab_days


def test_a_final_rule_set_is_read_only(page):
    select_by_keyboard(page, "第八版")
    assert "复制" in page.state.text()
    for r in range(page.rules.rowCount()):
        for c in range(page.rules.columnCount()):
            assert not page.rules.item(r, c).flags() & Qt.ItemFlag.ItemIsEditable
    assert page.name.isReadOnly() and page.notes.isReadOnly() and page.effective.edit.isReadOnly()
    page.rules.setFocus()
    page.rules.setCurrentCell(0, CENTRAL)
    before = page.rules.item(0, CENTRAL).text()
    key(Qt.Key.Key_F2)
    cell("30")
    assert page.rules.state() != QTableWidget.State.EditingState and page.rules.item(0, CENTRAL).text() == before
    assert not page.save_action.isEnabled() and not page.delete_action.isEnabled()


def test_delete_asks_no_by_default(page, desk, session, monkeypatch):
    from models.services.rulesets import copy_rule_set

    nine = session.scalar(select(RuleSet).where(RuleSet.name == "第九版"))
    copy_rule_set(session, desk, nine.id, "草稿乙")
    page.refresh()
    select_by_keyboard(page, "草稿乙")
    asked = []

    def question(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[-1])  # the default button
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    answer = QMessageBox.StandardButton.No
    key(Qt.Key.Key_Delete, CTRL | SHIFT)
    assert asked == [QMessageBox.StandardButton.No] and "草稿乙" in names(page)
    answer = QMessageBox.StandardButton.Yes
    key(Qt.Key.Key_Delete, CTRL | SHIFT)
    assert "草稿乙" not in names(page)


def test_switch_previews_a_kept_extension_and_confirms(page, qtbot, engine, desk, session, make_arrival, monkeypatch):
    from models.services.rulesets import RuleInput, copy_rule_set, update_draft

    room = free_rooms(session)[0]
    stay = register_arrival(session, desk, make_arrival("inbound"), room.id, now=NOW)
    planned = stay.planned_release
    change_release_date(session, desk, stay.id, planned + timedelta(days=10), "复查 CT 异常", now=NOW)
    nine = session.scalar(select(RuleSet).where(RuleSet.name == "第九版"))
    draft = copy_rule_set(session, desk, nine.id, "本地14+7+7")
    rules = [RuleInput(r.category_code, 14, 7, 7, "1,4,7,14", "2,7", "7", r.count_from) for r in draft.rules]
    update_draft(session, desk, draft.id, name="本地14+7+7", effective_from=NOW.date(), rules=rules)
    page.refresh()
    select_by_keyboard(page, "本地14+7+7")

    def on_today(dialog: SwitchDateDialog) -> None:
        assert dialog.field.day() == NOW.date()  # today, by the context's clock
        key(Qt.Key.Key_Return, to=dialog.field.edit)

    shown: list[list[str]] = []

    def confirm(dialog: SwitchPreviewDialog) -> None:
        t = dialog.table
        shown.extend([t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount()))
        assert "1" in dialog.headline.text() and "本地14+7+7" in dialog.headline.text()
        # another desk changes the stay meanwhile: the confirmation says so and the preview is read again
        change_release_date(session, desk, stay.id, planned + timedelta(days=11), "再延一天", now=NOW)
        key(Qt.Key.Key_Return, to=dialog.table)
        assert dialog.message.text() and dialog.result() == 0
        assert "人工延长 +11 天" in dialog.table.item(0, 6).text()
        key(Qt.Key.Key_Return, to=dialog.table)  # confirmed again, on the fresh preview

    answered(monkeypatch, SwitchDateDialog, on_today)
    previews = answered(monkeypatch, SwitchPreviewDialog, confirm)
    with qtbot.waitSignal(page.changed):
        key(Qt.Key.Key_S, CTRL | SHIFT)
    assert len(previews) == 1 and len(shown) == 1
    row = shown[0]
    assert row[1] == room.number and "人工延长 +10 天" in row[6]
    old, new = row[3].split(" → ")
    assert date.fromisoformat(new) == date.fromisoformat(old) + timedelta(days=7)  # 7 → 14 days centralized
    rs, _, in_use = rule_set(engine, "本地14+7+7")
    assert in_use == rs.id and not rs.draft
    session.expire_all()
    after = session.get(Stay, stay.id)
    assert after.manual_days == 11 and after.rule_set_id == rs.id
    assert page.current.in_use and "使用中" in page.state.text()


def test_escape_cancels_the_preview(page, monkeypatch, engine):
    def cancel(dialog: SwitchPreviewDialog) -> None:
        key(Qt.Key.Key_Escape, to=dialog.table)

    answered(monkeypatch, SwitchDateDialog, lambda d: key(Qt.Key.Key_Return, to=d.field.edit))
    answered(monkeypatch, SwitchPreviewDialog, cancel)
    select_by_keyboard(page, "第八版")
    assert page.switch() is None
    assert rule_set(engine, "第九版")[0].id == rule_set(engine, "第九版")[2]  # still in use


def test_a_desk_user_has_no_rule_sets_page(qtbot, session, site, make_app_context):
    from models.store.orm import Role
    from views.application import make_app
    from views.main_window import MainWindow

    clerk = User(username="clerk", display_name="前台", role=Role.DESK)
    session.add(clerk)
    session.commit()
    ctx = make_app_context(clerk)
    make_app(theme=False, settings=ctx.settings)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    keys = {w.nav.item(r).data(Qt.ItemDataRole.UserRole) for r in range(w.nav.count())}
    assert "rulesets" not in keys and "settings" in keys


def test_leaving_a_draft_with_unsaved_edits_asks_and_cancel_stays(page, engine, desk, session, monkeypatch):
    from models.services.rulesets import copy_rule_set

    nine = session.scalar(select(RuleSet).where(RuleSet.name == "第九版"))
    copy_rule_set(session, desk, nine.id, "草稿丙")
    page.refresh()
    select_by_keyboard(page, "草稿丙")
    page.rules.setFocus()
    page.rules.setCurrentCell(0, CENTRAL)
    cell("10")
    assert page.dirty
    asked = []
    answer = QMessageBox.StandardButton.Cancel

    def question(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[-1])
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    page.list.setCurrentCell(names(page).index("第九版"), 0)  # Cancel (the default): still on the draft, kept
    assert asked == [QMessageBox.StandardButton.Cancel]
    assert page.current.name == "草稿丙" and page.dirty and page.rules.item(0, CENTRAL).text() == "10"
    assert names(page)[page.list.currentRow()] == "草稿丙"
    answer = QMessageBox.StandardButton.Save
    page.list.setCurrentCell(names(page).index("第九版"), 0)  # Save: saved, then the other one shown
    assert page.current.name == "第九版"
    _rs, rules, _in_use = rule_set(engine, "草稿丙")
    assert 10 in {r.days_central for r in rules.values()}
