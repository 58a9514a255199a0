"""Where words may be hyphenated: with the pyphen dictionary a language's locale names
(``hyphenation:``; the hyphenation dictionaries LibreOffice ships, from TeX's patterns),
English with the American patterns.

A word takes a hyphen only between two letters, two letters from its start and three
from its end. Acronyms and words with digits are not hyphenated; with an English
dictionary, nor are words that start with a capital (names: Ningbo, Zhejiang) or have
letters beyond ASCII (a name in another language); another language's capitalised
words are (German nouns: Rechts-schutz).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

import pyphen

LEFT, RIGHT = 2, 3
"""The fewest letters a hyphenated word leaves before and after its hyphen."""

DICTIONARY = "en_US"
"""The American patterns: their points are better than the British set's (which breaks
Zheji-ang, activ-it-ies), and they serve British spelling as well (com-mer-cial-i-sa-tion)."""

_WORD = re.compile(r"[^\W\d_]+")


class DictionaryError(ValueError):
    """A locale names a hyphenation dictionary pyphen does not have."""


@cache
def _dictionary(name: str = DICTIONARY) -> pyphen.Pyphen:
    """The hyphenation dictionary ``name``, loaded once; DictionaryError if pyphen has
    none of that name."""
    if pyphen.language_fallback(name) is None:
        raise DictionaryError(f"no hyphenation dictionary {name!r} (pyphen has "
                              f"{', '.join(sorted(pyphen.LANGUAGES))})")
    return pyphen.Pyphen(lang=name, left=LEFT, right=RIGHT)


@lru_cache(maxsize=1 << 14)
def positions(text: str, dictionary: str = DICTIONARY) -> tuple[int, ...]:
    """The character positions in ``text`` (a word, perhaps with punctuation attached:
    “commercialisation”,) before which a hyphen may go, by ``dictionary``."""
    found: list[int] = []
    english_names = dictionary.startswith("en")
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        before = text[start - 1] if start else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if before.isalnum() or after.isalnum():
            continue  # part of a word with digits
        if english_names and not (word.islower() and word.isascii()):
            continue  # a name, an acronym
        if not (word.islower() or word[1:].islower()):
            continue  # an acronym
        found += [start + p for p in _dictionary(dictionary).positions(word)]
    return tuple(found)


def english(text: str) -> tuple[int, ...]:
    """``positions`` with the American English patterns."""
    return positions(text, DICTIONARY)


@cache
def hyphenator(dictionary: str) -> Callable[[str], tuple[int, ...]]:
    """The hyphenation points of a word by ``dictionary`` (a pyphen name), as the line
    breaker asks for them; DictionaryError if pyphen has no such dictionary."""
    if dictionary == DICTIONARY:
        return english
    _dictionary(dictionary)  # said at once, not at the first long word

    def points(text: str) -> tuple[int, ...]:
        """``positions`` by the dictionary."""
        return positions(text, dictionary)
    return points
