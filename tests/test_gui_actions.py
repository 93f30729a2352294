"""Occupant actions from the detail panel: each asks for what the domain needs; refusals save nothing."""

from datetime import date

import pytest
from PySide6.QtTest import QTest
from sqlalchemy import select

from models.services.arrivals import register_arrival
from models.store.db import session_factory
from models.store.orm import DepartureKind, Room, RoomState, Stay, StayDateChange, SwabTest
from tests.conftest import NOW, local
from tests.helpers import free_rooms
from views.occupants_page import OccupantsPage


@pytest.fixture
def page(qtbot, app_context, session, site, desk, make_arrival):
    rooms = free_rooms(session, 2)
    stay = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20)), rooms[0].id, now=NOW)
    p = OccupantsPage(app_context)
    assert p.today == NOW.date()  # the site's day on the pinned clock
    qtbot.addWidget(p)
    p.refresh()
    assert p.select_stay(stay.id)
    return p, stay, rooms[1]


def fresh(engine, stay_id):
    with session_factory(engine)() as s:
        return s.get(Stay, stay_id)


def test_release_before_the_checks_needs_an_override_reason(page, engine):
    p, stay, _ = page
    d = p.action_dialog("release")
    assert "✗" in [
        d.form.itemAt(i).widget().text() for i in range(d.form.count()) if hasattr(d.form.itemAt(i).widget(), "text")
    ]
    assert not d.run()
    assert "原因" in d.error.text() and fresh(engine, stay.id).departed_at is None
    d.override.setText("指挥部同意提前解除")
    assert d.run()
    s = fresh(engine, stay.id)
    assert s.departure_kind is DepartureKind.RELEASED and s.release_override == "指挥部同意提前解除"


def test_transfer_needs_a_destination(page, engine):
    p, stay, _ = page
    d = p.action_dialog("transfer")
    assert not d.run()
    assert "去向" in d.error.text()
    d.destination.setText("市定点医院")
    d.escort.setText("120 闭环转运，医生 王")
    assert d.run()
    s = fresh(engine, stay.id)
    assert (s.departure_kind, s.departure_destination) == (DepartureKind.TO_HOSPITAL, "市定点医院")
    with session_factory(engine)() as sess:
        assert sess.get(Room, s.room_id).state is RoomState.AWAITING_DISINFECTION


def test_extend_with_reason_and_change_room(page, engine):
    p, stay, other = page
    d = p.action_dialog("date")
    d.when.edit.setText("11月29日")  # typed as people write a date
    assert d.when.understood.text().startswith("= 2026-11-29")
    assert not d.run() and "原因" in d.error.text()
    d.reason.setText("核酸结果未出")
    assert d.run()
    with session_factory(engine)() as s:
        change = s.scalars(select(StayDateChange)).one()
        assert (change.new_release, change.reason) == (date(2026, 11, 29), "核酸结果未出")
        # 7 days from 11-20 (tests on days 1, 2, 3, 5, 7) became 9: the release test moves to day 9 (11-28)
        plan = s.execute(select(SwabTest.planned_day, SwabTest.planned_date).where(SwabTest.stay_id == stay.id))
        assert sorted(plan) == [(1, date(2026, 11, 20)), (2, date(2026, 11, 21)), (3, date(2026, 11, 22)),
                                (5, date(2026, 11, 24)), (7, date(2026, 11, 26)), (9, date(2026, 11, 28))]  # fmt: skip
    d = p.action_dialog("room")
    d.rooms.setCurrentIndex(d.rooms.findData(other.id))
    assert d.run()
    assert fresh(engine, stay.id).room_id == other.id


def test_other_departure_needs_reason_and_actions_disable_after(page, engine):
    p, stay, _ = page
    d = p.action_dialog("other")
    assert not d.run()
    d.reason.setText("经批准离开")
    assert d.run()
    p.after_action()
    assert fresh(engine, stay.id).departure_kind is DepartureKind.OTHER
    assert p.action_dialog("release") is None


def test_a_stale_edit_is_refused_not_overwritten(page, engine, desk):
    from models.services.stays import change_release_date

    p, stay, _ = page
    d = p.action_dialog("date")  # this desk opens the dialog...
    with session_factory(engine)() as s:  # ...another desk extends the stay meanwhile
        change_release_date(s, desk, stay.id, date(2026, 12, 5), "另一前台：复查延长")
    d.when.edit.setText("2026-11-29")
    d.reason.setText("核酸结果未出")
    assert not d.run()
    assert "他人修改" in d.error.text()
    assert fresh(engine, stay.id).planned_release == date(2026, 12, 5)  # theirs is kept


def test_transfer_records_the_time_given(page, engine, app_context):
    p, stay, _ = page
    d = p.action_dialog("transfer")
    assert d.when.value() == NOW  # pre-filled: the site's wall clock, now
    assert d.when.text() == "2026-11-23 10:00"
    d.destination.setText("市定点医院")
    d.when.edit.clear()
    QTest.keyClicks(d.when.edit, "2026-11-22 9:30")  # typed as the site's wall clock, whatever the PC's zone
    assert d.run()
    assert fresh(engine, stay.id).departed_at == local(2026, 11, 22, 9, 30)


def test_a_transfer_typed_for_tomorrow_is_refused_and_saves_nothing(page, engine):
    from models.store.orm import AuditEntry

    p, stay, _ = page
    d = p.action_dialog("transfer")
    d.destination.setText("市定点医院")
    d.when.edit.setText("2026-11-24 10:00")  # tomorrow, typed as the site's wall clock
    with session_factory(engine)() as s:
        audits = len(s.scalars(select(AuditEntry.id)).all())
    assert not d.run()
    assert d.error.text() == "离开时间不能晚于现在"  # the domain's refusal, not a silent "now"
    s = fresh(engine, stay.id)
    assert (s.departed_at, s.departure_kind) == (None, None)
    with session_factory(engine)() as sess:
        assert len(sess.scalars(select(AuditEntry.id)).all()) == audits
        assert sess.get(Room, s.room_id).state is RoomState.OCCUPIED
