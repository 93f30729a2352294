"""Glyphs and fit: rare characters of names (CJK Ext A 䶮, Ext B 𠮷) print and show through the bundled
fallback font, and no form's text runs out of its table cell, in Chinese or English."""

from __future__ import annotations

import io
import random
import re
import shutil
from collections.abc import Iterator
from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from models import clock as clock_module
from models.demo import synthetic
from models.demo.builder import build_demo
from models.reads import reports
from models.services.arrivals import ArrivalInput, register_arrival
from models.services.stays import change_room, release
from models.store.db import make_engine, session_factory
from models.store.orm import Site, User
from printing import base, forms
from printing.documents import render
from printing.form_names import FORMS
from printing.forms.sheets import recording_cells
from resources import FALLBACK_FONT_FAMILY, FALLBACK_FONT_FILE, FONT_FAMILY
from tests.conftest import NOW, TZ, local
from tests.helpers import free_rooms

PRINTED = datetime(2026, 11, 23, 9, 30, tzinfo=TZ)
RARE = "王䶮𠮷"  # 䶮 U+4DAE (Ext A), 𠮷 U+20BB7 (Ext B): neither is in WenQuanYi Micro Hei
FALLBACK_PDF_NAME = "IsoDeskCJKExt-Regular"  # the fallback's PostScript name, the PDF's /BaseFont


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def fonts_of_chars(pdf: bytes) -> dict[str, set[str]]:
    """Each character shown in ``pdf`` -> the /BaseFont of the fonts it is shown in; and checks that every
    such font is embedded (a TrueType subset with its FontFile2)."""
    seen: dict[str, set[str]] = {}

    def visit(text: str, cm: object, tm: object, font: dict | None, size: object) -> None:
        if not font or not text.strip():
            return
        name = str(font["/BaseFont"])
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{name} is not embedded"
        for ch in text.strip():
            seen.setdefault(ch, set()).add(name.split("+")[-1])

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return seen


def test_fallback_font_is_shipped_with_its_licence():
    assert FALLBACK_FONT_FILE.is_file() and (FALLBACK_FONT_FILE.parent / "LICENSE-hanazono.txt").is_file()
    assert base.runs(RARE) == [(base.FONT, "王"), (base.FALLBACK, "䶮𠮷")]
    assert base.runs("A栋 101") == [(base.FONT, "A栋 101")]  # what the main font has stays in it
    assert base.markup("<王䶮>") == '&lt;王<font name="HanaExt">䶮</font>&gt;'


def test_rare_characters_print_as_real_text_in_the_embedded_fallback(session, site, desk, make_arrival):
    stay = register_arrival(session, desk, make_arrival(name=RARE), free_rooms(session, 1)[0].id, now=NOW)
    data = reports.person_forms(session, [stay.id])
    # the page frame too: a site and a clerk with rare characters in their names
    pdf = forms.registration("𠮷祥䶮隔离点", data, "zh_CN", "李䶮", PRINTED)
    [page] = text_of(pdf)
    assert RARE in page and "𠮷祥䶮隔离点" in page and "打印人：李䶮" in page
    fonts = fonts_of_chars(pdf)
    assert fonts["䶮"] == fonts["𠮷"] == {FALLBACK_PDF_NAME}
    assert fonts["王"] == {"WenQuanYiMicroHei-0"}
    for build in (forms.door_cards, forms.notice, forms.temperature_record):
        pdf = build(site.name, data, "zh_CN", "前台一", PRINTED)
        assert RARE in "".join(text_of(pdf)), build.__name__
        assert fonts_of_chars(pdf)["𠮷"] == {FALLBACK_PDF_NAME}
    sheets = forms.daily_sheets(
        site.name, NOW.date(), reports.sheet_floors(session, NOW.date()), "zh_CN", "前", PRINTED
    )
    assert RARE in "".join(text_of(sheets)) and fonts_of_chars(sheets)["䶮"] == {FALLBACK_PDF_NAME}


def test_plain_table_cells_with_rare_characters_become_paragraphs():
    """grid_table draws its ``plain`` columns as bare strings in one font: a rare character there would be
    a blank, so such a cell is set as a paragraph."""
    frame = base.Frame("site", "t", "2026-11-23", "me", PRINTED)
    table = base.grid_table([["名"], [RARE], ["张三"]], [40 * mm], plain=frozenset({0}))
    assert isinstance(table._cellvalues[1][0], Paragraph) and table._cellvalues[2][0] == "张三"
    pdf = base.build_pdf(frame, [table])
    assert RARE in text_of(pdf)[0] and fonts_of_chars(pdf)["𠮷"] == {FALLBACK_PDF_NAME}


