"""Why a button does nothing: what a role may not do is disabled, and says so.

The domain refuses a write the role may not make (models/permissions.py) whatever the screen offers;
the screens do not offer it either. :func:`explain_disabled` is the one way they do that: the button,
field or action is disabled for good (also when its page enables it again, on selecting a row) and
its tooltip and status tip give the reason in the user's language ("Your role (Viewer) may not check
people in"), never the role's or the permission's code.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QWidget

from models.permissions import allowed
from models.store.orm import Role

from .labels import role_label


def role_name(role: Role) -> str:
    """The role as the users page names it, in the user's language (views/labels.py, the one table)."""
    return role_label(role)


def may_not(role: Role, permission: str) -> str:
    """ "Your role (Viewer) may not check people in": why ``role`` is not offered ``permission``'s actions."""
    reasons = {
        "arrivals": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not check people in"),
        "rooms": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not change rooms or their state"),
        "departures": QCoreApplication.translate(
            "PermissionsUi", "Your role ({0}) may not release people or change their release date"
        ),
        "transfer": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not transfer people"),
        "readings": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not record temperatures"),
        "swabs": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not record swabs or their results"),
        "alerts": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not close fever alerts"),
        "identity": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not see ID numbers in full"),
        "supplies": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not change the supplies' stock"),
        "requests": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not take down or close requests"),
        "roster": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not change the team or the roster"),
        "staff_health": QCoreApplication.translate(
            "PermissionsUi", "Your role ({0}) may not record staff temperatures"
        ),
        "settings": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not change the desk's settings"),
        "users": QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not manage accounts"),
    }
    text = reasons.get(permission) or QCoreApplication.translate("PermissionsUi", "Your role ({0}) may not do this")
    return text.format(role_name(role))


class _KeptDisabled(QObject):
    """On a widget: when its page enables it again, it goes back to disabled at once."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget) and watched.isEnabled():
            watched.setEnabled(False)
        return False


def explain_disabled(targets: QWidget | QAction | Iterable[QWidget | QAction], role: Role, permission: str) -> bool:
    """True if ``role`` may do ``permission``'s actions (``targets`` left as they are); else each of
    ``targets`` (buttons, fields, actions) is disabled for good, with :func:`may_not` as its tooltip and
    status tip (a line edit shows it in place of its placeholder too), and False."""
    if allowed(role, permission):
        return True
    reason = may_not(role, permission)
    for target in [targets] if isinstance(targets, (QWidget, QAction)) else list(targets):
        target.setEnabled(False)
        target.setToolTip(reason)
        target.setStatusTip(reason)
        if isinstance(target, QAction):
            target.enabledChanged.connect(lambda on, action=target: on and action.setEnabled(False))
        else:
            if isinstance(target, QLineEdit):
                target.setPlaceholderText(reason)
            target.installEventFilter(_KeptDisabled(target))
    return False
