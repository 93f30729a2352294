"""Chinese UI text, one module per area (so parallel work does not edit one file).

Each module holds `ZH: dict[str, str]` mapping the English source string to its Chinese.
"""

from __future__ import annotations

import importlib
import pkgutil


def all_strings() -> dict[str, str]:
    merged: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        merged.update(importlib.import_module(f"{__name__}.{info.name}").ZH)
    return merged
