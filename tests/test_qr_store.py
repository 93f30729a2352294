"""A stay's QR code is encoded once and kept (printing/qr.py): in the process, and in the store the app and
the CLI keep in the user's cache folder. What the store gives back must be an inline image and nothing else."""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path

import pytest

from models.services.arrivals import register_arrival
from printing import qr
from tests.conftest import NOW, local
from tests.helpers import cli_account, free_rooms, run_app

ENCODE = qr.inline_image  # the encoder itself (the fixture counts its calls)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the QR encoder is asked for, with nothing kept from earlier tests."""
    made: list[str] = []

    def counting(text: str) -> str:
        made.append(text)
        return ENCODE(text)

    monkeypatch.setattr(qr, "inline_image", counting)
    qr.forget()
    yield made
    qr.forget()


def test_a_code_is_encoded_once_and_is_the_same_code(counted: list[str]) -> None:
    texts = [f"ISODESK:STAY:{n}" for n in range(1, 21)]
    first = qr.inline_images(texts + texts[:5])  # a text twice in one call: encoded once
    assert counted == texts
    assert qr.inline_images(reversed(texts)) == first
    assert counted == texts  # nothing encoded the second time
    assert first == {t: ENCODE(t) for t in texts}  # what the encoder makes, text by text


def test_the_store_keeps_codes_between_processes(tmp_path: Path, counted: list[str]) -> None:
    store = tmp_path / "qr.sqlite3"
    qr.use_store(store)
    texts = [f"ISODESK:STAY:{n}" for n in range(100, 130)]
    first = qr.inline_images(texts)
    assert len(counted) == 30 and store.is_file()
    qr.forget()  # as a new process: nothing in memory
    assert qr.inline_images(texts) == first
    assert len(counted) == 30  # all read back from the store
    qr.forget()
    qr.inline_images([*texts, "ISODESK:STAY:999"])
    assert counted[30:] == ["ISODESK:STAY:999"]  # only the new one encoded


@pytest.mark.parametrize(
    "crafted",
    [
        "BT /F1 12 Tf (Released: negative) Tj ET",  # text, not an image
        "BI /W 100 /H 100 /BPC 1 /CS /G /F [/A85 /Fl] ID\nabc~>\nEI Q BT (x) Tj ET q",  # an image, then text
        "BI /W 100 /H 90 /BPC 1 /CS /G /F [/A85 /Fl] ID\nabc~>\nEI",  # not square
        "BI /W 100 /H 100 /BPC 1 /CS /G /F [/A85 /Fl] ID\n(x) Tj~>\nEI",  # not ASCII85
    ],
)
def test_a_crafted_store_puts_nothing_in_the_pdf_and_the_code_is_made_again(
    tmp_path: Path, counted: list[str], crafted: str
) -> None:
    store = tmp_path / "qr.sqlite3"
    qr.use_store(store)
    qr.inline_images(["ISODESK:STAY:5"])
    genuine = ENCODE("ISODESK:STAY:5")
    with sqlite3.connect(store) as con:
        con.execute("UPDATE code SET image = ? WHERE text = 'ISODESK:STAY:5'", (crafted,))
    qr.forget()
    counted.clear()
    assert qr.inline_images(["ISODESK:STAY:5"]) == {"ISODESK:STAY:5": genuine}
    assert counted == ["ISODESK:STAY:5"]
    with sqlite3.connect(store) as con:  # and the store holds the genuine code again
        assert con.execute("SELECT image FROM code WHERE text = 'ISODESK:STAY:5'").fetchone() == (genuine,)


def test_a_store_that_is_not_a_database_is_left_alone(
    tmp_path: Path, counted: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    store = tmp_path / "qr.sqlite3"
    store.write_bytes(b"not a database at all\x00" * 100)
    qr.use_store(store)
    with caplog.at_level(logging.WARNING, logger="printing.qr"):
        got = qr.inline_images(["ISODESK:STAY:1", "ISODESK:STAY:2"])
    assert got == {t: ENCODE(t) for t in ("ISODESK:STAY:1", "ISODESK:STAY:2")}
    assert store.read_bytes() == b"not a database at all\x00" * 100  # not overwritten
    assert "not read" in caplog.text


def test_the_store_drops_its_oldest_half_past_its_limit(
    tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(qr, "STORE_LIMIT", 10)
    store = tmp_path / "qr.sqlite3"
    qr.use_store(store)
    qr.inline_images([f"ISODESK:STAY:{n}" for n in range(1, 9)])  # printed first
    qr.inline_images([f"ISODESK:STAY:{n}" for n in range(9, 13)])  # then 12 in all: past the limit
    with sqlite3.connect(store) as con:
        kept = {t for (t,) in con.execute("SELECT text FROM code")}
    assert kept == {f"ISODESK:STAY:{n}" for n in range(9, 13)} | {f"ISODESK:STAY:{n}" for n in range(7, 9)}


def test_the_memory_is_bounded(counted: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qr, "MEMORY", 5)
    qr.inline_images([f"ISODESK:STAY:{n}" for n in range(1, 9)])
    assert len(qr._kept.memory) == 5
    counted.clear()
    qr.inline_images(["ISODESK:STAY:8", "ISODESK:STAY:1"])
    assert counted == ["ISODESK:STAY:1"]  # the newest kept, the oldest dropped


def test_the_cli_keeps_the_codes_in_its_cache_folder(
    tmp_path: Path, cache_folder: Path, engine, session, site, desk, make_arrival
) -> None:
    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("the CLI test uses the SQLite file")
    arrived = local(2026, 11, 20, 15)
    people = [register_arrival(session, desk, make_arrival("inbound", arrived_at=arrived), r.id, now=NOW)
              for r in free_rooms(session, 4)]  # fmt: skip
    db = str(engine.url.database)
    signed = cli_account(db, "clerk", "desk")
    out = tmp_path / "sheets.pdf"
    done = run_app("print", "daily-sheets", "--db", db, "--date", "2026-11-23", "-o", str(out), **signed)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(cache_folder / qr.STORE_NAME) as con:
        texts = {t for (t,) in con.execute("SELECT text FROM code")}
    assert texts == {f"ISODESK:STAY:{p.id}" for p in people}  # everyone on the sheets, each kept once
    printed = _images(out)
    assert len(printed) == len(texts)  # a code per row
    again = run_app("print", "daily-sheets", "--db", db, "--date", "2026-11-23", "-o", str(out), **signed)
    assert again.returncode == 0, again.stderr
    assert _images(out) == printed  # the same codes, read back from the store


def _images(pdf: Path) -> list[bytes]:
    """The inline images in the pages' content, in order."""
    from pypdf import PdfReader

    content = b"".join(page.get_contents().get_data() for page in PdfReader(pdf).pages)  # type: ignore[union-attr]
    return re.findall(rb"BI /W .*?\nEI", content, re.S)
