"""A bus at the desk: confirmation with the room plan, a plan that holds while rows are fixed, the summary, and
the batch's paper in one print job (registration forms, notices, door cards, hand-over list) for that batch only."""

import io
import random
from datetime import datetime

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from bench.batch_arrival import drive, write_list
from models.demo import synthetic
from models.demo.builder import build_demo
from models.rules.identity import mask_id
from models.services.arrivals import register_arrival
from models.services.importer import plan_rooms
from models.store.db import make_engine, session_factory
from models.store.orm import AuditEntry, Person, Role, Room, Stay
from printing.documents import render
from tests.conftest import NOW, TZ
from tests.helpers import CLI_PASSWORD, free_rooms, run_app
from views import main_window as main_window_module
from views.application import make_app
from views.batch_dialog import BatchDialog
from views.main_window import MainWindow

DEMO_NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)


def write_csv(path, people, bad_first=False):
    lines = ["姓名,证件号码,联系电话,人员类别"]
    for i, p in enumerate(people):
        doc = p["doc_number"]
        if bad_first and i == 0:
            doc = doc[:-1] + ("0" if doc[-1] != "0" else "1")  # a wrong check character
        lines.append(f"{p['name']},{doc},{p['phone']},入境")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def crowd(n, seed=1):
    rng = random.Random(seed)
    return [synthetic.person(rng, NOW.date(), min_age=20, max_age=60) for _ in range(n)]


def count_stays(engine):
    with session_factory(engine)() as s:
        return s.scalar(select(func.count()).select_from(Stay))


