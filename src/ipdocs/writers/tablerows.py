"""Where a table may break across pages, the same in both writers.

A table split over pages keeps at least ``KEEP_FIRST`` body rows under its header on the
first page, and ``KEEP_LAST`` under the repeated header on the last: no lone row carried
over, no table that starts with a row or two at the foot of a page. A table too short to
leave both is not split at all.
"""

from __future__ import annotations

KEEP_FIRST = 3
"""Body rows that stay with the header where a table starts."""

KEEP_LAST = 2
"""Body rows that stay together where a table ends."""


def unbroken(count: int) -> list[tuple[int, int]]:
    """The runs of a table's ``count`` body rows that no page break may fall inside, as
    (first, last) indexes, both included: its first rows and its last (overlapping, and
    so the whole table, when it has too few rows for both)."""
    if count <= 0:
        return []
    return [(0, min(KEEP_FIRST, count) - 1), (max(count - KEEP_LAST, 0), count - 1)]


def kept_with_next(count: int) -> list[bool]:
    """For each body row, whether it must stay on the page of the row after it."""
    keep = [False] * count
    for first, last in unbroken(count):
        for index in range(first, last):
            keep[index] = True
    return keep
