"""Dates as typed at the desk: every accepted form, and refusals that say why (zh and en)."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from models.errors import DomainError
from models.rules.typed_dates import parse_typed_date, parse_typed_datetime
from models.services.importer import parse_when

TZ = "Asia/Shanghai"
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo(TZ))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-11-29", date(2026, 11, 29)),
        ("2026/11/29", date(2026, 11, 29)),
        ("2026.11.29", date(2026, 11, 29)),
        ("20261129", date(2026, 11, 29)),
        ("2026年11月29日", date(2026, 11, 29)),
        ("2026-1-5", date(2026, 1, 5)),
        ("11-29", date(2026, 11, 29)),
        ("11.29", date(2026, 11, 29)),
        ("11月29日", date(2026, 11, 29)),
        ("11月29号", date(2026, 11, 29)),
        ("１１月２９日", date(2026, 11, 29)),  # full-width, from an input method
        (" 2026-11-29 ", date(2026, 11, 29)),
        ("今天", TODAY),
        ("今日", TODAY),
        ("today", TODAY),
        ("昨天", date(2026, 11, 22)),
        ("Yesterday", date(2026, 11, 22)),
        ("前天", date(2026, 11, 21)),
    ],
)
def test_every_form_of_a_day(text, expected):
    assert parse_typed_date(text, TODAY) == expected


def test_a_year_left_out_is_the_nearest_one():
    assert parse_typed_date("12-29", date(2027, 1, 2)) == date(2026, 12, 29)  # a list of late December
    assert parse_typed_date("1-2", date(2026, 12, 29)) == date(2027, 1, 2)
    assert parse_typed_date("2-29", date(2028, 2, 1)) == date(2028, 2, 29)


def test_a_future_day_is_read_not_refused():  # refusing a future exposure is the service's business
    assert parse_typed_date("2027-06-01", TODAY) == date(2027, 6, 1)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-11-29 20:00", datetime(2026, 11, 29, 20, 0)),
        ("2026/11/29 8:05", datetime(2026, 11, 29, 8, 5)),
        ("2026-11-29T08:00", datetime(2026, 11, 29, 8, 0)),
        ("20261129 20:00", datetime(2026, 11, 29, 20, 0)),
        ("11-29 8:30", datetime(2026, 11, 29, 8, 30)),
        ("11.29 8:30", datetime(2026, 11, 29, 8, 30)),
        ("11月29日 8:30", datetime(2026, 11, 29, 8, 30)),
        ("11月29日20点", datetime(2026, 11, 29, 20, 0)),
        ("2026年11月29日14时30分", datetime(2026, 11, 29, 14, 30)),
        ("今天 8:30", datetime(2026, 11, 23, 8, 30)),
        ("昨天20:00", datetime(2026, 11, 22, 20, 0)),
        ("2026-11-29", datetime(2026, 11, 29, 0, 0)),  # a day alone: the default time
    ],
)
def test_every_form_of_a_date_time(text, expected):
    assert parse_typed_datetime(text, NOW, TZ) == expected.replace(tzinfo=ZoneInfo(TZ))


def test_today_is_the_sites_not_utc():
    late = datetime(2026, 11, 23, 17, 0, tzinfo=ZoneInfo("UTC"))  # already 24 Nov 01:00 in Shanghai
    assert parse_typed_datetime("今天 8:00", late, TZ) == datetime(2026, 11, 24, 8, 0, tzinfo=ZoneInfo(TZ))
    assert parse_typed_datetime("2026-11-29", NOW, TZ, default_time=time(12, 0)).hour == 12


@pytest.mark.parametrize(
    "text, code",
    [
        ("2026-12-11 02:25", "typed_date_has_time"),  # a day field takes no time
        ("2026-13-01", "typed_date_no_such_day"),
        ("2-30", "typed_date_no_such_day"),
        ("2026-11-29 25:00", "typed_time_invalid"),
        ("11/29", "typed_date_unreadable"),  # day/month or month/day? refused, not guessed
        ("明天", "typed_date_unreadable"),
        ("29-11-2026", "typed_date_unreadable"),
        ("2026112", "typed_date_unreadable"),
        ("abc", "typed_date_unreadable"),
        ("", "date_required"),
    ],
)
def test_wrong_input_is_refused_with_a_message(text, code):
    with pytest.raises(DomainError) as err:
        parse_typed_date(text, TODAY)
    assert err.value.code == code
    assert err.value.zh and err.value.en and err.value.zh != err.value.en


def test_the_refusal_says_what_to_type():
    with pytest.raises(DomainError) as err:
        parse_typed_datetime("29.11.2026", NOW, TZ)
    assert "29.11.2026" in err.value.zh and "11月29日" in err.value.zh and "2026-11-29" in err.value.en


def test_the_importer_reads_the_same_forms():
    zone = ZoneInfo(TZ)
    assert parse_when("11月29日", TZ, today=TODAY) == datetime(2026, 11, 29, 12, 0, tzinfo=zone)
    assert parse_when("11-29 8:30", TZ, today=TODAY) == datetime(2026, 11, 29, 8, 30, tzinfo=zone)
    with pytest.raises(ValueError):
        parse_when("11/29", TZ, today=TODAY)
