"""The daily report (日报表): the figures of a day as they stood at its end, read back from the PDF and the .xlsx.

A report made a week later says what the report made that evening said: stays, room moves and the rooms'
events are replayed up to the end of the day. The property test drives random days of desk work and
compares each day's report made on the day with the same report made later.
"""

from __future__ import annotations

import io
import random
import re
import shutil
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from models import clock as clock_module
from models.demo import synthetic
from models.errors import DomainError
from models.reads import reports
from models.services.arrivals import ArrivalInput, register_arrival
from models.services.rooms import back_in_service, record_disinfection, set_out_of_service
from models.services.sites import FloorSpec, create_site, room_numbers
from models.services.stays import change_release_date, change_room, depart_other, release, transfer
from models.store.db import make_engine, session_factory
from models.store.orm import CompanionReason, DepartureKind, Role, Room, RoomState, Stay, User
from printing import forms, xlsx
from printing.documents import render
from tests.conftest import NOW, PG_URL, TZ, _truncate_pg, local
from tests.helpers import cli_account, free_rooms, query_plans, run_app

PRINTED = datetime(2026, 11, 23, 18, 30, tzinfo=TZ)
TODAY = NOW.date()
CODES = ("close_contact", "inbound", "risk_area", "to_hospital", "to_other_site", "home_isolation", "released")


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def figure(text: str, label: str) -> str:
    """The value printed in the cell after ``label`` (pypdf gives one line per table cell)."""
    lines = text.splitlines()
    return lines[lines.index(label) + 1]


def live_rooms(session) -> dict[RoomState, int]:  # type: ignore[no-untyped-def]
    session.expire_all()
    counts = dict(session.execute(select(Room.state, func.count()).group_by(Room.state)).all())
    return {state: counts.get(state, 0) for state in RoomState}


def report_rooms(r: reports.DailyReport) -> dict[RoomState, int]:
    return {
        RoomState.OCCUPIED: r.occupied,
        RoomState.AVAILABLE: r.available,
        RoomState.AWAITING_DISINFECTION: r.awaiting_disinfection,
        RoomState.OUT_OF_SERVICE: r.out_of_service,
    }


# --- room moves ----------------------------------------------------------------------------------------


def test_a_move_leaves_the_room_it_left_awaiting_disinfection_today(session, site, desk, make_arrival):
    r1, r2 = free_rooms(session, 2)
    stay = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20, 15)), r1.id, now=NOW)
    change_room(session, desk, stay.id, r2.id, "空调故障", now=NOW)
    report = reports.daily_report(session, TODAY)
    assert (report.occupied, report.awaiting_disinfection, report.people_present) == (1, 1, 1)
    assert report_rooms(report) == live_rooms(session)  # the report agrees with the rooms' states now
    text = text_of(forms.daily_report(report, "zh_CN", "前台一", PRINTED))
    assert figure(text, "待消毒房间") == "1" and figure(text, "已入住房间") == "1"


def test_a_move_today_does_not_change_the_report_of_a_past_day(session, site, desk, make_arrival):
    r1, r2, r3 = free_rooms(session, 3)
    a = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20, 15)), r1.id, now=NOW)
    b = register_arrival(session, desk, make_arrival(arrived_at=local(2026, 11, 20, 16)), r2.id, now=NOW)
    release(session, desk, b.id, override_reason="测试", now=local(2026, 11, 21, 10))
    record_disinfection(session, desk, r2.id, agent="含氯", done_by="甲", checked_by="乙", at=local(2026, 11, 21, 15))
    days = [date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 22)]
    before = {d: reports.daily_report(session, d).figures() for d in days}
    assert [before[d]["occupied"] for d in days] == [2, 1, 1]
    change_room(session, desk, a.id, r2.id, "换房", now=NOW)  # into the room b had on the 20th
    change_room(session, desk, a.id, r3.id, "再换", now=NOW + timedelta(hours=1))
    session.expire_all()
    after = {d: reports.daily_report(session, d).figures() for d in days}
    assert after == before
    today = reports.daily_report(session, TODAY, NOW + timedelta(hours=2))
    assert (today.occupied, today.awaiting_disinfection) == (1, 2)  # r1 and r2 were left today
    assert report_rooms(today) == live_rooms(session)
    past = text_of(render(session, "daily-report", days[0], actor=desk, printed_by="前台一", now=PRINTED))
    assert figure(past, "已入住房间") == "2" and "截至当日 24 时" in past


