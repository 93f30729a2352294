"""First run: create the site (name, address, buildings, floors, room numbering, types, threshold, rules)
or open the demo site instead."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from models.demo.builder import build_demo
from models.errors import DomainError
from models.reads.lookups import rule_sets
from models.services.accounts import create_demo_accounts
from models.services.sites import FloorSpec, create_site, room_numbers, seed_reference_data
from models.store.orm import RoomType

from .context import AppContext
from .tasks import Job, Task


def plan_floors(
    buildings: list[str], floors: int, first: int, last: int, doubles: int, accessible: int
) -> list[FloorSpec]:
    """Floors 1..N of each building, rooms first..last per floor (101-130 style); the last ``doubles`` rooms of a
    floor are doubles, the first ``accessible`` are accessible singles."""
    specs: list[FloorSpec] = []
    for b in buildings:
        for level in range(1, floors + 1):
            numbers = room_numbers(level, first, last)
            n_double = min(doubles, len(numbers))
            n_acc = min(accessible, len(numbers) - n_double)
            specs.append(FloorSpec(b, level, numbers[:n_acc], room_type=RoomType.ACCESSIBLE))
            specs.append(FloorSpec(b, level, numbers[n_acc : len(numbers) - n_double]))
            specs.append(FloorSpec(b, level, numbers[len(numbers) - n_double :], room_type=RoomType.DOUBLE, beds=2))
    return specs


class SiteWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        """After the login, before there is a site: ``ctx.today()`` cannot be asked yet (no time zone)."""
        super().__init__(parent)
        self.ctx = ctx
        self.engine, self.actor = ctx.engine, ctx.user
        self.lang = ctx.language
        self.wants_demo = False
        self.setWindowTitle(self.tr("Set up the isolation point"))
        with ctx.sessions() as s:
            seed_reference_data(s)
            s.commit()
            known = rule_sets(s)

        start = QWizardPage(self)
        start.setTitle(self.tr("Welcome"))
        self.create_choice = QRadioButton(self.tr("Create our site"), start)
        self.demo_choice = QRadioButton(self.tr("Open the demo site (synthetic people)"), start)
        self.create_choice.setChecked(True)
        self.demo_status = QLabel(start)  # the demo build's error, if any
        self.demo_status.setWordWrap(True)
        self.demo_status.setStyleSheet("color: #c62828")
        lay = QVBoxLayout(start)
        lay.addWidget(self.create_choice)
        lay.addWidget(self.demo_choice)
        lay.addWidget(self.demo_status)
        self.addPage(start)
        self.demo_size = {"rooms": 300, "days": 30, "seed": 1}
        self.demo_built = False
        self._demo: Task | None = None

        page = QWizardPage(self)
        page.setTitle(self.tr("The site"))
        self.name = QLineEdit(page)
        self.address = QLineEdit(page)
        self.buildings = QLineEdit(self.tr("Building 1"), page)
        self.buildings.setToolTip(self.tr("Several buildings: separate with commas"))
        self.floors = QSpinBox(page)
        self.floors.setRange(1, 40)
        self.floors.setValue(6)
        self.first = QSpinBox(page)
        self.first.setRange(1, 99)
        self.first.setValue(1)
        self.last = QSpinBox(page)
        self.last.setRange(1, 99)
        self.last.setValue(30)
        self.doubles = QSpinBox(page)
        self.doubles.setRange(0, 99)
        self.doubles.setValue(2)
        self.accessible = QSpinBox(page)
        self.accessible.setRange(0, 99)
        self.accessible.setValue(1)
        self.threshold = QDoubleSpinBox(page)
        self.threshold.setRange(36.0, 40.0)
        self.threshold.setSingleStep(0.1)
        self.threshold.setDecimals(1)
        self.threshold.setValue(37.3)
        self.rule_set = QComboBox(page)
        for rs in known:
            self.rule_set.addItem(rs.name, rs.name)
        self.rule_set.setCurrentIndex(self.rule_set.count() - 1)
        self.preview = QLabel(page)
        self.error = QLabel(page)
        self.error.setStyleSheet("color: #c62828")
        form = QFormLayout(page)
        form.addRow(self.tr("Site name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Buildings"), self.buildings)
        form.addRow(self.tr("Floors per building"), self.floors)
        form.addRow(self.tr("Room numbers per floor from"), self.first)
        form.addRow(self.tr("to"), self.last)
        form.addRow(self.tr("Double rooms per floor"), self.doubles)
        form.addRow(self.tr("Accessible rooms per floor"), self.accessible)
        form.addRow(self.tr("Fever threshold (°C)"), self.threshold)
        form.addRow(self.tr("Rule set"), self.rule_set)
        form.addRow(self.preview)
        form.addRow(self.error)
        for w in (self.floors, self.first, self.last):
            w.valueChanged.connect(self._update_preview)
        self.buildings.textChanged.connect(self._update_preview)
        self.site_page = page
        self.addPage(page)
        self._update_preview()

    def building_names(self) -> list[str]:
        return [b.strip() for b in self.buildings.text().replace("，", ",").split(",") if b.strip()]

    def _update_preview(self) -> None:
        n = len(self.building_names()) * self.floors.value() * max(0, self.last.value() - self.first.value() + 1)
        example = room_numbers(1, self.first.value(), self.last.value())
        span = f"{example[0]}–{example[-1]}" if example else "—"
        self.preview.setText(self.tr("%n rooms; floor 1: {0}", "", n).format(span))

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is not self.site_page:
            self.wants_demo = self.demo_choice.isChecked()
            if self.wants_demo and not self.demo_built:  # (QWizard.done() asks again before it closes)
                self.build_demo()  # the wizard closes when the demo site is there
                return False
            return True
        return self.create()

    def build_demo(self) -> Task:
        """Build the demo site (a minute on a slow PC) and its accounts in the background, with progress;
        the wizard stays responsive and closes, accepted, when it is done."""
        if self._demo is not None and not self._demo.done:
            return self._demo
        engine, size = self.engine, dict(self.demo_size)

        def job(job: Job) -> None:
            build_demo(
                engine, rooms=size["rooms"], days=size["days"], seed=size["seed"],
                progress=lambda step: job.progress(0, 0, step.message(self.lang)),
            )  # fmt: skip
            create_demo_accounts(job.session)

        def done(_result: None) -> None:
            self.demo_built = True
            self.done(QWizard.DialogCode.Accepted)

        tasks = self.ctx.tasks
        self.demo_status.clear()
        self._set_buttons(False)
        self._demo = tasks.run(
            job,
            sessions=self.ctx.sessions,
            on_done=done,
            on_error=tasks.error_to(self.demo_status, self.lang),
            on_finished=lambda: self._set_buttons(True),
            label=self.tr("Building the demo site…"),
            parent=self,
        )
        return self._demo

    def _set_buttons(self, enabled: bool) -> None:
        for b in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton):
            self.button(b).setEnabled(enabled)

    def reject(self) -> None:
        if self._demo is not None and not self._demo.done:
            return  # a demo half built is of no use: let it finish
        super().reject()

    def create(self) -> bool:
        if not self.name.text().strip() or not self.building_names() or self.last.value() < self.first.value():
            self.error.setText(self.tr("Name, buildings and a room range are required"))
            return False
        specs = plan_floors(
            self.building_names(),
            self.floors.value(),
            self.first.value(),
            self.last.value(),
            self.doubles.value(),
            self.accessible.value(),
        )
        try:
            with self.ctx.sessions() as s:
                create_site(
                    s,
                    self.actor,
                    self.name.text().strip(),
                    [sp for sp in specs if sp.rooms],
                    address=self.address.text(),
                    fever_threshold=self.threshold.value(),
                    rule_set_name=self.rule_set.currentData(),
                )
        except DomainError as e:
            self.error.setText(e.message(self.lang))
            return False
        return True
