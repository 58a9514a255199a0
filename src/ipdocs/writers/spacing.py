"""Spacing shared by both writers, so that a DOCX paginates like its PDF.

Both writers set every line of a style exactly ``line_height`` apart (the DOCX with exact
line spacing): readers' own line heights depend on the font's ascent and descent (Noto
CJK's are 1.45 em) and would stretch a 1.6 multiple to 2.3 em. Table cells, key-figure
panels, the cover and the gaps after tables and charts take the same room in both.
"""

from __future__ import annotations

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
