"""One small function per node type, turning tree nodes into platypus flowables."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Indenter,
    PageBreak,
    Spacer,
    Table,
)

from ipdocs.base.kept import keep, keep_afresh, recall, trim
from ipdocs.doc import (
    Bilingual,
    Block,
    Cell,
    Chart,
    Column,
    Contents,
    Cover,
    Document,
    Heading,
    ItemList,
    KeyFigures,
    Language,
    NoteRef,
    Paragraph,
    Span,
    spans_of,
)
from ipdocs.doc import PageBreak as PageBreakNode
from ipdocs.doc import Table as TableNode
from ipdocs.themes import LETTERHEAD_LEADING, Style
from ipdocs.writers import Gap
from ipdocs.writers.columns import is_wide
from ipdocs.writers.looks import (
    KEY_FIGURES_PER_ROW,
    LIST_INDENT_EMS,
    direction_color,
    grouped,
    header_fill,
    list_label,
    outline_level,
    span_look,
)
from ipdocs.writers.pdf.adapter import RowsOnce, row_heights_known, set_row_heights
from ipdocs.writers.pdf.fonts import Face, FontError, Where
from ipdocs.writers.pdf.keptlayouts import fit_found, fit_used, kept_fit
from ipdocs.writers.pdf.lists import Hanging
from ipdocs.writers.pdf.setting import (
    Piece,
    Writer,
    cut_setting,
    font_name,
    looks_runs,
    note_uncovered,
    said,
    text_block,
    text_shape,
)
from ipdocs.writers.pdf.sidebyside import SideBySide
from ipdocs.writers.pdf.tagging import Element, Figure, tag
from ipdocs.writers.pdf.text import TextBlock
from ipdocs.writers.pdf.toc import Contents as ContentsFlowable
from ipdocs.writers.spacing import CELL_PADDING as SHARED_CELL_PADDING
from ipdocs.writers.spacing import (
    COVER_AFTER_MM,
    COVER_BEFORE_MM,
    after_panel,
    after_table,
    heading_style,
    line_height,
)
from ipdocs.writers.spacing import KEY_PADDING as SHARED_KEY_PADDING
from ipdocs.writers.tablerows import closing, unbroken
from ipdocs.writers.typeset import (
    TableFit,
    figures_per_row,
    fit_table,
    key_value_scale,
    minus_stand_in,
    title_indents,
    title_measure,
)

MM = 72 / 25.4


def header_block(doc: Document, w: Writer) -> TextBlock:
    """The running header as a text block flush right, set as the text is (its Han–Latin
    gaps, its Latin face), in the document's language."""
    return text_block([Piece(doc.headers[0])], "header", doc.main.code, w, "right")


def letterhead_lines(doc: Document, w: Writer) -> list[TextBlock]:
    """The theme's letterhead's lines, each a text block in its font, size and colour,
    aligned as the letterhead is (none without a letterhead): a line with Han characters
    set as the document's Han language sets them, any other as its first language."""
    head = w.theme.letterhead
    if head is None:
        return []
    han = next((x for x in doc.languages if x.han), doc.main)
    style = Style(head.font, head.size, line=LETTERHEAD_LEADING, align=head.align,
                  color=w.theme.color(head.color))
    out = []
    for line in head.lines:
        language = han if any(is_wide(c) for c in line) else doc.main
        runs, looks = looks_runs([Piece(line)], style, language.code, w)
        out.append(TextBlock(runs, looks, replace(text_shape(style, language, head.align),
                                                  indent=0.0)))
    return out


def masthead(main: Language, w: Writer) -> list[Flowable]:
    """The theme's red masthead above a rule across the type area (none without one), set
    in the document's first language ``main``."""
    head = w.theme.masthead
    if head is None:
        return []
    style = Style(head.font, head.size, line=1.2, align="center", color=head.color)
    runs, looks = looks_runs([Piece(head.text)], style, main.code, w)
    rule = HRFlowable(width="100%", thickness=head.rule, color=HexColor("#" + head.color),
                      spaceBefore=head.after * MM, spaceAfter=head.after * MM)
    block = tag(TextBlock(runs, looks, text_shape(style, main)), w.element("P", main.code))
    return [Spacer(1, head.before * MM), block, rule]


