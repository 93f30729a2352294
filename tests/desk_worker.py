"""A front desk in its own process, for the several-desks and crash tests (not a test module).

    python -m tests.desk_worker URL SCHEMA SEED ATTEMPTS ROOM_IDS [--log FILE]

Each attempt checks a synthetic person in to a random room of ROOM_IDS (the same rooms for every
desk, so they compete), and now and then releases someone and disinfects the room so the rooms
keep turning over. Refusals (room taken, conflict) are expected; they are counted by error code.
With --log, each operation appends "begin N" before and "done N <what>" after its transaction,
so a test that kills the process can tell which operation was in flight.
Prints one JSON line: {"checked_in": n, "released": n, "disinfected": n, "refused": {code: n}}.
"""

from __future__ import annotations

import json
import os
import random
import sys
from collections import Counter

from sqlalchemy import select

from models import clock
from models.demo import synthetic
from models.errors import DomainError
from models.services.arrivals import ArrivalInput, register_arrival
from models.services.rooms import record_disinfection
from models.services.stays import depart_other
from models.store.db import make_engine, session_factory
from models.store.orm import Room, RoomState, Stay


def main(argv: list[str]) -> int:
    clock.set_clock(clock.from_env())  # the test's pinned time (ISODESK_NOW), like the CLI
    url, schema, seed, attempts, rooms_arg = argv[:5]
    log_path = argv[6] if len(argv) > 6 and argv[5] == "--log" else None
    kwargs = {"connect_args": {"options": f"-csearch_path={schema}"}} if schema != "-" else {}
    engine = make_engine(url, **kwargs)
    sessions = session_factory(engine)
    rng = random.Random(int(seed))
    room_ids = [int(r) for r in rooms_arg.split(",")]
    done: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    log = open(log_path, "a", buffering=1) if log_path else None

    def step(n: int, what: str, call) -> None:  # type: ignore[no-untyped-def]
        if log:
            log.write(f"begin {n}\n")
            os.fsync(log.fileno())
        try:
            with sessions() as s:
                call(s)
        except DomainError as e:
            refused[e.code] += 1
            what = f"refused:{e.code}"
        else:
            done[what] += 1
        if log:
            log.write(f"done {n} {what}\n")
            os.fsync(log.fileno())

    for n in range(int(attempts)):
        p = synthetic.person(rng, clock.site_today("Asia/Shanghai"), min_age=18, max_age=70)
        data = ArrivalInput(
            name=str(p["name"]),
            doc_number=str(p["doc_number"]),
            category="inbound",
            phone=str(p["phone"]),
            arrived_at=clock.now(),
        )
        room_id = rng.choice(room_ids)
        step(n, "checked_in", lambda s, d=data, r=room_id: register_arrival(s, None, d, r))
        if rng.random() < 0.5:
            with sessions() as s:
                present = s.scalars(select(Stay.id).where(Stay.departed_at.is_(None), Stay.room_id.in_(room_ids))).all()
            if present:
                stay_id = rng.choice(present)
                step(n, "released", lambda s, i=stay_id: depart_other(s, None, i, "test: released early"))
        if rng.random() < 0.6:
            with sessions() as s:
                dirty = s.scalars(
                    select(Room.id).where(Room.id.in_(room_ids), Room.state == RoomState.AWAITING_DISINFECTION)
                ).all()
            if dirty:
                rid = rng.choice(dirty)
                step(
                    n,
                    "disinfected",
                    lambda s, r=rid: record_disinfection(s, None, r, agent="含氯消毒剂", done_by="a", checked_by="b"),
                )
    print(json.dumps({**done, "refused": dict(refused)}))
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
