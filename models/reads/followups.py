"""The follow-up calls (回访) as the Today screen and the ledger show them, as plain data.

Due calls are worked out, not stored: for every person released into home health monitoring, the site's
call days (``Site.followup_days``) fall on days of that monitoring; a call is due from its day until a call
that reached the person is recorded for it, and overdue after its day. A call still unanswered a week after
the monitoring ended leaves the list (the ledger keeps what was done). Phones are masked: the call dialog
shows the number to dial through the audited reveal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.rules.identity import age_on, mask_phone
from models.services.followups import call_days, due_date, home_days, site_plan
from models.services.sites import get_site
from models.store.id_lists import among, id_chunks
from models.store.orm import (
    AlertState,
    Building,
    Community,
    DepartureKind,
    Floor,
    FollowUp,
    Person,
    Room,
    Stay,
)
from models.store.orm.communities import community_label

KEEP_OVERDUE = 7  # days after home monitoring ends that an unanswered call stays on the list
EARLY = 7  # a release this many days before its planned date still has its calls found


@dataclass(frozen=True)
class DueCall:
    stay_id: int
    person_id: int  # to show the number in full, through the audited reveal, when dialling
    name: str
    phone: str  # masked
    community: str  # "street community", "" when none was recorded
    home_day: int
    due: date
    overdue: bool
    attempts: int  # calls made for that day that did not reach the person
    home_to: date


def calls_due(session: Session, today: date) -> list[DueCall]:
    """The calls due today and the overdue ones, the overdue first, then by due day and release.

    Read from the stays whose home monitoring ended at most KEEP_OVERDUE days ago, by their planned end
    (``home_until``, index ix_stay_kind_home_until); a release up to EARLY days before its planned date
    moves that end as much earlier, and is still found."""
    site = get_site(session)
    zone = ZoneInfo(site.timezone)
    plan = site_plan(session)
    q = (
        select(
            Stay.id, Stay.departed_at, Stay.planned_release, Stay.home_until, Person.id, Person.name, Person.phone,
            Community.street, Community.name,
        )
        .join(Person, Stay.person_id == Person.id)
        .outerjoin(Community, Stay.community_id == Community.id)
        .where(
            Stay.departure_kind == DepartureKind.RELEASED,
            Stay.home_until >= today - timedelta(days=KEEP_OVERDUE + EARLY),
            Stay.departed_at.is_not(None),
        )
        .order_by(Stay.departed_at, Stay.id)
    )  # fmt: skip
    people = session.execute(q).all()
    answered: set[tuple[int, int]] = set()
    attempts: dict[tuple[int, int], int] = {}
    for chunk in id_chunks(session, [p[0] for p in people]):
        for stay_id, day, reached in session.execute(
            select(FollowUp.stay_id, FollowUp.home_day, FollowUp.reached).where(among(session, FollowUp.stay_id, chunk))
        ):
            if reached:
                answered.add((stay_id, day))
            else:
                attempts[(stay_id, day)] = attempts.get((stay_id, day), 0) + 1
    out: list[DueCall] = []
    for stay_id, left, planned, home_until, person_id, name, phone, street, cname in people:
        assert left is not None and home_until is not None  # the query's
        released = left.astimezone(zone).date()
        days = home_days(home_until, planned)
        home_to = released + timedelta(days=days - 1)
        if today > home_to + timedelta(days=KEEP_OVERDUE):
            continue
        community = community_label(street, cname)
        for k in call_days(plan, days):
            due = due_date(released, k)
            if due > today or (stay_id, k) in answered:
                continue
            tries = attempts.get((stay_id, k), 0)
            shown = mask_phone(phone)
            out.append(DueCall(stay_id, person_id, name, shown, community, k, due, due < today, tries, home_to))
    out.sort(key=lambda c: (not c.overdue, c.due, c.stay_id, c.home_day))
    return out


@dataclass(frozen=True)
class FollowUpRow:
    """One call made, for the ledger and the alerts: site times, codes for the forms to put in words."""

    id: int
    name: str
    sex: str
    age: int | None
    phone: str  # masked
    community: str
    room: str
    released: datetime
    home_day: int
    called_at: datetime
    reached: bool
    temperature: float | None
    symptoms: str  # codes
    home_test: str  # a HomeTest value, or ""
    note: str
    called_by: str
    abnormal: bool
    alert: str  # an AlertState value, or ""
    alert_note: str


def _rows(session: Session, where: object) -> list[FollowUpRow]:
    zone = ZoneInfo(get_site(session).timezone)
    q = (
        select(FollowUp, Person.name, Person.sex, Person.birth_date, Person.phone, Stay.arrival_day, Stay.departed_at,
               Community.street, Community.name, Building.name, Floor.name, Room.number)
        .join(Stay, FollowUp.stay_id == Stay.id)
        .join(Person, Stay.person_id == Person.id)
        .outerjoin(Community, Stay.community_id == Community.id)
        .join(Room, Stay.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(where, Stay.departed_at.is_not(None))  # type: ignore[arg-type]
        .order_by(FollowUp.called_at, FollowUp.id)
    )  # fmt: skip
    out = []
    for call, name, sex, birth, phone, arrival_day, left, street, cname, b, f, number in session.execute(q):
        assert left is not None  # the query's (a release undone has no calls: stays.undo_departure_refusal)
        out.append(
            FollowUpRow(
                call.id,
                name,
                sex.value if sex else "",
                age_on(birth, arrival_day),
                mask_phone(phone),
                community_label(street, cname),
                f"{b} {f} {number}",
                left.astimezone(zone),
                call.home_day,
                call.called_at.astimezone(zone),
                call.reached,
                call.temperature,
                call.symptoms,
                call.home_test.value if call.home_test else "",
                call.note,
                call.called_by,
                call.abnormal,
                call.alert_state.value if call.alert_state else "",
                call.alert_note,
            )
        )
    return out


def followup_rows(session: Session, day_from: date, day_to: date) -> list[FollowUpRow]:
    """回访台账: the calls made from ``day_from`` to ``day_to`` (site days), phones masked, in order."""
    zone = ZoneInfo(get_site(session).timezone)
    start = datetime.combine(day_from, time(0), zone)
    end = datetime.combine(day_to + timedelta(days=1), time(0), zone)
    return _rows(session, (FollowUp.called_at >= start) & (FollowUp.called_at < end))


def open_alerts(session: Session) -> list[FollowUpRow]:
    """The abnormal follow-ups not yet dealt with, the oldest first (phones masked: the reveal shows one)."""
    return _rows(session, FollowUp.alert_state == AlertState.OPEN)