# --- a day to come ---------------------------------------------------------------------------------------


def test_a_day_to_come_is_refused_not_a_zero_report(session, site, desk, tmp_path):
    tomorrow = TODAY + timedelta(days=1)
    with pytest.raises(DomainError) as refused:
        reports.daily_report(session, tomorrow)
    assert refused.value.code == "report_day_future"
    assert "2026-11-24" in refused.value.zh and "未来" in refused.value.zh
    assert "2026-11-24" in refused.value.en and "to come" in refused.value.en
    with pytest.raises(DomainError, match="未来"):
        render(session, "daily-report", tomorrow, actor=desk, xlsx_path=tmp_path / "r.xlsx", now=NOW)
    assert not (tmp_path / "r.xlsx").exists()
    assert reports.daily_report(session, TODAY).day == TODAY  # today is a report of the day so far
    assert render(session, "daily-sheets", tomorrow, actor=desk, now=NOW)  # tomorrow's sheets may be printed
    with pytest.raises(DomainError) as refused:
        reports.check_day(tomorrow, today=TODAY)
    assert refused.value.code == "report_day_future"


def test_cli_refuses_a_daily_report_for_a_day_to_come(session, site, engine, tmp_path):
    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("the CLI test uses the SQLite file")
    db = str(engine.url.database)
    signed = cli_account(db, "clerk", "desk")
    out = tmp_path / "r.xlsx"
    done = run_app("report", "daily", "--db", db, "--date", "2026-11-24", "--xlsx", str(out), **signed)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "未来" in done.stderr and "to come" in done.stderr and not out.exists()
    pdf = tmp_path / "r.pdf"
    printed = run_app("print", "daily-report", "--db", db, "--date", "2026-11-24", "-o", str(pdf), **signed)
    assert printed.returncode == 2 and "未来" in printed.stderr and not pdf.exists()
    today = run_app("report", "daily", "--db", db, "--date", "2026-11-23", "--json", **signed)
    assert today.returncode == 0, today.stderr


# --- what the report carries -------------------------------------------------------------------------------


@pytest.fixture
def busy_day(session, site, desk, make_arrival):  # type: ignore[no-untyped-def]
    """Five arrivals on the 20th; on the 23rd two arrivals, one release, one of each transfer, one other."""
    rooms = free_rooms(session, 7)
    cats = ["close_contact", "close_contact", "inbound", "inbound", "risk_area"]
    early = [
        register_arrival(session, desk, make_arrival(c, arrived_at=local(2026, 11, 20, 15)), r.id, now=NOW)
        for c, r in zip(cats, rooms, strict=False)
    ]
    for cat, room in zip(["close_contact", "inbound"], rooms[5:], strict=True):
        register_arrival(session, desk, make_arrival(cat, arrived_at=local(2026, 11, 23, 8)), room.id, now=NOW)
    release(session, desk, early[0].id, override_reason="测试", now=local(2026, 11, 23, 9))
    transfer(session, desk, early[1].id, DepartureKind.TO_HOSPITAL, "市定点医院", now=local(2026, 11, 23, 9, 10))
    transfer(session, desk, early[2].id, DepartureKind.TO_OTHER_SITE, "第二隔离点", now=local(2026, 11, 23, 9, 20))
    transfer(session, desk, early[3].id, DepartureKind.HOME_ISOLATION, "", now=local(2026, 11, 23, 9, 30))
    return early


def test_the_report_prints_categories_departures_by_kind_its_time_and_signatures(session, busy_day, desk):
    report = reports.daily_report(session, TODAY, PRINTED)
    assert (report.arrivals, report.arrivals_cumulative, report.people_present) == (2, 7, 3)
    assert (report.releases, report.transfers, report.to_hospital, report.to_other_site, report.home_isolation) == (
        1, 3, 1, 1, 1,
    )  # fmt: skip
    assert not report.zero and not report.complete
    text = text_of(forms.daily_report(report, "zh_CN", "前台一", PRINTED))
    assert "报告时间：2026-11-23 18:30" in text and "截至 18:30" in text
    assert figure(text, "当日新入住") == "2" and figure(text, "累计入住") == "7"
    assert figure(text, "其中：转运至医院") == "1" and figure(text, "其中：转至其他隔离点") == "1"
    assert figure(text, "其中：转居家隔离") == "1" and figure(text, "当日解除") == "1"
    lines = text.splitlines()
    at = lines.index("密切接触者")  # present, arrivals today
    assert lines[at + 1 : at + 3] == ["1", "1"]
    assert lines[lines.index("中高风险地区来返人员") + 1] == "1"
    assert lines[lines.index("合计") + 1 : lines.index("合计") + 3] == ["3", "2"]
    assert "填报人" in text and "审核人" in text and "零报告" not in text
    english = text_of(forms.daily_report(report, "en", "desk", PRINTED))
    assert "Close contact" in english and "of which to hospital" in english and "Checked by" in english
    for code in CODES:  # codes are never printed raw
        assert code not in text and code not in english


