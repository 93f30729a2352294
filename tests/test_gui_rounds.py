"""Rounds screen: a paper sheet typed in from the keyboard; fevers, rechecks, refusals, missing list."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import func, select

from models.reads.rounds import round_sheet
from models.services.arrivals import register_arrival
from models.store.db import session_factory
from models.store.orm import AlertState, AuditEntry, FeverAlert, Observation, Slot
from tests.conftest import NOW, local
from tests.helpers import free_rooms
from views.rounds_page import RoundsPage

DAY = date(2026, 11, 23)


@pytest.fixture
def people(session, site, desk, make_arrival):
    """40 people in 40 single rooms, arrived two days ago."""
    rooms = free_rooms(session, 40)
    return [register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 21)), r.id, now=NOW) for r in rooms]


@pytest.fixture
def page(qtbot, app_context, people):
    p = RoundsPage(app_context)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    # shown: the round of the site's hour (NOW is 10:00 in Shanghai: the morning round of that day)
    assert (p.selected_day(), p.selected_slot()) == (DAY, Slot.MORNING)
    p.start(DAY, Slot.MORNING)
    return p


def readings(engine):
    with session_factory(engine)() as s:
        return s.scalars(select(Observation).order_by(Observation.id)).all()


def test_forty_readings_at_most_five_keystrokes_each(page, engine):
    assert page.model.rowCount() == 40
    keystrokes = 0
    values = [f"36{i % 10}" for i in range(40)]  # 360 … 369: 36.0 … 36.9
    for v in values:
        for ch in v:
            QTest.keyClick(page.entry, ch)
            keystrokes += 1
        QTest.keyClick(page.entry, Qt.Key.Key_Return)
        keystrokes += 1
    assert keystrokes <= 5 * 40
    saved = readings(engine)
    assert len(saved) == 40
    assert [o.temperature for o in saved] == [int(v) / 10 for v in values]
    rows = page.model.rows
    assert [o.stay_id for o in saved] == [r.stay_id for r in rows]  # one room after the other, in room order
    assert "每位在住人员" in page.missing.text()  # nobody missing at the end of the round


def test_fever_opens_an_alert_and_asks_for_a_recheck(page, engine):
    QTest.keyClicks(page.entry, "385")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.current == 0  # stays on the row for the recheck
    assert "复测" in page.message.text()
    assert page.model.data(page.model.index(0, 3), Qt.ItemDataRole.BackgroundRole) is not None
    with session_factory(engine)() as s:
        alert = s.scalars(select(FeverAlert)).one()
        assert alert.state is AlertState.OPEN
    QTest.keyClicks(page.entry, "366")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.current == 1  # recheck saved: next room
    saved = readings(engine)
    assert [(o.temperature, o.recheck_of_id) for o in saved] == [(38.5, None), (36.6, saved[0].id)]
    with session_factory(engine)() as s:
        assert s.scalars(select(FeverAlert)).one().state is AlertState.CLOSED  # a normal recheck closes it


def test_out_of_range_is_refused_and_nothing_saved(page, engine):
    QTest.keyClicks(page.entry, "30")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert "34" in page.message.text() and page.current == 0
    assert readings(engine) == []


def test_symptom_keys_and_not_measured(page, engine):
    QTest.keyClick(page.entry, Qt.Key.Key_F2)  # dry cough
    QTest.keyClick(page.entry, Qt.Key.Key_F3)  # fatigue
    QTest.keyClick(page.entry, Qt.Key.Key_F3)  # fatigue off again
    assert "干咳" in page.pending_label.text() and "乏力" not in page.pending_label.text()
    QTest.keyClicks(page.entry, "368")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    QTest.keyClick(page.entry, Qt.Key.Key_F10)  # second room: refused
    first, second = readings(engine)
    assert (first.temperature, first.symptoms) == (36.8, "dry_cough")
    assert (second.temperature, second.not_measured_reason) == (None, "拒绝测量")
    assert page.current == 2


def test_correcting_an_earlier_reading_keeps_the_old_value_in_the_audit(page, engine):
    QTest.keyClicks(page.entry, "362")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    QTest.keyClick(page.entry, Qt.Key.Key_Up)
    QTest.keyClicks(page.entry, "365")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    [obs] = readings(engine)
    assert obs.temperature == 36.5
    with session_factory(engine)() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "reading.correct")).one()
        assert (entry.before["temperature"], entry.after["temperature"]) == (36.2, 36.5)


def test_missing_list_names_who_is_left(page, engine, session):
    for _ in range(3):
        QTest.keyClicks(page.entry, "365")
        QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert "37" in page.missing.text()  # 40 present, 3 done
    rows = round_sheet(session, DAY, Slot.MORNING)
    assert rows[3].name in page.missing.text()
    assert session.scalar(select(func.count()).select_from(Observation)) == 3
