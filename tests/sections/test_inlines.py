"""Prose with markup into the tree: emphasis and links on spans, lists as ItemList, the
placeholders inside them rendered as anywhere else."""

from __future__ import annotations

from ipdocs import load_report
from ipdocs.doc import ItemList, Paragraph, Span, from_json, to_json
from ipdocs.sections import full_brief
from ipdocs.sections.inlines import prose
from ipdocs.sections.narrative import render
from tests.conftest import ROOT

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
