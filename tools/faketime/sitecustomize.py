"""Loaded by every Python process of the test suite's year-ahead pass (``tools/run.sh`` puts this folder
on PYTHONPATH under ``faketime``).

libfaketime 0.9.10 (Debian 12) with FAKETIME_DONT_FAKE_MONOTONIC=1 fakes only the calendar clock, as the
pass wants, but its ``clock_nanosleep`` wrapper shifts the *monotonic* absolute deadline that CPython
3.11's ``time.sleep`` passes, which the kernel then refuses (EINVAL): every ``time.sleep``, and so every
``subprocess.run(timeout=...)``, fails. Faking the monotonic clock too is worse (timed waits on locks
hang). So here ``time.sleep`` waits in ``select`` instead, which libfaketime leaves alone. Nothing in
IsoDesk itself is changed: this file exists only on the test pass's path.
"""

from __future__ import annotations

import os
import select
import time

if "faketime" in os.environ.get("LD_PRELOAD", ""):
    _monotonic = time.monotonic

    def _sleep(seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        end = _monotonic() + seconds
        while (left := end - _monotonic()) > 0:
            select.select([], [], [], left)

    time.sleep = _sleep
