"""The room board: every room as a coloured tile, one row per floor.

A QTableView over a floor × room-slot model with a painting delegate: no widget per room,
only visible tiles are painted, and arrow keys, Home/End and PageUp/PageDown work as in any
table. Tiles show the room number, the occupant, day N of M and the planned release date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from models.reads.board import BoardRoom, state_counts
from models.store.orm import RoomState
from ui import palette

ROOM_ROLE = Qt.ItemDataRole.UserRole + 1
TILE = QSize(132, 64)

STATE_COLOURS = {
    RoomState.AVAILABLE: QColor(palette.OK),
    RoomState.OCCUPIED: QColor(palette.INFO),
    RoomState.AWAITING_DISINFECTION: QColor(palette.PENDING),
    RoomState.OUT_OF_SERVICE: QColor(palette.MUTED),
}
FEVER_COLOUR = QColor(palette.FEVER)

Index = QModelIndex | QPersistentModelIndex


@dataclass
class FloorRow:
    floor_id: int
    building_id: int
    label: str
    rooms: list[BoardRoom]


class BoardModel(QAbstractTableModel):
    """Rows are floors, columns are room positions on the floor. Data comes from models.reads.board."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[FloorRow] = []
        self._all: list[BoardRoom] = []
        self._columns = 0
        self.today = date.min  # no day until set_rooms gives the site's (the model never reads the clock)
        self._filter: tuple[int | None, int | None, RoomState | str | None] = (None, None, None)

    # --- data in ------------------------------------------------------------------------------
    def set_rooms(self, rooms: list[BoardRoom], today: date) -> None:
        self._all, self.today = rooms, today
        self._rebuild()

    def set_filter(self, building_id: int | None, floor_id: int | None, state: RoomState | str | None) -> None:
        """state may be a RoomState (or its value, as item data returns it) or "fever"."""
        if isinstance(state, str) and state != "fever":
            state = RoomState(state)
        self._filter = (building_id, floor_id, state)
        self._rebuild()

    def _rebuild(self) -> None:
        building_id, floor_id, state = self._filter
        self.beginResetModel()
        rows: dict[int, FloorRow] = {}
        for r in self._all:
            if building_id is not None and r.building_id != building_id:
                continue
            if floor_id is not None and r.floor_id != floor_id:
                continue
            if state == "fever" and not r.fever:
                continue
            if isinstance(state, RoomState) and r.state is not state:
                continue
            row = rows.get(r.floor_id)
            if row is None:
                row = rows[r.floor_id] = FloorRow(r.floor_id, r.building_id, f"{r.building} {r.floor}", [])
            row.rooms.append(r)
        self._rows = list(rows.values())
        self._columns = max((len(r.rooms) for r in self._rows), default=0)
        self._counts = state_counts(self._all)
        self.endResetModel()

    # --- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def room_at(self, index: Index) -> BoardRoom | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        rooms = self._rows[index.row()].rooms
        return rooms[index.column()] if index.column() < len(rooms) else None

    def index_of_room(self, room_id: int) -> QModelIndex:
        for r, row in enumerate(self._rows):
            for c, room in enumerate(row.rooms):
                if room.room_id == room_id:
                    return self.index(r, c)
        return QModelIndex()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.room_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        room = self.room_at(index)
        if room is None:
            return None
        if role == ROOM_ROLE:
            return room
        if role == Qt.ItemDataRole.DisplayRole:
            return room.number
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(room)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{room.number} {state_label(room.state)} " + " ".join(o.name for o in room.occupants)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and section < len(self._rows):
            row = self._rows[section]
            c = self._counts.get(row.floor_id, {})
            return f"{row.label}\n" + self.tr("occ {0} · free {1}\ndis {2} · oos {3}").format(
                c.get(RoomState.OCCUPIED, 0),
                c.get(RoomState.AVAILABLE, 0),
                c.get(RoomState.AWAITING_DISINFECTION, 0),
                c.get(RoomState.OUT_OF_SERVICE, 0),
            )
        return None

    def site_counts(self) -> dict[RoomState, int]:
        return dict(self._counts.get(None, {}))

    def room_by_id(self, room_id: int) -> BoardRoom | None:
        return next((r for r in self._all if r.room_id == room_id), None)

    def present_count(self) -> int:
        return sum(len(r.occupants) for r in self._all)

    def fever_rooms(self) -> int:
        return sum(1 for r in self._all if r.fever)

    def _tooltip(self, room: BoardRoom) -> str:
        lines = [f"{room.building} {room.floor} {room.number} · {state_label(room.state)}"]
        if room.oos_reason:
            lines.append(room.oos_reason)
        for o in room.occupants:
            lines.append(
                self.tr("{0}: day {1} of {2}, release {3}").format(
                    o.name, o.day_n, o.days_total, o.planned_release.strftime("%m-%d")
                )
            )
        return "\n".join(lines)


