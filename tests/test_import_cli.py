"""`app.py import`: the headless transfer-list import, dry run and all-or-nothing check-in."""

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.demo import synthetic
from models.services.sites import FloorSpec, create_site, room_numbers
from models.store.db import make_engine, session_factory
from models.store.orm import AuditEntry, Role, Stay, User
from tests.conftest import NOW
from tests.helpers import cli_account, run_app

ROOT = Path(__file__).resolve().parents[1]


def make_site_db(template, path, rooms):
    shutil.copy(template, path)
    engine = make_engine(path)
    with session_factory(engine)() as s:
        user = User(username="setup", role=Role.ADMIN)
        s.add(user)
        s.commit()
        create_site(s, user, "CLI site", [FloorSpec("A", 1, room_numbers(1, 1, rooms))])
    engine.dispose()
    return cli_account(path, "desk1", "desk")


def write_list(path, rng, n, bad=0):
    lines = ["姓名,性别,证件号码,联系电话,人员类别,末次暴露时间"]
    for i in range(n):
        p = synthetic.person(rng, NOW.date(), min_age=20, max_age=60)
        doc = p["doc_number"] if i >= bad else p["doc_number"][:-1] + ("0" if p["doc_number"][-1] != "0" else "1")
        lines.append(f"{p['name']},{'男' if p['sex'].value == 'M' else '女'},{doc},{p['phone']},密接,2026-11-20")
    path.write_text("\n".join(lines) + "\n合计,{n}人\n", encoding="utf-8")


def stays_and_audit(db):
    engine = make_engine(db)
    with session_factory(engine)() as s:
        return (  # the audit trail but the command's own sign-in ("user.login": who ran it)
            s.scalar(select(func.count()).select_from(Stay)),
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action != "user.login")),
        )


def test_dry_run_json_one_object_per_row(tmp_path, sqlite_template, rng):
    db = tmp_path / "site.sqlite3"
    signed = make_site_db(sqlite_template, db, 10)
    lst = tmp_path / "list.csv"
    write_list(lst, rng, 4, bad=1)
    before = stays_and_audit(db)
    out = run_app("import", str(lst), "--db", str(db), "--dry-run", "--json", **signed)
    assert out.returncode == 1, out.stderr  # an invalid row
    rows = json.loads(out.stdout)
    assert [(r["row"], r["status"]) for r in rows] == [
        (2, "invalid"),
        (3, "valid"),
        (4, "valid"),
        (5, "valid"),
        (6, "skipped"),
    ]
    assert "校验位" in rows[0]["messages"][0]
    assert rows[1]["fields"]["category"] == "close_contact" and len(rows[1]["fields"]["doc_number"]) == 18
    assert stays_and_audit(db) == before  # a dry run writes nothing


def test_import_checks_in_valid_rows_or_nothing(tmp_path, sqlite_template, rng):
    db = tmp_path / "site.sqlite3"
    signed = make_site_db(sqlite_template, db, 3)
    big = tmp_path / "big.csv"
    write_list(big, rng, 5)
    before = stays_and_audit(db)
    out = run_app("import", str(big), "--db", str(db), **signed)
    assert out.returncode == 2 and "空闲房间不足" in out.stderr
    assert stays_and_audit(db) == before  # all or nothing
    small = tmp_path / "small.csv"
    write_list(small, rng, 3, bad=1)
    out = run_app("import", str(small), "--db", str(db), **signed)
    assert out.returncode == 0, out.stderr
    assert stays_and_audit(db)[0] == 2  # the invalid row is left out
    out = run_app("import", str(small), "--db", str(db), "--dry-run", "--json", **signed)
    assert [r["status"] for r in json.loads(out.stdout)][1:3] == ["duplicate", "duplicate"]


@pytest.mark.parametrize("args", [["import", "nope.csv"], ["import", "x.pdf"]])
def test_import_errors_are_messages_not_tracebacks(tmp_path, sqlite_template, args):
    db = tmp_path / "site.sqlite3"
    signed = make_site_db(sqlite_template, db, 3)
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    args = [a if not a.endswith((".csv", ".pdf")) else str(tmp_path / a) for a in args]
    out = run_app(*args, "--db", str(db), **signed)
    assert out.returncode != 0 and "Traceback" not in out.stderr
