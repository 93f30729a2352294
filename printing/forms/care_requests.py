"""人文关怀需求清单: the occupants' requests for the logistics group, a page per floor in the layout's order.

Each row: the room, the name, the special needs recorded at arrival (diet, chronic disease, allergies, as the
registration form sorts them), what is asked, how urgent, how it came in, when it was taken down and by when
it is due (overdue marked), where it stands and who has it, and a box for what was done and a signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import groupby
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from ..base import build_pdf
from ..labels import L
from .arrival import need_items
from .common import frame_for
from .registers import register_story

if TYPE_CHECKING:  # the forms take plain data and need no database to print it
    from models.reads.care_requests import RequestRow
    from models.rules.needs import SortedNeeds

HEAD = ("cr_room", "cr_name", "cr_needs", "cr_kind", "cr_text", "cr_urgency", "cr_channel", "cr_opened", "cr_due",
        "cr_state", "cr_handler")  # fmt: skip
FULL_HEAD = (*HEAD, "cr_closed", "cr_outcome")


def needs_line(needs: SortedNeeds, lang: str) -> str:
    t = L(lang)
    parts = []
    if needs.chronic:
        parts.append(t["cr_chronic"].format(items=need_items(needs.chronic, lang)))
    if needs.allergies:
        parts.append(t["cr_allergies"].format(items=need_items(needs.allergies, lang)))
    if needs.other:
        parts.append(need_items(needs.other, lang))
    return ("；" if lang.startswith("zh") else "; ").join(parts)


def request_cells(r: RequestRow, lang: str, now: datetime, *, full: bool = False) -> list[object]:
    """A request's cells (the PDF's; ``full``: with its closing, for the workbook), times as datetimes."""
    t = L(lang)
    name = r.name + (t["cr_left"] if r.left else "")
    state = t[f"rs_{r.state.value}"] + (t["cr_overdue"] if r.overdue(now) else "")
    cells: list[object] = [f"{r.building} {r.floor} {r.room}", name, needs_line(r.needs, lang), t[f"rk_{r.kind.value}"],
                           r.text, t[f"ru_{r.urgency.value}"], t[f"rch_{r.channel.value}"], r.opened_at, r.due_at,
                           state, r.handler]  # fmt: skip
    if full:
        cells += [r.closed_at, r.outcome]
    return cells


def care_requests(site: str, rows: Sequence[RequestRow], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    """The open requests, a page per floor (one page saying none when there is none)."""
    t = L(lang)
    frame = frame_for(site, t["cr_title"], t["cr_open_only"], printed_by, printed_at, lang, land=True)
    head = [t[k] for k in HEAD] + [t["cr_done_sign"]]
    story: list[Flowable] = []
    floors = [list(g) for _k, g in groupby(rows, key=lambda r: r.floor_id)] or [[]]
    for i, floor in enumerate(floors):
        if i:
            story.append(PageBreak())
        body = []
        for r in floor:
            cells = request_cells(r, lang, printed_at)
            cells[7], cells[8] = f"{r.opened_at:%m-%d %H:%M}", f"{r.due_at:%m-%d %H:%M}"
            body.append([str(c) for c in cells] + [""])
        above = t["cr_floor"].format(building=floor[0].building, floor=floor[0].floor) if floor else ""
        late = sum(1 for r in floor if r.overdue(printed_at))
        story += register_story(
            frame, t["cr_title"], head, body, lang, nowrap=frozenset({0, 5, 6, 7, 8}), blank={11: 30 * mm},
            above=above, total_line=t["cr_count"].format(n=len(body), late=late), tall=True,
        )  # fmt: skip
    return build_pdf(frame, story)
