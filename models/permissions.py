"""Who may do what: roles, permissions, and the permission each write service needs.

Checked in the domain (by ``audit.transactional``, before the service body runs), not only by hiding
buttons, so the CLI, the GUI and any script get the same answer. Roles (issue 6):
admin: everything (users, settings, rule sets); desk: arrivals, rooms, departures, printing;
medical: readings, swabs, alerts; viewer: reads and prints reports. Medical staff may also send a
person to hospital (the positive-swab path); everyone but a viewer may show an ID in full (audited).
``actor=None`` is the system itself (demo builder, migrations, tests of rules), never a logged-in user.
"""

from __future__ import annotations

from models.errors import DomainError
from models.store.orm import Role, User

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
    "models.services.arrivals.register_arrival": "arrivals",
    "models.services.arrivals.register_batch": "arrivals",
    "models.services.stays.change_room": "rooms",
    "models.services.stays.change_release_date": "departures",
    "models.services.stays.release": "departures",
    "models.services.stays.depart_other": "departures",
    "models.services.stays.transfer": "transfer",
    "models.services.rooms.record_disinfection": "rooms",
    "models.services.rooms.set_out_of_service": "rooms",
    "models.services.rooms.back_in_service": "rooms",
    "models.services.observations.record_reading": "readings",
    "models.services.observations.correct_reading": "readings",
    "models.services.round_entry.save_entry": "readings",
    "models.services.observations.close_alert": "alerts",
    "models.services.swabs.mark_sampled": "swabs",
    "models.services.swabs.record_result": "swabs",
    "models.services.swabs.mark_sampled_many": "swabs",
    "models.services.swabs.record_results_many": "swabs",
    "models.services.outbreak.apply_restart": "swabs",
    "models.services.lab_import.apply_lab_results": "swabs",
    "models.services.rulesets.apply_rule_switch": "settings",
    "models.services.sites.create_site": "settings",
    "models.services.sites.set_fever_threshold": "settings",
    "models.reads.audit_log.reveal_identity": "identity",
    "models.services.accounts.create_user": "users",
    "models.services.accounts.reset_password": "users",
    "models.services.accounts.update_user": "users",
    "models.services.accounts.change_password": "own_account",
    # before anyone is logged in: no acting user
    "models.services.accounts.create_first_admin": "own_account",
    "models.services.accounts.authenticate": "own_account",
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
