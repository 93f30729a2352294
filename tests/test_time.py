"""Instants are stored time-zone aware; calendar days ("day N") count in the site's time zone."""

from datetime import UTC, date, datetime

import pytest

from models.rules.schedule import local_date
from models.services.arrivals import register_arrival
from models.store.orm import Stay
from tests.conftest import NOW, local
from tests.helpers import free_rooms


def test_instants_round_trip_aware_and_equal(session, site, desk, make_arrival):
    arrived = local(2026, 11, 22, 23, 30)
    stay = register_arrival(session, desk, make_arrival(arrived_at=arrived), free_rooms(session, 1)[0].id, now=NOW)
    session.expire_all()
    loaded = session.get(Stay, stay.id).arrived_at
    assert loaded.tzinfo is not None and loaded.utcoffset().total_seconds() == 0
    assert loaded == arrived


@pytest.mark.parametrize(
    "arrived, day",
    [
        (local(2026, 11, 22, 23, 30), date(2026, 11, 22)),  # 15:30 UTC on the 22nd
        (local(2026, 11, 23, 0, 30), date(2026, 11, 23)),  # 16:30 UTC on the 22nd, already the 23rd in Shanghai
    ],
)
def test_arrival_day_is_the_sites_calendar_day(session, site, desk, make_arrival, arrived, day):
    stay = register_arrival(session, desk, make_arrival(arrived_at=arrived), free_rooms(session, 1)[0].id, now=NOW)
    assert stay.arrival_day == day
    assert stay.day_n(day) == 1 and stay.day_n(date(2026, 11, 29)) == (date(2026, 11, 29) - day).days + 1


def test_naive_datetime_refused(session, site, desk, make_arrival):
    with pytest.raises(ValueError):
        register_arrival(
            session, desk, make_arrival(arrived_at=datetime(2026, 11, 23, 9)), free_rooms(session, 1)[0].id, now=NOW
        )
    session.rollback()


def test_local_date_conversion():
    assert local_date(datetime(2026, 11, 22, 16, 30, tzinfo=UTC), "Asia/Shanghai") == date(2026, 11, 23)
    assert local_date(datetime(2026, 11, 22, 16, 30, tzinfo=UTC), "Asia/Urumqi") == date(2026, 11, 22)
