"""One small function per node type, turning tree nodes into HTML elements."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ipdocs.doc import (
    Bilingual,
    Block,
    Cell,
    Chart,
    Contents,
    Cover,
    Heading,
    ItemList,
    KeyFigures,
    Language,
    NoteRef,
    PageBreak,
    Paragraph,
    Span,
    Table,
)
from ipdocs.themes import Style
from ipdocs.writers.columns import aligns_on_point, decimal_tail, is_short, is_wide
from ipdocs.writers.html.charts import chart_figure
from ipdocs.writers.html.markup import Element, tag, text
from ipdocs.writers.html.writer import Writer, kept, said, spaced
from ipdocs.writers.looks import first_line_indent, grouped, outline_level, span_look
from ipdocs.writers.spacing import heading_style

HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
"""The tags of heading levels 1 to 5 and deeper (the document's title is the h1)."""


LATIN_EM = 0.62
"""A Latin character's width in ems, generously (bold digits and capitals of a sans)."""
THIN_EM = 0.32
THIN = frozenset(" .,:;'!|()iIjlft")
"""Latin characters about half as wide, THIN_EM."""


def ems(value: str) -> float:
    """``value``'s width in ems, estimated: an em for a wide character or a mark that a
    Chinese face may set wide (†, …), THIN_EM or LATIN_EM for others (the widest line of
    several)."""
    return max(sum(1.0 if is_wide(c) or c >= "\u2000" else THIN_EM if c in THIN else LATIN_EM
                   for c in line)
               for line in value.splitlines() or [""])


def lines(parent: Element, value: str) -> None:
    """``value`` appended to ``parent``, its lines apart (``<br>``), numbers kept."""
    for index, line in enumerate(value.splitlines() or [""]):
        if index:
            tag(parent, "br")
        kept(parent, line)


def _span(parent: Element, span: Span, review: bool, lang: str, w: Writer) -> None:
    """One span of a paragraph (``lang``: the paragraph's language): a link, emphasis, in
    another language, kept whole, marked stale or for review, with what it said before
    where the tree says so."""
    if span.previous is not None and span.previous != span.text:
        tag(parent, "del", span.previous)
        parent = tag(parent, "ins")
    if span.stale or span.review or review:
        parent = tag(parent, "mark", class_="stale" if span.stale else "review",
                     title=span.comment)
    if span.link is not None:
        parent = _link(parent, span.link)
    bold, italic = span_look(span, w.language(span.lang or lang))
    if bold:
        parent = tag(parent, "strong")
    if italic:
        parent = tag(parent, "em")
    if span.lang and span.lang != lang:  # a piece in another language than its paragraph's
        parent = tag(parent, "span", lang=w.language(span.lang).tag)
    if span.keep:
        spaced(tag(parent, "span", class_="n"), span.text)
    else:
        kept(parent, span.text)


def _link(parent: Element, href: str) -> Element:
    """A link to ``href`` inside ``parent``: the span's own ``<a>``, or the one the span
    before it opened to the same address (a link cut by a placeholder stays one)."""
    last = parent[-1] if len(parent) else None
    if last is not None and last.tag == "a" and last.get("href") == href and not last.tail:
        return last
    return tag(parent, "a", href=href)


def _indent_class(style: Style, language: Language) -> str:
    """The class that indents a block's first line (its size the style's rule sets):
    ``indent`` for Han text, ``indent-latin`` for other text, none without an indent."""
    if not first_line_indent(style, language):
        return ""
    return "indent" if language.han else "indent-latin"


def paragraph(node: Paragraph, w: Writer, parent: Element) -> None:
    """A paragraph in its theme style, its first line indented as the theme says (a Han
    paragraph two characters)."""
    indent = _indent_class(w.theme.style(node.style), w.language(node.lang))
    p = tag(parent, "p", class_=" ".join(filter(None, (f"s-{node.style}", indent))),
            lang=w.lang_of(node.lang))
    _inlines(p, node, w)


def _inlines(p: Element, node: Paragraph, w: Writer) -> None:
    """A paragraph's inlines into ``p``: note marks, spans, the whole marked for review
    where the paragraph is and none of its spans says why."""
    marked = node.review and not any(isinstance(i, Span) and (i.review or i.stale)
                                     for i in node.inlines)
    holder = tag(p, "mark", class_="review", title=node.comment) if marked else p
    for inline in node.inlines:
        if isinstance(inline, NoteRef):
            tag(holder, "sup", inline.mark, class_="note-ref", title=inline.text)
        else:
            _span(holder, inline, node.review and not marked, node.lang, w)


def item_list(node: ItemList, w: Writer, parent: Element) -> None:
    """A bulleted (``ul``) or numbered (``ol``) list in its theme style, an item a
    paragraph's inlines."""
    listing = tag(parent, "ol" if node.ordered else "ul", class_=f"s-{node.style} list",
                  lang=w.lang_of(node.lang))
    for item in node.items:
        _inlines(tag(listing, "li"), item, w)


def heading(node: Heading, w: Writer, parent: Element) -> None:
    """A heading one level below the title, with the id the contents link to."""
    name = HEADING_TAGS[min(node.level, len(HEADING_TAGS)) - 1]
    anchor = w.toc[w.written][1] if w.written < len(w.toc) else ""
    w.written += 1
    w.section = node.display
    style = heading_style(w.theme, node.level)
    indent = _indent_class(w.theme.style(style), w.language(node.lang))
    element = tag(parent, name, class_=" ".join(filter(None, (f"s-{style}", indent))),
                  id=anchor, lang=w.lang_of(node.lang))
    said(element, node.display, node.lang, w)


def cover(node: Cover, w: Writer, parent: Element) -> None:
    """The title block: the page's h1 (the first cover's), subtitle and lines."""
    block = tag(parent, "header", class_="cover", lang=w.lang_of(node.lang))
    kept(tag(block, "h1" if not w.titled else "p", class_="s-title"), node.title)
    w.titled = True
    if node.subtitle:
        said(tag(block, "p", class_="s-subtitle"), node.subtitle, node.lang, w)
    for line in node.lines:
        said(tag(block, "p", class_="s-cover-line"), line, node.lang, w)


def _tails(node: Table) -> dict[int, list[str]]:
    """The distinct decimal tails of each right-aligned column's number cells."""
    tails: dict[int, list[str]] = {}
    for index, column in enumerate(node.columns):
        if column.align == "right":
            found = [decimal_tail(row[index].text) for row in node.rows
                     if index < len(row) and aligns_on_point(row[index].text)]
            if found:
                tails[index] = list(dict.fromkeys(found))
    return tails


def _decimal(parent: Element, value: str, tails: list[str]) -> None:
    """A number lined up on its decimal point: its tail in a box as wide as the widest
    tail of its column (every other tail set there hidden, so the browser measures)."""
    tail = decimal_tail(value)
    holder = tag(parent, "span", class_="n")
    text(holder, value[:len(value) - len(tail)])
    box = tag(holder, "span", class_="dec")
    tag(box, "span", tail)
    for other in tails:
        if other != tail:
            tag(box, "span", other, class_="ghost", aria_hidden="true")


def _cell_content(parent: Element, cell: Cell, tails: list[str] | None) -> None:
    """A cell's text, marked stale or for review, with what it said before."""
    if cell.previous is not None and cell.previous != cell.text:
        tag(parent, "del", cell.previous)
        parent = tag(parent, "ins")
    if cell.stale or cell.review:
        parent = tag(parent, "mark", class_="stale" if cell.stale else "review",
                     title=cell.comment)
    if tails is not None and aligns_on_point(cell.text):
        _decimal(parent, cell.text, tails)
    else:
        lines(parent, cell.text)


def _cell(row: Element, cell: Cell, kind: str, align: str, tails: list[str] | None,
          scope: str = "") -> None:
    """One table cell: aligned like its column, a short one never wrapped where it is a
    number, a unit or a change (as on paper; a short text of a left-aligned column, such
    as a rank, wraps rather than widen the table past a narrow screen), coloured by its
    direction."""
    classes = [f"al-{align}", "s-table-header" if kind == "th" and not scope.endswith("row")
               else "s-table-cell"]
    if is_short(cell.text) and (align != "left" or any(c.isdigit() for c in cell.text)):
        classes.append("short")
    if tails is not None:
        classes.append("num")
    if cell.direction in ("up", "down"):
        classes.append(cell.direction)
    element = tag(row, kind, class_=" ".join(classes), scope=scope)
    _cell_content(element, cell, tails)


def table(node: Table, w: Writer, parent: Element) -> None:
    """A table: its caption, column headers and a first column of row headers, numbers
    lined up on their decimal points; in a box that scrolls rather than widen the page."""
    caption_id = w.unique("table") if node.caption else ""
    wrap = tag(parent, "div", class_="table-wrap", role="region", tabindex="0",
               aria_labelledby=caption_id, aria_label="" if caption_id else w.section,
               lang=w.lang_of(node.lang))
    grid = tag(wrap, "table", class_=node.style)
    if node.caption:
        kept(tag(grid, "caption", class_="s-caption", id=caption_id), node.caption)
    elif w.section:  # a caption for those who cannot see the heading above the table
        tag(grid, "caption", w.section, class_="visually-hidden")
    tails = _tails(node)
    head = tag(grid, "thead")
    for cells in node.header:
        row = tag(head, "tr")
        for index, cell in enumerate(cells):
            align = node.columns[index].align if index < len(node.columns) else "left"
            _cell(row, cell, "th", align, None, "col")
    body = tag(grid, "tbody")
    for cells in node.rows:
        row = tag(body, "tr")
        for index, cell in enumerate(cells):
            align = node.columns[index].align if index < len(node.columns) else "left"
            kind, scope = ("th", "row") if index == 0 else ("td", "")
            _cell(row, cell, kind, align, tails.get(index), scope)
    if node.note:
        lines(tag(parent, "p", class_="s-note", lang=w.lang_of(node.lang)), node.note)


def key_figures(node: KeyFigures, w: Writer, parent: Element) -> None:
    """Key figures as a definition list: each label, its value large and its change."""
    section = tag(parent, "section", class_="key-figures", lang=w.lang_of(node.lang))
    title_id = w.unique("key-figures") if node.title else ""
    if node.title:
        said(tag(section, "p", class_="s-caption", id=title_id), node.title, node.lang, w)
    listing = tag(section, "dl", class_="kf", aria_labelledby=title_id)
    for item in node.items:
        group = tag(listing, "div")
        lines(tag(group, "dt", class_="s-key-label"), item.label)
        value = tag(group, "dd", class_="s-key-value", style=f"--ems:{ems(item.value):.2f}")
        if item.stale:
            value = tag(value, "mark", class_="stale")
        lines(value, item.value)
        if item.change:
            change = tag(group, "dd", class_=" ".join(filter(None, (
                "s-key-change", item.direction if item.direction in ("up", "down") else ""))))
            lines(tag(change, "mark", class_="stale") if item.stale else change, item.change)
        if item.rank:
            lines(tag(group, "dd", class_="s-key-label"), item.rank)


def chart(node: Chart, w: Writer, parent: Element) -> None:
    """A chart: its caption, an inline SVG described from its data, its data as a table
    one click away, and its source."""
    chart_figure(node, w, parent)


def contents(node: Contents, w: Writer, parent: Element) -> None:
    """The contents as a navigation landmark of links to the headings."""
    title_id = w.unique("contents")
    nav = tag(parent, "nav", aria_labelledby=title_id, lang=w.lang_of(node.lang))
    said(tag(nav, "p", class_="s-toc-title", id=title_id), node.title, node.lang, w)
    listing = tag(nav, "ol", class_="s-toc-entry")
    stack: list[tuple[int, Element]] = [(1, listing)]
    for heading_, anchor in w.toc:
        if heading_.level > node.depth:
            continue
        level = outline_level(heading_.level)
        while level > stack[-1][0] and len(stack[-1][1]):
            stack.append((stack[-1][0] + 1, tag(stack[-1][1][-1], "ol")))
        while level < stack[-1][0]:
            stack.pop()
        item = tag(stack[-1][1], "li", lang=w.lang_of(heading_.lang) if heading_.lang
                   != node.lang else "")
        said(tag(item, "a", href=f"#{anchor}"), heading_.display, heading_.lang, w)


def page_break(node: PageBreak, w: Writer, parent: Element) -> None:
    """Where paper starts a new page (the print style sheet does)."""
    tag(parent, "div", class_="page-break", aria_hidden="true")


WRITERS: dict[type, Callable[[Any, Writer, Element], None]] = {
    Paragraph: paragraph,
    ItemList: item_list,
    Heading: heading,
    Cover: cover,
    Table: table,
    KeyFigures: key_figures,
    Chart: chart,
    Contents: contents,
    PageBreak: page_break,
}


def _column(blocks: Sequence[Block], w: Writer, parent: Element) -> None:
    """One side of side-by-side pairs, in its language."""
    codes = {getattr(b, "lang", "") for b in blocks} - {""}
    code = sorted(codes)[0] if len(codes) == 1 else ""
    outer = w.lang
    column = tag(parent, "div", lang=w.lang_of(code) if code else "")
    if code:
        w.lang = w.language(code).tag
    write_blocks(blocks, w, column)
    w.lang = outer


def bilingual_rows(pairs: Sequence[Bilingual], w: Writer, parent: Element) -> None:
    """Side-by-side pairs: two columns a row, the first language left; one column on a
    narrow screen, each pair's first language above its second."""
    for pair in pairs:
        row = tag(parent, "div", class_="pair")
        _column(pair.left, w, row)
        _column(pair.right, w, row)


def write_blocks(blocks: Sequence[Block], w: Writer, parent: Element) -> None:
    """Every block into ``parent``, side-by-side pairs as rows of two columns."""
    for item in grouped(blocks):
        if isinstance(item, list):
            bilingual_rows(item, w, parent)
        else:
            WRITERS[type(item)](item, w, parent)


