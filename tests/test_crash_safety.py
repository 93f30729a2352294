"""Kill the writing process (SIGKILL) at random points: the database opens, is sound, holds its
invariants, and no operation is half-applied (each one's rows and its audit entries come together)."""

import random
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select

from models.reads.checks import run_checks
from models.store.db import make_engine
from models.store.orm import AuditEntry, RoomEvent, RoomEventKind, Stay
from tests.helpers import free_rooms
from tests.test_several_desks import ROOT, engine_target

ROUNDS = 12  # each round: a desk process doing hundreds of operations, killed mid-flight


def consistent(engine) -> list[str]:
    """Every effect has its audit entry and every audit entry its effect: nothing half-applied."""
    problems = list(run_checks(engine))
    with engine.connect() as conn:

        def n(q):  # type: ignore[no-untyped-def]
            return conn.execute(q).scalar_one()

        stays = n(select(func.count()).select_from(Stay))
        check_ins = n(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "stay.check_in"))
        departed = n(select(func.count()).select_from(Stay).where(Stay.departed_at.is_not(None)))
        departures = n(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "stay.other"))
        disinfections = n(
            select(func.count()).select_from(RoomEvent).where(RoomEvent.kind == RoomEventKind.DISINFECTED)
        )
        disinfected = n(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "room.disinfected"))
    if stays != check_ins:
        problems.append(f"{stays} stays but {check_ins} check-in entries")
    if departed != departures:
        problems.append(f"{departed} departures but {departures} departure entries")
    if disinfections != disinfected:
        problems.append(f"{disinfections} disinfection records but {disinfected} entries")
    return problems


def test_sigkill_mid_operation_leaves_nothing_half_done(engine, session, site, tmp_path):
    rooms = [r.id for r in free_rooms(session, 12)]
    session.close()
    url, schema = engine_target(engine)
    rng = random.Random(2026)
    log = tmp_path / "ops.log"
    killed_in_flight = 0
    for round_no in range(ROUNDS):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.desk_worker",
                url,
                schema,
                str(100 + round_no),
                "400",
                ",".join(map(str, rooms)),
                "--log",
                str(log),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        # wait until it is writing, then kill it at a random moment
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (
            not log.exists() or log.read_text().count("begin") < 20 * (round_no + 1)
        ):
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read()[-2000:] if proc.stderr else ""
        lines = log.read_text().splitlines()
        if lines and lines[-1].startswith("begin"):
            killed_in_flight += 1
        # a fresh connection, as the app after a crash: opens, sound, consistent
        fresh = make_engine(url, **({"connect_args": {"options": f"-csearch_path={schema}"}} if schema != "-" else {}))
        assert consistent(fresh) == [], f"round {round_no}"
        fresh.dispose()
    assert killed_in_flight >= ROUNDS // 3  # most kills really hit an operation in flight
    operations = log.read_text().count("begin")
    print(f"{operations} operations in {ROUNDS} killed processes, {killed_in_flight} killed mid-operation")
    assert operations >= 20 * ROUNDS  # hundreds of operations over the rounds
