"""Edit a person's details (a phone typed wrong at arrival): the current values pre-filled, checked as they
are typed the way the arrival form checks them, saved by services.arrivals.update_person (one transaction,
audited, refused whole if another desk changed the person since). The full document number is shown only
to a role that may see identifiers, and showing it is the audited reveal; for any other role the document
fields are read-only and say why. Esc with a change typed asks before throwing it away."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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

from models.errors import DomainError
from models.permissions import allowed
from models.reads.audit_log import reveal_identity
from models.reads.people import PersonDetails, person_details
from models.rules.identity import mask_id, mask_phone, normalise_mobile, parse_resident_id
from models.services.arrivals import update_person
from models.store.orm import DocType, Sex

from .context import AppContext
from .date_field import DateField
from .labels import doc_type_label, sex_label

ERROR_STYLE = "color: #c62828"


class PersonDialog(QDialog):
    def __init__(self, ctx: AppContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.lang = ctx, ctx.language
        self.sessions, self.actor = ctx.sessions, ctx.user
        self.saved = False
        self.setWindowTitle(self.tr("Edit details"))
        # the full identifiers only through the audited reveal, and only for a role that may see them
        self.may_see_ids = allowed(ctx.user.role, "identity")
        with self.sessions() as s:
            self.original: PersonDetails = person_details(s, person_id)
        if self.may_see_ids:
            with self.sessions() as s:
                reveal_identity(s, self.actor, person_id)
        p = self.original
        self.name = QLineEdit(p.name, self)
        self.doc_type = QComboBox(self)
        for value in DocType:  # the order of the enum: resident ID first
            self.doc_type.addItem(doc_type_label(value), value.value)
        self.doc_type.setCurrentIndex(self.doc_type.findData(p.doc_type.value))
        self.doc_number = QLineEdit(p.doc_number if self.may_see_ids else mask_id(p.doc_number), self)
        self.id_info = QLabel(self)
        self.id_info.setWordWrap(True)
        self.sex = QComboBox(self)
        for sex in Sex:
            self.sex.addItem(sex_label(sex), sex.value)
        self.sex.setCurrentIndex(self.sex.findData(p.sex.value))
        self.birth = DateField(ctx, self, with_time=False, value=p.birth_date or ctx.today())
        if p.birth_date is None:
            self.birth.edit.clear()
        self.phone = QLineEdit((p.phone or "") if self.may_see_ids else mask_phone(p.phone), self)
        self.phone_info = QLabel(self)
        self.address = QLineEdit(p.address, self)
        self.origin = QLineEdit(p.origin, self)
        self.emergency_contact = QLineEdit(p.emergency_contact, self)
        self.emergency_phone = QLineEdit(
            (p.emergency_phone or "") if self.may_see_ids else mask_phone(p.emergency_phone), self
        )
        self.needs = QLineEdit(p.special_needs, self)
        self.notes = QLineEdit(p.notes, self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        if not self.may_see_ids:  # masked values are not typed over: these fields stay as they are
            for widget in (self.doc_type, self.doc_number, self.sex, self.birth, self.phone, self.emergency_phone):
                widget.setEnabled(False)
            self.id_info.setText(
                self.tr("Your role may not see ID numbers and phones in full: they cannot be changed here.")
            )

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Document"), self.doc_type)
        form.addRow(self.tr("Document number"), self.doc_number)
        form.addRow("", self.id_info)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Birth date"), self.birth)
        form.addRow(self.tr("Mobile"), self.phone)
        form.addRow("", self.phone_info)
        form.addRow(self.tr("From"), self.origin)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Emergency contact"), self.emergency_contact)
        form.addRow(self.tr("Emergency contact's phone"), self.emergency_phone)
        form.addRow(self.tr("Special needs"), self.needs)
        form.addRow(self.tr("Notes"), self.notes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.doc_number.textChanged.connect(self._check_id)
        self.doc_type.currentIndexChanged.connect(self._check_id)
        for edit in (self.phone, self.emergency_phone):
            edit.textChanged.connect(self._check_phones)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        for edit in self._typed_fields():  # a change makes an error shown about the earlier input stale
            edit.textEdited.connect(self.error.clear)
        for combo in (self.doc_type, self.sex):
            combo.activated.connect(self.error.clear)
        self.birth.changed.connect(self.error.clear)

    def _typed_fields(self) -> list[QLineEdit]:
        return [self.name, self.doc_number, self.phone, self.address, self.origin, self.emergency_contact,
                self.emergency_phone, self.needs, self.notes, self.birth.edit]  # fmt: skip

    # --- live validation, as the arrival form's ------------------------------------------------
    def _check_id(self) -> None:
        if not self.may_see_ids:
            return
        text = self.doc_number.text().strip()
        if self.doc_type.currentData() != DocType.RESIDENT_ID.value or len(text) < 15:
            self.id_info.clear()
            return
        try:
            rid = parse_resident_id(text, self.ctx.today())
        except DomainError as e:
            self.id_info.setText(f"<span style='{ERROR_STYLE}'>{e.message(self.lang)}</span>")
            return
        self.sex.setCurrentIndex(self.sex.findData(rid.sex.value))  # the ID says them
        self.birth.set_value(rid.birth_date)
        info = self.tr("Born {0}, {1}").format(rid.birth_date.isoformat(), self.sex.currentText())
        self.id_info.setText(f"<span style='color:#2e7d32'>✓ {info}</span>")

    def _check_phones(self) -> None:
        for edit in (self.phone, self.emergency_phone):
            try:
                normalise_mobile(edit.text())
            except DomainError as e:
                self.phone_info.setText(f"<span style='{ERROR_STYLE}'>{e.message(self.lang)}</span>")
                return
        self.phone_info.clear()

    # --- what changed --------------------------------------------------------------------------
    def _birth(self) -> date | None:
        return self.birth.day() if self.birth.text().strip() else None  # DomainError: no date

    def changes(self) -> dict[str, object]:
        """The fields whose value differs from what was loaded: only those are checked and saved."""
        p = self.original
        typed: dict[str, object] = {
            "name": (self.name.text(), p.name),
            "address": (self.address.text(), p.address),
            "origin": (self.origin.text(), p.origin),
            "emergency_contact": (self.emergency_contact.text(), p.emergency_contact),
            "special_needs": (self.needs.text(), p.special_needs),
            "notes": (self.notes.text(), p.notes),
        }
        if self.may_see_ids:
            typed |= {
                "doc_type": (DocType(self.doc_type.currentData()), p.doc_type),
                "doc_number": (self.doc_number.text(), p.doc_number),
                "sex": (Sex(self.sex.currentData()), p.sex),
                "birth_date": (self._birth(), p.birth_date),
                "phone": (self.phone.text() or None, p.phone),
                "emergency_phone": (self.emergency_phone.text() or None, p.emergency_phone),
            }
        return {attr: new for attr, (new, old) in typed.items() if new != old}  # type: ignore[misc]

    def _changed_safely(self) -> bool:
        try:
            return bool(self.changes())
        except DomainError:  # a date that is no date: something was typed
            return True

    def ask_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard the changes?"),
            self.tr("The changes to this person's details are not saved and will be lost. Discard them?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        if not self.saved and self._changed_safely() and not self.ask_discard():
            return
        super().reject()

    def confirm(self) -> None:
        try:
            changes = self.changes()
            if changes:
                with self.sessions() as s:
                    update_person(
                        s,
                        self.actor,
                        self.original.person_id,
                        changes,
                        expected_version=self.original.version,
                        now=self.ctx.now(),
                    )
        except DomainError as e:
            self.error.setText(self.ctx.message(e))
            return
        self.saved = bool(changes)
        self.accept()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