def text_of(pdf: bytes) -> list[str]:
    return ["".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def dialog(qtbot, app_context, site):
    d = BatchDialog(app_context)
    qtbot.addWidget(d)
    return d


def rooms_by_row(dialog):
    return {dialog.rows[i].row: dialog.table.item(i, 4).text() for i in range(dialog.table.rowCount())}


def test_check_in_asks_first_with_the_room_plan_and_esc_goes_back_with_nothing_written(qtbot, dialog, engine, tmp_path):
    people = crowd(4)
    path = tmp_path / "list.csv"
    write_csv(path, people)
    dialog.load(path)
    assert dialog.step() == dialog.PREVIEW
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isDefault()  # Enter goes on
    ok.click()
    assert dialog.step() == dialog.CONFIRM
    assert dialog.confirm_title.text() == "确认入住 4 人？"
    planned = {dialog.confirm_plan.item(i, 1).text(): dialog.confirm_plan.item(i, 0).text() for i in range(4)}
    assert set(planned) == {p["name"] for p in people}
    assert all(room.startswith("A栋 ") for room in planned.values())  # building and number, as called out
    assert count_stays(engine) == 0  # asking writes nothing
    qtbot.keyClick(dialog.confirm_plan, Qt.Key.Key_Escape)
    assert dialog.step() == dialog.PREVIEW and dialog.result() == 0  # back to the list, the dialog still open
    assert count_stays(engine) == 0
    ok.click()
    dialog.confirm_button.click()
    assert count_stays(engine) == 4
    assert dialog.step() == dialog.SUMMARY
    assert dialog.done_title.text() == "已入住 4 人"
    with session_factory(engine)() as s:
        q = select(Person.name, Room.number).select_from(Stay).join(Person, Stay.person_id == Person.id)
        rooms = dict(s.execute(q.join(Room, Stay.room_id == Room.id)).all())
    assert {name: f"A栋 {number}" for name, number in rooms.items()} == planned  # everyone in the room shown


def test_fixing_a_row_keeps_everybody_elses_room(dialog, engine, tmp_path, session):
    path = tmp_path / "list.csv"
    people = crowd(4, seed=7)
    write_csv(path, people, bad_first=True)
    dialog.load(path)
    before = rooms_by_row(dialog)
    assert before[2] == "" and all(before[r] for r in (3, 4, 5))
    dialog.table.setCurrentCell(0, 0)
    edit = next(e for e in dialog.fix_edits.values() if e.text()[:6] == people[0]["doc_number"][:6])
    edit.setText(people[0]["doc_number"])
    dialog.apply_fix()
    after = rooms_by_row(dialog)
    assert [dialog.rows[i].status for i in range(4)] == ["valid"] * 4
    assert {r: after[r] for r in (3, 4, 5)} == {r: before[r] for r in (3, 4, 5)}  # nobody moved
    assert after[2] and after[2] not in {before[r] for r in (3, 4, 5)}
    # without the earlier plan the fixed row would have taken the first room and everyone moved on by one
    fresh = plan_rooms(session, dialog.rows, now=NOW)
    assert BatchDialog.room_text(fresh[0]) == before[3]
    dialog.ask_confirm()
    dialog.confirm()
    assert count_stays(engine) == 4


def test_a_room_taken_meanwhile_checks_nobody_in_and_shows_the_new_plan(dialog, engine, tmp_path, make_arrival, desk):
    path = tmp_path / "list.csv"
    write_csv(path, crowd(3, seed=11))
    dialog.load(path)
    dialog.ask_confirm()
    taken = dialog.plan[dialog.rows[1].row]
    with session_factory(engine)() as other_desk:  # another desk checks someone into one of the planned rooms
        register_arrival(other_desk, other_desk.merge(desk), make_arrival(), taken, now=NOW)
    dialog.confirm()
    assert count_stays(engine) == 1  # the other desk's arrival only: all or nothing
    assert "房间安排已变化" in dialog.error.text() and "未登记任何人" in dialog.error.text()
    assert dialog.step() == dialog.PREVIEW  # the new plan, to look at again
    assert taken not in dialog.plan.values() and len(dialog.plan) == 3
    assert dialog.plan[dialog.rows[0].row] != taken
    dialog.ask_confirm()
    dialog.confirm()
    assert count_stays(engine) == 4


def test_rows_are_coloured_by_status(dialog, tmp_path):
    people = crowd(3, seed=4)
    path = tmp_path / "list.csv"
    write_csv(path, [*people, people[1]], bad_first=True)  # invalid, valid, valid, duplicate
    dialog.load(path)
    items = [dialog.table.item(i, 2) for i in range(4)]
    colours = {item.data(Qt.ItemDataRole.UserRole): item.background().color().name() for item in items}
    assert set(colours) == {"invalid", "valid", "duplicate"} and len(set(colours.values())) == 3


def test_full_ids_are_shown_to_compare_with_the_paper_only_once_recorded(
    dialog, engine, tmp_path, make_app_context, session, desk, qtbot
):
    from models.services.accounts import create_user

    people = crowd(2, seed=5)
    path = tmp_path / "名单.csv"
    write_csv(path, people)
    dialog.load(path)
    assert dialog.table.item(0, 3).text() == mask_id(people[0]["doc_number"])
    dialog.full_ids.setChecked(True)
    assert dialog.table.item(0, 3).text() == people[0]["doc_number"]
    with session_factory(engine)() as s:
        notes = list(s.scalars(select(AuditEntry.note).where(AuditEntry.action == "import.reveal")))
    assert notes == ["file=名单.csv rows=2"]
    dialog.full_ids.setChecked(False)
    assert dialog.table.item(0, 3).text() == mask_id(people[0]["doc_number"])
    viewer = create_user(session, desk, "look", "look pass 1", Role.VIEWER)
    other = BatchDialog(make_app_context(viewer))
    qtbot.addWidget(other)
    assert not other.full_ids.isEnabled()


def test_the_batch_paper_is_for_that_batch_only(session, site, desk, make_arrival):
    rooms = free_rooms(session, 7)
    earlier = [register_arrival(session, desk, make_arrival(), r.id, now=NOW) for r in rooms[:4]]
    batch = [register_arrival(session, desk, make_arrival(), r.id, now=NOW) for r in rooms[4:]]
    pdf = render(session, "arrival-batch", NOW.date(), actor=desk, stay_ids=[s.id for s in batch], now=NOW)
    pages = text_of(pdf)
    whole = "".join(pages)
    for s in batch:
        assert s.person.name in whole and s.person.doc_number in whole  # the registration forms
    assert not any(s.person.name in whole for s in earlier)  # nobody else's door card or form
    door_cards = [t for t in pages if "沿虚线剪开" in t]
    assert len(door_cards) == 2  # three cards, two to a page
    receipt = [t for t in pages if "入住人员交接清单" in t]
    assert len(receipt) == 1 and "本批3人" in receipt[0] and "签名" in receipt[0]
    assert all(mask_id(s.person.doc_number) in receipt[0] for s in batch)
    assert not any(s.person.doc_number in receipt[0] for s in batch)  # the list leaves with the transfer team
    session.rollback()
    notes = session.scalars(select(AuditEntry.note).where(AuditEntry.action == "document.print")).all()
    assert sorted(notes) == sorted(f"form=arrival-batch stay={s.id}" for s in batch)


def test_the_hand_over_list_of_a_day_lists_that_days_arrivals(session, site, desk, make_arrival):
    from tests.conftest import local

    rooms = free_rooms(session, 3)
    yesterday = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 22, 9)), rooms[0].id, now=NOW)
    today = [register_arrival(session, desk, make_arrival(), r.id, now=NOW) for r in rooms[1:]]
    text = "".join(text_of(render(session, "arrival-receipt", NOW.date(), actor=desk, now=NOW)))
    assert all(s.person.name in text for s in today) and yesterday.person.name not in text


