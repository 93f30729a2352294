"""What a packager gets: an sdist that holds the whole project (its own tests need the tools, the schema
fixtures and the .ts sources), a licence file, and requirements a desk really needs."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
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


def _tracked_copy(dest: Path) -> Path:
    """The project's tracked files, copied: a wheel built from the checkout itself could take in a stale build/."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout (an sdist itself): nothing to copy from")
    for name in tracked.stdout.splitlines():
        if name and (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    return dest


@pytest.mark.timeout(600)
def test_the_wheel_installs_one_package_named_isodesk_and_runs_from_it(tmp_path):
    """Nothing lands at the top of site-packages but ``isodesk`` (``models``, ``views``, ``app`` clash with
    other projects'); installed, the commands run from the package, migrations and fonts included."""
    source = _tracked_copy(tmp_path / "src")
    script = "import sys; from setuptools import build_meta; print(build_meta.build_wheel(sys.argv[1]))"
    built = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "dist")],
        cwd=source, capture_output=True, text=True, timeout=500, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = tmp_path / "dist" / built.stdout.strip().splitlines()[-1]
    with zipfile.ZipFile(wheel) as whl:
        names = whl.namelist()
        tops = {n.split("/")[0] for n in names}
        assert {t for t in tops if not t.endswith(".dist-info")} == {"isodesk"}
        entry_points = whl.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
        assert "isodesk = isodesk.app:main" in entry_points and "isodesk-cli = isodesk.app:main" in entry_points
        assert "isodesk/setup.py" not in names and "isodesk/app.py" in names
        assert any(n.startswith("isodesk/models/store/migrations/versions/") for n in names)
        assert any(n.startswith("isodesk/resources/fonts/") for n in names)
        site = tmp_path / "site"
        whl.extractall(site)  # what pip puts in site-packages (a pure wheel)
    run = (
        "import sys; sys.path.insert(0, sys.argv[1]); from isodesk.app import main; code = main(sys.argv[2:]);"
        "import models; assert models.__file__.startswith(sys.argv[1]), models.__file__; sys.exit(code)"
    )
    db, pdf = tmp_path / "site.sqlite3", tmp_path / "sheets.pdf"
    signed_in = {**os.environ, "ISODESK_USER": "desk", "ISODESK_PASSWORD": "demo1234"}
    for args in (
        ["--version"],
        ["demo", "--db", str(db), "--rooms", "12", "--days", "3"],
        ["check", "--db", str(db)],
        ["print", "daily-sheets", "--db", str(db), "-o", str(pdf)],
    ):
        out = subprocess.run(
            [sys.executable, "-c", run, str(site), *args],
            cwd=tmp_path, env=signed_in, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert out.returncode == 0, (args, out.stdout[-1000:], out.stderr[-2000:])
    assert b"/FontFile2" in pdf.read_bytes()  # the CJK font, found inside the installed package
