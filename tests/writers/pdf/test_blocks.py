"""The PDF writer's block functions: each document node made into the flowables that set
it, with its structure element and its place in the outline."""

from collections.abc import Iterator
from typing import Any

import pytest
from reportlab.platypus import CondPageBreak, PageBreak, Spacer

from ipdocs.doc import (
    Bilingual,
    Cell,
    Column,
    Contents,
    Cover,
    Heading,
    ItemList,
    Paragraph,
    Span,
)
from ipdocs.doc import PageBreak as PageBreakNode
from ipdocs.doc import Table as TableNode
from ipdocs.themes import load_theme
from ipdocs.writers import RenderWarning
from ipdocs.writers.pdf.adapter import RowsOnce
from ipdocs.writers.pdf.blocks import (
    _FITS,
    FITS_KEPT_ALWAYS,
    Writer,
    _CellBlock,
    _fit,
    _Grid,
    bilingual_rows,
    contents,
    cover,
    flowables,
    forget_fits,
    heading,
    item_list,
    page_break,
    paragraph,
    remember_fits,
    table,
)
from ipdocs.writers.pdf.fonts import Fonts
from ipdocs.writers.pdf.lists import Hanging
from ipdocs.writers.pdf.sidebyside import SideBySide
from ipdocs.writers.pdf.text import TextBlock
from ipdocs.writers.pdf.toc import Contents as ContentsFlowable


def writer(width: float = 400, theme: str = "briefing") -> Writer:
    """A writer of the theme's fonts, whole faces."""
    loaded = load_theme(theme)
    return Writer(loaded, Fonts(loaded), width)


def para(text: str, lang: str = "en") -> Paragraph:
    """A paragraph of one span."""
    return Paragraph((Span(text),), lang)  # type: ignore[arg-type]


def test_a_paragraph_is_one_text_block_tagged_p() -> None:
    made = paragraph(para("Patents rose."), writer())
    assert len(made) == 1 and isinstance(made[0], TextBlock)
    assert made[0].tag.role == "P"
    assert "".join(r.text for r in made[0].runs) == "Patents rose."


def test_a_heading_is_kept_with_what_follows_and_in_the_outline() -> None:
    made = heading(Heading(2, "Trademarks", "en"), writer())
    assert isinstance(made[0], CondPageBreak)  # room for a few lines, or a new page
    block = made[-1]
    assert block.keepWithNext and block.tag.role == "H2"
    assert block.outline == (2, "Trademarks", "en")


def test_a_heading_in_a_cell_has_no_page_break_before_it() -> None:
    w = writer()
    w.in_cell = True
    made = heading(Heading(1, "标题", "zh"), w)
    assert len(made) == 1 and made[0].tag.role == "H1"


def test_a_list_hangs_each_mark_and_tags_l_li_lbl_lbody() -> None:
    w = writer()
    made = item_list(ItemList((para("one"), para("two"), para("three")), "en", ordered=True), w)
    assert len(made) == 3 and all(isinstance(f, Hanging) for f in made)
    labels = ["".join(r.text for r in f.label.runs) for f in made]
    assert [label.strip() for label in labels] == ["1.", "2.", "3."]
    lst = made[0].label.tag
    assert lst.role == "Lbl"
    item = next(e for e in w.tags.root.kids if getattr(e, "role", "") == "L")  # type: ignore[union-attr]
    assert item.numbering == "Decimal"
    assert [k.role for k in item.kids] == ["LI"] * 3  # type: ignore[union-attr]
    assert [k.role for k in item.kids[0].kids] == ["Lbl", "LBody"]  # type: ignore[union-attr]
    # only the list's first item keeps the space above, only its last the space below
    assert made[1].body.shape.before == 0.0 and made[0].body.shape.after == 0.0


def test_a_bulleted_list_is_numbered_disc() -> None:
    w = writer()
    item_list(ItemList((para("a"),), "en"), w)
    lst = next(e for e in w.tags.root.kids if getattr(e, "role", "") == "L")  # type: ignore[union-attr]
    assert lst.numbering == "Disc"


