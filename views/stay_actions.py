"""Actions on a stay, each a small confirmation dialog that asks for what the domain needs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from models.errors import DomainError
from models.reads.handover import home_address
from models.reads.lookups import free_rooms, stay_summary
from models.services.observations import close_alert, open_alert
from models.services.stays import (
    change_release_date,
    change_room,
    depart_other,
    release,
    stay_readiness,
    transfer,
    undo_departure,
)
from models.store.orm import DepartureKind

from .communities_dialog import HandoverFields
from .context import AppContext
from .date_field import DateField
from .labels import alert_decision_label, list_separator, swab_result_label


class StayActionDialog(QDialog):
    """A form plus OK/Cancel; OK runs ``action`` and closes only when the domain accepts it."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.lang = ctx.language
        self.form = QFormLayout(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.run)
        self.action: Callable[[], object] = lambda: None

    def finish(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def run(self) -> bool:
        try:
            self.action()
        except DomainError as e:
            self.error.setText(e.message(self.lang))
            return False
        self.accept()
        return True


# The dialogs are built by the functions below, not by methods of StayActionDialog: their texts name the class's
# context themselves, a literal lupdate reads and Qt looks up (``d.tr`` was filed under "d" and never found).


def _swab_line(day: int | None, result: str | None) -> str:
    """ "第 7 天：待出结果" for the release dialog: the result code as words (views/labels.py)."""
    if not day:
        return "—"
    return QCoreApplication.translate("StayActionDialog", "day {0}: {1}").format(day, swab_result_label(result))


def seen_version(sessions: sessionmaker[Session], stay_id: int) -> int:
    """The stay's version when the dialog opens: a save refuses if another desk changed it since."""
    with sessions() as s:
        return stay_summary(s, stay_id).version


def room_change_dialog(ctx: AppContext, stay_id: int, parent: QWidget | None = None) -> StayActionDialog:
    sessions, actor = ctx.sessions, ctx.user
    d = StayActionDialog(ctx, "", parent)
    d.setWindowTitle(QCoreApplication.translate("StayActionDialog", "Change room"))
    seen = seen_version(sessions, stay_id)
    rooms = QComboBox(d)
    with sessions() as s:
        for room in free_rooms(s):
            rooms.addItem(room.number, room.id)
    reason = QLineEdit(d)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "New room"), rooms)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "Reason"), reason)
    d.rooms, d.reason = rooms, reason  # type: ignore[attr-defined]

    def act() -> None:
        with sessions() as s:
            change_room(s, actor, stay_id, rooms.currentData(), reason.text(), now=ctx.now(), expected_version=seen)

    d.action = act
    d.finish()
    return d


def release_date_dialog(
    ctx: AppContext, stay_id: int, current: date, parent: QWidget | None = None
) -> StayActionDialog:
    sessions, actor = ctx.sessions, ctx.user
    d = StayActionDialog(ctx, "", parent)
    d.setWindowTitle(QCoreApplication.translate("StayActionDialog", "Extend or shorten the stay"))
    seen = seen_version(sessions, stay_id)
    when = DateField(ctx, d, with_time=False)  # typed as people write dates, what was understood beside it
    when.set_value(current)
    reason = QLineEdit(d)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "Release date"), when)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "Reason"), reason)
    d.when, d.reason = when, reason  # type: ignore[attr-defined]

    def act() -> None:
        with sessions() as s:
            change_release_date(s, actor, stay_id, when.day(), reason.text(), now=ctx.now(), expected_version=seen)

    d.action = act
    d.finish()
    return d


