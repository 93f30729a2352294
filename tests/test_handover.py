"""The hand-over at release (models/services/communities.py, models/reads/handover.py): the receiving
communities the site keeps, where a released person goes, and the hand-over list per community and day
(解除隔离人员交接单) with full identifiers, the end of home monitoring and the home test days."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from models.errors import DomainError
from models.reads.handover import handover_lists, releases_by_community
from models.services.arrivals import register_arrival
from models.services.communities import (
    Handover,
    add_community,
    edit_community,
    retire_community,
)
from models.services.releases import release_many
from models.services.stays import release, undo_departure
from models.store.orm import AuditEntry, Community, Role, Stay, SwabResult, User
from tests.conftest import NOW, local
from tests.helpers import free_rooms
from tests.test_stays import set_swab

ARRIVED = local(2026, 11, 16, 14)  # 第九版 inbound: release on 23 Nov, 3 days at home, a test on home day 3
RELEASED = local(2026, 11, 23, 9, 30)


@pytest.fixture
def communities(session, site, desk):
    return (
        add_community(session, desk, "三里庵街道", "安居苑社区", "王敏", "13912345678"),
        add_community(session, desk, "  稻香村街道 ", "绿怡居社区", "", "0551-65123456"),
    )


def arrive(session, desk, make_arrival, n=1, **kw):
    rooms = free_rooms(session, n)
    return [register_arrival(session, desk, make_arrival(arrived_at=ARRIVED, **kw), r.id, now=ARRIVED) for r in rooms]


def test_a_community_is_kept_trimmed_with_its_phone_checked(session, site, desk, communities):
    first, second = communities
    assert (second.street, second.name, second.phone) == ("稻香村街道", "绿怡居社区", "0551-65123456")
    assert first.label == "三里庵街道 安居苑社区"
    with pytest.raises(DomainError) as e:
        add_community(session, desk, "三里庵街道", "安居苑社区")
    assert e.value.code == "community_taken" and "已存在" in e.value.message("zh_CN")
    with pytest.raises(DomainError) as e:
        add_community(session, desk, "三里庵街道", "新社区", phone="12345")
    assert e.value.code == "community_phone_invalid" and "12345" in e.value.message("zh_CN")
    with pytest.raises(DomainError) as e:
        add_community(session, desk, "  ", "新社区")
    assert e.value.code == "layout_name_empty" and "街道" in e.value.message("zh_CN")
    with pytest.raises(DomainError) as e:
        add_community(session, desk, "=HYPERLINK(1)", "新社区")
    assert e.value.code == "layout_formula"
    assert session.scalar(select(func.count()).select_from(Community)) == 2  # nothing half-saved


def test_the_audit_trail_keeps_a_communitys_phone_masked(session, site, desk, communities):
    edit_community(session, desk, communities[0].id, "三里庵街道", "安居苑社区", "李强", "13987654321")
    entries = session.scalars(select(AuditEntry).where(AuditEntry.action.like("community.%"))).all()
    assert [e.action for e in entries] == ["community.add", "community.add", "community.edit"]
    stored = " ".join(str(e.before) + str(e.after) for e in entries)
    assert "13912345678" not in stored and "13987654321" not in stored and "139****4321" in stored


def test_a_viewer_may_not_keep_the_list(session, site, desk):
    viewer = User(username="viewer1", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    with pytest.raises(DomainError) as e:
        add_community(session, viewer, "三里庵街道", "安居苑社区")
    assert e.value.code == "forbidden"
    assert session.scalar(select(func.count()).select_from(Community)) == 0


def test_a_release_records_where_the_person_goes(session, site, desk, make_arrival, communities):
    (stay,) = arrive(session, desk, make_arrival, address="合肥市蜀山区安居苑 3 栋 201")
    release(
        session, desk, stay.id, override_reason="测试", now=RELEASED,
        handover=Handover("合肥市蜀山区安居苑 3 栋 201", communities[0].id, " 社区专车 皖A12345 "),
    )  # fmt: skip
    session.expire_all()
    got = session.get(Stay, stay.id)
    assert (got.departure_destination, got.community_id, got.transport) == (
        "合肥市蜀山区安居苑 3 栋 201",
        communities[0].id,
        "社区专车 皖A12345",
    )
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "stay.released")).one()
    assert entry.after["community_id"] == communities[0].id and entry.after["transport"] == "社区专车 皖A12345"
    undo_departure(session, desk, stay.id, "误操作", now=RELEASED)
    session.expire_all()
    got = session.get(Stay, stay.id)
    assert (got.departure_destination, got.community_id, got.transport) == (None, None, None)


def test_a_retired_community_is_refused_at_release_and_nothing_is_saved(session, site, desk, make_arrival, communities):
    used, unused = arrive(session, desk, make_arrival, n=2)
    release(session, desk, used.id, override_reason="测试", now=RELEASED, handover=Handover("", communities[0].id))
    retired = retire_community(session, desk, communities[0].id)
    assert retired.retired_on == NOW.date()  # it received someone: kept, retired
    retire_community(session, desk, communities[1].id)  # it received nobody: gone
    assert session.get(Community, communities[1].id) is None
    with pytest.raises(DomainError) as e:
        release(
            session, desk, unused.id, override_reason="测试", now=RELEASED, handover=Handover("", communities[0].id)
        )
    assert e.value.code == "community_retired" and "三里庵街道 安居苑社区" in e.value.message("zh_CN")
    session.expire_all()
    assert session.get(Stay, unused.id).departed_at is None


def test_the_hand_over_list_groups_by_community_with_full_ids_and_the_home_tests(
    session, site, desk, make_arrival, communities
):
    a, b, c, d = arrive(session, desk, make_arrival, n=4)
    first, second = communities
    for stay, community in ((a, first), (b, second), (c, first)):
        release(session, desk, stay.id, override_reason="测试", now=RELEASED, handover=Handover("", community.id))
    release(session, desk, d.id, override_reason="测试", now=local(2026, 11, 24, 9))  # no community named
    lists = handover_lists(session, date(2026, 11, 23), date(2026, 11, 23))
    # in the order of the street's and the community's text (the same on every desk and database)
    assert [(h.street, h.community) for h in lists] == sorted(
        [("三里庵街道", "安居苑社区"), ("稻香村街道", "绿怡居社区")]
    )
    by_id = {h.community_id: h for h in lists}
    assert [p.stay_id for p in by_id[first.id].people] == [a.id, c.id]
    person = by_id[first.id].people[0]
    session.expire_all()
    full = session.get(Stay, a.id).person
    assert (person.doc_number, person.phone) == (full.doc_number, full.phone)  # in full: the list is signed
    assert person.address == (full.address or "")  # no destination typed: the person's address
    assert person.home_to == date(2026, 11, 25) and person.home_tests == (date(2026, 11, 25),)
    assert by_id[first.id].contact == "王敏"
    # a range, and one community
    both = handover_lists(session, date(2026, 11, 23), date(2026, 11, 24))
    assert both[-1].community_id is None and [p.stay_id for p in both[-1].people] == [d.id]  # none named: last
    only = handover_lists(session, date(2026, 11, 23), date(2026, 11, 24), second.id)
    assert [(h.community_id, [p.stay_id for p in h.people]) for h in only] == [(second.id, [b.id])]
    assert releases_by_community(session, date(2026, 11, 23)) == [
        (h.street + " " + h.community, len(h.people)) for h in lists
    ]
    assert releases_by_community(session, date(2026, 11, 24)) == [("", 1)]


def test_a_batch_release_hands_each_person_to_their_community(session, site, desk, make_arrival, communities):
    a, b = arrive(session, desk, make_arrival, n=2)
    for stay in (a, b):
        for day in (5, 7):
            set_swab(session, stay.id, day, SwabResult.NEGATIVE)
    first, second = communities
    release_many(
        session, desk, [a.id, b.id], now=NOW,
        handovers={a.id: Handover("家 A", first.id, "社区专车"), b.id: Handover("", second.id)},
    )  # fmt: skip
    session.expire_all()
    got = {
        s.id: (s.departure_destination, s.community_id, s.transport)
        for s in (session.get(Stay, a.id), session.get(Stay, b.id))
    }
    assert got == {a.id: ("家 A", first.id, "社区专车"), b.id: (None, second.id, None)}


def test_a_batch_with_a_retired_community_releases_nobody(session, site, desk, make_arrival, communities):
    a, b = arrive(session, desk, make_arrival, n=2)
    for stay in (a, b):
        for day in (5, 7):
            set_swab(session, stay.id, day, SwabResult.NEGATIVE)
    first, _second = communities
    release(session, desk, a.id, now=NOW, handover=Handover("", first.id))
    retire_community(session, desk, first.id)
    undo_departure(session, desk, a.id, "误操作", now=NOW)
    with pytest.raises(DomainError) as e:
        release_many(session, desk, [a.id, b.id], now=NOW, handovers={b.id: Handover("", first.id)})
    assert e.value.code == "community_retired"
    session.expire_all()
    assert session.get(Stay, a.id).departed_at is None and session.get(Stay, b.id).departed_at is None
