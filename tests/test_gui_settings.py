"""Settings: language and theme are remembered and used at the next start."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from views import application
from views.application import make_app, ui_language
from views.settings_page import SettingsPage


@pytest.fixture
def settings_page(qtbot, app_context):
    page = SettingsPage(app_context, "sqlite:///demo.sqlite3")  # settings: an ini file of this test's own
    qtbot.addWidget(page)
    return page


def test_language_choice_is_remembered(settings_page):
    settings = settings_page.settings
    assert not settings_page.restart_button.isEnabled()
    assert settings_page.language.currentData() == "zh_CN"  # the context's, as saved
    settings_page.language.setCurrentIndex(settings_page.language.findData("en"))
    assert ui_language(settings) == "en"
    settings_page.language.setCurrentIndex(settings_page.language.findData("zh_CN"))
    assert ui_language(settings) == "zh_CN"
    assert settings_page.restart_button.isEnabled()


def test_dark_theme_is_remembered_and_applied_at_start(settings_page, qapp, monkeypatch):
    settings = settings_page.settings
    settings_page.dark.setChecked(True)
    assert settings.value("ui/dark", False, type=bool) is True
    applied = []
    monkeypatch.setattr(application, "apply_theme", lambda app, family, dark=False: applied.append(dark))
    styled = qapp.property(application.STYLED)
    try:
        qapp.setProperty(application.STYLED, False)  # as in a new application
        make_app(theme=True, settings=settings)
        assert applied == [True]
        make_app(theme=True, settings=settings)
        assert applied == [True]  # once per application
        settings_page.dark.setChecked(False)
        qapp.setProperty(application.STYLED, False)
        make_app(theme=True, settings=settings)
        assert applied == [True, False]
    finally:
        qapp.setProperty(application.STYLED, styled)


def test_switching_the_language_replaces_the_translators_kept_on_the_application(qapp):
    from PySide6.QtCore import QCoreApplication

    from views.application import install_translators, installed_translators

    try:
        for _ in range(2):  # twice: the second replaces the first, no pile of translators
            assert len(install_translators(qapp, "zh_CN")) == 2  # Qt's and ours
            assert installed_translators(qapp) and QCoreApplication.translate("ErrorDialog", "Copied") == "已复制"
        english = install_translators(qapp, "en")  # only the English plural forms
        assert len(english) == 1 and installed_translators(qapp) == english
        assert QCoreApplication.translate("ErrorDialog", "Copied") == "Copied"
        assert QCoreApplication.translate("RoomDialog", "%n beds", "", 1) == "1 bed"
        assert QCoreApplication.translate("RoomDialog", "%n beds", "", 2) == "2 beds"
    finally:
        install_translators(qapp, "en")


@pytest.fixture
def backup_page(qtbot, tmp_path, engine, site, app_context):
    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("SQLite file backups; PostgreSQL is backed up on the server")
    page = SettingsPage(app_context, "db")
    qtbot.addWidget(page)
    page.backups.set_folder(tmp_path / "copies")
    return page


def test_back_up_now_lists_the_copy_and_restore_brings_it_back(backup_page, engine, desk, make_arrival, tmp_path):
    from sqlalchemy import func, select

    from models.services.arrivals import register_arrival
    from models.store.db import make_engine, session_factory
    from models.store.orm import Room, RoomState, Stay
    from tests.conftest import NOW

    panel = backup_page.backups
    assert panel.list.count() == 0 and not panel.restore_button.isEnabled()
    panel.now_button.click()
    assert panel.list.count() == 1 and panel.restore_button.isEnabled()
    assert str(tmp_path / "copies") in panel.message.text()
    sessions = session_factory(engine)
    with sessions() as s:
        room = s.scalars(select(Room).where(Room.state == RoomState.AVAILABLE)).first()
        register_arrival(s, desk, make_arrival(), room.id, now=NOW)
    panel.list.setCurrentRow(0)
    assert panel.restore_selected(restart=False).state == "done"
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Stay)) == 0  # back to the copy
    assert "before-restore" in panel.message.text()
    assert panel.list.count() == 2 and "恢复前" in panel.list.item(0).text()  # the copy before the restore, listed
    before = panel.list.item(0).data(Qt.ItemDataRole.UserRole)
    assert before.endswith("-before-restore.sqlite3")
    copy = make_engine(before)
    with session_factory(copy)() as s:
        assert s.scalar(select(func.count()).select_from(Stay)) == 1  # the database as it was, arrival and all
    copy.dispose()


def listed(panel):
    return [Path(panel.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(panel.list.count())]


def test_the_list_shows_only_the_copies_that_are_there(backup_page, engine, clock, qtbot, tmp_path):
    """A copy the scheduled backup rotated away (or someone deleted) used to stay listed, and restoring it
    said 找不到备份文件."""
    from views.backup_panel import backup_job, copy_before_job

    panel = backup_page.backups
    folder = tmp_path / "copies"
    panel.now_button.click()
    assert listed(panel) == sorted(folder.glob("isodesk-*.sqlite3"))
    clock.advance(hours=1)
    made = copy_before_job(engine, backup_page.settings, "import")()  # as the batch check-in makes it
    panel.refresh()
    assert made in listed(panel) and panel.list.item(0).text() == "2026-11-23 11:00:00  导入前"
    assert panel.list.item(1).text() == "2026-11-23 10:00:00"
    panel.list.setCurrentRow(1)
    listed(panel)[1].unlink()  # gone from under the list
    assert panel.restore_selected(restart=False) is None
    assert "不在文件夹中" in panel.message.text() and listed(panel) == [made]
    clock.advance(hours=1)
    backup_job(engine, backup_page.settings)(None)  # the main window's scheduled backup: 12:00 is the day's newest
    qtbot.waitUntil(lambda: len(listed(panel)) == 2)  # the folder changed: the list follows
    clock.advance(days=20)  # three weeks on, scheduled backups again: their rotation drops 11:00
    for _ in range(11):
        backup_job(engine, backup_page.settings)(None)
        clock.advance(minutes=5)
    assert not made.exists()
    qtbot.waitUntil(lambda: made not in listed(panel))
    qtbot.waitUntil(lambda: listed(panel) == sorted(folder.glob("isodesk-*.sqlite3"), reverse=True))
    assert len(listed(panel)) == 12 and all(p.exists() for p in listed(panel))


def test_restore_asks_first(backup_page, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    panel = backup_page.backups
    panel.now_button.click()
    panel.list.setCurrentRow(0)
    asked = []

    def answer(*args):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    restored = []
    monkeypatch.setattr(panel, "restore_selected", lambda: restored.append(True))
    panel.restore_button.click()
    assert asked and not restored  # "No" restores nothing


def test_database_connection_test_and_save(settings_page, tmp_path, sqlite_template):
    import os

    panel = settings_page.database
    panel.url.setText("postgresql://nobody@127.0.0.1:1/none")
    assert not panel.test() and "✗" in panel.result.text()
    panel.save()
    assert not settings_page.settings.value("db/url")  # a database that does not answer is not saved
    good = tmp_path / "shared.sqlite3"
    good.write_bytes(sqlite_template.read_bytes())
    panel.url.setText(str(good))
    assert panel.test() and "✓" in panel.result.text()
    assert "隔离点工作台数据库" in panel.result.text()  # an IsoDesk database, said in the desk's language
    panel.save()
    assert settings_page.settings.value("db/url") == str(good)
    pg = os.environ.get("ISODESK_TEST_PG_URL")
    if pg:  # the real shared server of this machine
        panel.url.setText(pg)
        assert panel.test(), panel.result.text()
        assert "postgresql" in panel.result.text()


@pytest.mark.parametrize("role", ["desk", "medical", "viewer"])
def test_the_page_shows_only_what_the_role_may_do(qtbot, make_app_context, session, desk, role):
    """A viewer used to restore a backup over the live database from here, and read the database password."""
    from models.services.accounts import create_user
    from models.store.orm import Role

    user = create_user(session, desk, f"u_{role}", "pass word 1", Role(role))
    ctx = make_app_context(user)
    page = SettingsPage(ctx, "postgresql://desk:s3cret@10.0.0.5/isodesk")
    qtbot.addWidget(page)
    assert page.database is None and page.backups is None  # no database editing, no backups, no restore
    shown = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "s3cret" not in shown and "postgresql://desk:***@10.0.0.5/isodesk" in shown
    page.language.setCurrentIndex(page.language.findData("en"))  # a preference: anyone's
    assert ui_language(page.settings) == "en"


def test_an_admin_saves_a_shared_database_without_its_password_in_the_file(settings_page, credential_store):
    from models.store import credentials

    panel = settings_page.database
    assert "s3cret" not in panel.findChildren(QLabel)[0].text()
    saved = settings_page._save_database("postgresql://desk:s3cret@10.0.0.5:5432/isodesk")
    assert settings_page.settings.value("db/url") == saved == "postgresql://desk@10.0.0.5:5432/isodesk"
    assert credential_store.get_password(credentials.SERVICE, saved) == "s3cret"
    settings_page.settings.sync()
    assert "s3cret" not in open(settings_page.settings.fileName(), encoding="utf-8").read()


def test_at_start_the_settings_file_is_made_private_and_an_old_password_moves_out(app_settings, credential_store):
    import os
    import stat

    from models.store import credentials
    from views.preferences import protect

    app_settings.setValue("db/url", "postgresql://desk:s3cret@10.0.0.5/isodesk")  # as an older version saved it
    app_settings.sync()
    os.chmod(app_settings.fileName(), 0o644)
    protect(app_settings)
    assert app_settings.value("db/url") == "postgresql://desk@10.0.0.5/isodesk"
    assert credentials.complete(app_settings.value("db/url")) == "postgresql://desk:s3cret@10.0.0.5/isodesk"
    assert "s3cret" not in open(app_settings.fileName(), encoding="utf-8").read()
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(app_settings.fileName()).st_mode) == 0o600


def test_the_admin_sets_the_idle_lock_and_others_only_see_it(settings_page, qtbot, make_app_context, session, desk):
    from sqlalchemy import select

    from models.services.accounts import create_user
    from models.store.orm import AuditEntry, Role

    spin = settings_page.lock_minutes
    assert spin is not None and spin.value() == 10 and spin.specialValueText() == "从不"
    with qtbot.waitSignal(settings_page.lock_minutes_changed) as changed:
        spin.setValue(5)
    assert changed.args == [5] and settings_page.settings.value("lock/minutes", type=int) == 5
    session.rollback()
    notes = list(session.scalars(select(AuditEntry.note).where(AuditEntry.action == "setting.change")))
    assert notes == ["lock/minutes: '10' -> '5'"]
    clerk = create_user(session, desk, "clerk", "pass word 1", Role.DESK)
    page = SettingsPage(make_app_context(clerk), "sqlite:///demo.sqlite3")
    qtbot.addWidget(page)
    assert page.lock_minutes is None  # shown, not editable
    assert "5 分钟" in [label.text() for label in page.findChildren(QLabel)]


def test_the_admin_changes_the_site_name_and_address_printed_on_the_forms(
    qtbot, site, app_context, engine, make_app_context, session, desk
):
    from PySide6.QtTest import QTest
    from sqlalchemy import select

    from models.services.accounts import create_user
    from models.store.db import session_factory
    from models.store.orm import AuditEntry, Role, Site

    page = SettingsPage(app_context, "sqlite:///demo.sqlite3")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.site_name is not None and page.site_address is not None
    page.site_name.setFocus()
    page.site_name.selectAll()
    page.site_name.insert("  第二 集中隔离点 ")  # typed through the input method
    QTest.keyClick(page.site_name, Qt.Key.Key_Tab)  # leaving the field saves it
    page.site_address.insert("滨江路 8 号")
    QTest.keyClick(page.site_address, Qt.Key.Key_Return)
    with session_factory(engine)() as s:
        stored = s.scalar(select(Site))
        assert (stored.name, stored.address) == ("第二 集中隔离点", "滨江路 8 号")
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "site.update")))
        assert [e.after.get("name") for e in entries][:1] == ["第二 集中隔离点"]
    assert page.site_name.text() == "第二 集中隔离点" and "已保存" in page.message.text()
    page.site_name.clear()
    QTest.keyClick(page.site_name, Qt.Key.Key_Return)
    assert "请填写隔离点名称" in page.message.text()
    with session_factory(engine)() as s:
        assert s.scalar(select(Site.name)) == "第二 集中隔离点"  # nothing half-saved
    viewer = create_user(session, desk, "v1", "pass word 1", Role.VIEWER)
    other = SettingsPage(make_app_context(viewer), "sqlite:///demo.sqlite3")
    qtbot.addWidget(other)
    assert other.site_name is None  # only an admin sees the fields
