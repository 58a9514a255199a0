"""The few fixed words a web page needs that paper does not (a skip link, a chart's data
table): by language code, English where a language has none of its own."""

from __future__ import annotations

from ipdocs.doc import Language

WORDS: dict[str, dict[str, str]] = {
    "en": {"skip": "Skip to the text", "data": "The chart's figures as a table",
           "item": "Item", "says": ": ", "then": "; ", "end": "."},
    "zh": {"skip": "跳到正文", "data": "图表数据表", "item": "项目", "says": "：",
           "then": "；", "end": "。"},
}
"""Words by language code (the locale registry's primary subtag)."""


def word(name: str, language: Language) -> str:
    """The word ``name`` in ``language``: its own, else the one of its primary subtag,
    else English."""
    for key in (language.code, language.tag.split("-")[0]):
        if key in WORDS:
            return WORDS[key][name]
    return WORDS["en"][name]
