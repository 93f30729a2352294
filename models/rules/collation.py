"""The order a Chinese reader expects a list of names in: by their pinyin (东城 before 三里庵), not by the
code points of the characters (三 U+4E09 before 东 U+4E1C), then by the text itself to break ties."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def chinese_order(text: str) -> tuple[str, str]:
    """A sort key: the text's pinyin without tones (letters and digits left as they are), then the text."""
    from pypinyin import lazy_pinyin  # its dictionary loads at the first name, not at start

    return " ".join(lazy_pinyin(text)).lower(), text
