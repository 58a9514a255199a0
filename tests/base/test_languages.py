"""The languages spec texts may be written in: zh and en, and registered locales'."""

from ipdocs.base.languages import (
    add_text_language,
    drop_text_language,
    text_key,
    text_languages,
)


def test_zh_and_en_always() -> None:
    assert text_languages()[:2] == ("zh", "en")
    drop_text_language("zh")
    assert text_languages()[:2] == ("zh", "en")


def test_a_language_added_and_dropped_by_its_primary_subtag() -> None:
    assert text_key("zh-Hant") == "zh" and text_key("de") == "de"
    add_text_language("xx-AT")
    assert "xx" in text_languages()
    drop_text_language("xx-AT", still=("xx",))
    assert "xx" in text_languages()
    drop_text_language("xx-AT", still=("zh", "en"))
    assert "xx" not in text_languages()
