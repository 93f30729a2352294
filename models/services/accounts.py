"""Accounts: passwords (argon2), login with lockout, the first admin, user management.

Rules chosen here (the domain leaves them open): a password has at least 8 characters; 5 failed logins in a
row lock the account for 15 minutes (the count resets on a good login); an unknown user name and a
wrong password get the same message, so a stranger cannot probe for names; the last active admin
cannot be removed or demoted. Every change writes an audit entry; password hashes never reach it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import and_, case, func, null, or_, select, update
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError
from models.services import audit
from models.services.audit import transactional
from models.store.orm import Role, User

MIN_PASSWORD = 8
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)

_hasher = PasswordHasher()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise DomainError("password_short", n=MIN_PASSWORD)


def _require_admin(actor: User | None) -> None:
    if actor is not None and actor.role is not Role.ADMIN:
        raise DomainError("forbidden", action="users")


def needs_first_admin(session: Session) -> bool:
    """True until some active user has a password: the app then asks for the first admin."""
    return not session.scalar(
        select(func.count()).select_from(User).where(User.password_hash.is_not(None), User.active.is_(True))
    )


@transactional("anyone")
def create_first_admin(session: Session, username: str, password: str, display_name: str = "") -> User:
    if not needs_first_admin(session):
        raise DomainError("first_admin_exists")
    return _create(session, None, username, password, Role.ADMIN, display_name)


@transactional("users")
def create_user(
    session: Session, actor: User | None, username: str, password: str, role: Role, display_name: str = ""
) -> User:
    _require_admin(actor)
    return _create(session, actor, username, password, role, display_name)


def _create(session: Session, actor: User | None, username: str, password: str, role: Role, display_name: str) -> User:
    username = username.strip()
    if not username or len(username) > 60:
        raise DomainError("username_invalid")
    _check_password(password)
    user = session.scalar(select(User).where(User.username == username))
    if user is not None and user.password_hash is not None:
        raise DomainError("username_taken", username=username)
    before = audit.snapshot(user) if user is not None else None
    if user is None:  # a name seen before accounts existed (the OS login) becomes a real account
        user = User(username=username)
        session.add(user)
    user.display_name = display_name.strip() or username
    user.role = role
    user.password_hash = _hasher.hash(password)
    user.active, user.failed_logins, user.locked_until = True, 0, None
    session.flush()
    audit.record(session, actor or user, "user.create", user, before, audit.snapshot(user))
    return user


@transactional("anyone")
def authenticate(session: Session, username: str, password: str, now: datetime | None = None) -> User:
    """The user, if the password is right and the account neither locked nor disabled.

    Every refusal is the same ``login_failed`` (unknown name, wrong password, locked, disabled), so the
    answer never tells which names exist or that guessing has locked one. Each attempt first *reserves*
    one of the MAX_FAILURES tries in one atomic UPDATE (committed at once, so it counts whatever happens
    next), then checks the password with no lock held: parallel guesses cannot outrun the count (8 desks
    x 4 guesses on PostgreSQL used to be all answered), and no desk waits on another's argon2 check.
    A good password gives the tries back; the last failed try locks the account for LOCKOUT.
    """
    now = now or clock.now()
    query = select(User).where(User.username == username.strip())
    user = session.scalar(query.execution_options(populate_existing=True))
    if user is None or user.password_hash is None or not user.active:
        _hasher.hash(password)  # same time as a real check: no hint that the name is unknown
        raise DomainError("login_failed")
    expired = and_(User.locked_until.is_not(None), User.locked_until <= now)
    reserve = (
        update(User)
        .where(
            User.id == user.id,
            or_(User.locked_until.is_(None), expired),
            or_(User.failed_logins < MAX_FAILURES, expired),
        )
        .values(
            failed_logins=case((expired, 1), else_=User.failed_logins + 1),
            locked_until=case((expired, null()), else_=User.locked_until),
        )
        .returning(User.failed_logins)
        .execution_options(synchronize_session=False)
    )
    tries = session.execute(reserve).scalar_one_or_none()
    session.commit()  # the try is counted now; nothing is held while the password is checked
    if tries is None:  # locked, or every try already taken by guesses under way
        _hasher.hash(password)  # not even tried, in the time a try takes
        raise DomainError("login_failed")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        if tries >= MAX_FAILURES:
            lock = update(User).where(User.id == user.id).values(locked_until=now + LOCKOUT, failed_logins=0)
            session.execute(lock.execution_options(synchronize_session=False))
            session.refresh(user)
            audit.record(session, user, "user.locked", user, note=f"{MAX_FAILURES} failed logins")
            session.commit()
        raise DomainError("login_failed") from None
    clear = update(User).where(User.id == user.id).values(failed_logins=0, locked_until=None)
    session.execute(clear.execution_options(synchronize_session=False))
    session.refresh(user)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    audit.record(session, user, "user.login", user, note="login")
    return user


@transactional("own_account")
def sign_out(session: Session, actor: User) -> None:
    """The end of a sign-in at a desk (log out, switch user): on the record like the sign-in itself."""
    user = _get(session, actor.id)
    audit.record(session, actor, "user.logout", user, note="logout")


@transactional("own_account")
def change_password(session: Session, actor: User, old: str, new: str) -> None:
    user = session.get(User, actor.id)
    if user is None or user.password_hash is None:
        raise DomainError("login_failed")
    try:
        _hasher.verify(user.password_hash, old)
    except (VerificationError, InvalidHashError):
        raise DomainError("password_wrong") from None
    _check_password(new)
    user.password_hash = _hasher.hash(new)
    audit.record(session, actor, "user.password", user, note="password changed")


@transactional("users")
def reset_password(session: Session, actor: User | None, user_id: int, new: str) -> None:
    _require_admin(actor)
    user = _get(session, user_id)
    _check_password(new)
    user.password_hash = _hasher.hash(new)
    user.failed_logins, user.locked_until = 0, None
    audit.record(session, actor, "user.password_reset", user, note="password reset by an admin")


@transactional("users")
def update_user(
    session: Session,
    actor: User | None,
    user_id: int,
    *,
    role: Role | None = None,
    active: bool | None = None,
    display_name: str | None = None,
) -> User:
    _require_admin(actor)
    user = _get(session, user_id)
    before = audit.snapshot(user)
    losing_admin = user.role is Role.ADMIN and ((role is not None and role is not Role.ADMIN) or active is False)
    if losing_admin and _active_admins(session) <= 1:
        raise DomainError("last_admin")
    if role is not None:
        user.role = role
    if active is not None:
        user.active = active
    if display_name is not None:
        user.display_name = display_name.strip() or user.username
    session.flush()
    audit.record(session, actor, "user.update", user, before, audit.snapshot(user))
    return user


def _get(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise DomainError("user_not_found")
    return user


def _active_admins(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == Role.ADMIN, User.active.is_(True), User.password_hash.is_not(None))
        )
        or 0
    )


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).where(User.password_hash.is_not(None)).order_by(User.username)))


DEMO_PASSWORD = "demo1234"
DEMO_USERS = (
    ("admin", Role.ADMIN, "演示管理员"),
    ("desk", Role.DESK, "演示前台"),
    ("medical", Role.MEDICAL, "演示医务"),
    ("viewer", Role.VIEWER, "演示查看"),
)


def create_demo_accounts(session: Session) -> list[str]:
    """On a demo site only: one account per role, all with DEMO_PASSWORD (the README says so)."""
    made = []
    for username, role, name in DEMO_USERS:
        existing = session.scalar(select(User).where(User.username == username))
        if existing is None or existing.password_hash is None:
            _create(session, None, username, DEMO_PASSWORD, role, name)
            made.append(username)
    session.commit()
    return made
