"""One small function per node type, turning tree nodes into platypus flowables."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from ipdocs.doc import (
    SHIPPED_LANGUAGES,
    Bilingual,
    Block,
    Cell,
    Chart,
    Column,
    Contents,
    Cover,
    Document,
    Heading,
    KeyFigures,
    Language,
    NoteRef,
    Paragraph,
    Span,
    find_language,
)
from ipdocs.doc import PageBreak as PageBreakNode
from ipdocs.doc import Table as TableNode
from ipdocs.themes import Style, Theme
from ipdocs.writers.columns import (
    aligns_on_point,
    decimal_tail,
    fit_scale,
    fit_widths,
    is_short,
    proportional,
    widest_piece,
)
from ipdocs.writers.looks import (
    KEY_FIGURES_PER_ROW,
    direction_color,
    first_line_indent,
    grouped,
    header_fill,
    outline_level,
)
from ipdocs.writers.pdf.fonts import FontError, Fonts, Where, uncovered_message
from ipdocs.writers.pdf.linebreak import Run, latin_context
from ipdocs.writers.pdf.sidebyside import SideBySide
from ipdocs.writers.pdf.text import Look, Shape, TextBlock
from ipdocs.writers.pdf.toc import Contents as ContentsFlowable
from ipdocs.writers.spacing import CELL_PADDING as SHARED_CELL_PADDING
from ipdocs.writers.spacing import (
    COVER_AFTER_MM,
    COVER_BEFORE_MM,
    after_panel,
    after_table,
    heading_style,
    line_height,
    tracking,
)
from ipdocs.writers.spacing import KEY_PADDING as SHARED_KEY_PADDING
from ipdocs.writers.tablerows import unbroken

MM = 72 / 25.4



@dataclass
class Writer:
    """What block functions share: theme, fonts, the frame width, problems found."""

    theme: Theme
    fonts: Fonts
    width: float
    problems: list[str] = field(default_factory=list)
    in_cell: bool = False
    languages: Sequence[Language] = SHIPPED_LANGUAGES
    """The document's languages (``Document.languages``)."""

    def language(self, code: str) -> Language:
        """What the writer needs to know of a node's language."""
        return find_language(self.languages, code)

    def table_style(self, *commands: tuple[Any, ...]) -> TableStyle:
        """A table style whose cells default to a bundled face, never unembedded Helvetica."""
        face = self.fonts.face(self.theme.style("table-cell").font).name
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), face), *commands])


@dataclass(frozen=True)
class Piece:
    """Text with its own look within a paragraph."""

    text: str
    bold: bool = False
    color: str | None = None
    highlight: str | None = None
    keep: bool = False


def _stretches(text: str, language: Language) -> list[tuple[str, bool]]:
    """``text`` in stretches, each with whether the Latin face may set it: all of text not
    set as Han; in Han text, punctuation such as ’ and … inside Latin words."""
    if not language.han:
        return [(text, True)]
    marks = latin_context(text)
    return [("".join(text[i] for i in group), latin)
            for latin, group in itertools.groupby(range(len(text)), key=lambda i: marks[i])]


def _looks_runs(pieces: Sequence[Piece], style: Style, lang: str, w: Writer
                ) -> tuple[list[Run], list[Look]]:
    """Runs and looks for pieces in ``style``, checking that every character is covered."""
    looks: list[Look] = []
    runs: list[Run] = []
    color = w.theme.color(style.color) or "000000"
    text = "".join(p.text for p in pieces)
    for piece in pieces:
        face = w.fonts.face(style.font, piece.bold or style.bold)
        latin = w.fonts.face(style.font, piece.bold or style.bold, latin=True)
        stretches = _stretches(piece.text, w.language(lang))
        uses_latin = any(flag for _, flag in stretches)
        missing = w.fonts.missing(piece.text, [face, *([latin] if uses_latin else [])])
        if missing:
            w.problems.append(uncovered_message(missing, Where(text)))
        for part, flag in stretches:
            for chosen, stretch in w.fonts.pieces(part, face, latin if flag else None):
                look = Look(chosen, style.size, piece.color or color,
                            piece.highlight, tracking(w.theme, style))
                if look not in looks:
                    looks.append(look)
                runs.append(Run(stretch, looks.index(look), piece.keep, chosen == latin))
    if not looks:
        looks.append(Look(w.fonts.face(style.font, style.bold), style.size, color))
    return runs, looks