def test_contents_are_a_title_and_the_contents_flowable_tagged_toc() -> None:
    made = contents(Contents("目录", "zh", depth=1), writer())
    assert len(made) == 2 and isinstance(made[1], ContentsFlowable)
    assert made[1].depth == 1 and made[1].tag.role == "TOC"
    assert made[0].tag.role == "P"


def test_a_page_break_is_reportlabs() -> None:
    made = page_break(PageBreakNode(), writer())
    assert len(made) == 1 and isinstance(made[0], PageBreak)


def test_bilingual_pairs_stand_side_by_side_in_half_the_width() -> None:
    w = writer(400)
    pairs = [Bilingual((Heading(1, "标题", "zh"),), (Heading(1, "Title", "en"),)),
             Bilingual((para("知识产权", "zh"),), (para("IP"),))]
    made = bilingual_rows(pairs, w)
    pairs_made = [f for f in made if isinstance(f, SideBySide)]
    assert len(pairs_made) == 2
    assert isinstance(made[0], CondPageBreak)  # before the pair of headings only
    assert [o[1] for o in pairs_made[0].outlines] == ["标题", "Title"]
    assert pairs_made[1].outlines == []
    assert w.width == 400 and not w.in_cell  # the writer given back as it was
    pairs_made[1].wrap(400, 1000)
    assert pairs_made[1]._column == (400 - pairs_made[1].gutter) / 2
    assert pairs_made[0].keepWithNext  # headings on both sides stay with what follows


def test_flowables_dispatch_each_node_and_group_bilingual_pairs() -> None:
    w = writer()
    blocks = (Heading(1, "Title", "en"), para("text"), PageBreakNode(),
              Bilingual((para("中", "zh"),), (para("en"),)))
    made = flowables(blocks, w)  # type: ignore[arg-type]
    kinds = [type(f) for f in made]
    assert kinds.count(PageBreak) == 1 and kinds.count(SideBySide) == 1
    texts = [f for f in made if isinstance(f, TextBlock)]
    assert [t.tag.role for t in texts] == ["H1", "P"]


def test_a_cover_is_its_title_subtitle_and_lines_between_spaces() -> None:
    made = cover(Cover("年度报告", "zh", "副标题", ("宁波市", "2025年")), writer())
    assert isinstance(made[0], Spacer) and isinstance(made[-1], Spacer)
    texts = made[1:-1]
    assert [t.tag.role for t in texts] == ["H1", "P", "P", "P"]
    assert ["".join(r.text for r in t.runs) for t in texts] == ["年度报告", "副标题", "宁波市",
                                                              "2025年"]
    assert len(cover(Cover("Title", "en"), writer())) == 3  # no subtitle, no lines


def _table(value: str, columns: tuple[float, float] = (3.0, 1.0)) -> TableNode:
    """A two-column Chinese table whose one number is ``value``."""
    return TableNode((Column("left", columns[0]), Column("right", columns[1])),
                     ((Cell("指标"), Cell("数值")),),
                     ((Cell("发明专利授权量（件）"), Cell(value)),
                      (Cell("商标注册量（件）"), Cell("1,234"))), "zh")


@pytest.fixture
def remembering() -> Iterator[None]:
    """Table fits remembered for one test, as ``ipdocs watch`` asks; as many as before
    after it."""
    before = remember_fits()
    yield
    remember_fits(before)


def test_a_build_remembers_only_the_last_few_table_fits() -> None:
    """Unless asked (``ipdocs watch``), a process keeps the last ``FITS_KEPT_ALWAYS``
    fits: a report rendered again fits its tables once, a large one holds few."""
    _FITS.clear()
    w = writer(200, "official")
    for value in range(FITS_KEPT_ALWAYS + 5):
        _fit(_table(f"{value:,}"), w)
    assert len(_FITS) == FITS_KEPT_ALWAYS
    last = _fit(_table(f"{FITS_KEPT_ALWAYS + 4:,}"), w)[0]
    assert isinstance(last[1][1], _CellBlock)  # remembered: not measured again
    first = _fit(_table("0"), w)[0]
    assert not isinstance(first[1][1], _CellBlock)  # it went first: fitted again
    assert len(_FITS) == FITS_KEPT_ALWAYS


