"""Line breaks inside running text, set as soft breaks: no space beside a Chinese character.

A spec's author wraps a long Chinese paragraph over several lines of YAML (a plain,
quoted or ``>`` folded scalar); YAML folds each such line break into a space, so that
"佳绩，⏎连续四年" would print "佳绩， 连续四年": a space Chinese never has. A folded break
beside a wide character (East Asian Width F, W or H: Han, full-width punctuation, kana)
is removed instead, where neither side is Hangul, which Korean spaces (``joins``); any
other folded break stays a space. Where Han meets a Latin letter or digit, the
typesetter puts its own quarter-em gap (clreq), which a typed space would replace with a
whole word space; after a full-width mark, Chinese has no space at all. (CSS removes a
segment break only between two wide characters: it has no Han–Latin gap of its own.)

A literal line break in running text (a ``|`` block that is not a list, a ``\n`` in a
quoted scalar) is the same soft break, and ``soft_breaks`` sets it alike, so that every
writer prints the same text: a space, or nothing beside a wide character.

The folds are found again in the scalar's source text (``fold_wide``): its lines, trimmed
as YAML trims them, must rebuild the parsed value exactly, joined by a space where a
single break was folded and by line feeds where blank lines were. A scalar whose lines do
not rebuild it (an escape in a quoted scalar, a more-indented line in a folded block, a
line break YAML reads that is not a line feed) keeps its value as YAML read it.
A leaf: it knows only the standard library.
"""

from __future__ import annotations

import re
import unicodedata

WIDE = frozenset({"F", "W", "H"})
"""East Asian Width classes whose characters join across a folded break."""

_FOLDING_STYLES = frozenset({None, "", ">", '"', "'"})
"""Scalar styles whose single line breaks YAML folds into spaces (plain, folded, quoted)."""

_OTHER_BREAKS = ("\r", "\u2028", "\u2029", "\x85")
"""Line breaks YAML reads besides the line feed (and CR LF): a scalar holding one is left
as read."""


_SOFT_BREAK = re.compile(r"[ \t]*[\r\n][ \t\r\n]*")
"""A line break in running text, with the blanks around it."""


def joins(before: str, after: str) -> bool:
    """Whether a soft break between the characters ``before`` and ``after`` is removed
    rather than set as a space: one of them is wide and neither is Hangul."""
    if _is_hangul(before) or _is_hangul(after):
        return False
    return is_wide(before) or is_wide(after)


def soft_breaks(text: str) -> str:
    """``text`` with each line break (and the blanks around it) set as a soft break: a
    space, or nothing where ``joins`` says so or at the text's start or end."""
    if "\n" not in text and "\r" not in text:
        return text
    return _SOFT_BREAK.sub(lambda found: _soft(text, found.start(), found.end()), text)


def _soft(text: str, start: int, end: int) -> str:
    """What the blanks and line breaks at ``start``:``end`` of ``text`` are set as."""
    if start == 0 or end == len(text) or joins(text[start - 1], text[end]):
        return ""
    return " "


def is_wide(char: str) -> bool:
    """Whether ``char`` is East Asian wide (F, W or H) and not Hangul."""
    return unicodedata.east_asian_width(char) in WIDE and not _is_hangul(char)


def _is_hangul(char: str) -> bool:
    """Whether ``char`` is a Hangul syllable or jamo (Korean puts spaces between words)."""
    return unicodedata.name(char, "").startswith("HANGUL")


def fold_wide(value: str, source: str, style: str | None) -> str:
    """``value``, as YAML read a scalar whose text in the file is ``source`` (from its
    first character to its end, quotes or block header included) in ``style``, with
    every folded line break beside a wide character joined without a space (``joins``)."""
    if style not in _FOLDING_STYLES or "\n" not in source or " " not in value:
        return value
    lines = _content_lines(source.replace("\r\n", "\n"), style)
    if lines is None:
        return value
    return _rebuilt(value, lines) or value


def _content_lines(source: str, style: str | None) -> list[str] | None:
    """The scalar's lines, trimmed as YAML trims them before folding ("" for a blank
    line); None where they cannot be told apart safely."""
    if any(mark in source for mark in _OTHER_BREAKS):
        return None
    if style == ">":
        return _block_lines(source)
    if style in ('"', "'"):
        if len(source) < 2 or source[0] != style or source[-1] != style:
            return None
        source = source[1:-1]
    return [line.strip(" \t") for line in source.split("\n")]


def _block_lines(source: str) -> list[str] | None:
    """A folded block's content lines, its header dropped; None where one is indented
    more than the first (YAML keeps such lines' breaks)."""
    content = source.split("\n")[1:]
    indents = [len(line) - len(line.lstrip(" ")) for line in content if line.strip(" \t")]
    if not indents or any(indent != indents[0] for indent in indents):
        return None
    return [line.strip(" \t") for line in content]


def _rebuilt(value: str, lines: list[str]) -> str | None:
    """``value`` rebuilt from its source ``lines`` with the folds ``joins`` removes; None
    where the lines, folded as YAML folds them, do not give ``value`` exactly."""
    folded: list[str] = []
    joined: list[str] = []
    blanks = 0
    for line in lines:
        if not line:
            blanks += 1
            continue
        if folded:
            gap = "\n" * blanks if blanks else " "
            folded.append(gap)
            joined.append("" if gap == " " and joins(joined[-1][-1], line[0]) else gap)
        folded.append(line)
        joined.append(line)
        blanks = 0
    if "".join(folded) != value.rstrip("\n"):
        return None
    return "".join(joined) + value[len(value.rstrip("\n")):]
