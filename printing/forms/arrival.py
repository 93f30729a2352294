"""What the desk hands over at arrival: the registration form (登记表) and the notice (告知书).

The registration form (集中隔离医学观察人员登记表) is the paper the site keeps for each person: identity
with the full ID number (so printing it is audited: ``printing/form_names.py`` FULL_IDENTIFIER_FORMS),
contact and emergency contact, origin, category, last exposure, arrival, room, release and home monitoring,
companions, chronic disease, allergies, special needs, notes (the person's, as typed at arrival), the
registration date, and two signature boxes tall enough to sign.

What IsoDesk does not store is printed as a line for the desk to fill in by hand: nationality and
ethnic group, and the transferring unit (转运单位). Chronic disease and allergies have no field of their own:
they are sorted out of the person's special needs (``models/rules/needs.py``); when none is named the
form prints tick boxes (□无 □有：＿＿) to fill in, since an empty box would read as "none".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from models.rules.needs import NEED_CODES, sort_needs

from ..base import FONT, Frame, build_pdf, content_width, p
from ..labels import L, doc_type_label, lines
from .common import frame_for

if TYPE_CHECKING:  # the rows' types: the forms take plain data and need no database to print it
    from models.reads.reports import PersonForm

LABEL_W = 28 * mm
SIGN_H = 16 * mm  # a signature box: at least 12 mm to sign in
NOTES_H = 16 * mm
LABEL_BG = colors.HexColor("#f2f2f2")


def need_items(items: Sequence[str], lang: str) -> str:
    t = L(lang)
    shown = [t[f"need_{i.lower()}"] if i.lower() in NEED_CODES else i for i in items]
    return ("、" if lang.startswith("zh") else ", ").join(shown)


def _notes(f: PersonForm) -> list[Flowable]:
    """The person's notes (the arrival dialog's), then the stay's if it has any, a paragraph a line."""
    text = "\n".join(n for n in (f.person_notes.strip(), f.notes.strip()) if n)
    return [p(line) for line in text.split("\n")] if text else [p("")]


def registration_rows(f: PersonForm, lang: str) -> list[tuple[str, object] | tuple[str, object, str, object]]:
    """The form's lines: (label, value) spans the line, (label, value, label, value) fills two boxes."""
    t = L(lang)
    needs = sort_needs(f.special_needs)
    category = f.category_zh if lang.startswith("zh") else f.category_en
    age = "" if f.age is None else t["pf_age"].format(n=f.age)
    return [
        (t["name"], f.name, t["sex"], t.get(f"pf_sex_{f.sex}", "")),
        (t["birth"], f.birth_date.isoformat() if f.birth_date else "", t["age"], age),
        (t["doc_type"], doc_type_label(f.doc_type, lang), t["doc_number"], f.doc_number),
        (t["pf_nationality"], t["pf_nationality_blank"]),
        (t["phone"], f.phone, t["origin"], f.origin),
        (t["address"], f.address),
        (
            t["pf_emergency"],
            f.emergency_contact or t["pf_blank"],
            t["pf_emergency_phone"],
            f.emergency_phone or t["pf_blank"],
        ),
        (t["category"], category, t["pf_transfer_unit"], t["pf_blank"]),
        (t["exposure"], f.last_exposure, t["arrived"], f.arrived_at),
        (t["room"], f.room, t["release"], f.planned_release.isoformat()),
        (t["home_until"], f.home_until.isoformat() if f.home_until else "—", t["companions"], f.companions or "—"),
        (t["pf_chronic"], need_items(needs.chronic, lang) or t["pf_tick_blank"]),
        (t["pf_allergies"], need_items(needs.allergies, lang) or t["pf_tick_blank"]),
        (t["needs"], need_items(needs.other, lang) or "—"),
        (t["notes"], _notes(f)),
        (t["pf_registered_on"], f.registered_on.isoformat() if f.registered_on else t["pf_blank"]),
    ]


def _fields(f: PersonForm, lang: str, width: float) -> Table:
    value_w = width / 2 - LABEL_W
    rows: list[list[object]] = []
    style: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
    ]
    heights: list[float | None] = []
    for i, line in enumerate(registration_rows(f, lang)):
        cells: list[object] = [c if isinstance(c, (Flowable, list)) else p(c) for c in line]
        if len(cells) == 2:
            rows.append([cells[0], cells[1], "", ""])
            style.append(("SPAN", (1, i), (3, i)))
        else:
            rows.append(cells)
            style.append(("BACKGROUND", (2, i), (2, i), LABEL_BG))
        heights.append(NOTES_H if line[0] == L(lang)["notes"] else None)
    table = Table(rows, colWidths=[LABEL_W, value_w, LABEL_W, value_w], rowHeights=heights)
    table.setStyle(TableStyle(style))
    return table


def signature_boxes(lang: str, width: float) -> Table:
    """The person's and the registering staff's signatures: boxes SIGN_H tall, not shaded (ink on grey
    toner is hard to read back, and a shaded box reads as "not for you")."""
    t = L(lang)
    box = Table(
        [[p(t["sign_person"]), "", p(t["sign_staff"]), ""]],
        colWidths=[LABEL_W, width / 2 - LABEL_W, LABEL_W, width / 2 - LABEL_W],
        rowHeights=[SIGN_H],
    )
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return box


def _registration_story(frame: Frame, forms: Sequence[PersonForm], lang: str) -> list[Flowable]:
    t = L(lang)
    width = content_width(frame)
    story: list[Flowable] = []
    for i, f in enumerate(forms):
        if i:
            story.append(PageBreak())
        story += [
            p(t["reg_title"], "title"),
            _fields(f, lang, width),
            Spacer(1, 2 * mm),
            p(t["pf_hand_note"], "small"),
            Spacer(1, 6 * mm),
            signature_boxes(lang, width),
        ]
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
    frame = frame_for(site, L(lang)["reg_title"], printed_at.date(), printed_by, printed_at, lang)
    return build_pdf(frame, _registration_story(frame, forms, lang))


def notice(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    frame = frame_for(site, L(lang)["notice_title"], printed_at.date(), printed_by, printed_at, lang)
    return build_pdf(frame, _notice_story(frame, forms, lang))


def arrival_pack(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    """What the desk hands over at arrival: the registration form and the notice, in one document."""
    frame = frame_for(site, L(lang)["reg_title"], printed_at.date(), printed_by, printed_at, lang)
    return build_pdf(frame, [*_registration_story(frame, forms, lang), PageBreak(), *_notice_story(frame, forms, lang)])
