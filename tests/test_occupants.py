from datetime import date

import pytest

from models.reads.occupants import OccupantFilter, count_occupants, list_occupants
from models.services.arrivals import register_arrival
from models.services.observations import record_reading
from models.services.stays import transfer
from models.store.orm import DepartureKind, Slot
from tests.conftest import NOW, local
from tests.helpers import free_rooms


@pytest.fixture
def people(session, site, desk, make_arrival):
    rooms = free_rooms(session, 4)
    specs = [
        ("张三", "13800138001", "inbound", local(2026, 11, 21)),
        ("李四", "13900139002", "close_contact", local(2026, 11, 22)),
        ("张晓明", "18600186003", "inbound", local(2026, 11, 23, 9)),
        ("古丽·努尔", "19900199004", "risk_area", local(2026, 11, 23, 9)),
    ]
    stays = []
    for room, (name, phone, cat, arrived) in zip(rooms, specs, strict=True):
        stays.append(
            register_arrival(
                session, desk, make_arrival(cat, name=name, phone=phone, arrived_at=arrived), room.id, now=NOW
            )
        )
    return stays


def names(session, **kw):
    return [r.name for r in list_occupants(session, OccupantFilter(**kw), sort="room")]


def test_search_by_name_pinyin_initials_tails_and_room(session, people):
    assert names(session, text="张") == ["张三", "张晓明"]
    assert names(session, text="zhangsan") == ["张三"]
    assert names(session, text="zs") == ["张三"]
    assert names(session, text="zxm") == ["张晓明"]
    assert names(session, text="zhang") == ["张三", "张晓明"]
    assert names(session, text="gu") == ["古丽·努尔"]
    assert names(session, text="9002") == ["李四"]  # phone tail
    tail = people[2].person.doc_number[-4:]
    assert "张晓明" in names(session, text=tail)  # ID tail
    assert names(session, text=people[3].room.number) == ["古丽·努尔"]
    assert names(session, text="王") == []


def test_rows_are_masked_and_carry_stay_facts(session, people):
    row = list_occupants(session, OccupantFilter(text="李四"))[0]
    assert row.doc_masked.count("*") == 10 and row.doc_masked[-4:] == people[1].person.doc_number[-4:]
    assert row.phone_masked == "139****9002"
    assert row.category_zh == "密切接触者"
    assert row.day_n(date(2026, 11, 23)) == 2 and row.days_total == 7


def test_filters_and_present_only(session, desk, people):
    record_reading(session, desk, people[0].id, NOW.date(), Slot.MORNING, temperature=38.4)
    assert [r.fever for r in list_occupants(session, OccupantFilter(text="张三"))] == [True]
    transfer(session, desk, people[0].id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW)
    assert names(session, text="张") == ["张晓明"]
    assert names(session, text="张", present_only=False) == ["张三", "张晓明"]
    assert names(session, category="inbound") == ["张晓明"]
    assert count_occupants(session, OccupantFilter(), actor=None) == 3
    assert names(session, release_from=date(2026, 11, 30)) == ["张晓明", "古丽·努尔"]
    assert names(session, release_to=date(2026, 11, 29)) == ["李四"]  # exposure-free close contact: day 1 = 22nd


def test_arrived_today_is_the_sites_day(session, desk, make_arrival, people):
    """今日入住: the arrivals of the site's day (Shanghai), not of the UTC day; present or already gone."""
    early, late = free_rooms(session, 2)
    # 00:30 in Shanghai is still the 22nd in UTC; 23:30 on the 22nd is the 22nd's
    after_midnight = local(2026, 11, 23, 0, 30)
    register_arrival(session, desk, make_arrival(name="王早", arrived_at=after_midnight), early.id, now=NOW)
    register_arrival(session, desk, make_arrival(name="赵晚", arrived_at=local(2026, 11, 22, 23, 30)), late.id, now=NOW)
    today = date(2026, 11, 23)
    assert names(session, arrived_on=today) == ["张晓明", "古丽·努尔", "王早"]
    assert names(session, arrived_on=date(2026, 11, 22)) == ["李四", "赵晚"]
    assert names(session, arrived_on=today, text="张") == ["张晓明"]  # with the other filters
    transfer(session, desk, people[2].id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW)
    assert names(session, arrived_on=today) == ["古丽·努尔", "王早"]
    assert names(session, arrived_on=today, present_only=False) == ["张晓明", "古丽·努尔", "王早"]
    assert count_occupants(session, OccupantFilter(arrived_on=today), actor=None) == 2


