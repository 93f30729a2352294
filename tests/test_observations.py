from datetime import timedelta

import pytest
from sqlalchemy import select

from models.errors import DomainError
from models.services.arrivals import register_arrival
from models.services.observations import (
    close_alert,
    correct_reading,
    missing_readings,
    open_alerts,
    parse_temperature,
    record_reading,
)
from models.services.sites import set_fever_threshold
from models.store.orm import AlertState, AuditEntry, FeverAlert, Observation, Role, Slot, User
from tests.conftest import NOW, local
from tests.helpers import count, free_rooms

TODAY = NOW.date()


@pytest.fixture
def stays(session, site, desk, make_arrival):
    rooms = free_rooms(session, 3)
    return [register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 21)), r.id, now=NOW) for r in rooms]


@pytest.mark.parametrize(
    "typed, value",
    [("365", 36.5), ("36.5", 36.5), ("36,5", 36.5), (" 37.3℃", 37.3), ("380", 38.0), (36.54, 36.5), ("34", 34.0)],
)
def test_temperature_typed_from_paper(typed, value):
    assert parse_temperature(typed) == value


@pytest.mark.parametrize("typed", ["33.9", "43.1", "3650", "abc", "", "25"])
def test_implausible_temperature_refused(typed):
    with pytest.raises(DomainError) as err:
        parse_temperature(typed)
    assert err.value.code == "temp_range"
    assert "超出合理范围" in err.value.zh


def test_normal_reading_saved_and_audited(session, desk, stays):
    res = record_reading(
        session, desk, stays[0].id, TODAY, Slot.MORNING, temperature="365", symptoms=["dry_cough"], taken_by="护士甲"
    )
    assert not res.fever and res.alert_opened is None
    obs = session.get(Observation, res.observation.id)
    assert obs.temperature == 36.5 and obs.symptom_list == ["dry_cough"]
    entry = session.query(AuditEntry).filter_by(action="reading.create").one()
    assert entry.user_id == desk.id and entry.after["temperature"] == 36.5


def test_out_of_range_reading_saves_nothing(session, desk, stays):
    audits = count(session, AuditEntry)
    with pytest.raises(DomainError):
        record_reading(session, desk, stays[0].id, TODAY, Slot.MORNING, temperature="44.0")
    assert count(session, Observation) == 0
    assert count(session, AuditEntry) == audits


def test_fever_opens_one_alert_and_normal_recheck_closes_it(session, desk, stays):
    first = record_reading(session, desk, stays[0].id, TODAY, Slot.MORNING, temperature=37.3)
    assert first.fever and first.alert_opened is not None  # threshold itself counts as fever
    again = record_reading(
        session, desk, stays[0].id, TODAY, Slot.MORNING, temperature=37.8, recheck_of_id=first.observation.id
    )
    assert again.fever and again.alert_opened is None  # still the same alert
    assert len(open_alerts(session)) == 1
    normal = record_reading(
        session, desk, stays[0].id, TODAY, Slot.MORNING, temperature=36.6, recheck_of_id=first.observation.id
    )
    assert normal.alert_closed is not None
    alert = session.get(FeverAlert, first.alert_opened.id)
    assert alert.state is AlertState.CLOSED and alert.resolution == "recheck_normal"
    assert open_alerts(session) == []


def test_normal_next_round_does_not_close_alert(session, desk, stays):
    record_reading(session, desk, stays[0].id, TODAY, Slot.MORNING, temperature=38.0)
    record_reading(session, desk, stays[0].id, TODAY, Slot.EVENING, temperature=36.5)
    assert len(open_alerts(session)) == 1  # only a recheck or a decision closes it


def test_decision_closes_alert_and_needs_text(session, desk, stays):
    res = record_reading(session, desk, stays[1].id, TODAY, Slot.MORNING, temperature=38.2)
    with pytest.raises(DomainError) as err:
        close_alert(session, desk, res.alert_opened.id, "not_fever", "  ")
    assert err.value.code == "reason_required"
    close_alert(session, desk, res.alert_opened.id, "not_fever", "医生评估：非感染性发热")
    with pytest.raises(DomainError) as err:
        close_alert(session, desk, res.alert_opened.id, "recheck_normal", "again")
    assert err.value.code == "alert_closed"
    assert err.value.message("zh_CN") == "该预警已关闭"


def test_a_decision_is_stored_as_its_code_and_audited(session, desk, stays):
    res = record_reading(session, desk, stays[1].id, TODAY, Slot.MORNING, temperature=38.2)
    alert = close_alert(session, desk, res.alert_opened.id, "recheck_normal", "")  # no reason needed
    assert (alert.state, alert.resolution, alert.note, alert.closed_by_id) == (
        AlertState.CLOSED,
        "recheck_normal",
        "",
        desk.id,
    )
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "alert.close").order_by(AuditEntry.id.desc())
    ).first()
    assert (entry.before["resolution"], entry.after["resolution"]) == (None, "recheck_normal")
    assert (entry.before["state"], entry.after["state"]) == ("open", "closed")
    assert open_alerts(session) == []


def test_an_unknown_decision_or_a_transfer_is_refused_and_the_alert_stays_open(session, desk, stays):
    res = record_reading(session, desk, stays[1].id, TODAY, Slot.MORNING, temperature=38.2)
    for decision, code in (("transferred", "alert_use_transfer"), ("观察", "alert_decision_unknown")):
        with pytest.raises(DomainError) as err:
            close_alert(session, desk, res.alert_opened.id, decision, "x")
        assert err.value.code == code
    assert len(open_alerts(session)) == 1


