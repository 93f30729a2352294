"""Correcting a person's details after arrival (models/services/arrivals.py update_person): a phone typed
wrong at the desk, a name, a document number; checked as an arrival checks them, audited, all or nothing."""

import random
from datetime import date

import pytest
from sqlalchemy import select

from models.demo import synthetic
from models.errors import DomainError
from models.reads.audit_log import AuditFilter, list_audit
from models.rules.identity import mask_id, mask_phone
from models.services.arrivals import register_arrival, update_person
from models.store.orm import AuditEntry, DocType, Person, Role, Sex, User
from tests.conftest import NOW
from tests.helpers import free_rooms
from tests.test_arrivals import db_state


@pytest.fixture
def person(session, site, desk, make_arrival) -> Person:
    stay = register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    return stay.person


def last_update(session) -> AuditEntry:
    session.expire_all()
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "person.update").order_by(AuditEntry.id.desc())
    ).first()
    assert entry is not None
    return entry


def new_id(seed: int, birth: date, sex: Sex) -> str:
    return synthetic.resident_id(random.Random(seed), birth, sex)


def test_each_field_changes_and_is_audited_before_and_after_identifiers_masked(session, desk, person):
    old_phone, old_doc, old_name = person.phone, person.doc_number, person.name
    birth, sex = date(1990, 5, 17), Sex.FEMALE
    doc = new_id(7, birth, sex)
    changes = {
        "name": "王小明",
        "phone": "139 1234 5678",
        "address": "北京市朝阳区某路1号",
        "origin": "上海",
        "emergency_contact": "王大明（父亲）",
        "emergency_phone": "13800001111",
        "special_needs": "糖尿病",
        "notes": "素食\n晚上需要热水",
        "doc_number": doc,
        "birth_date": birth,
        "sex": sex,
    }
    version = person.version
    update_person(session, desk, person.id, changes, expected_version=version, now=NOW)
    session.expire_all()
    p = session.get_one(Person, person.id)
    assert (p.name, p.phone, p.address, p.origin) == ("王小明", "13912345678", "北京市朝阳区某路1号", "上海")
    assert (p.emergency_contact, p.emergency_phone, p.special_needs) == ("王大明（父亲）", "13800001111", "糖尿病")
    assert p.notes == "素食\n晚上需要热水" and (p.doc_number, p.birth_date, p.sex) == (doc, birth, sex)
    assert p.name_pinyin.startswith("wangxiaoming|wxm") and p.version == version + 1
    entry = last_update(session)
    assert entry.user_id == desk.id and entry.person_id == p.id
    assert entry.before["phone"] == mask_phone(old_phone) and entry.after["phone"] == mask_phone("13912345678")
    assert entry.before["doc_number"] == mask_id(old_doc) and entry.after["doc_number"] == mask_id(doc)
    assert entry.after["emergency_phone"] == mask_phone("13800001111")
    assert (entry.before["name"], entry.after["name"]) == (old_name, "王小明")
    assert entry.after["notes"] == "素食\n晚上需要热水" and entry.after["birth_date"] == birth.isoformat()
    stored = str(entry.before) + str(entry.after)
    assert old_phone not in stored and old_doc not in stored and doc not in stored and "13912345678" not in stored


def test_a_new_resident_id_brings_its_birth_date_and_sex(session, desk, person):
    birth, sex = date(1985, 2, 3), Sex.MALE if person.sex is Sex.FEMALE else Sex.FEMALE
    doc = new_id(11, birth, sex)
    update_person(session, desk, person.id, {"doc_number": doc}, now=NOW)
    session.expire_all()
    p = session.get_one(Person, person.id)
    assert (p.doc_number, p.birth_date, p.sex) == (doc, birth, sex)


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"doc_number": "110101199003071234"}, "id_checksum"),
        ({"phone": "12345"}, "phone_invalid"),
        ({"name": ""}, "name_empty"),
        ({"sex": "the other one"}, "sex_mismatch"),  # a resident ID says the sex
        ({"birth_date": date(1950, 1, 1)}, "birth_mismatch"),
    ],
)
def test_bad_input_is_refused_with_nothing_saved(session, desk, person, changes, code):
    if "sex" in changes:
        changes = {"sex": Sex.MALE if person.sex is Sex.FEMALE else Sex.FEMALE}
    good = {"phone": "13912345678", "address": "某路2号"}  # would be saved with it: nothing is
    before = db_state(session)
    with pytest.raises(DomainError) as e:
        update_person(session, desk, person.id, {**good, **changes}, now=NOW)
    assert e.value.code == code
    assert db_state(session) == before
    assert session.get_one(Person, person.id).address != "某路2号"


def test_a_number_another_person_has_is_refused(session, desk, person, make_arrival):
    other = register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW).person
    before = db_state(session)
    with pytest.raises(DomainError) as e:
        update_person(session, desk, person.id, {"doc_number": other.doc_number, "phone": "13912345678"}, now=NOW)
    assert e.value.code == "doc_number_taken"
    assert other.name in e.value.message("zh_CN") and "another person" in e.value.message("en")
    assert db_state(session) == before


def test_a_stale_version_is_refused(session, desk, person):
    seen = person.version
    update_person(session, desk, person.id, {"address": "另一台前台改的"}, expected_version=seen, now=NOW)
    before = db_state(session)
    with pytest.raises(DomainError) as e:
        update_person(session, desk, person.id, {"phone": "13912345678"}, expected_version=seen, now=NOW)
    assert e.value.code == "stale"
    assert db_state(session) == before


def test_a_viewer_may_not_edit(session, desk, person):
    viewer = User(username="look", display_name="只看", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    before = db_state(session)
    with pytest.raises(DomainError) as e:
        update_person(session, viewer, person.id, {"phone": "13912345678"}, now=NOW)
    assert e.value.code == "forbidden"
    assert db_state(session) == before


def test_an_edit_shows_in_the_audit_trail_and_unchanged_fields_are_not_checked(session, desk, person):
    person.name = "旧数据\u200b名"  # stored before today's checks: not the desk's concern when fixing a phone
    session.commit()
    update_person(session, desk, person.id, {"phone": "13912345678", "doc_type": DocType.RESIDENT_ID}, now=NOW)
    rows = list_audit(session, AuditFilter(action="person.update"))
    assert rows and rows[0].person == "旧数据\u200b名"
