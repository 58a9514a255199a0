"""Spacing the writers share: line heights, the official theme's character grid, heading
styles and where page numbers stand."""

import pytest

from ipdocs.themes import load_theme
from ipdocs.writers.spacing import (
    MM,
    heading_style,
    line_height,
    number_baseline,
    tracking,
    type_width,
)


def test_the_official_grid_sets_28_characters_a_line() -> None:
    official = load_theme("official")
    body = official.style("body")
    assert type_width(official) == pytest.approx(156 * MM)
    assert tracking(official, body) == -0.25  # twentieths of a point, as a DOCX states
    assert 28 * (body.size + tracking(official, body)) <= type_width(official)
    briefing = load_theme("briefing")
    assert tracking(briefing, briefing.style("body")) == 0.0  # off the grid


def test_line_height_is_exact_or_a_multiple_of_the_size() -> None:
    official, briefing = load_theme("official"), load_theme("briefing")
    assert line_height(official.style("body")) == official.style("body").exact
    body = briefing.style("body")
    assert line_height(body) == pytest.approx(body.size * (body.line or 1.2))


def test_a_heading_takes_the_deepest_style_the_theme_defines() -> None:
    official = load_theme("official")
    assert heading_style(official, 1) == "heading-1"
    deepest = max(int(s.split("-")[1]) for s in official.styles if s.startswith("heading-"))
    assert heading_style(official, deepest + 3) == f"heading-{deepest}"


def test_the_official_page_number_stands_7_mm_under_the_type_area() -> None:
    official = load_theme("official")
    number = official.page_number
    assert number.below == 7
    top = number_baseline(official) + number.size * 0.4 / MM
    assert official.page.bottom - top == pytest.approx(7)
