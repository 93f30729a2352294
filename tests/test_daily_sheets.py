"""The daily observation sheets (每日健康观察记录表), read back from the PDF.

Who is on the sheet of a day and in which room (as it was that day: moves, departures), what every page
carries (building and floor, row numbers, recheck column, threshold, signatures), and the day column on
the release date.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from models.reads import reports
from models.reads.sheet_rows import SheetFloor, SheetRow
from models.services.arrivals import register_arrival
from models.services.rooms import set_out_of_service
from models.services.sites import FloorSpec, create_site, room_numbers, set_fever_threshold
from models.services.stays import change_room, release, transfer
from models.store.orm import DepartureKind
from printing import forms
from printing.documents import render
from tests.conftest import NOW, TZ, local
from tests.helpers import free_rooms

PRINTED = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)
TODAY = NOW.date()


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def squeezed(pdf: bytes) -> str:
    """The whole document's text without any white space (a note wraps inside its cell)."""
    return "".join("".join(pages_of(pdf)).split())


def rows_by_stay(session, day: date) -> dict[int, tuple[str, SheetRow]]:  # type: ignore[no-untyped-def]
    return {r.stay_id: (f.label, r) for f in reports.sheet_floors(session, day) for r in f.rows}


# --- who is on the sheet of a day, and where --------------------------------------------------------------


def test_a_past_days_sheet_lists_who_was_there_in_the_rooms_they_had(session, site, desk, make_arrival):
    first, second = free_rooms(session, 1)[0], free_rooms(session)[-1]  # A栋 1F and B栋 2F
    a = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20, 15)), first.id, now=NOW)
    b, c = (
        register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20, 16)), r.id, now=NOW)
        for r in free_rooms(session, 2)
    )
    release(session, desk, b.id, override_reason="测试", now=local(2026, 11, 21, 7, 30))  # before the morning round
    transfer(session, desk, c.id, DepartureKind.TO_HOSPITAL, "市定点医院", now=local(2026, 11, 21, 10, 5))
    change_room(session, desk, a.id, second.id, "换楼", now=NOW)
    past = rows_by_stay(session, date(2026, 11, 21))
    assert set(past) == {a.id, c.id}  # b left before the round; c after it, and was measured that morning
    assert past[a.id][0] == "A栋 1F" and past[a.id][1].room == first.number  # the room of that day
    assert past[c.id][1].left_kind == "to_hospital" and f"{past[c.id][1].left_at:%H:%M}" == "10:05"
    assert set(rows_by_stay(session, date(2026, 11, 22))) == {a.id}
    today = rows_by_stay(session, TODAY)
    assert today[a.id][0] == "B栋 2F" and today[a.id][1].moved_from == f"A栋 1F {first.number}"
    text = squeezed(render(session, "daily-sheets", date(2026, 11, 21), actor=desk, now=NOW))
    assert a.person.name in text and c.person.name in text and b.person.name not in text
    assert "10:05转运至医院" in text  # the way out, in words: codes are never printed
    moved = squeezed(render(session, "daily-sheets", TODAY, actor=desk, now=NOW))
    assert f"10:00由A栋1F{first.number}换入" in moved


def test_empty_rooms_are_those_of_that_day_with_their_state_in_words(session, site, desk, make_arrival):
    room, spare = free_rooms(session, 2)
    stay = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20, 15)), room.id, now=NOW)
    transfer(session, desk, stay.id, DepartureKind.TO_OTHER_SITE, "第二隔离点", now=local(2026, 11, 22, 9))
    set_out_of_service(session, desk, spare.id, "门锁故障", TODAY)
    floor = next(f for f in reports.sheet_floors(session, date(2026, 11, 21)) if f.label == "A栋 1F")
    assert (room.number, "occupied") not in floor.empty_rooms and (spare.number, "available") in floor.empty_rooms
    floor = next(f for f in reports.sheet_floors(session, TODAY) if f.label == "A栋 1F")
    assert (room.number, "awaiting_disinfection") in floor.empty_rooms
    assert (spare.number, "out_of_service") in floor.empty_rooms
    english = " ".join(
        " ".join(pages_of(render(session, "daily-sheets", TODAY, actor=desk, lang="en", now=NOW))).split()
    )
    assert f"{room.number} awaiting disinfection" in english and f"{spare.number} out of service" in english
    assert "awaiting_disinfection" not in english and "out_of_service" not in english


