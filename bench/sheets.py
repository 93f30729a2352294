"""The daily observation sheets against their floor and a peer, each timed as a whole process (start,
imports, the rows read, the PDF written), interleaved run by run:

    python bench/sheets.py                    # 5,000 rows in floors of 50, 5 runs each: medians and ratios
    python bench/sheets.py --rows 1000 --runs 3
    python bench/sheets.py isodesk ROWS.json OUT.pdf   # one run of one contestant (what is timed)
    python bench/sheets.py floor ROWS.json OUT.pdf
    python bench/sheets.py xlsx ROWS.json OUT.xlsx     # the peer's input, made once (not timed)

isodesk      printing.forms.daily_sheets: every floor's table, a QR code per row, "page N of M", with the
             codes kept as the app and the CLI keep them (printing/qr.py: a store in the cache folder,
             filled by the warm-up run): a morning whose occupants were there yesterday.
isodesk-new  the same with an empty store at every run: every code encoded (a site full of new arrivals).
floor        a bare ReportLab canvas writing the same rows' text in the embedded CJK font: one string a
             row, no table, no QR code; the least a PDF of these rows costs in ReportLab (with the same
             stream setting as IsoDesk's: Flate, no ASCII85).
libreoffice  `soffice --headless --convert-to pdf` of the same rows as an .xlsx worksheet (each floor
             from a new page under its band, the headings repeated on every printed page, ruled cells,
             rows as tall as the sheet's, landscape A4, no QR codes), in the same font file. It is
             Debian's libreoffice-calc-nogui: installed with apt-get when this runs as root, otherwise
             (or if the install fails) the peer is skipped and the reason printed.

bench/run.py's "daily sheets" figure calls :func:`compare` with the floors of its generated site.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DAY = date(2026, 11, 30)  # bench/run.py's BENCH_NOW
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=timezone(timedelta(hours=8)))
PEER_PACKAGE = "libreoffice-calc-nogui"
SYMPTOMS = "□发热 □干咳 □乏力 □咽痛 □嗅味觉减退 □腹泻 □其他"  # the zh sheet's symptoms cell
HEADINGS = ["序号", "房间", "姓名", "性别", "年龄", "第N天", "解除日期", "上午体温", "下午体温", "复测（时间/体温）",
            "症状（请勾选）", "今日核酸", "测量人签名"]  # fmt: skip


# --- the rows ----------------------------------------------------------------------------------------------


def generated(rows: int, per_floor: int = 50) -> list[dict[str, object]]:
    """``rows`` occupants in floors of ``per_floor`` rooms, every room occupied (as bench/run.py's full site)."""
    floors: list[dict[str, object]] = []
    sid = 1
    f = 0
    while sid <= rows:
        f += 1
        building = "AB"[f % 2]
        items = []
        for r in range(1, min(per_floor, rows - sid + 1) + 1):
            items.append(
                [sid, f"{f}{r:02d}", f"住户{sid}", "F", 40, 3, 7, (DAY + timedelta(days=4)).isoformat(), sid % 3 == 0]
            )
            sid += 1
        label = f"{building}栋 {f}F"
        floors.append({"floor_id": f, "label": label, "building": f"{building}栋", "floor": f"{f}F", "rows": items})
    return floors


def dump(floors: object, path: Path) -> None:
    """Floors (models.reads.reports.SheetFloor, or :func:`generated`'s dicts) as the contestants read them."""
    out = []
    for f in floors:  # type: ignore[attr-defined]
        if isinstance(f, dict):
            out.append(f)
            continue
        rows = [
            [r.stay_id, r.room, r.name, r.sex, r.age, r.day_n, r.days_total, r.planned_release.isoformat(), r.swab_due]
            for r in f.rows
        ]
        out.append({"floor_id": f.floor_id, "label": f.label, "building": f.building, "floor": f.floor, "rows": rows})
    path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


def _load(path: Path) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return data


# --- the contestants (each run as its own process) ----------------------------------------------------------


def run_isodesk(rows: Path, out: Path) -> None:
    from models.reads.sheet_rows import SheetFloor, SheetRow
    from printing import qr
    from printing.forms import daily_sheets

    qr.use_store(qr.default_store())  # as app.main() does: $ISODESK_CACHE_DIR, set by compare()

    floors = []
    for f in _load(rows):
        items = [SheetRow(s, room, name, sex, age, n, m, date.fromisoformat(rel), swab)
                 for s, room, name, sex, age, n, m, rel, swab in f["rows"]]  # type: ignore[attr-defined]  # fmt: skip
        floors.append(SheetFloor(f["floor_id"], f["label"], items, [], f["building"], f["floor"]))  # type: ignore[arg-type]
    out.write_bytes(daily_sheets("bench", DAY, floors, "zh_CN", "bench", NOW))


def run_floor(rows: Path, out: Path) -> None:
    """The floor as a process: ReportLab, the embedded CJK font read, the rows' text written."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from resources import FONT_FILE

    pdfmetrics.registerFont(TTFont("WQY", str(FONT_FILE), subfontIndex=0))
    floor_canvas(_load(rows), str(out), "WQY")


def floor_canvas(floors: list[dict[str, object]], out: str, font: str) -> None:
    """The same rows' text on a bare canvas in ``font`` (registered): one string a row, a title a floor."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    rl_config.useA85 = 0  # as printing/base.py sets it
    c = canvas.Canvas(out, pagesize=landscape(A4))
    for f in floors:
        y = 560.0
        c.setFont(font, 14)
        c.drawString(300, 570, f"每日健康观察记录表 · {f['label']}")
        c.setFont(font, 8.5)
        for n, (_s, room, name, _sex, age, day_n, total, rel, swab) in enumerate(f["rows"], 1):  # type: ignore[arg-type]
            mark = "●" if swab else ""
            c.drawString(40, y, f"{n} {room} {name} 女 {age} {day_n}/{total} {rel[5:]} {SYMPTOMS} {mark}")
            y -= 14
            if y < 40:
                c.showPage()
                c.setFont(font, 8.5)
                y = 560.0
        c.showPage()
    c.save()


def run_xlsx(rows: Path, out: Path) -> None:
    """The peer's workbook: the sheet's columns and rows in one worksheet (as the issue's peer: LibreOffice
    takes 0.3-0.5 s for every extra worksheet), each floor from a new page under its band, the headings
    repeated at the top of every printed page, ruled cells, rows as tall as the sheet's, landscape A4."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.pagebreak import Break

    wb = Workbook()
    ws = wb.active
    ws.title = "每日健康观察记录表"
    thin = Side(style="thin")
    ruled = Border(left=thin, right=thin, top=thin, bottom=thin)
    grey = PatternFill("solid", fgColor="EEEEEE")
    middle = Alignment(vertical="center", wrap_text=True)
    font = Font(name="WenQuanYi Micro Hei", size=8.5)
    ws.append(["每日健康观察记录表"])
    ws.append(HEADINGS)
    for cell in ws[2]:
        cell.fill = grey
    for f in _load(rows):
        ws.append([f"楼栋：{f['building']}　　楼层：{f['floor']}　　日期：{DAY.isoformat()}　　发热阈值：≥ 37.3 °C"])
        for n, (_s, room, name, _sex, age, day_n, total, rel, swab) in enumerate(f["rows"], 1):  # type: ignore[arg-type]
            ws.append(
                [n, room, name, "女", age, f"{day_n}/{total}", rel[5:], "", "", "", SYMPTOMS, "●" if swab else "", ""]
            )
            ws.row_dimensions[ws.max_row].height = 33  # a row as tall as the sheet's (its QR code)
        ws.append(["体温 ≥ 37.3 °C 者须复测（记入“复测”栏）并立即报告；●＝今日需采核酸。"])
        ws.append(["记录人：＿＿＿＿＿＿＿＿　　核对人：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日"])
        ws.row_breaks.append(Break(id=ws.max_row))  # the next floor on a new page
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row, max_col=len(HEADINGS)):
        for cell in row:
            cell.border = ruled
            cell.alignment = middle
            cell.font = font
    for i, width in enumerate((5, 7, 12, 4, 4, 8, 8, 8, 8, 9, 36, 6, 9), 1):
        ws.column_dimensions[chr(64 + i)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "2:2"  # the headings on every page
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.oddFooter.right.text = "第 &P 页 / 共 &N 页"
    wb.save(out)


# --- the comparison -------------------------------------------------------------------------------------------


def soffice(install: bool = True) -> tuple[str | None, str]:
    """LibreOffice's command, installing it as root if needed (and ``install``): (command, "") or (None, why
    it is skipped)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found, ""
    if not install:
        return None, f"LibreOffice is not installed (apt-get install -y {PEER_PACKAGE}; the full run installs it)"
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None, f"LibreOffice is not installed and this is not root (apt-get install -y {PEER_PACKAGE})"
    if not shutil.which("apt-get"):
        return None, "LibreOffice is not installed and there is no apt-get"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", PEER_PACKAGE],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], capture_output=True, env=env, check=False)
        done = subprocess.run(
            ["apt-get", "install", "-y", "-q", "--no-install-recommends", PEER_PACKAGE],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        return None, f"apt-get install {PEER_PACKAGE} failed: {tail[0]}"
    return found, ""


FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def _timed(cmd: list[str], out: Path, env: dict[str, str] | None = None) -> float:
    out.unlink(missing_ok=True)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT, env=env)
    seconds = time.perf_counter() - t
    if not out.exists() or out.stat().st_size == 0:
        raise RuntimeError(f"{cmd[:3]}… wrote no {out.name}")
    return seconds


