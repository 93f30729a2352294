"""A shared PostgreSQL database of an older schema: no desk upgrades it by starting (whichever desk started
first used to, with no backup); an admin upgrades it with ``isodesk-cli upgrade``, under a lock, after a
logical backup, once; the wrong role is refused with nothing changed; a desk older than the database is told
which version to install."""

from __future__ import annotations

import json
import os
import threading
import uuid
import zipfile
from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from models.errors import DomainError
from models.services.accounts import create_first_admin, create_user
from models.store.db import alembic_config, current_revision, head_revision, make_engine, session_factory, upgrade
from models.store.orm import AuditEntry, Role, User
from models.store.shared_upgrade import upgrade_shared
from tests.conftest import PG_URL
from tests.helpers import run_app

OLDER = "f3f7326cf838"  # the revision before this version's head
PASSWORD = "upgrade-pass-1"


@pytest.fixture
def older_pg() -> Iterator[tuple[Engine, str]]:
    """A PostgreSQL schema of its own at the older revision, with an admin and a viewer; and its URL."""
    if not PG_URL:
        pytest.skip("PostgreSQL tests need ISODESK_TEST_PG_URL (set by .ci/run)")
    schema = f"isodesk_upgrade_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), OLDER)
    with session_factory(engine)() as s:
        boss = create_first_admin(s, "boss", PASSWORD)
        create_user(s, s.get(User, boss.id), "watcher", PASSWORD, Role.VIEWER)
    try:
        yield engine, url
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_a_desk_starting_on_an_older_shared_database_does_not_upgrade_it(older_pg):
    engine, _url = older_pg
    with pytest.raises(DomainError) as err:
        upgrade(engine)  # what every start does (open_database)
    assert err.value.code == "db_upgrade_shared"
    assert "isodesk-cli upgrade" in err.value.zh and "isodesk-cli upgrade" in err.value.en
    assert current_revision(engine) == OLDER


def test_the_wrong_role_is_refused_and_nothing_changes(older_pg, tmp_path):
    engine, url = older_pg
    out = run_app("upgrade", "--db", url, "--user", "watcher", "--backup-dir", str(tmp_path), ISODESK_PASSWORD=PASSWORD)
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    assert current_revision(engine) == OLDER
    assert not list(tmp_path.iterdir())  # no backup either: refused before anything


def test_an_admin_upgrades_it_once_after_a_logical_backup(older_pg, tmp_path):
    engine, url = older_pg
    out = run_app("upgrade", "--db", url, "--user", "boss", "--backup-dir", str(tmp_path), ISODESK_PASSWORD=PASSWORD)
    assert out.returncode == 0, out.stderr
    assert current_revision(engine) == head_revision(engine)
    (dump,) = tmp_path.glob("*.zip")
    assert dump.name == f"isodesk-pre-upgrade-{OLDER}-to-{head_revision(engine)}.zip"
    assert os.stat(dump).st_mode & 0o077 == 0  # personal data: the owner's only
    with zipfile.ZipFile(dump) as z:
        manifest = json.loads(z.read("manifest.json"))
        users = z.read("app_user.csv").decode()
        assert manifest["revision"] == OLDER and manifest["rows"]["app_user"] == 2
        assert "boss" in users and "watcher" in users and "schema_release.csv" not in z.namelist()  # as it was
    with session_factory(engine)() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "database.upgrade")).one()
        assert entry.user_id == s.scalar(select(User.id).where(User.username == "boss"))
        assert f"schema {OLDER} -> {head_revision(engine)}" in (entry.note or "")
    again = run_app("upgrade", "--db", url, "--user", "boss", "--backup-dir", str(tmp_path), ISODESK_PASSWORD=PASSWORD)
    assert again.returncode == 0 and "nothing to do" in again.stdout
    assert len(list(tmp_path.iterdir())) == 1  # one backup for the upgrade, not one for each try


def test_two_desks_upgrading_at_once_migrate_it_once(older_pg, tmp_path):
    engine, url = older_pg
    results: list[object] = []

    def desk() -> None:
        own = make_engine(url)
        try:
            results.append(upgrade_shared(own, tmp_path))
        finally:
            own.dispose()

    threads = [threading.Thread(target=desk) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(results) == 2
    did = [r for r in results if r.backup is not None]  # type: ignore[attr-defined]
    assert len(did) == 1  # the other waited for the lock, then found it done
    assert current_revision(engine) == head_revision(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM schema_release")).scalar() == 1


def test_at_the_desk_an_admin_upgrades_it_from_the_start_dialog_and_the_desk_opens_it(
    older_pg, qapp, qtbot, app_settings, monkeypatch, tmp_path
):
    """The desk's start: the dialog says the shared database needs upgrading and offers it; a viewer's
    password is refused there (nothing changed), an admin's upgrades it, and Retry opens it."""
    from models.store import shared_upgrade
    from views.application import install_translators
    from views.db_status import open_database_or_ask
    from views.tasks import TaskRunner

    engine, url = older_pg
    monkeypatch.setattr(shared_upgrade, "default_backup_dir", lambda: tmp_path)
    install_translators(qapp, "zh_CN")
    seen: list[str] = []

    def ask(dialog) -> int:
        qtbot.addWidget(dialog)
        seen.append(dialog.headline.text())
        assert dialog.upgrade_box.isVisibleTo(dialog)
        dialog.admin_name.setText("watcher")
        dialog.admin_password.setText(PASSWORD)
        dialog.upgrade_now()
        seen.append(dialog.upgrade_result.text())
        assert current_revision(engine) == OLDER and not list(tmp_path.iterdir())
        dialog.admin_name.setText("boss")
        dialog.admin_password.setText(PASSWORD)
        dialog.upgrade_now()
        return dialog.result()

    try:
        opened = open_database_or_ask(url, app_settings, "zh_CN", ask=ask, tasks=TaskRunner(synchronous=True))
    finally:
        install_translators(qapp, "en")
    assert opened is not None and current_revision(opened) == head_revision(opened)
    assert seen[0] == "共享数据库需要先升级，本版 IsoDesk 才能使用。"
    assert seen[1].startswith("未升级：")  # the viewer: refused, in Chinese
    assert len(list(tmp_path.glob("*.zip"))) == 1
    opened.dispose()
