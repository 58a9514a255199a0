"""From rendered narrative runs and figures to document inlines and cells."""

from __future__ import annotations

from ipdocs.doc import Direction, Paragraph, Span
from ipdocs.i18n import word
from ipdocs.i18n.sentences import sentence_spans
from ipdocs.model import Figure, Report, Text
from ipdocs.model import Paragraph as ModelParagraph
from ipdocs.model.changes import resolve
from ipdocs.model.placeholders import masked
from ipdocs.sections.context import Lang
from ipdocs.sections.narrative import EMPHASIS, Run, render_runs, stale_marked
from ipdocs.sections.review import figures_comment, paragraph_comment, revised

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


def _checked(report: Report, ids: tuple[str, ...]) -> bool:
    """Whether a run states a figure a draft marked for review (a kept qualifier)."""
    return any(report.figure(fid).review for fid in ids)


def stale_mark(text: str, lang: Lang) -> str:
    """A stale value's text with the mark that sets it apart in a draft: 71425件†."""
    return text + word("stale_mark", lang)


def _span(run: Run, report: Report, lang: Lang, review: bool) -> Span:
    """One span of a rendered run: a stale value marked as such (with the year it is of),
    apart from review."""
    stale = _stale(report, run.ids)
    text = stale_marked(run.text, report, run.ids, lang)
    return Span(text, run.emphasis, run.figure, review or _checked(report, run.ids),
                keeps(run.part, run.text), stale)


def _sentences(text: str, lang: Lang, marks: bool | list[int]) -> list[tuple[str, bool]]:
    """``text`` in the pieces a review mark covers: whole, or sentence by sentence. Marks
    on sentences the text does not have mark all of it (nothing is left unmarked)."""
    if not isinstance(marks, list):
        return [(text, bool(marks))]
    spans = sentence_spans(masked(text), lang)
    if max(marks) > len(spans):
        return [(text, True)]
    return [(text[a:b], n in marks) for n, (a, b) in enumerate(spans, start=1)]


def paragraph(text: Text, report: Report, lang: Lang, style: str = "body",
              against: Report | None = None, was: Text | None = None) -> Paragraph:
    """A model paragraph (or any bilingual text) as a document paragraph in ``lang``: a
    paragraph or the sentences marked for review highlighted, stale values marked; with
    ``against`` (last year's report) and ``was`` (the paragraph there, None where it had
    none), every difference from the text it had there a revision, and comments saying
    why a draft marks what it marks."""
    marks = text.review if isinstance(text, ModelParagraph) else False
    spans: list[Span] = []
    emphasis = False
    ids: list[str] = []
    for piece, review in _sentences(text.get(lang), lang, marks):
        runs = render_runs(piece, report, lang, emphasis)
        spans += [_span(r, report, lang, review) for r in runs]
        ids += [fid for r in runs for fid in r.ids]
        emphasis ^= masked(piece).count(EMPHASIS) % 2 == 1
    if against is None:
        return Paragraph(tuple(spans), lang, style, marks is True)
    old = [] if was is None else paragraph(was, against, lang).inlines
    own = paragraph_comment(text, lang) if isinstance(text, ModelParagraph) else ""
    comment = word("comment_glue", lang).join(filter(None, (
        own, figures_comment([report.figure(f) for f in ids], report, lang))))
    return Paragraph(tuple(spans), lang, style, marks is True, comment,
                     revised(spans, [i for i in old if isinstance(i, Span)]))


def paragraph_text(node: Paragraph) -> str:
    """A document paragraph's text as a reader sees it (note marks included)."""
    return "".join(i.text if isinstance(i, Span) else i.mark for i in node.inlines)


def direction(figure: Figure) -> Direction | None:
    """Which way a figure moved, if it states a change."""
    resolved = resolve(figure)
    return None if resolved is None else resolved.direction
