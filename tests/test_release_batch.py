"""Batch release from the today screen (models/services/releases.py): everyone ready, in one transaction, or
nobody; the not-ready are listed with the reason; a stale list never releases someone who is not ready."""

from datetime import date

import pytest
from sqlalchemy import select

from models.errors import DomainError
from models.services.releases import due_today, release_many
from models.store.orm import AuditEntry, DepartureKind, Role, Room, RoomState, Stay, SwabResult, User
from printing.documents import render
from tests.conftest import NOW
from tests.helpers import free_rooms
from tests.test_stays import arrive, open_fever, refused, set_swab

TODAY = date(2026, 11, 23)  # NOW's day: the release day of a 第九版 inbound arrival of 16 Nov


@pytest.fixture
def three(session, site, desk, make_arrival):
    """Three people due today: two ready (last swab negative), one whose last swab is still pending."""
    rooms = free_rooms(session, 3)
    stays = [arrive(session, desk, make_arrival, r.id) for r in rooms]
    for s in stays:
        set_swab(session, s.id, 5, SwabResult.NEGATIVE)
    set_swab(session, stays[0].id, 7, SwabResult.NEGATIVE)
    set_swab(session, stays[1].id, 7, SwabResult.NEGATIVE)
    set_swab(session, stays[2].id, 7, None)  # sampled, result not back
    return stays


def test_due_today_lists_everyone_due_with_the_release_rules(session, three):
    lines = {line.stay_id: line for line in due_today(session, TODAY)}
    assert set(lines) == {s.id for s in three}
    assert [lines[s.id].ready for s in three] == [True, True, False]
    pending = lines[three[2].id]
    assert [p.code for p in pending.problems] == ["release_swab"]
    assert "待出结果" in pending.why_not("zh_CN") and "pending" in pending.why_not("en")
    assert due_today(session, date(2026, 11, 22)) == []  # nobody is due the day before


def test_release_many_releases_the_ready_ones_in_one_action(session, desk, three):
    ready = [s.id for s in three[:2]]
    seen = {line.stay_id: line.version for line in due_today(session, TODAY)}
    done = release_many(session, desk, ready, expected_versions=seen, now=NOW)
    assert [s.id for s in done] == ready
    session.expire_all()
    for stay_id in ready:
        s = session.get(Stay, stay_id)
        assert s.departure_kind is DepartureKind.RELEASED and s.release_override is None
        assert session.get(Room, s.room_id).state is RoomState.AWAITING_DISINFECTION
    assert session.get(Stay, three[2].id).departed_at is None
    released = session.scalars(select(AuditEntry.entity_id).where(AuditEntry.action == "stay.released")).all()
    assert sorted(released) == sorted(ready)  # each release audited as the single one is
    assert [line.stay_id for line in due_today(session, TODAY)] == [three[2].id]


def test_one_not_ready_refuses_the_whole_batch_and_names_them(session, desk, three):
    """The preview was read, then a fever was entered at another desk: nobody is released."""
    ready = [s.id for s in three[:2]]
    open_fever(session, three[1].id)
    name = three[1].person.name
    err = refused(session, "release_batch_not_ready", release_many, desk, ready, now=NOW)
    assert name in err.zh and "发热" in err.zh and "fever" in err.en and "nobody was released" in err.en


def test_a_stay_not_ready_given_by_a_stale_screen_is_refused(session, desk, three):
    err = refused(session, "release_batch_not_ready", release_many, desk, [s.id for s in three], now=NOW)
    assert three[2].person.name in err.en and "pending" in err.en


def test_a_stay_changed_meanwhile_refuses_the_batch(session, desk, three):
    seen = {line.stay_id: line.version for line in due_today(session, TODAY)}
    stay = session.get(Stay, three[0].id)
    stay.notes = "另一台工作站改了备注"
    session.commit()
    err = refused(
        session, "release_batch_changed", release_many, desk, [three[0].id, three[1].id], expected_versions=seen,
        now=NOW,
    )  # fmt: skip
    assert three[0].person.name in err.zh


def test_a_stay_that_left_meanwhile_refuses_the_batch(session, desk, three):
    release_many(session, desk, [three[0].id], now=NOW)
    refused(session, "stay_departed", release_many, desk, [three[0].id, three[1].id], now=NOW)


def test_nothing_chosen_is_refused(session, desk, three):
    refused(session, "release_batch_empty", release_many, desk, [], now=NOW)


def test_only_a_role_that_releases_may_release_a_batch(session, desk, three):
    medical = User(username="doc", display_name="医生", role=Role.MEDICAL)
    clerk = User(username="clerk", display_name="前台", role=Role.DESK)
    session.add_all([medical, clerk])
    session.commit()
    with pytest.raises(DomainError) as err:
        release_many(session, medical, [three[0].id], now=NOW)
    assert err.value.code == "forbidden"
    assert len(release_many(session, clerk, [three[0].id], now=NOW)) == 1


def test_the_batch_notices_print_in_one_job_for_those_released(session, desk, three):
    ready = [s.id for s in three[:2]]
    release_many(session, desk, ready, now=NOW)
    pdf = render(session, "release-notices", TODAY, actor=desk, stay_ids=ready, now=NOW)
    assert pdf.startswith(b"%PDF")
    notes = session.scalars(
        select(AuditEntry.note).where(AuditEntry.action == "document.print").order_by(AuditEntry.id)
    ).all()
    assert notes == [f"form=release-notices stay={i}" for i in ready]  # each full ID on paper recorded
