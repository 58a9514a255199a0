"""Two stacks of flowables side by side: their height, and their split across pages."""

from reportlab.platypus import Flowable, Spacer, Table

from ipdocs.doc import Bilingual, Cell, Column
from ipdocs.doc import Table as TableNode
from ipdocs.themes import load_theme
from ipdocs.writers.pdf.adapter import row_heights
from ipdocs.writers.pdf.blocks import Piece, Writer, bilingual_rows, text_block
from ipdocs.writers.pdf.fonts import Fonts
from ipdocs.writers.pdf.sidebyside import (
    SideBySide,
    face_rows,
    split_pair,
    split_stack,
    stack_height,
)


def spacer(height: float, before: float = 0.0, after: float = 0.0) -> Spacer:
    """A box of a height with space asked above and below."""
    box = Spacer(10, height)
    box.spaceBefore, box.spaceAfter = before, after
    return box


def test_stack_height_drops_the_first_space_and_takes_the_larger_gap() -> None:
    stack = [spacer(10, before=50, after=4), spacer(20, before=6, after=100)]
    assert stack_height(stack, 100, 1000) == 10 + 6 + 20


def test_a_pair_is_as_tall_as_its_taller_column_and_spaced_as_its_ends() -> None:
    pair = SideBySide([spacer(10, before=3)], [spacer(30, after=5)], gutter=20)
    assert pair.wrap(220, 1000) == (220, 30)
    assert pair._column == 100
    assert pair.spaceBefore == 3 and pair.spaceAfter == 5


def test_the_pair_is_drawn_left_column_then_right_beyond_the_gutter() -> None:
    drawn: list[tuple[float, float]] = []

    class Box(Spacer):  # type: ignore[misc]
        def drawOn(self, canvas: object, x: float, y: float, _sW: float = 0) -> None:
            drawn.append((x, y))

    pair = SideBySide([Box(10, 10), Box(10, 20)], [Box(10, 40)], gutter=20)
    pair.wrap(220, 1000)
    pair.canv = None
    pair.draw()
    assert drawn == [(0.0, 30.0), (0.0, 10.0), (120.0, 0.0)]


def test_a_pair_taller_than_the_room_splits_both_columns() -> None:
    theme = load_theme("briefing")
    w = Writer(theme, Fonts(theme), 200)
    left = [text_block([Piece("专利" * 300)], "body", "zh", w)]
    right = [text_block([Piece("Patents " * 150)], "body", "en", w)]
    pair = SideBySide(left, right, 12, outlines=[(1, "标题", "zh")])
    pair.toc_entries = ["entry"]
    height = pair.wrap(412, 1e6)[1]
    head, tail = pair.split(412, height / 3)
    assert head.wrap(412, height / 3)[1] <= height / 3 + 1e-6
    assert head.left and tail.left and head.right and tail.right
    assert head.outlines == [(1, "标题", "zh")] and tail.outlines == []
    assert head.toc_entries == ["entry"] and not hasattr(tail, "toc_entries")
    assert head.spaceAfter == 0 and tail.spaceBefore == 0 and not head.keepWithNext


def test_a_pair_that_fits_stays_whole_and_one_that_cannot_start_declines() -> None:
    pair = SideBySide([spacer(10)], [spacer(30)], gutter=0)
    assert pair.split(100, 100) == [pair]
    assert SideBySide([spacer(10)], [spacer(30)], gutter=0).split(100, 5) == []


def test_split_stack_sends_a_keep_with_next_foot_over() -> None:
    first, caption, rest = spacer(10), spacer(5), spacer(50)
    caption.keepWithNext = True
    assert split_stack([first, caption, rest], 100, 30) == ([first], [caption, rest])


def test_split_stack_makes_progress_or_declines() -> None:
    theme = load_theme("briefing")
    w = Writer(theme, Fonts(theme), 200)
    para = text_block([Piece("专利" * 400)], "body", "zh", w)
    stack = [text_block([Piece("标题")], "heading-2", "zh", w), para]
    total = stack_height(stack, 200, 1e6)
    head, tail = split_stack(stack, 200, total / 2)
    assert head and tail and stack_height(head, 200, 1e6) <= total / 2 + 1e-6
    assert split_stack(stack, 200, 1.0) == ([], stack)  # nothing fits: all of it moves on
    assert split_stack(stack, 200, total + 1) == (stack, [])


def test_a_caption_goes_over_with_its_table_inside_a_column() -> None:
    theme = load_theme("briefing")
    w = Writer(theme, Fonts(theme), 200)
    para = text_block([Piece("专利" * 40)], "body", "zh", w)
    caption = text_block([Piece("图表")], "caption", "zh", w)
    caption.keepWithNext = True
    chart = text_block([Piece("数据" * 300)], "body", "zh", w)
    chart.split = lambda *_: []  # unsplittable, like a drawing
    stack = [para, caption, chart]
    room = para.wrap(200, 1e6)[1] + caption.wrap(200, 1e6)[1] + 20
    head, tail = split_stack(stack, 200, room)
    assert head == [para] and tail == [caption, chart]


