"""Search as you type through person_key (issue 16): every piece of a name and every pinyin reading is an index
entry, kept with the person, so a keystroke looks up an index instead of scanning everyone who ever stayed."""

from itertools import product

from sqlalchemy import select, text

from models.reads.occupants import OccupantFilter, list_occupants
from models.rules.search_keys import person_keys
from models.services.arrivals import register_arrival, update_person
from models.services.stays import release
from models.store.orm import Person, PersonKey
from tests.conftest import NOW
from tests.helpers import free_rooms


def found(session, typed, present_only=True):
    return {r.name for r in list_occupants(session, OccupantFilter(text=typed, present_only=present_only))}


def arrive(session, desk, make_arrival, name):
    return register_arrival(session, desk, make_arrival(name=name), free_rooms(session, 1)[0].id, now=NOW)


def test_keys_are_the_name_pieces_and_the_pinyin_readings():
    keys = person_keys("曾小红", "zengxiaohong|zxh|cengxiaohong|cxh")
    assert {"n:曾", "n:小红", "n:曾小红", "n:红"} <= keys
    assert {"p:zengxiaohong", "p:zxh", "p:cengxiaohong", "p:cxh"} <= keys
    assert "n:曾红" not in keys  # pieces, not any letters of it


def test_found_by_any_piece_any_reading_and_case_in_latin_names(session, site, desk, make_arrival):
    arrive(session, desk, make_arrival, "曾小红")
    arrive(session, desk, make_arrival, "王小明")
    arrive(session, desk, make_arrival, "Anna Maria Schmidt-Lindqvist")
    assert found(session, "小") == {"曾小红", "王小明"}
    assert found(session, "小红") == {"曾小红"}
    assert found(session, "zeng") == found(session, "ceng") == found(session, "zxh") == {"曾小红"}
    assert found(session, "ZXH") == {"曾小红"}
    assert found(session, "schmidt") == {"Anna Maria Schmidt-Lindqvist"}  # a piece of a Latin name
    assert found(session, "maria schmidt") == {"Anna Maria Schmidt-Lindqvist"}  # longer than a piece: checked
    assert found(session, "maria smith") == set()
    assert found(session, "%") == set() and found(session, "_") == set()  # no wildcard gets through


def test_keys_follow_a_corrected_name_and_past_stays_are_found_too(session, site, desk, make_arrival):
    stay = arrive(session, desk, make_arrival, "李四")
    update_person(session, desk, stay.person_id, {"name": "李思"})
    assert found(session, "李四") == set() and found(session, "思") == {"李思"} and found(session, "lisi") == {"李思"}
    keys = set(session.scalars(select(PersonKey.key).where(PersonKey.person_id == stay.person_id)))
    p = session.get(Person, stay.person_id)
    assert keys == person_keys("李思", p.name_pinyin, p.doc_number, p.phone)  # none of the old name left
    release(session, desk, stay.id, override_reason="指挥部通知", now=NOW)
    assert found(session, "李思") == set() and found(session, "李思", present_only=False) == {"李思"}


