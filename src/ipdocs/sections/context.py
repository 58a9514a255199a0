"""What every builder is given besides the report: language and optional material."""

from __future__ import annotations

from dataclasses import replace

from ipdocs.base.records import datarecord
from ipdocs.doc import Block
from ipdocs.i18n import Lang
from ipdocs.model import Glossary, Report

__all__ = ["COMPACT_CHART_BARS", "COMPACT_KEY_FIGURES", "COMPACT_LEVELS", "SMALLEST_CHART_BARS",
           "Builder", "Context", "Lang", "old_blocks"]

COMPACT_LEVELS = 6
"""The most a brief with a page limit is shortened (``Context.compact``)."""
COMPACT_CHART_BARS = 5
SMALLEST_CHART_BARS = 3
"""A chart shrinks to this many bars before it is left out."""
COMPACT_KEY_FIGURES = 3

NO_CHART, FIRST_LEAD, FEW_HIGHLIGHTS, FEW_KEY_FIGURES = 3, 4, 5, 6
"""The levels of ``Context.compact`` at which a brief loses its chart, the lead's second
paragraph, highlights, key figures."""


@datarecord(frozen=True)
class Context:
    """The language a builder writes in, and the termbase for the glossary."""

    lang: Lang
    glossary: Glossary | None = None
    numbered: bool = True
    tables: bool = True
    against: Report | None = None
    """A report to compare with (last year's): what changed since becomes a revision and
    what a draft marks gets a comment, for reviewers."""
    compact: int = 0
    """How far builders shorten what they say so that a brief fits its pages (0: not at
    all, up to ``COMPACT_LEVELS``): 1, a chart of five bars at most, drawn shorter; 2, of
    three; 3, no chart; 4, the lead's first paragraph only; 5, highlights of two rises
    and falls; 6, three key figures."""
    restored: frozenset[int] = frozenset()
    """Levels of ``compact`` whose cut is given back (the page had room for it once the
    brief fitted): a chart of the fewest bars drawn shorter, the lead's second
    paragraph, every highlight, every key figure."""

    def cuts(self, level: int) -> bool:
        """Whether the brief is shortened as far as ``level`` (one of ``NO_CHART``,
        ``FIRST_LEAD``, ``FEW_HIGHLIGHTS``, ``FEW_KEY_FIGURES``) and that cut is kept."""
        return self.compact >= level and level not in self.restored

    def with_lang(self, lang: Lang) -> Context:
        """The same context in another language."""
        return replace(self, lang=lang)


class Builder:
    """A section builder: a pure function of a report and a context into blocks.

    Subclasses are small frozen dataclasses holding their options (which figures, which
    section); :meth:`build` does the work. Every builder yields the same number of blocks
    in both languages, so that bilingual layouts can pair them.
    """

    name = "builder"

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The blocks this builder contributes in ``ctx.lang``."""
        raise NotImplementedError


def old_blocks(builder: Builder, ctx: Context) -> tuple[Block, ...]:
    """What ``builder`` makes of the report compared with (``ctx.against``): nothing where
    it has none, or lacks a figure or section the builder names."""
    if ctx.against is None:
        return ()
    try:
        return builder.build(ctx.against, replace(ctx, against=None))
    except KeyError:
        return ()
