"""One small function per node type, dispatched through a table."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor, Twips
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from ipdocs.bundled import BUNDLED
from ipdocs.doc import (
    Bilingual,
    Block,
    Cell,
    Chart,
    Column,
    Contents,
    Cover,
    Heading,
    KeyFigures,
    NoteRef,
    PageBreak,
    Paragraph,
    Table,
)
from ipdocs.themes import Theme
from ipdocs.writers.columns import (
    fit_scale,
    fit_widths,
    is_short,
    is_wide,
    proportional,
    widest_piece,
)
from ipdocs.writers.docx.charts import add_chart_part, place_chart
from ipdocs.writers.docx.revisions import Revisions, comment, track, written
from ipdocs.writers.docx.styles import ALIGN, WORD_STYLES
from ipdocs.writers.docx.xml import child, field_runs, set_fonts, set_lang
from ipdocs.writers.tablerows import kept_with_next

Container = DocxDocument | _Cell
KEY_FIGURES_PER_ROW = 3
TWIPS_PER_MM = 56.7


@dataclass
class Writer:
    """What block functions share: the theme, the headings for contents, the width."""

    theme: Theme
    headings: Sequence[Heading] = ()
    width_mm: float = 0
    fresh: dict[int, DocxParagraph] = field(default_factory=dict)
    document: DocxDocument | None = None
    charts: int = 0
    style_ids: dict[str, str] = field(default_factory=dict)
    run_looks: dict[tuple[Any, ...], BaseOxmlElement] = field(default_factory=dict)
    """Run properties already made, by style, language and look: copied for each run."""
    cell_looks: dict[tuple[str, str], BaseOxmlElement] = field(default_factory=dict)
    """Paragraph properties of table cells already made, by style and alignment."""
    revisions: Revisions = field(
        default_factory=lambda: Revisions(dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
    """Tracked changes of the document (see ``revisions``)."""


def _paragraph(container: Container, style: str, w: Writer) -> DocxParagraph:
    """A new paragraph in ``container`` with the Word style of the theme style ``style``."""
    empty = w.fresh.pop(id(container), None)
    paragraph = empty if empty is not None else container.add_paragraph()
    set_style(paragraph, WORD_STYLES.get(style, "Body Text"), w)
    return paragraph


def set_style(paragraph: DocxParagraph, name: str, w: Writer) -> None:
    """Give a paragraph the Word style ``name`` (by id, looked up once per document)."""
    if name not in w.style_ids:
        assert w.document is not None
        w.style_ids[name] = w.document.styles[name].style_id
    ppr = paragraph._p.get_or_add_pPr()
    ppr.get_or_add_pStyle().val = w.style_ids[name]


ENGLISH_PHRASE = re.compile(r"[A-Za-z][A-Za-z’'\-]*(?:[ ,.;:()]+[A-Za-z][A-Za-z’'\-]*)+"
                            r"|[A-Za-z]{4,}[A-Za-z’'\-]*")
"""English words inside Chinese text (bilingual labels): marked en-US so readers break
lines between words, not inside them. Short acronyms (PCT, APP) stay with the Chinese."""


NUMBER = re.compile(r"[+\-\u2212]?\d+(?:[.,]\d+)*%?")
"""A number inside Chinese text (683, 22.93, +11.4%): a run of its own, without the East
Asian hint and with Western language rules, so that readers set it in the Latin face and
never break a line inside it (LibreOffice breaks between digits under Chinese rules)."""

_INSIDE_CHINESE = re.compile(f"(?P<en>{ENGLISH_PHRASE.pattern})|(?P<num>{NUMBER.pattern})")


def _run(paragraph: DocxParagraph, text: str, lang: str, w: Writer, style: str,
         **look: Any) -> None:
    """Runs for ``text``: in Chinese text, English phrases get English runs of their own
    and numbers Chinese runs of their own (see NUMBER)."""
    if lang != "zh":
        _one_run(paragraph, text, lang, w, style, **look)
        return
    position = 0
    for match in _INSIDE_CHINESE.finditer(text):
        if match.start() > position:
            _one_run(paragraph, text[position:match.start()], "zh", w, style, **look)
        _one_run(paragraph, match.group(0), "en" if match.group("en") else "zh-number", w,
                 style, **look)
        position = match.end()
    if position < len(text) or not text:
        _one_run(paragraph, text[position:], "zh", w, style, **look)


def _one_run(paragraph: DocxParagraph, text: str, lang: str, w: Writer, style: str,
             **look: Any) -> None:
    """A run with its East Asian font and language set, and optional emphasis and colour.

    The run properties of each style, language and look are made once, through
    python-docx (which keeps their children in schema order), and copied for every
    further run: a report has a thousand runs and a handful of looks.
    """
    key = (style, lang, *sorted(look.items()))
    proto = w.run_looks.get(key)
    if proto is None or any(c in text for c in "\t\n\r"):
        run = paragraph.add_run(text)
        _dress(run, lang, w, style, **look)
        w.run_looks[key] = run._r.get_or_add_rPr()
        return
    r = OxmlElement("w:r")
    r.append(copy.deepcopy(proto))
    if text:
        t = OxmlElement("w:t")
        t.text = text
        if text != text.strip():
            t.set(qn("xml:space"), "preserve")
        r.append(t)
    paragraph._p.append(r)


AFTER_SHADING = ("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                 "w:eastAsianLayout", "w:specVanish", "w:oMath")
"""What follows ``w:shd`` in a run's properties, in the schema's order (ECMA-376 CT_RPr)."""


def ground(rpr: BaseOxmlElement, color: str) -> None:
    """Shade a run's ground in ``color`` (``w:shd``, in its place in the schema's order)."""
    shading = OxmlElement("w:shd")
    for name, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", color)):
        shading.set(qn(name), value)
    rpr.insert_element_before(shading, *AFTER_SHADING)


def _dress(run: Run, lang: str, w: Writer, style: str, **look: Any) -> None:
    """Set a run's fonts, language, emphasis and colour."""
    font = w.theme.font(w.theme.style(style))
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr, font.latin, font.east_asian, hint=lang == "zh")
    set_lang(rpr, "en" if lang == "zh-number" else lang)
    if look.get("bold"):
        run.bold = True
    if look.get("superscript"):
        run.font.superscript = True
    if look.get("highlight"):  # a ground of any colour (a highlight has sixteen)
        ground(run._r.get_or_add_rPr(), look["highlight"])
    if look.get("color"):
        run.font.color.rgb = RGBColor.from_string(look["color"])
    if look.get("size"):
        run.font.size = Pt(look["size"])


