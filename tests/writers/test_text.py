"""The PDF paragraph: English ragged in narrow columns, hyphenated; Latin punctuation in
the Latin face; long words broken inside the page, with a warning where no rule allowed."""

import warnings
from typing import Any

import pytest

from ipdocs.doc import Bilingual, Cell, Column, Document, Metadata, Paragraph, Span, Table
from ipdocs.themes import load_theme
from ipdocs.writers import RenderWarning
from ipdocs.writers.pdf import PageLayoutError, render_pdf
from ipdocs.writers.pdf import text as pdf_text
from ipdocs.writers.pdf.blocks import Piece, Writer, text_block
from ipdocs.writers.pdf.fonts import Fonts

THEME = load_theme("briefing")


def writer(width: float = 400) -> Writer:
    """A PDF writer's shared state for a frame ``width`` points wide."""
    return Writer(THEME, Fonts(THEME), width)


def test_english_in_a_narrow_column_is_ragged_right() -> None:
    block = text_block([Piece("Intellectual property " * 20)], "body", "en", writer())
    size = THEME.style("body").size
    assert not block._justified(20 * size)  # a column of the parallel layout
    assert block._justified(40 * size)
    chinese = text_block([Piece("知识产权" * 20)], "body", "zh", writer())
    assert chinese._justified(20 * size)


def test_only_english_is_hyphenated() -> None:
    assert text_block([Piece("x")], "body", "en", writer()).shape.hyphenate
    assert not text_block([Piece("x")], "body", "zh", writer()).shape.hyphenate


def test_latin_punctuation_in_chinese_documents_takes_the_latin_face() -> None:
    w = writer()
    block = text_block([Piece("Ningbo’s IP… 宁波“161工程”")], "table-cell", "zh", w)
    latin = w.fonts.face(THEME.style("table-cell").font, latin=True)
    faces = {c: block.looks[run.style].face for run in block.runs for c in run.text}
    assert faces["’"] == latin and faces["…"] == latin
    assert faces["“"] != latin and faces["宁"] != latin
    assert [r.latin for r in block.runs if "’" in r.text] == [True]


URL = ("https://example.org/" + "/".join(f"section{i:02d}" for i in range(12)))[:140]
WORD = ("Pneumonoultramicroscopicsilicovolcanoconiosis" * 200)


def drawn_lines(doc: Document) -> tuple[list[tuple[float, float]], list[str]]:
    """Render ``doc``; every drawn line's end and its block's width, and the warnings."""
    ends: list[tuple[float, float]] = []
    original = pdf_text.TextBlock.draw

    def draw(self: Any) -> None:
        ends.extend((line.end, self.width) for line in self.lines)
        original(self)

    pdf_text.TextBlock.draw = draw  # type: ignore[method-assign]
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            render_pdf(doc, THEME)
    finally:
        pdf_text.TextBlock.draw = original  # type: ignore[method-assign]
    return ends, [str(w.message) for w in caught if issubclass(w.category, RenderWarning)]


@pytest.mark.parametrize("length", [56, 140, 5000])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_leaves_the_page(length: int, lang: str) -> None:
    """A word longer than its line, in text, in a cell and in a side-by-side column, is
    broken inside the page; the writer warns that it had to break a word."""
    token = WORD[:length]

    def blocks(lang: str) -> tuple[Any, ...]:
        text = Paragraph((Span(f"See {URL} and {token} here."),), lang)  # type: ignore[arg-type]
        if length > 1000:  # a cell that long is taller than a page: see the next test
            return (text,)
        return (text, table(token, lang))

    doc = Document(Metadata("t", "en-GB"), (*blocks(lang), Bilingual(blocks("zh"),
                                                                    blocks("en"))))
    ends, said = drawn_lines(doc)
    assert ends and all(end <= width + 0.01 for end, width in ends)
    assert any("was broken inside" in message for message in said)


def table(token: str, lang: str) -> Table:
    """A table with ``token`` and a long URL in its first column."""
    cells = ((Cell(token), Cell("12")), (Cell(URL), Cell("13")))
    return Table((Column("left", 3), Column("right", 1)), ((Cell("指标"), Cell("数值")),),
                 cells, lang)  # type: ignore[arg-type]


def test_a_cell_taller_than_a_page_is_a_located_error() -> None:
    doc = Document(Metadata("t", "en-GB"), (table(WORD[:9000], "en"),))
    with pytest.raises(PageLayoutError, match=r"a table row .* shorten the longest cell"), \
            pytest.warns(RenderWarning, match="was broken inside"):
        render_pdf(doc, THEME)


def test_a_url_breaks_at_its_slashes_without_a_warning() -> None:
    doc = Document(Metadata("t", "en-GB"), (Paragraph((Span(f"See {URL} here."),), "en"),))
    ends, said = drawn_lines(doc)
    assert all(end <= width + 0.01 for end, width in ends)
    assert said == []


def test_a_lines_stretches_are_worked_out_once() -> None:
    from ipdocs.writers.pdf.linebreak import Line, Unit

    han = [Unit([(0, char)], True, width=10.0, x=12.0 * index)
           for index, char in enumerate("知识产权")]
    word = Unit([(0, "IP"), (1, "R")], False, space_before=True, width=15.0, x=60.0)
    line = Line([*han, word])
    stretches = pdf_text._stretches(line)
    assert stretches == [(0, 4, 2.0, [(0, "知识产权")]), (4, 5, 0.0, [(0, "IP"), (1, "R")])]
    assert pdf_text._stretches(line) is stretches
    assert line == Line([*han, word])  # what is kept is no part of the line's value