def test_the_gui_font_falls_back_per_character(qapp, qtbot, tmp_path, monkeypatch, app_settings):
    from PySide6.QtGui import QFont, QFontMetrics, QRawFont, QTextLayout
    from PySide6.QtWidgets import QLabel

    from views.application import make_app

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    make_app(theme=True, settings=app_settings)
    families = qapp.font().families()
    assert families[-1] == FALLBACK_FONT_FAMILY and families[-2] == FONT_FAMILY  # after the system's, if any
    raw = QRawFont.fromFont(QFont(FALLBACK_FONT_FAMILY))
    assert raw.familyName() == FALLBACK_FONT_FAMILY
    assert raw.supportsCharacter(0x4DAE) and raw.supportsCharacter(0x20BB7)
    metrics = QFontMetrics(qapp.font())
    assert metrics.inFontUcs4(0x4DAE) and metrics.inFontUcs4(0x20BB7)
    label = QLabel(RARE)  # under the theme's style sheet, whose font-family must keep the fallback
    qtbot.addWidget(label)
    label.ensurePolished()
    assert FALLBACK_FONT_FAMILY in label.font().families()
    layout = QTextLayout(RARE, label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    shaped = {run.rawFont().familyName(): len(run.glyphIndexes()) for run in layout.glyphRuns()}
    assert shaped.get(FALLBACK_FONT_FAMILY) == 2 and 0 not in [g for r in layout.glyphRuns() for g in r.glyphIndexes()]


# forms that still set some text in paragraphs of their own, without base.markup (reported; being reworked)
OWN_PARAGRAPHS: dict[str, str] = {}


def forms_known_to_fail(known: dict[str, str]) -> list[object]:
    """FORMS, those in ``known`` marked as failing (strictly: the mark must go once they are fixed)."""
    return [pytest.param(f, marks=pytest.mark.xfail(strict=True, reason=known[f])) if f in known else f for f in FORMS]


@pytest.mark.parametrize("form", forms_known_to_fail(OWN_PARAGRAPHS))
def test_no_form_draws_a_character_in_a_font_that_lacks_it(session, site, desk, make_arrival, form):
    """Whatever path text takes into a PDF, a character the main font lacks is drawn in the fallback: here
    two guests with rare names, one who moved room today and one released today."""
    rooms = free_rooms(session, 3)
    came = local(2026, 11, 20)
    moved = register_arrival(session, desk, make_arrival(name=RARE, arrived_at=came), rooms[0].id, now=NOW)
    change_room(session, desk, moved.id, rooms[1].id, "测试", now=NOW)
    left = register_arrival(session, desk, make_arrival(name="刘䶮", arrived_at=came), rooms[2].id, now=NOW)
    release(session, desk, left.id, override_reason="测试", now=NOW)
    main = pdfmetrics.getFont(base.register_font())
    assert isinstance(main, TTFont)
    has = main.face.charToGlyph
    for lang in ("zh_CN", "en"):
        ids = None if form == "daily-sheets" else [moved.id, left.id]
        pdf = render(session, form, NOW.date(), actor=desk, stay_ids=ids, lang=lang, printed_by="李䶮", now=PRINTED)
        session.rollback()
        drawn = fonts_of_chars(pdf)
        # ReportLab draws a character its font lacks as U+0000 (a blank); it reads back as "\x00"
        missing = {
            ch for ch, fonts in drawn.items() if "WenQuanYiMicroHei-0" in fonts and (ch == "\x00" or ord(ch) not in has)
        }
        assert not missing, f"{form} {lang}: drawn in the main font, which lacks them: {sorted(missing)}"
        assert "䶮" in drawn and drawn["䶮"] == {FALLBACK_PDF_NAME}


# --- fit: every table cell's text within its column --------------------------------------------------

# where a line may break without breaking a word: spaces, CJK ideographs and full-width forms (Ext A-F too)
BREAKABLE = re.compile(r"[\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]+")
# forms known to let a cell's text overflow (form -> reason), marked as failing until fixed; none now
OVERFLOWS: dict[str, str] = {}


def _para_problems(para: Paragraph, avail: float, where: str) -> list[str]:
    out = []
    text = "".join(getattr(f, "text", "") for f in para.frags)
    style = para.style
    para.wrap(avail, 1e6)
    lines = para.blPara.lines
    kind = para.blPara.kind
    shown = ["".join(getattr(w, "text", w) for w in line.words) if kind else " ".join(line[1]) for line in lines]
    for token in BREAKABLE.split(text):
        width = stringWidth(token, style.fontName, style.fontSize) if token else 0.0
        if width > avail + 0.01:  # ReportLab would split the word (or number) across lines
            out.append(f"{where}: {token!r} is {width:.1f}pt wide in {avail:.1f}pt")
        elif token and not any(token in line for line in shown):  # it fits a line, yet the wrap cut it
            out.append(f"{where}: {token!r} is broken across lines {shown}")
    for line in lines:
        extra = line.extraSpace if kind else line[0]
        if extra < -0.01:
            out.append(f"{where}: a line of {text!r} overflows by {-extra:.1f}pt")
    return out


def _problems(f: object, avail: float, where: str) -> list[str]:
    if isinstance(f, Table):
        return _table_problems(f, avail, where)
    if isinstance(f, Paragraph):
        return _para_problems(f, avail, where)
    if isinstance(f, (list, tuple)):
        return [p for g in f for p in _problems(g, avail, where)]
    if hasattr(f, "_content"):  # KeepTogether
        return _problems(f._content, avail, where)
    width = getattr(f, "width", 0) or 0
    if isinstance(f, Flowable) and width > avail + 0.01:
        return [f"{where}: {type(f).__name__} is {width:.1f}pt wide in {avail:.1f}pt"]
    return []


def _drawn_problems(cell: tuple[object, float, float], where: str) -> list[str]:
    """A cell of the daily sheets (printing.forms.sheets.recording_cells): a paragraph as in a table, a
    plain text at the size it is drawn in."""
    value, room, size = cell
    if isinstance(value, Paragraph):
        return _problems(value, room, where)
    width = stringWidth(str(value), base.FONT, size)
    return [f"{where}: {value!r} is {width:.1f}pt wide in {room:.1f}pt"] if width > room + 0.01 else []


def _table_problems(t: Table, avail: float, where: str) -> list[str]:
    widths = list(getattr(t, "_colWidths", None) or t._argW)
    out = [f"{where}: table {sum(widths):.1f}pt wide in {avail:.1f}pt"] if sum(widths) > avail + 0.01 else []
    spans = getattr(t, "_spanRanges", None) or {}
    for r, row in enumerate(t._cellvalues):
        for c, value in enumerate(row):
            span = spans.get((c, r), (c, r, c, r))
            if span is None:  # inside another cell's span
                continue
            style = t._cellStyles[r][c]
            room = sum(widths[span[0] : span[2] + 1]) - style.leftPadding - style.rightPadding
            here = f"{where} row {r} col {c}"
            if isinstance(value, (Flowable, list, tuple)):
                out += _problems(value, room, here)
            elif value not in (None, ""):
                for line in str(value).split("\n"):  # a plain string: drawn as is, never wrapped
                    width = stringWidth(line, style.fontname, style.fontsize)
                    if width > room + 0.01:
                        out.append(f"{here}: {line!r} is {width:.1f}pt wide in {room:.1f}pt")
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, sqlite_template) -> Iterator[tuple[Engine, list[int]]]:
    """A small demo site (built once for the module), one more guest with a rare name; the stays present."""
    path = tmp_path_factory.mktemp("fit") / "demo.sqlite3"
    shutil.copy(sqlite_template, path)
    engine = make_engine(path)
    with clock_module.using(clock_module.FixedClock(NOW)):
        build_demo(engine, rooms=60, days=20, seed=3, now=NOW)
        with session_factory(engine)() as s:
            user = s.scalar(select(User).where(User.username == "demo"))
            person = synthetic.person(random.Random(7), NOW.date(), min_age=18, max_age=70)
            guest = ArrivalInput(name=RARE, doc_number=person["doc_number"], category="close_contact",
                                 phone=person["phone"], origin=person["origin"], arrived_at=NOW)  # fmt: skip
            stay = register_arrival(s, user, guest, free_rooms(s, 1)[0].id, now=NOW)
            present = reports.present_on_floor(s, None)
            stays = [stay.id, *[i for i in present if i != stay.id][:5]]
    yield engine, stays
    engine.dispose()


