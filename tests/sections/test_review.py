"""The comments a draft shows a reviewer: why a paragraph or some of its sentences are
marked."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_a_revision_leaves_the_comma_after_a_number_alone() -> None:
    """"In 2024, …" → "In 2025, …": the year is revised, its comma is not deleted and
    inserted again (a no-op revision a reviewer would have to accept)."""
    from ipdocs.sections.review import edits

    old = "In 2024, 71,425 patents were granted, up 11.4% year on year."
    new = "In 2025, 80,000 patents were granted, down 2.5% year on year."
    said = [(old[a:b], new[s:e]) for s, e, a, b in edits(old, new)]
    assert said == [("2024", "2025"), ("71,425", "80,000"), ("up", "down"), ("11.4%", "2.5%")]


TEXTS = st.lists(st.sampled_from(["2024", "2025", "71,425", "80,000", "11.4%", "2.5%", ",",
                                  "，", ".", " ", "up", "down", "专利", "件", "。", "1.", "5,"]),
                 max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(old=TEXTS, new=TEXTS)
def test_no_revision_deletes_and_inserts_the_same_text(old: str, new: str) -> None:
    """Accepting every revision gives the new text, rejecting every one the old; no
    revision replaces a text with itself, nor begins or ends with a token (a number, a
    word, a mark) it deletes and inserts again."""
    from ipdocs.doc import Span
    from ipdocs.sections.review import TOKEN, edits, revised

    spans = revised([Span(new)], old)
    assert "".join(s.text for s in spans) == new
    assert "".join(s.text if s.previous is None else s.previous for s in spans
                   if s.previous is None or not s.text) == old
    for start, end, old_start, old_end in edits(old, new):
        gone, come = old[old_start:old_end], new[start:end]
        assert gone != come
        if gone and come:
            was, now = TOKEN.findall(gone), TOKEN.findall(come)
            assert was[0] != now[0] and was[-1] != now[-1], (gone, come)
