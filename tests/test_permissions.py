"""Every write service is called with every role: the domain refuses what a role may not do.

The calls use arguments that would fail for other reasons (ids that do not exist, …): a refused role
gets "forbidden" before anything runs; an allowed role gets past the gate (whatever happens next).
"""

import importlib
import inspect
import pkgutil
from datetime import date

import pytest
from sqlalchemy import func, select

import models
from models.errors import DomainError
from models.permissions import PERMISSIONS, SERVICES
from models.services import audit
from models.store.orm import AuditEntry, Role, Slot, User
from tests.conftest import NOW


def all_services() -> dict[str, object]:
    for info in pkgutil.iter_modules(models.__path__):
        importlib.import_module(f"models.{info.name}")
    for package in ("models.services", "models.reads"):  # the services' modules, imported or not so far
        for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
            importlib.import_module(f"{package}.{info.name}")
    found = {}
    for name in audit.REGISTERED:
        module, func_name = name.rsplit(".", 1)
        found[name] = getattr(importlib.import_module(module), func_name)
    return found


def test_every_service_declares_a_permission_and_none_can_exist_without_one():
    services = all_services()
    assert len(services) >= 30 and set(services) == set(SERVICES)  # the decorator registers each with its own
    assert set(SERVICES.values()) <= set(PERMISSIONS)
    with pytest.raises(ValueError):
        audit.transactional("no_such_permission")
    with pytest.raises(ValueError):  # used bare, the function is taken for a permission: refused at import

        @audit.transactional  # type: ignore[arg-type]
        def sneaky(session, actor):
            return None


def test_a_user_disabled_or_demoted_at_another_desk_is_refused_at_once(engine, session, site, make_arrival):
    from models.services.arrivals import register_arrival
    from models.store.db import session_factory
    from tests.helpers import free_rooms

    clerk = User(username="clerk", role=Role.DESK)
    session.add(clerk)
    session.commit()
    room = free_rooms(session, 1)[0].id
    session.refresh(clerk)
    session.expunge(clerk)  # the desk keeps the User it logged in with, as the GUI does
    session.rollback()  # each desk action starts a new transaction
    with session_factory(engine)() as admin_desk:  # the admin demotes the clerk; the clerk's desk still holds DESK
        admin_desk.get_one(User, clerk.id).role = Role.VIEWER
        admin_desk.commit()
    with pytest.raises(DomainError) as refused:
        register_arrival(session, clerk, make_arrival(), room)
    assert refused.value.code == "forbidden" and clerk.role is Role.DESK  # in memory: still desk
    with session_factory(engine)() as admin_desk:
        user = admin_desk.get_one(User, clerk.id)
        user.role, user.active = Role.DESK, False
        admin_desk.commit()
    with pytest.raises(DomainError) as refused:
        register_arrival(session, clerk, make_arrival(), room)
    assert refused.value.code == "account_disabled"
    assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "stay.check_in")) == 0


def junk(param: inspect.Parameter) -> object:
    """A value of the right kind that names nothing real."""
    ann = str(param.annotation)
    if "date" in ann and "datetime" not in ann:
        return date(2026, 11, 23)
    if "datetime" in ann:
        return NOW
    if "Slot" in ann:
        return Slot.MORNING
    if "int" in ann:
        return 987654
    if "float" in ann:
        return 36.5
    if "list" in ann:
        return []
    if "Role" in ann:
        return Role.DESK
    if "bool" in ann:
        return True
    return "x" * 8


def call_as(session, fn, actor):
    sig = inspect.signature(fn)
    params = list(sig.parameters.values())[2:]  # after session and actor
    args = [junk(p) for p in params if p.default is inspect.Parameter.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
    kwargs = {p.name: junk(p) for p in params if p.default is inspect.Parameter.empty and p.kind is p.KEYWORD_ONLY}
    try:
        fn(session, actor, *args, **kwargs)
    except DomainError as e:
        session.rollback()
        return e.code
    except Exception:  # past the gate, the junk arguments fail in their own way
        session.rollback()
        return "ran"
    return "ran"


def actor_services() -> list[str]:
    all_services()  # every service module imported: each has registered its permission
    return sorted(name for name, permission in SERVICES.items() if permission != "anyone")  # no acting user yet


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_each_role_against_each_service(session, site, role):
    services = all_services()
    user = User(username=f"user_{role.value}", role=role)
    session.add(user)
    session.commit()
    refused, passed = [], []
    for name in actor_services():
        outcome = call_as(session, services[name], user)
        (refused if outcome == "forbidden" else passed).append(name)
        allowed = role in PERMISSIONS[SERVICES[name]]
        assert (outcome != "forbidden") == allowed, f"{role.value} on {name}: {outcome}"
    if role is Role.ADMIN:
        assert refused == []
    if role is Role.VIEWER:
        assert (
            "models.services.arrivals.register_arrival" in refused
            and "models.services.observations.record_reading" in refused
        )


def test_a_refused_call_changes_nothing(session, site, make_arrival):
    from models.services.arrivals import register_arrival
    from tests.helpers import free_rooms

    nurse = User(username="nurse", role=Role.MEDICAL)
    session.add(nurse)
    session.commit()
    before = session.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(DomainError) as e:
        register_arrival(session, nurse, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    assert e.value.code == "forbidden" and "arrivals" in e.value.message("en")
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_medical_may_record_a_reading_but_the_desk_may_not(session, site, make_arrival, desk):
    from models.services.arrivals import register_arrival
    from models.services.observations import record_reading
    from tests.helpers import free_rooms

    stay = register_arrival(session, desk, make_arrival(), free_rooms(session, 1)[0].id, now=NOW)
    clerk, nurse = User(username="clerk", role=Role.DESK), User(username="nurse", role=Role.MEDICAL)
    session.add_all([clerk, nurse])
    session.commit()
    with pytest.raises(DomainError, match=r"forbidden|无权"):
        record_reading(session, clerk, stay.id, NOW.date(), Slot.MORNING, temperature="36.6")
    result = record_reading(session, nurse, stay.id, NOW.date(), Slot.MORNING, temperature="36.6")
    assert result.observation.temperature == 36.6
