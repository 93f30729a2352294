"""The per-person forms read back: the registration form, the temperature record, the door cards.

Text is read back with pypdf (one table cell a line); the layout (row heights, shading, where the chart
draws its points) from the ReportLab objects the form builds.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Circle, Drawing, Polygon, String
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table

from models.reads import reports
from models.rules.identity import mask_id
from models.rules.needs import sort_needs
from models.services.arrivals import register_arrival
from models.services.observations import record_reading
from models.services.sites import set_fever_threshold
from models.store.orm import Slot
from printing import forms
from printing.documents import render
from printing.forms.door_cards import CARD_H, CUT_H, PAGE_BODY, CutLine
from printing.forms.temperature import stay_day, temperature_chart
from tests.conftest import NOW, TZ, local
from tests.helpers import free_rooms

PRINTED = datetime(2026, 11, 23, 9, 30, tzinfo=TZ)


def pages_of(pdf: bytes) -> list[list[str]]:
    return [page.extract_text().split("\n") for page in PdfReader(io.BytesIO(pdf)).pages]


def after(lines: list[str], label: str) -> str:
    """The cell after the label ``label`` (pypdf reads a table one cell a line; a label that wraps in its
    box reads as two)."""
    for i, line in enumerate(lines):
        if line == label:
            return lines[i + 1]
        if i + 1 < len(lines) and f"{line} {lines[i + 1]}".replace("  ", " ") == label:
            return lines[i + 2]
    raise AssertionError(f"{label!r} is not on the page")


def built_story(monkeypatch: pytest.MonkeyPatch) -> list[list[object]]:
    """The flowables of every document built from now on (their sizes are known after the build)."""
    stories: list[list[object]] = []
    original = SimpleDocTemplate.build

    def build(self: SimpleDocTemplate, flowables: list[object], *args: object, **kwargs: object) -> object:
        stories.append(list(flowables))
        return original(self, flowables, *args, **kwargs)

    monkeypatch.setattr(SimpleDocTemplate, "build", build)
    return stories


@pytest.fixture
def guest(session, site, desk, make_arrival):
    data = make_arrival(
        "inbound",
        arrived_at=local(2026, 11, 20, 15),
        emergency_contact="王五",
        emergency_phone="139 0013 9000",
        special_needs="高血压、青霉素过敏，清真饮食",
        notes="需每日服药\n家属每天送餐",
    )
    return register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)


# --- the registration form -----------------------------------------------------------------------------


def test_registration_prints_emergency_contact_notes_chronic_disease_and_allergies(session, site, guest):
    [data] = reports.person_forms(session, [guest.id])
    [lines] = pages_of(forms.registration(site.name, [data], "zh_CN", "前台一", PRINTED))
    assert (after(lines, "紧急联系人"), after(lines, "紧急联系电话")) == ("王五", "13900139000")
    # the arrival dialog saves notes on the person: they are what the form prints, line by line
    assert after(lines, "备注") == "需每日服药" and "家属每天送餐" in lines
    assert after(lines, "慢性病史") == "高血压"
    assert after(lines, "过敏史") == "青霉素过敏"
    assert after(lines, "特殊需求") == "清真饮食"
    assert lines.count("高血压") == 1  # taken out of the special needs, not printed twice
    assert guest.person.doc_number in lines  # the registration form keeps the full number (audited)


def test_registration_leaves_lines_to_fill_for_what_is_not_stored(session, site, desk, make_arrival):
    data = make_arrival("close_contact", arrived_at=local(2026, 11, 22, 9), last_exposure=local(2026, 11, 21, 20))
    stay = register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)
    [f] = reports.person_forms(session, [stay.id])
    [zh] = pages_of(forms.registration(site.name, [f], "zh_CN", "前台一", PRINTED))
    # nationality, ethnic group and the transferring unit are not in the data model: lines to fill in
    assert after(zh, "国籍/民族").startswith("国籍：＿") and "民族：＿" in after(zh, "国籍/民族")
    assert set(after(zh, "转运单位")) == {"＿"}
    assert set(after(zh, "紧急联系人")) == {"＿"} and set(after(zh, "紧急联系电话")) == {"＿"}
    # no chronic disease or allergy named: tick boxes, not an empty box that reads as "none"
    assert after(zh, "慢性病史").startswith("□无") and after(zh, "过敏史").startswith("□无")
    [en] = pages_of(forms.registration(site.name, [f], "en", "desk1", PRINTED))
    assert after(en, "Nationality / ethnic group").startswith("Nationality: ___")
    assert set(after(en, "Transferred by")) == {"_"}
    assert after(en, "Chronic disease").startswith("□ none")


def test_registration_date_is_the_day_the_desk_registered(session, site, guest, clock):
    # arrived on the 20th, entered at the desk on the 23rd (NOW): the form says when it was registered
    [f] = reports.person_forms(session, [guest.id])
    assert f.registered_on == NOW.date()
    [lines] = pages_of(forms.registration(site.name, [f], "zh_CN", "前台一", PRINTED))
    assert after(lines, "登记日期") == "2026-11-23" and after(lines, "入住时间") == "2026-11-20 15:00"


def test_registration_signature_boxes_are_tall_enough_and_not_shaded(session, site, guest, monkeypatch):
    stories = built_story(monkeypatch)
    [f] = reports.person_forms(session, [guest.id])
    [lines] = pages_of(forms.registration(site.name, [f], "zh_CN", "前台一", PRINTED))
    assert "本人签名" in lines and "登记人签名" in lines
    [story] = stories
    [box] = [t for t in story if isinstance(t, Table) and "本人签名" in repr(t._cellvalues)]
    assert all(h >= 12 * mm for h in box._rowHeights)
    assert not box._bkgrndcmds, "a signature box is not shaded"


def test_registration_prints_labels_never_codes(session, site, desk, make_arrival):
    data = make_arrival("inbound", special_needs="chronic, allergy, mobility")
    stay = register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)
    [f] = reports.person_forms(session, [stay.id])
    [zh] = pages_of(forms.registration(site.name, [f], "zh_CN", "前台一", PRINTED))
    [en] = pages_of(forms.registration(site.name, [f], "en", "desk1", PRINTED))
    assert after(zh, "性别") == {"M": "男", "F": "女"}[f.sex]
    assert after(en, "Sex") == {"M": "Male", "F": "Female"}[f.sex]
    assert after(zh, "人员类别") == "入境人员" and after(en, "Category") == "Inbound traveller"
    assert after(zh, "慢性病史") == "有（病名未注明）" and after(zh, "特殊需求") == "行动不便"
    assert after(en, "Allergies") == "yes (allergen not named)" and after(en, "Special needs") == "reduced mobility"
    for lines in (zh, en):
        assert not {line.strip() for line in lines} & {"M", "F", "inbound", "chronic", "allergy", "mobility"}
        assert not any(code in line for line in lines for code in ("inbound", "resident_id", "chronic,"))


def test_special_needs_are_sorted_by_keyword():
    needs = sort_needs("高血压、过敏性鼻炎；花粉过敏, diabetes, allergic to penicillin, halal diet, 孕妇")
    assert needs.chronic == ("高血压", "过敏性鼻炎", "diabetes")
    assert needs.allergies == ("花粉过敏", "allergic to penicillin")
    assert needs.other == ("halal diet", "孕妇")
    assert sort_needs("  ") == sort_needs("") == type(needs)((), (), ())


# --- the temperature record ----------------------------------------------------------------------------


def test_temperature_record_says_who_with_the_id_masked(session, site, guest):
    [f] = reports.person_forms(session, [guest.id], with_readings=True)
    [zh] = pages_of(forms.temperature_record(site.name, [f], "zh_CN", "前台一", PRINTED))
    doc = guest.person.doc_number
    assert after(zh, "证件号码") == mask_id(doc) and doc not in "".join(zh)
    assert after(zh, "性别") in ("男", "女") and after(zh, "年龄") == f"{f.age} 岁"
    assert after(zh, "人员类别") == "入境人员"
    [en] = pages_of(forms.temperature_record(site.name, [f], "en", "desk1", PRINTED))
    assert after(en, "Sex") in ("Male", "Female") and after(en, "Category") == "Inbound traveller"
    assert after(en, "Document number") == mask_id(doc)


def test_temperature_record_marks_fever_readings_at_the_sites_threshold(session, site, desk, guest, monkeypatch):
    set_fever_threshold(session, desk, site.id, 37.0)
    record_reading(session, desk, guest.id, date(2026, 11, 21), Slot.MORNING, temperature="36.9")
    record_reading(session, desk, guest.id, date(2026, 11, 21), Slot.EVENING, temperature="37.0")
    stories = built_story(monkeypatch)
    [f] = reports.person_forms(session, [guest.id], with_readings=True)
    [lines] = pages_of(forms.temperature_record(site.name, [f], "zh_CN", "前台一", PRINTED))
    row = lines[lines.index("2026-11-21") :][:4]
    assert row == ["2026-11-21", "2", "36.9", "37.0 ▲"]
    assert "▲ 体温 ≥ 37.0 °C（发热），须复测并立即报告；复测栏为复测时间和体温。" in lines
    [story] = stories
    [table] = [t for t in story if isinstance(t, Table) and "上午复测" in repr(t._cellvalues[0])]
    day_row = next(i for i, r in enumerate(table._cellvalues) if "2026-11-21" in repr(r[0]))
    shaded = {(c[1], c[2]) for c in table._bkgrndcmds if c[0] == "BACKGROUND"} - {((0, 0), (-1, 0))}
    assert shaded == {((4, day_row), (4, day_row))}  # the evening cell of that day, nothing else


def test_temperature_record_rechecks_in_the_table_and_on_the_chart(session, site, desk, guest):
    first = record_reading(session, desk, guest.id, date(2026, 11, 21), Slot.MORNING, temperature="37.9",
                           taken_at=local(2026, 11, 21, 8))  # fmt: skip
    record_reading(session, desk, guest.id, date(2026, 11, 21), Slot.MORNING, temperature="36.8",
                   taken_at=local(2026, 11, 21, 8, 40), recheck_of_id=first.observation.id)  # fmt: skip
    record_reading(session, desk, guest.id, date(2026, 11, 21), Slot.EVENING, not_measured_reason="transfer")
    [f] = reports.person_forms(session, [guest.id], with_readings=True)
    assert [r.recheck for r in f.observations] == [False, True, False]
    [lines] = pages_of(forms.temperature_record(site.name, [f], "zh_CN", "前台一", PRINTED))
    assert lines[lines.index("2026-11-21") :][:5] == ["2026-11-21", "2", "37.9 ▲", "08:40 36.8", "未测：外出转运"]
    d = temperature_chart(f, "zh_CN", 180 * mm, 72 * mm)
    assert len([s for s in d.rechecks.contents if isinstance(s, Polygon)]) == 1
    assert len([s for s in d.points.contents if isinstance(s, Circle)]) == 1


def _chart_strings(d: Drawing) -> list[str]:
    return [s.text for g in (d.titles, d.y_labels, d.x_labels) for s in g.getContents() if isinstance(s, String)]


def test_temperature_chart_has_axis_titles(session, site, guest):
    [f] = reports.person_forms(session, [guest.id], with_readings=True)
    [zh] = pages_of(forms.temperature_record(site.name, [f], "zh_CN", "前台一", PRINTED))
    [en] = pages_of(forms.temperature_record(site.name, [f], "en", "desk1", PRINTED))
    assert "体温（°C）" in zh and "隔离第 N 天（日期）" in zh
    assert "Temperature (°C)" in en and "Day N of the stay (date)" in en


def test_temperature_chart_places_points_by_time_and_inside_the_plot(session, site, desk, make_arrival):
    # counted from an exposure on the arrival day: the arrival day is day 0, day 1 the next day
    data = make_arrival("close_contact", arrived_at=local(2026, 11, 18, 9), last_exposure=local(2026, 11, 18, 7))
    stay = register_arrival(session, desk, data, free_rooms(session, 1)[0].id, now=NOW)
    assert stay.day_one == date(2026, 11, 19)
    taken = [local(2026, 11, 18, 16), local(2026, 11, 19, 8), local(2026, 11, 22, 16)]  # a gap of 3 days
    for at in taken:
        record_reading(session, desk, stay.id, at.date(), Slot.MORNING if at.hour < 12 else Slot.EVENING,
                       temperature="36.6", taken_at=at)  # fmt: skip
    [f] = reports.person_forms(session, [stay.id], with_readings=True)
    d = temperature_chart(f, "zh_CN", 180 * mm, 72 * mm)
    plot = d.plot
    xs = [c.cx for c in d.points.contents if isinstance(c, Circle)]
    assert len(xs) == 3
    assert all(plot.x < x < plot.x + plot.width for x in xs)  # day 0 too: never over the axis labels
    assert all(s.x < plot.x for s in d.y_labels.contents)
    days = [stay_day(f.day_one, at.astimezone(TZ)) for at in taken]
    assert days == [pytest.approx(0 + 16 / 24), pytest.approx(1 + 8 / 24), pytest.approx(4 + 16 / 24)]
    # the same scale for every point: the spacing follows the time between readings, not their order
    per_day = (xs[1] - xs[0]) / (days[1] - days[0])
    assert (xs[2] - xs[1]) / (days[2] - days[1]) == pytest.approx(per_day)
    assert "0" in _chart_strings(d) and "11-18" in _chart_strings(d)
    [lines] = pages_of(forms.temperature_record(site.name, [f], "zh_CN", "前台一", PRINTED))
    assert lines[lines.index("2026-11-18") + 1] == "0"  # the day-0 line of the table


def test_on_screen_chart_places_readings_by_time(qtbot):
    from PySide6.QtCore import QRectF

    from views.temperature_chart import TemperatureChart

    chart = TemperatureChart()
    qtbot.addWidget(chart)
    d1 = date(2026, 11, 20)
    readings = [(d1, "am", 36.5), (d1, "pm", 36.6), (d1 + timedelta(days=3), "am", 36.7), (d1 + timedelta(days=3),
                "pm", None)]  # fmt: skip
    chart.set_readings(readings, 37.3)
    area = QRectF(0, 0, 400, 100)
    xs = [pt.x() for pt, _ in chart.points(area)]
    assert len(xs) == 3  # the one not measured is not drawn
    # 08:00 -> 16:00 is 8 hours, 16:00 -> 08:00 three days later is 64 hours: not equal steps
    assert (xs[2] - xs[1]) / (xs[1] - xs[0]) == pytest.approx(64 / 8)
    assert xs[0] == pytest.approx(8 / 24 / 4 * 400)  # four days from 00:00 of the first
    chart.resize(420, 160)
    chart.grab()  # paints without a warning


# --- door cards ----------------------------------------------------------------------------------------


def test_door_cards_two_a_page_with_cut_lines_and_the_category(session, site, desk, make_arrival, monkeypatch):
    rooms = free_rooms(session, 3)
    stays = [register_arrival(session, desk, make_arrival(c), r.id, now=NOW)
             for c, r in zip(("inbound", "close_contact", "other"), rooms, strict=True)]  # fmt: skip
    stories = built_story(monkeypatch)
    pdf = render(session, "door-cards", NOW.date(), actor=desk, stay_ids=[s.id for s in stays], now=PRINTED)
    pages = pages_of(pdf)
    assert len(pages) == 2
    names = [s.person.name for s in stays]
    text = [" ".join(page) for page in pages]
    assert [n in text[0] for n in names] == [True, True, False] and names[2] in text[1]
    assert all("沿虚线剪开" in page for page in pages)
    assert "入境人员" in text[0] and "密切接触者" in text[0] and "其他应隔尽隔人员" in text[1]
    assert not any(code in t for t in text for code in ("inbound", "close_contact"))
    [story] = stories
    kinds = [type(f).__name__ for f in story]
    assert kinds == ["Table", "CutLine", "Table", "PageBreak", "Table", "CutLine"]
    cards = [f for f in story if isinstance(f, Table)]
    assert all(c._rowHeights == [CARD_H] for c in cards)
    assert 2 * CARD_H + CUT_H <= PAGE_BODY and CARD_H > PAGE_BODY / 2 - CUT_H  # half a page each
    assert isinstance(story[1], CutLine)
