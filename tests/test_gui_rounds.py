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
    assert page.current == 1  # a fever goes on to the next room like any reading
    assert "F12" in page.message.text() and "复测" in page.message.text()
    assert page.model.data(page.model.index(0, 3), Qt.ItemDataRole.BackgroundRole) is not None
    assert page.model.rows[0].name in page.rechecks.text()  # listed as awaiting a recheck
    with session_factory(engine)() as s:
        alert = s.scalars(select(FeverAlert)).one()
        assert alert.state is AlertState.OPEN
    QTest.keyClick(page.entry, Qt.Key.Key_F12)  # the recheck step: back on the fever row, named
    assert page.current == 0 and page.model.rows[0].name in page.current_label.text()
    QTest.keyClicks(page.entry, "366")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.current == 1  # recheck saved: back where the desk was
    saved = readings(engine)
    assert [(o.temperature, o.recheck_of_id) for o in saved] == [(38.5, None), (36.6, saved[0].id)]
    with session_factory(engine)() as s:
        assert s.scalars(select(FeverAlert)).one().state is AlertState.CLOSED  # a normal recheck closes it
    assert page.rechecks.text() == ""


def test_the_next_number_after_a_fever_is_the_next_rooms_reading_not_a_recheck(page, engine):
    fever_row, next_row = page.model.rows[0], page.model.rows[1]
    QTest.keyClicks(page.entry, "382")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    QTest.keyClicks(page.entry, "367")  # the next number on the paper sheet: the next room's
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    saved = readings(engine)
    assert [(o.stay_id, o.temperature, o.recheck_of_id) for o in saved] == [
        (fever_row.stay_id, 38.2, None),
        (next_row.stay_id, 36.7, None),  # the next room's first reading
    ]
    with session_factory(engine)() as s:
        assert s.scalars(select(FeverAlert)).one().state is AlertState.OPEN  # no recheck for the fever: still open
    assert page.current == 2
    assert page.model.data(page.model.index(0, 3), Qt.ItemDataRole.BackgroundRole) is not None  # still red
    assert fever_row.name in page.rechecks.text() and next_row.name not in page.rechecks.text()

    QTest.keyClick(page.entry, Qt.Key.Key_F12)  # the deliberate recheck step names whose recheck it is
    assert page.current == 0
    assert fever_row.room in page.current_label.text() and fever_row.name in page.current_label.text()
    assert "复测" in page.current_label.text()
    QTest.keyClicks(page.entry, "369")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    saved = readings(engine)
    assert (saved[-1].stay_id, saved[-1].temperature, saved[-1].recheck_of_id) == (fever_row.stay_id, 36.9, saved[0].id)
    with session_factory(engine)() as s:
        assert s.scalars(select(FeverAlert)).one().state is AlertState.CLOSED
    assert page.current == 2  # back to the room the desk was on
    assert page.model.rows[0].rechecks[0].temperature == 36.9


def test_the_recheck_step_is_left_with_escape_and_refused_without_a_fever(page, engine):
    QTest.keyClick(page.entry, Qt.Key.Key_F12)
    assert "没有" in page.message.text() and page.recheck_return is None  # nobody waits for a recheck
    QTest.keyClicks(page.entry, "383")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    QTest.keyClick(page.entry, Qt.Key.Key_F12)
    assert page.current == 0
    QTest.keyClick(page.entry, Qt.Key.Key_Escape)
    assert page.current == 1 and page.recheck_return is None
    QTest.keyClicks(page.entry, "365")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert [o.recheck_of_id for o in readings(engine)] == [None, None]


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
    assert (second.temperature, second.not_measured_reason) == (None, "refused")  # the code, not a label
    assert page.current == 2
    assert page.model.data(page.model.index(1, 3)) == "拒绝测量"


def test_not_measured_typed_in_either_language_is_one_code_shown_in_each_screens_language(
    qtbot, page, engine, make_app_context, desk
):
    QTest.keyClick(page.entry, Qt.Key.Key_F9)  # asleep, on the Chinese screen
    english = RoundsPage(make_app_context(desk, "en"))
    qtbot.addWidget(english)
    english.start(DAY, Slot.MORNING)
    english.go(1)
    QTest.keyClick(english.entry, Qt.Key.Key_F9)  # asleep, on an English screen
    assert [o.not_measured_reason for o in readings(engine)] == ["asleep", "asleep"]
    english.start(DAY, Slot.MORNING)
    page.start(DAY, Slot.MORNING)
    assert [english.model.data(english.model.index(i, 3)) for i in (0, 1)] == ["asleep", "asleep"]
    assert [page.model.data(page.model.index(i, 3)) for i in (0, 1)] == ["睡眠中", "睡眠中"]


def answer(monkeypatch, button):
    """Answer the page's Yes/No questions with ``button``; returns what was asked (title, text, buttons, default)."""
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def question(parent, title, text, buttons=None, default=None):
        asked.append((title, text, buttons, default))
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_correcting_an_earlier_reading_keeps_the_old_value_in_the_audit(page, engine, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    QTest.keyClicks(page.entry, "362")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    QTest.keyClick(page.entry, Qt.Key.Key_Up)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    QTest.keyClicks(page.entry, "365")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert len(asked) == 1  # asked first
    [obs] = readings(engine)
    assert obs.temperature == 36.5
    with session_factory(engine)() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "reading.correct")).one()
        assert (entry.before["temperature"], entry.after["temperature"]) == (36.2, 36.5)