def test_sort_and_paging(session, people):
    by_release = list_occupants(session, OccupantFilter(), sort="release", descending=True)
    assert by_release[0].planned_release >= by_release[-1].planned_release
    page1 = list_occupants(session, OccupantFilter(), sort="name", limit=2)
    page2 = list_occupants(session, OccupantFilter(), sort="name", offset=2, limit=2)
    assert len(page1) == 2 and len(page2) == 2 and not {r.stay_id for r in page1} & {r.stay_id for r in page2}


def test_stay_detail_has_the_whole_story(session, desk, people):
    from models.reads.occupants import stay_detail
    from models.services.observations import record_reading as rr
    from models.services.stays import change_release_date, change_room

    stay = people[0]
    first = rr(
        session, desk, stay.id, date(2026, 11, 22), Slot.MORNING, temperature=38.2, taken_at=local(2026, 11, 22, 8)
    )
    rr(
        session,
        desk,
        stay.id,
        date(2026, 11, 22),
        Slot.MORNING,
        temperature=36.8,
        recheck_of_id=first.observation.id,
        taken_at=local(2026, 11, 22, 8, 30),
    )
    rr(session, desk, stay.id, date(2026, 11, 22), Slot.EVENING, temperature=36.5, taken_at=local(2026, 11, 22, 16))
    change_release_date(session, desk, stay.id, date(2026, 11, 30), "延长观察", now=local(2026, 11, 22, 17))
    target = free_rooms(session, 1)[0]
    change_room(session, desk, stay.id, target.id, "空调故障", now=local(2026, 11, 22, 18))
    d = stay_detail(session, stay.id)
    assert d.name == "张三" and d.doc_number == stay.person.doc_number
    assert d.readings == [(date(2026, 11, 22), "am", 38.2), (date(2026, 11, 22), "pm", 36.5)]
    assert [e.kind for e in d.timeline] == ["arrival", "fever", "reading", "release_date", "room_change"]
    assert target.number in d.timeline[-1].text_zh
    assert d.day_n(date(2026, 11, 23)) == 3 and d.days_total == 9 and d.threshold == 37.3


def test_a_surname_read_otherwise_is_found_by_each_of_its_readings(session, desk, make_arrival, people):
    """曾伟 is 'ceng wei' to pypinyin but Zeng Wei to the desk: every reading of the head is indexed."""
    for room, name in zip(free_rooms(session, 4), ["曾伟", "尉迟恭", "尉迟明", "单雄信"], strict=True):
        register_arrival(session, desk, make_arrival(name=name), room.id, now=NOW)
    for typed in ("zengwei", "zw", "cengwei", "cw", "zeng", "Zeng Wei"):
        assert names(session, text=typed) == ["曾伟"], typed
    assert names(session, text="yuchigong") == names(session, text="ycg") == ["尉迟恭"]
    assert names(session, text="yuchiming") == names(session, text="ycm") == ["尉迟明"]
    assert names(session, text="yuchi") == ["尉迟恭", "尉迟明"]
    assert names(session, text="shanxiongxin") == names(session, text="danxiongxin") == ["单雄信"]
    # a name without another reading is found as before, and by nothing else
    assert names(session, text="zhangsan") == names(session, text="zs") == ["张三"]
    assert names(session, text="zhang") == ["张三", "张晓明"]
    assert names(session, text="lisi") == names(session, text="ls") == ["李四"]


def test_the_index_of_every_reading_keeps_the_columns_length_and_never_cuts_the_initials():
    from models.services.arrivals import name_pinyin

    assert name_pinyin("曾伟") == "zengwei|zw|cengwei|cw"  # the surname's reading first: it sorts by it
    assert name_pinyin("张三") == "zhangsan|zs"
    long = name_pinyin("曾" + "伟" * 99, 300)
    assert len(long) <= 300 and "|z" + "w" * 99 + "|" in long and long.endswith("|c" + "w" * 99)