def _indent(paragraph: DocxParagraph, lang: str, w: Writer, style: str) -> None:
    """Chinese body text: a first-line indent of two characters (firstLineChars)."""
    spec = w.theme.style(style)
    if lang == "zh" and spec.indent_zh:
        ppr = paragraph._p.get_or_add_pPr()
        twips = int(spec.indent_zh * spec.size * 20)
        child(ppr, "w:ind", w_firstLine=str(twips), w_firstLineChars=str(int(spec.indent_zh * 100)))


def write_paragraph(node: Paragraph, container: Container, w: Writer) -> None:
    """A paragraph: emphasis bold, review marks highlighted, note marks superscript; a
    changed figure a tracked revision, a reviewer's note a comment."""
    paragraph = _paragraph(container, node.style, w)
    _indent(paragraph, node.lang, w, node.style)
    every: list[BaseOxmlElement] = []
    for inline in node.inlines:
        if isinstance(inline, NoteRef):
            _run(paragraph, inline.mark, node.lang, w, node.style, superscript=True)
            continue
        look = {"bold": inline.emphasis,
                "highlight": w.theme.mark(inline.review or node.review, inline.stale)}
        runs = written(paragraph, partial(_run, paragraph, _kept(inline.text, inline.keep),
                                          node.lang, w, node.style, **look))
        every += runs
        comment(w.document, paragraph, runs, inline.comment)
        if inline.previous is not None:
            track(paragraph, runs, partial(_run, paragraph, inline.previous, node.lang, w,
                                           node.style, bold=inline.emphasis), w.revisions)
    comment(w.document, paragraph, every, node.comment)


def _kept(text: str, keep: bool) -> str:
    """A span's text, with its spaces non-breaking where it must stay on one line."""
    return unbreakable(text) if keep else text


def unbreakable(text: str) -> str:
    """The text with its spaces made non-breaking, so a reader keeps it on one line."""
    return text.replace(" ", "\u00a0")


def write_heading(node: Heading, container: Container, w: Writer) -> None:
    """A heading in Word's built-in Heading N style, so navigation and TOC work."""
    style = f"heading-{min(node.level, 3)}"
    paragraph = _paragraph(container, style, w)
    _indent(paragraph, node.lang, w, style)
    _run(paragraph, node.display, node.lang, w, style)


