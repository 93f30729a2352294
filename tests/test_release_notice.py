"""The release notice (解除集中隔离医学观察告知书) read back from the PDF: it certifies readiness only for
people who are ready, says so when a release was an override, has one release date, lists today's
releases once they are done, and carries the fields the site leads check, in Chinese and English."""

import io
import random
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from models.demo import synthetic
from models.reads import reports
from models.services.arrivals import register_arrival
from models.services.observations import record_reading
from models.services.stays import release, release_readiness, transfer
from models.services.swabs import mark_sampled, record_result, swab_plan
from models.store.orm import AuditEntry, DepartureKind, Slot, Stay, SwabResult
from printing import forms
from printing.documents import render
from tests.conftest import NOW, TZ, local
from tests.helpers import free_rooms

DAY = NOW.date()  # 2026-11-23: arrivals on 11-16 under 第九版 (7 days) are released today
ARRIVED = local(2026, 11, 16, 15)
PRINTED = datetime(2026, 11, 23, 9, 30, tzinfo=TZ)


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def swabs_done(session, desk, stay, last=SwabResult.NEGATIVE):
    """Every planned swab sampled on its day; all negative but the last, which gets ``last`` (None: not
    sampled at all)."""
    plan = swab_plan(session, stay.id)
    for i, t in enumerate(plan):
        result = last if i == len(plan) - 1 else SwabResult.NEGATIVE
        if result is None:
            continue
        mark_sampled(
            session, desk, t.id, by="护士", at=local(t.planned_date.year, t.planned_date.month, t.planned_date.day, 8)
        )
        if result is not SwabResult.PENDING:
            record_result(session, desk, t.id, result, lab="市疾控")


@pytest.fixture
def arrive(session, site, desk, make_arrival):
    rooms = iter(free_rooms(session))

    def make(**overrides):
        return register_arrival(session, desk, make_arrival(arrived_at=ARRIVED, **overrides), next(rooms).id, now=NOW)

    return make


def pdf_text(session, desk, lang="zh_CN", **kw):
    return text_of(
        render(session, "release-notices", DAY, actor=desk, lang=lang, printed_by="前台一", now=PRINTED, **kw)
    )


def flat(pages):
    return "".join("".join(pages).split())  # without the line breaks and spaces pypdf puts in


def test_a_notice_is_printed_only_for_who_is_ready_the_others_are_listed_with_the_reason(session, site, desk, arrive):
    ready, pending, fever, unsampled = (arrive() for _ in range(4))
    swabs_done(session, desk, ready)
    swabs_done(session, desk, pending, SwabResult.PENDING)
    swabs_done(session, desk, fever)
    record_reading(session, desk, fever.id, DAY, Slot.MORNING, temperature="38.3")
    swabs_done(session, desk, unsampled, None)
    # the very rules the release applies say who is ready
    assert [release_readiness(session, s, DAY).ok for s in (ready, pending, fever, unsampled)] == [True] + [False] * 3

    pages = pdf_text(session, desk)
    assert len(pages) == 2  # the list of those held back, then one notice
    held, notice = pages
    assert "未出具解除告知书人员" in held and "经评估符合解除条件" not in held
    for stay in (pending, fever, unsampled):
        assert stay.person.name in held
        assert stay.person.doc_number not in flat(pages)  # masked on the list, and no notice
    assert "末次应检核酸（第7天）：待出" in flat([held]) and "有未关闭的发热预警" in held
    assert "末次应检核酸（第7天）：未采样" in flat([held])
    assert ready.person.name not in held
    assert ready.person.name in notice and "经评估符合解除条件" in notice and ready.person.doc_number in flat([notice])

    en = flat(pdf_text(session, desk, "en"))
    assert "Peoplenotgivenareleasenotice" in en and "lastscheduledswab(day7):pending" in en
    assert "anopenfeveralert" in en and "lastscheduledswab(day7):notsampled" in en
    for raw in ("not_sampled", "release_swab", "release_fever", "pending(", "resident_id"):
        assert raw not in en


