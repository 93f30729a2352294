"""What a packager gets: an sdist that holds the whole project (its own tests need the tools, the schema
fixtures and the .ts sources), a licence file, and requirements a desk really needs."""

from __future__ import annotations

import configparser
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _requirements() -> tuple[list[str], dict[str, list[str]]]:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    lines = [r.strip() for r in cfg["options"]["install_requires"].splitlines() if r.strip()]
    extras = {k: [r.strip() for r in v.splitlines() if r.strip()] for k, v in cfg["options.extras_require"].items()}
    return lines, extras


def test_a_desk_installs_only_what_it_needs():
    base, extras = _requirements()
    names = [r.split(">")[0].split("<")[0].split("=")[0].split("[")[0].lower() for r in base]
    assert "psycopg" not in names and any(r.startswith("psycopg[binary]") for r in extras["postgresql"])
    assert "phonenumbers" not in names and "phonenumberslite" in names  # one parse(): no 40 MB of geodata
    # a version scheme by year (argon2-cffi 25.1, tzdata 2025.x) is not capped at this year's
    for requirement in base:
        if requirement.startswith(("argon2-cffi", "tzdata")):
            assert "<" not in requirement, requirement


def test_the_licence_is_shipped():
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text(encoding="utf-8")[:200]
    assert "Version 3" in (ROOT / "LICENSE").read_text(encoding="utf-8")[:200]


@pytest.mark.timeout(600)
def test_the_sdist_holds_every_file_the_project_tracks(tmp_path):
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout (an sdist itself): nothing to compare with")
    script = "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"
    built = subprocess.run(  # in a process of its own: setuptools changes the working folder and warns
        [sys.executable, "-c", script, str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=500, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    name = built.stdout.strip().splitlines()[-1]
    with tarfile.open(tmp_path / name) as tar:
        held = {m.name.split("/", 1)[1] for m in tar.getmembers() if "/" in m.name and m.isfile()}
    wanted = {n for n in tracked.stdout.splitlines() if n and n != ".gitignore"}
    assert sorted(wanted - held) == []
    assert not any("__pycache__" in n or n.startswith("bench/out/") for n in held)