def write_cover(node: Cover, container: Container, w: Writer) -> None:
    """Title, subtitle and cover lines."""
    _run(_paragraph(container, "title", w), node.title, node.lang, w, "title")
    if node.subtitle:
        _run(_paragraph(container, "subtitle", w), node.subtitle, node.lang, w, "subtitle")
    for line in node.lines:
        _run(_paragraph(container, "cover-line", w), line, node.lang, w, "cover-line")


def _shade(cell: _Cell, fill: str) -> None:
    """Fill a cell's background."""
    tcpr = cell._tc.get_or_add_tcPr()
    child(tcpr, "w:shd", w_val="clear", w_color="auto", w_fill=fill)


def _borders(table: DocxTable, color: str, inside: bool) -> None:
    """Rules above and below the table, and between rows if ``inside``."""
    tblpr = table._tbl.tblPr
    borders = child(tblpr, "w:tblBorders")
    edges = ("top", "bottom", "insideH") if inside else ()
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        kind = "single" if edge in edges else "nil"
        child(borders, f"w:{edge}", w_val=kind, w_sz="6" if edge != "insideH" else "4",
              w_space="0", w_color=color)


def grid(table: DocxTable) -> list[list[_Cell]]:
    """The table's cells by row, computed once (python-docx recomputes them per lookup)."""
    columns = len(table.columns)
    flat = table._cells
    return [flat[i:i + columns] for i in range(0, len(flat), columns)]


CELL_MARGINS_MM = 2 * 1.9 + 0.8
"""Word's default left and right cell margins (108 twips each), and a little air."""

PT_PER_MM = 72 / 25.4


def _estimated_mm(text: str, size: float) -> float:
    """The width of ``text`` at ``size`` points, estimated (the DOCX writer has no font
    metrics, and the reader may substitute fonts): an em for a full-width character,
    about half an em for a lower-case letter, two thirds for capitals and digits."""
    ems = sum(1.0 if is_wide(c)
              else 0.55 if c.islower() else 0.68 if c.isalnum() else 0.4 for c in text)
    return ems * size / PT_PER_MM


def _floors(texts: Sequence[Sequence[tuple[str, float]]], count: int
            ) -> tuple[list[float], list[float]]:
    """Each column's hard floor (its short cells on one line) and soft floor (the longest
    word of its long cells), in mm; see ``ipdocs.writers.columns``."""
    hard, soft = [0.0] * count, [0.0] * count
    for row in texts:
        for i, (text, size) in enumerate(row):
            if is_short(text):
                hard[i] = max(hard[i], _estimated_mm(text, size) + CELL_MARGINS_MM)
            elif piece := widest_piece(text):
                soft[i] = max(soft[i], _estimated_mm(piece, size) + CELL_MARGINS_MM)
    return hard, soft


def _widths(cells: list[list[_Cell]], table: DocxTable, columns: Sequence[Column],
            total_mm: float, floors: tuple[list[float], list[float]] | None = None) -> None:
    """Column widths in proportion to the columns' relative widths, widened to the hard
    and soft floors given (see ``_floors``); set on the grid and on every cell, the table
    laid out fixed."""
    hard, soft = floors or ([0.0] * len(columns), [0.0] * len(columns))
    widths = fit_widths(proportional([c.width for c in columns], total_mm), hard, soft)
    table.autofit = False
    for index, width_mm in enumerate(widths):
        twips = int(width_mm * TWIPS_PER_MM)
        table.columns[index].width = Twips(twips)
        for row in cells:
            tcpr = row[index]._tc.get_or_add_tcPr()
            child(tcpr, "w:tcW", w_w=str(twips), w_type="dxa")


def _repeat_header(table: DocxTable, rows: int, keep: int = 0) -> None:
    """Mark the first ``rows`` rows as header rows, repeated on every page; keep the first
    ``max(rows, keep)`` rows from splitting across pages."""
    for index, tr in enumerate(table._tbl.tr_lst[:max(rows, keep)]):
        trpr = tr.get_or_add_trPr()
        if index < rows:
            child(trpr, "w:tblHeader", w_val="true")
        child(trpr, "w:cantSplit", w_val="true")


def _keep_rows(table: DocxTable, heads: int, count: int) -> None:
    """Keep the header rows with the first body rows and the last rows together across a
    page break (see ``ipdocs.writers.tablerows``): Word keeps a row on the page of the
    next where its paragraphs are kept with the next. No row splits across pages."""
    rows = table._tbl.tr_lst
    for tr in rows:
        child(tr.get_or_add_trPr(), "w:cantSplit", w_val="true")
    for index, keep in enumerate([True] * heads + kept_with_next(count)):
        if keep:
            for p in rows[index].iter(qn("w:p")):
                p.get_or_add_pPr().get_or_add_keepNext()


