"""The audit screen: the site lead sees who changed what, filters it and exports it."""

from datetime import datetime

import pytest
from openpyxl import load_workbook

from models.demo.builder import build_demo
from models.services.accounts import create_first_admin, create_user
from models.store.db import session_factory
from models.store.orm import Role
from tests.conftest import TZ
from views.application import make_app
from views.main_window import MainWindow

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)


@pytest.fixture
def users(qapp, engine, app_settings, clock):
    clock.set(NOW)  # the app runs at the demo's instant
    build_demo(engine, rooms=40, days=5, seed=6, now=NOW)
    make_app(theme=False, settings=app_settings)
    with session_factory(engine)() as s:
        admin = create_first_admin(s, "lead", "long enough 1")
        clerk = create_user(s, admin, "clerk", "clerk pass 1", Role.DESK)
    return admin, clerk


def nav_keys(window):
    return [window.nav.item(i).data(0x0100) for i in range(window.nav.count())]


def test_only_the_admin_has_the_audit_screen(users, qtbot, make_app_context):
    admin, clerk = users
    lead_window = MainWindow(make_app_context(admin))
    qtbot.addWidget(lead_window)
    clerk_window = MainWindow(make_app_context(clerk))
    qtbot.addWidget(clerk_window)
    assert "audit" in nav_keys(lead_window) and "audit" not in nav_keys(clerk_window)
    assert not clerk_window.audit_page.isVisibleTo(clerk_window)


def test_audit_screen_filters_and_exports(users, qtbot, tmp_path, make_app_context):
    admin, _clerk = users
    window = MainWindow(make_app_context(admin))
    qtbot.addWidget(window)
    window.show()
    window.show_page("audit")
    page = window.audit_page
    page.day_from.setDate(page.day_from.date().addYears(-2))
    page.day_to.setDate(page.day_to.date().addYears(2))
    page.refresh()
    everything = page.model.total
    assert everything > 0 and page.model.rowCount() == min(everything, 200)
    page.user.setCurrentIndex(page.user.findText("lead"))
    page.refresh()
    assert 0 < page.model.total < everything  # the admin's own entries: account creation
    assert {r.user for r in page.model.rows} == {"lead"}
    out = tmp_path / "audit.xlsx"
    assert page.export_to(out).result == page.model.total  # (tasks run inline in tests)
    assert len(list(load_workbook(out).active.iter_rows())) == page.model.total + 1


def test_a_viewer_is_not_offered_arrivals(users, engine, qtbot, make_app_context):
    from PySide6.QtGui import QAction

    admin, clerk = users
    with session_factory(engine)() as s:
        viewer = create_user(s, admin, "guest", "guest pass 1", Role.VIEWER)
    for user, enabled in ((viewer, False), (clerk, True)):
        window = MainWindow(make_app_context(user))
        qtbot.addWidget(window)
        actions = {a.text(): a.isEnabled() for a in window.findChildren(QAction)}
        assert actions["新入住登记"] is enabled and actions["批量入住"] is enabled


def _day_of_work(engine, admin, make_arrival):
    """A desk's day on the demo site, through the services: check-ins, a release, a transfer to hospital,
    a room out of service, a reading corrected, a swab result, a login."""
    from datetime import timedelta

    from sqlalchemy import select

    from models.services.accounts import authenticate
    from models.services.arrivals import register_arrival
    from models.services.observations import correct_reading
    from models.services.rooms import set_out_of_service
    from models.services.stays import release, transfer
    from models.services.swabs import mark_sampled, record_result
    from models.store.orm import DepartureKind, Observation, Stay, SwabResult, SwabTest
    from tests.helpers import free_rooms

    with session_factory(engine)() as s:
        rooms = free_rooms(s, 3)
        for room in rooms[:2]:
            register_arrival(s, admin, make_arrival("close_contact", arrived_at=NOW - timedelta(hours=2)), room.id)
        set_out_of_service(s, admin, rooms[2].id, "漏水", NOW.date())
        open_stays = list(s.scalars(select(Stay).where(Stay.departed_at.is_(None)).order_by(Stay.planned_release)))
        release(s, admin, open_stays[0].id, override_reason="专家会商同意", now=NOW)
        transfer(s, admin, open_stays[1].id, DepartureKind.TO_HOSPITAL, "市第一人民医院", "发热", now=NOW)
        obs = s.scalars(select(Observation).where(Observation.temperature.is_not(None)).limit(1)).one()
        correct_reading(s, admin, obs.id, temperature=36.6)
        waiting = select(SwabTest).join(Stay).where(SwabTest.sampled_at.is_(None), Stay.departed_at.is_(None))
        swab = s.scalars(waiting.order_by(SwabTest.id).limit(1)).one()
        mark_sampled(s, admin, swab.id, by="护士甲", at=NOW)
        record_result(s, admin, swab.id, SwabResult.NEGATIVE)
        authenticate(s, "lead", "long enough 1")


