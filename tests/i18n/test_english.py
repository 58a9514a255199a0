"""The English grammar: magnitudes resolved, counts and ordinals in words."""

from decimal import Decimal

import pytest

from ipdocs.base.vocab import get_unit
from ipdocs.i18n.english import English

EN = English()


def test_magnitudes_are_resolved_without_rounding() -> None:
    assert EN.bare_number(Decimal("51.7"), get_unit("万件"), "en", "arabic") == "517,000"
    assert EN.quantity(Decimal("610.93"), get_unit("亿元"), None, "arabic", "en") == \
        "RMB 61.093 billion"
    assert EN.quantity(Decimal("17.1"), get_unit("万家"), "余", "arabic", "en") == \
        "more than 171,000"


def test_small_counts_are_words() -> None:
    assert EN.number_words(Decimal("6"), get_unit("个"), "en", "arabic") == "six"
    assert EN.number_words(Decimal("6.0"), get_unit("个"), "en", "arabic") == "6.0"
    # a per-head rate is a measure, always in figures (was "two" per 10,000 people)
    assert EN.number_words(Decimal("2"), get_unit("件/万人"), "en", "arabic") == "2"
    assert (EN.count(2, "en"), EN.spelled(3, "en"), EN.month(6, "en")) == \
        ("two", "three", "June")
    assert EN.ordinal(2, "en") == EN.rank_position(2, "en", "位", "hanzi") == "second"


def test_section_numbers_and_spacing() -> None:
    assert [EN.section_number(p) for p in ([2], [1, 3], [1, 1, 4])] == ["2.", "1.3", "1.1.4"]
    assert EN.tidy("up  11.4%  year on year ") == "up 11.4% year on year"
    assert EN.tidy("up 11.4\u00a0%  year on year") == "up 11.4\u00a0% year on year"
    assert EN.with_per("12.5", "per 10,000 people") == "12.5 per 10,000 people"


def test_the_direction_is_the_language_s_word() -> None:
    assert EN.direction(1, "quantity", "delta", lambda: ("x", "y"), "en") == "up"
    with pytest.raises(KeyError, match="no direction word"):
        EN.direction(1, "quantity", "nothing", lambda: ("x", "y"), "en")


def test_lists_say_the_currency_once() -> None:
    assert EN.list_amounts(["RMB 1.2 billion", "RMB 3.4 billion"], get_unit("亿元"), "en") \
        == "RMB 1.2 billion and 3.4 billion"
    assert EN.quantity_cells("45.7%", Decimal("45.7"), get_unit("%"), "en", qualifier=None,
                             per=None, per_stated=False) == ("45.7%", "")
