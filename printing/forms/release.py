"""The release notice (解除集中隔离医学观察告知书): one page per person; many make one document.

A notice certifies that the person may go home, so it is printed only for someone who really may:
a stay released the normal way, or still present and ready on the day checked, by the very rules the
release itself applies (``models.services.stays.release_readiness``, handed over in
``PersonForm.readiness`` by ``person_forms(release_check=day)``). A release done as an override
(released although not ready, with a reason: ``Stay.release_override``) gets a notice that says so,
with the reason, instead of "符合解除条件". Everyone else in the batch (last swab pending or positive,
open fever alert, date not reached, left another way) is listed on a first page with the reason,
and gets no notice.

Dates: one release date (解除日期), the day the person leaves the site (``PersonForm.release_on``: the
day of departure, else the planned release, i.e. day 1 + D for D days centralized; the last day of
isolation is the day before, and the notice prints no second "end" date). The home phases start that day:
home isolation first when the rule has one (14+7+7), then home health monitoring, each with its own
dates; the issue date beside the stamp is the release date.

The receiving street/community (接收街道/社区) is the one recorded at release; before the release (a notice
printed the evening before) or when none was recorded, a blank line for the desk to fill in by hand. The
destination is the one recorded at departure, else the person's address, else a blank line.

A minor (under 18 on the release day) is not addressed as 同志: the notice speaks to the parent or
guardian, who signs (with their relationship) instead of the person.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from models.rules.identity import age_on, mask_id

from ..base import Para, build_pdf, content_width, field_table, grid_table, markup, p, styles
from ..labels import L, doc_type_label, lines, swab_label
from .common import frame_for

if TYPE_CHECKING:  # the rows' types: the forms take plain data and need no database to print it
    from models.reads.reports import PersonForm

ADULT_AGE = 18


def release_day(f: PersonForm) -> date:
    """The one release date of the notice: the day the person leaves (left) the site."""
    return f.release_on or f.planned_release


def is_minor(f: PersonForm) -> bool:
    age = age_on(f.birth_date, release_day(f))
    return age is not None and age < ADULT_AGE


def not_ready_reasons(f: PersonForm, lang: str) -> list[str]:
    """Why this stay gets no notice, in words ([] when it gets one)."""
    t = L(lang)
    if f.departure_kind:
        if f.departure_kind == "released":
            return []
        return [t["rl_why_left"].format(how=t.get(f"dep_{f.departure_kind}", f.departure_kind))]
    if f.readiness is None:  # the caller did not check (person_forms without release_check)
        return [t["rl_why_unchecked"]]
    reasons = []
    for problem in f.readiness.problems:
        if problem.code == "release_too_early":
            reasons.append(t["rl_why_early"].format(date=f.planned_release.isoformat()))
        elif problem.code == "release_swab":
            result = _result(str(problem.params.get("result", "")), lang)
            reasons.append(t["rl_why_swab"].format(day=problem.params.get("day", ""), result=result))
        elif problem.code == "release_fever":
            reasons.append(t["rl_why_fever"])
        else:  # a rule added later: its own message, in the same language
            reasons.append(problem.message(lang))
    return reasons


def noticed(forms: Sequence[PersonForm]) -> list[int]:
    """The stays that get a notice (and so have their full ID number printed), in order."""
    return [f.stay_id for f in forms if not not_ready_reasons(f, "zh_CN")]


def _result(code: str, lang: str) -> str:
    if code in ("", "not_sampled"):
        return L(lang)["rl_not_sampled"]
    return swab_label(code, lang)


def _style(name: str, **changes: object) -> ParagraphStyle:
    return ParagraphStyle(f"release-{name}", parent=styles()[name], **changes)  # type: ignore[arg-type]


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Para(markup(text), style)  # escaped, rare characters in the fallback font


def _not_ready_page(rows: list[tuple[PersonForm, list[str]]], total: int, lang: str, width: float) -> list[Flowable]:
    t = L(lang)
    table = [[t["rl_no"], t["room"], t["name"], t["doc_number"], t["rl_planned_release"], t["rl_reason"]]]
    sep = "；" if lang.startswith("zh") else "; "
    for i, (f, reasons) in enumerate(rows, 1):
        table.append([str(i), f.room, f.name, mask_id(f.doc_number), f.planned_release.isoformat(), sep.join(reasons)])
    widths = [12 * mm, 28 * mm, 24 * mm, 36 * mm, 24 * mm]
    widths.append(width - sum(widths))
    return [
        p(t["release_title"], "title"),
        p(t["rl_not_ready_title"], "h2"),
        p(t["rl_batch"].format(total=total, given=total - len(rows), held=len(rows)), "body"),
        p(t["rl_not_ready_intro"], "body"),
        Spacer(1, 3 * mm),
        grid_table(table, widths),
    ]


def _swab_table(f: PersonForm, lang: str, width: float) -> Flowable:
    t = L(lang)
    if not f.swabs:
        return p(t["rl_no_swabs"], "body")
    rows: list[list[object]] = [[t["rl_swab_no"], t["rl_planned"], t["rl_sampled"], t["rl_result"]]]
    for s in f.swabs:
        rows.append(
            [
                t["rl_swab_day"].format(n=s.day_n),
                s.planned.isoformat(),
                s.sampled_on.isoformat() if s.sampled_on else "—",
                _result(s.result if s.sampled_on else "", lang),
            ]
        )
    return grid_table(rows, [width / 4] * 4)


def _notice(site: str, f: PersonForm, lang: str, width: float) -> list[Flowable]:
    t = L(lang)
    end = release_day(f)
    age = age_on(f.birth_date, end)
    minor = is_minor(f)
    # the home days: first home isolation (居家隔离), then home health monitoring, as the rule chains them
    iso_days = min(f.home_isolation_days, f.home_days)
    mon_days = f.home_days - iso_days
    iso_end = end + timedelta(days=iso_days - 1)
    mon_start = end + timedelta(days=iso_days)
    home_end = end + timedelta(days=f.home_days - 1)
    home = (
        t["rl_home_value"].format(start=mon_start.isoformat(), end=home_end.isoformat(), n=mon_days)
        if mon_days
        else t["rl_none"]
    )
    isolation = t["rl_home_value"].format(start=end.isoformat(), end=iso_end.isoformat(), n=iso_days)
    basis = t["rl_override"].format(reason=f.release_override) if f.release_override else t["rl_ready"]
    pairs = [
        (t["name"], f.name),
        (t["sex"], t.get(f"rl_sex_{f.sex}", "")),
        (t["age"], t["rl_age"].format(n=age) if age is not None else "—"),
        (t["phone"], f.phone or "—"),
        (t["doc_type"], doc_type_label(f.doc_type, lang)),
        (t["doc_number"], f.doc_number),
        (t["site"], site),
        (t["room"], f.room),
        (t["rl_day_one"], f.day_one.isoformat()),
        (t["rl_release_on"], end.isoformat()),
        *([(t["home_isolation_period"], isolation)] if iso_days else []),
        (t["home_period"], home),
        (t["rl_destination"], f.destination or f.address or "＿" * 12),
    ]
    wide = [(t["rl_community"], f.community or t["rl_community_blank"]), (t["rl_basis"], basis)]
    text = _style("text")
    plain = _style("text", firstLineIndent=0)
    who = "minor" if minor else "adult"
    how = "override" if f.release_override else "ready"
    story: list[Flowable] = [
        p(t["release_title"], "title"),
        field_table(pairs, width),
        field_table(wide, width, columns=1),
        Spacer(1, 3 * mm),
        p(t["rl_swabs"], "h2"),
        _swab_table(f, lang, width),
        Spacer(1, 4 * mm),
        _para(t[f"rl_to_{who}"].format(name=f.name), plain),
        _para(
            t[f"rl_{how}_{who}"].format(
                name=f.name, site=site, start=f.arrived_at[:10], end=end.isoformat(), reason=f.release_override
            ),
            text,
        ),
    ]
    if iso_days:
        story.append(
            _para(
                t[f"rl_isolation_{who}"].format(
                    name=f.name, start=end.isoformat(), end=iso_end.isoformat(), n=iso_days
                ),
                text,
            )
        )
    if mon_days:
        story.append(
            _para(
                t[f"rl_home_{who}"].format(
                    name=f.name, start=mon_start.isoformat(), end=home_end.isoformat(), n=mon_days
                ),
                text,
            )
        )
        story += [_para(rule, text) for rule in lines(lang, "home_rules")]
    if not f.home_days:
        story.append(_para(t["rl_no_home"], text))
    story.append(Spacer(1, 10 * mm))
    if minor:
        left = [t["rl_sign_guardian"] + "＿" * 8, t["rl_relation"] + "＿" * 6, t["rl_sign_date"]]
    else:
        left = [t["rl_sign_person"] + "＿" * 10, "", t["rl_sign_date"]]
    issued = (
        t["rl_issued"].format(y=end.year, m=end.month, d=end.day)  # one text in both languages (labels.py)
    )
    right = [t["rl_stamp"].format(site=site), "", issued]
    sign_style = _style("text", firstLineIndent=0, leading=22)
    right_style = _style("text", firstLineIndent=0, leading=22, alignment=2)
    block = Table(
        [[_para(a, sign_style), _para(b, right_style)] for a, b in zip(left, right, strict=True)],
        colWidths=[width * 0.55, width * 0.45],
        rowHeights=[10 * mm, 14 * mm, 10 * mm],
    )
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story.append(block)
    return story


def release_notices(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    """The notices of ``forms`` (see the module docstring): first a page listing those who get none, and
    why, then one page per person who may be released."""
    t = L(lang)
    frame = frame_for(site, t["release_title"], printed_at.date(), printed_by, printed_at, lang)
    width = content_width(frame)
    story: list[Flowable] = []
    held = [(f, why) for f in forms if (why := not_ready_reasons(f, lang))]
    if held:
        story += _not_ready_page(held, len(forms), lang, width)
    for f in forms:
        if not_ready_reasons(f, lang):
            continue
        if story:
            story.append(PageBreak())
        story += _notice(site, f, lang, width)
    if not forms:
        story += [p(t["release_title"], "title"), p(t["nobody_release"])]
    return build_pdf(frame, story)
