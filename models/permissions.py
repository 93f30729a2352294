"""Who may do what: roles, permissions, and the permission each write service needs.

Checked in the domain (by ``audit.transactional``, before the service body runs), not only by hiding
buttons, so the CLI, the GUI and any script get the same answer. Roles (issue 6):
admin: everything (users, settings, rule sets); desk: arrivals, rooms, departures, printing;
medical: readings, swabs, alerts; viewer: reads and prints reports. Medical staff may also send a
person to hospital (the positive-swab path); everyone but a viewer may show an ID in full (audited).
``actor=None`` is the system itself (demo builder, migrations, tests of rules), never a logged-in user.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

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
    "followups": frozenset({Role.ADMIN, Role.DESK, Role.MEDICAL}),  # the calls after release (回访)
    "supplies": frozenset({Role.ADMIN, Role.DESK}),  # the stock (物资台账): the logistics group, through the desk
    "requests": frozenset({Role.ADMIN, Role.DESK, Role.MEDICAL}),  # occupants' requests (人文关怀)
    "roster": frozenset({Role.ADMIN, Role.DESK}),  # the team, its shifts and the duty roster (排班)
    "staff_health": frozenset({Role.ADMIN, Role.DESK, Role.MEDICAL}),  # the staff's own temperature
    "identity": frozenset({Role.ADMIN, Role.DESK, Role.MEDICAL}),
    "settings": frozenset({Role.ADMIN}),
    "users": frozenset({Role.ADMIN}),
    "print": ALL,
    "lookup": ALL,  # a search by a full identifier: anyone may, and it is recorded
    "own_account": ALL,
    "anyone": ALL,  # before anyone is logged in (the login itself, the first admin): no acting user
}

# module.function -> permission, for every @transactional service: filled by the decorator, where each
# service declares its permission (``@transactional("arrivals")``); a service cannot exist without one
SERVICES: dict[str, str] = {}


def allowed(role: Role, permission: str) -> bool:
    return role in PERMISSIONS[permission]


def check(session: Session, actor: object, permission: str) -> None:
    """Refuse an acting user who may not do this *now*: the role and ``active`` flag are read from the
    database in the caller's transaction (a user disabled or demoted at another desk is refused at once),
    never from the ``User`` object kept since login. ``actor=None`` is the system itself."""
    if actor is None or permission == "anyone":
        return
    if not isinstance(actor, User):
        raise DomainError("forbidden", action=permission)
    row = session.execute(select(User.role, User.active).where(User.id == actor.id)).one_or_none()
    if row is None or not row.active:
        raise DomainError("account_disabled")
    if not allowed(row.role, permission):
        raise DomainError("forbidden", action=permission)
