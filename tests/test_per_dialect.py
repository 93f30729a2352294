"""A condition written two ways (models/store/per_dialect.py): each database takes its own form, and both
forms mean the same rows (issue 16: the people present at an instant, by an OR on PostgreSQL and by
``id IN (… UNION ALL …)`` on SQLite)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from models.services.arrivals import register_arrival
from models.services.observations import present_at, present_before
from models.services.stays import depart_other
from models.store.orm import Stay
from tests.conftest import NOW, local
from tests.helpers import free_rooms


def _sql(condition, dialect) -> str:
    return str(select(Stay.id).where(condition, Stay.room_id > 0).compile(dialect=dialect.dialect()))


def test_each_database_gets_its_form_grouped_inside_the_and():
    """An OR compiled bare inside an AND would bind as ``a OR (b AND c)``: it must stay one term."""
    condition = present_before(NOW)
    on_pg, on_sqlite = _sql(condition, postgresql), _sql(condition, sqlite)
    assert "(stay.departed_at IS NULL OR stay.departed_at >=" in on_pg and "UNION ALL" not in on_pg
    assert "stay.id IN (SELECT stay.id" in on_sqlite and "UNION ALL" in on_sqlite
    assert " OR " not in on_sqlite and "= 1" not in on_sqlite  # "(…) = 1" is answered by no index


def test_both_forms_find_the_same_people(session, site, desk, make_arrival):
    """Present at an instant and just before it, on the database the test runs on: the ones still here, the
    ones who left after it, not the ones who left before it or came after it."""
    rooms = free_rooms(session, 4)
    early, stays, late, left = (
        register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, day, 10)), room.id, now=NOW)
        for day, room in zip((20, 21, 22, 23), rooms, strict=True)
    )
    depart_other(session, desk, early.id, "回家", now=local(2026, 11, 21, 9))
    depart_other(session, desk, left.id, "回家", now=local(2026, 11, 25, 9))
    instant = local(2026, 11, 22, 10)  # late arrives at this very moment

    def ids(condition) -> set[int]:
        return set(session.scalars(select(Stay.id).where(condition, Stay.room_id.is_not(None))))

    assert ids(present_at(instant)) == {stays.id, late.id}
    assert ids(present_before(instant)) == {stays.id}
    assert ids(present_before(instant + timedelta(days=3))) == {stays.id, late.id}
    assert ids(present_at(local(2026, 11, 25, 9))) == {stays.id, late.id}


def test_postgresql_sessions_plan_without_parallel_workers(engine):
    """A worker's start (about 5 ms) cost more than the desk's questions it was chosen for: the missing readings
    took 8 ms instead of 3 once the OR form let the planner pick one (models/store/db.PG_SESSION_OPTIONS)."""
    import pytest
    from sqlalchemy import text

    if engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL planner setting")
    with engine.connect() as conn:
        assert conn.execute(text("show max_parallel_workers_per_gather")).scalar() == "0"
        assert conn.execute(text("show random_page_cost")).scalar() == "1.1"
