"""The keys a person is found by as the desk types, kept in ``person_key`` so that every keystroke is an
index lookup instead of a scan of everyone who ever stayed (``LIKE '%…%'`` cannot use an index).

- ``n:`` + every piece of the name up to :data:`NAME_PIECE` characters, lower case: 王, 小, 小红, 王小红 …
  (a name of 2-4 characters has at most 10 pieces). A longer query is looked up by its first
  :data:`NAME_PIECE` characters and then checked against the whole name.
- ``p:`` + each pinyin reading of the name (models/services/arrivals.py ``name_pinyin``: zengwei, zw,
  cengwei, cw): a pinyin query matches the readings it begins, by an index range.
- ``t:`` + the last four characters of the ID number and of the phone (:data:`TAIL`), the ones their masks
  show anyway (models/reads/identifiers.py): four digits typed are one index lookup, where
  ``LIKE '%1234'`` read every identifier ever stored. Nothing more of an identifier is kept here.
"""

from __future__ import annotations

from models.rules.identity import fold_width

NAME_PIECE = 6
NAME = "n:"
PINYIN = "p:"
TAIL = "t:"
TAIL_LENGTH = 4  # models/reads/identifiers.py SHOWN_TAIL
KEY_LENGTH = 60  # person_key.key's length
PREFIX_END = "\x7f"  # after every letter: "p:zh" <= key < "p:zh\x7f" is "begins with zh"


def normal(text: str) -> str:
    return fold_width(text).strip().lower()


def person_keys(name: str, name_pinyin: str, doc_number: str = "", phone: str = "") -> set[str]:
    n = normal(name)
    keys = {
        NAME + n[i : i + k] for k in range(1, NAME_PIECE + 1) for i in range(len(n) - k + 1) if n[i : i + k].strip()
    }
    keys |= {PINYIN + r for r in name_pinyin.split("|") if r}
    for identifier in (doc_number, phone):
        tail = fold_width(identifier or "").strip().upper()[-TAIL_LENGTH:]
        if len(tail) == TAIL_LENGTH:
            keys.add(TAIL + tail)
    return {k[:KEY_LENGTH] for k in keys}