def _shape(style: Style, language: Language, align: str | None = None) -> Shape:
    """Paragraph geometry from a theme style: Han text takes the style's first-line
    indent; text that hyphenates may be hyphenated."""
    leading = line_height(style)
    indent = first_line_indent(style, language)
    return Shape(leading, align or style.align, indent, style.before, style.after,
                 hyphenate=language.hyphenates)


def text_block(pieces: Sequence[Piece], style_name: str, lang: str, w: Writer,
               align: str | None = None, scale: float = 1.0) -> TextBlock:
    """A TextBlock of pieces set in the theme style ``style_name`` (its size times
    ``scale``)."""
    style = w.theme.style(style_name)
    if scale != 1.0:
        style = replace(style, size=style.size * scale,
                        exact=style.exact * scale if style.exact else None)
    runs, looks = _looks_runs(pieces, style, lang, w)
    return TextBlock(runs, looks, _shape(style, w.language(lang), align))


def header_block(doc: Document, w: Writer) -> TextBlock:
    """The running header as a text block flush right, set as the text is (its Han–Latin
    gaps, its Latin face), in the document's language."""
    return text_block([Piece(doc.headers[0])], "header", doc.main.code, w, "right")


def masthead(main: Language, w: Writer) -> list[Flowable]:
    """The theme's red masthead above a rule across the type area (none without one), set
    in the document's first language ``main``."""
    head = w.theme.masthead
    if head is None:
        return []
    style = Style(head.font, head.size, line=1.2, align="center", color=head.color)
    runs, looks = _looks_runs([Piece(head.text)], style, main.code, w)
    rule = HRFlowable(width="100%", thickness=head.rule, color=HexColor("#" + head.color),
                      spaceBefore=head.after * MM, spaceAfter=head.after * MM)
    return [Spacer(1, head.before * MM), TextBlock(runs, looks, _shape(style, main)), rule]


def _inline_pieces(node: Paragraph, w: Writer) -> list[Piece]:
    """The pieces of a paragraph's inlines."""
    out = []
    for inline in node.inlines:
        if isinstance(inline, NoteRef):
            out.append(Piece(inline.mark))
        else:
            assert isinstance(inline, Span)
            out.append(Piece(inline.text, inline.emphasis, None,
                             w.theme.mark(inline.review or node.review, inline.stale),
                             inline.keep))
    return out


def paragraph(node: Paragraph, w: Writer) -> list[Flowable]:
    """A paragraph (none for one only a tracked DOCX shows, deleted since last year)."""
    if not node.inlines and node.tracked is not None:
        return []
    return [text_block(_inline_pieces(node, w), node.style, node.lang, w)]


def heading(node: Heading, w: Writer) -> list[Flowable]:
    """A heading, kept with what follows, marked for the outline and contents."""
    level = outline_level(node.level)
    block = text_block([Piece(node.display)], heading_style(w.theme, node.level), node.lang, w)
    block.outline = (level, node.display, node.lang)
    block.keepWithNext = True
    if w.in_cell:
        return [block]
    return [CondPageBreak(w.theme.style("body").size * 6), block]


def cover(node: Cover, w: Writer) -> list[Flowable]:
    """Title, subtitle and cover lines."""
    out: list[Flowable] = [Spacer(1, COVER_BEFORE_MM * MM)]
    out.append(text_block([Piece(node.title)], "title", node.lang, w))
    if node.subtitle:
        out.append(text_block([Piece(node.subtitle)], "subtitle", node.lang, w))
    out += [text_block([Piece(line)], "cover-line", node.lang, w) for line in node.lines]
    out.append(Spacer(1, COVER_AFTER_MM * MM))
    return out


def _cell(data: Cell, style: str, column: Column, lang: str, w: Writer,
          color: str | None = None, scale: float = 1.0) -> TextBlock:
    """One table cell as a TextBlock aligned like its column."""
    piece = Piece(data.text, color=color, highlight=w.theme.mark(data.review, data.stale))
    return text_block([piece], style, lang, w, column.align, scale)


