"""The daily report (日报表) to the command centre: a zero report is still a report.

One A4 page: the site and the day, whether the figures are the whole day (截至当日 24 时) or the day so
far (today, as at the report time), the report time, then the figures in sections (rooms, people,
departures split by kind, health monitoring), the people present by category, the zero-report line when
nothing happened, and the reporter's and checker's signatures. The figures are
``models.reads.reports.DailyReport``: what was true at the end of that day.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from ..base import build_pdf, content_width, grid_table, p
from ..labels import L
from .common import frame_for

if TYPE_CHECKING:  # the rows' types: the forms take plain data and need no database to print it
    from models.reads.reports import DailyReport

REPORT_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sec_rooms", ("rooms_total", "occupied", "available", "awaiting_disinfection", "out_of_service")),
    ("sec_people", ("people_present", "arrivals", "arrivals_cumulative")),
    (
        "sec_departures",
        (
            "releases",
            "releases_cumulative",
            "transfers",
            "to_hospital",
            "to_other_site",
            "home_isolation",
            "transfers_cumulative",
            "departed_other",
        ),
    ),
    ("sec_health", ("fevers", "swabs_taken", "swabs_positive")),
)
"""Every figure of the printed report and the .xlsx, by section (label keys ``sec_*`` and ``r_<field>``)."""

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
"""The headline figures (the reports screen's summary table)."""


def report_subtitle(report: DailyReport, lang: str) -> str:
    """Who reports, for which day, and as at when: the whole day, or today so far."""
    t = L(lang)
    if report.complete:
        return t["report_sub"].format(site=report.site, day=report.day.isoformat())
    return t["report_sub_today"].format(site=report.site, day=report.day.isoformat(), time=f"{report.as_of:%H:%M}")


def _numeral(n: int, lang: str) -> str:
    """A section's number as the report writes it: 六、 in Chinese, 6. in English."""
    return "一二三四五六七八九"[n - 1] if lang.startswith("zh") else str(n)


def daily_report(report: DailyReport, lang: str, printed_by: str, printed_at: datetime) -> bytes:
    t = L(lang)
    frame = frame_for(report.site, t["report_title"], report.day, printed_by, printed_at, lang)
    width = content_width(frame)
    rows: list[list[object]] = [[t["item"], t["count"]]]
    section_rows: list[int] = []
    for section, keys in REPORT_SECTIONS:
        section_rows.append(len(rows))
        rows.append([t[section], ""])
        rows += [[t[f"r_{k}"], str(getattr(report, k))] for k in keys]
    figures = grid_table(rows, [width * 0.6, width * 0.4])
    shade = colors.HexColor("#f5f5f5")
    figures.setStyle(TableStyle([("SPAN", (0, i), (1, i)) for i in section_rows]))
    figures.setStyle(TableStyle([("BACKGROUND", (0, i), (1, i), shade) for i in section_rows]))
    cats: list[list[object]] = [[t["category"], t["cat_present"], t["cat_arrivals"]]]
    cats += [[c.name(lang), str(c.present), str(c.arrivals)] for c in report.by_category]
    if report.by_category:
        cats.append(
            [
                t["cat_total"],
                str(sum(c.present for c in report.by_category)),
                str(sum(c.arrivals for c in report.by_category)),
            ]
        )
    else:
        cats.append([t["cat_none"], "", ""])
    story: list[Flowable] = [
        p(t["report_title"], "title"),
        p(report_subtitle(report, lang), "body"),
        p(t["report_made"].format(time=f"{report.made_at:%Y-%m-%d %H:%M}"), "body"),
        Spacer(1, 3 * mm),
        figures,
        Spacer(1, 3 * mm),
        KeepTogether([p(t["sec_categories"], "h2"), grid_table(cats, [width * 0.6, width * 0.2, width * 0.2])]),
    ]
    if report.by_community:  # the day's releases: where each went (the receiving community)
        com: list[list[object]] = [[t["ho_community_col"], t["com_releases"]]]
        com += [[c.community or t["com_none"], str(c.releases)] for c in report.by_community]
        story += [
            Spacer(1, 3 * mm),
            KeepTogether([p(t["sec_communities"], "h2"), grid_table(com, [width * 0.6, width * 0.4])]),
        ]
    if report.supplies:  # the site reports its stock: each item, the days it lasts, the low ones marked
        from .supplies import amount

        sup: list[list[object]] = [[t["sp_item"], t["sp_stock"], t["sp_days_left"], t["sp_status"]]]
        sup += [[s.name, f"{s.stock} {s.unit}", amount(s.days_left), t["sp_low"] if s.low else t["sp_ok"]]
                for s in report.supplies]  # fmt: skip
        story += [
            Spacer(1, 3 * mm),
            KeepTogether(
                [
                    p(t["sec_supplies"].format(n=_numeral(7 if report.by_community else 6, lang)), "h2"),
                    grid_table(sup, [width * 0.4, width * 0.2, width * 0.2, width * 0.2]),
                ]
            ),
        ]
    if report.zero:
        story += [Spacer(1, 3 * mm), p(t["zero_report"], "body")]  # 零报告: nothing happened, still reported
    story += [Spacer(1, 12 * mm), p(t["report_sign"], "body")]
    return build_pdf(frame, story)
