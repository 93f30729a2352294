"""A room list from Excel (楼栋, 楼层, 房间号, 房型, 床位数, 区域): previewed, then applied in one transaction.

The file is read within the limits of models/rules/table_files.py (a crafted file is refused, never
followed). The header is found among the first rows by its words, Chinese or English. Each room is
matched by building, floor and number: a new one is added (its building and floor too, when missing), a
known one is changed where the list says something else, nothing is ever deleted. A blank type, beds or
zone cell of a known room keeps what it has. Every row gets one status with one message when it is
refused; applying writes the rows to add and to change, all of them or none, each through the layout's
own services (models/services/layout.py), so the same rules and the same audit entries hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from models.errors import Coded, DomainError
from models.rules import table_files
from models.rules.identity import fold_width
from models.services import layout
from models.services.audit import transactional
from models.services.importer import RowMessage, said
from models.store.orm import Building, Floor, Room, RoomType, User

# field -> header spellings (compared without spaces or brackets, case-insensitive)
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "building": ("楼栋", "楼号", "楼宇", "栋", "楼", "楼栋名称", "building", "block"),
    "floor": ("楼层", "层", "层数", "所在楼层", "floor", "level"),
    "number": ("房间号", "房号", "房间", "房间编号", "门牌号", "room", "roomno", "roomnumber", "number"),
    "room_type": ("房型", "房间类型", "房间类别", "类型", "type", "roomtype"),
    "beds": ("床位数", "床位", "床数", "床位数量", "beds", "bed"),
    "zone": ("区域", "分区", "三区", "所在区域", "zone", "area"),
}
NEEDED = ("building", "floor", "number")
# a cell's words -> code (compared as header keys are)
ROOM_TYPES: dict[str, RoomType] = {
    **dict.fromkeys(("单人间", "单间", "单人", "单人房", "single", "s"), RoomType.SINGLE),
    **dict.fromkeys(("双人间", "双人", "双床", "双床房", "双人房", "标间", "double", "twin", "d"), RoomType.DOUBLE),
    **dict.fromkeys(
        ("无障碍间", "无障碍", "无障碍房", "无障碍房间", "accessible", "disabled", "a"), RoomType.ACCESSIBLE
    ),
}
ZONE_WORDS: dict[str, str] = {
    **dict.fromkeys(("污染区", "隔离区", "红区", "contaminated", "contaminatedzone", "red"), "contaminated"),
    **dict.fromkeys(("缓冲区", "潜在污染区", "半污染区", "黄区", "buffer", "bufferzone", "yellow"), "buffer"),
    **dict.fromkeys(("清洁区", "绿区", "clean", "cleanzone", "green"), "clean"),
}
FLOOR_TEXT = re.compile(r"^(?:第)?(-?\d{1,3})(?:f|层|楼)?$|^b(\d{1,2})$")
STATUSES = ("add", "change", "same", "rejected")


def _key(text: Any) -> str:
    return re.sub(r"[\s:：*（）()_\-]", "", fold_width(str(text))).lower() if text is not None else ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


@dataclass
class RoomRow:
    """One room of the list: what it says (normalised), what it does (``status``) and why not."""

    row: int  # as the spreadsheet numbers it
    status: str = "add"  # add / change / same / rejected
    building: str = ""
    level: int | None = None
    number: str = ""
    room_type: RoomType | None = None  # None: not given (a known room keeps its own)
    beds: int | None = None
    zone: str | None = None
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field -> (now, from the list)
    messages: list[str] = field(default_factory=list)  # RowMessage: said in the reader's language
    room_id: int | None = None
    version: int | None = None

    def message(self, lang: str) -> str:
        return (
            "；".join(said(m, lang) for m in self.messages)
            if lang.startswith("zh")
            else "; ".join(said(m, lang) for m in self.messages)
        )


@dataclass
class RoomsPreview:
    rows: list[RoomRow]
    new_buildings: list[str] = field(default_factory=list)
    new_floors: list[tuple[str, int]] = field(default_factory=list)

    def of(self, status: str) -> list[RoomRow]:
        return [r for r in self.rows if r.status == status]

    @property
    def to_write(self) -> list[RoomRow]:
        return [r for r in self.rows if r.status in ("add", "change")]


def find_header(rows: list[list[Any]], scan: int = 20) -> tuple[int, dict[int, str]]:
    best: tuple[int, dict[int, str]] = (-1, {})
    for i, row in enumerate(rows[:scan]):
        cols: dict[int, str] = {}
        for c, cell in enumerate(row):
            k = _key(cell)
            found = next((f for f, aliases in HEADER_ALIASES.items() if k in aliases), None)
            if found and found not in cols.values():
                cols[c] = found
        if len(cols) > len(best[1]):
            best = (i, cols)
    if best[0] < 0 or not set(NEEDED) <= set(best[1].values()):
        raise DomainError("layout_import_no_header")
    return best


def parse_level(value: Any) -> int:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer():
            return layout.check_level(int(value))
        raise DomainError("layout_import_bad_floor", value=str(value)[:40])
    m = FLOOR_TEXT.match(re.sub(r"\s", "", fold_width(_text(value))).lower())
    if m is None:
        raise DomainError("layout_import_bad_floor", value=_text(value)[:40])
    return layout.check_level(int(m.group(1)) if m.group(1) is not None else -int(m.group(2)))


def parse_beds(value: Any) -> int:
    text = _key(value).removesuffix("张").removesuffix("床")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    if text.isdigit() and len(text) <= 2:
        return int(text)
    raise DomainError("layout_import_bad_beds", value=_text(value)[:40])


def parse_room_type(value: Any) -> RoomType:
    k = _key(value)
    if k in ROOM_TYPES:
        return ROOM_TYPES[k]
    if k in {t.value for t in RoomType}:
        return RoomType(k)
    raise DomainError("layout_type_unknown", value=_text(value)[:40])


def parse_zone(value: Any) -> str:
    k = _key(value)
    if k in ZONE_WORDS:
        return ZONE_WORDS[k]
    raise DomainError("layout_zone_unknown", value=_text(value)[:40])


def _cells(row: list[Any], cols: dict[int, str]) -> dict[str, Any]:
    return {f: (row[c] if c < len(row) else None) for c, f in cols.items()}


def _given(value: Any) -> bool:
    return value is not None and _text(value) != ""


def read_room_list(session: Session, path: Path) -> RoomsPreview:
    """The preview of a room list file: each row's status and messages; nothing is written."""
    table = table_files.read_table(path)
    header, cols = find_header(table)
    rows: list[RoomRow] = []
    for i, raw in enumerate(table[header + 1 :], start=header + 2):
        values = _cells(raw, cols)
        if not any(_given(v) for v in values.values()):
            continue  # a blank row
        rows.append(_parse_row(i, values))
    return plan(session, rows)


