"""Actions on a stay, each a small confirmation dialog that asks for what the domain needs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.errors import DomainError
from models.orm import DepartureKind, Room, RoomState, User, utcnow
from models.sites import get_site
from models.stays import (
    change_release_date,
    change_room,
    depart_other,
    get_stay,
    release,
    release_readiness,
    transfer,
)

from .application import current_language


class StayActionDialog(QDialog):
    """A form plus OK/Cancel; OK runs ``action`` and closes only when the domain accepts it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.lang = current_language()
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


def seen_version(sessions: sessionmaker[Session], stay_id: int) -> int:
    """The stay's version when the dialog opens: a save refuses if another desk changed it since."""
    with sessions() as s:
        return get_stay(s, stay_id, active=False).version


def room_change_dialog(
    sessions: sessionmaker[Session], actor: User | None, stay_id: int, parent: QWidget | None = None
) -> StayActionDialog:
    d = StayActionDialog("", parent)
    d.setWindowTitle(d.tr("Change room"))
    seen = seen_version(sessions, stay_id)
    rooms = QComboBox(d)
    with sessions() as s:
        for rid, number in s.execute(
            select(Room.id, Room.number).where(Room.state == RoomState.AVAILABLE).order_by(Room.floor_id, Room.sort)
        ):
            rooms.addItem(number, rid)
    reason = QLineEdit(d)
    d.form.addRow(d.tr("New room"), rooms)
    d.form.addRow(d.tr("Reason"), reason)
    d.rooms, d.reason = rooms, reason  # type: ignore[attr-defined]

    def act() -> None:
        with sessions() as s:
            change_room(s, actor, stay_id, rooms.currentData(), reason.text(), expected_version=seen)

    d.action = act
    d.finish()
    return d


def release_date_dialog(
    sessions: sessionmaker[Session], actor: User | None, stay_id: int, current: date, parent: QWidget | None = None
) -> StayActionDialog:
    d = StayActionDialog("", parent)
    d.setWindowTitle(d.tr("Extend or shorten the stay"))
    seen = seen_version(sessions, stay_id)
    when = QDateEdit(QDate(current.year, current.month, current.day), d)
    when.setCalendarPopup(True)
    reason = QLineEdit(d)
    d.form.addRow(d.tr("Release date"), when)
    d.form.addRow(d.tr("Reason"), reason)
    d.when, d.reason = when, reason  # type: ignore[attr-defined]

    def act() -> None:
        with sessions() as s:
            change_release_date(s, actor, stay_id, when.date().toPython(), reason.text(), expected_version=seen)

    d.action = act
    d.finish()
    return d


def release_dialog(
    sessions: sessionmaker[Session], actor: User | None, stay_id: int, today: date, parent: QWidget | None = None
) -> StayActionDialog:
    d = StayActionDialog("", parent)
    d.setWindowTitle(d.tr("Release"))
    with sessions() as s:
        stay = get_stay(s, stay_id)
        ready = release_readiness(s, stay, today)
        seen = stay.version
    yes, no = "✓", "✗"
    d.form.addRow(d.tr("Release date reached"), QLabel(yes if ready.date_reached else no, d))
    d.form.addRow(
        d.tr("Last scheduled swab"),
        QLabel(f"{d.tr('day')} {ready.last_swab_day}: {ready.last_swab_result}" if ready.last_swab_day else "—", d),
    )
    d.form.addRow(d.tr("Open fever alert"), QLabel(no if ready.open_fever else yes, d))
    override = QLineEdit(d)
    override.setPlaceholderText(d.tr("Needed only to release before the checks pass"))
    if not ready.ok:
        d.form.addRow(QLabel("；".join(p.message(d.lang) for p in ready.problems), d))
        d.form.addRow(d.tr("Override reason"), override)
    d.override = override  # type: ignore[attr-defined]

    def act() -> None:
        with sessions() as s:
            release(s, actor, stay_id, override_reason=None if ready.ok else override.text(), expected_version=seen)

    d.action = act
    d.finish()
    return d


def transfer_dialog(
    sessions: sessionmaker[Session], actor: User | None, stay_id: int, parent: QWidget | None = None
) -> StayActionDialog:
    d = StayActionDialog("", parent)
    d.setWindowTitle(d.tr("Transfer"))
    seen = seen_version(sessions, stay_id)
    with sessions() as s:
        tz = ZoneInfo(get_site(s).timezone)
    kind = QComboBox(d)
    kind.addItem(d.tr("To hospital"), DepartureKind.TO_HOSPITAL.value)
    kind.addItem(d.tr("To another site"), DepartureKind.TO_OTHER_SITE.value)
    kind.addItem(d.tr("To home isolation"), DepartureKind.HOME_ISOLATION.value)
    destination = QLineEdit(d)
    now_there = utcnow().astimezone(tz)
    when = QDateTimeEdit(QDateTime(now_there.replace(tzinfo=None, microsecond=0)), d)
    when.setDisplayFormat("yyyy-MM-dd HH:mm")
    when.setCalendarPopup(True)
    escort = QLineEdit(d)
    d.form.addRow(d.tr("Kind"), kind)
    d.form.addRow(d.tr("Hospital or site"), destination)
    d.form.addRow(d.tr("Time"), when)
    d.form.addRow(d.tr("Escort, vehicle, notes"), escort)
    d.kind, d.destination, d.escort, d.when = kind, destination, escort, when  # type: ignore[attr-defined]

    def act() -> None:
        at = when.dateTime().toPython().replace(tzinfo=tz)  # the site's clock; stored in UTC
        with sessions() as s:
            transfer(
                s,
                actor,
                stay_id,
                DepartureKind(kind.currentData()),
                destination.text(),
                escort.text(),
                now=min(at, utcnow()),
                expected_version=seen,
            )

    d.action = act
    d.finish()
    return d


def other_departure_dialog(
    sessions: sessionmaker[Session], actor: User | None, stay_id: int, parent: QWidget | None = None
) -> StayActionDialog:
    d = StayActionDialog("", parent)
    d.setWindowTitle(d.tr("Other departure"))
    seen = seen_version(sessions, stay_id)
    reason = QLineEdit(d)
    d.form.addRow(d.tr("Reason"), reason)
    d.reason = reason  # type: ignore[attr-defined]

    def act() -> None:
        with sessions() as s:
            depart_other(s, actor, stay_id, reason.text(), expected_version=seen)

    d.action = act
    d.finish()
    return d
