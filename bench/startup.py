"""Start-up as a desk sees it, WITH the login: the real app (``app.py`` → run_gui) on offscreen Qt.

    python bench/startup.py --db SITE.sqlite3 [--runs 5] [--page board]   # figures, medians
    python bench/startup.py --db SITE.sqlite3 --floors                    # the two floors only

Two figures per run, each a whole new process:

* **login dialog shown**: process start (the parent's clock just before it spawns the child) → the login
  dialog's first paint has been flushed;
* **board after the password**: Enter pressed on the password → the main window's start page (the board
  by default) painted. The user name and password are put into the real dialog's fields by this driver
  (a person typing is not counted), Enter ``--typing-ms`` after the dialog's paint (1 s: the fastest
  typist; 0: at once, the worst case). What the app does meanwhile (it imports the main window's modules
  while a person types) is before the Enter. From Enter on, everything is the app's own work: the
  password check, the window, its pages, the first paint.

Nothing in the app is changed for this: the child installs an event filter on the QApplication before
``app.main()`` runs and watches for paint events of the ``LoginDialog`` and of the board's viewport.
Each run gets a fresh settings folder (the start page is the board, the backup folder a temporary one) and
a shared cache folder: the first run is the first start on a PC (the theme's icons and style sheet are
made then) and is reported apart; the figures are the runs after it (every start after the first).

Floors, measured in the same run:

* login: a bare PySide6 process that shows an empty QDialog and waits for its first paint;
* board: the board's own questions with the bare sqlite3 module in a fresh process (the rooms with their
  floor, building, present stay and person, the change marker) — the data a painted board needs, without
  the window.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
T0_ENV = "ISODESK_BENCH_T0"
DEMO_USER, DEMO_PASSWORD = "admin", "demo1234"
TYPING_MS = 1000  # the fastest desk types a name and a password in a second or more; 0: Enter at once


# --- the child: the real app, watched ---------------------------------------------------------------------


def child(db: str, page: str, user: str, password: str, typing_ms: int) -> None:
    t0 = float(os.environ[T0_ENV])
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    marks: dict[str, float] = {}

    def done() -> None:
        marks["board"] = time.monotonic()
        marks["modules"] = float(len(sys.modules))
        print(json.dumps({"login": marks["login"] - t0, "board": marks["board"] - marks["enter"], "marks": marks}))
        sys.stdout.flush()
        os._exit(0)  # the exit backup and Qt's teardown are not the figure

    def type_password(dialog: QObject) -> None:
        from PySide6.QtTest import QTest

        dialog.username.setText(user)  # type: ignore[attr-defined]
        dialog.password.setText(password)  # type: ignore[attr-defined]
        dialog.password.setFocus()  # type: ignore[attr-defined]
        marks["enter"] = time.monotonic()
        QTest.keyClick(dialog.password, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                name = type(obj).__name__
                if "login" not in marks and name == "LoginDialog":
                    marks["login"] = time.monotonic()  # its paint begins: drawn in a few ms
                    QTimer.singleShot(typing_ms, lambda: type_password(obj))  # a person's typing time later
                elif "enter" in marks and "painted" not in marks:
                    parent = obj.parent()
                    if parent is not None and type(parent).__name__ == target:
                        marks["painted"] = 1.0
                        QTimer.singleShot(0, done)
            return False

    target = "RoomBoardView" if page == "board" else "MainWindow"
    app = QApplication([sys.argv[0]])  # make_app takes this one (QApplication.instance())
    watch = Watch()
    app.installEventFilter(watch)
    import app as isodesk

    code = isodesk.main(["--db", db])
    print(json.dumps({"error": f"the app ended ({code}) before the board was painted"}))
    sys.stdout.flush()
    os._exit(1)


# --- the floors --------------------------------------------------------------------------------------------

BARE_DIALOG = textwrap.dedent(
    """
    import os, sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QDialog
    t0 = float(os.environ[{env!r}])
    app = QApplication([])
    d = QDialog()
    class W(QObject):
        def eventFilter(self, obj, event):
            if obj is d and event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, lambda: (print(time.monotonic() - t0), sys.stdout.flush(), os._exit(0)))
            return False
    w = W()
    d.installEventFilter(w)
    d.exec()
    """
)

BOARD_SQL = textwrap.dedent(
    """
    import os, sqlite3, sys, time
    t = time.monotonic()
    con = sqlite3.connect(sys.argv[1])
    con.execute("select max(id) from audit_entry").fetchall()
    con.execute(
        "select r.id, b.name, f.name, r.number, r.state, p.name, s.planned_release from room r "
        "join floor f on f.id = r.floor_id join building b on b.id = f.building_id "
        "left join stay s on s.room_id = r.id and s.departed_at is null left join person p on p.id = s.person_id"
    ).fetchall()
    con.execute("select name from site limit 1").fetchall()
    print(time.monotonic() - t)
    """
)


def _spawn(args: list[str], env: dict[str, str]) -> str:
    env = dict(env, **{T0_ENV: repr(time.monotonic())})
    out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{args[:3]} failed ({out.returncode}): {out.stdout[-500:]} {out.stderr[-2000:]}")
    return out.stdout.strip().splitlines()[-1]


def admin_id(db: Path, user: str) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = con.execute("select id from app_user where username = ?", (user,)).fetchone()
    finally:
        con.close()
    if row is None:
        raise SystemExit(f"no account {user!r} in {db}")
    return int(row[0])


def _settings(home: Path, uid: int, page: str, backups: Path) -> None:
    """A fresh user settings file (QSettings(ORG, APP) under XDG_CONFIG_HOME): the start page and the backup
    folder. Written as Qt's ini format by hand: the parent does not import Qt."""
    folder = home / "config" / "IsoDesk"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "IsoDesk.conf").write_text(f"[backup]\ndir={backups}\n\n[main]\npage\\{uid}={page}\n")


