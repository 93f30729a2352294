"""Single arrival: live validation (the ID fills birth date and sex), suggested room with its reason,
confirm = register + check in, one transaction. Errors are shown in the user's language; nothing is saved.
An error shown goes as soon as the desk changes a field (it was about what was typed before); Esc on a form
with something typed in it asks before throwing that away."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from models.errors import DomainError
from models.reads.lookups import categories, free_rooms
from models.rules.identity import age_on, normalise_mobile, parse_resident_id
from models.services.allocation import AllocationRequest, companion_slots, suggest_room
from models.services.arrivals import ArrivalInput, register_arrival
from models.store.orm import CompanionReason, DocType, Sex, Stay
from ui import palette

from .context import AppContext
from .date_field import DateField
from .labels import doc_type_label, sex_label

NEEDS = ["elderly", "child", "pregnant", "chronic", "allergy", "diet", "mobility"]
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1  # a room's number, apart from its label "401 (2)"
ROOM_SHOWN = "font-size: 22px; font-weight: bold;"  # a style sheet: the theme's font rules override setFont


class RoomCombo(QComboBox):
    """Free rooms; digits typed pick the room with the WHOLE number typed (111 is never 1110), no room
    while what is typed is no room's number. Backspace takes a digit back; leaving the field starts
    over, and so does a digit after a chosen room that no number continues. No timer: what is typed
    is what counts."""

    typed_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed = ""

    def add_room(self, label: str, room_id: int, number: str) -> None:
        self.addItem(label, room_id)
        self.setItemData(self.count() - 1, number, NUMBER_ROLE)

    def numbers(self) -> list[str]:
        return [str(self.itemData(i, NUMBER_ROLE) or self.itemText(i)) for i in range(self.count())]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() or (event.key() == Qt.Key.Key_Backspace and self.typed):
            typed = self.typed[:-1] if not text.isdigit() else self.typed + text
            numbers = self.numbers()
            if text.isdigit() and self.typed in numbers and not any(n.startswith(typed) for n in numbers):
                typed = text  # a room was chosen and no number goes on like that: a new number
            self.typed = typed
            self.setCurrentIndex(numbers.index(typed) if typed in numbers else -1)
            self.typed_changed.emit()  # what is typed changed, perhaps not the room
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.typed = ""
        super().focusOutEvent(event)


class ArrivalDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        room_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        sessions: sessionmaker[Session] = ctx.sessions
        self.sessions, self.actor = sessions, ctx.user
        self.stay: Stay | None = None
        self.lang = ctx.language
        self.setWindowTitle(self.tr("New arrival"))
        with sessions() as s:
            cats = categories(s, in_force_only=True)  # what the site's rule set can register
        self.name = QLineEdit(self)
        self.doc_type = QComboBox(self)
        for value in DocType:  # the order of the enum: resident ID first
            self.doc_type.addItem(doc_type_label(value), value.value)
        self.doc_number = QLineEdit(self)
        self.id_info = QLabel(self)
        self.sex = QComboBox(self)
        for sex in Sex:
            self.sex.addItem(sex_label(sex), sex.value)
        self.phone = QLineEdit(self)
        self.phone_info = QLabel(self)
        self.category = QComboBox(self)
        for c in cats:
            self.category.addItem(c.label(self.lang), c.code)
        self.has_exposure = QCheckBox(self.tr("Last exposure known"), self)
        # the site's wall clock, whatever the PC's time zone; read back in the site's zone (_when)
        self.exposure = DateField(ctx, self)
        self.exposure.setEnabled(False)
        self.arrived = DateField(ctx, self)
        self.origin = QLineEdit(self)
        self.address = QLineEdit(self)
        self.needs = QLineEdit(self)
        self.needs.setPlaceholderText(self.tr("e.g. elderly, diabetes, reduced mobility, halal diet"))
        self.notes = QLineEdit(self)
        self.emergency_contact = QLineEdit(self)
        self.emergency_contact.setPlaceholderText(self.tr("Name and relation, e.g. Li Hua (spouse)"))
        self.emergency_phone = QLineEdit(self)
        # companions (同住人): a child under 14, a pregnant woman or a dependent joins their carer's room
        self.companion = QComboBox(self)
        self.companion.addItem(self.tr("Nobody: a room of their own"), None)
        with sessions() as s:
            for slot in companion_slots(s):
                self.companion.addItem(f"{slot.room} · {slot.name}", (slot.stay_id, slot.room_id, slot.room, slot.name))
        self.companion_reason = QComboBox(self)
        for value, label in (
            (CompanionReason.CHILD, self.tr("Child under 14")),
            (CompanionReason.PREGNANT, self.tr("Pregnant")),
            (CompanionReason.DEPENDENT, self.tr("Dependent, needs a carer")),
            (CompanionReason.FAMILY, self.tr("Family, chosen by the desk")),
        ):
            self.companion_reason.addItem(label, value.value)
        self.companion_reason.setEnabled(False)
        # a family or travel group (optional, free text): the suggestion keeps a group on one floor
        self.group = QLineEdit(self)
        self.group.setPlaceholderText(self.tr("e.g. Zhang family, flight CA123"))
        self.room = RoomCombo(self)
        self.room_shown = QLabel(self)  # the room that will be saved, large: checked before confirming
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Document"), self.doc_type)
        form.addRow(self.tr("Document number"), self.doc_number)
        form.addRow("", self.id_info)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Mobile"), self.phone)
        form.addRow("", self.phone_info)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.has_exposure, self.exposure)
        form.addRow(self.tr("Arrival"), self.arrived)
        form.addRow(self.tr("From"), self.origin)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Emergency contact"), self.emergency_contact)
        form.addRow(self.tr("Emergency contact's phone"), self.emergency_phone)
        form.addRow(self.tr("Special needs"), self.needs)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Shares a room with"), self.companion)
        form.addRow(self.tr("Why together"), self.companion_reason)
        form.addRow(self.tr("Group"), self.group)
        form.addRow(self.tr("Room"), self.room)
        form.addRow("", self.room_shown)
        form.addRow("", self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Register and check in"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.doc_number.textChanged.connect(self._check_id)
        self.doc_type.currentIndexChanged.connect(self._check_id)
        self.phone.editingFinished.connect(self._check_phone)
        self.has_exposure.toggled.connect(self.exposure.setEnabled)
        self.needs.editingFinished.connect(self._suggest)
        self.group.editingFinished.connect(self._suggest)
        self.companion.currentIndexChanged.connect(self._companion_changed)
        self.room.currentIndexChanged.connect(self._show_room)
        self.room.typed_changed.connect(self._show_room)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        for edit in self._typed_fields():  # a change makes an error shown about the earlier input stale
            edit.textEdited.connect(self.error.clear)
        for combo in (self.doc_type, self.sex, self.category, self.companion, self.companion_reason, self.room):
            combo.activated.connect(self.error.clear)
        for field in (self.exposure, self.arrived):
            field.changed.connect(self.error.clear)
        self.has_exposure.toggled.connect(self.error.clear)
        self._load_rooms()
        self.fixed_room = room_id
        self._suggest()
        self._show_room()

    def _msg(self, err: DomainError) -> str:
        return err.message(self.lang)

    def _typed_fields(self) -> list[QLineEdit]:
        return [self.name, self.doc_number, self.phone, self.origin, self.address, self.emergency_contact,
                self.emergency_phone, self.needs, self.notes, self.group]  # fmt: skip

    def half_filled(self) -> bool:
        """Something was typed that Esc would throw away."""
        return any(e.text().strip() for e in self._typed_fields()) or self.has_exposure.isChecked()

    def ask_discard(self) -> bool:
        """Esc or Cancel on a form with something typed: ask first (No, the default, keeps the form)."""
        answer = QMessageBox.question(
            self,
            self.tr("Discard this arrival?"),
            self.tr("What was typed for this arrival is not saved and will be lost. Discard it?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        if self.stay is None and self.half_filled() and not self.ask_discard():
            return
        super().reject()

    # --- live validation ---------------------------------------------------------------------
    def _check_id(self) -> None:
        text = self.doc_number.text().strip()
        if self.doc_type.currentData() != DocType.RESIDENT_ID.value or len(text) < 15:
            self.id_info.clear()
            return
        try:
            rid = parse_resident_id(text)
        except DomainError as e:
            self.id_info.setText(f"<span style='color:#c62828'>{self._msg(e)}</span>")
            return
        self.sex.setCurrentIndex(self.sex.findData(rid.sex.value))
        age = age_on(rid.birth_date, self.ctx.today())  # the site's day, not the UTC one
        if age is not None and age < 14:  # the usual reason a child shares: preset, still changeable
            self.companion_reason.setCurrentIndex(self.companion_reason.findData(CompanionReason.CHILD.value))
        info = self.tr("Born {0}, {1}").format(rid.birth_date.isoformat(), self.sex.currentText())
        if rid.warnings:
            info += " · " + self.tr("unknown region code (accepted)")
        self.id_info.setText(f"<span style='color:#2e7d32'>✓ {info}</span>")
        self._suggest()

    def _check_phone(self) -> None:
        try:
            normalise_mobile(self.phone.text())
            self.phone_info.clear()
        except DomainError as e:
            self.phone_info.setText(f"<span style='color:#c62828'>{self._msg(e)}</span>")

    # --- rooms -------------------------------------------------------------------------------
    def _load_rooms(self) -> None:
        with self.sessions() as s:
            rooms = free_rooms(s)
        for room in rooms:
            self.room.add_room(room.label, room.id, room.number)

    def _show_room(self) -> None:
        if self.room.currentIndex() >= 0:
            self.room_shown.setText(self.tr("Room {0}").format(self.room.currentText()))
            self.room_shown.setStyleSheet(ROOM_SHOWN)
        else:
            typed = self.room.typed
            self.room_shown.setText(self.tr("No free room {0}").format(typed) if typed else self.tr("No room chosen"))
            self.room_shown.setStyleSheet(f"{ROOM_SHOWN} color: {palette.BAD_TEXT};")

    def _companion_changed(self) -> None:
        chosen = self.companion.currentData()
        self.companion_reason.setEnabled(chosen is not None)
        self.room.setEnabled(chosen is None)
        if chosen is None:
            self._suggest()
            return
        _stay_id, room_id, room, name = chosen
        if self.room.findData(room_id) < 0:  # an occupied room: not in the list of free ones
            self.room.add_room(room, room_id, room)
        self.room.setCurrentIndex(self.room.findData(room_id))
        self.reason.setText(self.tr("Shares room {0} with {1}").format(room, name))

    def _suggest(self) -> None:
        if self.companion.currentData() is not None:  # the companion's room decides
            return
        if self.fixed_room is not None:  # chosen on the board
            self.room.setCurrentIndex(self.room.findData(self.fixed_room))
            self.reason.setText(self.tr("Chosen on the room board"))
            return
        needs = self.needs.text()
        request = AllocationRequest(
            needs_accessible=any(k in needs for k in ("行动不便", "轮椅", "无障碍", "mobility")),
            group=self.group.text().strip() or None,
        )
        with self.sessions() as s:
            suggestion = suggest_room(s, request)
        if suggestion.room_id is not None:
            self.room.setCurrentIndex(self.room.findData(suggestion.room_id))
        self.reason.setText(self.tr("Suggested: {0} — {1}").format(suggestion.room, suggestion.explain(self.lang)))

    # --- confirm -----------------------------------------------------------------------------
    def _when(self, field: DateField) -> datetime:
        return field.value()  # typed as the site's wall clock; DomainError when it is no date

    def arrival_input(self) -> ArrivalInput:
        return ArrivalInput(
            name=self.name.text(),
            doc_number=self.doc_number.text(),
            category=self.category.currentData(),
            doc_type=DocType(self.doc_type.currentData()),
            sex=Sex(self.sex.currentData()),
            phone=self.phone.text() or None,
            address=self.address.text(),
            origin=self.origin.text(),
            special_needs=self.needs.text(),
            notes=self.notes.text(),
            emergency_contact=self.emergency_contact.text(),
            emergency_phone=self.emergency_phone.text() or None,
            last_exposure=self._when(self.exposure) if self.has_exposure.isChecked() else None,
            arrived_at=self._when(self.arrived),  # as typed: the domain refuses a time in the future
        )

    def confirm(self) -> None:
        room_id = self.room.currentData()
        if room_id is None:
            self.error.setText(self.room_shown.text() if self.room.count() else self.tr("No room available"))
            return
        try:
            with self.sessions() as s:
                chosen = self.companion.currentData()
                self.stay = register_arrival(
                    s,
                    self.actor,
                    self.arrival_input(),
                    room_id,
                    shares_with_stay_id=chosen[0] if chosen else None,
                    companion_reason=CompanionReason(self.companion_reason.currentData()) if chosen else None,
                    now=self.ctx.now(),
                )
        except DomainError as e:
            self.error.setText(self._msg(e))
            return
        self.accept()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
