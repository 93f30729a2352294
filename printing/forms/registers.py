"""Registers: the terminal disinfection record (终末消毒记录), the ledgers (台账) for the command centre:
people (人员台账), releases (解除隔离台账), transfers (转运台账), and the hand-over list (入住人员交接清单) the
transfer team signs for a batch of arrivals.

Every register is one ruled table, its header repeated on each page, a row number (序号) first. Columns
are as wide as their content (:func:`fit_columns`): a masked ID number, a phone, a room, a row number never wrap,
a date and time wraps at most once (between the date and the time), names and places wrap when the page
is short of room. Codes are printed as words: departure kinds (``dep_*``), sex, the category's name.
IDs and phones are masked (the reads mask them): no register is a full-identifier form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, TableStyle

from models.rules.identity import mask_id, mask_phone

from ..base import _CJK, Frame, build_pdf, content_width, grid_table, p, runs
from ..labels import L
from .common import frame_for

if TYPE_CHECKING:  # the rows' types: the forms take plain data and need no database to print it
    from models.reads.areas import AreaDay, AreaLogRow
    from models.reads.followups import FollowUpRow
    from models.reads.reports import DepartureRow, DisinfectionRow, LedgerRow, PersonForm

SIZE = 8.5  # the body's font size (base.grid_table)
PAD = 6.0  # a cell's left and right padding together (3 pt each side: a register has many columns)
LONG = 36 * mm  # a free text (a reason, a note, an address) takes more lines rather than more width than this
# a word is never cut: a run of anything but blanks and CJK (an English word, a number, "MU588", an ID)
_WORD = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]+")


def _width(text: str, size: float = SIZE) -> float:
    return sum(stringWidth(chunk, font, size) for font, chunk in runs(text))


def _least(text: str, size: float) -> float:
    """The narrowest a wrapping cell may be: its longest word (a word, a number, an ID is never cut), and in
    CJK text (which wraps between any two characters) three characters."""
    longest = max((_width(w, size) for w in _WORD.findall(text)), default=0.0)
    if _CJK.search(text):
        return max(longest, min(_width(text, size), 3 * size))
    return longest


def _two_lines(text: str, size: float) -> float:
    """The narrowest width that sets ``text`` on two lines at most: the best place to break it (at a blank,
    or beside a CJK character; never inside a word)."""
    inside = {i for m in _WORD.finditer(text) for i in range(m.start() + 1, m.end())}
    best = _width(text, size)
    for i in range(1, len(text)):
        if i not in inside:
            best = min(best, max(_width(text[:i].rstrip(), size), _width(text[i:].lstrip(), size)))
    return max(best, _least(text, size))


def fit_columns(
    rows: Sequence[Sequence[str]],
    total: float,
    *,
    nowrap: frozenset[int] = frozenset(),
    blank: dict[int, float] | None = None,
    size: float = SIZE,
) -> list[float]:
    """Column widths (points) for ``rows`` (the header first) on ``total`` points, sized to the content.

    Each column has three widths: every cell on one line (``one``), on two lines at most (``two``, but no
    more than ``LONG``: a long free text takes more lines), and the least it may have (its longest word,
    three CJK characters). A ``nowrap`` column (a masked ID, a
    phone, a room) has its one-line width for all three; a ``blank`` column (filled in by hand) has the
    width given; a header may wrap after two CJK characters. Then, the first that fits on ``total``:
    every column on one line, the rest shared in proportion; every column on two lines at most, the
    room left unwrapping the columns that need least of it first (the rest to the one that needs most of
    it: a long free text, whose shorter cells then fit on one line); in proportion between the least widths
    and the two-line ones; the wrapping columns shrunk alike (a page too narrow for the table)."""
    blank = blank or {}
    n = len(rows[0])
    one, two, lo = [0.0] * n, [0.0] * n, [0.0] * n
    header = [str(h) for h in rows[0]]
    for c, h in enumerate(header):
        head_least = min(_width(h, size), 2 * size) if _CJK.search(h) else _least(h, size)
        if c in blank:
            one[c] = two[c] = lo[c] = max(blank[c] - PAD, head_least)
            continue
        one[c], two[c], lo[c] = _width(h, size), max(head_least, _two_lines(h, size)), head_least
        for text in {str(r[c]) for r in rows[1:]}:
            bound = len(text) * size  # no character is wider than the font size: measure only what may count
            if c in nowrap:  # every width is the one-line width
                if bound > lo[c]:
                    w = _width(text, size)
                    one[c], two[c], lo[c] = max(one[c], w), max(two[c], w), max(lo[c], w)
                continue
            if bound > one[c]:
                one[c] = max(one[c], _width(text, size))
            if bound > two[c]:
                two[c] = max(two[c], _two_lines(text, size))
            if bound > lo[c]:
                lo[c] = max(lo[c], _least(text, size))
    one = [w + PAD for w in one]
    two = [w + PAD if c in nowrap or c in blank else max(min(w + PAD, LONG), lo[c] + PAD) for c, w in enumerate(two)]
    lo = [w + PAD for w in lo]
    if sum(one) <= total:
        return [w + (total - sum(one)) * w / sum(one) for w in one]
    if sum(two) <= total:
        widths, left = list(two), total - sum(two)
        rest = sorted(range(n), key=lambda c: one[c] - two[c])
        while rest and one[rest[0]] - two[rest[0]] <= left:  # unwrap the columns that cost least first
            c = rest.pop(0)
            left -= one[c] - two[c]
            widths[c] = one[c]
        if rest:  # what is left goes to the column most in need (free text: its shorter cells fit on one line)
            widths[rest[-1]] += left
        return widths
    if sum(lo) >= total:  # a page too narrow for the table: the columns that may wrap shrink alike
        fixed = [c in nowrap or c in blank for c in range(n)]
        room = max(0.0, total - sum(w for w, f in zip(lo, fixed, strict=True) if f))
        free = sum(w for w, f in zip(lo, fixed, strict=True) if not f)
        return [w if f or not free else w * room / free for w, f in zip(lo, fixed, strict=True)]
    k = (total - sum(lo)) / (sum(two) - sum(lo))
    return [a + (b - a) * k for a, b in zip(lo, two, strict=True)]


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if at is not None else ""


def _day(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


def period(day_from: date, day_to: date) -> str:
    """The days a register covers, as its subtitle says them: one day, or the first – the last."""
    return day_from.isoformat() if day_from == day_to else f"{day_from} – {day_to}"


def departure_label(kind: str, lang: str) -> str:
    """A departure kind (DepartureKind value, or "moved" out of a room) as words."""
    t = L(lang)
    if kind == "moved":
        return t["lg_moved"]
    return t.get(f"dep_{kind}", kind) if kind else ""


def sex_word(sex: str, lang: str) -> str:
    return L(lang).get(f"lg_sex_{sex}", "") if sex else ""


def category_name(zh: str, en: str, lang: str) -> str:
    return zh if lang.startswith("zh") or not en else en


def _register(
    title: str,
    subtitle: object,
    site: str,
    head: list[str],
    body: list[list[str]],
    lang: str,
    printed_by: str,
    printed_at: datetime,
    *,
    nowrap: frozenset[int],
    blank: dict[int, float] | None = None,
    total_line: str = "",
    foot: str = "",
    tall: bool = False,
    sign: str = "",
) -> bytes:
    """A register: the title, the table (``head`` then ``body``, numbered), a count, the signature line
    (``sign``) and a note below."""
    frame = frame_for(site, title, subtitle, printed_by, printed_at, lang, land=True)
    story = register_story(
        frame, title, head, body, lang, nowrap=nowrap, blank=blank, total_line=total_line, foot=foot, tall=tall,
        sign=sign,
    )  # fmt: skip
    return build_pdf(frame, story)


def register_story(
    frame: Frame,
    title: str,
    head: list[str],
    body: list[list[str]],
    lang: str,
    *,
    nowrap: frozenset[int],
    blank: dict[int, float] | None = None,
    total_line: str = "",
    foot: str = "",
    tall: bool = False,
    sign: str = "",
    above: str = "",
) -> list[Flowable]:
    """The flowables of one register on ``frame`` (see :func:`_register`); ``above``: a line between the
    title and the table (whom a hand-over list is for)."""
    t = L(lang)
    width = content_width(frame)
    head = [t["lg_no"], *head]
    rows = [[str(i), *r] for i, r in enumerate(body, 1)] or [["", t["none"], *[""] * (len(head) - 2)]]
    nowrap = frozenset({0} | {c + 1 for c in nowrap})
    blank_cols = {c + 1: w for c, w in (blank or {}).items()}
    widths = fit_columns([head, *rows], width, nowrap=nowrap, blank=blank_cols)
    table = grid_table([head, *rows], widths, plain=nowrap)
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), PAD / 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD / 2),
                ("ALIGN", (0, 1), (0, -1), "RIGHT"),
            ]
        )
    )
    if tall:  # room to sign in each row
        table.setStyle(TableStyle([("TOPPADDING", (0, 1), (-1, -1), 7), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)]))
    story: list[Flowable] = [p(title, "title")]
    if above:
        story += [p(above, "body"), Spacer(1, 2 * mm)]
    story.append(table)
    if total_line:
        story += [Spacer(1, 2 * mm), p(total_line, "body")]
    if sign:
        story += [Spacer(1, 8 * mm), p(sign, "body")]
    if foot:
        story += [Spacer(1, 1 * mm), p(foot, "small")]
    return story


def disinfection(
    site: str,
    day_from: date,
    day_to: date,
    rows: Sequence[DisinfectionRow],
    lang: str,
    printed_by: str,
    printed_at: datetime,
) -> bytes:
    """终末消毒记录: each disinfection with the room, who left it when and how, when the room was ready again,
    the agent and its concentration, the method and the contact time (not recorded: blank columns to fill
    in by hand), who disinfected and who checked, and a signature box for each of them per row."""
    t = L(lang)
    head = [t["room"], t["previous"], t["left_at"], t["why"], t["dis_ready"], t["agent"], t["concentration"],
            t["dis_method"], t["dis_contact"], t["done_by"], t["checked_by"], t["dis_sign_done"],
            t["dis_sign_checked"]]  # fmt: skip
    body = [[r.room, r.previous, _when(r.left_at), departure_label(r.why, lang), _when(r.disinfected_at), r.agent,
             r.concentration, "", "", r.done_by, r.checked_by, "", ""] for r in rows]  # fmt: skip
    return _register(
        t["dis_title"], f"{day_from} – {day_to}", site, head, body, lang, printed_by, printed_at,
        nowrap=frozenset({0}), blank={7: 20 * mm, 8: 16 * mm, 11: 22 * mm, 12: 22 * mm},
        total_line=t["dis_count"].format(n=len(rows)), foot=t["dis_foot"], tall=True,
    )  # fmt: skip


def ledger(site: str, day: date, rows: Sequence[LedgerRow], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    """人员台账: everyone who stayed, with where they went."""
    t = L(lang)
    head = [t["name"], t["sex"], t["age"], t["doc_number"], t["phone"], t["origin"], t["category"], t["room"],
            t["arrived"], t["release"], t["departed"], t["departure"], t["lg_destination"]]  # fmt: skip
    body = [[r.name, sex_word(r.sex, lang), str(r.age) if r.age is not None else "", r.doc, r.phone, r.origin,
             category_name(r.category, r.category_en, lang), r.room, _when(r.arrived), _day(r.planned_release),
             _when(r.departed), departure_label(r.departure, lang), r.destination] for r in rows]  # fmt: skip
    return _register(
        t["ledger_title"], day, site, head, body, lang, printed_by, printed_at,
        nowrap=frozenset({1, 2, 3, 4, 7, 9}), total_line=t["lg_total"].format(n=len(rows)),
    )  # fmt: skip


def release_ledger(
    site: str, day: date, rows: Sequence[DepartureRow], lang: str, printed_by: str, printed_at: datetime
) -> bytes:
    """解除隔离台账: the people released, when, where to, and their home health monitoring."""
    t = L(lang)
    head = [t["name"], t["sex"], t["age"], t["doc_number"], t["phone"], t["category"], t["room"], t["arrived"],
            t["rel_released"], t["lg_destination"], t["rel_home_from"], t["rel_home_to"], t["rel_note"]]  # fmt: skip
    body = [[r.name, sex_word(r.sex, lang), str(r.age) if r.age is not None else "", r.doc, r.phone,
             category_name(r.category, r.category_en, lang), r.room, _when(r.arrived), _when(r.departed),
             r.destination, _day(r.home_from), _day(r.home_to),
             t["rel_override"].format(reason=r.reason) if r.reason else ""] for r in rows]  # fmt: skip
    return _register(
        t["rel_title"], day, site, head, body, lang, printed_by, printed_at,
        nowrap=frozenset({1, 2, 3, 4, 6, 10, 11}), total_line=t["lg_total"].format(n=len(rows)),
    )  # fmt: skip


def transfer_ledger(
    site: str, day: date, rows: Sequence[DepartureRow], lang: str, printed_by: str, printed_at: datetime
) -> bytes:
    """转运台账: the people transferred to hospital, to another site or to home isolation: when, where, why."""
    t = L(lang)
    head = [t["name"], t["sex"], t["age"], t["doc_number"], t["phone"], t["category"], t["room"], t["arrived"],
            t["tl_at"], t["tl_kind"], t["lg_destination"], t["tl_reason"]]  # fmt: skip
    body = [[r.name, sex_word(r.sex, lang), str(r.age) if r.age is not None else "", r.doc, r.phone,
             category_name(r.category, r.category_en, lang), r.room, _when(r.arrived), _when(r.departed),
             departure_label(r.kind, lang), r.destination, r.reason] for r in rows]  # fmt: skip
    return _register(
        t["tl_title"], day, site, head, body, lang, printed_by, printed_at,
        nowrap=frozenset({1, 2, 3, 4, 6}), total_line=t["lg_total"].format(n=len(rows)),
    )  # fmt: skip


def arrival_receipt(site: str, people: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    """入住人员交接清单: who a transfer team handed over (a batch of arrivals) and the room each went to, to be
    checked person by person and signed by both sides. ID numbers and phones masked: the last four are
    what both sides compare, and the list leaves the site with the transfer team."""
    t = L(lang)
    head = [t["name"], t["sex"], t["doc_number"], t["phone"], t["origin"], t["category"], t["room"], t["arrived"]]
    body = [[f.name, sex_word(f.sex, lang), mask_id(f.doc_number) if f.doc_number else "",
             mask_phone(f.phone) if f.phone else "", f.origin, category_name(f.category_zh, f.category_en, lang),
             f.room, f.arrived_at] for f in people]  # fmt: skip
    days = sorted({f.arrived_at[:10] for f in people if f.arrived_at}) or [printed_at.date().isoformat()]
    day = days[0] if len(days) == 1 else f"{days[0]} – {days[-1]}"
    return _register(
        t["rc_title"], day, site, head, body, lang, printed_by, printed_at,
        nowrap=frozenset({1, 2, 3, 6}), total_line=t["rc_batch"].format(n=len(body)), sign=t["rc_sign"],
        foot=t["rc_foot"], tall=True,
    )  # fmt: skip


def symptom_words(codes: str, lang: str) -> str:
    """Comma-separated symptom codes as words, listed as the language lists them."""
    t = L(lang)
    words = [t.get(f"sym_{c}", c) for c in codes.split(",") if c]
    return ("、" if lang.startswith("zh") else ", ").join(words)


def followup_cells(r: FollowUpRow, lang: str) -> list[object]:
    """A call's cells, codes as words (the PDF makes them text; the workbook keeps dates and numbers)."""
    t = L(lang)
    alert = r.alert_note if r.alert == "closed" else t["fu_alert_open"] if r.alert == "open" else ""
    return [r.name, sex_word(r.sex, lang), r.age, r.phone, r.community, r.released, r.home_day, r.called_at,
            t["fu_yes"] if r.reached else t["fu_no"], r.temperature, symptom_words(r.symptoms, lang),
            t.get(f"ht_{r.home_test}", "") if r.home_test else "", r.called_by, r.note, alert]  # fmt: skip


