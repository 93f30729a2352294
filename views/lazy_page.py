"""A page of the main window made the first time it is shown or asked for, not while the desk waits for the
board after the password: most pages (the roster, the supplies, the audit trail …) are not opened in a shift,
and each costs its widgets, its style and its drop-downs to build."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.theme import fit_combo_boxes

P = TypeVar("P", bound=QWidget)


class LazyPage(QWidget, Generic[P]):
    """Stands in the window's stack for a page; ``page()`` makes it (``make(parent)``: the page, its signals
    connected) inside itself, once. Shown, it makes it: the page's own showEvent follows as it would."""

    def __init__(self, make: Callable[[QWidget], P], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make
        self._page: P | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> P:
        if self._page is None:
            self._page = self._make(self)  # made in place: re-parenting under the style sheet costs it again
            fit_combo_boxes(self._page)
            self._layout.addWidget(self._page)
            if self.isVisible():  # shown now, not when the layout's queued show comes: its lists load at once
                self._page.show()
        return self._page

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.page()
        super().showEvent(event)