def _inline_pieces(node: Paragraph, w: Writer) -> list[Piece]:
    """The pieces of a paragraph's inlines: strong text bold, emphasis slanted (bold in
    Han text, ``looks.span_look``), links in the link colour."""
    out = []
    language = w.language(node.lang)
    for inline in node.inlines:
        if isinstance(inline, NoteRef):
            out.append(Piece(inline.mark))
        else:
            assert isinstance(inline, Span)
            bold, italic = span_look(inline, language)
            out.append(Piece(inline.text, bold, None,
                             w.theme.mark(inline.review or node.review, inline.stale),
                             inline.keep, italic, inline.link, inline.lang or ""))
    return out


def paragraph(node: Paragraph, w: Writer) -> list[Flowable]:
    """A paragraph (none for one only a tracked DOCX shows, deleted since last year)."""
    if not node.inlines and node.tracked is not None:
        return []
    block = text_block(_inline_pieces(node, w), node.style, node.lang, w)
    return [tag(block, w.element("P", node.lang))]


def item_list(node: ItemList, w: Writer) -> list[Flowable]:
    """A bulleted or numbered list: each item's mark hanging in the list's indent, its
    text set beside it with no first-line indent; tagged L, LI, Lbl and LBody."""
    element = w.element("L", node.lang)
    element.numbering = "Decimal" if node.ordered else "Disc"
    style = w.theme.style(node.style)
    indent = LIST_INDENT_EMS * style.size
    out: list[Flowable] = []
    for number, item in enumerate(node.items, start=1):
        entry = w.element("LI", "", element)
        label = text_block([Piece(list_label(node.ordered, number))], node.style, node.lang,
                           w, "left")
        label.shape = replace(label.shape, indent=0.0)
        body = text_block(_inline_pieces(item, w), node.style, node.lang, w)
        body.shape = replace(body.shape, indent=0.0, before=0.0 if number > 1 else
                             body.shape.before, after=body.shape.after if number ==
                             len(node.items) else 0.0)
        body.spaceBefore, body.spaceAfter = body.shape.before, body.shape.after
        tag(label, w.element("Lbl", "", entry))
        tag(body, w.element("LBody", "", entry))
        out.append(Hanging(label, body, indent))
    return out


def heading(node: Heading, w: Writer) -> list[Flowable]:
    """A heading, kept with what follows, marked for the outline and contents."""
    level = outline_level(node.level)
    lang, pieces = said(node.display, node.lang)
    block = text_block(pieces, heading_style(w.theme, node.level), node.lang, w)
    tag(block, w.element(f"H{level}", lang))
    block.langs_inline = True  # see tagging.piece_marks
    block.outline = (level, node.display, node.lang)
    block.keepWithNext = True
    if w.in_cell:
        return [block]
    return [CondPageBreak(w.theme.style("body").size * 6), block]


def cover(node: Cover, w: Writer) -> list[Flowable]:
    """Title, subtitle and cover lines; a title or subtitle that wraps set in a narrower
    measure, its lines balanced (``_balanced``)."""
    out: list[Flowable] = [Spacer(1, COVER_BEFORE_MM * MM)]
    out += _balanced(_said_block(node.title, "title", node.lang, "H1", w), node.title,
                     "title", w)
    if node.subtitle:
        out += _balanced(_said_block(node.subtitle, "subtitle", node.lang, "P", w),
                         node.subtitle, "subtitle", w)
    out += [_said_block(line, "cover-line", node.lang, "P", w) for line in node.lines]
    out.append(Spacer(1, COVER_AFTER_MM * MM))
    return out


def _balanced(block: TextBlock, text: str, style: str, w: Writer) -> list[Flowable]:
    """``block`` between indents that set it in the measure ``typeset.title_measure``
    gives (the DOCX's the same): a title that wraps in lines about even."""
    left, right = title_indents(w.width - title_measure(str(text), w.width,
                                                        block.piece_width),
                                w.theme.style(style).align)
    return [Indenter(left, right), block, Indenter(-left, -right)] if left or right else \
        [block]


