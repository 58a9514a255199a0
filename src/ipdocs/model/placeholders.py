"""Placeholders in narrative text: ``{patents.grants}``, ``{patents.grants:change}``, ``{year}``.

Grammar, inside a bilingual paragraph:

- ``{ID}`` the figure's value with its unit, qualifier and basis (71425件 / 71,425)
- ``{ID:change}`` its change phrase (同比增长11.4% / up 11.4% year on year)
- ``{ID:number}`` the bare number (71425 / 71,425)
- ``{ID:words}`` the number as prose writes it (6 / six: English spells out one to nine)
- ``{ID:previous}`` its previous value with its unit (由22个月缩短至…)
- ``{ID:rank}`` its rank statement (居全国第二位 / ranking second in China)
- ``{ID:label}`` its label
- ``{year}``, ``{year-1}``, ``{year+1}`` the report's year, or one relative to it
- ``{{`` and ``}}`` literal braces
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PARTS = ("value", "change", "number", "words", "previous", "rank", "label")
"""What a figure placeholder can render."""

MAX_YEAR_SHIFT = 100
"""The furthest ``{year-N}`` or ``{year+N}`` reaches."""

FIGURE_ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*")
_YEAR = re.compile(r"year(?:([+-])(\d+))?")
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class PlaceholderError(ValueError):
    """A malformed placeholder, with its character offset in the text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(f"{message} (at character {offset + 1})")
        self.offset = offset


@dataclass(frozen=True)
class FigureRef:
    """A reference to one figure and the part of it to render."""

    figure: str
    part: str = "value"


@dataclass(frozen=True)
class YearRef:
    """A reference to the report's year, shifted by ``offset`` years."""

    offset: int = 0


Segment = str | FigureRef | YearRef
"""Literal text or a reference."""


def _reference(body: str, offset: int) -> FigureRef | YearRef:
    """Parse the inside of one ``{…}``."""
    year = _YEAR.fullmatch(body)
    if year:
        sign, amount = year.groups()
        if amount and (len(amount) > 3 or int(amount) > MAX_YEAR_SHIFT):
            raise PlaceholderError(f"{{year{sign}{amount[:6]}{'…' if len(amount) > 6 else ''}}}"
                                   f" shifts the year by more than {MAX_YEAR_SHIFT}", offset)
        shift = int(amount) * (-1 if sign == "-" else 1) if amount else 0
        return YearRef(shift)
    figure, _, part = body.partition(":")
    if not FIGURE_ID.fullmatch(figure):
        raise PlaceholderError(f"malformed placeholder {{{body}}}: expected a figure id "
                               "such as {patents.grants}", offset)
    part = part or "value"
    if part not in PARTS:
        raise PlaceholderError(f"unknown placeholder part {part!r} in {{{body}}}; "
                               f"expected one of {', '.join(PARTS)}", offset)
    return FigureRef(figure, part)


def parse(text: str) -> list[Segment]:
    """Split ``text`` into literal strings and references; raise on a malformed brace."""
    segments: list[Segment] = []
    literal = ""
    pos = 0
    for match in _TOKEN.finditer(text):
        literal += text[pos:match.start()]
        pos = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            literal += token[0]
        elif match.group(1) is None:
            raise PlaceholderError(f"unmatched {token!r}; write {token * 2} for a literal brace",
                                   match.start())
        else:
            if literal:
                segments.append(literal)
                literal = ""
            segments.append(_reference(match.group(1).strip(), match.start()))
    literal += text[pos:]
    if literal:
        segments.append(literal)
    return segments


def figure_refs(text: str) -> list[FigureRef]:
    """The figure references in ``text``, in order."""
    return [s for s in parse(text) if isinstance(s, FigureRef)]