FOLLOWUP_HEAD = ("name", "sex", "age", "phone", "ho_community_col", "rel_released", "fu_home_day", "fu_called_at",
                 "fu_reached", "fu_temperature", "fu_symptoms", "fu_home_test", "fu_called_by", "fu_note",
                 "fu_alert")  # fmt: skip


def followup_ledger(
    site: str, day_from: date, day_to: date, rows: Sequence[FollowUpRow], lang: str, printed_by: str,
    printed_at: datetime,
) -> bytes:  # fmt: skip
    """回访台账: every call made in the period, whether it reached the person, what they said, and what was
    done about an abnormal answer. Phones masked."""
    t = L(lang)
    body = []
    for r in rows:
        cells = followup_cells(r, lang)
        cells[2] = str(r.age) if r.age is not None else ""
        cells[5], cells[7] = _when(r.released), _when(r.called_at)
        cells[6] = str(r.home_day)
        cells[9] = f"{r.temperature:.1f}" if r.temperature is not None else ""
        body.append([str(c) for c in cells])
    return _register(
        t["fu_title"], period(day_from, day_to), site, [t[k] for k in FOLLOWUP_HEAD], body, lang, printed_by,
        printed_at, nowrap=frozenset({1, 2, 3, 6, 8, 9}), total_line=t["fu_count"].format(n=len(body)),
    )  # fmt: skip


