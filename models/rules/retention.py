"""Which backup copies to keep: a pure decision over (copy, when it was taken) and now.

The policy, newest first:
- every copy of the last ``hours`` hours (48), and the newest ``last`` copies (10) however old they are,
  so that a site closed over a weekend still has Friday morning's copies on Monday;
- beyond that, the newest copy of each of the last ``daily`` days that have one (7),
- and the newest copy of each of the last ``weekly`` ISO weeks that have one (4).
Days and weeks are those of the time the copy was taken as its own offset says (the site's wall clock).
Named copies (before an import, before a restore) count like any other: they are only ever dropped past
the recent window, when a newer copy of the same day (or week) stands for that day.

Only a sound copy stands for its day or week: ``sound(copy)`` is asked, newest first, for the copies that
would stand for one (and no others, so a folder of big files is not read through every time). It answers
True (sound), False (damaged: not kept, even when recent, it could restore nothing) or None (cannot tell
now, e.g. locked: kept, and not counted for its day or week).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

C = TypeVar("C", bound=Hashable)

__all__ = ["Retention", "kept"]


@dataclass(frozen=True)
class Retention:
    hours: int = 48  # every copy this recent is kept
    last: int = 10  # and the newest this many, however old
    daily: int = 7  # then the newest of each of the last N days that have a copy
    weekly: int = 4  # and the newest of each of the last M ISO weeks that have a copy


def kept(
    copies: Iterable[tuple[datetime, C]],
    now: datetime,
    policy: Retention = Retention(),
    sound: Callable[[C], bool | None] = lambda _copy: True,
) -> set[C]:
    """The copies the policy keeps, of ``copies`` given as (when taken, aware; the copy). Ties in time
    keep the order given (pass them oldest first). A copy taken after ``now`` (a clock set wrong) is kept."""
    newest_first = [c for _i, c in sorted(enumerate(copies), key=lambda ic: (ic[1][0], ic[0]), reverse=True)]
    recent_since = now - timedelta(hours=policy.hours)
    keep = {copy for i, (when, copy) in enumerate(newest_first) if i < policy.last or when >= recent_since}
    days: dict[object, C] = {}
    weeks: dict[object, C] = {}
    damaged: set[C] = set()
    for when, copy in newest_first:  # the first sound copy seen of a day or week is its newest
        day = when.date()  # in the copy's own offset: the day on the site's calendar
        week = day.isocalendar()[:2]
        for_day = day not in days and len(days) < policy.daily
        for_week = week not in weeks and len(weeks) < policy.weekly
        if not (for_day or for_week):
            continue
        verdict = sound(copy)
        if verdict is None:
            keep.add(copy)
            continue
        if not verdict:
            damaged.add(copy)
            continue
        if for_day:
            days[day] = copy
        if for_week:
            weeks[week] = copy
    return (keep | set(days.values()) | set(weeks.values())) - damaged
