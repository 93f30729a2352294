"""Printed forms read back with pypdf: the right names, dates, fields and page counts, real Chinese text."""

import io
import json
import shutil
import subprocess
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from models.errors import DomainError
from models.reads import reports
from models.services.arrivals import register_arrival
from models.services.observations import record_reading
from models.services.rooms import record_disinfection
from models.services.stays import change_release_date, release, transfer
from models.services.swabs import mark_sampled, record_result, swab_plan
from models.store.orm import AuditEntry, DepartureKind, Floor, Room, Slot, SwabResult, User
from printing import forms, xlsx
from tests.conftest import NOW, TZ, local
from tests.helpers import cli_account, free_rooms, run_app

PRINTED = datetime(2026, 11, 23, 9, 30, tzinfo=TZ)


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def people(session, site, desk, make_arrival):
    rooms = free_rooms(session, 4)
    return [
        register_arrival(session, desk, make_arrival("inbound", arrived_at=local(2026, 11, 20, 15)), r.id, now=NOW)
        for r in rooms
    ]


def test_daily_sheets_one_page_per_floor_with_every_occupant(session, site, people):
    floors = reports.sheet_floors(session, NOW.date())
    pdf = forms.daily_sheets(site.name, NOW.date(), floors, "zh_CN", "前台一", PRINTED)
    pages = text_of(pdf)
    assert len(pages) >= len(floors)
    first = pages[0]
    assert "每日健康观察记录表" in first and site.name in first and "2026-11-23" in first
    assert f"第 1 页 / 共 {len(pages)} 页" in first and "打印人：前台一" in first
    everything = "\n".join(pages)
    for stay in people:
        assert stay.person.name in everything
    row = next(r for f in floors for r in f.rows if r.stay_id == people[0].id)
    stay = people[0]
    assert (row.day_n, row.days_total) == (
        (NOW.date() - stay.day_one).days + 1,
        (stay.planned_release - stay.day_one).days,
    )
    assert f"{row.day_n}/{row.days_total}" in everything
    assert "空闲" in everything  # empty rooms are listed as such


def test_sheet_row_says_swab_due_today(session, site, people):
    due = {t.stay_id for s in people for t in swab_plan(session, s.id) if t.planned_date == NOW.date()}
    rows = {r.stay_id: r for f in reports.sheet_floors(session, NOW.date()) for r in f.rows}
    assert {sid for sid, r in rows.items() if r.swab_due} == due


def test_english_forms(session, site, people):
    data = reports.person_forms(session, [people[0].id])
    pdf = forms.registration(site.name, data, "en", "desk1", PRINTED)
    [page] = text_of(pdf)
    assert "Registration form" in page and people[0].person.name in page and "Page 1 of 1" in page
    assert people[0].person.doc_number in page  # the registration form is where the full number belongs


def test_release_notices_batch_for_the_day(session, site, desk, people):
    day = NOW.date() + timedelta(days=2)
    for stay in people[:2]:
        change_release_date(session, desk, stay.id, day, "测试")
        for t in swab_plan(session, stay.id):  # all negative: both are ready on the day
            mark_sampled(session, desk, t.id, by="护士", at=local(2026, 11, 21))
            record_result(session, desk, t.id, SwabResult.NEGATIVE)
    ids = reports.releases_on(session, day)
    assert set(ids) == {people[0].id, people[1].id}
    data = reports.person_forms(session, ids, release_check=day)
    pages = text_of(forms.release_notices(site.name, data, "zh_CN", "前台一", PRINTED))
    assert len(pages) == 2  # one notice per person, one document
    assert "解除集中隔离医学观察告知书" in pages[0] and "阴性" in pages[0]
    assert people[0].person.name in pages[0] and people[1].person.name in pages[1]


def test_temperature_record_has_the_readings(session, site, desk, people):
    stay = people[0]
    record_reading(session, desk, stay.id, date(2026, 11, 21), Slot.MORNING, temperature="36.4")
    record_reading(session, desk, stay.id, date(2026, 11, 21), Slot.EVENING, temperature="37.9")
    [data] = reports.person_forms(session, [stay.id], with_readings=True)
    [page] = text_of(forms.temperature_record(site.name, [data], "zh_CN", "前台一", PRINTED))
    assert "体温登记表" in page and "36.4" in page and "37.9" in page and "2026-11-21" in page


