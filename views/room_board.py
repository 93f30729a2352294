"""The room board: every room as a coloured tile, one row per floor.

A QTableView over a floor × room-slot model with a painting delegate: no widget per room,
only visible tiles are painted, and arrow keys, Home/End and PageUp/PageDown work as in any
table. Tiles show the room number, the occupant, day N of M and the planned release date; they
narrow to fit the width (a whole floor of 25 rooms at 1600 px: number, name and day N/M, the rest in
the tooltip). A legend says what each colour means.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from models.reads.board import BoardRoom, state_counts
from models.store.orm import RoomState
from ui import palette

from .labels import state_label

ROOM_ROLE = Qt.ItemDataRole.UserRole + 1
TILE = QSize(132, 64)  # a tile at its widest: number, day N/M, names, release date
MIN_TILE_WIDTH = 44  # narrower tiles (a whole floor of 25 rooms at 1600 px): number, name, day N/M
COMPACT_BELOW = 100  # tiles narrower than this show the compact layout (the release date is in the tooltip)
TILE_CACHE_BYTES = 24 * 1024 * 1024  # drawn tiles kept at least (more on a big screen: three screens' worth)

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
        self._present = self._fever = 0
        self._counts: dict[int | None, Counter[RoomState]] = {None: Counter()}
        self._columns = 0
        self.today = date.min  # no day until set_rooms gives the site's (the model never reads the clock)
        self._filter: tuple[int | None, int | None, RoomState | str | None] = (None, None, None)

    # --- data in ------------------------------------------------------------------------------
    def set_rooms(self, rooms: list[BoardRoom], today: date) -> None:
        self._all, self.today = rooms, today
        present = fever = 0  # the counts line asks for these at every filter: counted once, in one pass
        for r in rooms:
            present += len(r.occupants)
            fever += r.fever
        self._present, self._fever = present, fever
        self._counts = state_counts(rooms)  # of every room, whatever the filter
        self._rebuild()

    def set_filter(self, building_id: int | None, floor_id: int | None, state: RoomState | str | None) -> None:
        """state may be a RoomState (or its value, as item data returns it) or "fever"."""
        if isinstance(state, str) and state != "fever":
            state = RoomState(state)
        if (building_id, floor_id, state) == self._filter:
            return  # the same rooms (the window sets its filters while it is built)
        self._filter = (building_id, floor_id, state)
        self._rebuild()

    def _rebuild(self) -> None:
        building_id, floor_id, state = self._filter
        self.beginResetModel()
        rows: dict[int, FloorRow] = {}
        filtered = building_id is not None or floor_id is not None or state is not None
        for r in self._all:
            if filtered and not self._shown(r):
                continue
            row = rows.get(r.floor_id)
            if row is None:
                row = rows[r.floor_id] = FloorRow(r.floor_id, r.building_id, f"{r.building} {r.floor}", [])
            row.rooms.append(r)
        self._rows = list(rows.values())
        self._columns = max((len(r.rooms) for r in self._rows), default=0)
        self.endResetModel()

    def _shown(self, r: BoardRoom) -> bool:
        """Whether the filter keeps room ``r``."""
        building_id, floor_id, state = self._filter
        if building_id is not None and r.building_id != building_id:
            return False
        if floor_id is not None and r.floor_id != floor_id:
            return False
        if state == "fever" and not r.fever:
            return False
        return not (isinstance(state, RoomState) and r.state is not state)

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
        return self._present

    def fever_rooms(self) -> int:
        return self._fever

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


_LEFT_TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_RIGHT_TOP = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
_LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_LEFT_BOTTOM = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
_MARKED = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus
_ELIDE = Qt.TextElideMode.ElideRight


class TileDelegate(QStyledItemDelegate):
    """Paints one room tile: colour by state (red for a fever alert), number, occupant, day N/M, release.

    A board repaints hundreds of tiles at a time: the pens, the bold and regular fonts and their metrics
    are made once (a font once per base font the view gives), not once a tile, and a drawn tile is kept
    (by everything it shows) for the next paint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pens = {colour.name(): QPen(colour.darker(130), 1) for colour in (*STATE_COLOURS.values(), FEVER_COLOUR)}
        self._marked_pen = QPen(QColor(palette.ACCENT), 3)
        self._text_colour = QColor(palette.TEXT)
        self._fonts: dict[str, tuple[QFont, QFont, QFontMetrics, QFontMetrics]] = {}
        self._tiles: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()  # drawn tiles, by what they show
        self._bytes = 0
        self._limit = TILE_CACHE_BYTES

    def _fonts_of(self, base: QFont) -> tuple[QFont, QFont, QFontMetrics, QFontMetrics]:
        """(bold, regular, their metrics) of the view's font."""
        key = base.key()
        got = self._fonts.get(key)
        if got is None:
            bold, regular = QFont(base), QFont(base)
            bold.setBold(True)
            regular.setBold(False)
            got = self._fonts[key] = (bold, regular, QFontMetrics(bold), QFontMetrics(regular))
        return got

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return TILE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        room: BoardRoom | None = index.data(ROOM_ROLE)
        if room is None:
            return
        full: QRect = option.rect
        marked = bool(option.state & _MARKED)  # selected or with the focus
        font: QFont = option.font
        device = painter.device()
        ratio = device.devicePixelRatioF()
        # room for three screens of tiles, whatever the screen (a 4K board at a ratio of 2 shows hundreds)
        self._limit = max(TILE_CACHE_BYTES, 3 * device.width() * device.height() * int(ratio * ratio) * 4)
        # Everything the tile shows is in its key: an unchanged room is drawn from the tile kept at the last
        # paint (a board reloads after every change, and nearly every room is as it was).
        key = (
            full.width(),
            full.height(),
            ratio,
            marked,
            font.key(),
            room.state,
            room.fever,
            room.number,
            tuple((o.name, o.day_n, o.days_total, o.planned_release) for o in room.occupants),
            "" if room.occupants else state_label(room.state),  # the language may change
        )
        tile = self._tiles.get(key)
        if tile is None:
            tile = QPixmap(round(full.width() * ratio), round(full.height() * ratio))
            tile.setDevicePixelRatio(ratio)
            tile.fill(Qt.GlobalColor.transparent)
            tiles = QPainter(tile)
            try:
                self.draw(tiles, QRect(0, 0, full.width(), full.height()), room, marked, font)
            finally:
                tiles.end()
            self._keep(key, tile)
        else:
            self._tiles.move_to_end(key)
        painter.drawPixmap(full.topLeft(), tile)

    def _keep(self, key: tuple[object, ...], tile: QPixmap) -> None:
        """Keep ``tile``, the least recently painted tiles leaving past the limit (three screens' worth)."""
        self._tiles[key] = tile
        self._bytes += tile.width() * tile.height() * 4
        while self._bytes > self._limit and len(self._tiles) > 1:
            _key, old = self._tiles.popitem(last=False)
            self._bytes -= old.width() * old.height() * 4

    def draw(self, painter: QPainter, full: QRect, room: BoardRoom, marked: bool, font: QFont) -> None:
        """Draw ``room``'s tile in ``full``: the colour of its state (red for a fever alert), its number, and
        the occupants with day N/M and the release date, or the state of an empty room."""
        painter.save()
        compact = full.width() < COMPACT_BELOW
        gap = 2 if compact else 3
        rect = full.adjusted(gap, gap, -gap, -gap)
        colour = FEVER_COLOUR if room.fever else STATE_COLOURS[room.state]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(colour)
        painter.setPen(self._marked_pen if marked else self._pens[colour.name()])
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(self._text_colour)
        bold, regular, bold_metrics, metrics = self._fonts_of(font)
        painter.setFont(bold)
        inner = rect.adjusted(2, 2, -2, -2) if compact else rect.adjusted(6, 3, -6, -3)
        if compact:
            self._paint_compact(painter, inner, room, bold, bold_metrics, regular, metrics)
            painter.restore()
            return
        painter.drawText(inner, _LEFT_TOP, room.number)
        painter.setFont(regular)
        if room.occupants:
            first = room.occupants[0]
            painter.drawText(inner, _RIGHT_TOP, f"{first.day_n}/{first.days_total}")
            names = "、".join(o.name for o in room.occupants)
            painter.drawText(inner, _LEFT_MIDDLE, metrics.elidedText(names, _ELIDE, inner.width()))
            painter.drawText(inner, _LEFT_BOTTOM, "→ " + first.planned_release.strftime("%m-%d"))
        else:
            label = metrics.elidedText(state_label(room.state), _ELIDE, inner.width())
            painter.drawText(inner, _LEFT_BOTTOM, label)
        painter.restore()

    @staticmethod
    def _paint_compact(
        painter: QPainter,
        inner: QRect,
        room: BoardRoom,
        bold: QFont,
        bold_metrics: QFontMetrics,
        regular: QFont,
        metrics: QFontMetrics,
    ) -> None:
        """A narrow tile (a whole floor on one screen): the number, the occupants' names and day N/M, or the
        state of an empty room when it fits (the colour and the legend say it anyway); the rest is in the
        tooltip."""
        width = inner.width()
        if bold_metrics.horizontalAdvance(room.number) > width:  # the number in full, whatever the tile's width
            font = QFont(bold)
            while font.pointSizeF() > 6 and QFontMetrics(font).horizontalAdvance(room.number) > width:
                font.setPointSizeF(font.pointSizeF() - 0.5)
            painter.setFont(font)
            painter.drawText(inner, _LEFT_TOP, room.number)
            small = QFont(font)
            small.setBold(False)
            painter.setFont(small)
            metrics = painter.fontMetrics()
        else:
            painter.drawText(inner, _LEFT_TOP, room.number)
            painter.setFont(regular)
        if room.occupants:
            first = room.occupants[0]
            names = "、".join(o.name for o in room.occupants)
            painter.drawText(inner, _LEFT_MIDDLE, metrics.elidedText(names, _ELIDE, width))
            day = f"{first.day_n}/{first.days_total}"
            painter.drawText(inner, _LEFT_BOTTOM, metrics.elidedText(day, _ELIDE, width))
        elif metrics.horizontalAdvance(label := state_label(room.state)) <= width:  # else the colour says it
            painter.drawText(inner, _LEFT_BOTTOM, label)


