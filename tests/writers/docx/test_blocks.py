"""Each block node as WordprocessingML (writers/docx/blocks.py)."""

from __future__ import annotations

import copy
import dataclasses
import re

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

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
    PageBreak,
    Paragraph,
    Span,
    Table,
)
from ipdocs.themes import Masthead, load_theme
from ipdocs.writers.docx.blocks import (
    Writer,
    grid,
    toc_bookmark,
    toc_instruction,
    write_block,
    write_blocks,
    write_masthead,
)
from ipdocs.writers.docx.styles import apply_theme
from ipdocs.writers.docx.template import blank


def _writer(theme_name: str = "briefing") -> tuple[docx.document.Document, Writer]:
    theme = load_theme(theme_name)
    document = blank(theme, ("zh-CN", "zh-CN"))
    apply_theme(document, theme)
    return document, Writer(theme, width_mm=160, document=document)


def _body(blocks: list[object], theme_name: str = "briefing") -> str:
    document, w = _writer(theme_name)
    write_blocks(blocks, document, w)  # type: ignore[arg-type]
    return str(document.element.body.xml)


def _styles(xml: str) -> list[str]:
    return re.findall(r'<w:pStyle w:val="([^"]+)"/>', xml)


def test_a_paragraph_marks_bold_italic_and_languages() -> None:
    xml = _body([Paragraph((Span("专利"), Span("增长", emphasis=True), Span("PCT", lang="en")),
                           "zh")])
    document, _ = _writer()
    style_id = document.styles["Body Text"].style_id
    assert _styles(xml) == [style_id]
    runs = re.findall(r"<w:r>.*?</w:r>", xml, flags=re.DOTALL)
    texts = {re.search(r"<w:t[^>]*>([^<]*)</w:t>", r).group(1): r for r in runs}  # type: ignore[union-attr]
    assert "<w:b/>" in texts["增长"] and "<w:b/>" not in texts["专利"]
    assert '<w:lang w:val="en-GB"' in texts["PCT"]
    assert 'w:eastAsia="zh-CN"' in texts["专利"]


def test_english_of_a_fitted_grid_theme_takes_latin_styles_of_its_own() -> None:
    """The official theme fitted to a page (``Theme.scaled``): English paragraphs and key
    figure lines take Latin Word styles made when first used (10.5 pt on half the grid's
    pitch, off the grid), Chinese ones the grid's; the theme as it is makes none."""
    theme = load_theme("official").scaled(0.84)
    document = blank(theme, ("zh-CN", "zh-CN"))
    apply_theme(document, theme)
    w = Writer(theme, width_mm=156, document=document)
    figure = KeyFigure("71425件", "专利授权量\nPatents granted", langs=("zh", "en"))
    write_blocks([Paragraph((Span("正文"),), "zh"), Paragraph((Span("Text"),), "en"),
                  KeyFigures((figure,), "zh")], document, w)  # type: ignore[list-item]
    ids = {document.styles[name].style_id: name for name in
           ("Body Text", "Body Text Latin", "Key Figure Label", "Key Figure Label Latin")}
    used = [ids.get(found) for found in _styles(str(document.element.body.xml))]
    assert used[:2] == ["Body Text", "Body Text Latin"]
    assert used.count("Key Figure Label") == used.count("Key Figure Label Latin") == 1
    latin = document.styles["Body Text Latin"]
    assert latin.font.size.pt == 10.5
    assert latin.paragraph_format.line_spacing.pt == pytest.approx(28.95 / 2, abs=0.05)
    snap = latin.element.pPr.find(qn("w:snapToGrid"))
    assert snap is not None and snap.get(qn("w:val")) == "0"
    plain, w = _writer("official")
    write_blocks([Paragraph((Span("Text"),), "en")], plain, w)  # type: ignore[list-item]
    assert "Body Text Latin" not in [style.name for style in plain.styles]


def test_a_review_mark_is_highlighted() -> None:
    xml = _body([Paragraph((Span("待核", review=True), Span("定稿")), "zh")])
    fill = load_theme("briefing").mark(True, False)
    assert fill and xml.count(f'w:fill="{fill}"') == 1


