"""A bus of 40, from the transfer list to the batch's printed paper, by keyboard: keystrokes and wall time.

    QT_QPA_PLATFORM=offscreen python bench/batch_arrival.py            # the demo site (300 rooms, 30 days)
    QT_QPA_PLATFORM=offscreen python bench/batch_arrival.py --people 40 --rooms 300 --runs 3

The real main window, offscreen, driven with key presses only, as a desk would:
Ctrl+B (batch arrival) · Enter (打开名单…) · the file's name typed into the file dialog and Enter (the dialog is
the platform's own: its keys are counted, the name is handed over) · Enter (全部有效人员入住…, the confirmation
with the room plan) · Enter (确认入住) · Enter (打印本批表单). The time ends when the batch's one PDF — every
person's registration form and notice, their door cards and the hand-over list — reaches the print preview.
Background work runs on the app's own worker threads, as in the app. Each run starts on a fresh copy of the
demo site. A test (tests/test_batch_flow.py) drives the same path with :func:`drive`.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402

BENCH_NOW = datetime(2026, 11, 23, 15, 0, tzinfo=timezone(timedelta(hours=8)))
HEADER = ["序号", "姓名", "性别", "证件类型", "证件号码", "联系电话", "来源地", "人员类别", "末次暴露时间"]


def write_list(path: Path, n: int, seed: int = 40, today: Any = None) -> list[dict[str, Any]]:
    """A synthetic transfer list of ``n`` people as the CDC sends it (title row, header, rows), as .xlsx."""
    from openpyxl import Workbook

    from models.demo import synthetic
    from models.store.orm import Sex

    rng = random.Random(seed)
    people = [synthetic.person(rng, today or BENCH_NOW.date(), min_age=18, max_age=70) for _ in range(n)]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["XX区疫情防控指挥部 转运名单（批次 40）"])
    ws.append(HEADER)
    for i, p in enumerate(people, 1):
        sex = "男" if p["sex"] is Sex.MALE else "女"
        ws.append([i, p["name"], sex, "居民身份证", p["doc_number"], p["phone"], p["origin"], "密接", "11月22日 20:00"])
    wb.save(path)
    return people


@dataclass
class Run:
    keys: int  # key presses, the file name's included
    seconds: float  # wall time, Ctrl+B to the PDF in the preview
    pdf: bytes
    checked_in: int


def drive(
    window: Any, path: Path, *, settle: Callable[[Callable[[], bool]], None], shown: list[tuple[bytes, str]]
) -> Run:
    """Take the list at ``path`` from Ctrl+B to the batch's PDF by keyboard on ``window`` (a MainWindow whose
    ``show_pdf`` appends to ``shown``). ``settle(done)`` lets the event loop run until ``done()``."""
    from views.batch_dialog import BatchDialog

    keys = 0
    dialog: BatchDialog | None = None

    def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A key, where the desk's keys go: the focused widget (else the dialog's window, as Qt would)."""
        nonlocal keys
        keys += 1
        QTest.keyClick(QApplication.focusWidget() or dialog or window, key, modifier)

    def open_file(*_args: object, **_kwargs: object) -> tuple[str, str]:
        nonlocal keys
        keys += len(path.name) + 1  # the name typed into the platform's file dialog, then Enter
        return str(path), ""

    real = QFileDialog.getOpenFileName
    QFileDialog.getOpenFileName = staticmethod(open_file)  # type: ignore[method-assign]
    start = time.perf_counter()
    try:
        window.activateWindow()
        window.setFocus()
        before = len(shown)
        press(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        settle(lambda: window.findChild(BatchDialog) is not None)
        dialog = window.findChild(BatchDialog)
        assert dialog is not None
        settle(lambda: dialog.isAncestorOf(QApplication.focusWidget()))  # shown, and the keys go to it
        press(Qt.Key.Key_Return)  # 打开名单…
        settle(lambda: (dialog._ready and not dialog.busy()) or bool(dialog.error.text()))
        if not dialog._ready:
            raise RuntimeError(f"the list was not accepted: {dialog.error.text()} {dialog.summary.text()}")
        press(Qt.Key.Key_Return)  # 全部有效人员入住… : the confirmation
        settle(lambda: dialog.step() == dialog.CONFIRM)
        press(Qt.Key.Key_Return)  # 确认入住
        settle(lambda: dialog.step() == dialog.SUMMARY)
        standing = window.statusBar().currentMessage()
        press(Qt.Key.Key_Return)  # 打印本批表单
        settle(lambda: len(shown) > before or window.statusBar().currentMessage() not in (standing, ""))
        if len(shown) == before:
            raise RuntimeError(f"nothing was printed: {window.statusBar().currentMessage()}")
        seconds, counted = time.perf_counter() - start, keys
        n = len(dialog.stays)
        press(Qt.Key.Key_Escape)  # done: not counted, the paper is printing
    finally:
        QFileDialog.getOpenFileName = real  # type: ignore[method-assign]
    return Run(counted, seconds, shown[-1][0], n)


def _settle(app: QApplication, limit: float = 120.0) -> Callable[[Callable[[], bool]], None]:
    def settle(done: Callable[[], bool]) -> None:
        end = time.perf_counter() + limit
        while not done():
            if time.perf_counter() > end:
                focus = QApplication.focusWidget()
                text = focus.text() if hasattr(focus, "text") else ""
                raise TimeoutError(f"the desk waited too long (focus: {type(focus).__name__} {text})")
            app.processEvents()
            time.sleep(0.005)

    return settle


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, default=40)
    ap.add_argument("--rooms", type=int, default=300)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)

    from pypdf import PdfReader
    from PySide6.QtCore import QSettings

    from models import clock
    from models.demo.builder import build_demo
    from models.store.db import open_database, session_factory
    from models.store.orm import User
    from views import main_window as main_window_module
    from views.application import make_app
    from views.context import AppContext
    from views.main_window import MainWindow
    from views.tasks import TaskRunner

    clock.set_clock(clock.FixedClock(BENCH_NOW))
    os.environ[clock.ENV] = BENCH_NOW.isoformat()
    tmp = Path(tempfile.mkdtemp(prefix="isodesk-bench-batch-"))
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "zh_CN")
    app = make_app(settings=settings)
    shown: list[tuple[bytes, str]] = []
    main_window_module.show_pdf = lambda parent, pdf, title: shown.append((pdf, title))  # type: ignore[assignment]
    template = tmp / "demo.sqlite3"
    engine = open_database(f"sqlite:///{template}")
    build_demo(engine, rooms=args.rooms, days=args.days, seed=1, now=BENCH_NOW)
    engine.dispose()
    listed = tmp / "bus40.xlsx"
    write_list(listed, args.people)
    runs: list[Run] = []
    for i in range(args.runs):
        db = tmp / f"run{i}.sqlite3"
        shutil.copy(template, db)
        engine = open_database(f"sqlite:///{db}")
        sessions = session_factory(engine)
        with sessions() as s:
            user = s.query(User).filter_by(username="demo").one()
            s.expunge(user)
        ctx = AppContext(
            sessions=sessions, engine=engine, user=user, settings=settings, language="zh_CN", tasks=TaskRunner()
        )
        window = MainWindow(ctx)
        window.resize(1600, 900)
        window.show()
        QTest.qWaitForWindowExposed(window)
        runs.append(drive(window, listed, settle=_settle(app), shown=shown))
        window.timer.stop()
        window.backup_timer.stop()
        ctx.tasks.wait(60_000)
        window.deleteLater()
        app.processEvents()
        engine.dispose()
    pages = len(PdfReader(io.BytesIO(runs[-1].pdf)).pages)
    seconds = [r.seconds for r in runs]
    print(f"batch arrival, {args.people} people, demo site ({args.rooms} rooms, {args.days} days), {len(runs)} runs")
    print(f"  keystrokes: {runs[-1].keys} (the file name {len(listed.name)} + Enter among them)")
    print(f"  wall time, Ctrl+B to the batch's PDF in the preview: median {statistics.median(seconds):.1f} s "
          f"(spread {min(seconds):.1f}–{max(seconds):.1f} s)")  # fmt: skip
    print(f"  checked in: {runs[-1].checked_in}; the batch's PDF: {pages} pages")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
