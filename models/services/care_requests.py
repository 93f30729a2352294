"""Occupants' requests (人文关怀): what a person in a room asks for, from the moment it is taken down to the
moment it is done or refused.

A request is of a kind (meals and diet, medicine, counselling, a delivery, a repair, other), says what is
asked in a line of text, is normal or urgent, and came in at the desk, by phone or by WeChat. It is *open*,
then *in hand* (someone of the logistics or medical group deals with it), then *done* (with what was done)
or *refused* (with the reason, always). Each step keeps who and when. A closed request does not change.
It is *overdue* when it is still open or in hand past its time: ``DUE[urgency]`` after it was taken down.
Permission ``requests``: admin, desk and medical (medicine and counselling go through the medical team).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from models import clock
from models.codes import RequestChannel, RequestKind, RequestState, Urgency
from models.errors import DomainError
from models.services import audit
from models.services.audit import transactional
from models.services.communities import clean_text
from models.services.stays import get_stay
from models.store.orm import CareRequest, User

# how long a request may wait before it is overdue: an urgent one (medicine running out, a broken heater in
# winter) within two hours, the others within the day
DUE = {Urgency.URGENT: timedelta(hours=2), Urgency.NORMAL: timedelta(hours=24)}
LIMITS = {"request_text": 400, "request_handler": 100, "request_outcome": 400}
OPEN_STATES = (RequestState.OPEN, RequestState.IN_HAND)


def _text(value: str, field: str, *, required: bool = False) -> str:
    return clean_text(value, field, required=required, limit=LIMITS[field])


def _code(cls: type[RequestKind] | type[Urgency] | type[RequestChannel], value: object) -> str:
    try:
        return cls(str(value)).value
    except ValueError:
        raise DomainError("request_code_unknown", value=str(value)[:40]) from None


def get_request(session: Session, request_id: int, *, expected_version: int | None = None) -> CareRequest:
    request = session.get(CareRequest, request_id)
    if request is None:
        raise DomainError("request_not_found")
    if expected_version is not None and request.version != expected_version:
        raise DomainError("conflict")
    return request


def _still_open(request: CareRequest) -> None:
    if request.state not in OPEN_STATES:
        raise DomainError("request_closed")


@transactional("requests")
def open_request(
    session: Session,
    actor: User | None,
    stay_id: int,
    kind: RequestKind | str,
    text: str,
    urgency: Urgency | str = Urgency.NORMAL,
    channel: RequestChannel | str = RequestChannel.DESK,
    *,
    now: datetime | None = None,
) -> CareRequest:
    """A request taken down for someone here now (a person who has left asks the community, not the site)."""
    stay = get_stay(session, stay_id)
    request = CareRequest(
        stay_id=stay.id, kind=RequestKind(_code(RequestKind, kind)), text=_text(text, "request_text", required=True),
        urgency=Urgency(_code(Urgency, urgency)), channel=RequestChannel(_code(RequestChannel, channel)),
        state=RequestState.OPEN, opened_at=now or clock.now(), opened_by=actor.id if actor else None,
    )  # fmt: skip
    session.add(request)
    session.flush()
    audit.record(session, actor, "request.open", request)
    return request


@transactional("requests")
def take_request(
    session: Session,
    actor: User | None,
    request_id: int,
    handler: str = "",
    *,
    now: datetime | None = None,
    expected_version: int | None = None,
) -> CareRequest:
    """In hand: ``handler`` (a name in the group, default none given) deals with it from now."""
    request = get_request(session, request_id, expected_version=expected_version)
    _still_open(request)
    if request.state is RequestState.IN_HAND:
        raise DomainError("request_in_hand")
    before = audit.snapshot(request)
    request.state, request.taken_at = RequestState.IN_HAND, now or clock.now()
    request.taken_by, request.handler = (actor.id if actor else None), _text(handler, "request_handler")
    session.flush()
    audit.record(session, actor, "request.take", request, before)
    return request


@transactional("requests")
def finish_request(
    session: Session,
    actor: User | None,
    request_id: int,
    outcome: str = "",
    *,
    refused: bool = False,
    now: datetime | None = None,
    expected_version: int | None = None,
) -> CareRequest:
    """Done (``outcome``: what was done), or refused (``refused``: ``outcome`` is the reason, required).
    A request done straight from open counts as taken in hand at the same time."""
    request = get_request(session, request_id, expected_version=expected_version)
    _still_open(request)
    text = _text(outcome, "request_outcome", required=refused)
    at = now or clock.now()
    before = audit.snapshot(request)
    if request.taken_at is None:
        request.taken_at, request.taken_by = at, actor.id if actor else None
    request.state = RequestState.REFUSED if refused else RequestState.DONE
    request.closed_at, request.closed_by, request.outcome = at, actor.id if actor else None, text
    session.flush()
    audit.record(session, actor, "request.refuse" if refused else "request.done", request, before)
    return request
