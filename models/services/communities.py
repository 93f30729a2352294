"""The receiving streets and communities (街道/社区) a site hands released people to: added, edited, retired.

The desk keeps this list as releases need it (permission ``departures``: admin and desk). A community that
has received anyone is retired, never deleted: its hand-over lists and the reports of its days still name
it; adding it again offers it again. The contact's phone is a mobile or a landline (区号-号码); the audit
trail keeps it masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import MESSAGES, Coded, DomainError
from models.rules.identity import check_chars, fold_width, normalise_mobile, shown
from models.rules.spreadsheet import is_formula_like
from models.services import audit
from models.services.audit import transactional
from models.services.sites import site_today
from models.store.orm import Community, Stay, User


@dataclass(frozen=True)
class Handover:
    """Where a released person goes (解除隔离后去向): the address (the release dialog offers the person's
    own), the receiving community, and the point-to-point transport (点对点: by whom, which vehicle)."""

    destination: str = ""
    community_id: int | None = None
    transport: str = ""


LIMITS = {
    "community_street": 100,
    "community_name": 100,
    "community_contact": 50,
    "handover_destination": 200,
    "handover_transport": 200,
    "list_source": 200,
}
LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(-\d{1,6})?")  # 区号-号码, an extension after a dash


def _field(field: str) -> Coded:
    zh, en = MESSAGES.pair(f"field_{field}")
    return Coded(field, zh, en)


def one_line(value: object) -> str:
    """Text on one line as it is kept: full-width letters folded, spaces trimmed and single."""
    return re.sub(r"\s+", " ", fold_width(str(value or ""))).strip()


def clean_text(value: str, field: str, *, required: bool, limit: int | None = None) -> str:
    """One line, trimmed, no hidden character, not a formula, within the column's length (``limit``, else
    the one ``LIMITS`` gives the field)."""
    text = one_line(value)
    if not text:
        if required:
            raise DomainError("layout_name_empty", field=_field(field))
        return ""
    check_chars(text, field, strict=True)
    if is_formula_like(text):
        raise DomainError("layout_formula", field=_field(field), value=text[:40])
    limit = limit or LIMITS[field]
    if len(text) > limit:
        raise DomainError("text_too_long", field=_field(field), length=len(text), limit=limit)
    return text


def clean_phone(value: str) -> str:
    """A mobile (11 digits, as the arrival form stores it) or a landline with its area code, else refused."""
    text = fold_width(str(value or "")).strip().replace(" ", "")
    if not text:
        return ""
    if LANDLINE.fullmatch(text):
        return text
    try:
        return normalise_mobile(text) or ""
    except DomainError:
        raise DomainError("community_phone_invalid", phone=shown(value)) from None


def get_community(session: Session, community_id: int, *, expected_version: int | None = None) -> Community:
    community = session.get(Community, community_id)
    if community is None:
        raise DomainError("community_not_found")
    if expected_version is not None and community.version != expected_version:
        raise DomainError("conflict")
    return community


def _check_unique(session: Session, street: str, name: str, own_id: int | None = None) -> None:
    other = session.scalar(select(Community).where(Community.street == street, Community.name == name))
    if other is not None and other.id != own_id:
        raise DomainError("community_taken", name=f"{street} {name}")


@transactional("departures")
def add_community(
    session: Session, actor: User | None, street: str, name: str, contact: str = "", phone: str = ""
) -> Community:
    street = clean_text(street, "community_street", required=True)
    name = clean_text(name, "community_name", required=True)
    retired = session.scalar(
        select(Community).where(Community.street == street, Community.name == name, Community.retired_on.is_not(None))
    )
    if retired is not None:  # offered again (its past hand-overs name it): with the contact given now
        before = audit.snapshot(retired)
        retired.retired_on = None
        retired.contact = clean_text(contact, "community_contact", required=False) or retired.contact
        retired.phone = clean_phone(phone) or retired.phone
        audit.record(session, actor, "community.restore", retired, before)
        return retired
    _check_unique(session, street, name)
    community = Community(
        street=street,
        name=name,
        contact=clean_text(contact, "community_contact", required=False),
        phone=clean_phone(phone),
    )
    session.add(community)
    session.flush()
    audit.record(session, actor, "community.add", community)
    return community


@transactional("departures")
def edit_community(
    session: Session,
    actor: User | None,
    community_id: int,
    street: str,
    name: str,
    contact: str = "",
    phone: str = "",
    *,
    expected_version: int | None = None,
) -> Community:
    """Correct a community's street, name, contact or phone (the hand-overs already printed keep theirs)."""
    community = get_community(session, community_id, expected_version=expected_version)
    street = clean_text(street, "community_street", required=True)
    name = clean_text(name, "community_name", required=True)
    contact, phone = clean_text(contact, "community_contact", required=False), clean_phone(phone)
    if (street, name, contact, phone) == (community.street, community.name, community.contact, community.phone):
        return community
    _check_unique(session, street, name, community.id)
    before = audit.snapshot(community)
    community.street, community.name, community.contact, community.phone = street, name, contact, phone
    audit.record(session, actor, "community.edit", community, before)
    return community


@transactional("departures")
def retire_community(session: Session, actor: User | None, community_id: int) -> Community:
    """No longer offered at release; kept for the people it received. One that received nobody is deleted."""
    community = get_community(session, community_id)
    if community.retired_on is not None:
        raise DomainError("layout_already_retired", what=community.label)
    used = session.scalar(select(Stay.id).where(Stay.community_id == community.id).limit(1))
    if used is None:
        before = audit.snapshot(community)
        audit.record(session, actor, "community.delete", community, before, dict.fromkeys(before))
        session.delete(community)
        session.flush()
        return community
    before = audit.snapshot(community)
    community.retired_on = site_today(session)
    audit.record(session, actor, "community.retire", community, before)
    return community


def community_for_release(session: Session, community_id: int | None) -> Community | None:
    """The community a release names: one in use (a retired one is refused), or None."""
    if community_id is None:
        return None
    community = get_community(session, community_id)
    if community.retired_on is not None:
        raise DomainError("community_retired", name=community.label)
    return community


def checked_handover(session: Session, handover: Handover) -> tuple[str | None, Community | None, str | None]:
    """(destination, community, transport) as stored, each checked; a retired community is refused."""
    destination = clean_text(handover.destination, "handover_destination", required=False) or None
    transport = clean_text(handover.transport, "handover_transport", required=False) or None
    return destination, community_for_release(session, handover.community_id), transport
