"""First run: the wizard creates the site the desk describes, or hands over to the demo."""

import pytest
from sqlalchemy import func, select

from models.store.db import session_factory
from models.store.orm import Building, Room, RoomType, Site
from views.site_wizard import SiteWizard, plan_floors


def test_plan_floors_numbering_and_types():
    specs = plan_floors(["A", "B"], 3, 1, 10, doubles=2, accessible=1)
    rooms = [(s.building, n, s.room_type, s.beds) for s in specs for n in s.rooms]
    assert len(rooms) == 2 * 3 * 10
    floor2 = [r for r in rooms if r[0] == "A" and r[1].startswith("2")]
    assert [r[1] for r in floor2] == [f"2{i:02d}" for i in range(1, 11)]
    assert {r[1]: r[2] for r in floor2}["201"] is RoomType.ACCESSIBLE
    assert {r[1]: (r[2], r[3]) for r in floor2}["210"] == (RoomType.DOUBLE, 2)


@pytest.fixture
def wizard(qtbot, app_context):
    w = SiteWizard(app_context)  # after the login (the desk admin), before there is a site
    qtbot.addWidget(w)
    return w


def test_wizard_creates_the_site(wizard, engine):
    wizard.name.setText("东湖隔离点")
    wizard.buildings.setText("1号楼，2号楼")
    wizard.floors.setValue(4)
    wizard.last.setValue(20)
    wizard.threshold.setValue(37.5)
    assert "160" in wizard.preview.text()
    assert wizard.create()
    with session_factory(engine)() as s:
        site = s.scalars(select(Site)).one()
        assert (site.name, site.fever_threshold) == ("东湖隔离点", 37.5)
        assert s.scalar(select(func.count()).select_from(Room)) == 160
        assert sorted(s.scalars(select(Building.name))) == ["1号楼", "2号楼"]


def test_wizard_refuses_missing_name(wizard, engine):
    wizard.name.setText(" ")
    assert not wizard.create()
    assert wizard.error.text()
    with session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Site)) == 0


def test_a_failing_demo_build_in_the_wizard_reaches_the_error_dialog_and_the_log(
    qtbot, qapp, tmp_path, app_settings, log_folder, monkeypatch, capsys
):
    """The desktop app as it starts (run_gui): first admin, then the wizard builds the demo in the
    background, and the build fails unexpectedly: logged and shown, not printed."""
    from PySide6.QtWidgets import QApplication

    from views import site_wizard
    from views.application import run_gui
    from views.error_dialog import ErrorDialog
    from views.login_dialog import LoginDialog

    def broken(engine, **kwargs):
        raise RuntimeError("demo generator broke")

    def log_in(self):
        self.username.setText("admin")
        self.password.setText("wizard-pass-1")
        self.repeat.setText("wizard-pass-1")
        self.confirm()  # the first admin of the new database
        return self.result()

    shown: list[tuple[str, str]] = []

    def choose_the_demo(self):
        self.demo_choice.setChecked(True)
        assert not self.validateCurrentPage()  # the build runs in the background
        task = self._demo
        qtbot.waitUntil(lambda: task.done, timeout=30_000)
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ErrorDialog) and w.isVisible():
                shown.append((w.what.text(), w.log_label.text()))
        return 0  # the desk gives up: the app quits

    monkeypatch.setattr(site_wizard, "build_demo", broken)
    monkeypatch.setattr(LoginDialog, "exec", log_in)
    monkeypatch.setattr(site_wizard.SiteWizard, "exec", choose_the_demo)
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: self.show() or 0)  # (no event loop of its own here)
    app_settings.setValue("ui/language", "en")
    assert run_gui(str(tmp_path / "new.sqlite3"), settings=app_settings) == 1
    log = (log_folder / "isodesk.log").read_text(encoding="utf-8")
    assert "unexpected error in a background task" in log and "demo generator broke" in log
    assert len(shown) == 1 and "demo generator broke" in shown[0][0] and str(log_folder) in shown[0][1]
    assert "demo generator broke" not in capsys.readouterr().err
