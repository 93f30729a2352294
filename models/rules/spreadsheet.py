"""Cells IsoDesk writes into .xlsx files: text stays text, never a formula.

A value that starts with ``= + - @`` (or their full-width forms, or a tab/CR before them) would be
read by Excel or WPS as a formula (``=HYPERLINK(...)`` in a name field of a transfer list, say).
Every .xlsx writer goes through :func:`append_row`: strings are written as text cells, and a
dangerous start gets a leading apostrophe, the spreadsheet's own mark for "this is text".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@")


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet take this text for a formula (after width folding and leading blanks)?"""
    folded = unicodedata.normalize("NFKC", text).lstrip(" \t\r\n\u3000")
    return folded.startswith(FORMULA_START)


def starts_a_formula(text: str) -> bool:
    """A value read from a transfer list that is a formula, however it is dressed (" =…", "＝…");
    a phone written "+86 …" or a dash placeholder is not refused for its sign."""
    return unicodedata.normalize("NFKC", text).lstrip(" \t\r\n\u3000").startswith("=")


def neutral_text(text: str) -> str:
    """The text as it may be written into a cell: dangerous starts prefixed with an apostrophe."""
    return "'" + text if is_formula_like(text) else text


def append_row(ws: Any, values: Iterable[object]) -> None:
    """Append a row to an openpyxl worksheet (normal or write-only) with every string as a text cell."""
    if type(ws).__name__ == "WriteOnlyWorksheet":
        from openpyxl.cell import WriteOnlyCell

        cells: list[object] = []
        for value in values:
            if isinstance(value, str):
                cell = WriteOnlyCell(ws, value=neutral_text(value))
                cell.data_type = "s"
                cells.append(cell)
            else:
                cells.append(value)
        ws.append(cells)
        return
    row = [neutral_text(v) if isinstance(v, str) else v for v in values]
    ws.append(row)
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
