"""What went wrong, in words a desk user can act on: the one classifier of failures, shared by the
command line (one line and exit 2) and the GUI (the database dialog at start, file errors of
background tasks). A known failure becomes a DomainError with its zh and en message; None means
"unexpected" (a bug: the caller logs it and says so). No Qt here.
"""

from __future__ import annotations

import errno
import os
import sqlite3

from models.errors import Coded, DomainError

# errno -> the reason in Chinese (the English is the system's own strerror)
OS_REASONS_ZH = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "只读文件系统",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EEXIST: "已存在",
    errno.EFBIG: "文件过大",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EIO: "读写错误",
}


def first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return (lines[0] if lines else type(exc).__name__)[:300]


def db_label(db: str | None) -> str:
    """The database as the user named it (a password in a URL masked)."""
    try:
        from sqlalchemy.engine import make_url

        from models.store.db import to_url

        url = make_url(to_url(db))
        if url.get_backend_name() == "sqlite":
            return url.database or ":memory:"
        return url.render_as_string(hide_password=True)
    except Exception:  # not a URL: name it as given
        return str(db)


def os_error(exc: OSError) -> DomainError:
    reason = exc.strerror or (os.strerror(exc.errno) if exc.errno else "") or first_line(exc)
    reason_zh = OS_REASONS_ZH.get(exc.errno or 0, "系统错误")
    paths = [os.fspath(p) for p in (exc.filename, exc.filename2) if p is not None]
    said = Coded(reason, reason_zh, reason)  # the system's words in English, ours in Chinese
    if not paths:
        return DomainError("system_error", reason=said)
    return DomainError("os_error", reason=said, path=" → ".join(map(str, paths)))


def sqlite_error(exc: BaseException, db: str | None) -> DomainError:
    detail = first_line(exc)
    low = detail.lower()
    if "not a database" in low or "malformed" in low or "encrypted" in low:
        return DomainError("db_corrupt", db=db_label(db), detail=detail)
    if "disk is full" in low:
        return DomainError("disk_full", detail=detail)
    if "unable to open" in low:
        return DomainError("db_unreachable", detail=f"{detail}: {db_label(db)}")
    return DomainError("db_error", detail=detail)


def explain(exc: BaseException, db: str | None = None) -> DomainError | None:
    """The one-line message for a failure, or None when it is unexpected (a bug: logged)."""
    from sqlalchemy.exc import ArgumentError, DBAPIError

    if isinstance(exc, DomainError):
        return exc
    if isinstance(exc, OSError):
        return os_error(exc)
    if isinstance(exc, sqlite3.Error):
        return sqlite_error(exc, db)
    if isinstance(exc, ArgumentError):  # not a URL SQLAlchemy can use (or a driver not installed)
        return DomainError("db_url_invalid", detail=first_line(exc))
    if isinstance(exc, DBAPIError):
        if isinstance(exc.orig, sqlite3.Error):
            return sqlite_error(exc.orig, db)
        if exc.statement is None:  # raised while connecting: the server is down, unknown, or refused us
            return DomainError("db_unreachable", detail=first_line(exc.orig or exc))
        return DomainError("db_error", detail=first_line(exc.orig or exc))
    return None