def test_only_the_people_whose_notice_is_printed_are_recorded_as_shown_in_full(session, site, desk, arrive):
    ready, pending = arrive(), arrive()
    swabs_done(session, desk, ready)
    swabs_done(session, desk, pending, SwabResult.PENDING)
    pages = pdf_text(session, desk, stay_ids=[pending.id, ready.id])
    assert ready.person.doc_number in flat(pages) and pending.person.doc_number not in flat(pages)
    session.rollback()
    notes = session.scalars(select(AuditEntry.note).where(AuditEntry.action == "document.print")).all()
    assert notes == [f"form=release-notices stay={ready.id}"]


def test_an_override_release_says_it_was_one_with_the_reason(session, site, desk, arrive):
    stay = arrive()
    swabs_done(session, desk, stay, SwabResult.PENDING)
    release(session, desk, stay.id, override_reason="指挥部批准：结果已电话确认", now=local(2026, 11, 23, 9))
    assert session.get(Stay, stay.id).release_override

    [page] = pdf_text(session, desk, stay_ids=[stay.id])
    assert "符合解除条件" not in page.replace("未满足全部解除条件", "")
    assert "未满足全部解除条件" in page and "指挥部批准：结果已电话确认" in page
    [en] = pdf_text(session, desk, "en", stay_ids=[stay.id])
    assert "Not all the conditions for release were met" in en and "指挥部批准" in en
    assert "meeting the conditions" not in en


def test_todays_notices_include_the_people_released_today(session, site, desk, arrive):
    done = [arrive() for _ in range(3)]
    for stay in done:
        swabs_done(session, desk, stay)
    release(session, desk, done[0].id, now=local(2026, 11, 23, 8))
    release(session, desk, done[1].id, now=local(2026, 11, 23, 9))
    early = arrive()  # released yesterday, by override: yesterday's batch, not today's
    release(session, desk, early.id, override_reason="转居家", now=local(2026, 11, 22, 16))

    assert reports.releases_on(session, DAY) == [s.id for s in done]  # room order; released or still due
    assert reports.releases_on(session, date(2026, 11, 22)) == [early.id]
    pages = pdf_text(session, desk)
    assert len(pages) == 3 and "今日无应解除人员" not in "".join(pages)
    for page, stay in zip(pages, done, strict=True):
        assert stay.person.name in page and "经评估符合解除条件" in page


def test_one_release_date_the_day_the_person_leaves(session, site, desk, arrive):
    stay = arrive()
    swabs_done(session, desk, stay)
    assert stay.planned_release == DAY and stay.day_one == date(2026, 11, 16)
    [page] = pdf_text(session, desk, stay_ids=[stay.id])
    text = flat([page])
    assert "解除日期（离开隔离点）2026-11-23" in text and "于2026-11-23解除集中隔离医学观察" in text
    assert "隔离结束" not in text  # no second end date beside the release date
    assert "2026年11月23日" in text  # the issue date beside the stamp is the release date

    early = arrive()  # released before its planned date: the date it really left, everywhere
    swabs_done(session, desk, early, None)  # day 7 (11-22) not sampled: gone from the plan at the release
    release(session, desk, early.id, override_reason="指挥部通知", now=local(2026, 11, 21, 9))
    [page] = pdf_text(session, desk, stay_ids=[early.id])
    text = flat([page])
    assert "于2026-11-21解除" in text and "2026年11月21日" in text
    assert "2026-11-21至2026-11-23（3天）" in text  # home monitoring from that day, the rule set's 3 days
    assert "解除日期（离开隔离点）2026-11-21" in text and "第7天" not in text


