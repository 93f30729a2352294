"""Colours with a meaning, one place for all screens (hex strings; views wrap them in QColor).

Light fills for backgrounds keep black text readable; the strong tones are for text and lines.
"""

from __future__ import annotations

# backgrounds of a state or a verdict
OK = "#c8e6c9"  # available room, valid row
OK_LIGHT = "#e8f5e9"  # negative swab, normal reading, matched row
INFO = "#bbdefb"  # occupied room
WARN = "#fff9c4"  # warning row, pending result
PENDING = "#ffe0b2"  # awaiting disinfection, duplicate row
ALERT = "#ffcdd2"  # fever, positive, invalid row, unmatched; the temperature cell of a fever reading
ALERT_LIGHT = "#ffebee"  # the rest of a fever reading's row in the rounds
FEVER = "#ef9a9a"  # a room with an open fever alert, on the board
MUTED = "#d7d7d7"  # out of service
MUTED_LIGHT = "#eeeeee"  # skipped row, not measured

# text and lines
TEXT = "#212121"
TEXT_SECONDARY = "#616161"
TEXT_HINT = "#757575"
GRID = "#9e9e9e"
ACCENT = "#1565c0"  # focus, the temperature curve
DANGER = "#d32f2f"  # the fever threshold line, a fever point
GOOD_TEXT = "#2e7d32"  # ready for release
BAD_TEXT = "#c62828"  # not ready

# the themes' text (ui/theme.py): labels, card titles, status messages, links
LINK = "#0d47a1"  # a link on the light theme
TEXT_ON_DARK = "#f5f5f5"  # text on the dark theme
LINK_ON_DARK = "#82b1ff"  # a link on the dark theme (the theme's dark blue is unreadable there)
DARK_BACKGROUND = "#232629"  # the dark theme's background (qt-material dark_blue), for contrast checks
LIGHT_BACKGROUND = "#f5f5f5"  # the light theme's background (qt-material light_blue)
SELECTED_ON_DARK = "#1565c0"  # a chosen item in a drop-down list on the dark theme, white text on it
