"""Who a command acts as: an existing, active account proven by its password; never an account made up.

Each test tries what used to work: ``import --user admin`` acted as admin with no password, and
``--user anybody``, ``"admin "`` or ``ａｄｍｉｎ`` created passwordless accounts, even after a failed import.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models.services.accounts import update_user
from models.store.db import make_engine, session_factory
from models.store.orm import AuditEntry, Stay, User
from tests.conftest import NOW
from tests.helpers import CLI_PASSWORD, cli_account, run_app
from tests.test_cli_errors import site_db
from tests.test_import_cli import write_list


@pytest.fixture
def db(tmp_path, sqlite_template):
    path = site_db(sqlite_template, tmp_path / "site.sqlite3", rooms=6)
    cli_account(path, "admin", "admin")
    cli_account(path, "desk1", "desk")
    cli_account(path, "look", "viewer")
    return path


@pytest.fixture
def transfer_list(tmp_path, rng):
    path = tmp_path / "list.csv"
    write_list(path, rng, 2)
    return path


def counts(db):
    engine = make_engine(db)
    try:
        with session_factory(engine)() as s:
            users = sorted(s.scalars(select(User.username)))
            stays = s.scalar(select(func.count()).select_from(Stay))
            return users, stays
    finally:
        engine.dispose()


def as_(user: str, password: str = CLI_PASSWORD) -> dict[str, str]:
    return {"ISODESK_USER": user, "ISODESK_PASSWORD": password}


def said(out) -> str:  # type: ignore[no-untyped-def]
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    return out.stderr


@pytest.mark.parametrize("name", ["admin", "anybody", "admin ", "ａｄｍｉｎ", "setup"])
def test_import_without_the_password_acts_as_nobody_and_creates_nobody(db, transfer_list, name):
    before = counts(db)
    line = said(run_app("import", str(transfer_list), "--db", str(db), "--user", name, ISODESK_PASSWORD="wrong one"))
    assert "用户名或密码错误" in line and "Wrong user name or password" in line
    assert counts(db) == before  # no account made, nothing checked in


def test_no_user_or_no_password_is_refused_with_what_to_give(db, transfer_list):
    line = said(run_app("import", str(transfer_list), "--db", str(db), ISODESK_USER="", ISODESK_PASSWORD=""))
    assert "--user" in line and "ISODESK_USER" in line
    line = said(run_app("import", str(transfer_list), "--db", str(db), "--user", "admin"))  # no terminal, no env
    assert "ISODESK_PASSWORD" in line
    assert counts(db)[1] == 0


def test_a_disabled_account_cannot_import(db, transfer_list):
    engine = make_engine(db)
    with session_factory(engine)() as s:
        admin = s.scalar(select(User).where(User.username == "admin"))
        desk = s.scalar(select(User).where(User.username == "desk1"))
        update_user(s, admin, desk.id, active=False)
    engine.dispose()
    said(run_app("import", str(transfer_list), "--db", str(db), **as_("desk1")))
    assert counts(db)[1] == 0


def test_the_role_checks_are_the_apps(db, transfer_list):
    line = said(run_app("import", str(transfer_list), "--db", str(db), **as_("look")))
    assert "无权" in line  # a viewer may not check people in
    assert counts(db)[1] == 0
    done = run_app("import", str(transfer_list), "--db", str(db), **as_("desk1"))
    assert done.returncode == 0, done.stderr
    users, stays = counts(db)
    assert stays == 2 and users == ["admin", "desk1", "look", "setup"]
    engine = make_engine(db)
    with session_factory(engine)() as s:
        desk_id = s.scalar(select(User.id).where(User.username == "desk1"))
        who = set(s.scalars(select(AuditEntry.user_id).where(AuditEntry.action == "stay.check_in")))
    engine.dispose()
    assert who == {desk_id}  # the audit trail names the account that signed in


def test_accounts_are_made_only_by_a_signed_in_admin(db):
    new = {"ISODESK_NEW_PASSWORD": "nurse pass 9"}
    line = said(run_app("user", "add", "nurse", "--role", "medical", "--db", str(db), **as_("desk1"), **new))
    assert "无权" in line
    said(run_app("user", "add", "nurse", "--role", "medical", "--db", str(db), **as_("admin", "nope"), **new))
    assert "nurse" not in counts(db)[0]
    made = run_app("user", "add", "nurse", "--role", "medical", "--db", str(db), **as_("admin"), **new)
    assert made.returncode == 0, made.stderr
    assert "nurse" in counts(db)[0]
    report = run_app("report", "daily", "--db", str(db), "--json", **as_("nurse", "nurse pass 9"))
    assert report.returncode == 0, report.stderr


def test_restore_needs_an_admin_of_the_database_it_replaces(db, tmp_path):
    from models.store.backup import backup_now

    engine = make_engine(db)
    copy = backup_now(engine, tmp_path / "copies", now=NOW)
    engine.dispose()
    line = said(run_app("restore", str(copy), "--db", str(db), **as_("look")))
    assert "无权" in line
    said(run_app("restore", str(copy), "--db", str(db), **as_("admin", "guess")))
    assert not list((db.parent / "backups").glob("*-before-restore.sqlite3"))  # nothing was replaced
    done = run_app("restore", str(copy), "--db", str(db), **as_("admin"))
    assert done.returncode == 0, done.stderr
    assert len(list((db.parent / "backups").glob("*-before-restore.sqlite3"))) == 1
    engine = make_engine(db)
    with session_factory(engine)() as s:
        notes = s.scalars(select(AuditEntry.note).where(AuditEntry.action == "backup.restored")).all()
    engine.dispose()
    assert len(notes) == 1 and "by admin" in notes[0] and copy.name in notes[0]