def _parse_row(i: int, values: dict[str, Any]) -> RoomRow:
    r = RoomRow(i)
    try:
        for f in NEEDED:
            if not _given(values.get(f)):
                raise DomainError("layout_import_missing", field=layout.field_words("room" if f == "number" else f))
        r.building = layout.clean_name(_text(values["building"]), "building")
        r.level = parse_level(values["floor"])
        r.number = layout.clean_number(_text(values["number"]))
        if _given(values.get("room_type")):
            r.room_type = parse_room_type(values["room_type"])
        if _given(values.get("beds")):
            r.beds = parse_beds(values["beds"])
        if _given(values.get("zone")):
            r.zone = parse_zone(values["zone"])
    except DomainError as e:
        r.status, r.messages = "rejected", [RowMessage.of(e)]
    return r


def plan(session: Session, rows: list[RoomRow]) -> RoomsPreview:
    """Match each parsed row with the site: add, change, same, or rejected with its reason."""
    preview = RoomsPreview(rows)
    seen: dict[tuple[str, int, str], int] = {}
    for r in rows:
        if r.status == "rejected" or r.level is None:
            continue
        key = (r.building, r.level, r.number)
        if key in seen:
            _reject(r, DomainError("layout_import_duplicate", row=seen[key]))
            continue
        seen[key] = r.row
        try:
            _match(session, r, preview)
        except DomainError as e:
            _reject(r, e)
    return preview


