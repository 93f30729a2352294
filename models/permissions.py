"""Who may do what: roles, permissions, and the permission each write service needs.

Checked in the domain (by ``audit.transactional``, before the service body runs), not only by hiding
buttons, so the CLI, the GUI and any script get the same answer. Roles (issue 6):
admin: everything (users, settings, rule sets); desk: arrivals, rooms, departures, printing;
medical: readings, swabs, alerts; viewer: reads and prints reports. Medical staff may also send a
person to hospital (the positive-swab path); everyone but a viewer may show an ID in full (audited).
``actor=None`` is the system itself (demo builder, migrations, tests of rules), never a logged-in user.
"""

from __future__ import annotations

from .errors import DomainError
from .orm import Role, User

ALL = frozenset(Role)
PERMISSIONS: dict[str, frozenset[Role]] = {
    "arrivals": frozenset({Role.ADMIN, Role.DESK}),
    "rooms": frozenset({Role.ADMIN, Role.DESK}),
    "departures": frozenset({Role.ADMIN, Role.DESK}),
    "transfer": frozenset({Role.ADMIN, Role.DESK, Role.MEDICAL}),
    "readings": frozenset({Role.ADMIN, Role.MEDICAL}),
    "swabs": frozenset({Role.ADMIN, Role.MEDICAL}),
    "alerts": frozenset({Role.ADMIN, Role.MEDICAL}),
    "identity": frozenset({Role.ADMIN, Role.DESK, Role.MEDICAL}),
    "settings": frozenset({Role.ADMIN}),
    "users": frozenset({Role.ADMIN}),
    "print": ALL,
    "own_account": ALL,
}

# module.function -> permission, for every @transactional service
SERVICES: dict[str, str] = {
    "models.arrivals.register_arrival": "arrivals",
    "models.arrivals.register_batch": "arrivals",
    "models.stays.change_room": "rooms",
    "models.stays.change_release_date": "departures",
    "models.stays.release": "departures",
    "models.stays.depart_other": "departures",
    "models.stays.transfer": "transfer",
    "models.rooms.record_disinfection": "rooms",
    "models.rooms.set_out_of_service": "rooms",
    "models.rooms.back_in_service": "rooms",
    "models.observations.record_reading": "readings",
    "models.observations.correct_reading": "readings",
    "models.rounds.save_entry": "readings",
    "models.observations.close_alert": "alerts",
    "models.swabs.mark_sampled": "swabs",
    "models.swabs.record_result": "swabs",
    "models.outbreak.apply_restart": "swabs",
    "models.lab_import.apply_lab_results": "swabs",
    "models.rulesets.apply_rule_switch": "settings",
    "models.sites.create_site": "settings",
    "models.sites.set_fever_threshold": "settings",
    "models.audit_log.reveal_identity": "identity",
    "models.accounts.create_user": "users",
    "models.accounts.reset_password": "users",
    "models.accounts.update_user": "users",
    "models.accounts.change_password": "own_account",
    # before anyone is logged in: no acting user
    "models.accounts.create_first_admin": "own_account",
    "models.accounts.authenticate": "own_account",
}


def allowed(role: Role, permission: str) -> bool:
    return role in PERMISSIONS[permission]


def check(service: str, actor: object) -> None:
    """Refuse a logged-in user whose role lacks the service's permission."""
    if not isinstance(actor, User):
        return
    permission = SERVICES.get(service)
    if permission is None:
        return  # a new service not classified yet: tests/test_permissions.py fails until it is
    if not allowed(actor.role, permission):
        raise DomainError("forbidden", action=permission)
