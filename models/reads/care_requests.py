"""Occupants' requests (人文关怀) as the requests page, the Today screen and the logistics group's floor list read
them: who asks (room, name, and the special needs recorded at arrival beside it), what, since when, whether
it is overdue, and each step's who and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from models import clock
from models.codes import RequestChannel, RequestKind, RequestState, Urgency
from models.rules.needs import SortedNeeds, sort_needs
from models.services.care_requests import DUE, OPEN_STATES
from models.services.sites import get_site
from models.store.orm import Building, CareRequest, Floor, Person, Room, Stay, User


@dataclass(frozen=True)
class RequestRow:
    id: int
    version: int
    stay_id: int
    building: str
    floor_id: int
    floor: str
    room: str
    name: str
    needs: SortedNeeds  # the special needs recorded at arrival (diet, chronic disease, allergies …)
    kind: RequestKind
    text: str
    urgency: Urgency
    channel: RequestChannel
    state: RequestState
    opened_at: datetime  # site time, as every time here
    opened_by: str
    due_at: datetime
    taken_at: datetime | None
    handler: str
    closed_at: datetime | None
    closed_by: str
    outcome: str
    left: bool  # the person has left the site since

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def overdue(self, now: datetime) -> bool:
        return self.is_open and now > self.due_at

    @property
    def where(self) -> str:
        return f"{self.building} {self.floor} {self.room}"


def request_rows(
    session: Session,
    *,
    open_only: bool = True,
    floor_id: int | None = None,
    day_from: date | None = None,
    day_to: date | None = None,
) -> list[RequestRow]:
    """The requests (the open ones, or those taken down from ``day_from`` to ``day_to``), in the layout's order
    of the rooms, then by when they came in; ``floor_id``: one floor's (the person's room now)."""
    zone = ZoneInfo(get_site(session).timezone)
    opener, closer = aliased(User), aliased(User)
    q = (
        select(CareRequest, Stay.departed_at, Person.name, Person.special_needs, Building.name, Floor.id, Floor.name,
               Room.number, opener.display_name, opener.username, closer.display_name, closer.username)
        .join(Stay, CareRequest.stay_id == Stay.id)
        .join(Person, Stay.person_id == Person.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .outerjoin(opener, CareRequest.opened_by == opener.id)
        .outerjoin(closer, CareRequest.closed_by == closer.id)
        .order_by(Building.sort, Floor.sort, Room.sort, CareRequest.opened_at, CareRequest.id)
    )  # fmt: skip
    if open_only:
        q = q.where(CareRequest.state.in_(OPEN_STATES))
    if floor_id is not None:
        q = q.where(Room.floor_id == floor_id)
    if day_from is not None:
        q = q.where(CareRequest.opened_at >= datetime.combine(day_from, time(0), zone))
    if day_to is not None:
        q = q.where(CareRequest.opened_at < datetime.combine(day_to + timedelta(days=1), time(0), zone))
    local = lambda t: t.astimezone(zone) if t is not None else None  # noqa: E731
    out = []
    for r, left, name, needs, b, fid, f, number, o_name, o_user, c_name, c_user in session.execute(q):
        opened = r.opened_at.astimezone(zone)
        out.append(
            RequestRow(
                r.id,
                r.version,
                r.stay_id,
                b,
                fid,
                f,
                number,
                name,
                sort_needs(needs or ""),
                r.kind,
                r.text,
                r.urgency,
                r.channel,
                r.state,
                opened,
                o_name or o_user or "",
                opened + DUE[r.urgency],
                local(r.taken_at),
                r.handler,
                local(r.closed_at),
                c_name or c_user or "",
                r.outcome,
                left is not None,
            )
        )
    return out


def open_requests(session: Session, now: datetime | None = None) -> list[RequestRow]:
    """The open requests for the Today screen, of the people here: the overdue first, then the urgent, then the
    oldest (those of someone who has left stay on the requests page, marked, for the desk to close)."""
    now = clock.site_now(get_site(session).timezone, now)
    rows = [r for r in request_rows(session) if not r.left]  # who has left asks the community now
    rows.sort(key=lambda r: (not r.overdue(now), r.urgency is not Urgency.URGENT, r.opened_at, r.id))
    return rows


def needs_of(session: Session, stay_id: int) -> SortedNeeds:
    """The special needs recorded at the arrival of ``stay_id``'s person, sorted as the registration form sorts
    them (shown beside a request being taken down)."""
    text = session.scalar(
        select(Person.special_needs).join(Stay, Stay.person_id == Person.id).where(Stay.id == stay_id)
    )
    return sort_needs(text or "")