# --- the release date ----------------------------------------------------------------------------------------


def test_the_release_date_says_so_and_who_left_before_the_round_is_gone(session, site, desk, make_arrival):
    rooms = free_rooms(session, 4)
    arrive = lambda day, room: register_arrival(  # noqa: E731
        session, desk, make_arrival("inbound", arrived_at=local(2026, 11, day, 15)), room.id, now=NOW
    )
    due_today, early, later, overdue = (
        arrive(16, rooms[0]),
        arrive(16, rooms[1]),
        arrive(16, rooms[2]),
        arrive(15, rooms[3]),
    )
    assert (due_today.planned_release, overdue.planned_release) == (TODAY, TODAY - timedelta(days=1))
    release(session, desk, early.id, override_reason="测试", now=local(2026, 11, 23, 7, 30))
    release(session, desk, later.id, override_reason="测试", now=local(2026, 11, 23, 9, 15))
    rows = rows_by_stay(session, TODAY)
    assert set(rows) == {due_today.id, later.id, overdue.id}  # early left before the morning round
    assert rows[due_today.id][1].release_day and rows[overdue.id][1].overdue_days == 1
    text = squeezed(render(session, "daily-sheets", TODAY, actor=desk, now=NOW))
    assert "8/7" not in text and "9/7" not in text
    assert "解除日" in text and "超期1天" in text and "09:15解除隔离" in text
    assert early.person.name not in text
    tomorrow = rows_by_stay(session, TODAY + timedelta(days=1))  # printed the evening before: who is here
    assert later.id not in tomorrow and tomorrow[due_today.id][1].overdue_days == 1


def test_tomorrows_sheet_shows_the_release_day_not_day_n_beyond_the_total(session, site, desk, make_arrival):
    room = free_rooms(session, 1)[0]
    stay = register_arrival(
        session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 17, 15)), room.id, now=NOW
    )
    tomorrow = TODAY + timedelta(days=1)
    assert stay.planned_release == tomorrow
    [page] = [
        p for p in pages_of(render(session, "daily-sheets", tomorrow, actor=desk, now=NOW)) if stay.person.name in p
    ]
    assert "解除日" in page and "8/7" not in page
    english = "\n".join(pages_of(render(session, "daily-sheets", tomorrow, actor=desk, lang="en", now=NOW)))
    assert "release day" in english and "8/7" not in english


# --- every page: building and floor, row number, recheck, threshold, signatures ---------------------------


def _floor(label: str, building: str, name: str, n: int, start: int) -> SheetFloor:
    rows = [
        SheetRow(start + i, f"{i + 1:03d}", f"住户{start + i}", "F", 40, 3, 7, date(2026, 11, 27), i % 3 == 0)
        for i in range(n)
    ]
    return SheetFloor(start, label, rows, [(f"9{i:02d}", "available") for i in range(60)], building, name)


def test_every_page_names_its_building_and_floor_and_carries_the_columns_and_signatures():
    floors = [_floor("A栋 1F", "A栋", "1F", 40, 1), _floor("B栋 12F", "B栋", "12F", 25, 100)]
    pages = pages_of(forms.daily_sheets("测试隔离点", TODAY, floors, "zh_CN", "前台一", PRINTED, threshold=37.5))
    assert len(pages) >= 6  # both floors run onto continuation pages
    owner = []
    for text in pages:
        [band] = re.findall(r"楼栋：(\S+?)\s*楼层：(\S+?)\s*日期：2026-11-23\s*发热阈值：≥ 37\.5 °C", text)
        owner.append(band)
        flat = "".join(text.split())  # a heading may wrap in its cell
        assert "序号" in flat and "复测" in flat and "上午体温" in flat and "下午体温" in flat
    assert owner == sorted(owner) and set(owner) == {("A栋", "1F"), ("B栋", "12F")}  # in order, none unnamed
    everything = "\n".join(pages)
    assert "体温 ≥ 37.5 °C 者须复测" in everything
    assert everything.count("记录人：") == 2 and everything.count("核对人：") == 2  # one per floor's sheet
    numbers = [int(n) for n in re.findall(r"^(\d+) \d{3} 住户", everything, re.M)]  # a row a line
    assert numbers == [*range(1, 41), *range(1, 26)]  # each floor numbers its rows from 1


