"""What discloses a full identifier, recorded: printed forms that carry one, searches by one.

A registration form or a release notice shows a person's full ID number (the authorities need it on
paper), so printing one is, like the on-screen reveal, an audited act for the roles that may see full
identifiers (permission ``identity``). One entry per person, so the audit screen filtered by a person
lists every paper with that person's full ID on it.

The occupant search matches an ID number or phone only in full, or by the last four characters the
masked value shows anyway (models/reads/occupants.py), so guessing one more character at a time
reconstructs nothing; a search by a full identifier is recorded (``person.search``), masked.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.services import audit
from models.services.audit import transactional
from models.store.id_lists import among, id_chunks
from models.store.orm import Stay, User


@transactional("identity")
def record_print(session: Session, actor: User | None, form: str, stay_ids: Sequence[int]) -> int:
    """Record that ``form`` was printed for these stays' people; returns the number of entries."""
    rows = [  # in chunks: a hand-over list of a long period names thousands of stays
        row
        for chunk in id_chunks(session, stay_ids)
        for row in session.execute(
            select(Stay.id, Stay.person_id, Stay.room_id).where(among(session, Stay.id, chunk))
        ).all()
    ]
    for stay_id, person_id, room_id in sorted(rows):
        audit.record(
            session, actor, "document.print", None, person_id=person_id, room_id=room_id,
            note=f"form={form} stay={stay_id}",
        )  # fmt: skip
    return len(rows)


@transactional("lookup")
def record_search(session: Session, actor: User | None, kind: str, masked_value: str, found: int) -> None:
    """A search by a full ID number or phone (``kind`` "doc"/"phone"), with the value masked."""
    audit.record(session, actor, "person.search", None, note=f"{kind}={masked_value} found={found}")


@transactional("identity")
def record_listing(session: Session, actor: User | None, file_name: str, rows: int) -> None:
    """A transfer list's rows printed with their full ID numbers and phones (``import --show-identifiers``)."""
    audit.record(session, actor, "import.reveal", None, note=f"file={file_name} rows={rows}")
