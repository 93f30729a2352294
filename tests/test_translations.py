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


def _calls(tree):
    import ast

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node


def test_every_text_is_asked_for_in_the_context_it_is_filed_under():
    """lupdate files ``x.tr("…")`` under the enclosing class, or under ``x`` outside one, while Qt looks it up
    under x's class: ``d.tr`` in a function (the stay actions) and ``widget.tr`` (the roles) were filed under
    "d" and "widget" and never found, so those dialogs stayed English. A text is ``self.tr`` in a method, or
    ``QCoreApplication.translate("Context", "…")`` with both literal; never inside an f-string."""
    import ast

    problems = []
    for path in sorted((ROOT / "views").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _calls(tree):
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if call.func.attr == "tr":
                receiver = call.func.value
                if not (isinstance(receiver, ast.Name) and receiver.id == "self"):
                    problems.append(f"{where}: tr() called on {ast.unparse(receiver)}, not self")
                elif not (call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
                    problems.append(f"{where}: tr() of something that is not a literal")
            elif call.func.attr == "translate" and ast.unparse(call.func.value).endswith("QCoreApplication"):
                if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args[:2]):
                    problems.append(f"{where}: translate() with a context or text that is not a literal")
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                inner = [c for v in node.values if isinstance(v, ast.FormattedValue) for c in _calls(v)]
                problems += [
                    f"{path.relative_to(ROOT)}:{node.lineno}: a text translated inside an f-string (never extracted)"
                    for c in inner
                    if c.func.attr in ("tr", "translate")
                ]
    assert not problems, "\n".join(problems)


def test_one_english_word_is_translated_for_where_it_stands(qapp):
    """Translations are per context, not per English source: "From" of a date range is not 来源地."""
    from views.application import install_translators

    install_translators(qapp, "zh_CN")
    try:
        assert qapp.translate("AuditPage", "From") == "从"  # the audit page's date range
        assert qapp.translate("ArrivalDialog", "From") == "来源地"  # where a person comes from
        assert qapp.translate("OccupantsPage", "Release") == "解除隔离"  # the action's button
        assert qapp.translate("OccupantModel", "Release") == "解除日期"  # the column of dates
        assert qapp.translate("StayActionDialog", "Release") == "解除隔离"  # the dialog that does it
    finally:
        install_translators(qapp, "en")


def test_the_ts_file_is_the_one_source_of_the_chinese():
    """No Chinese kept in Python dictionaries keyed by English beside the .ts: it is edited in Qt Linguist."""
    assert not (ROOT / "tools" / "zh").exists()
    tool = (ROOT / "tools" / "translations.py").read_text(encoding="utf-8")
    assert "ZH" not in tool and "all_strings" not in tool


def test_a_count_says_one_bed_and_two_beds(qapp):
    """English has plural forms (Qt's numerus forms, resources/i18n/isodesk_en.ts): no "1 beds"."""
    from views.application import install_translators

    install_translators(qapp, "en")
    assert qapp.translate("RoomDialog", "%n beds", "", 1) == "1 bed"
    assert qapp.translate("RoomDialog", "%n beds", "", 2) == "2 beds"
    assert qapp.translate("BatchDialog", "Check in %n people?", "", 1) == "Check in 1 person?"
    install_translators(qapp, "zh_CN")
    try:
        assert qapp.translate("RoomDialog", "%n beds", "", 1) == "1 张床"
    finally:
        install_translators(qapp, "en")


def test_every_count_has_its_plural_forms():
    """A text with a number of things is written with %n (Qt's plural forms), never "{0} pages"."""
    import re

    counted = re.compile(r'tr\(\s*"[^"]*\{\d\} (people|pages|rows|beds|rooms|entries|results|copies|days)\b')
    found = [
        f"{p.relative_to(ROOT)}: {m.group(0)}"
        for p in sorted((ROOT / "views").rglob("*.py"))
        for m in counted.finditer(p.read_text(encoding="utf-8"))
    ]
    assert not found, "\n".join(found)