def test_a_heading_is_a_word_heading_with_a_contents_bookmark() -> None:
    document, w = _writer()
    write_block(Heading(2, "二、专利", "zh"), document, w)
    xml = document.element.body.xml
    assert _styles(xml) == [document.styles["Heading 2"].style_id]
    assert f'w:name="{toc_bookmark(1)}"' in xml and "二、专利" in xml
    assert toc_bookmark(12) == "_Toc000012"


def test_a_list_is_numbered_by_a_numbering_definition() -> None:
    items = tuple(Paragraph((Span(t),), "zh") for t in ("一", "二"))
    xml = _body([ItemList(items, "zh", ordered=True)])
    assert xml.count("<w:numPr>") == 2 and "一" in xml and "二" in xml


def test_a_cover_is_title_subtitle_and_lines() -> None:
    document, w = _writer()
    write_block(Cover("标题", "zh", subtitle="副题", lines=("甲", "乙")), document, w)
    names = [p.style.name for p in document.paragraphs]
    assert names == ["Title", "Subtitle", "Cover Line", "Cover Line"]
    assert [p.text for p in document.paragraphs] == ["标题", "副题", "甲", "乙"]


def test_a_table_repeats_its_header_and_aligns_numbers() -> None:
    table = Table(columns=(Column("left"), Column("right")),
                  header=((Cell("指标"), Cell("数值")),),
                  rows=((Cell("专利"), Cell("1.5")), (Cell("商标"), Cell("12.25"))),
                  lang="zh", caption="表 1")
    document, w = _writer()
    write_block(table, document, w)
    word = document.tables[0]
    assert [[c.text for c in row] for row in grid(word)] == \
        [["指标", "数值"], ["专利", "1.5"], ["商标", "12.25"]]
    xml = document.element.body.xml
    assert "<w:tblHeader/>" in xml and "表 1" in xml
    assert "<w:cantSplit/>" in xml


def test_key_figures_are_a_table_of_value_and_label() -> None:
    document, w = _writer()
    write_block(KeyFigures((KeyFigure("1,234", "专利授权量", change="+5%"),
                            KeyFigure("56", "商标")), "zh"), document, w)
    texts = [c.text for c in grid(document.tables[0])[0]]
    assert any("1,234" in t and "专利授权量" in t for t in texts)
    assert any("56" in t for t in texts)


def test_contents_are_a_toc_field_of_the_requested_depth() -> None:
    document, w = _writer()
    w.headings = (Heading(1, "一、总", "zh"),)
    write_block(Contents("目录", "zh", depth=2), document, w)
    xml = document.element.body.xml
    assert toc_instruction(2).strip() in xml
    assert "目录" in xml
    assert toc_instruction(3) != toc_instruction(2)


def test_a_page_break_breaks_the_page() -> None:
    assert _body([PageBreak()]).count('<w:br w:type="page"/>') == 1


def test_bilingual_rows_are_a_two_column_table() -> None:
    document, w = _writer()
    write_blocks([Bilingual((Paragraph((Span("中文"),), "zh"),),
                            (Paragraph((Span("English"),), "en"),))], document, w)
    cells = grid(document.tables[0])
    assert [[c.text for c in row] for row in cells] == [["中文", "English"]]


def test_the_masthead_is_the_themes_and_only_where_it_has_one() -> None:
    document, w = _writer("official")
    w.theme = dataclasses.replace(w.theme, masthead=Masthead(
        text="宁波市知识产权局", font="xbs", size=36, color="C00000", before=0, after=4,
        rule=1.0))
    write_masthead(document, w)
    xml = document.element.body.xml
    assert "宁波市知识产权局" in xml and '<w:color w:val="C00000"/>' in xml
    assert re.search(r'<w:bottom w:val="single" w:sz="8"[^>]*w:color="C00000"', xml)
    plain, pw = _writer("briefing")
    assert pw.theme.masthead is None
    write_masthead(plain, pw)
    assert "<w:p>" not in plain.element.body.xml and "<w:p " not in plain.element.body.xml


def test_printed_faces_are_noted_as_blocks_are_written() -> None:
    document, w = _writer()
    write_block(Paragraph((Span("知识 IP"),), "zh"), document, w)
    font = w.theme.font(w.theme.style("body"))
    assert set("知识") <= w.printed.chars[(font.east_asian, False)]



