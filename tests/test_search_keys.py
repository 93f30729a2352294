"""Search as you type through person_key (issue 16): every piece of a name and every pinyin reading is an index
entry, kept with the person, so a keystroke looks up an index instead of scanning everyone who ever stayed."""

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
    assert keys == person_keys("李思", session.get(Person, stay.person_id).name_pinyin)  # none of the old name left
    release(session, desk, stay.id, override_reason="指挥部通知", now=NOW)
    assert found(session, "李思") == set() and found(session, "李思", present_only=False) == {"李思"}


def test_a_keystroke_is_an_index_lookup_not_a_scan(session, site, desk, make_arrival, engine):
    if engine.dialect.name != "sqlite":
        return  # the plan's words are SQLite's; PostgreSQL uses the same btree on person_key
    arrive(session, desk, make_arrival, "赵钱孙")
    from models.reads.occupants import _query

    for typed in ("钱", "zqs", "zhao"):
        q = _query(OccupantFilter(text=typed, present_only=False))
        compiled = q.compile(engine, compile_kwargs={"literal_binds": True})
        plan = " | ".join(row[3] for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
        assert "person_key" in plan and "SCAN person " not in plan and "SCAN person_key" not in plan, plan
