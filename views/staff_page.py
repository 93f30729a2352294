"""The team (工作人员): the week's duty roster of a working group, the staff's own temperature rounds, and the
team itself (members, groups, shifts).

Roster: a group's week, its shifts down and the days across, each cell the names on duty; the hours nobody
covers in red below. Ins puts someone on duty (the selected cell's shift and day), Del takes them off; the
previous week's roster is copied in one step; the week prints. Staff health: the members in closed-loop
management at this round (morning or evening), Enter records a temperature; a fever (the site's threshold)
raises an alert, closed with what was done. Team: add, change, retire members; add a group or a shift.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.reads.roster import (
    GroupRow,
    ShiftRow,
    StaffAlert,
    StaffRoundRow,
    StaffRow,
    WeekRoster,
    groups,
    shifts,
    staff,
    staff_alerts,
    staff_round,
    week_roster,
)
from models.reads.today import current_slot
from models.rules.identity import mask_phone
from models.services import roster as service
from models.store.orm import GroupDuty, Slot
from ui import palette
from ui.theme import error_label

from .context import AppContext
from .date_field import DateField
from .labels import group_duty_label, item_separator
from .permissions_ui import explain_disabled


class FormDialog(QDialog):
    """A small form: its rows, an error line, OK and Cancel; ``act()`` saves, a domain refusal is said here."""

    def __init__(self, ctx: AppContext, title: str, act: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.act = ctx, act
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def save(self) -> bool:
        try:
            self.act()
        except DomainError as e:
            self.error.setText(e.message(self.ctx.language))
            return False
        self.accept()
        return True


def _days(lang: str) -> list[str]:
    from printing.labels import L

    return L(lang)["ro_days"].split(",")


class RosterTab(QWidget):
    """A group's week: shifts down, days across; Ins puts someone on duty, Del takes them off."""

    print_requested = Signal(object)  # the week's Monday

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.week: WeekRoster | None = None
        self.monday = ctx.today() - timedelta(days=ctx.today().weekday())
        self.group = QComboBox(self)
        self.week_label = QLabel(self)
        self.previous = QPushButton(self.tr("Week before"), self)
        self.next = QPushButton(self.tr("Week after"), self)
        self.table = QTableWidget(0, 7, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.gaps = error_label(self)
        self.assign_button = QPushButton(self.tr("Put on duty… (Ins)"), self)
        self.remove_button = QPushButton(self.tr("Take off duty… (Del)"), self)
        self.copy_button = QPushButton(self.tr("Copy the week before"), self)
        self.print_button = QPushButton(self.tr("Preview and print…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        actions = []
        for key, slot in ((Qt.Key.Key_Insert, lambda: self.assign()), (Qt.Key.Key_Delete, lambda: self.remove())):  # noqa: PLW0108
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions.append(action)
        self.may_keep = explain_disabled(
            [self.assign_button, self.remove_button, self.copy_button, *actions], ctx.user.role, "roster"
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Working group"), self))
        top.addWidget(self.group)
        top.addWidget(self.previous)
        top.addWidget(self.week_label)
        top.addWidget(self.next)
        top.addStretch(1)
        top.addWidget(self.print_button)
        buttons = QHBoxLayout()
        for b in (self.assign_button, self.remove_button, self.copy_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.gaps)
        layout.addWidget(self.message)
        self.group.currentIndexChanged.connect(lambda _i: self.load())
        self.previous.clicked.connect(lambda: self.go(-7))
        self.next.clicked.connect(lambda: self.go(7))
        self.assign_button.clicked.connect(lambda: self.assign())  # noqa: PLW0108 (clicked passes a bool)
        self.remove_button.clicked.connect(lambda: self.remove())  # noqa: PLW0108
        self.copy_button.clicked.connect(lambda: self.copy_previous())  # noqa: PLW0108
        self.table.cellActivated.connect(lambda _r, _c: self.assign())
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.monday))

    def fill_groups(self) -> None:
        chosen = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        with self.ctx.sessions() as s:
            for g in groups(s):
                self.group.addItem(g.name, g.id)
        self.group.setCurrentIndex(max(0, self.group.findData(chosen)))
        self.group.blockSignals(False)

    def go(self, days: int) -> None:
        self.monday += timedelta(days=days)
        self.load()

    def load(self) -> None:
        group_id = self.group.currentData()
        if group_id is None:
            return
        with self.ctx.sessions() as s:
            self.week = week_roster(s, self.monday, [group_id])[0]
        days = _days(self.ctx.language)
        w = self.week
        self.week_label.setText(self.tr("{0} to {1}").format(w.monday.isoformat(), w.days[-1].isoformat()))
        self.table.setRowCount(len(w.shifts))
        self.table.setColumnCount(7)
        self.table.setHorizontalHeaderLabels([f"{days[d.weekday()]} {d:%m-%d}" for d in w.days])
        self.table.setVerticalHeaderLabels([s.label for s in w.shifts])
        for r, sh in enumerate(w.shifts):
            for c, d in enumerate(w.days):
                names = w.names.get((sh.id, d), [])
                item = QTableWidgetItem(item_separator(self.ctx.language).join(names))
                if not names:
                    item.setBackground(QColor(palette.BAD_TEXT).lighter(190))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        from printing.forms.roster import gap_lines

        self.gaps.setText(gap_lines(w, self.ctx.language))
        self.gaps.setStyleSheet(f"color: {palette.BAD_TEXT}" if any(w.gaps.values()) else "")  # red: hours left out

    def _cell(self) -> tuple[int, date] | None:
        if self.week is None or self.table.currentRow() < 0 or self.table.currentColumn() < 0:
            return None
        return self.week.shifts[self.table.currentRow()].id, self.week.days[self.table.currentColumn()]

    def assign(self) -> FormDialog | None:
        if not self.may_keep or self.week is None:
            return None
        cell = self._cell()
        dialog = FormDialog(self.ctx, self.tr("Put on duty"), lambda: None, self)
        person, day, shift = QComboBox(dialog), QComboBox(dialog), QComboBox(dialog)
        with self.ctx.sessions() as s:
            for m in staff(s, self.group.currentData()):
                person.addItem(m.name + (f" · {m.title}" if m.title else ""), m.id)
        names = _days(self.ctx.language)
        for d in self.week.days:
            day.addItem(f"{names[d.weekday()]} {d:%m-%d}", d.isoformat())  # a date as data comes back as None
        for sh in self.week.shifts:
            shift.addItem(sh.label, sh.id)
        if cell is not None:
            shift.setCurrentIndex(shift.findData(cell[0]))
            day.setCurrentIndex(day.findData(cell[1].isoformat()))
        dialog.form.addRow(self.tr("Staff member"), person)
        dialog.form.addRow(self.tr("Day"), day)
        dialog.form.addRow(self.tr("Shift"), shift)
        dialog.person, dialog.day, dialog.shift = person, day, shift  # type: ignore[attr-defined]

        def act() -> None:
            if person.currentData() is None:
                raise DomainError("staff_not_found")
            with self.ctx.sessions() as s:
                chosen = date.fromisoformat(day.currentData())
                service.assign(s, self.ctx.user, int(person.currentData()), chosen, int(shift.currentData()))

        dialog.act = act
        dialog.finish()
        dialog.accepted.connect(self.load)
        dialog.open()
        return dialog

    def remove(self) -> FormDialog | None:
        cell = self._cell()
        if not self.may_keep or self.week is None or cell is None or not self.week.slots.get(cell):
            return None
        on = self.week.slots[cell]
        dialog = FormDialog(self.ctx, self.tr("Take off duty"), lambda: None, self)
        who = QComboBox(dialog)
        for d in on:
            who.addItem(d.name, d.slot_id)
        dialog.form.addRow(self.tr("Staff member"), who)
        dialog.who = who  # type: ignore[attr-defined]

        def act() -> None:
            with self.ctx.sessions() as s:
                service.unassign(s, self.ctx.user, int(who.currentData()))

        dialog.act = act
        dialog.finish()
        dialog.accepted.connect(self.load)
        dialog.open()
        return dialog

    def copy_previous(self) -> int | None:
        if not self.may_keep:
            return None
        try:
            with self.ctx.sessions() as s:
                made = service.copy_week(s, self.ctx.user, self.monday - timedelta(days=7), self.monday,
                                         self.group.currentData())  # fmt: skip
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return None
        self.message.setText(self.tr("Duties copied from the week before: {0}").format(made))
        self.load()
        return made


class HealthTab(QWidget):
    """The staff's temperature at this round: Enter on a member records it; the open alerts, closed with a note."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[StaffRoundRow] = []
        self.alerts: list[StaffAlert] = []
        self.day = DateField(ctx, self, with_time=False)
        self.day.set_value(ctx.today())
        self.slot = QComboBox(self)
        self.slot.addItem(self.tr("Morning round"), Slot.MORNING.value)
        self.slot.addItem(self.tr("Evening round"), Slot.EVENING.value)
        self.slot.setCurrentIndex(self.slot.findData(current_slot(ctx.now(), ctx.timezone).value))
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Working group"), self.tr("Temperature")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.record_button = QPushButton(self.tr("Record the temperature… (Enter)"), self)
        self.alert_list = QListWidget(self)
        self.close_button = QPushButton(self.tr("Close the alert…"), self)
        self.summary = QLabel(self)
        self.may_record = explain_disabled([self.record_button, self.close_button], ctx.user.role, "staff_health")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day"), self))
        top.addWidget(self.day)
        top.addWidget(self.slot)
        top.addStretch(1)
        top.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("Staff temperature alerts"), self))
        layout.addWidget(self.alert_list, 1)
        layout.addWidget(self.close_button)
        self.day.changed.connect(self.load)
        self.slot.currentIndexChanged.connect(lambda _i: self.load())
        self.table.cellActivated.connect(lambda _r, _c: self.record())
        self.record_button.clicked.connect(lambda: self.record())  # noqa: PLW0108
        self.close_button.clicked.connect(lambda: self.close_alert())  # noqa: PLW0108

    def _day(self) -> date | None:
        try:
            return self.day.day()
        except DomainError:
            return None

    def load(self) -> None:
        day = self._day()
        if day is None:
            return
        with self.ctx.sessions() as s:
            self.rows = staff_round(s, day, Slot(self.slot.currentData()))
            self.alerts = staff_alerts(s)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            temp = "" if r.temperature is None else f"{r.temperature:.1f}"
            for c, text in enumerate((r.name, r.group, temp)):
                item = QTableWidgetItem(text)
                if r.fever:
                    item.setForeground(QColor(palette.BAD_TEXT))
                self.table.setItem(i, c, item)
        missing = sum(1 for r in self.rows if r.temperature is None)
        self.summary.setText(self.tr("Closed-loop staff: {0}, not yet measured this round: {1}").format(
            len(self.rows), missing))  # fmt: skip
        self.alert_list.clear()
        for a in self.alerts:
            item = QListWidgetItem(f"{a.name} · {a.group} · {a.temperature:.1f} · {a.taken_at:%m-%d %H:%M}"
                                   + (f" · {a.symptoms}" if a.symptoms else ""), self.alert_list)  # fmt: skip
            item.setForeground(QColor(palette.BAD_TEXT))
        if self.may_record:
            self.close_button.setEnabled(bool(self.alerts))

    def record(self) -> FormDialog | None:
        row = self.table.currentRow()
        day = self._day()
        if not self.may_record or not 0 <= row < len(self.rows) or day is None:
            return None
        member, slot = self.rows[row], Slot(self.slot.currentData())
        dialog = FormDialog(self.ctx, self.tr("Staff temperature"), lambda: None, self)
        temperature, symptoms = QLineEdit(dialog), QLineEdit(dialog)
        temperature.setPlaceholderText("36.5")
        symptoms.setMaxLength(200)
        dialog.form.addRow(QLabel(member.name, dialog))
        dialog.form.addRow(self.tr("Temperature"), temperature)
        dialog.form.addRow(self.tr("Symptoms"), symptoms)
        dialog.temperature, dialog.symptoms = temperature, symptoms  # type: ignore[attr-defined]

        def act() -> None:
            with self.ctx.sessions() as s:
                service.record_staff_reading(s, self.ctx.user, member.staff_id, day, slot, temperature.text(),
                                             symptoms=symptoms.text(), now=self.ctx.now())  # fmt: skip

        dialog.act = act
        dialog.finish()
        dialog.accepted.connect(self._changed)
        temperature.setFocus()
        dialog.open()
        return dialog

    def close_alert(self) -> FormDialog | None:
        row = self.alert_list.currentRow()
        if not self.may_record or not self.alerts:
            return None
        alert = self.alerts[max(0, row)]
        dialog = FormDialog(self.ctx, self.tr("Close the alert"), lambda: None, self)
        note = QLineEdit(dialog)
        note.setMaxLength(400)
        note.setPlaceholderText(self.tr("e.g. rechecked 36.8, off duty and tested"))
        dialog.form.addRow(QLabel(f"{alert.name} · {alert.temperature:.1f}", dialog))
        dialog.form.addRow(self.tr("What was done"), note)
        dialog.note = note  # type: ignore[attr-defined]

        def act() -> None:
            with self.ctx.sessions() as s:
                service.close_staff_alert(s, self.ctx.user, alert.reading_id, note.text(), now=self.ctx.now())

        dialog.act = act
        dialog.finish()
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def _changed(self) -> None:
        self.load()
        self.changed.emit()


class TeamTab(QWidget):
    """The members (name, group, title, phone masked, closed-loop or not); a group or a shift added."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[StaffRow] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Working group"), self.tr("Title"),
                                              self.tr("Phone"), self.tr("Closed-loop")])  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add a member…"), self)
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.retire_button = QPushButton(self.tr("Left the team"), self)
        self.group_button = QPushButton(self.tr("Working groups…"), self)
        self.shift_button = QPushButton(self.tr("Shifts…"), self)
        self.message = error_label(self)
        self.may_keep = explain_disabled(
            [self.add_button, self.edit_button, self.retire_button, self.group_button, self.shift_button],
            ctx.user.role, "roster",
        )  # fmt: skip
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.retire_button, self.group_button, self.shift_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(lambda: self.edit_member(None))
        self.edit_button.clicked.connect(lambda: self.edit_member(self.selected()))
        self.table.cellActivated.connect(lambda _r, _c: self.edit_member(self.selected()))
        self.retire_button.clicked.connect(lambda: self.retire())  # noqa: PLW0108
        self.group_button.clicked.connect(lambda: self.groups_dialog())  # noqa: PLW0108
        self.shift_button.clicked.connect(lambda: self.shifts_dialog())  # noqa: PLW0108

    def load(self) -> None:
        with self.ctx.sessions() as s:
            self.rows = staff(s)
        self.table.setRowCount(len(self.rows))
        for i, m in enumerate(self.rows):
            cells = (m.name, m.group, m.title, mask_phone(m.phone), self.tr("yes") if m.closed_loop else self.tr("no"))
            for c, text in enumerate(cells):
                self.table.setItem(i, c, QTableWidgetItem(text))

    def selected(self) -> StaffRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def edit_member(self, row: StaffRow | None) -> FormDialog | None:
        if not self.may_keep or (row is None and self.sender() in (self.edit_button, self.table)):
            return None
        title = self.tr("Staff member") if row is None else self.tr("Change the staff member")
        dialog = FormDialog(self.ctx, title, lambda: None, self)
        name, group, job, phone = QLineEdit(dialog), QComboBox(dialog), QLineEdit(dialog), QLineEdit(dialog)
        closed = QCheckBox(self.tr("In closed-loop management: temperature twice a day"), dialog)
        with self.ctx.sessions() as s:
            for g in groups(s):
                group.addItem(g.name, g.id)
        name.setMaxLength(50)
        job.setMaxLength(50)
        phone.setMaxLength(30)
        closed.setChecked(True if row is None else row.closed_loop)
        if row is not None:
            name.setText(row.name)
            group.setCurrentIndex(group.findData(row.group_id))
            job.setText(row.title)
            phone.setPlaceholderText(self.tr("unchanged: {0}").format(mask_phone(row.phone)) if row.phone else "")
        dialog.form.addRow(self.tr("Name"), name)
        dialog.form.addRow(self.tr("Working group"), group)
        dialog.form.addRow(self.tr("Title"), job)
        dialog.form.addRow(self.tr("Phone"), phone)
        dialog.form.addRow(closed)
        dialog.name, dialog.group, dialog.job, dialog.phone, dialog.closed = name, group, job, phone, closed  # type: ignore[attr-defined]

        def act() -> None:
            with self.ctx.sessions() as s:
                if row is None:
                    service.add_staff(s, self.ctx.user, name.text(), int(group.currentData()), title=job.text(),
                                      phone=phone.text(), closed_loop=closed.isChecked())  # fmt: skip
                else:
                    service.edit_staff(s, self.ctx.user, row.id, name.text(), int(group.currentData()),
                                       title=job.text(), phone=phone.text() or None,
                                       closed_loop=closed.isChecked(), expected_version=row.version)  # fmt: skip

        dialog.act = act
        dialog.finish()
        dialog.accepted.connect(self.load)
        dialog.open()
        return dialog

    def retire(self) -> bool:
        row = self.selected()
        if not self.may_keep or row is None:
            return False
        try:
            with self.ctx.sessions() as s:
                service.retire_staff(s, self.ctx.user, row.id)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return False
        self.load()
        return True

    def edit_group(self, row: GroupRow | None, parent: QWidget | None = None) -> FormDialog | None:
        """Add a working group, or change one (its name, what it answers for)."""
        if not self.may_keep:
            return None
        title = self.tr("Working group") if row is None else self.tr("Change the working group")
        dialog = FormDialog(self.ctx, title, lambda: None, parent or self)
        name, duty = QLineEdit(row.name if row else "", dialog), QComboBox(dialog)
        name.setMaxLength(50)
        for d in GroupDuty:
            duty.addItem(group_duty_label(d), d.value)
        duty.setCurrentIndex(duty.findData((row.duty if row else GroupDuty.OTHER).value))
        dialog.form.addRow(self.tr("Name"), name)
        dialog.form.addRow(self.tr("Answers for"), duty)
        dialog.name, dialog.duty = name, duty  # type: ignore[attr-defined]

        def act() -> None:
            with self.ctx.sessions() as s:
                if row is None:
                    service.add_group(s, self.ctx.user, name.text(), duty.currentData())
                else:
                    service.edit_group(s, self.ctx.user, row.id, name.text(), duty.currentData(),
                                       expected_version=row.version)  # fmt: skip

        dialog.act = act
        dialog.finish()
        dialog.open()
        return dialog

    def edit_shift(self, row: ShiftRow | None, parent: QWidget | None = None) -> FormDialog | None:
        """Add a shift, or change one (its name, when it starts, how long it lasts)."""
        if not self.may_keep:
            return None
        title = self.tr("Shift") if row is None else self.tr("Change the shift")
        dialog = FormDialog(self.ctx, title, lambda: None, parent or self)
        name, starts, hours = QLineEdit(row.name if row else "", dialog), QTimeEdit(dialog), QSpinBox(dialog)
        name.setMaxLength(20)
        starts.setDisplayFormat("HH:mm")
        if row is not None:
            starts.setTime(QTime(row.starts.hour, row.starts.minute))
        hours.setRange(1, 24)
        hours.setValue(row.hours if row else 8)
        dialog.form.addRow(self.tr("Name"), name)
        dialog.form.addRow(self.tr("Starts at"), starts)
        dialog.form.addRow(self.tr("Hours"), hours)
        dialog.name, dialog.starts, dialog.hours = name, starts, hours  # type: ignore[attr-defined]

        def act() -> None:
            at = time(starts.time().hour(), starts.time().minute())
            with self.ctx.sessions() as s:
                if row is None:
                    service.add_shift(s, self.ctx.user, name.text(), at, hours.value())
                else:
                    service.edit_shift(s, self.ctx.user, row.id, name.text(), at, hours.value(),
                                       expected_version=row.version)  # fmt: skip

        dialog.act = act
        dialog.finish()
        dialog.open()
        return dialog

    def groups_dialog(self) -> TeamListDialog | None:
        if not self.may_keep:
            return None

        def rows() -> list[tuple[str, object]]:
            with self.ctx.sessions() as s:
                return [(f"{g.name} · {group_duty_label(g.duty)}", g) for g in groups(s)]

        def retire(row: object) -> None:
            assert isinstance(row, GroupRow)
            with self.ctx.sessions() as s:
                service.retire_group(s, self.ctx.user, row.id)

        dialog = TeamListDialog(
            self.ctx, self.tr("Working groups"), rows, self.edit_group,  # type: ignore[arg-type]
            retire, self,
        )  # fmt: skip
        dialog.open()
        return dialog

    def shifts_dialog(self) -> TeamListDialog | None:
        if not self.may_keep:
            return None

        def rows() -> list[tuple[str, object]]:
            with self.ctx.sessions() as s:
                return [(sh.label, sh) for sh in shifts(s)]

        def retire(row: object) -> None:
            assert isinstance(row, ShiftRow)
            with self.ctx.sessions() as s:
                service.retire_shift(s, self.ctx.user, row.id)

        dialog = TeamListDialog(
            self.ctx, self.tr("Shifts"), rows, self.edit_shift,  # type: ignore[arg-type]
            retire, self,
        )  # fmt: skip
        dialog.open()
        return dialog


