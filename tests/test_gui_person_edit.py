"""Edit a person's details from the occupants page, by keyboard (views/person_dialog.py): select, Ctrl+E,
fix the phone, Enter; the list, the audit trail and the next printed registration form say the new phone."""

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from models.rules.identity import mask_phone
from models.services.arrivals import register_arrival
from models.store.db import session_factory
from models.store.orm import AuditEntry, Person, Role, User
from printing.documents import render
from tests.conftest import NOW
from tests.helpers import free_rooms
from views.occupants_page import OccupantsPage
from views.person_dialog import PersonDialog

CTRL = Qt.KeyboardModifier.ControlModifier
FIXED = "13912345678"


@pytest.fixture
def stay_id(session, site, desk, make_arrival):
    return register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW).id


@pytest.fixture
def page(qtbot, app_context, stay_id):
    p = OccupantsPage(app_context)
    qtbot.addWidget(p)
    p.refresh()
    p.show()
    p.activateWindow()
    qtbot.waitActive(p)
    return p


def test_fix_a_phone_by_keyboard_shows_in_the_list_the_trail_and_the_form(page, qtbot, engine, monkeypatch, stay_id):
    opened: list[PersonDialog] = []

    def drive(dialog: PersonDialog) -> int:  # the dialog as the desk sees it: typed into, then Enter
        opened.append(dialog)
        dialog.show()
        dialog.phone.setFocus()
        dialog.phone.selectAll()
        QTest.keyClicks(dialog.phone, FIXED)
        QTest.keyClick(dialog.phone, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", drive)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Down)  # the first row
    assert page._detail is not None and page.edit_button.isEnabled()
    QTest.keyClick(page.windowHandle(), Qt.Key.Key_E, CTRL)
    assert len(opened) == 1 and opened[0].saved, opened and opened[0].error.text()
    row = next(r for r in page.model.rows if r.stay_id == stay_id)
    assert mask_phone(FIXED) in [
        page.model.data(page.model.index(page.model.rows.index(row), c)) for c in range(page.model.columnCount())
    ]
    assert mask_phone(FIXED) in page.details.toPlainText()
    with session_factory(engine)() as s:
        person = s.scalars(select(Person)).one()
        assert person.phone == FIXED
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "person.update")).all()[-1]
        assert entry.after["phone"] == mask_phone(FIXED) and FIXED not in str(entry.after)
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "person.reveal")).first() is not None
        pdf = render(s, "registration", NOW.date(), actor=page.ctx.user, stay_ids=[stay_id], now=NOW)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert FIXED in text


def test_esc_asks_before_throwing_changes_away_and_a_bad_phone_says_why(page, qtbot, monkeypatch, engine):
    page.table.selectRow(0)
    dialog = page.person_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.phone.setFocus()
    dialog.phone.selectAll()
    QTest.keyClicks(dialog.phone, "12345")
    assert dialog.phone_info.text()  # said as it is typed
    QTest.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert dialog.isVisible() and "手机号码无效" in dialog.error.text()  # the user's language, nothing saved
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.No)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()  # No: the form stays
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not dialog.saved
    with session_factory(engine)() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "person.update")).first() is None


def test_a_viewer_gets_no_edit(qtbot, make_app_context, session, stay_id):
    viewer = User(username="look", display_name="只看", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    p = OccupantsPage(make_app_context(viewer))
    qtbot.addWidget(p)
    p.refresh()
    p.table.selectRow(0)
    assert p._detail is not None and not p.edit_button.isEnabled() and p.edit_button.toolTip()
    assert p.person_dialog() is None
