"""Chinese and English line breaking with the ECMA-376 Simplified Chinese kinsoku sets.

Pure layout logic, independent of reportlab: text comes in as styled runs, a ``measure``
callback gives widths, and lines come out as units with their x positions, justified.
Rules (DESIGN.md "Typography", W3C clreq):

- a line may break between any two Han characters, between Han and Latin, and at spaces;
  inside a Latin word only where the word does not fit: after a hyphen or a slash, at a
  hyphenation point (given a hyphenator), or, for a word longer than a whole line,
  anywhere as a last resort (its parts marked ``forced``);
- no line starts with a character of ``NO_START`` nor ends with one of ``NO_END``;
- a number stays with its unit, sign and qualifier (``writers.typeset``: a digit is
  glued to a following Han character, 193%以上, 3个月左右 and 近9000 never break, and a
  run marked ``keep`` never breaks);
- a quarter-em gap separates Han characters from Latin letters and digits, never a
  full-width punctuation mark from them (clreq 3.2);
- punctuation compression (clreq 3.1.6): a closing mark followed by another mark, an
  opening mark after another opening mark are set half width; to take one more piece
  rather than stretch, a line may set a closing mark at its end half width, and squeeze
  the blank half of its other marks, its Han–Latin gaps and its word spaces a little;
- an opening mark that starts a line after the first of a ragged paragraph is set half
  width (its blank hung before the line: a title's second line （2023年度） does not look
  indented);
- a paragraph's last line holds at least ``RUNT`` + 1 characters besides its closing
  marks where the line before can take them in or give some (no runts such as "显著。");
- justified lines stretch between Han characters and at spaces, never inside a word, never
  before a closing or after an opening mark, and never to gaps of more than three spaces
  (two in a line all Latin) or 0.15 em more beside a Han character (a line that cannot be
  filled otherwise is left short at its end); a loose line takes pieces from the line
  before where that evens the two out; a Latin paragraph with a line stretched past
  twice its spaces is broken again as a whole (total fit: the breaks whose lines
  together stretch least).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import field
from functools import lru_cache
from typing import Any

from ipdocs.base.records import datarecord
from ipdocs.writers.columns import is_wide
from ipdocs.writers.typeset import (
    CLOSING,
    FIRSTS,
    NO_END,
    NO_START,
    OPENING,
    glue_qualifiers,
    inside_number,
    is_url,
    number_glued,
    url_breaks,
)

MIDDLE = frozenset("・")
"""Full-width marks with a blank quarter on each side."""

AMBIGUOUS = frozenset("‘’“”…—–·")
"""Punctuation a Chinese face sets full width and a Latin face proportionally: wide in a
run that is not ``latin``."""

DOUBLED = frozenset("—…")
"""Marks Chinese writes twice and never splits: the dash —— and the ellipsis ……."""

QUARTER_EM = 0.25
MIN_GAP = 0.125
"""A Han–Latin gap squeezes down to this (ems)."""
HALF = 0.5
"""The blank part of a full-width mark (ems)."""
SQUEEZE = 0.25
"""How much of a mark's blank a line may squeeze away (ems), beyond the rules above."""
SPACE_SHRINK = 0.25
"""How much of a word space a line may squeeze away (a share of the space)."""
DEEP_SHRINK = 1 / 3
"""How much of a word space a Latin line may squeeze away rather than stretch its spaces
past twice their width (the next word cannot be hyphenated)."""
LOOSE_SPACE = 1.0
"""An English line whose spaces would stretch by more than this many spaces tries to
break its next word instead."""
RUNT = 2
"""A last line of this many characters or fewer is a runt."""
MAX_EXTRA_SPACES = 2.0
"""Justification adds at most this many word spaces at a space (a gap of three spaces)."""
MAX_EXTRA_EM = 0.15
"""Justification adds at most this much space beside a Han character (ems: ``STRETCH``,
where a Chinese line starts to look letter-spaced); a line it cannot fill so (a number
with its unit went to the next line of a narrow column) is left short at its end."""
GRID_SPREAD = 0.04
"""On a character grid, justification adds at most this much between two Han characters
(ems; GB/T 9704's 28 characters of 16 pt: 0.64 pt): a line's slack goes first where the
grid is broken anyway, beside Latin letters and digits and at spaces; what is left stays
at the line's end."""
GRID_LATIN = 0.25
"""On a character grid, justification widens a Han–Latin gap by at most this (ems): to
half an em, as JIS X 4051 allows."""
STRETCH = 0.15
"""A justified line is loose when it stretches by more than this (ems between Han
characters, or spaces between words): it then takes pieces from the line before, and a
line gives pieces to a runt below it only if it is not loose after."""
BREAK_AFTER = frozenset("/-–_.?&=#")
"""Where a word too long for its line may break without a hyphen (a URL's slashes)."""
HYPHEN = "-"
BREAKABLE_SPACES = frozenset(" \t\n\r\u3000")
"""Where a line may break, set as a space: a tab and a line end too, which the spec's
text may hold (a title written on two lines of YAML) and no face draws (each printed a
.notdef box)."""

Measure = Callable[[int, str], float]
"""Width of ``text`` set in style number ``style``, in points."""

Hyphenate = Callable[[str], Sequence[int]]
"""The positions inside a word where it may be hyphenated."""


@datarecord(frozen=True)
class Run:
    """Input: text in one style; ``keep`` forbids breaks inside it; ``latin`` says its
    face is a Latin one (so ’ and … are proportional, not full width)."""

    text: str
    style: int = 0
    keep: bool = False
    latin: bool = False


@datarecord
class Unit:
    """The smallest piece a line is made of: one Han character or one Latin word."""

    pieces: list[tuple[int, str]]
    han: bool
    space_before: bool = False
    glued: bool = False
    """No line break may come before this unit."""
    width: float = 0.0
    x: float = 0.0
    """Where its first glyph is drawn."""
    mark: str = ""
    """``open``, ``close`` or ``middle`` for a full-width mark that can be compressed."""
    trim: float = 0.0
    """How much of the mark's blank is taken away (points)."""
    forced: bool = False
    """Part of a word broken where no rule allows (it was longer than a line)."""
    packed: bool = False
    """A mark beside another mark: compressed by the rules, never squeezed further."""
    url: bool = False
    """The rest of a web address broken at a line's end (``typeset.url_breaks``), which
    may not look like one: it breaks only where the address may."""
    whole: Unit | None = None
    """For the head of a word hyphenated at a line's end: the word before it was cut (a
    head moved off the line's end is joined to its tail again: a hyphen only where a
    line breaks)."""

    @property
    def hyphenated(self) -> bool:
        """The head of a word broken at a hyphenation point: its last character is the
        hyphen the break added (not the word's own)."""
        return self.whole is not None

    @property
    def text(self) -> str:
        """The unit's text."""
        pieces = self.pieces
        if len(pieces) == 1:  # most units: asked for every word's breaks and marks
            return pieces[0][1]
        return "".join([text for _, text in pieces])

    @property
    def first(self) -> str:
        """The unit's first character."""
        return self.pieces[0][1][0]

    @property
    def last(self) -> str:
        """The unit's last character."""
        return self.pieces[-1][1][-1]

    @property
    def advance(self) -> float:
        """How far the unit moves the pen: its width less the blank taken away."""
        return self.width - self.trim

    @property
    def shift(self) -> float:
        """How far left of the pen the glyph starts (the trimmed blank before it)."""
        mark = self.mark
        if mark == "open":
            return self.trim
        return self.trim / 2 if mark == "middle" else 0.0

    @property
    def end(self) -> float:
        """Where the unit ends: the pen after it."""
        return self.x + self.shift + self.advance


