"""Dates as people type them at the desk or write them on a transfer list: one parser for both.

Accepted: ``2026-11-29``, ``2026/11/29``, ``2026.11.29``, ``20261129``, ``2026年11月29日``, a day of the
year without the year (``11-29``, ``11.29``, ``11月29日``; the occurrence nearest to today), and
``今天`` / ``昨天`` / ``前天`` (``today`` / ``yesterday``); for a date-time, an optional time after it
(``2026-11-29 20:00``, ``11-29 8:30``, ``14时30分``, ``20点``). ``11/29`` is refused: without a year a
slash is as often day/month as month/day. Nothing is guessed section by section, and whether a date
may lie in the future is the caller's rule, not this one's. "Today" comes from the caller (the clock).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.errors import DomainError
from models.rules.identity import fold_width

RELATIVE_DAYS = {"今天": 0, "today": 0, "昨天": -1, "yesterday": -1, "前天": -2}  # 今日, 昨日: normalised

_TIME = r"(?:[ t]+(?P<h>\d{1,2})(?::(?P<mi>\d{1,2}))?(?::(?P<s>\d{1,2}))?:?)?"
_FULL = re.compile(r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})" + _TIME)
_COMPACT = re.compile(r"(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})" + _TIME)
_NO_YEAR = re.compile(r"(?P<mo>\d{1,2})-(?P<d>\d{1,2})" + _TIME)
_RELATIVE = re.compile(r"(?P<rel>" + "|".join(RELATIVE_DAYS) + r")" + _TIME)


def _normalise(text: str) -> str:
    """One spelling: ASCII digits, ``-`` between date parts, ``:`` in the time, one space between."""
    t = fold_width(text).strip().lower().replace("今日", "今天").replace("昨日", "昨天")
    t = t.replace("年", "-").replace("月", "-").replace("日", " ").replace("号", " ")
    t = t.replace("时", ":").replace("点", ":").replace("分", "").replace("秒", "")
    t = t.replace(".", "-")
    t = re.sub(r"\s*-\s*", "-", t)
    t = re.sub(r"(?<=[天y])(?=\d)", " ", t)  # 今天20:00, yesterday8:30
    return re.sub(r"\s+", " ", t).strip()


def _nearest(month: int, day: int, today: date) -> date:
    """``month``-``day`` in the year that puts it nearest to ``today`` (a list of 29 Dec read on 2 Jan)."""
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ValueError
    return min(candidates, key=lambda d: abs((d - today).days))


def _split(text: str, today: date) -> tuple[date, time | None]:
    """The day and, when one was written, the time of ``text``; DomainError when it is not one."""
    raw = fold_width(text).strip()
    if not raw:
        raise DomainError("date_required")
    t = _normalise(raw)
    m = None
    if "/" in t:  # only with the year first: 2026/11/29
        if re.match(r"\d{4}/", t):
            t = t.replace("/", "-")
        else:
            raise DomainError("typed_date_unreadable", value=raw)
    for pattern in (_RELATIVE, _FULL, _COMPACT, _NO_YEAR):
        m = pattern.fullmatch(t)
        if m:
            break
    if m is None:
        raise DomainError("typed_date_unreadable", value=raw)
    g = m.groupdict()
    try:
        if g.get("rel"):
            day = today + timedelta(days=RELATIVE_DAYS[g["rel"]])
        elif g.get("y"):
            day = date(int(g["y"]), int(g["mo"]), int(g["d"]))
        else:
            day = _nearest(int(g["mo"]), int(g["d"]), today)
    except ValueError:
        raise DomainError("typed_date_no_such_day", value=raw) from None
    if g["h"] is None:
        return day, None
    try:
        return day, time(int(g["h"]), int(g["mi"] or 0), int(g["s"] or 0))
    except ValueError:
        raise DomainError("typed_time_invalid", value=raw) from None


def parse_typed_date(text: str, today: date) -> date:
    """The day typed in ``text`` (a time after it is refused: this field holds a day)."""
    day, at = _split(text, today)
    if at is not None:
        raise DomainError("typed_date_has_time", value=text.strip())
    return day


def parse_typed_datetime(text: str, now: datetime, tz: str, default_time: time = time(0, 0)) -> datetime:
    """The instant typed in ``text``, read as the wall clock of ``tz`` (aware); a day alone gets
    ``default_time``. ``now`` (aware) gives today in ``tz`` for 今天 and the years left out."""
    zone = ZoneInfo(tz)
    day, at = _split(text, now.astimezone(zone).date())
    return datetime.combine(day, at if at is not None else default_time, tzinfo=zone)
