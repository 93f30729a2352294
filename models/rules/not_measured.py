"""Why a round has no number for someone (未测原因): stored as a code, shown as a label.

The database holds only the codes of ``NOT_MEASURED_REASONS``, whatever the desk's language; every screen
and form turns a code into the label of the language it shows (``not_measured_label``).
"""

from __future__ import annotations

NOT_MEASURED_REASONS: dict[str, tuple[str, str]] = {  # code -> (zh, en): what the paper sheet says instead
    "asleep": ("睡眠中", "asleep"),
    "refused": ("拒绝测量", "refused"),
    "transfer": ("外出转运", "out for transfer"),
}


def not_measured_label(code: str | None, lang: str) -> str:
    """The label of a stored reason in ``lang`` ("" for none). A text that is no code (written before
    reasons were codes, and no label of the table) is shown as it was written."""
    if not code:
        return ""
    labels = NOT_MEASURED_REASONS.get(code)
    if labels is None:
        return code
    return labels[0] if lang == "zh_CN" else labels[1]


def not_measured_code(text: str | None) -> str | None:
    """The code for a reason given as its code or as its label in either language; None for anything else."""
    t = (text or "").strip()
    if t in NOT_MEASURED_REASONS:
        return t
    for code, labels in NOT_MEASURED_REASONS.items():
        if t in labels or t.lower() in labels:
            return code
    return None
