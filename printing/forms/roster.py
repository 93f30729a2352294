"""值班排班表: the week's duty roster, a table per working group (its shifts down, the seven days across, the
names in each cell), the hours nobody covers under it, and the signatures of who made it and who approved it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..base import build_pdf, content_width, grid_table, p
from ..labels import L
from .common import frame_for

if TYPE_CHECKING:  # the forms take plain data and need no database to print it
    from models.reads.roster import WeekRoster


def _hm(t: time) -> str:
    return f"{t:%H:%M}" if t != time(0) else "24:00"


def gap_lines(week: WeekRoster, lang: str) -> str:
    """The hours of the week nobody of the group covers, day by day (or that none is left out)."""
    t = L(lang)
    days = t["ro_days"].split(",")
    lines = []
    for d, holes in week.gaps.items():
        for a, b in holes:
            lines.append(f"{days[d.weekday()]} {d:%m-%d} {a:%H:%M}–{_hm(b)}")
    joined = ("；" if lang.startswith("zh") else "; ").join(lines)
    return t["ro_gaps"].format(lines=joined) if lines else t["ro_covered"]


def roster_table(week: WeekRoster, lang: str) -> list[list[str]]:
    """The header (shift, then each day) and a row a shift, the names of each day's duty."""
    t = L(lang)
    days = t["ro_days"].split(",")
    head = [t["ro_shift"], *(f"{days[d.weekday()]} {d:%m-%d}" for d in week.days)]
    sep = "、" if lang.startswith("zh") else ", "
    rows = [head]
    for s in week.shifts:
        rows.append([s.label, *(sep.join(week.names.get((s.id, d), [])) for d in week.days)])
    return rows


def roster(site: str, weeks: Sequence[WeekRoster], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    t = L(lang)
    first = weeks[0].monday if weeks else printed_at.date()
    subtitle = t["ro_week"].format(first=first.isoformat(), last=(first + timedelta(days=6)).isoformat())
    frame = frame_for(site, t["ro_title"], subtitle, printed_by, printed_at, lang, land=True)
    width = content_width(frame)
    story: list[Flowable] = [p(t["ro_title"], "title"), p(subtitle, "body"), Spacer(1, 2 * mm)]
    for w in weeks:
        widths = [width * 0.16] + [width * 0.84 / 7] * 7
        story.append(
            KeepTogether(
                [
                    p(t["ro_group"].format(name=w.group.name), "h2"),
                    grid_table(roster_table(w, lang), widths),
                    p(gap_lines(w, lang), "body"),
                    Spacer(1, 3 * mm),
                ]
            )
        )
    story += [Spacer(1, 6 * mm), p(t["ro_sign"], "body")]
    return build_pdf(frame, story)
