"""PNG of the first page of every printed form, from a demo site, for the README (docs/forms/).

python tools/form_images.py [OUT_DIR]        (needs pdftoppm: apt-get install poppler-utils)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.demo.builder import build_demo
from models.reads import reports
from models.store.db import open_database, session_factory
from printing.documents import FORMS, render

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/forms")
    out.mkdir(parents=True, exist_ok=True)
    if not shutil.which("pdftoppm"):
        print("pdftoppm is missing: apt-get install poppler-utils", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(Path(tmp) / "demo.sqlite3")
        build_demo(engine, rooms=300, days=30, seed=1, now=NOW)
        with session_factory(engine)() as s:
            day = NOW.date()
            someone = reports.present_on_floor(s, None)[:1]
            first_floor = reports.sheet_floors(s, day)[0].floor_id
            for form in FORMS:
                if form == "arrival-batch":  # a bus's registration forms, notices, door cards: shown one by one
                    continue
                for lang in ("zh_CN", "en"):
                    pdf = render(
                        s,
                        form,
                        actor=None,  # the system: sample images
                        day=day,  # today's release notices: those released today too
                        floor_id=first_floor if form in ("daily-sheets", "door-cards") else None,
                        stay_ids=someone if form in ("arrival-pack", "registration", "notice", "temperature-record")
                        else None,
                        lang=lang,
                        printed_by="演示 demo",
                        now=NOW,
                    )  # fmt: skip
                    path = Path(tmp) / f"{form}-{lang}.pdf"
                    path.write_bytes(pdf)
                    subprocess.run(
                        [
                            "pdftoppm",
                            "-png",
                            "-r",
                            "70",
                            "-f",
                            "1",
                            "-l",
                            "1",
                            "-singlefile",
                            str(path),
                            str(out / f"{form}-{lang}"),
                        ],
                        check=True,
                    )
        engine.dispose()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
