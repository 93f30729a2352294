"""Finding a person by an ID number or phone without turning the search into a way to read them.

An identifier matches only in full, or by its last four characters, the ones its mask shows anyway
(models/rules/identity.py). Any other length never matches: guessing one more character at a time
(56 searches used to spell out a full ID) reconstructs nothing. The occupant list records a search by a
full identifier (models/reads/occupants.py ``count_occupants``).
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, select

from models.rules.identity import fold_width
from models.rules.search_keys import TAIL, TAIL_LENGTH
from models.store.orm import Person, PersonKey

SHOWN_TAIL = TAIL_LENGTH  # the characters of an ID number or phone that its mask shows


def identifier_kind(text: str) -> str | None:
    """ "doc" for a whole ID number (18 characters, or 15 digits), "phone" for a whole mobile number."""
    t = fold_width(text).strip().upper()
    if re.fullmatch(r"\d{17}[\dX]|\d{15}", t):
        return "doc"
    if re.fullmatch(r"1\d{10}", t):
        return "phone"
    return None


def identifier_condition(text: str) -> ColumnElement[bool] | None:
    """The people whose ID number or phone is ``text`` in full, or ends with it when it is the shown tail;
    None when ``text`` can match no identifier."""
    t = fold_width(text).strip().upper()
    if len(t) == SHOWN_TAIL and re.fullmatch(r"\d{3}[\dX]", t):  # by its key (models/rules/search_keys.py)
        return Person.id.in_(select(PersonKey.person_id).where(PersonKey.key == TAIL + t))
    kind = identifier_kind(t)
    if kind == "doc":
        return Person.doc_number == t
    if kind == "phone":
        return Person.phone == t
    return None
