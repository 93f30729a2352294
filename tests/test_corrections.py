"""A swab result and a disinfection record entered wrongly, corrected (models/services/swabs.py correct_result,
models/services/rooms.py correct_disinfection), each keeping the old value in the audit trail."""

import pytest
from sqlalchemy import select

from models.errors import DomainError
from models.services.rooms import correct_disinfection, last_disinfection, record_disinfection
from models.services.stays import depart_other
from models.services.swabs import correct_result
from models.store.orm import AuditEntry, Role, Room, RoomEvent, RoomState, SwabResult, SwabTest, User
from tests.conftest import NOW, local
from tests.test_stays import arrive, refused, set_swab, swab

DISINFECTED = local(2026, 11, 23, 11)


@pytest.fixture
def stay(session, site, desk, make_arrival):
    from tests.helpers import free_rooms

    s = arrive(session, desk, make_arrival, free_rooms(session, 1)[0].id)
    set_swab(session, s.id, 5, SwabResult.NEGATIVE)
    return s


def entries(session, action):
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


# --- a swab result ---------------------------------------------------------------------------------


def test_a_negative_corrected_to_positive_and_back_keeps_each_old_value(session, desk, stay):
    s = swab(session, stay.id, 5)
    result_at, version = s.result_at, s.version
    correct_result(session, desk, s.id, SwabResult.POSITIVE, "录入时选错了结果", expected_version=version)
    session.expire_all()
    s = session.get(SwabTest, s.id)
    assert (s.result, s.result_at) == (SwabResult.POSITIVE, result_at)  # the lab's time stays
    correct_result(session, desk, s.id, "negative", "实验室更正报告")
    session.expire_all()
    assert session.get(SwabTest, s.id).result is SwabResult.NEGATIVE
    trail = entries(session, "swab.correct")
    assert [(e.before["result"], e.after["result"], e.note) for e in trail] == [
        ("negative", "positive", "录入时选错了结果"),
        ("positive", "negative", "实验室更正报告"),
    ]
    assert all(e.user_id == desk.id and e.person_id == stay.person_id for e in trail)


def test_a_correction_back_to_pending_clears_the_result_time(session, desk, stay):
    s = swab(session, stay.id, 5)
    correct_result(session, desk, s.id, SwabResult.PENDING, "结果录到了别人的样本上")
    session.expire_all()
    s = session.get(SwabTest, s.id)
    assert (s.result, s.result_at, s.sampled_at is not None) == (SwabResult.PENDING, None, True)


@pytest.mark.parametrize(
    ("day", "result", "reason", "code"),
    [
        (5, SwabResult.POSITIVE, " ", "reason_required"),
        (5, SwabResult.NEGATIVE, "无", "swab_correct_same"),
        (5, "maybe", "无", "swab_result_invalid"),
        (7, SwabResult.POSITIVE, "无", "swab_correct_no_result"),  # not sampled: record it, not correct it
    ],
)
def test_swab_correction_refusals(session, desk, stay, day, result, reason, code):
    refused(session, code, correct_result, desk, swab(session, stay.id, day).id, result, reason)


def test_a_stale_swab_correction_is_refused(session, desk, stay):
    s = swab(session, stay.id, 5)
    refused(session, "stale", correct_result, desk, s.id, SwabResult.POSITIVE, "更正", expected_version=s.version - 1)


def test_a_result_may_be_corrected_after_the_person_left(session, desk, stay):
    """The record is what the ledgers and reports read: it is corrected whether the person is here or not."""
    depart_other(session, desk, stay.id, "自行离开", now=NOW)
    s = swab(session, stay.id, 5)
    correct_result(session, desk, s.id, SwabResult.POSITIVE, "实验室更正报告")
    assert len(entries(session, "swab.correct")) == 1


def test_only_medical_staff_correct_a_result(session, desk, stay):
    clerk = User(username="clerk", display_name="前台", role=Role.DESK)
    doctor = User(username="doc", display_name="医生", role=Role.MEDICAL)
    session.add_all([clerk, doctor])
    session.commit()
    s = swab(session, stay.id, 5)
    with pytest.raises(DomainError) as err:
        correct_result(session, clerk, s.id, SwabResult.POSITIVE, "更正")
    assert err.value.code == "forbidden"
    correct_result(session, doctor, s.id, SwabResult.POSITIVE, "更正")


# --- a disinfection record ---------------------------------------------------------------------------


@pytest.fixture
def disinfected(session, desk, stay):
    depart_other(session, desk, stay.id, "自行离开", now=NOW)
    room_id = stay.room_id
    record_disinfection(
        session, desk, room_id, agent="含氯消毒剂", concentration="500 mg/L", done_by="王五", checked_by="赵六",
        at=DISINFECTED,
    )  # fmt: skip
    return room_id


def test_a_disinfection_record_is_corrected_and_the_old_values_kept(session, desk, disinfected):
    last = last_disinfection(session, disinfected)
    assert last is not None and (last.agent, last.concentration, last.done_by) == ("含氯消毒剂", "500 mg/L", "王五")
    correct_disinfection(session, desk, last.event_id, "含氯消毒剂", "1000 mg/L", "王五", "李四", "浓度和核查人写错")
    session.expire_all()
    event = session.get(RoomEvent, last.event_id)
    assert (event.concentration, event.checked_by, event.at) == ("1000 mg/L", "李四", DISINFECTED)
    assert session.get(Room, disinfected).state is RoomState.AVAILABLE  # the room's state is not touched
    [entry] = entries(session, "room.disinfection_correct")
    assert (entry.before["concentration"], entry.before["checked_by"]) == ("500 mg/L", "赵六")
    assert (entry.after["concentration"], entry.after["checked_by"]) == ("1000 mg/L", "李四")
    assert (entry.note, entry.room_id, entry.user_id) == ("浓度和核查人写错", disinfected, desk.id)


@pytest.mark.parametrize(
    ("fields", "reason", "code"),
    [
        (("含氯消毒剂", "1000 mg/L", "王五", "赵六"), "", "reason_required"),
        (("", "1000 mg/L", "王五", "赵六"), "写错", "disinfection_fields"),
        (("含氯消毒剂", "500 mg/L", "王五", "赵六"), "写错", "disinfection_correct_same"),
    ],
)
def test_disinfection_correction_refusals(session, desk, disinfected, fields, reason, code):
    event_id = last_disinfection(session, disinfected).event_id
    refused(session, code, correct_disinfection, desk, event_id, *fields, reason)


def test_only_a_disinfection_record_may_be_corrected(session, desk, disinfected):
    refused(session, "disinfection_not_found", correct_disinfection, desk, 99999, "a", "b", "c", "d", "写错")


def test_only_a_role_that_handles_rooms_corrects_a_disinfection(session, disinfected):
    doctor = User(username="doc", display_name="医生", role=Role.MEDICAL)
    session.add(doctor)
    session.commit()
    event_id = last_disinfection(session, disinfected).event_id
    with pytest.raises(DomainError) as err:
        correct_disinfection(session, doctor, event_id, "含氯消毒剂", "1000 mg/L", "王五", "赵六", "写错")
    assert err.value.code == "forbidden"