def _said_block(text: str, style: str, lang: str, role: str, w: Writer) -> TextBlock:
    """A text block of ``text`` in ``style``, the content of a new element ``role`` in
    its language, each piece in another language a Span in its own (see ``said``). A
    text wholly in one language is set as that language is, its Latin letters in the
    style's Latin face as the DOCX sets them (the official theme's English subtitle of a
    Chinese cover was set in FandolKai's own Latin letters, the DOCX's in the Latin
    companion, Noto Serif)."""
    element_lang, pieces = said(text, lang)
    style = w.theme.for_script(style, w.language(element_lang).han)  # the text's own
    block = text_block(pieces, style, element_lang, w)
    tag(block, w.element(role, element_lang))
    return block


def _cell(data: Cell, style: str, column: Column, lang: str, w: Writer,
          color: str | None = None, scale: float = 1.0) -> TextBlock:
    """One table cell as a TextBlock aligned like its column."""
    return text_block([_cell_piece(data, w, color)], style, lang, w, column.align, scale)


def _cell_piece(data: Cell, w: Writer, color: str | None) -> Piece:
    """A table cell's text as the piece it is set as."""
    return Piece(data.text, color=color, highlight=w.theme.mark(data.review, data.stale))


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

FITS_KEPT = 1024
"""Table fits remembered (``_fit``) while ``ipdocs watch`` runs (``remember_fits``): a
rebuild of the same report fits again only the tables whose cells changed (Ningbo's
full brief has 17 in Chinese)."""

FITS_KEPT_ALWAYS = 64
"""Table fits any process remembers (the last ones fitted): a report rendered again in
process (a library caller's second render, the Chinese tables of a bilingual PDF after
the Chinese one) fits its tables once. Few, so that a large report's build (50x Ningbo:
850 tables) does not hold the fits of all its tables into the next output's build (with
all of them kept, PDF then DOCX peaked at 314 MB against 270 MB)."""
_FITS: OrderedDict[tuple[Any, ...], tuple[TableFit, tuple[tuple[Any, ...], ...],
                                           dict[Any, list[float]],
                                           tuple[bytes, frozenset[str]] | None,
                                           set[str]]] = OrderedDict()
"""Fits by their key: the fit, its cells' runs, looks, shapes and lines, the heights
its rows were measured at, and what keeping it in the font cache takes (what it is
found by there and the faces its cells were set in: ``keptlayouts.fit_used``), worked
out once."""
_fits_kept = [FITS_KEPT_ALWAYS]
"""How many table fits this process remembers: ``FITS_KEPT_ALWAYS`` until
``remember_fits`` says otherwise."""


def remember_fits(count: int = FITS_KEPT) -> int:
    """Remember up to ``count`` table fits from now on (0: none, the fits remembered
    forgotten; the least recently used go first); the count remembered before.
    ``ipdocs watch`` asks for ``FITS_KEPT`` while it runs, and gives back the count
    before when it ends."""
    before = _fits_kept[0]
    _fits_kept[0] = count
    trim(_FITS, count)
    return before


def forget_fits() -> None:
    """Forget every table fit remembered (for measuring a first render)."""
    _FITS.clear()


def _fit_key(node: TableNode, w: Writer) -> tuple[Any, ...]:
    """Everything a table's fit is made of: its cells' pieces (text, colour, review
    mark: a ``_cell_piece``'s fields, as a tuple, which hashes and compares without
    Python calls), its columns and language, the frame's width and the cells' padding,
    and how the writer sets a header and a body cell: the theme's style for each, with what
    cutting text in it depends on (``cut_setting``: colour, tracking, the faces subset
    to the document's characters, the fallbacks), and the page the tracking of a style
    scaled smaller is worked out from."""
    han = w.language(node.lang).han
    styles = []
    for name in ("table-header", "table-cell"):
        style = w.theme.style(w.theme.for_script(name, han))
        styles.append((name, style, cut_setting(style, node.lang, (style.bold, False), w)))
    theme = w.theme
    mark = theme.mark
    pieces = (tuple(tuple((c.text, None, mark(c.review, c.stale)) for c in row)
                    for row in node.header),
              tuple(tuple((c.text, direction_color(theme, c.direction), mark(c.review, c.stale))
                          for c in row) for row in node.rows))
    return (node.lang, node.columns, w.width,
            CELL_PADDING, theme.page, tuple(styles), pieces)


