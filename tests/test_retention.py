"""The retention rule of backups (models.rules.retention): plain data, no files."""

from datetime import timedelta

from models.rules.retention import Retention, kept
from tests.conftest import NOW


def every(hours, count, end=NOW):
    """``count`` copies ``hours`` apart up to ``end``, oldest first, each named by its time."""
    return [
        (end - timedelta(hours=hours * i), (end - timedelta(hours=hours * i)).strftime("%m-%d %H"))
        for i in range(count)
    ][::-1]


def test_every_copy_of_the_last_48_hours_then_one_a_day_then_one_a_week():
    copies = every(4, 6 * 30)  # every 4 hours for 30 days
    keep = kept(copies, NOW)
    recent = {name for when, name in copies if when >= NOW - timedelta(hours=48)}
    assert recent <= keep and len(recent) == 13
    days = {when.date() for when, name in copies if name in keep}
    assert len(days) == 7 + 2  # 7 days (the recent ones among them), then two older ISO weeks' newest
    assert all(name.endswith(" 22") or (when >= NOW - timedelta(hours=48)) for when, name in copies if name in keep)


def test_the_newest_copies_stay_however_old():
    friday = [(NOW - timedelta(days=3, hours=h), f"fri {h}") for h in (9, 8, 7)]  # oldest first
    keep = kept(friday, NOW, Retention(last=10))
    assert keep == {"fri 9", "fri 8", "fri 7"}
    assert kept(friday, NOW, Retention(last=0)) == {"fri 7"}  # without it, the newest of the day


def test_only_the_copies_that_would_stand_for_a_day_or_week_are_checked_and_damaged_ones_go():
    copies = every(6, 40)  # 10 days
    asked = []

    def sound(name):
        asked.append(name)
        return None if name == "11-21 22" else name != "11-23 10"

    keep = kept(copies, NOW, Retention(hours=0, last=0, daily=3, weekly=1), sound)
    assert "11-23 10" not in keep and "11-23 04" in keep  # the damaged newest does not stand for its day
    assert "11-21 22" in keep  # could not be checked now: kept, and not counted for its day
    assert keep == {"11-23 04", "11-22 22", "11-21 22", "11-21 16"}
    assert asked == ["11-23 10", "11-23 04", "11-22 22", "11-21 22", "11-21 16"]  # nothing else is read


def test_a_copy_from_the_future_and_ties_in_time():
    later = NOW + timedelta(days=30)
    assert kept([(later, "ahead")], NOW, Retention(last=0)) == {"ahead"}
    same = [(NOW - timedelta(days=9), "first"), (NOW - timedelta(days=9), "second")]
    assert kept(same, NOW, Retention(last=0)) == {"second"}  # the later given is the newer
