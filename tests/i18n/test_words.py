"""Fixed words per language, with the locale's fallbacks: English stands in for a word a
language lacks, but a measure's own wording is defined only by the same grammar."""

import pytest

from ipdocs.i18n.words import defines, has_word, lookup, plural, table, word


def test_a_word_with_fields() -> None:
    assert word("contents", "zh") == "目录"
    assert word("as_of_year_end", "en", year=2024) == "as of the end of 2024"
    assert word("as_of_year_end", "zh", year=2024) == "截至2024年底"


def test_english_stands_in_but_does_not_define() -> None:
    assert "up" not in table("zh")
    assert has_word("up", "zh") and word("up", "zh") == word("up", "en")
    assert not defines("up", "zh") and defines("up", "en")
    assert defines("change_delta.duration", "en") and not defines("change_delta.duration", "zh")


def test_two_forms_by_count() -> None:
    one, many = lookup("comment_review_sentences", "en")
    assert plural("comment_review_sentences", "en", 1) == one
    assert plural("comment_review_sentences", "en", 3) == many != one
    assert word("comment_review_sentences", "en", numbers="2") == one.format(numbers="2")
    assert plural("contents", "en", 3) == "Contents"  # one form serves both


def test_a_missing_word_is_a_key_error_naming_it() -> None:
    assert not has_word("no_such_word", "zh")
    with pytest.raises(KeyError, match="no fixed word 'no_such_word' for language 'zh'"):
        word("no_such_word", "zh")


def test_a_table_is_a_copy() -> None:
    table("en")["contents"] = "changed"
    assert word("contents", "en") == "Contents"
