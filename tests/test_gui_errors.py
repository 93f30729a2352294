"""Errors a desk can see: the unexpected-error dialog, an unreachable database (at start and during the
session), the About box, an orderly exit."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import OperationalError

from models import logs, permissions
from models.demo.builder import build_demo
from models.services import audit
from models.store.db import make_engine, session_factory
from tests.conftest import TZ
from views.application import install_translators
from views.error_dialog import ErrorDialog, install_excepthook

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)
CLOSED_PORT = "postgresql://isodesk@127.0.0.1:1/isodesk"  # nothing listens on port 1: refused at once
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def log_path(log_folder):
    return logs.setup_logging()  # in the test's log folder (tests/conftest.py)


@pytest.fixture
def reporter(qapp, log_path, monkeypatch):
    install_translators(qapp, "zh_CN")
    # no event loop runs in a test, where the reporter would wait with exec(): show it instead
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: self.show() or 0)
    hook = install_excepthook(qapp, log_path, "zh_CN")
    yield hook
    hook.uninstall()
    install_translators(qapp, "en")


def logged(path: Path) -> str:
    for handler in logs.log.handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def failing_service():
    """A @transactional service that fails inside its transaction (kept out of the registry of services)."""

    def explode(session, actor):
        raise RuntimeError("printer on fire")

    service = audit.transactional("print")(explode)
    audit.REGISTERED.remove(name := f"{explode.__module__}.{explode.__qualname__}")
    del permissions.SERVICES[name]
    return service


def test_an_error_in_a_service_says_nothing_was_saved_and_copies_its_traceback(qtbot, reporter, log_path, session):
    assert sys.excepthook == reporter.excepthook and threading.excepthook == reporter.thread_excepthook
    try:
        failing_service()(session, None)
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "IsoDesk — 意外错误"
    assert "printer on fire" in dialog.what.text()
    assert dialog.saved.text().startswith("没有保存任何内容")  # the service's transaction was rolled back
    assert str(log_path) in dialog.log_label.text()
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "Traceback" in copied and "printer on fire" in copied and "explode" in copied
    assert "printer on fire" in logged(log_path) and "Traceback" in logged(log_path)


def test_after_services_committed_in_the_same_action_the_dialog_does_not_claim_nothing_was_saved(
    qtbot, reporter, session
):
    """A view that ran one service per selected row, and the third failed: the first two are saved."""

    def mark(session, actor):
        pass

    saved = audit.transactional("print")(mark)
    audit.REGISTERED.remove(name := f"{mark.__module__}.{mark.__qualname__}")
    del permissions.SERVICES[name]
    saved(session, None)
    saved(session, None)  # two rows saved, each in its own transaction, in the action's one session
    try:
        failing_service()(session, None)
    except RuntimeError as exc:
        assert audit.rolled_back(exc) == audit.RolledBack(
            "tests.test_gui_errors.failing_service.<locals>.explode", earlier_commits=2
        )
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    assert "确认上一步操作是否已保存" in reporter.dialog.saved.text()


def test_a_commit_that_failed_does_not_claim_nothing_was_saved(qtbot, reporter, session, monkeypatch):
    """The connection went while committing: the server may have committed or not."""

    def lost() -> None:
        raise OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"))

    def write(session, actor):
        pass

    service = audit.transactional("print")(write)
    audit.REGISTERED.remove(name := f"{write.__module__}.{write.__qualname__}")
    del permissions.SERVICES[name]
    monkeypatch.setattr(session, "commit", lost)
    try:
        service(session, None)
    except OperationalError as exc:
        mark = audit.rolled_back(exc)
        assert mark is not None and mark.in_commit and not mark.nothing_saved
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    assert "确认上一步操作是否已保存" in reporter.dialog.saved.text()


def test_an_error_outside_a_service_does_not_claim_nothing_was_saved(qtbot, reporter):
    try:
        {}["tile"]
    except KeyError as exc:
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    assert "确认上一步操作是否已保存" in reporter.dialog.saved.text()


def test_a_second_error_joins_the_open_dialog(qtbot, reporter, log_path):
    for n in range(3):
        try:
            raise ValueError(f"error {n}")
        except ValueError as exc:
            reporter.excepthook(type(exc), exc, exc.__traceback__)
    dialog = reporter.dialog
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()] == [dialog]
    assert "2" in dialog.more.text() and "error 2" in dialog.details_text
    assert logged(log_path).count("unexpected error") == 3


def test_an_error_in_a_slot_reaches_the_dialog_and_never_stderr(qtbot, qapp, log_path, monkeypatch):
    install_translators(qapp, "en")
    monkeypatch.setattr(sys, "stderr", None)  # pythonw / the windowed build
    hook = install_excepthook(qapp, log_path, "en")
    try:

        def slot():
            raise ZeroDivisionError("counts")

        loop = QEventLoop()
        QTimer.singleShot(0, slot)  # an error in a slot, inside a running event loop
        QTimer.singleShot(0, loop.quit)
        loop.exec()
        dialog = hook.dialog
        assert dialog is not None and dialog.isVisible()  # shown with show(): the event loop keeps running
        assert dialog.windowTitle() == "IsoDesk — unexpected error" and "counts" in dialog.what.text()
    finally:
        hook.uninstall()
    assert "ZeroDivisionError" in logged(log_path)


def test_an_error_in_a_worker_thread_is_shown_on_the_gui_thread(qtbot, reporter, log_path):
    def work():
        raise OSError("share gone")

    worker = threading.Thread(target=work, name="export")
    worker.start()
    worker.join()
    QCoreApplication.processEvents()  # the queued report
    assert reporter.dialog is not None
    assert "share gone" in reporter.dialog.what.text()
    assert "in thread export" in logged(log_path)


def test_a_lost_database_is_named_as_such(qtbot, reporter):
    engine = make_engine(CLOSED_PORT)
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        engine.dispose()
    assert reporter.dialog.headline.text().startswith("数据库没有响应")


# --- the database at start ------------------------------------------------------------------------------


def test_an_unreachable_database_at_start_offers_retry_settings_and_quit(qtbot, qapp, app_settings, tmp_path):
    from views.db_status import RETRY, open_database_or_ask

    install_translators(qapp, "en")
    seen = []
    other = tmp_path / "desk.sqlite3"

    def answer(dialog):
        seen.append(dialog)
        assert dialog.windowTitle() == "IsoDesk — database unreachable"
        assert "127.0.0.1:1" in dialog.database.text() and "Reason:" in dialog.problem.text()
        assert [b.text() for b in (dialog.retry_button, dialog.settings_button, dialog.quit_button)] == [
            "Retry",
            "Open database settings",
            "Quit",
        ]
        assert dialog.panel.isHidden()
        dialog.settings_button.click()
        assert not dialog.panel.isHidden()
        dialog.panel.url.setText(str(other))  # another database, tried in the settings panel
        assert dialog.panel.save_button.text() == "Try this database"
        dialog.panel.save_button.click()
        return RETRY

    engine = open_database_or_ask(CLOSED_PORT, app_settings, "en", ask=answer)
    try:
        assert len(seen) == 1 and engine is not None
        assert engine.url.database == str(other)
        # before the login nobody's role can be checked: that database is used this once, never saved
        assert not app_settings.value("db/url")
    finally:
        engine.dispose()


def test_quit_when_the_database_stays_unreachable(qtbot, qapp, app_settings):
    from views.db_status import QUIT, RETRY, open_database_or_ask

    install_translators(qapp, "zh_CN")
    answers = [RETRY, QUIT]
    problems = []

    def answer(dialog):
        problems.append(dialog.problem.text())
        return answers.pop(0)

    assert open_database_or_ask("postgresql://desk:pw@127.0.0.1:notaport/x", app_settings, "zh_CN", ask=answer) is None
    assert len(problems) == 2 and problems[0].startswith("原因：数据库地址格式不正确")
    install_translators(qapp, "en")


# --- the database during the session ---------------------------------------------------------------------


@pytest.fixture
def window(qapp, qtbot, engine, app_context, clock):
    from views.main_window import MainWindow

    clock.set(NOW)
    build_demo(engine, rooms=20, days=3, seed=2, now=NOW)
    w = MainWindow(app_context)
    qtbot.addWidget(w)
    w.show()
    return w


def toolbar_actions(window):
    from PySide6.QtWidgets import QToolBar

    return [a for bar in window.findChildren(QToolBar) for a in bar.actions()]


def test_a_lost_database_shows_a_banner_and_disables_writing_until_it_answers(window, monkeypatch):
    before = [a.isEnabled() for a in toolbar_actions(window)]
    assert any(before)
    real_sessions = window.sessions
    window.sessions = session_factory(make_engine(CLOSED_PORT))  # the server went away
    window.timer.timeout.emit()
    watch = window.connection
    assert watch.lost and not watch.banner.isHidden()
    assert "Database unreachable" in watch.label.text() or "无法连接数据库" in watch.label.text()
    assert not any(a.isEnabled() for a in toolbar_actions(window)) and not watch.content.isEnabled()
    assert window.statusBar().currentMessage()

    reloads = []
    monkeypatch.setattr(window, "reload", lambda: reloads.append(1), raising=True)
    watch._reload = window.reload
    window.timer.timeout.emit()  # still gone: nothing changes, no reload
    assert watch.lost and reloads == []

    window.sessions = real_sessions  # it answers again
    window.timer.timeout.emit()
    assert not watch.lost and watch.banner.isHidden() and reloads == [1]
    assert [a.isEnabled() for a in toolbar_actions(window)] == before and watch.content.isEnabled()


def test_a_poll_that_raises_operational_error_is_caught(window, monkeypatch):
    def down(_job):  # the poll's read, given its job
        raise OperationalError("select max(id)", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(window.connection, "_poll", down)
    assert window.connection.poll() is False
    assert "server closed the connection unexpectedly" in window.connection.label.text()


def test_the_poll_runs_off_the_gui_thread_one_at_a_time(qtbot, engine, app_context, clock, monkeypatch):
    """A poll that hangs (a server gone: the connect timeout) leaves the GUI thread free; a tick meanwhile
    is skipped; its answer (changed, unreachable) comes back on the GUI thread."""
    from models.services.observations import record_reading
    from models.store.orm import Slot, Stay
    from views.context import AppContext
    from views.main_window import MainWindow
    from views.tasks import DONE, TaskRunner

    wait_s = 30
    clock.set(NOW)
    build_demo(engine, rooms=20, days=3, seed=2, now=NOW)
    runner = TaskRunner()  # the real thread pool
    c = app_context
    ctx = AppContext(
        sessions=c.sessions, engine=c.engine, user=c.user, settings=c.settings, clock=c.clock,
        language=c.language, tasks=runner,
    )  # fmt: skip
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.timer.stop()  # the test ticks
    window.show()
    watch = window.connection
    started, release = threading.Event(), threading.Event()
    read_in: list[object] = []
    real_read = watch._poll

    def hanging_read(job):
        read_in.append(threading.current_thread())
        started.set()
        assert release.wait(wait_s)
        return real_read(job)

    monkeypatch.setattr(watch, "_poll", hanging_read)
    real_reload = window.reload
    reloaded_in: list[object] = []
    monkeypatch.setattr(window, "reload", lambda: reloaded_in.append(threading.current_thread()) or real_reload())
    watch._reload = window.reload
    try:
        window.timer.timeout.emit()
        assert started.wait(wait_s)
        task = watch.task
        assert task.running and read_in == [read_in[0]] and read_in[0] is not threading.main_thread()
        ticks: list[int] = []
        ticker = QTimer(window)
        ticker.setInterval(5)
        ticker.timeout.connect(lambda: ticks.append(1))
        ticker.start()
        qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=wait_s * 1000)  # the GUI thread is free meanwhile
        ticker.stop()
        assert window.connection.poll() is None  # the next tick while one poll runs: skipped
        window.timer.timeout.emit()
        assert watch.task is task and len(read_in) == 1
        with session_factory(engine)() as s:  # another desk writes meanwhile
            stay = s.query(Stay).filter(Stay.departed_at.is_(None)).first()
            record_reading(s, None, stay.id, window.model.today, Slot.EVENING, temperature="38.6")
        release.set()
        qtbot.waitUntil(lambda: task.done, timeout=wait_s * 1000)
        assert task.state == DONE and watch.answer is True and not watch.lost
        assert reloaded_in == [threading.main_thread()]  # changed: reloaded, on the GUI thread

        def gone(job):  # the server went away: the poll's error, shown on the GUI thread
            raise OperationalError("select max(id)", {}, Exception("connection refused"))

        monkeypatch.setattr(watch, "_poll", gone)
        window.timer.timeout.emit()
        qtbot.waitUntil(lambda: watch.task.done, timeout=wait_s * 1000)
        assert watch.lost and not watch.banner.isHidden() and "connection refused" in watch.label.text()
        assert not any(a.isEnabled() for a in toolbar_actions(window))
        monkeypatch.setattr(watch, "_poll", real_read)  # it answers again, unchanged
        window.timer.timeout.emit()
        qtbot.waitUntil(lambda: watch.task.done, timeout=wait_s * 1000)
        assert not watch.lost and watch.banner.isHidden() and len(reloaded_in) == 2  # back: reloaded once
        window.timer.timeout.emit()
        qtbot.waitUntil(lambda: watch.task.done, timeout=wait_s * 1000)
        assert watch.answer is True and len(reloaded_in) == 2  # unchanged: no reload
    finally:
        release.set()
        assert runner.wait(wait_s * 1000)


# --- About, exit ------------------------------------------------------------------------------------------


def test_the_about_box_names_the_version_and_the_log_file(window, log_path):
    from views.about import version

    assert window.help_menu.about_action in window.help_menu.menu.actions()
    box = window.help_menu.show_about()
    assert box.isVisible()
    text = box.text() + "\n" + box.informativeText()
    assert version() in text and str(log_path) in text
    box.close()


def test_without_a_log_file_the_dialog_and_the_about_box_say_so(qtbot, qapp, monkeypatch):
    import logging.handlers

    from views.about import AboutBox

    def unwritable(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(logging.handlers, "RotatingFileHandler", unwritable)  # neither the folder nor the temp one
    logs.teardown_logging()
    assert logs.setup_logging() is None and logs.log_file() is None  # no path for a file that does not exist
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: self.show() or 0)
    for language, said in (("en", "No log file could be written."), ("zh_CN", "无法写入日志文件。")):
        install_translators(qapp, language)
        hook = install_excepthook(qapp, logs.log_file(), language)
        try:
            try:
                raise ValueError("disk gone")
            except ValueError as exc:
                hook.excepthook(type(exc), exc, exc.__traceback__)
            assert hook.dialog.log_label.text() == said
        finally:
            hook.uninstall()
        box = AboutBox()
        qtbot.addWidget(box)
        assert box.log_path is None and box.informativeText() == said
    install_translators(qapp, "en")


def test_exit_closes_and_deletes_the_window_before_python_finalizes(qapp, engine, app_context, clock):
    from views.main_window import MainWindow
    from views.shutdown import shut_down

    clock.set(NOW)
    build_demo(engine, rooms=10, days=2, seed=4, now=NOW)
    w = MainWindow(app_context)
    w.show()
    timers = [w.timer, w.backup_timer]
    shut_down(window=w, runners=[app_context.tasks])
    assert not shiboken6.isValid(w)  # deleted now, not by PySide's atexit cleanup
    assert all(not shiboken6.isValid(t) for t in timers)


def test_void_qt_calls_no_longer_take_none_away(tmp_path):
    """PySide6 6.12 on CPython 3.11 drops a reference to None in every void call; enough of them and the
    process aborts with "none_dealloc" at exit. Importing views guards against it (views/qt_compat.py)."""
    script = (
        "import views\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class O(QObject):\n"
        "    ping = Signal()\n"
        "o = O()\n"
        "for _ in range(20000):\n"
        "    o.setObjectName('x')\n"
        "    o.ping.emit()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0 and "none_dealloc" not in out.stderr, out.stderr


def test_run_gui_quits_cleanly_when_the_database_cannot_be_reached(qapp, log_folder, app_settings, monkeypatch):
    from views import application
    from views.application import run_gui
    from views.db_status import QUIT, DatabaseUnreachableDialog

    def users_settings(*args):
        raise AssertionError("a test read the developer's own settings")

    monkeypatch.setattr(application, "QSettings", users_settings)
    asked = []
    monkeypatch.setattr(DatabaseUnreachableDialog, "exec", lambda self: asked.append(self.database.text()) or QUIT)
    hooks = (sys.excepthook, threading.excepthook)
    app_settings.setValue("db/url", CLOSED_PORT)  # the database saved in the settings given
    assert run_gui(None, settings=app_settings) == 1
    assert len(asked) == 1 and "127.0.0.1:1" in asked[0]
    assert (sys.excepthook, threading.excepthook) == hooks  # the error hooks are gone with the app
    text = (log_folder / "isodesk.log").read_text(encoding="utf-8")
    assert "starts (GUI" in text and "cannot open the database" in text and "IsoDesk exits" in text
