"""Fixed words per language, read from each locale's words file (``data/words.<code>.yaml``
for the shipped ones), with the locale's fallbacks (English last) for words it lacks."""

from __future__ import annotations

from functools import cache
from typing import cast

from ipdocs.base.fastyaml import safe_load
from ipdocs.base.vocab import says_one
from ipdocs.i18n.locales import cached_from_locales, locale

Lang = str
"""A registered language code (``ipdocs.i18n.locales``): zh, en."""

LANGS: tuple[Lang, ...] = ("zh", "en")
"""The shipped languages, in the order bilingual documents show them."""

Word = str | list[str]


@cache
def _table(lang: str) -> dict[str, Word]:
    """Load the word table of ``lang`` (UnknownLanguageError for an unregistered one)."""
    path = locale(lang).words
    return cast(dict[str, Word], safe_load(path.read_text(encoding="utf-8")) or {})


def table(lang: str) -> dict[str, Word]:
    """Every fixed word of ``lang`` (without fallback)."""
    return dict(_table(lang))


_FOUND: dict[tuple[str, str], Word] = {}
"""Entries found (``lookup``) by key and language, until the locales change: a document
asks for some six hundred words, most of them many times."""


def lookup(key: str, lang: str) -> Word:
    """Return the raw entry for ``key`` in ``lang``, else in its fallbacks."""
    entry = _FOUND.get((key, lang))
    if entry is not None:
        return entry
    for code in (lang, *locale(lang).fallbacks):
        found = _table(code)
        if key in found:
            entry = _FOUND[key, lang] = found[key]
            return entry
    raise KeyError(f"no fixed word {key!r} for language {lang!r} nor its fallbacks")


def word(key: str, lang: str, **fields: object) -> str:
    """Return the fixed word ``key`` in ``lang``, with ``{name}`` fields filled in."""
    entry = lookup(key, lang)
    text = entry if isinstance(entry, str) else entry[0]
    return text.format(**fields) if fields else text


def has_word(key: str, lang: str) -> bool:
    """Whether ``key`` is defined for ``lang`` or its fallbacks."""
    return any(key in _table(code) for code in (lang, *locale(lang).fallbacks))


def defines(key: str, lang: str) -> bool:
    """Whether ``lang``'s own table, or a fallback of the same grammar, defines ``key``
    (not English standing in for Chinese): for optional variants of a word, such as a
    measure's own wording of a change."""
    grammar = locale(lang).grammar.name
    return any(key in _table(code) for code in (lang, *locale(lang).fallbacks)
               if locale(code).grammar.name == grammar)


def reset() -> None:
    """Forget the word tables read (after a locale is registered again)."""
    _table.cache_clear()
    _FOUND.clear()


cached_from_locales(reset)


def plural(key: str, lang: str, count: int | float | object) -> str:
    """Return the singular or plural form of a two-form entry such as ``unit.天``: the
    singular for exactly one without decimals (1 day; 1.0 days)."""
    entry = lookup(key, lang)
    if isinstance(entry, str):
        return entry
    return entry[0] if says_one(count) else entry[1]
