"""Accounts: first admin, argon2 passwords, lockout, change/reset password, admin-only management."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from models.errors import DomainError
from models.services.accounts import (
    LOCKOUT,
    MAX_FAILURES,
    authenticate,
    change_password,
    create_first_admin,
    create_user,
    needs_first_admin,
    reset_password,
    update_user,
)
from models.store.orm import AuditEntry, Role, User
from tests.conftest import NOW


def code_of(call, *args, **kwargs):
    with pytest.raises(DomainError) as e:
        call(*args, **kwargs)
    return e.value.code


@pytest.fixture
def admin(session):
    assert needs_first_admin(session)
    user = create_first_admin(session, "lead", "correct horse", "负责人")
    assert not needs_first_admin(session)
    return user


def test_first_admin_only_once_and_password_is_hashed(session, admin):
    stored = session.scalar(select(User.password_hash).where(User.username == "lead"))
    assert stored.startswith("$argon2") and "correct horse" not in stored
    assert code_of(create_first_admin, session, "second", "another pass") == "first_admin_exists"
    entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "app_user")).all()
    assert entries and all("password_hash" not in (e.after or {}) for e in entries)


def test_login_right_and_wrong(session, admin):
    assert authenticate(session, "lead", "correct horse", NOW).id == admin.id
    assert code_of(authenticate, session, "lead", "wrong", NOW) == "login_failed"
    assert code_of(authenticate, session, "nobody", "whatever", NOW) == "login_failed"  # same message


def test_lockout_after_repeated_failures_then_expires(session, admin):
    for _ in range(MAX_FAILURES):
        assert code_of(authenticate, session, "lead", "bad guess", NOW) == "login_failed"
    # locked: even the right password is refused for a while, with the same answer as a wrong one
    assert code_of(authenticate, session, "lead", "correct horse", NOW + timedelta(minutes=1)) == "login_failed"
    later = NOW + LOCKOUT + timedelta(seconds=1)
    assert authenticate(session, "lead", "correct horse", later).username == "lead"
    assert session.scalar(select(AuditEntry).where(AuditEntry.action == "user.locked")) is not None


def test_parallel_guesses_are_counted_and_lock_the_account(engine, session, admin, monkeypatch):
    """8 desks x 4 wrong passwords at once: each failure counts (the row is locked while checked), so the
    account locks after MAX_FAILURES; on PostgreSQL a read-modify-write used to lose most of them."""
    from concurrent.futures import ThreadPoolExecutor

    from models.store.db import session_factory

    make = session_factory(engine)
    from models.services import accounts

    tried: list[str] = []
    real = accounts._hasher

    class Counting:
        def __getattr__(self, name):  # type: ignore[no-untyped-def]
            return getattr(real, name)

        def verify(self, stored: str, password: str) -> bool:
            tried.append(password)
            return real.verify(stored, password)

    monkeypatch.setattr(accounts, "_hasher", Counting())

    def guess(worker: int) -> list[str]:
        codes = []
        with make() as s:
            for n in range(4):
                try:
                    authenticate(s, "lead", f"guess {worker}-{n}", NOW)
                    codes.append("in")
                except DomainError as e:
                    codes.append(e.code)
        return codes

    with ThreadPoolExecutor(8) as pool:
        answers = [c for codes in pool.map(guess, range(8)) for c in codes]
    assert answers == ["login_failed"] * 32
    assert len(tried) == MAX_FAILURES  # only that many guesses were ever checked: the rest got no answer
    session.rollback()  # a new transaction: SQLite's snapshot of the one before would not see the others
    session.expire_all()
    lead = session.scalar(select(User).where(User.username == "lead"))
    assert lead.locked_until is not None and lead.locked_until > NOW
    assert code_of(authenticate, session, "lead", "correct horse", NOW) == "login_failed"  # locked, same answer
    locks = session.scalars(select(AuditEntry).where(AuditEntry.action == "user.locked")).all()
    assert len(locks) == 1  # the guesses after the lock were not even tried, so they cannot lock again


def test_change_password_needs_the_old_one(session, admin):
    assert code_of(change_password, session, admin, "not it", "new password 1") == "password_wrong"
    assert code_of(change_password, session, admin, "correct horse", "short") == "password_short"
    change_password(session, admin, "correct horse", "new password 1")
    assert authenticate(session, "lead", "new password 1", NOW)
    assert code_of(authenticate, session, "lead", "correct horse", NOW) == "login_failed"


def test_only_an_admin_manages_users(session, admin):
    nurse = create_user(session, admin, "nurse", "nurse pass 1", Role.MEDICAL, "护士")
    assert code_of(create_user, session, nurse, "x", "long enough", Role.ADMIN) == "forbidden"
    assert code_of(reset_password, session, nurse, admin.id, "takeover!!") == "forbidden"
    assert code_of(update_user, session, nurse, nurse.id, role=Role.ADMIN) == "forbidden"
    assert code_of(create_user, session, admin, "nurse", "other pass", Role.DESK) == "username_taken"
    reset_password(session, admin, nurse.id, "fresh pass 2")
    assert authenticate(session, "nurse", "fresh pass 2", NOW).role is Role.MEDICAL
    update_user(session, admin, nurse.id, active=False)
    assert code_of(authenticate, session, "nurse", "fresh pass 2", NOW) == "login_failed"


def test_the_last_admin_stays(session, admin):
    assert code_of(update_user, session, admin, admin.id, role=Role.DESK) == "last_admin"
    assert code_of(update_user, session, admin, admin.id, active=False) == "last_admin"
    second = create_user(session, admin, "lead2", "second lead", Role.ADMIN)
    update_user(session, admin, second.id, role=Role.VIEWER)
    assert session.get(User, second.id).role is Role.VIEWER