def test_the_command_line_prints_a_batch(tmp_path, sqlite_template, rng):
    from tests.test_import_cli import make_site_db
    from tests.test_import_cli import write_list as write_cli_list

    db = tmp_path / "site.sqlite3"
    signed = make_site_db(sqlite_template, db, 5)
    listed = tmp_path / "list.csv"
    write_cli_list(listed, rng, 2)
    assert run_app("import", str(listed), "--db", str(db), **signed).returncode == 0
    engine = make_engine(db)
    with session_factory(engine)() as s:
        stays = list(s.scalars(select(Stay.id)))
    engine.dispose()
    out = tmp_path / "batch.pdf"
    args = ["print", "arrival-batch", "--db", str(db), "-o", str(out), "--stay", str(stays[0]), "--stay", str(stays[1])]
    done = run_app(*args, **signed)
    assert done.returncode == 0, done.stderr
    pages = text_of(out.read_bytes())
    assert sum("沿虚线剪开" in t for t in pages) == 1 and any("本批2人" in t for t in pages)
    assert CLI_PASSWORD not in done.stdout + done.stderr


@pytest.fixture
def window(qtbot, engine, monkeypatch, clock, app_context):
    clock.set(DEMO_NOW)  # the app runs at the demo's instant
    build_demo(engine, rooms=120, days=3, seed=5, now=DEMO_NOW)
    make_app(theme=False, settings=app_context.settings)
    w = MainWindow(app_context)
    qtbot.addWidget(w)
    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(main_window_module, "show_pdf", lambda parent, pdf, title: shown.append((pdf, title)))
    w.shown = shown
    w.show()
    qtbot.waitExposed(w)
    return w


def test_a_bus_of_40_from_the_list_to_its_printed_paper_by_keyboard(qtbot, window, engine, tmp_path):
    """The path bench/batch_arrival.py measures: Ctrl+B, Enter, the file name, Enter, Enter, Enter."""
    path = tmp_path / "bus40.xlsx"
    people = write_list(path, 40, today=DEMO_NOW.date())
    before = count_stays(engine)
    with session_factory(engine)() as s:
        present = set(s.scalars(select(Person.name).join(Stay).where(Stay.departed_at.is_(None))))

    def settle(done):
        qtbot.waitUntil(done, timeout=30_000)

    window.show_page("today")
    arrivals_before = len(window.today_page.data.arrivals)
    run = drive(window, path, settle=settle, shown=window.shown)
    assert len(window.today_page.data.arrivals) == arrivals_before + 40  # the page on screen follows at once
    assert run.checked_in == 40 and count_stays(engine) == before + 40
    assert run.keys == 5 + len(path.name) + 1  # five keys and the file name
    pages = text_of(run.pdf)
    whole = "".join(pages)
    assert all(p["name"] in whole for p in people)
    assert not any(name in whole for name in present - {p["name"] for p in people})  # this batch only
    assert sum("沿虚线剪开" in t for t in pages) == 20  # 40 door cards, two to a page
    receipt = pages[next(i for i, t in enumerate(pages) if "入住人员交接清单" in t) :]  # the last part
    assert "本批40人" in receipt[-1] and "签名" in receipt[-1]
    assert all(mask_id(p["doc_number"]) in "".join(receipt) for p in people)
    assert window.findChild(BatchDialog) is None or not window.findChild(BatchDialog).isVisible()


def test_the_check_in_keeps_a_copy_of_the_database_as_it_was_named_for_the_import(dialog, engine, tmp_path):
    from models.store.backup import is_file_database, list_backups
    from views.backup_panel import backup_dir

    path = tmp_path / "list.csv"
    write_csv(path, crowd(2, seed=13))
    dialog.load(path)
    dialog.ask_confirm()
    dialog.confirm()
    assert count_stays(engine) == 2
    if not is_file_database(engine):
        return  # PostgreSQL is backed up on the server: the check-in went ahead without a file copy
    folder = backup_dir(engine, dialog.ctx.settings)
    [before] = [c for c in list_backups(folder) if c.reason == "import"]
    probe = make_engine(before.path)
    with session_factory(probe)() as s:
        assert s.scalar(select(func.count()).select_from(Stay)) == 0  # taken before the check-in
    probe.dispose()
