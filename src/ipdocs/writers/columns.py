"""Table column widths shared by both writers: proportional, widened for short cells.

A table's columns have relative widths; in a narrow table (a column of a side-by-side
page) a unit such as 万件 or a change such as +11.4% would then break over two lines.
A short cell never wraps: its column is made at least as wide as it, and the other
columns give way in proportion to their room, never below what their own short cells need.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

SHORT_CELL = 8
"""Cells of at most this many characters, without spaces, are not wrapped."""

HAN_KEEP = 4
"""In a long cell, a column keeps room for this many Chinese characters on a line."""

LABEL_LINES = 2
"""A table's label wraps to at most this many lines where the columns of its numbers have
room to lend (``lend_slack``): in a narrow table (a column of a side-by-side page) its
English labels ran to four and five lines beside numbers with half their cell empty."""


def is_short(text: str) -> bool:
    """Whether a cell's text is short enough to stay on one line."""
    return len(text) <= SHORT_CELL and not any(c.isspace() for c in text)


FIRST_WIDE = "\u0378"
"""No character before this one is full or wide in Python's tables (the first unassigned
code point, which Python 3.11's reckon wide; 3.13's first wide one is U+1100): Latin
text is told narrow without a table's look-up."""


def is_wide(char: str) -> bool:
    """Whether a character is set full width, an em wide (Han, CJK punctuation): both
    writers' measure of Chinese text."""
    return char >= FIRST_WIDE and unicodedata.east_asian_width(char) in ("W", "F")


def widest_piece(text: str) -> str:
    """What a long cell's column should be wide enough for on one line: its longest word
    (an English word should not break inside), or a few Chinese characters (Chinese breaks
    anywhere, but a column one character wide is unreadable)."""
    words = [w[:HAN_KEEP] if any(is_wide(c) for c in w) else w for w in text.split()]
    return max(words, key=len, default="")


def proportional(relative: Sequence[float], total: float) -> list[float]:
    """``total`` shared in proportion to ``relative``."""
    share = sum(relative) or 1
    return [total * r / share for r in relative]


MAX_SHARE = 0.45
"""No column is widened beyond this share of the table for its labels' words (soft
floors); a number or amount that must stay whole (hard and firm floors) takes what it
needs."""


def _meet(widths: Sequence[float], floors: Sequence[float]) -> list[float]:
    """``widths`` with each raised to its floor, the others narrowed in proportion to their
    room above their own floors (the floors must fit in the total)."""
    short = sum(max(f - w, 0.0) for f, w in zip(floors, widths, strict=True))
    spare = [max(w - f, 0.0) for f, w in zip(floors, widths, strict=True)]
    if short <= 1e-9 or sum(spare) <= 1e-9:
        return list(widths)
    take = min(short, sum(spare)) / sum(spare)
    return [f if f > w else w - room * take
            for f, w, room in zip(floors, widths, spare, strict=True)]


def fit_widths(widths: Sequence[float], hard: Sequence[float],
               soft: Sequence[float] = (), firm: Sequence[float] = ()) -> list[float]:
    """``widths`` widened where columns need it: ``hard`` floors for short cells that
    must stay on one line, ``firm`` ones for an amount inside a long cell (about 3
    months), ``soft`` ones for the longest word of long cells. The total never changes.
    Soft floors are capped at a share of the table (MAX_SHARE); if all cannot be met,
    the hard and firm ones are (labels wrap), else the hard ones alone; if those
    cannot either, the smallest hard floors that can be met beside the others'
    proportional widths (a unit and a number stay whole, a longer short cell such as a
    rank wraps); else the proportional widths stand (cells wrap rather than the table
    overflowing its space)."""
    total = sum(widths)
    soft = [min(s, total * MAX_SHARE) for s in soft] or [0.0] * len(widths)
    firm = list(firm) or [0.0] * len(widths)
    musts = [max(h, f) for h, f in zip(hard, firm, strict=True)]
    if sum(max(m, s) for m, s in zip(musts, soft, strict=True)) <= total:
        return _meet(widths, [max(m, s) for m, s in zip(musts, soft, strict=True)])
    if sum(musts) <= total:
        return _meet(widths, musts)
    if sum(hard) <= total:
        return _meet(widths, list(hard))
    return _meet(widths, _smallest_floors(widths, list(hard)))


def lend_slack(widths: Sequence[float], floors: Sequence[float], wants: Sequence[float],
               keep: float) -> list[float]:
    """``widths`` with room lent to the columns that want more than they have (``wants``:
    a label column's width for its labels on LABEL_LINES lines) by the columns that want
    nothing (their cells short: numbers, units, changes), each of which keeps its
    ``floors`` width and ``keep`` more; donors give in proportion to their room, and no
    column is given more than it wants. The total never changes."""
    wanting = [max(want - width, 0.0) for width, want in zip(widths, wants, strict=True)]
    spare = [max(width - floor - keep, 0.0) if want <= 0 else 0.0
             for width, floor, want in zip(widths, floors, wants, strict=True)]
    need, room = sum(wanting), sum(spare)
    if need <= 1e-9 or room <= 1e-9:
        return list(widths)
    give = min(need, room)
    return [width + short * give / need - free * give / room
            for width, short, free in zip(widths, wanting, spare, strict=True)]


