"""Correct a room's last terminal disinfection (entered wrongly): agent, concentration, who did and checked it,
and why; the old values stay in the audit trail (models/services/rooms.py correct_disinfection)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from models.services.rooms import Disinfection, correct_disinfection

from .context import AppContext
from .stay_actions import StayActionDialog


def disinfection_correction_dialog(
    ctx: AppContext, last: Disinfection, parent: QWidget | None = None
) -> StayActionDialog:
    sessions, actor = ctx.sessions, ctx.user
    d = StayActionDialog(ctx, "", parent)
    d.setWindowTitle(QCoreApplication.translate("DisinfectionDialog", "Correct the last disinfection"))
    when = ctx.local_date(last.at)
    agent, concentration = QLineEdit(last.agent, d), QLineEdit(last.concentration, d)
    done_by, checked_by, reason = QLineEdit(last.done_by, d), QLineEdit(last.checked_by, d), QLineEdit(d)
    d.form.addRow(QCoreApplication.translate("DisinfectionDialog", "Disinfected on"), QLabel(str(when), d))
    d.form.addRow(QCoreApplication.translate("DisinfectionDialog", "Agent"), agent)
    d.form.addRow(QCoreApplication.translate("DisinfectionDialog", "Concentration"), concentration)
    d.form.addRow(QCoreApplication.translate("DisinfectionDialog", "Done by"), done_by)
    d.form.addRow(QCoreApplication.translate("DisinfectionDialog", "Checked by"), checked_by)
    d.form.addRow(QCoreApplication.translate("DisinfectionDialog", "Reason for the correction"), reason)
    d.agent, d.concentration, d.done_by, d.checked_by = agent, concentration, done_by, checked_by  # type: ignore[attr-defined]
    d.reason = reason  # type: ignore[attr-defined]

    def act() -> None:
        with sessions() as s:
            correct_disinfection(
                s, actor, last.event_id, agent.text(), concentration.text(), done_by.text(), checked_by.text(),
                reason.text(),
            )  # fmt: skip

    d.action = act
    d.finish()
    return d
