"""Site layout (admin): the tree of buildings, floors and rooms; add, rename, change and retire; import a room list.

Ins adds a room to the floor chosen, F2 or Enter changes what is chosen, Del retires it (asked first, No by
default). A room is retired, never deleted, once it has a history; it stays in the tree, greyed, with the
day it was retired. Every change goes through models/services/layout.py (audited) and emits ``changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.reads.layout import LayoutBuilding, LayoutFloor, LayoutRoom, layout_tree
from models.services import layout
from models.services.importer import said
from models.services.layout_import import RoomRow, RoomsPreview, apply_room_list, read_room_list
from models.store.orm import ZONES, RoomType
from ui import palette

from .context import AppContext
from .labels import list_separator, room_type_label, state_label, zone_label
from .permissions_ui import explain_disabled

KIND = Qt.ItemDataRole.UserRole  # "building" / "floor" / "room"
ID = Qt.ItemDataRole.UserRole + 1
STATUS_COLOURS = {"add": palette.OK, "change": palette.WARN, "same": palette.MUTED_LIGHT, "rejected": palette.ALERT}


class _Form(QDialog):
    """A small form whose OK runs ``save``: a refusal is shown in the form, which stays open."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.save: Callable[[], None] | None = None
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {palette.DANGER};")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        # the context named: a subclass's self.tr() would look under its own class name
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("LayoutForm", "Save")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("LayoutForm", "Cancel")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.language = "zh_CN"

    def accept(self) -> None:
        try:
            if self.save is not None:
                self.save()
        except DomainError as e:
            self.error.setText(e.message(self.language))
            self.error.show()
            return
        super().accept()


