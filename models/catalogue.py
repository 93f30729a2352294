"""The one way headless code (the domain, the printed forms) keeps the words it shows: a ``Catalogue``.

Chosen once for ``models/`` and ``printing/`` (the screens use Qt's tr() and .ts files; nothing here imports
Qt): one typed table per language, ``zh_CN`` and ``en``, each a ``Mapping[str, str]``, built from a single
source where every key gives both texts together, ``key: (zh_CN, en)``. So a key cannot exist in one
language and not in the other, and a text is read next to its translation; the constructor also refuses a
text whose ``{placeholders}`` differ between the two languages. gettext/Babel .po files were not chosen:
two languages, both maintained by the developers, need no translators' tool chain, and a Python table is
checked by mypy and by the import itself.

The domain keeps codes and parameters (``DomainError.code``/``params``, an allocation ``Said``); the layer
that shows them asks ``text(key, lang, **params)``. Languages: a tag whose language is Chinese (``zh``,
``zh_CN``, ``zh-Hans`` …) reads the ``zh_CN`` table, every other tag (``en``, ``en_GB``, one we have no
table for) the English one: Chinese is the app's default, but a reader who asked for a language other than
Chinese reads English better than Chinese (and that is what every form and message did before).

Users: ``models/errors.py`` ``MESSAGES`` (refusals, notices, the words of codes), ``printing/labels.py``
``LABELS`` (the words on the forms), the allocation reasons, the not-measured reasons.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

LANGS: tuple[str, str] = ("zh_CN", "en")
DEFAULT_LANG = "zh_CN"


def language(lang: str | None) -> str:
    """The table ``lang`` reads: ``zh_CN`` for any Chinese tag, ``en`` for anything else."""
    return "zh_CN" if (lang or "").lower().startswith("zh") else "en"


def placeholders(text: str) -> frozenset[str]:
    """The names of the ``{placeholders}`` in a str.format text (``{n}``, ``{m:02d}`` → n, m)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


class Catalogue:
    """One table per language built from ``source`` (key -> (zh_CN text, en text))."""

    def __init__(self, name: str, source: Mapping[str, tuple[str, str]]) -> None:
        self.name = name
        for key, texts in source.items():
            if not (isinstance(texts, tuple) and len(texts) == len(LANGS) and all(isinstance(t, str) for t in texts)):
                raise TypeError(f"{name}: {key!r} must give one text per language {LANGS}")
            if placeholders(texts[0]) != placeholders(texts[1]):
                raise ValueError(f"{name}: {key!r} has other placeholders in {LANGS[0]} than in {LANGS[1]}")
        self._needs: dict[str, frozenset[str]] = {}  # key -> its placeholders, as asked for
        self._tables: dict[str, Mapping[str, str]] = {
            lang: MappingProxyType({key: texts[i] for key, texts in source.items()}) for i, lang in enumerate(LANGS)
        }

    def check(self, key: str, params: Mapping[str, Any]) -> None:
        """Refuse, as ``text`` would, a ``key`` that is not here or ``params`` missing one of its
        placeholders, without forming the text (for words formed only when read)."""
        needed = self._needs.get(key)
        if needed is None:
            self._needs[key] = needed = placeholders(self.template(key, DEFAULT_LANG))
        for name in needed:
            if name not in params:
                raise KeyError(f"{self.name}: {key!r} needs the parameter {name!r}")

    def table(self, lang: str | None) -> Mapping[str, str]:
        """Every text of the language ``lang`` reads (read-only)."""
        return self._tables[language(lang)]

    def has(self, key: str) -> bool:
        return key in self._tables[DEFAULT_LANG]

    def template(self, key: str, lang: str | None) -> str:
        """The text of ``key`` with its placeholders unfilled; KeyError naming the key if there is none."""
        try:
            return self.table(lang)[key]
        except KeyError:
            raise KeyError(f"{self.name}: no text {key!r}") from None

    def text(self, key: str, lang: str | None, /, **params: Any) -> str:
        """The text of ``key`` in ``lang``, its placeholders filled from ``params`` (a missing one: KeyError)."""
        template = self.template(key, lang)
        try:
            return template.format(**params)
        except KeyError as missing:
            raise KeyError(f"{self.name}: {key!r} needs the parameter {missing.args[0]!r}") from None

    def pair(self, key: str, /, **params: Any) -> tuple[str, str]:
        """``key`` in both languages (zh_CN, en), for a text said in both (the command line)."""
        return self.text(key, "zh_CN", **params), self.text(key, "en", **params)

    def __contains__(self, key: object) -> bool:
        return key in self._tables[DEFAULT_LANG]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables[DEFAULT_LANG])

    def __len__(self) -> int:
        return len(self._tables[DEFAULT_LANG])


@dataclass(frozen=True)
class Said:
    """Something the domain has to say, kept as its key and parameters; shown by ``text(lang)``."""

    catalogue: Catalogue = field(repr=False, compare=False)
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str | None) -> str:
        return self.catalogue.text(self.key, lang, **self.params)
