"""Numbers as people type them into a form."""

from __future__ import annotations


def whole_number(value: object) -> int | None:
    """``value`` as a whole number (an int, or text of one with blanks around), else None; a bool is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        return None
