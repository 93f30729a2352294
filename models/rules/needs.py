"""A person's special needs (特殊需求), as the registration form sorts them: chronic disease, allergies, the rest.

The arrival dialog and the transfer lists collect one free-text field, ``Person.special_needs`` (items
separated by commas, 、 or semicolons; sometimes a code such as ``chronic`` or ``allergy``). There is
no field of its own for chronic disease or allergies, so the form takes them out of that text by
keywords; anything not recognised stays under special needs, nothing is dropped. The keywords are a
plain list, on purpose: a desk reads the result on paper, and the form leaves tick boxes to fill by
hand when nothing was recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# the codes a needs text may hold instead of words (their labels: printing/labels.py ``need_<code>``)
NEED_CODES = ("elderly", "child", "pregnant", "chronic", "allergy", "diet", "mobility")

_SEPARATORS = re.compile(r"\s*[,，、;；\n]+\s*")
CHRONIC_WORDS = (
    "慢性", "高血压", "糖尿病", "心脏病", "冠心病", "心衰", "哮喘", "慢阻肺", "肾病", "透析", "肝病", "肝炎",
    "癫痫", "肿瘤", "癌", "脑梗", "中风", "甲亢", "甲减", "过敏性",
    "chronic", "diabetes", "diabetic", "hypertension", "blood pressure", "heart", "asthma", "copd", "kidney",
    "dialysis", "epilep", "cancer", "tumour", "tumor", "stroke", "thyroid", "hepatitis",
)  # fmt: skip
# "过敏性鼻炎" / "allergic asthma" are diseases; "青霉素过敏" / "allergic to penicillin" are allergies
ALLERGY_WORDS = ("过敏", "allergy", "allergies", "allergic to")


@dataclass(frozen=True)
class SortedNeeds:
    chronic: tuple[str, ...]  # chronic diseases named (or the code "chronic")
    allergies: tuple[str, ...]  # allergies named (or the code "allergy")
    other: tuple[str, ...]  # everything else, as written (codes kept as codes, for the form to translate)


def _is_allergy(item: str) -> bool:
    low = item.lower()
    if low == "allergy":
        return True
    if "过敏性" in item and "过敏" not in item.replace("过敏性", ""):
        return False
    if "allergic" in low and "allergic to" not in low:
        return False
    return any(w in low for w in ALLERGY_WORDS)


def _is_chronic(item: str) -> bool:
    low = item.lower()
    return low == "chronic" or any(w in low for w in CHRONIC_WORDS) or "allergic" in low


def sort_needs(text: str) -> SortedNeeds:
    """``text`` (``Person.special_needs``) split into items, each put in one group, in the order written."""
    chronic: list[str] = []
    allergies: list[str] = []
    other: list[str] = []
    for item in _SEPARATORS.split(text.strip()):
        if not item:
            continue
        if _is_allergy(item):
            allergies.append(item)
        elif _is_chronic(item):
            chronic.append(item)
        else:
            other.append(item)
    return SortedNeeds(tuple(chronic), tuple(allergies), tuple(other))