def _codes():
    """Every code the trail stores: actions, fields, the coded values (and their spellings)."""
    from models.services.audit_fields import KEPT
    from models.store.orm import DepartureKind, DocType, RoomState, SwabResult

    actions = {"stay.check_in", "room.occupied", "person.create", "demo.build", "site.create", "user.login"}
    actions |= {"room.out_of_service", "reading.correct", "swab.result", "user.create"}
    actions |= {f"stay.{k.value}" for k in DepartureKind}
    fields = {f for kept in KEPT.values() for f in kept if "_" in f or f in {"state", "version", "result"}}
    values = {v.value for e in (RoomState, DepartureKind, SwabResult, DocType) for v in e if "_" in v.value}
    return actions | fields | values | {"close_contact", "None", "True", "False"}


def _audit_cells(page, tmp_path):
    model = page.model
    shown = [
        str(model.data(model.index(r, c)) or "") for r in range(model.rowCount()) for c in range(model.columnCount())
    ]
    out = tmp_path / f"audit-{page.ctx.language}.xlsx"
    page.export_to(out)
    exported = [str(c) for row in load_workbook(out).active.iter_rows(values_only=True) for c in row if c is not None]
    return shown, exported


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_trail_is_said_in_words_on_screen_and_in_the_export(
    users, engine, qtbot, tmp_path, make_app_context, make_arrival, language
):
    import re

    admin, _clerk = users
    _day_of_work(engine, admin, make_arrival)
    from views.audit_page import AuditPage

    page = AuditPage(make_app_context(admin, language=language))
    qtbot.addWidget(page)
    page.day_from.setDate(page.day_from.date().addYears(-2))
    page.day_to.setDate(page.day_to.date().addYears(2))
    page.refresh()
    shown, exported = _audit_cells(page, tmp_path)
    actions = {r.action for r in page.model.rows}
    assert {"stay.check_in", "stay.released", "stay.to_hospital", "room.out_of_service"} <= actions
    assert {"reading.correct", "swab.result", "user.login", "demo.build"} <= actions
    codes = _codes()
    word = re.compile(r"[A-Za-z_][A-Za-z_.]*")
    joined = {c for c in codes if "_" in c or "." in c} | {"None", "True", "False"}  # never an English word
    for cell in shown + exported:
        assert cell not in codes and not set(word.findall(cell)) & joined, cell
    column = page.model.columnCount()
    said = [c for i, c in enumerate(shown) if i % column == 2]  # the Action column
    if language == "zh_CN":
        assert "入住" in said and "登录" in said and "房间停用" in said and "已转医院" not in said
        assert not any(re.search("[A-Za-z]", c) for c in said)
        assert exported[:2] == ["编号", "时间"] and "状态：空闲 → 已入住" in " ".join(shown)
    else:
        assert {"Checked in", "Signed in", "Room taken out of service", "Transferred to hospital"} <= set(said)
        assert not any(re.search("[\u4e00-\u9fff]", c) for c in said)
        assert exported[:2] == ["No.", "Time"] and "State: Available → Occupied" in " ".join(exported)


def test_every_audited_action_and_field_has_its_words(qapp):
    import re
    from pathlib import Path

    from models.reads.audit_log import AuditWords
    from models.services.audit_fields import KEPT
    from views.labels import audit_action_labels, audit_field_labels, audit_words

    root = Path(__file__).resolve().parent.parent
    recorded = {
        m
        for path in root.glob("models/**/*.py")
        for m in re.findall(r'audit\.record\(\s*session,\s*\w+(?: or \w+)?,\s*"([\w.]+)"', path.read_text("utf-8"))
    }
    assert len(recorded) > 30 and recorded <= set(audit_action_labels())
    assert {f for kept in KEPT.values() for f in kept} <= set(audit_field_labels())
    words: AuditWords = audit_words({})
    assert words.action("room.repainted", "room") == f"{words.entity('room')} (room.repainted)"  # unknown: no error
    assert words.field("colour", "room") == f"{words.entity('room')} (colour)"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_notes_are_said_in_words_too(users, engine, qtbot, tmp_path, make_app_context, make_arrival, language):
    """A note the service wrote as "form=arrival-pack stay=12" reads as the form's name and the stay."""
    from sqlalchemy import select

    from models.services.disclosure import record_print, record_search
    from models.store.orm import Stay
    from views.audit_page import AuditPage

    admin, _clerk = users
    _day_of_work(engine, admin, make_arrival)
    with session_factory(engine)() as s:
        stay_id = s.scalars(select(Stay.id).order_by(Stay.id).limit(1)).one()
        record_print(s, admin, "arrival-pack", [stay_id])
        record_search(s, admin, "doc", "1101**********0011", 1)
    page = AuditPage(make_app_context(admin, language=language))
    qtbot.addWidget(page)
    page.day_from.setDate(page.day_from.date().addYears(-2))
    page.day_to.setDate(page.day_to.date().addYears(2))
    page.refresh()
    shown, exported = _audit_cells(page, tmp_path)
    for cells in (shown, exported):
        assert not [c for c in cells if "form=" in c or "arrival-pack" in c or "found=" in c]
        if language == "zh_CN":
            assert f"登记表和告知书（入住记录 #{stay_id}）" in cells
            assert "按证件号码 1101**********0011 查找：找到 1 人" in cells
        else:
            assert f"Registration form and notice (stay #{stay_id})" in cells
