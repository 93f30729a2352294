"""Fixtures: every database test runs on SQLite and, where ISODESK_TEST_PG_URL is set, on PostgreSQL."""

from __future__ import annotations

import os
import random
import shutil
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import keyring
import pytest
from hypothesis import settings as hypothesis_settings
from keyring.backend import KeyringBackend
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from models import clock as clock_module
from models.demo import synthetic
from models.services.arrivals import ArrivalInput
from models.services.sites import FloorSpec, create_site, room_numbers
from models.store.db import PG_SESSION_OPTIONS, make_engine, session_factory, upgrade
from models.store.orm import Base, Role, RoomType, Site, User

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests: on CI the same examples every run (a clean clone passes or fails the same way on every
# machine and date); at a desk they explore new ones each run, so a case nobody thought of turns up there
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

PG_URL = os.environ.get("ISODESK_TEST_PG_URL")
TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=TZ)
ROOT = Path(__file__).resolve().parents[1]


def local(y: int, m: int, d: int, h: int = 10, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=TZ)


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[clock_module.FixedClock]:
    """Every test runs on a pinned clock (NOW): nothing depends on the day the suite runs.

    Advance it with ``clock.advance(hours=2)`` or ``clock.set(...)``; subprocesses get it as ISODESK_NOW.
    """
    fixed = clock_module.FixedClock(NOW)
    monkeypatch.setenv(clock_module.ENV, NOW.isoformat())
    with clock_module.using(fixed):
        yield fixed


class MemoryKeyring(KeyringBackend):
    """The OS credential store, in memory: tests never touch the machine's own (``keyring.set_keyring``)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture(autouse=True)
def credential_store() -> Iterator[MemoryKeyring]:
    """Each test gets an empty credential store of its own (models/store/credentials.py uses it)."""
    store, previous = MemoryKeyring(), keyring.get_keyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def log_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's and the CLI's log file (models/logs.py) goes to a temporary folder, never the user's;
    subprocesses inherit it through ISODESK_LOG_DIR."""
    from models import logs

    folder = tmp_path_factory.mktemp("logs")
    monkeypatch.setenv(logs.ENV, str(folder))
    yield folder
    logs.teardown_logging()


@pytest.fixture(autouse=True)
def cache_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The QR codes the CLI keeps (printing/qr.py) go to a temporary folder, never the user's cache;
    subprocesses inherit it through ISODESK_CACHE_DIR."""
    from printing import qr

    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv(qr.STORE_ENV, str(folder))
    yield folder
    qr.use_store(None)  # app.main() sets it for the process


@pytest.fixture(autouse=True)
def no_modal_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody closes would hang the run: in GUI tests, opening one fails the test at once.

    Tests that mean to answer a dialog patch `exec` themselves after this fixture has run.
    """
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    def refuse(self: object, *args: object) -> int:
        raise AssertionError(f"a modal {type(self).__name__} was opened in a test")

    def refuse_static(*args: object, **kwargs: object) -> object:
        raise AssertionError("a modal standard dialog was opened in a test")

    monkeypatch.setattr(QDialog, "exec", refuse)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse_static))
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse_static))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(path)
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_engine() -> Iterator[Engine]:
    if not PG_URL:
        pytest.skip("PostgreSQL tests need ISODESK_TEST_PG_URL (set by .ci/run)")
    schema = f"isodesk_test_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{uuid.uuid4().hex[:6]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    # the app's planner settings too: options given replace make_engine's
    engine = make_engine(PG_URL, connect_args={"options": f"{PG_SESSION_OPTIONS} -csearch_path={schema}"})
    upgrade(engine)
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def _truncate_pg(engine: Engine) -> None:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:  # the audit trail refuses TRUNCATE: lifted for this transaction only
        conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER USER"))
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        conn.execute(text("ALTER TABLE audit_entry ENABLE TRIGGER USER"))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        path = tmp_path / "isodesk.sqlite3"
        shutil.copy(sqlite_template, path)
        eng = make_engine(path)
        yield eng
        eng.dispose()
    else:
        eng = request.getfixturevalue("pg_engine")
        _truncate_pg(eng)
        yield eng
        _truncate_pg(eng)


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with session_factory(engine)() as s:
        yield s


@pytest.fixture
def desk(session: Session) -> User:
    """The acting user of service tests: an admin, so those tests exercise the rules; what each role
    may do is tested on its own (tests/test_permissions.py)."""
    user = User(username="desk1", display_name="前台一", role=Role.ADMIN)
    session.add(user)
    session.commit()
    return user


@pytest.fixture
def site(session: Session, desk: User) -> Site:
    """Two buildings; building A: floors 1-3 with 10 singles each, floor 4 with 4 doubles; building B: 2 floors."""
    floors = [FloorSpec("A栋", lvl, room_numbers(lvl, 1, 10)) for lvl in (1, 2, 3)]
    floors.append(FloorSpec("A栋", 4, room_numbers(4, 1, 4), room_type=RoomType.DOUBLE, beds=2))
    floors += [FloorSpec("B栋", lvl, room_numbers(lvl, 1, 5)) for lvl in (1, 2)]
    return create_site(session, desk, "测试隔离点", floors, rule_set_name="第九版")


@pytest.fixture
def rng() -> random.Random:
    return random.Random(1234)


@pytest.fixture
def make_arrival(rng: random.Random):  # type: ignore[no-untyped-def]
    def make(
        category: str = "inbound", *, arrived_at: datetime = NOW, min_age: int = 18, **overrides: object
    ) -> ArrivalInput:
        p = synthetic.person(rng, NOW.date(), min_age=min_age, max_age=70)
        fields: dict[str, object] = {
            "name": p["name"],
            "doc_number": p["doc_number"],
            "phone": p["phone"],
            "origin": p["origin"],
            "category": category,
            "arrived_at": arrived_at,
        }
        fields.update(overrides)
        return ArrivalInput(**fields)  # type: ignore[arg-type]

    return make


@pytest.fixture
def app_settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The GUI's QSettings for one test: an ini file in tmp_path, never the user's settings.

    (Qt caches the native settings path per process: XDG_CONFIG_HOME would isolate only the first test.)
    """
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_app_context(qapp, engine: Engine, app_settings, clock: clock_module.FixedClock):  # type: ignore[no-untyped-def]
    """``make_app_context(user, language="zh_CN")``: the GUI's AppContext for one test, signed in as ``user``.

    The pinned clock, `app_settings`, the language's translators installed, background tasks run inline,
    and a key-gap clock that ticks 1 ms per key (a scan, whatever the machine's speed).
    """
    import itertools

    from views.application import install_translators
    from views.context import AppContext
    from views.tasks import TaskRunner

    def make(user: User, language: str = "zh_CN") -> AppContext:
        app_settings.setValue("ui/language", language)  # as saved: make_app(settings=...) agrees
        install_translators(qapp, language)
        ticks = itertools.count()
        return AppContext(
            sessions=session_factory(engine),
            engine=engine,
            user=user,
            settings=app_settings,
            clock=clock,
            language=language,
            tasks=TaskRunner(synchronous=True),
            monotonic=lambda: next(ticks) / 1000,
        )

    return make


@pytest.fixture
def app_context(make_app_context, desk: User):  # type: ignore[no-untyped-def]
    """The GUI's AppContext with `desk` (an admin) signed in, in Chinese; see `make_app_context`."""
    return make_app_context(desk)
