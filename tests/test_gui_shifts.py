"""Shifts at one desk: log out / switch user without quitting, each user's start page, the idle lock, and
why a role's buttons are disabled — driven as the desk would."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy import select

from models.services.accounts import MAX_FAILURES, create_user
from models.services.arrivals import register_arrival
from models.store.orm import AuditEntry, Role, User
from tests.conftest import NOW
from tests.helpers import free_rooms
from views.application import make_app
from views.lock_screen import LockScreen
from views.login_dialog import LoginDialog
from views.main_window import MainWindow
from views.scanner import stay_code

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def staff(session, site, desk, app_settings):
    make_app(theme=False, settings=app_settings)
    return {
        "clerk": create_user(session, desk, "clerk", "clerk pass 1", Role.DESK, "李前台"),
        "nurse": create_user(session, desk, "nurse", "nurse pass 1", Role.MEDICAL, "王护士"),
        "guest": create_user(session, desk, "guest", "guest pass 1", Role.VIEWER, "来访查看"),
        "lead": create_user(session, desk, "lead", "lead pass 12", Role.ADMIN, "站长"),
    }


@pytest.fixture
def person(session, desk, site, make_arrival):
    """Someone checked in: their name is what must not show on a locked screen."""
    stay = register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    return stay.id, stay.person.name


@pytest.fixture
def backups(monkeypatch):
    """The backups the windows start (``back_up``) and the exit's (``back_up_now``), counted, not made."""
    made: list[tuple[str, str]] = []
    monkeypatch.setattr(MainWindow, "back_up", lambda self: made.append(("start", self.actor.username)))
    monkeypatch.setattr(MainWindow, "back_up_now", lambda self: made.append(("exit", self.actor.username)))
    return made


@pytest.fixture
def open_window(qtbot, make_app_context):
    """``open_window(user)``: that user's main window, shown. At the end every main window still there is
    closed (qtbot's own list would close the ones a switch of user deleted)."""

    def open_(user: User) -> MainWindow:
        window = MainWindow(make_app_context(user))
        window.show()
        qtbot.waitExposed(window)
        return window

    yield open_
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and shiboken6.isValid(w):
            w.close()
            w.deleteLater()
    flush_deletes()


def answer_login(monkeypatch, username: str | None, password: str = "") -> list[LoginDialog]:
    """The login that follows a log out, answered as the next person would (None: Cancel)."""
    shown: list[LoginDialog] = []

    def exec_(dialog: LoginDialog) -> int:
        shown.append(dialog)
        if username is None:
            dialog.reject()
        else:
            dialog.username.setText(username)
            dialog.password.setText(password)
            dialog.confirm()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    return shown


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def entries(engine, action: str) -> list[AuditEntry]:
    from models.store.db import session_factory

    with session_factory(engine)() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def page_of(window: MainWindow) -> str:
    return window.nav.currentItem().data(Qt.ItemDataRole.UserRole)


# --- log out / switch user ----------------------------------------------------------------------------------


def test_switching_user_opens_the_next_users_window_on_their_own_page(
    staff, open_window, monkeypatch, qtbot, engine, app_settings, backups
):
    app_settings.setValue("main/page", "swabs")  # the one page all users shared before
    clerk_window = open_window(staff["clerk"])
    assert page_of(clerk_window) == "today"  # front desk: Today
    clerk_window.show_page("occupants")
    answer_login(monkeypatch, "nurse", "nurse pass 1")
    nurse_window = clerk_window.log_out()
    assert nurse_window is not None
    flush_deletes()
    assert not shiboken6.isValid(clerk_window)  # the old window is gone, not hidden
    assert nurse_window.isVisible() and nurse_window.ctx.user.username == "nurse"
    assert "nurse" in nurse_window.user_button.text()
    assert page_of(nurse_window) == "rounds"  # the medical team starts on the round
    assert nurse_window.stack.currentWidget() is nurse_window.rounds_page
    assert backups == [("start", "nurse")]  # no exit backup at a switch; a copy as at any start
    [logout] = entries(engine, "user.logout")
    login = entries(engine, "user.login")[-1]
    assert logout.user_id == staff["clerk"].id and login.user_id == staff["nurse"].id and logout.id < login.id

    nurse_window.show_page("swabs")
    answer_login(monkeypatch, "clerk", "clerk pass 1")
    clerk_again = nurse_window.log_out()
    assert page_of(clerk_again) == "occupants"  # the clerk's own last page, not the nurse's
    answer_login(monkeypatch, "nurse", "nurse pass 1")
    nurse_again = clerk_again.log_out()
    assert page_of(nurse_again) == "swabs"


