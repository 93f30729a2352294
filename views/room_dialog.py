"""One room: occupants, history, and the actions its state allows (check in, disinfection, service)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.reads.board import BoardRoom
from models.reads.lookups import room_version
from models.reads.roster import on_duty_name
from models.services.rooms import (
    back_in_service,
    last_disinfection,
    record_disinfection,
    room_history,
    set_out_of_service,
)
from models.store.orm import GroupDuty, RoomState

from .context import AppContext
from .date_field import DateField
from .disinfection_dialog import disinfection_correction_dialog
from .labels import state_label
from .permissions_ui import explain_disabled
from .stay_actions import StayActionDialog


class RoomDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        room: BoardRoom,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        sessions = ctx.sessions
        self.sessions, self.actor, self.room, self.today = sessions, ctx.user, room, ctx.today()
        self.lang = ctx.language
        self.changed = False
        self.check_in_requested = False
        with sessions() as s:  # what this desk sees now: a change by another desk meanwhile is refused
            self.seen_version = room_version(s, room.room_id)
        self.setWindowTitle(f"{room.building} {room.floor} {room.number}")
        head = QLabel(
            f"<h3>{room.building} {room.floor} {room.number}</h3>"
            f"{state_label(room.state)} · "
            + self.tr("%n beds", "", room.beds)
            + (f" · {room.oos_reason}" if room.oos_reason else ""),
            self,
        )
        self.occupants = QListWidget(self)
        for o in room.occupants:
            self.occupants.addItem(
                self.tr("{0}: day {1} of {2}, release {3}").format(
                    o.name, o.day_n, o.days_total, o.planned_release.isoformat()
                )
            )
        self.history = QListWidget(self)
        with sessions() as s:
            for at, zh, en in room_history(s, room.room_id):
                self.history.addItem(f"{ctx.local_date(at)}  {zh if self.lang == 'zh_CN' else en}")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)

        # disinfection
        self.agent = QLineEdit("含氯消毒剂", self)
        self.concentration = QLineEdit("1000 mg/L", self)
        self.done_by = QLineEdit(self)
        if room.state is RoomState.AWAITING_DISINFECTION:  # whoever of the disinfection group is on duty now
            with sessions() as s:
                self.done_by.setText(on_duty_name(s, GroupDuty.DISINFECTION, ctx.now()))
        self.checked_by = QLineEdit(self)
        self.disinfect_button = QPushButton(self.tr("Record terminal disinfection"), self)
        dis = QGroupBox(self.tr("Terminal disinfection"), self)
        form = QFormLayout(dis)
        form.addRow(self.tr("Agent"), self.agent)
        form.addRow(self.tr("Concentration"), self.concentration)
        form.addRow(self.tr("Done by"), self.done_by)
        form.addRow(self.tr("Checked by"), self.checked_by)
        form.addRow(self.disinfect_button)
        dis.setVisible(room.state is RoomState.AWAITING_DISINFECTION)
        self.disinfection_box = dis

        # service
        self.oos_reason = QLineEdit(self)
        self.oos_until_known = QCheckBox(self.tr("Until"), self)
        self.oos_until = DateField(ctx, self, with_time=False)  # typed as people write dates
        self.oos_until.set_value(self.today + timedelta(days=7))  # a week from the site's today
        self.oos_button = QPushButton(self.tr("Take out of service"), self)
        oos = QGroupBox(self.tr("Out of service"), self)
        form = QFormLayout(oos)
        form.addRow(self.tr("Reason"), self.oos_reason)
        form.addRow(self.oos_until_known, self.oos_until)
        form.addRow(self.oos_button)
        oos.setVisible(room.state in (RoomState.AVAILABLE, RoomState.AWAITING_DISINFECTION))
        self.service_box = oos
        self.back_button = QPushButton(self.tr("Back in service"), self)
        self.back_button.setVisible(room.state is RoomState.OUT_OF_SERVICE)
        self.check_in_button = QPushButton(self.tr("Check someone in here…"), self)
        self.check_in_button.setVisible(room.state is RoomState.AVAILABLE)
        with sessions() as s:  # the last terminal disinfection, if any: corrected when entered wrongly
            self.last_disinfection = last_disinfection(s, room.room_id)
        self.correct_disinfection_button = QPushButton(self.tr("Correct the last disinfection…"), self)
        self.correct_disinfection_button.setVisible(self.last_disinfection is not None)
        explain_disabled(self.correct_disinfection_button, ctx.user.role, "rooms")
        explain_disabled([self.disinfect_button, self.oos_button, self.back_button], ctx.user.role, "rooms")
        explain_disabled(self.check_in_button, ctx.user.role, "arrivals")

        lists = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Occupants"), self))
        left.addWidget(self.occupants)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("History"), self))
        right.addWidget(self.history)
        lists.addLayout(left)
        lists.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(lists)
        layout.addWidget(dis)
        layout.addWidget(oos)
        layout.addWidget(self.back_button)
        layout.addWidget(self.check_in_button)
        layout.addWidget(self.correct_disinfection_button)
        layout.addWidget(self.error)
        self.disinfect_button.clicked.connect(self.disinfect)
        self.oos_button.clicked.connect(self.take_out)
        self.back_button.clicked.connect(self.bring_back)
        self.check_in_button.clicked.connect(self._check_in)
        self.correct_disinfection_button.clicked.connect(lambda: self.correct_disinfection())  # noqa: PLW0108
        self.resize(720, 560)

    def _run(self, fn, *args, **kwargs) -> bool:  # type: ignore[no-untyped-def]
        try:
            with self.sessions() as s:
                fn(s, self.actor, self.room.room_id, *args, expected_version=self.seen_version, **kwargs)
        except DomainError as e:
            self.error.setText(e.message(self.lang))
            return False
        self.changed = True
        self.accept()
        return True

    def disinfect(self) -> bool:
        return self._run(
            record_disinfection,
            agent=self.agent.text(),
            concentration=self.concentration.text(),
            done_by=self.done_by.text(),
            checked_by=self.checked_by.text(),
        )

    def take_out(self) -> bool:
        try:
            until = self.oos_until.day() if self.oos_until_known.isChecked() else None
        except DomainError as e:  # no date typed: said once, nothing done
            self.error.setText(e.message(self.lang))
            return False
        return self._run(set_out_of_service, self.oos_reason.text(), self.today, until)

    def bring_back(self) -> bool:
        return self._run(back_in_service)

    def correct_disinfection(self) -> StayActionDialog | None:
        """The last disinfection record, corrected (the old values kept in the audit trail); the room stays."""
        if self.last_disinfection is None:
            return None
        d = disinfection_correction_dialog(self.ctx, self.last_disinfection, self)
        if d.exec():
            self.changed = True
            self.accept()
        return d

    def _check_in(self) -> None:
        self.check_in_requested = True
        self.accept()
