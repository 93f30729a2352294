from sqlalchemy import select

from models.services.allocation import AllocationRequest, suggest_room, suggest_rooms, to_batch_items
from models.services.arrivals import register_arrival, register_batch
from models.services.rooms import set_out_of_service
from models.services.stays import transfer
from models.store.orm import Building, CompanionReason, DepartureKind, Floor, Room, RoomState, RoomType, Stay
from tests.conftest import NOW
from tests.helpers import free_rooms


def rooms_by_number(session):
    """Building A's rooms (building B repeats the numbers 101-105)."""
    q = select(Room).join(Floor).join(Building).where(Building.name == "A栋")
    return {r.number: r for r in session.scalars(q)}


def test_never_a_dirty_out_of_service_or_occupied_room(session, site, desk, make_arrival):
    r = rooms_by_number(session)
    occupied = register_arrival(session, desk, make_arrival(), r["101"].id, now=NOW)
    dirty = register_arrival(session, desk, make_arrival(), r["102"].id, now=NOW)
    transfer(session, desk, dirty.id, DepartureKind.TO_HOSPITAL, "医院", now=NOW)
    set_out_of_service(session, desk, r["103"].id, "漏水", NOW.date())
    s = suggest_room(session, AllocationRequest())
    assert s.room == "104" and s.reasons[0].text("zh_CN") == "单人单间"
    batch = suggest_rooms(session, [AllocationRequest() for _ in range(30)])
    ids = [x.room_id for x in batch if x.room_id]
    assert len(ids) == len(set(ids)) == 30  # never the same room twice
    assert not {r["101"].id, r["102"].id, r["103"].id} & set(ids)
    assert occupied.room_id == r["101"].id


def test_lone_people_get_singles_before_doubles(session, site):
    batch = suggest_rooms(session, [AllocationRequest() for _ in range(40)])
    beds = {r.id: r.beds for r in session.scalars(select(Room))}
    assert all(beds[s.room_id] == 1 for s in batch)  # 40 singles exist
    more = suggest_rooms(session, [AllocationRequest() for _ in range(41)])
    assert beds[more[-1].room_id] == 2 and "双人间" in more[-1].explain()


def test_child_shares_a_double_with_the_carer(session, site, desk, make_arrival):
    reqs = [AllocationRequest(age=35), AllocationRequest(age=6, companion_of=0, companion_reason=CompanionReason.CHILD)]
    carer, child = suggest_rooms(session, reqs)
    assert carer.room_id == child.room_id and child.shares_with == 0
    assert session.get(Room, carer.room_id).beds == 2
    assert "14岁以下儿童" in child.explain() and "child under 14" in child.explain("en")
    inputs = [make_arrival(), make_arrival(min_age=3)]
    stays = register_batch(session, desk, to_batch_items(inputs, reqs, [carer, child]), now=NOW)
    assert stays[1].shares_with_id == stays[0].id and stays[1].bed == 2


def test_group_kept_on_one_floor(session, site):
    reqs = [AllocationRequest(group="王家") for _ in range(6)] + [AllocationRequest() for _ in range(3)]
    out = suggest_rooms(session, reqs)
    floors = {(s.building, s.floor) for s in out[:6]}
    assert len(floors) == 1 and "同一楼层" in out[0].explain()


def test_group_too_big_for_a_floor_spreads_over_fewest_floors(session, site):
    out = suggest_rooms(session, [AllocationRequest(group="大巴1") for _ in range(14)])
    floors = {(s.building, s.floor) for s in out}
    assert all(s.room_id for s in out) and len(floors) == 2  # 10 singles per floor in building A


def test_accessible_rooms_for_those_who_need_them(session, site, desk):
    for number in ("101", "201"):
        room = rooms_by_number(session)[number]
        room.room_type = RoomType.ACCESSIBLE
    session.commit()
    out = suggest_rooms(session, [AllocationRequest(), AllocationRequest(needs_accessible=True)])
    assert out[0].room == "102"  # the accessible 101 is kept for someone who needs it
    assert out[1].room == "101" and "无障碍" in out[1].explain()


def test_no_room_left_is_said(session, site, desk):
    n = len(free_rooms(session, beds=1)) + len(free_rooms(session, beds=2))
    out = suggest_rooms(session, [AllocationRequest() for _ in range(n + 2)])
    assert [s.room_id for s in out[-2:]] == [None, None]
    assert out[-1].explain("en") == "No suitable available room"


def test_batch_checked_in_from_suggestions(session, site, desk, make_arrival):
    reqs = [AllocationRequest(group="车1") for _ in range(5)]
    inputs = [make_arrival() for _ in reqs]
    stays = register_batch(session, desk, to_batch_items(inputs, reqs, suggest_rooms(session, reqs)), now=NOW)
    assert len(stays) == 5
    states = set(session.scalars(select(Room.state).join(Stay, Stay.room_id == Room.id)))
    assert states == {RoomState.OCCUPIED}
