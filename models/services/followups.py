"""Follow-up calls (回访) during home health monitoring after release.

The site calls each person it released on set days of their home monitoring (``Site.followup_days``:
day numbers counted from the day of release as day 1, and ``last`` for the last day; "1,3,last" by
default). Each attempt is recorded (``record_call``): a call that did not reach the person leaves that day's
call due; a reached one records the temperature, the symptoms, the home test and a note. An abnormal
answer (a temperature at or above the site's fever threshold, a symptom, a positive home test) opens an
alert for the site lead, which stays open until someone closes it with what was done (``close_alert``).
Permission ``followups``: whoever makes the calls (admin, desk, medical); closing an alert: ``alerts``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import clock
from models.errors import DomainError
from models.rules.schedule import local_date
from models.services import audit
from models.services.audit import transactional
from models.services.observations import _symptoms, parse_temperature
from models.services.sites import get_site
from models.store.orm import AlertState, DepartureKind, FollowUp, HomeTest, Stay, User

LAST = "last"
MAX_DAY = 60  # a home phase is at most 60 days (the rule sets' limit)


def parse_followup_days(text: str) -> tuple[int | str, ...]:
    """'1, 3, last' -> (1, 3, "last"); refused: anything else than day numbers 1-60 and "last" (最后一天)."""
    parts = [p for p in re.split(r"[,，、\s]+", str(text or "").strip()) if p]
    if not parts:
        raise DomainError("followup_days_empty")
    out: list[int | str] = []
    for p in parts:
        word = p.lower()
        if word in (LAST, "最后一天", "末日"):
            value: int | str = LAST
        elif p.isdigit() and 1 <= int(p) <= MAX_DAY:
            value = int(p)
        else:
            raise DomainError("followup_days_invalid", value=p[:20])
        if value not in out:
            out.append(value)
    return tuple(sorted((d for d in out if d != LAST), key=int) + ([LAST] if LAST in out else []))


def call_days(plan: tuple[int | str, ...], home_days: int) -> tuple[int, ...]:
    """The home days called on, for a home monitoring of ``home_days`` days (days past its end dropped)."""
    days = {home_days if d == LAST else int(d) for d in plan}
    return tuple(sorted(d for d in days if 1 <= d <= home_days))


def home_days(home_until: date | None, planned_release: date) -> int:
    """Days of home monitoring after a release (0: none), as the release notice counts them: the stay's
    planned home phases (``home_until`` is counted from the planned release)."""
    return (home_until - planned_release).days + 1 if home_until else 0


@transactional("settings")
def set_followup_days(session: Session, actor: User | None, text: str) -> str:
    """The days the site calls on, stored as "1,3,last"."""
    plan = ",".join(str(d) for d in parse_followup_days(text))
    site = get_site(session)
    if plan != site.followup_days:
        before = audit.snapshot(site)
        site.followup_days = plan
        audit.record(session, actor, "site.followup_days", site, before)
    return plan


@dataclass(frozen=True)
class CallAnswer:
    """What a call found. Not reached: nothing else is kept (the call stays due)."""

    reached: bool
    temperature: str | float | None = None
    symptoms: tuple[str, ...] = field(default_factory=tuple)
    home_test: HomeTest | None = None
    note: str = ""
    called_by: str = ""


def _released(session: Session, stay_id: int) -> Stay:
    stay = session.get(Stay, stay_id)
    if stay is None:
        raise DomainError("stay_not_found")
    if stay.departure_kind is not DepartureKind.RELEASED or stay.departed_at is None:
        raise DomainError("followup_not_released")
    if home_days(stay.home_until, stay.planned_release) == 0:
        raise DomainError("followup_no_home_monitoring")
    return stay


@transactional("followups")
def record_call(
    session: Session,
    actor: User | None,
    stay_id: int,
    home_day: int,
    answer: CallAnswer,
    *,
    now: datetime | None = None,
) -> FollowUp:
    """Record one call about day ``home_day`` of the person's home monitoring (not a day still to come)."""
    now = now or clock.now()
    site = get_site(session)
    stay = _released(session, stay_id)
    assert stay.departed_at is not None  # _released
    total = home_days(stay.home_until, stay.planned_release)
    if not 1 <= home_day <= total:
        raise DomainError("followup_day_range", day=home_day, days=total)
    released = local_date(stay.departed_at, site.timezone)
    if due_date(released, home_day) > local_date(now, site.timezone):
        raise DomainError("followup_day_future", day=home_day)
    answered = select(FollowUp.id).where(FollowUp.stay_id == stay.id, FollowUp.home_day == home_day, FollowUp.reached)
    if session.scalar(answered.limit(1)) is not None:
        raise DomainError("followup_day_answered", day=home_day)
    note, called_by = answer.note.strip(), answer.called_by.strip()
    if answer.reached:
        temperature = None if answer.temperature in (None, "") else parse_temperature(answer.temperature)
        symptoms = _symptoms(answer.symptoms)
        test = answer.home_test
    else:
        temperature, symptoms, test = None, "", None
    abnormal = bool(
        (temperature is not None and temperature >= site.fever_threshold) or symptoms or test is HomeTest.POSITIVE
    )
    call = FollowUp(
        stay_id=stay.id,
        home_day=home_day,
        called_at=now,
        reached=answer.reached,
        temperature=temperature,
        symptoms=symptoms,
        home_test=test,
        note=note,
        called_by=called_by,
        abnormal=abnormal,
        alert_state=AlertState.OPEN if abnormal else None,
        user_id=actor.id if actor else None,
    )
    session.add(call)
    session.flush()
    audit.record(session, actor, "followup.call", call, person_id=stay.person_id)
    return call


@transactional("alerts")
def close_alert(
    session: Session, actor: User | None, followup_id: int, note: str, *, now: datetime | None = None
) -> FollowUp:
    """Close an abnormal follow-up's alert, saying what was done (reported to the community, sent to a
    fever clinic …): a note is required."""
    call = session.get(FollowUp, followup_id)
    if call is None or call.alert_state is None:
        raise DomainError("followup_alert_not_found")
    if call.alert_state is AlertState.CLOSED:
        raise DomainError("followup_alert_closed")
    text = note.strip()
    if not text:
        raise DomainError("followup_alert_note")
    stay = session.get(Stay, call.stay_id)
    before = audit.snapshot(call)
    call.alert_state, call.alert_closed_at, call.alert_note = AlertState.CLOSED, now or clock.now(), text
    audit.record(session, actor, "followup.alert_close", call, before, person_id=stay.person_id if stay else None)
    return call


def site_plan(session: Session) -> tuple[int | str, ...]:
    """The site's call days as parsed (a stored value that no longer parses: the default)."""
    try:
        return parse_followup_days(get_site(session).followup_days)
    except DomainError:
        return (1, 3, LAST)


def due_date(released: date, home_day: int) -> date:
    return released + timedelta(days=home_day - 1)
