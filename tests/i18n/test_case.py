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


def test_a_label_starting_with_a_name_keeps_it() -> None:
    """A possessive or a run of capitalised words is a name; a capital before an acronym
    or lower-case words is only the label's own."""
    assert in_sentence("Wuhan’s share of PCT applications", "en") == \
        "Wuhan’s share of PCT applications"
    assert in_sentence("China Patent Award gold awards", "en") == \
        "China Patent Award gold awards"
    assert in_sentence("National IP demonstration enterprises", "en") == \
        "national IP demonstration enterprises"
    assert in_sentence("Valid invention patents", "en") == "valid invention patents"
    assert in_sentence("Grants", "en") == "grants"
    assert in_sentence("", "en") == ""
