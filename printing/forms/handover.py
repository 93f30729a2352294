"""解除隔离人员交接单: the people released to one receiving street/community, signed by both sides.

One list per community (a new page for each), then the people released with no community recorded, so
none is left off the paper. Each row: name, sex, age, the full ID number and phone (the community needs
them and signs for them: printing this form is audited per person, as a release notice is), the address
the person went to, the release time, the last day of home health monitoring, the home test days and the
transport. Below: the count, the signature lines of the site and of the community, and a note that the
paper carries personal information.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, PageBreak

from ..base import build_pdf
from ..labels import L
from .common import frame_for
from .registers import period, register_story, sex_word

if TYPE_CHECKING:  # the forms take plain data and need no database to print it
    from models.reads.handover import HandoverList


def whom(h: HandoverList, lang: str) -> str:
    """The line that says which community a list is for, with its contact."""
    t = L(lang)
    if h.community_id is None:
        return t["ho_no_community"]
    line = t["ho_community"].format(name=h.label)
    if h.contact or h.phone:
        line += "\u3000" + t["ho_contact"].format(contact=h.contact or "—", phone=h.phone or "—")
    return line


def home_tests(days: Sequence[date]) -> str:
    return "、".join(d.strftime("%m-%d") for d in days)


def handover(
    site: str,
    day_from: date,
    day_to: date,
    lists: Sequence[HandoverList],
    lang: str,
    printed_by: str,
    printed_at: datetime,
) -> bytes:
    t = L(lang)
    frame = frame_for(site, t["ho_title"], period(day_from, day_to), printed_by, printed_at, lang, land=True)
    head = [t["name"], t["sex"], t["age"], t["doc_number"], t["phone"], t["ho_address"], t["room"],
            t["rel_released"], t["ho_home_to"], t["ho_home_tests"], t["ho_transport"]]  # fmt: skip
    story: list[Flowable] = []
    for i, h in enumerate(lists or [None]):
        if i:
            story.append(PageBreak())
        people = h.people if h is not None else ()
        body = [[r.name, sex_word(r.sex, lang), str(r.age) if r.age is not None else "", r.doc_number, r.phone,
                 r.address, r.room, r.released.strftime("%Y-%m-%d %H:%M"),
                 r.home_to.isoformat() if r.home_to else "", home_tests(r.home_tests), r.transport]
                for r in people]  # fmt: skip
        story += register_story(
            frame, t["ho_title"], head, body, lang, nowrap=frozenset({1, 2, 3, 4, 6, 8}),
            total_line=t["lg_total"].format(n=len(body)), sign=t["ho_sign"], foot=t["ho_foot"], tall=True,
            above=whom(h, lang) if h is not None else t["ho_nobody"],
        )  # fmt: skip
    return build_pdf(frame, story)


def shown_stays(lists: Sequence[HandoverList]) -> list[int]:
    """The stays whose full identifiers the hand-over lists print (for the audit trail)."""
    return [r.stay_id for h in lists for r in h.people]
