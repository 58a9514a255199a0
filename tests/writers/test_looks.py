"""The decisions both writers share, made once."""

from ipdocs.doc import SHIPPED_LANGUAGES, Bilingual, Heading, PageBreak
from ipdocs.themes import load_theme
from ipdocs.writers.looks import (
    direction_color,
    first_line_indent,
    grouped,
    header_fill,
    outline_level,
)

ZH, EN = SHIPPED_LANGUAGES


def test_directions_print_in_the_themes_rise_and_fall_colours() -> None:
    theme = load_theme("briefing")
    assert direction_color(theme, "up") == theme.rise
    assert direction_color(theme, "down") == theme.fall
    assert direction_color(theme, "flat") is None and direction_color(theme, None) is None


def test_a_header_is_grounded_in_the_accent_only_where_panels_are_tinted() -> None:
    briefing, official = load_theme("briefing"), load_theme("official")
    assert header_fill(briefing) == briefing.accent
    assert header_fill(official) == "FFFFFF"


def test_han_text_alone_is_indented_where_paragraphs_are_spaced() -> None:
    body = load_theme("briefing").style("body")
    assert first_line_indent(body, ZH) == body.indent_zh == 2
    assert first_line_indent(body, EN) == 0 and body.after > 0


def test_english_is_indented_where_nothing_else_parts_its_paragraphs() -> None:
    for name in ("body", "lead"):  # the official theme's: no space after, none before
        style = load_theme("official").style(name)
        assert style.after == style.before == 0
        assert first_line_indent(style, EN) == style.indent_latin == 2
        assert first_line_indent(style, ZH) == style.indent_zh == 2


def test_outline_levels_stop_at_three() -> None:
    assert [outline_level(n) for n in (1, 2, 3, 4, 6)] == [1, 2, 3, 3, 3]


def test_consecutive_pairs_group_into_one_run() -> None:
    a = Bilingual((Heading(1, "甲", "zh"),), (Heading(1, "A", "en"),))
    b = Bilingual((Heading(2, "乙", "zh"),), (Heading(2, "B", "en"),))
    gap = PageBreak()
    assert list(grouped([a, b, gap, a])) == [[a, b], gap, [a]]
    assert list(grouped([])) == []
