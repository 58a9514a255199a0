"""Lists in prose by each language's rule."""

import pytest

from ipdocs.i18n.lists import join, join_clauses, join_numbers


@pytest.mark.parametrize(("lang", "three", "two"), [("zh", "甲、乙和丙", "甲和乙"),
                                                    ("en", "甲, 乙 and 丙", "甲 and 乙")])
def test_join(lang: str, three: str, two: str) -> None:
    assert join(["甲", "乙", "丙"], lang) == three
    assert join(["甲", "乙"], lang) == two
    assert join(["甲"], lang) == "甲"
    assert join([], lang) == ""


def test_numbers_take_no_and_in_chinese() -> None:
    assert join_numbers(["1", "3", "4"], "zh") == "1、3、4"
    assert join_numbers(["1", "3", "4"], "en") == "1, 3 and 4"
    assert join_numbers(["2"], "zh") == "2"


def test_clauses() -> None:
    assert join_clauses(["甲", "乙"], "zh") == "甲；乙"
    assert join_clauses(["a", "b"], "en") == "a; b"
