"""The UI's translations: resources/i18n/isodesk_zh_CN.ts is the one source of the Chinese, edited in Qt Linguist;
resources/i18n/isodesk_en.ts holds only the English plural forms (a text with a count, ``self.tr("%n beds", "", n)``:
"1 bed", "2 beds").

    python tools/translations.py            # lupdate (the tr() texts of views/, by context) + lrelease (.qm)
    python tools/translations.py --check    # exit 1 when lupdate would add or drop a text, or one is unfinished
    python tools/translations.py --unfinished          # the texts that still need translating, one per line
    python tools/translations.py --set CONTEXT SOURCE TRANSLATION [--en]   # translate one text (Linguist's job,
                                            # headless); a plural's forms separated by " | " ("%n bed | %n beds")

The workflow is Qt's own: write ``self.tr("…")`` in a view (or ``QCoreApplication.translate("Context", "…")``
outside a class: tests/test_translations.py refuses any other form), run this script (lupdate adds the text to
the .ts as unfinished, under its context), translate it in Qt Linguist (``pyside6-linguist
resources/i18n/isodesk_zh_CN.ts``: mark it done) or with ``--set``, run the script again (lrelease compiles the
.qm the app loads). A text is translated per context: "From" is 来源地 on the arrival form and 从 on the audit
page's date range. ``--check`` (run by the test suite) fails while a text is new, vanished or unfinished, or the
.qm the app loads is not the .ts compiled.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "isodesk_zh_CN.ts"
EN_TS = ROOT / "resources" / "i18n" / "isodesk_en.ts"  # the English plural forms only
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    exe = BIN / name
    return str(exe) if exe.exists() else name


def lupdate(ts: Path) -> None:
    """The tr() texts of views/ into ``ts``: new ones unfinished, vanished ones dropped, translations kept (for the
    English file, only the texts with a count)."""
    sources = sorted(str(p) for p in (ROOT / "views").rglob("*.py"))
    only = ["-pluralonly", "-target-language", "en"] if ts.name == EN_TS.name else []
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-no-obsolete", *only, "-ts", str(ts)], check=True, capture_output=True
    )


def lrelease(ts: Path) -> None:
    qm = ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, disambiguation comment) -> its <message>."""
    found: dict[tuple[str, str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "", message.findtext("comment") or "")] = message
    return found


def unfinished(message: ET.Element) -> bool:
    tr = message.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return True
    if message.get("numerus") == "yes":
        return not all((f.text or "").strip() for f in tr.findall("numerusform"))
    return not (tr.text or "").strip()


def check() -> int:
    """What lupdate would change, without touching the real files; and what is left to translate."""
    return max(check_one(ts) for ts in (TS, EN_TS))


def check_one(ts: Path) -> int:
    probe = Path(tempfile.mkdtemp()) / ts.name
    shutil.copy(ts, probe)
    lupdate(probe)
    before, after = messages(ts), messages(probe)
    new = after.keys() - before
    problems = [f"new, not in the .ts yet (run tools/translations.py): {k[0]} · {k[1]!r}" for k in new]
    problems += [f"in the .ts but no longer in the code: {k[0]} · {k[1]!r}" for k in before.keys() - after]
    problems += [f"unfinished: {k[0]} · {k[1]!r}" for k, m in after.items() if unfinished(m)]
    compiled = probe.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(compiled)], check=True, capture_output=True)
    if not ts.with_suffix(".qm").exists() or compiled.read_bytes() != ts.with_suffix(".qm").read_bytes():
        problems.append(f"{ts.with_suffix('.qm').name} is not the .ts compiled (run tools/translations.py)")
    problems = [f"{ts.name}: {p}" for p in problems]
    for p in sorted(problems):
        print(p)
    return 1 if problems else 0


def set_translation(context: str, source: str, translation: str, ts: Path = TS) -> int:
    tree = ET.parse(ts)
    for ctx in tree.getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            if message.findtext("source") == source:
                tr = message.find("translation")
                assert tr is not None
                if message.get("numerus") == "yes":
                    forms = [f.strip() for f in translation.split(" | ")]
                    for old in tr.findall("numerusform"):
                        tr.remove(old)
                    for text in forms:
                        ET.SubElement(tr, "numerusform").text = text
                else:
                    tr.text = translation
                tr.attrib.pop("type", None)
                tree.write(ts, encoding="utf-8", xml_declaration=True)
                lrelease(ts)
                return 0
    print(f"no text {source!r} in context {context!r}: run tools/translations.py first", file=sys.stderr)
    return 1


def main(argv: list[str]) -> int:
    if "--check" in argv:
        return check()
    if "--unfinished" in argv:
        for ts in (TS, EN_TS):
            for (context, source, _), m in messages(ts).items():
                if unfinished(m):
                    print(f"{ts.name}\t{context}\t{source}")
        return 0
    en = "--en" in argv
    argv = [a for a in argv if a != "--en"]
    if argv[:1] == ["--set"] and len(argv) == 4:
        return set_translation(*argv[1:], ts=EN_TS if en else TS)
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    for ts in (TS, EN_TS):
        if not ts.exists():
            ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<TS version="2.1" language="{ts.stem[8:]}"/>\n')
        lupdate(ts)
        lrelease(ts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