def test_the_viewer_and_the_admin_start_on_today(staff, open_window):
    assert page_of(open_window(staff["guest"])) == "today"
    assert page_of(open_window(staff["lead"])) == "today"


def test_the_new_window_shares_the_desk_but_not_the_user(staff, open_window, monkeypatch, qtbot, backups):
    old = open_window(staff["clerk"])
    ctx = old.ctx
    followed: list[MainWindow] = []
    old.replaced.connect(followed.append)  # run_gui's session follows it, for the exit
    answer_login(monkeypatch, "guest", "guest pass 1")
    new = old.log_out()
    assert followed == [new]
    assert new.ctx is not ctx and new.ctx.user.username == "guest" and ctx.user.username == "clerk"
    assert new.ctx.tasks is ctx.tasks and new.ctx.settings is ctx.settings and new.engine is old.engine
    assert not new.findChildren(LockScreen)  # a fresh window, not the covered one


def test_cancel_at_the_login_after_logging_out_closes_the_app_once(staff, open_window, monkeypatch, engine, backups):
    window = open_window(staff["clerk"])
    window.backup_timer.start()  # (a file database: the schedule runs, so the exit backup is due)
    shown = answer_login(monkeypatch, None)
    assert window.log_out() is None
    assert len(shown) == 1 and not window.isVisible()
    assert backups == [("exit", "clerk")]  # the exit backup, once
    assert [e.user_id for e in entries(engine, "user.logout")] == [staff["clerk"].id]


def test_a_wrong_password_at_the_switch_is_the_logins_own_message(staff, open_window, monkeypatch, backups):
    window = open_window(staff["clerk"])
    shown = answer_login(monkeypatch, "nurse", "not it at all")
    assert window.switch_user(cancel_quits=False) is None  # (from the lock screen: back to it)
    assert "用户名或密码错误" in shown[0].error.text()
    assert window.desk_lock.locked and window.isVisible()
    assert window.desk_lock.form.password.isVisible()  # the clerk's desk, locked: their password opens it


# --- the idle lock --------------------------------------------------------------------------------------------


def visible_text(window: MainWindow) -> str:
    """Everything a person looking at the window can read: visible widgets' texts, and the title."""
    parts = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        for attr in ("text", "toPlainText", "windowTitle"):
            value = getattr(w, attr, None)
            if callable(value):
                try:
                    parts.append(str(value()))
                except TypeError:
                    pass
    model = window.occupants.table.model()
    if window.occupants.table.isVisible():
        parts += [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())]
    return "\n".join(parts)


def test_after_the_idle_minutes_nothing_personal_shows_until_the_password(staff, person, open_window, engine):
    stay_id, name = person
    window = open_window(staff["clerk"])
    assert window.idle.timer.isActive() and window.idle.timer.interval() == 10 * 60_000  # the default
    window.open_stay(stay_id)
    assert name in visible_text(window)
    window.idle.expire()  # the timer's slot: 10 minutes without keyboard or mouse
    assert window.desk_lock.locked
    assert not window.centralWidget().isVisible() and not window.menuBar().isVisible()
    assert not window.statusBar().isVisible()
    shown = visible_text(window)
    assert name not in shown and window.windowTitle() == "隔离点工作台 — 已锁定"
    assert "李前台" in shown  # whose password it asks for
    form = window.desk_lock.form
    assert form is not None and form.isVisible() and form.geometry() == window.rect()

    QTest.keyClicks(form.password, "clerk pass 2")
    QTest.keyClick(form.password, Qt.Key.Key_Return)
    assert window.desk_lock.locked and name not in visible_text(window)
    assert form.error.text() == f"密码错误（连续输错 {MAX_FAILURES} 次后账号锁定 15 分钟）"
    assert form.password.text() == ""
    with engine.connect() as c:  # counted by the accounts service, as a login's are
        assert c.scalar(select(User.failed_logins).where(User.username == "clerk")) == 1

    QTest.keyClicks(form.password, "clerk pass 1")
    QTest.keyClick(form.password, Qt.Key.Key_Return)
    assert not window.desk_lock.locked and not window.findChildren(LockScreen)
    assert window.centralWidget().isVisible() and window.statusBar().isVisible()
    assert window.stack.currentWidget() is window.occupants and name in visible_text(window)
    assert window.windowTitle().startswith("测试隔离点")
    assert window.idle.timer.isActive()  # counting again