AREA_HEAD = ("ad_time", "ad_area", "ad_kind", "agent", "concentration", "done_by", "checked_by", "ad_note")


def area_cells(r: AreaLogRow, lang: str) -> list[object]:
    t = L(lang)
    return [r.done_at, r.area, t[f"ak_{r.kind.value}"], r.agent, r.concentration, r.done_by, r.checked_by, r.note]


def area_shortfall(days: Sequence[AreaDay], lang: str) -> str:
    """The areas and days whose rounds fell short, in one line (or that none did)."""
    t = L(lang)
    short = [f"{d.day:%m-%d} {d.area} {d.done}/{d.rounds_per_day}" for d in days if d.done < d.rounds_per_day]
    joined = ("；" if lang.startswith("zh") else "; ").join(short)
    return t["ad_short"].format(lines=joined) if short else t["ad_all_done"]


def area_disinfection(
    site: str,
    day_from: date,
    day_to: date,
    rows: Sequence[AreaLogRow],
    days: Sequence[AreaDay],
    lang: str,
    printed_by: str,
    printed_at: datetime,
) -> bytes:
    """公共区域日常消毒记录: every round of the period in time order (when, which area, the agent and its
    concentration, who did it and who checked, a signature box), then the areas and days short of rounds."""
    t = L(lang)
    head = [t[k] for k in AREA_HEAD] + [t["ad_sign"]]
    body = []
    for r in rows:
        cells = area_cells(r, lang)
        cells[0] = _when(r.done_at)
        body.append([str(c) for c in cells] + [""])
    return _register(
        t["ad_title"], period(day_from, day_to), site, head, body, lang, printed_by, printed_at,
        nowrap=frozenset({0}), blank={8: 22 * mm}, total_line=t["ad_count"].format(n=len(rows)),
        foot=area_shortfall(days, lang), tall=True,
    )  # fmt: skip
