"""How a name's surname is read, for the pinyin search (models/services/arrivals.py ``name_pinyin``).

pypinyin reads a name as a phrase, by the commonest reading of each character: 曾伟 is "ceng wei", 单雄信
"dan xiong xin". As surnames many characters are read otherwise (曾 zeng, 单 shan), and a desk types the
reading it hears. ``readings`` gives every reading worth indexing: the surname's own (from ``SURNAMES``,
compound surnames first), pypinyin's reading of the whole name, then the first character's other
readings (pypinyin's heteronyms), the rest of the name as pypinyin reads it.
"""

from __future__ import annotations

import re
from functools import lru_cache

# surname -> its syllables as a surname; compound surnames are looked up before single ones
COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"),
    "单于": ("chan", "yu"),
}
SURNAMES: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",),
    "单": ("shan",),
    "解": ("xie",),
    "仇": ("qiu",),
    "区": ("ou",),
    "朴": ("piao",),
    "查": ("zha",),
    "覃": ("qin",),
    "翟": ("zhai",),
    "缪": ("miao",),
    "乐": ("yue",),
    "盖": ("ge",),
    "召": ("shao",),
    "种": ("chong",),
    "秘": ("bi",),
    "员": ("yun",),
}

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def surname_reading(name: str) -> tuple[int, tuple[str, ...]] | None:
    """(the surname's length in characters, its syllables) when the name starts with a surname of the
    table, else None."""
    for table in (COMPOUND_SURNAMES, SURNAMES):
        for surname, syllables in table.items():
            if name.startswith(surname):
                return len(surname), syllables
    return None


@lru_cache(maxsize=4096)
def heteronyms(ch: str) -> tuple[str, ...]:
    """Every reading pypinyin knows for one Han character, without tones; () for any other character."""
    if not _HAN.fullmatch(ch):
        return ()
    from pypinyin import Style, pinyin

    return tuple(dict.fromkeys(s.lower() for s in pinyin(ch, style=Style.NORMAL, heteronym=True)[0] if s))


def readings(name: str, syllables: list[str]) -> list[tuple[str, ...]]:
    """Every reading of ``name`` as syllables, the one to sort by first, without repeats.

    ``syllables`` is pypinyin's reading of the name (``lazy_pinyin(name, errors="ignore")``, one
    syllable per Han character). Only the head of the name is read otherwise, and only when it is written
    in Han characters (then its syllables are the first ones of ``syllables``)."""
    base = tuple(s.lower() for s in syllables if s)
    out = []
    known = surname_reading(name)
    if known is not None and all(_HAN.fullmatch(c) for c in name[: known[0]]) and len(base) >= known[0]:
        out.append(known[1] + base[known[0] :])
    out.append(base)
    if name and base and _HAN.fullmatch(name[0]):
        out.extend((head, *base[1:]) for head in heteronyms(name[0]))
    return list(dict.fromkeys(out))


def index_text(reads: list[tuple[str, ...]], limit: int | None = None) -> str:
    """The search index of a name: "full|initials" for each reading, the first the one to sort by
    ('zengwei|zw|cengwei|cw' for 曾伟). Within ``limit`` characters (the column's): the initials are never
    cut (the other readings are left out, last first, when even their initials do not fit), the full
    pinyin is, the first reading's last."""
    pairs = list(dict.fromkeys(("".join(r), "".join(s[0] for s in r)) for r in reads)) or [("", "")]
    if limit is None:
        return "|".join(f"{full}|{initials}" for full, initials in pairs)
    first_full, first_initials = pairs[0]
    first_initials = first_initials[: limit - 1]
    room = limit - 1 - len(first_initials)  # for the first full pinyin and the other readings
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
