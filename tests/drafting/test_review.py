"""Which prose of last year's a draft marks for review: all of it unless recurring, and
always a sentence that types a year or a date, in either language."""

from typing import Any

import pytest

from ipdocs.drafting.review import dated, review_marks


@pytest.mark.parametrize(("paragraph", "marks"), [
    ({"zh": "甲。乙。", "en": "A. B."}, True),                           # not recurring
    ({"zh": "甲。乙。", "en": "A. B.", "recurring": True}, False),
    ({"zh": "2024年甲。乙。", "en": "In 2024 A. B.", "recurring": True}, [1]),
    ({"zh": "甲。去年乙。", "en": "A. B.", "recurring": True}, [2]),     # one language is enough
    ({"zh": "甲。乙。丙。", "en": "A. B. C.", "recurring": [1, 3]}, [2]),
    ({"zh": "甲。乙。", "en": "A. B.", "recurring": [1]}, [2]),
    ({"zh": "2024年甲。乙。", "en": "In 2024 A. B.", "recurring": [1]}, True),  # all marked
    ({"zh": "甲。乙。", "en": "A. B. C.", "recurring": True}, False),    # no sentence pairs
    ({"zh": "甲。乙。", "en": "A. B. C.", "recurring": [1]}, True),
])
def test_review_marks(paragraph: dict[str, Any], marks: bool | list[int]) -> None:
    assert review_marks(paragraph) == marks


@pytest.mark.parametrize(("text", "lang", "is_dated"), [
    ("{year}年", "zh", False), ("共120件", "zh", False), ("8月底", "zh", True),
    ("12月份", "zh", True), ("2024年", "zh", True), ("去年", "zh", True),
    ("in August", "en", True), ("last year", "en", True), ("In {year}", "en", False),
    ("120 cases", "en", False),
])
def test_dated(text: str, lang: str, is_dated: bool) -> None:
    assert dated(text, lang) is is_dated