def _fit(node: TableNode, w: Writer
         ) -> tuple[list[list[Any]], TableFit, dict[Any, list[float]] | None]:
    """The table's header and body cells as TextBlocks at the scale ``typeset.fit_table``
    chooses, measured as they are set (whole cells by the line breaker, pieces in the
    cell's look), and the fit.

    The fit is remembered by everything it is made of (``_fit_key``) when no character
    of the table lacked a face (such a table notes its problem for each document), and
    kept in the font cache for a later process (``keptlayouts``): the
    same table fitted again in this process (a rebuild) is not measured again, and its
    cells are made of the runs, looks and shapes they were set in (each TextBlock new:
    a layout changes it). A remembered fit also holds the heights its table's rows were
    measured at (``_Grid``), by the table's caption; None where the fit is not kept."""
    key = _fit_key(node, w)
    kept = recall(_FITS, key)
    if kept is not None:
        fitted, set_as, heights, found, sources = kept
        fit_used(found, fitted, sources)
        return [[_CellBlock(*cell) for cell in row] for row in set_as], _copy(fitted), heights
    made: dict[float, list[list[TextBlock]]] = {}

    def cells(scale: float) -> list[list[TextBlock]]:
        if scale not in made:
            made[scale] = _cells(node, w, scale)
        return made[scale]

    def measure(row: int, column: int, text: str, scale: float) -> float:
        block = cells(scale)[row][column]
        return block.natural_width() if text == block.plain else block.piece_width(text)

    found = fit_found(key)
    fit = kept_fit(found)
    if fit is None:
        texts = [[c.text for c in row] for row in (*node.header, *node.rows)]
        fit = fit_table(texts, [c.width for c in node.columns],
                        [c.align for c in node.columns], len(node.header), w.width, measure,
                        CELL_PADDING)
    laid = cells(fit.scale)  # a kept fit's cells made (and their problems noted) now
    if w.uncovered or w.gaps:
        return laid, fit, None
    sources = {look.face.source for row in laid for cell in row for look in cell.looks}
    fit_used(found, fit, sources)
    if not _fits_kept[0]:
        return laid, fit, None
    measured: dict[Any, list[float]] = {}
    keep(_FITS, key, (_copy(fit), tuple(tuple((tuple(c.runs), tuple(c.looks), c.shape, {})
                                              for c in row) for row in laid),
                      measured, found, sources), _fits_kept[0])
    return laid, fit, measured


class _CellBlock(TextBlock):
    """A remembered table's cell made again of the runs, looks and shape it was set in,
    and the lines its text was broken into for each width it was set at (``laid``,
    shared by every cell made of the same remembered fit): wrapped at such a width (as
    the table sets it again), it takes them without breaking the text again. Lines
    with a word broken where no rule allows are not kept (broken again, each render
    warns of them)."""

    def __init__(self, runs: Sequence[Any], looks: Sequence[Any], shape: Any,
                 laid: dict[float, list[Any]]) -> None:
        super().__init__(runs, looks, shape)
        self.laid = laid

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The lines kept for ``availWidth``, else the text broken (and its lines kept)."""
        if self.lines is None:
            lines = self.laid.get(availWidth)
            if lines is not None:
                self.laid_out(lines, availWidth)
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        lines = self.lines
        if self._width == availWidth and lines is not None and availWidth not in self.laid \
                and not any(unit.forced for line in lines for unit in line.units):
            self.laid[availWidth] = lines
        return size


HEIGHTS_KEPT = 4
"""Captions a remembered fit keeps its table's row heights for."""


class _Grid(RowsOnce):
    """A table of a remembered fit: the heights its rows are measured at, for the
    caption it has (``measured``: the fit's heights by caption, and its caption's key),
    are kept with the fit, and the same table made again takes them (``set_row_heights``)
    without its cells measured again. Only heights the table measured itself are kept
    (not those a side-by-side pair fixed, ``sidebyside.face_rows``), and only all of
    them (a table too long for its page stops measuring at the page's end)."""

    measured: tuple[dict[Any, list[float]], Any] | None = None

    def _calc_height(self, availHeight: float, availWidth: float, H: Any = None,
                     W: Any = None) -> None:
        """reportlab's measure of the rows, its heights kept when it measured them all."""
        measuring = self.measured is not None and None in self._argH
        super()._calc_height(availHeight, availWidth, H, W)
        heights = row_heights_known(self)
        if measuring and heights is not None and self.measured is not None:
            kept, caption = self.measured
            keep_afresh(kept, caption, heights, HEIGHTS_KEPT)


