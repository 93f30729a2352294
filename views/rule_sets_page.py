"""Rule sets (admin): list them, read one, copy it to a new draft, edit and save a draft, delete a draft, and
switch the site to a rule set on a date after a preview of every current stay whose dates change.

A rule set in use (or used before) is final: its rules are shown read-only, and a change is a copy. A switch
keeps what people decided about one person (a manual extension, an outbreak restart): the preview says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import permissions
from models.errors import DomainError
from models.reads.lookups import categories
from models.services.rulesets import (
    DAYS_MAX,
    RuleInput,
    SwitchChange,
    SwitchPreview,
    apply_rule_switch,
    copy_rule_set,
    delete_draft,
    preview_rule_switch,
    rule_set_use,
    rule_sets,
    update_draft,
)
from models.store.orm import CountFrom

from .context import AppContext
from .date_field import DateField
from .permissions_ui import explain_disabled

# the rules table's columns
CATEGORY, COUNT_FROM, CENTRAL, CENTRAL_TESTS, HOME_ISO, HOME_ISO_TESTS, HOME, HOME_TESTS, SUMMARY = range(9)
DAY_COLUMNS = (CENTRAL, HOME_ISO, HOME)
TEST_COLUMNS = (CENTRAL_TESTS, HOME_ISO_TESTS, HOME_TESTS)
CODE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ShownRule:
    count_from: str
    days: tuple[int, int, int]  # centralized, home isolation, home health monitoring
    tests: tuple[str, str, str]


@dataclass(frozen=True)
class ShownSet:
    """One rule set as the page shows it, read while the session was open."""

    id: int
    name: str
    effective_from: date
    notes: str
    draft: bool
    based_on: str
    in_use: bool
    stays: int
    rules: dict[str, ShownRule] = field(default_factory=dict)


def summary(days: tuple[int, int, int]) -> str:
    """14+7+7 (centralized + home isolation + home health monitoring), 7+3 without home isolation."""
    central, home_iso, home = days
    if central <= 0:
        return ""
    if home_iso:
        return f"{central}+{home_iso}+{home}"
    return f"{central}+{home}" if home else str(central)


def days_text(days: tuple[int, ...]) -> str:
    return ",".join(str(d) for d in days) if days else "—"


class RuleDelegate(QStyledItemDelegate):
    """The editors of a draft's cells: the counting origin as a list, days as spin boxes (0–60; 0 days
    centralized: no rule for the category), test days as text ("1,4,7,14")."""

    def __init__(self, page: RuleSetsPage) -> None:
        super().__init__(page)
        self.page = page

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        col = index.column()
        if col == COUNT_FROM:
            combo = QComboBox(parent)
            for code, label in self.page.count_from_labels().items():
                combo.addItem(label, code)
            return combo
        if col in DAY_COLUMNS:
            spin = QSpinBox(parent)
            spin.setRange(0, DAYS_MAX)
            if col == CENTRAL:
                spin.setSpecialValueText(self.page.days_label(CENTRAL, 0))
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(CODE))))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(index.data(CODE) or 0))
            editor.selectAll()  # a number typed replaces it
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), CODE)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), CODE)
            model.setData(index, self.page.days_label(index.column(), editor.value()), Qt.ItemDataRole.DisplayRole)
        else:
            super().setModelData(editor, model, index)


class NameDialog(QDialog):
    """The new draft's name (default: "<name> 副本")."""

    def __init__(self, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Copy to a new draft"))
        self.name = QLineEdit(self.tr("{0} copy").format(source), self)
        self.name.selectAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("A new draft with the rules of “{0}”.").format(source), self))
        form.addRow(self.tr("Name of the draft"), self.name)
        form.addRow(buttons)
        self.setMinimumWidth(420)


class SwitchDateDialog(QDialog):
    """The day the site switches to the rule set (default: the site's today)."""

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Switch the site to a rule set"))
        self.field = DateField(ctx, self, with_time=False)
        self.field.set_value(ctx.today())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Switch the site to “{0}”. The next step shows what changes.").format(name), self))
        form.addRow(self.tr("From"), self.field)
        form.addRow(buttons)
        self.setMinimumWidth(460)


