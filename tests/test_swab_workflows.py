"""Swab schedules for every seeded rule set, lab result import with mismatches, positive-case restart."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from models.errors import DomainError
from models.services.arrivals import register_arrival
from models.services.lab_import import apply_lab_results, preview_lab_rows
from models.services.outbreak import apply_restart, preview_restart
from models.services.sites import DEFAULT_RULE_SETS
from models.services.swabs import mark_sampled, mark_sampled_many, record_result, record_results_many, swab_plan
from models.store.orm import AuditEntry, Room, RuleSet, Site, Stay, SwabResult, SwabTest
from tests.conftest import NOW, local
from tests.helpers import free_rooms


@pytest.mark.parametrize("rule_set", [name for name, _start in DEFAULT_RULE_SETS])
def test_swab_schedule_for_each_rule_set(session, site, desk, make_arrival, rule_set):
    rs = session.scalar(select(RuleSet).where(RuleSet.name == rule_set))
    s = session.get(Site, site.id)
    s.rule_set_id = rs.id
    session.commit()
    stay = register_arrival(
        session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 20)), free_rooms(session, 1)[0].id, now=NOW
    )
    rule = rs.rule_for("inbound")
    plan = [(t.planned_day, t.planned_date) for t in swab_plan(session, stay.id)]
    expected = [(d, stay.day_one + timedelta(days=d - 1)) for d in rule.swab_day_list]
    expected = [(d, when) for d, when in expected if when < stay.planned_release]
    assert plan == expected  # inbound counts from arrival: every test day falls inside the stay
    assert stay.planned_release == stay.day_one + timedelta(days=rule.days_central)


def sampled(session, desk, stay):
    first = swab_plan(session, stay.id)[0]
    mark_sampled(session, desk, first.id, by="护士甲", at=local(2026, 11, 21, 9))
    return first.id


def test_lab_file_matches_by_id_or_name_and_room_and_lists_the_rest(session, site, desk, make_arrival):
    rooms = free_rooms(session, 3)
    stays = [
        register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 21)), r.id, now=NOW) for r in rooms
    ]
    waiting = [sampled(session, desk, st) for st in stays[:2]]  # the third has no sample yet
    a, b, c = stays
    table = [
        ["某某检测中心 核酸结果报告"],  # a title row above the header, as labs send them
        ["序号", "姓名", "证件号码", "房间", "检测结果", "检测机构"],
        [1, a.person.name, a.person.doc_number, "", "阴性", "市疾控"],
        [2, b.person.name, "", rooms[1].number, "阳性", "市疾控"],  # no ID: name + room
        [3, c.person.name, c.person.doc_number, "", "阴性", "市疾控"],  # nothing sampled
        [4, "王不在", "110105194912310029", "", "阴性", "市疾控"],  # nobody here
        [5, a.person.name, a.person.doc_number, "", "待定", "市疾控"],  # result not understood
    ]
    preview = preview_lab_rows(session, table)
    assert [(r.row, r.problem) for r in preview] == [
        (3, None),
        (4, None),
        (5, "lab_no_sample"),
        (6, "lab_no_match"),
        (7, "lab_bad_result"),
    ]
    assert [r.swab_id for r in preview[:2]] == waiting
    assert all(len(r.doc_tail) <= 4 for r in preview)  # no full ID numbers in the preview
    before = session.scalar(select(SwabTest.result).where(SwabTest.id == waiting[0]))
    assert before is SwabResult.PENDING  # a preview writes nothing
    positives = apply_lab_results(session, desk, preview)
    assert [p.stay_id for p in positives] == [b.id]
    results = dict(session.execute(select(SwabTest.id, SwabTest.result).where(SwabTest.id.in_(waiting))).all())
    assert results == {waiting[0]: SwabResult.NEGATIVE, waiting[1]: SwabResult.POSITIVE}


def test_positive_case_restart_preview_then_apply(session, site, desk, make_arrival):
    by_floor = {}
    for room in session.scalars(select(Room).where(Room.beds == 1).order_by(Room.id)):
        by_floor.setdefault(room.floor_id, room)
    floors = sorted(by_floor)  # building A floors 1, 2, 3, then building B
    a1, a2, a3 = (by_floor[f] for f in floors[:3])
    b1 = by_floor[floors[3]]
    early = local(2026, 11, 18)
    case = register_arrival(session, desk, make_arrival("close_contact", arrived_at=early), a1.id, now=NOW)
    upstairs = register_arrival(session, desk, make_arrival("close_contact", arrived_at=early), a2.id, now=NOW)
    two_up = register_arrival(session, desk, make_arrival("close_contact", arrived_at=early), a3.id, now=NOW)
    elsewhere = register_arrival(session, desk, make_arrival("close_contact", arrived_at=early), b1.id, now=NOW)
    swab = swab_plan(session, case.id)[-1]
    mark_sampled(session, desk, swab.id, by="护士甲", at=local(2026, 11, 22, 9))
    with pytest.raises(DomainError):
        preview_restart(session, swab.id)  # not positive (yet)
    record_result(session, desk, swab.id, SwabResult.POSITIVE, lab="市疾控")
    old_release = session.get(Stay, upstairs.id).planned_release
    two_up_release = session.get(Stay, two_up.id).planned_release
    rule = session.get(RuleSet, upstairs.rule_set_id).rule_for("close_contact")
    preview = preview_restart(session, swab.id)
    assert [c.stay_id for c in preview.changes] == [upstairs.id]  # the floor above; not 2 floors up, not B
    change = preview.changes[0]
    assert change.old_release == old_release and change.new_release > old_release
    # sampled on the 22nd: day 1 is the 23rd, release after the rule's days, never earlier than before
    assert change.new_release == max(old_release, date(2026, 11, 23) + timedelta(days=rule.days_central))
    assert session.get(Stay, upstairs.id).planned_release == old_release  # nothing written yet
    assert apply_restart(session, desk, preview, now=NOW) == 1
    moved = session.get(Stay, upstairs.id)
    assert moved.planned_release == change.new_release and moved.last_exposure == preview.exposure
    assert {t.planned_date for t in swab_plan(session, upstairs.id) if t.sampled_at is None} == {
        when for _n, when in change.new_swab_days
    }
    assert session.get(Stay, two_up.id).planned_release == two_up_release
    assert session.scalar(select(AuditEntry).where(AuditEntry.action == "stay.restart")) is not None
    assert elsewhere.id not in {c.stay_id for c in preview.changes}


def test_restart_preview_that_went_stale_is_refused(session, site, desk, make_arrival):
    rooms = list(session.scalars(select(Room).where(Room.beds == 1).order_by(Room.id)))[:2]
    early = local(2026, 11, 18)
    case = register_arrival(session, desk, make_arrival("close_contact", arrived_at=early), rooms[0].id, now=NOW)
    register_arrival(session, desk, make_arrival("close_contact", arrived_at=early), rooms[1].id, now=NOW)
    swab = swab_plan(session, case.id)[-1]
    mark_sampled(session, desk, swab.id, by="护士甲", at=local(2026, 11, 22, 9))
    record_result(session, desk, swab.id, SwabResult.POSITIVE)
    preview = preview_restart(session, swab.id)
    late = register_arrival(  # someone arrives on the floor after the preview was made
        session, desk, make_arrival("close_contact", arrived_at=early), free_rooms(session, 1)[0].id, now=NOW
    )
    assert late.room_id != case.room_id
    with pytest.raises(DomainError) as e:
        apply_restart(session, desk, preview, now=NOW)
    assert e.value.code == "stale"


def swab_state(session, ids):
    session.expire_all()
    rows = [session.get(SwabTest, i) for i in ids]
    audits = session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("swab.%"))).all()
    return [(t.sampled_at, t.sampled_by, t.result) if t is not None else None for t in rows], sorted(audits)


def test_a_selection_is_sampled_and_resulted_all_or_none(session, site, desk, make_arrival):
    from models.services.stays import transfer
    from models.store.orm import DepartureKind

    stays = [
        register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 21)), r.id, now=NOW)
        for r in free_rooms(session, 3)
    ]
    ids = [swab_plan(session, st.id)[0].id for st in stays]
    at = local(2026, 11, 22, 9)
    # the last one's person left since the list was read (their swabs not taken went with them):
    # the first two are not marked either
    transfer(session, desk, stays[2].id, DepartureKind.HOME_ISOLATION, "", now=NOW)
    before = swab_state(session, ids)
    with pytest.raises(DomainError) as e:
        mark_sampled_many(session, desk, ids, by="护士甲", at=at)
    assert e.value.code == "swab_not_found"
    assert swab_state(session, ids) == before
    # the same without the one that left: one transaction, one audit entry per swab
    mark_sampled_many(session, desk, ids[:2], by="护士甲", at=at)
    states, audits = swab_state(session, ids[:2])
    assert states == [(at, "护士甲", SwabResult.PENDING)] * 2 and audits.count("swab.sampled") == 2
    # results: the last of three is not sampled, so none of the three is recorded
    third_unsampled = [*ids[:2], swab_plan(session, stays[0].id)[1].id]
    before = swab_state(session, third_unsampled)
    with pytest.raises(DomainError) as e:
        record_results_many(session, desk, third_unsampled, SwabResult.NEGATIVE, lab="市疾控", at=NOW)
    assert e.value.code == "swab_not_sampled" and swab_state(session, third_unsampled) == before
    record_results_many(session, desk, ids[:2], SwabResult.NEGATIVE, lab="市疾控", at=NOW)
    states, audits = swab_state(session, ids[:2])
    assert [r for *_x, r in states] == [SwabResult.NEGATIVE] * 2 and audits.count("swab.result") == 2


def test_a_lab_file_s_weak_positive_ct_values_and_sample_day(session, site, desk, make_arrival, tmp_path):
    """Issue 20: 弱阳性 is a positive kept as weak, with the Ct values the lab gives; a sample time picks the
    sample of that day; an .xls lab file (Excel 97-2003) is read like an .xlsx."""
    from models.services.lab_import import preview_lab_file
    from tests.test_table_formats import write_xls

    rooms = free_rooms(session, 3)
    a, b, c = (
        register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20)), r.id, now=NOW) for r in rooms
    )
    plan = swab_plan(session, a.id)
    first = sampled(session, desk, a)  # the 21st
    second = next(t for t in plan if t.id != first)
    mark_sampled(session, desk, second.id, by="护士甲", at=local(2026, 11, 22, 9))  # two of a's samples waiting
    b_swab, c_swab = sampled(session, desk, b), sampled(session, desk, c)
    rows = [
        ["姓名", "证件号码", "采样时间", "检测结果", "ORF1ab基因Ct值", "N基因Ct值", "检测机构"],
        [a.person.name, a.person.doc_number, "2026-11-21 09:00", "弱阳性", "36.2", "37.5", "市疾控"],
        [b.person.name, b.person.doc_number, "", "阴性", "-", "/", "市疾控"],
        [c.person.name, c.person.doc_number, "2026年11月19日", "阴性", "", "", "市疾控"],  # no sample that day
        [c.person.name, c.person.doc_number, "", "阳性", "abc", "", "市疾控"],
    ]
    path = tmp_path / "lab.xls"
    write_xls(path, [("结果", rows)])
    preview = preview_lab_file(session, path)
    assert [(r.problem, r.swab_id) for r in preview] == [
        (None, first),  # the sample of the 21st, not the latest (the 22nd's)
        (None, b_swab),
        ("lab_no_sample_that_day", None),
        ("lab_bad_ct", None),
    ]
    assert (preview[0].result, preview[0].weak, preview[0].ct_values) == (
        SwabResult.POSITIVE,
        True,
        "ORF1ab=36.2;N=37.5",
    )
    assert (preview[1].weak, preview[1].ct_values) == (False, None)
    positives = apply_lab_results(session, desk, preview)
    assert [p.swab_id for p in positives] == [first]
    kept = {s.id: (s.result, s.weak, s.ct_values) for s in session.scalars(select(SwabTest))}
    assert kept[first] == (SwabResult.POSITIVE, True, "ORF1ab=36.2;N=37.5")
    assert kept[second.id][0] is SwabResult.PENDING and kept[c_swab][0] is SwabResult.PENDING
    assert kept[b_swab] == (SwabResult.NEGATIVE, False, None)
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "swab.result").order_by(AuditEntry.id)
    ).first()
    assert entry.after["weak"] is True and entry.after["ct_values"] == "ORF1ab=36.2;N=37.5"
    from models.reads.occupants import stay_detail

    lines = [e.text_zh for e in stay_detail(session, a.id).timeline if e.kind == "swab"]
    assert lines[0].endswith("核酸：弱阳性（Ct：ORF1ab 36.2 / N 37.5）") and "弱阳性" not in lines[1]
    english = [e.text_en for e in stay_detail(session, a.id).timeline if e.kind == "swab"]
    assert english[0].endswith("weak positive (Ct: ORF1ab 36.2 / N 37.5)")


@pytest.mark.parametrize(
    ("cell", "kept"),
    [("35.2", "Ct=35.2"), ("35,2", "Ct=35.2"), ("35.2(阳)", "Ct=35.2"), ("未检出", None), ("Undetermined", None),
     ("NoCt", None), ("0", None), (">40", None), ("40+", None), ("N/A", None), ("", None)],
)  # fmt: skip
def test_ct_values_as_labs_write_them(cell, kept):
    from models.services.lab_import import ct_values

    assert ct_values({"ct": cell}) == kept


@pytest.mark.parametrize("cell", ["1e1", "abc", "51", "-3"])
def test_a_ct_that_is_no_number_of_cycles_is_refused(cell):
    from models.services.lab_import import ct_values

    with pytest.raises(ValueError):
        ct_values({"ct": cell})


def test_an_unreadable_sample_time_leaves_the_row_unmatched_and_a_correction_drops_weak(
    session, site, desk, make_arrival
):
    from models.services.swabs import correct_result

    (room,) = free_rooms(session, 1)
    stay = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20)), room.id, now=NOW)
    swab_id = sampled(session, desk, stay)
    header = ["姓名", "证件号码", "采样时间", "检测结果", "Ct值"]
    row = [stay.person.name, stay.person.doc_number, "昨天下午", "弱阳性", "36"]
    assert [r.problem for r in preview_lab_rows(session, [header, row])] == ["lab_bad_sample_time"]
    row[2] = ""
    apply_lab_results(session, desk, preview_lab_rows(session, [header, row]))
    swab = session.get(SwabTest, swab_id)
    assert (swab.result, swab.weak, swab.ct_values) == (SwabResult.POSITIVE, True, "Ct=36")
    correct_result(session, desk, swab_id, SwabResult.NEGATIVE, reason="实验室复核为阴性")
    session.refresh(swab)
    assert (swab.result, swab.weak, swab.ct_values) == (SwabResult.NEGATIVE, False, None)
