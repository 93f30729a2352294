"""The site's paper, in Simplified Chinese or English: each function takes plain records and returns PDF bytes.

daily_sheets        每日健康观察记录表   one landscape page (or more) per floor, a QR code per row
registration        集中隔离医学观察人员登记表
notice              集中隔离医学观察告知书 (given at arrival)
release_notices     解除集中隔离医学观察告知书 (one page per person; many = one document)
temperature_record  体温登记表 with a chart and the threshold line
door_cards          房间门卡 with a QR code
daily_report        日报表 (a zero report is still a report)
disinfection        终末消毒记录
ledger              人员台账
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from PIL import Image
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from models.reads.reports import DailyReport, DisinfectionRow, LedgerRow, PersonForm, SheetFloor

from .base import FONT, Frame, build_pdf, content_width, field_table, grid_table, p
from .labels import L, doc_type_label, lines, sex_label, swab_label


def stay_code(stay_id: int) -> str:
    """What the desk's barcode scanner reads back (views/scanner.py)."""
    return f"ISODESK:STAY:{stay_id}"


def qr_image(text: str) -> ImageReader:
    """A QR code as a tiny 1-bit image (fast to make, small in the PDF). The mask pattern is fixed:
    trying all eight is ReportLab's default and costs 8x; any mask reads the same."""
    # alphanumeric mode (capitals, digits, ':'): "ISODESK:STAY:<id>" fits a version-1 code up to id 9,999,999
    q = qrencoder.QRCode(1 if len(text) <= 20 else 3, qrencoder.QRErrorCorrectLevel.M)
    q.addData(qrencoder.QRAlphaNum(text))
    q.makeImpl(False, 0)
    n = q.getModuleCount()
    border = 2
    img = Image.new("1", (n + 2 * border, n + 2 * border), 1)
    px = img.load()
    assert px is not None  # None only for an image without pixels
    for r in range(n):
        for c in range(n):
            if q.isDark(r, c):
                px[c + border, r + border] = 0
    # 4 pixels per module: viewers and printers that smooth a scaled-up bitmap keep the edges sharp
    return ImageReader(img.resize((img.width * 4, img.height * 4), Image.Resampling.NEAREST))


class QR(Flowable):
    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text, self.size = text, size
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.drawImage(qr_image(self.text), 0, 0, self.size, self.size)


def _frame(
    site: str, title: str, day: object, printed_by: str, printed_at: datetime, lang: str, land: bool = False
) -> Frame:
    return Frame(site, title, str(day), printed_by, printed_at, lang, land)


# --- 1. daily observation sheets ----------------------------------------------------------------------