def _grid(rows: list[list[Any]], widths: list[float], heads: int, top: int,
          heights: dict[Any, list[float]] | None) -> Table:
    """The table of ``rows``: a ``_Grid`` at the heights kept for its caption where its
    fit is remembered, else reportlab's own."""
    if heights is None:
        return RowsOnce(rows, colWidths=widths, repeatRows=heads, hAlign="CENTER")
    grid = _Grid(rows, colWidths=widths, repeatRows=heads, hAlign="CENTER")
    caption = (tuple(rows[0][0].runs), tuple(rows[0][0].looks), rows[0][0].shape) \
        if top else None
    grid.measured = (heights, caption)
    known = heights.get(caption)
    if known is not None and len(known) == len(rows):
        set_row_heights(grid, known)
    return grid


def _copy(fit: TableFit) -> TableFit:
    """A fit of its own (its widths and pads are lists and mappings a table may change)."""
    return TableFit(list(fit.widths), fit.scale, dict(fit.pads))


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
    body, fit, heights = _fit(node, w)
    rows += body
    heads = top + len(node.header)
    _tag_table(node, rows, top, w)
    grid = _grid(rows, fit.widths, heads, top, heights)
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
          for (c, r), pad in sorted(fit.pads.items())),
        *_kept_rows(heads, len(node.rows)),
    ))
    grid.spaceAfter = after_table(w.theme)
    out.append(grid)
    if node.note:
        out.append(tag(text_block([Piece(node.note,
                                         highlight=w.theme.mark(node.note_review, False))],
                                  "note", node.lang, w),
                       w.element("P", node.lang)))
    return out


def _tag_table(node: TableNode, rows: Sequence[Sequence[Any]], top: int, w: Writer) -> None:
    """The structure of a table: its caption, its header rows (cells that head their
    column) and its body rows (a first column of labels heads its row)."""
    table_ = w.element("Table", node.lang)
    if top:
        tag(rows[0][0], w.element("Caption", node.lang, table_))
    heads = top + len(node.header)
    row_heads = len(node.columns) > 1 and node.columns[0].align == "left"
    head = w.element("THead", parent=table_) if node.header else None
    body = w.element("TBody", parent=table_)
    for index, row in enumerate(rows[top:], start=top):
        in_head = index < heads
        parent = w.element("TR", parent=head if in_head and head else body)
        for column, cell in enumerate(row):
            if in_head:
                tag(cell, w.element("TH", parent=parent, scope="Column"))
            elif column == 0 and row_heads:
                tag(cell, w.element("TH", node.columns[0].lang, parent, scope="Row"))
            else:
                tag(cell, w.element("TD", node.columns[column].lang, parent))


def _kept_rows(heads: int, count: int) -> list[tuple[Any, ...]]:
    """Commands that keep a table's first body rows with its header and its last rows
    together across a page break (see ``ipdocs.writers.tablerows``)."""
    ranges = unbroken(count)
    if ranges:  # the header rows with the first ones
        ranges[0] = (-heads, ranges[0][1])
    return [("NOSPLIT", (0, heads + first), (-1, heads + last)) for first, last in ranges]


KEY_PADDING = SHARED_KEY_PADDING[1]


def _key_value(value: str, lang: str, w: Writer, width: float,
               stale: bool = False) -> TextBlock:
    """A key figure's large value, made smaller (within limits) so as to stay on one line:
    RMB 61.093 billion rather than a number broken from its magnitude."""
    piece = Piece(value, highlight=w.theme.mark(False, stale))
    block = text_block([piece], "key-value", lang, w, "left")
    scale = key_value_scale(block.natural_width(), width)
    return block if scale == 1.0 else text_block([piece], "key-value", lang, w, "left", scale)


def _own(style: str, lang: str, w: Writer) -> str:
    """The style a key figure's line in ``lang`` takes (``Theme.for_script``): in a
    bilingual panel, the English lines' where the theme sets them otherwise, as the
    DOCX's."""
    return w.theme.for_script(style, w.language(lang).han)


