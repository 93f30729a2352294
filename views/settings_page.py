"""Settings: language and theme for everyone; the database, backups and the idle lock for admins only.

Every change goes through a domain service (models/services/desk_settings.py, maintenance.py) that checks
the signed-in user's current role and records the change; the page shows only what the role may do.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from models import permissions
from models.errors import DomainError
from models.services.desk_settings import LOCK_MINUTES, change_desk_setting, change_preference, lock_minutes
from models.services.followups import set_followup_days
from models.services.planned_batches import MAX_MARGIN, set_forecast_margin
from models.services.sites import get_site, set_fever_threshold, update_site_details
from models.services.supplies import set_report_supplies
from models.store import credentials

from .backup_panel import BackupPanel
from .context import AppContext
from .database_panel import DatabasePanel
from .preferences import ui_language

THRESHOLD_RANGE = (37.0, 38.5)  # °C: what the settings page offers (the domain takes 36.0–40.0)


class SettingsPage(QWidget):
    lock_minutes_changed = Signal(int)  # an admin saved the idle lock's minutes (0: never)
    threshold_changed = Signal(float)  # an admin saved the site's fever threshold

    def __init__(self, ctx: AppContext, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings = ctx.settings
        self.language = QComboBox(self)
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(ui_language(settings)))
        self.dark = QCheckBox(self.tr("Dark theme"), self)
        self.dark.setChecked(settings.value("ui/dark", False, type=bool))
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.dark)
        form.addRow("", QLabel(self.tr("Language and theme apply at the next start."), self))
        self.restart_button = QPushButton(self.tr("Restart now"), self)
        self.restart_button.setEnabled(False)
        form.addRow("", self.restart_button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form.addRow("", self.message)
        self.admin = permissions.allowed(ctx.user.role, "settings")
        self.database: DatabasePanel | None = None
        self.backups: BackupPanel | None = None
        if self.admin:  # where the data lives and how it is kept: an admin's settings
            self.database = DatabasePanel(settings, ctx.language, database, self, save=self._save_database)
            form.addRow(self.database)
            self.backups = BackupPanel(ctx, self)
            form.addRow(self.backups)
        else:
            form.addRow(self.tr("Database"), QLabel(credentials.masked(database), self))
        # the idle lock: the screen shows people's data; how long it stays open without use is the site's call
        minutes = lock_minutes(settings)
        self.lock_minutes: QSpinBox | None = None
        if self.admin:
            self.lock_minutes = QSpinBox(self)
            self.lock_minutes.setRange(LOCK_MINUTES.start, LOCK_MINUTES.stop - 1)
            self.lock_minutes.setSuffix(self.tr(" min"))
            self.lock_minutes.setSpecialValueText(self.tr("never"))
            self.lock_minutes.setKeyboardTracking(False)  # typed: saved at Enter or on leaving the field
            self.lock_minutes.setValue(minutes)
            self.lock_minutes.setToolTip(
                self.tr("Without keyboard or mouse for this long, the screen locks (0: never)")
            )
            self.lock_minutes.valueChanged.connect(self._lock_minutes_changed)
            form.addRow(self.tr("Lock the screen after"), self.lock_minutes)
        else:
            shown = self.tr("{0} min").format(minutes) if minutes else self.tr("never")
            form.addRow(self.tr("Lock the screen after"), QLabel(shown, self))
        # the site's fever threshold: every screen, form and alert uses it (saved in the database, audited)
        self.threshold: QDoubleSpinBox | None = None
        try:
            with ctx.sessions() as s:
                site = get_site(s)
                self.site_id: int | None = site.id
                current = float(site.fever_threshold)
        except DomainError:  # no site yet (the wizard makes it)
            self.site_id = None
        if self.site_id is not None and self.admin:
            self.threshold = QDoubleSpinBox(self)
            self.threshold.setRange(*THRESHOLD_RANGE)
            self.threshold.setSingleStep(0.1)
            self.threshold.setDecimals(1)
            self.threshold.setSuffix(" °C")
            self.threshold.setKeyboardTracking(False)  # typed: saved at Enter or on leaving the field
            self.threshold.setValue(min(max(current, THRESHOLD_RANGE[0]), THRESHOLD_RANGE[1]))
            self.threshold.setToolTip(self.tr("A reading at or above this opens a fever alert"))
            self.threshold.valueChanged.connect(self._threshold_changed)
            form.addRow(self.tr("Fever threshold"), self.threshold)
        elif self.site_id is not None:
            form.addRow(self.tr("Fever threshold"), QLabel(f"{current:.1f} °C", self))
        # the site's name and address: printed on every form (saved in the database, audited)
        self.site_name: QLineEdit | None = None
        self.site_address: QLineEdit | None = None
        if self.site_id is not None and self.admin:
            self.site_name, self.site_address = QLineEdit(site.name, self), QLineEdit(site.address, self)
            self.site_shown = (site.name, site.address)
            self.site_name.setMaxLength(200)
            self.site_address.setMaxLength(400)
            for field in (self.site_name, self.site_address):
                field.editingFinished.connect(self._site_details_changed)
            form.addRow(self.tr("Site name"), self.site_name)
            form.addRow(self.tr("Site address"), self.site_address)
        # the days of home monitoring the site calls the people it released on (回访)
        self.followup_days: QLineEdit | None = None
        if self.site_id is not None and self.admin:
            self.followup_days = QLineEdit(self._days_shown(site.followup_days), self)
            self.followup_days.setMaxLength(50)
            self.followup_days.setToolTip(
                self.tr("Days of home monitoring, counted from the day of release as day 1, and its last day")
            )
            self.followup_days.editingFinished.connect(self._followup_days_changed)
            form.addRow(self.tr("Follow-up call days"), self.followup_days)
        elif self.site_id is not None:
            form.addRow(self.tr("Follow-up call days"), QLabel(self._days_shown(site.followup_days), self))
        # the room forecast warns when a day's free rooms fall below this many
        self.forecast_margin: QSpinBox | None = None
        if self.site_id is not None and self.admin:
            self.forecast_margin = QSpinBox(self)
            self.forecast_margin.setRange(0, MAX_MARGIN)
            self.forecast_margin.setValue(site.forecast_margin)
            self.forecast_margin.setSuffix(self.tr(" rooms"))
            self.forecast_margin.setToolTip(self.tr("0: no warning"))
            self.forecast_margin.editingFinished.connect(self._margin_changed)
            form.addRow(self.tr("Room forecast margin"), self.forecast_margin)
        elif self.site_id is not None:
            form.addRow(self.tr("Room forecast margin"), QLabel(str(site.forecast_margin), self))
        # the daily report carries the supplies' stock (物资), when the command centre asks for it
        self.report_supplies = QCheckBox(self.tr("The daily report lists the supplies in stock"), self)
        if self.site_id is not None:
            self.report_supplies.setChecked(site.report_supplies)
            self.report_supplies.setEnabled(self.admin)
            self.report_supplies.toggled.connect(self._report_supplies_changed)
            form.addRow(self.tr("Supplies"), self.report_supplies)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.dark.toggled.connect(self._dark_changed)
        self.restart_button.clicked.connect(self.restart)

    def _preference(self, key: str, value: object) -> bool:
        try:
            with self.ctx.sessions() as s:
                change_preference(s, self.ctx.user, self.settings, key, value)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return False
        self.restart_button.setEnabled(True)
        return True

    def _save_database(self, address: str) -> str:
        with self.ctx.sessions() as s:
            return change_desk_setting(s, self.ctx.user, self.settings, "db/url", address)

    def _lock_minutes_changed(self, minutes: int) -> None:
        try:
            with self.ctx.sessions() as s:
                change_desk_setting(s, self.ctx.user, self.settings, "lock/minutes", minutes)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return
        self.message.clear()
        self.lock_minutes_changed.emit(minutes)

    def _threshold_changed(self, value: float) -> None:
        if self.site_id is None:
            return
        try:
            with self.ctx.sessions() as s:
                set_fever_threshold(s, self.ctx.user, self.site_id, value)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return
        self.message.setText(self.tr("Fever threshold saved: {0} °C").format(f"{value:.1f}"))
        self.threshold_changed.emit(value)

    def _followup_days_changed(self) -> None:
        if self.site_id is None or self.followup_days is None:
            return
        try:
            with self.ctx.sessions() as s:
                saved = set_followup_days(s, self.ctx.user, self.followup_days.text())
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return
        shown = self._days_shown(saved)
        self.followup_days.setText(shown)
        self.message.setText(self.tr("Follow-up call days saved: {0}").format(shown))

    def _margin_changed(self) -> None:
        if self.site_id is None or self.forecast_margin is None:
            return
        try:
            with self.ctx.sessions() as s:
                saved = set_forecast_margin(s, self.ctx.user, self.forecast_margin.value())
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return
        self.message.setText(self.tr("Room forecast margin saved: {0}").format(saved))

    def _report_supplies_changed(self, on: bool) -> None:
        try:
            with self.ctx.sessions() as s:
                set_report_supplies(s, self.ctx.user, on)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return
        shown = self.tr("The daily report lists the supplies")
        self.message.setText(shown if on else self.tr("The daily report leaves out the supplies"))

    def _days_shown(self, stored: str) -> str:
        """ "1,3,last" as the user reads and types it ("1,3,最后一天" in Chinese; both are understood)."""
        return ",".join(self.tr("last") if d == "last" else d for d in stored.split(","))

    def _site_details_changed(self) -> None:
        if self.site_id is None or self.site_name is None or self.site_address is None:
            return
        typed = (" ".join(self.site_name.text().split()), " ".join(self.site_address.text().split()))
        if typed == self.site_shown:
            return  # left the field without a change
        try:
            with self.ctx.sessions() as s:
                site = update_site_details(
                    s, self.ctx.user, self.site_id, name=self.site_name.text(), address=self.site_address.text()
                )
                shown = (site.name, site.address)
        except DomainError as e:
            self.message.setText(e.message(self.ctx.language))
            return
        self.site_shown = shown
        if (self.site_name.text(), self.site_address.text()) != shown:
            self.site_name.setText(shown[0])
            self.site_address.setText(shown[1])
        self.message.setText(self.tr("Site name and address saved"))

    def _language_changed(self) -> None:
        self._preference("ui/language", self.language.currentData())

    def _dark_changed(self, on: bool) -> None:
        self._preference("ui/dark", on)

    def restart(self) -> None:
        """Start a new instance with the same arguments, then close this one (windows save their state)."""
        from .restart import restart

        restart()