def test_a_keystroke_is_an_index_lookup_not_a_scan(session, site, desk, make_arrival, engine):
    if engine.dialect.name != "sqlite":
        return  # the plan's words are SQLite's; PostgreSQL uses the same btree on person_key
    arrive(session, desk, make_arrival, "赵钱孙")
    from models.reads.occupants import _query

    for typed, present_only in product(("钱", "zqs", "zhao", "1234", "110105194912310021"), (False, True)):
        q = _query(OccupantFilter(text=typed, present_only=present_only))
        compiled = q.compile(engine, compile_kwargs={"literal_binds": True})
        plan = " | ".join(row[3] for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
        assert "SCAN person " not in plan and "SCAN person_key" not in plan and "SCAN stay" not in plan, plan
        assert "person_key" in plan or "ix_person_doc_number" in plan, plan


def test_the_shown_tail_of_an_id_or_phone_is_a_key_and_follows_a_correction(session, site, desk, make_arrival):
    """Four digits typed (the tail a mask shows) were LIKE '%1234' over every identifier ever stored."""
    stay = arrive(session, desk, make_arrival, "钱多多")
    person = session.get(Person, stay.person_id)
    doc_tail, phone_tail = person.doc_number[-4:], person.phone[-4:]
    assert found(session, doc_tail) == found(session, phone_tail) == {"钱多多"}
    keys = set(session.scalars(select(PersonKey.key).where(PersonKey.person_id == person.id)))
    assert {"t:" + doc_tail, "t:" + phone_tail} <= keys
    assert not any(k.startswith("t:") and len(k) != 6 for k in keys)  # the tail only, never more of it
    update_person(session, desk, person.id, {"phone": "13900001357"})
    assert found(session, "1357") == {"钱多多"} and (phone_tail == doc_tail or found(session, phone_tail) == set())
    assert found(session, "135") == set()  # three digits match no identifier


def test_the_migration_gives_stored_people_the_keys_the_app_would(tmp_path):
    import shutil
    from pathlib import Path

    from models.store.db import open_database, session_factory

    db = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parent / "data" / "isodesk-5fab85effead.sqlite3", db)
    engine = open_database(db)
    with session_factory(engine)() as s:
        people = s.scalars(select(Person)).all()
        assert people
        for p in people:
            stored = set(s.scalars(select(PersonKey.key).where(PersonKey.person_id == p.id)))
            assert stored == person_keys(p.name, p.name_pinyin or "", p.doc_number, p.phone or ""), p.id
    engine.dispose()


def test_a_broad_key_is_counted_to_the_cap_and_its_first_rows_found_are_shown_in_order(
    session, site, desk, make_arrival, monkeypatch
):
    """Issue 16's early stop: "z" among everyone who ever stayed matched 10,586 stays, all counted and sorted on
    every keystroke. Past SEARCH_CAP matches the count stops and the page is the first rows the index gives,
    in the list's order; the list tells the user to type more."""
    from models.reads import occupants

    for name in ("王一", "王二", "王三", "王四", "王五", "李六"):
        arrive(session, desk, make_arrival, name)
    monkeypatch.setattr(occupants, "SEARCH_CAP", 3)
    broad = OccupantFilter(text="王")
    assert occupants.count_occupants(session, broad, actor=None) == 4  # the cap and one: "more than 3"
    everyone = list_occupants(session, broad, limit=200)  # the full sort, as a narrow key gets
    first = list_occupants(session, broad, limit=2, first_found=True)
    assert len(first) == 2 and {r.name for r in first} <= {r.name for r in everyone}
    assert first == [r for r in everyone if r.stay_id in {f.stay_id for f in first}]  # in the list's order
    narrow = OccupantFilter(text="李")
    assert occupants.count_occupants(session, narrow, actor=None) == 1


def test_the_first_page_is_the_count_and_the_list_read_with_the_key_asked_once(
    session, site, desk, make_arrival, monkeypatch
):
    """The list's first page at each keystroke (occupants.first_page): the same count and rows as counting and then
    listing, a broad key's first found in the list's order, in one search for the key instead of two."""
    from sqlalchemy import event

    from models.reads import occupants

    for name in ("王一", "王二", "王三", "王四", "王五", "李六"):
        arrive(session, desk, make_arrival, name)
    monkeypatch.setattr(occupants, "SEARCH_CAP", 3)
    for key, sort, descending in (
        ("王", "name", False),
        ("李", "room", False),
        ("", "name", True),
        ("赵", "room", False),
    ):
        f = OccupantFilter(text=key)
        total = occupants.count_occupants(session, f, actor=None)
        broad = occupants.is_search(f) and total > 3
        listed = list_occupants(session, f, sort=sort, descending=descending, limit=2, first_found=broad)
        got = occupants.first_page(session, f, actor=None, sort=sort, descending=descending, limit=2)
        assert got == (total, listed), key
    asked: list[str] = []
    listen = lambda _c, _cur, sql, *_a: asked.append(sql)  # noqa: E731
    event.listen(session.get_bind(), "before_cursor_execute", listen)
    try:
        occupants.first_page(session, OccupantFilter(text="王"), actor=None, limit=2)
    finally:
        event.remove(session.get_bind(), "before_cursor_execute", listen)
    assert len([sql for sql in asked if "person_key" in sql]) == 1
