"""Swabs and today screens, driven as the medical team and the desk would."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models import clock
from models.services.arrivals import register_arrival
from models.services.observations import record_reading
from models.services.stays import change_release_date
from models.services.swabs import swab_plan
from models.store.db import session_factory
from models.store.orm import AuditEntry, DepartureKind, Slot, Stay, SwabResult, SwabTest
from tests.helpers import free_rooms
from views.swabs_page import SwabsPage
from views.today_page import TodayPage


def select_rows(table, rows):
    from PySide6.QtCore import QItemSelectionModel

    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in rows:
        table.selectionModel().select(table.model().index(r, 0), flags)


@pytest.fixture
def today_stays(session, site, desk, make_arrival):
    """Three people with a swab due today (by the real clock, as the pages use it)."""
    from models.rules.schedule import local_date

    today = local_date(clock.now(), "Asia/Shanghai")
    rooms = free_rooms(session, 3)
    stays = [
        register_arrival(session, desk, make_arrival("inbound", arrived_at=clock.now() - timedelta(hours=1)), r.id)
        for r in rooms
    ]
    for st in stays:
        assert any(t.planned_date == today for t in swab_plan(session, st.id))  # day 1 is today
    return today, stays


@pytest.fixture
def swabs(qtbot, app_context, today_stays):
    page = SwabsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.selected_day() == today_stays[0]  # the site's day on the pinned clock
    return page


def answer(monkeypatch, button):
    """Answer the page's Yes/No questions with ``button``; returns what was asked (title, text, buttons, default)."""
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def question(parent, title, text, buttons=None, default=None):
        asked.append((title, text, buttons, default))
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_sample_then_bulk_results_then_the_positive_path(swabs, engine, today_stays, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _today, stays = today_stays
    answer(monkeypatch, QMessageBox.StandardButton.Yes)  # the positive result is confirmed
    assert swabs.table.rowCount() == 3 and "应检 3 人" in swabs.count.text()
    swabs.table.selectAll()
    swabs.sample_button.click()
    assert "已采样 3 人" in swabs.count.text()
    select_rows(swabs.table, [0, 1])
    swabs.result.setCurrentIndex(swabs.result.findData(SwabResult.NEGATIVE.value))
    swabs.result_button.click()
    assert not swabs.positive_box.isVisibleTo(swabs)
    select_rows(swabs.table, [2])
    swabs.result.setCurrentIndex(swabs.result.findData(SwabResult.POSITIVE.value))
    swabs.result_button.click()
    assert swabs.positive_box.isVisibleTo(swabs)  # the guided path opens
    positive_stay = swabs.rows[2].stay_id
    swabs.hospital.setText("市定点医院")
    assert swabs.transfer_positive()
    swabs.preview_button.click()
    neighbours = {s.id for s in stays} - {positive_stay}
    assert swabs.restart_table.rowCount() == len(neighbours)
    with session_factory(engine)() as s:
        before = {st.id: s.get(Stay, st.id).planned_release for st in stays}
    swabs.apply_restart_button.click()
    with session_factory(engine)() as s:
        assert s.get(Stay, positive_stay).departure_kind is DepartureKind.TO_HOSPITAL
        results = sorted(r for r in s.scalars(select(SwabTest.result).where(SwabTest.result.is_not(None))))
        assert results == sorted([SwabResult.NEGATIVE, SwabResult.NEGATIVE, SwabResult.POSITIVE])
        for sid in neighbours:
            assert s.get(Stay, sid).planned_release >= before[sid]
            assert s.get(Stay, sid).last_exposure is not None
    # the day count starts again: the day after the sampling is day 1 on every screen that counts days
    from models.reads.occupants import OccupantFilter, list_occupants

    with session_factory(engine)() as s:
        sampled_on = s.scalar(select(SwabTest.sampled_at).where(SwabTest.result == SwabResult.POSITIVE))
        day_one = sampled_on.astimezone(_today_zone(s)).date() + timedelta(days=1)
        shown = {o.stay_id: o for o in list_occupants(s, OccupantFilter())}
        for sid in neighbours:
            assert s.get(Stay, sid).restart_day == day_one
            assert shown[sid].day_n(day_one) == 1


def _today_zone(session):  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo

    from models.services.sites import get_site

    return ZoneInfo(get_site(session).timezone)


def test_a_positive_result_asks_first_and_no_records_nothing(swabs, engine, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    No, Yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
    swabs.table.selectAll()
    swabs.sample_button.click()
    before = swab_rows(engine)
    select_rows(swabs.table, [1])
    person = swabs.rows[1]
    asked = answer(monkeypatch, No)
    swabs.result.setCurrentIndex(swabs.result.findData(SwabResult.POSITIVE.value))
    swabs.result_button.click()
    [(_title, text, buttons, default)] = asked
    assert person.name in text and person.room in text
    assert buttons == Yes | No and default == No
    assert swab_rows(engine) == before  # No: nothing recorded, nothing in the audit trail
    assert not swabs.positive_box.isVisibleTo(swabs) and "未录入" in swabs.message.text()
    select_rows(swabs.table, [0, 2])  # several at once: one question naming them all
    asked = answer(monkeypatch, Yes)
    swabs.result_button.click()
    [(_title, text, _b, _d)] = asked
    assert swabs.rows[0].name in text and swabs.rows[2].name in text and "2" in text
    with session_factory(engine)() as s:
        assert s.scalar(select(func.count()).where(SwabTest.result == SwabResult.POSITIVE)) == 2
    asked = answer(monkeypatch, No)
    select_rows(swabs.table, [1])
    swabs.result.setCurrentIndex(swabs.result.findData(SwabResult.NEGATIVE.value))
    swabs.result_button.click()  # a negative result asks nothing
    assert asked == []


def test_a_lab_file_with_positives_asks_once_and_no_records_nothing(swabs, engine, today_stays, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _today, stays = today_stays
    swabs.table.selectAll()
    swabs.sample_button.click()
    with session_factory(engine)() as s:
        people = [(s.get(Stay, st.id).person.name, s.get(Stay, st.id).person.doc_number) for st in stays]
    results = ("阳性", "阴性", "阳性")
    lines = ["姓名,证件号码,检测结果"] + [f"{n},{d},{r}" for (n, d), r in zip(people, results, strict=True)]
    path = tmp_path / "lab.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert swabs.load_lab_file(path).state == "done"
    assert "阳性" in swabs.lab_table.item(0, 2).text()  # the result in words, not its code
    before = swab_rows(engine)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    swabs.apply_lab_button.click()
    [(_title, text, _buttons, default)] = asked  # one question for the file
    assert "2" in text and people[0][0] in text and people[2][0] in text and people[1][0] not in text
    assert default == QMessageBox.StandardButton.No
    assert swab_rows(engine) == before  # nothing recorded, the negative one neither
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    swabs.apply_lab_button.click()
    with session_factory(engine)() as s:
        recorded = sorted(s.scalars(select(SwabTest.result).where(SwabTest.result.is_not(None))).all())
    assert recorded == sorted([SwabResult.POSITIVE, SwabResult.NEGATIVE, SwabResult.POSITIVE])
    assert swabs.positive_box.isVisibleTo(swabs)


def swab_rows(engine):
    """Every swab as stored, and the audit trail's length: what a refused selection must leave as it was."""
    with session_factory(engine)() as s:
        rows = [
            (t.id, t.sampled_at, t.sampled_by, t.result, t.lab)
            for t in s.scalars(select(SwabTest).order_by(SwabTest.id))
        ]
        return rows, s.scalar(select(func.count()).select_from(AuditEntry))


@pytest.fixture
def reporter(qapp, monkeypatch):
    from models import logs
    from views.error_dialog import ErrorDialog, install_excepthook

    monkeypatch.setattr(ErrorDialog, "exec", lambda self: self.show() or 0)  # no event loop runs in a test
    hook = install_excepthook(qapp, logs.setup_logging(), "zh_CN")
    yield hook
    hook.uninstall()


def test_a_failure_on_the_last_of_three_selected_swabs_saves_none_and_the_dialog_says_so(
    swabs, engine, reporter, monkeypatch
):
    import models.services.swabs as swab_service

    swabs.table.selectAll()
    last = swabs.rows[2].swab_id
    real = swab_service._swab

    def jammed(session, swab_id):  # a bug on the third swab, after the first two were marked
        if swab_id == last:
            raise RuntimeError("label printer jammed")
        return real(session, swab_id)

    monkeypatch.setattr(swab_service, "_swab", jammed)
    before = swab_rows(engine)
    with pytest.raises(RuntimeError) as failed:  # (from the button, Qt hands it to sys.excepthook)
        swabs.mark_selected()
    assert swab_rows(engine) == before  # the first two are not saved either: one transaction
    reporter.excepthook(type(failed.value), failed.value, failed.value.__traceback__)
    assert "label printer jammed" in reporter.dialog.what.text()
    assert reporter.dialog.saved.text().startswith("没有保存任何内容")  # and that is true
    monkeypatch.setattr(swab_service, "_swab", real)
    # a refusal on the last of three (not sampled yet): shown on the page, none of the three recorded
    select_rows(swabs.table, [0, 1])
    swabs.sample_button.click()
    before = swab_rows(engine)
    swabs.table.selectAll()
    swabs.result.setCurrentIndex(swabs.result.findData(SwabResult.NEGATIVE.value))
    swabs.result_button.click()
    assert "尚未采样" in swabs.message.text()
    assert swab_rows(engine) == before


def test_lab_file_preview_shows_unmatched_rows(swabs, engine, today_stays, tmp_path):
    _today, stays = today_stays
    swabs.table.selectAll()
    swabs.sample_button.click()
    a = stays[0]
    with session_factory(engine)() as s:
        doc = s.get(Stay, a.id).person.doc_number
    path = tmp_path / "lab.csv"
    path.write_text(f"姓名,证件号码,检测结果\n{a.person.name},{doc},阴性\n无此人,110105194912310029,阴性\n", "utf-8")
    assert swabs.load_lab_file(path).state == "done"
    assert swabs.lab_table.rowCount() == 2 and "匹配 1 行，未匹配 1 行" in swabs.message.text()
    swabs.apply_lab_button.click()
    with session_factory(engine)() as s:
        mine = s.scalars(select(SwabTest).where(SwabTest.stay_id == a.id, SwabTest.result.is_not(None))).all()
        assert [t.result for t in mine if t.result is not SwabResult.PENDING] == [SwabResult.NEGATIVE]


def test_today_lists_open_the_right_screen(qtbot, app_context, desk, session, today_stays):
    today, stays = today_stays
    record_reading(session, desk, stays[0].id, today, Slot.MORNING, temperature="38.4")
    change_release_date(session, desk, stays[1].id, today + timedelta(days=1), "测试")
    page = TodayPage(app_context)
    qtbot.addWidget(page)
    page.show()
    opened: list[tuple[str, object]] = []
    page.open_stay.connect(lambda sid: opened.append(("stay", sid)))
    page.open_page.connect(lambda key: opened.append(("page", key)))
    assert page.lists["fevers"].count() == 1 and "38.4" in page.lists["fevers"].item(0).text()
    assert page.lists["arrivals"].count() == 3
    assert page.lists["releases_tomorrow"].count() == 1
    assert "✗" in page.lists["releases_tomorrow"].item(0).text()  # its swab is not done
    page.lists["fevers"].itemActivated.emit(page.lists["fevers"].item(0))
    page.headline.linkActivated.emit("swabs")
    assert opened == [("stay", stays[0].id), ("page", "swabs")]


def test_a_lab_file_s_weak_positive_shows_as_weak_with_its_ct_values(swabs, engine, today_stays, tmp_path):
    _today, stays = today_stays
    swabs.table.selectAll()
    swabs.sample_button.click()
    with session_factory(engine)() as s:
        name, doc = s.get(Stay, stays[0].id).person.name, s.get(Stay, stays[0].id).person.doc_number
    path = tmp_path / "lab.csv"
    path.write_text(f"姓名,证件号码,检测结果,ORF1ab,N基因\n{name},{doc},弱阳性,36.2,37.5\n", "utf-8")
    assert swabs.load_lab_file(path).state == "done"
    assert swabs.lab_table.item(0, 2).text() == "弱阳性（Ct：ORF1ab 36.2、N 37.5）"
