"""Settings: language and theme are remembered and used at the next start."""

import pytest
from PySide6.QtCore import QSettings

from views import application
from views.application import APP, ORG, make_app, ui_language
from views.settings_page import SettingsPage


@pytest.fixture
def settings_page(qapp, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    QSettings(ORG, APP).clear()
    page = SettingsPage("sqlite:///demo.sqlite3")
    qtbot.addWidget(page)
    return page


def test_language_choice_is_remembered(settings_page):
    assert not settings_page.restart_button.isEnabled()
    settings_page.language.setCurrentIndex(settings_page.language.findData("en"))
    assert ui_language() == "en"
    settings_page.language.setCurrentIndex(settings_page.language.findData("zh_CN"))
    assert ui_language() == "zh_CN"
    assert settings_page.restart_button.isEnabled()


def test_dark_theme_is_remembered_and_applied_at_start(settings_page, qapp, monkeypatch):
    settings_page.dark.setChecked(True)
    assert QSettings(ORG, APP).value("ui/dark", False, type=bool) is True
    applied = []
    monkeypatch.setattr(application, "apply_theme", lambda app, family, dark=False: applied.append(dark))
    monkeypatch.setattr(application, "_started", [])  # as in a new process
    make_app(theme=True)
    assert applied == [True]
    settings_page.dark.setChecked(False)
    monkeypatch.setattr(application, "_started", [])
    make_app(theme=True)
    assert applied == [True, False]