def test_remembering_fewer_fits_lets_the_oldest_go(remembering: None) -> None:
    _FITS.clear()
    for value in ("1", "22", "333"):
        _fit(_table(value), writer(200))
    remember_fits(1)
    assert len(_FITS) == 1
    remember_fits(0)
    assert not _FITS


def test_a_table_fit_is_remembered_by_all_it_is_made_of(remembering: None) -> None:
    """The same table fitted again is not measured again and fits the same; a table
    whose cell, columns or frame changed is fitted afresh; the fit handed out is a copy."""
    w = writer(200, "official")
    _FITS.clear()
    first = _fit(_table("71,425"), w)[1]
    assert len(_FITS) == 1
    again = _fit(_table("71,425"), writer(200, "official"))[1]
    assert len(_FITS) == 1 and again == first and again.widths is not first.widths
    wider = _fit(_table("71,425,000,000"), w)[1]
    assert len(_FITS) == 2 and wider.widths != first.widths
    assert _fit(_table("71,425", (1.0, 3.0)), w)[1].widths != first.widths
    assert _fit(_table("71,425"), writer(300, "official"))[1].widths != first.widths
    assert _fit(_table("71,425"), writer(200, "briefing"))[1] is not None
    assert len(_FITS) == 5


def test_a_table_fit_is_keyed_by_each_cells_text_colour_and_mark() -> None:
    """The fit's key holds what each cell is set as (``_cell_piece``: its text, its
    change's colour, its review or stale mark): a cell that rises, falls or is marked
    for review is fitted afresh; the same table made again has the same key."""
    from ipdocs.writers.looks import direction_color
    from ipdocs.writers.pdf.blocks import _cell_piece, _fit_key

    w = writer(200, "briefing")

    def with_cell(cell: Cell) -> TableNode:
        node = _table("71,425")
        return TableNode(node.columns, node.header, (node.rows[0], (node.rows[1][0], cell)),
                         node.lang)

    cells = [Cell("1,234"), Cell("1,235"), Cell("1,234", direction="up"),
             Cell("1,234", direction="down"), Cell("1,234", review=True),
             Cell("1,234", stale=True)]
    keys = [_fit_key(with_cell(cell), w) for cell in cells]
    assert _fit_key(with_cell(Cell("1,234")), w) == keys[0]
    pieces = [_cell_piece(cell, w, direction_color(w.theme, cell.direction)) for cell in cells]
    assert len(set(pieces)) == 6  # the theme sets each differently
    assert len(set(keys)) == 6


def test_a_table_fit_remembered_is_what_measuring_makes(remembering: None) -> None:
    """Fits handed out from memory equal fits measured with nothing remembered."""
    tables = [_table(v) for v in ("1", "71,425", "7,142,500", "1", "71,425")]
    remembered = [_fit(t, writer(180))[1] for t in tables]
    fresh = []
    for t in tables:
        _FITS.clear()
        fresh.append(_fit(t, writer(180))[1])
    assert remembered == fresh


def test_threads_rendering_tables_at_once_make_the_pdf_one_thread_makes(
        remembering: None) -> None:
    """Fits and cells remembered by one thread are used by others (each cell a new
    TextBlock of its own): tables rendered in threads at once, some remembered and some
    not, make the PDF a render with nothing remembered makes."""
    from concurrent.futures import ThreadPoolExecutor

    from ipdocs.doc import Document, Metadata
    from ipdocs.writers.pdf import render_pdf

    docs = [Document(Metadata("表", "zh-CN"), tuple(_table(f"{n + i:,}") for i in range(6)))
            for n in (1, 2000, 71425)]
    theme = load_theme("briefing")
    alone = []
    for doc in docs:
        forget_fits()
        alone.append(render_pdf(doc, theme))
    forget_fits()
    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(lambda i: render_pdf(docs[i % 3], theme), range(24)))
    assert all(pdf == alone[i % 3] for i, pdf in enumerate(made))