def test_rare_characters_do_not_break_the_build(session, site, desk, make_arrival):
    stay = register_arrival(session, desk, make_arrival(name="刘䶮"), free_rooms(session, 1)[0].id, now=NOW)
    data = reports.person_forms(session, [stay.id])
    for build in (forms.registration, forms.door_cards, forms.release_notices):
        pdf = build(site.name, data, "zh_CN", "前台一", PRINTED)
        assert pdf.startswith(b"%PDF") and "刘" in text_of(pdf)[0]


def test_daily_report_as_it_was_that_day(session, site, desk, make_arrival):
    rooms = free_rooms(session, 4)
    d1 = date(2026, 11, 20)
    a = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20, 9)), rooms[0].id, now=NOW)
    b = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20, 10)), rooms[1].id, now=NOW)
    c = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 21, 10)), rooms[2].id, now=NOW)
    record_reading(session, desk, a.id, date(2026, 11, 21), Slot.MORNING, temperature="38.0")
    transfer(session, desk, a.id, DepartureKind.TO_HOSPITAL, "市定点医院", now=local(2026, 11, 21, 12))
    swab = swab_plan(session, c.id)[0]
    mark_sampled(session, desk, swab.id, by="护士", at=local(2026, 11, 21, 9))
    record_result(session, desk, swab.id, SwabResult.NEGATIVE, at=local(2026, 11, 21, 18))
    release(session, desk, b.id, override_reason="测试提前解除", now=local(2026, 11, 22, 9))
    record_disinfection(
        session, desk, rooms[0].id, agent="含氯", done_by="甲", checked_by="乙", at=local(2026, 11, 22, 15)
    )
    total = len(session.scalars(select(Room)).all())

    r20 = reports.daily_report(session, d1)
    assert (r20.arrivals, r20.people_present, r20.occupied, r20.releases, r20.transfers) == (2, 2, 2, 0, 0)
    r21 = reports.daily_report(session, date(2026, 11, 21))
    assert (r21.arrivals, r21.people_present, r21.transfers, r21.fevers, r21.swabs_taken) == (1, 2, 1, 1, 1)
    assert r21.awaiting_disinfection == 1  # the transferred person's room, that evening
    r22 = reports.daily_report(session, date(2026, 11, 22))
    assert (r22.releases, r22.releases_cumulative, r22.people_present) == (1, 1, 1)
    assert r22.awaiting_disinfection == 1  # room 0 cleaned, b's room now waiting
    assert r22.occupied + r22.available + r22.awaiting_disinfection + r22.out_of_service == total
    zero = reports.daily_report(session, date(2026, 11, 10))  # before anyone came: a zero report
    assert (zero.arrivals, zero.people_present, zero.available) == (0, 0, total)
    [page] = text_of(forms.daily_report(zero, "zh_CN", "前台一", PRINTED))
    assert "零报告" in page and "日报表" in page


def test_disinfection_and_ledger_pdf_and_xlsx(session, site, desk, people, tmp_path):
    transfer(session, desk, people[0].id, DepartureKind.TO_HOSPITAL, "市定点医院", now=NOW)
    record_disinfection(session, desk, people[0].room_id, agent="含氯消毒剂", done_by="甲", checked_by="乙", at=NOW)
    rows = reports.disinfection_rows(session, NOW.date(), NOW.date())
    assert len(rows) == 1 and rows[0].previous == people[0].person.name
    [page] = text_of(forms.disinfection(site.name, NOW.date(), NOW.date(), rows, "zh_CN", "甲", PRINTED))
    assert "终末消毒记录" in page and "含氯消毒剂" in page
    ledger = reports.ledger_rows(session)
    assert len(ledger) == 4 and all("*" in r.doc for r in ledger)  # the ledger masks ID numbers
    out = tmp_path / "ledger.xlsx"
    assert xlsx.ledger_xlsx(ledger, out) == 4
    sheet = list(load_workbook(out).active.iter_rows(values_only=True))
    assert sheet[0][0] == "姓名" and {row[0] for row in sheet[1:]} == {s.person.name for s in people}


