"""The command line's error contract: a failing command prints one line, "中文 / English", on stderr and
exits with 2; never a traceback. Each case runs `app.py` in a subprocess on a database in tmp_path
(a few, that a subprocess cannot stage, call `app.main` in-process)."""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import pytest
from sqlalchemy import text

import app
from models import failures
from models.demo import builder as demo_module
from models.services.sites import FloorSpec, create_site, room_numbers
from models.store import backup as backup_module
from models.store import db as db_module
from models.store.db import head_revision, make_engine, session_factory, upgrade
from models.store.orm import Role, User
from tests.conftest import NOW, PG_URL, ROOT
from tests.helpers import cli_account, run_app

NEWER = "ffff0000beef"  # a schema revision no version of IsoDesk has made yet


def one_line(stderr: str) -> str:
    """The single line of a failure: non-empty, Chinese and English, no traceback."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].strip(), stderr
    line = lines[0]
    assert re.search(r"[\u4e00-\u9fff]", line), line  # Chinese
    assert " / " in line and re.search(r"[A-Za-z]{4,}", line.split(" / ", 1)[1]), line  # then English
    return line


def refused(out: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert out.returncode == 2, (out.returncode, out.stdout, out.stderr)
    line = one_line(out.stderr)
    for needle in needles:
        assert needle in line, line
    return line


def site_db(template: Path, path: Path, rooms: int = 4) -> Path:
    shutil.copy(template, path)
    engine = make_engine(path)
    with session_factory(engine)() as s:
        user = User(username="setup", role=Role.ADMIN)
        s.add(user)
        s.commit()
        create_site(s, user, "CLI site", [FloorSpec("A栋", 1, room_numbers(1, 1, rooms))])
    engine.dispose()
    return path


@pytest.fixture
def db(tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site's database with an account the commands sign in as (ISODESK_USER / ISODESK_PASSWORD)."""
    path = site_db(sqlite_template, tmp_path / "site.sqlite3")
    for name, value in cli_account(path).items():
        monkeypatch.setenv(name, value)
    return path


def stamp(path: Path, revision: str) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.close()


# --- demo ---------------------------------------------------------------------------------------------


def test_demo_on_a_built_database(db):
    refused(run_app("demo", "--db", str(db), "--rooms", "10", "--days", "1"), "已有隔离点", "empty database")


def test_demo_on_a_half_built_database(tmp_path, sqlite_template, monkeypatch):
    half = tmp_path / "half.sqlite3"
    shutil.copy(sqlite_template, half)
    engine = make_engine(half)

    def interrupted(self, say):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # Ctrl+C while the history is simulated: the site is there, half made

    monkeypatch.setattr(demo_module._Simulation, "run", interrupted)
    with pytest.raises(KeyboardInterrupt):
        demo_module.build_demo(engine, rooms=10, days=1, now=NOW)
    engine.dispose()
    refused(run_app("demo", "--db", str(half), "--rooms", "10", "--days", "1"), "未完成的演示", "unfinished demo")


def test_a_demo_interrupted_before_its_site_carries_on(tmp_path, sqlite_template):
    early = tmp_path / "early.sqlite3"
    shutil.copy(sqlite_template, early)
    con = sqlite3.connect(early)
    with con:  # what the first commit of build_demo leaves: its user, no site
        con.execute(
            "INSERT INTO app_user (username, display_name, role, active, failed_logins) "
            "VALUES ('demo', '演示用户', 'admin', 1, 0)"
        )
    con.close()
    out = run_app("demo", "--db", str(early), "--rooms", "10", "--days", "1", "--quiet")
    assert out.returncode == 0, out.stderr
    assert "demo site: 10 rooms" in out.stdout


def test_demo_with_too_few_rooms_names_the_minimum(tmp_path):
    line = refused(run_app("demo", "--db", str(tmp_path / "d.sqlite3"), "--rooms", "5"), "10", "(not 5)")
    assert "至少需要 10 个房间" in line
    refused(run_app("demo", "--db", str(tmp_path / "d.sqlite3"), "--days", "0"), "day of history")


# --- import -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "needle"),
    [("foo", "HEADER=FIELD: foo"), ("=name", "HEADER=FIELD: =name"), ("foo=bar", "Unknown field bar")],
)
def test_import_with_a_bad_map(db, tmp_path, option, needle):
    lst = tmp_path / "list.csv"
    lst.write_text("姓名,证件号码\n张三,110101199003071234\n", encoding="utf-8")
    line = refused(run_app("import", str(lst), "--db", str(db), "--dry-run", "--map", option), needle)
    if "Unknown field" in line:
        assert "doc_number" in line  # the fields there are


