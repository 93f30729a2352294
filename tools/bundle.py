"""Build IsoDesk's bundle (PyInstaller, one folder: tools/bundle/isodesk.spec), and check it as a desk would use it.

    python tools/bundle.py                   # build into dist/isodesk (work files in build/bundle), then check
    python tools/bundle.py --out DIR         # build into DIR/isodesk
    python tools/bundle.py --check-only DIR  # check a bundle built before (DIR/isodesk)
    python tools/bundle.py --reuse           # keep a bundle already built from the same sources

The check runs the bundle's own programs, never this checkout's Python, each in a fresh folder with its own
settings, log and data folders:
  1. ``isodesk-cli --version``;
  2. ``isodesk-cli demo`` builds a small demo site;
  3. ``isodesk-cli print daily-sheets`` prints that site's sheets: the PDF embeds the CJK font, and the QR
     codes of its first page decode (rendered by pdftoppm, read by zbarimg) to the stays' codes;
  4. ``isodesk`` (the GUI) starts on offscreen Qt and shows the login dialog (its log says so).
Then it prints the bundle's size and the times. Exit 0 when every check held. The same build runs on Windows
(``isodesk.exe``, ``isodesk-cli.exe``): .github/workflows/windows-bundle.yml runs this script there.

``--reuse``: the bundle is built again only when the sources it is made of changed (a digest of the tracked
files, the spec and the installed packages, kept beside it): the test suite's second pass reuses the first's.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "tools" / "bundle" / "isodesk.spec"
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
DIGEST_FILE = "isodesk-sources.sha256"
LOGIN_SHOWN = "the login dialog is shown"
DEMO_USER, DEMO_PASSWORD = "admin", "demo1234"


def sources_digest() -> str:
    """What the bundle is made of: the tracked files' contents, and the installed packages' versions."""
    h = hashlib.sha256()
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    names = sorted(n for n in listed.stdout.decode().split("\0") if n) if listed.returncode == 0 else []
    if not names:  # not a git checkout (an sdist): every file under the app's folders
        folders = ("models", "views", "printing", "ui", "resources", "tools")
        found = (p for folder in folders for p in (ROOT / folder).rglob("*") if p.is_file())
        names = [
            *sorted(str(p.relative_to(ROOT)) for p in found if "__pycache__" not in p.parts),
            "app.py",
            "setup.cfg",
            "setup.py",
        ]
    for name in names:
        path = ROOT / name
        if path.is_file() and not name.startswith(("tests/", "docs/", "bench/")):
            h.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    for dist in sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()):
        h.update(dist.encode() + b"\n")
    return h.hexdigest()


def build(out: Path, reuse: bool) -> Path:
    """The bundle folder (out/isodesk), built by PyInstaller from the spec."""
    bundle = out / "isodesk"
    digest = sources_digest()
    stamp = out / DIGEST_FILE
    if reuse and (bundle / f"isodesk-cli{EXE}").exists() and stamp.exists() and stamp.read_text() == digest:
        print(f"bundle: {bundle} is built from these sources already", file=sys.stderr)
        return bundle
    work = ROOT / "build" / "bundle"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out), "--workpath", str(work), str(SPEC)],
        cwd=ROOT, check=True,
    )  # fmt: skip
    stamp.write_text(digest)
    print(f"bundle: built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return bundle


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


class Failed(Exception):
    pass


def _env(home: Path) -> dict[str, str]:
    """A desk of its own: settings, data, cache and log folders in ``home``; Qt offscreen; no PYTHONPATH (the
    bundle must not borrow this checkout's modules)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "ISODESK_"))}
    env.update(
        HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "appdata"), LOCALAPPDATA=str(home / "local"),
        XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"), ISODESK_LOG_DIR=str(home / "log"), QT_QPA_PLATFORM="offscreen",
    )  # fmt: skip
    if "ISODESK_NOW" in os.environ:  # a pinned clock (the tests'): the bundle runs at that time too
        env["ISODESK_NOW"] = os.environ["ISODESK_NOW"]
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 300) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise Failed(f"{' '.join(args[:2])}: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done.stdout, took


def check(bundle: Path) -> dict[str, float]:
    """Run the bundle as a desk would; raise Failed at the first check that does not hold. Returns the times."""
    cli, gui = bundle / f"isodesk-cli{EXE}", bundle / f"isodesk{EXE}"
    times: dict[str, float] = {}
    home = Path(tempfile.mkdtemp(prefix="isodesk-bundle-check-"))
    try:
        env = _env(home)
        out, times["--version"] = _run([str(cli), "--version"], env, home)
        if not re.fullmatch(r"IsoDesk \d+\.\d+\S*\n?", out):
            raise Failed(f"--version printed {out!r}")
        db = home / "demo.sqlite3"
        demo = [str(cli), "demo", "--db", str(db), "--rooms", "40", "--days", "10", "--quiet"]
        _, times["demo"] = _run(demo, env, home)
        pdf = home / "sheets.pdf"
        signed_in = {**env, "ISODESK_USER": DEMO_USER, "ISODESK_PASSWORD": DEMO_PASSWORD}
        _, times["print daily-sheets"] = _run(
            [str(cli), "print", "daily-sheets", "--db", str(db), "-o", str(pdf)], signed_in, home
        )
        _check_pdf(pdf, home)
        times["GUI to the login dialog"] = _gui_to_login(gui, db, env, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return times


def _check_pdf(pdf: Path, home: Path) -> None:
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF"):
        raise Failed("print daily-sheets wrote no PDF")
    if b"/FontFile2" not in data or b"WenQuanYi" not in data:
        raise Failed("the sheets do not embed the CJK font")
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        raise Failed("pdftoppm and zbarimg are needed to read the QR codes (apt-get install poppler-utils zbar-tools)")
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf), str(home / "page")], check=True)
    page = next(home.glob("page*.png"))
    read = subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True, check=False)
    codes = [line for line in read.stdout.splitlines() if line.strip()]
    if not codes or not all(re.fullmatch(r"ISODESK:STAY:\d+", c) for c in codes):
        raise Failed(f"the first page's QR codes read {codes!r}")