def compare(rows: Path, runs: int, work: Path, install: bool = True) -> dict[str, object]:
    """Interleaved whole-process runs of the three: {"isodesk": [s…], "floor": [s…], "libreoffice": [s…] or
    None, "skipped": why the peer did not run ("" if it did), "pages": the sheets' page count}."""
    me = [sys.executable, str(Path(__file__).resolve())]
    pdf, floor_pdf, xlsx = work / "sheets.pdf", work / "floor.pdf", work / "sheets.xlsx"
    subprocess.run([*me, "xlsx", str(rows), str(xlsx)], check=True, capture_output=True, cwd=ROOT)
    office, skipped = soffice(install)
    profile = work / "lo-profile"
    office_cmd = (
        [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(work / "lo"), str(xlsx)]
        if office else []
    )  # fmt: skip
    office_pdf = work / "lo" / "sheets.pdf"
    # LibreOffice sets the text in the font IsoDesk embeds (the machine may have no CJK font at all: then
    # it would search a fallback for every glyph and print boxes)
    conf = work / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=ROOT / "resources" / "fonts", cache=work / "fc-cache"))
    office_env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    kept, new = work / "codes-kept", work / "codes-new"  # the QR code stores (printing/qr.py)
    contestants: list[tuple[str, list[str], Path, dict[str, str] | None]] = [
        ("isodesk", [*me, "isodesk", str(rows), str(pdf)], pdf, {**os.environ, "ISODESK_CACHE_DIR": str(kept)}),
        ("isodesk-new", [*me, "isodesk", str(rows), str(pdf)], pdf, {**os.environ, "ISODESK_CACHE_DIR": str(new)}),
        ("floor", [*me, "floor", str(rows), str(floor_pdf)], floor_pdf, None),
    ]
    if office_cmd:
        contestants.append(("libreoffice", office_cmd, office_pdf, office_env))
    for _name, cmd, out, env in contestants:  # a warm-up each: file caches, LibreOffice's first-start profile
        _timed(cmd, out, env)
    samples: dict[str, list[float]] = {name: [] for name, *_ in contestants}
    for _ in range(runs):
        for name, cmd, out, env in contestants:
            shutil.rmtree(new, ignore_errors=True)  # every code encoded again
            samples[name].append(_timed(cmd, out, env))
    from pypdf import PdfReader

    return {
        "isodesk": samples["isodesk"],
        "isodesk_new": samples["isodesk-new"],
        "floor": samples["floor"],
        "libreoffice": samples.get("libreoffice"),
        "skipped": skipped,
        "pages": len(PdfReader(pdf).pages),
        "peer_pages": len(PdfReader(office_pdf).pages) if office_cmd else 0,
    }


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] in ("isodesk", "floor", "xlsx"):
        run = {"isodesk": run_isodesk, "floor": run_floor, "xlsx": run_xlsx}[argv[0]]
        run(Path(argv[1]), Path(argv[2]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="isodesk-sheets-"))
    try:
        rows = work / "rows.json"
        dump(generated(args.rows), rows)
        got = compare(rows, args.runs, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    me = statistics.median(got["isodesk"])  # type: ignore[arg-type]
    floor = statistics.median(got["floor"])  # type: ignore[arg-type]
    print(f"{args.rows} rows, {got['pages']} pages, {args.runs} interleaved runs, whole processes (medians)")
    fresh = statistics.median(got["isodesk_new"])  # type: ignore[arg-type]
    print(f"isodesk      {me:.2f} s   (runs {', '.join(f'{s:.2f}' for s in got['isodesk'])})")  # type: ignore[attr-defined]
    print(f"isodesk-new  {fresh:.2f} s   every QR code encoded")
    print(f"floor        {floor:.2f} s   isodesk/floor {me / floor:.2f}x, isodesk-new/floor {fresh / floor:.2f}x")
    if got["libreoffice"]:
        peer = statistics.median(got["libreoffice"])  # type: ignore[arg-type]
        print(f"libreoffice  {peer:.2f} s   isodesk/libreoffice {me / peer:.2f}x  ({got['peer_pages']} pages)")
    else:
        print(f"libreoffice  skipped: {got['skipped']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