def _reject(r: RoomRow, e: DomainError) -> None:
    r.status, r.messages, r.changes = "rejected", [RowMessage.of(e)], {}


def _match(session: Session, r: RoomRow, preview: RoomsPreview) -> None:
    assert r.level is not None
    building = layout.find_building(session, r.building)
    floor = layout.find_floor(session, building.id, r.level) if building is not None else None
    room = layout.find_room(session, floor.id, r.number) if floor is not None else None
    if building is not None and building.retired_on is not None:
        raise (
            DomainError("layout_add_to_retired", what=building.name)
            if room is None
            else DomainError("layout_room_is_retired", room=r.number)
        )
    if floor is not None and floor.retired_on is not None and room is None:
        raise DomainError("layout_floor_retired", building=r.building, level=r.level)
    if room is None:
        room_type = r.room_type or (RoomType.DOUBLE if (r.beds or 1) > 1 else RoomType.SINGLE)
        r.room_type = room_type
        r.beds = layout.check_beds(room_type, r.beds if r.beds is not None else layout.DEFAULT_BEDS[room_type])
        r.zone = r.zone or "contaminated"
        r.status = "add"
        if building is None and r.building not in preview.new_buildings:
            preview.new_buildings.append(r.building)
        if floor is None and (r.building, r.level) not in preview.new_floors:
            preview.new_floors.append((r.building, r.level))
        return
    _compare(session, r, room)


def _compare(session: Session, r: RoomRow, room: Room) -> None:
    if room.retired_on is not None:
        raise DomainError("layout_room_is_retired", room=room.number)
    r.room_id, r.version = room.id, room.version
    new_type = r.room_type or room.room_type
    new_beds = r.beds if r.beds is not None else room.beds
    if (
        r.room_type is not None
        and r.beds is None
        and not layout.BEDS[new_type][0] <= new_beds <= layout.BEDS[new_type][1]
    ):
        new_beds = layout.DEFAULT_BEDS[new_type]
    layout.check_beds(new_type, new_beds)
    if new_beds < room.beds:
        layout.check_beds_in_use(session, room, new_beds)
    new_zone = r.zone or room.zone
    for name, now, then in (
        ("room_type", room.room_type, new_type),
        ("beds", room.beds, new_beds),
        ("zone", room.zone, new_zone),
    ):
        if now != then:
            r.changes[name] = (now, then)
    r.room_type, r.beds, r.zone = new_type, new_beds, new_zone
    r.status = "change" if r.changes else "same"


@transactional("settings")
def apply_room_list(session: Session, actor: User | None, preview: RoomsPreview) -> tuple[int, int]:
    """Write the preview's rows to add and to change, in one transaction, through the layout's services
    (their checks again, their audit entries). A room changed by another desk since the preview (its
    version) refuses the whole list, as any other refusal does, naming the row. Returns (added, changed)."""
    rows = preview.to_write
    if not rows:
        raise DomainError("layout_import_nothing")
    added = changed = 0
    buildings: dict[str, Building] = {}
    floors: dict[tuple[str, int], Floor] = {}
    for r in rows:
        assert r.level is not None and r.room_type is not None
        try:
            if r.status == "change" and r.room_id is not None:
                layout.update_room(
                    session,
                    actor,
                    r.room_id,
                    room_type=r.room_type,
                    beds=r.beds,
                    zone=r.zone,
                    expected_version=r.version,
                )
                changed += 1
                continue
            b = buildings.get(r.building) or layout.find_building(session, r.building)
            if b is None:
                b = layout.add_building(session, actor, r.building)
            buildings[r.building] = b
            f = floors.get((r.building, r.level)) or layout.find_floor(session, b.id, r.level)
            if f is None:
                f = layout.add_floor(session, actor, b.id, r.level)
            floors[(r.building, r.level)] = f
            layout.add_room(session, actor, f.id, r.number, r.room_type, r.beds, r.zone or "contaminated")
            added += 1
        except DomainError as e:
            raise DomainError("layout_import_row", row=r.row, reason=Coded(e.code, e.zh, e.en)) from e
    return added, changed