def test_the_lock_uses_the_logins_lockout(staff, open_window):
    window = open_window(staff["clerk"])
    window.lock_screen()
    lock = window.desk_lock
    for _ in range(MAX_FAILURES):
        assert not lock.unlock("guess guess")
    assert not lock.unlock("clerk pass 1")  # locked for 15 minutes now, like at the login
    assert lock.locked


def test_shortcuts_and_the_scanner_do_nothing_while_locked(staff, person, open_window, monkeypatch, qtbot):
    stay_id, _name = person
    window = open_window(staff["clerk"])
    window.activateWindow()
    qtbot.waitActive(window)
    arrivals: list[bool] = []
    monkeypatch.setattr(window, "new_arrival", lambda *a: arrivals.append(True))
    handle = window.windowHandle()
    QTest.keyClick(handle, Qt.Key.Key_2, CTRL)
    assert page_of(window) == "board"  # unlocked, Ctrl+2 is the board
    assert window.user_button.menu().actions() == [window.log_out_action, window.lock_action]
    QTest.keyClick(handle, Qt.Key.Key_L, CTRL)  # Account › Lock the screen, for a desk stepping away
    assert window.desk_lock.locked
    for key in (Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_5):
        QTest.keyClick(handle, key, CTRL)
    QTest.keyClick(handle, Qt.Key.Key_N, CTRL)
    QTest.keyClick(handle, Qt.Key.Key_B, CTRL)
    for ch in stay_code(stay_id):
        QTest.keyClick(handle, ch)
    QTest.keyClick(handle, Qt.Key.Key_Return)
    assert page_of(window) == "board" and arrivals == []
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]  # no batch dialog either
    assert window.desk_lock.locked
    window.desk_lock.unlock("clerk pass 1")
    QTest.keyClick(handle, Qt.Key.Key_N, CTRL)
    assert arrivals == [True]  # back to work


