"""Codes said as words in the user's language, once: release checks, import row messages, the screens."""

import pytest

from models.demo.builder import build_demo
from models.services.arrivals import register_arrival
from models.services.importer import export_rows, parse_rows
from models.services.stays import stay_readiness
from models.services.swabs import mark_sampled, swab_plan
from models.store.orm import SYMPTOMS, DepartureKind, Role, RoomState, SwabResult
from printing.form_names import FORMS
from tests.conftest import NOW
from tests.helpers import free_rooms
from views import labels


def test_a_release_check_says_the_swab_result_in_words(session, site, desk, make_arrival):
    [room] = free_rooms(session, 1)
    stay = register_arrival(session, desk, make_arrival("inbound"), room.id, now=NOW)

    last = [t for t in swab_plan(session, stay.id) if t.planned_date < stay.planned_release][-1]
    mark_sampled(session, desk, last.id, by="护士甲", at=NOW)
    [problem] = [p for p in stay_readiness(session, stay.id, stay.planned_release).problems if p.code == "release_swab"]
    assert "待出结果" in problem.message("zh_CN") and "pending" not in problem.message("zh_CN")
    assert "result pending" in problem.message("en")
    assert problem.params["result"] == "pending"  # the code is kept for whoever reads it


BAD = [["姓名", "证件号码", "人员类别"], ["张三", "110101199003077", "外星人"]]


def test_import_messages_in_one_language_and_the_export_in_chinese(session, site, tmp_path):
    [row] = parse_rows(session, BAD, now=NOW)
    assert row.status == "invalid" and row.messages
    zh, en = row.as_json(lang="zh_CN")["messages"], row.as_json(lang="en")["messages"]
    assert all(" / " not in m for m in zh + en)
    assert any("外星人" in m and "类别" in m for m in zh)
    assert all(not any("\u4e00" <= c <= "\u9fff" for c in m.replace("外星人", "")) for m in en), en
    assert {m.code for m in row.messages} >= {"category_unknown_cell"}
    out = tmp_path / "fix.xlsx"
    export_rows([row], out)
    from openpyxl import load_workbook

    [_head, written] = list(load_workbook(out).active.iter_rows(values_only=True))
    assert "类别" in written[-1] and "Unknown" not in written[-1] and " / " not in written[-1]


def test_every_code_has_its_words_on_screen(qapp):
    """Each room state, departure kind, swab result, symptom, role and form has a label that is not its
    code (views/labels.py is where every screen takes them), in English and in Chinese."""
    from views.application import install_translators

    install_translators(qapp, "en")  # whatever an earlier test left installed
    said = [labels.state_label(s) for s in RoomState] + [labels.departure_label(k) for k in DepartureKind]
    said += [labels.swab_result_label(r) for r in SwabResult] + [labels.symptom_label(c) for c in SYMPTOMS]
    said += [labels.role_label(r) for r in Role] + [labels.form_title(f) for f in FORMS]
    codes = {m.value for e in (RoomState, DepartureKind, SwabResult, Role) for m in e} | set(SYMPTOMS) | set(FORMS)
    assert not [s for s in said if s in codes]
    assert labels.symptoms_text(["dry_cough", "smell_taste"], "en") == "Dry cough, Loss of smell or taste"
    install_translators(qapp, "zh_CN")
    assert labels.symptoms_text(["dry_cough", "smell_taste"], "zh_CN") == "干咳、嗅味觉减退"
    assert labels.state_label(RoomState.AWAITING_DISINFECTION) == "待消毒"
    install_translators(qapp, "en")


@pytest.fixture
def window(qtbot, engine, clock, app_context):
    from views.application import make_app
    from views.main_window import MainWindow

    clock.set(NOW)
    build_demo(engine, rooms=40, days=8, seed=5, now=NOW)
    make_app(theme=False, settings=app_context.settings)
    w = MainWindow(app_context)
    qtbot.addWidget(w)
    return w


def test_the_occupant_timeline_says_how_a_person_left(window):
    window.show_page("occupants")
    page = window.occupants
    page.present.setChecked(False)
    page.state.setCurrentIndex(page.state.findData("transferred"))
    page.table.selectRow(0)
    d = page._detail
    assert d is not None and d.departure_kind is not None
    html = page.details.toPlainText()
    assert d.departure_kind.value not in html
    assert {"to_hospital": "转运至医院", "to_other_site": "转至其他隔离点", "home_isolation": "转居家隔离"}[
        d.departure_kind.value
    ] in html
