"""Every text written fits its column and holds no control character, the same on SQLite and PostgreSQL.

Before, a departure reason longer than its column or with a NUL byte was saved on SQLite and crashed on
PostgreSQL with a driver error; now both refuse it with one message and save nothing.
"""

import pytest
from sqlalchemy import func, select

from models.errors import DomainError
from models.services.arrivals import register_arrival
from models.services.stays import transfer
from models.store.orm import AuditEntry, DepartureKind, Stay
from tests.conftest import NOW
from tests.helpers import free_rooms


@pytest.mark.parametrize("reason", ["很长的原因" * 100, "转院\x00", "esc\x1b[31m"])
def test_a_free_text_too_long_or_with_a_control_character_is_refused_and_nothing_saved(
    session, site, desk, make_arrival, reason
):
    stay = register_arrival(session, desk, make_arrival("inbound"), free_rooms(session, 1)[0].id, now=NOW)
    entries = session.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(DomainError) as refused:
        transfer(session, desk, stay.id, DepartureKind.TO_HOSPITAL, destination="市一院", reason=reason, now=NOW)
    assert refused.value.code in ("text_too_long_any", "text_control_any")
    assert "nothing was saved" in refused.value.message("en")
    session.expire_all()
    assert session.get(Stay, stay.id).departed_at is None
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == entries