def _cells(node: TableNode, w: Writer, scale: float = 1.0) -> list[list[Any]]:
    """The header and body rows of a table as TextBlocks, their text ``scale`` times size."""
    rows: list[list[Any]] = []
    for row in node.header:
        rows.append([_cell(c, "table-header", node.columns[i], node.lang, w, None, scale)
                     for i, c in enumerate(row)])
    for row in node.rows:
        rows.append([_cell(c, "table-cell", node.columns[i], node.lang, w,
                           direction_color(w.theme, c.direction), scale)
                     for i, c in enumerate(row)])
    return rows


CELL_PADDING = SHARED_CELL_PADDING[1]


def _needs(block: TextBlock) -> tuple[float, float]:
    """The width a cell asks of its column: (hard, soft). A short cell must stay on one
    line (hard); a long one would rather not break its longest word (soft)."""
    text = block.plain
    if is_short(text):
        return block.natural_width() + 2 * CELL_PADDING, 0.0
    piece = widest_piece(text)
    return 0.0, (block.piece_width(piece) + 2 * CELL_PADDING) if piece else 0.0


def _floors(count: int, cells: Sequence[Sequence[TextBlock]]) -> tuple[list[float],
                                                                       list[float]]:
    """Each column's hard and soft floor (see ``_needs``)."""
    needs = [[_needs(row[i]) for row in cells] for i in range(count)]
    return ([max((h for h, _ in column), default=0.0) for column in needs],
            [max((s for _, s in column), default=0.0) for column in needs])


def _widths(columns: Sequence[Column], total: float,
            floors: tuple[list[float], list[float]] | None = None) -> list[float]:
    """Column widths in proportion to the columns' relative widths, widened to the hard
    and soft floors given (see ``_floors`` and ``ipdocs.writers.columns``)."""
    hard, soft = floors or ([0.0] * len(columns), [0.0] * len(columns))
    return fit_widths(proportional([c.width for c in columns], total), hard, soft)


def _decimal_pads(node: TableNode, body: Sequence[Sequence[TextBlock]]
                  ) -> dict[tuple[int, int], float]:
    """Extra right padding, by (column, row of ``body``), that lines up the decimal points
    of right-aligned number columns (see ``columns.decimal_tail``)."""
    pads: dict[tuple[int, int], float] = {}
    first = len(node.header)
    for column, spec in enumerate(node.columns):
        if spec.align != "right":
            continue
        tails = {r: body[r][column].piece_width(decimal_tail(body[r][column].plain))
                 for r in range(first, len(body)) if aligns_on_point(body[r][column].plain)}
        widest = max(tails.values(), default=0.0)
        pads.update({(column, r): widest - tail for r, tail in tails.items() if widest > tail})
    return pads


