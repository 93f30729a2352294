"""Audit entries and the one-action-one-transaction rule for service functions."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models import permissions
from models.errors import DomainError
from models.store.orm import AuditEntry, User
from models.store.orm.base import jsonable

P = ParamSpec("P")
R = TypeVar("R")


def snapshot(obj: Any) -> dict[str, Any]:
    """The column values of an entity, ready to store as JSON."""
    mapper = sa_inspect(obj).mapper
    return {c.key: jsonable(getattr(obj, c.key)) for c in mapper.column_attrs}


def record(
    session: Session,
    actor: User | None,
    action: str,
    obj: Any,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    *,
    person_id: int | None = None,
    room_id: int | None = None,
    note: str | None = None,
) -> AuditEntry:
    """Append an audit entry. ``after`` defaults to the object's current state (flushed)."""
    session.flush()
    if after is None and obj is not None:
        after = snapshot(obj)
    if before is not None and after is not None:
        # store only what changed, plus the id, to keep entries readable
        changed = {k for k in after if before.get(k) != after.get(k)}
        changed.add("id")
        before = {k: v for k, v in before.items() if k in changed}
        after = {k: v for k, v in after.items() if k in changed}
    entry = AuditEntry(
        user_id=actor.id if actor is not None else None,
        action=action,
        entity=obj.__tablename__ if obj is not None else "",
        entity_id=getattr(obj, "id", None),
        person_id=person_id if person_id is not None else getattr(obj, "person_id", None),
        room_id=room_id if room_id is not None else getattr(obj, "room_id", None),
        before=before,
        after=after,
        note=note,
    )
    session.add(entry)
    return entry


REGISTERED: list[str] = []  # every @transactional service, "module.function"


def transactional(fn: Callable[P, R]) -> Callable[P, R]:
    """One service call = one transaction: commit on success, roll back everything on failure.

    The first positional argument must be the Session. Service calls made inside another
    service join the outer transaction. Database races (a bed taken by another desk in the
    meantime, an edit over a stale version) become DomainErrors. The acting user (second
    argument) must hold the service's permission (models/permissions.py) or nothing runs.
    """
    name = f"{fn.__module__}.{fn.__qualname__}"
    REGISTERED.append(name)

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        session = args[0]
        assert isinstance(session, Session)
        permissions.check(name, args[1] if len(args) > 1 else kwargs.get("actor"))
        if session.info.get("in_service"):
            return fn(*args, **kwargs)
        session.info["in_service"] = True
        try:
            if not session.in_transaction():
                session.connection(execution_options={"isodesk_write": True})
            result = fn(*args, **kwargs)
            session.commit()
            return result
        except StaleDataError as exc:
            session.rollback()
            raise DomainError("stale") from exc
        except IntegrityError as exc:
            session.rollback()
            raise DomainError("conflict") from exc
        except OperationalError as exc:
            session.rollback()
            if "locked" in str(exc) or "could not serialize" in str(exc):
                raise DomainError("conflict") from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.info["in_service"] = False

    return wrapper