@datarecord
class Line:
    """One laid-out line: its units, with x positions set, and whether it ends a paragraph."""

    units: list[Unit] = field(default_factory=list)
    last: bool = False
    drawn: Any = field(default=None, compare=False, repr=False)
    """How the PDF writer draws the line, worked out on its first drawing
    (``text._stretches``) and kept with it: a remembered layout is drawn again as is. A
    line a kept layout brought holds the stretches it was drawn in as a plain list until
    its first drawing (``keptlayouts._stretches_in``)."""
    extent: tuple[float, float, float, float, float] | None = field(
        default=None, compare=False, repr=False)
    """The word space and em it was set with, how far its units reach, and its gaps and
    its advances added up: worked out the first time ``set_alike`` asks, kept with it."""

    @property
    def text(self) -> str:
        """The line's text, with the spaces that separate its words."""
        return "".join((" " if u.space_before and i else "") + u.text
                       for i, u in enumerate(self.units))

    @property
    def end(self) -> float:
        """Where the line's last unit ends."""
        return self.units[-1].end if self.units else 0.0


@datarecord
class Setting:
    """What line breaking needs besides the text: widths, the word space and the em,
    whether lines are justified, and how English words hyphenate. (Not frozen: one is
    made for every text broken, and a frozen record sets each field through
    ``object.__setattr__``; nothing changes one once made.)"""

    measure: Measure
    space: float
    em: float
    justify: bool = True
    hyphenate: Hyphenate | None = None
    grid: bool = False
    """On a character grid: justification keeps Han characters at the grid's pitch."""
    fill: bool = True
    """A line that would be loose ends with the head of its next word, hyphenated
    (running text, ``typeset.RUNNING_TEXT``); else a word is hyphenated only where it is
    wider than a whole line (a table's cell, a heading)."""


@lru_cache(maxsize=1 << 14)
def _wide(char: str) -> bool:
    """Whether ``char`` is wide by its Unicode width (remembered: asked for every
    character of every paragraph)."""
    return is_wide(char)