def test_a_past_day_of_the_report_is_the_whole_day(session, busy_day):
    report = reports.daily_report(session, date(2026, 11, 21), PRINTED)
    assert report.complete and report.zero and report.people_present == 5
    text = text_of(forms.daily_report(report, "zh_CN", "前台一", PRINTED))
    assert "截至当日 24 时" in text and "零报告" in text and "报告时间：2026-11-23 18:30" in text


# the tables that grow with every stay; room_move is read whole on purpose: a room change is a few a day
# (a year is a few thousand rows), each looked up by its stay, where the stays present at the end of a day
# are thousands to collect first
HISTORY_TABLES = re.compile(r"\bSCAN (stay|room_event|observation|swab_test)\b")


def test_the_report_of_a_day_seeks_what_it_needs_instead_of_replaying_the_history(session, busy_day, engine):
    """Issue 16: the report rebuilt every room's state from every departure and disinfection ever recorded (a
    year at 5,000 rooms: 150 ms). Each room's last departure, move out and disinfection is now an index seek,
    and the counts so far read an index alone: no statement scans a table that grows with the site's history."""
    if engine.dialect.name != "sqlite":
        pytest.skip("the plan's words are SQLite's; PostgreSQL has the same indexes")
    plans = query_plans(session, lambda: reports.daily_report(session, date(2026, 11, 21), PRINTED))
    assert len(plans) >= 8
    steps = [(sql[:90], step) for sql, plan in plans for step in plan.split(" | ") if HISTORY_TABLES.search(step)]
    # only the two counts "so far" (arrivals per category, departures per kind) go through the whole history,
    # and they read an index alone
    assert [step for _sql, step in steps if "USING COVERING INDEX" not in step] == []
    assert len(steps) <= 2, steps


def test_xlsx_carries_the_same_figures_and_marks_a_zero_report(session, busy_day, tmp_path):
    busy, quiet = tmp_path / "busy.xlsx", tmp_path / "quiet.xlsx"
    xlsx.daily_report_xlsx(reports.daily_report(session, TODAY, PRINTED), busy)
    xlsx.daily_report_xlsx(reports.daily_report(session, date(2026, 11, 21), PRINTED), quiet)
    rows = list(load_workbook(busy).active.iter_rows(values_only=True))
    by_label = {r[0]: r[1] for r in rows if r[0]}
    assert rows[2][:2] == ("房间总数", session.scalar(select(func.count()).select_from(Room)))
    assert by_label["其中：转运至医院"] == 1 and by_label["累计入住"] == 7 and by_label["密切接触者"] == 1
    assert by_label["报告时间"] == "2026-11-23 18:30" and "填报人" in by_label and "审核人" in by_label
    assert "零报告" not in by_label
    quiet_rows = {r[0]: r[1:] for r in load_workbook(quiet).active.iter_rows(values_only=True) if r[0]}
    assert quiet_rows["零报告"][0] == "是" and "零报告" in quiet_rows["零报告"][1]
    everything = " ".join(str(c) for r in rows for c in r if c is not None)
    for code in CODES:
        assert code not in everything


# --- property: a day's report made on the day is the report made later ----------------------------------


