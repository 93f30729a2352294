"""Today (今日): the figures the desk and the medical team start from; every line opens its screen."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

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
from models.reads.areas import AreaStatus, area_status
from models.reads.care_requests import RequestRow, open_requests
from models.reads.followups import DueCall, FollowUpRow, calls_due
from models.reads.followups import open_alerts as open_followup_alerts
from models.reads.forecast import Forecast, forecast
from models.reads.roster import on_duty, staff_alerts
from models.reads.supplies import StockRow, low_stock
from models.reads.today import Dashboard, OutOfServiceLine, ReleaseLine, dashboard
from models.services.rooms import back_in_service, set_out_of_service
from models.store.orm import Slot
from ui import palette
from ui.theme import mark_status

from .areas_dialog import AreaRoundDialog, AreasDialog
from .context import AppContext
from .date_field import DateField
from .followups_dialog import CallDialog, FollowUpAlertDialog
from .labels import item_separator, request_kind_label, swab_result_label
from .permissions_ui import explain_disabled
from .release_batch_dialog import ReleaseBatchDialog
from .requests_page import RequestDialog
from .stay_actions import close_alert_flow
from .tasks import Job

STAY, ROOM, PAGE, SWAB, OOS, CALL, FOLLOWUP_ALERT, AREA, REQUEST = (Qt.ItemDataRole.UserRole + i for i in range(9))
SHOWN_CALLS = 300  # lines of the calls list; the rest are counted (the ledger and the export have them all)


class TodayPage(QWidget):
    open_stay = Signal(int)
    open_room = Signal(int)
    open_page = Signal(str)
    open_swab = Signal(int)  # a positive sample: the swabs screen's guided path
    open_request = Signal(int)  # an occupant's request: the requests page, with it selected
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
        # the room forecast in one line (read in the background), a link to its page
        self.forecast_line = QLabel(self)
        self.forecast_line.setWordWrap(True)
        self.forecast_line.linkActivated.connect(self.open_page.emit)
        self.forecast: Forecast | None = None
        # the supplies that run low (物资), in one line, a link to the supplies page
        self.supplies_line = QLabel(self)
        self.supplies_line.setWordWrap(True)
        self.supplies_line.linkActivated.connect(self.open_page.emit)
        self.low: list[StockRow] = []
        # who is on duty now (the roster), and the staff's open temperature alerts: a link to the staff page
        self.staff_line = QLabel(self)
        self.staff_line.setWordWrap(True)
        self.staff_line.linkActivated.connect(self.open_page.emit)
        self.lists: dict[str, QListWidget] = {}
        self.boxes: dict[str, QGroupBox] = {}
        grid = QGridLayout()
        keys = ("positives", "fevers", "releases_today", "releases_tomorrow", "followups", "areas", "arrivals",
                "missing", "dirty", "oos", "followup_alerts", "requests")  # fmt: skip
        for i, key in enumerate(keys):
            box = QGroupBox(self)
            lst = QListWidget(box)
            lst.itemActivated.connect(self._activated)
            lst.itemDoubleClicked.connect(self._activated)
            QVBoxLayout(box).addWidget(lst)
            self.lists[key], self.boxes[key] = lst, box
            grid.addWidget(box, i // 6, i % 6)
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
        # the follow-up calls (回访) due and overdue: record one (F7); the abnormal ones' alerts, closed with what
        # was done. Read in the background: a big site has a thousand calls a day
        self.calls: list[DueCall] = []
        self.followup_alerts: list[FollowUpRow] = []
        calls = self.lists["followups"]
        self.call_action = QAction(self.tr("Record the call… (F7)"), calls)
        self.call_action.setShortcut(QKeySequence(Qt.Key.Key_F7))
        self.call_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.call_action.triggered.connect(lambda: self.record_call())  # noqa: PLW0108
        calls.addAction(self.call_action)
        calls.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.call_button = QPushButton(self.tr("Record the call… (F7)"), self.boxes["followups"])
        self.call_button.clicked.connect(lambda: self.record_call())  # noqa: PLW0108
        self.boxes["followups"].layout().addWidget(self.call_button)
        self.may_call = explain_disabled([self.call_action, self.call_button], ctx.user.role, "followups")
        self.followup_alert_button = QPushButton(self.tr("Close the follow-up alert…"), self.boxes["followup_alerts"])
        self.followup_alert_button.clicked.connect(lambda: self.close_followup_alert())  # noqa: PLW0108
        self.boxes["followup_alerts"].layout().addWidget(self.followup_alert_button)
        self.may_close_followups = explain_disabled([self.followup_alert_button], ctx.user.role, "alerts")
        # the public areas' routine disinfection (日常消毒): today's rounds still to do; record one (F6)
        self.areas: list[AreaStatus] = []
        areas = self.lists["areas"]
        self.area_action = QAction(self.tr("Record a round… (F6)"), areas)
        self.area_action.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.area_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.area_action.triggered.connect(lambda: self.record_area_round())  # noqa: PLW0108
        areas.addAction(self.area_action)
        areas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.area_button = QPushButton(self.tr("Record a round… (F6)"), self.boxes["areas"])
        self.area_button.clicked.connect(lambda: self.record_area_round())  # noqa: PLW0108
        self.areas_button = QPushButton(self.tr("Public areas…"), self.boxes["areas"])
        self.areas_button.clicked.connect(lambda: self.edit_areas())  # noqa: PLW0108
        self.boxes["areas"].layout().addWidget(self.area_button)
        self.boxes["areas"].layout().addWidget(self.areas_button)
        self.may_handle_rooms = explain_disabled(
            [self.back_action, self.extend_action, self.back_button, self.extend_button, self.area_action,
             self.area_button, self.areas_button], ctx.user.role, "rooms",
        )  # fmt: skip
        # the occupants' open requests (人文关怀): the overdue first; a line opens it on the requests page
        self.requests: list[RequestRow] = []
        self.request_button = QPushButton(self.tr("Take down a request…"), self.boxes["requests"])
        self.request_button.clicked.connect(lambda: self.new_request())  # noqa: PLW0108 (clicked passes a bool)
        self.boxes["requests"].layout().addWidget(self.request_button)
        self.may_take_requests = explain_disabled([self.request_button], ctx.user.role, "requests")
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
        layout.addWidget(self.forecast_line)
        layout.addWidget(self.supplies_line)
        layout.addWidget(self.staff_line)
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
        self.load_followups()
        self.load_forecast()
        self.show_areas()
        self.show_requests()
        self.show_low_stock()
        self.show_staff()
        self.floors.setRowCount(len(d.floors))
        for i, f in enumerate(d.floors):
            for col, value in enumerate((f.floor, f.rooms, f.occupied, f.available, f.awaiting_disinfection, f.people)):
                self.floors.setItem(i, col, QTableWidgetItem(str(value)))

    def show_areas(self) -> None:
        """Today's rounds of the public areas: the areas still short of them, the ones behind in red."""
        with self.sessions() as s:
            self.areas = [a for a in area_status(s, self.ctx.now()) if a.missing]
        behind = sum(1 for a in self.areas if a.behind)
        self.boxes["areas"].setTitle(
            self.tr("Public areas to disinfect ({0}, behind {1})").format(len(self.areas), behind)
        )
        lines = []
        for a in self.areas:
            last = self.tr(" · last {0}").format(a.last_at.strftime("%H:%M")) if a.last_at else ""
            lines.append((self.tr("{0} · {1}/{2} today").format(a.name, a.done, a.rounds_per_day) + last, None,
                          None, None))  # fmt: skip
        self._fill(self.lists["areas"], lines)
        for row, a in enumerate(self.areas):
            item = self.lists["areas"].item(row)
            item.setData(AREA, a.area_id)
            if a.behind:
                item.setForeground(QColor(palette.BAD_TEXT))

    def show_requests(self) -> None:
        """The occupants' open requests: overdue (red) first, then urgent, then the oldest."""
        now = self.ctx.now()
        with self.sessions() as s:
            self.requests = open_requests(s, now)
        late = sum(1 for r in self.requests if r.overdue(now))
        self.boxes["requests"].setTitle(
            self.tr("Occupants' requests ({0}, overdue {1})").format(len(self.requests), late)
        )
        lines = [
            (f"{r.where} {r.name} · {request_kind_label(r.kind)} · {r.text}", None, None, None) for r in self.requests
        ]
        self._fill(self.lists["requests"], lines)
        for row, r in enumerate(self.requests):
            item = self.lists["requests"].item(row)
            item.setData(REQUEST, r.id)
            if r.overdue(now):
                item.setForeground(QColor(palette.BAD_TEXT))

    def show_low_stock(self) -> None:
        """The supplies at or below their minimum, or lasting less than a few days, in one red line."""
        from printing.forms.supplies import amount

        with self.sessions() as s:
            self.low = low_stock(s, self.ctx.now())
        if not self.low:
            self.supplies_line.clear()
            self.supplies_line.hide()
            return
        items = []
        for r in self.low:
            days = self.tr(", days left: {0}").format(amount(r.days_left)) if r.days_left is not None else ""
            items.append(self.tr("{0} {1} {2}{3}").format(escape(r.name), r.stock, escape(r.unit), days))
        zh = self.ctx.language.startswith("zh")
        text = self.tr("<a href='supplies'>Supplies running low</a>: {0}").format(("；" if zh else "; ").join(items))
        self.supplies_line.setText(f"<span style='color:{palette.BAD_TEXT}'>{text}</span>")
        self.supplies_line.show()

    def show_staff(self) -> None:
        """On duty now, group by group (the roster's), and the staff's open temperature alerts in red."""
        now = self.ctx.now()
        with self.sessions() as s:
            present = on_duty(s, now)
            alerts = staff_alerts(s)
        by_group: dict[str, list[str]] = {}
        for o in present:
            by_group.setdefault(o.group, []).append(o.name)
        zh = self.ctx.language.startswith("zh")
        groups = [
            escape(f"{g} {('、' if zh else ', ').join(n)}") for g, n in by_group.items()
        ]  # rich text: names escaped
        names = ("；" if zh else "; ").join(groups) or self.tr("nobody on the roster")
        text = self.tr("<a href='staff'>On duty now</a>: {0}").format(names)
        if alerts:
            warn = self.tr("staff temperature alerts: {0}").format(len(alerts))
            text += f" · <span style='color:{palette.BAD_TEXT}'>{warn}</span>"
        self.staff_line.setText(text)

    def new_request(self) -> RequestDialog | None:
        if not self.may_take_requests:
            return None
        dialog = RequestDialog(self.ctx, None, self)
        dialog.accepted.connect(self.show_requests)
        dialog.open()
        return dialog

    def record_area_round(self) -> AreaRoundDialog | None:
        """The round dialog for the selected area (the first one still short if none is selected)."""
        if not self.may_handle_rooms:
            return None
        lst = self.lists["areas"]
        item = lst.currentItem() or lst.item(0)
        area_id = item.data(AREA) if item is not None else None
        dialog = AreaRoundDialog(self.ctx, area_id, self)
        dialog.accepted.connect(self.show_areas)
        dialog.open()
        return dialog

    def edit_areas(self) -> AreasDialog | None:
        if not self.may_handle_rooms:
            return None
        dialog = AreasDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: self.show_areas())
        dialog.open()
        return dialog

    def load_forecast(self) -> None:
        """The room forecast's summary, read in the background (a big site's takes a few tenths of a second)."""
        now = self.ctx.now()
        self.ctx.tasks.run(lambda job: forecast(job.session, now), sessions=self.sessions, on_done=self._show_forecast)

    def _show_forecast(self, fc: Forecast) -> None:
        self.forecast = fc
        fewest = min(fc.days[1:], key=lambda d: (d.total.free, d.day))
        text = self.tr(
            "<a href='forecast'>Room forecast</a>: free rooms at the end of tomorrow: {0} (beds: {1}); "
            "the day after: {2}; fewest in the next 7 days: {3}, on {4}"
        ).format(
            fc.days[1].total.free, fc.days[1].total.free_beds, fc.days[2].total.free, fewest.total.free,
            fewest.day.strftime("%m-%d"),
        )  # fmt: skip
        if fc.warnings:
            days = "、".join(d.day.strftime("%m-%d") for d in fc.warnings)
            warn = self.tr("below the margin of {0} on {1}").format(fc.margin, days)
            text += f" · <span style='color:{palette.BAD_TEXT}'>{warn}</span>"
        self.forecast_line.setText(text)

    def load_followups(self) -> None:
        """The calls due and the open follow-up alerts, read in the background, shown when read."""
        today = self.ctx.today()

        def job(job: Job) -> tuple[list[DueCall], list[FollowUpRow]]:
            return calls_due(job.session, today), open_followup_alerts(job.session)

        self.ctx.tasks.run(job, sessions=self.sessions, on_done=self._show_followups)

    def _show_followups(self, found: tuple[list[DueCall], list[FollowUpRow]]) -> None:
        self.calls, self.followup_alerts = found
        overdue = sum(1 for c in self.calls if c.overdue)
        self.boxes["followups"].setTitle(
            self.tr("Follow-up calls due ({0}, overdue {1})").format(len(self.calls), overdue)
        )
        lines = []
        for i, c in enumerate(self.calls[:SHOWN_CALLS]):
            when = self.tr("overdue since {0}").format(c.due.strftime("%m-%d")) if c.overdue else self.tr("today")
            tried = self.tr(" · tried {0}×").format(c.attempts) if c.attempts else ""
            where = c.community or self.tr("no community recorded")
            text = self.tr("{0} · {1} · home day {2} · {3}").format(c.name, where, c.home_day, when) + tried
            lines.append((text, None, None, None, i))
        self._fill(self.lists["followups"], [line[:4] for line in lines])
        for row, line in enumerate(lines):
            item = self.lists["followups"].item(row)
            item.setData(CALL, line[4])
            item.setToolTip(line[0])  # the whole line: a narrow box cuts it
            if self.calls[line[4]].overdue:
                item.setForeground(QColor(palette.BAD_TEXT))
        if len(self.calls) > SHOWN_CALLS:
            more = QListWidgetItem(self.tr("… and {0} more (the follow-up ledger lists them all)").format(
                len(self.calls) - SHOWN_CALLS), self.lists["followups"])  # fmt: skip
            more.setData(STAY, None)
        self.boxes["followup_alerts"].setTitle(self.tr("Abnormal follow-ups ({0})").format(len(self.followup_alerts)))
        self._fill(self.lists["followup_alerts"], [
            (self.tr("{0} · {1} · home day {2}").format(a.name, a.community or self.tr("no community recorded"),
                                                         a.home_day), None, None, None)
            for a in self.followup_alerts
        ])  # fmt: skip
        for row in range(len(self.followup_alerts)):
            self.lists["followup_alerts"].item(row).setData(FOLLOWUP_ALERT, row)

    def record_call(self) -> CallDialog | None:
        """The call dialog for the selected due call (the first one if none is selected)."""
        lst = self.lists["followups"]
        item = lst.currentItem() or lst.item(0)
        if not self.may_call or item is None or item.data(CALL) is None:
            return None
        dialog = CallDialog(self.ctx, self.calls[int(item.data(CALL))], self)
        dialog.accepted.connect(self.load_followups)
        dialog.open()
        return dialog

    def close_followup_alert(self) -> FollowUpAlertDialog | None:
        lst = self.lists["followup_alerts"]
        item = lst.currentItem() or lst.item(0)
        if not self.may_close_followups or item is None or item.data(FOLLOWUP_ALERT) is None:
            return None
        dialog = FollowUpAlertDialog(self.ctx, self.followup_alerts[int(item.data(FOLLOWUP_ALERT))], self)
        dialog.accepted.connect(self.load_followups)
        dialog.open()
        return dialog

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
                names = item_separator(self.ctx.language).join(r.household_waiting)
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
        if item.data(REQUEST) is not None:
            self.open_request.emit(int(item.data(REQUEST)))
        elif item.data(AREA) is not None:
            self.lists["areas"].setCurrentItem(item)
            self.record_area_round()
        elif item.data(CALL) is not None:
            self.lists["followups"].setCurrentItem(item)
            self.record_call()
        elif item.data(FOLLOWUP_ALERT) is not None:
            self.lists["followup_alerts"].setCurrentItem(item)
            self.close_followup_alert()
        elif item.data(SWAB) is not None:
            self.open_swab.emit(int(item.data(SWAB)))
        elif item.data(STAY) is not None:
            self.open_stay.emit(int(item.data(STAY)))
        elif item.data(ROOM) is not None:
            self.open_room.emit(int(item.data(ROOM)))
        elif item.data(PAGE):
            self.open_page.emit(str(item.data(PAGE)))
