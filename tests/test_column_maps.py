"""Column mappings remembered per source (issue 20): said once for a sending office's lists, at the command line
(``--source`` with ``--map``) or in the batch dialog, and used for its next list, recognised by its headers;
refused to a role that may not import, recorded in the trail."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select

from models.demo import synthetic
from models.errors import DomainError
from models.services.accounts import create_user
from models.services.column_maps import recognise_columns, remember_columns, remembered_columns, sources
from models.services.importer import parse_rows, read_table
from models.store.db import session_factory
from models.store.orm import AuditEntry, ColumnMap, Role
from tests.conftest import NOW
from tests.helpers import run_app
from tests.test_gui_batch import people
from tests.test_import_cli import make_site_db
from views.batch_dialog import BatchDialog, MappingDialog

ODD = "人员名称,身份号,手机,类型"  # a district's own headers: none of them known
MAPPING = {"人员名称": "name", "身份号": "doc_number", "手机": "phone", "类型": "category"}


def write_list(path, ps, header=ODD, title=None):
    lines = ([title] if title else []) + [header]
    lines += [f"{p['name']},{p['doc_number']},{p['phone']},入境" for p in ps]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_mapping_kept_for_a_source_reads_its_next_list(session, site, desk, tmp_path):
    first = write_list(tmp_path / "a.csv", people(2, seed=3))
    with pytest.raises(DomainError) as e:
        parse_rows(session, read_table(first), now=NOW)
    assert e.value.code == "import_no_header"
    assert remember_columns(session, desk, "  东城区 转运组 ", MAPPING) == 4
    assert sources(session) == ["东城区 转运组"]
    assert remembered_columns(session, "东城区 转运组")["身份号"] == "doc_number"
    nxt = write_list(tmp_path / "b.csv", people(3, seed=4), title="东城区转运名单（第5批）")  # a title row above
    source, mapping = recognise_columns(session, read_table(nxt))
    assert source == "东城区 转运组"
    assert [r.status for r in parse_rows(session, read_table(nxt), mapping=mapping, now=NOW)] == ["valid"] * 3
    note = session.scalars(select(AuditEntry.note).where(AuditEntry.action == "columns.remember")).one()
    assert note == "source=东城区 转运组 columns=4 map=人员名称>name,手机>phone,类型>category,身份号>doc_number was=-"


def test_a_list_is_recognised_only_when_it_has_all_the_kept_headers(session, site, desk, tmp_path):
    remember_columns(session, desk, "东城区", MAPPING)
    remember_columns(session, desk, "西城区", {"人员名称": "name", "身份号": "doc_number"})
    both = write_list(tmp_path / "a.csv", people(1))
    assert recognise_columns(session, read_table(both))[0] == "东城区"  # the one that names most columns
    other = write_list(tmp_path / "b.csv", people(1), header="人员名称,证件号码,手机号,类别")
    assert recognise_columns(session, read_table(other)) is None  # 身份号 is not there: not that office's
    remember_columns(session, desk, "东城区", {"人员名称": "name", "身份号": "doc_number"})  # said again: replaced
    assert remembered_columns(session, "东城区") == {"人员名称": "name", "身份号": "doc_number"}


@pytest.mark.parametrize(
    ("source", "mapping", "code"),
    [
        ("", MAPPING, "layout_name_empty"),
        ("=HYPERLINK(1)", MAPPING, "layout_formula"),
        ("东城区", {"人员名称": "password"}, "import_map_field"),
        ("东城区", {}, "import_map_empty"),
    ],
)
def test_a_bad_source_or_mapping_is_refused_and_nothing_kept(session, site, desk, source, mapping, code):
    with pytest.raises(DomainError) as e:
        remember_columns(session, desk, source, mapping)
    assert e.value.code == code
    assert session.scalar(select(func.count()).select_from(ColumnMap)) == 0


def test_a_role_that_may_not_import_cannot_keep_columns(session, site):
    medical = create_user(session, None, "nurse1", "pw-long-enough-1", Role.MEDICAL, "护士")
    with pytest.raises(DomainError) as e:
        remember_columns(session, medical, "东城区", MAPPING)
    assert e.value.code == "forbidden"
    assert session.scalar(select(func.count()).select_from(ColumnMap)) == 0


def test_the_command_line_keeps_a_source_s_columns_and_uses_them_next_time(tmp_path, sqlite_template):
    db = tmp_path / "site.sqlite3"
    signed = make_site_db(sqlite_template, db, 10)
    rng = random.Random(5)
    lists = [write_list(tmp_path / f"l{i}.csv", [synthetic.person(rng, NOW.date()) for _ in range(2)]) for i in (1, 2)]
    maps = [a for h, f in MAPPING.items() for a in ("--map", f"{h}={f}")]
    out = run_app("import", str(lists[0]), "--db", str(db), "--dry-run", "--source", "东城区", *maps, **signed)
    assert out.returncode == 0, out.stderr
    out = run_app("import", str(lists[1]), "--db", str(db), "--dry-run", **signed)
    assert out.returncode != 0 and "表头" in out.stderr  # a dry run kept nothing
    out = run_app("import", str(lists[0]), "--db", str(db), "--source", "东城区", *maps, **signed)
    assert out.returncode == 0 and "已记住“东城区”的列对应" in out.stderr, out.stderr
    out = run_app("import", str(lists[1]), "--db", str(db), "--dry-run", **signed)
    assert out.returncode == 0 and "按“东城区”记住的列对应读取" in out.stderr, out.stderr
    out = run_app("import", str(lists[1]), "--db", str(db), "--dry-run", "--source", "西城区", **signed)
    assert out.returncode != 0 and "没有为“西城区”记住过列对应" in out.stderr and "Traceback" not in out.stderr


def test_the_batch_dialog_keeps_the_columns_for_the_source_and_asks_no_more(
    qtbot, app_context, site, engine, tmp_path, monkeypatch
):
    asked: list[MappingDialog] = []

    def answer(self):
        asked.append(self)
        for header, field in MAPPING.items():
            self.combos[header].setCurrentIndex(self.combos[header].findData(field))
        self.source.setEditText("东城区转运组")
        return True

    monkeypatch.setattr(MappingDialog, "exec", answer)
    dialog = BatchDialog(app_context)
    qtbot.addWidget(dialog)
    assert dialog.load(write_list(tmp_path / "a.csv", people(2, seed=6))).state == "done"
    assert len(asked) == 1 and asked[0].remember.isChecked()  # kept unless the desk says not
    assert [dialog.table.item(i, 1).text() for i in range(2)] == ["有效", "有效"]
    assert dialog.columns_note.text() == "按“东城区转运组”记住的列对应读取"
    with session_factory(engine)() as s:
        assert remembered_columns(s, "东城区转运组") == MAPPING
    again = BatchDialog(app_context)  # the next list from the office, another day
    qtbot.addWidget(again)
    assert again.load(write_list(tmp_path / "b.csv", people(3, seed=7))).state == "done"
    assert len(asked) == 1  # not asked again
    assert [again.table.item(i, 1).text() for i in range(3)] == ["有效"] * 3
    assert again.columns_note.text() == "按“东城区转运组”记住的列对应读取"


def test_a_source_is_found_as_it_was_kept_and_no_person_s_data_is_kept_as_a_header(session, site, desk):
    remember_columns(session, desk, "朝阳区（东区）疾控", {**MAPPING, "110101199003077777": "notes"})
    assert sources(session) == ["朝阳区(东区)疾控"]  # full-width brackets folded, as everywhere
    assert remembered_columns(session, "朝阳区（东区）疾控") == MAPPING  # the ID taken for a header: not kept
    note = session.scalars(select(AuditEntry.note).where(AuditEntry.action == "columns.remember")).one()
    assert "1101011990" not in note