def key_figures(node: KeyFigures, w: Writer) -> list[Flowable]:
    """A panel of key figures, three to a row, value large, change coloured."""
    out: list[Flowable] = []
    if node.title:
        title = _said_block(node.title, "caption", node.lang, "P", w)
        title.keepWithNext = True
        out.append(title)
    items = w.element("L", node.lang)
    naturals = [text_block([Piece(item.value)], "key-value", node.lang, w).natural_width()
                for item in node.items]
    per_row = figures_per_row(naturals, w.width, KEY_PADDING, KEY_FIGURES_PER_ROW)
    cells: list[list[Any]] = []
    for index, item in enumerate(node.items):
        if index % per_row == 0:
            cells.append([])
        stack = [_key_value(item.value, node.lang, w, w.width / per_row - 2 * KEY_PADDING,
                            item.stale)]
        label, change, rank = item.lines(node.lang)
        stack += [text_block([Piece(line)], _own("key-label", lang, w), node.lang, w, "left")
                  for line, lang in label]
        color = direction_color(w.theme, item.direction)
        stack += [text_block([Piece(line, color=color, highlight=w.theme.mark(False, item.stale))],
                             _own("key-change", lang, w), node.lang, w, "left")
                  for line, lang in change]
        stack += [text_block([Piece(line)], _own("key-label", lang, w), node.lang, w, "left")
                  for line, lang in rank]
        _tag_key_figure(stack, item.lines(node.lang), node.lang, items, w)
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


def _tag_key_figure(stack: Sequence[TextBlock], lines: tuple[list[tuple[str, str]], ...],
                    lang: str, items: Element, w: Writer) -> None:
    """A key figure as an item of a list: its label (the lines after the value) as the
    item's label, read first, and its value, change and rank as the item's body; a line in
    another language than the panel's (a bilingual panel's English) a span in its own."""
    item = w.element("LI", parent=items)
    label, body = w.element("Lbl", parent=item), w.element("LBody", parent=item)
    langs = [lang, *(line_lang for part in lines for _, line_lang in part)]
    mixed = len(set(langs)) > 1  # each line a span in its language, in order
    for index, (block, line_lang) in enumerate(zip(stack, langs, strict=True)):
        parent = label if 1 <= index <= len(lines[0]) else body
        tag(block, w.element("Span", line_lang, parent) if mixed else parent)


def chart(node: Chart, w: Writer) -> list[Flowable]:
    """A vector chart under its caption, every character checked like text.

    reportlab.graphics is imported with the first chart (a tenth of the writer's imports).
    """
    if node.revision == "deleted":  # last year's chart, shown deleted in a tracked DOCX
        return []
    from ipdocs.writers.pdf.charts import drawing

    caption = _said_block(node.title, "caption", node.lang, "P", w)
    caption.keepWithNext = True
    role = w.theme.style("table-cell").font
    node = _in_face(node, w.fonts.face(role))
    texts = [*node.categories, *(label for s in node.series for label in s.labels)]
    face = w.fonts.whole("".join(texts), w.fonts.face(role))
    for text in texts:  # a chart sets each label in one face: no fallback within a label
        missing = sorted({c for c in text if not c.isspace() and ord(c) not in face.covers})
        if missing:
            note_uncovered(w, missing, f"as a chart's label, set whole in one face: not "
                                       f"in {font_name(w.theme, role)} nor in any one of "
                                       "its fallbacks with the label's other characters",
                           text, (role, False, True))
    colors = (w.theme.accent, w.theme.fall, w.theme.rule)
    picture = drawing(node, w.width, face, colors)
    picture.hAlign = "CENTER"
    gap = Spacer(1, after_panel(w.theme))
    alts = chart_alts(node)
    figure = Figure(picture, w.element("Figure", alts[0][1], alt=alts[0][0]),
                    [w.element("Figure", lang, alt=alt) for alt, lang in alts[1:]])
    out: list[Flowable] = [caption, figure, gap]
    if node.source:
        out.append(tag(text_block([Piece(node.source)], "note", node.lang, w),
                       w.element("P", node.lang)))
    return out


