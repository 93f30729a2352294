"""Identity documents, names and phone numbers: validate and normalise.

ID numbers go through python-stdnum (``stdnum.cn.ric``); mobile numbers through phonenumbers.
By the site's rules a resident ID with a correct check character and a real past birth date is
never refused for its region code: an unknown region is only a warning.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from models import clock
from models.codes import DocType, Sex
from models.errors import MESSAGES, Coded, DomainError

CHINA_TZ = "Asia/Shanghai"
_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"Ｘ": "X", "ｘ": "X"})
_NAME_OK = re.compile(r"^[^\d!@#$%^&*()_+=\[\]{};:\"<>?/\\|~`]+$")


def fold_width(text: str) -> str:
    """Full-width digits and letters to ASCII (Excel lists often carry them)."""
    return unicodedata.normalize("NFKC", text).translate(_FULLWIDTH)


# --- characters a person's data may not hold ---------------------------------------------------

# embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069): they reorder what a screen or a
# printed list shows ("Trojan Source"), in any field
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# zero-width space, non-joiner, joiner, word joiner, BOM: two names or passport numbers that look the same
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def hidden_char(text: str, *, multiline: bool = False, strict: bool = False) -> tuple[str, str] | None:
    """The first character ``text`` may not hold and why ("control", "bidi", "invisible"), or None.

    Every field refuses control characters (C0, DEL, C1; a multi-line note keeps its newlines), unpaired
    surrogates and bidi controls. ``strict`` (names, document numbers) also refuses every other
    invisible format character (zero-width ones, word joiner, BOM, soft hyphen, LRM/RLM, tags ...).
    """
    for ch in text:
        if ch in BIDI_CONTROLS:
            return "bidi", ch
        category = unicodedata.category(ch)
        if category == "Cc" and not (multiline and ch == "\n"):
            return "control", ch
        if category == "Cs":
            return "control", ch
        if strict and (category == "Cf" or ch in ZERO_WIDTH):
            return "invisible", ch
    return None


def check_chars(text: str, field: str, *, multiline: bool = False, strict: bool = False) -> None:
    """Raise text_control / text_bidi / text_invisible naming the field (``field_<field>`` in MESSAGES)."""
    found = hidden_char(text, multiline=multiline, strict=strict)
    if found is not None:
        kind, ch = found
        zh, en = MESSAGES.pair(f"field_{field}")
        raise DomainError(f"text_{kind}", field=Coded(en, zh, en), char=f"U+{ord(ch):04X}")


def shown(value: object, limit: int = 40) -> str:
    """``value`` as a message may quote it: at most ``limit`` characters, and every control, format or
    line-separator character written as <U+XXXX> (a quoted value must not reorder or hide the message)."""
    text = str(value)
    out = "".join(
        f"<U+{ord(c):04X}>" if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") else c for c in text[:limit]
    )
    return out + ("…" if len(text) > limit else "")


@dataclass(frozen=True)
class ResidentId:
    number: str  # always 18 characters
    birth_date: date
    sex: Sex
    region_known: bool
    upgraded_from: str | None = None  # the 15-digit number it came from
    warnings: list[str] = field(default_factory=list)


def region_known(number: str) -> bool:
    """Whether stdnum's table knows the number's region code (its first six digits) in its birth year."""
    try:
        year = int(number[6:10])
    except ValueError:
        return False
    return _region_known(number[:6], year)


@functools.lru_cache(maxsize=16384)
def _region_known(region: str, year: int) -> bool:
    """stdnum reads only the region code and the birth year (a county is valid over years): asked once per
    pair, not once per person (a 1,000-row list asked stdnum's table 4,000 times, half of checking it)."""
    from stdnum import exceptions as stdnum_exc
    from stdnum.cn import ric

    try:
        return bool(ric.get_birth_place(f"{region}{year:04d}01010000"))
    except (stdnum_exc.ValidationError, KeyError, ValueError):  # KeyError: gaps in stdnum's table
        return False


def upgrade_15(number: str) -> str:
    """A 15-digit legacy number to its 18-character form (century 19, check character added)."""
    body = number[:6] + "19" + number[6:]
    return body + check_char(body)


def parse_resident_id(raw: str, today: date | None = None) -> ResidentId:
    """Validate a 居民身份证 number; raise DomainError with the precise reason."""
    # a resident ID's birth date is a date in China: "not in the future" is judged on Beijing's calendar
    today = today or clock.site_today(CHINA_TZ)
    text = fold_width(str(raw)).strip().upper().replace(" ", "")
    if not text:
        raise DomainError("id_empty")
    if re.fullmatch(r"\d(\.\d+)?E\+?\d+", text) or (re.fullmatch(r"\d{15}000", text) and not _valid18(text)):
        # Excel keeps 15 significant digits: the tail became zeros or an exponent
        raise DomainError("id_truncated")
    upgraded_from = None
    if re.fullmatch(r"\d{15}", text):
        upgraded_from = text
        text = upgrade_15(text)
    elif not re.fullmatch(r"\d{17}[\dX]", text):
        raise DomainError("id_format")
    # stdnum's ric.validate, in its order (the check character first) without its region lookup: a region
    # is never a reason to refuse, and region_known asks the table once per region and year
    if check_char(text[:17]) != text[17]:
        raise DomainError("id_checksum")
    if not _birth_ok(text, today):
        raise DomainError("id_birth_date")
    birth = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    sex = Sex.MALE if int(text[16]) % 2 else Sex.FEMALE
    known = region_known(text)
    warnings = [] if known else ["region_unknown"]
    return ResidentId(text, birth, sex, known, upgraded_from, warnings)


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits (stdnum wants a placeholder)."""
    from stdnum.cn import ric  # at first use: the forms mask numbers without loading stdnum

    return ric.calc_check_digit(first17 + "0")


def _valid18(text: str) -> bool:
    return check_char(text[:17]) == text[17]


def _birth_ok(text: str, today: date) -> bool:
    try:
        birth = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return False
    return date(1890, 1, 1) <= birth <= today


def normalise_doc_number(doc_type: DocType, raw: str) -> str:
    text = fold_width(str(raw)).strip().upper().replace(" ", "")
    if not text:
        raise DomainError("id_empty")
    if doc_type is DocType.RESIDENT_ID:
        return parse_resident_id(text).number
    return text


def normalise_mobile(raw: str | None) -> str | None:
    """11-digit mainland mobile number, or None for empty. Strips spaces, dashes, +86."""
    if raw is None:
        return None
    text = fold_width(str(raw)).strip()
    if not text:
        return None
    import phonenumbers  # its metadata takes a while to load: imported at the first phone number, not at start

    try:
        num = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException as exc:
        raise DomainError("phone_invalid", phone=shown(raw)) from exc
    national = str(num.national_number)
    # a mainland mobile: 1[3-9] then 9 digits. No check against phonenumbers' list of assigned ranges: that list
    # ages inside an installed app and would refuse real numbers from newly opened ranges (16x, 19x, ...).
    if num.country_code != 86 or not re.fullmatch(r"1[3-9]\d{9}", national):
        raise DomainError("phone_invalid", phone=shown(raw))
    return national


def normalise_name(raw: str) -> str:
    """Trim, fold full-width, unify the middle dot used in minority and foreign names; refuse hidden characters."""
    check_chars(re.sub(r"[\t\r\n]", " ", str(raw)), "name", strict=True)
    text = fold_width(str(raw)).strip()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"[•・．.‧∙⋅]", "·", text)
    if not text:
        raise DomainError("name_empty")
    if not _NAME_OK.match(text):
        raise DomainError("name_invalid", name=shown(text))
    return text


def mask_id(number: str) -> str:
    """1101**********002X: show region head and the last four."""
    if len(number) <= 8:
        return number[:2] + "*" * max(0, len(number) - 2)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_phone(number: str | None) -> str:
    if not number:
        return ""
    return number[:3] + "****" + number[-4:] if len(number) == 11 else "*" * len(number)


def age_on(birth: date | None, today: date) -> int | None:
    """Whole years from ``birth`` to ``today`` (None without a birth date)."""
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
