"""``app.py check``: database integrity and the domain's invariants, one line per problem."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import and_, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, aliased

from models.store.audit_guard import trail_problems
from models.store.db import current_revision, head_revision
from models.store.orm import AlertState, FeverAlert, Person, Room, RoomState, Stay


def integrity_problems(engine: Engine) -> list[str]:
    problems: list[str] = []
    if engine.url.get_backend_name() == "sqlite":
        with engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if rows != ["ok"]:
                problems += [f"integrity_check: {r}" for r in rows]
            for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"foreign key broken: table {row[0]} rowid {row[1]} -> {row[2]}")
    else:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    rev, head = current_revision(engine), head_revision(engine)
    if rev != head:
        problems.append(f"schema at revision {rev}, expected {head} / 数据库结构版本不是最新")
    return problems


def invariant_problems(session: Session) -> list[str]:
    problems: list[str] = []
    active = Stay.departed_at.is_(None)
    occupancy = (
        select(Room.id, Room.number, Room.beds, Room.state, func.count(Stay.id).label("n"))
        .outerjoin(Stay, and_(Stay.room_id == Room.id, active))
        .group_by(Room.id)
    )
    for room_id, number, beds, raw_state, n in session.execute(occupancy):
        state = RoomState(raw_state)
        if n > beds:
            problems.append(f"room {number} (#{room_id}): {n} people for {beds} beds / 房间超员")
        if n and state is not RoomState.OCCUPIED:
            problems.append(f"room {number} (#{room_id}): {n} present but state is {state.value} / 在住房间状态错误")
        if not n and state is RoomState.OCCUPIED:
            problems.append(f"room {number} (#{room_id}): marked occupied but nobody present / 空房标为已入住")
    for stay_id, name in session.execute(
        select(Stay.id, Person.name)
        .join(Person, Stay.person_id == Person.id)
        .where(Stay.departed_at.is_not(None), Stay.departure_kind.is_(None))
    ):
        problems.append(f"stay #{stay_id} ({name}): departed without a departure kind / 离开未注明方式")
    for stay_id, name in session.execute(
        select(Stay.id, Person.name)
        .join(Person, Stay.person_id == Person.id)
        .where(Stay.planned_release <= Stay.arrival_day)
    ):
        problems.append(f"stay #{stay_id} ({name}): planned release not after arrival / 解除日期早于入住")
    for person_id, n in session.execute(
        select(Stay.person_id, func.count()).where(active).group_by(Stay.person_id).having(func.count() > 1)
    ):
        problems.append(f"person #{person_id}: {n} active stays / 同一人多条在住记录")
    for alert_id, stay_id in session.execute(
        select(FeverAlert.id, FeverAlert.stay_id)
        .join(Stay, FeverAlert.stay_id == Stay.id)
        .where(FeverAlert.state == AlertState.OPEN, Stay.departed_at.is_not(None))
    ):
        problems.append(f"fever alert #{alert_id}: open for departed stay #{stay_id} / 已离开人员仍有发热预警")
    lead = aliased(Stay)
    for stay_id, lead_id in session.execute(
        select(Stay.id, lead.id)
        .join(lead, Stay.shares_with_id == lead.id)
        .where(active, lead.departed_at.is_(None), Stay.room_id != lead.room_id)
    ):
        problems.append(f"stay #{stay_id}: companion of #{lead_id} but in another room / 同住人不在同一房间")
    for room_id, number in session.execute(
        select(Room.id, Room.number).where(Room.state == RoomState.OUT_OF_SERVICE, Room.oos_reason.is_(None))
    ):
        problems.append(f"room {number} (#{room_id}): out of service without a reason / 停用未注明原因")
    return problems


def run_checks(engine: Engine) -> list[str]:
    db = engine.url.database
    if engine.url.get_backend_name() == "sqlite" and db not in (None, "", ":memory:") and not Path(db).exists():
        return [f"no database file at {db} / 数据库文件不存在"]
    problems = integrity_problems(engine)
    if problems:  # a damaged or outdated database: the invariant queries would not mean anything
        return problems
    problems += trail_problems(engine)  # the audit trail's triggers, id gaps and hash chain
    with Session(engine) as session:
        problems += invariant_problems(session)
    return problems
