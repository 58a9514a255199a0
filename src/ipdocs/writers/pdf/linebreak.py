"""Chinese and English line breaking with the ECMA-376 Simplified Chinese kinsoku sets.

Pure layout logic, independent of reportlab: text comes in as styled runs, a ``measure``
callback gives widths, and lines come out as units with their x positions, justified.
Rules (DESIGN.md "Typography", W3C clreq):

- a line may break between any two Han characters, between Han and Latin, and at spaces;
- no line starts with a character of ``NO_START`` nor ends with one of ``NO_END``;
- a number stays with its unit and sign (a digit is glued to a following Han character,
  and a run marked ``keep`` never breaks);
- a quarter-em gap separates Han characters from Latin letters and digits;
- justified lines stretch between Han characters and at spaces, never inside a word.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ipdocs.writers.columns import is_wide

NO_START = frozenset(
    "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠")
"""Characters that cannot start a line (ECMA-376 Part 1, Annex A, Simplified Chinese)."""

NO_END = frozenset("$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥")
"""Characters that cannot end a line."""

QUARTER_EM = 0.25
BREAKABLE_SPACES = frozenset(" \t\u3000")

Measure = Callable[[int, str], float]
"""Width of ``text`` set in style number ``style``, in points."""


@dataclass(frozen=True)
class Run:
    """Input: text in one style; ``keep`` forbids breaks inside it."""

    text: str
    style: int = 0
    keep: bool = False


@dataclass
class Unit:
    """The smallest piece a line is made of: one Han character or one Latin word."""

    pieces: list[tuple[int, str]]
    han: bool
    space_before: bool = False
    glued: bool = False
    """No line break may come before this unit."""
    width: float = 0.0
    x: float = 0.0

    @property
    def text(self) -> str:
        """The unit's text."""
        return "".join(text for _, text in self.pieces)

    @property
    def first(self) -> str:
        """The unit's first character."""
        return self.pieces[0][1][0]

    @property
    def last(self) -> str:
        """The unit's last character."""
        return self.pieces[-1][1][-1]


@dataclass
class Line:
    """One laid-out line: its units, with x positions set, and whether it ends a paragraph."""

    units: list[Unit] = field(default_factory=list)
    last: bool = False

    @property
    def text(self) -> str:
        """The line's text, with the spaces that separate its words."""
        return "".join((" " if u.space_before and i else "") + u.text
                       for i, u in enumerate(self.units))


def _classify(runs: Sequence[Run]) -> list[Unit]:
    """Split runs into units: each Han character alone, Latin words whole."""
    units: list[Unit] = []
    space = False
    for run in runs:
        for index, char in enumerate(run.text):
            if char in BREAKABLE_SPACES:
                space = True
                continue
            han = is_wide(char)
            prev = units[-1] if units else None
            joins_word = (prev is not None and not han and not prev.han and not space)
            if joins_word and prev is not None:
                if prev.pieces[-1][0] == run.style:
                    prev.pieces[-1] = (run.style, prev.pieces[-1][1] + char)
                else:
                    prev.pieces.append((run.style, char))
                continue
            unit = Unit([(run.style, char)], han, space_before=space)
            unit.glued = run.keep and index > 0
            units.append(unit)
            space = False
    return units


def _glue(units: list[Unit]) -> None:
    """Forbid breaks the kinsoku sets and the number-with-unit rule forbid."""
    for prev, unit in itertools.pairwise(units):
        if unit.space_before:
            continue
        first, last = unit.first, prev.last
        number_then_unit = last.isdigit() and unit.han and first not in NO_END
        if first in NO_START or last in NO_END or number_then_unit:
            unit.glued = True


def _gap(prev: Unit, unit: Unit, space: float, em: float) -> float:
    """The natural space before ``unit``: a word space, a quarter em, or nothing."""
    if unit.space_before:
        return space
    if prev.han != unit.han and _spaced(prev, unit):
        return QUARTER_EM * em
    return 0.0


def _spaced(prev: Unit, unit: Unit) -> bool:
    """Whether a Han/Latin boundary gets the quarter-em gap (letters and digits only)."""
    latin = unit.first if prev.han else prev.last
    return latin.isalnum()


def _atoms(units: list[Unit]) -> list[list[Unit]]:
    """Units grouped into unbreakable atoms."""
    atoms: list[list[Unit]] = []
    for unit in units:
        if atoms and unit.glued:
            atoms[-1].append(unit)
        else:
            atoms.append([unit])
    return atoms


def _atom_width(atom: list[Unit], space: float, em: float) -> float:
    """The natural width of an atom."""
    width = atom[0].width
    for prev, unit in itertools.pairwise(atom):
        width += _gap(prev, unit, space, em) + unit.width
    return width


def _fill(atoms: list[list[Unit]], widths: Sequence[float], space: float,
          em: float) -> list[Line]:
    """Greedy filling: as many atoms per line as fit; an atom too long breaks by unit."""
    lines = [Line()]
    used = 0.0
    for atom in atoms:
        available = widths[min(len(lines) - 1, len(widths) - 1)]
        line = lines[-1]
        gap = _gap(line.units[-1], atom[0], space, em) if line.units else 0.0
        width = _atom_width(atom, space, em)
        if line.units and used + gap + width > available + 1e-6:
            lines.append(Line())
            line, used, gap = lines[-1], 0.0, 0.0
            available = widths[min(len(lines) - 1, len(widths) - 1)]
        if width > available and len(atom) > 1:
            for unit in atom:
                unit.glued = False
            sub = _fill([[u] for u in atom], [available], space, em)
            line.units.extend(sub[0].units)
            lines.extend(sub[1:])
            used = sum(u.width for u in lines[-1].units)
            continue
        line.units.extend(atom)
        used += gap + width
    lines[-1].last = True
    return lines


def _stretch_points(line: Line) -> list[int]:
    """Indexes of units before which justification may add space."""
    return [i for i in range(1, len(line.units))
            if line.units[i].space_before or line.units[i].han or line.units[i - 1].han]


def _place(line: Line, width: float, space: float, em: float, justify: bool) -> None:
    """Set each unit's x; spread the slack over the stretch points when justifying."""
    natural = line.units[0].width if line.units else 0.0
    for prev, unit in zip(line.units, line.units[1:], strict=False):
        natural += _gap(prev, unit, space, em) + unit.width
    points = _stretch_points(line)
    slack = width - natural
    extra = slack / len(points) if justify and not line.last and points and slack > 0 else 0.0
    x = 0.0
    stretch = set(points)
    for index, unit in enumerate(line.units):
        if index:
            x += _gap(line.units[index - 1], unit, space, em)
            x += extra if index in stretch else 0.0
        unit.x = x
        x += unit.width


def break_lines(runs: Sequence[Run], widths: Sequence[float], measure: Measure, *,
                space: float, em: float, justify: bool = True) -> list[Line]:
    """Lay ``runs`` out in lines of ``widths`` (the last width repeats).

    ``space`` is the width of a word space and ``em`` the font size, in the units of
    ``measure``. Each unit of each returned line has its ``x`` set.
    """
    units = _classify(runs)
    if not units:
        return []
    for unit in units:
        unit.width = sum(measure(style, text) for style, text in unit.pieces)
    _glue(units)
    lines = _fill(_atoms(units), widths, space, em)
    for index, line in enumerate(lines):
        _place(line, widths[min(index, len(widths) - 1)], space, em, justify)
    return lines
