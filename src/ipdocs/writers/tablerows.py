"""Where a table may break across pages, the same in both writers.

A table split over pages keeps at least ``KEEP_FIRST`` body rows under its header on the
first page, and ``kept_last`` under the repeated header on the last: no lone row carried
over, no table that starts with a row or two at the foot of a page. A table too short to
leave both is not split at all.

A long table carries more to its last page: a share of its rows (``LAST_SHARE``), so that
where it ends a document, its last page is not a runt of two rows under a repeated header
(Ningbo's glossary, 70 rows: 8 carried, the page before it ends that much short).
"""

from __future__ import annotations

KEEP_FIRST = 3
"""Body rows that stay with the header where a table starts."""

KEEP_LAST = 2
"""Body rows that stay together where a table ends, at least."""

LAST_SHARE = 8
"""A long table keeps one row in this many together where it ends (``kept_last``)."""


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
