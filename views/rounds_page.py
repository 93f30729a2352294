"""Rounds (健康观察): enter a paper sheet of temperatures from the keyboard, one room after the other.

Keys, in the entry box (the focus never has to leave it):
  365 or 36.5, Enter   save this person's reading and go to the next room
  F1 … F7              toggle a symptom for the reading about to be saved (发热 干咳 乏力 咽痛 嗅味觉减退 腹泻 其他)
  F9 / F10 / F11       not measured: asleep / refused / out for transfer (saved at once)
  F8                   close the fever alert of this row (or the first open one) with a decision…
  F12                  recheck (复测): names the fever row whose recheck is typed next (F12 again: the next
                       one, Esc: back); Enter saves it as that person's recheck and returns
  Up / Down            previous / next room
A reading at or above the site threshold turns the row red, opens a fever alert and goes on to the next
room like any reading: the row stays red and listed as awaiting a recheck until one is typed after F12.
A number typed on a row that already has a reading corrects it (the old value stays in the audit trail),
a fever row included: that never counts as its recheck. The desk is asked first ("Replace 36.5 with 37.1
for room 108?", No by default, Esc keeps the reading); the recheck step (F12) adds a reading and asks nothing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.permissions import allowed
from models.reads.lookups import floors
from models.reads.roster import on_duty_name
from models.reads.rounds import RoundRow, round_sheet
from models.reads.today import current_slot
from models.services.observations import missing_readings
from models.services.round_entry import Entry, awaits_recheck, enter_value, is_fever, replacement
from models.services.sites import get_site
from models.store.orm import SYMPTOMS, GroupDuty, Slot
from ui import palette
from ui.theme import mark_status

from .context import AppContext
from .labels import symptoms_text
from .permissions_ui import explain_disabled, may_not
from .stay_actions import close_alert_flow

Index = QModelIndex | QPersistentModelIndex
SYMPTOM_KEYS = [Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F5, Qt.Key.Key_F6, Qt.Key.Key_F7]
REASON_KEYS = {Qt.Key.Key_F9: "asleep", Qt.Key.Key_F10: "refused", Qt.Key.Key_F11: "transfer"}


class RoundModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RoundRow] = []
        self.threshold = float("inf")  # no fever before set_rows gives the site's threshold
        self.zh = True
        self.lang = "zh_CN"  # the page's language: readings not measured show their reason in it
        self.headers = [
            self.tr("Room"),
            self.tr("Name"),
            self.tr("Previous"),
            self.tr("Reading"),
            self.tr("Recheck"),
            self.tr("Symptoms"),
        ]

    def set_rows(self, rows: list[RoundRow], threshold: float) -> None:
        self.beginResetModel()
        self.rows, self.threshold = rows, threshold
        self.endResetModel()

    def refresh_row(self, i: int, row: RoundRow) -> None:
        self.rows[i] = row
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.headers) - 1))

    def fever(self, row: RoundRow) -> bool:
        return is_fever(row.latest, self.threshold)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{r.floor} {r.room}" + (f"-{r.bed}" if r.bed > 1 else "")
            if col == 1:
                return r.name
            if col == 2:
                return r.previous.text(self.lang) if r.previous else ""
            if col == 3:
                return r.reading.text(self.lang) if r.reading else ""
            if col == 4:
                return " → ".join(x.text(self.lang) for x in r.rechecks)
            if col == 5:
                latest = r.latest
                codes = latest.symptoms if latest else ()
                return symptoms_text(codes, self.lang)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.fever_cell(r, col):
                return QColor(palette.ALERT)
            if self.fever(r):
                return QColor(palette.ALERT_LIGHT)
            if r.reading is not None and r.reading.temperature is None:
                return QColor(palette.MUTED_LIGHT)
            if r.reading is not None:
                return QColor(palette.OK_LIGHT)
        if role == Qt.ItemDataRole.FontRole and self.fever_cell(r, col):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (r.reading is not None or self.fever_cell(r, col)):
            return QColor(palette.TEXT)  # dark on the light fills, on the dark theme too
        return None

    def fever_cell(self, r: RoundRow, col: int) -> bool:
        """The temperature that is a fever stands out from its row: the reading, or the latest recheck."""
        if col == 3:
            return is_fever(r.reading, self.threshold)
        return col == 4 and bool(r.rechecks) and is_fever(r.rechecks[-1], self.threshold)


class RoundsPage(QWidget):
    changed = Signal()
    print_requested = Signal(object)  # floor id, or None for every floor

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions = ctx.sessions
        self.actor = ctx.user
        self.lang = ctx.language
        self.model = RoundModel(self)
        self.model.zh = self.lang == "zh_CN"
        self.model.lang = self.lang
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.slot = QComboBox(self)
        self.slot.addItem(self.tr("Morning"), Slot.MORNING.value)
        self.slot.addItem(self.tr("Evening"), Slot.EVENING.value)
        self.floor = QComboBox(self)
        # who takes the readings: the health observation group's person on duty (the roster's), or typed
        self.taken_by = QLineEdit(self)
        self.taken_by.setMaxLength(100)
        self.taken_by.setPlaceholderText(self.tr("who takes the readings"))
        self._taken_by_typed = False  # typed by the desk: kept; else the roster's, read again at each round
        self.taken_by.textEdited.connect(lambda _t: setattr(self, "_taken_by_typed", True))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys belong to the entry box
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.entry = QLineEdit(self)
        self.entry.setPlaceholderText(self.tr("Temperature, e.g. 365 then Enter"))
        self.entry.installEventFilter(self)
        self.entry.returnPressed.connect(self.save_current)
        explain_disabled(self.entry, ctx.user.role, "readings")
        self.current_label = QLabel(self)
        self.pending_label = QLabel(self)
        self.rechecks = QLabel(self)  # who waits for a recheck
        self.rechecks.setWordWrap(True)
        self.message = mark_status(QLabel(self))
        self.message.setWordWrap(True)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        legend = QLabel(
            self.tr(
                "Enter: save and next · F1 fever F2 dry cough F3 fatigue F4 sore throat F5 smell/taste "
                "F6 diarrhoea F7 other · F8 close the fever alert · F9 asleep F10 refused F11 out for transfer · "
                "F12 recheck · ↑↓ rooms"
            ),
            self,
        )
        legend.setWordWrap(True)
        top = QHBoxLayout()
        for label, w in ((self.tr("Date"), self.day), (self.tr("Round"), self.slot), (self.tr("Floor"), self.floor),
                         (self.tr("Taken by"), self.taken_by)):  # fmt: skip
            top.addWidget(QLabel(label, self))
            top.addWidget(w)
        top.addStretch(1)
        self.print_button = QPushButton(self.tr("Print observation sheets…"), self)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.floor.currentData()))
        top.addWidget(self.print_button)
        self.close_alert_button = QPushButton(self.tr("Close the fever alert… (F8)"), self)
        self.close_alert_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys belong to the entry box: F8
        self.close_alert_button.clicked.connect(self.close_alert)
        self.may_close_alerts = explain_disabled(self.close_alert_button, ctx.user.role, "alerts")
        top.addWidget(self.close_alert_button)
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.current_label, 2)
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.pending_label, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry_row)
        layout.addWidget(legend)
        layout.addWidget(self.message)
        layout.addWidget(self.rechecks)
        layout.addWidget(self.missing)
        self.current = 0
        self.recheck_return: int | None = None  # in the recheck step: the row to go back to afterwards
        self.pending: set[str] = set()
        self._floors_loaded = False
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.slot.currentIndexChanged.connect(lambda _i: self.refresh())
        self.floor.currentIndexChanged.connect(lambda _i: self.refresh())

    # --- loading -------------------------------------------------------------------------------------
    def start(self, day: date | None = None, slot: Slot | None = None, floor_id: int | None = None) -> None:
        """Open a round: today and the slot of the hour unless told otherwise."""
        now = self.ctx.site_now()  # the site's wall clock: its day and the round of the hour
        with self.sessions() as s:
            if not self._floors_loaded:
                self.floor.blockSignals(True)
                self.floor.addItem(self.tr("Whole site"), None)
                for f in floors(s):
                    self.floor.addItem(f.label, f.id)
                self.floor.blockSignals(False)
                self._floors_loaded = True
            if not self._taken_by_typed or not self.taken_by.text():  # the health group's person on duty now
                self.taken_by.setText(on_duty_name(s, GroupDuty.HEALTH, self.ctx.now()))
                self._taken_by_typed = False
        day = day or now.date()
        slot = slot or current_slot(now, self.ctx.timezone)  # the domain's rule for "the round of the hour"
        for w in (self.day, self.slot, self.floor):
            w.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.slot.setCurrentIndex(self.slot.findData(slot.value))
        self.floor.setCurrentIndex(max(0, self.floor.findData(floor_id)))
        for w in (self.day, self.slot, self.floor):
            w.blockSignals(False)
        self.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self._floors_loaded:
            self.start()
        super().showEvent(event)
        self.entry.setFocus()

    def selected_day(self) -> date:
        return self.day.date().toPython()  # type: ignore[return-value]

    def selected_slot(self) -> Slot:
        return Slot(self.slot.currentData())

    def refresh(self) -> None:
        """Load the round afresh and go to the first room without a reading."""
        rows = self._load_rows()
        first_empty = next((i for i, r in enumerate(rows) if r.reading is None), 0)
        self.go(first_empty)
        self._show_missing()

    def reload(self) -> None:
        """Another desk changed something: redraw, staying on the same person with what is typed."""
        if not self._floors_loaded:
            return
        stay_id = self.model.rows[self.current].stay_id if self.model.rows else None
        back = self.model.rows[self.recheck_return].stay_id if self.recheck_return is not None else None
        text, pending, message = self.entry.text(), set(self.pending), self.message.text()
        rows = self._load_rows()
        here = next((i for i, r in enumerate(rows) if r.stay_id == stay_id), self.current)
        self.go(here)
        if back is not None and rows and self.awaiting_recheck(self.model.rows[self.current]):
            self._start_recheck(self.current, next((i for i, r in enumerate(rows) if r.stay_id == back), here))
        elif back is not None:  # that fever was rechecked meanwhile: what was typed is not kept
            text = ""
        self.entry.setText(text)
        self.pending = pending
        self._show_pending()
        self.message.setText(message)
        self._show_missing()

    def _load_rows(self) -> list[RoundRow]:
        with self.sessions() as s:
            threshold = get_site(s).fever_threshold
            rows = round_sheet(s, self.selected_day(), self.selected_slot(), self.floor.currentData())
        self.model.set_rows(rows, threshold)
        return rows

    # --- moving ----------------------------------------------------------------------------------------
    def go(self, row: int) -> None:
        self._leave_recheck()
        if not self.model.rows:
            self.current = 0
            self.current_label.setText(self.tr("Nobody present for this round"))
            return
        self.current = max(0, min(row, len(self.model.rows) - 1))
        self.pending = set()
        self.entry.clear()
        self.table.selectRow(self.current)
        self.table.scrollTo(self.model.index(self.current, 0))
        r = self.model.rows[self.current]
        self.current_label.setText(f"{r.floor} {r.room} · {r.name}")
        if self.awaiting_recheck(r):
            self.message.setText(
                self.tr(
                    "Fever waiting for a recheck: F12 to type the recheck (a number typed here corrects the reading)"
                )
            )
        self._show_pending()

    def awaiting_recheck(self, r: RoundRow) -> bool:
        return awaits_recheck(r, self.model.threshold)

    # --- closing a fever alert with a decision (F8) ----------------------------------------------------
    def close_alert(self) -> None:
        """F8: close the open fever alert of the current row (else of the first row with one) with a decision."""
        if not allowed(self.ctx.user.role, "alerts"):
            self.message.setText(may_not(self.ctx.user.role, "alerts"))
            return
        rows = self.model.rows
        target = next((i for i in [self.current, *range(len(rows))] if 0 <= i < len(rows) and rows[i].alert_open), None)
        if target is None:
            self.message.setText(self.tr("No fever alert is open on this round."))
            return
        r = rows[target]
        if close_alert_flow(self.ctx, r.stay_id, self):
            self.changed.emit()
            self.reload()
            self.message.setText(self.tr("{0} {1} · {2}: fever alert closed").format(r.floor, r.room, r.name))
        self.entry.setFocus()

    # --- the recheck step (F12) ----------------------------------------------------------------------
    def recheck(self) -> None:
        """F12: the recheck of the current row if it waits for one, else of the first row waiting (in the
        step already: the next one). Shows whose recheck it is before anything is typed."""
        waiting = [i for i, r in enumerate(self.model.rows) if self.awaiting_recheck(r)]
        if not waiting:
            self.message.setText(self.tr("No fever is waiting for a recheck."))
            return
        if self.recheck_return is not None:
            target = next((i for i in waiting if i > self.current), waiting[0])
            self._start_recheck(target, self.recheck_return)
        else:
            self._start_recheck(self.current if self.current in waiting else waiting[0], self.current)

    def _start_recheck(self, row: int, back: int) -> None:
        self.go(row)
        self.recheck_return = back
        r = self.model.rows[row]
        fever = r.latest.text(self.lang) if r.latest else ""
        self.current_label.setText(
            self.tr("Recheck (复测) of {0} {1} · {2} ({3} °C)").format(r.floor, r.room, r.name, fever)
        )
        self.entry.setPlaceholderText(self.tr("Recheck temperature, then Enter · Esc: back"))
        self.message.setText(
            self.tr("Type the recheck of {0} {1} · {2}, then Enter (Esc: back)").format(r.floor, r.room, r.name)
        )

    def _leave_recheck(self) -> None:
        if self.recheck_return is not None:
            self.recheck_return = None
            self.entry.setPlaceholderText(self.tr("Temperature, e.g. 365 then Enter"))

    def eventFilter(self, obj, event) -> bool:  # type: ignore[no-untyped-def]
        if obj is self.entry and event.type() == event.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Down:
                self.go(self.current + 1)
                return True
            if key == Qt.Key.Key_Up:
                self.go(self.current - 1)
                return True
            if key in SYMPTOM_KEYS:
                code = SYMPTOMS[SYMPTOM_KEYS.index(key)]
                self.pending ^= {code}
                self._show_pending()
                return True
            if key == Qt.Key.Key_F12:
                self.recheck()
                return True
            if key == Qt.Key.Key_F8:
                self.close_alert()
                return True
            if key == Qt.Key.Key_Escape and self.recheck_return is not None:
                self.message.clear()
                self.go(self.recheck_return)
                return True
            if key in REASON_KEYS:
                if self.recheck_return is None:  # a recheck is a temperature: no "not measured" in that step
                    self.save_current(not_measured=REASON_KEYS[key])
                return True
        return super().eventFilter(obj, event)

    def _show_pending(self) -> None:
        codes = [c for c in SYMPTOMS if c in self.pending]
        text = symptoms_text(codes, self.lang)
        self.pending_label.setText(self.tr("Symptoms: {0}").format(text) if codes else "")

    # --- saving ------------------------------------------------------------------------------------------
    def save_current(self, not_measured: str | None = None) -> bool:
        """Save what is in the entry box for the current row. True when saved."""
        if not self.model.rows:
            return False
        r = self.model.rows[self.current]
        back = self.recheck_return  # None unless in the recheck step (F12)
        typed, in_recheck = self.entry.text(), back is not None
        replaced = replacement(r, typed, not_measured=not_measured, recheck=in_recheck, lang=self.lang)
        if replaced is not None and not self.confirm_replace(r, *replaced):
            self.message.setText(self.tr("Kept {0} for room {1} ({2})").format(replaced[0], self._room(r), r.name))
            self.entry.selectAll()  # nothing saved: still on this row, what was typed kept
            return False
        with self.sessions() as s:  # the domain decides: new reading, correction, or the recheck asked for
            result = enter_value(
                s,
                self.actor,
                r.stay_id,
                self.selected_day(),
                self.selected_slot(),
                self.entry.text(),
                symptoms=tuple(c for c in SYMPTOMS if c in self.pending),
                not_measured=not_measured,
                expected_version=r.reading.version if r.reading else None,
                recheck=back is not None,
                taken_by=self.taken_by.text(),
            )
        if not result.saved:
            if result.kind is Entry.SKIPPED:  # Enter on an empty box: skip this room (or leave the recheck)
                self.go(self.current + 1 if back is None else back)
            else:
                self.message.setText(result.message(self.lang))
                self.entry.selectAll()
            return False
        row = result.row or r
        self.model.refresh_row(self.current, row)
        self.changed.emit()
        self.go(self.current + 1 if back is None else back)  # a fever goes on too: its recheck is F12
        latest = row.latest.text(self.lang) if row.latest else ""
        if result.kind is Entry.RECHECK and result.awaiting_recheck:
            self.message.setText(
                self.tr("{0} {1} · {2}: recheck {3} °C is still a fever; the alert stays open").format(
                    row.floor, row.room, row.name, latest
                )
            )
        elif result.kind is Entry.RECHECK:
            self.message.setText(
                self.tr("{0} {1} · {2}: recheck {3} °C saved").format(row.floor, row.room, row.name, latest)
            )
        elif result.awaiting_recheck:
            self.message.setText(
                self.tr("{0} {1} · {2}: {3} °C is a fever. Alert opened; F12 to type the recheck (复测)").format(
                    row.floor, row.room, row.name, latest
                )
            )
        elif not self.awaiting_recheck(self.model.rows[self.current]):
            self.message.clear()
        self._show_missing()
        return True

    @staticmethod
    def _room(r: RoundRow) -> str:
        return r.room + (f"-{r.bed}" if r.bed > 1 else "")

    def confirm_replace(self, r: RoundRow, old: str, new: str) -> bool:
        """Ask before a reading saved for this round is overwritten: Yes replaces; No (the default) and Esc
        keep it."""
        answer = QMessageBox.question(
            self,
            self.tr("Replace the reading"),
            self.tr("Replace {0} with {1} for room {2} ({3})?").format(old, new, self._room(r), r.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_missing(self) -> None:
        waiting = [f"{r.room} {r.name}" for r in self.model.rows if self.awaiting_recheck(r)]
        self.rechecks.setText(
            self.tr("Awaiting a recheck (F12) ({0}): {1}").format(len(waiting), "、".join(waiting)) if waiting else ""
        )
        with self.sessions() as s:
            missing = missing_readings(s, self.selected_day(), self.selected_slot(), self.floor.currentData())
        if not missing:
            self.missing.setText(self.tr("Every person present has a reading for this round."))
            return
        names = "、".join(f"{m.room} {m.name}" for m in missing[:30])
        more = f" …(+{len(missing) - 30})" if len(missing) > 30 else ""
        self.missing.setText(self.tr("Missing ({0}): {1}").format(len(missing), names + more))
