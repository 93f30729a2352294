"""One clock: the only reader of the machine's time is models/clock.py, and every test runs pinned."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from models import clock
from tests.conftest import NOW, ROOT

# calls that read the machine's clock, by the attribute called
FORBIDDEN = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentMSecsSinceEpoch"),
    ("QDateTime", "currentSecsSinceEpoch"),
    ("QDate", "currentDate"),
    ("QTime", "currentTime"),
    ("func", "now"),  # the database's clock: SQL now(), CURRENT_TIMESTAMP …
    ("func", "current_timestamp"),
    ("func", "current_date"),
    ("func", "localtimestamp"),
}
# these read the clock only when not given a time: time.gmtime(), time.ctime(), time.strftime("%F")
WITHOUT_A_TIME = {("time", "gmtime"): 0, ("time", "ctime"): 0, ("time", "asctime"): 0, ("time", "strftime"): 1}


def _sources() -> list[Path]:
    files = [ROOT / "app.py"]
    for folder in ("models", "views", "printing", "ui", "tools", "bench", "tests"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return [f for f in files if f != ROOT / "models" / "clock.py" and "migrations" not in f.parts]


def _clock_reads(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
            call = (name, node.func.attr)
            reads = call in FORBIDDEN or (call in WITHOUT_A_TIME and len(node.args) <= WITHOUT_A_TIME[call])
            if reads:
                found.append(f"{path.relative_to(root)}:{node.lineno} {name}.{node.func.attr}()")
    return found


def test_nothing_but_the_clock_module_reads_the_time():
    reads = [hit for f in _sources() for hit in _clock_reads(f)]
    # bench reports the real day it was measured on, through the clock module's SystemClock: not listed here
    assert reads == [], "read the time from models.clock instead:\n" + "\n".join(reads)


def test_the_check_itself_finds_every_kind_of_clock_read(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import time\n"
        "from datetime import date, datetime\n"
        "from PySide6.QtCore import QDateTime\n"
        "from sqlalchemy import func\n"
        "a = date.today()\n"
        "b = datetime.now()\n"
        "c = QDateTime.currentDateTime()\n"
        "d = func.now()\n"
        "e = time.strftime('%F')\n"
        "f = time.time()\n"
        "ok = time.strftime('%F', time.gmtime(0))  # given a time: no clock read\n"
        "ok2 = datetime.fromisoformat('2026-12-01')\n"
    )
    found = _clock_reads(bad, root=tmp_path)
    assert [f.split(" ", 1)[1] for f in found] == [
        "date.today()",
        "datetime.now()",
        "QDateTime.currentDateTime()",
        "func.now()",
        "time.strftime()",
        "time.time()",
    ], found


def test_every_test_runs_on_the_pinned_clock():
    assert clock.now() == NOW
    assert clock.SystemClock().now() != NOW  # the machine's clock is elsewhere


def test_fixed_clock_moves_only_when_told():
    c = clock.FixedClock(datetime(2026, 12, 1, 23, 50, tzinfo=UTC))
    assert c.now() == c.now()
    assert c.advance(minutes=20) == datetime(2026, 12, 2, 0, 10, tzinfo=UTC)
    c.set(datetime(2027, 1, 1, tzinfo=UTC))
    assert c.now().year == 2027
    with pytest.raises(ValueError):
        clock.FixedClock(datetime(2026, 12, 1, 8, 0))  # naive: which zone?


def test_site_today_is_the_sites_calendar_day():
    # 2026-11-30 22:30 UTC is already 12-01 06:30 in Shanghai, still 11-30 in UTC
    at = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)
    with clock.using(clock.FixedClock(at)):
        assert clock.site_today("Asia/Shanghai") == date(2026, 12, 1)
        assert clock.site_today("UTC") == date(2026, 11, 30)
        assert clock.site_now("Asia/Shanghai").hour == 6


def test_iso_now_from_the_environment():
    pinned = clock.from_env({clock.ENV: "2027-03-01T09:00+08:00"})
    assert pinned.now() == datetime(2027, 3, 1, 1, 0, tzinfo=UTC)
    assert clock.from_env({clock.ENV: "2027-03-01T01:00Z"}).now() == pinned.now()
    assert isinstance(clock.from_env({}), clock.SystemClock)
    with pytest.raises(ValueError):
        clock.from_env({clock.ENV: "2027-03-01T09:00"})  # no offset
    with pytest.raises(ValueError):
        clock.from_env({clock.ENV: "tomorrow"})


def test_orm_defaults_take_the_pinned_time(session, site, desk, clock):
    from models.services.rooms import set_out_of_service
    from models.store.orm import RoomEvent
    from tests.helpers import free_rooms

    clock.advance(hours=3)
    room = free_rooms(session, 1)[0]
    set_out_of_service(session, desk, room.id, "维修", NOW.date())
    event = session.query(RoomEvent).filter_by(room_id=room.id).one()
    assert event.at == NOW + timedelta(hours=3)


def test_a_subprocess_runs_on_the_tests_time(tmp_path):
    code = "from models import clock; clock.set_clock(clock.from_env()); print(clock.now().isoformat())"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert datetime.fromisoformat(out.stdout.strip()) == NOW
