"""Keep the Qt Linguist files current: extract tr() strings, fill known Chinese, compile .qm.

    python tools/translations.py          # lupdate + fill from ZH below + lrelease
    python tools/translations.py --check  # exit 1 if a source string has no Chinese translation

The Chinese text lives in tools/zh/ (one dictionary per area, reviewed like code); Qt Linguist can edit the
.ts as well, and this script keeps what is already translated there.
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
BIN = Path(sys.executable).parent

sys.path.insert(0, str(ROOT))
from tools.zh import all_strings  # noqa: E402

ZH = all_strings()


def tool(name: str) -> str:
    exe = BIN / name
    return str(exe) if exe.exists() else name


def main() -> int:
    check = "--check" in sys.argv
    ts = TS
    if check:  # look at what lupdate would find, without touching the real file
        ts = Path(tempfile.mkdtemp()) / TS.name
        shutil.copy(TS, ts)
    sources = sorted(str(p) for p in (ROOT / "views").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)], check=True, capture_output=True)
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        tr = message.find("translation")
        assert tr is not None
        if source in ZH:
            tr.text = ZH[source]
            tr.attrib.pop("type", None)
        elif not (tr.text or "").strip():
            missing.append(source)
    if check:
        for m in missing:
            print(f"untranslated: {m}")
        return 1 if missing else 0
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True, capture_output=True
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
