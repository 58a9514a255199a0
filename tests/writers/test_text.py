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


def _drawn(blocks: list[Any], width: float, planned: bool, alpha: float = 1.0) -> list[str]:
    """The page's content entries of ``blocks`` drawn one under another on a new canvas
    (its fill's opacity ``alpha``), each line by its plan or (not ``planned``) through a
    text object, each block placed by reportlab's ``drawOn``."""
    import io

    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable

    from ipdocs.writers.pdf.adapter import page_code

    canvas = Canvas(io.BytesIO())
    if alpha != 1.0:
        canvas.setFillAlpha(alpha)
    original, placed = pdf_text.TextBlock._plan, pdf_text.TextBlock.drawOn
    if not planned:
        pdf_text.TextBlock._plan = lambda *args: None  # type: ignore[method-assign]
        pdf_text.TextBlock.drawOn = Flowable.drawOn  # type: ignore[method-assign]
    try:
        for index, block in enumerate(blocks):
            block.wrap(width, 10_000)
            block.drawOn(canvas, 20, 20 + 30.5 * index)
    finally:
        pdf_text.TextBlock._plan = original  # type: ignore[method-assign]
        pdf_text.TextBlock.drawOn = placed  # type: ignore[method-assign]
    return list(page_code(canvas))


@pytest.mark.filterwarnings("ignore::ipdocs.writers.RenderWarning")  # words broken at 60 pt
def test_a_line_drawn_by_its_plan_is_drawn_as_by_a_text_object() -> None:
    """A line's plan (made on its first drawing, kept with the line) writes what a text
    object writes for it: Han runs evenly spaced, bold and coloured pieces, hyphenated
    English, the grid's tracking (the official theme), text in a Latin face among Han;
    drawn again, and with other colours, still the same."""
    official = load_theme("official")
    han = "知识产权“161工程”，Ningbo’s IP 2024年发明专利授权量71425件，同比增长11.4%。" * 3
    english = "Intellectual property protection strengthened considerably " * 6

    def blocks() -> list[Any]:
        w, grid = writer(), Writer(official, Fonts(official), 400)
        return [
            text_block([Piece(han), Piece("加粗", bold=True), Piece("红色", color="C00000"),
                        Piece(han)], "body", "zh", w),
            text_block([Piece(english), Piece("bold", bold=True), Piece(english)], "body",
                       "en", w),
            text_block([Piece(han), Piece(english)], "body", "zh", grid),
            text_block([Piece(han, color="1F4E79")], "body", "zh", w),
            text_block([Piece("See "), Piece("the report", link="https://example.org/r"),
                        Piece(english)], "body", "en", w),
        ]

    for width in (400.0, 150.0, 60.0):
        first = _drawn(blocks(), width, planned=True)
        assert first == _drawn(blocks(), width, planned=False)
        assert _drawn(blocks(), width, planned=True) == first  # the plans kept
    assert "ActualText" in " ".join(_drawn(blocks()[1:2], 60.0, planned=True))  # hyphenated
    faded = _drawn(blocks(), 400.0, planned=True, alpha=0.5)  # each text's opacity set again
    assert faded == _drawn(blocks(), 400.0, planned=False, alpha=0.5)
    assert " gs " in " ".join(faded)


def counted_breaks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one at each text the line breaker breaks."""
    calls: list[int] = []
    original = pdf_text.break_lines

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(pdf_text, "break_lines", counting)
    return calls


PARAGRAPH = "宁波市专利授权量持续增长，知识产权保护体系不断完善。" * 6


def test_a_text_set_in_another_subset_of_the_same_face_is_not_broken_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The zh and zh-en briefs of a report embed subsets to different texts: each is a
    font of its own to reportlab, and measures every character as its face does."""
    pdf_text.forget_layouts()
    calls = counted_breaks(monkeypatch)
    one = Writer(THEME, Fonts(THEME, PARAGRAPH + "一"), 400)
    other = Writer(THEME, Fonts(THEME, PARAGRAPH + "二"), 400)
    first = text_block([Piece(PARAGRAPH)], "body", "zh", one)
    second = text_block([Piece(PARAGRAPH)], "body", "zh", other)
    assert first.looks[0].face.name != second.looks[0].face.name
    assert first.looks[0].face.widths == second.looks[0].face.widths
    first.wrap(400, 1000)
    second.wrap(400, 1000)
    assert len(calls) == 1 and second.lines == first.lines
    whole = text_block([Piece(PARAGRAPH)], "body", "zh", writer())  # the face, not a subset
    whole.wrap(400, 1000)
    assert len(calls) == 2 and whole.lines == first.lines


def test_a_width_a_few_units_in_its_last_place_apart_is_the_same_width(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """reportlab draws a table's cell at the width it measured it at, summed another way."""
    pdf_text.forget_layouts()
    calls = counted_breaks(monkeypatch)
    block = text_block([Piece(PARAGRAPH)], "table-cell", "zh", writer())
    block.wrap(84.77022190408017, 1000)
    block.wrap(84.77022190408019, 1000)
    again = text_block([Piece(PARAGRAPH)], "table-cell", "zh", writer())
    again.wrap(84.77022190408019, 1000)
    assert len(calls) == 1
    block.wrap(84.7702219, 1000)  # narrower by a ten-millionth of a point: laid out again
    assert len(calls) == 2
    straddling = text_block([Piece(PARAGRAPH + "。")], "table-cell", "zh", writer())
    straddling.wrap(84.00000000049999, 1000)  # measured, then drawn: rounded apart, but
    measured = straddling.lines
    straddling.wrap(84.00000000050001, 1000)  # the block keeps the lines it was measured in
    assert len(calls) == 3 and straddling.lines is measured
