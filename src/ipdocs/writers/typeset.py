"""What keeps a number with its unit, sign and qualifier: one decision for every writer.

The PDF writer breaks lines itself and asks ``number_glued`` and ``glue_qualifiers``
between the units of a line (``writers.pdf.linebreak``); the HTML writer leaves breaking
to the browser and asks ``kept_runs`` which stretches of a text must not break, to set
them ``white-space: nowrap``. Both read the same rules:

- a digit is glued to a Han character right after it (71425件, 610.93亿);
- a qualifier stays with the number before it, across a unit of at most ``UNIT_SPAN``
  Han characters (193%以上, 3个月左右, 17.1万余);
- a prefix stays with the number after it (近9000, 超过80000);
- a number never breaks after its decimal point or thousands separator (``inside_number``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ipdocs.writers.columns import is_wide

NO_START = frozenset(
    "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠")
"""Characters that cannot start a line (ECMA-376 Part 1, Annex A, Simplified Chinese)."""

NO_END = frozenset("$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥")
"""Characters that cannot end a line."""

QUALIFIERS = ("以上", "以下", "以内", "左右", "余", "多")
"""What may follow a number and its unit and must stay with them (193%以上, 3个月左右)."""

PREFIXES = ("超过", "突破", "近", "约", "超", "逾")
"""What may stand before a number and must stay with it (近9000, 超80000)."""

FIRSTS = frozenset(word[0] for word in QUALIFIERS + PREFIXES)
"""The first characters of qualifiers and prefixes."""

UNIT_SPAN = 2
"""How many Han characters (a unit such as 个月) may stand between a number and its
qualifier."""

SPACES = frozenset(" \t\u3000")
"""Where a line may break between words."""


class Token(Protocol):
    """A piece of a line as the rules see it: one Han character or one Latin word."""

    han: bool
    space_before: bool
    glued: bool
    """No line break may come before it."""
    mark: str
    """A full-width mark's compression class (open, close, middle), else empty."""

    @property
    def text(self) -> str:
        """Its text."""

    @property
    def first(self) -> str:
        """Its first character."""

    @property
    def last(self) -> str:
        """Its last character."""


def number_glued(prev: Token, token: Token) -> bool:
    """Whether ``token`` is a unit glued to the number ending ``prev`` (71425件)."""
    return prev.last.isdigit() and token.han and token.first not in NO_END \
        and not token.space_before


def inside_number(text: str, index: int) -> bool:
    """Whether a break before ``text[index]`` would fall inside a number: after its
    decimal point or thousands separator (11.|4%, 71,|425), where a Latin word may
    otherwise break after a full stop."""
    return 2 <= index < len(text) and text[index].isdigit() and text[index - 1] in ".," \
        and text[index - 2].isdigit()


def _spells(tokens: Sequence[Token], start: int, word: str) -> bool:
    """Whether the Han tokens from ``start`` spell ``word``, one character each."""
    chunk = tokens[start:start + len(word)]
    return len(chunk) == len(word) and all(
        u.han and u.text == c and not u.space_before for u, c in zip(chunk, word, strict=True))


def _numeric(token: Token) -> bool:
    """Whether a token ends a number (a digit, or a percent or permille sign after one)."""
    text = token.text.rstrip("%‰")
    return not token.han and bool(text) and text[-1].isdigit()


def glue_qualifiers(tokens: Sequence[Token]) -> None:
    """Keep a qualifier with its number: 193%以上, 3个月左右, 17.1万余, 近9000, 超过80000."""
    for index, token in enumerate(tokens):
        if not token.han or token.text not in FIRSTS:
            continue
        for word in QUALIFIERS:
            if _spells(tokens, index, word) and (start := _number_before(tokens, index)) >= 0:
                for kept in tokens[start + 1:index + len(word)]:
                    kept.glued = True
        for word in PREFIXES:
            after = index + len(word)
            if _spells(tokens, index, word) and after < len(tokens) and \
                    not tokens[after].space_before and tokens[after].first.isdigit():
                for kept in tokens[index + 1:after + 1]:
                    kept.glued = True


def _number_before(tokens: Sequence[Token], index: int) -> int:
    """The index of the number a qualifier at ``index`` follows (across at most
    UNIT_SPAN Han characters of its unit), or −1."""
    for back in range(1, UNIT_SPAN + 2):
        at = index - back
        if at < 0 or tokens[at + 1].space_before:
            return -1
        if _numeric(tokens[at]):
            return at
        if not tokens[at].han or tokens[at].mark or not tokens[at].text.isalpha():
            return -1
    return -1


CLOSING = frozenset("，。、；：！？）》」』】〕〗〉”’．")
"""Full-width marks whose blank half is on the right (Simplified Chinese positions; the
bundled faces' ``halt`` feature agrees)."""

OPENING = frozenset("（《「『【〔〖〈“‘")
"""Full-width marks whose blank half is on the left."""


@dataclass
class Piece:
    """A token of a plain text, with where it starts and ends in the text."""

    text: str
    han: bool
    start: int
    space_before: bool = False
    glued: bool = False
    mark: str = ""

    @property
    def first(self) -> str:
        """Its first character."""
        return self.text[0]

    @property
    def last(self) -> str:
        """Its last character."""
        return self.text[-1]

    @property
    def end(self) -> int:
        """Where it ends in the text."""
        return self.start + len(self.text)


def _mark(char: str) -> str:
    """The compression class of a full-width character (none for a Han character)."""
    if char in CLOSING:
        return "close"
    return "open" if char in OPENING else ""


def pieces(text: str) -> list[Piece]:
    """``text`` in tokens: each wide character alone, Latin words whole, spaces between.
    Punctuation a Chinese face sets full width and a Latin one narrow (’ …) counts as
    Latin here: the PDF decides it by its neighbours (``linebreak.latin_context``), the web
    page leaves it to the face the browser finds."""
    out: list[Piece] = []
    space = False
    for index, char in enumerate(text):
        if char in SPACES:
            space = True
            continue
        han = is_wide(char)
        prev = out[-1] if out else None
        if prev is not None and not han and not prev.han and not space:
            prev.text += char
            continue
        out.append(Piece(char, han, index, space, mark=_mark(char) if han else ""))
        space = False
    return out


def han_latin_gaps(text: str) -> list[int]:
    """Where a quarter-em gap goes between a Han character and a Latin letter or digit
    (never beside punctuation, clreq 3.2): the offsets of the second character of each
    such pair."""
    return [index for index in range(1, len(text))
            if text[index - 1].isalnum() and text[index].isalnum()
            and is_wide(text[index - 1]) != is_wide(text[index])]


def kept_runs(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` (start, end) that must stay on one line: a number with
    the unit and qualifier glued to it (71425件, +193%以上, 近9000)."""
    tokens = pieces(text)
    for prev, token in itertools.pairwise(tokens):
        token.glued = number_glued(prev, token)
    glue_qualifiers(tokens)
    runs: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if token.glued and index:
            if runs and runs[-1][1] == tokens[index - 1].end:
                runs[-1] = (runs[-1][0], token.end)
            else:
                runs.append((tokens[index - 1].start, token.end))
    return runs
