"""The table of contents, laid out in one pass.

The headings are known before layout (they are in the story), so the contents take their
final size at once; only the page numbers are not known until each heading is placed. Each
number is a PDF form XObject the contents refer to by name and the template defines when it
places the heading (a form may be defined after it is used). No second layout pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table

from ipdocs.writers.spacing import line_height

if TYPE_CHECKING:
    from ipdocs.writers.pdf.blocks import Writer

NUMBER_WIDTH = 40.0
"""Width of the page-number column, in points."""


@dataclass(frozen=True)
class Entry:
    """A heading as the outline and the contents know it."""

    key: str
    """Bookmark name, and the page number's form is ``page-<key>``."""
    level: int
    text: str


def _outlines(flowable: Flowable) -> list[tuple[int, str]]:
    """The headings a flowable holds: a heading's one, or a side-by-side pair's two."""
    many = getattr(flowable, "outlines", None)
    if many:
        return list(many)
    one = getattr(flowable, "outline", None)
    return [one] if one is not None else []


def outline_entries(flowables: Iterable[Flowable]) -> list[tuple[Flowable, list[Entry]]]:
    """The flowables that hold headings, in order, each with its entries: numbered, and
    with levels made continuous (never more than one below the one before), as the
    outline needs."""
    out: list[tuple[Flowable, list[Entry]]] = []
    count, last = 0, 0
    for flowable in flowables:
        entries = []
        for level, text in _outlines(flowable):
            level = min(level, last + 1)
            last = level
            count += 1
            entries.append(Entry(f"h{count}", level, text))
        if entries:
            out.append((flowable, entries))
    return out


def form_name(key: str) -> str:
    """The name of the form holding a heading's page number."""
    return f"page-{key}"


@dataclass(frozen=True)
class NumberLook:
    """How page numbers in the contents are set: face, size, colour, line height."""

    face: str
    size: float
    color: str
    leading: float

    @property
    def baseline(self) -> float:
        """The baseline within a line, as text blocks place it."""
        return (self.leading - self.size) / 2 + self.size * 0.12


def define_number(canvas: Canvas, key: str, page: int, look: NumberLook) -> None:
    """Define the form with a heading's page number, right-aligned in its column."""
    canvas.beginForm(form_name(key), 0, 0, NUMBER_WIDTH, look.leading)
    canvas.setFont(look.face, look.size)
    canvas.setFillColor(HexColor("#" + look.color))
    canvas.drawRightString(NUMBER_WIDTH, look.baseline, str(page))
    canvas.endForm()


class PageNumber(Flowable):  # type: ignore[misc]
    """A heading's page number: a reference to a form defined when the heading is placed."""

    def __init__(self, key: str, leading: float) -> None:
        super().__init__()
        self.key = key
        self.leading = leading

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """One line of the page-number column."""
        return NUMBER_WIDTH, self.leading

    def draw(self) -> None:
        """Show the form (defined later, when its heading is placed)."""
        self.canv.doForm(form_name(self.key))


class Contents(Flowable):  # type: ignore[misc]
    """Headings down to ``depth`` with their page numbers, as a two-column table."""

    def __init__(self, depth: int, writer: Writer) -> None:
        super().__init__()
        self.depth = depth
        self.writer = writer
        self.entries: list[Entry] = []
        """Set by ``fill`` once the whole story is known."""
        self._table: Table | None = None

    def fill(self, entries: Iterable[Entry]) -> None:
        """Take the headings this contents lists."""
        self.entries = [e for e in entries if e.level <= self.depth]

    def _grid(self, width: float) -> Table:
        """The contents as a table of titles and page numbers."""
        from ipdocs.writers.pdf.blocks import Piece, text_block

        w = self.writer
        leading = number_look(w).leading
        rows: list[list[Any]] = []
        for entry in self.entries:
            indent = "\u3000" * 2 * (entry.level - 1)
            lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in entry.text) else "en"
            rows.append([text_block([Piece(indent + entry.text)], "toc-entry", lang, w, "left"),
                         PageNumber(entry.key, leading)])
        grid = Table(rows or [[""]], colWidths=[width - NUMBER_WIDTH, NUMBER_WIDTH])
        grid.setStyle(w.table_style(("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM")))
        return grid

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Size of the contents table."""
        self._table = self._grid(availWidth)
        self.width, self.height = self._table.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """Split the underlying table across pages."""
        table = self._grid(availWidth)
        parts: list[Any] = table.split(availWidth, availHeight)
        return parts

    def draw(self) -> None:
        """Draw the contents table."""
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)


def number_look(w: Writer) -> NumberLook:
    """The look of page numbers in the contents (the toc-entry style, Latin face)."""
    style = w.theme.style("toc-entry")
    leading = line_height(style)
    face = w.fonts.face(style.font, style.bold, latin=True).name
    return NumberLook(face, style.size, w.theme.color(style.color) or "000000", leading)
