"""Two columns of flowables side by side, Chinese left and English right: the parallel
bilingual layout.

Each column is a stack of flowables. The pair splits across pages by splitting each
column's stack at the height available (a paragraph by lines, a table by rows), so a long
pair of paragraphs flows over pages like any text; a pair of headings stays with what
follows and puts both headings in the outline and the contents. A pair of tables (the same
table in each language) sets each row at the height of the taller of the two's row n
(``face_rows``), and splits at the same row in both columns, so that each row faces its
translation on the same page: where the two cannot split at one row here, neither starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Table

from ipdocs.doc.nodes import Lang
from ipdocs.writers.pdf.adapter import (
    at_frame_top,
    last_split_row,
    row_heights,
    set_row_heights,
)

Stack = list[Flowable]


def _space_before(flowable: Flowable) -> float:
    """The space a flowable asks for above it."""
    return float(flowable.getSpaceBefore())


def _space_after(flowable: Flowable) -> float:
    """The space a flowable asks for below it."""
    return float(flowable.getSpaceAfter())


def _heights(stack: Stack, width: float, avail: float) -> list[tuple[float, float]]:
    """Each flowable's (space above, height): the first one's space above is dropped."""
    out = []
    for index, flowable in enumerate(stack):
        _, height = flowable.wrap(width, avail)
        before = _space_before(flowable) if index else 0.0
        previous_after = _space_after(stack[index - 1]) if index else 0.0
        out.append((max(before, previous_after), height))
    return out


def stack_height(stack: Stack, width: float, avail: float) -> float:
    """The height of a column: its flowables and the space between them."""
    return sum(gap + height for gap, height in _heights(stack, width, avail))


def split_stack(stack: Stack, width: float, avail: float) -> tuple[Stack, Stack]:
    """The flowables that fit in ``avail`` (the straddling one split if it can be), and
    the rest. A caption or heading (keepWithNext) at the foot of the first part goes over
    with what it belongs to."""
    used = 0.0
    for index, (gap, height) in enumerate(_heights(stack, width, avail)):
        if used + gap + height <= avail + 1e-6:
            used += gap + height
            continue
        flowable = stack[index]
        room = avail - used - gap
        parts = flowable.split(width, room) if room > 0 else []
        if len(parts) >= 2:
            return _keep_with_next(stack[:index] + parts[:1], list(parts[1:]) + stack[index + 1:])
        return _keep_with_next(stack[:index], stack[index:])
    return list(stack), []


def _tables(left: Stack, right: Stack) -> tuple[Table, Table] | None:
    """The tables both columns start with, where both do and repeat the same header
    rows."""
    if left and right and isinstance(left[0], Table) and isinstance(right[0], Table) \
            and left[0].repeatRows == right[0].repeatRows:
        return left[0], right[0]
    return None


def face_rows(left: Stack, right: Stack, width: float, avail: float) -> None:
    """Where both columns start with a table and the two have the same rows (a table and
    its translation), set row n of both at the taller of the two's row n, caption, header
    and body rows alike, so that each row faces its translation, as in the DOCX's one
    table of the pair (``write_table_pair`` in ``writers/docx/blocks.py``): one
    language's labels wrap to more lines than the other's (mostly the English ones in a
    13-em column), and each table set at its own heights ran its rows away from their
    translations. The heights are then fixed, and the parts a table splits into keep
    them; a row is never split."""
    tables = _tables(left, right)
    if tables is None:
        return
    for table in tables:
        table.wrap(width, avail)
    ours, theirs = (row_heights(table) for table in tables)
    if len(ours) != len(theirs):
        return
    faced = [max(mine, other) for mine, other in zip(ours, theirs, strict=True)]
    for table in tables:
        set_row_heights(table, faced)


Split = tuple[Stack, Stack, Stack, Stack]
"""Both columns split: the left column's head and tail, then the right's."""

ROW_EPSILON = 1e-6
"""Added to the height of a table's first rows, so that a split there keeps them all."""


def split_pair(left: Stack, right: Stack, width: float, avail: float) -> Split | None:
    """Both columns split at ``avail`` where each starts with a table and the two tables
    have the same rows (a table and its translation) that do not both fit: each split
    after the same row, the last one both may break after (a repeated header, the first
    and last rows kept together, ``ipdocs.writers.tablerows``) within the room; where
    there is none, neither table starts here (both heads empty). None where the columns
    are not such a pair, or both tables fit: each column is then split alone."""
    tables = _tables(left, right)
    if tables is None:
        return None
    a, b = tables
    tall = [t.wrap(width, avail)[1] > avail + ROW_EPSILON for t in (a, b)]
    if not any(tall):
        return None
    rows_a, rows_b = row_heights(a), row_heights(b)
    if len(rows_a) != len(rows_b):
        return None
    row = _common_row(a, b, (rows_a, rows_b), avail)
    if not row:
        return [], list(left), [], list(right)
    parts_a = a.split(width, sum(rows_a[:row]) + ROW_EPSILON)
    parts_b = b.split(width, sum(rows_b[:row]) + ROW_EPSILON)
    if len(parts_a) != 2 or len(parts_b) != 2:
        return None
    return [parts_a[0]], [parts_a[1], *left[1:]], [parts_b[0]], [parts_b[1], *right[1:]]