class SwitchPreviewDialog(QDialog):
    """Every current stay whose dates change, old → new, with what is kept; Confirm applies (a preview gone
    stale says so and is read again), Esc cancels."""

    def __init__(self, ctx: AppContext, rule_set_id: int, effective: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.rule_set_id, self.effective = ctx, rule_set_id, effective
        self.applied: int | None = None  # stays whose dates changed, once applied
        self.preview: SwitchPreview | None = None
        self.setWindowTitle(self.tr("Switch the site to a rule set: preview"))
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold")
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Room"),
                self.tr("Category"),
                self.tr("Release"),
                self.tr("Home until"),
                self.tr("Test days"),
                self.tr("Kept"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.unchanged = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(
            self.tr("Confirm the switch"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button.setDefault(True)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.headline, self.table, self.unchanged, self.message, self.buttons):
            layout.addWidget(w)
        self.resize(1000, 520)
        with ctx.sessions() as s:
            self.category_names = {c.code: c.label(ctx.language) for c in categories(s)}
        self.load()

    def load(self) -> None:
        with self.ctx.sessions() as s:
            self.preview = p = preview_rule_switch(s, self.rule_set_id, self.effective)
        moved = [c for c in p.changes if not c.problem]
        self.headline.setText(
            self.tr("Switch the site to “{0}” from {1}: the dates of %n current stays change.", "", len(moved)).format(
                p.rule_set_name, p.effective.isoformat()
            )
        )
        self.table.setRowCount(len(p.changes))
        for row, ch in enumerate(p.changes):
            cells = (
                ch.name,
                ch.room,
                self.category_names.get(ch.category, ch.category),
                f"{ch.old_release.isoformat()} → {ch.new_release.isoformat()}",
                f"{_day(ch.old_home_until)} → {_day(ch.new_home_until)}",
                f"{days_text(ch.old_swab_days)} → {days_text(ch.new_swab_days)}",
                self.kept(ch),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CODE, ch.stay_id)
                self.table.setItem(row, col, item)
        fit_columns(self.table)
        self.unchanged.setText(self.tr("%n current stays keep their dates.", "", len(p.unchanged)))
        if self.table.rowCount():
            self.table.setCurrentCell(0, 0)

    def kept(self, ch: SwitchChange) -> str:
        """What was decided about the person and stays on top of the new rule, or why nothing changes."""
        if ch.problem == "no_rule":
            return self.tr("The new rule set has no rule for this category: dates unchanged")
        parts = []
        if ch.kept_manual_days > 0:
            parts.append(self.tr("Extended by hand +%n days", "", ch.kept_manual_days))
        elif ch.kept_manual_days < 0:
            parts.append(self.tr("Shortened by hand by %n days", "", -ch.kept_manual_days))
        if ch.kept_restart is not None:
            parts.append(self.tr("Counted again from {0} (positive case)").format(ch.kept_restart.strftime("%m-%d")))
        return "; ".join(parts)

    def confirm(self) -> None:
        assert self.preview is not None
        try:
            with self.ctx.sessions() as s:
                self.applied = apply_rule_switch(s, self.ctx.user, self.preview, now=self.ctx.now())
        except DomainError as e:  # stale: someone changed a stay or the rule set meanwhile: the preview again
            self.message.setText(self.ctx.message(e))
            if e.code == "stale":
                self.load()
            return
        self.accept()


def fit_columns(table: QTableWidget) -> None:
    """Columns as wide as their cells and their header, the header as the theme shows it (in capitals)."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    font = header.font()
    font.setBold(True)
    metrics = QFontMetrics(font)
    for col in range(table.columnCount()):
        item = table.horizontalHeaderItem(col)
        lines = (item.text() if item else "").upper().splitlines() or [""]
        wide = int(max(metrics.horizontalAdvance(line) for line in lines) * 1.2) + 36  # its padding and spacing
        if table.columnWidth(col) < wide:
            table.setColumnWidth(col, wide)


def _day(day: date | None) -> str:
    return day.isoformat() if day else "—"


class RuleSetsPage(QWidget):
    changed = Signal()  # the site switched to a rule set: stays' dates changed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sets: list[ShownSet] = []
        self.cats: list[tuple[str, str]] = []  # code, name in the UI language
        self.current: ShownSet | None = None
        self.dirty = False
        self._loading = False
        # left: the rule sets
        self.list = QTableWidget(0, 5, self)
        self.list.setHorizontalHeaderLabels(
            [self.tr("Rule set"), self.tr("In force from"), self.tr("Status"), self.tr("Copied from"), self.tr("Stays")]
        )
        self.list.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.currentCellChanged.connect(lambda *_a: self._selected())
        # right: the selected rule set
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.name = QLineEdit(self)
        self.effective = DateField(ctx, self, with_time=False)
        self.notes = QLineEdit(self)
        self.rules = QTableWidget(0, 9, self)
        self.rules.setHorizontalHeaderLabels(
            [
                self.tr("Category"),
                self.tr("Counted from"),
                self.tr("Centralized\n(days)"),
                self.tr("Test days"),
                self.tr("Home isolation\n(days)"),
                self.tr("Test days"),
                self.tr("Home health\nmonitoring (days)"),
                self.tr("Test days"),
                self.tr("Plan"),
            ]
        )
        self.rules.horizontalHeaderItem(SUMMARY).setToolTip(
            self.tr("Days centralized + home isolation + home health monitoring")
        )
        self.rules.verticalHeader().hide()
        self.rules.setItemDelegate(RuleDelegate(self))
        self.rules.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.rules.setEditTriggers(
            QTableWidget.EditTrigger.AnyKeyPressed
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.DoubleClicked
        )
        self.rules.itemChanged.connect(self._rule_changed)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        for edit in (self.name, self.notes, self.effective.edit):
            edit.textEdited.connect(self._edited)
        # actions: buttons with their shortcuts
        self.copy_action = self._action(self.tr("Copy to a new draft…"), "Ctrl+Shift+C", self.copy)
        self.save_action = self._action(self.tr("Save draft"), "Ctrl+S", self.save)
        self.delete_action = self._action(self.tr("Delete draft…"), "Ctrl+Shift+Del", self.delete)
        self.switch_action = self._action(self.tr("Switch the site to this rule set…"), "Ctrl+Shift+S", self.switch)
        self.buttons = {}
        bar = QHBoxLayout()
        for key, action in (
            ("copy", self.copy_action),
            ("save", self.save_action),
            ("delete", self.delete_action),
            ("switch", self.switch_action),
        ):
            button = QPushButton(
                f"{action.text()} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})", self
            )
            button.clicked.connect(action.trigger)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.may_edit = explain_disabled(
            [self.copy_action, self.save_action, self.delete_action, self.switch_action, *self.buttons.values()],
            ctx.user.role,
            "settings",
        ) and permissions.allowed(ctx.user.role, "settings")
        right = QWidget(self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("In force from"), self.effective)
        form.addRow(self.tr("Notes"), self.notes)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.state)
        right_layout.addLayout(form)
        right_layout.addWidget(self.rules, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([440, 900])  # the list's five columns whole, the rules' nine beside them
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)  # the list is read when the page is shown (showEvent)

    def _action(self, text: str, keys: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: slot())  # noqa: PLW0108 (triggered passes a bool)
        self.addAction(action)
        return action

    # --- words ----------------------------------------------------------------------------------------
    def count_from_labels(self) -> dict[str, str]:
        return {CountFrom.EXPOSURE.value: self.tr("Last exposure"), CountFrom.ARRIVAL.value: self.tr("Arrival")}

    def days_label(self, column: int, days: int) -> str:
        return self.tr("no rule") if column == CENTRAL and days <= 0 else str(days)

    def status(self, rs: ShownSet) -> str:
        if rs.in_use:
            return self.tr("In use")
        return self.tr("Draft") if rs.draft else self.tr("Earlier")

    # --- reading --------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.refresh()
        super().showEvent(event)

    def refresh(self, select_id: int | None = None) -> None:
        """The list read again; the selected rule set (or ``select_id``) shown again unless a draft's edits
        are not saved yet."""
        keep = select_id if select_id is not None else (self.current.id if self.current else None)
        sets: list[ShownSet] = []
        with self.ctx.sessions() as s:
            self.cats = [(c.code, c.label(self.ctx.language)) for c in categories(s)]
            found = rule_sets(s)
            names = {rs.id: rs.name for rs in found}
            for rs in found:
                use = rule_set_use(s, rs.id)
                rules = {
                    r.category_code: ShownRule(
                        r.count_from.value,
                        (r.days_central, r.days_home_isolation or 0, r.days_home or 0),
                        (r.swab_days or "", r.home_isolation_swab_days or "", r.home_swab_days or ""),
                    )
                    for r in rs.rules
                }
                based = names.get(rs.based_on_id, "") if rs.based_on_id else ""
                sets.append(
                    ShownSet(
                        rs.id, rs.name, rs.effective_from, rs.notes or "", rs.draft, based, use.in_use, use.stays, rules
                    )
                )
        self.sets = sets
        self.list.blockSignals(True)
        self.list.setRowCount(len(sets))
        for row, rs in enumerate(sets):
            cells = (rs.name, rs.effective_from.isoformat(), self.status(rs), rs.based_on, str(rs.stays))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CODE, rs.id)
                if rs.in_use:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.list.setItem(row, col, item)
        fit_columns(self.list)
        rows = [i for i, rs in enumerate(sets) if rs.id == keep]
        if not rows:
            rows = [i for i, rs in enumerate(sets) if rs.in_use] or ([0] if sets else [])
        if rows:
            self.list.setCurrentCell(rows[0], 0)
        self.list.blockSignals(False)
        same = self.current is not None and rows and sets[rows[0]].id == self.current.id
        if not (same and self.dirty):
            self._show(sets[rows[0]] if rows else None)

    def _selected(self) -> None:
        row = self.list.currentRow()
        rs = self.sets[row] if 0 <= row < len(self.sets) else None
        if rs is not None and self.current is not None and rs.id == self.current.id:
            return
        if self.dirty and self.current is not None and not self._leave_draft():
            back = [i for i, shown in enumerate(self.sets) if shown.id == self.current.id]
            self.list.blockSignals(True)
            if back:
                self.list.setCurrentCell(back[0], 0)
            self.list.blockSignals(False)
            return
        self._show(rs)

    def _leave_draft(self) -> bool:
        """The draft shown has unsaved edits and another rule set is chosen: save them, drop them, or stay."""
        assert self.current is not None
        box = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to the draft “{0}”?").format(self.current.name),
            box.Save | box.Discard | box.Cancel,
            box.Cancel,
        )
        if answer == box.Save:
            return self.save()
        return answer == box.Discard

    def _show(self, rs: ShownSet | None) -> None:
        self.current, self.dirty, self._loading = rs, False, True
        editable = rs is not None and rs.draft and self.may_edit
        self.name.setText(rs.name if rs else "")
        if rs is not None:
            self.effective.set_value(rs.effective_from)
        self.notes.setText(rs.notes if rs else "")
        for edit in (self.name, self.notes, self.effective.edit):
            edit.setReadOnly(not editable)
        if rs is None:
            self.state.setText("")
        elif rs.draft:
            self.state.setText(
                self.tr("Draft: nobody's dates come from it. Edit it, save it (Ctrl+S), then switch the site to it.")
            )
        elif rs.in_use:
            self.state.setText(self.tr("In use: copy it to change it."))
        else:
            self.state.setText(self.tr("Used before, final: copy it to change it."))
        self.rules.setRowCount(len(self.cats))
        labels = self.count_from_labels()
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, (code, cat_name) in enumerate(self.cats):
            rule = rs.rules.get(code) if rs else None
            days = rule.days if rule else (0, 0, 0)
            tests = rule.tests if rule else ("", "", "")
            count_from = rule.count_from if rule else CountFrom.ARRIVAL.value
            item = QTableWidgetItem(cat_name)
            item.setData(CODE, code)
            item.setFlags(flags)
            self.rules.setItem(row, CATEGORY, item)
            item = QTableWidgetItem(labels.get(count_from, count_from))
            item.setData(CODE, count_from)
            self.rules.setItem(row, COUNT_FROM, item)
            for col, value in zip(DAY_COLUMNS, days, strict=True):
                item = QTableWidgetItem(self.days_label(col, value))
                item.setData(CODE, value)
                self.rules.setItem(row, col, item)
            for col, text in zip(TEST_COLUMNS, tests, strict=True):
                self.rules.setItem(row, col, QTableWidgetItem(text))
            item = QTableWidgetItem(summary(days))
            item.setFlags(flags)
            self.rules.setItem(row, SUMMARY, item)
            for col in range(COUNT_FROM, SUMMARY):
                cell = self.rules.item(row, col)
                cell.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
        fit_columns(self.rules)
        if self.rules.rowCount():
            self.rules.setCurrentCell(0, CENTRAL if editable else CATEGORY)
        self._loading = False
        draft = rs is not None and rs.draft
        for key, on in (("save", draft), ("delete", draft), ("copy", rs is not None), ("switch", rs is not None)):
            allowed = self.may_edit and on
            self.buttons[key].setEnabled(allowed)
            getattr(self, f"{key}_action").setEnabled(allowed)

    def _rule_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() == SUMMARY:
            return
        row = item.row()
        days = tuple(int(self.rules.item(row, c).data(CODE) or 0) for c in DAY_COLUMNS)
        self._loading = True
        self.rules.item(row, SUMMARY).setText(summary(days))  # type: ignore[arg-type]
        self._loading = False
        self._edited()

    def _edited(self) -> None:
        if not self._loading:
            self.dirty = True
            self.message.clear()

    def typed_rules(self) -> list[RuleInput]:
        """The draft's rules as typed: a category with 0 days centralized has no rule."""
        out = []
        for row in range(self.rules.rowCount()):
            d = [int(self.rules.item(row, c).data(CODE) or 0) for c in DAY_COLUMNS]
            if d[0] <= 0:
                continue
            t = [self.rules.item(row, c).text() for c in TEST_COLUMNS]
            out.append(
                RuleInput(
                    str(self.rules.item(row, CATEGORY).data(CODE)),
                    days_central=d[0],
                    days_home_isolation=d[1],
                    days_home=d[2],
                    swab_days=t[0],
                    home_isolation_swab_days=t[1],
                    home_swab_days=t[2],
                    count_from=str(self.rules.item(row, COUNT_FROM).data(CODE)),
                )
            )
        return out

    # --- actions --------------------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828" if error else "")

    def copy(self) -> int | None:
        """Copy the selected rule set to a new draft, named as asked; the draft is then shown to edit."""
        rs = self.current
        if rs is None or not self.may_edit:
            return None
        dialog = NameDialog(rs.name, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                with self.ctx.sessions() as s:
                    new_id = copy_rule_set(s, self.ctx.user, rs.id, dialog.name.text()).id
            except DomainError as e:  # no name, or taken: said, asked again
                QMessageBox.warning(dialog, dialog.windowTitle(), self.ctx.message(e))
                continue
            self.dirty = False
            self.refresh(new_id)
            self._say(
                self.tr("Draft “{0}” made: edit it and save it.").format(self.current.name if self.current else "")
            )
            self.rules.setFocus()
            return new_id
        return None

    def save(self) -> bool:
        rs = self.current
        if rs is None or not rs.draft or not self.may_edit:
            return False
        if self.rules.state() == QTableWidget.State.EditingState:  # the cell being typed in counts too
            editor = QApplication.focusWidget()
            while editor is not None and editor.parentWidget() is not self.rules.viewport():
                editor = editor.parentWidget()
            if editor is not None:
                self.rules.commitData(editor)
                self.rules.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        try:
            effective = self.effective.day()
            rules = self.typed_rules()
            with self.ctx.sessions() as s:
                update_draft(
                    s, self.ctx.user, rs.id, name=self.name.text(), effective_from=effective, notes=self.notes.text(),
                    rules=rules,
                )  # fmt: skip
        except DomainError as e:
            self._say(self.ctx.message(e), error=True)
            return False
        self.dirty = False
        self.refresh(rs.id)
        self._say(self.tr("Draft “{0}” saved.").format(self.current.name if self.current else ""))
        return True

    def delete(self) -> bool:
        rs = self.current
        if rs is None or not rs.draft or not self.may_edit:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Delete draft"),
            self.tr("Delete the draft “{0}”? Its rules are lost.").format(rs.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            with self.ctx.sessions() as s:
                delete_draft(s, self.ctx.user, rs.id)
        except DomainError as e:
            self._say(self.ctx.message(e), error=True)
            return False
        self.dirty, self.current = False, None
        self.refresh()
        self._say(self.tr("Draft “{0}” deleted.").format(rs.name))
        return True

    def switch(self) -> int | None:
        """Switch the site to the selected rule set from a day asked for, after the preview; a draft's edits
        are saved first. Returns the number of stays whose dates changed, None if nothing was done."""
        rs = self.current
        if rs is None or not self.may_edit:
            return None
        if rs.draft and self.dirty and not self.save():
            return None
        rs = self.current
        assert rs is not None
        ask = SwitchDateDialog(self.ctx, rs.name, self)
        effective: date | None = None
        while ask.exec() == QDialog.DialogCode.Accepted:
            try:
                effective = ask.field.day()
                break
            except DomainError as e:  # not a date: said, asked again
                QMessageBox.warning(ask, ask.windowTitle(), self.ctx.message(e))
        if effective is None:
            return None
        preview = SwitchPreviewDialog(self.ctx, rs.id, effective, self)
        if preview.exec() != QDialog.DialogCode.Accepted or preview.applied is None:
            return None
        self.dirty = False
        self.refresh(rs.id)
        self._say(
            self.tr("The site follows “{0}” from {1}: %n stays' dates changed.", "", preview.applied).format(
                rs.name, effective.isoformat()
            )
        )
        self.changed.emit()
        return preview.applied