def test_only_the_alert_roles_may_close_an_alert(session, desk, stays):
    res = record_reading(session, desk, stays[1].id, TODAY, Slot.MORNING, temperature=38.2)
    front = User(username="front", display_name="前台二", role=Role.DESK)
    session.add(front)
    session.commit()
    with pytest.raises(DomainError) as err:
        close_alert(session, front, res.alert_opened.id, "recheck_normal", "")
    assert err.value.code == "forbidden"
    nurse = User(username="nurse", display_name="医护一", role=Role.MEDICAL)
    session.add(nurse)
    session.commit()
    assert close_alert(session, nurse, res.alert_opened.id, "recheck_normal", "").closed_by_id == nurse.id


def test_only_an_admin_may_change_the_fever_threshold_and_the_change_is_audited(session, desk, site):
    for role in (Role.DESK, Role.MEDICAL, Role.VIEWER):
        user = User(username=f"u-{role.value}", display_name="某人", role=role)
        session.add(user)
        session.commit()
        with pytest.raises(DomainError) as err:
            set_fever_threshold(session, user, site.id, 37.5)
        assert err.value.code == "forbidden"
    session.expire_all()
    assert site.fever_threshold == 37.3
    set_fever_threshold(session, desk, site.id, 37.5)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "site.threshold")).one()
    assert (entry.before["fever_threshold"], entry.after["fever_threshold"]) == (37.3, 37.5)


def test_site_threshold_is_used(session, desk, site, stays):
    set_fever_threshold(session, desk, site.id, 37.5)
    assert not record_reading(session, desk, stays[0].id, TODAY, Slot.MORNING, temperature=37.4).fever
    assert record_reading(session, desk, stays[1].id, TODAY, Slot.MORNING, temperature=37.5).fever
    with pytest.raises(DomainError):
        set_fever_threshold(session, desk, site.id, 41)


def test_second_first_reading_for_slot_refused(session, desk, stays):
    record_reading(session, desk, stays[0].id, TODAY, Slot.MORNING, temperature=36.5)
    with pytest.raises(DomainError) as err:
        record_reading(session, desk, stays[0].id, TODAY, Slot.MORNING, temperature=36.7)
    assert err.value.code == "reading_exists"


def test_not_measured_needs_reason(session, desk, stays):
    with pytest.raises(DomainError) as err:
        record_reading(session, desk, stays[0].id, TODAY, Slot.MORNING)
    assert err.value.code == "temp_or_reason"
    record_reading(session, desk, stays[0].id, TODAY, Slot.MORNING, not_measured_reason="拒绝测量")
    assert session.query(Observation).one().temperature is None


def test_unknown_symptom_and_wrong_recheck_refused(session, desk, stays):
    with pytest.raises(DomainError):
        record_reading(session, desk, stays[0].id, TODAY, Slot.MORNING, temperature=36.5, symptoms=["sneezing"])
    other = record_reading(session, desk, stays[1].id, TODAY, Slot.MORNING, temperature=38.5)
    with pytest.raises(DomainError) as err:
        record_reading(
            session, desk, stays[0].id, TODAY, Slot.MORNING, temperature=36.5, recheck_of_id=other.observation.id
        )
    assert err.value.code == "recheck_target"


def test_missing_readings_lists_present_people_without_one(session, desk, site, stays, make_arrival):
    record_reading(session, desk, stays[0].id, TODAY, Slot.MORNING, temperature=36.5)
    record_reading(session, desk, stays[1].id, TODAY, Slot.MORNING, not_measured_reason="外出转运")
    late = register_arrival(
        session, desk, make_arrival(arrived_at=local(2026, 11, 23, 9, 30)), free_rooms(session, 1)[0].id, now=NOW
    )
    missing = missing_readings(session, TODAY, Slot.MORNING)
    assert [m.stay_id for m in missing] == [stays[2].id]  # late arrival came after the morning round
    assert {m.stay_id for m in missing_readings(session, TODAY, Slot.EVENING)} == {s.id for s in stays} | {late.id}
    floor_of_third = stays[2].room.floor_id
    assert missing_readings(session, TODAY, Slot.MORNING, floor_id=floor_of_third + 100) == []


def test_correcting_a_reading_keeps_old_value_in_audit(session, desk, stays):
    res = record_reading(session, desk, stays[0].id, TODAY, Slot.MORNING, temperature=36.5)
    correct_reading(session, desk, res.observation.id, temperature="38.1")
    entry = session.query(AuditEntry).filter_by(action="reading.correct").one()
    assert entry.before["temperature"] == 36.5 and entry.after["temperature"] == 38.1
    assert len(open_alerts(session)) == 1  # a corrected fever opens an alert
    with pytest.raises(DomainError) as err:
        correct_reading(session, desk, res.observation.id, temperature=36.0, expected_version=1)
    assert err.value.code == "stale"


def test_reading_before_arrival_refused(session, desk, stays):
    with pytest.raises(DomainError) as err:
        record_reading(
            session, desk, stays[0].id, stays[0].arrival_day - timedelta(days=1), Slot.MORNING, temperature=36.5
        )
    assert err.value.code == "not_present"
