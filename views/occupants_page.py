"""Occupants: search as you type (name, pinyin, initials, ID/phone tail, room), filters, details."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.permissions import allowed
from models.reads.audit_log import reveal_identity
from models.reads.lookups import buildings, categories, floors
from models.reads.occupants import SEARCH_CAP, OccupantFilter, StayDetail, stay_detail
from models.rules.identity import mask_id, mask_phone
from models.services.stays import undo_departure_check, undo_permission
from printing.form_names import FULL_IDENTIFIER_FORMS

from .context import AppContext
from .labels import departure_label
from .occupant_model import STAY_ID_ROLE, OccupantModel
from .permissions_ui import explain_disabled, may_not
from .person_dialog import PersonDialog
from .stay_actions import (
    StayActionDialog,
    other_departure_dialog,
    release_date_dialog,
    release_dialog,
    room_change_dialog,
    transfer_dialog,
    undo_departure_dialog,
)
from .temperature_chart import TemperatureChart

ARRIVED_TODAY = "arrived_today"  # the state list's entry for the people who arrived on the site's day


class OccupantsPage(QWidget):
    stay_selected = Signal(int)
    changed = Signal()
    print_requested = Signal(str, int)  # form, stay id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions = sessions = ctx.sessions
        self.actor = ctx.user
        self.model = OccupantModel(sessions, ctx.today(), self, actor=ctx.user, language=ctx.language)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, pinyin (zs), ID or phone tail, room…"))
        self.search.setClearButtonEnabled(True)
        self.present = QCheckBox(self.tr("Present only"), self)
        self.present.setChecked(True)
        self.state = QComboBox(self)
        for label, value in (
            (self.tr("Any state"), None),
            (self.tr("Arrived today"), ARRIVED_TODAY),  # 今日入住: the site's day
            (self.tr("Fever alert"), "fever"),
            (self.tr("Released"), "released"),
            (self.tr("Transferred"), "transferred"),
            (self.tr("Other departure"), "other"),
        ):
            self.state.addItem(label, value)
        self.category = QComboBox(self)
        self.building = QComboBox(self)
        self.due = QComboBox(self)
        self.due.addItem(self.tr("Any release date"), None)
        self.due.addItem(self.tr("Release due today"), 0)
        self.due.addItem(self.tr("Release due tomorrow"), 1)
        self.due.addItem(self.tr("Release within 3 days"), 3)
        self.due.addItem(self.tr("Release between…"), "range")
        self.release_from = QDateEdit(self)
        self.release_to = QDateEdit(self)
        for edit in (self.release_from, self.release_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
        # the two lists the desk works from every morning, one click each
        self.due_today = QPushButton(self.tr("Releases today"), self)
        self.due_tomorrow = QPushButton(self.tr("Releases tomorrow"), self)
        self.due_today.clicked.connect(lambda: self.show_due(0))
        self.due_tomorrow.clicked.connect(lambda: self.show_due(1))
        self.count = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.details = QTextBrowser(self)
        self.chart = TemperatureChart(self)
        self.show_id = QPushButton(self.tr("Show ID in full"), self)
        self.show_id.setCheckable(True)
        explain_disabled(self.show_id, ctx.user.role, "identity")
        self.action_buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, label in (
            ("room", self.tr("Change room")),
            ("date", self.tr("Release date")),
            ("release", self.tr("Release")),
            ("transfer", self.tr("Transfer")),
            ("other", self.tr("Other departure")),
        ):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _c=False, k=key: self.run_action(k))
            button.setEnabled(False)
            actions.addWidget(button)
            self.action_buttons[key] = button
            explain_disabled(button, ctx.user.role, {"room": "rooms", "transfer": "transfer"}.get(key, "departures"))

        # a detail typed wrong at arrival (the phone): corrected here, for someone present or gone
        self.edit_button = QPushButton(self.tr("Edit details…"), self)
        self.edit_button.setToolTip(self.tr("Correct the person's name, phone, address, document… (Ctrl+E)"))
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self.edit_person)
        explain_disabled(self.edit_button, ctx.user.role, "arrivals")
        self.edit_shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        self.edit_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_shortcut.activated.connect(self.edit_person)
        actions.addWidget(self.edit_button)

        # a release, transfer or other departure done by mistake (the wrong row): undone within a day
        self.undo_button = QPushButton(self.tr("Undo the departure…"), self)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_departure)
        self._may_undo_some = explain_disabled(self.undo_button, ctx.user.role, "transfer")  # the wider of the two
        self.undo_shortcut = QShortcut(QKeySequence("Ctrl+Shift+U"), self)
        self.undo_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_shortcut.activated.connect(self.undo_departure)
        actions.addWidget(self.undo_button)

        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setEnabled(False)
        menu = QMenu(self.print_button)
        for form, label in (
            ("arrival-pack", self.tr("Registration form and notice")),
            ("temperature-record", self.tr("Temperature record")),
            ("door-cards", self.tr("Door card")),
            ("release-notices", self.tr("Release notice")),
        ):
            if form in FULL_IDENTIFIER_FORMS and not allowed(ctx.user.role, "identity"):
                continue  # it prints the full ID number: not offered to a role that may not see it
            menu.addAction(label, lambda f=form: self._print(f))
        self.print_button.setMenu(menu)
        actions.addWidget(self.print_button)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for w in (
            self.present,
            self.state,
            self.category,
            self.building,
            self.due,
            self.release_from,
            self.release_to,
            self.due_today,
            self.due_tomorrow,
            self.count,
        ):
            bar.addWidget(w)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.details, 3)
        side_layout.addWidget(self.chart, 2)
        side_layout.addWidget(self.show_id)
        side_layout.addLayout(actions)
        split = QSplitter(self)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self.timer = QTimer(self)  # one query per pause in typing, not per key repeat
        self.timer.setSingleShot(True)
        self.timer.setInterval(120)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.due.currentIndexChanged.connect(self._due_changed)  # before refresh: it sets the range first
        for combo in (self.category, self.building, self.due):
            combo.currentIndexChanged.connect(self.refresh)
        self.present.toggled.connect(self.refresh)
        self.search.installEventFilter(self)  # Down: into the results
        self.search.returnPressed.connect(self._search_entered)
        self.state.currentIndexChanged.connect(self._state_changed)
        for edit in (self.release_from, self.release_to):
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.show_id.toggled.connect(self._show_id_toggled)
        self._detail: StayDetail | None = None
        self._stale = True  # the list is read when the page is first shown (refresh), and again after
        self._load_choices()

    def _load_choices(self) -> None:
        with self.sessions() as s:
            cats = categories(s)  # all of them: people who came under an earlier rule set too
            places = buildings(s)
            levels = floors(s)
        for combo in (self.category, self.building):
            combo.blockSignals(True)  # the first item becomes current: no list to read for it yet
        self.category.addItem(self.tr("All categories"), None)
        for c in cats:
            self.category.addItem(c.label(self.ctx.language), c.code)
        self.building.addItem(self.tr("All buildings"), None)
        for b in places:  # a building, then its floors indented under it
            self.building.addItem(b.name, ("building", b.id))
            for f in levels:
                if f.building_id == b.id:
                    self.building.addItem(f"    {f.label}", ("floor", f.id))
        for combo in (self.category, self.building):
            combo.blockSignals(False)

    @property
    def today(self) -> date:
        """The site's day, from the context's clock (ages, days of stay, "release due today")."""
        return self.ctx.today()

    def current_filter(self) -> OccupantFilter:
        due = self.due.currentData()
        custom = due == "range"
        for edit in (self.release_from, self.release_to):
            edit.setVisible(custom)
        if custom:
            release_from: date | None = self.release_from.date().toPython()  # type: ignore[assignment]
            release_to: date | None = self.release_to.date().toPython()  # type: ignore[assignment]
        elif due is not None:
            release_from, release_to = self.today, self.today + timedelta(days=due)
        else:
            release_from = release_to = None
        place = self.building.currentData()
        state = self.state.currentData()
        arrived = state == ARRIVED_TODAY
        return OccupantFilter(
            text=self.search.text(),
            present_only=self.present.isChecked(),
            category=self.category.currentData(),
            building_id=place[1] if place and place[0] == "building" else None,
            floor_id=place[1] if place and place[0] == "floor" else None,
            release_from=release_from,
            release_to=release_to,
            state=None if arrived else state,
            arrived_on=self.today if arrived else None,
        )

    def _state_changed(self) -> None:
        if self.state.currentData() not in (None, "fever", ARRIVED_TODAY):
            self.present.blockSignals(True)
            self.present.setChecked(False)  # people who left are not present
            self.present.blockSignals(False)
        self.refresh()

    def _due_changed(self) -> None:
        if self.due.currentData() == "range" and self.release_from.date().year() < 2001:
            start = QDate(self.today.year, self.today.month, self.today.day)
            for edit, offset in ((self.release_from, 0), (self.release_to, 7)):
                edit.blockSignals(True)
                edit.setDate(start.addDays(offset))
                edit.blockSignals(False)

    def show_due(self, days_ahead: int) -> None:
        """The people whose planned release is today (0) or tomorrow (1), whatever the other filters."""
        day = self.today + timedelta(days=days_ahead)
        widgets = (self.due, self.release_from, self.release_to, self.building, self.category, self.present, self.state)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.category.setCurrentIndex(0)
        self.building.setCurrentIndex(0)
        self.present.setChecked(True)
        self.state.setCurrentIndex(0)
        self.due.setCurrentIndex(self.due.findData("range"))
        self.release_from.setDate(QDate(day.year, day.month, day.day))
        self.release_to.setDate(QDate(day.year, day.month, day.day))
        for widget in widgets:
            widget.blockSignals(False)
        self.timer.stop()
        self.refresh()

    def refresh_when_shown(self) -> None:
        """Something changed (here or at another desk): the list is read again now if the page is shown,
        else when it is next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def load_if_stale(self) -> None:
        """The list read if it was not yet, or something changed while the page was not shown."""
        if self._stale:
            self.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.load_if_stale()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        current = self.table.currentIndex()
        keep = current.data(STAY_ID_ROLE) if current.isValid() else None
        self.model.reload(self.current_filter(), self.today)
        if self.model.broad:
            self.count.setText(self.tr("More than %n people: type more to narrow the search", "", SEARCH_CAP))
        else:
            self.count.setText(self.tr("%n people", "", self.model.total))
        if keep is not None:  # another desk's change must not lose the person being read
            for row, r in enumerate(self.model.rows):
                if r.stay_id == keep:
                    self.table.selectRow(row)
                    break

    def _search_now(self) -> None:
        """The search typed so far, without waiting for the pause in typing."""
        if self.timer.isActive():
            self.timer.stop()
            self.refresh()

    def eventFilter(self, obj, event) -> bool:  # type: ignore[no-untyped-def]
        if obj is self.search and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.focus_results()
            return True
        return super().eventFilter(obj, event)

    def focus_results(self) -> bool:
        """Down in the search box: into the results, on the first row."""
        self._search_now()
        if not self.model.rows:
            return False
        self.table.selectRow(0)
        self.table.setFocus()
        return True

    def _search_entered(self) -> None:
        """Enter in the search box: one person found is chosen, as a click on the row would."""
        self._search_now()
        if len(self.model.rows) == 1:
            self.table.selectRow(0)
            self.table.setFocus()

    def select_stay(self, stay_id: int) -> bool:
        """Show one stay (e.g. from a scanned QR code), searching all stays if needed."""
        for row, r in enumerate(self.model.rows):
            if r.stay_id == stay_id:
                self.table.selectRow(row)
                return True
        with self.sessions() as s:
            detail = stay_detail(s, stay_id)
        self.present.setChecked(False)
        self.search.setText(detail.name)
        self.refresh()
        for row, r in enumerate(self.model.rows):
            if r.stay_id == stay_id:
                self.table.selectRow(row)
                return True
        return False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        stay_id = current.data(STAY_ID_ROLE) if current.isValid() else None
        self.show_id.setChecked(False)
        if stay_id is None:
            self._detail = None
            self.details.clear()
            self._show_current()  # disables the actions
            return
        with self.sessions() as s:
            self._detail = stay_detail(s, stay_id)
        self._show_current()
        self.stay_selected.emit(stay_id)

    def _print(self, form: str) -> None:
        if self._detail is not None:
            self.print_requested.emit(form, self._detail.stay_id)

    def _show_id_toggled(self, on: bool) -> None:
        """Showing an ID number and phone in full is an audited action (who, when, whose)."""
        if on and self._detail is not None:
            try:
                with self.sessions() as s:
                    reveal_identity(s, self.actor, self._detail.person_id)
            except DomainError as e:
                self.show_id.setChecked(False)
                self.details.append(self.ctx.message(e))
                return
        self._show_current()

    def action_dialog(self, key: str) -> StayActionDialog | None:
        d = self._detail
        if d is None or d.departed_at is not None:
            return None
        if key == "room":
            return room_change_dialog(self.ctx, d.stay_id, self)
        if key == "date":
            return release_date_dialog(self.ctx, d.stay_id, d.planned_release, self)
        if key == "release":
            return release_dialog(self.ctx, d.stay_id, self)
        if key == "transfer":
            return transfer_dialog(self.ctx, d.stay_id, self)
        return other_departure_dialog(self.ctx, d.stay_id, self)

    def person_dialog(self) -> PersonDialog | None:
        """Edit the selected person's details; None without a person or for a role that may not."""
        if self._detail is None or not allowed(self.ctx.user.role, "arrivals"):
            return None
        try:
            return PersonDialog(self.ctx, self._detail.person_id, self)
        except DomainError as e:
            self.details.append(self.ctx.message(e))
            return None

    def edit_person(self) -> None:
        dialog = self.person_dialog()
        if dialog is not None and dialog.exec() and dialog.saved:
            self.after_action()

    def undo_refusal(self) -> str | None:
        """Why the selected stay's departure cannot be undone now (in the user's language), or None."""
        d = self._detail
        if d is None or d.departed_at is None or d.departure_kind is None:
            return self.tr("Only the departure of a person who has left can be undone")
        permission = undo_permission(d.departure_kind)
        if not allowed(self.ctx.user.role, permission):
            return may_not(self.ctx.user.role, permission)
        with self.sessions() as s:
            refusal = undo_departure_check(s, d.stay_id, self.ctx.now())
        return self.ctx.message(refusal) if refusal is not None else None

    def undo_dialog(self) -> StayActionDialog | None:
        """The undo-the-departure dialog for the selected stay, None when it cannot be undone."""
        if self._detail is None or self.undo_refusal() is not None:
            return None
        return undo_departure_dialog(self.ctx, self._detail.stay_id, self)

    def undo_departure(self) -> None:
        dialog = self.undo_dialog()
        if dialog is not None and dialog.exec():
            self.after_action()

    def run_action(self, key: str) -> None:
        dialog = self.action_dialog(key)
        if dialog is not None and dialog.exec():
            self.after_action()

    def after_action(self) -> None:
        stay_id = self._detail.stay_id if self._detail else None
        self.refresh()
        self.changed.emit()
        if stay_id is not None:
            with self.sessions() as s:
                self._detail = stay_detail(s, stay_id)
            self._show_current()

    def _show_current(self) -> None:
        d = self._detail
        for button in self.action_buttons.values():
            button.setEnabled(d is not None and d.departed_at is None)
        self.print_button.setEnabled(d is not None)
        self.edit_button.setEnabled(d is not None and allowed(self.ctx.user.role, "arrivals"))
        if self._may_undo_some:  # else disabled for good, saying the role may not
            why = self.undo_refusal() if d is not None else None
            self.undo_button.setEnabled(d is not None and why is None)
            tip = why or self.tr("Put the person back in their room, with a reason (Ctrl+Shift+U)")
            self.undo_button.setToolTip(tip)
            self.undo_button.setStatusTip(tip)
        if d is None:
            return
        zh = self.model.language.startswith("zh")
        doc = d.doc_number if self.show_id.isChecked() else mask_id(d.doc_number)
        phone = (d.phone or "") if self.show_id.isChecked() else mask_phone(d.phone)
        if d.departed_at is None:
            progress = self.tr("Day {0} of {1}").format(d.day_n(self.today), d.days_total)
        else:
            progress = self.tr("Left on {0}").format(self.ctx.local_date(d.departed_at).isoformat())
        id_label, phone_label, category_label = self.tr("ID"), self.tr("Phone"), self.tr("Category")
        from_label, arrived_label, release_label = self.tr("From"), self.tr("Arrived"), self.tr("Release date")
        arrived = self.ctx.local_date(d.arrived_at)  # the site's day, not the UTC one
        lines = [
            f"<h3>{d.name} <small>{d.room}</small></h3>",
            f"<p>{id_label}: {doc} · {phone_label}: {phone}<br>",
            f"{category_label}: {d.category_zh if zh else d.category_en} · {from_label}: {d.origin}<br>",
            f"{arrived_label}: {arrived} · {release_label}: {d.planned_release} · <b>{progress}</b>",
        ]
        if d.special_needs:
            needs_label = self.tr("Special needs")
            lines.append(f"<br>{needs_label}: {d.special_needs}")
        lines.append("</p><ul>")
        for e in d.timeline:
            text = e.text_zh if zh else e.text_en
            if e.kind == "departure" and d.departure_kind is not None:  # the kind in words, not its code
                text = departure_label(d.departure_kind)
            lines.append(f"<li>{self.ctx.local_date(e.at)} {text}</li>")
        lines.append("</ul>")
        self.details.setHtml("".join(lines))
        self.chart.set_readings(d.readings, d.threshold)
        self.chart.setToolTip(self.tr("Threshold {0} °C").format(d.threshold))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.search.clear()
            return
        super().keyPressEvent(event)
