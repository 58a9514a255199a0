"""Where English words may be hyphenated: pyphen's American English patterns (the
hyphenation dictionaries LibreOffice ships, from TeX's patterns).

A word takes a hyphen only between two lower-case letters, two letters from its start and
three from its end. Acronyms, words that start with a capital (names: Ningbo, Zhejiang)
and words with digits are not hyphenated.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

import pyphen

LEFT, RIGHT = 2, 3
"""The fewest letters a hyphenated word leaves before and after its hyphen."""

DICTIONARY = "en_US"
"""The American patterns: their points are better than the British set's (which breaks
Zheji-ang, activ-it-ies), and they serve British spelling as well (com-mer-cial-i-sa-tion)."""

_WORD = re.compile(r"[a-z]+")


@cache
def _dictionary() -> pyphen.Pyphen:
    """The hyphenation dictionary, loaded once (its patterns read by ``read_patterns``
    where they can be: pyphen's own reading was a tenth of a cold English build)."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(DICTIONARY)]
    if path not in pyphen.hdcache:
        patterns = read_patterns(path)
        if patterns is not None:
            pyphen.hdcache[path] = patterns
    return pyphen.Pyphen(lang=DICTIONARY, left=LEFT, right=RIGHT)


_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN",
            "COMPOUNDRIGHTHYPHENMIN")
"""Lines of a pattern file that hold no pattern (as pyphen skips them)."""
_ODD_DIGITS = re.compile(r"\d\d|(?![0-9])\d")
"""Digits in a row, or digits other than ASCII ones (which pyphen reads too): left to
pyphen."""
_AT_DIGITS = re.compile(r"([0-9])").split


def read_patterns(path: Any) -> pyphen.HyphDict | None:
    """The patterns of a ``hyph_*.dic`` file as pyphen's ``HyphDict`` holds them, read
    by a plain loop over each pattern rather than pyphen's regular expressions and
    tuples per line (its reading took some 500 M instructions for the American
    patterns, 11,000 lines, a tenth of a cold English build); None for a file with what
    only pyphen reads (``^^hh`` escapes, nonstandard hyphenation, digits in a row or
    other than ASCII).
    ``tests/writers/test_hyphens.py`` compares the two on every dictionary pyphen has."""
    with path.open("rb") as fd:
        encoding = fd.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    text = path.read_text(encoding)
    if "^^" in text or _ODD_DIGITS.search(text):
        return None
    patterns: dict[str, tuple[int, tuple[int, ...]]] = {}
    for line in text.split("\n")[1:]:
        pattern = line.strip()
        if not pattern or pattern.startswith(_IGNORED):
            continue
        if "/" in pattern and "=" in pattern:
            return None
        parts = _AT_DIGITS(pattern)  # letters, digit, letters, digit, … letters
        letters = "".join(parts[::2])
        values = [0] * (len(letters) + 1)
        at, first, last = 0, -1, -1
        for index in range(1, len(parts), 2):
            at += len(parts[index - 1])
            value = ord(parts[index]) - 48
            if value:
                values[at] = value
                first = at if first < 0 else first
                last = at
        if first >= 0:  # pyphen keeps the values from the first point to the last
            patterns[letters] = first, tuple(values[first:last + 1])
    if not patterns:
        return None
    read = pyphen.HyphDict.__new__(pyphen.HyphDict)
    read.patterns = patterns
    read.cache = {}
    read.maxlen = max(len(key) for key in patterns)
    return read


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
