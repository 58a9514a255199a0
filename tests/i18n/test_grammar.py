"""A grammar is an object a locale names: the two shipped names, a ``module:Name`` path
of one's own, and a clear error for anything else."""

from pathlib import Path

import pytest

from ipdocs.i18n import forget_locale, locale, register_locale
from ipdocs.i18n.chinese import Chinese
from ipdocs.i18n.english import English
from ipdocs.i18n.grammar import SHIPPED_GRAMMARS, Grammar, grammar_named
from ipdocs.i18n.locales import chinese


def test_the_shipped_names_are_the_shipped_grammars() -> None:
    assert isinstance(grammar_named("zh"), Chinese)
    assert isinstance(grammar_named("en"), English)
    assert set(SHIPPED_GRAMMARS) == {"zh", "en"}


def test_a_path_names_a_grammar_class() -> None:
    assert isinstance(grammar_named("ipdocs.i18n.english:English"), English)


@pytest.mark.parametrize(("name", "says"), [
    ("fr", "neither"),
    ("nowhere.at_all:Grammar", "cannot be imported"),
    ("ipdocs.i18n.english:Nothing", "cannot be imported"),
    ("ipdocs.i18n.grammar:SHIPPED_GRAMMARS", "is not an ipdocs.i18n.grammar.Grammar"),
])
def test_a_bad_name_says_what_is_wrong(name: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        grammar_named(name)


def test_the_locales_name_their_grammar() -> None:
    assert locale("zh").grammar is grammar_named("zh")
    assert locale("en").grammar.name == "en"
    assert chinese("zh") and not chinese("en")


def test_a_locale_file_with_an_unknown_grammar_is_refused(tmp_path: Path) -> None:
    (tmp_path / "words.xx.yaml").write_text("{}\n", encoding="utf-8")
    file = tmp_path / "xx.yaml"
    file.write_text("code: xx\ntag: xx-XX\nbabel: en_GB\ngrammar: nowhere.at_all:G\n"
                    "han: false\nwords: words.xx.yaml\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"xx\.yaml: grammar 'nowhere.at_all:G' cannot"):
        register_locale(file)
    with pytest.raises(ValueError, match="unknown language"):
        forget_locale("xx")
        locale("xx")


def test_every_operation_is_abstract_or_has_a_default() -> None:
    """A grammar of one's own must say everything the two shipped ones say."""
    abstract = Grammar.__abstractmethods__
    assert {"quantity", "direction", "section_number", "ordinal"} <= abstract
    assert "tidy" not in abstract and "number_words" not in abstract