def test_a_dialog_open_at_the_lock_is_covered_and_keeps_what_was_typed(staff, person, open_window):
    _stay_id, name = person
    window = open_window(staff["clerk"])
    dialog = QDialog(window)
    field = QLineEdit(name, dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.setModal(True)
    dialog.show()
    window.idle.expire()
    [cover] = dialog.findChildren(LockScreen)
    assert cover is window.desk_lock.form  # the password is asked where the keyboard goes
    assert cover.isVisible() and cover.geometry() == dialog.rect() and not field.isEnabled()
    QTest.keyClick(cover.password, Qt.Key.Key_Escape)  # stays with the cover: the dialog is not cancelled
    assert dialog.isVisible() and dialog.result() == 0
    assert window.desk_lock.unlock("clerk pass 1")
    assert field.isEnabled() and field.text() == name and not dialog.findChildren(LockScreen)


def test_a_dialog_that_opens_or_closes_while_locked_leaves_nothing_shown_and_the_password_reachable(
    staff, person, open_window
):
    _stay_id, name = person
    window = open_window(staff["clerk"])
    progress = QDialog(window)  # a print's progress, window-modal: the keyboard goes there
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.show()
    window.lock_screen()
    assert window.desk_lock.form.host is progress
    progress.hide()  # the document is ready: the progress closes, the preview opens
    assert window.desk_lock.form is not None and window.desk_lock.form.host is window
    assert window.desk_lock.form.password.isVisible()
    preview = QDialog(window)
    QVBoxLayout(preview).addWidget(QLineEdit(name, preview))
    preview.setModal(True)
    preview.show()
    [cover] = preview.findChildren(LockScreen)
    assert cover.isVisible() and cover.password is not None  # covered, and the password is asked there
    assert window.desk_lock.unlock("clerk pass 1") and not preview.findChildren(LockScreen)


def test_someone_else_signs_in_from_the_lock_screen(staff, open_window, monkeypatch, qtbot, backups):
    window = open_window(staff["clerk"])
    dialog = QDialog(window)  # the clerk's unfinished dialog
    dialog.setModal(True)
    dialog.show()
    window.idle.expire()
    answer_login(monkeypatch, None)
    window.desk_lock.form.switch_button.click()  # "someone else", then Cancel: back to the lock
    assert window.desk_lock.locked and window.isVisible() and dialog.isVisible()
    answer_login(monkeypatch, "nurse", "nurse pass 1")
    window.desk_lock.form.switch_button.click()
    assert not dialog.isVisible()  # the clerk's dialog closed with the clerk's window
    flush_deletes()
    assert not shiboken6.isValid(window)
    [nurse_window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert nurse_window.ctx.user.username == "nurse" and not nurse_window.desk_lock.locked


def test_the_idle_minutes_come_from_the_desk_setting_and_follow_the_admin(staff, open_window, app_settings):
    app_settings.setValue("lock/minutes", 0)
    assert not open_window(staff["clerk"]).idle.timer.isActive()  # 0: never
    app_settings.setValue("lock/minutes", 3)
    window = open_window(staff["lead"])
    assert window.idle.timer.interval() == 3 * 60_000
    spin = window.settings_page.lock_minutes
    assert spin is not None
    spin.setValue(25)  # the admin's settings page: saved through the domain, the window follows
    assert window.idle.timer.interval() == 25 * 60_000 and app_settings.value("lock/minutes", type=int) == 25
    spin.setValue(0)
    assert not window.idle.timer.isActive()


# --- why a role's buttons are disabled ------------------------------------------------------------------------


def test_a_viewer_meets_no_dead_button_without_a_reason(staff, person, open_window):
    stay_id, _name = person
    window = open_window(staff["guest"])
    actions = {a.text(): a for a in window.findChildren(QAction)}
    for text in ("新入住登记", "批量入住"):
        assert not actions[text].isEnabled()
        assert actions[text].toolTip() == actions[text].statusTip() == "您的角色（查看）无权办理入住登记"
    window.open_stay(stay_id)  # a selected row used to enable every action for anyone
    buttons = window.occupants.action_buttons
    assert not any(b.isEnabled() for b in buttons.values())
    assert buttons["release"].toolTip() == "您的角色（查看）无权办理解除隔离或更改解除日期"
    assert buttons["transfer"].toolTip() == "您的角色（查看）无权办理转运"
    assert buttons["room"].toolTip() == "您的角色（查看）无权更换房间或更改房间状态"
    assert not window.occupants.show_id.isEnabled()
    entry = window.rounds_page.entry
    assert not entry.isEnabled() and entry.placeholderText() == "您的角色（查看）无权录入体温"
    swabs = window.swabs_page
    assert not swabs.sample_button.isEnabled() and "无权登记采样" in swabs.sample_button.toolTip()
    swabs.import_button.setEnabled(True)  # what the page does after a lab file was read
    assert not swabs.import_button.isEnabled()
    shown = " ".join(a.toolTip() for a in actions.values()) + entry.placeholderText()
    assert "viewer" not in shown.lower() and "arrivals" not in shown


def test_each_role_is_told_what_it_may_not_do_and_the_admin_nothing(staff, person, open_window):
    stay_id, _name = person
    clerk = open_window(staff["clerk"])
    actions = {a.text(): a for a in clerk.findChildren(QAction)}
    assert actions["新入住登记"].isEnabled() and actions["新入住登记"].toolTip() == "新入住登记"
    assert clerk.rounds_page.entry.placeholderText() == "您的角色（前台）无权录入体温"
    nurse = open_window(staff["nurse"])
    nurse.open_stay(stay_id)
    buttons = nurse.occupants.action_buttons
    assert buttons["transfer"].isEnabled() and not buttons["release"].isEnabled()  # a nurse may transfer
    assert buttons["release"].toolTip() == "您的角色（医务）无权办理解除隔离或更改解除日期"
    lead = open_window(staff["lead"])
    lead.open_stay(stay_id)
    assert all(b.isEnabled() and not b.toolTip() for b in lead.occupants.action_buttons.values())
    assert lead.rounds_page.entry.isEnabled()
