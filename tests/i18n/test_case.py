"""Letter case in running text: labels lower case inside an English sentence unless an
acronym or a mixed-case word starts them; sentences start with a capital; Chinese has no
case."""

from ipdocs.i18n.case import in_sentence, sentence_start


def test_a_label_inside_an_english_sentence() -> None:
    assert in_sentence("Patents granted", "en") == "patents granted"
    assert in_sentence("PCT applications", "en") == "PCT applications"
    assert in_sentence("iPhone sales", "en") == "iPhone sales"
    assert in_sentence("Patents granted", "zh") == "Patents granted"  # Chinese: no case


def test_a_sentence_starts_with_a_capital() -> None:
    assert sentence_start("one variety passed", "en") == "One variety passed"
    assert sentence_start("“quoted", "en") == "“quoted"
    assert sentence_start("", "en") == ""
    assert sentence_start("one", "zh") == "one"