def test_cli_print_and_report(tmp_path, sqlite_template, session, site, people, engine):
    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("the CLI test uses the SQLite file")
    db = str(engine.url.database)
    signed = cli_account(db, "clerk", "desk")
    assert session.scalar(select(Floor.name).limit(1)) == "1F"  # in both buildings: ambiguous alone
    floor = "A栋 1F"
    out = tmp_path / "sheets.pdf"
    sheets = ("print", "daily-sheets", "--db", db, "--date", "2026-11-23", "--floor", floor, "-o", str(out))
    assert "--user" in run_app(*sheets).stderr  # nobody signed in: refused
    done = run_app(*sheets, **signed)
    assert done.returncode == 0, done.stderr
    page = text_of(out.read_bytes())[0]
    assert "每日健康观察记录表" in page and "clerk" in page  # the footer says who printed
    rep = run_app(
        "report", "daily", "--db", db, "--date", "2026-11-20", "--json", "--xlsx", str(tmp_path / "r.xlsx"), **signed
    )
    assert rep.returncode == 0, rep.stderr
    assert json.loads(rep.stdout)["arrivals"] == 4 and (tmp_path / "r.xlsx").exists()
    bad = run_app("print", "registration", "--db", db, "-o", str(tmp_path / "x.pdf"), **signed)
    assert bad.returncode == 2 and "--stay" in bad.stderr and "Traceback" not in bad.stderr
    stay = str(people[0].id)
    reg = run_app("print", "registration", "--db", db, "--stay", stay, "-o", str(tmp_path / "r.pdf"), **signed)
    assert reg.returncode == 0, reg.stderr
    session.rollback()
    printed = session.scalars(select(AuditEntry).where(AuditEntry.action == "document.print")).all()
    assert [(e.person_id, e.note) for e in printed] == [(people[0].person_id, f"form=registration stay={stay}")]
    assert session.get(User, printed[0].user_id).username == "clerk"


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs pdftoppm and zbarimg (apt-get install poppler-utils zbar-tools) to read the QR codes back",
)
def test_sheet_qr_codes_scan_back_to_the_stay(session, site, people, tmp_path):
    floors = [f for f in reports.sheet_floors(session, NOW.date()) if f.rows][:1]
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(forms.daily_sheets(site.name, NOW.date(), floors, "zh_CN", "前台一", PRINTED))
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=False)
    codes = set(out.stdout.split())
    assert codes == {forms.stay_code(r.stay_id) for r in floors[0].rows}  # what the desk's scanner reads


def test_the_forms_recorded_as_disclosing_full_ids_are_exactly_those_that_print_them(session, site, people, desk):
    """FULL_IDENTIFIER_FORMS is checked against what each form really prints: a form that shows a full ID
    number and is missing from the list would print it with no audit entry."""
    from printing.documents import render
    from printing.form_names import FORMS, FULL_IDENTIFIER_FORMS

    stay = people[0]
    doc = stay.person.doc_number
    release(session, desk, stay.id, override_reason="测试")  # a release notice is printed only once released
    shows = set()
    for form in FORMS:
        pdf = render(
            session, form, NOW.date(), actor=desk, stay_ids=[stay.id] if form not in ("daily-sheets",) else None,
            printed_by="前台一", now=PRINTED,
        )  # fmt: skip
        if doc in "".join("".join(text_of(pdf)).split()):
            shows.add(form)
    assert shows == FULL_IDENTIFIER_FORMS
    session.rollback()
    notes = session.scalars(select(AuditEntry.note).where(AuditEntry.action == "document.print")).all()
    assert sorted(notes) == sorted(f"form={form} stay={stay.id}" for form in FULL_IDENTIFIER_FORMS)


def test_a_viewer_cannot_print_full_ids_and_nothing_is_recorded(session, site, people, desk):
    from models.services.accounts import create_user
    from models.store.orm import Role
    from printing.documents import render

    viewer = create_user(session, desk, "look", "look pass 1", Role.VIEWER)
    for form in ("registration", "release-notices", "arrival-pack"):
        with pytest.raises(DomainError) as refused:
            render(session, form, NOW.date(), actor=viewer, stay_ids=[people[0].id], now=PRINTED)
        assert refused.value.code == "forbidden"
    assert render(session, "notice", NOW.date(), actor=viewer, stay_ids=[people[0].id], now=PRINTED)  # no ID on it
    session.rollback()
    assert not session.scalars(select(AuditEntry).where(AuditEntry.action == "document.print")).all()
