"""Where a table may break across pages, the same in both writers.

A table split over pages keeps at least ``KEEP_FIRST`` body rows under its header on the
first page, and ``kept_last`` under the repeated header on the last: no lone row carried
over, no table that starts with a row or two at the foot of a page. A table too short to
leave both is not split at all.

A long table carries more to its last page: a share of its rows (``LAST_SHARE``), so that
where it ends a document, its last page is not a runt of two rows under a repeated header
(Ningbo's glossary, 70 rows: 8 carried, the page before it ends that much short).

A table followed by a short run of text up to the end of the document or the next page
break (``closing``: the sources under their headings) keeps those last rows with that
text: where the table ends at the foot of a page, its last rows go over with the text
rather than the text alone making a nearly empty last page.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from ipdocs.doc import Bilingual, Heading, ItemList, PageBreak, Paragraph

KEEP_FIRST = 3
"""Body rows that stay with the header where a table starts."""

KEEP_LAST = 2
"""Body rows that stay together where a table ends, at least."""

LAST_SHARE = 8
"""A long table keeps one row in this many together where it ends (``kept_last``)."""


CLOSING_EMS = 320.0
"""The most text, in ems (a Han character one, other characters half), of a run after a
table that its last rows are kept with (``closing``): about eight lines across a page."""

CLOSING_BLOCKS = 8
"""The most blocks (headings, paragraphs, lists; each language of a side-by-side pair
one) of such a run."""


def kept_last(count: int) -> int:
    """How many of a table's ``count`` body rows stay together where it ends:
    ``KEEP_LAST``, or one in ``LAST_SHARE`` of a long table."""
    return max(KEEP_LAST, count // LAST_SHARE)


def unbroken(count: int) -> list[tuple[int, int]]:
    """The runs of a table's ``count`` body rows that no page break may fall inside, as
    (first, last) indexes, both included: its first rows and its last (overlapping, and
    so the whole table, when it has too few rows for both)."""
    if count <= 0:
        return []
    return [(0, min(KEEP_FIRST, count) - 1), (max(count - kept_last(count), 0), count - 1)]


def kept_with_next(count: int) -> list[bool]:
    """For each body row, whether it must stay on the page of the row after it."""
    keep = [False] * count
    for first, last in unbroken(count):
        for index in range(first, last):
            keep[index] = True
    return keep


def closing(following: Sequence[object]) -> int:
    """How many of the items after a table (``following``: blocks, or lists of
    side-by-side pairs as the writers group them) its last rows are kept with: the run up
    to the next page break or the document's end, when that run is short text (at most
    ``CLOSING_BLOCKS`` blocks, ``CLOSING_EMS`` of text); else none."""
    run: list[object] = []
    for item in following:
        if isinstance(item, PageBreak):
            break
        run.append(item)
    blocks = list(_flat(run))
    if not blocks or len(blocks) > CLOSING_BLOCKS or \
            not all(isinstance(b, (Heading, Paragraph, ItemList)) for b in blocks):
        return 0
    return len(run) if sum(_ems(_text(b)) for b in blocks) <= CLOSING_EMS else 0


def _flat(items: Iterable[object]) -> Iterable[object]:
    """The blocks of ``items``, side-by-side pairs (and lists of them) opened."""
    for item in items:
        if isinstance(item, list):
            yield from _flat(item)
        elif isinstance(item, Bilingual):
            yield from _flat([*item.left, *item.right])
        else:
            yield item


def _text(block: object) -> str:
    """A heading's, a paragraph's or a list's text."""
    if isinstance(block, Heading):
        return block.display
    if isinstance(block, ItemList):
        return "".join(item.text for item in block.items)
    return block.text if isinstance(block, Paragraph) else ""


def _ems(text: str) -> float:
    """The width of ``text`` in ems, roughly: wide (Han) characters one, others half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)
