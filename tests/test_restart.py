"""Starting IsoDesk again runs the same program with the same arguments: from a checkout, installed, and
as the bundle (where ``sys.executable`` is IsoDesk itself: passing ``sys.argv`` whole ran ``isodesk isodesk``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from views.restart import restart_command

ROOT = Path(__file__).resolve().parents[1]


def test_the_bundle_starts_itself_with_its_arguments_only():
    exe = r"C:\Users\desk\AppData\Local\Programs\IsoDesk\isodesk.exe"
    assert restart_command(True, exe, [exe, "--db", "site.sqlite3"]) == (exe, ["--db", "site.sqlite3"])
    assert restart_command(True, "/opt/isodesk/isodesk", ["/opt/isodesk/isodesk"]) == ("/opt/isodesk/isodesk", [])


def test_a_checkout_runs_its_script_again_by_its_full_path(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    program, args = restart_command(False, "/usr/bin/python3", ["app.py", "--db", "x.sqlite3"])
    assert (program, args) == ("/usr/bin/python3", [str(ROOT / "app.py"), "--db", "x.sqlite3"])
    monkeypatch.chdir(tmp_path)  # the new process may start elsewhere: the path still holds
    assert Path(args[0]).is_file()


def test_the_installed_launcher_is_not_given_to_python_as_a_script():
    launcher = r"C:\Python311\Scripts\isodesk.exe"
    assert restart_command(False, r"C:\Python311\python.exe", [launcher, "--db", "s"]) == (
        r"C:\Python311\python.exe",
        ["-m", "isodesk.app", "--db", "s"],
    )


def test_the_command_given_for_a_checkout_starts_this_app():
    """Not only the right words: the command runs (``--version``, which needs no screen)."""
    program, args = restart_command(False, sys.executable, [str(ROOT / "app.py"), "--version"])
    out = subprocess.run([program, *args], capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 0 and out.stdout.startswith("IsoDesk "), out.stderr
    program, args = restart_command(False, sys.executable, ["/venv/bin/isodesk", "--version"])
    out = subprocess.run([program, *args], capture_output=True, text=True, timeout=60, check=False, cwd=ROOT)
    assert out.returncode == 0 and out.stdout.startswith("IsoDesk "), out.stderr
