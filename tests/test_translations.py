"""Every tr() string has a Chinese translation, and the compiled .qm ships with it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_ui_string_is_translated():
    out = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_compiled_translations_are_shipped():
    ts = ROOT / "resources" / "i18n" / "isodesk_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_size > 100
    assert qm.read_bytes().count(b"\x00") > 0  # a real binary catalogue
