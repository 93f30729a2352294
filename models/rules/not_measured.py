"""Why a round has no number for someone (未测原因): stored as a code, shown as a label.

The database holds only the codes of ``NOT_MEASURED_REASONS``, whatever the desk's language; every screen
and form turns a code into the label of the language it shows (``not_measured_label``).
"""

from __future__ import annotations

from models.catalogue import LANGS
from models.errors import MESSAGES

# the codes; what the paper sheet says instead of a number: MESSAGES not_measured_<code>
NOT_MEASURED_REASONS: tuple[str, ...] = ("asleep", "refused", "transfer")


def _labels(code: str) -> tuple[str, ...]:
    return tuple(MESSAGES.template(f"not_measured_{code}", lang) for lang in LANGS)


def not_measured_label(code: str | None, lang: str) -> str:
    """The label of a stored reason in ``lang`` ("" for none). A text that is no code (written before
    reasons were codes, and no label of the table) is shown as it was written."""
    if not code:
        return ""
    if code not in NOT_MEASURED_REASONS:
        return code
    return MESSAGES.template(f"not_measured_{code}", lang)


def not_measured_code(text: str | None) -> str | None:
    """The code for a reason given as its code or as its label in either language; None for anything else."""
    t = (text or "").strip()
    if t in NOT_MEASURED_REASONS:
        return t
    for code in NOT_MEASURED_REASONS:
        labels = _labels(code)
        if t in labels or t.lower() in labels:
            return code
    return None