def measure(
    db: Path,
    runs: int,
    *,
    page: str = "board",
    user: str = DEMO_USER,
    password: str = DEMO_PASSWORD,
    typing_ms: int = TYPING_MS,
) -> dict[str, list[float]]:
    """Samples: ``login`` and ``board`` (runs after the first), ``first_login``/``first_board`` (the first
    start, cold caches), and the floors ``login_floor`` / ``board_floor``."""
    home = Path(tempfile.mkdtemp(prefix="isodesk-start-"))
    try:
        uid = admin_id(db, user)
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_DATA_HOME=str(home / "data"),
        )
        env.setdefault("ISODESK_NOW", "2026-11-30T10:00:00+08:00")
        out: dict[str, list[float]] = {k: [] for k in ("login", "board", "first_login", "first_board")}
        out.update(login_floor=[], board_floor=[])
        me = [sys.executable, str(Path(__file__).resolve()), "--child", "--db", str(db), "--page", page]
        me += ["--user", user, "--password", password, "--typing-ms", str(typing_ms)]
        for i in range(runs + 1):
            _settings(home, uid, page, home / "backups")
            got = json.loads(_spawn(me, env))
            if "error" in got:
                raise RuntimeError(got["error"])
            prefix = "first_" if i == 0 else ""
            out[prefix + "login"].append(got["login"])
            out[prefix + "board"].append(got["board"])
            out["login_floor"].append(float(_spawn([sys.executable, "-c", BARE_DIALOG.format(env=T0_ENV)], env)))
            out["board_floor"].append(float(_spawn([sys.executable, "-c", BOARD_SQL, str(db)], env)))
        out["login_floor"], out["board_floor"] = out["login_floor"][1:], out["board_floor"][1:]
        return out
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="a site's SQLite file (app.py demo --db X builds one)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--page", default="board", help="the start page watched (board, or another page's key)")
    ap.add_argument("--user", default=DEMO_USER)
    ap.add_argument("--password", default=DEMO_PASSWORD)
    ap.add_argument("--typing-ms", type=int, default=TYPING_MS, help="Enter this long after the dialog's paint")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.db, args.page, args.user, args.password, args.typing_ms)
        return 1
    got = measure(
        Path(args.db), args.runs, page=args.page, user=args.user, password=args.password, typing_ms=args.typing_ms
    )
    for name, floor, target in (("login", "login_floor", 1.0), ("board", "board_floor", 0.5)):
        samples = got[name]
        med, fl = statistics.median(samples), statistics.median(got[floor])
        print(
            f"{'login dialog shown' if name == 'login' else 'board after the password':<26} "
            f"median {med * 1000:6.0f} ms  ({min(samples) * 1000:.0f}–{max(samples) * 1000:.0f})  "
            f"floor {fl * 1000:5.0f} ms  {med / fl:4.1f}×  target {target * 1000:.0f} ms  "
            f"{'✓' if med <= target else '✗'}   first start {got['first_' + name][0] * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
