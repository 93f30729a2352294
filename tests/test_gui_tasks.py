"""Background tasks (views/tasks.py): the GUI keeps running while a job works; results, errors and
cancel come back on the GUI thread. These tests use the real thread pool unless they say otherwise."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from models.errors import DomainError
from views.tasks import CANCELLED, DONE, FAILED, Job, TaskRunner

WAIT = 30_000  # ms: generous, the runs must not depend on the machine's speed


@pytest.fixture
def runner(qapp):
    r = TaskRunner(show_after_ms=0)
    yield r
    r.cancel_all()
    assert r.wait(WAIT)


class Gate:
    """A job that tells when it started and waits until the test lets it go."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.thread: object = None

    def job(self, job: Job) -> str:
        self.thread = QThread.currentThread()
        self.started.set()
        while not self.release.wait(0.01):
            job.check()  # a cancel point
        return "built"


def test_event_loop_runs_while_a_job_works_and_the_result_comes_back_on_the_gui_thread(qapp, qtbot, runner):
    gate = Gate()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    clicks: list[bool] = []
    button = QPushButton("press")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: clicks.append(True))
    button.show()
    delivered: list[tuple[object, object]] = []

    task = runner.run(gate.job, on_done=lambda r: delivered.append((r, QThread.currentThread())))
    assert gate.started.wait(WAIT / 1000)
    assert task.running
    seen = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= seen + 5, timeout=WAIT)  # the GUI thread's timer keeps firing
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [True] and task.running and not delivered  # a click is handled; the job still works
    gate.release.set()
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    timer.stop()
    assert task.state == DONE and task.result == "built"
    assert delivered == [("built", qapp.thread())]  # on the GUI thread
    assert gate.thread is not qapp.thread() and gate.thread != qapp.thread()  # the job ran in a worker


def test_a_job_gets_its_own_session_in_its_own_thread(qtbot, runner, engine, site):
    from sqlalchemy import func, select

    from models.store.db import session_factory
    from models.store.orm import Room

    seen: dict[str, object] = {}

    def count(job: Job) -> int:
        seen["thread"] = threading.get_ident()
        seen["session"] = job.session
        return job.session.scalar(select(func.count()).select_from(Room)) or 0

    task = runner.run(count, sessions=session_factory(engine))
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    assert task.state == DONE and task.result == 44
    assert seen["thread"] != threading.get_ident()
    assert not seen["session"].in_transaction()  # closed after the job  # type: ignore[attr-defined]


def test_progress_reaches_the_gui_and_cancel_stops_the_job(qapp, qtbot, runner):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    at_three = threading.Event()
    steps: list[tuple[int, int]] = []
    outcome: list[str] = []

    def long_job(job: Job) -> int:
        for i in range(1_000_000):
            job.progress(i, 1_000_000, f"step {i}")  # throttled to ~20 a second; raises Cancelled once cancelled
            if i == 3:
                at_three.set()
            threading.Event().wait(0.002)
        return -1

    task = runner.run(
        long_job,
        label="Printing",
        parent=parent,
        cancellable=True,
        on_done=lambda r: outcome.append("done"),
        on_cancelled=lambda: outcome.append("cancelled"),
        on_finished=lambda: outcome.append("finished"),
        on_progress=lambda d, t, _x: steps.append((d, t)),
    )
    assert at_three.wait(WAIT / 1000)
    qtbot.waitUntil(lambda: len(steps) >= 3, timeout=WAIT)
    assert steps[0][1] == 1_000_000
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=WAIT)
    assert not task.dialog.isModal()  # shown with show(): nothing waits in exec()
    assert "step" in task.dialog.labelText()
    cancel = task.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.isVisible()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    assert task.state == CANCELLED and outcome == ["cancelled", "finished"]
    assert task.dialog is None  # closed


def test_errors_come_back_domain_errors_in_the_label_others_to_the_error_handler(qapp, qtbot):
    handled: list[BaseException] = []
    runner = TaskRunner(error_handler=handled.append)
    label = QLabel()
    qtbot.addWidget(label)
    threads: list[object] = []

    def refuse(job: Job) -> None:
        raise DomainError("stay_required")

    def crash(job: Job) -> None:
        raise ZeroDivisionError("boom")

    def show(exc: BaseException) -> None:
        threads.append(QThread.currentThread())
        runner.error_to(label, "zh_CN", "Failed: {0}")(exc)

    first = runner.run(refuse, on_error=show)
    qtbot.waitUntil(lambda: first.done, timeout=WAIT)
    assert first.state == FAILED and isinstance(first.error, DomainError)
    assert label.text() == "Failed: " + DomainError("stay_required").message("zh_CN")
    assert threads == [qapp.thread()] and not handled
    second = runner.run(crash, on_error=show)
    qtbot.waitUntil(lambda: second.done, timeout=WAIT)
    assert second.state == FAILED and [type(e) for e in handled] == [ZeroDivisionError]
    third = runner.run(crash)  # no on_error: straight to the handler
    qtbot.waitUntil(lambda: third.done, timeout=WAIT)
    assert len(handled) == 2
    assert runner.wait(WAIT)


