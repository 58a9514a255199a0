"""What the theme schema and the themes share: a letterhead's height and whether it fits
above the type area."""

import pytest

from ipdocs.themes.measures import (
    LETTERHEAD_GAP,
    MM_PER_POINT,
    letterhead_fit,
    letterhead_height,
)


def test_a_letterhead_stands_as_tall_as_its_picture_lines_and_the_gap_between() -> None:
    lines = 2 * 12 * 1.25 * MM_PER_POINT
    assert letterhead_height(2, 12, 20.0) == pytest.approx(20.0 + lines + LETTERHEAD_GAP)
    assert letterhead_height(2, 12, 0.0) == pytest.approx(lines)  # no picture, no gap
    assert letterhead_height(0, 12, 20.0) == 20.0  # no lines, no gap


def test_a_letterhead_fits_with_the_gap_left_above_the_type_area() -> None:
    assert letterhead_fit(10.0, 26.0, 37.0) is None
    assert letterhead_fit(10.0, 26.5, 37.0) == (
        "the letterhead reaches 36.5 mm down from the top edge, into the type area, which "
        "starts 37 mm down: make it smaller or the top margin larger")
