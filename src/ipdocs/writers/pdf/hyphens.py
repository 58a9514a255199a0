"""Where English words may be hyphenated: pyphen's American English patterns (the
hyphenation dictionaries LibreOffice ships, from TeX's patterns).

A word takes a hyphen only between two lower-case letters, two letters from its start and
three from its end. Acronyms, words that start with a capital (names: Ningbo, Zhejiang)
and words with digits are not hyphenated.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pyphen

LEFT, RIGHT = 2, 3
"""The fewest letters a hyphenated word leaves before and after its hyphen."""

DICTIONARY = "en_US"
"""The American patterns: their points are better than the British set's (which breaks
Zheji-ang, activ-it-ies), and they serve British spelling as well (com-mer-cial-i-sa-tion)."""

_WORD = re.compile(r"[a-z]+")


@cache
def _dictionary() -> pyphen.Pyphen:
    """The hyphenation dictionary, loaded once."""
    return pyphen.Pyphen(lang=DICTIONARY, left=LEFT, right=RIGHT)


@lru_cache(maxsize=1 << 14)
def english(text: str) -> tuple[int, ...]:
    """The character positions in ``text`` (a word, perhaps with punctuation attached:
    “commercialisation”,) before which a hyphen may go."""
    positions: list[int] = []
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        before = text[start - 1] if start else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if before.isalnum() or after.isalnum():
            continue  # part of a word with capitals or digits
        positions += [start + p for p in _dictionary().positions(word)]
    return tuple(positions)
