"""Several desks allocating the same free rooms at once never double-book (real processes, both engines)."""

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select, text

from models.reads.checks import run_checks
from models.store.orm import AuditEntry, Room, RoomState, Stay
from tests.helpers import free_rooms

ROOT = Path(__file__).resolve().parents[1]
DESKS = 4
ATTEMPTS = 60  # per desk: 240 check-in attempts, plus releases and disinfections


def engine_target(engine) -> tuple[str, str]:
    """URL and schema a child process needs to reach the same database."""
    if engine.url.get_backend_name() == "sqlite":
        return str(engine.url.database), "-"
    with engine.connect() as conn:
        schema = conn.execute(text("select current_schema()")).scalar_one()
    return engine.url.render_as_string(hide_password=False), schema


def run_desks(engine, room_ids, desks=DESKS, attempts=ATTEMPTS):
    url, schema = engine_target(engine)
    rooms = ",".join(str(r) for r in room_ids)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.desk_worker", url, schema, str(seed), str(attempts), rooms],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in range(desks)
    ]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err[-3000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def test_concurrent_desks_never_double_book(engine, session, site):
    rooms = free_rooms(session, 6)  # few rooms, many desks: they collide all the time
    room_ids = [r.id for r in rooms]
    session.close()
    results = run_desks(engine, room_ids)
    checked_in = sum(r.get("checked_in", 0) for r in results)
    refused = sum(sum(r["refused"].values()) for r in results)
    print(f"{engine.url.get_backend_name()}: {checked_in} check-ins, {refused} refusals over {DESKS} desks", results)
    assert checked_in + refused >= DESKS * ATTEMPTS  # every attempt ended one way or the other
    assert checked_in > len(room_ids)  # rooms turned over: the test really exercised allocation
    assert refused > 0  # and the desks really competed
    with engine.connect() as conn:
        over = conn.execute(
            select(Room.number, func.count(Stay.id), Room.beds)
            .join(Stay, Stay.room_id == Room.id)
            .where(Stay.departed_at.is_(None))
            .group_by(Room.id, Room.number, Room.beds)
            .having(func.count(Stay.id) > Room.beds)
        ).all()
        assert over == []  # zero double bookings
        stays = conn.execute(select(func.count()).select_from(Stay)).scalar_one()
        check_ins = conn.execute(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "stay.check_in")
        ).scalar_one()
        dirty_but_occupied = conn.execute(
            select(func.count())
            .select_from(Room)
            .join(Stay, Stay.room_id == Room.id)
            .where(Stay.departed_at.is_(None), Room.state != RoomState.OCCUPIED)
        ).scalar_one()
    assert stays == check_ins == checked_in  # what a desk was told it did is exactly what happened
    assert dirty_but_occupied == 0
    assert run_checks(engine) == []