def test_a_list_keeps_the_body_room_above_its_first_item_and_below_its_last() -> None:
    """As in the PDF: no room between the items of a list, the style's before the first
    and after the last."""
    document, w = _writer()
    items = tuple(Paragraph((Span(text),), "zh") for text in ("一", "二", "三"))
    write_block(ItemList(items, "zh"), document, w)
    spacing = [(p.paragraph_format.space_before, p.paragraph_format.space_after)
               for p in document.paragraphs]
    assert spacing[0][0] is None and spacing[0][1] == 0  # the style's room above
    assert spacing[1] == (0, 0)
    assert spacing[2][0] == 0 and spacing[2][1] is None  # the style's room below


def _glossary(count: int) -> Table:
    return Table(columns=(Column("left"), Column("left")),
                 header=((Cell("中文"), Cell("English")),),
                 rows=tuple((Cell(f"词{i}"), Cell(f"term {i}")) for i in range(count)),
                 lang="zh")


def _kept(p: object) -> bool:
    """Whether a ``w:p`` is kept with the next (a keepNext not turned off)."""
    ppr = p.pPr  # type: ignore[attr-defined]
    keep = ppr.keepNext if ppr is not None else None
    return keep is not None and keep.val is not False


def test_a_table_s_last_rows_are_kept_with_the_sources_that_close_the_document() -> None:
    """Word and LibreOffice carry the glossary's last rows over with the sources rather
    than leave them alone on a last page (``tablerows.closing``): the last row and what
    follows are kept with the next, up to the last paragraph."""
    document, w = _writer()
    write_blocks([_glossary(10), Heading(1, "资料来源", "zh"), Heading(1, "Sources", "en"),
                  Paragraph((Span("《宁波市知识产权发展与保护状况》"),), "zh", "note"),
                  Paragraph((Span("A report"),), "en", "note")], document, w)
    rows = document.tables[0]._tbl.tr_lst
    assert all(_kept(p) for p in rows[-1].iter(qn("w:p")))
    after = list(document.tables[0]._tbl.itersiblings(qn("w:p")))
    assert [_kept(p) for p in after][-3:] == [True, True, False]
    assert all(_kept(p) for p in after[:-1])


def test_a_table_followed_by_long_text_is_not_kept_with_it() -> None:
    document, w = _writer()
    write_blocks([_glossary(10), Heading(1, "Outlook", "en"),
                  Paragraph((Span("word " * 400),), "en")], document, w)
    rows = document.tables[0]._tbl.tr_lst
    assert not any(_kept(p) for p in rows[-1].iter(qn("w:p")))


def _pair_of_tables(changes: tuple[str, ...] = ()) -> Bilingual:
    """A table and its translation, side by side, with captions and notes."""
    zh = Table((Column("left"), Column("right")), ((Cell("指标"), Cell("数值")),),
               ((Cell("专利"), Cell("1")), (Cell("商标"), Cell("2")), (Cell("版权"), Cell("3"))),
               "zh", caption="表 1", note="注：甲", changes=changes)  # type: ignore[arg-type]
    en = Table((Column("left"), Column("right")), ((Cell("Indicator"), Cell("Value")),),
               ((Cell("Patents granted in the city"), Cell("1")), (Cell("Trademarks"), Cell("2")),
                (Cell("Copyrights"), Cell("3"))),
               "en", caption="Table 1", note="Note: a", changes=changes)  # type: ignore[arg-type]
    return Bilingual((zh,), (en,))