def test_the_site_threshold_and_english_columns(session, desk, make_arrival):
    site = create_site(
        session, desk, "大楼隔离点", [FloorSpec("1号楼", 3, room_numbers(3, 1, 30))], rule_set_name="第九版"
    )
    set_fever_threshold(session, desk, site.id, 37.5)
    for room in free_rooms(session, 30):
        register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 21, 15)), room.id, now=NOW)
    pages = pages_of(render(session, "daily-sheets", TODAY, actor=desk, now=NOW))
    assert len(pages) >= 3
    for text in pages:
        assert "楼栋：1号楼" in text and "楼层：3F" in text and "≥ 37.5 °C" in text
    english = pages_of(render(session, "daily-sheets", TODAY, actor=desk, lang="en", now=NOW))
    for text in english:
        assert "Building: 1号楼" in text and "Floor: 3F" in text and "Fever threshold: ≥ 37.5 °C" in text
        assert "No." in text and "Recheck" in text  # the column headings, on every page
    assert "Recorded by:" in english[-1] and "Checked by:" in english[-1]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_floor_with_nobody_still_names_itself_and_asks_for_signatures(lang):
    floor = SheetFloor(1, "A栋 2F", [], [("201", "available")], "A栋", "2F")
    [page] = pages_of(forms.daily_sheets("测试隔离点", TODAY, [floor], lang, "前台一", PRINTED))
    assert "2F" in page and ("无在住人员" in page or "Nobody present" in page)
    assert ("记录人" in page and "核对人" in page) or ("Recorded by" in page and "Checked by" in page)


def test_a_title_and_band_too_long_for_one_line_wrap_and_the_short_ones_sit_where_a_paragraph_puts_them():
    """The title and the band are drawn as one line of text when they fit, as a wrapping paragraph when not;
    either way where the paragraph would put them, and nothing runs past the table."""
    from printing.forms import sheets

    long_building = "第三人民医院附属康复中心北区综合住院大楼" * 3
    floors = [_floor("A栋 1F", "A栋", "1F", 3, 1), _floor(f"{long_building} 2F", long_building, "2F", 3, 10)]
    with sheets.recording_cells() as drawn:
        pdf = forms.daily_sheets("测试隔离点", TODAY, floors, "zh_CN", "前台一", PRINTED)
    plain = [(text, avail) for text, avail, size in drawn if isinstance(text, str) and size]
    assert any(text.startswith("每日健康观察记录表 · A栋 1F") for text, _ in plain)  # one line, drawn plainly
    assert not any(long_building in text for text, _ in plain)  # too long: a paragraph, which wraps
    pages = pages_of(pdf)
    flat = "".join("".join(page.split()) for page in pages)
    assert f"每日健康观察记录表·{long_building}2F" in flat and f"楼栋：{long_building}" in flat
    # the one-line title is centred at the paragraph's first baseline: the same page as Platypus draws it
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from printing.base import FONT, styles

    title = "每日健康观察记录表 · A栋 1F"
    first = PdfReader(io.BytesIO(pdf)).pages[0]
    found: list[tuple[float, float]] = []

    def visit(text, cm, tm, font, size):
        if "每日健康观察记录表" in text:
            found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    first.extract_text(visitor_text=visit)
    width = float(first.mediabox.width)
    [(x, _y)] = found
    assert abs(x + stringWidth(title, FONT, styles()["title"].fontSize) / 2 - width / 2) < 1.0
