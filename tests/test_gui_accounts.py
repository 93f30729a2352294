"""Login, first admin and the users page, driven as a user would."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from models.errors import DomainError
from models.services.accounts import MAX_FAILURES, authenticate, create_first_admin, create_user
from models.store.db import session_factory
from models.store.orm import Role, User
from views.application import install_translators
from views.login_dialog import LoginDialog
from views.users_page import UsersPage


@pytest.fixture
def sessions(qapp, engine):
    install_translators(qapp, "zh_CN")
    return session_factory(engine)


def test_first_start_creates_the_admin(sessions, qtbot):
    d = LoginDialog(sessions, "zh_CN")
    qtbot.addWidget(d)
    assert d.first_run
    QTest.keyClicks(d.username, "lead")
    QTest.keyClicks(d.password, "long enough 1")
    QTest.keyClicks(d.repeat, "long enough 2")
    d.confirm()
    assert "不一致" in d.error.text() and d.user is None
    QTest.keyClicks(d.password, "long enough 1")
    QTest.keyClicks(d.repeat, "long enough 1")
    d.confirm()
    assert d.result() == d.DialogCode.Accepted and d.user.role is Role.ADMIN
    with sessions() as s:
        assert authenticate(s, "lead", "long enough 1").username == "lead"


def test_the_login_starts_in_the_user_name_with_the_language_list_above_it(sessions, qtbot, app_settings):
    """A desk types its name at once (the language list, first in the dialog, took the keys before)."""
    with sessions() as s:
        create_first_admin(s, "lead", "long enough 1")
    d = LoginDialog(sessions, "zh_CN", settings=app_settings)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    qtbot.waitUntil(lambda: d.focusWidget() is d.username)
    QTest.keyClicks(d.focusWidget(), "lead")
    assert d.username.text() == "lead"
    QTest.keyClick(d.username, Qt.Key.Key_Backtab)
    assert d.focusWidget() is d.language_box


def test_login_refuses_then_locks(sessions, qtbot):
    with sessions() as s:
        create_first_admin(s, "lead", "long enough 1")
    d = LoginDialog(sessions, "zh_CN")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert not d.first_run and not d.repeat.isVisibleTo(d)
    QTest.keyClicks(d.username, "lead")
    for _ in range(MAX_FAILURES):
        QTest.keyClicks(d.password, "guess")
        QTest.keyClick(d.password, Qt.Key.Key_Return)
        assert "用户名或密码错误" in d.error.text() and d.password.text() == ""
    QTest.keyClicks(d.password, "long enough 1")
    d.confirm()
    assert "锁定" in d.error.text() and d.user is None


def test_admin_adds_a_user_who_can_then_log_in(sessions, qtbot, make_app_context):
    with sessions() as s:
        admin = create_first_admin(s, "lead", "long enough 1")
    page = UsersPage(make_app_context(admin))
    qtbot.addWidget(page)
    assert page.admin_box.isVisibleTo(page) and page.table.rowCount() == 1
    QTest.keyClicks(page.new_username, "nurse1")
    page.new_name.setText("王护士")
    QTest.keyClicks(page.new_user_password, "short")
    page.new_role.setCurrentIndex(page.new_role.findData(Role.MEDICAL.value))
    page.add_button.click()
    assert "至少" in page.message.text() and page.table.rowCount() == 1  # nothing saved
    page.new_user_password.setText("nurse pass 1")
    page.add_button.click()
    assert page.table.rowCount() == 2
    with sessions() as s:
        assert authenticate(s, "nurse1", "nurse pass 1").role is Role.MEDICAL
    row = next(i for i in range(2) if page.table.item(i, 0).text() == "nurse1")
    page.table.setCurrentCell(row, 0)
    page.active.setChecked(False)
    page.save_button.click()
    with sessions() as s, pytest.raises(DomainError):
        authenticate(s, "nurse1", "nurse pass 1")


def test_a_desk_user_only_changes_their_own_password(sessions, qtbot, make_app_context):
    with sessions() as s:
        admin = create_first_admin(s, "lead", "long enough 1")
        clerk = create_user(s, admin, "clerk", "clerk pass 1", Role.DESK)
    page = UsersPage(make_app_context(clerk))
    qtbot.addWidget(page)
    assert not page.admin_box.isVisibleTo(page)
    page.old_password.setText("wrong one")
    page.new_password.setText("clerk pass 2")
    page.change_button.click()
    assert "原密码不正确" in page.message.text()
    page.old_password.setText("clerk pass 1")
    page.change_button.click()
    with sessions() as s:
        assert authenticate(s, "clerk", "clerk pass 2").username == "clerk"
        assert s.scalar(select(User.role).where(User.username == "clerk")) is Role.DESK


def test_a_new_installation_is_in_chinese_whatever_the_pcs_locale(tmp_path, monkeypatch):
    from PySide6.QtCore import QLocale, QSettings

    from views.preferences import ui_language

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        fresh = QSettings(str(tmp_path / "new.ini"), QSettings.Format.IniFormat)
        assert ui_language(fresh) == "zh_CN"  # an English Windows at the desk: still Chinese
        fresh.setValue("ui/language", "en")
        assert ui_language(fresh) == "en"  # until someone chooses English
    finally:
        QLocale.setDefault(QLocale.system())


def test_the_language_is_chosen_on_the_login_dialog_and_applies_at_once(sessions, qtbot, app_settings, qapp):
    from views.preferences import ui_language

    with sessions() as s:
        create_first_admin(s, "lead", "long enough 1")
    d = LoginDialog(sessions, "zh_CN", settings=app_settings)
    qtbot.addWidget(d)
    assert d.language_box.isVisibleTo(d) and d.labels["password"].text() == "密码"
    d.language_box.setCurrentIndex(d.language_box.findData("en"))
    qtbot.waitUntil(lambda: d.labels["password"].text() == "Password")  # retranslated on LanguageChange
    assert d.windowTitle() == "Log in" and d.language == "en" and ui_language(app_settings) == "en"
    d.language_box.setCurrentIndex(d.language_box.findData("zh_CN"))
    qtbot.waitUntil(lambda: d.labels["password"].text() == "密码")
    assert ui_language(app_settings) == "zh_CN"
    switching = LoginDialog(sessions, "zh_CN")  # switching user inside a session: the desk's language stays
    qtbot.addWidget(switching)
    assert not switching.language_box.isVisibleTo(switching)
