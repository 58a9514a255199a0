"""From rendered narrative runs and figures to document inlines and cells."""

from __future__ import annotations

from ipdocs.doc import Direction, Paragraph, Span
from ipdocs.model import Figure, Report, Text
from ipdocs.model import Paragraph as ModelParagraph
from ipdocs.model.changes import resolve
from ipdocs.narrative import render_runs
from ipdocs.sections.context import Lang

KEEP_TOGETHER = ("value", "number", "previous")
"""Figure parts that must not break across lines: a number stays with its unit."""


MAX_KEPT_WORDS = 3


def keeps(part: str | None, text: str) -> bool:
    """Whether a rendered figure must stay on one line: a value of at most three words.

    RMB 61.093 billion, more than 171,000 and 50 days stay whole; a longer phrase
    (22.93 per 10,000 people) may break between its words.
    """
    return part in KEEP_TOGETHER and len(text.split()) <= MAX_KEPT_WORDS


def _stale(report: Report, ids: tuple[str, ...]) -> bool:
    """Whether a run states a figure a draft left without a new value."""
    return any(report.figure(fid).stale for fid in ids)


def paragraph(text: Text, report: Report, lang: Lang, style: str = "body") -> Paragraph:
    """A model paragraph (or any bilingual text) as a document paragraph in ``lang``."""
    review = isinstance(text, ModelParagraph) and text.review
    runs = render_runs(text.get(lang), report, lang)
    spans = tuple(Span(r.text, r.emphasis, r.figure, review or _stale(report, r.ids),
                       keeps(r.part, r.text)) for r in runs)
    return Paragraph(spans, lang, style, review)


def direction(figure: Figure) -> Direction | None:
    """Which way a figure moved, if it states a change."""
    resolved = resolve(figure)
    return None if resolved is None else resolved.direction
