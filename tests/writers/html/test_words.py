"""A web page's few fixed words come from the tree's Language (its locale's ``web.*``
words); English where a language was described without them."""

from ipdocs.doc import SHIPPED_LANGUAGES, Language
from ipdocs.doc.nodes import WRITER_WORDS
from ipdocs.sections.brief import resolved_languages
from ipdocs.writers.html.words import word


def test_the_shipped_languages_words_come_from_their_locales() -> None:
    zh, en = resolved_languages(("zh", "en"))
    assert word("skip", zh) == "跳到正文" and word("says", zh) == "："
    assert word("skip", en) == "Skip to the text"
    assert {name for name, _ in zh.words} == set(WRITER_WORDS)


def test_a_language_described_by_hand_without_words_reads_english() -> None:
    bare = Language("xx", "xx-XX", han=False)
    assert [word(name, bare) for name in WRITER_WORDS] == \
        [word(name, SHIPPED_LANGUAGES[1]) for name in WRITER_WORDS]
