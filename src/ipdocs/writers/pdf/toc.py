"""The table of contents, laid out in one pass.

The headings are known before layout (they are in the story), so the contents take their
final size at once; only the page numbers are not known until each heading is placed. Each
number is a PDF form XObject the contents refer to by name and the template defines when it
places the heading (a form may be defined after it is used). No second layout pass.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table

from ipdocs.base.records import datarecord
from ipdocs.doc.nodes import Lang
from ipdocs.writers.pdf.setting import Writer, said, text_block
from ipdocs.writers.pdf.tagging import Element, content, link, tag
from ipdocs.writers.spacing import line_height

if TYPE_CHECKING:
    from ipdocs.writers.pdf.text import TextBlock

NUMBER_WIDTH = 40.0
"""Width of the page-number column, in points."""
LEADER_PITCH = 0.5
"""The distance between the dots of a leader, in ems of the entry's size."""
LEADER_ROOM = 2.0
"""Ems at least left for a leader after an entry's last line."""
INDENT_EMS = 2.0
"""How far each level of the contents stands in from the one above, in ems."""


@datarecord(frozen=True)
class Entry:
    """A heading as the outline and the contents know it."""

    key: str
    """Bookmark name, and the page number's form is ``page-<key>``."""
    level: int
    text: str
    lang: Lang


def _outlines(flowable: Flowable) -> list[tuple[int, str, Lang]]:
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
        for level, text, lang in _outlines(flowable):
            level = min(level, last + 1)
            last = level
            count += 1
            entries.append(Entry(f"h{count}", level, text, lang))
        if entries:
            out.append((flowable, entries))
    return out


def form_name(key: str) -> str:
    """The name of the form holding a heading's page number."""
    return f"page-{key}"


@datarecord(frozen=True)
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


def leader_dots(canvas: Canvas, start: float, end: float, look: NumberLook) -> None:
    """Dots from ``start`` to ``end`` on the baseline, on a grid of ``LEADER_PITCH`` ems
    counted from x = 0 (so the dots of every entry line up down the page)."""
    pitch = look.size * LEADER_PITCH
    dot = float(stringWidth(".", look.face, look.size))
    first = math.ceil(start / pitch)
    last = math.floor((end - dot) / pitch)
    if last < first:
        return
    text = canvas.beginText()
    text.setFont(look.face, look.size)
    text.setFillColor(HexColor("#" + look.color))
    text.setTextOrigin(first * pitch, look.baseline)
    text.setCharSpace(pitch - dot)
    text.textOut("." * (last - first + 1))
    text.setCharSpace(0)  # the spacing is graphics state: it outlives the text object
    canvas.drawText(text)


def define_number(canvas: Canvas, key: str, page: int, look: NumberLook) -> None:
    """Define the form with a heading's page number, right-aligned in its column, and the
    end of its leader up to the number. The column starts on the leaders' grid (the title
    column is a whole number of pitches wide)."""
    canvas.beginForm(form_name(key), 0, 0, NUMBER_WIDTH, look.leading)
    text = str(page)
    left = NUMBER_WIDTH - float(stringWidth(text, look.face, look.size))
    leader_dots(canvas, 0, left - look.size * LEADER_PITCH, look)
    canvas.setFont(look.face, look.size)
    canvas.setFillColor(HexColor("#" + look.color))
    canvas.drawRightString(NUMBER_WIDTH, look.baseline, text)
    canvas.endForm()


class Leadered(Flowable):  # type: ignore[misc]
    """A contents entry's title, stood in for its level, and the leader from its last
    line to the page-number column."""

    def __init__(self, title: TextBlock, indent: float, look: NumberLook) -> None:
        super().__init__()
        self.title = title
        self.indent = indent
        self.look = look

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The title set in the room its indent and a short leader leave."""
        room = availWidth - self.indent - self.look.size * LEADER_ROOM
        _, height = self.title.wrap(room, availHeight)
        self.width, self.height = availWidth, height
        return availWidth, height

    def draw(self) -> None:
        """The title (a link to its heading), then dots from its last line's end to the
        column's end."""
        self.title.drawOn(self.canv, self.indent, 0)
        link(self.canv, self.title, (self.indent, 0, self.width, self.height))
        assert self.title.lines is not None
        end = self.indent + self.title.lines[-1].end + self.look.size * LEADER_PITCH
        leader_dots(self.canv, end, self.width, self.look)


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
        with content(self.canv, self):
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
        w = self.writer
        look = number_look(w)
        em = w.theme.style("toc-entry").size
        rows: list[list[Any]] = []
        for entry in self.entries:
            title = text_block(said(entry.text, entry.lang)[1], "toc-entry", entry.lang, w,
                               "left")
            number = PageNumber(entry.key, look.leading)
            self._tag_entry(entry, title, number)
            rows.append([Leadered(title, INDENT_EMS * em * (entry.level - 1), look), number])
        # the title column a whole number of leader pitches, so the leaders' grid goes on
        # across the page-number column
        pitch = look.size * LEADER_PITCH
        titles = math.floor((width - NUMBER_WIDTH) / pitch) * pitch
        grid = Table(rows or [[""]], colWidths=[titles, width - titles])
        grid.setStyle(w.table_style(("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM")))
        return grid

    def _tag_entry(self, entry: Entry, title: TextBlock, number: PageNumber) -> None:
        """An item of the contents' structure (the contents flowable holds its TOC
        element): the heading's text, and its page number read as the number (not as the
        dots of its leader)."""
        toc: Element | None = getattr(self, "tag", None)
        if toc is None:
            return
        item = toc.add("TOCI", self.writer.language(entry.lang).tag)
        tag(title, item.add("Link"))
        title.link = (entry.key, entry.text)
        tag(number, item.add("Reference", number_key=entry.key))

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
    """The look of the contents' page numbers and leaders: the toc-entry style, in the
    face that sets the digits of the document's first language (Chinese text sets them in
    its Han face: FangSong beside FangSong entries in the official theme, not the Latin
    face that stands for Times New Roman; English in its Latin face)."""
    style = w.theme.style("toc-entry")
    leading = line_height(style)
    latin = not (w.languages and w.languages[0].han)
    face = w.fonts.face(style.font, style.bold, latin=latin).name
    return NumberLook(face, style.size, w.theme.color(style.color) or "000000", leading)
