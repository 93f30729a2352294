"""The demo site is plausible, consistent, reproducible, and the services work on it."""

from datetime import datetime

import pytest
from sqlalchemy import func, select

from models.demo.builder import build_demo
from models.errors import DomainError
from models.reads.checks import run_checks
from models.rules.identity import parse_resident_id
from models.services.arrivals import register_arrival
from models.services.observations import missing_readings
from models.services.rooms import record_disinfection
from models.store.db import session_factory
from models.store.orm import (
    AlertState,
    DepartureKind,
    FeverAlert,
    Observation,
    Person,
    Room,
    RoomState,
    Slot,
    Stay,
    StayDateChange,
    User,
)
from tests.conftest import TZ

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)


@pytest.fixture
def demo(engine):
    summary = build_demo(engine, rooms=80, days=20, seed=1, now=NOW)
    return engine, summary


def test_demo_has_every_state_and_consistent_data(demo, make_arrival):
    engine, summary = demo
    assert run_checks(engine) == []
    assert set(summary.rooms_by_state) == {s.value for s in RoomState}
    assert summary.rooms == 80 and summary.open_alerts >= 1
    with session_factory(engine)() as s:
        kinds = set(s.scalars(select(Stay.departure_kind).where(Stay.departed_at.is_not(None))))
        assert DepartureKind.RELEASED in kinds and len(kinds) >= 2
        assert s.scalar(select(func.count()).select_from(StayDateChange)) >= 1
        assert s.scalar(select(func.count()).select_from(Stay).where(Stay.shares_with_id.is_not(None))) >= 1
        for doc in s.scalars(select(Person.doc_number)):
            assert parse_resident_id(doc, NOW.date()).number == doc
        # open alerts only for people present; closed ones carry a time
        open_for_departed = s.scalar(
            select(func.count())
            .select_from(FeverAlert)
            .join(Stay, FeverAlert.stay_id == Stay.id)
            .where(FeverAlert.state == AlertState.OPEN, Stay.departed_at.is_not(None))
        )
        assert open_for_departed == 0
        # this morning's round is complete for those present at 08:00
        assert missing_readings(s, NOW.date(), Slot.MORNING) == []
        assert s.scalar(select(func.count()).select_from(Observation).where(Observation.day == NOW.date())) > 0


def test_same_seed_same_site_and_no_second_demo(engine, tmp_path):
    from models.store.db import make_engine, upgrade

    other = make_engine(tmp_path / "other.sqlite3")
    upgrade(other)
    a = build_demo(engine, rooms=30, days=5, seed=7, now=NOW)
    b = build_demo(other, rooms=30, days=5, seed=7, now=NOW)
    assert a == b
    with session_factory(engine)() as s1, session_factory(other)() as s2:
        q = select(Person.name, Person.doc_number).order_by(Person.id)
        assert s1.execute(q).all() == s2.execute(q).all()
    with pytest.raises(DomainError, match="empty database"):
        build_demo(engine, rooms=30, days=5, seed=7, now=NOW)


def test_services_work_after_the_demo(demo, make_arrival):
    engine, _ = demo
    with session_factory(engine)() as s:
        user = s.scalar(select(User).limit(1))
        free = s.scalar(select(Room.id).where(Room.state == RoomState.AVAILABLE).limit(1))
        stay = register_arrival(s, user, make_arrival(arrived_at=NOW), free, now=NOW)
        assert stay.id > 0  # sequences continue after the bulk insert
        dirty = s.scalar(select(Room.id).where(Room.state == RoomState.AWAITING_DISINFECTION).limit(1))
        record_disinfection(s, user, dirty, agent="含氯消毒剂", done_by="甲", checked_by="乙", at=NOW)
        assert s.get(Room, dirty).state is RoomState.AVAILABLE
    assert run_checks(engine) == []


def test_the_demo_build_says_its_steps_in_either_language(engine):
    steps = []
    build_demo(engine, rooms=12, days=2, seed=3, now=NOW, progress=steps.append)
    assert [s.code for s in steps] == ["demo_layout", "demo_people", "demo_history"]
    assert steps[0].message("zh_CN") == "建立房间：12 间" and steps[0].message("en") == "Layout: 12 rooms"
    assert str(steps[2]) == "体温记录与核酸检测 / Readings and swabs"  # the command line's form
