"""Help › About: what a site admin or a support call needs — the version, the licence, the database and the
log in use, and the third-party parts IsoDesk carries with their licences (the fonts' licence files exist)."""

from __future__ import annotations

from pathlib import Path

from views.about import FONT_LICENSES, LIBRARIES, AboutBox
from views.application import install_translators


def test_about_names_version_licence_database_and_log(qapp, qtbot, tmp_path, clock):
    from resources import app_version

    install_translators(qapp, "en")
    log = tmp_path / "isodesk.log"
    box = AboutBox(log_path=log, database="/home/desk/isodesk.sqlite3")
    qtbot.addWidget(box)
    text = box.text()
    assert f"Version {app_version()}" in text
    assert "GPL-3.0-or-later" in text
    assert "Database: /home/desk/isodesk.sqlite3" in text
    assert str(log) in box.informativeText()
    assert not box.iconPixmap().isNull()  # the app's icon, not a generic one


def test_about_lists_the_third_party_parts_and_the_font_licences_it_ships(qapp, qtbot, clock):
    install_translators(qapp, "zh_CN")
    try:
        box = AboutBox(log_path=Path("x.log"))
        qtbot.addWidget(box)
        details = box.detailedText()
        assert details.startswith("所含第三方组件及其许可证")
        assert "许可证：GNU 通用公共许可证" in box.text()
        for path in FONT_LICENSES:
            assert path.is_file() and str(path) in details
        for name, licence in LIBRARIES:
            assert f"{name}: {licence}" in details
    finally:
        install_translators(qapp, "en")
