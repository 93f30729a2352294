"""The log file (models/logs.py): where it is, what goes in, never a password."""

from __future__ import annotations

import logging
import logging.handlers

from models import logs
from models.store.db import open_database


def read(path):
    for handler in logging.getLogger("isodesk").handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_the_log_is_a_rotating_utf8_file_in_the_folder_given(log_folder):
    path = logs.setup_logging()
    assert path == log_folder / "isodesk.log" and logs.log_file() == path
    assert logs.setup_logging() == path  # once: a second call adds no second handler
    handlers = [h for h in logging.getLogger("isodesk").handlers if isinstance(h, logging.FileHandler)]
    assert len(handlers) == 1
    handler = handlers[0]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert (handler.maxBytes, handler.backupCount, handler.encoding) == (1_000_000, 5, "utf-8")
    logging.getLogger("isodesk.test").info("登记 ok")
    assert "登记 ok" in read(path)


def test_when_no_log_can_be_written_anywhere_no_path_is_named(log_folder, monkeypatch):
    def unwritable(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(logging.handlers, "RotatingFileHandler", unwritable)  # the folder, then the temporary one
    assert logs.setup_logging() is None
    assert logs.log_file() is None and logs.logging_set_up()
    logging.getLogger("isodesk.test").warning("still runs")  # without a log rather than not at all
    assert not (log_folder / logs.LOG_NAME).exists()


def test_without_the_variable_it_is_the_user_log_folder(monkeypatch):
    from platformdirs import user_log_dir

    monkeypatch.delenv(logs.ENV, raising=False)
    assert logs.log_dir() == logs.Path(user_log_dir("IsoDesk", "IsoDesk"))


def test_opening_a_database_is_logged_without_its_password(log_folder, tmp_path):
    path = logs.setup_logging()
    engine = open_database(tmp_path / "desk.sqlite3")
    engine.dispose()
    text = read(path)
    assert "database opened: sqlite:///" in text and "desk.sqlite3" in text
    assert logs.masked("postgresql://desk:s3cret@db.example/isodesk") == "postgresql://desk:***@db.example/isodesk"
    assert logs.masked("/plain/path.sqlite3") == "/plain/path.sqlite3"


def test_an_exception_is_logged_with_its_traceback(log_folder):
    path = logs.setup_logging()
    try:
        raise ValueError("bad tile")
    except ValueError as exc:
        text = logs.log_exception("while painting", type(exc), exc, exc.__traceback__)
    assert "Traceback" in text and "bad tile" in text
    logged = read(path)
    assert "while painting: ValueError" in logged and "raise ValueError" in logged


def test_backups_are_logged(log_folder, tmp_path):
    from models.store.backup import backup_now

    path = logs.setup_logging()
    engine = open_database(tmp_path / "desk.sqlite3")
    copy = backup_now(engine, tmp_path / "backups")
    engine.dispose()
    assert f"to {copy}" in read(path)


def test_the_log_files_and_the_folder_made_for_them_are_owner_only(tmp_path, monkeypatch):
    import os
    import stat

    import pytest

    if os.name == "nt":
        pytest.skip("Windows has no file modes")
    old_umask = os.umask(0o022)  # the usual one: without care, a new log would be 0644 in a 0755 folder
    try:
        folder = tmp_path / "state" / "log"
        path = logs.setup_logging(folder)
        assert path is not None
        logging.getLogger("isodesk.test").info("first line")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
        handler = next(h for h in logging.getLogger("isodesk").handlers if isinstance(h, logging.FileHandler))
        monkeypatch.setattr(handler, "maxBytes", 200)
        for n in range(20):  # past a rollover or two
            logging.getLogger("isodesk.test").info("line %d %s", n, "x" * 50)
        rotated = sorted(folder.glob("isodesk.log*"))
        assert len(rotated) > 1
        assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in rotated} == {p.name: 0o600 for p in rotated}
    finally:
        os.umask(old_umask)


def test_an_older_log_readable_by_others_is_tightened_and_that_is_logged(tmp_path):
    import os
    import stat

    import pytest

    if os.name == "nt":
        pytest.skip("Windows has no file modes")
    old = tmp_path / logs.LOG_NAME
    old.write_text("written by an older version\n", encoding="utf-8")
    old.chmod(0o644)
    path = logs.setup_logging(tmp_path)
    assert path == old and stat.S_IMODE(old.stat().st_mode) == 0o600
    assert "was readable by others: now by its owner only" in read(path)


def test_the_fallback_in_the_temporary_folder_is_never_someone_elses(tmp_path, monkeypatch):
    import os
    import tempfile

    import pytest

    if os.name == "nt":
        pytest.skip("Windows has no file modes")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    planted = tmp_path / f"IsoDesk-log-{os.getuid()}"
    planted.mkdir()
    planted.chmod(0o777)  # open to all: another user could have put a link where the log goes
    unwritable = tmp_path / "file-not-folder"
    unwritable.write_text("x")
    path = logs.setup_logging(unwritable / "log")
    assert path is not None and path.parent != planted and path.parent.parent == tmp_path
    assert (path.parent.stat().st_mode & 0o077) == 0