def test_a_pair_of_tables_is_one_table_each_row_facing_its_translation() -> None:
    """Ningbo's official side-by-side DOCX in LibreOffice: the Chinese table nested in
    its cell went whole on one page, the English one split over two. Set as one table,
    row n of both is one row (never split), so both break after the same row."""
    text = Paragraph((Span("中文"),), "zh")
    document, w = _writer()
    write_blocks([Bilingual((text,), (Paragraph((Span("English"),), "en"),)),
                  _pair_of_tables()], document, w)
    layout, pair = document.tables
    assert [[c.text for c in row] for row in grid(layout)] == [["中文", "English"]]
    rows = [[c.text for c in row] for row in grid(pair)]
    assert rows == [["表 1", "表 1", "", "Table 1", "Table 1"],
                    ["指标", "数值", "", "Indicator", "Value"],
                    ["专利", "1", "", "Patents granted in the city", "1"],
                    ["商标", "2", "", "Trademarks", "2"],
                    ["版权", "3", "", "Copyrights", "3"],
                    ["注：甲", "注：甲", "", "Note: a", "Note: a"]]
    trs = pair._tbl.tr_lst
    assert [tr.trPr.find(qn("w:tblHeader")) is not None for tr in trs] == \
        [True, True, False, False, False, False]
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in trs)
    kept = [tr.find(f".//{qn('w:keepNext')}") is not None for tr in trs]
    assert kept == [True, True, False, True, True, False]  # header with a first row; the
    # last rows together, with the notes (not the first rows: see _keep_pair_rows)
    body = document.element.body
    between = body.index(pair._tbl) - body.index(layout._tbl)
    assert between == 2  # a paragraph between the tables: Word would join them


def test_a_pair_of_tables_tracks_its_rows_as_each_table_does() -> None:
    document, w = _writer()
    write_blocks([_pair_of_tables(("", "inserted", "deleted"))], document, w)
    trs = document.tables[0]._tbl.tr_lst
    marks = [[c.tag.split("}")[1] for c in tr.trPr if c.tag in (qn("w:ins"), qn("w:del"))]
             for tr in trs]
    assert marks == [[], [], [], ["ins"], ["del"], []]


def test_tables_that_are_no_pair_stay_in_their_side_by_side_cells() -> None:
    pair = _pair_of_tables()
    zh, en = pair.left[0], pair.right[0]
    shorter = dataclasses.replace(en, rows=en.rows[:2])
    document, w = _writer()
    write_blocks([Bilingual((zh,), (shorter,))], document, w)
    assert len(grid(document.tables[0])[0]) == 2  # the layout: a nested table each side


def test_keep_next_goes_where_python_docx_puts_it() -> None:
    from ipdocs.writers.docx.blocks import _keep_next

    document = docx.Document()
    cases = [document.add_paragraph("a"), document.add_paragraph("b", style="Heading 1"),
             document.add_paragraph("c")]
    cases[2].paragraph_format.space_after = 0
    for paragraph in cases:
        ours, theirs = paragraph._p, copy.deepcopy(paragraph._p)
        _keep_next(ours)
        _keep_next(ours)  # once only
        theirs.get_or_add_pPr().get_or_add_keepNext()
        assert [c.tag for c in ours.pPr] == [c.tag for c in theirs.pPr]
        assert etree.tostring(ours.pPr).count(b"keepNext") == 1


def test_set_style_puts_the_style_where_python_docx_does() -> None:
    from ipdocs.writers.docx.blocks import Writer, set_style

    document = docx.Document()
    w = Writer(load_theme("briefing"), document=document)
    plain, spaced = document.add_paragraph("a"), document.add_paragraph("b")
    spaced.paragraph_format.space_after = 0
    spaced.paragraph_format.keep_with_next = True
    for paragraph in (plain, spaced):
        theirs = copy.deepcopy(paragraph._p)
        set_style(paragraph, "Heading 1", w)
        set_style(paragraph, "Heading 2", w)  # a style replaces the one before
        theirs.get_or_add_pPr().get_or_add_pStyle().val = document.styles["Heading 2"].style_id
        assert [c.tag for c in paragraph._p.pPr] == [c.tag for c in theirs.pPr]
        assert paragraph.style.name == "Heading 2"


@pytest.mark.parametrize("text", ["Sources\t", "a\tb\nc\r d ", "\t\t", " lead", "plain"])
def test_content_writes_a_runs_text_as_python_docx_does(text: str) -> None:
    from docx.oxml import OxmlElement

    from ipdocs.writers.docx.blocks import _content

    paragraph = docx.Document().add_paragraph()
    theirs = paragraph.add_run(text)._r
    ours = OxmlElement("w:r")
    _content(ours, text)
    def content(r: etree._Element) -> list[tuple[str, str | None, dict[str, str]]]:
        return [(c.tag, c.text, dict(c.attrib)) for c in r]

    assert content(ours) == content(theirs) and len(theirs)
