"""Store a small database at a given schema revision, for upgrade tests (tests/data/).

    python tools/make_schema_fixture.py REVISION tests/data/isodesk-REVISION.sqlite3

Builds a site with a few arrivals, readings and a departure at the current head through the
domain services, then downgrades it to REVISION. Synthetic people only.
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alembic import command
from sqlalchemy import select

from models.demo import synthetic
from models.services.arrivals import ArrivalInput, register_arrival
from models.services.observations import record_reading
from models.services.sites import FloorSpec, create_site, room_numbers
from models.services.stays import transfer
from models.store.db import alembic_config, make_engine, session_factory, upgrade
from models.store.orm import (
    DepartureKind,
    Role,
    Room,
    Slot,
    User,
)


def main() -> None:
    revision, out = sys.argv[1], Path(sys.argv[2])
    out.unlink(missing_ok=True)
    engine = make_engine(out)
    upgrade(engine)
    tz = ZoneInfo("Asia/Shanghai")
    now = datetime(2026, 11, 20, 10, 0, tzinfo=tz)
    rng = random.Random(7)
    with session_factory(engine)() as s:
        user = User(username="fixture", display_name="fixture", role=Role.ADMIN)
        s.add(user)
        s.commit()
        create_site(s, user, "升级测试隔离点", [FloorSpec("1号楼", lvl, room_numbers(lvl, 1, 6)) for lvl in (1, 2)])
        rooms = list(s.scalars(select(Room).order_by(Room.id)))
        stays = []
        for i, room in enumerate(rooms[:5]):
            p = synthetic.person(rng, now.date(), min_age=20)
            stays.append(
                register_arrival(
                    s,
                    user,
                    ArrivalInput(
                        name=str(p["name"]),
                        doc_number=str(p["doc_number"]),
                        phone=str(p["phone"]),
                        category="inbound",
                        arrived_at=now - timedelta(days=2, hours=i),
                    ),
                    room.id,
                    now=now,
                )
            )
        for st in stays:
            record_reading(s, user, st.id, now.date(), Slot.MORNING, temperature="36.6", taken_at=now)
        transfer(s, user, stays[0].id, DepartureKind.TO_HOSPITAL, "市定点医院", now=now)
    command.downgrade(alembic_config(engine), revision)
    engine.dispose()
    for suffix in ("-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    print(out)


if __name__ == "__main__":
    main()
