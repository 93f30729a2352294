"""What a value typed on a round's row does (models.services.round_entry.enter_value): skip, new reading, recheck,
correction, not measured, or a refusal that saves nothing."""

from datetime import date

import pytest
from sqlalchemy import select

from models.reads.rounds import round_sheet
from models.services.arrivals import register_arrival
from models.services.round_entry import Entry, enter_value
from models.store.orm import AlertState, AuditEntry, FeverAlert, Observation, Role, Slot, User
from tests.conftest import NOW, local
from tests.helpers import count, free_rooms

DAY = date(2026, 11, 23)


@pytest.fixture
def stay_id(session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0]
    return register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 21)), room.id, now=NOW).id


def enter(session, actor, stay_id, typed, **kw):
    return enter_value(session, actor, stay_id, DAY, Slot.MORNING, typed, **kw)


def version(session, stay_id):
    [row] = round_sheet(session, DAY, Slot.MORNING, stay_id=stay_id)
    return row.reading.version if row.reading else None


def observations(session):
    session.expire_all()
    return session.scalars(select(Observation).order_by(Observation.id)).all()


def test_nothing_typed_skips_and_saves_nothing(session, desk, stay_id):
    for typed in ("", "   "):
        result = enter(session, desk, stay_id, typed)
        assert result.kind is Entry.SKIPPED and not result.saved and result.error is None and result.row is None
    assert count(session, Observation) == 0


def test_a_number_on_an_empty_row_is_the_slots_reading(session, desk, stay_id):
    result = enter(session, desk, stay_id, "365", symptoms=("dry_cough",))
    assert result.kind is Entry.NEW and result.saved
    assert result.row is not None and result.row.stay_id == stay_id
    assert (result.row.reading.temperature, result.row.reading.symptoms) == (36.5, ("dry_cough",))
    assert not result.awaiting_recheck and not result.alert_opened
    [obs] = observations(session)
    assert (obs.temperature, obs.recheck_of_id, obs.symptoms) == (36.5, None, "dry_cough")


@pytest.mark.parametrize(("typed", "value"), [("365", 36.5), ("36.5", 36.5), ("36,8", 36.8), ("372", 37.2)])
def test_typed_text_is_parsed(session, desk, stay_id, typed, value):
    assert enter(session, desk, stay_id, typed).row.reading.temperature == value


def test_a_fever_opens_an_alert_and_waits_for_the_recheck(session, desk, stay_id):
    result = enter(session, desk, stay_id, "385")
    assert result.kind is Entry.NEW and result.alert_opened and result.awaiting_recheck
    assert result.row.alert_open
    alert = session.scalars(select(FeverAlert)).one()
    assert alert.state is AlertState.OPEN


def test_a_normal_recheck_of_a_fever_closes_the_alert(session, desk, stay_id):
    first = enter(session, desk, stay_id, "385")
    result = enter(session, desk, stay_id, "366", expected_version=first.row.reading.version, recheck=True)
    assert result.kind is Entry.RECHECK and result.alert_closed and not result.awaiting_recheck
    fever, recheck = observations(session)
    assert (fever.temperature, recheck.temperature, recheck.recheck_of_id) == (38.5, 36.6, fever.id)
    assert [r.temperature for r in result.row.rechecks] == [36.6]
    session.expire_all()
    assert session.scalars(select(FeverAlert)).one().state is AlertState.CLOSED


def test_a_recheck_still_at_fever_keeps_waiting(session, desk, stay_id):
    first = enter(session, desk, stay_id, "385")
    seen = first.row.reading.version
    second = enter(session, desk, stay_id, "384", expected_version=seen, recheck=True)
    assert second.kind is Entry.RECHECK and second.awaiting_recheck and not second.alert_closed
    third = enter(session, desk, stay_id, "368", expected_version=seen, recheck=True)
    assert third.kind is Entry.RECHECK and third.alert_closed and not third.awaiting_recheck
    assert [o.temperature for o in observations(session)] == [38.5, 38.4, 36.8]


def test_a_number_on_a_fever_row_without_the_recheck_step_corrects_it_and_the_alert_stays_open(session, desk, stay_id):
    first = enter(session, desk, stay_id, "382")
    result = enter(session, desk, stay_id, "367", expected_version=first.row.reading.version)
    assert result.kind is Entry.CORRECTION and not result.alert_closed
    [obs] = observations(session)
    assert (obs.temperature, obs.recheck_of_id) == (36.7, None)
    session.expire_all()
    assert session.scalars(select(FeverAlert)).one().state is AlertState.OPEN


def test_a_recheck_without_a_fever_waiting_is_refused(session, desk, stay_id):
    assert enter(session, desk, stay_id, "365", recheck=True).error.code == "recheck_none"  # empty row
    first = enter(session, desk, stay_id, "365")
    result = enter(session, desk, stay_id, "366", expected_version=first.row.reading.version, recheck=True)
    assert result.kind is Entry.REFUSED and result.error.code == "recheck_none"
    assert [o.temperature for o in observations(session)] == [36.5]


def test_a_number_on_a_row_with_a_normal_reading_corrects_it(session, desk, stay_id):
    first = enter(session, desk, stay_id, "362", symptoms=("fatigue",))
    result = enter(session, desk, stay_id, "365", expected_version=first.row.reading.version)
    assert result.kind is Entry.CORRECTION
    [obs] = observations(session)
    assert (obs.temperature, obs.symptoms) == (36.5, "fatigue")  # no symptom key: symptoms kept
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "reading.correct")).one()
    assert (entry.before["temperature"], entry.after["temperature"]) == (36.2, 36.5)


