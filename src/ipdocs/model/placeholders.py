"""Placeholders in narrative text: ``{patents.grants}``, ``{patents.grants:change}``, ``{year}``.

Grammar, inside a bilingual paragraph:

- ``{ID}`` the figure's value with its unit, qualifier and basis (71425件 / 71,425)
- ``{ID:change}`` its change phrase (同比增长11.4% / up 11.4% year on year)
- ``{ID:number}`` the bare number (71425 / 71,425)
- ``{ID:words}`` the number as prose writes it (6 / six: English spells out one to nine)
- ``{ID:previous}`` its previous value with its unit (由22个月缩短至…)
- ``{ID:increment}`` its change's size in its unit, said alone with no basis (增加1231件 /
  up 1,231), where the text says it apart from the percent: 收案数量增加1231件，同比增长63%
- ``{ID:rank}`` its rank statement (居全国第二位 / ranking second in China)
- ``{ID:label}`` its label
- ``{ID:quantity}`` the value without its per-capita basis (30.1件 / 30.1), for report
  word order: 每万人口高价值发明专利拥有量达到30.1件
- ``{ID:per}`` the per-capita basis alone (每万人口 / per 10,000 people)
- ``{ID:period}`` the part of the year a flow covers (前三季度 / the first three quarters)
- ``{ID,ID2:change}`` several figures at once: 分别增长12.5%和8.0% / up 12.5% and 8.0%
  … respectively (any part; the values join with 和 / and)
- ``{ID,ID2,ID3:list}`` figures of one unit listed with the unit said once: 4.43万、10.79万、
  3.05万件 / 44,300, 107,900 and 30,500
- ``{ID,ID2:rank}`` one rank held by several figures: 均居全国第一 / both first in China
- ``{year}``, ``{year-1}``, ``{year+1}`` the report's year, or one relative to it (at most
  ``MAX_YEAR_OFFSET`` years away)
- ``{{`` and ``}}`` literal braces
"""

from __future__ import annotations

import re
from collections import OrderedDict

from ipdocs.base.kept import keep, keep_afresh, recall
from ipdocs.base.records import datarecord

PARTS: dict[str, str] = {
    "value": "the value with its unit, qualifier, per-capita basis and base",
    "change": "the change phrase, in the wording of the figure's measure",
    "number": "the bare number (magnitudes resolved in English)",
    "words": "the number as prose writes it (English spells out whole counts one to nine)",
    "previous": "the previous value with its unit (a rank: its previous position)",
    "increment": "the change's size in the figure's unit said alone, with no basis, where a "
                 "sentence says it apart from the percent (收案数量增加1231件，同比增长63%)",
    "rank": "the rank statement",
    "label": "the figure's label",
    "quantity": "the value without its per-capita basis, for the report's word order",
    "per": "the per-capita basis alone",
    "period": "the part of the year a flow covers",
    "list": "several figures of one unit listed with the unit said once (4.43万、10.79万、"
            "6.5万、3.05万件 / 44,300, 107,900, 65,000 and 30,500)",
}
"""What a figure placeholder can render, by the name written after the colon."""

MAX_YEAR_OFFSET = 100
"""The furthest ``{year±N}`` may reach from the report's year."""

MAX_YEAR_SHIFT = 100
"""The furthest ``{year-N}`` or ``{year+N}`` reaches."""

