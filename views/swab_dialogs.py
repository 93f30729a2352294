"""The swab page's dialogs for medical staff: an unscheduled swab (计划外核酸) and a result corrected.

Each is a :class:`StayActionDialog` (a form, OK/Cancel, the domain's refusal shown in it); a correction to
positive asks first, as recording a positive does (``confirm``: No records nothing)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from models.services.swabs import SwabDue, add_unscheduled, correct_result, present_people, swab_version
from models.store.orm import SwabResult

from .context import AppContext
from .date_field import DateField
from .labels import swab_result_label
from .stay_actions import StayActionDialog


class SwabActionDialog(StayActionDialog):
    """A StayActionDialog whose OK may ask a question first (``confirm()``; False: nothing done, said)."""

    confirm: Callable[[], bool] = staticmethod(lambda: True)  # type: ignore[assignment]

    def run(self) -> bool:
        if not self.confirm():
            self.error.setText(QCoreApplication.translate("SwabDialogs", "Nothing recorded"))
            return False
        return super().run()


def unscheduled_swab_dialog(ctx: AppContext, stay_id: int | None, parent: QWidget | None = None) -> SwabActionDialog:
    """Add an unscheduled swab: the person (the selected one by default), the day (today by default), why."""
    sessions, actor = ctx.sessions, ctx.user
    d = SwabActionDialog(ctx, "", parent)
    d.setWindowTitle(QCoreApplication.translate("SwabDialogs", "Add an unscheduled swab"))
    person = QComboBox(d)
    with sessions() as s:
        for p in present_people(s):
            person.addItem(p.label, p.stay_id)
    if stay_id is not None and person.findData(stay_id) >= 0:
        person.setCurrentIndex(person.findData(stay_id))
    day = DateField(ctx, d, with_time=False)
    day.set_value(ctx.today())
    reason = QLineEdit(d)
    reason.setPlaceholderText(QCoreApplication.translate("SwabDialogs", "Why: symptoms, a contact, the lab's request…"))
    d.form.addRow(QCoreApplication.translate("SwabDialogs", "Person"), person)
    d.form.addRow(QCoreApplication.translate("SwabDialogs", "Day"), day)
    d.form.addRow(QCoreApplication.translate("SwabDialogs", "Reason"), reason)
    d.person, d.day, d.reason = person, day, reason  # type: ignore[attr-defined]
    d.added = None  # type: ignore[attr-defined]

    def act() -> None:
        with sessions() as s:
            swab = add_unscheduled(s, actor, person.currentData(), day.day(), reason.text(), today=ctx.today())
            d.added = swab.id  # type: ignore[attr-defined]

    d.action = act
    d.finish()
    return d


def correct_result_dialog(
    ctx: AppContext, row: SwabDue, ask: Callable[[str, str], bool], parent: QWidget | None = None
) -> SwabActionDialog:
    """Correct the result of ``row``'s swab (entered wrongly): the new result and why. A correction to
    positive is asked first with ``ask(title, text)``, naming the person, as recording a positive is."""
    sessions, actor = ctx.sessions, ctx.user
    with sessions() as s:
        current, version, on_site = swab_version(s, row.swab_id)
    d = SwabActionDialog(ctx, "", parent)
    d.setWindowTitle(QCoreApplication.translate("SwabDialogs", "Correct a swab result"))
    result = QComboBox(d)
    for r in (SwabResult.NEGATIVE, SwabResult.POSITIVE, SwabResult.PENDING):
        if r is not current:
            result.addItem(swab_result_label(r), r.value)
    reason = QLineEdit(d)
    d.form.addRow(QCoreApplication.translate("SwabDialogs", "Person"), QLabel(f"{row.floor} {row.room} {row.name}", d))
    d.form.addRow(
        QCoreApplication.translate("SwabDialogs", "Recorded result"),
        QLabel(swab_result_label(current) if current else "—", d),
    )
    d.form.addRow(QCoreApplication.translate("SwabDialogs", "Correct result"), result)
    d.form.addRow(QCoreApplication.translate("SwabDialogs", "Reason"), reason)
    d.new_result, d.reason = result, reason  # type: ignore[attr-defined]

    def confirm() -> bool:
        if result.currentData() != SwabResult.POSITIVE.value:
            return True
        text = QCoreApplication.translate(
            "SwabDialogs", "Correct the result of {0} (room {1} {2}) to POSITIVE?"
        ).format(row.name, row.floor, row.room)
        if not on_site:
            text += " " + QCoreApplication.translate("SwabDialogs", "This person has already left the site.")
        return ask(QCoreApplication.translate("SwabDialogs", "Positive result"), text)

    def act() -> None:
        with sessions() as s:
            correct_result(
                s, actor, row.swab_id, result.currentData(), reason.text(), expected_version=version, at=ctx.now()
            )

    d.confirm = confirm  # type: ignore[method-assign]
    d.action = act
    d.finish()
    return d
