"""The rows of the daily observation sheets, as plain data: what ``reports.sheet_floors`` reads and
``printing.forms.daily_sheets`` draws (no database, so printing them needs nothing but these)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class SheetRow:
    stay_id: int
    room: str
    name: str
    sex: str  # "M" / "F"
    age: int | None
    day_n: int
    days_total: int
    planned_release: date  # as it stood at the end of the day
    swab_due: bool
    bed: int = 1
    left_at: datetime | None = None  # site time, when the person left during the day (after the morning round)
    left_kind: str = ""  # DepartureKind value, with left_at
    moved_from: str = ""  # the room the person moved out of during the day, if any
    moved_at: datetime | None = None  # site time of that move

    @property
    def release_day(self) -> bool:
        """The day is the planned release date: the person is still observed that morning ("day 8 of 7")."""
        return self.day_n == self.days_total + 1

    @property
    def overdue_days(self) -> int:
        """Days the person is still here past the planned release date (awaiting a result or a decision)."""
        return max(0, self.day_n - self.days_total - 1)


@dataclass
class SheetFloor:
    floor_id: int
    label: str  # "A栋 3F"
    rows: list[SheetRow] = field(default_factory=list)
    empty_rooms: list[tuple[str, str]] = field(default_factory=list)  # (room number, RoomState value) that day
    building: str = ""
    floor: str = ""
