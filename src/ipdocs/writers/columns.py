"""Table column widths shared by both writers: proportional, widened for short cells.

A table's columns have relative widths; in a narrow table (a column of a side-by-side
page) a unit such as 万件 or a change such as +11.4% would then break over two lines.
A short cell never wraps: its column is made at least as wide as it, and the other
columns give way in proportion to their room, never below what their own short cells need.
"""

from __future__ import annotations

from collections.abc import Sequence

SHORT_CELL = 8
"""Cells of at most this many characters, without spaces, are not wrapped."""


def is_short(text: str) -> bool:
    """Whether a cell's text is short enough to stay on one line."""
    return len(text) <= SHORT_CELL and not any(c.isspace() for c in text)


def proportional(relative: Sequence[float], total: float) -> list[float]:
    """``total`` shared in proportion to ``relative``."""
    share = sum(relative) or 1
    return [total * r / share for r in relative]


MAX_SHARE = 0.45
"""No column is widened beyond this share of the table for its short cells."""


def fit_widths(widths: Sequence[float], floors: Sequence[float]) -> list[float]:
    """``widths`` with each raised to its floor, the others narrowed to pay for it (in
    proportion to their room above their own floors). The total never changes: floors
    are capped at a share of the table, and when they cannot all be met the proportional
    widths stand (the short cells wrap rather than the table overflowing its space)."""
    total = sum(widths)
    floors = [min(f, total * MAX_SHARE) for f in floors]
    if sum(floors) > total:
        return list(widths)
    short = sum(max(f - w, 0.0) for f, w in zip(floors, widths, strict=True))
    spare = [max(w - f, 0.0) for f, w in zip(floors, widths, strict=True)]
    if short <= 1e-9 or sum(spare) <= 1e-9:
        return [max(w, f) for f, w in zip(floors, widths, strict=True)]
    take = min(short, sum(spare)) / sum(spare)
    return [f if f > w else w - room * take
            for f, w, room in zip(floors, widths, spare, strict=True)]
