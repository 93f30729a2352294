"""The idle lock: after the site's minutes without keyboard or mouse the desk's screen is covered.

The screen shows people's names, rooms and ID tails; a desk left alone must not. :class:`IdleWatch` (an
application event filter) restarts a timer on every input; when it runs out, :class:`DeskLock` covers
the main window and every dialog it has open with an opaque :class:`LockScreen`: the window's pages,
menus, toolbars and status bar are hidden, a dialog's fields are covered and disabled (what was typed
stays), the window title names no one, keyboard shortcuts and the scanner do nothing. The front one
(the open dialog, else the window) asks for the same user's password — checked by the accounts
service, which counts the wrong ones like a login's and locks the account after as many — or lets
someone else sign in (switch user). The minutes are a desk setting (``lock/minutes``, 0: never),
changed by an admin on the settings page through models/services/desk_settings.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.services.accounts import LOCKOUT, MAX_FAILURES, authenticate
from models.store.connectivity import UNREACHABLE, reason

from .context import AppContext

log = logging.getLogger("isodesk")

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    """``idle`` after ``minutes`` without keyboard, mouse or touch input anywhere in the app (0: never).

    Installed on the application by its owner; the timer is a QTimer (no clock read): a test calls
    :meth:`expire`, as the timer does."""

    idle = Signal()

    def __init__(self, parent: QObject, minutes: int) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.expire)
        self.minutes = 0
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        """A new setting: counted from now."""
        self.minutes = max(0, int(minutes))
        self.restart()

    def restart(self) -> None:
        if self.minutes > 0:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()

    def expire(self) -> None:
        self.timer.stop()
        self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()  # again from the full interval
        return False


class LockScreen(QWidget):
    """The opaque cover over one window of a locked desk: that the desk is locked, and on the front one
    the form (:meth:`add_form`: password, Unlock, Sign in as someone else)."""

    unlock_requested = Signal(str)
    switch_requested = Signal()

    def __init__(self, host: QWidget, user_name: str | None = None) -> None:
        super().__init__(host)
        self.host = host
        self.setObjectName("lock_screen")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.password: QLineEdit | None = None
        self.unlock_button: QPushButton | None = None
        self.switch_button: QPushButton | None = None
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column = QVBoxLayout(self)
        self.column.addStretch(1)
        locked = self.tr("The screen is locked")
        title = QLabel(f"<h2>{locked}</h2>", self)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(title)
        self.column.addStretch(2)
        # what was showing: a main window's parts are hidden, a dialog's fields covered and disabled
        # (its layout keeps its size, what was typed stays)
        self._hidden: list[QWidget] = []
        self._disabled: list[QWidget] = []
        hide = isinstance(host, QMainWindow)
        for child in host.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child is self or child.isWindow():
                continue
            if hide and child.isVisibleTo(host):
                child.hide()
                self._hidden.append(child)
            elif not hide and child.isEnabled():
                child.setEnabled(False)
                self._disabled.append(child)
        host.installEventFilter(self)
        self.setGeometry(host.rect())
        self.show()
        self.raise_()
        if user_name is not None:
            self.add_form(user_name)

    def add_form(self, user_name: str) -> None:
        """The password for ``user_name`` (whose desk it is), Unlock, Sign in as someone else."""
        if self.password is not None:
            return
        who = QLabel(self.tr("{0} is signed in. The password opens the desk again.").format(user_name), self)
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setMaximumWidth(320)
        self.password.returnPressed.connect(self._unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self._unlock)
        self.switch_button = QPushButton(self.tr("Sign in as someone else…"), self)
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(self.switch_requested.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.password)
        row.addWidget(self.unlock_button)
        row.addStretch(1)
        other = QHBoxLayout()
        other.addStretch(1)
        other.addWidget(self.switch_button)
        other.addStretch(1)
        at = self.column.count() - 1  # above the bottom stretch
        self.column.insertWidget(at, who)
        self.column.insertLayout(at + 1, row)
        self.column.insertWidget(at + 2, self.error)
        self.column.insertLayout(at + 3, other)
        for w in (who, self.password, self.unlock_button, self.error, self.switch_button):
            w.show()  # added to a cover already shown
        self.password.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.host.rect())
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()  # Enter, Escape and the rest stay here: never the covered dialog's buttons

    def _unlock(self) -> None:
        if self.password is not None:
            self.unlock_requested.emit(self.password.text())

    def failed(self, text: str) -> None:
        self.error.setText(text)
        if self.password is not None:
            self.password.clear()
            self.password.setFocus()

    def release(self) -> None:
        """What it covered, back as it was; the cover goes."""
        if shiboken6.isValid(self.host):
            self.host.removeEventFilter(self)
        for child in self._hidden:
            if shiboken6.isValid(child):
                child.show()
        for child in self._disabled:
            if shiboken6.isValid(child):
                child.setEnabled(True)
        self.hide()
        self.setParent(None)  # gone from the window at once (its widgets are the window's again)
        self.deleteLater()


def _belongs_to(obj: QObject | None, window: QObject) -> bool:
    while obj is not None:
        if obj is window:
            return True
        obj = obj.parent()
    return False


class DeskLock(QObject):
    """Locks and unlocks one main window (see the module's docstring).

    ``poll``: the change poll, stopped while locked (a locked desk reads nothing; it reloads at unlock);
    ``scanner``: its jumps to a person are blocked; ``idle``: stopped while locked, from zero after;
    ``reload``: what the window runs after unlocking; ``switch_user``: "sign in as someone else"."""

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        ctx: AppContext,
        *,
        poll: QTimer,
        scanner: QObject,
        idle: IdleWatch,
        reload: Callable[[], object],
        switch_user: Callable[[], object],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.poll = poll
        self.scanner = scanner
        self.idle = idle
        self._reload = reload
        self._switch_user = switch_user
        self.locked = False
        self.covers: list[LockScreen] = []
        self._allowed: list[QWidget] = []  # dialogs shown over the lock on purpose (switch user's login)
        self._form = False
        self._title = ""
        self._polling = False
        self._scanner_blocked = False

    def lock(self, *, form: bool = True) -> None:
        """Cover the window and its open dialogs; ``form``: the front one asks for the password (else
        only "locked": a login dialog comes on top, switch user)."""
        if self.locked:
            return
        self.locked = True
        self.idle.stop()
        self._polling = self.poll.isActive()
        self.poll.stop()
        self._scanner_blocked = self.scanner.blockSignals(True)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.installEventFilter(self)  # keyboard shortcuts of the window and its dialogs do nothing
        self._title = self.window.windowTitle()
        self.window.setWindowTitle(self.tr("IsoDesk — locked"))
        for _ in range(10):  # an open menu or list popup closes (it would show over the cover)
            popup = app.activePopupWidget()
            if popup is None:
                break
            popup.close()
        dialogs = [
            w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible() and _belongs_to(w, self.window)
        ]
        modal = app.activeModalWidget()
        front = modal if modal in dialogs else self.window  # where the keyboard can reach
        self._form = form
        for host in [self.window, *dialogs]:
            self._cover(host, form and host is front)
        log.info("screen locked (%s)", self.ctx.user.username)
        self.locked_changed.emit(True)

    def _cover(self, host: QWidget, form: bool) -> LockScreen:
        cover = LockScreen(host)
        cover.unlock_requested.connect(self.unlock)
        cover.switch_requested.connect(self._switch_user)
        self.covers.append(cover)
        if form:
            cover.add_form(self.ctx.user_name)
        return cover

    def _dialog_gone(self, dialog: QDialog) -> None:
        """A covered dialog closed while locked (its task ended, its exec returned): its cover goes; if it
        asked for the password, the front one now does (else the desk could not be opened again)."""
        gone = [c for c in self.covers if shiboken6.isValid(c) and c.host is dialog]
        had_form = any(c.password is not None for c in gone)
        for cover in gone:
            self.covers.remove(cover)
            cover.release()
        if had_form and self.form is None:
            app = QApplication.instance()
            modal = app.activeModalWidget() if isinstance(app, QApplication) else None
            hosts = {id(c.host): c for c in self.covers if shiboken6.isValid(c)}
            front = hosts.get(id(modal)) if modal is not None and modal is not dialog else None
            (front or next(c for c in self.covers if c.host is self.window)).add_form(self.ctx.user_name)

    @property
    def form(self) -> LockScreen | None:
        """The cover that asks for the password now (the front one), if any."""
        forms = [c for c in self.covers if shiboken6.isValid(c) and c.password is not None]
        return forms[-1] if forms else None

    def allow(self, dialog: QWidget) -> None:
        """``dialog`` may show over the lock uncovered (the login of a switch of user)."""
        self._allowed.append(dialog)

    def show_form(self) -> None:
        """Back to the password after a cancelled "someone else" (on the window's cover if none asks yet)."""
        if not self.locked:
            return
        form = self.form
        if form is None:
            self._form = True
            form = next(c for c in self.covers if c.host is self.window)
            form.add_form(self.ctx.user_name)
        if form.password is not None:
            form.password.setFocus()

    def unlock(self, password: str) -> bool:
        """The same user's password opens the desk again; a wrong one is counted by the accounts service
        (as many wrong in a row as a login allows lock the account) and changes nothing here."""
        if not self.locked:
            return True
        try:
            with self.ctx.sessions() as s:
                authenticate(s, self.ctx.user.username, password)
        except DomainError as e:
            if e.code == "login_failed":
                text = self.tr("Wrong password (after {0} wrong tries in a row the account is locked for {1} minutes)")
                text = text.format(MAX_FAILURES, int(LOCKOUT.total_seconds() // 60))
            else:
                text = e.message(self.ctx.language)
            self._failed(text)
            return False
        except UNREACHABLE as exc:
            self._failed(self.tr("The database does not answer: {0}").format(reason(exc)))
            return False
        self.release()
        log.info("screen unlocked (%s)", self.ctx.user.username)
        self._reload()  # what other desks changed meanwhile; the window's title again
        return True

    def _failed(self, text: str) -> None:
        for cover in self.covers:
            if shiboken6.isValid(cover) and cover.password is not None:
                cover.failed(text)

    def release(self) -> None:
        """Uncover everything and let the window work again (after the password, or as it closes)."""
        if not self.locked:
            return
        self.locked = False
        for cover in self.covers:
            if shiboken6.isValid(cover):
                cover.release()
        self.covers, self._allowed = [], []
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.scanner.blockSignals(self._scanner_blocked)
        self.window.setWindowTitle(self._title)
        if self._polling:
            self.poll.start()
        self.idle.restart()
        self.locked_changed.emit(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked:
            return False
        kind = event.type()
        if kind == QEvent.Type.Shortcut:
            return _belongs_to(watched, self.window)  # swallowed: no page switch, no new arrival…
        if kind == QEvent.Type.Show and isinstance(watched, QDialog) and self._uncovered(watched):
            # a dialog that opens while locked (a print preview whose document was still being made):
            # covered too; a modal one takes the keyboard, so it asks for the password
            self._cover(watched, self._form and watched.isModal())
        elif kind == QEvent.Type.Hide and isinstance(watched, QDialog) and watched.isWindow():
            self._dialog_gone(watched)
        return False

    def _uncovered(self, dialog: QDialog) -> bool:
        if dialog in self._allowed or any(c.host is dialog for c in self.covers if shiboken6.isValid(c)):
            return False
        return _belongs_to(dialog, self.window)
