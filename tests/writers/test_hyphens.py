"""Where English words may be hyphenated: between lower-case letters, two from the start
and three from the end; never in names, acronyms or words with digits."""

import marshal
from pathlib import Path

import pyphen
import pytest

from ipdocs.writers import subsets
from ipdocs.writers.pdf import hyphens
from ipdocs.writers.pdf.hyphens import (
    DICTIONARY,
    LEFT,
    RIGHT,
    DictionaryError,
    _dictionary,
    english,
    hyphenator,
    kept_patterns,
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


def _american() -> Path:
    """The American patterns' file as pyphen ships it."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(DICTIONARY)]
    assert isinstance(path, Path)
    return path


def test_patterns_are_kept_between_runs_and_read_back_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path))
    first = kept_patterns(_american())
    assert first is not None
    assert list((tmp_path / "font-subsets").glob("*" + subsets.DERIVED_SUFFIX))

    def unread(path: object) -> None:
        raise AssertionError("read again")
    monkeypatch.setattr(hyphens, "read_patterns", unread)
    again = kept_patterns(_american())
    assert again is not None and again is not first
    assert (again.patterns, again.maxlen) == (first.patterns, first.maxlen)
    assert again.patterns == pyphen.HyphDict(_american()).patterns


def test_an_edited_dictionary_is_read_afresh(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    copy = tmp_path / "hyph_en_US.dic"
    copy.write_bytes(_american().read_bytes())
    assert kept_patterns(copy) is not None
    copy.write_bytes(_american().read_bytes() + b"\n.zyx5w\n")
    edited = kept_patterns(copy)
    assert edited is not None and ".zyxw" in edited.patterns
    assert edited.patterns == pyphen.HyphDict(copy).patterns


def test_kept_patterns_that_cannot_be_read_back_are_read_from_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path))
    source = _american().read_bytes()
    for kept in (b"not marshal", marshal.dumps({}), marshal.dumps(["a list"])):
        subsets.write_kept(hyphens.PATTERNS_KIND, source, kept)
        read = kept_patterns(_american())
        assert read is not None and read.patterns == pyphen.HyphDict(_american()).patterns


def test_patterns_kept_without_a_cache_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPDOCS_CACHE", "off")
    read = kept_patterns(_american())
    assert read is not None and read.patterns == pyphen.HyphDict(_american()).patterns
