"""Fixed words per language, read from ``data/words.<lang>.yaml`` with English as fallback."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal, cast

from ipdocs.fastyaml import safe_load

Lang = Literal["zh", "en"]
"""A language ipdocs writes in."""

LANGS: tuple[Lang, ...] = ("zh", "en")
"""Every language, in the order bilingual documents show them."""

FALLBACK: Lang = "en"

Word = str | list[str]


@cache
def _table(lang: str) -> dict[str, Word]:
    """Load the word table of ``lang`` (empty if the language has no file)."""
    path = resources.files("ipdocs.i18n").joinpath("data", f"words.{lang}.yaml")
    if not path.is_file():
        return {}
    return cast(dict[str, Word], safe_load(path.read_text(encoding="utf-8")) or {})


def table(lang: str) -> dict[str, Word]:
    """Every fixed word of ``lang`` (without fallback)."""
    return dict(_table(lang))


def lookup(key: str, lang: str) -> Word:
    """Return the raw entry for ``key`` in ``lang``, falling back to English."""
    table = _table(lang)
    if key in table:
        return table[key]
    fallback = _table(FALLBACK)
    if key in fallback:
        return fallback[key]
    raise KeyError(f"no fixed word {key!r} for language {lang!r} nor for {FALLBACK!r}")


def word(key: str, lang: str, **fields: object) -> str:
    """Return the fixed word ``key`` in ``lang``, with ``{name}`` fields filled in."""
    entry = lookup(key, lang)
    text = entry if isinstance(entry, str) else entry[0]
    return text.format(**fields) if fields else text


def has_word(key: str, lang: str) -> bool:
    """Whether ``key`` is defined for ``lang`` or its fallback."""
    return key in _table(lang) or key in _table(FALLBACK)


def defines(key: str, lang: str) -> bool:
    """Whether ``lang``'s own table defines ``key`` (no fallback): for optional variants of
    a word, such as a measure's own wording of a change."""
    return key in _table(lang)


def plural(key: str, lang: str, count: int | float | object) -> str:
    """Return the singular or plural form of a two-form entry such as ``unit.天``."""
    entry = lookup(key, lang)
    if isinstance(entry, str):
        return entry
    return entry[0] if count == 1 else entry[1]