FIGURE_ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*")
_YEAR = re.compile(r"year(?:\s*([+-])\s*(\d+))?")
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class PlaceholderError(ValueError):
    """A malformed placeholder, with its character offset in the text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(f"{message} (at character {offset + 1})")
        self.offset = offset


@datarecord(frozen=True)
class FigureRef:
    """A reference to a figure (and, for 分别 / respectively, ``others``) and the part of
    it to render."""

    figure: str
    part: str = "value"
    others: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """Every figure the placeholder names, in order."""
        return (self.figure, *self.others)

    @property
    def body(self) -> str:
        """The placeholder as written, without braces: ``a,b:change``."""
        names = ",".join(self.ids)
        return names if self.part == "value" else f"{names}:{self.part}"


@datarecord(frozen=True)
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
        if amount and (len(amount) > 3 or int(amount) > MAX_YEAR_OFFSET):
            raise PlaceholderError(f"{{year{sign}{amount[:6]}{'…' if len(amount) > 6 else ''}}}"
                                   f" shifts the year by more than {MAX_YEAR_OFFSET}", offset)
        shift = int(amount) * (-1 if sign == "-" else 1) if amount else 0
        return YearRef(shift)
    names, _, part = body.partition(":")
    ids = [name.strip() for name in names.split(",")]
    if not all(FIGURE_ID.fullmatch(fid) for fid in ids):
        raise PlaceholderError(f"malformed placeholder {{{body}}}: expected a figure id "
                               "such as {patents.grants}", offset)
    if len(set(ids)) != len(ids):
        raise PlaceholderError(f"{{{body}}} names a figure twice", offset)
    part = part.strip() or "value"
    if part not in PARTS:
        raise PlaceholderError(f"unknown placeholder part {part!r} in {{{body}}}; "
                               f"expected one of {', '.join(PARTS)}", offset)
    return FigureRef(ids[0], part, tuple(ids[1:]))


def _unspaced(body: str, offset: int) -> str:
    """The inside of a ``{…}``, refused where spaces open or close it or stand around its
    colon (``{ a }``, ``{a :change}``): text that may be prose in braces, not a
    placeholder. A space after a comma (``{a, b:change}``) is allowed."""
    names, colon, part = body.partition(":")
    if body != body.strip() or names != names.rstrip() or part != part.lstrip():
        written = ",".join(n.strip() for n in names.split(",")) + colon + part.strip()
        raise PlaceholderError(f"{{{body}}} has spaces inside its braces: write {{{written}}}"
                               " (or {{ and }} for literal braces)", offset)
    return body


SCANS_KEPT = 2048
"""Texts whose segments are remembered (``scan``): a spec loaded again (``ipdocs watch``)
holds mostly the same texts, each scanned when loaded, checked and set."""
_SCANS: OrderedDict[str, tuple[Segment, ...]] = OrderedDict()


def scan(text: str) -> tuple[list[Segment], list[PlaceholderError]]:
    """Split ``text`` into literal strings and references, and every malformed brace or
    placeholder in it (each kept as literal text in the segments).

    The segments of a text without errors are remembered by the text (a few thousand,
    the least recently used let go): they are made of it alone."""
    kept = recall(_SCANS, text)
    if kept is not None:
        return list(kept), []
    segments, errors = _scan(text)
    if not errors:
        keep(_SCANS, text, tuple(segments), SCANS_KEPT)
    return segments, errors


def _scan(text: str) -> tuple[list[Segment], list[PlaceholderError]]:
    """``scan`` of a text not remembered."""
    segments: list[Segment] = []
    errors: list[PlaceholderError] = []
    literal = ""
    pos = 0
    for match in _TOKEN.finditer(text):
        literal += text[pos:match.start()]
        pos = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            literal += token[0]
            continue
        if match.group(1) is None:
            errors.append(PlaceholderError(
                f"unmatched {token!r}; write {token * 2} for a literal brace", match.start()))
            literal += token
            continue
        try:
            reference = _read_reference(match.group(1), match.start())
        except PlaceholderError as exc:
            errors.append(exc)
            literal += token
            continue
        if literal:
            segments.append(literal)
            literal = ""
        segments.append(reference)
    literal += text[pos:]
    if literal:
        segments.append(literal)
    return segments, errors


REFERENCES_KEPT = 4096
"""Placeholders remembered read, by what their braces hold (``_read_reference``): a
spec's Chinese and English name the same figures."""
_REFERENCES: dict[str, FigureRef | YearRef] = {}


def _read_reference(body: str, offset: int) -> FigureRef | YearRef:
    """The reference a ``{…}`` at ``offset`` holding ``body`` makes; PlaceholderError
    (at ``offset``) if none. A reference made is remembered by ``body`` alone."""
    kept = _REFERENCES.get(body)
    if kept is not None:
        return kept
    reference = _reference(_unspaced(body, offset), offset)
    return keep_afresh(_REFERENCES, body, reference, REFERENCES_KEPT)


def parse(text: str) -> list[Segment]:
    """Split ``text`` into literal strings and references; raise on the first malformed
    brace or placeholder (``scan`` reports them all)."""
    segments, errors = scan(text)
    if errors:
        raise errors[0]
    return segments


def literal_text(segments: list[Segment]) -> str:
    """The literal text of ``segments``, each reference replaced by a space."""
    return "".join(s if isinstance(s, str) else " " for s in segments)


def figure_refs(text: str) -> list[FigureRef]:
    """The figure references in ``text``, in order."""
    return [s for s in parse(text) if isinstance(s, FigureRef)]


_BRACED = re.compile(r"\{\{|\}\}|\{[^{}]*\}")


MASKS_KEPT = 4096
"""Texts whose masked form is remembered (``masked``): a paragraph is masked when its
markup is read (loading, and setting it), and again when its years are checked."""
_MASKS: dict[str, str] = {}


def masked(text: str) -> str:
    """``text`` with every placeholder and escaped brace replaced by as many ``_``: for
    finding sentences and typed numbers by offset without the dots of figure ids.

    Remembered by the text (all it depends on), a few thousand at a time."""
    mask = _MASKS.get(text)
    if mask is None:
        mask = keep_afresh(_MASKS, text, _BRACED.sub(_underscores, text), MASKS_KEPT)
    return mask


def _underscores(match: re.Match[str]) -> str:
    """As many ``_`` as ``match`` holds characters."""
    return "_" * len(match.group())


def _year_ref(offset: int) -> str:
    """``{year}``, ``{year-2}`` or ``{year+1}``."""
    return "{year}" if offset == 0 else f"{{year{offset:+d}}}"


def shift_years(text: str, by: int) -> str:
    """``text`` with every year placeholder moved ``by`` years (``{year-1}`` by −1 is
    ``{year-2}``), the rest as written: what a text said of years, kept for a report
    ``-by`` years later (a stale figure's basis and note in a draft)."""
    def moved(match: re.Match[str]) -> str:
        body = match.group(1)
        year = _YEAR.fullmatch(body) if body is not None else None
        if year is None:
            return match.group(0)
        sign, amount = year.groups()
        offset = (int(amount) * (-1 if sign == "-" else 1) if amount else 0) + by
        return _year_ref(offset)

    return _TOKEN.sub(moved, text)
