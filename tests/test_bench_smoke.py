"""The benchmark runner's quick mode works end to end (the full run is `python bench/run.py`)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURES = (
    "cold start",
    "login dialog shown",
    "board after the password",
    "room board: load + paint",
    "search per keystroke",
    "save one reading (p95)",
    "a whole floor's round",
    "today dashboard",
    "daily report",
    "daily sheets, all floors",
    "daily sheets, whole process",
    "ledger .xlsx export",
    "peak RSS (MB)",
    "print 50 pages (600 dpi)",
    "print: peak RSS (MB)",
)


def test_quick_benchmark_prints_every_figure(tmp_path):
    results = tmp_path / "RESULTS.md"
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--quick",
            "--runs",
            "1",
            "--out",
            str(tmp_path),
            "--results",
            str(results),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    text = results.read_text()
    for name in FIGURES:
        line = next((line for line in text.splitlines() if line.startswith(f"| {name} |")), None)
        assert line is not None, name
        median = line.split("|")[2].strip()
        assert median and median != "—" and median[0].isdigit()
    assert "Machine:" in text and "cores" in text
