"""Which prose of last year's report a draft marks for review: conservatively, everything
the author has not declared recurring, and always a sentence that types a year or a date,
in either language."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ipdocs.i18n.dates import relative_years
from ipdocs.i18n.sentences import sentence_spans
from ipdocs.model.placeholders import masked

YEAR = re.compile(r"(?<![0-9])(?:19|20)\d\d(?![0-9])")
ZH_DATE = re.compile(r"(?<![0-9])(?:[1-9]|1[0-2])月(?:份|底|末|初|中旬|上旬|下旬)?"
                     r"|(?<![0-9])(?:[1-9]|[12]\d|3[01])[日号]")
EN_MONTH = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|"
                      r"October|November|December)\b")
_DATES = {"zh": (YEAR, ZH_DATE), "en": (YEAR, EN_MONTH)}


def dated(text: str, lang: str) -> bool:
    """Whether ``text`` types a year or a date, or names a year by where the writer stood
    (placeholders aside): 2024年, 8月, 去年, In 2024, in August, last year."""
    plain = masked(text)
    return any(pattern.search(plain) for pattern in _DATES[lang]) or \
        bool(relative_years(plain, lang))


def sentences(text: str, lang: str) -> list[str]:
    """The sentences of a text that may hold placeholders."""
    return [text[a:b] for a, b in sentence_spans(masked(text), lang)]


Marks = bool | list[int]


def _dated_sentences(zh: list[str], en: list[str]) -> set[int]:
    """Numbers of the sentence pairs that type a year or a date in either language."""
    return {n for n, (a, b) in enumerate(zip(zh, en, strict=True), start=1)
            if dated(a, "zh") or dated(b, "en")}


def review_marks(paragraph: Mapping[str, Any]) -> Marks:
    """What of ``paragraph`` a draft marks for review: all of it unless declared recurring;
    of a partly recurring paragraph, its other sentences; and any sentence that types a
    year or a date. Where the two languages do not split into the same number of
    sentences, a mark on any sentence marks the whole paragraph."""
    recurring = paragraph.get("recurring", False)
    zh, en = str(paragraph.get("zh", "")), str(paragraph.get("en", ""))
    if recurring is not True and not isinstance(recurring, list):
        return True
    zh_sentences, en_sentences = sentences(zh, "zh"), sentences(en, "en")
    if len(zh_sentences) != len(en_sentences):
        return bool(recurring is not True or dated(zh, "zh") or dated(en, "en"))
    every = set(range(1, len(zh_sentences) + 1))
    kept = every if recurring is True else set(recurring) & every
    marked = (every - kept) | _dated_sentences(zh_sentences, en_sentences)
    if marked == every:
        return True
    return sorted(marked) if marked else False