def _in_face(node: Chart, face: Face) -> Chart:
    """A chart whose labels the theme's face sets whole: a minus sign it lacks set as its
    hyphen-minus (``typeset.minus_stand_in``), so that every chart of a theme is in the
    theme's face, not one of them in a fallback for its declines."""
    def covered(char: str) -> bool:
        return ord(char) in face.covers

    series = tuple(replace(s, labels=tuple(minus_stand_in(label, covered)
                                           for label in s.labels)) for s in node.series)
    return replace(node, series=series,
                   categories=tuple(minus_stand_in(c, covered) for c in node.categories))


def chart_alts(node: Chart) -> list[tuple[str, str]]:
    """A chart's alternative texts, each with its language (a code): one, or one a
    language for a chart of a bilingual document (its description is a ``Mixed`` text).
    A PDF's /Alt is one text in its element's language: each is the /Alt of a Figure
    of its own, read one after the other as the document's paragraphs are."""
    text = chart_alt(node)
    parts = [(span.text, span.lang or node.lang) for span in spans_of(text)
             if span.text.strip()]
    return parts if len(parts) > 1 else [(text, node.lang)]


def chart_alt(node: Chart) -> str:
    """A chart's alternative text: the one the document tree gives it, else its title
    and each category with its value's label."""
    if node.alt:
        return node.alt
    pairs = zip(node.categories, node.series[0].labels, strict=False) if node.series else ()
    return "; ".join([node.title, *(f"{c} {v}" for c, v in pairs)])


def contents(node: Contents, w: Writer) -> list[Flowable]:
    """A title and the table of contents, filled with page numbers on the second pass."""
    title = _said_block(node.title, "toc-title", node.lang, "P", w)
    return [title, tag(ContentsFlowable(node.depth, w), w.element("TOC", node.lang))]


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
    ItemList: item_list,
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
    items = list(grouped(blocks))
    kept_until = -1  # the last item a table's last rows are kept with
    for index, item in enumerate(items):
        start = len(out)
        if isinstance(item, list):
            out += bilingual_rows(item, w)
        else:
            made = WRITERS[type(item)](item, w)
            if made and _answers_heading(items, index) and _short(made[-1], w):
                made[-1].keepWithNext = True
            out += made
            kept = closing(items[index + 1:]) if isinstance(item, TableNode) else 0
            if kept and not w.in_cell:
                kept_until = max(kept_until, index + kept)
        if index < kept_until:  # a table or text its last rows are kept with, not the last
            _keep_on(out[start:])
        elif index == kept_until:
            _keep_on(out[start:-1])
    if w.theme.page.lines_per_page and not w.in_cell:
        out = _back_to_grid(out, line_height(w.theme.style("body")))
    return _chain_headings(out)


def _keep_on(made: Sequence[Flowable]) -> None:
    """Keep each of ``made`` with what follows it (a table's last rows with the short
    text that closes the document: ``ipdocs.writers.tablerows.closing``). The page break
    a heading there would have had (dropped by ``_chain_headings``) still parted the
    space after what came before from the heading's space before: the heading takes both,
    so the kept text sits where it would have stood."""
    for flowable in made:
        if not isinstance(flowable, CondPageBreak):
            flowable.keepWithNext = flowable.closing = True


SHORT_LINES = 3
"""The most lines of a first language's text kept with the second's under headings
stacked in both (``_answers_heading``): a longer one may end a page alone."""


def _short(flowable: Flowable, w: Writer) -> bool:
    """Whether ``flowable`` is text of at most ``SHORT_LINES`` lines across the page."""
    if not isinstance(flowable, TextBlock):
        return False
    flowable.wrap(w.width, 1e9)
    return len(flowable.lines or ()) <= SHORT_LINES


def _answers_heading(items: Sequence[Any], index: int) -> bool:
    """Whether block ``index`` is the first language's text under headings stacked in two
    languages (资料来源 / Sources) with the second's text right after it: kept with that
    text when short (``_short``), so that each heading keeps its content (the English
    source line was left alone on the next page)."""
    heads: list[Any] = []
    at = index - 1
    while at >= 0 and isinstance(items[at], Heading):
        heads.insert(0, items[at])
        at -= 1
    after = items[index + 1] if index + 1 < len(items) else None
    langs = [getattr(head, "lang", None) for head in heads]
    return len(set(langs)) >= 2 and getattr(items[index], "lang", None) == langs[0] and \
        after is not None and not isinstance(after, (Heading, list)) and \
        getattr(after, "lang", None) == langs[-1]


