"""Every printed form, in Chinese and in English, says codes as words: no departure kind, swab result,
symptom, room state or category code on paper, and the English forms carry the English label (not the
Chinese one) of each state, kind and category present."""

import io
import re
from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from models.services.arrivals import register_arrival
from models.services.observations import record_reading
from models.services.rooms import record_disinfection, set_out_of_service
from models.services.stays import depart_other, release, transfer
from models.services.swabs import mark_sampled, record_result, swab_plan
from models.store.orm import (
    SYMPTOMS,
    Category,
    DepartureKind,
    DocType,
    Role,
    RoomState,
    Slot,
    SwabResult,
)
from printing import labels
from printing.documents import render
from printing.form_names import FORMS
from tests.conftest import NOW, local
from tests.helpers import free_rooms

DAY = NOW.date()
# every code a person could be shown raw (the enums of models/store/orm and the symptom codes)
CODES = sorted({m.value for e in (RoomState, DepartureKind, SwabResult, Role, DocType) for m in e} | set(SYMPTOMS))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _flat(text: str) -> str:
    return "".join(text.split())  # a cell's words wrap: compare without the line breaks


@pytest.fixture
def everything(session, site, desk, make_arrival):
    """Stays that left in every way, swabs of every result, readings with symptoms, rooms in every state."""
    rooms = free_rooms(session, 9)
    arrived = local(2026, 11, 20, 15)
    categories = list(session.scalars(select(Category.code).order_by(Category.code)))
    stays = [
        register_arrival(
            session, desk, make_arrival(categories[i % len(categories)], arrived_at=arrived), r.id, now=NOW
        )
        for i, r in enumerate(rooms[:8])
    ]
    plans = [swab_plan(session, s.id) for s in stays]
    sampled = [
        (plan[0], result)
        for plan, result in zip(plans[5:8], (None, SwabResult.NEGATIVE, SwabResult.POSITIVE), strict=True)
    ]
    for swab, result in sampled:
        mark_sampled(session, desk, swab.id, by="护士甲", at=local(2026, 11, 21, 9))
        if result is not None:
            record_result(session, desk, swab.id, result, at=local(2026, 11, 22, 9))
    record_reading(
        session, desk, stays[5].id, DAY - timedelta(days=1), Slot.MORNING, temperature="37.9", symptoms=list(SYMPTOMS)
    )
    release(session, desk, stays[0].id, override_reason="测试", now=NOW)
    transfer(session, desk, stays[1].id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW)
    transfer(session, desk, stays[2].id, DepartureKind.TO_OTHER_SITE, "二号隔离点", now=NOW)
    transfer(session, desk, stays[3].id, DepartureKind.HOME_ISOLATION, "", now=NOW)
    depart_other(session, desk, stays[4].id, "家属接走", now=NOW)
    for s in stays[1:3]:
        record_disinfection(session, desk, s.room_id, agent="含氯消毒剂", done_by="甲", checked_by="乙", at=NOW)
    set_out_of_service(session, desk, rooms[8].id, "维修", DAY)
    states = {r.state for r in rooms}
    assert {RoomState.AVAILABLE, RoomState.AWAITING_DISINFECTION, RoomState.OUT_OF_SERVICE} <= states
    names = {c.code: (c.name_zh, c.name_en) for c in session.scalars(select(Category))}
    return stays, [names[s.category_code] for s in stays]


def _forms(session, desk, stays, lang):
    ids = [s.id for s in stays]
    out = {}
    for form in FORMS:
        out[form] = _text(
            render(
                session,
                form,
                DAY,
                actor=desk,
                stay_ids=None if form == "daily-sheets" else ids,
                lang=lang,
                printed_by="前台一",
                now=NOW,
            )
        )
    return out


def _raw_codes(text: str, *, underscored_only: bool) -> list[str]:
    flat = _flat(text)
    found = [c for c in CODES if "_" in c and c in flat]
    if not underscored_only:  # a Chinese form has no English word: any code at all is a leak
        found += [c for c in CODES if "_" not in c and re.search(rf"(?<![A-Za-z]){c}(?![A-Za-z])", text)]
    return found


def test_chinese_forms_print_no_code(session, site, desk, everything):
    stays, _ = everything
    texts = _forms(session, desk, stays, "zh_CN")
    leaks = {form: _raw_codes(text, underscored_only=False) for form, text in texts.items()}
    assert {form: codes for form, codes in leaks.items() if codes} == {}
    # the words are there instead
    assert labels.L("zh_CN")["dep_to_other_site"] in _flat(texts["ledger"])
    assert labels.L("zh_CN")["dep_to_hospital"] in _flat(texts["disinfection"])
    assert labels.L("zh_CN")["state_awaiting_disinfection"] in _flat(texts["daily-sheets"])


def test_english_forms_print_english_labels(session, site, desk, everything):
    stays, categories = everything
    texts = _forms(session, desk, stays, "en")
    leaks = {form: _raw_codes(text, underscored_only=True) for form, text in texts.items()}
    assert {form: codes for form, codes in leaks.items() if codes} == {}
    everything_printed = _flat("\n".join(texts.values()))
    for key in ("state_available", "state_awaiting_disinfection", "state_out_of_service"):
        assert _flat(labels.L("en")[key]) in _flat(texts["daily-sheets"]), key
        assert labels.L("zh_CN")[key] not in everything_printed, key
    for kind in DepartureKind:
        assert _flat(labels.L("en")[f"dep_{kind.value}"]) in _flat(texts["ledger"]), kind
        assert labels.L("zh_CN")[f"dep_{kind.value}"] not in everything_printed, kind
    for result in ("negative", "positive", "pending"):
        assert labels.swab_label(result, "zh_CN") not in everything_printed, result
    for zh, en in set(categories):
        for form in ("ledger", "registration", "door-cards", "temperature-record"):
            assert _flat(en) in _flat(texts[form]), (form, en)
        assert zh not in everything_printed, zh