class BoardLegend(QWidget):
    """What each tile colour means: the room states and the fever alert, as on the tiles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, QColor]] = [(state_label(st), STATE_COLOURS[st]) for st in RoomState]
        self.items.append((self.tr("Fever alert"), FEVER_COLOUR))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for text, colour in self.items:
            chip = QLabel(self)
            chip.setFixedSize(16, 16)
            chip.setStyleSheet(
                f"background-color: {colour.name()}; border: 1px solid {colour.darker(130).name()}; border-radius: 3px;"
            )
            layout.addWidget(chip)
            label = QLabel(text, self)
            layout.addWidget(label)
            layout.addSpacing(8)
        self.setAccessibleName(self.tr("Colour legend"))


class RoomBoardView(QTableView):
    """The board widget. Emits room_activated(room_id) on double-click or Enter.

    Tiles narrow to fit the width (down to MIN_TILE_WIDTH): a whole floor shows without scrolling sideways.
    ``legend`` is the board's colour legend, for the screen to place beside it."""

    room_activated = Signal(int)

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.legend = BoardLegend()  # no parent until the screen puts it in a layout: never drawn over the tiles
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
        self._label_font, self._label_widths = "", dict[str, int]()

    def setModel(self, model) -> None:  # type: ignore[no-untyped-def]
        super().setModel(model)
        model.modelReset.connect(self._fit_header)
        self._fit_header()

    def _fit_tiles(self) -> None:
        """As wide as TILE when there is room, narrower (to MIN_TILE_WIDTH) so the widest floor fits the
        width; the vertical scroll bar's width is kept free so its coming and going changes nothing."""
        model = self.model()
        columns = model.columnCount() if model is not None else 0
        free = self.width() - 2 * self.frameWidth() - self.verticalHeader().width()
        free -= self.verticalScrollBar().sizeHint().width()
        width = TILE.width() if columns == 0 else max(MIN_TILE_WIDTH, min(TILE.width(), free // columns))
        header = self.horizontalHeader()
        if header.defaultSectionSize() != width:
            header.setDefaultSectionSize(width)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._fit_tiles()

    def _fit_header(self) -> None:
        """Floor labels in full: the themed header font is wider than Qt's size hint assumes."""
        model, header = self.model(), self.verticalHeader()
        font = header.font()
        font.setBold(True)
        if font.key() != self._label_font:  # the widths of the labels met so far, in the header's font
            self._label_font, self._label_widths = font.key(), {}
        metrics, widths = QFontMetrics(font), self._label_widths
        width: int | None = None
        for r in range(model.rowCount()):
            for line in str(model.headerData(r, Qt.Orientation.Vertical) or "").splitlines():
                got = widths.get(line)
                if got is None:
                    got = widths[line] = metrics.horizontalAdvance(line.upper())
                width = got if width is None else max(width, got)
        width = 60 if width is None else width
        header.setFixedWidth(int(width * 1.3) + 32)
        self._fit_tiles()

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