def _cell_text(cell: _Cell, data: Cell, lang: str, style: str, align: str, w: Writer,
               color: str | None = None, scale: float = 1.0) -> None:
    """Write one cell's text in ``style`` (its size times ``scale``), aligned, coloured by
    direction if asked."""
    paragraph = cell.paragraphs[0]
    _cell_look(paragraph, style, align, w)
    size = round(w.theme.style(style).size * scale * 2) / 2 if scale != 1.0 else None
    runs = written(paragraph, partial(_run, paragraph, data.text, lang, w, style, color=color,
                                      size=size, highlight=w.theme.mark(data.review, data.stale)))
    comment(w.document, paragraph, runs, data.comment)
    if data.previous is not None:
        track(paragraph, runs, partial(_run, paragraph, data.previous, lang, w, style,
                                       size=size), w.revisions)


def _cell_look(paragraph: DocxParagraph, style: str, align: str, w: Writer) -> None:
    """A cell paragraph's style and alignment: set through python-docx the first time a
    look occurs, copied into every further cell (a report's tables have a thousand cells
    and a handful of looks; python-docx finds each property's place anew every time)."""
    p = paragraph._p
    proto = w.cell_looks.get((style, align))
    if proto is not None and p.pPr is None:
        p.insert(0, copy.deepcopy(proto))
        return
    fresh = p.pPr is None
    set_style(paragraph, WORD_STYLES[style], w)
    paragraph.alignment = ALIGN[align]
    if fresh:
        w.cell_looks[(style, align)] = copy.deepcopy(p.get_or_add_pPr())


def _direction_color(cell: Cell, w: Writer) -> str | None:
    """The theme's rise or fall colour for a change cell."""
    if cell.direction == "up":
        return w.theme.rise
    if cell.direction == "down":
        return w.theme.fall
    return None


