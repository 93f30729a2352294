"""Is the database there? Telling "the database does not answer" from a bug, for the GUI (no Qt here).

Views import no SQLAlchemy (tests/test_architecture.py): they catch :data:`UNREACHABLE` and ask
:func:`start_problem` / :func:`reason` from here.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from models import failures
from models.errors import DomainError

# a read that fails with one of these means the server, the network or the file is gone: retry later
UNREACHABLE: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


def reason(exc: BaseException) -> str:
    """The driver's own first line (``connection refused``…), without SQLAlchemy's wrapping and SQL."""
    return failures.first_line(getattr(exc, "orig", None) or exc)


def is_unreachable(exc: BaseException) -> bool:
    if isinstance(exc, DomainError):
        return exc.code == "db_unreachable"
    return isinstance(exc, UNREACHABLE)


def start_problem(exc: BaseException, language: str) -> str | None:
    """Why the database could not be opened at start, in the user's language; None when ``exc`` is not
    a database problem (a bug: the caller lets it through to the error dialog). The words are the
    command line's (models/failures.py); a failed read while connecting counts as "unreachable"."""
    known = failures.explain(exc)
    if known is None or (known.code == "db_error" and isinstance(exc, OperationalError)):
        if isinstance(exc, SQLAlchemyError | sqlite3.Error):
            known = DomainError("db_unreachable", detail=reason(exc))
        elif isinstance(exc, ValueError):  # not a URL IsoDesk can use
            known = DomainError("db_url_invalid", detail=reason(exc))
    return known.message(language) if known is not None else None