def release_dialog(ctx: AppContext, stay_id: int, parent: QWidget | None = None) -> StayActionDialog:
    """Release on the site's today: the checks (date reached, last swab, fever) are those of today."""
    sessions, actor = ctx.sessions, ctx.user
    d = StayActionDialog(ctx, "", parent)
    d.setWindowTitle(QCoreApplication.translate("StayActionDialog", "Release"))
    with sessions() as s:
        ready = stay_readiness(s, stay_id, ctx.today())  # refuses a stay that has left
        seen = stay_summary(s, stay_id).version
        address = home_address(s, stay_id)
    yes, no = "✓", "✗"
    d.form.addRow(
        QCoreApplication.translate("StayActionDialog", "Release date reached"),
        QLabel(yes if ready.date_reached else no, d),
    )
    d.form.addRow(
        QCoreApplication.translate("StayActionDialog", "Last scheduled swab"),
        QLabel(_swab_line(ready.last_swab_day, ready.last_swab_result), d),
    )
    d.form.addRow(
        QCoreApplication.translate("StayActionDialog", "Open fever alert"), QLabel(no if ready.open_fever else yes, d)
    )
    override = QLineEdit(d)
    override.setPlaceholderText(
        QCoreApplication.translate("StayActionDialog", "Needed only to release before the checks pass")
    )
    if not ready.ok:
        d.form.addRow(QLabel(list_separator(d.lang).join(p.message(d.lang) for p in ready.problems), d))
        d.form.addRow(QCoreApplication.translate("StayActionDialog", "Override reason"), override)
    d.override = override  # type: ignore[attr-defined]
    handover = HandoverFields(ctx, d.form, d, address)  # where the person goes: for the hand-over list
    d.handover = handover  # type: ignore[attr-defined]

    def act() -> None:
        with sessions() as s:
            release(
                s,
                actor,
                stay_id,
                override_reason=None if ready.ok else override.text(),
                now=ctx.now(),
                expected_version=seen,
                handover=handover.value(),
            )

    d.action = act
    d.finish()
    return d


def transfer_dialog(ctx: AppContext, stay_id: int, parent: QWidget | None = None) -> StayActionDialog:
    sessions, actor = ctx.sessions, ctx.user
    d = StayActionDialog(ctx, "", parent)
    d.setWindowTitle(QCoreApplication.translate("StayActionDialog", "Transfer"))
    seen = seen_version(sessions, stay_id)
    kind = QComboBox(d)
    kind.addItem(QCoreApplication.translate("StayActionDialog", "To hospital"), DepartureKind.TO_HOSPITAL.value)
    kind.addItem(QCoreApplication.translate("StayActionDialog", "To another site"), DepartureKind.TO_OTHER_SITE.value)
    kind.addItem(
        QCoreApplication.translate("StayActionDialog", "To home isolation"), DepartureKind.HOME_ISOLATION.value
    )
    destination = QLineEdit(d)
    when = DateField(ctx, d)  # now, on the site's wall clock; typed as people write dates
    escort = QLineEdit(d)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "Kind"), kind)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "Hospital or site"), destination)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "Time"), when)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "Escort, vehicle, notes"), escort)
    d.kind, d.destination, d.escort, d.when = kind, destination, escort, when  # type: ignore[attr-defined]

    def act() -> None:
        at = when.value()  # the site's wall clock (DomainError when it is no date); stored in UTC
        with sessions() as s:
            transfer(
                s,
                actor,
                stay_id,
                DepartureKind(kind.currentData()),
                destination.text(),
                escort.text(),
                now=ctx.now(),
                at=at,  # as typed: the domain refuses a time in the future
                expected_version=seen,
            )

    d.action = act
    d.finish()
    return d


def other_departure_dialog(ctx: AppContext, stay_id: int, parent: QWidget | None = None) -> StayActionDialog:
    sessions, actor = ctx.sessions, ctx.user
    d = StayActionDialog(ctx, "", parent)
    d.setWindowTitle(QCoreApplication.translate("StayActionDialog", "Other departure"))
    seen = seen_version(sessions, stay_id)
    reason = QLineEdit(d)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "Reason"), reason)
    d.reason = reason  # type: ignore[attr-defined]

    def act() -> None:
        with sessions() as s:
            depart_other(s, actor, stay_id, reason.text(), now=ctx.now(), expected_version=seen)

    d.action = act
    d.finish()
    return d