class ReportMachine(RuleBasedStateMachine):
    """A few days of desk work on a small site, the clock moving forward. When a day ends, its report and
    its sheets (as made on that day, after its last operation) are kept; every day's kept report must equal
    the one made again after any amount of later work. After every step, today's report agrees with the
    rooms' states and the stays as they are now."""

    engine_factory = None  # set per test below

    def __init__(self) -> None:
        super().__init__()
        self.engine, self.cleanup = type(self).engine_factory()
        self.session = session_factory(self.engine)()
        self.clock = clock_module.get_clock()
        assert isinstance(self.clock, clock_module.FixedClock)  # the autouse `clock` fixture
        self.clock.set(NOW)
        self.user = User(username="prop", display_name="prop", role=Role.ADMIN)
        self.session.add(self.user)
        self.session.commit()
        floors = [FloorSpec("A", 1, room_numbers(1, 1, 4)), FloorSpec("A", 2, room_numbers(2, 1, 2), beds=2)]
        create_site(self.session, self.user, "prop site", floors, rule_set_name="第九版")
        self.rng = random.Random(0)
        self.kept: dict[date, tuple[dict[str, object], list[object]]] = {}

    def teardown(self) -> None:
        self.session.close()
        self.cleanup()

    @property
    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return self.now.astimezone(TZ).date()

    def pick(self, model, where, idx: int):  # type: ignore[no-untyped-def]
        ids = list(self.session.scalars(select(model.id).where(*where).order_by(model.id)))
        return ids[idx % len(ids)] if ids else None

    def attempt(self, fn, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        """``fn`` a minute after the last operation (a desk's actions never share an instant), refused or not."""
        self.clock.advance(minutes=1)
        for key in ("now", "at"):
            if key in kwargs:
                kwargs[key] = self.now
        try:
            fn(self.session, self.user, *args, **kwargs)
        except DomainError as exc:
            event(f"{fn.__name__}: refused ({exc.code})")
            return
        event(f"{fn.__name__}: done")
        self.today_agrees_with_the_rooms_and_stays_now()

    def made_now(self, day: date) -> tuple[dict[str, object], list[object]]:
        self.session.expire_all()
        sheets = [
            (
                f.floor_id,
                [
                    (r.stay_id, r.room, r.day_n, r.days_total, r.planned_release, r.left_at, r.moved_from)
                    for r in f.rows
                ],
                f.empty_rooms,
            )
            for f in reports.sheet_floors(self.session, day)
        ]
        return reports.daily_report(self.session, day).figures(), sheets

    # --- operations ----------------------------------------------------------------------------------------
    @rule(hours=st.integers(4, 30), which=st.integers(0, 30))
    def time_passes(self, hours, which) -> None:
        """The clock moves on; the first day kept and one other are made again and compared (all of them
        each time would cost the square of the days)."""
        day = self.today()
        if (self.now + timedelta(hours=hours)).astimezone(TZ).date() != day:
            self.kept[day] = self.made_now(day)  # made on the day, after its last operation
        self.clock.advance(hours=hours)
        event(f"days kept: {len(self.kept)}")
        days = sorted(self.kept)
        for kept_day in {days[0], days[which % len(days)]} if days else ():
            assert self.made_now(kept_day) == self.kept[kept_day], f"the report of {kept_day} changed"

    @rule(room_idx=st.integers(0, 20), cat=st.sampled_from(["inbound", "close_contact", "risk_area"]))
    def arrive(self, room_idx, cat) -> None:
        p = synthetic.person(self.rng, self.today(), min_age=20, max_age=60)
        data = ArrivalInput(name=str(p["name"]), doc_number=str(p["doc_number"]), category=cat, arrived_at=self.now)
        room = self.pick(Room, [Room.state == RoomState.AVAILABLE], room_idx) or self.pick(Room, [], room_idx)
        self.attempt(register_arrival, data, room, now=self.now)

    @rule(idx=st.integers(0, 20))
    def companion(self, idx) -> None:
        lead = self.pick(Stay, [Stay.departed_at.is_(None), Stay.shares_with_id.is_(None)], idx)
        if lead is None:
            return
        p = synthetic.person(self.rng, self.today(), min_age=3, max_age=12)
        data = ArrivalInput(
            name=str(p["name"]), doc_number=str(p["doc_number"]), category="inbound", arrived_at=self.now
        )
        room = self.session.get(Stay, lead).room_id
        self.attempt(
            register_arrival, data, room, shares_with_stay_id=lead, companion_reason=CompanionReason.CHILD, now=self.now
        )

    @rule(idx=st.integers(0, 20), room_idx=st.integers(0, 20), free=st.booleans())
    def move(self, idx, room_idx, free) -> None:
        stay = self.pick(Stay, [Stay.departed_at.is_(None)], idx)
        target = self.pick(Room, [Room.state == RoomState.AVAILABLE] if free else [], room_idx)
        if stay is not None and target is not None:
            self.attempt(change_room, stay, target, "换房", now=self.now)

    @rule(idx=st.integers(0, 20), delta=st.integers(-3, 3))
    def new_release_date(self, idx, delta) -> None:
        stay_id = self.pick(Stay, [Stay.departed_at.is_(None)], idx)
        if stay_id is not None:
            stay = self.session.get(Stay, stay_id)
            new = stay.planned_release + timedelta(days=delta)
            self.attempt(change_release_date, stay_id, new, "延长", now=self.now)

    @rule(idx=st.integers(0, 20), how=st.sampled_from(list(DepartureKind)))
    def leave(self, idx, how) -> None:
        stay = self.pick(Stay, [Stay.departed_at.is_(None)], idx)
        if stay is None:
            return
        if how is DepartureKind.RELEASED:
            self.attempt(release, stay, override_reason="指挥部同意", now=self.now)
        elif how is DepartureKind.OTHER:
            self.attempt(depart_other, stay, "自行离开", now=self.now)
        else:
            self.attempt(transfer, stay, how, "市定点医院", now=self.now)

    @rule(room_idx=st.integers(0, 20))
    def disinfect(self, room_idx) -> None:
        room = self.pick(Room, [Room.state == RoomState.AWAITING_DISINFECTION], room_idx)
        if room is not None:
            by = {"done_by": "消杀员", "checked_by": "院感员"}
            self.attempt(record_disinfection, room, agent="含氯消毒剂", **by, at=self.now)

    @rule(room_idx=st.integers(0, 20))
    def service(self, room_idx) -> None:
        """A room out of service comes back; any other is taken out (refused while someone is in it)."""
        room_id = self.pick(Room, [], room_idx)
        if self.session.get(Room, room_id).state is RoomState.OUT_OF_SERVICE:
            self.attempt(back_in_service, room_id)
        else:
            self.attempt(set_out_of_service, room_id, "空调维修", self.today())

    def today_agrees_with_the_rooms_and_stays_now(self) -> None:
        """After each operation done (a refused one changed nothing): today's report is the site now."""
        report = reports.daily_report(self.session, self.today())
        assert report_rooms(report) == live_rooms(self.session)
        present = self.session.scalar(select(func.count()).select_from(Stay).where(Stay.departed_at.is_(None)))
        assert report.people_present == present
        assert sum(c.present for c in report.by_category) == present
        yesterday = self.kept.get(self.today() - timedelta(days=1))
        if yesterday is not None:  # the day's changes take the day before's people to today's
            gone = report.releases + report.transfers + report.departed_other
            assert report.people_present == yesterday[0]["people_present"] + report.arrivals - gone


def sqlite_factory(template: Path):  # type: ignore[no-untyped-def]
    def make():  # type: ignore[no-untyped-def]
        tmp = Path(tempfile.mkdtemp())
        shutil.copy(template, tmp / "p.sqlite3")
        engine = make_engine(tmp / "p.sqlite3")

        def cleanup() -> None:
            engine.dispose()
            shutil.rmtree(tmp, ignore_errors=True)

        return engine, cleanup

    return make


SETTINGS = {  # a few seconds each: PostgreSQL's round trips cost more, it runs fewer sequences
    kind: settings(
        max_examples=examples,
        stateful_step_count=40,
        deadline=None,
        # no shrinking: at a second or so per sequence it would outlast the test timeout; a failure prints
        # its whole sequence of steps (each one an operation with its arguments) as it ran
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    for kind, examples in (("sqlite", 6), ("postgresql", 4))
}


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_days_report_made_later_is_the_one_made_that_day(kind, request, sqlite_template):
    if kind == "sqlite":
        factory = sqlite_factory(sqlite_template)
    else:
        if not PG_URL:
            pytest.skip("PostgreSQL tests need ISODESK_TEST_PG_URL (set by .ci/run)")
        pg = request.getfixturevalue("pg_engine")

        def factory():  # type: ignore[no-untyped-def]
            _truncate_pg(pg)
            return pg, lambda: None

    machine = type("Machine", (ReportMachine,), {"engine_factory": staticmethod(factory)})
    machine.TestCase.settings = SETTINGS[kind]
    machine.TestCase().runTest()


def test_the_reports_screen_says_why_a_day_to_come_has_no_figures(qtbot, app_context, site):
    from views.reports_page import ReportsPage

    page = ReportsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    assert page.figures.rowCount() == len(forms.REPORT_FIELDS)
    page.day.setDate(app_context.qdate(TODAY + timedelta(days=1)))  # tomorrow's sheets may be printed
    assert page.figures.rowCount() == 0 and "未来" in page.message.text()
    page.day.setDate(app_context.qdate(TODAY))
    assert page.figures.rowCount() == len(forms.REPORT_FIELDS) and page.message.text() == ""
