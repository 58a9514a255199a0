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

import marshal
import re
import sys
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

import pyphen

from ipdocs.writers.subsets import read_kept, write_kept

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
    """The hyphenation dictionary ``name``, loaded once (its patterns read by
    ``read_patterns`` where they can be: pyphen's own reading was a tenth of a cold
    English build); DictionaryError if pyphen has none of that name."""
    fallback = pyphen.language_fallback(name)
    if fallback is None:
        raise DictionaryError(f"no hyphenation dictionary {name!r} (pyphen has "
                              f"{', '.join(sorted(pyphen.LANGUAGES))})")
    path = pyphen.LANGUAGES[fallback]
    if path not in pyphen.hdcache:
        patterns = kept_patterns(path)
        if patterns is not None:
            pyphen.hdcache[path] = patterns
    return pyphen.Pyphen(lang=name, left=LEFT, right=RIGHT)


PATTERNS_KIND = (f"hyphenation-patterns/{pyphen.__version__}/"
                 f"python{sys.version_info[0]}.{sys.version_info[1]}/1")
"""What the font cache keeps of a dictionary (``kept_patterns``): its patterns as marshal
writes them, by pyphen's and Python's versions (the last part: raise it when
``read_patterns`` reads otherwise)."""


def kept_patterns(path: Any) -> pyphen.HyphDict | None:
    """``read_patterns`` of the file at ``path``, kept in the font cache: sealed with the
    user's key and found by the file's own bytes, as the subsets are (``read_kept``), so
    an edited or updated dictionary is read afresh. Reading the American patterns took
    some 150 M instructions (about 20 ms) in every process that sets English; loading
    what marshal wrote of them, about a fifth of that."""
    source = path.read_bytes()
    kept = read_kept(PATTERNS_KIND, source)
    patterns = None if kept is None else _unmarshalled(kept)
    if patterns is not None:
        return _hyph_dict(patterns)
    read = read_patterns(path)
    if read is not None:
        write_kept(PATTERNS_KIND, source, marshal.dumps(read.patterns))
    return read


def _unmarshalled(kept: bytes) -> Patterns | None:
    """The patterns ``kept`` holds (sealed with the user's key: written by ipdocs), or
    None if they cannot be read back as patterns (then read from the file again)."""
    try:
        patterns = marshal.loads(kept)
    except (EOFError, ValueError, TypeError):
        return None
    return patterns if isinstance(patterns, dict) and patterns else None


def _hyph_dict(patterns: Patterns) -> pyphen.HyphDict:
    """pyphen's ``HyphDict`` holding ``patterns`` (as its constructor leaves one, without
    reading a file)."""
    read = pyphen.HyphDict.__new__(pyphen.HyphDict)
    read.patterns = patterns
    read.cache = {}
    read.maxlen = max(len(key) for key in patterns)
    return read


_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN",
            "COMPOUNDRIGHTHYPHENMIN")
"""Lines of a pattern file that hold no pattern (as pyphen skips them)."""
_ASCII_PAIR = re.compile(r"[0-9][0-9]")


def read_patterns(path: Any) -> pyphen.HyphDict | None:
    """The patterns of a ``hyph_*.dic`` file as pyphen's ``HyphDict`` holds them, read
    without pyphen's regular expressions and tuples per line (its reading took some
    500 M instructions for the American patterns, 11,000 lines, a tenth of a cold
    English build), a file at a time (``_all_patterns``); None for a file with what
    only pyphen reads (``^^hh`` escapes, nonstandard hyphenation, digits in a row or
    other than ASCII).
    ``tests/writers/test_hyphens.py`` compares the two on every dictionary pyphen has."""
    with path.open("rb") as fd:
        encoding = fd.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    text = path.read_text(encoding)
    if "^^" in text or _odd_digits(text):
        return None
    lines = [line for line in (line.strip() for line in text.split("\n")[1:])
             if line and not line.startswith(_IGNORED)]
    if any("/" in line and "=" in line for line in lines):
        return None
    patterns = _all_patterns(lines)
    return _hyph_dict(patterns) if patterns else None


Patterns = dict[str, tuple[int, tuple[int, ...]]]
"""Patterns as pyphen holds them: by their letters, the place of their first point and
the values from it to their last."""

_DIGITS = b"0123456789"
_MARKED = bytes(c if c in _DIGITS or c == 10 else 120 for c in range(256))
"""UTF-8 bytes as ``_all_patterns`` marks them: a digit or a line's end as it is, a
character's first byte x (a pattern's letter)."""
_FOLLOWING = bytes(range(0x80, 0xC0))
"""The bytes after the first of a character in UTF-8 (deleted when marking)."""


def _odd_digits(text: str) -> bool:
    """Whether ``text`` has digits in a row or digits other than ASCII ones (which pyphen
    reads too: left to it)."""
    if _ASCII_PAIR.search(text):
        return True
    return not text.isascii() and any(c.isdecimal() and not c.isascii() for c in set(text))


def _all_patterns(lines: list[str]) -> Patterns:
    """The patterns of ``lines``, made by a few operations over all of them at once
    rather than a loop over each pattern's parts (that still took some 30 ms for the
    American patterns, in every process that hyphenates English): every pattern's
    letters (its digits deleted from the UTF-8 bytes, which hold no digit within a
    character), and its values, a digit at each place between its letters and at its
    ends, 0 where it has none (each character but a digit marked x, a 0 put between two
    marks and between a mark and a line's end, the marks deleted); then paired line by
    line."""
    joined = "\n".join(lines).encode()
    letters = joined.translate(None, _DIGITS).decode().split("\n")
    marked = b"\n" + joined.translate(_MARKED, _FOLLOWING) + b"\n"
    marked = marked.replace(b"xx", b"x0x").replace(b"xx", b"x0x")  # xxx: the 2nd pair
    marked = marked.replace(b"\nx", b"\n0x").replace(b"x\n", b"x0\n")
    values = marked.replace(b"x", b"").decode("ascii").split("\n")[1:-1]
    patterns: Patterns = {}
    points: dict[str, tuple[int, ...]] = {}
    for key, digits in zip(letters, values, strict=True):
        kept = digits.strip("0")
        if kept:  # pyphen keeps the values from the first point to the last
            point = points.get(kept)
            if point is None:
                point = points[kept] = tuple(map(int, kept))
            patterns[key] = digits.find(kept), point  # after the zeros before it
    return patterns


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