def table(node: TableNode, w: Writer) -> list[Flowable]:
    """A table: caption, shaded header rows repeated on each page, numbers right-aligned."""
    if node.revision == "deleted":  # last year's table, shown deleted in a tracked DOCX
        return []
    node = node.shown()  # rows a tracked-changes DOCX shows deleted are not printed
    out: list[Flowable] = []
    rows: list[list[Any]] = []
    if node.caption:  # a first row spanning the table, repeated with the header
        rows.append([text_block([Piece(node.caption)], "caption", node.lang, w),
                     *[""] * (len(node.columns) - 1)])
    top = len(rows)
    body = _cells(node, w)
    floors = _floors(len(node.columns), body)
    scale = fit_scale(*floors, w.width)
    if scale < 1.0:  # too narrow for its cells: set them smaller
        body = _cells(node, w, scale)
        floors = _floors(len(node.columns), body)
    pads = _decimal_pads(node, body)
    for (column, _), pad in pads.items():
        floors[0][column] = max(floors[0][column], max(
            _needs(row[column])[0] + pad for r, row in enumerate(body) if (column, r) in pads))
    rows += body
    heads = top + len(node.header)
    widths = _widths(node.columns, w.width, floors)
    grid = Table(rows, colWidths=widths, repeatRows=heads, hAlign="CENTER")
    header_ground = header_fill(w.theme)
    rule = HexColor("#" + w.theme.rule)
    grid.setStyle(w.table_style(
        ("BACKGROUND", (0, top), (-1, heads - 1), HexColor("#" + header_ground)),
        ("LINEABOVE", (0, top), (-1, top), 0.8, rule),
        ("LINEBELOW", (0, top), (-1, -1), 0.4, rule),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, rule),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), SHARED_CELL_PADDING[0]),
        ("BOTTOMPADDING", (0, 0), (-1, -1), SHARED_CELL_PADDING[0]),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        *([("SPAN", (0, 0), (-1, 0)), ("LEFTPADDING", (0, 0), (0, 0), 0)] if top else []),
        *(("RIGHTPADDING", (c, top + r), (c, top + r), CELL_PADDING + pad)
          for (c, r), pad in sorted(pads.items())),
        *_kept_rows(heads, len(node.rows)),
    ))
    grid.spaceAfter = after_table(w.theme)
    out.append(grid)
    if node.note:
        out.append(text_block([Piece(node.note, highlight=w.theme.mark(node.note_review, False))],
                              "note", node.lang, w))
    return out


def _kept_rows(heads: int, count: int) -> list[tuple[Any, ...]]:
    """Commands that keep a table's first body rows with its header and its last rows
    together across a page break (see ``ipdocs.writers.tablerows``)."""
    ranges = unbroken(count)
    if ranges:  # the header rows with the first ones
        ranges[0] = (-heads, ranges[0][1])
    return [("NOSPLIT", (0, heads + first), (-1, heads + last)) for first, last in ranges]


KEY_PADDING = SHARED_KEY_PADDING[1]
KEY_VALUE_MIN_SCALE = 0.75
"""A key figure's value shrinks to fit its cell on one line, down to this fraction."""


def _key_value(value: str, lang: str, w: Writer, width: float,
               stale: bool = False) -> TextBlock:
    """A key figure's large value, made smaller (within limits) so as to stay on one line:
    RMB 61.093 billion rather than a number broken from its magnitude."""
    piece = Piece(value, highlight=w.theme.mark(False, stale))
    block = text_block([piece], "key-value", lang, w, "left")
    natural = block.natural_width()
    if natural <= width:
        return block
    scale = max(width / natural * 0.98, KEY_VALUE_MIN_SCALE)
    return text_block([piece], "key-value", lang, w, "left", scale)


def key_figures(node: KeyFigures, w: Writer) -> list[Flowable]:
    """A panel of key figures, three to a row, value large, change coloured."""
    out: list[Flowable] = []
    if node.title:
        title = text_block([Piece(node.title)], "caption", node.lang, w)
        title.keepWithNext = True
        out.append(title)
    per_row = min(KEY_FIGURES_PER_ROW, len(node.items))
    cells: list[list[Any]] = []
    for index, item in enumerate(node.items):
        if index % per_row == 0:
            cells.append([])
        stack = [_key_value(item.value, node.lang, w, w.width / per_row - 2 * KEY_PADDING,
                            item.stale)]
        stack += [text_block([Piece(line)], "key-label", node.lang, w, "left")
                  for line in item.label.splitlines()]
        color = direction_color(w.theme, item.direction)
        stack += [text_block([Piece(line, color=color, highlight=w.theme.mark(False, item.stale))],
                             "key-change", node.lang, w, "left")
                  for line in item.change.splitlines()]
        stack += [text_block([Piece(line)], "key-label", node.lang, w, "left")
                  for line in item.rank.splitlines()]
        cells[-1].append(stack)
    while len(cells[-1]) < per_row:
        cells[-1].append("")
    grid = Table(cells, colWidths=[w.width / per_row] * per_row, hAlign="CENTER")
    fill = HexColor("#" + w.theme.fill)
    grid.setStyle(w.table_style(
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEAFTER", (0, 0), (-2, -1), 2, HexColor("#FFFFFF")),
        ("LINEBELOW", (0, 0), (-1, -2), 2, HexColor("#FFFFFF")),
        ("TOPPADDING", (0, 0), (-1, -1), SHARED_KEY_PADDING[0]),
        ("BOTTOMPADDING", (0, 0), (-1, -1), SHARED_KEY_PADDING[0]),
        ("LEFTPADDING", (0, 0), (-1, -1), KEY_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), KEY_PADDING),
    ))
    grid.spaceAfter = after_panel(w.theme)
    grid.keepWithNext = False
    out.append(grid)
    return out


