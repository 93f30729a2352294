"""The daily report (日报表): a zero report is still a report."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from models.reads.reports import DailyReport

from ..base import build_pdf, content_width, grid_table, p
from ..labels import L
from .common import frame_for

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
    frame = frame_for(report.site, t["report_title"], report.day, printed_by, printed_at, lang)
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
