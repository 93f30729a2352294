"""The audit trail is append-only in the database itself, not only by convention."""

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DatabaseError

from models.services.arrivals import register_arrival
from models.store.orm import AuditEntry
from tests.conftest import NOW
from tests.helpers import free_rooms


def test_past_entries_cannot_be_edited_or_deleted(engine, session, site, desk, make_arrival):
    register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    count = session.scalar(select(func.count()).select_from(AuditEntry))
    first = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id))
    with pytest.raises(DatabaseError, match="append-only"):
        session.execute(update(AuditEntry).where(AuditEntry.id == first).values(note="changed later"))
    session.rollback()
    with pytest.raises(DatabaseError, match="append-only"):
        session.execute(delete(AuditEntry).where(AuditEntry.id == first))
    session.rollback()
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == count
    assert session.get(AuditEntry, first).note is None


def test_filters_by_person_room_user_and_day(session, site, desk, make_arrival, tmp_path):
    from datetime import timedelta

    from openpyxl import load_workbook

    from models.reads.audit_log import AuditFilter, count_audit, export_audit_xlsx, list_audit
    from models.services.stays import change_release_date
    from models.store.orm import User

    rooms = free_rooms(session, 2)
    a = register_arrival(session, desk, make_arrival(), rooms[0].id, now=NOW)
    other = User(username="desk2")
    session.add(other)
    session.commit()
    b = register_arrival(session, other, make_arrival(), rooms[1].id, now=NOW)
    change_release_date(session, desk, a.id, a.planned_release + timedelta(days=2), "复查延长")
    name_a = a.person.name
    by_person = list_audit(session, AuditFilter(person=name_a))
    assert by_person and {r.person for r in by_person} == {name_a}
    assert any("planned_release" in r.changes() and "→" in r.changes() for r in by_person)
    assert {r.person for r in list_audit(session, AuditFilter(person=b.person.doc_number[-4:]))} == {b.person.name}
    assert {r.room for r in list_audit(session, AuditFilter(room=rooms[1].number))} >= {rooms[1].number}
    mine = list_audit(session, AuditFilter(user_id=other.id))
    assert mine and {r.user for r in mine} == {"desk2"}
    today = list_audit(session, AuditFilter(day_from=NOW.date(), day_to=NOW.date()))
    assert len(today) == count_audit(session, AuditFilter(day_from=NOW.date(), day_to=NOW.date()))
    assert list_audit(session, AuditFilter(day_to=NOW.date() - timedelta(days=400))) == []
    out = tmp_path / "audit.xlsx"
    n = export_audit_xlsx(session, AuditFilter(person=name_a), out)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert n == len(by_person) == len(rows) - 1 and rows[0][0] == "编号"


def test_showing_an_id_in_full_is_recorded(session, site, desk, make_arrival):
    from models.reads.audit_log import AuditFilter, list_audit, reveal_identity

    stay = register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    shown = reveal_identity(session, desk, stay.person_id)
    assert shown.doc_number == stay.person.doc_number
    reveals = list_audit(session, AuditFilter(action="person.reveal"))
    assert len(reveals) == 1 and reveals[0].user == desk.username and reveals[0].person == stay.person.name