class GridGap(Flowable):  # type: ignore[misc]
    """Space down to the next line of the page's line grid (the type area's top plus a
    whole number of ``pitch``): after a table or a chart, the text goes on on the grid."""

    def __init__(self, pitch: float) -> None:
        super().__init__()
        self.pitch = pitch

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """As much height as brings the next flowable to a grid line (none at the top)."""
        frame = getattr(self, "_frame", None)
        gap = 0.0
        if frame is not None:
            used = frame._y2 - frame._topPadding - frame._y
            gap = -used % self.pitch
            if gap < 0.01 or self.pitch - gap < 0.01:
                gap = 0.0
        self.width, self.height = availWidth, min(gap, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        """Nothing to draw."""


def _back_to_grid(out: list[Flowable], pitch: float) -> list[Flowable]:
    """A GridGap before the first text set on the grid (in lines ``pitch`` apart) after
    a table, a chart (a paragraph's, or a list item's) or text on a finer grid
    (``_finer``)."""
    from reportlab.graphics.shapes import Drawing

    placed: list[Flowable] = []
    off = False
    for flowable in out:
        text = flowable.body if isinstance(flowable, Hanging) else flowable  # a list item
        if isinstance(flowable, (Table, Drawing)) or \
                (isinstance(text, TextBlock) and _finer(text.shape.leading, pitch)):
            off = True
        elif off and isinstance(text, TextBlock) and \
                abs(text.shape.leading - pitch) < 0.01 and not flowable.spaceBefore:
            gap = GridGap(pitch)
            gap.keepWithNext = bool(placed and getattr(placed[-1], "closing", False))
            placed.append(gap)
            off = False
        placed.append(flowable)
    return placed


def _finer(leading: float, pitch: float) -> bool:
    """Whether lines ``leading`` apart are on a finer grid than the body's (a fraction of
    its ``pitch``: a grid theme's Latin text, ``Theme.scaled``), which an odd number of
    them leaves between two of its lines."""
    lines = round(pitch / leading)
    return lines >= 2 and abs(pitch / lines - leading) < 0.01


def _chain_headings(out: list[Flowable]) -> list[Flowable]:
    """Drop the conditional page break before a heading that follows another heading: a
    run of headings is kept together with the text after it (keepWithNext), and a break
    between them would leave the first alone at the foot of a page."""
    kept: list[Flowable] = []
    carried = 0.0
    for flowable in out:
        if isinstance(flowable, CondPageBreak) and kept and \
                getattr(kept[-1], "keepWithNext", False):
            if getattr(kept[-1], "closing", False):  # see _keep_on
                carried = float(kept[-1].getSpaceAfter())
            continue
        if carried:
            flowable.spaceBefore = float(flowable.getSpaceBefore()) + carried
            carried = 0.0
        kept.append(flowable)
    return kept


MAX_LISTED = 8
"""Characters a message lists, at most (the rest are counted)."""


def uncovered_problems(w: Writer) -> list[str]:
    """One short message a font: the characters it and the fallbacks lack, where the
    first stands, and how many texts hold any."""
    out = []
    for font, chars in w.uncovered.items():
        listed = ", ".join(f"U+{ord(c):04X} {c!r}" for c in sorted(chars)[:MAX_LISTED])
        more = len(chars) - MAX_LISTED
        texts = list(dict.fromkeys(t for holders in chars.values() for t in holders))
        others = f" and {len(texts) - 1} other text{'s' * (len(texts) > 2)}" \
            if len(texts) > 1 else ""
        out.append(f"no font has {listed}{f' and {more} more' if more > 0 else ''} "
                   f"{Where(texts[0])}{others}: {font}")
    return out


def check(w: Writer) -> None:
    """Raise if any character was found that no font covers: one message a font."""
    problems = [*w.problems, *uncovered_problems(w)]
    if problems:
        raise FontError("; ".join(dict.fromkeys(problems)), gaps(w))


def gaps(w: Writer) -> list[Gap]:
    """The characters no face could set, by font role (``Gap``)."""
    return [Gap(role, bold, tuple(sorted(chars)),
                tuple(dict.fromkeys(t for holders in chars.values() for t in holders)), chart)
            for (role, bold, chart), chars in w.gaps.items()]
