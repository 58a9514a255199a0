"""What a reviewer is shown when a report is compared with last year's: each figure's text
as it read then (a tracked revision where it changed), and why a draft marks what it marks
(a comment)."""

from __future__ import annotations

from collections.abc import Callable

from ipdocs.i18n import join_numbers, word
from ipdocs.i18n.words import plural
from ipdocs.model import Figure, FigureRef, Report
from ipdocs.model import Paragraph as ModelParagraph
from ipdocs.sections.context import Lang
from ipdocs.sections.narrative import render_reference


def figure_comment(figure: Figure, report: Report, lang: Lang) -> str:
    """Why a draft marks a figure: kept from an earlier year, or a detail to check."""
    if figure.stale:
        return word("comment_stale", lang, year=figure.of_year or report.year - 1)
    if figure.review:
        return word("comment_figure_review", lang)
    return ""


def paragraph_comment(paragraph: ModelParagraph, lang: Lang) -> str:
    """Why a draft marks a paragraph (or some of its sentences) for review."""
    if paragraph.review is True:
        return word("comment_review", lang)
    if isinstance(paragraph.review, list) and paragraph.review:
        numbers = join_numbers([str(n) for n in paragraph.review], lang)
        return plural("comment_review_sentences", lang, len(paragraph.review)).format(
            numbers=numbers)
    return ""


def was(ref: FigureRef, against: Report | None, lang: Lang, now: str) -> str | None:
    """What ``ref`` rendered in the report ``against``, where it differs from ``now``:
    ``""`` for a figure that report lacks (an insertion), None where nothing changed."""
    if against is None:
        return None
    if not all(fid in against.figures for fid in ref.ids):
        return ""
    try:
        before = render_reference(ref, against, lang)
    except (KeyError, ValueError):  # last year's figure lacks the part (no change then)
        return ""
    return None if before == now else before


def was_cell(figure: Figure, against: Report | None, now: str,
             cell: Callable[[Figure], str]) -> str | None:
    """What a table cell of ``figure`` read in the report ``against``, where it differs."""
    if against is None:
        return None
    old = against.figures.get(figure.id or "")
    if old is None:
        return ""
    try:
        before = cell(old)
    except (KeyError, ValueError):
        return ""
    return None if before == now else before
