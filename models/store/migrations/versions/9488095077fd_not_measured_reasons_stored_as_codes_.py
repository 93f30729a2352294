"""not-measured reasons stored as codes, names indexed by every surname reading

Two data migrations, no schema change:

- ``observation.not_measured_reason`` held the reason's label in the language of the desk that typed it
  (睡眠中 beside asleep). It now holds the code (asleep / refused / transfer) and every screen and form
  shows the label of its own language (models/rules/not_measured.py). Rows holding a label in either
  language get its code; a text that is no label of the table is left as it was written (it is shown so).
- ``person.name_pinyin`` is recomputed for everyone: every reading of the name's head is indexed (曾伟:
  zengwei|zw and cengwei|cw; models/rules/surnames.py), so existing people are found like new ones.

The tables and the index format are frozen here with the revision (the app's may change later); the
readings themselves come from pypinyin.

Revision ID: 9488095077fd
Revises: 4e6721845f65
Create Date: 2026-12-01 14:42:38.036070
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '9488095077fd'
down_revision: str | None = '4e6721845f65'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REASONS = {"asleep": ("睡眠中", "asleep"), "refused": ("拒绝测量", "refused"),
           "transfer": ("外出转运", "out for transfer")}  # fmt: skip
COMPOUND_SURNAMES = {"尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "长孙": ("zhang", "sun"), "澹台": ("tan", "tai"),
                     "单于": ("chan", "yu")}  # fmt: skip
SURNAMES = {"曾": ("zeng",), "单": ("shan",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",), "朴": ("piao",),
            "查": ("zha",), "覃": ("qin",), "翟": ("zhai",), "缪": ("miao",), "乐": ("yue",), "盖": ("ge",),
            "召": ("shao",), "种": ("chong",), "秘": ("bi",), "员": ("yun",)}  # fmt: skip
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
PINYIN_LIMIT = 300  # person.name_pinyin's length

observation = sa.table("observation", sa.column("id", sa.Integer), sa.column("not_measured_reason", sa.String))
person = sa.table("person", sa.column("id", sa.Integer), sa.column("name", sa.String),
                  sa.column("name_pinyin", sa.String))  # fmt: skip


def _code(text: str) -> str | None:
    t = text.strip()
    for code, labels in REASONS.items():
        if t == code or t in labels or t.lower() in labels:
            return code
    return None


def _readings(name: str) -> list[tuple[str, ...]]:
    # as models.rules.surnames.readings at this revision
    from pypinyin import Style, lazy_pinyin, pinyin

    base = tuple(s.lower() for s in lazy_pinyin(name, errors="ignore") if s)
    out = []
    for table in (COMPOUND_SURNAMES, SURNAMES):
        known = next(((len(k), v) for k, v in table.items() if name.startswith(k)), None)
        if known is not None:
            if all(HAN.fullmatch(c) for c in name[: known[0]]) and len(base) >= known[0]:
                out.append(known[1] + base[known[0] :])
            break
    out.append(base)
    if name and base and HAN.fullmatch(name[0]):
        heads = dict.fromkeys(s.lower() for s in pinyin(name[0], style=Style.NORMAL, heteronym=True)[0] if s)
        out.extend((head, *base[1:]) for head in heads)
    return list(dict.fromkeys(out))


def _index(reads: list[tuple[str, ...]], limit: int) -> str:
    # as models.rules.surnames.index_text at this revision
    pairs = list(dict.fromkeys(("".join(r), "".join(s[0] for s in r)) for r in reads)) or [("", "")]
    first_full, first_initials = pairs[0]
    first_initials = first_initials[: limit - 1]
    room = limit - 1 - len(first_initials)
    others = pairs[1:]
    while others and sum(len(i) + 2 for _, i in others) > room:
        others.pop()
    room -= sum(len(i) + 2 for _, i in others)
    first_full = first_full[:room]
    room -= len(first_full)
    parts = [first_full, first_initials]
    for full, initials in others:
        parts += [full[:room], initials]
        room -= len(parts[-2])
    return "|".join(parts)


def _old_index(name: str, limit: int) -> str:
    # name_pinyin before this revision: pypinyin's reading only
    from pypinyin import Style, lazy_pinyin

    full = "".join(lazy_pinyin(name, errors="ignore")).lower()
    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")).lower()[: limit - 1]
    return f"{full[: limit - 1 - len(initials)]}|{initials}"


def _reindex(index: Callable[[str], str]) -> None:
    bind = op.get_bind()
    for pid, name, old in bind.execute(sa.select(person.c.id, person.c.name, person.c.name_pinyin)).all():
        new = index(name or "")
        if new != old:
            bind.execute(person.update().where(person.c.id == pid).values(name_pinyin=new))


def upgrade() -> None:
    bind = op.get_bind()
    stored = bind.execute(
        sa.select(observation.c.id, observation.c.not_measured_reason).where(
            observation.c.not_measured_reason.is_not(None)
        )
    ).all()
    for oid, reason in stored:
        code = _code(reason)
        if code is not None and code != reason:
            bind.execute(observation.update().where(observation.c.id == oid).values(not_measured_reason=code))
    _reindex(lambda name: _index(_readings(name), PINYIN_LIMIT))


def downgrade() -> None:
    bind = op.get_bind()
    for code, (zh, _en) in REASONS.items():
        bind.execute(
            observation.update().where(observation.c.not_measured_reason == code).values(not_measured_reason=zh)
        )
    _reindex(lambda name: _old_index(name, PINYIN_LIMIT))