def test_overwriting_a_saved_reading_asks_first_no_keeps_it_yes_replaces_it(page, engine, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    No, Yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
    row = page.model.rows[0]
    QTest.keyClicks(page.entry, "365")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)  # the slot's first reading: nothing to ask
    QTest.keyClick(page.entry, Qt.Key.Key_Up)
    asked = answer(monkeypatch, No)
    QTest.keyClicks(page.entry, "371")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    [(_title, text, buttons, default)] = asked
    assert "36.5" in text and "37.1" in text and row.room in text and row.name in text
    assert buttons == Yes | No and default == No  # No unless the desk says otherwise
    assert [o.temperature for o in readings(engine)] == [36.5]  # No: the saved reading stays
    assert page.current == 0 and page.entry.text() == "371"  # still on that row, what was typed kept
    assert page.model.rows[0].reading.temperature == 36.5
    asked = answer(monkeypatch, Yes)
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert len(asked) == 1
    assert [o.temperature for o in readings(engine)] == [37.1]  # Yes: replaced
    assert page.current == 1
    QTest.keyClick(page.entry, Qt.Key.Key_Up)  # the same value again, a symptom key pressed: nothing to replace
    asked = answer(monkeypatch, No)
    QTest.keyClick(page.entry, Qt.Key.Key_F1)
    QTest.keyClicks(page.entry, "371")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert asked == [] and readings(engine)[0].symptoms == "fever"
    QTest.keyClick(page.entry, Qt.Key.Key_Up)  # "not measured" over a reading asks too
    asked = answer(monkeypatch, No)
    QTest.keyClick(page.entry, Qt.Key.Key_F9)
    assert len(asked) == 1 and "睡眠中" in asked[0][1]
    assert [(o.temperature, o.not_measured_reason) for o in readings(engine)] == [(37.1, None)]


def test_escape_on_the_overwrite_question_is_no(page, engine, monkeypatch):
    """The question as Qt shows it: Esc presses No."""
    from PySide6.QtWidgets import QMessageBox

    pressed = []

    def shown_and_escaped(parent, title, text, buttons, default):
        box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
        box.setDefaultButton(default)
        box.show()
        QTest.keyClick(box, Qt.Key.Key_Escape)
        pressed.append(box.standardButton(box.clickedButton()))
        box.deleteLater()
        return pressed[-1]

    QTest.keyClicks(page.entry, "365")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    QTest.keyClick(page.entry, Qt.Key.Key_Up)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(shown_and_escaped))
    QTest.keyClicks(page.entry, "380")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert pressed == [QMessageBox.StandardButton.No]
    assert [o.temperature for o in readings(engine)] == [36.5]
    with session_factory(engine)() as s:
        assert s.scalars(select(FeverAlert)).all() == []  # nothing changed: no fever either


def test_a_fever_readings_temperature_cell_stands_out_from_its_row(page):
    from PySide6.QtGui import QColor

    from ui import palette

    QTest.keyClicks(page.entry, "385")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    QTest.keyClicks(page.entry, "366")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    model = page.model

    def cell(row, col, role=Qt.ItemDataRole.BackgroundRole):
        return model.data(model.index(row, col), role)

    assert cell(0, 3) == QColor(palette.ALERT) and cell(0, 3, Qt.ItemDataRole.FontRole).bold()
    assert cell(0, 1) not in (None, QColor(palette.ALERT))  # the row is tinted, lighter than the cell
    assert cell(0, 1, Qt.ItemDataRole.FontRole) is None
    assert cell(1, 3) == cell(1, 1) != QColor(palette.ALERT)  # a normal reading: no cell of its own
    QTest.keyClick(page.entry, Qt.Key.Key_F12)  # a recheck that is a fever again: that cell stands out too
    QTest.keyClicks(page.entry, "384")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert cell(0, 4) == QColor(palette.ALERT) and cell(0, 4, Qt.ItemDataRole.FontRole).bold()


def test_missing_list_names_who_is_left(page, engine, session):
    for _ in range(3):
        QTest.keyClicks(page.entry, "365")
        QTest.keyClick(page.entry, Qt.Key.Key_Return)
    assert "37" in page.missing.text()  # 40 present, 3 done
    rows = round_sheet(session, DAY, Slot.MORNING)
    assert rows[3].name in page.missing.text()
    assert session.scalar(select(func.count()).select_from(Observation)) == 3


