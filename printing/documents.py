"""One entry point for every printable document: the form's name, the day, the floor or stay, the language.

Used by the command line (`app.py print`) and the app's print buttons, so both print the same thing.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from models import clock, permissions
from models.errors import DomainError
from models.reads import reports
from models.services.disclosure import record_print
from models.services.sites import get_site
from models.store.orm import User

from . import forms, xlsx
from .base import Progress, reporting
from .form_names import BATCH_PARTS, FORMS, FULL_IDENTIFIER_FORMS

PER_PERSON = {
    "arrival-pack": forms.arrival_pack,
    "registration": forms.registration,
    "notice": forms.notice,
    "temperature-record": forms.temperature_record,
    "door-cards": forms.door_cards,
    "release-notices": forms.release_notices,
    "arrival-receipt": forms.arrival_receipt,
}
HAS_XLSX = (
    "daily-report",
    "disinfection",
    "ledger",
    "release-ledger",
    "transfer-ledger",
    "handover",
    "followup-ledger",
    "forecast",
    "area-disinfection",
    "supplies",
    "care-requests",
)


def render(
    session: Session,
    form: str,
    day: date,
    *,
    actor: User | None,
    floor_id: int | None = None,
    stay_ids: list[int] | None = None,
    lang: str = "zh_CN",
    printed_by: str = "",
    now: datetime | None = None,
    xlsx_path: Path | None = None,
    pdf: bool = True,
    progress: Progress | None = None,
    day_from: date | None = None,
    community_id: int | None = None,
) -> bytes:
    """The PDF of ``form``; with ``xlsx_path`` the tabular forms also write their .xlsx (``pdf=False``: only
    that, and b"" for the PDF). ``progress(done, total, text)`` hears how far the document is (a background
    task's; an exception it raises, such as a cancel, stops the build).

    ``actor`` is who prints (None: the system). A form that carries full ID numbers
    (``FULL_IDENTIFIER_FORMS``) needs a role that may see them, checked before the build, and is recorded
    in the audit trail per person once built: the PDF is returned only after that entry is saved.

    ``handover``: the releases from ``day_from`` (default ``day``) to ``day``, one list per receiving
    community, or only ``community_id``'s."""
    if form not in FORMS:
        raise DomainError("form_unknown", form=form)
    if progress is not None:
        with reporting(progress):
            return render(
                session, form, day, actor=actor, floor_id=floor_id, stay_ids=stay_ids, lang=lang,
                printed_by=printed_by, now=now, xlsx_path=xlsx_path, pdf=pdf, day_from=day_from,
                community_id=community_id,
            )  # fmt: skip
    now = clock.site_now(get_site(session).timezone, now)
    site = get_site(session).name
    tz = get_site(session).timezone  # a workbook's times are the site's wall-clock times
    if form == "daily-sheets":
        floors = reports.sheet_floors(session, day, floor_id)
        threshold = get_site(session).fever_threshold  # printed on every page: rechecks are measured against it
        return forms.daily_sheets(site, day, floors, lang, printed_by, now, threshold=threshold)
    if form == "arrival-batch":
        return _batch(session, day, actor, stay_ids, lang, printed_by, now)
    if form == "handover":
        return _handover(session, day_from or day, day, community_id, actor, lang, printed_by, now, xlsx_path, pdf)
    if form in PER_PERSON:
        if not stay_ids:
            if form in ("arrival-pack", "registration", "notice", "temperature-record"):
                raise DomainError("stay_required")
            if form == "arrival-receipt":
                stay_ids = reports.arrivals_on(session, day)
            else:
                stay_ids = reports.releases_on(session, day) if form == "release-notices" else None
            if stay_ids is None:
                stay_ids = reports.present_on_floor(session, floor_id)
        if form in FULL_IDENTIFIER_FORMS:
            permissions.check(session, actor, "identity")  # refused before the build, not after it
        release = form == "release-notices"  # each stay checked for release on ``day``, as the release does
        data = reports.person_forms(
            session, stay_ids, with_readings=form == "temperature-record", release_check=day if release else None
        )
        document = PER_PERSON[form](site, data, lang, printed_by, now)
        if form in FULL_IDENTIFIER_FORMS:
            # only the people whose full number is on paper: a release notice is not printed for someone not ready
            shown = forms.release.noticed(data) if release else stay_ids
            session.rollback()  # the reads end: the record opens its own write transaction
            record_print(session, actor, form, shown)
        return document
    if form == "followup-ledger":  # the calls from day_from (default: the month's first day) to the day
        from models.reads.followups import followup_rows

        first = day_from or day.replace(day=1)
        if first > day:
            raise DomainError("period_reversed", first=first.isoformat(), last=day.isoformat())
        calls = followup_rows(session, first, day)
        if xlsx_path:
            xlsx.followup_ledger_xlsx(calls, xlsx_path, lang, tz)
        return forms.followup_ledger(site, first, day, calls, lang, printed_by, now) if pdf else b""
    if form == "area-disinfection":  # the rounds from day_from (default: the day) to the day
        from models.reads.areas import area_log

        first = day_from or day
        if first > day:
            raise DomainError("period_reversed", first=first.isoformat(), last=day.isoformat())
        rounds, days = area_log(session, first, day)
        if xlsx_path:
            xlsx.area_disinfection_xlsx(rounds, xlsx_path, lang, tz)
        return forms.area_disinfection(site, first, day, rounds, days, lang, printed_by, now) if pdf else b""
    if form == "supplies":  # the stock now (a past day: at its end), the movements from day_from (the month's first)
        from models.reads.supplies import move_rows, stock_rows

        first = day_from or day.replace(day=1)
        if first > day:
            raise DomainError("period_reversed", first=first.isoformat(), last=day.isoformat())
        end = datetime.combine(day + timedelta(days=1), time(0), ZoneInfo(tz))
        at = min(now, end)
        stock, moves = stock_rows(session, at, before=at >= end), move_rows(session, first, day)
        if xlsx_path:
            xlsx.supplies_xlsx(stock, moves, at, xlsx_path, lang, tz)
        return forms.supplies(site, first, day, at, stock, moves, lang, printed_by, now) if pdf else b""
    if form == "care-requests":  # the open ones (a floor's with floor_id); the workbook: from day_from to the day
        from models.reads.care_requests import request_rows

        open_rows = [r for r in request_rows(session, floor_id=floor_id) if not r.left]  # the room holds someone else
        if xlsx_path:
            first = day_from or day.replace(day=1)
            if first > day:
                raise DomainError("period_reversed", first=first.isoformat(), last=day.isoformat())
            every = request_rows(session, open_only=False, floor_id=floor_id, day_from=first, day_to=day)
            xlsx.care_requests_xlsx(every, xlsx_path, now, lang, tz)
        return forms.care_requests(site, open_rows, lang, printed_by, now) if pdf else b""
    if form == "roster":  # the week (from its Monday) that holds the day, each working group's
        from models.reads.roster import week_roster

        monday = day - timedelta(days=day.weekday())
        return forms.roster(site, week_roster(session, monday), lang, printed_by, now)
    if form == "forecast":  # made now; for a past day, as it was made that evening (as the back-test makes it)
        return _forecast(session, day, lang, printed_by, now, xlsx_path, pdf)
    if form == "daily-report":
        report = reports.daily_report(session, day, now)
        if xlsx_path:
            xlsx.daily_report_xlsx(report, xlsx_path, lang)
        return forms.daily_report(report, lang, printed_by, now) if pdf else b""
    if form == "disinfection":
        start = day.replace(day=1)
        rows = reports.disinfection_rows(session, start, day)
        if xlsx_path:
            xlsx.disinfection_xlsx(rows, xlsx_path, lang, tz)
        return forms.disinfection(site, start, day, rows, lang, printed_by, now) if pdf else b""
    if form in ("release-ledger", "transfer-ledger"):  # every departure of the kind up to the day, as the ledger
        release = form == "release-ledger"
        gone = (reports.release_ledger_rows if release else reports.transfer_ledger_rows)(session, None, day)
        if xlsx_path:
            (xlsx.release_ledger_xlsx if release else xlsx.transfer_ledger_xlsx)(gone, xlsx_path, lang, tz)
        build = forms.release_ledger if release else forms.transfer_ledger
        return build(site, day, gone, lang, printed_by, now) if pdf else b""
    rows_l = reports.ledger_rows(session, None, day)
    if xlsx_path:
        xlsx.ledger_xlsx(rows_l, xlsx_path, lang, tz)
    return forms.ledger(site, day, rows_l, lang, printed_by, now) if pdf else b""


def _forecast(
    session: Session, day: date, lang: str, printed_by: str, now: datetime, xlsx_path: Path | None, pdf: bool
) -> bytes:
    from models.reads.forecast import evening, forecast
    from models.reads.planned_batches import batch_rows

    site = get_site(session)
    today = clock.local_date(now, site.timezone)
    reports.check_day(day, today=today)
    at = now if day == today else evening(day, site.timezone)
    fc = forecast(session, at)
    counted = batch_rows(session, at, ids=fc.batch_ids)
    if xlsx_path:
        xlsx.forecast_xlsx(fc, counted, xlsx_path, lang)
    return forms.forecast(site.name, fc, counted, lang, printed_by, now) if pdf else b""


def _batch(
    session: Session,
    day: date,
    actor: User | None,
    stay_ids: list[int] | None,
    lang: str,
    printed_by: str,
    now: datetime,
) -> bytes:
    """``arrival-batch``: the parts (BATCH_PARTS) for exactly these stays, one PDF (one print job, in order),
    recorded once as ``arrival-batch`` per person (the registration forms carry the full ID numbers)."""
    from pypdf import PdfWriter

    if not stay_ids:
        raise DomainError("stay_required")
    permissions.check(session, actor, "identity")  # refused before the build, not after it
    site = get_site(session).name
    data = reports.person_forms(session, stay_ids)
    writer = PdfWriter()
    for part in BATCH_PARTS:
        writer.append(io.BytesIO(PER_PERSON[part](site, data, lang, printed_by, now)))
    writer.add_metadata({"/Title": "IsoDesk " + ", ".join(BATCH_PARTS), "/Creator": "IsoDesk"})
    out = io.BytesIO()
    writer.write(out)
    session.rollback()  # the reads end: the record opens its own write transaction
    record_print(session, actor, "arrival-batch", stay_ids)
    return out.getvalue()


def _handover(
    session: Session,
    day_from: date,
    day_to: date,
    community_id: int | None,
    actor: User | None,
    lang: str,
    printed_by: str,
    now: datetime,
    xlsx_path: Path | None,
    pdf: bool,
) -> bytes:
    """``handover``: the lists with full identifiers, so a role that may see them, checked before the build;
    each person on them recorded (``document.print``) before the paper or the workbook is handed back."""
    from models.reads.handover import handover_lists

    if day_from > day_to:
        raise DomainError("period_reversed", first=day_from.isoformat(), last=day_to.isoformat())
    permissions.check(session, actor, "identity")
    lists = handover_lists(session, day_from, day_to, community_id)
    site = get_site(session)
    # the workbook carries the full numbers too: written aside, in place only once the print is recorded
    part = xlsx_path.with_name(f"{xlsx_path.stem}.part{xlsx_path.suffix}") if xlsx_path else None
    try:
        if part is not None:
            xlsx.handover_xlsx(lists, part, lang, site.timezone)
        document = forms.handover(site.name, day_from, day_to, lists, lang, printed_by, now) if pdf else b""
        shown = forms.handover_stays(lists)
        session.rollback()  # the reads end: the record opens its own write transaction
        if shown:
            record_print(session, actor, "handover", shown)
        if part is not None and xlsx_path is not None:
            part.replace(xlsx_path)
    finally:
        if part is not None:
            part.unlink(missing_ok=True)
    return document