def test_without_an_error_handler_an_unexpected_error_goes_to_the_excepthook_and_the_label(
    qtbot, runner, capsys, monkeypatch
):
    import sys

    label = QLabel()
    qtbot.addWidget(label)
    hooked: list[tuple[type[BaseException], BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: hooked.append((t, e)))  # the app's error reporter

    def crash(job: Job) -> None:
        raise KeyError("missing")

    task = runner.run(crash, on_error=runner.error_to(label))
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    assert "KeyError" in label.text()
    assert [(t, str(e)) for t, e in hooked] == [(KeyError, "'missing'")]  # the traceback is not lost...
    assert "KeyError" not in capsys.readouterr().err  # ...nor printed (a windowed build has no stderr)


def test_synchronous_mode_runs_inline(qapp, qtbot):
    runner = TaskRunner(synchronous=True)
    got: list[object] = []
    progress: list[int] = []

    def job(job: Job) -> object:
        job.progress(1, 2)
        return QThread.currentThread()

    task = runner.run(job, on_done=got.append, on_progress=lambda d, _t, _x: progress.append(d))
    assert task.done and task.result == qapp.thread() and got == [qapp.thread()] and progress == [1]
    failed = runner.run(lambda job: 1 / 0, on_error=got.append)
    assert failed.state == FAILED and isinstance(got[-1], ZeroDivisionError)


def test_a_write_cannot_be_cancelled_and_a_deleted_page_gets_no_callback(qtbot, runner):
    gate = Gate()
    page = QLabel()
    called: list[object] = []
    task = runner.run(gate.job, parent=page, on_done=called.append, on_finished=lambda: called.append("end"))
    assert not task.cancel()  # not cancellable: it runs to its end
    assert gate.started.wait(WAIT / 1000)
    page.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(page), timeout=WAIT)
    gate.release.set()
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    assert task.state == DONE and called == []


def test_a_task_that_cannot_be_cancelled_keeps_its_dialog_through_esc_and_close(qtbot, runner):
    """Without Cancel the dialog cannot be dismissed either (Esc, the close button): a window-modal one
    keeps its window blocked while the write runs; a cancellable one still cancels that way."""
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QApplication

    page = QWidget()
    qtbot.addWidget(page)
    page.show()
    gate = Gate()
    task = runner.run(gate.job, label="Restoring", parent=page, modal=True)
    assert gate.started.wait(WAIT / 1000)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=WAIT)
    dialog = task.dialog
    assert dialog.findChild(QPushButton) is None  # no Cancel button
    dialog.reject()
    close = QCloseEvent()
    QApplication.sendEvent(dialog, close)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and not close.isAccepted() and not dialog.wasCanceled()
    assert task.running and not task.job.cancelled and QApplication.activeModalWidget() in (dialog, None)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    gate.release.set()
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    assert task.state == DONE and task.result == "built" and task.dialog is None

    def dismissed(how: str) -> str:
        gate = Gate()
        task = runner.run(gate.job, label="Printing", parent=page, cancellable=True)
        assert gate.started.wait(WAIT / 1000)
        qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=WAIT)
        if how == "escape":
            qtbot.keyClick(task.dialog, Qt.Key.Key_Escape)
        else:
            QApplication.sendEvent(task.dialog, QCloseEvent())
        qtbot.waitUntil(lambda: task.done, timeout=WAIT)  # stopped at its next cancel point, gate still shut
        gate.release.set()
        return task.state

    assert dismissed("escape") == CANCELLED and dismissed("close") == CANCELLED


def test_a_job_without_progress_shows_its_dialog_after_show_after_ms(qtbot):
    """Qt starts a progress dialog's show timer with its minimum duration only on a value: a job that
    reports nothing (a backup, the restore) waited Qt's 4 s, its window not yet blocked meanwhile."""
    runner = TaskRunner(show_after_ms=250)
    page = QWidget()
    qtbot.addWidget(page)
    gate = Gate()
    task = runner.run(gate.job, label="Backing up", parent=page)
    try:
        assert task.dialog is not None
        assert [t.interval() for t in task.dialog.findChildren(QTimer) if t.isActive()] == [250]
    finally:
        gate.release.set()
        qtbot.waitUntil(lambda: task.done, timeout=WAIT)


