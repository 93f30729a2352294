"""Column mappings remembered per source (名单来源): the desk says once which field an unusual header is, for the
lists of one sending office, and the next list from that office is read the same way, on any desk.

A list says nothing of where it comes from, so a source is recognised by its headers: the source whose
remembered headers all stand in one header row of the list (the one with most of them, of several). The
command line can also name it (``import --source``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.errors import DomainError
from models.rules.table_files import MAX_COLUMNS
from models.services import audit
from models.services.arrivals import column_limit
from models.services.audit import transactional
from models.services.communities import clean_text, one_line
from models.services.importer import FIELDS, HEADER_SCAN, header_cells, header_key, looks_like_data
from models.store.orm import ColumnMap, User

HEADER_LENGTH = column_limit(ColumnMap, "header") or 100  # a kept header's key, as the column holds it


@transactional("arrivals")
def remember_columns(session: Session, actor: User | None, source: str, mapping: dict[str, str]) -> int:
    """Keep ``mapping`` (header text -> field) as the lists of ``source``'s: it replaces what was kept for the
    source. Returns the headers kept. Refused: an empty source, an unknown field, a header named twice."""
    name = clean_text(source, "list_source", required=True)  # one_line, and checked
    kept: dict[str, str] = {}
    for header, field in mapping.items():
        if field not in FIELDS:
            raise DomainError("import_map_field", field=field, fields=", ".join(FIELDS))
        key = header_key(header)
        if (
            key and len(key) <= HEADER_LENGTH and not looks_like_data([header])
        ):  # an ID or a phone is a person's, no header
            kept[key] = field
    if not kept or len(kept) > MAX_COLUMNS:
        raise DomainError("import_map_empty")
    before = remembered_columns(session, name)
    session.execute(delete(ColumnMap).where(ColumnMap.source == name))
    uid = actor.id if actor is not None else None
    session.add_all(ColumnMap(source=name, header=k, field=f, user_id=uid) for k, f in kept.items())
    said = ",".join(f"{k}>{f}" for k, f in sorted(kept.items()))  # headers are the office's words, no one's data
    was = ",".join(f"{k}>{f}" for k, f in sorted(before.items())) or "-"
    audit.record(
        session, actor, "columns.remember", None, note=f"source={name} columns={len(kept)} map={said} was={was}"
    )
    return len(kept)


def source_name(source: str) -> str:
    """A source's name as it is kept (clean_text's one_line), to look it up as typed."""
    return one_line(source)


def remembered_columns(session: Session, source: str) -> dict[str, str]:
    """The headers (as keys) and fields kept for ``source``; empty when none."""
    name = source_name(source)
    return dict(session.execute(select(ColumnMap.header, ColumnMap.field).where(ColumnMap.source == name)).all())


def sources(session: Session) -> list[str]:
    """Every source with columns kept, by name."""
    return list(session.scalars(select(ColumnMap.source).distinct().order_by(ColumnMap.source)))


def recognise_columns(session: Session, rows: list[list[Any]]) -> tuple[str, dict[str, str]] | None:
    """The source whose kept headers all stand in one header row of ``rows`` (or a two-row header), and its
    mapping; of several, the one that names most columns; None when no source's headers are all there."""
    by_source: dict[str, dict[str, str]] = {}
    for source, header, field in session.execute(select(ColumnMap.source, ColumnMap.header, ColumnMap.field)):
        by_source.setdefault(source, {})[header] = field
    if not by_source:
        return None
    head = rows[:HEADER_SCAN]
    lines: list[set[str]] = []
    for i, row in enumerate(head):
        lines.append({header_key(c) for c in row} - {""})
        if i + 1 < len(head):
            lines.append({k for keys in header_cells(row, head[i + 1]) for k in keys})
    best: tuple[int, str] | None = None
    for source, kept in by_source.items():
        if any(kept.keys() <= line for line in lines) and (best is None or len(kept) > best[0]):
            best = (len(kept), source)
    return (best[1], by_source[best[1]]) if best else None
