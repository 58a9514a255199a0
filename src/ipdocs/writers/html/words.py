"""The few fixed words a web page needs that paper does not (a skip link, a chart's data
table): from the language's locale (``web.*`` in its words file, carried by the tree's
``Language``), English where a language was described without them."""

from __future__ import annotations

from ipdocs.doc import SHIPPED_LANGUAGES, Language, find_language


def word(name: str, language: Language) -> str:
    """The word ``name`` (one of ``ipdocs.doc.nodes.WRITER_WORDS``) in ``language``, as its
    locale gives it; English for a language described without words (by hand)."""
    for own in (language.words, _ENGLISH.words):
        for key, text in own:
            if key == name:
                return text
    raise KeyError(f"no web word {name!r}")


_ENGLISH = find_language(SHIPPED_LANGUAGES, "en")