# --- dates and output files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "needle"),
    [
        ("0001-01-01", "Date out of range: 0001-01-01"),
        ("9999-12-31", "Date out of range"),
        ("2026-02-30", "Not a date"),
    ],
)
def test_report_daily_with_an_impossible_date(db, day, needle):
    refused(run_app("report", "daily", "--db", str(db), "--date", day), needle)


def test_print_and_xlsx_into_a_missing_folder(db, tmp_path):
    missing = tmp_path / "missing" / "folder"
    refused(run_app("print", "daily-sheets", "--db", str(db), "-o", str(missing / "out.pdf")), str(missing))
    refused(run_app("report", "daily", "--db", str(db), "--xlsx", str(missing / "x.xlsx")), "folder does not exist")
    assert not missing.parent.exists()


# --- databases ----------------------------------------------------------------------------------------


def test_an_unreachable_postgresql_fails_fast_in_one_line():
    started = time.perf_counter()
    out = run_app("report", "daily", "--db", "postgresql://postgres@127.0.0.1:1/test")
    refused(out, "无法连接数据库", "Cannot connect to the database", "port 1")
    assert time.perf_counter() - started < 30


def test_postgresql_engines_have_a_connect_timeout(monkeypatch):
    seen = []
    monkeypatch.setattr(db_module, "create_engine", lambda url, **kw: seen.append(kw))
    db_module.make_engine("postgresql://u@db.example/isodesk")
    db_module.make_engine("postgresql://u@db.example/isodesk", connect_args={"options": "-csearch_path=x"})
    db_module.make_engine("postgresql://u@db.example/isodesk?options=-cwork_mem%3D8MB")
    timeout = db_module.PG_CONNECT_TIMEOUT_S
    # the planner told that an index read costs about a sequential one (the data sits in memory): else it hashed
    # every person ever stored to join the people present; no parallel workers for a desk's few-millisecond
    # questions (a worker's start cost more than the question); a URL or caller setting its own options keeps them
    assert seen[0]["connect_args"] == {
        "connect_timeout": timeout,
        "options": "-c random_page_cost=1.1 -c max_parallel_workers_per_gather=0",
    }
    assert seen[1]["connect_args"] == {"connect_timeout": timeout, "options": "-csearch_path=x"}
    assert seen[2]["connect_args"] == {"connect_timeout": timeout}


@pytest.mark.parametrize(
    "command",
    [
        ["import", "LIST", "--dry-run"],
        ["check"],
        ["check", "--upgrade"],
        ["report", "daily"],
        ["print", "daily-sheets", "-o", "OUT"],
        ["demo", "--rooms", "10", "--days", "1"],
    ],
)
def test_a_database_of_a_newer_schema(db, tmp_path, command):
    stamp(db, NEWER)
    lst = tmp_path / "list.csv"
    lst.write_text("姓名,证件号码\n", encoding="utf-8")
    args = [str(lst) if a == "LIST" else str(tmp_path / "out.pdf") if a == "OUT" else a for a in command]
    refused(run_app(*args, "--db", str(db)), NEWER, "newer version", "更新版本")
    assert not (tmp_path / "backups").exists()  # refused before any pre-upgrade copy
    assert not (tmp_path / "out.pdf").exists()


def test_a_database_upgraded_by_a_newer_version_names_the_version_to_install(db, tmp_path):
    """The newer IsoDesk wrote which version it is when it upgraded the schema: the older desk says that
    version, not only "newer" (a site admin then knows what to install)."""
    stamp(db, NEWER)
    con = sqlite3.connect(db)
    with con:
        con.execute(
            "INSERT INTO schema_release (revision, version, upgraded_at) VALUES (?, '9.4.1', '2027-03-01 08:00:00')",
            (NEWER,),
        )
    con.close()
    said = refused(run_app("report", "daily", "--db", str(db)), "IsoDesk 9.4.1", "install IsoDesk 9.4.1", "请安装")
    assert NEWER not in said
    assert not (tmp_path / "backups").exists()


def test_an_upgrade_records_the_version_that_made_it(tmp_path):
    from resources import app_version

    engine = db_module.open_database(tmp_path / "new.sqlite3")
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT revision, version FROM schema_release").all()
    assert rows == [(db_module.head_revision(engine), app_version())]
    db_module.open_database(tmp_path / "new.sqlite3")  # opening it again records nothing more
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM schema_release").scalar() == 1


