"""The room board and the look every screen shares, in the real theme: a whole floor at 1600 px, the colour
legend, drop-downs as wide as their items, readable links and titles on the dark theme."""

from datetime import datetime

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from models.demo.builder import build_demo
from models.store.orm import RoomState
from tests.conftest import TZ
from ui import palette, theme
from views.main_window import MainWindow
from views.room_board import FEVER_COLOUR, STATE_COLOURS, state_label

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=TZ)


@pytest.fixture
def themed(qapp, tmp_path, monkeypatch, app_settings):
    """The app as it starts: font and the light theme (applied once per process, as the app does)."""
    from resources import FONT_FAMILY
    from views.application import apply_theme, make_app

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    make_app(theme=True, settings=app_settings)
    if theme.stylesheet_additions(False) not in qapp.styleSheet():  # styled without the theme by an earlier test
        apply_theme(qapp, FONT_FAMILY)
    return qapp


@pytest.fixture
def demo(engine, clock):
    clock.set(NOW)
    build_demo(engine, rooms=300, days=3, seed=5, now=NOW)  # 12 floors of 25 rooms
    return engine


def open_window(qtbot, ctx, width=1600, height=900):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("board")
    QApplication.processEvents()
    return window


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_whole_floor_of_25_rooms_shows_at_1600_px(themed, qtbot, demo, make_app_context, desk, language):
    window = open_window(qtbot, make_app_context(desk, language))
    board, model = window.board, window.model
    assert window.width() == 1600 and model.columnCount() == 25
    last = model.columnCount() - 1
    assert board.columnViewportPosition(last) + board.columnWidth(last) <= board.viewport().width()
    assert board.horizontalScrollBar().maximum() == 0  # nothing to scroll to sideways
    for row in range(model.rowCount()):
        assert board.visualRect(model.index(row, last)).right() < board.viewport().width()
    window.resize(4200, 900)  # room to spare: tiles at their full width, never wider
    QApplication.processEvents()
    assert board.columnWidth(0) == 132


def test_the_legend_names_every_room_state_and_the_fever(themed, qtbot, demo, app_context):
    window = open_window(qtbot, app_context)
    legend = window.board.legend
    assert legend.isVisibleTo(window) and legend.window() is window  # on the board page, not over the tiles
    expected = [(state_label(st), STATE_COLOURS[st]) for st in RoomState] + [("发热预警", FEVER_COLOUR)]
    assert legend.items == expected
    shown = [label.text() for label in legend.findChildren(QLabel) if label.text()]
    assert shown == [text for text, _colour in expected]  # in Chinese, through the translations
    assert "待消毒" in shown


def edit_field_width(combo: QComboBox, width: int | None = None) -> int:
    """The width a combo box leaves its text (at its width, or at ``width``), the theme's padding and
    drop-down arrow taken off."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    if width is not None:
        option.rect.setWidth(width)
    rect = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return rect.width()


def layout_minimum(combo: QComboBox) -> int:
    """How narrow a layout may squeeze the combo box (a crowded row, a small screen), as Qt's layouts decide."""
    shrinks = combo.sizePolicy().horizontalPolicy().value & QSizePolicy.PolicyFlag.ShrinkFlag.value
    least = combo.minimumSizeHint().width()
    return max(least if shrinks else max(least, combo.sizeHint().width()), combo.minimumWidth())


def clipped(window: QWidget) -> list[str]:
    found = []
    for combo in window.findChildren(QComboBox):
        if not combo.isVisibleTo(window) or combo.count() == 0:
            continue
        ink = combo.fontMetrics().boundingRect  # what is drawn of a text, as Qt measures an item
        longest = max((combo.itemText(i) for i in range(combo.count())), key=lambda t: ink(t).width())
        if min(edit_field_width(combo), edit_field_width(combo, layout_minimum(combo))) < ink(longest).width():
            found.append(longest)
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_drop_down_is_as_wide_as_its_longest_item(themed, qtbot, demo, make_app_context, desk, language):
    """As shown and at the narrowest a layout may squeeze it (a crowded row, a small screen), no drop-down cuts
    its items: Qt measured a combo box once, often before its items were loaded ("1号楼 10F" read "1号楼 1")."""
    window = open_window(qtbot, make_app_context(desk, language), width=1400, height=860)
    window.building.setCurrentIndex(1)  # the floors of that building come now, after the first show
    QApplication.processEvents()
    assert window.floor.count() > 4
    problems = {"board": clipped(window)}
    for key in ("today", "occupants", "rounds", "swabs", "reports", "settings", "users", "audit"):
        window.show_page(key)  # the pages load their lists when first shown
        QApplication.processEvents()
        problems[key] = clipped(window)
    assert problems == {key: [] for key in problems}
    floors = window.rounds_page.floor
    assert any("10F" in floors.itemText(i) for i in range(floors.count()))


def test_the_screens_row_and_cell_colours_show_through_the_theme(themed, qtbot):
    """A fever cell, a positive result, a row that will not import: the theme must not paint them over."""
    table = QTableWidget(2, 2)
    qtbot.addWidget(table)
    fever = QTableWidgetItem("38.5")
    fever.setBackground(QColor(palette.ALERT))
    table.setItem(0, 1, fever)
    table.setItem(0, 0, QTableWidgetItem("plain"))
    table.resize(400, 200)
    table.show()
    qtbot.waitExposed(table)
    image = table.viewport().grab().toImage()
    rect = table.visualItemRect(fever)
    assert image.pixelColor(rect.right() - 3, rect.bottom() - 3) == QColor(palette.ALERT)
    plain = table.visualItemRect(table.item(0, 0))
    assert image.pixelColor(plain.right() - 3, plain.bottom() - 3) != QColor(palette.ALERT)


def contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("dark", "background"), [(True, palette.DARK_BACKGROUND), (False, palette.LIGHT_BACKGROUND)])
def test_links_titles_and_status_texts_are_readable_on_both_themes(qapp, dark, background):
    links = theme.themed_palette(QPalette(), dark)
    for role in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):
        assert contrast(links.color(role), QColor(background)) >= 4.5  # WCAG AA for text
    text = palette.TEXT_ON_DARK if dark else palette.TEXT
    assert contrast(QColor(text), QColor(background)) >= 7
    rules = theme.stylesheet_additions(dark)
    for selector in ("QLabel {", "QGroupBox::title {", "QStatusBar, QStatusBar QLabel {", 'QLabel[role="status"] {'):
        assert f"{selector} color: {text};" in rules  # card titles, status bar and messages in the text colour
    if dark:  # the chosen language in the drop-down list: white on dark blue, not white on light blue
        assert contrast(QColor("#ffffff"), QColor(palette.SELECTED_ON_DARK)) >= 4.5
        assert palette.SELECTED_ON_DARK in rules


def test_a_status_message_is_larger_and_in_the_text_colour(qapp):
    page = QWidget()
    page.setStyleSheet(theme.stylesheet_additions(False))
    plain, status = QLabel("x", page), theme.mark_status(QLabel("saved", page))
    page.ensurePolished()
    for label in (plain, status):
        label.ensurePolished()
    assert status.font().pixelSize() == 14 and plain.font().pixelSize() != 14
    assert status.palette().color(QPalette.ColorRole.WindowText) == QColor(palette.TEXT)
