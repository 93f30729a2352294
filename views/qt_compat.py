"""Work-arounds for Qt for Python bugs that would crash a desk.

**None's reference count (PySide6/shiboken6 6.12.0 on CPython 3.11).** Every C++ call that returns
nothing (``setText``, ``showMessage``, each ``QPainter`` call of the board's delegate…) and every
``None`` coming back from C++ (``currentData()`` of an "all" item) hands Python ``None`` without a new
reference. On CPython 3.12+ ``None`` is immortal (PEP 683) and that is harmless; on 3.11 each such call
takes one reference away from ``None`` (measured: ``-1`` per ``QObject.setObjectName``, about ``-440``
per repaint of the room board). After enough of them the count reaches zero — most often while the
interpreter finalizes after the exit backup — and CPython aborts with ``Fatal Python error:
none_dealloc: deallocating None``. ``Signal.emit()`` does the same to ``True`` (its return value): about
3,000 emits end in ``bool_dealloc``. :func:`guard_none_refcount` measures both leaks once at import and,
only when there is one, gives ``None``, ``True`` and ``False`` a reference count as large as 3.12 gives
immortal objects.
A PySide6 that is fixed (or Python 3.12+) measures no leak and nothing is changed.
"""

from __future__ import annotations

import sys

IMMORTAL = 1 << 40  # far more references than a desk's session can take away
_state = {"guarded": False, "leak": 0, "true_leak": 0}


def none_leak_per_call() -> int:
    """References to ``None`` one void Qt call takes away (0 when PySide is right)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    calls = 8
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("")
    after = sys.getrefcount(None)
    return max(0, (before - after) // calls)


def true_leak_per_emit() -> int:
    """References to ``True`` one ``Signal.emit()`` takes away (its return value; 0 when PySide is right)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    calls = 8
    before = sys.getrefcount(True)
    for _ in range(calls):
        probe.ping.emit()
    after = sys.getrefcount(True)
    return max(0, (before - after) // calls)


def guard_none_refcount() -> bool:
    """Make ``None`` effectively immortal when this PySide leaks its references (see the module doc).
    Returns True when the guard is on. Idempotent; a no-op on CPython 3.12+ and other interpreters."""
    if _state["guarded"]:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return False  # immortal None already; or a debug build, whose object header differs
    leak, true_leak = none_leak_per_call(), true_leak_per_emit()
    _state["leak"], _state["true_leak"] = leak, true_leak
    if leak <= 0 and true_leak <= 0:
        return False
    import ctypes

    for singleton in (None, True, False):  # Signal.emit() leaks True the same way (3,000 emits abort at exit)
        ctypes.c_ssize_t.from_address(id(singleton)).value += IMMORTAL  # ob_refcnt: every object's first field
    _state["guarded"] = True
    return True


def status() -> str:
    """For the log at start."""
    import PySide6

    if _state["guarded"]:
        return (
            f"PySide6 {PySide6.__version__}: void calls leak {_state['leak']} reference(s) to None, "
            f"emit() {_state['true_leak']} to True; guarded"
        )
    return f"PySide6 {PySide6.__version__}: no None reference leak"