def test_a_corrupt_file(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(os.urandom(8192))
    lst = tmp_path / "list.csv"
    lst.write_text("姓名,证件号码\n", encoding="utf-8")
    for args in (["check"], ["report", "daily"], ["import", str(lst), "--dry-run"], ["backup"]):
        refused(run_app(*args, "--db", str(bad)), "已损坏", "damaged or not a database", str(bad))


def test_a_database_without_a_site(tmp_path, sqlite_template):
    empty = tmp_path / "empty.sqlite3"
    shutil.copy(sqlite_template, empty)
    refused(run_app("report", "daily", "--db", str(empty)), "还没有隔离点", "no site yet")
    refused(run_app("report", "daily", "--db", str(tmp_path / "none.sqlite3")), "does not exist")
    assert not (tmp_path / "none.sqlite3").exists()  # a read command does not create a database


@pytest.fixture
def pg_schema_url(pg_engine):  # type: ignore[no-untyped-def]
    """The PostgreSQL test schema as a URL the CLI can open (search_path in the URL)."""
    with pg_engine.connect() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar()
    return f"{PG_URL}?options=-csearch_path%3D{schema}"


def test_postgresql_without_a_site_and_of_a_newer_schema(pg_engine, pg_schema_url):
    from tests.conftest import _truncate_pg

    _truncate_pg(pg_engine)
    refused(run_app("report", "daily", "--db", pg_schema_url), "还没有隔离点")
    head = head_revision(pg_engine)
    with pg_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": NEWER})
    try:
        for args in (["report", "daily"], ["check"], ["demo", "--rooms", "10", "--days", "1"]):
            refused(run_app(*args, "--db", pg_schema_url), NEWER)
    finally:
        with pg_engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
    upgrade(pg_engine)  # at head again, for the tests after this one


# --- backup -------------------------------------------------------------------------------------------


def _without_dac_override() -> None:
    """In the child, before exec: root loses the capability to write where the mode bits say no."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH (PR_CAPBSET_DROP = 24)
        libc.prctl(24, cap, 0, 0, 0)


def test_backup_to_a_read_only_folder(db, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        probe = subprocess.run(
            [sys.executable, "-c", f"open({str(ro / 'probe')!r}, 'w')"],
            capture_output=True,
            preexec_fn=_without_dac_override,
            check=False,
        )
        if probe.returncode == 0:
            pytest.skip("cannot make a folder read-only for this user here (root with CAP_SETPCAP dropped?)")
        for to, needle in ((ro, str(ro)), (ro / "sub", str(ro / "sub"))):
            out = subprocess.run(
                [sys.executable, str(ROOT / "app.py"), "backup", "--db", str(db), "--to", str(to)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                timeout=120,
                check=False,
                preexec_fn=_without_dac_override,
            )
            refused(out, "没有权限", "Permission denied", needle)
        assert list(ro.iterdir()) == []
    finally:
        ro.chmod(0o755)


def test_backup_onto_a_full_disk(db, tmp_path, monkeypatch, capsys):
    def full(src: Path, dest: Path) -> None:
        dest.write_bytes(b"SQLite format 3\x00 half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dest))

    monkeypatch.setattr(backup_module, "_copy", full)
    assert app.main(["backup", "--db", str(db), "--to", str(tmp_path / "bk")]) == 2
    line = one_line(capsys.readouterr().err)
    assert "磁盘空间不足" in line and "No space left on device" in line
    assert list((tmp_path / "bk").iterdir()) == []  # no half copy left behind


def test_sqlite_full_disk_and_os_errors_without_a_file():
    full = failures.explain(sqlite3.OperationalError("database or disk is full"))
    assert full is not None and "磁盘空间不足" in str(full)
    assert "System error" in str(failures.explain(OSError(errno.EIO, os.strerror(errno.EIO))))


# --- the mechanism ------------------------------------------------------------------------------------


def test_command_line_mistakes_are_one_line(db):
    refused(run_app("frobnicate"), "invalid choice")
    refused(run_app("print", "registration", "--db", str(db)), "-o/--output")
    refused(run_app("demo", "--rooms", "many"), "invalid int value")


def test_an_unexpected_error_is_one_line_and_logged(tmp_path, monkeypatch, capsys):
    from models import logs

    monkeypatch.setenv(logs.ENV, str(tmp_path / "log"))

    def boom(args):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(app, "cmd_check", boom)
    try:
        assert app.main(["check", "--db", "postgresql://desk:secret@127.0.0.1:1/isodesk"]) == 2
        log = logs.log_file()
    finally:
        logs.teardown_logging()
    line = one_line(capsys.readouterr().err)
    assert log == tmp_path / "log" / logs.LOG_NAME
    assert "RuntimeError: boom" in line and str(log) in line
    written = log.read_text(encoding="utf-8")
    assert "Traceback" in written and "RuntimeError: boom" in written and "app.py check --db" in written
    assert "secret" not in written  # the URL's password stays out of the log


def test_ctrl_c_is_one_line(db, monkeypatch, capsys):
    def interrupted(args):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(app, "cmd_check", interrupted)
    assert app.main(["check", "--db", str(db)]) == app.INTERRUPTED
    assert one_line(capsys.readouterr().err) == "已中断 / Interrupted"


def test_check_still_lists_problems_with_exit_1(tmp_path):
    out = run_app("check", "--db", str(tmp_path / "nope.sqlite3"))
    assert out.returncode == 1 and "no database file" in out.stdout


# --- --db before the command, --version, ISODESK_NOW --------------------------------------------------


def test_db_before_or_after_the_command(db, tmp_path):
    for n, args in enumerate((["--db", str(db), "backup"], ["backup", "--db", str(db)])):
        bk = tmp_path / f"bk{n}"
        out = run_app(*args, "--to", str(bk))
        assert out.returncode == 0, out.stderr
        made = Path(out.stdout.strip())
        assert made.parent == bk and made.exists()
        con = sqlite3.connect(made)
        assert con.execute("SELECT name FROM site").fetchall() == [("CLI site",)]  # our database, not the default
        con.close()
    same = run_app("--db", str(db), "backup", "--db", f"{db.parent}/./{db.name}", "--to", str(tmp_path / "bk0"))
    assert same.returncode == 0, same.stderr
    other = tmp_path / "other.sqlite3"
    refused(run_app("--db", str(db), "backup", "--db", str(other)), str(db), str(other), "two different")
    assert not other.exists()


def test_version(monkeypatch):
    out = run_app("--version")
    assert out.returncode == 0 and out.stderr == ""
    assert out.stdout.strip() == f"IsoDesk {metadata.version('isodesk')}"

    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    setup_cfg = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert app.version() == re.search(r"^version = (\S+)", setup_cfg, re.M).group(1)


def test_isodesk_now_is_the_command_lines_today(db):
    import json

    out = run_app("report", "daily", "--db", str(db), "--json", ISODESK_NOW="2027-03-01T09:00+08:00")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["day"] == "2027-03-01"
    out = run_app("report", "daily", "--db", str(db), "--json", ISODESK_NOW="2027-02-28T17:30Z")
    assert json.loads(out.stdout)["day"] == "2027-03-01"  # already 01:30 on the 1st at the site (UTC+8)
    refused(
        run_app("report", "daily", "--db", str(db), ISODESK_NOW="2027-03-01T09:00"), "ISODESK_NOW", "2027-03-01T09:00"
    )
    refused(run_app("--version", ISODESK_NOW="tomorrow"), "ISODESK_NOW")


@pytest.mark.parametrize(
    "url, needle",
    [
        ("postgresql://u@127.0.0.1:abc/x", "abc"),  # a port that is not a number
        ("mysql://u@127.0.0.1/x", "mysql"),  # not a database IsoDesk runs on
        ("postgresql+nosuchdriver://u@127.0.0.1/x", "nosuchdriver"),  # a driver SQLAlchemy does not know
    ],
)
def test_a_database_url_that_cannot_be_used(url, needle):
    refused(run_app("report", "daily", "--db", url), "数据库地址格式不正确", "not valid", needle)


def test_import_never_creates_a_database(tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text("姓名,证件号码\n张三,110105199001011234\n", encoding="utf-8")
    new = tmp_path / "new.sqlite3"
    refused(run_app("import", str(listing), "--dry-run", "--db", str(new)), str(new))
    assert not new.exists()


def test_a_postgresql_address_without_the_driver_says_what_to_install(monkeypatch, tmp_path):
    """psycopg is the extra isodesk[postgresql]: a desk installed without it is told so, in both languages,
    by the GUI and the command line alike (not 'No module named psycopg')."""
    from models.errors import DomainError

    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg -> ImportError
    with pytest.raises(DomainError) as err:
        db_module.make_engine("postgresql://u@db.example/isodesk")
    assert err.value.code == "pg_driver_missing"
    assert "isodesk[postgresql]" in err.value.zh and "isodesk[postgresql]" in err.value.en
    assert db_module.make_engine(tmp_path / "a.sqlite3").dialect.name == "sqlite"  # SQLite needs no extra