def _gui_to_login(gui: Path, db: Path, env: dict[str, str], home: Path, timeout: float = 120) -> float:
    """Start the GUI; wait for its log to say the login dialog is shown; stop it. Returns the time it took."""
    log_dir = Path(env["ISODESK_LOG_DIR"])
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(gui), "--db", str(db)], env=env, cwd=home, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                raise Failed(f"the GUI ended (exit {proc.returncode}) before the login dialog:\n{proc.stdout.read()}")  # type: ignore[union-attr]
            logs = [p.read_text(errors="replace") for p in log_dir.glob("*.log")] if log_dir.exists() else []
            if any(LOGIN_SHOWN in text for text in logs):
                return time.perf_counter() - started
            time.sleep(0.05)
        raise Failed(f"no login dialog within {timeout:.0f} s")
    finally:
        proc.kill()
        proc.wait(30)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "dist", help="where the bundle folder goes (default dist/)")
    ap.add_argument("--check-only", type=Path, metavar="DIR", help="check DIR/isodesk, build nothing")
    ap.add_argument("--reuse", action="store_true", help="keep a bundle built from the same sources")
    ap.add_argument("--no-check", action="store_true", help="build only")
    args = ap.parse_args(argv)
    bundle = args.check_only / "isodesk" if args.check_only else build(args.out, args.reuse)
    size = folder_size(bundle)
    print(f"bundle: {bundle} ({size / 2**20:.0f} MB)")
    if args.no_check:
        return 0
    try:
        times = check(bundle)
    except Failed as exc:
        print(f"bundle check FAILED: {exc}", file=sys.stderr)
        return 1
    for what, took in times.items():
        print(f"  {what}: {took:.2f} s")
    print("bundle check: every check held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
