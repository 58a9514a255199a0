"""Spacing shared by both writers, so that a DOCX paginates like its PDF.

Both writers set every line of a style exactly ``line_height`` apart (the DOCX with exact
line spacing): readers' own line heights depend on the font's ascent and descent (Noto
CJK's are 1.45 em) and would stretch a 1.6 multiple to 2.3 em. Table cells, key-figure
panels, the cover and the gaps after tables and charts take the same room in both.
"""

from __future__ import annotations

import math

from ipdocs.themes import Style, Theme

DEFAULT_LINE = 1.2
"""The multiple of the font size a style without ``line`` or ``exact`` is set at."""

CELL_PADDING = (2.5, 4.0)
"""Points of padding inside a table cell: above and below, left and right."""

KEY_PADDING = (6.0, 7.0)
"""Points of padding inside a key-figure panel: above and below, left and right."""

COVER_BEFORE_MM = 8.0
COVER_AFTER_MM = 6.0
"""Room above the title and below the cover's last line, in millimetres."""


def line_height(style: Style) -> float:
    """The distance between baselines a theme style sets (exact, or a multiple of size)."""
    return style.exact if style.exact else style.size * (style.line or DEFAULT_LINE)


def after_table(theme: Theme) -> float:
    """Points of room after a table."""
    return theme.style("body").size * 0.8


def after_panel(theme: Theme) -> float:
    """Points of room after a key-figure panel or a chart."""
    return theme.style("body").size


MM = 72 / 25.4
"""Points in a millimetre."""

DASH_TOP = 0.4
"""Where the top of a page number's dashes (— 1 —) stands above its baseline, in ems."""


def type_width(theme: Theme) -> float:
    """The type area's width, in points."""
    page = theme.page
    return (page.width - page.inside - page.outside) * MM


def tracking(theme: Theme, style: Style) -> float:
    """Points added to (taken from) each Han character's advance so that a style on the
    character grid sets ``chars_per_line`` of them across the type area (GB/T 9704: 28
    characters of 3号, 16 pt, in 156 mm: 15.79 pt apart, so −0.25 pt: in twentieths of a
    point, which a DOCX can state); 0 off the grid."""
    chars = theme.page.chars_per_line
    if not (style.grid and chars):
        return 0.0
    return math.floor((type_width(theme) / chars - style.size) * 20) / 20


def heading_style(theme: Theme, level: int) -> str:
    """The theme style of a heading of ``level``: ``heading-N`` for the deepest N up to
    the level that the theme defines (heading-1 where it defines none)."""
    for depth in range(level, 1, -1):
        if f"heading-{depth}" in theme.styles:
            return f"heading-{depth}"
    return "heading-1"


def number_baseline(theme: Theme) -> float:
    """Millimetres from the paper's lower edge up to the page number's baseline: the
    number's top (its dashes) ``below`` millimetres under the type area (GB/T 9704: 7),
    or, without ``below``, the footer distance less a third of the number's size."""
    number = theme.page_number
    if number.below is None:
        return theme.page.footer - number.size * 0.3 / MM
    return theme.page.bottom - number.below - number.size * DASH_TOP / MM


def number_inset(theme: Theme) -> float:
    """Millimetres the page number stands in from the type area's outside edge."""
    return theme.page_number.inset * theme.page_number.size / MM