def write_table(node: Table, container: Container, w: Writer) -> None:
    """A table: caption, shaded header rows repeated on each page, numbers right-aligned."""
    if node.caption:
        _run(_paragraph(container, "caption", w), node.caption, node.lang, w, "caption")
    count = len(node.header) + len(node.rows)
    table = container.add_table(rows=count, cols=len(node.columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table, w.theme.rule, inside=True)
    cells = grid(table)
    texts = [[(c.text, w.theme.style(style).size) for c in row]
             for rows, style in ((node.header, "table-header"), (node.rows, "table-cell"))
             for row in rows]
    floors = _floors(texts, len(node.columns))
    scale = fit_scale(*floors, w.width_mm)
    if scale < 1.0:  # too narrow for its cells (a column of a side-by-side page): smaller
        floors = _floors([[(text, size * scale) for text, size in row] for row in texts],
                         len(node.columns))
    _widths(cells, table, node.columns, w.width_mm, floors)
    _repeat_header(table, len(node.header))
    for r, row in enumerate(node.header):
        for c, data in enumerate(row):
            cell = cells[r][c]
            _shade(cell, w.theme.accent if w.theme.fill != "FFFFFF" else "FFFFFF")
            _cell_text(cell, data, node.lang, "table-header", node.columns[c].align, w,
                       scale=scale)
    for r, row in enumerate(node.rows, start=len(node.header)):
        for c, data in enumerate(row):
            _cell_text(cells[r][c], data, node.lang, "table-cell", node.columns[c].align,
                       w, _direction_color(data, w), scale)
    _keep_rows(table, len(node.header), len(node.rows))
    if node.note:
        _run(_paragraph(container, "note", w), node.note, node.lang, w, "note")


def write_key_figures(node: KeyFigures, container: Container, w: Writer) -> None:
    """A panel of key figures, three to a row, value large, change coloured."""
    if node.title:
        _run(_paragraph(container, "caption", w), node.title, node.lang, w, "caption")
    per_row = min(KEY_FIGURES_PER_ROW, len(node.items))
    rows = -(-len(node.items) // per_row)
    table = container.add_table(rows=rows, cols=per_row)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table, w.theme.rule, inside=False)
    cells = grid(table)
    _widths(cells, table, [Column()] * per_row, w.width_mm)
    _repeat_header(table, 0, keep=len(cells))
    for index, item in enumerate(node.items):
        cell = cells[index // per_row][index % per_row]
        _shade(cell, w.theme.fill)
        _cell_text(cell, Cell(item.value, stale=item.stale), node.lang, "key-value", "left", w)
        label = cell.add_paragraph()
        set_style(label, WORD_STYLES["key-label"], w)
        _run(label, item.label, node.lang, w, "key-label")
        if item.change:
            change = cell.add_paragraph()
            set_style(change, WORD_STYLES["key-change"], w)
            color = _direction_color(Cell("", item.direction), w)
            _run(change, item.change, node.lang, w, "key-change", color=color,
                 highlight=w.theme.mark(False, item.stale))
        if item.rank:
            rank = cell.add_paragraph()
            set_style(rank, WORD_STYLES["key-label"], w)
            _run(rank, item.rank, node.lang, w, "key-label")


def write_chart(node: Chart, container: Container, w: Writer) -> None:
    """A native Word chart (editable, with its workbook) under its caption."""
    assert w.document is not None
    _run(_paragraph(container, "caption", w), node.title, node.lang, w, "caption")
    family = BUNDLED[w.theme.font(w.theme.style("table-cell")).bundled].name
    rid = add_chart_part(w.document, node, family, (w.theme.accent, w.theme.fall))
    w.charts += 1
    holder = _paragraph(container, "table-cell", w)
    place_chart(holder, rid, w.width_mm, len(node.categories), 1000 + w.charts, node.title)
    if node.source:
        _run(_paragraph(container, "note", w), node.source, node.lang, w, "note")


def write_contents(node: Contents, container: Container, w: Writer) -> None:
    """A TOC field (refreshed when Word opens the file) with the headings as its result."""
    _run(_paragraph(container, "toc-title", w), node.title, node.lang, w, "toc-title")
    begin, instruction, separate, _, end = field_runs(f'TOC \\o "1-{node.depth}" \\h \\z \\u')
    paragraph = _paragraph(container, "toc-entry", w)
    paragraph._p.extend([begin, instruction, separate])
    entries = [h for h in w.headings if h.level <= node.depth]
    for index, heading in enumerate(entries):
        if index:
            paragraph = _paragraph(container, "toc-entry", w)
        set_style(paragraph, "TOC 1" if heading.level == 1 else "TOC 2", w)
        _run(paragraph, heading.display, heading.lang, w, "toc-entry")
    paragraph._p.append(end)


def write_page_break(node: PageBreak, container: Container, w: Writer) -> None:
    """A page break (ignored inside a table cell)."""
    if isinstance(container, DocxDocument):
        container.add_page_break()  # type: ignore[no-untyped-call]


def _cell_blocks(cell: _Cell, blocks: Sequence[Block], w: Writer) -> None:
    """Write blocks into a table cell, reusing the empty paragraph every cell starts with."""
    w.fresh[id(cell)] = cell.paragraphs[0]
    for block in blocks:
        write_block(block, cell, w)
    w.fresh.pop(id(cell), None)


def write_bilingual_rows(pairs: Sequence[Bilingual], container: Container, w: Writer) -> None:
    """Consecutive bilingual pairs as one borderless two-column table, a row per pair."""
    table = container.add_table(rows=len(pairs), cols=2)
    _borders(table, w.theme.rule, inside=False)
    outer = w.width_mm
    cells = grid(table)
    _widths(cells, table, [Column(), Column()], outer)
    w.width_mm = outer / 2 - 4
    for row, pair in zip(cells, pairs, strict=True):
        _cell_blocks(row[0], pair.zh, w)
        _cell_blocks(row[1], pair.en, w)
    w.width_mm = outer


WRITERS: dict[type, Callable[[Any, Container, Writer], None]] = {
    Paragraph: write_paragraph,
    Heading: write_heading,
    Cover: write_cover,
    Table: write_table,
    KeyFigures: write_key_figures,
    Chart: write_chart,
    Contents: write_contents,
    PageBreak: write_page_break,
}


def write_block(block: Block, container: Container, w: Writer) -> None:
    """Write one block through the dispatch table."""
    if isinstance(block, Bilingual):
        write_bilingual_rows([block], container, w)
        return
    WRITERS[type(block)](block, container, w)


def write_blocks(blocks: Sequence[Block], container: Container, w: Writer) -> None:
    """Write blocks in order, grouping runs of bilingual pairs into one table."""
    pending: list[Bilingual] = []
    for block in blocks:
        if isinstance(block, Bilingual):
            pending.append(block)
            continue
        if pending:
            write_bilingual_rows(pending, container, w)
            pending = []
        write_block(block, container, w)
    if pending:
        write_bilingual_rows(pending, container, w)

