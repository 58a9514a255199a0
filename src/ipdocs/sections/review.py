"""What a reviewer is shown when a report is compared with last year's: each figure's text
as it read then (a tracked revision where it changed), and why a draft marks what it marks
(a comment)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import accumulate, pairwise

from ipdocs.base.patterns import on_first_use
from ipdocs.doc import Cell, Span, Table
from ipdocs.doc.nodes import RowChange
from ipdocs.i18n import join, join_numbers, word
from ipdocs.i18n.words import plural
from ipdocs.model import Figure, FigureRef, Report
from ipdocs.model import Paragraph as ModelParagraph
from ipdocs.sections.context import Lang
from ipdocs.sections.narrative import render_reference


def figures_comment(figures: Sequence[Figure], report: Report, lang: Lang) -> str:
    """One comment on the figures a paragraph or a table states: which values are kept
    from which earlier year, which to check, and the notes the figures file gave (where a
    value came from), each figure named once."""
    seen = list({f.id: f for f in figures}.values())
    parts = []
    years = sorted({f.of_year or report.year - 1 for f in seen if f.stale})
    for year in years:
        labels = [f.label.get(lang) for f in seen
                  if f.stale and (f.of_year or report.year - 1) == year]
        parts.append(word("comment_stale_list", lang, year=year, items=join(labels, lang)))
    checked = [f.label.get(lang) for f in seen if f.review and not f.stale]
    if checked:
        parts.append(word("comment_review_list", lang, items=join(checked, lang)))
    parts += [word("comment_note", lang, label=f.label.get(lang), note=f.draft_note)
              for f in seen if f.draft_note]
    return word("comment_glue", lang).join(parts)


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


TOKEN = on_first_use(r"[0-9]+(?:[.,][0-9]+)*%?|[A-Za-z]+(?:['’][A-Za-z]+)*|\s+|.", re.DOTALL)
"""What a revision changes whole: a number with its decimals and groups (71425, 610.93,
71,425, 11.4%; a point or comma only between digits, so that the comma after "In 2024," is
not part of the number and is not deleted and inserted again), a Latin word, a run of
spaces, or one other character (a Han character, a punctuation mark), so that a revision
never takes a neighbouring 。 on one side and not on the other."""


def _tokens(text: str) -> list[str]:
    """``text`` in revision tokens."""
    return TOKEN.findall(text)


Edit = tuple[int, int, int, int]
"""A change to a text: the new text's characters ``start:end`` replace the old text's
``old_start:old_end``."""


def edits(old: str, new: str) -> list[Edit]:
    """What changed from ``old`` to ``new``, token by token: each edit's span of ``new``
    (empty for a deletion) and the span of ``old`` it replaces (empty for an insertion)."""
    from difflib import SequenceMatcher  # here: only a compared document diffs its text

    a, b = _tokens(old), _tokens(new)
    starts_a = [0, *accumulate(len(t) for t in a)]
    starts_b = [0, *accumulate(len(t) for t in b)]
    return [(starts_b[j1], starts_b[j2], starts_a[i1], starts_a[i2])
            for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            if tag != "equal"]


def _pieces(span: Span, start: int, cuts: list[Edit]) -> list[Span]:
    """``span`` (at ``start`` of its paragraph's text) cut where the edits begin and end:
    each piece inside an edit an insertion (previous ``""``), the others unchanged."""
    end = start + len(span.text)
    marks = sorted({start, end, *(p for e in cuts for p in e[:2] if start < p < end)})
    return [replace(span, text=span.text[a - start:b - start],
                    previous="" if any(e[0] <= a and b <= e[1] for e in cuts) else None,
                    comment=span.comment if a == start else "")
            for a, b in pairwise(marks)]


def _deleted(old: Sequence[Span], start: int, end: int) -> list[Span]:
    """Empty spans deleting the characters ``start:end`` of the ``old`` spans' text, each
    with the looks of the span it comes from (a number kept whole stays so)."""
    out, at = [], 0
    for span in old:
        a, b = max(start, at), min(end, at + len(span.text))
        if a < b:
            out.append(replace(span, text="", previous=span.text[a - at:b - at], comment="",
                               figure=None))
        at += len(span.text)
    return out


def _as_kept(span: Span) -> str:
    """A span's text as compared: a space inside a span kept whole is a no-break space
    (writers set it so), unlike the same space in a span that may break, so that which of
    the two a revision restores is part of what it changes."""
    return span.text.replace(" ", "\u00a0") if span.keep else span.text


def revised(spans: Sequence[Span], old: Sequence[Span] | str) -> tuple[Span, ...]:
    """``spans`` with every difference from ``old`` (the paragraph's spans, or its text, in
    the document compared with) a revision: a deletion an empty span carrying the text
    deleted (with the looks it had), an insertion a piece of a span with an empty
    previous text. Accepting every revision gives the spans' text, rejecting every one
    the old text, character for character."""
    before = [Span(old)] if isinstance(old, str) else list(old)
    plain = [replace(s, previous=None) for s in spans]
    found = edits("".join(map(_as_kept, before)), "".join(map(_as_kept, plain)))
    pending = sorted(found)
    out: list[Span] = []
    start = 0
    for span in plain:
        for piece in _pieces(span, start, found) if span.text else [span]:
            while pending and pending[0][0] == start:
                out += _deleted(before, *pending.pop(0)[2:])
            out.append(piece)
            start += len(piece.text)
    for edit in pending:
        out += _deleted(before, *edit[2:])
    return tuple(out)


def _was_cell(cell: Cell, old: str) -> Cell:
    """``cell`` with the text it had, where that differs."""
    return cell if cell.text == old else replace(cell, previous=old)


def revised_rows(table: Table, keys: Sequence[str], old: Table, old_keys: Sequence[str], *,
                 by_position: bool = False) -> Table:
    """``table`` (its body rows named by ``keys``: figure ids, terms) against ``old`` (its
    rows named by ``old_keys``), column by column as their headers name them: a row both
    have with each cell that reads otherwise a revision, a row only ``table`` has
    inserted, a row only ``old`` had deleted (kept, its cells empty, for the reviewer to
    see and reject), a column only ``table`` has inserted; the caption and note too.
    ``by_position``: columns matched by their places (a header of years)."""
    from difflib import SequenceMatcher  # here: only a compared document diffs its rows

    names = [c.text for c in old.header[-1]] if old.header else []
    if by_position:
        at: list[int | None] = list(range(len(table.header[-1])))
        header = tuple(_was_cell(c, o.text) for c, o in zip(table.header[-1], old.header[-1],
                                                              strict=True))
    else:
        at = [names.index(c.text) if c.text in names else None for c in table.header[-1]]
        header = tuple(_was_cell(c, c.text if i is not None else "")
                       for c, i in zip(table.header[-1], at, strict=True))
    rows: list[tuple[Cell, ...]] = []
    changes: list[RowChange] = []
    matcher = SequenceMatcher(None, list(old_keys), list(keys), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2):
            before = old.rows[i1 + j - j1] if tag == "equal" else None
            rows.append(tuple(_was_cell(c, "" if i is None or before is None
                                        else before[i].text)
                              for c, i in zip(table.rows[j], at, strict=True)))
            changes.append("" if tag == "equal" else "inserted")
        if tag != "equal":
            for gone in old.rows[i1:i2]:
                rows.append(tuple(Cell("", previous=gone[i].text if i is not None else "")
                                  for i in at))
                changes.append("deleted")
    return replace(table, header=(*table.header[:-1], header), rows=tuple(rows),
                   changes=tuple(changes), was=(old.caption, old.note))
