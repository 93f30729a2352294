"""The hand-over at release (models/services/communities.py, models/reads/handover.py): the receiving
communities the site keeps, where a released person goes, and the hand-over list per community and day
(解除隔离人员交接单) with full identifiers, the end of home monitoring and the home test days."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from models.errors import DomainError
from models.reads.handover import handover_lists
from models.reads.reports import daily_report
from models.services.arrivals import register_arrival
from models.services.communities import (
    Handover,
    add_community,
    edit_community,
    retire_community,
)
from models.services.releases import release_many
from models.services.stays import release, undo_departure
from models.store.orm import AuditEntry, Community, Role, Stay, SwabResult, User
from tests.conftest import NOW, local
from tests.helpers import free_rooms
from tests.test_stays import set_swab

ARRIVED = local(2026, 11, 16, 14)  # 第九版 inbound: release on 23 Nov, 3 days at home, a test on home day 3
RELEASED = local(2026, 11, 23, 9, 30)


@pytest.fixture
def communities(session, site, desk):
    return (
        add_community(session, desk, "三里庵街道", "安居苑社区", "王敏", "13912345678"),
        add_community(session, desk, "  稻香村街道 ", "绿怡居社区", "", "0551-65123456"),
    )


def arrive(session, desk, make_arrival, n=1, **kw):
    rooms = free_rooms(session, n)
    return [register_arrival(session, desk, make_arrival(arrived_at=ARRIVED, **kw), r.id, now=ARRIVED) for r in rooms]


def test_a_community_is_kept_trimmed_with_its_phone_checked(session, site, desk, communities):
    first, second = communities
    assert (second.street, second.name, second.phone) == ("稻香村街道", "绿怡居社区", "0551-65123456")
    assert first.label == "三里庵街道 安居苑社区"
    with pytest.raises(DomainError) as e:
        add_community(session, desk, "三里庵街道", "安居苑社区")
    assert e.value.code == "community_taken" and "已存在" in e.value.message("zh_CN")
    with pytest.raises(DomainError) as e:
        add_community(session, desk, "三里庵街道", "新社区", phone="12345")
    assert e.value.code == "community_phone_invalid" and "12345" in e.value.message("zh_CN")
    with pytest.raises(DomainError) as e:
        add_community(session, desk, "  ", "新社区")
    assert e.value.code == "layout_name_empty" and "街道" in e.value.message("zh_CN")
    with pytest.raises(DomainError) as e:
        add_community(session, desk, "=HYPERLINK(1)", "新社区")
    assert e.value.code == "layout_formula"
    assert session.scalar(select(func.count()).select_from(Community)) == 2  # nothing half-saved


def test_the_audit_trail_keeps_a_communitys_phone_masked(session, site, desk, communities):
    edit_community(session, desk, communities[0].id, "三里庵街道", "安居苑社区", "李强", "13987654321")
    entries = session.scalars(select(AuditEntry).where(AuditEntry.action.like("community.%"))).all()
    assert [e.action for e in entries] == ["community.add", "community.add", "community.edit"]
    stored = " ".join(str(e.before) + str(e.after) for e in entries)
    assert "13912345678" not in stored and "13987654321" not in stored and "139****4321" in stored


def test_a_viewer_may_not_keep_the_list(session, site, desk):
    viewer = User(username="viewer1", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    with pytest.raises(DomainError) as e:
        add_community(session, viewer, "三里庵街道", "安居苑社区")
    assert e.value.code == "forbidden"
    assert session.scalar(select(func.count()).select_from(Community)) == 0


def test_a_release_records_where_the_person_goes(session, site, desk, make_arrival, communities):
    (stay,) = arrive(session, desk, make_arrival, address="合肥市蜀山区安居苑 3 栋 201")
    release(
        session, desk, stay.id, override_reason="测试", now=RELEASED,
        handover=Handover("合肥市蜀山区安居苑 3 栋 201", communities[0].id, " 社区专车 皖A12345 "),
    )  # fmt: skip
    session.expire_all()
    got = session.get(Stay, stay.id)
    assert (got.departure_destination, got.community_id, got.transport) == (
        "合肥市蜀山区安居苑 3 栋 201",
        communities[0].id,
        "社区专车 皖A12345",
    )
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "stay.released")).one()
    assert entry.after["community_id"] == communities[0].id and entry.after["transport"] == "社区专车 皖A12345"
    undo_departure(session, desk, stay.id, "误操作", now=RELEASED)
    session.expire_all()
    got = session.get(Stay, stay.id)
    assert (got.departure_destination, got.community_id, got.transport) == (None, None, None)


def test_a_retired_community_is_refused_at_release_and_nothing_is_saved(session, site, desk, make_arrival, communities):
    used, unused = arrive(session, desk, make_arrival, n=2)
    release(session, desk, used.id, override_reason="测试", now=RELEASED, handover=Handover("", communities[0].id))
    retired = retire_community(session, desk, communities[0].id)
    assert retired.retired_on == NOW.date()  # it received someone: kept, retired
    retire_community(session, desk, communities[1].id)  # it received nobody: gone
    assert session.get(Community, communities[1].id) is None
    with pytest.raises(DomainError) as e:
        release(
            session, desk, unused.id, override_reason="测试", now=RELEASED, handover=Handover("", communities[0].id)
        )
    assert e.value.code == "community_retired" and "三里庵街道 安居苑社区" in e.value.message("zh_CN")
    session.expire_all()
    assert session.get(Stay, unused.id).departed_at is None


def test_the_hand_over_list_groups_by_community_with_full_ids_and_the_home_tests(
    session, site, desk, make_arrival, communities
):
    a, b, c, d = arrive(session, desk, make_arrival, n=4)
    first, second = communities
    for stay, community in ((a, first), (b, second), (c, first)):
        release(session, desk, stay.id, override_reason="测试", now=RELEASED, handover=Handover("", community.id))
    release(session, desk, d.id, override_reason="测试", now=local(2026, 11, 24, 9))  # no community named
    lists = handover_lists(session, date(2026, 11, 23), date(2026, 11, 23))
    # in the pinyin order of the street (dào before sān), the same on every desk and database
    assert [(h.street, h.community) for h in lists] == [("稻香村街道", "绿怡居社区"), ("三里庵街道", "安居苑社区")]
    by_id = {h.community_id: h for h in lists}
    assert [p.stay_id for p in by_id[first.id].people] == [a.id, c.id]
    person = by_id[first.id].people[0]
    session.expire_all()
    full = session.get(Stay, a.id).person
    assert (person.doc_number, person.phone) == (full.doc_number, full.phone)  # in full: the list is signed
    assert person.address == (full.address or "")  # no destination typed: the person's address
    assert person.home_to == date(2026, 11, 25) and person.home_tests == (date(2026, 11, 25),)
    assert by_id[first.id].contact == "王敏"
    # a range, and one community
    both = handover_lists(session, date(2026, 11, 23), date(2026, 11, 24))
    assert both[-1].community_id is None and [p.stay_id for p in both[-1].people] == [d.id]  # none named: last
    only = handover_lists(session, date(2026, 11, 23), date(2026, 11, 24), second.id)
    assert [(h.community_id, [p.stay_id for p in h.people]) for h in only] == [(second.id, [b.id])]
    report = daily_report(session, date(2026, 11, 23), now=local(2026, 11, 24, 12))
    assert [(c.community, c.releases) for c in report.by_community] == [
        (h.street + " " + h.community, len(h.people)) for h in lists
    ]
    assert sum(c.releases for c in report.by_community) == report.releases == 3
    later = daily_report(session, date(2026, 11, 24), now=local(2026, 11, 24, 12))
    assert [(c.community, c.releases) for c in later.by_community] == [("", 1)]
    assert daily_report(session, date(2026, 11, 22), now=local(2026, 11, 24, 12)).by_community == ()


def test_a_batch_release_hands_each_person_to_their_community(session, site, desk, make_arrival, communities):
    a, b = arrive(session, desk, make_arrival, n=2)
    for stay in (a, b):
        for day in (5, 7):
            set_swab(session, stay.id, day, SwabResult.NEGATIVE)
    first, second = communities
    release_many(
        session, desk, [a.id, b.id], now=NOW,
        handovers={a.id: Handover("家 A", first.id, "社区专车"), b.id: Handover("", second.id)},
    )  # fmt: skip
    session.expire_all()
    got = {
        s.id: (s.departure_destination, s.community_id, s.transport)
        for s in (session.get(Stay, a.id), session.get(Stay, b.id))
    }
    assert got == {a.id: ("家 A", first.id, "社区专车"), b.id: (None, second.id, None)}


def test_a_batch_with_a_retired_community_releases_nobody(session, site, desk, make_arrival, communities):
    a, b = arrive(session, desk, make_arrival, n=2)
    for stay in (a, b):
        for day in (5, 7):
            set_swab(session, stay.id, day, SwabResult.NEGATIVE)
    first, _second = communities
    release(session, desk, a.id, now=NOW, handover=Handover("", first.id))
    retire_community(session, desk, first.id)
    undo_departure(session, desk, a.id, "误操作", now=NOW)
    with pytest.raises(DomainError) as e:
        release_many(session, desk, [a.id, b.id], now=NOW, handovers={b.id: Handover("", first.id)})
    assert e.value.code == "community_retired"
    session.expire_all()
    assert session.get(Stay, a.id).departed_at is None and session.get(Stay, b.id).departed_at is None


# --- the hand-over list on paper, as a workbook, from the command line ---------------------------------------


@pytest.fixture
def handed_over(session, site, desk, make_arrival, communities):
    """Three released on the 23rd (two to the first community, one to the second), one on the 24th with none."""
    a, b, c, d = arrive(session, desk, make_arrival, n=4)
    first, second = communities
    release(
        session, desk, a.id, override_reason="测试", now=RELEASED, handover=Handover("安居苑 3 栋", first.id, "专车")
    )
    release(session, desk, b.id, override_reason="测试", now=RELEASED, handover=Handover("", second.id))
    release(session, desk, c.id, override_reason="测试", now=RELEASED, handover=Handover("", first.id))
    release(session, desk, d.id, override_reason="测试", now=local(2026, 11, 24, 9))
    return a, b, c, d


def _pdf_text(pdf: bytes) -> list[str]:
    import io

    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_hand_over_list_prints_each_community_on_its_pages_with_full_ids_and_is_audited(
    session, site, desk, handed_over, tmp_path
):
    from printing.documents import render

    a, b, c, _d = handed_over
    session.expire_all()
    people = {s.id: session.get(Stay, s.id).person for s in (a, b, c)}
    before = session.scalar(select(func.count()).select_from(AuditEntry))
    pdf = render(session, "handover", date(2026, 11, 23), actor=desk, printed_by="前台一", now=NOW)
    pages = _pdf_text(pdf)
    assert len(pages) == 2  # one community a page (each fits on one)
    # 稻香村 (dào) before 三里庵 (sān): pinyin order
    assert "解除隔离人员交接单" in pages[1] and "接收街道/社区：三里庵街道 安居苑社区" in pages[1]
    assert "联系人：王敏" in pages[1] and "移交方（隔离点）签名" in pages[1] and "接收方（街道/社区）签名" in pages[1]
    for stay in (a, c):
        assert people[stay.id].doc_number in pages[1] and people[stay.id].phone in pages[1]
    assert people[b.id].doc_number in pages[0] and people[b.id].doc_number not in pages[1]
    assert "11-25" in pages[1] and "2026-11-25" in pages[1]  # the home test day, the end of home monitoring
    assert "专车" in pages[1] and "安居苑 3 栋" in pages[1]
    entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "document.print")).all()
    assert sorted(e.note for e in entries) == sorted(f"form=handover stay={s.id}" for s in (a, b, c))
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == before + 3
    english = _pdf_text(render(session, "handover", date(2026, 11, 23), actor=desk, lang="en", now=NOW))
    assert "Hand-over list of released people" in english[0] and "解除隔离" not in english[0]


def test_a_range_one_community_and_a_day_without_releases(session, site, desk, handed_over, communities):
    from printing.documents import render

    del handed_over  # (the releases are what is printed)
    both = _pdf_text(render(session, "handover", date(2026, 11, 24), day_from=date(2026, 11, 23), actor=desk, now=NOW))
    assert len(both) == 3 and "未登记接收街道/社区" in both[-1] and "2026-11-23 – 2026-11-24" in both[0]
    one = _pdf_text(
        render(session, "handover", date(2026, 11, 23), community_id=communities[1].id, actor=desk, now=NOW)
    )
    assert len(one) == 1 and "稻香村街道 绿怡居社区" in one[0] and "安居苑社区" not in one[0]
    before = session.scalar(select(func.count()).select_from(AuditEntry))
    empty = _pdf_text(render(session, "handover", date(2026, 11, 22), actor=desk, now=NOW))
    assert "所选日期内无解除隔离人员" in empty[0]
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == before  # nobody's ID printed
    with pytest.raises(DomainError) as e:
        render(session, "handover", date(2026, 11, 22), day_from=date(2026, 11, 23), actor=desk, now=NOW)
    assert e.value.code == "period_reversed"


def test_the_workbook_is_left_only_once_the_print_is_recorded(session, site, desk, handed_over, tmp_path, monkeypatch):
    from printing import documents
    from printing.documents import render

    def failing(*_args, **_kwargs):
        raise DomainError("conflict")

    monkeypatch.setattr(documents, "record_print", failing)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DomainError):
        render(session, "handover", date(2026, 11, 23), actor=desk, now=NOW, xlsx_path=out / "ho.xlsx", pdf=False)
    assert list(out.iterdir()) == []  # no workbook of full numbers without its audit entries


def test_a_viewer_may_not_print_full_identifiers(session, site, desk, handed_over):
    from printing.documents import render

    viewer = User(username="viewer2", role=Role.VIEWER)
    session.add(viewer)
    session.commit()
    before = session.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(DomainError) as e:
        render(session, "handover", date(2026, 11, 23), actor=viewer, now=NOW)
    assert e.value.code == "forbidden"
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_the_workbook_has_a_row_a_person_with_the_community_first(session, site, desk, handed_over, tmp_path):
    from datetime import datetime

    from openpyxl import load_workbook

    from printing.documents import render

    a, *_ = handed_over
    path = tmp_path / "handover.xlsx"
    render(session, "handover", date(2026, 11, 23), actor=desk, now=NOW, xlsx_path=path, pdf=False)
    ws = load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:2] == ("接收街道/社区", "姓名")
    assert [r[0] for r in rows[1:]] == ["稻香村街道 绿怡居社区", "三里庵街道 安居苑社区", "三里庵街道 安居苑社区"]
    session.expire_all()
    assert rows[2][4] == session.get(Stay, a.id).person.doc_number  # in full, as on the paper
    assert isinstance(rows[2][8], datetime) and rows[2][8].hour == 9 and rows[2][8].minute == 30  # site time
    assert ws.freeze_panes == "A2"


def test_the_command_line_prints_one_communitys_list(session, site, engine, desk, handed_over, tmp_path):
    from tests.helpers import cli_account, run_app

    if engine.url.get_backend_name() != "sqlite":
        pytest.skip("the CLI test uses the SQLite file")
    db = str(engine.url.database)
    signed = cli_account(db, "clerk", "desk")
    out = tmp_path / "ho.pdf"
    done = run_app(
        "print", "handover", "--db", db, "--date", "2026-11-23", "--community", "绿怡居社区", "-o", str(out), **signed
    )
    assert done.returncode == 0, done.stderr
    pages = _pdf_text(out.read_bytes())
    assert len(pages) == 1 and "稻香村街道 绿怡居社区" in pages[0]
    wrong = run_app("print", "handover", "--db", db, "--community", "没有这个社区", "-o", str(out), **signed)
    assert wrong.returncode == 2 and "没有这个社区" in wrong.stderr and "Traceback" not in wrong.stderr


def test_the_release_notice_names_the_receiving_community_once_recorded(session, site, desk, handed_over):
    from printing.documents import render

    a, *_ = handed_over
    pages = _pdf_text(render(session, "release-notices", date(2026, 11, 23), actor=desk, stay_ids=[a.id], now=NOW))
    assert "三里庵街道 安居苑社区" in pages[0] and "安居苑 3 栋" in pages[0]