def state_label(state: RoomState) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        RoomState.AVAILABLE: QCoreApplication.translate("RoomState", "Available"),
        RoomState.OCCUPIED: QCoreApplication.translate("RoomState", "Occupied"),
        RoomState.AWAITING_DISINFECTION: QCoreApplication.translate("RoomState", "Awaiting disinfection"),
        RoomState.OUT_OF_SERVICE: QCoreApplication.translate("RoomState", "Out of service"),
    }
    return labels[state]


class TileDelegate(QStyledItemDelegate):
    """Paints one room tile: colour by state (red for a fever alert), number, occupant, day N/M, release."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return TILE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        room: BoardRoom | None = index.data(ROOM_ROLE)
        if room is None:
            return
        painter.save()
        rect: QRect = option.rect.adjusted(3, 3, -3, -3)  # type: ignore[attr-defined]
        colour = FEVER_COLOUR if room.fever else STATE_COLOURS[room.state]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(colour)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        focus = bool(option.state & QStyle.StateFlag.State_HasFocus)  # type: ignore[attr-defined]
        painter.setPen(QPen(QColor(palette.ACCENT), 3) if selected or focus else QPen(colour.darker(130), 1))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor(palette.TEXT))
        font = QFont(option.font)  # type: ignore[attr-defined]
        font.setBold(True)
        painter.setFont(font)
        inner = rect.adjusted(6, 3, -6, -3)
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, room.number)
        font.setBold(False)
        painter.setFont(font)
        if room.occupants:
            first = room.occupants[0]
            painter.drawText(
                inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, f"{first.day_n}/{first.days_total}"
            )
            names = "、".join(o.name for o in room.occupants)
            painter.drawText(
                inner,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(names, Qt.TextElideMode.ElideRight, inner.width()),
            )
            painter.drawText(
                inner,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                "→ " + first.planned_release.strftime("%m-%d"),
            )
        else:
            label = painter.fontMetrics().elidedText(
                state_label(room.state), Qt.TextElideMode.ElideRight, inner.width()
            )
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, label)
        painter.restore()


class RoomBoardView(QTableView):
    """The board widget. Emits room_activated(room_id) on double-click or Enter."""

    room_activated = Signal(int)

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setItemDelegate(TileDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setShowGrid(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().hide()
        for header, size in ((self.horizontalHeader(), TILE.width()), (self.verticalHeader(), TILE.height())):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(size)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.doubleClicked.connect(self._activate)
        self.setTabKeyNavigation(False)

    def setModel(self, model) -> None:  # type: ignore[no-untyped-def]
        super().setModel(model)
        model.modelReset.connect(self._fit_header)
        self._fit_header()

    def _fit_header(self) -> None:
        """Floor labels in full: the themed header font is wider than Qt's size hint assumes."""
        model, header = self.model(), self.verticalHeader()
        font = header.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        lines = [
            line
            for r in range(model.rowCount())
            for line in str(model.headerData(r, Qt.Orientation.Vertical) or "").splitlines()
        ]
        width = max((metrics.horizontalAdvance(line.upper()) for line in lines), default=60)
        header.setFixedWidth(int(width * 1.3) + 32)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _activate(self, index: QModelIndex) -> None:
        model = self.model()
        room = model.room_at(index) if isinstance(model, BoardModel) else None
        if room is not None:
            self.room_activated.emit(room.room_id)
