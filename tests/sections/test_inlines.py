"""Prose with markup into the tree: emphasis and links on spans, lists as ItemList, the
placeholders inside them rendered as anywhere else."""

from __future__ import annotations

from ipdocs import load_report
from ipdocs.doc import ItemList, Paragraph, Span, from_json, to_json
from ipdocs.model import Paragraph as ModelParagraph
from ipdocs.model import Text
from ipdocs.sections import full_brief
from ipdocs.sections.inlines import direction, keeps, paragraph, paragraph_text, prose, stale_mark
from ipdocs.sections.narrative import render
from tests.conftest import ROOT, SPECS

MARKUP_SPEC = ROOT / "tests" / "data" / "markup.yaml"


def _blocks(lang: str) -> list[Paragraph | ItemList]:
    report = load_report(MARKUP_SPEC)
    section = report.section("patents")
    return [prose(p, report, lang) for p in section.paragraphs]


def test_emphasis_and_a_link_with_a_placeholder_inside() -> None:
    first = _blocks("en")[0]
    assert isinstance(first, Paragraph)
    spans = [i for i in first.inlines if isinstance(i, Span)]
    assert spans[0] == Span("Key", italic=True)
    linked = [s for s in spans if s.link]
    assert "".join(s.text for s in linked) == "website of CNIPA, up 11.4% year on year"
    assert {s.link for s in linked} == {"https://www.cnipa.gov.cn/"}
    change = next(s for s in linked if s.figure)
    assert change.figure == "patents.grants" and change.text == "up 11.4% year on year"
    assert first.text == ("Key work is on the website of CNIPA, up 11.4% year on year, "
                          "with 71,425 granted.")


def test_lists_hold_their_items_with_placeholders_rendered() -> None:
    for lang in ("zh", "en"):
        bullets, numbers = _blocks(lang)[1:3]
        assert isinstance(bullets, ItemList) and not bullets.ordered
        assert isinstance(numbers, ItemList) and numbers.ordered
        assert len(bullets.items) == 2 and len(numbers.items) == 3
        amount = [s for s in bullets.items[1].inlines if isinstance(s, Span) and s.figure]
        assert amount[0].emphasis and amount[0].keep  # **{pledge.amount}**: whole, strong
    zh = _blocks("zh")[1]
    assert isinstance(zh, ItemList)
    assert zh.items[0].text == "专利授权量71425件，同比增长11.4%"


def test_titles_drop_marks_and_plain_text_keeps_the_words() -> None:
    report = load_report(MARKUP_SPEC)
    text = report.section("patents").paragraphs[0]
    assert render(text, report, "en").startswith("Key work is on the website of CNIPA")


def test_the_tree_round_trips_through_json() -> None:
    report = load_report(MARKUP_SPEC)
    document = full_brief().document(report, "zh-en")
    assert from_json(to_json(document)) == document
    assert any(isinstance(b, ItemList) for b in document.blocks)


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