# --- the app's own jobs on the real thread pool --------------------------------------------------------


@pytest.fixture
def threaded_window(qtbot, engine, monkeypatch, clock, app_context, runner):
    """The main window on a demo site, its tasks on the real thread pool; previews recorded, not opened."""
    from datetime import datetime

    from models.demo.builder import build_demo
    from tests.conftest import TZ
    from views import main_window as main_window_module
    from views.context import AppContext
    from views.main_window import MainWindow

    now = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)
    clock.set(now)
    build_demo(engine, rooms=40, days=8, seed=5, now=now)
    c = app_context
    ctx = AppContext(
        sessions=c.sessions, engine=c.engine, user=c.user, settings=c.settings, clock=c.clock,
        language=c.language, tasks=runner,
    )  # fmt: skip
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    shown: list[tuple[bytes, str, object]] = []
    monkeypatch.setattr(
        main_window_module,
        "show_pdf",
        lambda parent, pdf, title: shown.append((pdf, title, QThread.currentThread())),
    )
    w.shown = shown
    yield w
    runner.cancel_all()
    assert runner.wait(WAIT)


def gate_render(monkeypatch, module):
    """``module.render`` stops at its first progress report (the PDF half built) until the gate opens."""
    gate = Gate()
    real = module.render

    def render(*args, progress=None, **kwargs):
        assert progress is not None  # the job reports its progress (and so can be cancelled)
        first = []

        def gated(done: int, total: int, text: str) -> None:
            if not first:
                first.append(True)
                gate.thread = QThread.currentThread()
                gate.started.set()
                while not gate.release.wait(0.01):
                    progress(done, total, text)  # raises Cancelled once cancelled
            progress(done, total, text)

        return real(*args, progress=gated, **kwargs)

    monkeypatch.setattr(module, "render", render)
    return gate


def test_every_floors_sheets_build_off_the_gui_thread_while_the_window_keeps_working(
    qapp, qtbot, threaded_window, monkeypatch
):
    import io

    from pypdf import PdfReader

    from views import main_window as main_window_module

    window = threaded_window
    gate = gate_render(monkeypatch, main_window_module)
    ticks: list[int] = []
    timer = QTimer(window)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    clicks: list[bool] = []
    button = QPushButton("other work", window)
    window.statusBar().addWidget(button)
    button.clicked.connect(lambda: clicks.append(True))

    window.rounds_page.print_button.click()  # every floor's sheets: rounds' print button, "all floors"
    task = window.ctx.tasks.active()[-1]  # the print just started (a change poll may be under way too)
    assert gate.started.wait(WAIT / 1000)  # the PDF is being built...
    assert gate.thread != qapp.thread()  # ...in a worker thread
    seen = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= seen + 5, timeout=WAIT)  # meanwhile the GUI thread's timer fires
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=WAIT)
    assert not task.dialog.isModal()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [True]  # and a click on the window is handled
    assert task.running and not window.shown
    gate.release.set()
    qtbot.waitUntil(lambda: bool(window.shown), timeout=WAIT)
    timer.stop()
    pdf, form, thread = window.shown[0]
    assert form == "每日健康观察记录表" and thread == qapp.thread()  # the preview opens on the GUI thread, titled
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(texts) >= window.rounds_page.floor.count() - 1 and "每日健康观察记录表" in texts[0]
    assert task.state == DONE and task.dialog is None


def test_a_print_is_cancelled_from_its_progress_dialog(qtbot, threaded_window, monkeypatch):
    from views import main_window as main_window_module

    window = threaded_window
    gate = gate_render(monkeypatch, main_window_module)
    task = window.print_form("ledger")
    assert gate.started.wait(WAIT / 1000)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=WAIT)
    qtbot.mouseClick(task.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)  # stops at its next progress report, gate still shut
    assert task.state == CANCELLED and not window.shown
    assert window.statusBar().currentMessage() == "已取消打印"
    gate.release.set()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # openpyxl's writer, cut off
