"""Small helpers shared by tests (not fixtures)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.store.orm import AuditEntry, Room, RoomState, User

ROOT = Path(__file__).resolve().parents[1]


def free_rooms(session: Session, n: int | None = None, beds: int = 1) -> list[Room]:
    q = select(Room).where(Room.state == RoomState.AVAILABLE, Room.beds == beds).order_by(Room.id)
    rooms = list(session.scalars(q))
    return rooms if n is None else rooms[:n]


def count(session: Session, entity: type) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(entity)) or 0


def audit_actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


CLI_PASSWORD = "cli pass 123"


def cli_account(db: object, username: str = "clerk", role: str = "admin") -> dict[str, str]:
    """An account in the database at ``db`` (a path or URL) for the command line to sign in as; returns the
    environment that signs in with it (ISODESK_USER, ISODESK_PASSWORD)."""
    from models.services.accounts import create_user
    from models.store.db import make_engine, session_factory
    from models.store.orm import Role

    engine = make_engine(db)  # type: ignore[arg-type]
    try:
        with session_factory(engine)() as s:
            if s.scalar(select(func.count()).select_from(User).where(User.username == username)) == 0:
                create_user(s, None, username, CLI_PASSWORD, Role(role), username)
    finally:
        engine.dispose()
    return {"ISODESK_USER": username, "ISODESK_PASSWORD": CLI_PASSWORD}


def run_app(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python app.py ARGS`` in a subprocess, with extra environment variables (no terminal: a password
    comes from ISODESK_PASSWORD or is refused)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **env},
    )


def query_plans(session: Session, run: Callable[[], object]) -> list[tuple[str, str]]:
    """Each statement ``run`` executes on ``session``'s SQLite connection with SQLite's plan for it
    (EXPLAIN QUERY PLAN, the steps joined by " | "), to assert that a read seeks instead of scanning."""
    from sqlalchemy import event

    connection = session.connection()
    seen: list[tuple[str, object]] = []

    def note(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, parameters))

    event.listen(connection, "before_cursor_execute", note)
    try:
        run()
    finally:
        event.remove(connection, "before_cursor_execute", note)
    return [
        (sql, " | ".join(row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)))  # type: ignore[arg-type]
        for sql, params in seen
    ]
