"""Each block node as HTML elements (writers/html/blocks.py)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ipdocs.doc import (
    Bilingual,
    Cell,
    Column,
    Contents,
    Cover,
    Heading,
    ItemList,
    KeyFigure,
    KeyFigures,
    NoteRef,
    PageBreak,
    Paragraph,
    Span,
    Table,
)
from ipdocs.themes import load_theme
from ipdocs.writers.html.blocks import (
    HEADING_TAGS,
    LATIN_EM,
    THIN_EM,
    ems,
    lines,
    write_blocks,
)
from ipdocs.writers.html.markup import Element, tag
from ipdocs.writers.html.writer import Writer


def _writer(lang: str = "zh-CN") -> Writer:
    return Writer(load_theme("briefing"), lang=lang)


def _html(blocks: list[object], w: Writer | None = None) -> Element:
    root = tag(None, "main")
    write_blocks(blocks, w or _writer(), root)  # type: ignore[arg-type]
    return root


def _s(element: Element) -> str:
    return ET.tostring(element, encoding="unicode")


def test_ems_estimates_wide_latin_and_thin_characters_by_the_widest_line() -> None:
    assert ems("知识") == 2.0
    assert ems("AB") == 2 * LATIN_EM
    assert ems("1.5") == 2 * LATIN_EM + THIN_EM
    assert ems("知\nABCDE") == 5 * LATIN_EM
    assert ems("") == 0


def test_lines_are_kept_apart_by_breaks() -> None:
    parent = tag(None, "p")
    lines(parent, "一\n二")
    assert [c.tag for c in parent] == ["br"] and "一" in _s(parent) and "二" in _s(parent)


def test_a_han_paragraph_is_indented_in_its_style_and_marks_other_languages() -> None:
    main = _html([Paragraph((Span("专利"), Span("PCT", lang="en"), Span("重点", emphasis=True),
                             NoteRef("1", "注释")), "zh")])
    p = main[0]
    assert p.tag == "p" and p.get("class") == "s-body indent" and p.get("lang") is None
    english = main.find(".//span[@lang='en-GB']")
    assert english is not None and english.text == "PCT"
    assert main.find(".//strong") is not None
    sup = main.find(".//sup")
    assert sup is not None and sup.get("class") == "note-ref" and sup.get("title") == "注释"


def test_an_english_paragraph_in_a_chinese_page_says_its_language() -> None:
    p = _html([Paragraph((Span("Patents"),), "en")])[0]
    assert p.get("lang") == "en-GB" and p.get("class") == "s-body"


def test_review_stale_previous_and_links() -> None:
    main = _html([Paragraph((Span("新", previous="旧"), Span("核", review=True, comment="why"),
                             Span("旧数", stale=True), Span("网站", link="https://e.org")),
                            "zh")])
    assert main.find(".//del").text == "旧" and main.find(".//ins") is not None
    review = main.find(".//mark[@class='review']")
    assert review is not None and review.get("title") == "why"
    assert main.find(".//mark[@class='stale']") is not None
    assert main.find(".//a").get("href") == "https://e.org"


def test_lists_are_ul_or_ol_of_items() -> None:
    items = tuple(Paragraph((Span(t),), "zh") for t in ("一", "二"))
    main = _html([ItemList(items, "zh"), ItemList(items, "zh", ordered=True)])
    assert [e.tag for e in main] == ["ul", "ol"]
    assert [li.text for li in main[1]] == ["一", "二"]
    assert main[0].get("class") == "s-body list"


def test_headings_are_one_level_below_the_title_with_their_contents_ids() -> None:
    first, second = Heading(1, "一、总", "zh"), Heading(3, "（一）细", "zh")
    w = _writer()
    w.toc = [(first, "h-1"), (second, "h-2")]
    main = _html([Contents("目录", "zh", depth=3), first, second], w)
    nav, h1, h3 = main
    assert (h1.tag, h1.get("id"), h3.tag, h3.get("id")) == ("h2", "h-1", "h4", "h-2")
    assert HEADING_TAGS[0] == "h2"
    assert nav.tag == "nav" and [a.get("href") for a in nav.iter("a")] == ["#h-1", "#h-2"]
    assert nav.get("aria-labelledby") == nav[0].get("id")
    shallow = _html([Contents("目录", "zh", depth=1)], w)
    assert [a.get("href") for a in shallow.iter("a")] == ["#h-1"]


def test_the_first_cover_is_the_pages_h1() -> None:
    main = _html([Cover("标题", "zh", subtitle="副", lines=("甲",)), Cover("二", "zh")])
    assert main[0].tag == "header" and main[0][0].tag == "h1"
    assert [e.get("class") for e in main[0]] == ["s-title", "s-subtitle", "s-cover-line"]
    assert main[1][0].tag == "p"


def test_a_table_has_its_caption_row_headers_and_decimal_numbers() -> None:
    node = Table((Column(), Column("right")), ((Cell("指标"), Cell("数值")),),
                 ((Cell("甲"), Cell("1.5", direction="up")), (Cell("乙"), Cell("12.25"))),
                 "zh", caption="表 1", note="注")
    main = _html([node])
    wrap = main[0]
    assert wrap.get("class") == "table-wrap" and wrap.get("role") == "region"
    caption = wrap.find(".//caption")
    assert caption is not None and caption.text == "表 1"
    assert wrap.get("aria-labelledby") == caption.get("id")
    assert [th.get("scope") for th in wrap.iter("th")] == ["col", "col", "row", "row"]
    up = wrap.find(".//td")
    assert up is not None and set(up.get("class", "").split()) >= {"al-right", "num", "up"}
    ghosts = [s.text for s in wrap.iter("span") if s.get("class") == "ghost"]
    assert ".25" in ghosts and ".5" in ghosts
    assert main[1].get("class") == "s-note" and main[1].text == "注"


def test_key_figures_are_a_definition_list() -> None:
    main = _html([KeyFigures((KeyFigure("1,234", "专利", change="+5%", direction="up",
                                        stale=True),), "zh")])
    dl = main.find(".//dl")
    assert dl is not None and dl.get("class") == "kf"
    assert dl.find(".//dt").text == "专利"
    value = dl.find(".//dd[@class='s-key-value']")
    assert value.get("style") == f"--ems:{ems('1,234'):.2f}"
    assert value.find("mark").get("class") == "stale"
    assert dl.find(".//dd[@class='s-key-change up']") is not None


def test_a_page_break_is_hidden_from_readers() -> None:
    div = _html([PageBreak()])[0]
    assert div.get("class") == "page-break" and div.get("aria-hidden") == "true"


def test_side_by_side_pairs_are_rows_of_two_columns_in_their_languages() -> None:
    pair = Bilingual((Paragraph((Span("中文"),), "zh"),), (Paragraph((Span("English"),), "en"),))
    main = _html([pair])
    row = main[0]
    assert row.get("class") == "pair" and len(row) == 2
    assert row[0].get("lang") is None and row[1].get("lang") == "en-GB"
    assert row[1][0].get("lang") is None  # the column says it; the paragraph need not
