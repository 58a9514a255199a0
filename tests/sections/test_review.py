"""The comments a draft shows a reviewer: why a paragraph or some of its sentences are
marked."""

import pytest

from ipdocs.model import Paragraph
from ipdocs.sections.review import paragraph_comment


def comment(review: object, lang: str) -> str:
    """The comment on a paragraph marked ``review``."""
    paragraph = Paragraph.model_validate({"zh": "甲。乙。丙。", "en": "A. B. C.",
                                          "review": review})
    return paragraph_comment(paragraph, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(("review", "zh", "en"), [
    ([2], "第2句", "Sentence 2 is carried over from last year and may no longer hold: "
                  "check it,"),
    ([1, 3], "第1、3句", "Sentences 1 and 3 are carried over from last year and may no "
                       "longer hold: check them,"),
    ([1, 2, 3], "第1、2、3句", "Sentences 1, 2 and 3 are"),
])
def test_sentences_are_counted_and_listed_as_each_language_lists_numbers(
        review: list[int], zh: str, en: str) -> None:
    assert comment(review, "zh").startswith(zh + "是上年的文字")
    assert comment(review, "en").startswith(en)


def test_a_whole_paragraph_and_an_unmarked_one() -> None:
    assert comment(True, "en").startswith("Prose carried over")
    assert comment(False, "en") == ""