def test_a_correction_to_a_fever_opens_an_alert(session, desk, stay_id):
    first = enter(session, desk, stay_id, "365")
    result = enter(session, desk, stay_id, "386", expected_version=first.row.reading.version)
    assert result.kind is Entry.CORRECTION and result.alert_opened and result.awaiting_recheck


def test_not_measured_is_saved_as_its_code_and_shown_in_the_screens_language(session, desk, stay_id, make_arrival):
    result = enter(session, desk, stay_id, "", not_measured="refused")
    assert result.kind is Entry.NEW
    assert (result.row.reading.temperature, result.row.reading.not_measured_reason) == (None, "refused")
    assert (result.row.reading.text("zh_CN"), result.row.reading.text("en")) == ("拒绝测量", "refused")
    other = register_arrival(
        session, desk, make_arrival(arrived_at=local(2026, 11, 21)), free_rooms(session, 1)[0].id, now=NOW
    )
    asleep = enter(session, desk, other.id, "365", not_measured="asleep")  # the key wins
    assert (asleep.row.reading.temperature, asleep.row.reading.not_measured_reason) == (None, "asleep")
    assert [o.not_measured_reason for o in observations(session)] == ["refused", "asleep"]


@pytest.mark.parametrize("given", ["睡眠中", "asleep", " Asleep "])
def test_a_reason_given_as_a_label_in_either_language_is_stored_as_its_code(session, desk, stay_id, given):
    from models.services.observations import correct_reading, record_reading

    saved = record_reading(session, desk, stay_id, DAY, Slot.MORNING, not_measured_reason=given)
    assert saved.observation.not_measured_reason == "asleep"
    correct_reading(session, desk, saved.observation.id, temperature=None, not_measured_reason="外出转运")
    [obs] = observations(session)
    assert obs.not_measured_reason == "transfer"


def test_a_reason_that_is_no_reason_of_the_sheet_is_refused(session, desk, stay_id):
    from models.errors import DomainError
    from models.services.observations import record_reading

    with pytest.raises(DomainError) as refused:
        record_reading(session, desk, stay_id, DAY, Slot.MORNING, not_measured_reason="不在")
    assert "睡眠中、拒绝测量或外出转运" in refused.value.message("zh_CN") and "不在" in refused.value.message("zh_CN")
    assert "out for transfer" in refused.value.message("en")
    assert count(session, Observation) == 0


def test_not_measured_on_a_fever_row_corrects_the_reading_not_a_recheck(session, desk, stay_id):
    first = enter(session, desk, stay_id, "385")
    result = enter(session, desk, stay_id, "", not_measured="transfer", expected_version=first.row.reading.version)
    assert result.kind is Entry.CORRECTION
    [obs] = observations(session)
    assert (obs.temperature, obs.not_measured_reason, obs.recheck_of_id) == (None, "transfer", None)


def test_out_of_range_is_refused_with_a_message_and_saves_nothing(session, desk, stay_id):
    result = enter(session, desk, stay_id, "30")
    assert result.kind is Entry.REFUSED and not result.saved and result.row is None
    assert result.error.code == "temp_range" and "34" in result.message("en") and "34" in result.message("zh_CN")
    assert enter(session, desk, stay_id, "abc").error.code == "temp_range"
    assert count(session, Observation) == 0


def test_an_unknown_not_measured_code_is_refused(session, desk, stay_id):
    result = enter(session, desk, stay_id, "", not_measured="gone fishing")
    assert result.kind is Entry.REFUSED and result.error.code == "temp_or_reason"
    assert count(session, Observation) == 0


def test_a_reading_typed_meanwhile_at_another_desk_is_not_overwritten(session, desk, stay_id):
    enter(session, desk, stay_id, "362")  # the other desk
    result = enter(session, desk, stay_id, "365")  # this desk still shows an empty row
    assert result.kind is Entry.REFUSED and result.error.code == "reading_exists"
    assert [o.temperature for o in observations(session)] == [36.2]


def test_a_correction_over_a_newer_version_is_refused(session, desk, stay_id):
    first = enter(session, desk, stay_id, "362")
    seen = first.row.reading.version
    enter(session, desk, stay_id, "363", expected_version=seen)  # another desk corrects it first
    assert version(session, stay_id) != seen
    result = enter(session, desk, stay_id, "365", expected_version=seen)
    assert result.kind is Entry.REFUSED and result.error.code == "stale"
    assert [o.temperature for o in observations(session)] == [36.3]


def test_a_role_without_readings_is_refused(session, desk, stay_id):
    clerk = User(username="clerk", role=Role.DESK)
    session.add(clerk)
    session.commit()
    result = enter(session, clerk, stay_id, "365")
    assert result.kind is Entry.REFUSED and result.error.code == "forbidden"
    assert count(session, Observation) == 0


def test_what_a_typed_value_would_replace_the_screen_asks_about(session, desk, stay_id):
    from models.services.round_entry import replacement

    [empty] = round_sheet(session, DAY, Slot.MORNING, stay_id=stay_id)
    assert replacement(empty, "371") is None  # the slot's first reading replaces nothing
    row = enter(session, desk, stay_id, "385").row  # a fever, awaiting its recheck
    assert replacement(row, "371") == ("38.5", "37.1")  # a correction overwrites the saved reading
    assert replacement(row, "", not_measured="asleep") == ("38.5", "睡眠中")
    assert replacement(row, "", not_measured="asleep", lang="en") == ("38.5", "asleep")
    assert replacement(row, "371", recheck=True) is None  # the recheck step (F12) adds a reading: no overwrite
    assert replacement(row, "385") is None  # the same value: nothing lost
    assert replacement(row, "") is None and replacement(row, "30") is None  # skipped / refused by the save anyway