def _common_row(a: Table, b: Table, heights: tuple[list[float], list[float]],
                avail: float) -> int:
    """The most rows, the same in both tables (wrapped; ``heights``, their rows'),
    after which both may break within ``avail``, more than their repeated header rows;
    0 where there is none."""
    repeat = a.repeatRows if isinstance(a.repeatRows, int) else max(a.repeatRows) + 1
    top = min(last_split_row(a, avail), last_split_row(b, avail))
    for row in range(top, repeat, -1):
        if all(last_split_row(t, sum(h[:row]) + ROW_EPSILON) == row
               for t, h in zip((a, b), heights, strict=True)):
            return row
    return 0


def _keep_with_next(head: Stack, tail: Stack) -> tuple[Stack, Stack]:
    """Move flowables that must stay with the next one from the end of ``head`` to
    ``tail``."""
    while head and tail and getattr(head[-1], "keepWithNext", False):
        tail.insert(0, head.pop())
    return head, tail


class SideBySide(Flowable):  # type: ignore[misc]
    """A Chinese and an English stack of flowables in two columns with a gutter."""

    def __init__(self, left: Sequence[Flowable], right: Sequence[Flowable], gutter: float,
                 outlines: Sequence[tuple[int, str, Lang]] = ()) -> None:
        super().__init__()
        self.left, self.right = list(left), list(right)
        self.gutter = gutter
        self.outlines = list(outlines)
        """Headings this pair holds, for the outline and the contents."""
        both = self.left + self.right
        self.keepWithNext = bool(both) and all(getattr(f, "keepWithNext", False)
                                               for f in both)
        self.spaceBefore = max((_space_before(s[0]) for s in (self.left, self.right) if s),
                               default=0.0)
        self.spaceAfter = max((_space_after(s[-1]) for s in (self.left, self.right) if s),
                              default=0.0)
        self._column = 0.0
        self._faced = False

    def _width(self, avail_width: float) -> float:
        """The width of one column."""
        return (avail_width - self.gutter) / 2

    def _face(self, column: float, avail: float) -> None:
        """Set a pair of tables' rows facing each other (``face_rows``), once."""
        if not self._faced:
            face_rows(self.left, self.right, column, avail)
            self._faced = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The width given, and the taller column's height (a pair of tables' rows set
        facing each other first)."""
        self._column = self._width(availWidth)
        self._face(self._column, availHeight)
        self.width = availWidth
        self.height = max(stack_height(self.left, self._column, availHeight),
                          stack_height(self.right, self._column, availHeight))
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """Split both columns at ``availHeight`` (a pair of tables at the same row,
        ``split_pair``); nothing if neither can start here. A pair of tables that cannot
        split at one row even at the top of a page splits column by column."""
        column = self._width(availWidth)
        self._face(column, availHeight)
        paired = split_pair(self.left, self.right, column, availHeight)
        if paired is not None and (paired[0] or paired[2] or not at_frame_top(self)):
            left_head, left_tail, right_head, right_tail = paired
        else:
            left_head, left_tail = split_stack(self.left, column, availHeight)
            right_head, right_tail = split_stack(self.right, column, availHeight)
        if not (left_head or right_head):
            return []
        if not (left_tail or right_tail):
            return [self]
        head = SideBySide(left_head, right_head, self.gutter, self.outlines)
        head.keepWithNext = False
        head.spaceAfter = 0
        tail = SideBySide(left_tail, right_tail, self.gutter)
        tail.spaceBefore = 0
        toc = getattr(self, "toc_entries", None)
        if toc is not None:
            head.toc_entries = toc
        return [head, tail]

    def _draw_stack(self, stack: Stack, x: float) -> None:
        """Draw one column from the top down."""
        y = self.height
        for (gap, height), flowable in zip(_heights(stack, self._column, self.height), stack,
                                           strict=True):
            y -= gap + height
            flowable.drawOn(self.canv, x, y)

    def draw(self) -> None:
        """Draw both columns."""
        self._draw_stack(self.left, 0.0)
        self._draw_stack(self.right, self._column + self.gutter)
