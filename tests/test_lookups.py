"""The screens' read functions (models/reads/lookups.py, stays.stay_readiness): plain records, in order."""

from datetime import date, timedelta

import pytest

from models.errors import DomainError
from models.reads.lookups import (
    buildings,
    categories,
    floors,
    free_rooms,
    room_version,
    rule_sets,
    stay_summary,
    swab_subject,
    users,
)
from models.services.arrivals import register_arrival
from models.services.rooms import set_out_of_service
from models.services.sites import DEFAULT_CATEGORIES, get_site, seed_reference_data
from models.services.stays import change_release_date, stay_readiness, transfer
from models.services.swabs import mark_sampled, swab_plan
from models.store.orm import CategoryRule, DepartureKind, Role, RuleSet, User
from tests.conftest import NOW, local
from tests.helpers import free_rooms as free_room_entities

TODAY = NOW.date()


@pytest.fixture
def arrived(session, site, desk, make_arrival):
    room = free_room_entities(session, 1)[0]
    return register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 21)), room.id, now=NOW)


def test_buildings_and_floors_in_site_order(session, site):
    assert [b.name for b in buildings(session)] == ["A栋", "B栋"]
    fl = floors(session)
    assert [f.label for f in fl] == ["A栋 1F", "A栋 2F", "A栋 3F", "A栋 4F", "B栋 1F", "B栋 2F"]
    ids = {b.name: b.id for b in buildings(session)}
    assert all(f.building_id == ids[f.building] for f in fl)
    assert (fl[0].building, fl[0].name) == ("A栋", "1F")
    assert len({f.id for f in fl}) == 6


def test_no_site_yet_means_empty_lists(session):
    assert buildings(session) == [] and floors(session) == [] and free_rooms(session) == []


def test_categories_with_their_labels(session, site):
    cats = categories(session)
    assert [c.code for c in cats] == [code for code, _zh, _en in DEFAULT_CATEGORIES]
    close = cats[0]
    assert (close.label("zh_CN"), close.label("en")) == ("密切接触者", "Close contact")
    assert categories(session, in_force_only=True) == cats  # the standard rule sets cover every category


def test_categories_in_force_are_those_of_the_sites_rule_set(session, site):
    rs = RuleSet(name="只管入境", effective_from=date(2026, 1, 1))
    rs.rules.append(CategoryRule(category_code="inbound", days_central=7))
    session.add(rs)
    session.flush()
    get_site(session).rule_set_id = rs.id
    session.commit()
    assert [c.code for c in categories(session, in_force_only=True)] == ["inbound"]
    assert len(categories(session)) == len(DEFAULT_CATEGORIES)  # a filter lists every category still


def test_categories_before_any_site_are_all_of_them(session):
    seed_reference_data(session)
    session.commit()
    assert len(categories(session, in_force_only=True)) == len(DEFAULT_CATEGORIES)


def test_free_rooms_in_order_without_occupied_or_out_of_service(session, site, desk, arrived):
    rooms = free_rooms(session)
    assert len(rooms) == 30 + 4 + 10 - 1  # every room of the site, less the one just taken
    numbers = [r.number for r in rooms]
    assert arrived.room_id not in {r.id for r in rooms}
    assert numbers[:3] == ["102", "103", "104"] and numbers[-1] == "205"  # building A's, then B's
    doubles = [r for r in rooms if r.beds == 2]
    assert [r.label for r in doubles] == ["401 (2)", "402 (2)", "403 (2)", "404 (2)"]
    assert rooms[0].label == "102"
    set_out_of_service(session, desk, rooms[0].id, "漏水", TODAY)
    assert rooms[0].id not in {r.id for r in free_rooms(session)}


def test_users_by_name(session, desk):
    session.add_all([User(username="zoe", role=Role.VIEWER), User(username="amy", role=Role.MEDICAL, active=False)])
    session.commit()
    assert [u.username for u in users(session)] == ["amy", "desk1", "zoe"]
    assert users(session)[1].id == desk.id


def test_rule_sets_oldest_first(session, site):
    sets = rule_sets(session)
    assert [r.name for r in sets] == ["2020 第七版", "第八版", "第九版", "二十条"]
    assert sets == sorted(sets, key=lambda r: r.effective_from)


def test_stay_summary(session, site, desk, arrived):
    s = stay_summary(session, arrived.id)
    assert (s.stay_id, s.name, s.building, s.room, s.on_site) == (
        arrived.id,
        arrived.person.name,
        "A栋",
        arrived.room.number,
        True,
    )
    assert s.floor == "1F" and s.planned_release == arrived.planned_release
    change_release_date(session, desk, arrived.id, arrived.planned_release + timedelta(days=1), "复查")
    later = stay_summary(session, arrived.id)
    assert later.version > s.version and later.planned_release == s.planned_release + timedelta(days=1)
    transfer(session, desk, arrived.id, DepartureKind.TO_HOSPITAL, "定点医院", now=NOW)
    assert not stay_summary(session, arrived.id).on_site  # still summarised after leaving
    with pytest.raises(DomainError) as e:
        stay_summary(session, 987654)
    assert e.value.code == "stay_not_found"


def test_stay_readiness_by_id(session, site, desk, arrived):
    ready = stay_readiness(session, arrived.id, TODAY)
    assert not ready.ok and not ready.date_reached
    assert stay_readiness(session, arrived.id, arrived.planned_release).date_reached
    transfer(session, desk, arrived.id, DepartureKind.TO_HOSPITAL, "定点医院", now=NOW)
    with pytest.raises(DomainError) as e:
        stay_readiness(session, arrived.id, TODAY)
    assert e.value.code == "stay_departed"


def test_room_version(session, site, desk):
    room = free_room_entities(session, 1)[0]
    before = room_version(session, room.id)
    set_out_of_service(session, desk, room.id, "维修", TODAY, expected_version=before)
    assert room_version(session, room.id) == before + 1
    with pytest.raises(DomainError) as e:
        room_version(session, 987654)
    assert e.value.code == "room_not_found"


def test_swab_subject(session, site, desk, arrived):
    swab = swab_plan(session, arrived.id)[0]
    mark_sampled(session, desk, swab.id, by="护士甲", at=NOW)  # a sample taken stays after the person left
    sub = swab_subject(session, swab.id)
    assert (sub.swab_id, sub.stay_id, sub.name) == (swab.id, arrived.id, arrived.person.name)
    assert (sub.building, sub.floor, sub.room, sub.planned_day) == ("A栋", "1F", arrived.room.number, swab.planned_day)
    assert sub.on_site
    transfer(session, desk, arrived.id, DepartureKind.TO_HOSPITAL, "定点医院", now=NOW)
    assert not swab_subject(session, swab.id).on_site
    with pytest.raises(DomainError) as e:
        swab_subject(session, 987654)
    assert e.value.code == "swab_not_found"
