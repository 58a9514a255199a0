"""Render narrative text: placeholders become localised figures, per language.

This is where the model meets ipdocs.i18n. Builders turn the runs it produces into
document-tree inlines; ``plain_text`` gives the whole narrative as text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ipdocs.i18n import (
    english_cardinal,
    english_magnitude,
    format_change,
    format_number,
    format_quantity,
    hanzi,
    ordinal,
    percent_change,
    word,
)
from ipdocs.model import Figure, FigureRef, Report, Section, Text, YearRef, parse
from ipdocs.vocab import UnitKind, get_unit

EMPHASIS = "**"
"""Inline markup that turns emphasis on and off in a paragraph."""


@dataclass(frozen=True)
class Run:
    """A stretch of rendered text; ``figure`` names the figure it states, if any."""

    text: str
    emphasis: bool = False
    figure: str | None = None
    part: str | None = None


def figure_value(figure: Figure, lang: str) -> str:
    """The value with its unit, qualifier and basis: 17.1万余家 / more than 171,000."""
    if figure.kind == "rank":
        return ordinal(int(figure.value), lang) + (figure.unit if lang == "zh" else "")
    per = figure.per.get(lang) if figure.per else None
    return format_quantity(figure.value, figure.unit, lang, qualifier=figure.qualifier,
                           per=per, numerals=figure.numerals)


def figure_number(figure: Figure, lang: str) -> str:
    """The bare number: 51.7 in Chinese, 517,000 in English (magnitudes resolved)."""
    if lang == "zh":
        if figure.numerals == "hanzi":
            return hanzi(int(figure.value), counting=True)
        return format_number(figure.value, lang)
    return english_magnitude(figure.value, get_unit(figure.unit).exponent)


def figure_words(figure: Figure, lang: str) -> str:
    """The number as running prose writes it: English spells out whole counts from one to
    nine (six programmes, three clusters), as official English style does; otherwise, and
    in Chinese, the bare number (Chinese that spells a number uses ``numerals: hanzi``)."""
    unit = get_unit(figure.unit)
    small = figure.value == figure.value.to_integral_value() and 1 <= figure.value <= 9
    if lang == "en" and small and unit.exponent == 0 and unit.kind is UnitKind.COUNT:
        return english_cardinal(int(figure.value))
    return figure_number(figure, lang)


def figure_previous(figure: Figure, lang: str) -> str:
    """The previous value with its unit (由22个月缩短至… / from 22 months)."""
    if figure.change is None or figure.change.previous is None:
        raise ValueError(f"figure {figure.id!r} has no previous value")
    per = figure.per.get(lang) if figure.per else None
    return format_quantity(figure.change.previous, figure.unit, lang, per=per)


def change_delta(figure: Figure) -> tuple[Decimal, str | None] | None:
    """The signed change a phrase states and its unit (None for a percent).

    ``None`` when the base is zero and only a previous value is known: the figure is new.
    """
    change = figure.change
    if change is None:
        raise ValueError(f"figure {figure.id!r} has no change")
    wants_increment = change.show == "increment" or (
        change.show is None and change.percent is None and change.increment is not None)
    if wants_increment:
        if change.increment is not None:
            return change.increment, figure.unit
        assert change.previous is not None
        return figure.value - change.previous, figure.unit
    if change.percent is not None:
        return change.percent, None
    assert change.previous is not None
    if change.previous == 0:
        return None
    return percent_change(figure.value, change.previous, change.digits), None


def figure_change(figure: Figure, lang: str) -> str:
    """The change phrase: 同比增长11.4% / up 11.4% year on year."""
    delta = change_delta(figure)
    if delta is None:
        return word("new", lang)
    assert figure.change is not None
    basis = figure.change.basis.get(lang) if figure.change.basis else None
    return format_change(delta[0], lang, unit=delta[1], verb=figure.change.verb,
                         basis=basis, qualifier=figure.change.qualifier)


def figure_rank(figure: Figure, lang: str) -> str:
    """The rank statement: 居全国第二位 / ranking second in China."""
    rank = figure.rank
    if rank is None:
        raise ValueError(f"figure {figure.id!r} has no rank")
    key = "rank_in_years" if rank.years else "rank_in"
    position = hanzi(rank.position) if lang == "zh" else ordinal(rank.position, lang)
    return word(key, lang, ordinal=position, scope=rank.scope.get(lang), years=rank.years)


def figure_label(figure: Figure, lang: str) -> str:
    """The figure's label in ``lang``."""
    return figure.label.get(lang)


_PARTS: dict[str, Callable[[Figure, str], str]] = {
    "value": figure_value,
    "number": figure_number,
    "words": figure_words,
    "previous": figure_previous,
    "change": figure_change,
    "rank": figure_rank,
    "label": figure_label,
}


def render_reference(ref: FigureRef, report: Report, lang: str) -> str:
    """One figure placeholder rendered in ``lang``."""
    return _PARTS[ref.part](report.figure(ref.figure), lang)



def _emphasised(text: str, emphasis: bool) -> tuple[list[Run], bool]:
    """Split literal text at emphasis marks; return its runs and the emphasis after it."""
    runs = []
    for index, piece in enumerate(text.split(EMPHASIS)):
        if index:
            emphasis = not emphasis
        if piece:
            runs.append(Run(piece, emphasis))
    return runs, emphasis


def render_runs(text: str, report: Report, lang: str) -> list[Run]:
    """Render ``text`` (one language of a bilingual text) into runs."""
    runs: list[Run] = []
    emphasis = False
    for segment in parse(text):
        if isinstance(segment, str):
            pieces, emphasis = _emphasised(segment, emphasis)
            runs.extend(pieces)
        elif isinstance(segment, YearRef):
            runs.append(Run(str(report.year + segment.offset), emphasis))
        else:
            runs.append(Run(render_reference(segment, report, lang), emphasis,
                            segment.figure, segment.part))
    return runs


def render(text: Text, report: Report, lang: str) -> str:
    """A bilingual text rendered as plain text in ``lang``."""
    return "".join(run.text for run in render_runs(text.get(lang), report, lang))


def _section_lines(section: Section, report: Report, lang: str, depth: int) -> list[str]:
    """A section's heading and paragraphs, then its subsections, as plain lines."""
    lines = ["#" * depth + " " + render(section.title, report, lang)]
    lines += [render(p, report, lang) for p in section.paragraphs]
    for child in section.sections:
        lines += _section_lines(child, report, lang, depth + 1)
    return lines


def plain_text(report: Report, lang: str) -> str:
    """The whole narrative as text: lead, then ``#`` headings and one paragraph per line."""
    lines = [render(p, report, lang) for p in report.lead]
    for section in report.sections:
        lines += _section_lines(section, report, lang, 1)
    return "\n".join(lines) + "\n"