def test_the_notice_carries_every_field_the_site_lead_checks(session, site, desk, arrive):
    stay = arrive(address="城南区幸福路 12 号")
    swabs_done(session, desk, stay)
    person = stay.person
    [page] = pdf_text(session, desk, stay_ids=[stay.id])
    text = flat([page])
    age = DAY.year - person.birth_date.year - ((DAY.month, DAY.day) < (person.birth_date.month, person.birth_date.day))
    assert ("性别男" if person.sex.value == "M" else "性别女") in text
    assert f"年龄{age}岁" in text and f"联系电话{person.phone}" in text
    assert f"证件类型居民身份证证件号码{person.doc_number}" in text
    for t in swab_plan(session, stay.id):  # every swab: its day, date and result
        assert f"第{t.planned_day}天{t.planned_date}{t.planned_date}阴性" in text
    assert "去向城南区幸福路12号" in text
    assert "接收街道/社区" in text and "街道（乡镇）" in text  # no field for it yet: a line filled by hand
    assert "居家健康监测2026-11-23至2026-11-25（3天）" in text  # 第九版: 3 days at home after release
    assert "本人签名" in text and "同志" in text and "监护人" not in text
    assert f"{site.name}（盖章）" in text and "2026年11月23日" in text

    en = flat(pdf_text(session, desk, "en", stay_ids=[stay.id]))
    assert ("SexMale" if person.sex.value == "M" else "SexFemale") in en and f"Age{age}" in en
    assert "DocumentResidentID" in en and "2026-11-23to2026-11-25(3days)" in en
    assert "Receivingstreet/community" in en and f"{site.name}(stamp)" in en and "Issuedon2026-11-23" in en


def test_a_minor_is_not_called_comrade_and_a_guardian_signs(session, site, desk, arrive):
    child = synthetic.person(random.Random(5), DAY, min_age=2, max_age=3)
    stay = arrive(name=child["name"], doc_number=child["doc_number"], sex=child["sex"], birth_date=child["birth_date"])
    swabs_done(session, desk, stay)
    [page] = pdf_text(session, desk, stay_ids=[stay.id])
    text = flat([page])
    assert "同志" not in text and "本人签名" not in text
    assert f"{child['name']}（未成年人）的监护人：" in text and "监护人签名" in text and "与被监护人关系" in text
    assert "年龄2岁" in text
    [en] = pdf_text(session, desk, "en", stay_ids=[stay.id])
    assert "guardian of" in en and "Guardian's signature" in en and "Dear" not in en


def test_someone_who_left_another_way_gets_no_notice(session, site, desk, arrive):
    stay = arrive()
    transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, "市定点医院", now=local(2026, 11, 22, 12))
    [page] = pdf_text(session, desk, stay_ids=[stay.id])
    assert "已离开：转运至医院" in flat([page]) and "经评估符合解除条件" not in page
    [en] = pdf_text(session, desk, "en", stay_ids=[stay.id])
    assert "transferred to hospital" in en and "to_hospital" not in en


def test_forms_not_checked_for_release_never_claim_readiness(session, site, desk, arrive):
    stay = arrive()
    swabs_done(session, desk, stay)
    unchecked = reports.person_forms(session, [stay.id])  # no release_check: nothing known about readiness
    [page] = text_of(forms.release_notices(site.name, unchecked, "zh_CN", "前台一", PRINTED))
    assert "未核查解除条件" in page and "经评估符合解除条件" not in page


def test_a_rule_with_home_isolation_prints_both_home_phases_with_their_dates(session, site, desk, arrive):
    """7+7+3: seven days centralized, seven of home isolation (居家隔离), three of home health monitoring."""
    from models.store.orm import CategoryRule, RuleSet

    rule = session.scalar(
        select(CategoryRule).join(RuleSet).where(RuleSet.name == "第九版", CategoryRule.category_code == "inbound")
    )
    rule.days_home_isolation, rule.home_isolation_swab_days = 7, "2,7"
    session.commit()
    stay = arrive()
    assert stay.home_until == date(2026, 12, 2)  # 11-23 + 7 + 3 - 1
    swabs_done(session, desk, stay)
    for lang, isolation, monitoring in (
        ("zh_CN", "居家隔离2026-11-23至2026-11-29（7天）", "居家健康监测2026-11-30至2026-12-02（3天）"),
        ("en", "Homeisolation2026-11-23to2026-11-29(7days)", "Homehealthmonitoring2026-11-30to2026-12-02(3days)"),
    ):
        text = flat(pdf_text(session, desk, lang, stay_ids=[stay.id]))
        assert isolation in text and monitoring in text, text
    zh = flat(pdf_text(session, desk, stay_ids=[stay.id]))
    assert "请您自2026-11-23至2026-11-29进行居家隔离（共7天）" in zh
    assert "请您自2026-11-30至2026-12-02进行居家健康监测（共3天）" in zh
