"""The termbase: one English rendering per Chinese term, a missing term a KeyError."""

import pytest

from ipdocs.base.languages import add_text_language, drop_text_language
from ipdocs.base.problems import SpecError
from ipdocs.model.glossary import Glossary, Term


def test_a_term_s_english() -> None:
    glossary = Glossary(terms=[Term(zh="知识产权", en="intellectual property", short="IP")])
    assert glossary.english("知识产权") == "intellectual property"
    with pytest.raises(KeyError, match="no term '专利'"):
        glossary.english("专利")


def test_a_term_needs_both_languages() -> None:
    with pytest.raises(SpecError, match="en: String should have at least 1 character"):
        Term(zh="知识产权", en="")


def test_a_term_holds_a_registered_language_s_rendering_as_a_text_does() -> None:
    add_text_language("xx")
    try:
        term = Term.model_validate({"zh": "知识产权", "en": "intellectual property",
                                    "xx": "xip", "short": "IP"})
        assert term.texts == {"zh": "知识产权", "en": "intellectual property", "xx": "xip"}
        assert term.short == "IP"
    finally:
        drop_text_language("xx")
    with pytest.raises(SpecError, match="no registered language 'qq'"):
        Term.model_validate({"zh": "知识产权", "en": "intellectual property", "qq": "x"})