class TeamListDialog(QDialog):
    """The working groups or the shifts: Add, Change (or Enter), No longer in use; the list read again after."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        rows: Callable[[], list[tuple[str, object]]],
        edit: Callable[[object | None, QWidget], FormDialog | None],
        retire: Callable[[object], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.rows_of, self.edit_row, self.retire_row = ctx, rows, edit, retire
        self.rows: list[tuple[str, object]] = []
        self.setWindowTitle(title)
        self.list = QListWidget(self)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.retire_button = QPushButton(self.tr("No longer in use"), self)
        self.message = error_label(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.retire_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.selected()))
        self.list.itemActivated.connect(lambda _item: self.edit(self.selected()))
        self.retire_button.clicked.connect(lambda: self.retire())  # noqa: PLW0108 (clicked passes a bool)
        self.load()

    def load(self) -> None:
        self.rows = self.rows_of()
        self.list.clear()
        for text, _row in self.rows:
            QListWidgetItem(text, self.list)

    def selected(self) -> object | None:
        i = self.list.currentRow()
        return self.rows[i][1] if 0 <= i < len(self.rows) else None

    def edit(self, row: object | None) -> FormDialog | None:
        if row is None and self.sender() in (self.edit_button, self.list):
            return None
        form = self.edit_row(row, self)
        if form is not None:
            form.accepted.connect(self.load)
        return form

    def retire(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        try:
            self.retire_row(row)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return False
        self.message.clear()
        self.load()
        return True


class StaffPage(QWidget):
    """``print_requested(monday)``: the week's roster to print; ``changed``: a staff alert was raised or closed."""

    print_requested = Signal(object)
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget(self)
        self.roster = RosterTab(ctx, self.tabs)
        self.health = HealthTab(ctx, self.tabs)
        self.team = TeamTab(ctx, self.tabs)
        self.tabs.addTab(self.roster, self.tr("Duty roster"))
        self.tabs.addTab(self.health, self.tr("Staff health"))
        self.tabs.addTab(self.team, self.tr("Team"))
        QVBoxLayout(self).addWidget(self.tabs)
        self.roster.print_requested.connect(self.print_requested.emit)
        self.health.changed.connect(self.changed.emit)
        self.tabs.currentChanged.connect(lambda _i: self.load())

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.load()
        super().showEvent(event)

    def reload(self) -> None:
        if self.isVisible():
            self.load()

    def load(self) -> None:
        tab = self.tabs.currentWidget()
        if tab is self.roster:
            self.roster.fill_groups()
            self.roster.load()
        elif tab is self.health:
            self.health.load()
        else:
            self.team.load()
