"""A person's own details as the desk corrects them (views/person_dialog.py, services.arrivals.update_person)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from models.errors import DomainError
from models.store.orm import DocType, Person, Sex


@dataclass(frozen=True)
class PersonDetails:
    person_id: int
    version: int  # the version seen: update_person's expected_version
    name: str
    doc_type: DocType
    doc_number: str  # in full, as StayDetail's: the caller shows it only through the audited reveal
    sex: Sex
    birth_date: date | None
    phone: str | None
    address: str
    origin: str
    emergency_contact: str
    emergency_phone: str | None
    special_needs: str
    notes: str


def person_details(session: Session, person_id: int) -> PersonDetails:
    person = session.get(Person, person_id)
    if person is None:
        raise DomainError("person_not_found")
    return PersonDetails(
        person_id=person.id,
        version=person.version,
        name=person.name,
        doc_type=person.doc_type,
        doc_number=person.doc_number,
        sex=person.sex,
        birth_date=person.birth_date,
        phone=person.phone,
        address=person.address,
        origin=person.origin,
        emergency_contact=person.emergency_contact,
        emergency_phone=person.emergency_phone,
        special_needs=person.special_needs,
        notes=person.notes,
    )
