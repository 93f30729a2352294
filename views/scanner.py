"""A USB barcode scanner types like a keyboard: fast keys ending with Enter. Catch stay codes anywhere.

Printed sheets and door cards carry QR codes ``ISODESK:STAY:<id>``. Keys that arrive within a few
milliseconds of each other and end with Enter are read as a scan; a person typing is never that fast.
The gaps come from an injectable monotonic function (``models.clock.monotonic`` by default; the
AppContext's in the app), so tests never depend on real timing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QWindow

from models import clock

CODE = re.compile(r"^ISODESK:STAY:(\d+)$")
MAX_GAP = 0.03  # seconds between keys of one scan


def stay_code(stay_id: int) -> str:
    return f"ISODESK:STAY:{stay_id}"


class ScanListener(QObject):
    stay_scanned = Signal(int)

    def __init__(self, parent: QObject | None = None, monotonic: Callable[[], float] = clock.monotonic) -> None:
        super().__init__(parent)
        self.monotonic = monotonic
        self.buffer = ""
        self.last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # installed on the application: count each key once, when it reaches the window
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or not isinstance(watched, QWindow):
            return False
        now = self.monotonic()
        if now - self.last > MAX_GAP:
            self.buffer = ""
        self.last = now
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            match = CODE.match(self.buffer)
            self.buffer = ""
            if match:
                self.stay_scanned.emit(int(match.group(1)))
                return True  # the Enter of a scan must not press a default button
            return False
        self.buffer += event.text()
        return False