def wide(char: str, run: Run) -> bool:
    """Whether ``char`` is set full width: Han, CJK punctuation, and punctuation such as
    “ and … where a Chinese face sets it."""
    return _wide(char) or (char in AMBIGUOUS and not run.latin)


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character from ``index`` in direction ``step`` that is not ambiguous
    punctuation (empty at the text's edge)."""
    index += step
    while 0 <= index < len(text) and text[index] in AMBIGUOUS:
        index += step
    return text[index] if 0 <= index < len(text) else ""


def latin_context(text: str) -> list[bool]:
    """Which characters of Chinese text are punctuation such as ’ and … standing in Latin
    text (Ningbo’s, IP…): set in the Latin face, proportional. Beside a Han character,
    or alone, they are Chinese punctuation, full width (“161工程”)."""
    marks = []
    for index, char in enumerate(text):
        if char not in AMBIGUOUS:
            marks.append(False)
            continue
        sides = [_neighbour(text, index, -1), _neighbour(text, index, 1)]
        marks.append(not any(is_wide(c) for c in sides if c) and any(sides))
    return marks


def _any_han(units: Iterable[Unit]) -> bool:
    """Whether any of ``units`` is Han (a loop: ``any`` over a generator costs a
    generator and its closing, asked for every line)."""
    for unit in units:  # noqa: SIM110 (see above)
        if unit.han:
            return True
    return False


def _classify(runs: Sequence[Run]) -> list[Unit]:
    """Split runs into units: each Han character alone, Latin words whole (a word that
    goes on in the next run, with no space between, one unit of several pieces)."""
    units: list[Unit] = []
    space = False
    prev: Unit | None = None
    for run in runs:
        style, keep, latin, text = run.style, run.keep, run.latin, run.text
        index, end = 0, len(text)
        while index < end:
            char = text[index]
            if char in BREAKABLE_SPACES:
                space = True
                index += 1
                continue
            if _wide(char) or (char in AMBIGUOUS and not latin):  # wide(char, run)
                prev = Unit([(style, char)], True, space, keep and index > 0, 0.0, 0.0,
                            _MARKS.get(char, ""))  # by position: made for each character
                units.append(prev)
                space = False
                index += 1
                continue
            stop = _word_end(text, index + 1, latin)
            if prev is not None and not prev.han and not space:
                _extend(prev, style, text[index:stop])
            else:
                prev = Unit([(style, text[index:stop])], False, space, keep and index > 0)
                units.append(prev)
                space = False
            index = stop
    return units


def _word_end(text: str, index: int, latin: bool) -> int:
    """Where the Latin word going on at ``index`` of a run's ``text`` ends: at a space,
    a wide character or the run's end."""
    end = len(text)
    while index < end:
        char = text[index]
        if char in BREAKABLE_SPACES or _wide(char) or (char in AMBIGUOUS and not latin):
            return index
        index += 1
    return end


def _extend(unit: Unit, style: int, text: str) -> None:
    """Add characters to a Latin word."""
    if unit.pieces[-1][0] == style:
        unit.pieces[-1] = (style, unit.pieces[-1][1] + text)
    else:
        unit.pieces.append((style, text))


def _mark(char: str) -> str:
    """The compression class of a full-width character (none for a Han character)."""
    if char in CLOSING:
        return "close"
    if char in OPENING:
        return "open"
    return "middle" if char in MIDDLE else ""


_MARKS = {char: _mark(char) for char in CLOSING | OPENING | MIDDLE}
"""``_mark`` of each mark (looked up for every Han character)."""


def _kinsoku_glued(prev: Unit, unit: Unit) -> bool:
    """Whether the kinsoku sets forbid a break between two units, a space between them
    or not (or a doubled mark)."""
    return _kinsoku(prev.last, unit.first, unit.space_before)


def _kinsoku(last: str, first: str, space_before: bool) -> bool:
    """Whether the kinsoku sets forbid a break between a unit ending with ``last`` and
    one starting with ``first`` (``space_before``: a space between them)."""
    return first in NO_START or last in NO_END or (
        first == last and first in DOUBLED and not space_before)


def _glue(units: list[Unit], qualified: bool = True) -> None:
    """Forbid breaks the kinsoku sets and the number-with-unit rule forbid (which asks
    only after a digit); ``qualified``: the text may hold a qualifier or a prefix (a
    character of ``typeset.FIRSTS``: else none is looked for)."""
    for prev, unit in itertools.pairwise(units):
        last, first = prev.pieces[-1][1][-1], unit.pieces[0][1][0]
        if first in NO_START or last in NO_END or (  # _kinsoku, asked of every pair
                first == last and first in DOUBLED and not unit.space_before) or (
                last.isdigit() and number_glued(prev, unit)):
            unit.glued = True
    if qualified:
        glue_qualifiers(units)


def _compress(units: list[Unit], em: float) -> None:
    """Set adjacent full-width marks half width (clreq 3.1.6): a closing mark before any
    mark, an opening mark after an opening mark."""
    for prev, unit in itertools.pairwise(units):
        if unit.space_before or not (prev.mark and unit.mark):
            continue
        prev.packed = unit.packed = True
        if prev.mark == "close":
            prev.trim = HALF * em
        if unit.mark == "open" and prev.mark == "open":
            unit.trim = HALF * em


def _spaced(prev: Unit, unit: Unit) -> bool:
    """Whether a Han/Latin boundary gets the quarter-em gap: between a Han character and a
    Latin letter or digit, never beside punctuation."""
    latin, han = (unit.first, prev.last) if prev.han else (prev.last, unit.first)
    return latin.isalnum() and han.isalnum()


def _gap(prev: Unit, unit: Unit, s: Setting) -> float:
    """The natural space before ``unit``: a word space, a quarter em, or nothing."""
    if unit.space_before:
        return s.space
    if prev.han != unit.han and _spaced(prev, unit):
        return QUARTER_EM * s.em
    return 0.0


def _gap_both(prev: Unit, unit: Unit, s: Setting) -> tuple[float, float]:
    """The natural space before ``unit`` and how much it may squeeze (``_gap``,
    ``_gap_shrink``)."""
    if unit.space_before:
        return s.space, SPACE_SHRINK * s.space
    if prev.han != unit.han and _spaced(prev, unit):
        return QUARTER_EM * s.em, (QUARTER_EM - MIN_GAP) * s.em
    return 0.0, 0.0


def _gap_shrink(prev: Unit, unit: Unit, s: Setting) -> float:
    """How much the space before ``unit`` may squeeze."""
    if unit.space_before:
        return SPACE_SHRINK * s.space
    if prev.han != unit.han and _spaced(prev, unit):
        return (QUARTER_EM - MIN_GAP) * s.em
    return 0.0


def _squeezable(unit: Unit, s: Setting) -> float:
    """How much more of a mark's blank a line may squeeze away (none of a mark beside
    another: the pair is compressed already)."""
    if not unit.mark or unit.packed:
        return 0.0
    return max(min(SQUEEZE * s.em, HALF * s.em - unit.trim), 0.0)


def _end_saving(unit: Unit, s: Setting) -> float:
    """What a closing mark gives back at the end of a line (set half width there)."""
    return max(HALF * s.em - unit.trim, 0.0) if unit.mark == "close" else 0.0


@datarecord
class _Atom:
    """Units no line break may come between, with their natural width (marks compressed
    as the rules say) and how much they may squeeze."""

    units: list[Unit]
    width: float = 0.0
    shrink: float = 0.0

    @classmethod
    def of(cls, units: list[Unit], s: Setting) -> _Atom:
        """An atom of ``units``, measured."""
        if len(units) == 1:
            return cls(units, units[0].advance, _squeezable(units[0], s))
        width = units[0].advance + sum(_gap(p, u, s) + u.advance
                                       for p, u in itertools.pairwise(units))
        shrink = sum(_squeezable(u, s) for u in units) + \
            sum(_gap_shrink(p, u, s) for p, u in itertools.pairwise(units))
        return cls(units, width, shrink)


def _atoms(units: list[Unit], s: Setting) -> list[_Atom]:
    """Units grouped into unbreakable atoms (a unit alone measured here, as
    ``_Atom.of`` measures it)."""
    groups: list[list[Unit]] = []
    for unit in units:
        if groups and unit.glued:
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return [_Atom(group, group[0].width - group[0].trim,
                  _squeezable(group[0], s) if group[0].mark else 0.0)
            if len(group) == 1 else _Atom.of(group, s) for group in groups]


def _joined(last_atom: _Atom, natural: float, shrink: float, atom: _Atom, s: Setting
            ) -> tuple[float, float]:
    """The natural width and squeeze of a line of ``natural`` and ``shrink`` that ends
    with ``last_atom``, with ``atom`` put at its end."""
    last, first = last_atom.units[-1], atom.units[0]
    if not first.space_before and last.han == first.han:  # no gap (_gap_both)
        return natural + 0.0 + atom.width, shrink + 0.0 + atom.shrink
    gap, squeeze = _gap_both(last, first, s)
    return natural + gap + atom.width, shrink + squeeze + atom.shrink


@datarecord
class _Open:
    """A line being filled: its atoms and running totals."""

    atoms: list[_Atom] = field(default_factory=list)
    natural: float = 0.0
    """Its width with the space between pieces, before any end-of-line saving."""
    shrink: float = 0.0
    """How much it may squeeze, counting every mark as inside the line."""

    @property
    def units(self) -> list[Unit]:
        """Its units in order."""
        return [u for atom in self.atoms for u in atom.units]

    @property
    def last(self) -> _Atom:
        """Its last atom."""
        return self.atoms[-1]

    def _joined(self, atom: _Atom, s: Setting) -> tuple[float, float]:
        """Its natural width and squeeze with ``atom`` at the end."""
        if not self.atoms:
            return atom.width, atom.shrink
        return _joined(self.atoms[-1], self.natural, self.shrink, atom, s)

    def add(self, atom: _Atom, s: Setting) -> None:
        """Put ``atom`` at the end."""
        self.natural, self.shrink = self._joined(atom, s)
        self.atoms.append(atom)

    def fits(self, atom: _Atom, width: float, s: Setting, deep: float = 1.0) -> bool:
        """Whether the line with ``atom`` at its end fits ``width``, squeezing as far as it
        may (justified lines only; ``deep`` times as far)."""
        natural, shrink = self._joined(atom, s)
        end = atom.units[-1]
        room = shrink - (_squeezable(end, s) if end.mark == "close" else 0.0)
        return natural - _end_saving(end, s) - width <= \
            (room * deep if s.justify else 0.0) + 1e-6

    def over(self, atom: _Atom, width: float, s: Setting) -> float:
        """How far the line with ``atom`` at its end runs past ``width`` unsqueezed."""
        return self._joined(atom, s)[0] - _end_saving(atom.units[-1], s) - width

    def ending(self, s: Setting) -> float:
        """Its width if it ends here (a closing mark at its end set half width)."""
        return self.natural - _end_saving(self.atoms[-1].units[-1], s) if self.atoms else 0.0

    def chars(self) -> int:
        """How many characters it holds, not counting the marks that cannot start a line
        (a last line of 显著。 is a runt of two characters)."""
        return sum(1 for u in self.units for c in u.text if c not in NO_START)


def _rebuilt(atoms: Sequence[_Atom], s: Setting) -> _Open:
    """A line of ``atoms``; a hyphenated head followed by its tail (atoms moved from one
    line to the next) joined into the word again."""
    line = _Open()
    for atom in _rejoined(atoms, s):
        line.add(atom, s)
    return line


def _rejoined(atoms: Sequence[_Atom], s: Setting) -> list[_Atom]:
    """``atoms`` with each hyphenated head that is followed by its tail made the whole word
    again (with what was kept with the tail)."""
    out: list[_Atom] = []
    for atom in atoms:
        head = out[-1].units[-1] if out else None
        if head is not None and head.whole is not None and len(out[-1].units) == 1 and \
                not atom.units[0].space_before and \
                head.text[:-1] + atom.units[0].text == head.whole.text:
            out[-1] = _Atom.of([head.whole, *atom.units[1:]], s)
        else:
            out.append(atom)
    return out


def _fits(line: _Open, width: float, s: Setting) -> bool:
    """Whether a whole line fits ``width`` (squeezed if justified)."""
    return not line.atoms or _rebuilt(line.atoms[:-1], s).fits(line.atoms[-1], width, s)


def _stretch_points(units: Sequence[Unit]) -> list[int]:
    """Indexes of units before which justification may add space: at word spaces, and
    beside Han characters except before a closing mark or after an opening one."""
    points = []
    for index, (prev, unit) in enumerate(itertools.pairwise(units), 1):
        if unit.space_before or ((unit.han or prev.han) and unit.mark != "close"
                                 and prev.mark != "open"):
            points.append(index)
    return points


def _looseness(line: _Open, width: float, s: Setting, limit: float) -> float:
    """How much ``line`` ending here would stretch per stretch point, as a share of
    ``limit`` (in ems where it has Han characters, else in word spaces): above 1 it is
    loose. A ragged line is loose when less than half full."""
    slack = width - line.ending(s)
    if not s.justify:
        return slack / (width / 2) if width > 0 else 0.0
    units = line.units
    points = _stretch_points(units)
    if not points:
        return float("inf") if slack > 1e-6 else 0.0
    scale = s.em if _any_han(units) else s.space
    return slack / len(points) / (limit * scale)


def _loose(line: _Open, width: float, s: Setting, limit: float) -> bool:
    """Whether ``line`` ending here would be loose (see ``_looseness``)."""
    return _looseness(line, width, s, limit) > 1.0


class _Filler:
    """Greedy filling: as many atoms per line as fit (squeezing a little rather than
    stretching a lot), words broken where they must be."""

    def __init__(self, widths: Sequence[float], s: Setting) -> None:
        self.widths = widths
        self.s = s
        self.lines = [_Open()]

    def available(self) -> float:
        """The width of the line being filled."""
        return self.widths[min(len(self.lines) - 1, len(self.widths) - 1)]

    def fill(self, atoms: Sequence[_Atom]) -> None:
        """Take ``atoms`` in turn (``take``): an atom that goes into the line being
        filled unsqueezed, as most do, is put there at once."""
        s, lines, widths = self.s, self.lines, self.widths
        rows = len(widths) - 1
        for atom in atoms:
            line = lines[-1]
            if line.atoms:
                first = atom.units[0]
                if not first.space_before and line.atoms[-1].units[-1].han == first.han:
                    natural = line.natural + 0.0 + atom.width  # line._joined(atom, s)
                    shrink = line.shrink + 0.0 + atom.shrink
                else:
                    natural, shrink = line._joined(atom, s)
                end = atom.units[-1]
                if natural - (_end_saving(end, s) if end.mark == "close" else 0.0) - \
                        widths[min(len(lines) - 1, rows)] <= 1e-6:
                    line.natural, line.shrink = natural, shrink
                    line.atoms.append(atom)
                    continue
            self.take(atom)

    def take(self, atom: _Atom) -> None:
        """Put ``atom`` on the current line, or start a new line with it. An atom that
        fits only squeezed goes in if the line would stretch more without it."""
        line, s = self.lines[-1], self.s
        if not line.atoms:
            self.start(atom)
            return
        widths = self.widths
        width = widths[min(len(self.lines) - 1, len(widths) - 1)]  # self.available()
        natural, shrink = line._joined(atom, s)  # line.over, and line.add if it goes in
        end = atom.units[-1]
        over = natural - (_end_saving(end, s) if end.mark == "close" else 0.0) - width
        if over <= 1e-6 or (line.fits(atom, width, s) and over < width - line.ending(s)):
            line.natural, line.shrink = natural, shrink
            line.atoms.append(atom)
            return
        if self.squeezes_deeper(atom):
            line.add(atom, s)
            return
        rest = self.hyphenate(atom) if s.fill and _loose(line, width, s, LOOSE_SPACE) \
            else atom
        self.lines.append(_Open())
        self.start(rest)

    def squeezes_deeper(self, atom: _Atom) -> bool:
        """Whether a Latin line that would stretch its spaces past twice their width
        without ``atom`` (the next word cannot be hyphenated: a name, an amount kept whole)
        takes it in instead, its spaces squeezed to at least ``1 - DEEP_SHRINK`` of theirs."""
        line, s, width = self.lines[-1], self.s, self.available()
        latin = not (_any_han(line.units) or _any_han(atom.units))
        return s.justify and latin and _looseness(line, width, s, 1.0) > LOOSE_SPACE and \
            not self.hyphenable(atom) and line.fits(atom, width, s, DEEP_SHRINK / SPACE_SHRINK)

    def hyphenable(self, atom: _Atom) -> bool:
        """Whether the first word of ``atom`` has a point the current line can end at."""
        word = atom.units[0]
        if word.han or (len(atom.units) > 1 and atom.units[1].space_before):
            return False
        line, width = self.lines[-1], self.available()
        return any(line.fits(_Atom.of([_cut(word, index, hyphen, self.s)[0]], self.s), width,
                             self.s) for index, hyphen in _breaks(word, self.s))

    def hyphenate(self, atom: _Atom) -> _Atom:
        """End the current line with the longest head of ``atom``'s first word that fits
        (broken after a hyphen or slash or at a hyphenation point); what is left."""
        word = atom.units[0]
        if word.han or (len(atom.units) > 1 and atom.units[1].space_before):
            return atom  # an amount kept whole (RMB 61.093 billion) is not hyphenated
        line, width = self.lines[-1], self.available()
        for index, hyphen in reversed(_breaks(word, self.s)):
            head, tail = _cut(word, index, hyphen, self.s)
            piece = _Atom.of([head], self.s)
            if line.fits(piece, width, self.s):
                line.add(piece, self.s)
                return _Atom.of([tail, *atom.units[1:]], self.s)
        return atom

    def start(self, atom: _Atom) -> None:
        """Put ``atom`` at the start of the (empty) current line; an atom wider than the
        line is taken unit by unit, and a word wider than it broken."""
        line, s, width = self.lines[-1], self.s, self.available()
        if line.fits(atom, width, s):
            line.add(atom, s)
            return
        if len(atom.units) > 1:
            self.take_apart(atom.units)
            return
        self.chop(atom.units[0])

    def take_apart(self, units: list[Unit]) -> None:
        """Units kept together that are wider than a line: taken in the pieces the kinsoku
        sets allow (a number and its unit, a run kept whole, part), else one by one, the
        breaks marked ``forced``."""
        groups: list[list[Unit]] = []
        for index, unit in enumerate(units):
            if index and _kinsoku_glued(units[index - 1], unit):
                groups[-1].append(unit)
            else:
                groups.append([unit])
        if len(groups) == 1:
            for unit in units[1:]:
                unit.forced = True
            groups = [[unit] for unit in units]
        for group in groups:
            group[0].glued = False
            self.take(_Atom.of(group, self.s))

    def chop(self, word: Unit) -> None:
        """Set a word wider than a whole line over as many lines as it needs: broken after
        a hyphen or slash or at a hyphenation point where it can be, else anywhere."""
        while len(word.text) > 1 and word.width > self.available() + 1e-6:
            head, word = _longest_head(word, self.available(), self.s)
            self.lines[-1].add(_Atom.of([head], self.s), self.s)
            self.lines.append(_Open())
        self.lines[-1].add(_Atom.of([word], self.s), self.s)


def _breaks(word: Unit, s: Setting) -> tuple[tuple[int, bool], ...]:
    """Where a Latin word may break, in order: (index, whether a hyphen is added); a web
    address only at its punctuation (``url_breaks``), never hyphenated."""
    return _break_points(word.text, word.url, s.hyphenate)


@lru_cache(maxsize=1 << 14)
def _break_points(text: str, url: bool, hyphenate: Hyphenate | None
                  ) -> tuple[tuple[int, bool], ...]:
    """``_breaks`` of a word's ``text`` (``url``: the rest of a web address), remembered
    by everything it depends on: an English paragraph broken as a whole asks it of
    every word, and its lines' filling again at their ends."""
    if url or is_url(text):
        return tuple((index, False) for index in url_breaks(text))
    points = {i: False for i in range(1, len(text))
              if text[i - 1] in BREAK_AFTER and text[i] != text[i - 1]
              and text[i] not in NO_START and text[i - 1] not in NO_END
              and not inside_number(text, i)}
    if hyphenate is not None:
        for index in hyphenate(text):
            if 0 < index < len(text) and text[index - 1].isalpha() and text[index].isalpha():
                points.setdefault(index, True)
    return tuple(sorted(points.items()))


def _cut(word: Unit, index: int, hyphen: bool, s: Setting, *,
         forced: bool = False) -> tuple[Unit, Unit]:
    """A word cut at character ``index``: the head (with a hyphen if asked) and the tail."""
    head: list[tuple[int, str]] = []
    tail: list[tuple[int, str]] = []
    seen = 0
    for style, text in word.pieces:
        cut = min(max(index - seen, 0), len(text))
        if text[:cut]:
            head.append((style, text[:cut]))
        if text[cut:]:
            tail.append((style, text[cut:]))
        seen += len(text)
    if hyphen:
        head[-1] = (head[-1][0], head[-1][1] + HYPHEN)
    url = word.url or is_url(word.text)
    first = Unit(head, False, word.space_before, word.glued, forced=forced or word.forced,
                 url=url, whole=word if hyphen else None)
    rest = Unit(tail, False, forced=forced, url=url)
    for unit in (first, rest):
        unit.width = sum(s.measure(style, text) for style, text in unit.pieces)
    return first, rest


def _longest_head(word: Unit, width: float, s: Setting) -> tuple[Unit, Unit]:
    """The longest head of ``word`` that fits ``width``: at a break the rules allow, else
    (forced) at the last character that fits, at least one."""
    for index, hyphen in reversed(_breaks(word, s)):
        head, tail = _cut(word, index, hyphen, s)
        if head.width <= width + 1e-6:
            return head, tail
    low, high = 1, len(word.text) - 1
    while low < high:  # the most characters that fit
        middle = (low + high + 1) // 2
        if _cut(word, middle, False, s)[0].width <= width + 1e-6:
            low = middle
        else:
            high = middle - 1
    return _cut(word, low, False, s, forced=True)


def _avoid_runt(lines: list[_Open], widths: Sequence[float], s: Setting) -> None:
    """A last line of ``RUNT`` characters or fewer is taken into the line before (which
    squeezes a little), or given pieces from its end (if that line is not loose after);
    where that line cannot give enough, a justified paragraph's lines above it give the
    line below them a piece each, in turn (``_pull``), none left loose; else none left
    looser than the paragraph's loosest line already is (a long number kept with its
    unit left it short); else none looser than ``RUNT_STRETCH``; else the lines stay as
    they were."""
    if len(lines) < 2 or lines[-1].chars() > RUNT:
        return
    width = widths[min(len(lines) - 2, len(widths) - 1)]
    before, last = lines[-2], lines[-1]
    merged = _rebuilt(before.atoms + last.atoms, s)
    if _fits(merged, width, s):
        lines[-2:] = [merged]
        return
    last_width = widths[min(len(lines) - 1, len(widths) - 1)]
    while last.chars() <= RUNT and len(before.atoms) > 1:
        shorter = _rebuilt(before.atoms[:-1], s)
        longer = _rebuilt([before.atoms[-1], *last.atoms], s)
        if _loose(shorter, width, s, STRETCH) or not _fits(longer, last_width, s):
            break
        before, last = shorter, longer
    lines[-2:] = [before, last]
    if not s.justify or lines[-1].chars() > RUNT:
        return
    loosest = max(_looseness(line, widths[min(i, len(widths) - 1)], s, STRETCH)
                  for i, line in enumerate(lines[:-1]))
    for limit in (1.0, loosest, RUNT_STRETCH):
        trial = list(lines)
        while trial[-1].chars() <= RUNT and _pull(trial, len(trial) - 2, widths, s, limit,
                                                  RUNT_LINES):
            pass
        if trial[-1].chars() > RUNT:
            lines[:] = trial
            return


RUNT_STRETCH = 1.5
"""How loose (``_looseness``) a line may be left to give a runt a piece where none can
without passing ``STRETCH`` or the paragraph's loosest line: it is set at
``MAX_EXTRA_EM`` and left short at its end by at most a third of its stretch, as a line
whose number went to the next is (about an em in a column of some 20 characters, where
幅 / 居前。 left two characters alone)."""

RUNT_LINES = 3
"""How many lines above the one before a runt may each give the line below a piece, in
turn, where that one alone cannot give enough (a narrow column of some 13 characters:
two taken from one line leave it two ems short; a line already short, a long number
kept with its unit gone to the next)."""


def _pull(lines: list[_Open], index: int, widths: Sequence[float], s: Setting,
          limit: float, depth: int) -> bool:
    """Move the last atom of line ``index`` to the start of the next, where it fits
    there; the line, were it looser after than ``limit`` (``_looseness``), first takes
    the last atom of the line before it, and so on up to ``depth`` lines up. Whether the
    atom moved (``lines`` unchanged where it did not)."""
    def width(at: int) -> float:
        return widths[min(at, len(widths) - 1)]

    before, after = lines[index], lines[index + 1]
    if len(before.atoms) < 2:
        return False
    shorter = _rebuilt(before.atoms[:-1], s)
    longer = _rebuilt([before.atoms[-1], *after.atoms], s)
    if not _fits(longer, width(index + 1), s):
        return False
    trial = [*lines[:index], shorter, longer, *lines[index + 2:]]
    if _looseness(shorter, width(index), s, STRETCH) > limit and not (
            depth and index and _pull(trial, index - 1, widths, s, limit, depth - 1)
            and _looseness(trial[index], width(index), s, STRETCH) <= limit):
        return False
    lines[:] = trial
    return True


def _balance(lines: list[_Open], widths: Sequence[float], s: Setting) -> None:
    """Spread the slack of a loose justified line over the lines before it: each gives
    pieces from its end to the next line's start while that makes the looser of the two
    less loose (a number kept with its unit that went to the next line leaves a gap no
    squeezing closes)."""
    if not s.justify or s.grid:
        return  # on a grid, evening out would spread a number's slack over Han lines
    for index in range(1, len(lines) - 1):
        at = index
        while at >= 1 and _even_out(lines, at, widths, s):
            at -= 1


def _even_out(lines: list[_Open], index: int, widths: Sequence[float], s: Setting) -> bool:
    """Even out line ``index`` and the one before; whether that one is now loose."""
    def width(at: int) -> float:
        return widths[min(at, len(widths) - 1)]

    def worst(a: _Open, b: _Open) -> float:
        return max(_looseness(a, width(index - 1), s, STRETCH),
                   _looseness(b, width(index), s, STRETCH))

    before, line = lines[index - 1], lines[index]
    if not _loose(line, width(index), s, STRETCH):
        return False
    moved = False
    while len(before.atoms) > 1:
        shorter = _rebuilt(before.atoms[:-1], s)
        longer = _rebuilt([before.atoms[-1], *line.atoms], s)
        if not _fits(longer, width(index), s) or \
                worst(shorter, longer) >= worst(before, line) - 1e-9:
            break
        before, line, moved = shorter, longer, True
    lines[index - 1], lines[index] = before, line
    return moved and _loose(before, width(index - 1), s, STRETCH)


LOOSE_LATIN = 1.0
"""A justified Latin line is loose when justification adds more than this many word
spaces at a space (a gap over twice the word space): its paragraph is broken again as a
whole, and a line no breaking can fill is left short at its end rather than stretched
further."""
HYPHEN_DEMERITS = 3000.0
"""What ending a line with an added hyphen costs when a paragraph is broken as a whole
(about the cost of a line stretched to 1.6 times its spaces)."""
HYPHENS_DEMERITS = 6000.0
"""What two hyphenated lines in a row cost besides."""


def _latin_looseness(line: _Open, width: float, s: Setting, points: int | None = None
                     ) -> float:
    """How many word spaces justification adds at each space of a Latin line ending here
    (negative: how much of what its spaces may give they give). ``points``: how many
    stretch points it has, where counted already (``_endings``)."""
    slack = width - line.ending(s)
    if slack < 0:
        end = line.last.units[-1]
        room = line.shrink - (_squeezable(end, s) if end.mark == "close" else 0.0)
        return slack / room if room > 0 else float("-inf")
    if points is None:
        points = len(_stretch_points(line.units))
    return slack / points / s.space if points else float("inf")


def _too_loose(lines: Sequence[_Open], widths: Sequence[float], s: Setting) -> bool:
    """Whether a justified Latin paragraph has a line (but its last) that justification
    would stretch past ``LOOSE_LATIN``."""
    if not s.justify or any(u.han for line in lines for u in line.units):
        return False
    return any(_latin_looseness(line, widths[min(i, len(widths) - 1)], s) > LOOSE_LATIN
               for i, line in enumerate(lines[:-1]))


_End = tuple[float, float, bool]
"""What a line's cost asks of the unit it ends with (``_end_of``): what a closing mark
gives back at the line's end, how much of its blank a closing mark may squeeze, and
whether the unit is hyphenated."""


def _end_of(atom: _Atom, s: Setting) -> _End:
    """The ``_End`` of a line that ends with ``atom``."""
    end = atom.units[-1]
    return (_end_saving(end, s), _squeezable(end, s) if end.mark == "close" else 0.0,
            end.hyphenated)


def _demerits(end: _End, natural: float, shrink: float, width: float, s: Setting,
              final: bool, points: int) -> float | None:
    """What a Latin line costs when a paragraph is broken as a whole (none: it does not
    fit): a cube of how far its spaces stretch or squeeze, far more past ``LOOSE_LATIN``,
    and a hyphen at its end. The line ends with a unit of ``end`` (``_end_of``), is
    ``natural`` wide and may squeeze ``shrink`` (an ``_Open``'s totals), has ``points``
    stretch points and is the paragraph's last where ``final``: its looseness as
    ``_latin_looseness`` works it out, the same sums, without a line made for each
    candidate."""
    saving, close, hyphenated = end
    slack = width - (natural - saving)
    if slack < 0:
        room = shrink - close
        ratio = slack / room if room > 0 else float("-inf")
    else:
        ratio = slack / points / s.space if points else float("inf")
    if ratio < -DEEP_SHRINK / SPACE_SHRINK - 1e-6:
        return None
    if final:
        ratio = min(ratio, 0.0)
    badness = 100 * abs(ratio) ** 3
    if ratio > LOOSE_LATIN:
        badness = 1e4 + 1e6 * (ratio - LOOSE_LATIN) if ratio != float("inf") else 1e9
    demerits = (1 + badness) ** 2
    if hyphenated:
        demerits += HYPHEN_DEMERITS
    return demerits


def _heads(atom: _Atom, s: Setting) -> list[tuple[_Atom, _Atom]]:
    """Where a line may end inside ``atom``: its first word's heads (at a hyphen, a slash
    or a hyphenation point) and what is left of the atom after each."""
    word = atom.units[0]
    if word.han or (len(atom.units) > 1 and atom.units[1].space_before):
        return []  # an amount kept whole (RMB 61.093 billion) is not hyphenated
    out = []
    for index, hyphen in _breaks(word, s):
        head, tail = _cut(word, index, hyphen, s)
        out.append((_Atom.of([head], s), _Atom.of([tail, *atom.units[1:]], s)))
    return out


_State = tuple[int, int, int]
"""Where a line starts when a paragraph is broken as a whole: at atom ``i``, whole (cut 0)
or the tail left by its head number cut - 1, on row ``row`` of the widths."""


class _Span:
    """A line a paragraph broken as a whole may have (``_endings``): ``start``, the atoms
    of ``source`` from ``after`` to ``stop``, and ``head`` (or none) at its end; its
    natural width and squeeze as an ``_Open`` of those atoms has them, and its atoms
    listed only when asked (the lines chosen: each candidate copying its atoms made
    breaking a paragraph as a whole O(n³))."""

    __slots__ = ("after", "head", "last", "natural", "shrink", "source", "start", "stop")

    def __init__(self, start: _Atom, source: Sequence[_Atom], after: int, stop: int,
                 head: _Atom | None, natural: float, shrink: float, last: _Atom) -> None:
        self.start, self.source, self.after, self.stop = start, source, after, stop
        self.head, self.natural, self.shrink, self.last = head, natural, shrink, last

    @property
    def atoms(self) -> list[_Atom]:
        """Its atoms in order."""
        atoms = [self.start, *self.source[self.after:self.stop]]
        return atoms if self.head is None else [*atoms, self.head]


_Ending = tuple[_Atom | None, _Atom, _End, float, float, int, int, int]
"""A line ``_endings`` finds: the head it ends with (or none), its last atom and that
atom's ``_End``, its natural width and squeeze, the atom the next line starts at, the
head's number (0: none) and its stretch points."""


def _gap_between(last_atom: _Atom, atom: _Atom, s: Setting) -> tuple[float, float]:
    """The space put before ``atom`` after ``last_atom`` on a line, and how much it may
    squeeze: what ``_joined`` adds besides the atom's own width and squeeze (nothing
    between two units of a script without a space, asked no further)."""
    last, first = last_atom.units[-1], atom.units[0]
    if not first.space_before and last.han == first.han:
        return 0.0, 0.0
    return _gap_both(last, first, s)


class _Fits:
    """What breaking a paragraph as a whole asks again of each atom at every line that
    may hold it, worked out once (``_total_fit``): the space before the atom after the
    one before it (``_gap_between``), before each head of its first word, and the
    ``_End`` of a line that ends with it or with one of its heads; each atom's spaces
    (``_spaces``)."""

    __slots__ = ("atoms", "ends", "gaps", "head_ends", "head_gaps", "head_spaces", "heads",
                 "spaces")

    def __init__(self, atoms: Sequence[_Atom], heads: Sequence[list[tuple[_Atom, _Atom]]],
                 s: Setting) -> None:
        self.atoms, self.heads = atoms, heads
        self.spaces = [_spaces(atom) for atom in atoms]
        self.ends = [_end_of(atom, s) for atom in atoms]
        self.gaps = [(0.0, 0.0)] + [_gap_between(before, atom, s)
                                    for before, atom in itertools.pairwise(atoms)]
        self.head_gaps = [[_gap_between(atoms[j - 1], head, s) for head, _ in heads[j]]
                          if j else [] for j in range(len(atoms))]
        self.head_ends = [[_end_of(head, s) for head, _ in choices] for choices in heads]
        self.head_spaces = [[_spaces(head) for head, _ in choices] for choices in heads]


def _endings(start: _Atom, after: int, width: float, s: Setting, fits: _Fits
             ) -> Iterator[_Ending]:
    """Every line that starts with ``start`` and may end in ``width`` (its atoms
    ``start``, ``atoms[after:j]`` and the head, if any), as the totals an ``_Open`` of
    them has: the line's ``_Ending``, with its stretch points counted as the line grows
    (``_stretch_points`` of a line with no Han unit, as every line of a paragraph broken
    as a whole is: its word spaces but a space before its first unit). The atoms'
    spaces and ends are ``fits``' (a start that is a word's tail, not the atom before
    ``after``, has its own)."""
    atoms, heads = fits.atoms, fits.heads
    natural, shrink, last = start.width, start.shrink, start  # as _Open().add(start)
    whole = start is atoms[after - 1]
    end = fits.ends[after - 1] if whole else _end_of(start, s)
    points = (fits.spaces[after - 1] if whole else _spaces(start)) - \
        start.units[0].space_before
    j = after
    while natural - width <= shrink * DEEP_SHRINK / SPACE_SHRINK + 1e-6:
        yield None, last, end, natural, shrink, j, 0, points
        if j == len(atoms):
            return
        if j > after or whole:
            gaps, gap = fits.head_gaps[j], fits.gaps[j]
        else:  # after a word's tail
            gaps = [_gap_between(start, head, s) for head, _ in heads[j]]
            gap = _gap_between(start, atoms[j], s)
        head_ends, head_spaces = fits.head_ends[j], fits.head_spaces[j]
        for number, (head, _) in enumerate(heads[j], 1):
            space, squeeze = gaps[number - 1]
            yield (head, head, head_ends[number - 1], natural + space + head.width,
                   shrink + squeeze + head.shrink, j, number,
                   points + head_spaces[number - 1])
        atom = atoms[j]
        natural, shrink = natural + gap[0] + atom.width, shrink + gap[1] + atom.shrink
        last, end = atom, fits.ends[j]
        points += fits.spaces[j]
        j += 1


def _spaces(atom: _Atom) -> int:
    """How many of an atom's units have a space before them."""
    return sum(1 for unit in atom.units if unit.space_before)


def _total_fit(atoms: Sequence[_Atom], widths: Sequence[float],
               s: Setting) -> list[_Open] | None:
    """A Latin paragraph broken as a whole (Knuth and Plass's total fit, simplified): the
    breaks, at spaces and inside words, whose lines cost least together (``_demerits``);
    none if it cannot be set so."""
    heads = [_heads(atom, s) for atom in atoms]
    fits = _Fits(atoms, heads, s)
    rows = len(widths) - 1
    best: dict[_State, tuple[float, _State | None, _Span | None]] = {(0, 0, 0): (0.0, None, None)}
    finish: _State = (len(atoms), 0, -1)
    for key in itertools.product(range(len(atoms)), range(max(map(len, heads)) + 1),
                                 range(rows + 1)):  # in order: a line's end after its start
        if key not in best:
            continue
        i, cut, row = key
        cost, _, came = best[key]
        hyphened = came is not None and came.last.units[-1].hyphenated
        start = atoms[i] if not cut else heads[i][cut - 1][1]
        width = widths[row]
        for head, last, end_of, natural, shrink, j, number, points in _endings(
                start, i + 1, width, s, fits):
            end = j == len(atoms)
            worth = _demerits(end_of, natural, shrink, width, s, end, points)
            if worth is None:
                continue
            if hyphened and end_of[2]:
                worth += HYPHENS_DEMERITS
            target = finish if end else (j, number, min(row + 1, rows))
            if target not in best or cost + worth < best[target][0]:
                best[target] = (cost + worth, key,
                                _Span(start, atoms, i + 1, j, head, natural, shrink, last))
    if finish not in best:
        return None
    lines: list[_Open] = []
    at: _State | None = finish
    while at is not None and at != (0, 0, 0):
        _, at, chosen = best[at]
        assert chosen is not None
        lines.append(_rebuilt(chosen.atoms, s))
    return lines[::-1]


def _worst_latin(lines: Sequence[_Open], widths: Sequence[float], s: Setting) -> float:
    """The most any line but the last would stretch (``_latin_looseness``)."""
    return max((_latin_looseness(line, widths[min(i, len(widths) - 1)], s)
                for i, line in enumerate(lines[:-1])), default=0.0)


def _refit(lines: list[_Open], atoms: Sequence[_Atom], widths: Sequence[float],
           s: Setting) -> list[_Open]:
    """A justified Latin paragraph with a loose line broken again as a whole, where that
    makes its loosest line less loose; else as it was."""
    if len(lines) < 2 or not _too_loose(lines, widths, s) or any(
            atom.width > min(widths) for atom in atoms):
        return lines
    refit = _total_fit(atoms, widths, s)
    if refit is None or _worst_latin(refit, widths, s) >= _worst_latin(lines, widths, s):
        return lines
    return refit


def _set(units: list[Unit], width: float, s: Setting, last: bool,
         gaps: list[float] | None = None, reach: float | None = None) -> Line:
    """Set each unit's x: an overfull line squeezed (a closing mark at its end first, to
    half width), a justified one stretched at its stretch points. ``gaps``: the natural
    space before each unit (``_gaps``), where worked out already; ``reach``: how far
    the units reach unsqueezed (``_extent``), where known: kept with a line that is not
    squeezed, for ``set_alike``."""
    if not units:
        return Line(units, last)
    if gaps is None:
        gaps = _gaps(units, s)
    spaces, advances = sum(gaps), sum([u.width - u.trim for u in units])
    slack = width - spaces - advances
    extent = None if reach is None or slack < 0 else \
        (s.space, s.em, reach, spaces, advances)
    if slack < 0:  # the closing mark at the end first, then the rest
        end = min(-slack, _end_saving(units[-1], s))
        units[-1].trim += end
        slack += end
    if slack < 0:
        gaps = _squeeze(units, gaps, -slack, s)
    extras = [0.0] * len(units)
    if s.justify and not last and slack > 0:
        points = _stretch_points(units)
        if points:
            extras = (_grid_extras if s.grid else _even_extras)(units, points, slack, s)
    pen = 0.0
    for unit, gap, extra in zip(units, gaps, extras, strict=True):
        pen += gap + extra
        mark = unit.mark  # unit.shift and unit.advance, read once
        unit.x = pen - (unit.trim if mark == "open" else
                        unit.trim / 2 if mark == "middle" else 0.0)
        pen += unit.width - unit.trim
    return Line(units, last, extent=extent)


def _gaps(units: Sequence[Unit], s: Setting) -> list[float]:
    """The natural space before each unit of a line (none before its first; none
    between two Han or two Latin units without a space, asked no further)."""
    return [0.0] + [_gap(p, u, s) if u.space_before or p.han != u.han else 0.0
                    for p, u in itertools.pairwise(units)]


def _one_line(units: list[Unit], width: float, s: Setting) -> Line | None:
    """The line ``units`` make where all of them fit ``width`` unsqueezed, as breaking
    them would set it (a table's cell, a heading, a label: most texts); else None.

    Filling takes every atom into the first line when the line with it runs past
    ``width`` by no more than a micropoint (``_Filler.take``): so it does when every
    unit ends within ``width`` here (the same widths and gaps added in another order,
    a difference far below that). One line is the last, so none of the passes after
    filling (evening out, runts, breaking again as a whole, hanging marks after the
    first line) changes it."""
    gaps = [0.0]  # _gaps(units, s), worked out only as far as the units fit
    pen = reach = units[0].width - units[0].trim
    if pen > width:
        return None
    for prev, unit in itertools.pairwise(units):
        gap = _gap(prev, unit, s) if unit.space_before or prev.han != unit.han else 0.0
        gaps.append(gap)
        pen += gap + unit.width - unit.trim
        if pen > width:
            return None
        if pen > reach:  # max(reach, pen)
            reach = pen
    return _set(units, width, s, True, gaps, reach)


def set_alike(lines: Sequence[Line], width: float, *, space: float, em: float) -> bool:
    """Whether ``lines``, the runs' one line as ``break_lines`` set it wider than the
    whole text (``width`` unbounded, ``text.TextBlock.natural_width``), is also what it
    gives for lines of ``width`` (the first line's, where widths differ) with the same
    measure, ``space`` and ``em``, however they are justified or hyphenated: the same
    one line (``_one_line``: every unit ends within ``width``), set with room to spare
    (``_set``: neither squeezed nor, the last line, stretched), so every unit at the
    same x."""
    if len(lines) != 1:
        return False
    line = lines[0]
    if line.extent is None or line.extent[:2] != (space, em):
        line.extent = (space, em, *_extent(line.units, Setting(_no_measure, space, em)))
    _, _, reach, gaps, advances = line.extent
    return reach <= width and width - gaps - advances >= 0  # as _set works slack out


def _extent(units: Sequence[Unit], s: Setting) -> tuple[float, float, float]:
    """How far the units of a line reach unsqueezed (the farthest any of them ends,
    added up as ``_one_line`` adds), and their gaps and advances added up as ``_set``
    adds them (``set_alike``)."""
    gaps = _gaps(units, s)
    pen, reach = 0.0, float("-inf")
    for gap, unit in zip(gaps, units, strict=True):
        pen += gap + unit.width - unit.trim
        reach = max(reach, pen)
    return reach, sum(gaps), sum([u.width - u.trim for u in units])


def _no_measure(style: int, text: str) -> float:
    """A measure for a setting that measures nothing (``set_alike``)."""
    raise AssertionError("nothing is measured here")


def _even_extras(units: Sequence[Unit], points: Sequence[int], slack: float,
                 s: Setting) -> list[float]:
    """What justification adds before each unit: ``slack`` shared evenly by the stretch
    points (at most ``_widest_extra`` each)."""
    extra = min(slack / len(points), _widest_extra(units, points, s))
    extras = [0.0] * len(units)
    for index in points:
        extras[index] = extra
    return extras


def _grid_extras(units: Sequence[Unit], points: Sequence[int], slack: float,
                 s: Setting) -> list[float]:
    """What justification adds before each unit on a character grid: first at spaces and
    in the quarter-em gaps between Han characters and Latin letters or digits (at most
    ``GRID_LATIN`` each), then at most ``GRID_SPREAD`` at the other points (beside Han
    characters and marks); the rest is left at the line's end."""
    other = {i for i in points if units[i].space_before or (
        units[i].han != units[i - 1].han and _spaced(units[i - 1], units[i]))}
    han = set(points) - other
    wide = 0.0
    if other:
        cap = GRID_LATIN * s.em if any(not units[i].space_before for i in other) \
            else MAX_EXTRA_SPACES * s.space
        wide = min(slack / len(other), cap)
    narrow = min((slack - wide * len(other)) / len(han), GRID_SPREAD * s.em) if han else 0.0
    return [wide if index in other else narrow if index in han else 0.0
            for index in range(len(units))]


def _widest_extra(units: Sequence[Unit], points: Sequence[int], s: Setting) -> float:
    """The most justification adds at a point: past it, a line that cannot be filled (a
    long word or URL went to the next) is left short at its end rather than gapped. A
    line all Latin takes at most ``LOOSE_LATIN`` spaces more at a space (its paragraph
    was broken again as a whole first: see ``_refit``)."""
    han = any(units[i].han or units[i - 1].han for i in points if not units[i].space_before)
    if han:
        return MAX_EXTRA_EM * s.em
    latin = not any(unit.han for unit in units)
    return (LOOSE_LATIN if latin else MAX_EXTRA_SPACES) * s.space


def _squeeze(units: list[Unit], gaps: list[float], over: float, s: Setting) -> list[float]:
    """Take ``over`` points out of a line: from its marks' blanks and its gaps in
    proportion to what each may give (at most all of it). The new gaps."""
    marks = [_squeezable(u, s) for u in units]  # a closing mark at the end has given all
    shrinks = [0.0] + [_gap_shrink(p, u, s) for p, u in itertools.pairwise(units)]
    room = sum(marks) + sum(shrinks)
    if room <= 0:
        return gaps
    deepest = DEEP_SHRINK / SPACE_SHRINK if not _any_han(units) else 1.0
    share = min(over / room, deepest)
    for unit, give in zip(units, marks, strict=True):
        unit.trim += give * share
    return [g - give * share for g, give in zip(gaps, shrinks, strict=True)]


def _hang_openings(lines: Sequence[_Open], em: float) -> None:
    """An opening mark that starts a line after the first of a ragged paragraph (a
    title's second line that starts （2023年度）) is set half width, its blank half hung
    before the line: it does not look indented."""
    for line in lines[1:]:
        first = line.atoms[0].units[0]
        if first.mark == "open":
            first.trim = max(first.trim, HALF * em)


def break_lines(runs: Sequence[Run], widths: Sequence[float], measure: Measure, *,
                space: float, em: float, justify: bool = True,
                hyphenate: Hyphenate | None = None, grid: bool = False,
                fill: bool = True) -> list[Line]:
    """Lay ``runs`` out in lines of ``widths`` (the last width repeats).

    ``space`` is the width of a word space and ``em`` the font size, in the units of
    ``measure``; ``hyphenate`` gives a word's hyphenation points (none: words break only
    after hyphens and slashes, or where longer than a line); ``grid``: the text is on a
    character grid (see ``GRID_SPREAD``); ``fill``: a loose line may end with a
    hyphenated head of its next word (see ``Setting.fill``). Each unit of each returned
    line has its ``x`` set.
    """
    s = Setting(measure, space, em, justify, hyphenate, grid, fill)
    units = _prepared(runs, s)
    if not units:
        return []
    line = _one_line(units, widths[0], s)
    return [line] if line is not None else _broken(units, widths, s)


def _prepared(runs: Sequence[Run], s: Setting) -> list[Unit]:
    """``runs`` in units, measured, with the breaks the rules forbid marked and adjacent
    marks compressed: what any breaking of them starts from."""
    units = _classify(runs)
    measure = s.measure
    widths: dict[tuple[int, str], float] = {}  # each piece measured once (a Han text
    for unit in units:                            # repeats its characters)
        pieces = unit.pieces
        if len(pieces) == 1:  # 0 + its width, as below
            known = widths.get(pieces[0])
            if known is None:
                known = widths[pieces[0]] = measure(*pieces[0])
            unit.width = 0 + known
            continue
        width: float = 0  # the sum of its pieces' widths, added as sum() adds them
        for piece in pieces:
            known = widths.get(piece)
            if known is None:
                known = widths[piece] = measure(*piece)
            width += known
        unit.width = width
    _glue(units, any(not FIRSTS.isdisjoint(run.text) for run in runs))
    _compress(units, s.em)
    return units


def _broken(units: list[Unit], widths: Sequence[float], s: Setting) -> list[Line]:
    """Prepared ``units`` (``_prepared``) broken into lines of ``widths``: filled
    greedily, evened out, runts avoided, a loose Latin paragraph broken again as a
    whole, and each line set."""
    atoms = _atoms(units, s)
    filler = _Filler(widths, s)
    filler.fill(atoms)
    lines = [line for line in filler.lines if line.atoms]
    _balance(lines, widths, s)
    _avoid_runt(lines, widths, s)
    lines = _refit(lines, atoms, widths, s)
    if not s.justify:
        _hang_openings(lines, s.em)
    return [_set(line.units, widths[min(index, len(widths) - 1)], s,
                 index == len(lines) - 1) for index, line in enumerate(lines)]