def grid(heights: list[float], kept: int = 0) -> Table:
    """A table of one column whose rows are ``heights`` tall, its first row a header
    repeated on each page, its first ``kept`` body rows kept with it."""
    table = Table([[f"row {i}"] for i in range(len(heights))], rowHeights=heights,
                  repeatRows=1)
    if kept:
        table.setStyle([("NOSPLIT", (0, 0), (-1, kept))])
    return table


def rows(part: Flowable) -> list[str]:
    """The texts of a table part's rows."""
    assert isinstance(part, Table)
    return [row[0] for row in part._cellvalues]


def test_a_pair_of_tables_splits_at_the_same_row_in_both_columns() -> None:
    left = [grid([10] * 9)]  # rows of Chinese: short
    right = [grid([10] + [25] * 8)]  # the English rows wrap: taller
    head, tail = SideBySide(left, right, gutter=10).split(210, 85)
    assert rows(head.left[0]) == rows(head.right[0]) == [f"row {i}" for i in range(4)]
    assert rows(tail.left[0]) == rows(tail.right[0]) == ["row 0"] + [
        f"row {i}" for i in range(4, 9)]


def test_a_table_that_fits_whole_splits_with_its_translation() -> None:
    left, right = [grid([10] * 5)], [grid([10] + [30] * 4)]
    head, tail = SideBySide(left, right, gutter=10).split(210, 80)
    assert rows(head.left[0]) == rows(head.right[0]) == ["row 0", "row 1", "row 2"]
    assert rows(tail.left[0]) == rows(tail.right[0]) == ["row 0", "row 3", "row 4"]


def test_a_pair_of_tables_neither_starts_where_one_cannot() -> None:
    """Ningbo's official side-by-side edition, p50: the Chinese table's first five rows
    fitted under its paragraph, the English one (its rows kept with its header taller)
    went whole to the next page."""
    left = [grid([10] * 9, kept=3)]
    right = [grid([10] + [30] * 8, kept=3)]
    pair = SideBySide(left, right, gutter=10)
    assert pair.split(210, 80) == []
    assert split_pair(left, right, 100, 80) == ([], left, [], right)


def test_tables_that_are_not_a_pair_split_column_by_column() -> None:
    assert split_pair([grid([10] * 9)], [grid([10] * 8)], 100, 45) is None
    assert split_pair([grid([10] * 4)], [grid([10] * 4)], 100, 45) is None  # both fit
    assert split_pair([spacer(50)], [grid([10] * 8)], 100, 45) is None
    head, _ = SideBySide([grid([10] * 9)], [grid([10] + [20] * 7)], gutter=10).split(210, 45)
    assert len(rows(head.left[0])) == 4 and len(rows(head.right[0])) == 2


def test_a_pair_of_tables_sets_each_row_at_the_taller_of_the_two() -> None:
    left, right = [grid([10, 12, 10, 40])], [grid([14, 30, 10, 20])]
    face_rows(left, right, 100, 1000)
    assert row_heights(left[0]) == row_heights(right[0]) == [14, 30, 10, 40]
    assert SideBySide([grid([10] * 3)], [grid([10, 25, 5])], gutter=10).wrap(210, 1000) == (
        210, 45)
    unpaired = [grid([10] * 3)], [grid([10, 25, 5, 5])]
    face_rows(*unpaired, 100, 1000)  # not a table and its translation: each its own
    assert row_heights(unpaired[0][0]) == [10] * 3


def table_node(lang: str, caption: str, labels: list[str], value: str) -> TableNode:
    """A table of labels and one value a row, with a caption and a header row."""
    header = "指标" if lang == "zh" else "Indicator"
    return TableNode((Column("left"), Column("right")), ((Cell(header), Cell("数值")),),
                     tuple((Cell(label), Cell(value)) for label in labels), lang, caption)


def test_each_row_of_a_table_faces_its_translation_on_each_page() -> None:
    """Ningbo's side-by-side edition, pp. 49-52: the English labels wrap to three to six
    lines in their column, the Chinese ones to one or two, and each table set at its own
    heights ran its rows below their translations (row 5 of the Chinese table beside row
    2 of the English). Caption, header and body rows now face theirs, on both pages a
    pair splits over."""
    w = Writer(load_theme("briefing"), Fonts(load_theme("briefing")), 400)
    zh = table_node("zh", "专利创造", ["专利授权量"] * 12, "71425")
    en = table_node("en", "Patents granted and applied for in the year under review",
                    ["Cases passing pre-examination at the protection centre"] * 12,
                    "71,425")
    pair = bilingual_rows([Bilingual((zh,), (en,))], w)[0]
    assert isinstance(pair, SideBySide)
    height = pair.wrap(400, 1e6)[1]
    left, right = pair.left[0], pair.right[0]
    assert row_heights(left) == row_heights(right)
    assert height == left.wrap(194, 1e6)[1] == right.wrap(194, 1e6)[1]
    head, tail = pair.split(400, height / 2)
    for part in (head, tail):
        ours, theirs = part.left[0], part.right[0]
        assert len(row_heights(ours)) == len(row_heights(theirs)) < 15
        assert row_heights(ours) == row_heights(theirs)