def _smallest_floors(widths: Sequence[float], floors: Sequence[float]) -> list[float]:
    """The floors met, smallest first, while each column left out keeps its proportional
    width (or its floor, if smaller); the others are 0."""
    total = sum(widths)
    chosen = [0.0] * len(widths)
    for index in sorted(range(len(widths)), key=lambda i: floors[i]):
        if floors[index] <= 0:
            continue
        trial = [*chosen[:index], floors[index], *chosen[index + 1:]]
        left = sum(min(w, f) for w, f, c in zip(widths, floors, trial, strict=True)
                   if c == 0 and f > 0)
        if sum(trial) + left > total:
            break
        chosen = trial
    return chosen


SMALLEST_SCALE = 0.75
"""A table too narrow for its cells (a column of a side-by-side page) sets them smaller,
down to this fraction of their size."""


def fit_scale(hard: Sequence[float], soft: Sequence[float], total: float) -> float:
    """How much smaller a table's text must be for the floors of its columns, hard and
    soft, to fit in ``total`` (1.0 when they fit already; never below SMALLEST_SCALE)."""
    needed = sum(max(h, s) for h, s in zip(hard, soft, strict=True))
    if needed <= total:
        return 1.0
    return max(total / needed * 0.97, SMALLEST_SCALE)


WHOLE_SCALE = 0.6
"""A table whose numbers and amounts (hard and firm floors) do not fit whole even at
SMALLEST_SCALE, their labels wrapped, sets its text smaller still, down to this fraction
of its size, rather than break an amount (RMB 61.093 billion in a column of the official
theme's side-by-side page)."""


WORDS_SHORT = 0.05
"""Where a table's floors, its labels' words among them, miss its width at SMALLEST_SCALE
by less than this share, its type shrinks that little more rather than break a word
(Guangzhou's English table beside the Chinese in the official theme: 1.2 pt short, and
LibreOffice broke previou / s)."""


def refit_scale(hard: Sequence[float], firm: Sequence[float], soft: Sequence[float],
                total: float, fixed: float, scale: float) -> float:
    """A smaller scale than ``scale`` where the floors measured at it do not fit in
    ``total``: all of them (soft ones capped at MAX_SHARE) down to SMALLEST_SCALE, and
    below it, down to WHOLE_SCALE, all of them where they miss by less than WORDS_SHORT,
    else the hard and firm ones alone; ``fixed`` is the part of each
    non-zero floor that does not scale with the text (a cell's padding). ``scale`` itself
    when they fit, or when no smaller scale is allowed. ``fit_scale``'s estimate scales
    the padding too, and may leave a label's word a point short of its room."""
    cap = total * MAX_SHARE
    musts = [max(h, f) for h, f in zip(hard, firm, strict=True)]
    every = [max(m, min(s, cap)) for m, s in zip(musts, soft, strict=True)]
    if sum(every) <= total:
        return scale
    if scale > SMALLEST_SCALE + 1e-9:
        floors, smallest = every, SMALLEST_SCALE
    elif sum(every) <= total * (1 + WORDS_SHORT):
        floors, smallest = every, WHOLE_SCALE
    else:
        floors, smallest = musts, WHOLE_SCALE
    if sum(floors) <= total or scale <= smallest + 1e-9:
        return scale
    unscaled = fixed * sum(1 for f in floors if f > 0)
    if sum(floors) <= unscaled:
        return scale
    return max(scale * (total - unscaled) / (sum(floors) - unscaled) * 0.99, smallest)


_LAST_NUMBER = re.compile(r"\d[\d,]*(\.\d+)?(?!.*\d)")
"""The last number of a cell: its integer part, and its fraction."""


def decimal_tail(text: str) -> str:
    """What follows a cell's decimal point: the number's fraction and what comes after it
    (".93", ".4%", "%以上"; "" for 71425). Right-aligned number cells are padded on the
    right by the difference between the widest tail of their column and their own, so
    that their decimal points line up (both writers)."""
    match = _LAST_NUMBER.search(text)
    if match is None:
        return ""
    point = match.start(1) if match.group(1) else match.end()
    return text[point:]


MAX_TAIL = 4
"""The longest tail a cell lined up on its decimal point has (".093", "%以上"): a longer
one, or a cell that may wrap, is not a number to line up."""


def aligns_on_point(text: str) -> bool:
    """Whether a right-aligned cell is a number to line up on its decimal point."""
    return is_short(text) and bool(_LAST_NUMBER.search(text)) and \
        len(decimal_tail(text)) <= MAX_TAIL
