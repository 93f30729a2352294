"""Desk settings and restore are an admin's, checked in the domain; preferences are anyone's; all recorded.

What used to work: a viewer opened Settings → Backups → Restore and rolled the database (and its audit
trail) back, with no entry; a viewer changed the database address and read its password, which sat in
the settings file in plain text.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models.errors import DomainError
from models.services.accounts import create_user, update_user
from models.services.desk_settings import (
    DEFAULT_LOCK_MINUTES,
    change_desk_setting,
    change_preference,
    lock_minutes,
)
from models.services.maintenance import restore_backup
from models.store import credentials
from models.store.backup import backup_now
from models.store.orm import AuditEntry, Role, Stay
from tests.conftest import NOW


class Store(dict):
    """A settings file in memory, with QSettings' two calls."""

    def value(self, key, default=None, **_kw):  # type: ignore[no-untyped-def]
        return self.get(key, default)

    def setValue(self, key, value):  # type: ignore[no-untyped-def]
        self[key] = value


@pytest.fixture
def staff(session, desk):
    return {
        role: create_user(session, desk, f"u_{role.value}", "pass word 1", role)
        for role in (Role.DESK, Role.MEDICAL, Role.VIEWER)
    }


def entries(session, action):
    session.rollback()
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


@pytest.mark.parametrize("role", [Role.DESK, Role.MEDICAL, Role.VIEWER])
@pytest.mark.parametrize(
    ("key", "value"),
    [("db/url", "postgresql://evil@10.0.0.9/isodesk"), ("backup/dir", "/tmp/elsewhere"), ("backup/hours", 24)],
)
def test_only_an_admin_changes_where_the_data_lives(session, staff, role, key, value):
    store = Store()
    with pytest.raises(DomainError) as refused:
        change_desk_setting(session, staff[role], store, key, value)
    assert refused.value.code == "forbidden"
    assert store == {} and not entries(session, "setting.change")


def test_an_admins_change_is_recorded_and_the_password_goes_to_the_credential_store(session, desk, credential_store):
    store = Store({"db/url": ""})
    saved = change_desk_setting(session, desk, store, "db/url", "postgresql://desk:s3cret@10.0.0.5:5432/isodesk")
    assert saved == store["db/url"] == "postgresql://desk@10.0.0.5:5432/isodesk"  # no password in the file
    assert credential_store.get_password(credentials.SERVICE, saved) == "s3cret"
    assert credentials.complete(saved) == "postgresql://desk:s3cret@10.0.0.5:5432/isodesk"
    [entry] = entries(session, "setting.change")
    assert "s3cret" not in entry.note and "db/url" in entry.note and entry.user_id == desk.id
    assert credentials.masked("postgresql://desk:s3cret@h/db") == "postgresql://desk:***@h/db"


def test_no_credential_store_means_the_password_is_not_saved_at_all(session, desk, monkeypatch):
    monkeypatch.setattr(credentials, "_keyring", lambda: None)
    store = Store()
    with pytest.raises(DomainError) as refused:
        change_desk_setting(session, desk, store, "db/url", "postgresql://desk:s3cret@10.0.0.5/isodesk")
    assert refused.value.code == "credential_store_missing" and ".pgpass" in refused.value.message("en")
    assert store == {} and not entries(session, "setting.change")
    assert change_desk_setting(session, desk, store, "db/url", "postgresql://desk@10.0.0.5/isodesk")  # .pgpass


@pytest.mark.parametrize(
    ("key", "value"),
    [("backup/hours", 0), ("backup/hours", "4; rm"), ("backup/dir", "relative/dir"), ("db/url", "mysql://x/y"),
     ("ui/secret", "x")],
)  # fmt: skip
def test_bad_values_are_refused_and_nothing_is_saved(session, desk, key, value):
    store = Store()
    with pytest.raises(DomainError):
        change_desk_setting(session, desk, store, key, value)
    assert store == {}


def test_preferences_are_anyones_and_a_demoted_admin_loses_the_rest_at_once(session, desk, staff):
    store = Store()
    change_preference(session, staff[Role.VIEWER], store, "ui/language", "en")
    change_preference(session, staff[Role.VIEWER], store, "ui/dark", True)
    assert store == {"ui/language": "en", "ui/dark": True}
    with pytest.raises(DomainError):
        change_preference(session, staff[Role.VIEWER], store, "ui/language", "fr")
    second = create_user(session, desk, "lead2", "pass word 2", Role.ADMIN)
    third = create_user(session, desk, "lead3", "pass word 3", Role.ADMIN)
    change_desk_setting(session, second, store, "backup/hours", 6)
    update_user(session, third, second.id, role=Role.VIEWER)  # at another desk, meanwhile
    with pytest.raises(DomainError) as refused:
        change_desk_setting(session, second, store, "backup/hours", 1)
    assert refused.value.code == "forbidden" and store["backup/hours"] == 6


def test_a_viewer_cannot_restore_and_nothing_rolls_back(engine, session, site, desk, staff, make_arrival, tmp_path):
    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("file restore: PostgreSQL is restored on the server")
    from models.services.arrivals import register_arrival
    from tests.helpers import free_rooms

    copy = backup_now(engine, tmp_path / "copies", now=NOW)
    register_arrival(session, desk, make_arrival("inbound"), free_rooms(session, 1)[0].id, now=NOW)
    for role in (Role.VIEWER, Role.DESK, Role.MEDICAL):
        with pytest.raises(DomainError) as refused:
            restore_backup(engine, staff[role], copy, safety_dir=tmp_path / "aside")
        assert refused.value.code == "forbidden"
    assert session.scalar(select(func.count()).select_from(Stay)) == 1  # the arrival after the copy is still here
    assert not (tmp_path / "aside").exists()
    safety = restore_backup(engine, desk, copy, safety_dir=tmp_path / "aside")
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Stay)) == 0  # the copy's state
    [done] = entries(session, "backup.restored")
    assert f"by {desk.username}" in done.note and safety.name in done.note


@pytest.mark.parametrize("role", [Role.DESK, Role.MEDICAL, Role.VIEWER])
def test_only_an_admin_sets_the_idle_lock_and_it_is_recorded(session, desk, staff, role):
    """The minutes a desk stays open without use (the screen shows people's data) are the site's call."""
    store = Store()
    assert lock_minutes(store) == DEFAULT_LOCK_MINUTES == 10  # locked after 10 minutes unless an admin says
    with pytest.raises(DomainError) as refused:
        change_desk_setting(session, staff[role], store, "lock/minutes", 0)  # "never", by a clerk: no
    assert refused.value.code == "forbidden"
    assert store == {} and not entries(session, "setting.change") and lock_minutes(store) == 10
    assert change_desk_setting(session, desk, store, "lock/minutes", 0) == "0"
    [entry] = entries(session, "setting.change")
    assert entry.user_id == desk.id and entry.note == "lock/minutes: '10' -> '0'"
    assert lock_minutes(store) == 0


@pytest.mark.parametrize("value", [-1, 241, "10", True, 2.5, None])
def test_idle_lock_minutes_out_of_range_are_refused(session, desk, value):
    store = Store()
    with pytest.raises(DomainError) as refused:
        change_desk_setting(session, desk, store, "lock/minutes", value)
    assert refused.value.code == "setting_invalid" and "lock/minutes" in refused.value.message("zh")
    assert store == {}
    assert lock_minutes(Store({"lock/minutes": "junk"})) == lock_minutes(Store({"lock/minutes": 999})) == 10
