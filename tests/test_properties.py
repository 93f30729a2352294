"""Random sequences of desk operations keep the domain's invariants (hypothesis state machine).

Each step picks an operation with random arguments, valid or not. A refused operation must
raise a DomainError and leave the database exactly as it was (audit entries included); after
every step `check`'s invariant queries must find nothing.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import func, select

from models.demo import synthetic
from models.errors import DomainError
from models.reads.checks import invariant_problems
from models.services.arrivals import ArrivalInput, register_arrival
from models.services.observations import close_alert, record_reading
from models.services.rooms import back_in_service, record_disinfection, set_out_of_service
from models.services.sites import FloorSpec, create_site, room_numbers
from models.services.stays import change_release_date, change_room, depart_other, release, transfer
from models.store.db import make_engine, session_factory
from models.store.orm import (
    AuditEntry,
    CompanionReason,
    DepartureKind,
    FeverAlert,
    Observation,
    Role,
    Room,
    RoomState,
    Slot,
    Stay,
    User,
)
from tests.conftest import NOW, PG_URL, _truncate_pg

CATEGORIES = ["inbound"] * 4 + ["close_contact"] * 3 + ["risk_area", "no_such_category"]


def fingerprint(session) -> tuple:
    """Everything a refused operation must not change."""
    session.expire_all()
    rooms = tuple(session.execute(select(Room.id, Room.state, Room.version).order_by(Room.id)))
    stays = tuple(
        session.execute(select(Stay.id, Stay.room_id, Stay.departed_at, Stay.planned_release).order_by(Stay.id))
    )
    return (
        rooms,
        stays,
        session.scalar(select(func.count()).select_from(AuditEntry)),
        session.scalar(select(func.count()).select_from(Observation)),
    )


class DeskMachine(RuleBasedStateMachine):
    engine_factory = None  # set per test below

    def __init__(self) -> None:
        super().__init__()
        self.engine, self.cleanup = type(self).engine_factory()
        self.session = session_factory(self.engine)()
        self.user = User(username="prop", display_name="prop", role=Role.ADMIN)
        self.session.add(self.user)
        self.session.commit()
        floors = [FloorSpec("A", 1, room_numbers(1, 1, 4)), FloorSpec("A", 2, room_numbers(2, 1, 2), beds=2)]
        create_site(self.session, self.user, "prop site", floors, rule_set_name="第九版")
        self.rng = random.Random(0)
        self.now = NOW
        self.refused = 0

    def teardown(self) -> None:
        self.session.close()
        self.cleanup()

    # --- helpers -----------------------------------------------------------------------------
    def pick(self, model, where, idx: int):  # type: ignore[no-untyped-def]
        ids = list(self.session.scalars(select(model.id).where(*where).order_by(model.id)))
        return ids[idx % len(ids)] if ids else None

    def attempt(self, fn, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        before = fingerprint(self.session)
        try:
            fn(self.session, self.user, *args, **kwargs)
            event(f"{fn.__name__}: done")
        except DomainError as exc:
            event(f"{fn.__name__}: refused ({exc.code})")
            self.refused += 1
            assert fingerprint(self.session) == before, f"{fn.__name__} was refused but changed data"

    def tick(self, hours: int) -> None:
        self.now += timedelta(hours=hours)

    # --- operations ----------------------------------------------------------------------------
    @rule(
        room_idx=st.integers(0, 20),
        cat=st.sampled_from(CATEGORIES),
        age=st.integers(1, 80),
        exposure_days=st.none() | st.integers(0, 12),
        bad_phone=st.integers(0, 9),
        reuse=st.integers(0, 5),
    )
    def arrive(self, room_idx, cat, age, exposure_days, bad_phone, reuse) -> None:
        self.tick(1)
        p = synthetic.person(self.rng, self.now.date(), min_age=age, max_age=age + 1)
        doc = p["doc_number"]
        if reuse == 0:
            known = self.session.scalar(select(Stay).order_by(Stay.id.desc()).limit(1))
            if known is not None:
                doc = known.person.doc_number  # a returning person, or one already present
        data = ArrivalInput(
            name=str(p["name"]),
            doc_number=str(doc),
            category=cat,
            phone="12345" if bad_phone == 0 else str(p["phone"]),
            arrived_at=self.now,
            last_exposure=self.now - timedelta(days=exposure_days) if exposure_days is not None else None,
        )
        room_id = self.pick(Room, [], room_idx)
        self.attempt(register_arrival, data, room_id, now=self.now)

    @rule(idx=st.integers(0, 20), room_idx=st.integers(0, 20), share=st.booleans())
    def companion(self, idx, room_idx, share) -> None:
        lead = self.pick(Stay, [Stay.departed_at.is_(None)], idx)
        if lead is None:
            return
        self.tick(1)
        p = synthetic.person(self.rng, self.now.date(), min_age=3, max_age=12)
        data = ArrivalInput(
            name=str(p["name"]), doc_number=str(p["doc_number"]), category="inbound", arrived_at=self.now
        )
        room_id = self.session.get(Stay, lead).room_id if share else self.pick(Room, [], room_idx)
        self.attempt(
            register_arrival,
            data,
            room_id,
            shares_with_stay_id=lead,
            companion_reason=CompanionReason.CHILD,
            now=self.now,
        )

    @rule(idx=st.integers(0, 20), room_idx=st.integers(0, 20))
    def move(self, idx, room_idx) -> None:
        stay = self.pick(Stay, [Stay.departed_at.is_(None)], idx)
        if stay is not None:
            self.tick(1)
            self.attempt(change_room, stay, self.pick(Room, [], room_idx), "换房", now=self.now)

    @rule(idx=st.integers(0, 20), delta=st.integers(-10, 10), reason=st.sampled_from(["", "延长观察"]))
    def change_date(self, idx, delta, reason) -> None:
        stay_id = self.pick(Stay, [Stay.departed_at.is_(None)], idx)
        if stay_id is not None:
            stay = self.session.get(Stay, stay_id)
            self.attempt(change_release_date, stay_id, stay.planned_release + timedelta(days=delta), reason)

    @rule(idx=st.integers(0, 20), days=st.integers(0, 10), override=st.sampled_from([None, "", "指挥部同意"]))
    def release_one(self, idx, days, override) -> None:
        stay = self.pick(Stay, [Stay.departed_at.is_(None)], idx)
        if stay is not None:
            self.tick(24 * days)
            self.attempt(release, stay, override_reason=override, now=self.now)

    @rule(
        idx=st.integers(0, 20),
        kind=st.sampled_from([DepartureKind.TO_HOSPITAL, DepartureKind.TO_OTHER_SITE, DepartureKind.HOME_ISOLATION]),
        dest=st.sampled_from(["", "市定点医院"]),
    )
    def transfer_one(self, idx, kind, dest) -> None:
        stay = self.pick(Stay, [Stay.departed_at.is_(None)], idx)
        if stay is not None:
            self.tick(1)
            self.attempt(transfer, stay, kind, dest, now=self.now)

    @rule(idx=st.integers(0, 20), reason=st.sampled_from(["", "自行离开"]))
    def other_departure(self, idx, reason) -> None:
        stay = self.pick(Stay, [Stay.departed_at.is_(None)], idx)
        if stay is not None:
            self.attempt(depart_other, stay, reason, now=self.now)

    @rule(
        idx=st.integers(0, 20),
        temp=st.sampled_from(["36.5", "375", "38.2", "33", "45", "abc"]),
        slot=st.sampled_from(list(Slot)),
        recheck=st.booleans(),
    )
    def reading(self, idx, temp, slot, recheck) -> None:
        stay = self.pick(Stay, [Stay.departed_at.is_(None)], idx)
        if stay is None:
            return
        day = self.now.astimezone(NOW.tzinfo).date()
        last = (
            self.session.scalar(
                select(Observation.id).where(Observation.stay_id == stay).order_by(Observation.id.desc()).limit(1)
            )
            if recheck
            else None
        )
        self.attempt(record_reading, stay, day, slot, temperature=temp, recheck_of_id=last, taken_at=self.now)

    @rule(
        idx=st.integers(0, 20),
        decision=st.sampled_from(["not_fever", "recheck_normal", "transferred"]),
        note=st.sampled_from(["", "医生评估：无需转运"]),
    )
    def decide_alert(self, idx, decision, note) -> None:
        alert = self.pick(FeverAlert, [], idx)
        if alert is not None:
            self.attempt(close_alert, alert, decision, note)

    @rule(room_idx=st.integers(0, 20), fields=st.integers(0, 5))
    def disinfect(self, room_idx, fields) -> None:
        self.tick(2)
        dirty = self.pick(Room, [Room.state == RoomState.AWAITING_DISINFECTION], room_idx)
        self.attempt(
            record_disinfection,
            dirty if dirty is not None and room_idx % 5 else self.pick(Room, [], room_idx),
            agent="含氯消毒剂" if fields else "",
            done_by="消杀员",
            checked_by="院感员",
            at=self.now,
        )

    @rule(room_idx=st.integers(0, 20), back=st.integers(0, 3))
    def service(self, room_idx, back) -> None:
        room = self.pick(Room, [], room_idx)
        if back:
            self.attempt(back_in_service, room)
        else:
            self.attempt(set_out_of_service, room, "空调维修", self.now.date())

    @precondition(lambda self: True)
    @invariant()
    def invariants_hold(self) -> None:
        self.session.expire_all()
        assert invariant_problems(self.session) == []
        # a room awaiting disinfection or out of service never holds anyone
        bad = self.session.scalar(
            select(func.count())
            .select_from(Stay)
            .join(Room, Stay.room_id == Room.id)
            .where(Stay.departed_at.is_(None), Room.state != RoomState.OCCUPIED)
        )
        assert bad == 0


def sqlite_factory(template: Path):  # type: ignore[no-untyped-def]
    def make():  # type: ignore[no-untyped-def]
        tmp = Path(tempfile.mkdtemp())
        shutil.copy(template, tmp / "p.sqlite3")
        engine = make_engine(tmp / "p.sqlite3")

        def cleanup() -> None:
            engine.dispose()
            shutil.rmtree(tmp, ignore_errors=True)

        return engine, cleanup

    return make


SETTINGS = settings(
    max_examples=25,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_random_operation_sequences_keep_invariants(kind, request, sqlite_template):
    if kind == "sqlite":
        factory = sqlite_factory(sqlite_template)
    else:
        if not PG_URL:
            pytest.skip("PostgreSQL tests need ISODESK_TEST_PG_URL (set by .ci/run)")
        pg = request.getfixturevalue("pg_engine")

        def factory():  # type: ignore[no-untyped-def]
            _truncate_pg(pg)
            return pg, lambda: None

    machine = type("Machine", (DeskMachine,), {"engine_factory": staticmethod(factory)})
    machine.TestCase.settings = SETTINGS
    machine.TestCase().runTest()
