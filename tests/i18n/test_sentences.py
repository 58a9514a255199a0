"""Sentences by each language's punctuation."""

import itertools

from ipdocs.i18n.sentences import opens_sentence, sentence_spans


def spans_text(text: str, lang: str) -> list[str]:
    """The sentences of ``text``."""
    return [text[start:end] for start, end in sentence_spans(text, lang)]


def test_chinese_sentences_end_at_full_width_marks_and_keep_their_closers() -> None:
    assert spans_text("甲。乙！丙", "zh") == ["甲。", "乙！", "丙"]
    assert spans_text("他说：“好。”然后", "zh") == ["他说：“好。”", "然后"]


def test_english_sentences_end_at_a_mark_and_a_space() -> None:
    assert spans_text("It rose 1.5%. It fell. End", "en") == ["It rose 1.5%. ", "It fell. ",
                                                               "End"]
    assert sentence_spans("", "en") == [(0, 0)]


def test_spans_cover_the_whole_text() -> None:
    text = "一是A。二是B；三是C！**四**。"
    spans = sentence_spans(text, "zh")
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))


def test_what_opens_a_sentence() -> None:
    assert opens_sentence("", "en")
    assert opens_sentence("It rose. ", "en")
    assert not opens_sentence("It rose ", "en")
    assert opens_sentence("好。**", "zh")
    assert not opens_sentence("好，", "zh")