# arrival-batch is its parts (BATCH_PARTS) put together: each of them is measured here on its own
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("form", [f for f in forms_known_to_fail(OVERFLOWS) if f != "arrival-batch"])
def test_every_cell_of_every_form_fits_its_column(demo, monkeypatch, form, lang):
    """Each table of the form (after the build, so with its real column widths) is measured cell by cell:
    a plain string must fit its column less the padding; a paragraph must not overflow its lines nor have
    to split a word or number (an ID, a date, an English word) across lines; a flowable must fit."""
    engine, stays = demo
    built: list[tuple[SimpleDocTemplate, list[object]]] = []
    original = SimpleDocTemplate.build

    def build(self: SimpleDocTemplate, flowables: list[object], *args: object, **kwargs: object) -> object:
        built.append((self, list(flowables)))
        return original(self, flowables, *args, **kwargs)

    monkeypatch.setattr(SimpleDocTemplate, "build", build)
    with session_factory(engine)() as s, recording_cells() as drawn:
        ids = None if form == "daily-sheets" else stays
        assert render(s, form, NOW.date(), actor=None, stay_ids=ids, lang=lang, printed_by="前台一", now=PRINTED)
    if form == "daily-sheets":  # drawn on the canvas, not by Platypus: every cell it laid out
        problems = [p for i, c in enumerate(drawn) for p in _drawn_problems(c, f"{form} {lang} #{i}")]
    else:
        [(doc, story)] = built
        problems = [p for i, f in enumerate(story) for p in _problems(f, doc.width, f"{form} {lang} #{i}")]
    assert not problems, "\n".join(dict.fromkeys(re.sub(r" #\d+ row \d+", "", p) for p in problems))


