"""Where English words may be hyphenated: between lower-case letters, two from the start
and three from the end; never in names, acronyms or words with digits."""

import pyphen
import pytest

from ipdocs.writers.pdf.hyphens import (
    DICTIONARY,
    LEFT,
    RIGHT,
    DictionaryError,
    _dictionary,
    english,
    hyphenator,
    read_patterns,
)


def parts(word: str) -> str:
    """``word`` with a hyphen at each point."""
    points = english(word)
    return "-".join(word[a:b] for a, b in zip((0, *points), (*points, len(word)), strict=True))


def test_british_spelling_takes_the_american_points() -> None:
    assert parts("commercialisation") == "com-mer-cial-i-sa-tion"
    assert parts("intellectual") == "in-tel-lec-tual"


def test_punctuation_attached_to_a_word_moves_the_points_with_it() -> None:
    assert parts("“commercialisation”,") == "“com-mer-cial-i-sa-tion”,"


@pytest.mark.parametrize("word", ["Ningbo", "Zhejiang", "IPRs", "covid19x", "abc", ""])
def test_names_acronyms_digits_and_short_words_are_not_hyphenated(word: str) -> None:
    assert english(word) == ()


def test_no_point_is_nearer_an_end_than_allowed() -> None:
    for word in ("commercialisation", "intellectual", "enforcement", "applications"):
        assert all(LEFT <= p <= len(word) - RIGHT for p in english(word))


def test_a_locale_s_dictionary_hyphenates_its_capitalised_words() -> None:
    german = hyphenator("de_DE")
    assert german("Rechtsschutzversicherung") == (6, 12, 15, 17, 20)
    assert german("Größenordnung,") == (3, 6, 9)
    assert german("WIPO") == () and german("abc2def") == ()
    assert hyphenator("en_US") is english


def test_a_dictionary_pyphen_lacks_is_said_at_once() -> None:
    with pytest.raises(DictionaryError, match="no hyphenation dictionary 'xx_YY'"):
        hyphenator("xx_YY")


def test_patterns_read_as_pyphen_reads_them_in_every_dictionary_it_ships() -> None:
    """``read_patterns`` gives pyphen's own patterns (or leaves a file to pyphen): the
    American ones the writer hyphenates with among them."""
    read = {}
    for path in sorted(set(pyphen.LANGUAGES.values()), key=str):
        mine = read_patterns(path)
        if mine is not None:
            theirs = pyphen.HyphDict(path)
            assert (mine.patterns, mine.maxlen) == (theirs.patterns, theirs.maxlen), path
            read[path.name] = mine
    assert "hyph_en_US.dic" in read


def test_the_writers_dictionary_holds_the_patterns_read() -> None:
    path = pyphen.LANGUAGES[pyphen.language_fallback(DICTIONARY)]
    assert _dictionary().hd is pyphen.hdcache[path]
    assert _dictionary().hd.patterns == pyphen.HyphDict(path).patterns