def daily_sheets(
    site: str, day: date, floors: Sequence[SheetFloor], lang: str, printed_by: str, printed_at: datetime
) -> bytes:
    t = L(lang)
    frame = _frame(site, t["sheet_title"], day, printed_by, printed_at, lang, land=True)
    width = content_width(frame)
    fixed = [16, 22, 9, 9, 15, 18, 15, 15, 0, 12, 20, 13]  # mm; 0 = the symptoms column takes the rest
    widths = [w * mm for w in fixed]
    widths[8] = width - sum(widths)
    header: list[object] = [
        t["room"], t["name"], t["sex"], t["age"], t["day_n"], t["release"],
        t["am"], t["pm"], t["symptoms_short"], t["swab"], t["signature"], "",
    ]  # fmt: skip
    story: list[Flowable] = []
    for i, floor in enumerate(floors):
        if i:
            story.append(PageBreak())
        story.append(p(f"{t['sheet_title']} · {floor.label}", "title"))
        rows: list[list[object]] = [header]
        for r in floor.rows:
            rows.append(
                [
                    r.room,
                    r.name,
                    sex_label(r.sex, lang),
                    "" if r.age is None else str(r.age),
                    f"{r.day_n}/{r.days_total}",
                    r.planned_release.strftime("%m-%d"),
                    "",
                    "",
                    t["symptom_boxes"],
                    "●" if r.swab_due else "",
                    "",
                    QR(stay_code(r.stay_id), 11 * mm),
                ]
            )
        if not floor.rows:
            rows.append([t["nobody"], *[""] * 11])
        table = grid_table(rows, widths, plain=frozenset({0, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
        table.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#fafafa")])]))
        story.append(table)
        if floor.empty_rooms:
            story.append(Spacer(1, 3 * mm))
            story.append(p(t["empty_rooms"] + "：" + "、".join(floor.empty_rooms), "small"))
        story.append(Spacer(1, 2 * mm))
        story.append(p(t["sheet_footer"], "small"))
    if not floors:
        story.append(p(t["sheet_title"], "title"))
        story.append(p(t["nobody"]))
    return build_pdf(frame, story)


# --- 2. registration form and notice -------------------------------------------------------------------


def _person_pairs(f: PersonForm, lang: str) -> list[tuple[str, object]]:
    t = L(lang)
    return [
        (t["name"], f.name),
        (t["sex"], sex_label(f.sex, lang)),
        (t["birth"], f.birth_date.isoformat() if f.birth_date else ""),
        (t["age"], "" if f.age is None else f.age),
        (t["doc_type"], doc_type_label(f.doc_type, lang)),
        (t["doc_number"], f.doc_number),
        (t["phone"], f.phone),
        (t["origin"], f.origin),
        (t["address"], f.address),
        (t["category"], f.category_zh if lang == "zh_CN" else f.category_en),
        (t["exposure"], f.last_exposure),
        (t["arrived"], f.arrived_at),
        (t["room"], f.room),
        (t["release"], f.planned_release.isoformat()),
        (t["home_until"], f.home_until.isoformat() if f.home_until else "—"),
        (t["companions"], f.companions or "—"),
        (t["needs"], f.special_needs or "—"),
        (t["notes"], f.notes or ""),
    ]


def _registration_story(frame: Frame, forms: Sequence[PersonForm], lang: str) -> list[Flowable]:
    t = L(lang)
    width = content_width(frame)
    story: list[Flowable] = []
    for i, f in enumerate(forms):
        if i:
            story.append(PageBreak())
        story += [p(t["reg_title"], "title"), field_table(_person_pairs(f, lang), width), Spacer(1, 10 * mm)]
        story.append(grid_table([[t["sign_person"], "", t["sign_staff"], ""]], [30 * mm, 60 * mm, 30 * mm, 60 * mm], 0))
    return story


def _notice_story(frame: Frame, forms: Sequence[PersonForm], lang: str) -> list[Flowable]:
    t = L(lang)
    story: list[Flowable] = []
    for i, f in enumerate(forms):
        if i:
            story.append(PageBreak())
        story.append(p(t["notice_title"], "title"))
        story.append(p(t["notice_to"].format(name=f.name), "body"))
        story.append(Spacer(1, 3 * mm))
        story.append(
            p(t["notice_body"].format(site=frame.site, room=f.room, start=f.day_one, end=f.planned_release), "text")
        )
        for rule in lines(lang, "notice_rules"):
            story.append(p(rule, "text"))
        story += [Spacer(1, 12 * mm), p(t["notice_sign"], "body")]
    return story


def registration(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    frame = _frame(site, L(lang)["reg_title"], printed_at.date(), printed_by, printed_at, lang)
    return build_pdf(frame, _registration_story(frame, forms, lang))


def notice(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    frame = _frame(site, L(lang)["notice_title"], printed_at.date(), printed_by, printed_at, lang)
    return build_pdf(frame, _notice_story(frame, forms, lang))


def arrival_pack(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    """What the desk hands over at arrival: the registration form and the notice, in one document."""
    frame = _frame(site, L(lang)["reg_title"], printed_at.date(), printed_by, printed_at, lang)
    return build_pdf(frame, [*_registration_story(frame, forms, lang), PageBreak(), *_notice_story(frame, forms, lang)])


# --- 3. release notices --------------------------------------------------------------------------------


def release_notices(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    t = L(lang)
    frame = _frame(site, t["release_title"], printed_at.date(), printed_by, printed_at, lang)
    width = content_width(frame)
    story: list[Flowable] = []
    for i, f in enumerate(forms):
        if i:
            story.append(PageBreak())
        home_days = (f.home_until - f.planned_release).days + 1 if f.home_until else 0
        pairs = [
            (t["name"], f.name),
            (t["doc_number"], f.doc_number),
            (t["site"], site),
            (t["room"], f.room),
            (t["iso_from"], f.day_one.isoformat()),
            (t["iso_to"], (f.planned_release - timedelta(days=1)).isoformat()),
            (t["last_swab"], swab_label(f.last_swab, lang)),
            (t["home_period"], t["home_days"].format(n=home_days, until=f.home_until) if f.home_until else "—"),
        ]
        story += [p(t["release_title"], "title"), field_table(pairs, width), Spacer(1, 5 * mm)]
        story.append(p(t["release_body"].format(name=f.name, end=f.planned_release), "text"))
        for rule in lines(lang, "home_rules"):
            story.append(p(rule, "text"))
        story += [Spacer(1, 12 * mm)]
        story.append(
            grid_table(
                [[t["sign_person"], "", t["sign_site"], ""], [t["date"], "", t["date"], ""]],
                [30 * mm, 60 * mm, 30 * mm, 60 * mm],
                0,
            )
        )
    if not forms:
        story += [p(t["release_title"], "title"), p(t["nobody_release"])]
    return build_pdf(frame, story)


# --- 4. temperature record -------------------------------------------------------------------------------


def _chart(f: PersonForm, width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    lp = LinePlot()
    # types-reportlab has the plot area's sizes as int (from their defaults): they are any number
    lp.x, lp.y, lp.width, lp.height = 30, 25, width - 45, height - 40  # type: ignore[assignment]
    start = f.day_one.toordinal()
    series = [(at.date().toordinal() - start + 1 + (0.5 if slot == "pm" else 0), temp)
              for at, temp, slot in f.readings if temp is not None]  # fmt: skip
    lp.data = [series or [(1, 36.5)]]
    lp.lines[0].strokeColor = colors.HexColor("#1565c0")
    lp.lines[0].symbol = None
    lp.yValueAxis.valueMin, lp.yValueAxis.valueMax = 35.0, 41.0
    lp.yValueAxis.valueStep = 0.5
    days = max((f.planned_release - f.day_one).days, int(max((x for x, _ in series), default=1)) + 1)
    lp.xValueAxis.valueMin, lp.xValueAxis.valueMax = 1, max(days, 2)
    lp.xValueAxis.valueStep = 1
    for axis in (lp.xValueAxis, lp.yValueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = 7
    d.add(lp)
    y = lp.y + (f.threshold - 35.0) / 6.0 * lp.height
    d.add(Line(lp.x, y, lp.x + lp.width, y, strokeColor=colors.red, strokeDashArray=[3, 2]))
    d.add(String(lp.x + lp.width - 2, y + 2, f"{f.threshold:.1f} °C", fontName=FONT, fontSize=7, textAnchor="end",
                 fillColor=colors.red))  # fmt: skip
    return d


def temperature_record(
    site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime
) -> bytes:
    t = L(lang)
    frame = _frame(site, t["temp_title"], printed_at.date(), printed_by, printed_at, lang)
    width = content_width(frame)
    story: list[Flowable] = []
    for i, f in enumerate(forms):
        if i:
            story.append(PageBreak())
        story.append(p(t["temp_title"], "title"))
        story.append(
            field_table(
                [
                    (t["name"], f.name),
                    (t["room"], f.room),
                    (t["arrived"], f.arrived_at),
                    (t["release"], f.planned_release.isoformat()),
                ],
                width,
            )
        )
        story += [Spacer(1, 4 * mm), _chart(f, width, 70 * mm), Spacer(1, 4 * mm)]
        by_day: dict[date, dict[str, str]] = {}
        for at, temp, slot in f.readings:
            cell = by_day.setdefault(at.date(), {})
            value = f"{temp:.1f}" if temp is not None else "—"
            cell[slot] = f"{cell[slot]} → {value}" if slot in cell else value  # a recheck follows
        rows: list[list[object]] = [[t["date"], t["day_n"], t["am"], t["pm"]]]
        for d0 in sorted(by_day):
            rows.append([d0.isoformat(), (d0 - f.day_one).days + 1, by_day[d0].get("am", ""), by_day[d0].get("pm", "")])
        if len(rows) == 1:
            rows.append([t["no_readings"], "", "", ""])
        story.append(grid_table(rows, [40 * mm, 20 * mm, (width - 60 * mm) / 2, (width - 60 * mm) / 2]))
    return build_pdf(frame, story)


# --- 5. door cards ---------------------------------------------------------------------------------------


def door_cards(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    """Two cards per A4 page, to cut along the line."""
    t = L(lang)
    frame = _frame(site, t["card_title"], printed_at.date(), printed_by, printed_at, lang)
    width = content_width(frame)
    story: list[Flowable] = []
    for f in forms:
        info = Table(
            [
                [p(f.room, "big")],
                [p(f.name, "big")],
                [p(f"{t['arrived']}：{f.arrived_at[:10]}", "h2")],
                [p(f"{t['release']}：{f.planned_release.isoformat()}", "h2")],
            ],
            colWidths=[width - 60 * mm],
        )
        card = Table([[info, QR(stay_code(f.stay_id), 45 * mm)]], colWidths=[width - 55 * mm, 55 * mm])
        card.setStyle(
            TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
        )
        story += [CondPageBreak(110 * mm), KeepTogether([p(t["card_title"], "h2"), card]), Spacer(1, 15 * mm)]
    if not forms:
        story.append(p(t["nobody"]))
    return build_pdf(frame, story)


# --- 6. daily report -------------------------------------------------------------------------------------

REPORT_FIELDS = (
    "rooms_total",
    "occupied",
    "available",
    "awaiting_disinfection",
    "out_of_service",
    "people_present",
    "arrivals",
    "releases",
    "releases_cumulative",
    "transfers",
    "fevers",
    "swabs_taken",
    "swabs_positive",
)


def daily_report(report: DailyReport, lang: str, printed_by: str, printed_at: datetime) -> bytes:
    t = L(lang)
    frame = _frame(report.site, t["report_title"], report.day, printed_by, printed_at, lang)
    width = content_width(frame)
    rows: list[list[object]] = [[t["item"], t["count"]]]
    rows += [[t[f"r_{k}"], str(getattr(report, k))] for k in REPORT_FIELDS]
    story: list[Flowable] = [
        p(t["report_title"], "title"),
        p(t["report_sub"].format(site=report.site, day=report.day.isoformat()), "body"),
        Spacer(1, 4 * mm),
        grid_table(rows, [width * 0.6, width * 0.4]),
    ]
    if not any(getattr(report, k) for k in ("arrivals", "releases", "transfers", "fevers", "swabs_positive")):
        story += [Spacer(1, 3 * mm), p(t["zero_report"], "body")]  # 零报告: nothing happened, still reported
    story += [Spacer(1, 12 * mm), p(t["report_sign"], "body")]
    return build_pdf(frame, story)


# --- 7. disinfection record and ledger ------------------------------------------------------------------


def disinfection(
    site: str,
    day_from: date,
    day_to: date,
    rows: Sequence[DisinfectionRow],
    lang: str,
    printed_by: str,
    printed_at: datetime,
) -> bytes:
    t = L(lang)
    frame = _frame(site, t["dis_title"], f"{day_from} – {day_to}", printed_by, printed_at, lang, land=True)
    width = content_width(frame)
    head = [t["room"], t["previous"], t["left_at"], t["why"], t["dis_at"], t["agent"], t["concentration"],
            t["done_by"], t["checked_by"]]  # fmt: skip
    body = [[r.room, r.previous, r.left_at, r.why, r.disinfected_at, r.agent, r.concentration, r.done_by,
             r.checked_by] for r in rows]  # fmt: skip
    if not body:
        body = [[t["none"]] + [""] * 8]
    story: list[Flowable] = [p(t["dis_title"], "title"), grid_table([head, *body], [width / 9] * 9)]
    return build_pdf(frame, story)


def ledger(site: str, day: date, rows: Sequence[LedgerRow], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    t = L(lang)
    frame = _frame(site, t["ledger_title"], day, printed_by, printed_at, lang, land=True)
    width = content_width(frame)
    head = [t["name"], t["sex"], t["age"], t["doc_number"], t["phone"], t["origin"], t["category"], t["room"],
            t["arrived"], t["release"], t["departed"], t["departure"]]  # fmt: skip
    body = [[r.name, sex_label(r.sex, lang), r.age if r.age is not None else "", r.doc, r.phone, r.origin, r.category,
             r.room, r.arrived, r.planned_release, r.departed, r.departure] for r in rows]  # fmt: skip
    if not body:
        body = [[t["none"], *[""] * 11]]
    story: list[Flowable] = [p(t["ledger_title"], "title"), grid_table([head, *body], [width / 12] * 12)]
    return build_pdf(frame, story)
