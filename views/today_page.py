"""Today (今日): the figures the desk and the medical team start from; every line opens its screen."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.reads.today import Dashboard, OutOfServiceLine, ReleaseLine, dashboard
from models.services.rooms import back_in_service, set_out_of_service
from models.store.orm import Slot
from ui import palette
from ui.theme import mark_status

from .context import AppContext
from .date_field import DateField
from .labels import swab_result_label
from .permissions_ui import explain_disabled
from .release_batch_dialog import ReleaseBatchDialog
from .stay_actions import close_alert_flow

STAY, ROOM, PAGE, SWAB, OOS = (Qt.ItemDataRole.UserRole + i for i in range(5))


class TodayPage(QWidget):
    open_stay = Signal(int)
    open_room = Signal(int)
    open_page = Signal(str)
    open_swab = Signal(int)  # a positive sample: the swabs screen's guided path
    changed = Signal()  # a fever alert was closed, a room brought back or its out-of-service extended here
    print_release_notices = Signal(list, object)  # stay ids, the dialog to preview over: the batch's notices

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sessions = ctx.sessions
        self.data: Dashboard | None = None
        self.headline = mark_status(QLabel(self))  # the day in one line, larger
        self.headline.setWordWrap(True)
        self.headline.linkActivated.connect(self.open_page.emit)  # "swabs", "rounds", "board"
        self.lists: dict[str, QListWidget] = {}
        self.boxes: dict[str, QGroupBox] = {}
        grid = QGridLayout()
        keys = ("positives", "fevers", "releases_today", "releases_tomorrow", "arrivals", "missing", "dirty", "oos")
        for i, key in enumerate(keys):
            box = QGroupBox(self)
            lst = QListWidget(box)
            lst.itemActivated.connect(self._activated)
            lst.itemDoubleClicked.connect(self._activated)
            QVBoxLayout(box).addWidget(lst)
            self.lists[key], self.boxes[key] = lst, box
            grid.addWidget(box, i // 4, i % 4)
        # the open fevers: close one with a decision (button, F8 or the list's context menu)
        fevers = self.lists["fevers"]
        self.close_alert_action = QAction(self.tr("Close the fever alert…"), fevers)
        self.close_alert_action.setShortcut(QKeySequence(Qt.Key.Key_F8))
        self.close_alert_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.close_alert_action.triggered.connect(self.close_alert)
        fevers.addAction(self.close_alert_action)
        fevers.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.close_alert_button = QPushButton(self.tr("Close the fever alert… (F8)"), self.boxes["fevers"])
        self.close_alert_button.clicked.connect(self.close_alert)
        self.boxes["fevers"].layout().addWidget(self.close_alert_button)
        self.may_close_alerts = explain_disabled(
            [self.close_alert_action, self.close_alert_button], ctx.user.role, "alerts"
        )
        # rooms whose out-of-service period ends today or has ended (停用到期): back in service (F9) or extend
        oos = self.lists["oos"]
        self.back_action = QAction(self.tr("Back in service (F9)"), oos)
        self.back_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.back_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_action.triggered.connect(lambda: self.bring_back())  # noqa: PLW0108 (triggered passes a bool)
        self.extend_action = QAction(self.tr("Extend the out-of-service period…"), oos)
        self.extend_action.triggered.connect(lambda: self.extend_out_of_service())  # noqa: PLW0108
        oos.addActions([self.back_action, self.extend_action])
        oos.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.back_button = QPushButton(self.tr("Back in service (F9)"), self.boxes["oos"])
        self.back_button.clicked.connect(lambda: self.bring_back())  # noqa: PLW0108 (clicked passes a bool)
        self.extend_button = QPushButton(self.tr("Extend the out-of-service period…"), self.boxes["oos"])
        self.extend_button.clicked.connect(lambda: self.extend_out_of_service())  # noqa: PLW0108
        self.boxes["oos"].layout().addWidget(self.back_button)
        self.boxes["oos"].layout().addWidget(self.extend_button)
        # the releases due today: everyone ready released in one action (Ctrl+R), with their notices
        self.release_batch_action = QAction(self.tr("Release the ready ones… (Ctrl+R)"), self)
        self.release_batch_action.setShortcut(QKeySequence("Ctrl+R"))
        self.release_batch_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.release_batch_action.triggered.connect(lambda: self.release_batch())  # noqa: PLW0108
        self.addAction(self.release_batch_action)
        releases_box = self.boxes["releases_today"]
        self.release_batch_button = QPushButton(self.tr("Release the ready ones… (Ctrl+R)"), releases_box)
        self.release_batch_button.clicked.connect(lambda: self.release_batch())  # noqa: PLW0108
        releases_box.layout().addWidget(self.release_batch_button)
        self.may_release = explain_disabled(
            [self.release_batch_action, self.release_batch_button], ctx.user.role, "departures"
        )
        self.may_handle_rooms = explain_disabled(
            [self.back_action, self.extend_action, self.back_button, self.extend_button], ctx.user.role, "rooms"
        )
        self.floors = QTableWidget(0, 6, self)
        self.floors.setHorizontalHeaderLabels(
            [
                self.tr("Floor"),
                self.tr("Rooms"),
                self.tr("Occupied"),
                self.tr("Available"),
                self.tr("Awaiting disinfection"),
                self.tr("People"),
            ]
        )
        self.floors.verticalHeader().hide()
        self.floors.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.floors.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(grid, 3)
        layout.addWidget(self.floors, 2)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.refresh()
        super().showEvent(event)

    def reload(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        with self.sessions() as s:
            d = dashboard(s, self.ctx.now())
        self.data = d
        slot = self.tr("morning") if d.slot is Slot.MORNING else self.tr("evening")
        self.headline.setText(
            self.tr(
                "<b>{0}</b> · arrivals {1} · releases due today {2} (ready {3}) · tomorrow {4} · "
                "<a href='swabs'>swabs {5} (sampled {6})</a> · open fevers {7} · "
                "<a href='rounds'>missing readings, {8} round: {9}</a> · "
                "<a href='board'>awaiting disinfection {10}</a>"
            ).format(
                d.today.isoformat(),
                len(d.arrivals),
                len(d.releases_today),
                sum(1 for r in d.releases_today if r.ready),
                len(d.releases_tomorrow),
                d.swabs_due,
                d.swabs_sampled,
                len(d.fevers),
                slot,
                len(d.missing),
                len(d.dirty_rooms),
            )
        )
        self.boxes["releases_today"].setTitle(self.tr("Releases due today ({0})").format(len(d.releases_today)))
        self.boxes["releases_tomorrow"].setTitle(self.tr("Releases tomorrow ({0})").format(len(d.releases_tomorrow)))
        self.boxes["positives"].setTitle(self.tr("Positive swabs, still on site ({0})").format(len(d.positives)))
        self.boxes["fevers"].setTitle(self.tr("Open fever alerts ({0})").format(len(d.fevers)))
        self.boxes["arrivals"].setTitle(self.tr("Arrivals today ({0})").format(len(d.arrivals)))
        self.boxes["missing"].setTitle(self.tr("Missing readings, {0} round ({1})").format(slot, len(d.missing)))
        self.boxes["dirty"].setTitle(self.tr("Awaiting disinfection ({0})").format(len(d.dirty_rooms)))
        self._fill_releases(self.lists["releases_today"], d.releases_today)
        self._fill_releases(self.lists["releases_tomorrow"], d.releases_tomorrow)
        self._fill(self.lists["positives"], [(f"{p.room} {p.name} · {p.detail}", None, "swabs") for p in d.positives])
        for i, p in enumerate(d.positives):
            self.lists["positives"].item(i).setData(SWAB, p.swab_id)
        self._fill(self.lists["fevers"], [(f"{p.room} {p.name} · {p.detail}", p.stay_id, None) for p in d.fevers])
        self._fill(self.lists["arrivals"], [(f"{p.detail} {p.room} {p.name}", p.stay_id, None) for p in d.arrivals])
        self._fill(
            self.lists["missing"],
            [(f"{m.building} {m.floor} {m.room} {m.name}", None, "rounds") for m in d.missing],
        )
        self._fill(self.lists["dirty"], [(p.room, None, None, p.room_id) for p in d.dirty_rooms])
        self.boxes["oos"].setTitle(self.tr("Out of service, period ended ({0})").format(len(d.oos_ending)))
        self._fill(
            self.lists["oos"],
            [
                (
                    self.tr("{0} · until {1} · {2}").format(o.room, o.until.isoformat(), o.reason),
                    None,
                    None,
                    o.room_id,
                )
                for o in d.oos_ending
            ],
        )
        for i in range(len(d.oos_ending)):
            self.lists["oos"].item(i).setData(OOS, i)
        self.floors.setRowCount(len(d.floors))
        for i, f in enumerate(d.floors):
            for col, value in enumerate((f.floor, f.rooms, f.occupied, f.available, f.awaiting_disinfection, f.people)):
                self.floors.setItem(i, col, QTableWidgetItem(str(value)))

    def _fill_releases(self, lst: QListWidget, lines: list[ReleaseLine]) -> None:
        items = []
        for r in lines:
            marks = []
            if not r.swab_ok:
                text = swab_result_label(r.swab_text)
                marks.append(self.tr("swab: {0}").format(text))
            if r.fever_open:
                marks.append(self.tr("fever open"))
            if r.household_waiting:
                names = ("、" if self.ctx.language.startswith("zh") else ", ").join(r.household_waiting)
                marks.append(self.tr("leaves with {0}, not ready").format(names))
            status = "✓" if r.ready else "✗ " + "，".join(marks)
            items.append((f"{r.room} {r.name} · {status}", r.stay_id, None))
        self._fill(lst, items)
        for i, r in enumerate(lines):
            lst.item(i).setForeground(QColor(palette.GOOD_TEXT if r.ready else palette.BAD_TEXT))

    def _fill(self, lst: QListWidget, items: list[tuple]) -> None:  # type: ignore[type-arg]
        lst.clear()
        for text, stay_id, page, *room in items:
            item = QListWidgetItem(text, lst)
            item.setData(STAY, stay_id)
            item.setData(PAGE, page)
            item.setData(ROOM, room[0] if room else None)

    def release_batch(self) -> ReleaseBatchDialog | None:
        """The ready ones of today's releases, in one action (views/release_batch_dialog.py); window-modal, so
        the print preview of their notices opens over it."""
        if not self.may_release:
            return None
        dialog = ReleaseBatchDialog(self.ctx, self)
        dialog.print_notices.connect(lambda ids: self.print_release_notices.emit(ids, dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._released(dialog))
        dialog.open()
        return dialog

    def _released(self, dialog: ReleaseBatchDialog) -> None:
        if dialog.released:
            self.refresh()
            self.changed.emit()

    def close_alert(self) -> None:
        """Close the selected open fever alert (the first one if none is selected) with a decision."""
        fevers = self.lists["fevers"]
        item = fevers.currentItem() or fevers.item(0)
        if not self.may_close_alerts or item is None or item.data(STAY) is None:
            return
        if close_alert_flow(self.ctx, int(item.data(STAY)), self):
            self.refresh()
            self.changed.emit()

    def _oos_line(self) -> OutOfServiceLine | None:
        """The selected room of the 停用到期 list (the first one if none is selected)."""
        lst = self.lists["oos"]
        item = lst.currentItem() or lst.item(0)
        if self.data is None or item is None or item.data(OOS) is None:
            return None
        return self.data.oos_ending[int(item.data(OOS))]

    def _room_action(self, fn, *args) -> bool:  # type: ignore[no-untyped-def]
        line = self._oos_line()
        if not self.may_handle_rooms or line is None:
            return False
        try:
            with self.sessions() as s:
                fn(s, self.ctx.user, line.room_id, *args, expected_version=line.version)
        except DomainError as e:  # e.g. another desk changed the room meanwhile: said, and the list read again
            QMessageBox.warning(self, self.tr("Out of service"), e.message(self.ctx.language))
            self.refresh()
            return False
        self.refresh()
        self.changed.emit()
        return True

    def bring_back(self) -> bool:
        """The selected room back in service now (awaiting disinfection if someone left it since the last one)."""
        return self._room_action(back_in_service)

    def extend_out_of_service(self, until: date | None = None) -> bool:
        """Keep the selected room out of service to a later day (asked for, a week from today unless given)."""
        line = self._oos_line()
        if not self.may_handle_rooms or line is None:
            return False
        if until is None:
            until = self._ask_until(line)
            if until is None:
                return False
        since = line.since or self.ctx.today()
        return self._room_action(set_out_of_service, line.reason, since, until)

    def _ask_until(self, line: OutOfServiceLine) -> date | None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Extend the out-of-service period"))
        field = DateField(self.ctx, dialog, with_time=False)
        field.set_value(self.ctx.today() + timedelta(days=7))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(QLabel(line.room, dialog))
        form.addRow(self.tr("Out of service until"), field)
        form.addRow(buttons)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                return field.day()
            except DomainError as e:  # no date typed: said, asked again
                QMessageBox.warning(dialog, self.tr("Out of service"), e.message(self.ctx.language))
        return None

    def _activated(self, item: QListWidgetItem) -> None:
        if item.data(SWAB) is not None:
            self.open_swab.emit(int(item.data(SWAB)))
        elif item.data(STAY) is not None:
            self.open_stay.emit(int(item.data(STAY)))
        elif item.data(ROOM) is not None:
            self.open_room.emit(int(item.data(ROOM)))
        elif item.data(PAGE):
            self.open_page.emit(str(item.data(PAGE)))
