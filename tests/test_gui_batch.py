"""Batch arrival dialog: preview with statuses and rooms, column mapping, all-or-nothing check-in."""

import random

import pytest
from sqlalchemy import func, select

from models.demo import synthetic
from models.store.db import session_factory
from models.store.orm import Person, Room, RoomState, Stay
from tests.conftest import NOW
from views.batch_dialog import BatchDialog, MappingDialog


def write_csv(path, people, header="姓名,证件号码,联系电话,人员类别", bad_first=False):
    lines = [header]
    for i, p in enumerate(people):
        doc = (
            p["doc_number"][:-1] + ("0" if p["doc_number"][-1] != "0" else "1")
            if bad_first and i == 0
            else p["doc_number"]
        )
        lines.append(f"{p['name']},{doc},{p['phone']},入境")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def dialog(qtbot, app_context, site):
    d = BatchDialog(app_context)
    qtbot.addWidget(d)
    return d


def people(n, seed=1):
    rng = random.Random(seed)
    return [synthetic.person(rng, NOW.date(), min_age=20, max_age=60) for _ in range(n)]


def stays(engine):
    with session_factory(engine)() as s:
        return s.scalar(select(func.count()).select_from(Stay))


def test_preview_then_check_in_valid_rows(dialog, engine, tmp_path):
    path = tmp_path / "list.csv"
    write_csv(path, people(4), bad_first=True)
    assert dialog.load(path).state == "done"
    statuses = [dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())]
    assert statuses == ["无效", "有效", "有效", "有效"]
    assert "校验位" in dialog.table.item(0, 5).text()
    assert dialog.table.item(1, 4).text() and "单人单间" in dialog.table.item(1, 5).text()
    assert "3" in dialog.summary.text()
    assert stays(engine) == 0  # a preview writes nothing
    dialog.confirm()
    assert stays(engine) == 3
    with session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Room).where(Room.state == RoomState.OCCUPIED)) == 3


def test_unknown_headers_ask_for_a_mapping(dialog, engine, tmp_path, monkeypatch):
    path = tmp_path / "odd.csv"
    write_csv(path, people(2, seed=2), header="人员名称,身份号,手机,类型")
    monkeypatch.setattr(MappingDialog, "exec", lambda self: True)
    monkeypatch.setattr(
        MappingDialog,
        "mapping",
        lambda self: {"人员名称": "name", "身份号": "doc_number", "手机": "phone", "类型": "category"},
    )
    assert dialog.load(path).state == "done"
    assert [dialog.table.item(i, 1).text() for i in range(2)] == ["有效", "有效"]


def test_not_enough_rooms_disables_confirm(dialog, engine, tmp_path):
    with session_factory(engine)() as s:
        free = s.scalar(select(func.count()).select_from(Room).where(Room.state == RoomState.AVAILABLE))
    path = tmp_path / "big.csv"
    write_csv(path, people(free + 2, seed=3))
    dialog.load(path)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert "没有房间" in dialog.error.text()
    dialog.confirm()  # even if forced: all or nothing
    assert stays(engine) == 0


def test_export_rejected_rows(dialog, tmp_path):
    path = tmp_path / "list.csv"
    write_csv(path, people(3, seed=4), bad_first=True)
    dialog.load(path)
    from models.services.importer import export_rows

    assert export_rows(dialog.rows, tmp_path / "out.xlsx") == 1


def test_a_rejected_row_is_fixed_in_place_then_checked_in(dialog, engine, tmp_path):
    crowd = people(3, seed=7)
    path = tmp_path / "list.csv"
    write_csv(path, crowd, bad_first=True)
    assert dialog.load(path).state == "done"
    assert dialog.table.item(0, 1).text() == "无效"
    dialog.table.setCurrentCell(0, 0)  # the desk selects the bad row: its cells open for editing
    assert dialog.fix_box.isVisibleTo(dialog) and "校验位" in dialog.fix_title.text()
    doc_edit = next(e for e in dialog.fix_edits.values() if e.text()[:6] == crowd[0]["doc_number"][:6])
    doc_edit.setText("not a number")
    dialog.apply_fix()
    assert dialog.table.item(0, 1).text() == "无效"  # still wrong: still refused, still editable
    doc_edit = next(e for e in dialog.fix_edits.values() if e.text() == "not a number")
    doc_edit.setText(crowd[0]["doc_number"])  # the right number, read off the person's card
    dialog.apply_fix()
    assert [dialog.table.item(i, 1).text() for i in range(3)] == ["有效", "有效", "有效"]
    assert not dialog.fix_box.isVisibleTo(dialog)
    assert stays(engine) == 0
    dialog.confirm()
    assert stays(engine) == 3
    with session_factory(engine)() as s:
        assert crowd[0]["name"] in set(s.scalars(select(Person.name)))


def test_fixing_one_copy_of_a_duplicate_row(dialog, engine, tmp_path):
    crowd = people(2, seed=8)
    twice = [crowd[0], crowd[1], crowd[0]]
    path = tmp_path / "dup.csv"
    write_csv(path, twice)
    assert dialog.load(path).state == "done"
    assert dialog.table.item(2, 1).text() == "重复"
    dialog.table.setCurrentCell(2, 0)
    other = people(1, seed=9)[0]
    edits = dialog.fix_edits
    by_text = {e.text(): e for e in edits.values()}
    by_text[crowd[0]["name"]].setText(other["name"])
    by_text[crowd[0]["doc_number"]].setText(other["doc_number"])
    dialog.apply_fix()
    assert [dialog.table.item(i, 1).text() for i in range(3)] == ["有效", "有效", "有效"]


def test_a_workbook_of_sheets_is_read_from_the_list_and_another_can_be_chosen(dialog, tmp_path, monkeypatch):
    import xlwt

    ps = people(3, seed=7)
    book = xlwt.Workbook(encoding="utf-8")
    notes = book.add_sheet("填表说明")
    notes.write(0, 0, "本表由区指挥部填报")
    listed = book.add_sheet("转运名单")
    for j, h in enumerate(("姓名", "身份证号码", "手机号", "人员类别")):
        listed.write(0, j, h)
    for i, p in enumerate(ps, 1):
        for j, v in enumerate((p["name"], p["doc_number"], p["phone"], "入境")):
            listed.write(i, j, v)
    path = tmp_path / "名单.xls"
    book.save(str(path))
    assert dialog.load(path).state == "done"
    assert not dialog.sheet.isHidden() and not dialog.sheet_label.isHidden()  # shown: several sheets
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["填表说明", "转运名单"]
    assert dialog.sheet.currentText() == "转运名单" and "工作表“转运名单”" in dialog.file_label.text()
    assert [dialog.table.item(i, 1).text() for i in range(3)] == ["有效", "有效", "有效"]
    asked = []
    monkeypatch.setattr(MappingDialog, "exec", lambda self: asked.append(self) and False)
    dialog.sheet.setCurrentIndex(0)
    dialog.sheet.activated.emit(0)  # the notes: no header there, the mapping is asked for
    assert asked and dialog.sheet.currentText() == "填表说明"
