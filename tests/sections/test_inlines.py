"""From rendered narrative to document inlines: figures as spans that name them, amounts
of at most three words kept on one line, review marks by paragraph or sentence, stale
values marked."""

from ipdocs import load_report
from ipdocs.model import Paragraph as ModelParagraph
from ipdocs.model import Text
from ipdocs.sections.inlines import direction, keeps, paragraph, paragraph_text, stale_mark
from tests.conftest import SPECS

NINGBO = load_report(SPECS / "ningbo-2024.yaml")
GRANTS = "patents.grants"
TEXT = {"zh": "全市{patents.grants}，{patents.grants:change}。",
        "en": "{patents.grants} were granted, {patents.grants:change}."}


def test_a_figure_is_a_span_that_names_it_and_keeps_its_amount() -> None:
    made = paragraph(Text(**TEXT), NINGBO, "zh")
    assert paragraph_text(made) == "全市71425件，同比增长11.4%。"
    spans = {s.text: s for s in made.inlines}  # type: ignore[union-attr]
    assert spans["71425件"].figure == GRANTS and spans["71425件"].keep
    assert spans["同比增长11.4%"].figure == GRANTS and not spans["同比增长11.4%"].keep
    assert spans["全市"].figure is None and not made.review
    english = paragraph(Text(**TEXT), NINGBO, "en")
    assert paragraph_text(english) == "71,425 were granted, up 11.4% year on year."


def test_what_is_kept_on_one_line() -> None:
    assert keeps("value", "RMB 61.093 billion") and keeps("number", "71,425")
    assert not keeps("value", "22.93 per 10,000 people")
    assert not keeps("change", "up 11.4%") and not keeps(None, "x")


def test_review_marks_by_paragraph_and_by_sentence() -> None:
    whole = paragraph(ModelParagraph(zh="甲。乙。", en="A. B.", review=True), NINGBO, "zh")
    assert whole.review and all(s.review for s in whole.inlines)  # type: ignore[union-attr]
    second = paragraph(ModelParagraph(zh="甲。乙。", en="A. B.", review=[2]), NINGBO, "en")
    assert not second.review
    assert [(s.text, s.review) for s in second.inlines] == [  # type: ignore[union-attr]
        ("A. ", False), ("B.", True)]
    beyond = paragraph(ModelParagraph(zh="甲。", en="A.", review=[3]), NINGBO, "en")
    assert all(s.review for s in beyond.inlines)  # type: ignore[union-attr]


def test_stale_marks_and_directions() -> None:
    assert (stale_mark("71425件", "zh"), stale_mark("71,425", "en")) == ("71425件†",
                                                                         "71,425†")
    assert direction(NINGBO.figures[GRANTS]) == "up"
    assert direction(NINGBO.figures[next(f for f, v in NINGBO.figures.items()
                                         if v.change is None)]) is None
