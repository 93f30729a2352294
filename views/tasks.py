"""Heavy work off the GUI thread: a function run on a thread pool, with progress, cancel, and its result
(or exception) delivered back on the GUI thread.

After Anki's aqt ``QueryOp`` / ``CollectionOp``: the page hands the runner a plain function; the function
runs in a worker thread and gets a :class:`Job`, which carries

* ``job.session``: a session of its *own*, opened in the worker from the sessionmaker the task was
  started with (a session is never shared between threads: never pass one from the GUI thread in);
* ``job.progress(done, total, text)``: shown in a progress dialog (``total`` 0: busy indicator); it is
  also the cancel point: once the task is cancelled, the next call raises :class:`Cancelled`;
* ``job.cancelled`` / ``job.check()`` for loops with no progress to show.

The function must not touch widgets: it reads what it needs from plain values captured before the start
and returns plain data. ``on_done(result)``, ``on_error(exc)``, ``on_cancelled()`` and ``on_finished()``
run on the GUI thread, in that order, after the worker is done (``on_progress(done, total, text)`` while it
runs); they are skipped if the ``parent``
widget was deleted meanwhile. Errors: :meth:`TaskRunner.error_to` makes the usual ``on_error``: a
DomainError (or an OSError: a file in use, a full disk) as a message in the page's label, anything else to
the app's error handler (``TaskRunner(error_handler=...)``, which run_gui installs before the login and
the wizard), or, without one, to ``sys.excepthook`` and the label too.

Writes (imports, restore, the demo) are one transaction each and not cancellable: cancel is offered for
reads (prints, exports, previews). A cancellable task whose function returned although cancel was asked
counts as cancelled (its result is dropped: nobody wants a preview they cancelled).

``TaskRunner(synchronous=True)`` runs every task inline, at once, for tests that want that; the default
runs on the runner's own ``QThreadPool``.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget
from sqlalchemy.orm import Session, sessionmaker

from models.errors import DomainError

ErrorHandler = Callable[[BaseException], None]

PENDING, RUNNING, DONE, FAILED, CANCELLED = "pending", "running", "done", "failed", "cancelled"


class Cancelled(Exception):
    """Raised inside a job once its task was cancelled; the task ends as cancelled, not failed."""


class Job:
    """What a background function receives: its own session, progress reporting, the cancel flag."""

    EMIT_EVERY = 0.05  # seconds between progress signals: the GUI needs no more than ~20 a second

    def __init__(
        self,
        sessions: sessionmaker[Session] | None,
        report: Callable[[int, int, str], None],
        cancellable: bool,
    ) -> None:
        self._sessions = sessions
        self._session: Session | None = None
        self._report = report
        self._cancel = threading.Event()
        self.cancellable = cancellable
        self._last = -1.0
        self._last_text = ""

    @property
    def session(self) -> Session:
        """This job's session, opened on first use in the thread that runs the job, closed after it."""
        if self._session is None:
            if self._sessions is None:
                raise RuntimeError("this task was started without a sessionmaker (sessions=...)")
            self._session = self._sessions()
        return self._session

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the task was cancelled."""
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """Report progress (``total`` 0: unknown); raises :class:`Cancelled` once the task is cancelled."""
        self.check()
        now = time.perf_counter()
        if text != self._last_text or now - self._last >= self.EMIT_EVERY or (total and done >= total):
            self._last, self._last_text = now, text
            self._report(done, total, text)

    def _close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


_EVENT = QEvent.Type(QEvent.registerEventType())


class _Posted(QEvent):
    """Progress or the end of a job, posted from the worker thread to its Task on the GUI thread.

    Events, not signals: on PySide6 6.12.0 / CPython 3.11 every Python-side ``Signal.emit()`` drops a
    reference to ``True`` (and every call of a Qt method returning void one to ``None``: the process
    aborts in bool_dealloc / none_dealloc once they run out; 6.11 and CPython >= 3.12 are not affected).
    ``QCoreApplication.postEvent`` is thread-safe and costs one ``None`` a call, which is why
    :attr:`Job.EMIT_EVERY` throttles progress.
    """

    def __init__(self, kind: str, payload: tuple[Any, ...]) -> None:
        super().__init__(_EVENT)
        self.kind, self.payload = kind, payload


def _post(task: Task, kind: str, payload: tuple[Any, ...]) -> None:
    if shiboken6.isValid(task):  # its runner was not deleted meanwhile
        QCoreApplication.postEvent(task, _Posted(kind, payload))


def _call_job(fn: Callable[[Job], Any], job: Job) -> tuple[str, Any]:
    try:
        result = fn(job)
    except Cancelled:
        return CANCELLED, None
    except BaseException as e:  # every failure goes back to the GUI thread
        return FAILED, e
    finally:
        try:
            job._close()
        except Exception:  # closing must not hide the job's outcome (and nothing goes to stderr)
            logging.getLogger("isodesk.tasks").exception("closing a background job's session failed")
    if job.cancellable and job.cancelled:
        return CANCELLED, None
    return DONE, result


class Task(QObject):
    """One run of a function in the background. ``state``: pending, running, done, failed, cancelled.

    Lives on the GUI thread, owned by its runner until it has ended (then deleted; its Python attributes
    ``state``, ``result``, ``error`` stay readable).
    """

    def __init__(self, runner: TaskRunner, job: Job, label: str | None, parent: QWidget | None) -> None:
        super().__init__(runner)
        self.runner, self.job, self.label, self.parent_widget = runner, job, label, parent
        self.state = PENDING
        self.result: Any = None
        self.error: BaseException | None = None
        self.dialog: QProgressDialog | None = None
        self.callbacks: dict[str, Callable[..., None] | None] = {}

    def __repr__(self) -> str:
        return f"<Task {self.label or ''!r} {self.state}>"

    @property
    def done(self) -> bool:
        """Ended, one way or another (its callbacks have run)."""
        return self.state in (DONE, FAILED, CANCELLED)

    @property
    def running(self) -> bool:
        return self.state in (PENDING, RUNNING)

    @property
    def cancellable(self) -> bool:
        return self.job.cancellable

    def cancel(self) -> bool:
        """Ask the job to stop at its next progress point; False if it cannot be cancelled or has ended."""
        if not self.job.cancellable or self.done:
            return False
        self.job._cancel.set()
        return True

    def event(self, e: QEvent) -> bool:
        if e.type() == _EVENT and isinstance(e, _Posted):
            if e.kind == "progress":
                self._on_progress(*e.payload)
            else:
                self.runner._finish(self, *e.payload)
            return True
        return super().event(e)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self.done:
            return
        d = self.dialog
        if d is not None and shiboken6.isValid(d):
            if total > 0:
                d.setMaximum(total)
                d.setValue(max(0, min(done, total)))
            else:
                d.setRange(0, 0)
            d.setLabelText(f"{self.label}\n{text}" if text else (self.label or ""))
        if self.callbacks.get("progress") is not None and not self.done:
            self.runner._call(self.callbacks["progress"], done, total, text)  # type: ignore[arg-type]


class ProgressDialog(QProgressDialog):
    """A task's progress dialog. Without ``cancellable`` it has no Cancel button and cannot be dismissed
    either: Esc and the window's close button are ignored (Qt would emit ``canceled`` and hide it, and a
    window-modal one, the restore's, would stop blocking its window while the write runs on); it goes when
    its task ends. With ``cancellable``, Esc and the close button cancel, as in Qt."""

    def __init__(self, label: str, cancel_text: str, parent: QWidget, *, cancellable: bool) -> None:
        super().__init__(label, cancel_text, 0, 0, parent)
        self.cancellable = cancellable
        if not cancellable:
            self.setCancelButton(None)

    def reject(self) -> None:  # Esc (QDialog's key handling), and QDialog's close handling
        if self.cancellable:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # the close button, Alt+F4
        if self.cancellable:
            super().closeEvent(event)
        else:
            event.ignore()


class TaskRunner(QObject):
    """Runs functions in the background (a QThreadPool of its own) or, ``synchronous=True``, inline.

    ``error_handler(exc)``: where unexpected errors go (the app's error dialog/log); without one they go
    to ``sys.excepthook`` (and, from :meth:`error_to`, to the page's label too). ``show_after_ms``: a progress
    dialog appears only for tasks that last longer than that.
    """

    def __init__(
        self,
        *,
        synchronous: bool = False,
        error_handler: ErrorHandler | None = None,
        max_threads: int | None = None,
        show_after_ms: int = 400,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.error_handler = error_handler
        self.show_after_ms = show_after_ms
        self.pool = QThreadPool(self)
        if max_threads:
            self.pool.setMaxThreadCount(max_threads)
        self._active: list[Task] = []

    # --- starting ------------------------------------------------------------------------------------
    def run(
        self,
        fn: Callable[[Job], Any],
        *,
        sessions: sessionmaker[Session] | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: ErrorHandler | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_finished: Callable[[], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
        cancellable: bool = False,
        modal: bool = False,
    ) -> Task:
        """Start ``fn(job)``; returns its :class:`Task` at once (already ended in synchronous mode).

        ``label`` and ``parent``: show a progress dialog over ``parent`` (non-modal; ``modal``: window-modal,
        still shown with ``show()``, so the event loop keeps running), with Cancel if ``cancellable``.
        ``on_error`` defaults to the runner's error handler.
        """
        task: Task
        job = Job(sessions, lambda d, t, x: self._report(task, d, t, x), cancellable)
        task = Task(self, job, label, parent)
        task.callbacks = {
            "done": on_done,
            "error": on_error,
            "cancelled": on_cancelled,
            "finished": on_finished,
            "progress": on_progress,
        }
        self._active.append(task)
        task.state = RUNNING
        if self.synchronous:
            state, value = _call_job(fn, job)
            self._finish(task, state, value)
            return task
        if label is not None and parent is not None:
            task.dialog = self._dialog(task, label, parent, cancellable, modal)
        self.pool.start(lambda: _post(task, "finished", _call_job(fn, job)))  # in a worker thread
        return task

    def _report(self, task: Task, done: int, total: int, text: str) -> None:
        if self.synchronous:
            task._on_progress(done, total, text)
        else:
            _post(task, "progress", (done, total, text))

    def _dialog(self, task: Task, label: str, parent: QWidget, cancellable: bool, modal: bool) -> QProgressDialog:
        d = ProgressDialog(label, self.tr("Cancel"), parent, cancellable=cancellable)
        d.setWindowTitle(label)
        d.setAutoClose(False)
        d.setAutoReset(False)
        d.setWindowModality(Qt.WindowModality.WindowModal if modal else Qt.WindowModality.NonModal)
        d.setMinimumDuration(self.show_after_ms)  # shows itself (show(), never exec()) if still running then
        d.setValue(0)  # starts Qt's show timer with that duration: without a value it keeps its 4 s default
        if cancellable:
            d.canceled.connect(task.cancel)
        return d

    # --- ending --------------------------------------------------------------------------------------
    def _finish(self, task: Task, state: str, value: object) -> None:
        if task.done:
            return
        d, task.dialog = task.dialog, None
        if d is not None and shiboken6.isValid(d):
            if task.cancellable:
                d.canceled.disconnect()
            d.reset()
            d.hide()
            d.deleteLater()
        task.state = state
        if state == DONE:
            task.result = value
        elif state == FAILED:
            assert isinstance(value, BaseException)
            task.error = value
        if task in self._active:
            self._active.remove(task)
        alive = task.parent_widget is None or shiboken6.isValid(task.parent_widget)
        cb = task.callbacks
        if alive:
            if state == DONE and cb["done"] is not None:
                self._call(cb["done"], value)
            elif state == FAILED:
                assert task.error is not None
                self._call(cb["error"] or self.handle_error, task.error)
            elif state == CANCELLED and cb["cancelled"] is not None:
                self._call(cb["cancelled"])
            if cb["finished"] is not None:
                self._call(cb["finished"])
        elif state == FAILED and not isinstance(task.error, DomainError | OSError):
            self.handle_error(task.error)  # type: ignore[arg-type]  # not lost with its page
        task.callbacks = {}
        task.deleteLater()

    def _call(self, fn: Callable[..., None], *args: object) -> None:
        try:
            fn(*args)
        except Exception as e:  # a failing callback must not break the runner
            self.handle_error(e)

    def handle_error(self, exc: BaseException) -> None:
        """An error nobody else handles: the app's error handler, else ``sys.excepthook``."""
        if self.error_handler is not None:
            self.error_handler(exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def error_to(
        self, label: QLabel | Callable[[str], None], language: str = "en", template: str = "{0}"
    ) -> ErrorHandler:
        """The usual ``on_error`` for a page: a DomainError (in ``language``) or an OSError shown in
        ``label`` (a QLabel, or a function given the text, e.g. the status bar's) through ``template``;
        anything else to the error handler, or, without one, to ``sys.excepthook`` (the app's error
        reporter once installed, views/error_dialog.py) and shown in ``label`` as well; never printed."""

        def show(exc: BaseException) -> None:
            if isinstance(exc, DomainError):
                text = exc.message(language)
            elif isinstance(exc, OSError):
                text = str(exc)
            elif self.error_handler is not None:
                self.error_handler(exc)
                return
            else:  # no handler: the installed excepthook (the app's error reporter: log and dialog), and the label
                self.handle_error(exc)
                text = self.tr("Unexpected error: {0}").format(f"{type(exc).__name__}: {exc}")
            if not isinstance(label, QLabel):
                label(template.format(text))
            elif shiboken6.isValid(label):
                label.setText(template.format(text))

        return show

    # --- the running tasks ---------------------------------------------------------------------------
    def active(self) -> list[Task]:
        """Tasks started and not yet ended (their callbacks not yet run)."""
        return list(self._active)

    def busy(self) -> bool:
        return bool(self._active)

    def cancel_all(self) -> None:
        for task in self.active():
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the workers are idle (their results are then delivered by the event loop);
        False on timeout. For closing the window and for tests; never while the desk works."""
        return self.pool.waitForDone(msecs)
