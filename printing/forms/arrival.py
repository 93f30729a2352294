"""What the desk hands over at arrival: the registration form (登记表) and the notice (告知书)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from models.reads.reports import PersonForm

from ..base import Frame, build_pdf, content_width, field_table, grid_table, p
from ..labels import L, doc_type_label, lines, sex_label
from .common import frame_for


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
    frame = frame_for(site, L(lang)["reg_title"], printed_at.date(), printed_by, printed_at, lang)
    return build_pdf(frame, _registration_story(frame, forms, lang))


def notice(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    frame = frame_for(site, L(lang)["notice_title"], printed_at.date(), printed_by, printed_at, lang)
    return build_pdf(frame, _notice_story(frame, forms, lang))


def arrival_pack(site: str, forms: Sequence[PersonForm], lang: str, printed_by: str, printed_at: datetime) -> bytes:
    """What the desk hands over at arrival: the registration form and the notice, in one document."""
    frame = frame_for(site, L(lang)["reg_title"], printed_at.date(), printed_by, printed_at, lang)
    return build_pdf(frame, [*_registration_story(frame, forms, lang), PageBreak(), *_notice_story(frame, forms, lang)])