def _decide_not_fever_by_keyboard(dialog):
    """The close-the-alert dialog, answered from the keyboard: ↓ to 经观察，非发热, a reason, OK."""
    from views.stay_actions import ALERT_CHOICES

    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert [dialog.decision.itemData(i) for i in range(dialog.decision.count())] == list(ALERT_CHOICES)
    assert dialog.decision.currentText() == "复测正常"
    QTest.keyClick(dialog.decision, Qt.Key.Key_Down)
    assert dialog.decision.currentText() == "经观察，非发热"
    QTest.keyClick(ok, Qt.Key.Key_Space)  # no reason yet: refused, the dialog stays open
    assert dialog.error.text() == "请填写原因" and not dialog.result()
    dialog.note.insert("医生评估：非感染性发热")  # as an input method types it (keyClicks takes Latin-1 only)
    QTest.keyClick(ok, Qt.Key.Key_Space)
    return dialog.result()


def test_f8_closes_the_fever_alert_with_a_decision_and_it_no_longer_holds_the_release(page, engine, monkeypatch):
    from models.reads.today import dashboard
    from models.services.stays import stay_readiness
    from views.stay_actions import StayActionDialog

    QTest.keyClicks(page.entry, "385")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    stay_id = page.model.rows[0].stay_id
    with session_factory(engine)() as s:
        assert stay_readiness(s, stay_id, DAY).open_fever and len(dashboard(s, NOW).fevers) == 1
    monkeypatch.setattr(StayActionDialog, "exec", _decide_not_fever_by_keyboard)
    QTest.keyClick(page.entry, Qt.Key.Key_F8)
    with session_factory(engine)() as s:
        alert = s.scalars(select(FeverAlert)).one()
        assert (alert.state, alert.resolution, alert.note) == (AlertState.CLOSED, "not_fever", "医生评估：非感染性发热")
        assert not stay_readiness(s, stay_id, DAY).open_fever  # release no longer held back
        assert dashboard(s, NOW).fevers == []  # the today screen's count drops
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "alert.close")).one()
        assert entry.after["resolution"] == "not_fever"  # the code, never its words
    assert "发热预警已关闭" in page.message.text() and page.rechecks.text() == ""
    QTest.keyClick(page.entry, Qt.Key.Key_F8)  # nothing open any more: said, no dialog
    assert page.message.text() == "本轮没有未关闭的发热预警。"


def test_choosing_transferred_points_to_the_transfer_action(page, engine, monkeypatch):
    from views import stay_actions

    QTest.keyClicks(page.entry, "385")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    opened = []

    def choose_transfer(dialog):
        if dialog.windowTitle() == "转运":
            opened.append("transfer")
            return 0
        dialog.decision.setCurrentIndex(dialog.decision.findData("transferred"))
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        assert "转院" in dialog.hint.text()
        dialog.transfer_button.click()
        return dialog.result()

    monkeypatch.setattr(stay_actions.StayActionDialog, "exec", choose_transfer)
    QTest.keyClick(page.entry, Qt.Key.Key_F8)
    assert opened == ["transfer"]
    with session_factory(engine)() as s:
        assert s.scalars(select(FeverAlert)).one().state is AlertState.OPEN  # nothing closed by the choice itself


def test_a_desk_role_sees_why_it_may_not_close_a_fever_alert(qtbot, make_app_context, session, people):
    from models.store.orm import Role, User

    front = User(username="front", display_name="前台二", role=Role.DESK)
    session.add(front)
    session.commit()
    p = RoundsPage(make_app_context(front))
    qtbot.addWidget(p)
    p.start(DAY, Slot.MORNING)
    assert not p.close_alert_button.isEnabled()
    assert p.close_alert_button.toolTip() == "您的角色（前台）无权关闭发热预警"
    QTest.keyClick(p.entry, Qt.Key.Key_F8)
    assert p.message.text() == "您的角色（前台）无权关闭发热预警"


def test_the_admin_raises_the_fever_threshold_and_374_is_then_no_fever(qtbot, app_context, people, engine):
    """The threshold set on the settings page is the one the rounds, the board and the alerts use."""
    from models.reads.board import board_rooms
    from models.store.orm import AuditEntry
    from views.settings_page import SettingsPage

    settings = SettingsPage(app_context, "sqlite:///demo.sqlite3")
    qtbot.addWidget(settings)
    assert settings.threshold is not None and settings.threshold.value() == 37.3
    settings.threshold.setValue(37.5)  # as typed and confirmed: saved through the domain
    rounds = RoundsPage(app_context)
    qtbot.addWidget(rounds)
    rounds.start(DAY, Slot.MORNING)
    QTest.keyClicks(rounds.entry, "374")
    QTest.keyClick(rounds.entry, Qt.Key.Key_Return)
    first = rounds.model.rows[0]
    assert not rounds.model.fever(first)  # 37.4 < 37.5: no red row, no recheck asked
    with session_factory(engine)() as s:
        assert not s.scalars(select(FeverAlert)).all()
        assert not any(r.fever for r in board_rooms(s, DAY))
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "site.threshold")).one()
        assert entry.before["fever_threshold"] == 37.3 and entry.after["fever_threshold"] == 37.5
    QTest.keyClicks(rounds.entry, "376")
    QTest.keyClick(rounds.entry, Qt.Key.Key_Return)
    with session_factory(engine)() as s:
        assert len(s.scalars(select(FeverAlert)).all()) == 1  # 37.6 ≥ 37.5: the alert opens