def undo_departure_dialog(ctx: AppContext, stay_id: int, parent: QWidget | None = None) -> StayActionDialog:
    """A departure done by mistake, undone with a reason: the person is present again, in the same room."""
    sessions, actor = ctx.sessions, ctx.user
    d = StayActionDialog(ctx, "", parent)
    d.setWindowTitle(QCoreApplication.translate("StayActionDialog", "Undo the departure"))
    seen = seen_version(sessions, stay_id)
    hint = QLabel(
        QCoreApplication.translate(
            "StayActionDialog",
            "The person will be present again in the same room and bed; the room is marked occupied.",
        ),
        d,
    )
    hint.setWordWrap(True)
    reason = QLineEdit(d)
    reason.setMaxLength(400)
    reason.setPlaceholderText(QCoreApplication.translate("StayActionDialog", "Reason (required)"))
    d.form.addRow(hint)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "Reason"), reason)
    d.reason = reason  # type: ignore[attr-defined]

    def act() -> None:
        with sessions() as s:
            undo_departure(s, actor, stay_id, reason.text(), now=ctx.now(), expected_version=seen)

    d.action = act
    d.finish()
    return d


ALERT_CHOICES = ("recheck_normal", "not_fever", "transferred")  # the domain's decisions, and the transfer


def close_alert_dialog(ctx: AppContext, stay_id: int, parent: QWidget | None = None) -> StayActionDialog:
    """Close a person's open fever alert with a decision and a note. "Transferred" closes nothing here: it
    points to the transfer action (``d.transfer_instead`` is set when the desk asks for it)."""
    sessions, actor = ctx.sessions, ctx.user
    d = StayActionDialog(ctx, QCoreApplication.translate("StayActionDialog", "Close the fever alert"), parent)
    with sessions() as s:
        alert = open_alert(s, stay_id)
        alert_id = alert.id if alert is not None else None
    decision = QComboBox(d)
    for code in ALERT_CHOICES:
        decision.addItem(alert_decision_label(code), code)
    note = QLineEdit(d)
    note.setMaxLength(400)
    hint = QLabel(d)
    hint.setWordWrap(True)
    transfer_button = QPushButton(QCoreApplication.translate("StayActionDialog", "Transfer…"), d)
    d.buttons.addButton(transfer_button, QDialogButtonBox.ButtonRole.ActionRole)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "Decision"), decision)
    d.form.addRow(QCoreApplication.translate("StayActionDialog", "Note"), note)
    d.form.addRow(hint)
    d.decision, d.note, d.hint, d.transfer_button = decision, note, hint, transfer_button  # type: ignore[attr-defined]
    d.transfer_instead = False  # type: ignore[attr-defined]
    ok = d.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def chosen() -> None:
        code = decision.currentData()
        transfer_button.setVisible(code == "transferred")
        ok.setEnabled(code != "transferred")
        if code == "transferred":
            hint.setText(
                QCoreApplication.translate(
                    "StayActionDialog", "A transfer is recorded with the Transfer action, which closes the alert."
                )
            )
            note.setPlaceholderText("")
        elif code == "not_fever":
            hint.setText(QCoreApplication.translate("StayActionDialog", "Say why it is not a fever."))
            note.setPlaceholderText(QCoreApplication.translate("StayActionDialog", "Reason (required)"))
        else:
            hint.clear()
            note.setPlaceholderText(QCoreApplication.translate("StayActionDialog", "Note (optional)"))

    def to_transfer() -> None:
        d.transfer_instead = True  # type: ignore[attr-defined]
        d.reject()

    def act() -> None:
        with sessions() as s:
            if alert_id is None:
                raise DomainError("alert_closed")
            close_alert(s, actor, alert_id, str(decision.currentData()), note.text(), now=ctx.now())

    decision.currentIndexChanged.connect(lambda _i: chosen())
    transfer_button.clicked.connect(to_transfer)
    chosen()
    d.action = act
    d.finish()
    return d


def close_alert_flow(ctx: AppContext, stay_id: int, parent: QWidget | None = None) -> bool:
    """The close-the-alert dialog, then the transfer dialog if the desk chose it. True when something was saved."""
    d = close_alert_dialog(ctx, stay_id, parent)
    if d.exec():
        return True
    if d.transfer_instead:  # type: ignore[attr-defined]
        return bool(transfer_dialog(ctx, stay_id, parent).exec())
    return False
