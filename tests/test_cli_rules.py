"""``app.py rules``: the rule sets listed, and a switch previewed line by line, applied only with --apply (admin)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

import app
from models.services.arrivals import register_arrival
from models.services.rulesets import RuleInput, copy_rule_set, update_draft
from models.services.stays import change_release_date
from models.store.db import make_engine, session_factory
from models.store.orm import RuleSet, Site, Stay, User
from tests.conftest import NOW
from tests.helpers import CLI_PASSWORD, cli_account, free_rooms
from tests.test_cli_errors import site_db


@pytest.fixture
def db(tmp_path, sqlite_template, make_arrival):
    """A site under 二十条 with one person extended by hand, a draft 本地14+7+7, and an account per role."""
    path = site_db(sqlite_template, tmp_path / "site.sqlite3", rooms=6)
    cli_account(path, "admin", "admin")
    cli_account(path, "desk1", "desk")
    cli_account(path, "look", "viewer")
    engine = make_engine(path)
    with session_factory(engine)() as s:
        setup = s.scalar(select(User).where(User.username == "setup"))
        stay = register_arrival(s, setup, make_arrival("inbound"), free_rooms(s)[0].id, now=NOW)
        change_release_date(s, setup, stay.id, stay.planned_release + timedelta(days=4), "复查结果未出")
        used = s.get(RuleSet, s.scalar(select(Site.rule_set_id)))
        draft = copy_rule_set(s, setup, used.id, "本地14+7+7")
        rules = [RuleInput(r.category_code, 14, 7, 7, "1,4,7,14", "2,7", "7", r.count_from) for r in draft.rules]
        update_draft(s, setup, draft.id, name="本地14+7+7", effective_from=NOW.date(), rules=rules)
    engine.dispose()
    return path


def as_(monkeypatch, user: str) -> None:
    monkeypatch.setenv("ISODESK_USER", user)
    monkeypatch.setenv("ISODESK_PASSWORD", CLI_PASSWORD)


def state(db):
    engine = make_engine(db)
    try:
        with session_factory(engine)() as s:
            site = s.scalars(select(Site)).one()
            stay = s.scalars(select(Stay)).one()
            return s.get(RuleSet, site.rule_set_id).name, stay.planned_release, stay.manual_days
    finally:
        engine.dispose()


def test_an_admin_lists_the_rule_sets_with_their_status(db, monkeypatch, capsys):
    as_(monkeypatch, "admin")
    assert app.main(["rules", "list", "--db", str(db)]) == 0
    lines = {line.split("\t")[0]: line.split("\t")[1:] for line in capsys.readouterr().out.splitlines()}
    assert lines["二十条"][1:] == ["使用中", "1"]
    assert lines["本地14+7+7"] == ["2026-11-23", "草稿", "0"]
    assert lines["第九版"][1] == "以往版本"
    assert app.main(["rules", "list", "--db", str(db), "--lang", "en"]) == 0
    assert "\tin use\t1" in capsys.readouterr().out


def test_a_switch_is_previewed_with_what_is_kept_and_applied_only_with_apply(db, monkeypatch, capsys):
    as_(monkeypatch, "admin")
    before = state(db)
    assert before[0] == "二十条" and before[2] == 4
    assert app.main(["rules", "switch", "本地14+7+7", "--date", "2026-11-23", "--db", str(db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and "人工延长 +4 天" in out[0] and "→" in out[0]
    assert "日期变化 1 人，不变 0 人" in out[1]
    assert state(db) == before  # a preview writes nothing
    args = ["rules", "switch", "本地14+7+7", "--date", "2026-11-23", "--apply", "--db", str(db), "--lang", "en"]
    assert app.main(args) == 0
    captured = capsys.readouterr()
    assert "kept: +4 days by hand" in captured.out and "switched: 1 stays changed" in captured.err
    name, release, manual = state(db)
    assert name == "本地14+7+7" and manual == 4
    assert release == date(2026, 12, 11)  # the morning after day 14 (12-07), and the 4 days added by hand


@pytest.mark.parametrize("user", ["desk1", "look"])
@pytest.mark.parametrize("command", [["list"], ["switch", "本地14+7+7", "--apply"]])
def test_a_desk_or_viewer_is_refused(db, monkeypatch, capsys, user, command):
    as_(monkeypatch, user)
    before = state(db)
    assert app.main(["rules", *command, "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "无权" in err[0] and "Traceback" not in err[0]
    assert state(db) == before


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["switch", "本地14+7+7", "--date", "2026-13-01"], "日期格式不正确"),
        (["switch", "没有这个规则", "--date", "2026-11-23"], "找不到该隔离规则"),
        (["switch"], "rules switch NAME"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(db, monkeypatch, capsys, args, said):
    as_(monkeypatch, "admin")
    before = state(db)
    assert app.main(["rules", *args, "--apply", "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and said in err[0], err
    assert state(db) == before
