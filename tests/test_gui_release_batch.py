"""Release the ready ones from the today screen (views/release_batch_dialog.py), by keyboard, as a desk would:
Ctrl+R, Space to untick someone, Enter, Enter, then their release notices in one print job."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

import views.main_window as main_window_module
from models.store.db import session_factory
from models.store.orm import AuditEntry, DepartureKind, Role, Stay, SwabResult, User
from tests.helpers import free_rooms
from tests.test_stays import arrive, open_fever, set_swab
from views.application import make_app
from views.main_window import MainWindow
from views.release_batch_dialog import ReleaseBatchDialog


def due_people(session, desk, make_arrival, n=4):
    """``n`` people due today: all ready but the last, whose last swab is still pending."""
    stays = [arrive(session, desk, make_arrival, r.id) for r in free_rooms(session, n)]
    for s in stays:
        set_swab(session, s.id, 7, SwabResult.NEGATIVE if s is not stays[-1] else None)
    return [s.id for s in stays]


def today_window(qtbot, ctx):
    make_app(theme=False, settings=ctx.settings)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.show_page("today")
    return w


def open_dialog(window) -> ReleaseBatchDialog:
    page = window.today_page
    page.lists["releases_today"].setFocus()
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in page.findChildren(ReleaseBatchDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def key(dialog, k):
    QTest.keyClick(dialog.focusWidget() or dialog, k)


def test_release_the_ready_ones_and_print_their_notices_in_one_job(
    qtbot, engine, session, site, desk, make_arrival, app_context, monkeypatch
):
    ids = due_people(session, desk, make_arrival)
    shown = []
    monkeypatch.setattr(main_window_module, "show_pdf", lambda parent, pdf, title: shown.append((pdf, title)))
    window = today_window(qtbot, app_context)
    d = open_dialog(window)
    assert d.windowTitle() == "批量解除隔离"
    ticks = [d.table.item(i, 0) for i in range(d.table.rowCount())]
    assert [t.data(Qt.ItemDataRole.UserRole) for t in ticks] == ids
    assert [t.checkState() == Qt.CheckState.Checked for t in ticks] == [True, True, True, False]
    assert not ticks[3].flags() & Qt.ItemFlag.ItemIsEnabled  # not ready: not offered, and why
    assert "待出结果" in d.table.item(3, 3).text()
    # the desk leaves the second person for later: Down, Space
    d.table.setFocus()
    assert d.table.currentRow() == 0
    key(d, Qt.Key.Key_Down)
    key(d, Qt.Key.Key_Space)
    assert [t.checkState() == Qt.CheckState.Checked for t in ticks] == [True, False, True, False]
    key(d, Qt.Key.Key_Return)
    assert d.step() == d.CONFIRM and d.confirm_title.text() == "解除隔离 2 人？"
    key(d, Qt.Key.Key_Escape)  # back to the list, as it was
    assert d.step() == d.LIST and len(d.ticked()) == 2
    key(d, Qt.Key.Key_Return)
    key(d, Qt.Key.Key_Return)  # 解除隔离 2 人？ — yes
    assert d.step() == d.SUMMARY and d.done_title.text() == "已解除隔离 2 人"
    with session_factory(engine)() as s:
        kinds = [s.get(Stay, i).departure_kind for i in ids]
    assert kinds == [DepartureKind.RELEASED, None, DepartureKind.RELEASED, None]
    assert d.print_button.isDefault()
    key(d, Qt.Key.Key_Return)  # their notices: one print job
    assert len(shown) == 1 and shown[0][0].startswith(b"%PDF")
    with session_factory(engine)() as s:
        printed = s.scalars(select(AuditEntry.note).where(AuditEntry.action == "document.print")).all()
    assert printed == [f"form=release-notices stay={ids[0]}", f"form=release-notices stay={ids[2]}"]
    key(d, Qt.Key.Key_Escape)
    assert not d.isVisible()
    today = window.today_page.data
    assert [r.stay_id for r in today.releases_today] == [ids[1], ids[3]]  # the screen read again


def test_someone_no_longer_ready_stops_the_batch_and_the_list_says_why(
    qtbot, engine, session, site, desk, make_arrival, app_context
):
    ids = due_people(session, desk, make_arrival, n=3)
    window = today_window(qtbot, app_context)
    d = open_dialog(window)
    key(d, Qt.Key.Key_Return)
    assert d.step() == d.CONFIRM
    open_fever(session, ids[1])  # meanwhile, at the medical desk
    key(d, Qt.Key.Key_Return)
    assert d.step() == d.LIST
    assert "本次未解除任何人" in d.error.text()
    with session_factory(engine)() as s:
        assert all(s.get(Stay, i).departed_at is None for i in ids)
    assert d.table.item(1, 0).checkState() == Qt.CheckState.Unchecked  # read again: now not ready, and why
    assert "发热" in d.table.item(1, 3).text()
    d.reject()


def test_a_role_that_may_not_release_is_told_why(qtbot, session, site, desk, make_arrival, make_app_context):
    due_people(session, desk, make_arrival, n=1)
    doctor = User(username="doc", display_name="医生", role=Role.MEDICAL)
    session.add(doctor)
    session.commit()
    window = today_window(qtbot, make_app_context(doctor))
    page = window.today_page
    assert not page.release_batch_button.isEnabled() and "无权" in page.release_batch_button.toolTip()
    assert page.release_batch() is None
