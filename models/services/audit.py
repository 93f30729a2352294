"""Audit entries and the one-action-one-transaction rule for service functions."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.orm.exc import StaleDataError

from models import clock, permissions
from models.errors import DomainError
from models.services.audit_fields import KEPT, MASKED
from models.store import audit_guard, new_ids
from models.store.orm import AuditEntry, User
from models.store.orm.base import jsonable

P = ParamSpec("P")
R = TypeVar("R")
E = TypeVar("E", bound=BaseException)


@dataclass(frozen=True)
class Masked:
    """A kept identifier: compared by its real value (so a change in the hidden digits still counts as a
    change), stored only as its mask."""

    real: Any
    shown: str

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Masked) and other.real == self.real

    def __hash__(self) -> int:
        return hash(self.real)


def snapshot(obj: Any) -> dict[str, Any]:
    """The audited column values of an entity (models/services/audit_fields.py): only what the allow-list
    keeps, identifiers masked; a column it does not name is left out."""
    table = obj.__tablename__
    kept = KEPT.get(table, frozenset())
    out: dict[str, Any] = {}
    for c in sa_inspect(obj).mapper.column_attrs:
        if c.key not in kept:
            continue
        value = jsonable(getattr(obj, c.key))
        mask = MASKED.get((table, c.key))
        out[c.key] = Masked(value, mask(value)) if mask is not None and value else value
    return out


def _stored(values: dict[str, Any] | None, table: str) -> dict[str, Any] | None:
    """What goes into the entry: allow-listed keys only (also of hand-made dicts), masks instead of values."""
    if values is None:
        return None
    kept = KEPT.get(table, frozenset())
    out: dict[str, Any] = {}
    for k, value in values.items():
        if k not in kept:
            continue
        mask = MASKED.get((table, k))
        if isinstance(value, Masked):
            out[k] = value.shown
        elif mask is not None and isinstance(value, str) and value:
            out[k] = mask(value)
        else:
            out[k] = value
    return out


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
    """Append an audit entry. ``after`` defaults to the object's current state (flushed).

    The entry is stored when the transaction commits (:func:`append_pending`), chained after the newest
    entry then: until then it has no id, and a rollback drops it with the rest of the action."""
    session.flush()
    session.connection()  # in a transaction from here: the entry is this transaction's, its rollback drops it
    if after is None and obj is not None:
        after = snapshot(obj)
    if before is not None and after is not None:
        # store only what changed, plus the id, to keep entries readable
        changed = {k for k in after if before.get(k) != after.get(k)}
        changed.add("id")
        before = {k: v for k, v in before.items() if k in changed}
        after = {k: v for k, v in after.items() if k in changed}
    table = obj.__tablename__ if obj is not None else ""
    before, after = _stored(before, table), _stored(after, table)
    entry = AuditEntry(
        at=clock.now(),
        user_id=actor.id if actor is not None else None,
        action=action,
        entity=table,
        entity_id=getattr(obj, "id", None),
        person_id=person_id if person_id is not None else getattr(obj, "person_id", None),
        room_id=room_id if room_id is not None else getattr(obj, "room_id", None),
        before=before,
        after=after,
        note=_fitted(note),
    )
    session.info.setdefault(PENDING, []).append(entry)
    return entry


PENDING = "isodesk_audit_pending"  # session.info: the entries record() made in this transaction, in order


def append_pending(session: Session) -> None:
    """Store the entries :func:`record` made in this transaction, each chained to the one before it
    (models/store/audit_guard.py). Run last, right before the commit (by the service transaction, else by
    the session's ``before_commit``): the action's own rows are flushed first, so on PostgreSQL the trail's
    advisory lock is taken after every row lock the action needs and held only for these INSERTs."""
    entries = session.info.pop(PENDING, None)
    if not entries:
        return
    session.flush()
    previous = audit_guard.last_chain(session)
    for entry in entries:
        entry.chain = previous = audit_guard.link(previous, audit_guard.entry_values(entry))
    # one flush: the unit of work inserts them in the order added (on PostgreSQL one INSERT … SELECT … ORDER BY
    # of the rows' order), so their ids come in the chain's order; on SQLite they are given those ids first,
    # and go in as one batch rather than one INSERT … RETURNING each
    new_ids.assign(session, entries)
    session.add_all(entries)
    session.flush()


@event.listens_for(Session, "before_commit")
def _append_before_commit(session: Session) -> None:
    append_pending(session)  # entries recorded outside a service (the demo builder, a test)


@event.listens_for(Session, "after_transaction_end")
def _drop_pending(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # committed (then already appended), rolled back or closed
        session.info.pop(PENDING, None)


NOTE_LIMIT = 400  # AuditEntry.note's column


def _fitted(note: str | None) -> str | None:
    """A note that fits its column: one quoting a long reason is shortened, never a refused action."""
    if note is None or len(note) <= NOTE_LIMIT:
        return note
    return note[: NOTE_LIMIT - 1] + "…"


REGISTERED: list[str] = []  # every @transactional service, "module.function"

COMMITS = "isodesk_service_commits"  # session.info: how many service transactions this session committed
MARK = "isodesk_rolled_back"  # the attribute set on an exception that left a service: a RolledBack


@dataclass(frozen=True)
class RolledBack:
    """What an exception that left a service's outermost transaction carries (``rolled_back(exc)``).

    ``service``: the service whose transaction was rolled back; ``earlier_commits``: how many service
    transactions the same session had committed before it. One GUI action uses one session, so when a
    view ran several services in a row and the last one failed, ``earlier_commits`` says the first ones
    are saved: only with none is "nothing was saved" true. ``in_commit``: the COMMIT itself failed (a
    connection lost then may have committed or not): nobody can say.
    """

    service: str
    earlier_commits: int
    in_commit: bool = False

    @property
    def nothing_saved(self) -> bool:
        return self.earlier_commits == 0 and not self.in_commit


def rolled_back(exc: BaseException) -> RolledBack | None:
    """The mark of the service transaction ``exc`` rolled back, or None: it did not leave a service."""
    mark = getattr(exc, MARK, None)
    return mark if isinstance(mark, RolledBack) else None


def _marked(exc: E, service: str, session: Session, in_commit: bool) -> E:
    try:
        setattr(exc, MARK, RolledBack(service, int(session.info.get(COMMITS, 0)), in_commit))
    except (AttributeError, TypeError):  # an exception type without a __dict__: it goes unmarked
        pass
    return exc


def transactional(permission: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """``@transactional("arrivals")``: one service call = one transaction, for holders of a permission.

    Commit on success, roll back everything on failure. The first positional argument must be the
    Session, the second the acting user (``None`` is the system itself: the demo builder, migrations).
    Service calls made inside another service join the outer transaction. Inside the transaction,
    before the service body runs, the acting user's *current* role and ``active`` flag are read from
    the database (models/permissions.py): a user disabled or demoted at another desk is refused at
    once, whatever the ``User`` object in memory says. Database races (a bed taken by another desk
    in the meantime, an edit over a stale version) become DomainErrors. Whatever leaves the
    outermost transaction after its rollback carries a :class:`RolledBack` (``rolled_back(exc)``),
    which the error dialog reads to tell whether nothing was saved.
    """
    if permission not in permissions.PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        name = f"{fn.__module__}.{fn.__qualname__}"
        REGISTERED.append(name)
        permissions.SERVICES[name] = permission
        return _transaction(fn, name, permission)

    return decorate


def _transaction(fn: Callable[P, R], name: str, permission: str) -> Callable[P, R]:
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        session = args[0]
        assert isinstance(session, Session)
        actor = args[1] if len(args) > 1 else kwargs.get("actor")
        if session.info.get("in_service"):
            permissions.check(session, actor, permission)  # a service within a service: its own gate
            return fn(*args, **kwargs)
        session.info["in_service"] = True
        committing = False
        try:
            if not session.in_transaction():
                session.connection(execution_options={"isodesk_write": True})
            permissions.check(session, actor, permission)  # the role as it is now, in this transaction
            result = fn(*args, **kwargs)
            append_pending(session)  # the action's audit entries, chained
            session.flush()  # a refused write fails here, surely not saved; ...
            committing = True  # ... past this point only the COMMIT itself can fail
            session.commit()
            session.info[COMMITS] = int(session.info.get(COMMITS, 0)) + 1
            return result
        except StaleDataError as exc:
            session.rollback()
            raise _marked(DomainError("stale"), name, session, committing) from exc
        except IntegrityError as exc:
            session.rollback()
            raise _marked(DomainError("conflict"), name, session, committing) from exc
        except OperationalError as exc:
            session.rollback()
            if any(word in str(exc) for word in ("locked", "could not serialize", "deadlock detected")):
                raise _marked(DomainError("conflict"), name, session, committing) from exc
            _marked(exc, name, session, committing)
            raise
        except BaseException as exc:
            session.rollback()
            _marked(exc, name, session, committing)
            raise
        finally:
            session.info["in_service"] = False

    return wrapper