# --- line breaks: English words whole, Chinese line-break rules -------------------------------------

# a line may not start with these (closing and pausing marks, full-width closing forms) nor end with those
CANNOT_START = "，。、；：？！）」』】〕〗〙〉》｝］"
CANNOT_END = "（「『【〔〖〘〈《｛［"
_CJK_CHAR = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")


def _in_word(c: str) -> bool:
    return not c.isspace() and not _CJK_CHAR.match(c)


def _break_problems(para: Paragraph, avail: float, where: str) -> list[str]:
    """Where the laid-out lines of ``para`` (after its wrap at ``avail``) break: a word (Latin letters,
    digits and their punctuation: "Age", "2026-11-23", "Isolation") cut between two lines; a line that
    starts with a mark of CANNOT_START or ends with one of CANNOT_END. The lines are found back in the
    paragraph's text, so a break at a space is told from one inside a word; a <br/> is no break."""
    para.wrap(avail, 1e6)
    bl = para.blPara
    if bl.kind:
        lines = [
            ("".join(getattr(w, "text", "") for w in ln.words), bool(getattr(ln, "lineBreak", 0))) for ln in bl.lines
        ]
    else:
        lines = [(" ".join(ln[1]), False) for ln in bl.lines]
    text = "".join(getattr(f, "text", "") or "" for f in para.frags)
    out, at = [], 0
    for n, (line, forced) in enumerate(lines):
        kept = "".join(line.split())
        k = 0
        while k < len(kept) and at < len(text):  # past this line's characters in the text
            k += not text[at].isspace()
            at += 1
        following = "".join(lines[n + 1][0].split()) if n + 1 < len(lines) else ""
        if forced or not kept or not following:
            continue
        shown = f"{line!r} | {lines[n + 1][0]!r}"
        if at < len(text) and _in_word(text[at - 1]) and _in_word(text[at]):
            out.append(f"{where}: a word is broken: {shown}")
        if following[0] in CANNOT_START:
            out.append(f"{where}: a line starts with {following[0]}: {shown}")
        if kept[-1] in CANNOT_END:
            out.append(f"{where}: a line ends with {kept[-1]}: {shown}")
    return out


def _paragraphs(f: object, avail: float, where: str) -> Iterator[tuple[Paragraph, float, str]]:
    """Every paragraph in ``f`` (a story's flowable) with the width it is laid out in."""
    if isinstance(f, Table):
        widths = list(getattr(f, "_colWidths", None) or f._argW)
        spans = getattr(f, "_spanRanges", None) or {}
        for r, row in enumerate(f._cellvalues):
            for c, value in enumerate(row):
                span = spans.get((c, r), (c, r, c, r))
                if span is not None:
                    style = f._cellStyles[r][c]
                    room = sum(widths[span[0] : span[2] + 1]) - style.leftPadding - style.rightPadding
                    yield from _paragraphs(value, room, f"{where} row {r} col {c}")
    elif isinstance(f, Paragraph):
        yield f, avail, where
    elif isinstance(f, (list, tuple)):
        for g in f:
            yield from _paragraphs(g, avail, where)
    elif hasattr(f, "_content"):  # KeepTogether
        yield from _paragraphs(f._content, avail, where)