def test_a_refused_print_and_a_failed_export_come_back_as_messages(qapp, qtbot, threaded_window, tmp_path):
    import gc

    window = threaded_window
    task = window.print_form("registration")  # a registration form needs a person
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    assert task.state == FAILED and not window.shown
    assert window.statusBar().currentMessage() == DomainError("stay_required").message("zh_CN")
    page = window.reports_page
    window.show_page("reports")
    page.form.setCurrentIndex(page.form.findData("ledger"))
    task = page.export_xlsx(tmp_path / "no such folder" / "ledger.xlsx")
    assert not page.preview_button.isEnabled()  # one document at a time from the page
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    assert task.state == FAILED and isinstance(task.error, OSError)
    gc.collect()  # the half-written workbook goes now, in this test
    assert "no such folder" in page.message.text() and page.preview_button.isEnabled()
    task = page.export_xlsx(tmp_path / "ledger.xlsx")
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    assert task.state == DONE and (tmp_path / "ledger.xlsx").stat().st_size > 1000
    assert str(tmp_path / "ledger.xlsx") in page.message.text()


def test_the_periodic_backup_runs_in_the_background(qtbot, threaded_window, tmp_path, engine):
    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("SQLite file backups; PostgreSQL is backed up on the server")
    window = threaded_window
    window.ctx.settings.setValue("backup/dir", str(tmp_path / "copies"))
    task = window.back_up()
    assert window.back_up() is task  # one at a time
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    assert task.state == DONE and task.result.parent == tmp_path / "copies"
    assert str(task.result) in window.statusBar().currentMessage()


def gated_restore(monkeypatch, fails: bool):
    """``backup_panel.restore_backup`` waits for the test's go (and then fails, or restores for real)."""
    from views import backup_panel

    gate = Gate()
    real = backup_panel.restore_backup

    def restore(engine, actor, source, *, safety_dir):
        gate.started.set()
        assert gate.release.wait(WAIT / 1000)
        if fails:
            raise OSError("the copy is unreadable")
        return real(engine, actor, source, safety_dir=safety_dir)

    monkeypatch.setattr(backup_panel, "restore_backup", restore)
    return gate


def restore_ready(qtbot, window, tmp_path):
    """The window's backup panel with one copy, selected; the search timer of the occupants page running."""
    panel = window.settings_page.backups
    panel.set_folder(tmp_path / "copies")
    task = panel.back_up()
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    panel.list.setCurrentRow(0)
    window.occupants.search.setText("zh")  # the search waits for a pause in typing: its timer runs
    reads = [window.timer, window.backup_timer, window.occupants.timer]
    assert all(t.isActive() for t in reads)
    return panel, reads


def test_a_restore_stops_the_windows_database_reads_and_a_failed_one_starts_them_again(
    qtbot, threaded_window, engine, tmp_path, monkeypatch
):
    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("SQLite file restore; PostgreSQL is restored on the server")
    window = threaded_window
    panel, reads = restore_ready(qtbot, window, tmp_path)
    gate = gated_restore(monkeypatch, fails=True)
    task = panel.restore_selected(restart=False)
    assert gate.started.wait(WAIT / 1000) and task.running
    assert not any(t.isActive() for t in reads)  # nothing of the window reads while the file is replaced
    assert window.connection.poll() is None and window.connection.paused  # the banner's Retry: no poll
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=WAIT)
    qtbot.keyClick(task.dialog, Qt.Key.Key_Escape)  # no way out of the restore's dialog
    assert task.dialog.isVisible() and task.running
    assert not any(t.isActive() for t in reads)
    gate.release.set()
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    assert task.state == FAILED and "the copy is unreadable" in panel.message.text()
    assert window.timer.isActive() and window.backup_timer.isActive() and not window.connection.paused
    assert window.occupants.timer.isActive()  # the search it was waiting for runs after all
    qtbot.waitUntil(lambda: not window.occupants.timer.isActive(), timeout=WAIT)
    window.timer.timeout.emit()  # and the poll works again
    poll = window.connection.task
    qtbot.waitUntil(lambda: poll.done, timeout=WAIT)
    assert poll.state == DONE and window.connection.answer is True