class LayoutNameDialog(_Form):
    """A building's name, or a floor's."""

    def __init__(self, title: str, label: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.name = QLineEdit(text, self)
        self.name.setMaxLength(100)
        self.form.addRow(label, self.name)
        self.name.selectAll()


class FloorDialog(_Form):
    """A new floor of a building: its level (1 = ground floor, -1 = the first basement) and name."""

    def __init__(self, building: str, level: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a floor to {0}").format(building), parent)
        self.level = QSpinBox(self)
        self.level.setRange(*layout.LEVELS)
        self.level.setValue(level)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. 3F (empty: from the level)"))
        self.form.addRow(self.tr("Level"), self.level)
        self.form.addRow(self.tr("Name"), self.name)


class RoomEditDialog(_Form):
    """A room's number, type, beds and zone: the combos show words and hold codes."""

    def __init__(self, title: str, room: LayoutRoom | None = None, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.number = QLineEdit(room.number if room else "", self)
        self.number.setMaxLength(layout.NAME_LIMIT["room"])
        self.room_type = QComboBox(self)
        for t in RoomType:
            self.room_type.addItem(room_type_label(t), t.value)
        self.beds = QSpinBox(self)
        self.beds.setRange(1, 6)
        self.zone = QComboBox(self)
        for z in ZONES:
            self.zone.addItem(zone_label(z), z)
        if room is not None:
            self.room_type.setCurrentIndex(self.room_type.findData(room.room_type.value))
            self.beds.setValue(room.beds)
            self.zone.setCurrentIndex(self.zone.findData(room.zone))
        self.room_type.currentIndexChanged.connect(self._type_changed)
        self.form.addRow(self.tr("Room number"), self.number)
        self.form.addRow(self.tr("Room type"), self.room_type)
        self.form.addRow(self.tr("Beds"), self.beds)
        self.form.addRow(self.tr("Zone"), self.zone)

    def _type_changed(self) -> None:
        """A type whose beds the number does not fit: its usual number (a double two, a single one)."""
        kind = RoomType(self.room_type.currentData())
        low, high = layout.BEDS[kind]
        if not low <= self.beds.value() <= high:
            self.beds.setValue(layout.DEFAULT_BEDS[kind])

    def values(self) -> tuple[str, RoomType, int, str]:
        return self.number.text(), RoomType(self.room_type.currentData()), self.beds.value(), self.zone.currentData()


class ImportPreviewDialog(QDialog):
    """The room list as it would be applied: each row's status, what changes, why a row is refused."""

    def __init__(self, preview: RoomsPreview, file_name: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.language = language
        self.setWindowTitle(self.tr("Import rooms: {0}").format(file_name))
        adds, changes = len(preview.of("add")), len(preview.of("change"))
        same, rejected = len(preview.of("same")), len(preview.of("rejected"))
        self.summary = QLabel(
            " · ".join(
                (
                    self.tr("%n room(s) to add", "", adds),
                    self.tr("%n to change", "", changes),
                    self.tr("%n unchanged", "", same),
                    self.tr("%n rejected", "", rejected),
                )
            ),
            self,
        )
        self.new_places = QLabel(self)
        self.new_places.setWordWrap(True)
        if preview.new_buildings or preview.new_floors:
            floors = ", ".join(f"{b} {layout.default_floor_name(level)}" for b, level in preview.new_floors)
            self.new_places.setText(self.tr("New buildings and floors: {0}").format(floors))
        self.table = QTableWidget(len(preview.rows), 8, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Status"),
                self.tr("Building"),
                self.tr("Floor"),
                self.tr("Room"),
                self.tr("Room type"),
                self.tr("Beds"),
                self.tr("What changes, or why not"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, r in enumerate(preview.rows):
            self._fill(i, r)
        self.table.resizeColumnsToContents()
        _fit_headers(self.table.horizontalHeader(), self.table.horizontalHeader().count() - 1)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setEnabled(bool(preview.to_write))
        self.apply_button.setDefault(bool(preview.to_write))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {palette.DANGER};")
        self.error.hide()
        self.apply: Callable[[], None] | None = None
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.new_places)
        box.addWidget(self.table, 1)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.resize(1100, 560)

    def status_label(self, status: str) -> str:
        return {
            "add": self.tr("New"),
            "change": self.tr("Changed"),
            "same": self.tr("Unchanged"),
            "rejected": self.tr("Rejected"),
        }[status]

    def _changes(self, r: RoomRow) -> str:
        if r.status == "rejected":
            return list_separator(self.language).join(said(m, self.language) for m in r.messages)
        words = {"room_type": self.tr("Room type"), "beds": self.tr("Beds"), "zone": self.tr("Zone")}

        def word(k: str, v: object) -> str:
            return room_type_label(str(v)) if k == "room_type" else zone_label(str(v)) if k == "zone" else str(v)

        said_as = self.tr("{0}: {1} → {2}")
        return list_separator(self.language).join(
            said_as.format(words[k], word(k, a), word(k, b)) for k, (a, b) in r.changes.items()
        )

    def _fill(self, i: int, r: RoomRow) -> None:
        floor = layout.default_floor_name(r.level) if r.level is not None else ""
        cells = [
            str(r.row),
            self.status_label(r.status),
            r.building,
            floor,
            r.number,
            room_type_label(r.room_type) if r.room_type is not None else "",
            str(r.beds) if r.beds is not None else "",
            self._changes(r) or (zone_label(r.zone) if r.zone and r.status == "add" else ""),
        ]
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            colour = STATUS_COLOURS.get(r.status)
            if colour and c == 1:
                item.setBackground(QBrush(QColor(colour)))
            self.table.setItem(i, c, item)

    def accept(self) -> None:
        try:
            if self.apply is not None:
                self.apply()
        except DomainError as e:
            self.error.setText(e.message(self.language))
            self.error.show()
            return
        super().accept()


class LayoutPage(QWidget):
    """The admin's site layout editor."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QDialog | None = None  # the form open now (a test answers it)
        self._rooms: dict[int, LayoutRoom] = {}
        self._floors: dict[int, LayoutFloor] = {}
        self._buildings: dict[int, LayoutBuilding] = {}
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.show_retired = QCheckBox(self.tr("Show retired"), self)
        self.show_retired.setChecked(True)
        self.show_retired.toggled.connect(self.refresh)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels(
            [
                self.tr("Building / floor / room"),
                self.tr("Room type"),
                self.tr("Beds"),
                self.tr("Zone"),
                self.tr("State"),
                self.tr("Retired on"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.itemActivated.connect(lambda *_: self.edit())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_building_button = QPushButton(self.tr("Add building…"), self)
        self.add_floor_button = QPushButton(self.tr("Add floor…"), self)
        self.add_room_button = QPushButton(self.tr("Add room… (Ins)"), self)
        self.edit_button = QPushButton(self.tr("Edit… (F2)"), self)
        self.retire_button = QPushButton(self.tr("Retire… (Del)"), self)
        self.import_button = QPushButton(self.tr("Import rooms from Excel…"), self)
        self.add_building_button.clicked.connect(self.add_building)
        self.add_floor_button.clicked.connect(self.add_floor)
        self.add_room_button.clicked.connect(self.add_room)
        self.edit_button.clicked.connect(self.edit)
        self.retire_button.clicked.connect(self.retire)
        self.import_button.clicked.connect(self.import_rooms)
        self.writes = [
            self.add_building_button,
            self.add_floor_button,
            self.add_room_button,
            self.edit_button,
            self.retire_button,
            self.import_button,
        ]
        self.may_write = explain_disabled(self.writes, ctx.user.role, "settings")
        for key, slot in (
            (Qt.Key.Key_Insert, self.add_room),
            (Qt.Key.Key_F2, self.edit),
            (Qt.Key.Key_Delete, self.retire),
        ):
            QShortcut(QKeySequence(key), self, activated=slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.columns_hint = QLabel(
            self.tr(
                "A room list (.xlsx or .csv) has the columns building, floor, room, type, beds and zone (optional);"
                " a known room is changed, a new one added, none deleted"
            ),
            self,
        )
        self.columns_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in self.writes:
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.show_retired)
        box = QVBoxLayout(self)
        box.addLayout(buttons)
        box.addWidget(self.tree, 1)
        box.addWidget(self.message)
        box.addWidget(self.columns_hint)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.refresh()
        super().showEvent(event)

    # --- the tree ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.chosen()
        expanded = self._expanded()
        first = not expanded
        with self.ctx.sessions() as s:
            tree = layout_tree(s, retired=self.show_retired.isChecked())
        self.tree.clear()
        self._rooms, self._floors, self._buildings = {}, {}, {}
        grey = QBrush(QColor(palette.TEXT_HINT))
        for b in tree:
            self._buildings[b.id] = b
            bi = self._item(self.tree, "building", b.id, [b.name, "", "", "", "", _day(b.retired_on)])
            for f in b.floors:
                self._floors[f.id] = f
                rooms = self.tr("%n room(s)", "", len([r for r in f.rooms if not r.retired]))
                fi = self._item(bi, "floor", f.id, [f.name, rooms, "", "", "", _day(f.retired_on)])
                for r in f.rooms:
                    self._rooms[r.id] = r
                    state = self.tr("Retired") if r.retired else state_label(r.state)
                    if r.occupants:
                        state = self.tr("{0} ({1} present)").format(state, r.occupants)
                    cells = [r.number, room_type_label(r.room_type), str(r.beds), zone_label(r.zone), state]
                    ri = self._item(fi, "room", r.id, [*cells, _day(r.retired_on)])
                    if r.retired:
                        for c in range(6):
                            ri.setForeground(c, grey)
                fi.setExpanded(expanded.get(("floor", f.id), first and f is b.floors[0]))  # at first: one floor open
                if f.retired:
                    fi.setForeground(0, grey)
            bi.setExpanded(expanded.get(("building", b.id), True))
            first = False
            if b.retired:
                bi.setForeground(0, grey)
        for c in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(c)
        _fit_headers(self.tree.header(), self.tree.columnCount())
        self._choose(chosen)
        self._update_buttons()

    def _item(self, parent: QTreeWidget | QTreeWidgetItem, kind: str, id_: int, cells: list[str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, cells)
        item.setData(0, KIND, kind)
        item.setData(0, ID, id_)
        return item

    def _expanded(self) -> dict[tuple[str, int], bool]:
        out: dict[tuple[str, int], bool] = {}
        for i in range(self.tree.topLevelItemCount()):
            b = self.tree.topLevelItem(i)
            out[(b.data(0, KIND), b.data(0, ID))] = b.isExpanded()
            for j in range(b.childCount()):
                f = b.child(j)
                out[(f.data(0, KIND), f.data(0, ID))] = f.isExpanded()
        return out

    def chosen(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        return (item.data(0, KIND), int(item.data(0, ID))) if item is not None else None

    def item_of(self, kind: str, id_: int) -> QTreeWidgetItem | None:
        for item in self._all_items():
            if item.data(0, KIND) == kind and item.data(0, ID) == id_:
                return item
        return None

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[0:0] = [item.child(j) for j in range(item.childCount())]
        return out

    def _choose(self, chosen: tuple[str, int] | None) -> None:
        item = self.item_of(*chosen) if chosen else None
        if item is None and self.tree.topLevelItemCount():
            item = self.tree.topLevelItem(0)
        if item is not None:
            parent = item.parent()
            while parent is not None:
                parent.setExpanded(True)
                parent = parent.parent()
            self.tree.setCurrentItem(item)

    def _floor_chosen(self) -> LayoutFloor | None:
        c = self.chosen()
        if c is None:
            return None
        if c[0] == "floor":
            return self._floors.get(c[1])
        if c[0] == "room" and c[1] in self._rooms:
            return self._floors.get(self._rooms[c[1]].floor_id)
        return None

    def _building_chosen(self) -> LayoutBuilding | None:
        c = self.chosen()
        if c is not None and c[0] == "building":
            return self._buildings.get(c[1])
        f = self._floor_chosen()
        return self._buildings.get(f.building_id) if f is not None else None

    def _update_buttons(self) -> None:
        if not self.may_write:
            return
        c = self.chosen()
        retired = False
        if c is not None:
            found = {"building": self._buildings, "floor": self._floors, "room": self._rooms}[c[0]].get(c[1])
            retired = found is not None and found.retired
        self.add_floor_button.setEnabled(self._building_chosen() is not None)
        self.add_room_button.setEnabled(self._floor_chosen() is not None)
        self.edit_button.setEnabled(c is not None)
        self.retire_button.setEnabled(c is not None and not retired)

    # --- writes --------------------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _done(self, chosen: tuple[str, int] | None, text: str) -> None:
        self.refresh()
        if chosen is not None:
            self._choose(chosen)
        self._say(text)
        self.changed.emit()

    def _open(self, dialog: _Form, save: Callable[[], None]) -> None:
        dialog.language = self.ctx.language
        dialog.save = save
        dialog.finished.connect(lambda _r: self.tree.setFocus())
        self.dialog = dialog
        dialog.open()

    def add_building(self) -> None:
        if not self.may_write:
            return
        dialog = LayoutNameDialog(self.tr("Add a building"), self.tr("Name"), parent=self)

        def save() -> None:
            with self.ctx.sessions() as s:
                b = layout.add_building(s, self.ctx.user, dialog.name.text())
                made = ("building", b.id)
            self._done(made, self.tr("Building {0} added").format(dialog.name.text().strip()))

        self._open(dialog, save)

    def add_floor(self) -> None:
        building = self._building_chosen()
        if not self.may_write or building is None:
            return
        top = max((f.level for f in building.floors), default=0)
        dialog = FloorDialog(building.name, top + 1 if top >= 0 else 1, self)

        def save() -> None:
            with self.ctx.sessions() as s:
                f = layout.add_floor(s, self.ctx.user, building.id, dialog.level.value(), dialog.name.text())
                made, name = ("floor", f.id), f.name
            self._done(made, self.tr("Floor {0} added").format(name))

        self._open(dialog, save)

    def add_room(self) -> None:
        floor = self._floor_chosen()
        if not self.may_write or floor is None:
            return
        dialog = RoomEditDialog(self.tr("Add a room to {0}").format(floor.name), None, self)
        if floor.rooms:  # the next number, and the type, beds and zone of the floor's last room
            last = floor.rooms[-1]
            dialog.number.setText(_next_number(last.number))
            dialog.room_type.setCurrentIndex(dialog.room_type.findData(last.room_type.value))
            dialog.beds.setValue(last.beds)
            dialog.zone.setCurrentIndex(dialog.zone.findData(last.zone))
        dialog.number.selectAll()

        def save() -> None:
            number, kind, beds, zone = dialog.values()
            with self.ctx.sessions() as s:
                r = layout.add_room(s, self.ctx.user, floor.id, number, kind, beds, zone)
                made, shown = ("room", r.id), r.number
            self._done(made, self.tr("Room {0} added").format(shown))

        self._open(dialog, save)

    def edit(self) -> None:
        c = self.chosen()
        if not self.may_write or c is None:
            return
        kind, id_ = c
        if kind == "room":
            room = self._rooms[id_]
            if room.retired:
                self._say(self.tr("Room {0} is retired: it is kept as it was").format(room.number))
                return
            dialog = RoomEditDialog(self.tr("Room {0}").format(room.number), room, self)

            def save_room() -> None:
                number, rtype, beds, zone = dialog.values()
                with self.ctx.sessions() as s:
                    layout.update_room(
                        s,
                        self.ctx.user,
                        room.id,
                        number=number,
                        room_type=rtype,
                        beds=beds,
                        zone=zone,
                        expected_version=room.version,
                    )
                self._done(c, self.tr("Room {0} saved").format(number.strip()))

            self._open(dialog, save_room)
            return
        if kind == "building":
            b = self._buildings[id_]
            dialog_b = LayoutNameDialog(self.tr("Rename building"), self.tr("Name"), b.name, self)

            def save_building() -> None:
                with self.ctx.sessions() as s:
                    layout.rename_building(s, self.ctx.user, b.id, dialog_b.name.text())
                self._done(c, self.tr("Building renamed"))

            self._open(dialog_b, save_building)
            return
        f = self._floors[id_]
        dialog_f = LayoutNameDialog(self.tr("Rename floor"), self.tr("Name"), f.name, self)

        def save_floor() -> None:
            with self.ctx.sessions() as s:
                layout.rename_floor(s, self.ctx.user, f.id, dialog_f.name.text())
            self._done(c, self.tr("Floor renamed"))

        self._open(dialog_f, save_floor)

    def retire(self) -> None:
        c = self.chosen()
        if not self.may_write or c is None:
            return
        kind, id_ = c
        if kind == "room":
            room = self._rooms[id_]
            if room.retired:
                return
            question = self.tr(
                "Retire room {0}? It is no longer offered to arrivals nor counted; its history is kept."
            ).format(room.number)
        elif kind == "floor":
            f = self._floors[id_]
            if f.retired:
                return
            n = len([r for r in f.rooms if not r.retired])
            question = self.tr("Retire floor {0} and its %n room(s)? Its history is kept.", "", n).format(f.name)
        else:
            b = self._buildings[id_]
            if b.retired:
                return
            n = len([r for r in b.rooms() if not r.retired])
            question = self.tr("Retire building {0} and its %n room(s)? Its history is kept.", "", n).format(b.name)
        answer = QMessageBox.question(
            self,
            self.tr("Retire"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.ctx.sessions() as s:
                if kind == "room":
                    layout.retire_room(s, self.ctx.user, id_, expected_version=self._rooms[id_].version)
                elif kind == "floor":
                    layout.retire_floor(s, self.ctx.user, id_)
                else:
                    layout.retire_building(s, self.ctx.user, id_)
        except DomainError as e:  # occupied, awaiting disinfection, changed meanwhile: said, and the tree read again
            self.refresh()
            self._say(e.message(self.ctx.language))
            return
        self._done(c, self.tr("Retired"))

    # --- the room list -------------------------------------------------------------------------------------

    def import_rooms(self) -> None:
        if not self.may_write:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import rooms from Excel"), "", self.tr("Room lists (*.xlsx *.xls *.ods *.et *.csv *.txt)")
        )
        if name:
            self.preview_file(Path(name))

    def preview_file(self, path: Path) -> ImportPreviewDialog | None:
        try:
            with self.ctx.sessions() as s:
                preview = read_room_list(s, path)
        except DomainError as e:
            self._say(e.message(self.ctx.language))
            return None
        dialog = ImportPreviewDialog(preview, path.name, self.ctx.language, self)

        def apply() -> None:
            with self.ctx.sessions() as s:
                added, changed = apply_room_list(s, self.ctx.user, preview)
            text = " · ".join((self.tr("%n room(s) added", "", added), self.tr("%n changed", "", changed)))
            self._done(self.chosen(), text)

        dialog.apply = apply
        self.dialog = dialog
        dialog.open()
        return dialog


def _fit_headers(header: QHeaderView, columns: int) -> None:
    """Columns at least as wide as their title, as the theme shows it (in capitals, with its padding)."""
    metrics = header.fontMetrics()
    model = header.model()
    for c in range(columns):
        title = str(model.headerData(c, Qt.Orientation.Horizontal) or "").upper()
        header.resizeSection(c, max(header.sectionSize(c), metrics.horizontalAdvance(title) + 40))


def _day(day: object) -> str:
    return day.isoformat() if day is not None and hasattr(day, "isoformat") else ""


def _next_number(number: str) -> str:
    """301 after 300, A-110 after A-109: the last digits plus one, as long as they were."""
    head = number.rstrip("0123456789")
    digits = number[len(head) :]
    if not digits:
        return number
    return head + str(int(digits) + 1).zfill(len(digits))
