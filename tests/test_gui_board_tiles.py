"""What a room tile shows (views/room_board.py's TileDelegate), read from the painter's calls: the number in
full however narrow the tile, the occupant and day N/M, the release date on a wide tile, the state of an
empty room; the fonts and pens the delegate keeps for every tile do not leak from one tile to the next; a tile
drawn once is painted again from what was kept while the room shows the same, and drawn anew when it changes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from models.reads.board import BoardOccupant, BoardRoom
from models.store.orm import RoomState, RoomType
from views.room_board import BoardModel, RoomBoardView, TileDelegate

TODAY = date(2026, 11, 23)


class Recording(QPainter):
    """A painter that keeps every text it is asked to draw, with the font it was drawn in."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[tuple[str, float, QRect]] = []

    def drawText(self, *args) -> None:  # type: ignore[no-untyped-def, override]
        rect, _flags, text = args
        self.texts.append((text, self.font().pointSizeF(), QRect(rect)))
        super().drawText(*args)


def room(number: str, *occupants: str, state: RoomState = RoomState.OCCUPIED) -> BoardRoom:
    people = [BoardOccupant(i + 1, name, 3, 7, date(2026, 11, 27), False) for i, name in enumerate(occupants)]
    return BoardRoom(1, 1, "A栋", 1, "3F", number, RoomType.SINGLE, 1, state, None, people)


def painted(qapp, tile: BoardRoom, width: int) -> list[tuple[str, float, QRect]]:
    model = BoardModel()
    model.set_rooms([tile], TODAY)
    view = RoomBoardView()
    view.setModel(model)
    delegate = view.itemDelegate()
    assert isinstance(delegate, TileDelegate)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, width, 64)
    image = QImage(width, 64, QImage.Format.Format_ARGB32)
    painter = Recording(image)
    try:
        delegate.draw(painter, option.rect, tile, False, option.font)
        delegate.draw(painter, option.rect, tile, False, option.font)  # twice: what the first changed stays there
    finally:
        painter.end()
    half = len(painter.texts) // 2
    assert painter.texts[:half] == painter.texts[half:]
    view.deleteLater()
    return painter.texts[:half]


def test_a_wide_tile_shows_number_day_name_and_release(qapp):
    texts = [t for t, _size, _rect in painted(qapp, room("301", "张三"), 132)]
    assert texts == ["301", "3/7", "张三", "→ 11-27"]


@pytest.mark.parametrize("number", ["301", "A-1203", "B座-10086"])
def test_a_narrow_tile_shows_the_whole_room_number_in_a_font_that_fits(qapp, number):
    drawn = painted(qapp, room(number, "欧阳明月"), 44)
    text, size, rect = drawn[0]
    assert text == number  # never elided
    view_font = RoomBoardView().font()
    view_font.setBold(True)
    view_font.setPointSizeF(size)
    assert QFontMetrics(view_font).horizontalAdvance(number) <= rect.width() or size <= 6
    assert [t for t, *_ in drawn[1:]][-1] == "3/7"  # the day under the (elided) name


def test_an_empty_room_says_its_state_when_it_fits(qapp):
    from views.labels import state_label

    texts = [t for t, *_ in painted(qapp, room("305", state=RoomState.AVAILABLE), 132)]
    assert texts == ["305", state_label(RoomState.AVAILABLE)]
    shown_number, label = [t for t, *_ in painted(qapp, room("306", state=RoomState.AWAITING_DISINFECTION), 132)]
    whole = state_label(RoomState.AWAITING_DISINFECTION)
    assert shown_number == "306"
    assert label == whole or (label.endswith("…") and whole.startswith(label[:-1]))  # elided, never cut mid-tile


def test_an_unchanged_room_is_painted_from_the_kept_tile_and_a_changed_one_drawn_anew(qapp):
    model = BoardModel()
    view = RoomBoardView()
    view.setModel(model)
    delegate = view.itemDelegate()
    assert isinstance(delegate, TileDelegate)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, 132, 64)

    def paint(tile: BoardRoom) -> tuple[list[str], QImage]:
        model.set_rooms([tile], TODAY)
        image = QImage(132, 64, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = Recording(image)
        try:
            delegate.paint(painter, option, model.index(0, 0))
        finally:
            painter.end()
        return [t for t, *_ in painter.texts], image

    def direct(tile: BoardRoom) -> QImage:
        image = QImage(132, 64, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        delegate.draw(painter, option.rect, tile, False, option.font)
        painter.end()
        return image

    def same(a: QImage, b: QImage) -> bool:  # a kept tile is blended once more: edges may differ by a unit or two
        return all(
            max(abs(x - y) for x, y in zip(a.pixelColor(i, j).getRgb(), b.pixelColor(i, j).getRgb(), strict=True)) <= 3
            for i in range(a.width())
            for j in range(a.height())
        )

    first, image = paint(room("301", "Zhang San"))
    assert first == []  # drawn into the kept tile, not on this painter
    assert same(image, direct(room("301", "Zhang San")))
    again, image = paint(room("301", "Zhang San"))  # a reload: new objects, the same room
    assert again == [] and same(image, direct(room("301", "Zhang San")))
    _texts, image = paint(room("301", "Li Si"))
    assert same(image, direct(room("301", "Li Si"))) and not same(image, direct(room("301", "Zhang San")))
    feverish = room("301", "Li Si")
    feverish.fever = True
    _texts, image = paint(feverish)
    assert same(image, direct(feverish)) and not same(image, direct(room("301", "Li Si")))
    kept = len(delegate._tiles)
    assert kept == 3
    view.deleteLater()
