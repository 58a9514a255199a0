"""Every shipped theme's text is legible (WCAG 2.1 AA, 1.4.3): each text colour against
each ground it is set on contrasts at least 4.5 to 1 — body text on the page, a table
header on its ground, key figures on the panel, rises and falls wherever they print, a
draft's marked text on its highlight."""

from __future__ import annotations

import pytest

from ipdocs.themes import Theme, load_theme
from ipdocs.writers.looks import header_fill

AA = 4.5
WHITE = "FFFFFF"
BLACK = "000000"
PANEL_STYLES = ("key-value", "key-label", "key-change")
"""Styles set on the key-figure panel's fill rather than the page."""


def luminance(hex_rgb: str) -> float:
    """The relative luminance of an sRGB colour (WCAG 2.1)."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(hex_rgb[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """(what, text colour, ground) for every text the theme sets."""
    out = []
    for name, style in theme.styles.items():
        color = theme.color(style.color) or BLACK
        ground = header_fill(theme) if name == "table-header" else \
            theme.fill if name in PANEL_STYLES else WHITE
        out.append((name, color, ground))
    for direction in ("rise", "fall"):  # in tables on the page, in key figures on the panel
        color = theme.color(direction) or BLACK
        out += [(direction, color, WHITE), (f"{direction} on the panel", color, theme.fill)]
        out += [(f"{direction} marked {m}", color, theme.color(m) or WHITE)
                for m in ("review", "stale")]
    for mark in ("review", "stale"):
        ground = theme.color(mark) or WHITE
        out += [(f"{name} marked {mark}", theme.color(style.color) or BLACK, ground)
                for name, style in theme.styles.items() if name != "table-header"]
    if theme.masthead is not None:
        out.append(("masthead", theme.masthead.color, WHITE))
    return out


@pytest.mark.parametrize("name", ["briefing", "official"])
def test_every_text_colour_contrasts_with_its_ground(name: str) -> None:
    theme = load_theme(name)
    low = [(what, text, ground, round(contrast(text, ground), 2))
           for what, text, ground in pairs(theme) if contrast(text, ground) < AA]
    assert low == []


def test_contrast_is_measured_as_wcag_does() -> None:
    assert contrast(BLACK, WHITE) == pytest.approx(21)
    assert contrast("777777", WHITE) == pytest.approx(4.48, abs=0.01)