def chart(node: Chart, w: Writer) -> list[Flowable]:
    """A vector chart under its caption, every character checked like text.

    reportlab.graphics is imported with the first chart (a tenth of the writer's imports).
    """
    if node.revision == "deleted":  # last year's chart, shown deleted in a tracked DOCX
        return []
    from ipdocs.writers.pdf.charts import drawing

    caption = text_block([Piece(node.title)], "caption", node.lang, w)
    caption.keepWithNext = True
    texts = [*node.categories, *(label for s in node.series for label in s.labels)]
    face = w.fonts.whole("".join(texts), w.fonts.face(w.theme.style("table-cell").font))
    for text in texts:
        missing = w.fonts.missing(text, [face])
        if missing:
            w.problems.append(uncovered_message(missing, Where(text)))
    colors = (w.theme.accent, w.theme.fall, w.theme.rule)
    picture = drawing(node, w.width, face, colors)
    picture.hAlign = "CENTER"
    gap = Spacer(1, after_panel(w.theme))
    out: list[Flowable] = [caption, picture, gap]
    if node.source:
        out.append(text_block([Piece(node.source)], "note", node.lang, w))
    return out


def contents(node: Contents, w: Writer) -> list[Flowable]:
    """A title and the table of contents, filled with page numbers on the second pass."""
    title = text_block([Piece(node.title)], "toc-title", node.lang, w)
    return [title, ContentsFlowable(node.depth, w)]


def page_break(node: PageBreakNode, w: Writer) -> list[Flowable]:
    """A page break."""
    return [PageBreak()]


def bilingual_rows(pairs: Sequence[Bilingual], w: Writer) -> list[Flowable]:
    """Bilingual pairs side by side, Chinese left: a pair of headings kept with what follows
    and listed in the outline and contents, a pair of paragraphs split over pages column by
    column."""
    outer = w.width
    gutter = 6 * MM
    w.width, w.in_cell = (outer - gutter) / 2, True
    out: list[Flowable] = []
    for pair in pairs:
        left, right = flowables(pair.left, w), flowables(pair.right, w)
        outlines = [f.outline for f in left + right if getattr(f, "outline", None)]
        if outlines:
            out.append(CondPageBreak(w.theme.style("body").size * 6))
        out.append(SideBySide(left, right, gutter, outlines))
    w.width, w.in_cell = outer, False
    return out


WRITERS: dict[type, Callable[[Any, Writer], list[Flowable]]] = {
    Paragraph: paragraph,
    Heading: heading,
    Cover: cover,
    TableNode: table,
    KeyFigures: key_figures,
    Chart: chart,
    Contents: contents,
    PageBreakNode: page_break,
}


def flowables(blocks: Sequence[Block], w: Writer) -> list[Flowable]:
    """Every block as flowables, bilingual pairs side by side."""
    out: list[Flowable] = []
    for item in grouped(blocks):
        if isinstance(item, list):
            out += bilingual_rows(item, w)
        else:
            out += WRITERS[type(item)](item, w)
    return _chain_headings(out)


def _chain_headings(out: list[Flowable]) -> list[Flowable]:
    """Drop the conditional page break before a heading that follows another heading: a
    run of headings is kept together with the text after it (keepWithNext), and a break
    between them would leave the first alone at the foot of a page."""
    kept: list[Flowable] = []
    for flowable in out:
        if isinstance(flowable, CondPageBreak) and kept and \
                getattr(kept[-1], "keepWithNext", False):
            continue
        kept.append(flowable)
    return kept


def check(w: Writer) -> None:
    """Raise if any character was found that no font covers."""
    if w.problems:
        raise FontError("; ".join(dict.fromkeys(w.problems)))
