"""The benchmark runner's quick mode works end to end (the full run is `python bench/run.py`)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURES = (
    "cold start",
    "login dialog shown",
    "board after the password",
    "room board: load + paint",
    "search per keystroke (p95)",
    "search all past stays (p95)",
    "save one reading (p95)",
    "a whole floor's round",
    "today dashboard",
    "daily report",
    "daily sheets, all floors",
    "daily sheets, whole process",
    "daily sheets, new codes",
    "daily sheets, whole process, new codes",
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


def test_the_scaling_figures_fill_their_section_and_the_rest_of_the_results_stays(tmp_path):
    """`--only scaling` (here one small size, SQLite only) writes its table between its markers and keeps what
    the full run wrote around it."""
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\nthe full run's table\n")
    env = {k: v for k, v in os.environ.items() if k != "ISODESK_TEST_PG_URL"}
    args = [sys.executable, str(ROOT / "bench" / "run.py"), "--only", "scaling", "--sizes", "300", "--runs", "1"]
    args += ["--out", str(tmp_path), "--results", str(results)]
    for _ in range(2):  # a second run replaces the section, never adds another
        out = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False, env=env)
        assert out.returncode == 0, out.stderr[-3000:]
    text = results.read_text()
    assert text.startswith("# Benchmark results\n\nthe full run's table\n")
    assert text.count("<!-- scaling -->") == 1 and text.count("<!-- /scaling -->") == 1
    header = next(line for line in text.splitlines() if line.startswith("| figure |"))
    assert "SQLite 300" in header and "PostgreSQL" not in header
    for name in ("today dashboard", "daily report", "search all past stays (p95)", "ledger .xlsx export"):
        line = next(line for line in text.splitlines() if line.startswith(f"| {name} |"))
        assert line.split("|")[2].strip()[0].isdigit(), line