def test_a_remembered_cell_keeps_its_lines_for_the_width_it_is_set_at(
        remembering: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A remembered table's cells made again take the lines their text was broken into
    for the width they are set at (the same as breaking it again makes); at another
    width, or with a cell's text changed (another fit), the text is broken again."""
    _FITS.clear()
    w = writer(300)
    _fit(_table("71,425"), w)
    _fit(_table("71,425"), w)[0][1][0].wrap(60, 1000)  # made again: its lines kept
    cell = _fit(_table("71,425"), w)[0][1][0]
    fresh = TextBlock(cell.runs, cell.looks, cell.shape)
    fresh.wrap(60, 1000)
    broken: list[float] = []
    layout = TextBlock._layout

    def counted(self: TextBlock, width: float) -> Any:
        broken.append(width)
        return layout(self, width)

    monkeypatch.setattr(TextBlock, "_layout", counted)
    assert cell.wrap(60, 1000) == fresh.wrap(60, 1000) and cell.lines == fresh.lines
    assert broken == []  # the remembered cell's text not broken again
    cell.wrap(30, 1000)
    assert broken == [30] and cell.lines != fresh.lines
    edited = _fit(_table("7,142,500"), w)[0][1][0]  # another fit: nothing kept yet
    edited.wrap(60, 1000)
    assert broken == [30, 60] and edited.plain == "发明专利授权量（件）"


def test_a_cell_with_a_word_broken_inside_is_broken_again(remembering: None) -> None:
    """A cell whose lines break a word where no rule allows keeps none: each render
    breaks it again, and warns."""
    _FITS.clear()
    w = writer(300)
    long = TableNode((Column("left", 1.0), Column("right", 1.0)), ((Cell("A"), Cell("B")),),
                     ((Cell("Pneumonoultramicroscopic" * 3), Cell("1")),), "en")
    for _ in range(3):
        cell = _fit(long, w)[0][1][0]
        with pytest.warns(RenderWarning, match="broken inside"):
            cell.wrap(40, 1000)
    assert isinstance(cell, _CellBlock) and not cell.laid


def _captioned(value: str, caption: str) -> TableNode:
    """``_table(value)`` with a caption."""
    plain = _table(value)
    return TableNode(plain.columns, plain.header, plain.rows, "zh", caption=caption)


def test_a_remembered_tables_rows_keep_the_heights_they_were_measured_at(
        remembering: None) -> None:
    """A table of a remembered fit made again takes the heights its rows were measured
    at (the heights measuring makes), for the same caption; with another caption, or
    another cell (another fit), its rows are measured again."""
    from ipdocs.writers.pdf.adapter import row_heights

    _FITS.clear()

    def grid(node: TableNode, width: float = 300) -> Any:
        made = table(node, writer(width))[0]
        made.wrap(width, 10_000)
        return made

    first = grid(_captioned("71,425", "表1"))
    assert isinstance(first, _Grid) and None in first._argH  # measured
    again = grid(_captioned("71,425", "表1"))
    assert None not in again._argH and row_heights(again) == row_heights(first)
    longer = "表1：" + "发明专利授权量" * 12  # a caption of two lines
    recaptioned = grid(_captioned("71,425", longer))
    assert None in recaptioned._argH and row_heights(recaptioned)[0] > row_heights(first)[0]
    assert None in grid(_captioned("7,142,500", "表1"))._argH
    assert row_heights(grid(_captioned("71,425", longer))) == row_heights(recaptioned)
    _FITS.clear()
    remember_fits(0)
    assert type(table(_captioned("71,425", "表1"), writer(300))[0]) is RowsOnce  # none kept


def test_heights_a_side_by_side_pair_fixed_are_not_kept(remembering: None) -> None:
    """The rows of a table set beside its translation are fixed at the taller of the two;
    a table keeps only the heights it measured itself, so that its translation changed
    changes the pair's rows."""
    from ipdocs.writers.pdf.adapter import row_heights, set_row_heights

    _FITS.clear()
    made = table(_table("71,425"), writer(300))[0]
    made.wrap(300, 10_000)
    own = row_heights(made)
    set_row_heights(made, [h + 20 for h in own])  # as face_rows fixes them
    made.wrap(300, 10_000)
    again = table(_table("71,425"), writer(300))[0]
    again.wrap(300, 10_000)
    assert row_heights(again) == own