def test_a_restore_waits_for_a_poll_under_way_and_the_reads_stay_stopped_until_the_restart(
    qtbot, threaded_window, engine, tmp_path, monkeypatch
):
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication

    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("SQLite file restore; PostgreSQL is restored on the server")
    window = threaded_window
    panel, reads = restore_ready(qtbot, window, tmp_path)
    watch = window.connection
    order: list[str] = []
    poll_gate = Gate()
    real_read = watch._poll

    def slow_read(job: Job) -> object:
        poll_gate.started.set()
        assert poll_gate.release.wait(WAIT / 1000)
        order.append("poll")
        return real_read(job)

    monkeypatch.setattr(watch, "_poll", slow_read)
    qtbot.waitUntil(lambda: watch.task is None or watch.task.done, timeout=WAIT)  # the 3 s poll, if any
    window.timer.timeout.emit()
    assert poll_gate.started.wait(WAIT / 1000)
    gate = gated_restore(monkeypatch, fails=False)
    monkeypatch.setattr(QProcess, "startDetached", staticmethod(lambda *a: order.append("restart") or True))
    monkeypatch.setattr(QApplication, "closeAllWindows", staticmethod(lambda: order.append("close")))
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: order.append("quit")))
    task = panel.restore_selected()
    assert not any(t.isActive() for t in reads)
    assert not gate.started.wait(0.3)  # the poll under way still reads: the restore waits for it
    poll_gate.release.set()
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT)  # the poll's end comes back on the GUI thread
    order.append("restore")
    gate.release.set()
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    assert task.state == DONE, task.error
    assert order == ["poll", "restore", "restart", "close", "quit"]
    assert not any(t.isActive() for t in reads) and watch.paused  # stopped until the restart


def test_render_reports_progress_and_stops_when_its_callback_raises(session, site, desk):
    from printing.documents import render
    from views.tasks import Cancelled

    seen: list[tuple[int, int, str]] = []
    pdf = render(session, "daily-sheets", site_day(session), actor=None, progress=lambda *a: seen.append(a))
    assert pdf.startswith(b"%PDF") and seen and seen[-1][0] == seen[-1][1] > 0  # all flowables laid out
    assert any(text == "正在排版第 1 页" for _d, _t, text in seen)

    def stop(done: int, total: int, text: str) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        render(session, "daily-sheets", site_day(session), actor=None, progress=stop)


def site_day(session):
    from models import clock
    from models.services.sites import get_site

    return clock.site_today(get_site(session).timezone)


def threaded(ctx, runner):
    """The same context with its tasks on the real thread pool."""
    from views.context import AppContext

    return AppContext(
        sessions=ctx.sessions, engine=ctx.engine, user=ctx.user, settings=ctx.settings, clock=ctx.clock,
        language=ctx.language, tasks=runner,
    )  # fmt: skip


def test_a_transfer_list_is_read_then_checked_in_in_the_background(qtbot, app_context, runner, site, engine, tmp_path):
    import random

    from sqlalchemy import func, select

    from models.demo import synthetic
    from models.store.db import session_factory
    from models.store.orm import Stay
    from tests.conftest import NOW
    from views.batch_dialog import BatchDialog

    rng = random.Random(5)
    crowd = [synthetic.person(rng, NOW.date(), min_age=20, max_age=60) for _ in range(3)]
    path = tmp_path / "list.csv"
    lines = ["姓名,证件号码,联系电话,人员类别"] + [f"{p['name']},{p['doc_number']},{p['phone']},入境" for p in crowd]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = BatchDialog(threaded(app_context, runner))
    qtbot.addWidget(dialog)
    task = dialog.load(path)
    assert dialog.busy() and not dialog.open_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT)
    assert task.state == DONE and dialog.open_button.isEnabled()
    assert [dialog.table.item(i, 1).text() for i in range(3)] == ["有效"] * 3
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    task = dialog.confirm()
    assert not ok.isEnabled() and not task.cancel()  # one transaction: no cancel
    dialog.reject()  # closing while it checks in waits for the end
    qtbot.waitUntil(lambda: task.done, timeout=WAIT)
    # checked in: the summary stays up (the batch's paper is printed from it)
    assert task.state == DONE and dialog.step() == dialog.SUMMARY and len(dialog.stays) == 3
    with session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Stay)) == 3


def test_the_wizard_builds_the_demo_site_in_the_background(qtbot, app_context, runner, engine):
    from sqlalchemy import func, select

    from models.store.db import session_factory
    from models.store.orm import Site, User
    from views.site_wizard import SiteWizard

    wizard = SiteWizard(threaded(app_context, runner))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.demo_size = {"rooms": 20, "days": 2, "seed": 3}
    wizard.demo_choice.setChecked(True)
    assert not wizard.validateCurrentPage()  # stays open while the demo is built
    task = wizard._demo
    assert task is not None and not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    qtbot.waitUntil(lambda: task.done, timeout=120_000)
    assert task.state == DONE, task.error
    assert wizard.demo_built and wizard.result() == wizard.DialogCode.Accepted
    with session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Site)) == 1
        assert {"admin", "desk", "medical", "viewer"} <= set(s.scalars(select(User.username)))
