"""Users. Until accounts with passwords arrive, the desktop acts as the operating-system login."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.store.orm import Role, User


def ensure_user(session: Session, username: str, role: Role = Role.DESK) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        user = User(username=username, display_name=username, role=role)
        session.add(user)
        session.commit()
    return user
