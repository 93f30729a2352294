"""The bundle a desk installs (PyInstaller, tools/bundle/isodesk.spec) is built and run as a desk would run
it: ``--version``, a demo site, the daily sheets printed (font embedded, QR codes that decode) and the GUI
up to its login dialog (tools/bundle.py's checks). Built once per set of sources: the suite's second pass
(the clock a year ahead) runs the same bundle again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "bundle-dist"


@pytest.mark.timeout(1500)
def test_the_bundle_builds_and_runs_as_a_desk_uses_it():
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the test extras: pip install -e '.[test]'")
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bundle.py"), "--reuse", "--out", str(OUT)],
        capture_output=True, text=True, timeout=1400, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr[-4000:]}"
    assert "bundle check: every check held" in done.stdout
    cli = OUT / "isodesk" / ("isodesk-cli.exe" if sys.platform == "win32" else "isodesk-cli")
    # only the Qt translations the app loads, and no module of the checkout's tests
    internal = OUT / "isodesk" / "_internal"
    assert [p.name for p in internal.rglob("qt*_*.qm")] == ["qtbase_zh_CN.qm"]
    assert (internal / "models" / "store" / "migrations" / "versions").is_dir()
    assert cli.exists()


def test_the_spec_names_every_file_it_carries():
    """The files the spec adds by path are there: a renamed folder fails here, not in a build on Windows."""
    spec = (ROOT / "tools" / "bundle" / "isodesk.spec").read_text(encoding="utf-8")
    for folder in ("models/store/migrations", "resources/fonts", "resources/icons", "resources/i18n"):
        assert folder in spec
        assert (ROOT / folder).is_dir()
    assert (ROOT / "resources" / "icons" / "isodesk.ico").stat().st_size > 1000
    assert list((ROOT / "resources" / "i18n").glob("*.qm"))
    assert (ROOT / "models" / "store" / "migrations" / "script.py.mako").exists()
