"""From rendered narrative runs and figures to document inlines and cells."""

from __future__ import annotations

from ipdocs.doc import Direction, ItemList, Paragraph, Span
from ipdocs.i18n import word
from ipdocs.i18n.sentences import sentence_spans
from ipdocs.model import Figure, Report, Text
from ipdocs.model import Paragraph as ModelParagraph
from ipdocs.model.changes import resolve
from ipdocs.model.markup import Item, Markup, Piece, read
from ipdocs.model.placeholders import masked
from ipdocs.sections.context import Lang
from ipdocs.sections.narrative import Run, piece_runs, stale_marked
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
    ids = run.ids
    if not ids:  # text between placeholders: neither stale nor checked, nothing kept whole
        return Span(run.text, run.emphasis, None, review, False, False, italic=run.italic,
                    link=run.link)
    stale = _stale(report, ids)
    text = stale_marked(run.text, report, ids, lang)
    return Span(text, run.emphasis, run.figure, review or _checked(report, ids),
                keeps(run.part, run.text), stale, italic=run.italic, link=run.link)


def _sentences(text: str, lang: Lang, marks: bool | list[int]) -> list[tuple[str, bool]]:
    """``text`` in the pieces a review mark covers: whole, or sentence by sentence. Marks
    on sentences the text does not have mark all of it (nothing is left unmarked)."""
    if not isinstance(marks, list):
        return [(text, bool(marks))]
    spans = sentence_spans(masked(text), lang)
    if max(marks) > len(spans):
        return [(text, True)]
    return [(text[a:b], n in marks) for n, (a, b) in enumerate(spans, start=1)]


def _markup(text: str, blocks: bool = True) -> Markup:
    """A paragraph's markup (lists read where ``blocks``); malformed markup (which
    loading refuses) read as literal text."""
    markup, errors = read(text, blocks)
    return Markup("", (Item((Piece(0, len(text)),)),)) if errors else markup


def _cut(pieces: tuple[Piece, ...], sentences: list[tuple[int, int, bool]]
         ) -> list[tuple[Piece, bool]]:
    """The pieces cut where review marks start and stop, each with its mark."""
    out: list[tuple[Piece, bool]] = []
    for piece in pieces:
        for start, end, review in sentences:
            low, high = max(start, piece.start), min(end, piece.end)
            if low < high:
                out.append((Piece(low, high, piece.strong, piece.emphasis, piece.link), review))
    return out


def _marked(text: str, lang: Lang, marks: bool | list[int]) -> list[tuple[int, int, bool]]:
    """Where review marks cover ``text``: whole, or sentence by sentence (offsets)."""
    out, at = [], 0
    for piece, review in _sentences(text, lang, marks):
        out.append((at, at + len(piece), review))
        at += len(piece)
    return out


def _spans(text: str, pieces: tuple[Piece, ...], report: Report, lang: Lang,
           sentences: list[tuple[int, int, bool]]) -> tuple[list[Span], list[str]]:
    """The spans of one paragraph or list item, and the figures they state."""
    spans: list[Span] = []
    ids: list[str] = []
    before = ""
    for piece, review in _cut(pieces, sentences):
        runs: list[Run] = piece_runs(text, piece, report, lang, before)
        spans += [_span(r, report, lang, review) for r in runs]
        ids += [fid for r in runs for fid in r.ids]
        before += "".join(r.text for r in runs)
    return spans, ids


def prose(text: Text, report: Report, lang: Lang, style: str = "body",
          against: Report | None = None, was: Text | None = None) -> Paragraph | ItemList:
    """A model paragraph in ``lang`` as the tree holds it: a paragraph (``paragraph``), or
    a list where the spec writes it as ``- `` or ``1. `` lines, each item a paragraph."""
    source = text.get(lang)
    markup = _markup(source)
    if not markup.kind:
        return paragraph(text, report, lang, style, against, was)
    marks = text.review if isinstance(text, ModelParagraph) else False
    sentences = _marked(source, lang, marks)
    old = prose(was, against, lang) if was is not None and against is not None else None
    old_items = old.items if isinstance(old, ItemList) else ()
    items = []
    for index, item in enumerate(markup.items):
        spans, _ = _spans(source, item.pieces, report, lang, sentences)
        review = marks is True
        if against is None:
            items.append(Paragraph(tuple(spans), lang, style, review))
            continue
        before = old_items[index].inlines if index < len(old_items) else ()
        items.append(Paragraph(tuple(spans), lang, style, review, "",
                               revised(spans, [i for i in before if isinstance(i, Span)])))
    return ItemList(tuple(items), lang, markup.kind == "numbers", style)


def paragraph(text: Text, report: Report, lang: Lang, style: str = "body",
              against: Report | None = None, was: Text | None = None) -> Paragraph:
    """A model paragraph (or any bilingual text) as a document paragraph in ``lang``: a
    paragraph or the sentences marked for review highlighted, stale values marked; with
    ``against`` (last year's report) and ``was`` (the paragraph there, None where it had
    none), every difference from the text it had there a revision, and comments saying
    why a draft marks what it marks. Inline markup is read (``ipdocs.model.markup``); a
    list's lines are set as one paragraph (``prose`` makes them a list)."""
    marks = text.review if isinstance(text, ModelParagraph) else False
    source = text.get(lang)
    pieces = _markup(source, blocks=False).items[0].pieces
    spans, ids = _spans(source, pieces, report, lang, _marked(source, lang, marks))
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
