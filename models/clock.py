"""The one place IsoDesk reads the time.

Everything that needs "now" asks this module (or takes a ``now`` argument from a caller that did);
"today" for the site is :func:`site_today`, the calendar day in the *site's* time zone, never the
machine's. Tests pin the clock with :class:`FixedClock`; the command line pins it from ``ISODESK_NOW``
(an ISO instant with its offset, read once at start) so scripts and subprocess tests get one time.

Nothing else in the project may call ``datetime.now``, ``date.today``, ``time.time`` or Qt's
``currentDateTime``: ruff's banned-API rule and ``tests/test_clock.py`` enforce it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

ENV = "ISODESK_NOW"


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, time-zone aware (UTC)."""
        ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def __repr__(self) -> str:
        return "SystemClock()"


class FixedClock:
    """A clock that stands still until told to move (tests, ``ISODESK_NOW``)."""

    def __init__(self, at: datetime) -> None:
        self._at = _aware(at)

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = _aware(at)

    def advance(self, delta: timedelta | None = None, **parts: float) -> datetime:
        """Move forward by ``delta`` or ``timedelta(**parts)``; returns the new instant."""
        self._at += delta if delta is not None else timedelta(**parts)
        return self._at

    def __repr__(self) -> str:
        return f"FixedClock({self._at.isoformat()})"


def _aware(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"a clock needs a time-zone aware instant, not {at!r}")
    return at.astimezone(UTC)


_current: Clock = SystemClock()


def get_clock() -> Clock:
    return _current


def set_clock(clock: Clock) -> Clock:
    """Install ``clock`` for the process; returns the one it replaces."""
    global _current
    previous, _current = _current, clock
    return previous


@contextmanager
def using(clock: Clock) -> Iterator[Clock]:
    previous = set_clock(clock)
    try:
        yield clock
    finally:
        set_clock(previous)


def now() -> datetime:
    """The current instant (UTC, aware) from the installed clock."""
    return _current.now()


def local_date(instant: datetime, tz: str) -> date:
    """The calendar day of ``instant`` in the time zone ``tz`` (the site's)."""
    return instant.astimezone(ZoneInfo(tz)).date()


def site_today(tz: str, at: datetime | None = None) -> date:
    """Today for a site in time zone ``tz``: the one definition of "today" in IsoDesk."""
    return local_date(at if at is not None else now(), tz)


def site_now(tz: str, at: datetime | None = None) -> datetime:
    """The current instant as the site's wall clock shows it (for forms and pre-filled fields)."""
    return (at if at is not None else now()).astimezone(ZoneInfo(tz))


def monotonic() -> float:
    """Seconds from an arbitrary start, for measuring gaps (a scanner's keystrokes), never for dates."""
    return time.monotonic()


def parse_instant(text: str) -> datetime:
    """An ISO instant with its offset (``2026-12-01T08:00+08:00`` or ``…Z``); a naive one is refused."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    at = datetime.fromisoformat(value)
    if at.tzinfo is None:
        raise ValueError(f"{text!r} has no time-zone offset")
    return at


def from_env(environ: Mapping[str, str] | None = None) -> Clock:
    """The clock the command line runs on: ``ISODESK_NOW`` pinned, else the system clock."""
    value = (os.environ if environ is None else environ).get(ENV, "").strip()
    return FixedClock(parse_instant(value)) if value else SystemClock()
