"""Sentences of a text, by each language's punctuation: a Chinese sentence ends at 。！？, an
English one at . ! ? followed by a space; closing quotes, brackets and emphasis marks
stay with the sentence they close."""

from __future__ import annotations

from ipdocs.i18n.words import word


def _closers(lang: str) -> str:
    """What may follow a sentence's last mark and still belong to it."""
    return word("sentence_closers", lang) + "*"


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each sentence of ``text``, covering all of it; a text
    without a sentence end is one sentence. Placeholders should be masked first (their
    ids hold dots)."""
    ends, spaced, closers = word("sentence_ends", lang), bool(word("sentence_space", lang)), \
        _closers(lang)
    spans: list[tuple[int, int]] = []
    start = index = 0
    while index < len(text):
        if text[index] in ends:
            stop = index + 1
            while stop < len(text) and text[stop] in closers:
                stop += 1
            if not spaced or stop == len(text) or text[stop] == " ":
                while spaced and stop < len(text) and text[stop] == " ":
                    stop += 1
                spans.append((start, stop))
                start = index = stop
                continue
        index += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, 0)]


def opens_sentence(before: str, lang: str) -> bool:
    """Whether text written after ``before`` starts a sentence: nothing but space and
    emphasis marks before it, or a sentence's end (closing marks aside)."""
    rest = before.rstrip().rstrip(_closers(lang))
    return not rest or rest[-1] in word("sentence_ends", lang)