# site names whose length moves the notices' line breaks onto a ，or into a Latin word
SITE_NAMES = ("示范隔离点一二三", "东城区集中隔离医学观察点 Dongcheng Centralised Isolation")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("form", [f for f in FORMS if f != "arrival-batch"])
def test_every_line_of_every_form_breaks_where_its_language_allows(demo, monkeypatch, form, lang):
    """Each paragraph of the form, in its table cell or on the page, laid out as printed: no word cut in
    two (English, and Latin words in Chinese text), no line starting with ，。、；：？！）」』】 (or another
    closing form) nor ending with （「『【; with site names of several lengths and languages."""
    engine, stays = demo
    built: list[tuple[SimpleDocTemplate, list[object]]] = []
    original = SimpleDocTemplate.build

    def build(self: SimpleDocTemplate, flowables: list[object], *args: object, **kwargs: object) -> object:
        built.append((self, list(flowables)))
        return original(self, flowables, *args, **kwargs)

    monkeypatch.setattr(SimpleDocTemplate, "build", build)
    problems: list[str] = []
    with session_factory(engine)() as s:
        for name in SITE_NAMES:
            s.execute(update(Site).values(name=name))  # never committed
            built.clear()
            ids = None if form == "daily-sheets" else stays
            with recording_cells() as drawn:
                assert render(
                    s, form, NOW.date(), actor=None, stay_ids=ids, lang=lang, printed_by="前台一", now=PRINTED
                )
            if form == "daily-sheets":  # drawn on the canvas: the paragraphs it laid out, in their widths
                story = [(c[0], c[1]) for c in drawn if isinstance(c[0], Paragraph)]
            else:
                [(doc, flowables)] = built
                story = [(f, doc.width) for f in flowables]
            for i, (f, width) in enumerate(story):
                for para, avail, where in _paragraphs(f, width, f"{form} {lang} {name[:6]} #{i}"):
                    assert isinstance(para, base.Para), f"{where}: a paragraph not wrapped by base.Para"
                    problems += _break_problems(para, avail, where)
        s.rollback()
    assert not problems, "\n".join(dict.fromkeys(re.sub(r" #\d+ row \d+", "", p) for p in problems))


def test_a_column_too_narrow_for_a_heading_word_sets_it_smaller_not_split():
    """English headings of the daily sheet in columns narrower than their words ("Ag|e", "Mornin|g" as
    ReportLab's wrap cuts them): the word stays whole in a smaller font and fits its column."""
    frame = base.Frame("site", "t", "2026-11-23", "me", PRINTED, lang="en")
    heads = ["Age", "Morning °C", "Evening °C", "Recheck (time/°C)", "Measured by"]
    table = base.grid_table([heads, ["63", "", "", "", ""]], [8 * mm, 14 * mm, 14 * mm, 14 * mm, 15 * mm])
    base.build_pdf(frame, [table])
    cells = list(_paragraphs(table, 0, "head"))
    problems = [p for para, avail, where in cells for p in _break_problems(para, avail, where)]
    assert not problems, "\n".join(problems)
    assert not _table_problems(table, 1e6, "head")  # and each word fits its column
    age = cells[0][0]
    assert age.frags[0].text == "Age" and age.style.fontSize < base.styles()["cell"].fontSize


@pytest.mark.parametrize(
    "text",
    [
        "根据疫情防控要求，您将在示范隔离点 Demonstration Isolation Site（1号楼 2F 202）接受集中隔离医学观察，"
        "自 2026-11-23 起，预计于 2026-11-30 解除。期间请配合以下事项：",
        "未到解除日期（2026-11-30）；末次应检核酸（第 7 天）：未采样。「请勿外出」、『按时测温』！【注意】？",
        "Under the epidemic control rules you will stay at 示范隔离点 Demonstration Isolation Site from 2026-11-23.",
    ],
)
def test_a_paragraph_breaks_by_the_rules_at_every_width(text):
    """The wrap itself, at every width from three characters to a line: Latin words, dates and IDs in a
    Chinese text stay whole, ，。、；：？！ and closing brackets never start a line, opening ones never end it;
    no line overflows (ReportLab hangs a closing mark past the margin)."""
    para = base.p(text, "body")
    problems = []
    for width in range(60, 400, 3):
        problems += _break_problems(para, width, f"{width}pt")
        problems += [
            f"{width}pt overflows" for ln in para.blPara.lines if (ln.extraSpace if para.blPara.kind else ln[0]) < -0.01
        ]
    assert not problems, "\n".join(problems[:20])


def test_the_ui_takes_the_systems_chinese_font_when_there_is_one():
    from ui.theme import system_cjk_family

    assert system_cjk_family(["Arial", "Microsoft YaHei", "SimSun"]) == "Microsoft YaHei"  # a Chinese Windows
    assert system_cjk_family(["DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC"]) == "Noto Sans CJK SC"
    assert system_cjk_family(["Arial", "Segoe UI"]) is None  # an English Windows: the bundled font
