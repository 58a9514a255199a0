"""What the theme file's schema (``themes.schema``) and the themes the writers read
(``ipdocs.themes``) share, with no pydantic: the colour roles a style may name and the
letterhead's measures. A build with a built-in theme reads it without the schema
(``themes.built``), so ``ipdocs.themes`` takes these from here."""

from __future__ import annotations

COLOUR_ROLES = ("accent", "muted", "rule", "fill", "rise", "fall", "review", "stale", "draft")
"""Colours a style may name instead of giving hex digits."""

MM_PER_POINT = 25.4 / 72
"""Millimetres in a typographic point."""

LETTERHEAD_GAP = 1.0
"""Millimetres between a letterhead's picture and its lines, and at least between the
letterhead and the type area."""
LETTERHEAD_LEADING = 1.25
"""A letterhead line's height, in ems."""


def letterhead_height(lines: int, size: float, picture: float) -> float:
    """How tall a letterhead stands, in millimetres: its ``picture`` (its height, 0 for
    none), then ``lines`` lines of ``size`` points."""
    text = lines * size * LETTERHEAD_LEADING * MM_PER_POINT
    return picture + text + (LETTERHEAD_GAP if picture and text else 0.0)


def letterhead_fit(top: float, height: float, page_top: float) -> str | None:
    """Why a letterhead ``height`` tall whose top is ``top`` mm down does not fit above a
    type area starting ``page_top`` mm down, or None where it fits."""
    if top + height <= page_top - LETTERHEAD_GAP:
        return None
    return (f"the letterhead reaches {top + height:.1f} mm down from the top edge, into the "
            f"type area, which starts {page_top:g} mm down: make it smaller or the top "
            "margin larger")
