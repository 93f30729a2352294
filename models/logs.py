"""The log file: what a desk did and every unexpected error, in a rotating file in the user log folder.

`setup_logging()` once at start (GUI and CLI); it returns the log file's path, which the error
dialog and the About box name, or None when no log file could be written anywhere (they say so).
No Qt here: the command line uses it too.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from sqlalchemy.engine import make_url

from models.files import OWNER_ONLY, create_private, is_private_dir, private_dir, private_opener, tighten

ENV = "ISODESK_LOG_DIR"  # overrides the folder (tests, a portable install)
LOG_NAME = "isodesk.log"
CRASH_NAME = "crash.log"  # faulthandler's output: a hard crash (segfault, fatal error) leaves its stack here
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(process)d %(name)s: %(message)s"

log = logging.getLogger("isodesk")
_state: dict[str, Any] = {}


def log_dir() -> Path:
    """Where the log goes: $ISODESK_LOG_DIR, else the user log folder (e.g. ~/.local/state/IsoDesk/log)."""
    folder = os.environ.get(ENV)
    if folder:
        return Path(folder).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir("IsoDesk", "IsoDesk"))


def log_file() -> Path | None:
    """The log file set up in this process; None before :func:`setup_logging`, or when it could write none."""
    path = _state.get("path")
    return path if isinstance(path, Path) else None


def logging_set_up() -> bool:
    """Whether :func:`setup_logging` ran (with or without a file: see :func:`log_file`)."""
    return "handler" in _state


def setup_logging(folder: Path | str | None = None, *, level: int = logging.INFO) -> Path | None:
    """A rotating log file (1 MB × 5, UTF-8) for the "isodesk" loggers; faulthandler (a hard crash's
    stack) into crash.log beside it unless it is on already. Returns the file's path.

    Idempotent for the same folder; a different folder moves the handler there. Never fails the start:
    an unwritable folder falls back to the temporary folder, and when that fails too the app runs
    without a log: None (no path is named for a file that does not exist).

    The log names people and rooms: its files are 0600 and the folders made for it 0700 (a log file of
    ours found wider is tightened, and that is logged).
    """
    target = Path(folder).expanduser() if folder is not None else log_dir()
    path = target / LOG_NAME
    if _state.get("path") == path:
        return path
    teardown_logging()
    written: Path | None = path  # None: nowhere to write
    try:
        private_dir(target)
        handler: logging.Handler = _file_handler(path)
    except OSError:
        try:
            target = _temporary_log_dir()
            written = path = target / LOG_NAME
            handler = _file_handler(path)
        except OSError:  # nowhere to write: run without a log rather than not at all
            handler = logging.NullHandler()
            written = None
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(level)
    _state.update(path=written, handler=handler)
    if written is not None:
        for old in [written, *(Path(f"{written}.{n}") for n in range(1, BACKUPS + 1)), target / CRASH_NAME]:
            if tighten(old):  # written by an older version, readable by others
                log.warning("%s was readable by others: now by its owner only (0600)", old)
    if written is not None and not faulthandler.is_enabled():  # already on (-X faulthandler, pytest): its file
        try:
            # kept open for the process
            crash: IO[str] = open(target / CRASH_NAME, "a", encoding="utf-8", opener=private_opener)
            faulthandler.enable(file=crash, all_threads=True)
            _state["crash"] = crash
        except (OSError, ValueError, RuntimeError):
            pass
    return written


def _file_handler(path: Path) -> logging.Handler:
    """The rotating log file, 0600: created so before the handler opens it, and again at each rollover."""
    created = create_private(path)
    try:
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        if created:  # no empty file is left where no log could be written
            path.unlink(missing_ok=True)
        raise
    handler.rotator = _rotate_private
    return handler


def _rotate_private(source: str, dest: str) -> None:
    """The handler's rollover (isodesk.log → isodesk.log.1), then the new isodesk.log made 0600 before
    the handler opens it."""
    if os.path.exists(source):
        os.rename(source, dest)
    create_private(source)


def _temporary_log_dir() -> Path:
    """The fallback folder in the shared temporary folder: one of this user's, nobody else may write
    in it (a folder of that name someone else made, or left open, is not used: a new private one is)."""
    import tempfile

    shared = Path(tempfile.gettempdir()) / (f"IsoDesk-log-{os.getuid()}" if OWNER_ONLY else "IsoDesk-log")
    try:
        private_dir(shared)
        if is_private_dir(shared):
            return shared
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="IsoDesk-log-"))


def teardown_logging() -> None:
    """Remove what setup_logging installed (tests; moving the log elsewhere)."""
    handler = _state.pop("handler", None)
    if isinstance(handler, logging.Handler):
        log.removeHandler(handler)
        handler.close()
    crash = _state.pop("crash", None)
    if crash is not None:
        faulthandler.disable()
        crash.close()
    _state.pop("path", None)


def masked(url: object) -> str:
    """A database URL or path for the log and the screen: the password never shows."""
    text = str(url)
    if "://" not in text:
        return text
    try:
        return make_url(text).render_as_string(hide_password=True)
    except Exception:  # not a URL after all: show nothing secret
        return text.split("://", 1)[0] + "://…"


def log_exception(what: str, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """Log an unexpected exception with its traceback; returns the traceback text."""
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("%s: %s\n%s", what, exc_type.__name__, text.rstrip())
    return text
