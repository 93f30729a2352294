"""The domain's messages and the forms' words are kept one way (models/catalogue.py): one Catalogue per
area, every key in both languages with the same parameters; nothing else in models/ or printing/ keeps a
table of Chinese and English words of its own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from models.catalogue import LANGS, Catalogue, language, placeholders
from models.errors import MESSAGES, DomainError
from models.rules.not_measured import NOT_MEASURED_REASONS, not_measured_code, not_measured_label
from printing import labels

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = {"messages": MESSAGES, "labels": labels.LABELS}
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_key_has_both_languages_with_the_same_placeholders(name):
    catalogue = CATALOGUES[name]
    assert isinstance(catalogue, Catalogue) and len(catalogue) > 0
    zh, en = catalogue.table("zh_CN"), catalogue.table("en")
    assert set(zh) == set(en) == set(catalogue)
    for key in catalogue:
        assert zh[key].strip() and en[key].strip(), key
        assert placeholders(zh[key]) == placeholders(en[key]), key


def test_both_areas_use_the_same_mechanism():
    assert type(MESSAGES) is type(labels.LABELS) is Catalogue
    assert LANGS == ("zh_CN", "en")


def test_a_key_missing_in_one_language_or_with_other_placeholders_is_refused_when_built():
    with pytest.raises(TypeError, match="'only_zh'"):
        Catalogue("t", {"only_zh": ("中文",)})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="'n'"):
        Catalogue("t", {"n": ("{n} 人", "{count} people")})


def test_an_unknown_key_or_a_missing_parameter_raises_naming_it():
    with pytest.raises(KeyError, match="no_such_message"):
        MESSAGES.text("no_such_message", "en")
    with pytest.raises(KeyError, match="no_such_label"):
        labels.lines("en", "no_such_label")
    with pytest.raises(KeyError, match=r"alloc_shared.*beds"):
        MESSAGES.text("alloc_shared", "zh_CN", people=2)
    with pytest.raises(KeyError, match="no_such_code"):
        DomainError("no_such_code")
    # the words of a refusal are formed when read (a site's release checks make thousands), but a missing
    # parameter is still refused where it is raised, not later in a message box
    with pytest.raises(KeyError, match=r"release_swab.*result"):
        DomainError("release_swab", day=7)
    from models.errors import Notice

    with pytest.raises(KeyError, match=r"alloc_shared.*beds"):
        Notice("alloc_shared", people=2)
    err = DomainError("release_too_early", date="2026-11-30")
    assert "2026-11-30" in err.zh and "2026-11-30" in err.en and str(err) == f"{err.zh} / {err.en}"
    assert not MESSAGES.has("no_such_message") and MESSAGES.has("no_site") and labels.LABELS.has("room")


def test_the_language_rule_chinese_tags_read_chinese_every_other_tag_english():
    assert [language(t) for t in ("zh_CN", "zh", "zh-Hans", "zh_TW", "ZH_cn")] == ["zh_CN"] * 5
    assert [language(t) for t in ("en", "en_GB", "fr", "", None)] == ["en"] * 5
    assert labels.L("zh")["room"] == "房间" and labels.L("de")["room"] == "Room"
    assert DomainError("no_site").message("zh_TW") == MESSAGES.text("no_site", "zh_CN")
    assert not_measured_label("refused", "zh") == "拒绝测量" and not_measured_label("refused", "fr") == "refused"


def test_the_words_said_are_the_catalogues_in_each_language():
    err = DomainError("text_too_long", field="x", length=3, limit=2)
    assert err.message("en") == MESSAGES.text("text_too_long", "en", field="x", length=3, limit=2)
    assert labels.lines("zh_CN", "notice_rules")[0].startswith("一、") and len(labels.lines("en", "home_rules")) == 4
    assert [not_measured_label(c, "en") for c in NOT_MEASURED_REASONS] == ["asleep", "refused", "out for transfer"]
    assert not_measured_code("外出转运") == not_measured_code("Out for transfer") == "transfer"
    assert labels.swab_label("", "zh_CN") == "未检测" and labels.doc_type_label("passport", "en") == "Passport"
    assert labels.sex_label("F", "zh_CN") == "女" and labels.sex_label("F", "en") == "F"


# tables of words that are no text shown to a user: the spellings an import recognises, frozen history
NOT_USER_TEXT = {
    ("models/services/importer.py", "HEADER_ALIASES"),  # header spellings recognised on a list
    ("models/services/lab_import.py", "HEADERS"),  # header spellings recognised on a lab's list
    ("models/store/migrations/versions/9488095077fd_not_measured_reasons_stored_as_codes_.py", "REASONS"),
}
# per-language tables not yet moved into a Catalogue (issue 14 goes on): each one here is a debt, not a rule
NOT_YET_MOVED = {
    ("printing/base.py", "FRAME_TEXT"),
    ("models/reads/audit_log.py", "HEADERS"),
}


def _str(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _word_tables(tree: ast.Module) -> list[tuple[str, int]]:
    """(name, line) of every dict literal keeping the same words in two languages outside a Catalogue(...):
    values that are (Chinese, English) pairs, keys that are languages, or a ZH/EN pair of dicts."""
    sources = {
        id(arg)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Catalogue"
        for arg in node.args
    }
    named: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    named[id(node.value)] = target.id
    found, zh_en = [], set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict) or id(node) in sources:
            continue
        name = named.get(id(node), "?")
        pairs = [
            v for v in node.values if isinstance(v, ast.Tuple) and len(v.elts) == 2 and all(_str(e) for e in v.elts)
        ]
        langs = {_str(k) for k in node.keys if k is not None}
        if any(CJK.search(_str(v.elts[0]) or "") for v in pairs) or {"zh_CN", "en"} <= langs:
            found.append((name, node.lineno))
        elif name != "?" and re.fullmatch(r"(\w+_)?(ZH|EN)(_\w+)?", name):
            zh_en.add((name.replace("ZH", "*").replace("EN", "*"), name, node.lineno))
    for pattern, name, line in sorted(zh_en):
        if sum(p == pattern for p, _, _ in zh_en) > 1:
            found.append((name, line))
    return found


def test_no_table_of_two_languages_outside_a_catalogue():
    seen, offending = set(), []
    for path in sorted([*ROOT.glob("models/**/*.py"), *ROOT.glob("printing/**/*.py")]):
        rel = path.relative_to(ROOT).as_posix()
        for name, line in _word_tables(ast.parse(path.read_text(encoding="utf-8"))):
            seen.add((rel, name))
            if (rel, name) not in NOT_USER_TEXT | NOT_YET_MOVED:
                offending.append(f"{rel}:{line} {name}")
    assert offending == []
    assert (NOT_USER_TEXT | NOT_YET_MOVED) <= seen  # the lists name tables that are still there


def test_a_parameter_may_be_called_key_or_lang():
    """A message's parameters are the message's: {key} and {lang} are parameters like any other."""
    from models.errors import DomainError

    e = DomainError("setting_invalid", key="lock/minutes", value=241)
    assert "lock/minutes" in e.zh and "241" in e.en
