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
