"""One small function per node type, dispatched through a table."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import field
from functools import partial
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml.etree import SubElement

from ipdocs.base.kept import remembered
from ipdocs.base.records import datarecord
from ipdocs.doc import (
    SHIPPED_LANGUAGES,
    Bilingual,
    Block,
    Cell,
    Chart,
    Contents,
    Cover,
    Heading,
    Inline,
    ItemList,
    KeyFigures,
    Language,
    Mixed,
    NoteRef,
    PageBreak,
    Paragraph,
    Table,
    concat,
    find_language,
)
from ipdocs.themes import LATIN, Theme
from ipdocs.writers.docx.adapter import Cell as DocxCell
from ipdocs.writers.docx.adapter import (
    Container,
    block_width,
    body_of,
    body_table,
    cells_of,
    p_of,
    r_of,
    tbl_of,
    tc_of,
)
from ipdocs.writers.docx.charts import add_chart_part, in_face, place_chart
from ipdocs.writers.docx.fonts import Printed, families, whole_family
from ipdocs.writers.docx.lists import link_runs, list_numbering, number_paragraph
from ipdocs.writers.docx.revisions import (
    Revisions,
    comment,
    track,
    track_row,
    track_runs,
    written,
)
from ipdocs.writers.docx.styles import ALIGN, apply_style, style_id, styles_by_name, word_name
from ipdocs.writers.docx.xml import (
    PPR_ORDER,
    TBLPR_ORDER,
    bookmark,
    child,
    field_char,
    field_open,
    field_runs,
    ordered_child,
    set_fonts,
    set_lang,
)
from ipdocs.writers.looks import (
    KEY_FIGURES_PER_ROW,
    LIST_INDENT_EMS,
    direction_color,
    first_line_indent,
    grouped,
    header_fill,
    span_look,
    text_language,
)
from ipdocs.writers.metrics import text_width
from ipdocs.writers.spacing import (
    CELL_PADDING,
    COVER_AFTER_MM,
    COVER_BEFORE_MM,
    KEY_PADDING,
    after_panel,
    after_table,
    heading_style,
)
from ipdocs.writers.tablerows import closing, kept_with_next, unbroken
from ipdocs.writers.typeset import (
    NO_BREAK_SPACE,
    NUMBER,
    TableFit,
    figures_per_row,
    fit_table,
    key_value_scale,
    ragged,
    script_runs,
    title_indents,
    title_measure,
    unhyphenated,
    with_no_break_spaces,
)

TWIPS_PER_MM = 56.7


@datarecord(frozen=True)
class Script:
    """How a run is marked and set: its language's tag, and whether it is Han text (the
    East Asian font hint, and the Latin characters noted in both faces: readers set
    quotation marks and dashes of Chinese text in the East Asian face)."""

    tag: str
    han: bool


HAN_TAG = "zh-CN"
"""What East Asian characters are marked as in a document without a Han language (the
glossary's Chinese column in an English brief): the Simplified Chinese of the reports."""
LATIN_TAG = "en-GB"
"""What Latin text inside Han text is marked as (names, abbreviations, numbers): British
English, the English of the reports."""


@datarecord
class Writer:
    """What block functions share: the theme, the headings for contents, the width."""

    theme: Theme
    languages: Sequence[Language] = SHIPPED_LANGUAGES
    """The document's languages (``Document.languages``)."""
    headings: Sequence[Heading] = ()
    width_mm: float = 0
    fresh: dict[int, DocxParagraph] = field(default_factory=dict)
    document: DocxDocument | None = None
    charts: int = 0
    bookmarks: int = 0
    style_ids: dict[str, str] = field(default_factory=dict)
    known_ids: dict[str, str] = field(default_factory=dict)
    """Style ids by Word style name found in documents made of the same styled blank
    before (``writers.docx.style_ids``): the document's ``style_ids`` from it without
    searching its styles again."""
    run_looks: dict[tuple[Any, ...], BaseOxmlElement] = field(default_factory=dict)
    """Runs already made, by style, language and look (their properties and an empty
    w:t): copied for each run."""
    cell_looks: dict[tuple[str, str], BaseOxmlElement] = field(default_factory=dict)
    """Paragraph properties of table cells already made, by style and alignment."""
    revisions: Revisions = field(
        default_factory=lambda: Revisions(dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
    """Tracked changes of the document (see ``revisions``)."""
    printed: Printed = field(default_factory=Printed)
    """What the document prints in each family: the faces to embed."""
    scripts: dict[str, tuple[Script, bool]] = field(default_factory=dict)
    """Each language's script (``Script``) and whether it is Han, by its code."""
    ems: dict[tuple[str, str, bool], float] = field(default_factory=dict)
    """Texts' widths at 1 point (``metrics.text_width``) by text, font role and weight:
    a document's tables measure the same labels and units again."""
    gaps: dict[float, BaseOxmlElement] = field(default_factory=dict)
    """Paragraph properties of the empty paragraphs ``_gap`` makes, by their height."""
    table_width: Any = None
    styles_by_name: dict[str, BaseOxmlElement] | None = None
    """The document's style elements by name as written (``styles.styles_by_name``),
    made where a style id is first looked up in it (``set_style``)."""
    """The width python-docx shares among a new table's columns in the body (the type
    area's: ``adapter.block_width``), once looked up."""


def _add_table(container: Container, rows: int, cols: int, w: Writer) -> DocxTable:
    """A new table of ``rows`` and ``cols`` at the end of ``container``, as its
    ``add_table`` makes it (the body's width looked up once a document)."""
    if not isinstance(container, DocxDocument):
        return container.add_table(rows=rows, cols=cols)
    if w.table_width is None:
        w.table_width = block_width(container)
    return body_table(container, rows, cols, w.table_width)


def _paragraph(container: Container, style: str, w: Writer) -> DocxParagraph:
    """A new paragraph in ``container`` with the Word style of the theme style ``style``."""
    empty = w.fresh.pop(id(container), None)
    paragraph = empty if empty is not None else _add_paragraph(container)
    set_style(paragraph, _word(style, w), w)
    return paragraph


def _add_paragraph(container: Container) -> DocxParagraph:
    """An empty paragraph at the end of ``container`` (before the body's section
    properties), as its ``add_paragraph()`` adds it."""
    if isinstance(container, DocxDocument):
        body = container.element.body
        p = body.makeelement(_P)
        last = body[-1] if len(body) else None
        if last is not None and last.tag == _SECT_PR:
            last.addprevious(p)
        else:
            body.append(p)
        return DocxParagraph(p, body_of(container))
    tc = tc_of(container)
    return DocxParagraph(SubElement(tc, _P), container)


def _script(style: str, lang: str, w: Writer) -> str:
    """The theme style text in ``lang`` takes where it is set in ``style``: its Latin
    variant where the language is not Han and the theme has one (``Theme.for_script``),
    as the PDF's."""
    return w.theme.for_script(style, _lang_script(lang, w)[1])


def _lang_script(lang: str, w: Writer) -> tuple[Script, bool]:
    """How text in ``lang`` is marked (``Script``), and whether the language is Han,
    worked out once a document."""
    known = w.scripts.get(lang)
    if known is None:
        own = language(lang, w)
        known = w.scripts[lang] = (Script(own.tag, own.han), own.han)
    return known


def _styled(container: Container, style: str, lang: str,
            w: Writer) -> tuple[DocxParagraph, str]:
    """A new paragraph in ``container`` in the style text in ``lang`` takes where it is set
    in the theme style ``style`` (``_script``), and that style's name."""
    style = _script(style, lang, w)
    return _paragraph(container, style, w), style


def _word(style: str, w: Writer) -> str:
    """The Word style name of the theme style ``style``; a Latin variant's Word style
    added to the document when first used (a document without Latin text has none)."""
    name = word_name(style)
    if style.endswith(LATIN) and name not in w.style_ids and w.document is not None:
        apply_style(w.document, w.theme, style, name)
    return name


_P, _PPR, _PSTYLE, _KEEP_NEXT, _VAL, _SECT_PR = (qn(tag) for tag in (
    "w:p", "w:pPr", "w:pStyle", "w:keepNext", "w:val", "w:sectPr"))


def set_style(paragraph: DocxParagraph, name: str, w: Writer) -> None:
    """Give a paragraph the Word style ``name`` (by id, looked up once per document)."""
    if name not in w.style_ids:
        found = w.known_ids.get(name)
        if found is None:
            assert w.document is not None
            if w.styles_by_name is None:  # a first document of its styled blank
                w.styles_by_name = styles_by_name(w.document)
            found = w.known_ids[name] = style_id(w.document, name, w.styles_by_name)
        w.style_ids[name] = found
    ppr = _ppr(p_of(paragraph))
    style = ppr.find(_PSTYLE)
    if style is None:  # first in w:pPr, where python-docx's get_or_add_pStyle puts it
        style = ppr.makeelement(_PSTYLE)
        ppr.insert(0, style)
    style.set(_VAL, w.style_ids[name])


def _ppr(p: BaseOxmlElement) -> BaseOxmlElement:
    """A paragraph's properties (``w:pPr``, its first child), added first if missing, as
    python-docx's ``get_or_add_pPr`` adds it."""
    first: BaseOxmlElement | None = p[0] if len(p) else None
    if first is not None and first.tag == _PPR:
        return first
    ppr: BaseOxmlElement = p.makeelement(_PPR)
    p.insert(0, ppr)
    return ppr


def language(code: str, w: Writer) -> Language:
    """What the writer needs to know of a node's language."""
    return find_language(w.languages, code)


def east_asian_tag(w: Writer) -> str:
    """The tag East Asian characters are marked with: the document's Han language's."""
    return next((x.tag for x in w.languages if x.han), HAN_TAG)


def _spaced(inlines: Sequence[Inline]) -> list[tuple[str, str | None]]:
    """Each inline's text and previous text (None where it has none), the spaces inside
    amounts made no-break spaces as the paragraph reads, not span by span: a tracked
    paragraph's spans are cut token by token, and the amount "RMB 20,641,800" must read
    the same whichever side of a revision its words stand. A text both sides share whose
    spaces the two sides decide apart (the space of "up more than 193%" where the new text
    reads "unchanged compared with") is a revision of its own, so that accepting gives the
    new text and rejecting the old, character for character."""
    texts = ["" if isinstance(i, NoteRef) else i.text for i in inlines]
    befores = [None if isinstance(i, NoteRef) else i.previous for i in inlines]
    olds = [t if b is None else b for t, b in zip(texts, befores, strict=True)]
    new = _cut(_no_break("".join(texts)), texts)
    old = new if all(b is None for b in befores) else _cut(_no_break("".join(olds)), olds)
    return [(n, None if b is None and n == o else o)
            for n, o, b in zip(new, old, befores, strict=True)]


TEXTS_KEPT = 4096
"""How many texts' typesetting decisions a process keeps (``_no_break``,
``_unhyphenated``, ``_script_runs``), each by the text alone."""
_NO_BREAK: OrderedDict[str, str] = OrderedDict()
_UNHYPHENATED: OrderedDict[str, tuple[tuple[int, int], ...]] = OrderedDict()
_SCRIPT_RUNS: OrderedDict[str, tuple[tuple[str, bool], ...]] = OrderedDict()


def _no_break(text: str) -> str:
    """``typeset.with_no_break_spaces``, kept for the process by the text: its search
    for amounts in English text is the costliest step of a run, and a report's
    outputs, a rebuild and a batch's reports set the same texts again."""
    return remembered(_NO_BREAK, text, partial(with_no_break_spaces, text), TEXTS_KEPT)


def _unhyphenated(text: str) -> tuple[tuple[int, int], ...]:
    """``typeset.unhyphenated``, kept for the process by the text (as ``_no_break``)."""
    found: tuple[tuple[int, int], ...] = remembered(
        _UNHYPHENATED, text, lambda: tuple(unhyphenated(text)), TEXTS_KEPT)
    return found


def _script_runs(text: str) -> tuple[tuple[str, bool], ...]:
    """``typeset.script_runs``, kept for the process by the text (as ``_no_break``)."""
    found: tuple[tuple[str, bool], ...] = remembered(
        _SCRIPT_RUNS, text, lambda: tuple(script_runs(text)), TEXTS_KEPT)
    return found


def _cut(text: str, like: Sequence[str]) -> list[str]:
    """``text`` cut into pieces as long as those of ``like``."""
    out, at = [], 0
    for piece in like:
        out.append(text[at:at + len(piece)])
        at += len(piece)
    return out


def _run(paragraph: DocxParagraph, text: str, lang: str, w: Writer, style: str,
         whole: bool = False, spaced: bool = False, **look: Any) -> None:
    """Runs for ``text``: in Han text, English phrases and numbers get Latin runs of their
    own (``typeset.script_runs``); text kept ``whole`` (a number with its unit) is one
    run, a number's if it holds one. Amounts are kept whole by no-break spaces
    (``typeset.with_no_break_spaces``); no other character is added to the text."""
    if isinstance(text, Mixed):  # each piece a run in its language (w:lang)
        for span in text.spans:
            if span.text:
                _run(paragraph, span.text, span.lang or lang, w, style, whole, spaced, **look)
        return
    own_script, is_han = _lang_script(lang, w)
    if whole:
        text = text.replace(" ", NO_BREAK_SPACE)
    elif not spaced:  # ``spaced``: decided for the whole paragraph (see ``_spaced``)
        text = _no_break(text)
    if not is_han:
        _latin_runs(paragraph, text, own_script, w, style, **look)
        return
    if whole:
        _one_run(paragraph, text, LATIN_SCRIPT if NUMBER.search(text) else own_script, w,
                 style, **look)
        return
    for piece, is_latin in _script_runs(text):
        if is_latin:
            _latin_runs(paragraph, piece, LATIN_SCRIPT, w, style, **look)
        else:
            _one_run(paragraph, piece, own_script, w, style, **look)


LATIN_SCRIPT = Script(LATIN_TAG, False)
"""How Latin text inside Han text is marked and set."""
NO_LANGUAGE = Script("x-none", False)
"""How an amount of several words and a web address's codes are marked
(``typeset.unhyphenated``): text of no language, which LibreOffice does not hyphenate
(it hyphenated a word that no-break spaces hold in an amount, RMB 2.231 mil- / lion, and
Hubei's address codes, 29de3a0c18e249b- / d9c9), nor check the spelling of; Word reads
the same tag (its own for no language) and the run's ``w:noProof``."""


def _latin_runs(paragraph: DocxParagraph, text: str, script: Script, w: Writer, style: str,
                **look: Any) -> None:
    """Runs for Latin ``text`` in ``script``, its amounts and its web addresses' codes in
    runs of no language (``NO_LANGUAGE``), which no word processor hyphenates."""
    at = 0
    for start, end in _unhyphenated(text):
        if start > at:
            _one_run(paragraph, text[at:start], script, w, style, **look)
        _one_run(paragraph, text[start:end], NO_LANGUAGE, w, style, **look)
        at = end
    if at < len(text) or not text:
        _one_run(paragraph, text[at:], script, w, style, **look)


def _one_run(paragraph: DocxParagraph, text: str, script: Script, w: Writer, style: str,
             **look: Any) -> None:
    """Runs for ``text`` in one script: the characters the style's bundled face lacks in
    runs of their own naming the family that has them (see ``fonts.families``)."""
    spec = w.theme.style(style)
    font = w.theme.font(spec)
    bold = bool(look.get("bold") or spec.bold)
    pieces = families(text, font, bold, w.printed, han=script.han) if text else \
        [((None, None), "")]
    if len(pieces) == 1 and pieces[0][0] == (None, None):  # all in the style's faces
        _plain_run(paragraph, pieces[0][1], script, w, style, **look)
        return
    for (latin, east_asian), piece in pieces:
        override = {"latin": latin} if latin else {}
        if east_asian:
            override["east_asian"] = east_asian
        _plain_run(paragraph, piece, script, w, style, **look, **override)


def _plain_run(paragraph: DocxParagraph, text: str, script: Script, w: Writer, style: str,
               **look: Any) -> None:
    """A run with its East Asian font and language set, and optional emphasis and colour.

    The run properties of each style, language and look are made once, through
    python-docx (which keeps their children in schema order), and copied for every
    further run: a report has a thousand runs and a handful of looks.
    """
    # a look in another order: a prototype alike; the script by its fields (hashed
    # sooner than the record)
    key = (style, script.tag, script.han, *look.items())
    proto = w.run_looks.get(key)
    if proto is None:
        run = paragraph.add_run(text)
        _dress(run, script, w, style, **look)
        # a copy, outside the tree: a prototype in the tree would keep its block there
        # (lxml moves, rather than frees, a block the body's spool lets go that holds it)
        proto = OxmlElement("w:r")
        proto.append(copy.deepcopy(r_of(run).get_or_add_rPr()))
        proto.append(OxmlElement("w:t"))
        w.run_looks[key] = proto
        return
    r = proto.__deepcopy__(None)  # its properties and an empty w:t
    if "\t" in text or "\n" in text or "\r" in text:
        del r[-1]
        _content(r, text)
    elif text:
        t = r[-1]
        t.text = text
        if text != text.strip():
            t.set(_SPACE, "preserve")
    else:
        del r[-1]
    p_of(paragraph).append(r)


_SPACE, _T, _TAB, _BR = (qn(tag) for tag in ("xml:space", "w:t", "w:tab", "w:br"))
_CONTROLS = re.compile("([\t\r\n])")


def _content(r: BaseOxmlElement, text: str) -> None:
    """``text`` appended to a run as python-docx's ``Run.text`` writes it: a tab a
    ``w:tab``, a line feed or carriage return a ``w:br``, the text between in ``w:t``
    elements (spaces at either end preserved)."""
    for piece in _CONTROLS.split(text):
        if piece == "\t":
            SubElement(r, _TAB)
        elif piece in ("\r", "\n"):
            SubElement(r, _BR)
        elif piece:
            t = SubElement(r, _T)
            t.text = piece
            if piece != piece.strip():
                t.set(_SPACE, "preserve")


AFTER_SHADING = ("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                 "w:eastAsianLayout", "w:specVanish", "w:oMath")
"""What follows ``w:shd`` in a run's properties, in the schema's order (ECMA-376 CT_RPr)."""


def ground(rpr: BaseOxmlElement, color: str) -> None:
    """Shade a run's ground in ``color`` (``w:shd``, in its place in the schema's order)."""
    shading = OxmlElement("w:shd")
    for name, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", color)):
        shading.set(qn(name), value)
    rpr.insert_element_before(shading, *AFTER_SHADING)


def _dress(run: Run, script: Script, w: Writer, style: str, **look: Any) -> None:
    """Set a run's fonts, language, emphasis and colour."""
    font = w.theme.font(w.theme.style(style))
    rpr = r_of(run).get_or_add_rPr()
    set_fonts(rpr, look.get("latin") or font.latin, look.get("east_asian") or font.east_asian,
              hint=script.han)
    set_lang(rpr, script.tag, east_asian_tag(w))
    if script == NO_LANGUAGE:
        run.font.no_proof = True
    if look.get("bold"):
        run.bold = True
    if look.get("italic"):
        run.italic = True
    if look.get("superscript"):
        run.font.superscript = True
    if look.get("highlight"):  # a ground of any colour (a highlight has sixteen)
        ground(r_of(run).get_or_add_rPr(), look["highlight"])
    if look.get("color"):
        run.font.color.rgb = RGBColor.from_string(look["color"])
    if look.get("size"):
        run.font.size = Pt(look["size"])


def _indent(paragraph: DocxParagraph, lang: str, w: Writer, style: str) -> None:
    """Han body text: a first-line indent of two characters (firstLineChars)."""
    spec = w.theme.style(style)
    ems = first_line_indent(spec, language(lang, w))
    if ems:
        ppr = p_of(paragraph).get_or_add_pPr()
        twips = int(ems * spec.size * 20)
        child(ppr, "w:ind", w_firstLine=str(twips), w_firstLineChars=str(int(ems * 100)))


def write_paragraph(node: Paragraph, container: Container, w: Writer) -> None:
    """A paragraph (``paragraph_written``)."""
    paragraph_written(node, container, w)


def paragraph_written(node: Paragraph, container: Container, w: Writer,
                      numbered: str | None = None) -> DocxParagraph:
    """A paragraph, returned: strong text bold, emphasis italic (bold in Han text), links
    hyperlinks, review marks highlighted, note marks superscript; a changed figure a
    tracked revision, a reviewer's note a comment. ``numbered``: the numbering instance
    of the list the paragraph is an item of."""
    paragraph, style = _styled(container, node.style, node.lang, w)
    spec = w.theme.style(style)
    if numbered is None:
        _indent(paragraph, node.lang, w, style)
    else:
        number_paragraph(p_of(paragraph), numbered, _list_indent(spec.size))
    if spec.align == "justify" and \
            ragged(w.width_mm * PT_PER_MM, spec.size, language(node.lang, w).hyphenates):
        paragraph.alignment = ALIGN["left"]
    every: list[BaseOxmlElement] = []
    inlines = node.inlines if node.tracked is None else node.tracked
    for inline, (text, previous) in zip(inlines, _spaced(inlines), strict=True):
        if isinstance(inline, NoteRef):
            _run(paragraph, inline.mark, node.lang, w, style, superscript=True)
            continue
        if not text and not previous:
            continue
        highlight = w.theme.mark(inline.review or node.review, inline.stale)
        lang = inline.lang or node.lang
        bold, italic = span_look(inline, language(lang, w))
        if previous is None and inline.link is None and not inline.comment and \
                not node.comment:  # nothing asks for the runs written
            _run(paragraph, text, lang, w, style, whole=inline.keep, spaced=True,
                 bold=bold, italic=italic, highlight=highlight)
            continue
        runs = written(paragraph, partial(_run, paragraph, text, lang, w, style,
                                          whole=inline.keep, spaced=True, bold=bold,
                                          italic=italic, highlight=highlight)) if text else []
        if inline.link is not None and w.document is not None:
            link_runs(w.document, paragraph, runs, inline.link)
        every += runs
        comment(w.document, paragraph, runs, inline.comment, w.revisions)
        if previous is not None:
            track(paragraph, runs, partial(_run, paragraph, previous,
                                           lang, w, style, whole=inline.keep,
                                           spaced=True, bold=bold, italic=italic),
                  w.revisions)
    comment(w.document, paragraph, every, node.comment, w.revisions)
    return paragraph


def _list_indent(size: float) -> int:
    """A list's hanging indent in twips, for body text of ``size`` points."""
    return round(LIST_INDENT_EMS * size * 20)


def write_list(node: ItemList, container: Container, w: Writer) -> None:
    """A bulleted or numbered list: each item a paragraph of the list's style, numbered
    by a numbering definition of the document (a numbered list starts at 1); the style's
    room above before the first item only and below after the last, as in the PDF."""
    if w.document is None or not node.items:
        for item in node.items:
            write_paragraph(item, container, w)
        return
    indent = _list_indent(w.theme.style(node.style).size)
    numbered = list_numbering(w.document, node.ordered, indent)
    last = len(node.items) - 1
    for index, item in enumerate(node.items):
        fmt = paragraph_written(item, container, w, numbered).paragraph_format
        if index > 0:
            fmt.space_before = Pt(0)
        if index < last:
            fmt.space_after = Pt(0)


def write_heading(node: Heading, container: Container, w: Writer) -> None:
    """A heading in Word's built-in Heading N style, so navigation and TOC work."""
    paragraph, style = _styled(container, heading_style(w.theme, node.level), node.lang, w)
    _indent(paragraph, node.lang, w, style)
    w.bookmarks += 1
    start, end = bookmark(w.bookmarks, toc_bookmark(w.bookmarks))
    p_of(paragraph).append(start)
    _tracked(paragraph, node.display, node.previous, node.lang, w, style)
    p_of(paragraph).append(end)


def _tracked(paragraph: DocxParagraph, text: str, previous: str | None, lang: str, w: Writer,
             style: str, **look: Any) -> None:
    """``text`` in runs; where ``previous`` is given and differs, a revision of it."""
    if previous is None or previous == text:
        _run(paragraph, text, lang, w, style, **look)
        return
    runs = written(paragraph, partial(_run, paragraph, text, lang, w, style, **look)) \
        if text else []
    track(paragraph, runs, partial(_run, paragraph, previous, lang, w, style), w.revisions)


def toc_bookmark(number: int) -> str:
    """The bookmark of the ``number``-th heading, which its contents entry refers to."""
    return f"_Toc{number:06d}"


def write_masthead(container: Container, w: Writer) -> None:
    """The theme's red masthead, centred above a rule across the type area (none without
    one)."""
    head = w.theme.masthead
    if head is None:
        return
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = ALIGN["center"]
    fmt.space_before = Pt(head.before * PT_PER_MM)
    fmt.space_after = Pt(head.after * PT_PER_MM)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(head.size * 1.2)
    ppr = p_of(paragraph).get_or_add_pPr()
    border = ordered_child(ppr, "w:pBdr", PPR_ORDER)
    child(border, "w:bottom", w_val="single", w_sz=str(round(head.rule * 8)),
          w_space=str(round(head.after * PT_PER_MM)), w_color=head.color)
    font = w.theme.font(head.font)
    run = paragraph.add_run(head.text)
    rpr = r_of(run).get_or_add_rPr()
    set_fonts(rpr, font.latin, font.east_asian, hint=True)
    set_lang(rpr, east_asian_tag(w), east_asian_tag(w))
    run.font.size = Pt(head.size)
    run.font.color.rgb = RGBColor.from_string(head.color)
    families(head.text, font, False, w.printed, han=True)


def write_cover(node: Cover, container: Container, w: Writer) -> None:
    """Title, subtitle and cover lines, with the room above and below the PDF gives them;
    a title or subtitle that wraps in lines about even (``_balance``)."""
    title, style = _styled(container, "title", text_language(node.title, node.lang), w)
    title.paragraph_format.space_before = Pt(w.theme.style(style).before
                                             + COVER_BEFORE_MM * PT_PER_MM)
    _balance(title, node.title, style, w)
    was = node.was
    _tracked(title, node.title, was.title if was else None, node.lang, w, style)
    last = title
    if node.subtitle or (was is not None and was.subtitle):
        last, style = _styled(container, "subtitle",
                              text_language(node.subtitle, node.lang), w)
        _tracked(last, node.subtitle, was.subtitle if was else None, node.lang, w, style)
        _balance(last, node.subtitle, style, w)
    old = list(was.lines) if was else []
    for at in range(max(len(node.lines), len(old))):
        line = node.lines[at] if at < len(node.lines) else ""
        last, style = _styled(container, "cover-line", text_language(line, node.lang), w)
        _tracked(last, line, (old[at] if at < len(old) else "") if was else None, node.lang,
                 w, style)
    last.paragraph_format.space_after = Pt(w.theme.style(style).after
                                           + COVER_AFTER_MM * PT_PER_MM)


def _balance(paragraph: DocxParagraph, text: str, style: str, w: Writer) -> None:
    """Indents that set a title or subtitle in the measure ``typeset.title_measure``
    gives (the PDF's the same): where it wraps, its lines about even."""
    spec, width = w.theme.style(style), w.width_mm * PT_PER_MM
    left, right = title_indents(width - title_measure(str(text), width, partial(
        text_width, role=w.theme.font(spec).bundled, bold=spec.bold, size=spec.size)),
        spec.align)
    if left or right:
        paragraph.paragraph_format.left_indent = Pt(left)
        paragraph.paragraph_format.right_indent = Pt(right)


def _gap(container: Container, points: float, w: Writer) -> None:
    """An empty paragraph ``points`` high: the room the PDF leaves after a table. On a
    theme with a line grid it is off the grid (a grid line would make it a whole line
    high): the text after it goes on at the next grid line, as the PDF's does."""
    paragraph = _add_paragraph(container)
    proto = w.gaps.get(points)
    if proto is not None:  # the properties of a gap as high made before
        p_of(paragraph).insert(0, proto.__deepcopy__(None))
        return
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(points)
    fmt.space_before = fmt.space_after = Pt(0)
    if w.theme.page.lines_per_page:
        ordered_child(p_of(paragraph).get_or_add_pPr(), "w:snapToGrid", PPR_ORDER, w_val="0")
    w.gaps[points] = p_of(paragraph).get_or_add_pPr().__deepcopy__(None)


def _cell_margins(table: DocxTable, padding: tuple[float, float], rule: float = 0.0) -> None:
    """Padding inside every cell (above and below, left and right, in points), as the
    PDF's; ``rule``: points of the rule between rows, taken off the padding below, since
    Word and LibreOffice set a rule between rows apart from the cells where the PDF draws
    it on their edge (a row as tall as the PDF's: Ningbo's glossary 70 rows, 35 points
    taller before)."""
    margins = ordered_child(tbl_of(table).tblPr, "w:tblCellMar", TBLPR_ORDER)
    top, horizontal = (str(round(p * 20)) for p in padding)
    bottom = str(round((padding[0] - rule) * 20))
    for edge, twips in (("top", top), ("left", horizontal), ("bottom", bottom),
                        ("right", horizontal)):
        child(margins, f"w:{edge}", w_w=twips, w_type="dxa")


def _shade(cell: DocxCell, fill: str) -> None:
    """Fill a cell's background."""
    child(_tcpr(tc_of(cell)), "w:shd", w_val="clear", w_color="auto", w_fill=fill)


INSIDE_RULE = 0.5
"""Points of the rule between a table's rows (``w:sz`` 4 eighths)."""


def _borders(table: DocxTable, color: str, inside: bool) -> None:
    """Rules above and below the table, and between rows if ``inside`` (``INSIDE_RULE``
    thick)."""
    tblpr = tbl_of(table).tblPr
    borders = ordered_child(tblpr, "w:tblBorders", TBLPR_ORDER)
    edges = ("top", "bottom", "insideH") if inside else ()
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        kind = "single" if edge in edges else "nil"
        size = str(round(INSIDE_RULE * 8)) if edge == "insideH" else "6"
        child(borders, f"w:{edge}", w_val=kind, w_sz=size, w_space="0", w_color=color)


LOOK_BITS = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100,
             "noHBand": 0x200, "noVBand": 0x400}
"""The flags of ``w:tblLook`` and their bits in its legacy ``w:val`` (ECMA-376 17.4.56)."""


def _look(table: DocxTable, first_row: bool, first_column: bool, title: str = "") -> None:
    """What the table says of itself to Word and to assistive technology: whether its
    first row heads its columns and its first column its rows (``w:tblLook``: Word's
    Header Row and First Column options), and its title (``w:tblCaption``, Word's alt
    text title). A layout table (key figures, side-by-side columns) says it has neither
    and has no repeated header row: OOXML has no flag of its own for layout; no table
    style is set, so the look changes nothing drawn."""
    tblpr = tbl_of(table).tblPr
    flags = {"firstRow": first_row, "lastRow": False, "firstColumn": first_column,
             "lastColumn": False, "noHBand": not first_row, "noVBand": True}
    value = sum(bit for name, bit in LOOK_BITS.items() if flags[name])
    ordered_child(tblpr, "w:tblLook", TBLPR_ORDER, w_val=f"{value:04X}",
                  **{f"w_{name}": str(int(on)) for name, on in flags.items()})
    if title:
        ordered_child(tblpr, "w:tblCaption", TBLPR_ORDER, w_val=title)


def grid(table: DocxTable) -> list[list[DocxCell]]:
    """The table's cells by row, computed once (python-docx recomputes them per lookup)."""
    columns = len(tbl_of(table).tblGrid.gridCol_lst)  # not table.columns: see _widths
    flat = cells_of(table)
    return [flat[i:i + columns] for i in range(0, len(flat), columns)]


PT_PER_MM = 72 / 25.4

CELL_MARGINS_MM = 2 * CELL_PADDING[1] / PT_PER_MM + 0.8
"""A cell's left and right padding, and a little air."""


def _fit(node: Table, w: Writer) -> TableFit:
    """The table's column widths (in points), type scale and decimal-point pads, chosen
    by ``typeset.fit_table`` as the PDF writer's are, measured in the bundled faces
    (``writers.metrics``: what the DOCX embeds)."""
    heads = len(node.header)
    looks = [(w.theme.font(spec).bundled, spec.bold, spec.size) for spec in
             (w.theme.style("table-header"), w.theme.style("table-cell"))]
    ems = w.ems  # a text's width at 1 point, by its face

    def measure(row: int, column: int, text: str, scale: float) -> float:
        role, bold, size = looks[0 if row < heads else 1]
        key = (text, role, bold)
        found = ems.get(key)
        if found is None:
            found = ems[key] = text_width(text, role, bold, 1.0)
        return found * (size * scale)

    texts = [[c.text for c in row] for row in (*node.header, *node.rows)]
    return fit_table(texts, [c.width for c in node.columns], [c.align for c in node.columns],
                     len(node.header), w.width_mm * PT_PER_MM, measure,
                     CELL_MARGINS_MM * PT_PER_MM / 2)


def _widths(cells: list[list[DocxCell]], table: DocxTable, widths_mm: Sequence[float]
            ) -> None:
    """Set column widths on the grid and on every cell, the table laid out fixed."""
    tbl = tbl_of(table)
    # fixed, as python-docx's ``table.autofit = False`` sets it
    ordered_child(tbl.tblPr, "w:tblLayout", TBLPR_ORDER, w_type="fixed")
    # the grid's columns set on their elements: python-docx's ``table.columns`` would
    # keep the table's proxy in a reference cycle, alive until the next collection,
    # and lxml then moves, rather than frees, the table the body's spool lets go
    grid_columns = list(tbl.find(_GRID).iterchildren(_GRID_COL))
    for index, width_mm in enumerate(widths_mm):
        value = str(int(width_mm * TWIPS_PER_MM))  # twips, as python-docx writes them
        grid_columns[index].set(_W_W, value)
        for row in cells:
            tcpr = _tcpr(tc_of(row[index]))
            first = tcpr[0] if len(tcpr) else None
            width = first if first is not None and first.tag == _TCW else tcpr.find(_TCW)
            if width is None:
                child(tcpr, "w:tcW", w_w=value, w_type="dxa")
            else:  # every new cell has one (python-docx's share of the width)
                width.set(_W_W, value)
                width.set(_W_TYPE, "dxa")


_TC, _TCPR, _TCW, _TR, _TRPR, _W_W, _W_TYPE, _GRID, _GRID_COL = (qn(tag) for tag in (
    "w:tc", "w:tcPr", "w:tcW", "w:tr", "w:trPr", "w:w", "w:type", "w:tblGrid", "w:gridCol"))


def _tcpr(tc: BaseOxmlElement) -> BaseOxmlElement:
    """A cell's properties (``w:tcPr``, its first child), added if missing."""
    first: BaseOxmlElement | None = tc[0] if len(tc) else None
    if first is not None and first.tag == _TCPR:
        return first
    tcpr: BaseOxmlElement = tc.get_or_add_tcPr()
    return tcpr


def _middle(table: DocxTable) -> None:
    """Set every cell's text in the middle of its row's height, as the PDF sets a data
    table's (a short label beside a taller translation or a wrapped neighbour). Called
    once the cells are written: ``w:vAlign`` comes after their widths, spans, borders
    and shading in a cell's properties (and no cell has one yet: it is added last)."""
    for tc in tbl_of(table).iter(_TC):
        tcpr = _tcpr(tc)
        align = tcpr.find(_VALIGN)
        if align is None:
            align = SubElement(tcpr, _VALIGN)
        align.set(_VAL, "center")


_VALIGN = qn("w:vAlign")


def _even(count: int, total_mm: float) -> list[float]:
    """``count`` equal widths sharing ``total_mm``."""
    return [total_mm / count] * count


def _repeat_header(table: DocxTable, rows: int, keep: int = 0) -> None:
    """Mark the first ``rows`` rows as header rows, repeated on every page; keep the first
    ``max(rows, keep)`` rows from splitting across pages."""
    for index, tr in enumerate(tbl_of(table).tr_lst[:max(rows, keep)]):
        first = tr[0] if len(tr) else None
        if first is not None and first.tag == _TRPR:
            trpr = first
        elif first is not None and first.tag == _TC:  # a new row: its properties first
            trpr = tr.makeelement(_TRPR)
            tr.insert(0, trpr)
        else:
            trpr = tr.get_or_add_trPr()
        if index < rows and trpr.find(_HEADER) is None:
            SubElement(trpr, _HEADER)  # on/off elements are on without a value
        if trpr.find(_CANT_SPLIT) is None:
            SubElement(trpr, _CANT_SPLIT)


_HEADER, _CANT_SPLIT = qn("w:tblHeader"), qn("w:cantSplit")


def _keep_rows(table: DocxTable, heads: int, count: int) -> None:
    """Keep the header rows with the first body rows and the last rows together across a
    page break (see ``ipdocs.writers.tablerows``): Word keeps a row on the page of the
    next where its paragraphs are kept with the next. (``_repeat_header`` keeps rows from
    splitting.)"""
    _keep_with_next(table, [True] * heads + kept_with_next(count))


def _keep_with_next(table: DocxTable, keep: Sequence[bool]) -> None:
    """Keep each row ``keep`` marks on the page of the next (its paragraphs kept with the
    next: what Word and LibreOffice honour for a row)."""
    rows = tbl_of(table).tr_lst
    for index, kept in enumerate(keep):
        if kept:
            for p in rows[index].iter(_P):
                _keep_next(p)


def _keep_next(p: BaseOxmlElement) -> None:
    """Keep a paragraph with the next (``w:keepNext`` in its place in ``w:pPr``: first,
    or after ``w:pStyle``), as python-docx's ``get_or_add_keepNext`` places it, without
    its search for the place (a table's kept rows hold hundreds of paragraphs)."""
    ppr = p.find(_PPR)
    if ppr is None:
        ppr = p.get_or_add_pPr()
    if ppr.find(_KEEP_NEXT) is not None:
        return
    first = ppr[0] if len(ppr) else None
    ppr.insert(1 if first is not None and first.tag == _PSTYLE else 0,
               ppr.makeelement(_KEEP_NEXT))


def _cell_text(cell: DocxCell, data: Cell, lang: str, style: str, align: str, w: Writer,
               color: str | None = None, scale: float = 1.0) -> DocxParagraph:
    """Write one cell's text in ``style`` (its size times ``scale``), aligned, coloured by
    direction if asked, into its first paragraph (returned)."""
    paragraph = DocxParagraph(tc_of(cell).find(_P), cell)  # its first (cell.paragraphs[0])
    style = _script(style, lang, w)
    _cell_look(paragraph, style, align, w)
    size = round(w.theme.style(style).size * scale * 2) / 2 if scale != 1.0 else None
    highlight = w.theme.mark(data.review, data.stale)
    if data.previous is None and not data.comment:  # nothing asks for the runs written
        _run(paragraph, data.text, lang, w, style, color=color, size=size,
             highlight=highlight)
        return paragraph
    runs = written(paragraph, partial(_run, paragraph, data.text, lang, w, style, color=color,
                                      size=size, highlight=highlight)
                   ) if data.text or data.previous is None else []
    comment(w.document, paragraph, runs, data.comment, w.revisions)
    if data.previous is not None:
        track(paragraph, runs, partial(_run, paragraph, data.previous, lang, w, style,
                                       size=size), w.revisions)
    return paragraph


def _cell_look(paragraph: DocxParagraph, style: str, align: str, w: Writer) -> None:
    """A cell paragraph's style and alignment: set through python-docx the first time a
    look occurs, copied into every further cell (a report's tables have a thousand cells
    and a handful of looks; python-docx finds each property's place anew every time)."""
    p = p_of(paragraph)
    proto = w.cell_looks.get((style, align))
    fresh = p.find(_PPR) is None
    if proto is not None and fresh:
        p.insert(0, proto.__deepcopy__(None))
        return
    set_style(paragraph, _word(style, w), w)
    paragraph.alignment = ALIGN[align]
    if fresh:
        w.cell_looks[(style, align)] = copy.deepcopy(p.get_or_add_pPr())


def write_table(node: Table, container: Container, w: Writer) -> None:
    """A table: caption, shaded header rows repeated on each page, numbers right-aligned."""
    caption, note = node.was if node.was is not None else (None, None)
    if node.caption or caption:
        paragraph, style = _styled(container, "caption", node.lang, w)
        _tracked(paragraph, node.caption, caption, node.lang, w, style)
    count = len(node.header) + len(node.rows)
    table = _add_table(container, count, len(node.columns), w)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table, w.theme.rule, inside=True)
    _cell_margins(table, CELL_PADDING, INSIDE_RULE)
    cells = grid(table)
    fit = _fit(node, w)
    _widths(cells, table, [width / PT_PER_MM for width in fit.widths])
    # no row split over two pages (nor inside a side-by-side cell, which LibreOffice splits)
    _repeat_header(table, len(node.header), keep=count)
    _look(table, bool(node.header), len(node.columns) > 1 and node.columns[0].align == "left",
          node.caption)
    for r, row in enumerate(node.header):
        if node.revision:
            track_row(tbl_of(table).tr_lst[r], node.revision, w.revisions)
        for c, data in enumerate(row):
            _table_cell(cells[r][c], data, node, c, r, fit, w)
    heads = len(node.header)
    for r, row in enumerate(node.rows, start=heads):
        if node.changes and node.changes[r - heads]:
            track_row(tbl_of(table).tr_lst[r], node.changes[r - heads], w.revisions)
        for c, data in enumerate(row):
            _table_cell(cells[r][c], data, node, c, r, fit, w)
    _middle(table)
    if not isinstance(container, DocxCell):
        _keep_rows(table, len(node.header), len(node.rows))
    _gap(container, after_table(w.theme), w)
    if node.note or note:
        paragraph, style = _styled(container, "note", node.lang, w)
        _tracked(paragraph, node.note, note, node.lang, w, style,
                 highlight=w.theme.mark(node.note_review, False))


def write_key_figures(node: KeyFigures, container: Container, w: Writer) -> None:
    """A panel of key figures, three to a row, value large, change coloured."""
    if node.title:
        paragraph, style = _styled(container, "caption", node.lang, w)
        _run(paragraph, node.title, node.lang, w, style)
    spec = w.theme.style("key-value")
    role = w.theme.font(spec).bundled
    naturals = [text_width(item.value, role, spec.bold, spec.size) for item in node.items]
    padding = KEY_PADDING[1]
    per_row = figures_per_row(naturals, w.width_mm * PT_PER_MM, padding, KEY_FIGURES_PER_ROW)
    rows = -(-len(node.items) // per_row)
    table = _add_table(container, rows, per_row, w)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table, w.theme.rule, inside=False)
    _cell_margins(table, KEY_PADDING)
    cells = grid(table)
    _widths(cells, table, _even(per_row, w.width_mm))
    _repeat_header(table, 0, keep=len(cells))
    _look(table, False, False, node.title)  # a layout of figures, each cell one
    for index, item in enumerate(node.items):
        cell = cells[index // per_row][index % per_row]
        _shade(cell, w.theme.fill)
        room = w.width_mm * PT_PER_MM / per_row - 2 * padding
        was = item.was
        value = item.value.replace(" ", NO_BREAK_SPACE)
        _cell_text(cell, Cell(value, stale=item.stale, previous=_differs(
                       was.value.replace(" ", NO_BREAK_SPACE) if was else None, value)),
                   node.lang, "key-value", "left", w,
                   scale=key_value_scale(naturals[index], room))
        color = direction_color(w.theme, item.direction)
        for lines, part, style, look in zip(
                item.lines(node.lang), ("label", "change", "rank"),
                ("key-label", "key-change", "key-label"),
                ({}, {"color": color, "highlight": w.theme.mark(False, item.stale)}, {}),
                strict=True):
            _key_lines(cell, lines, None if was is None else getattr(was, part), style,
                       node.lang, w, **look)
    _gap(container, after_panel(w.theme), w)


def _differs(old: str | None, new: str) -> str | None:
    """``old`` where it is given and differs from ``new``."""
    return None if old is None or old == new else old


def _key_lines(cell: DocxCell, lines: list[tuple[str, str]], old: str | None, style: str,
               lang: str, w: Writer, **look: Any) -> None:
    """A key figure's label, change or rank, a paragraph a line, each line in its own
    language (``lang``, the panel's, for a line only the compared document had); with
    ``old`` (its text in the document compared with), lines that changed as revisions."""
    before = (old or "").splitlines() if old is not None else None
    for at in range(max(len(lines), len(before or []))):
        line, line_lang = lines[at] if at < len(lines) else ("", lang)
        previous = None if before is None else _differs(
            before[at] if at < len(before) else "", line)
        _cell_line(cell, line, style, line_lang, w, previous=previous, **look)


def _cell_line(cell: DocxCell, text: str, style: str, lang: str, w: Writer,
               previous: str | None = None, **look: Any) -> None:
    """A paragraph of its own in a key figure's cell: a label, a change or a rank."""
    paragraph = cell.add_paragraph()
    style = _script(style, lang, w)
    set_style(paragraph, _word(style, w), w)
    runs = written(paragraph, partial(_run, paragraph, text, lang, w, style, **look)) \
        if text else []
    if previous is not None:
        track(paragraph, runs, partial(_run, paragraph, previous, lang, w, style),
              w.revisions)


def write_chart(node: Chart, container: Container, w: Writer) -> None:
    """A native Word chart (editable, with its workbook) under its caption."""
    assert w.document is not None
    title, source = _chart_was(node)
    gone = node.revision == "deleted"
    paragraph, style = _styled(container, "caption", node.lang, w)
    _tracked(paragraph, "" if gone else node.title, title, node.lang, w, style)
    font = w.theme.font(w.theme.style("table-cell"))
    node = in_face(node, font)
    shown = [*node.categories, *(s.name for s in node.series),
             *(label for s in node.series for label in s.labels)]
    own = language(node.lang, w)
    if own.han:
        family = whole_family("".join(shown), font, w.printed)
        fonts = (family, family)
    else:
        families("".join(shown), font, False, w.printed)
        fonts = (font.latin, font.east_asian)
    rid = add_chart_part(w.document, node, fonts, (w.theme.accent, w.theme.fall), own.tag)
    w.charts += 1
    holder = _paragraph(container, "table-cell", w)
    holder.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE  # room for the chart
    place_chart(holder, rid, w.width_mm, len(node.categories), 1000 + w.charts,
                node.alt or node.title, node.title, node.compact)
    if node.revision:
        track_runs(holder, node.revision, w.revisions)
    _gap(container, after_panel(w.theme), w)
    if node.source or source:
        paragraph, style = _styled(container, "note", node.lang, w)
        _tracked(paragraph, "" if gone else node.source, source, node.lang, w, style)


def _chart_was(node: Chart) -> tuple[str | None, str | None]:
    """The title and source a chart had in the document compared with (all of it, for a
    deleted chart); None each where there is none to compare with."""
    if node.revision == "deleted":
        return node.title, node.source
    return node.was if node.was is not None else (None, None)


def write_contents(node: Contents, container: Container, w: Writer) -> None:
    """The contents: a Word table of contents (a TOC field over the headings' outline
    levels, which Word's "Update Table" rebuilds) whose result is an entry per heading,
    a hyperlink to the heading's bookmark ending in a PAGEREF field to it.

    The page numbers are fields, not the PDF's numbers: LibreOffice computes each PAGEREF
    as it lays the file out (it keeps a TOC field's result as stored and fills in the
    fields inside), Word updates them when it opens the file (``w:updateFields``); a
    stored number would be wrong wherever the reader paginates differently."""
    paragraph, style = _styled(container, "toc-title", node.lang, w)
    _run(paragraph, node.title, node.lang, w, style)
    entries = [(number, heading) for number, heading in enumerate(w.headings, start=1)
               if heading.level <= node.depth]
    last: BaseOxmlElement | None = None
    for number, heading in entries:
        paragraph = _paragraph(container, "toc-entry", w)
        set_style(paragraph, "TOC 1" if heading.level == 1 else "TOC 2", w)
        p = p_of(paragraph)
        if last is None:
            p.extend(field_open(toc_instruction(node.depth)))
        start = len(p)
        _run(paragraph, concat(heading.display, "\t"), heading.lang, w, "toc-entry")
        look = p.r_lst[-1].rPr
        for run in field_runs(f"PAGEREF {toc_bookmark(number)} \\h"):
            if look is not None:
                run.insert(0, look.__deepcopy__(None))
            p.append(run)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), toc_bookmark(number))
        link.set(qn("w:history"), "1")
        link.extend(list(p)[start:])
        p.append(link)
        last = p
    if last is not None:
        last.append(field_char("end"))


def toc_instruction(depth: int) -> str:
    """The TOC field's instruction: entries from the headings' outline levels 1 to
    ``depth``, hyperlinked, page numbers hidden in web view, outline levels used."""
    return f'TOC \\o "1-{depth}" \\h \\z \\u'


def write_page_break(node: PageBreak, container: Container, w: Writer) -> None:
    """A page break (ignored inside a table cell)."""
    if isinstance(container, DocxDocument):
        container.add_page_break()  # type: ignore[no-untyped-call]


def _cell_blocks(cell: DocxCell, blocks: Sequence[Block], w: Writer) -> None:
    """Write blocks into a table cell, reusing the empty paragraph every cell starts with."""
    w.fresh[id(cell)] = cell.paragraphs[0]
    for block in blocks:
        write_block(block, cell, w)
    w.fresh.pop(id(cell), None)


def write_bilingual_rows(pairs: Sequence[Bilingual], container: Container, w: Writer) -> None:
    """Consecutive bilingual pairs as one borderless two-column table, a row per pair; a
    pair of tables (a table and its translation) as one table of both
    (``write_table_pair``), between such layout tables."""
    run: list[Bilingual] = []
    for pair in pairs:
        tables = table_pair(pair)
        if tables is None:
            run.append(pair)
            continue
        if run:
            _layout_rows(run, container, w)
            run = []
            _gap(container, TABLES_APART, w)  # Word joins two tables with nothing between
        write_table_pair(*tables, container, w)
    if run:
        _layout_rows(run, container, w)


TABLES_APART = 1.0
"""Points of the empty paragraph between a side-by-side layout table and a pair of tables
set as one after it."""


def _layout_rows(pairs: Sequence[Bilingual], container: Container, w: Writer) -> None:
    """Bilingual pairs as one borderless two-column table, a row per pair."""
    table = _add_table(container, len(pairs), 2, w)
    _borders(table, w.theme.rule, inside=False)
    _look(table, False, False)  # a layout: the two languages side by side
    outer = w.width_mm
    cells = grid(table)
    _widths(cells, table, _even(2, outer))
    w.width_mm = outer / 2 - 4
    for row, pair in zip(cells, pairs, strict=True):
        _cell_blocks(row[0], pair.left, w)
        _cell_blocks(row[1], pair.right, w)
        for cell in row:
            _loose_captions(cell)
    w.width_mm = outer


def table_pair(pair: Bilingual) -> tuple[Table, Table] | None:
    """The two tables of a side-by-side pair that is a table and its translation (the
    same header and body rows, inserted, deleted or kept alike against a document
    compared with), or None."""
    if len(pair.left) != 1 or len(pair.right) != 1:
        return None
    left, right = pair.left[0], pair.right[0]
    if not (isinstance(left, Table) and isinstance(right, Table)):
        return None
    if len(left.header) != len(right.header) or len(left.rows) != len(right.rows) or \
            left.revision != right.revision or left.changes != right.changes:
        return None
    return left, right


def write_table_pair(left: Table, right: Table, container: Container, w: Writer) -> None:
    """A table and its translation side by side as one table, each in its half of the
    measure with an empty column between: row n of both on one row, so that where the
    pair breaks across pages both break after the same row (Word and LibreOffice split
    each table nested in a side-by-side cell on its own: Ningbo's official edition had
    the Chinese table whole on one page and the English one split). The captions are its
    first row and repeat with the header rows; the notes its last row. Against a
    document compared with, rows inserted or deleted are tracked as ``write_table``
    tracks them, captions and notes that changed as revisions of their text."""
    outer = w.width_mm
    w.width_mm = outer / 2 - 4
    fits = _fit(left, w), _fit(right, w)
    w.width_mm = outer
    halves = [[width / PT_PER_MM for width in fit.widths] for fit in fits]
    gutter = max(outer - sum(halves[0]) - sum(halves[1]), 0.0)
    was = [t.was if t.was is not None else (None, None) for t in (left, right)]
    top = 1 if any((left.caption, right.caption, was[0][0], was[1][0])) else 0
    heads = top + len(left.header)
    notes = 1 if any((left.note, right.note, was[0][1], was[1][1])) else 0
    count = heads + len(left.rows) + notes
    table = _add_table(container, count, len(halves[0]) + 1 + len(halves[1]), w)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table, w.theme.rule, inside=False)  # the rules are the cells' (_rules)
    _cell_margins(table, CELL_PADDING, INSIDE_RULE)
    cells = grid(table)
    _widths(cells, table, [*halves[0], gutter, *halves[1]])
    _repeat_header(table, heads, keep=count)
    _look(table, True, left.columns[0].align == "left",
          " / ".join(c for c in (left.caption, right.caption) if c))
    for node, fit, start, (caption, note) in ((left, fits[0], 0, was[0]),
                                              (right, fits[1], len(halves[0]) + 1, was[1])):
        span = [row[start:start + len(node.columns)] for row in cells]
        if top:  # set as the PDF sets its caption row: no space above or below it
            _spanning(span[0], node.caption, caption, "caption", node.lang, w, space=False)
        _half(node, fit, span[top:top + len(node.header) + len(node.rows)], w)
        if notes:
            _spanning(span[-1], node.note, note, "note", node.lang, w,
                      highlight=w.theme.mark(node.note_review, False))
    rows = tbl_of(table).tr_lst
    for index, change in enumerate([left.revision] * len(left.header) + list(left.changes)):
        if change:
            track_row(rows[top + index], change, w.revisions)
    _middle(table)
    if not isinstance(container, DocxCell):
        _keep_pair_rows(table, heads, len(left.rows), notes)
    _gap(container, after_table(w.theme), w)


def _keep_pair_rows(table: DocxTable, heads: int, count: int, notes: int) -> None:
    """Keep a pair of tables' header rows with its first body row, its last rows
    together (``tablerows.kept_last``) and with the notes' row. Its first rows are not
    kept with the header as a table's are (``_keep_rows``): LibreOffice moves the whole
    pair to the next page for them, and its rows being as tall as the taller of each
    pair, that cost Ningbo's side-by-side DOCX a page against the PDF's (29, and its
    Sources alone on the last)."""
    keep = [True] * heads + [False] * (count + notes)
    first, last = unbroken(count)[-1] if count else (0, -1)
    for index in range(first, last + (1 if notes else 0)):
        keep[heads + index] = True
    _keep_with_next(table, keep)


def _spanning(cells: Sequence[DocxCell], text: str, previous: str | None, style: str,
              lang: str, w: Writer, space: bool = True, **look: Any) -> None:
    """``text`` in ``style`` in one cell made of ``cells`` (a caption or a note over its
    half of a pair of tables; ``previous``, its text in a document compared with, as
    ``_tracked`` takes it); without the style's space above and below unless
    ``space``."""
    cell = cells[0].merge(cells[-1]) if len(cells) > 1 else cells[0]
    paragraph = cell.paragraphs[0]
    style = _script(style, lang, w)
    set_style(paragraph, _word(style, w), w)
    if not space:
        paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = 0
    if text or previous:
        _tracked(paragraph, text, previous, lang, w, style, **look)


def _half(node: Table, fit: TableFit, rows: Sequence[Sequence[DocxCell]], w: Writer) -> None:
    """One table of a pair in its half of the rows: header rows shaded, body rows, each
    row ruled below (the header's first above), as ``write_table`` sets a table."""
    for r, row in enumerate((*node.header, *node.rows)):
        for c, data in enumerate(row):
            cell = rows[r][c]
            _rules(cell, w.theme.rule, above=r == 0, heavy_below=r == len(rows) - 1)
            _table_cell(cell, data, node, c, r, fit, w)


def _table_cell(cell: DocxCell, data: Cell, node: Table, column: int, row: int,
                fit: TableFit, w: Writer) -> None:
    """One cell of a data table, ``row`` counting its header rows: a header cell shaded,
    a body cell in its column's language, coloured by direction and padded where the
    table's fit asks (``fit.pads``), each at the fit's scale."""
    align = node.columns[column].align
    if row < len(node.header):
        _shade(cell, header_fill(w.theme))
        _cell_text(cell, data, node.lang, "table-header", align, w, scale=fit.scale)
        return
    paragraph = _cell_text(cell, data, node.columns[column].lang or node.lang, "table-cell",
                           align, w, direction_color(w.theme, data.direction), fit.scale)
    if (column, row) in fit.pads:  # as python-docx's ``right_indent`` sets it
        ordered_child(_ppr(p_of(paragraph)), "w:ind", PPR_ORDER,
                      w_right=str(Pt(fit.pads[(column, row)]).twips))


def _rules(cell: DocxCell, color: str, above: bool, heavy_below: bool) -> None:
    """A cell's rules, as a table's own borders draw them (``_borders``): the table's
    rule above its first row, ``INSIDE_RULE`` below each row, the table's below its
    last."""
    borders = child(_tcpr(tc_of(cell)), "w:tcBorders")
    inside = str(round(INSIDE_RULE * 8))
    for edge, on, size in (("top", above, "6"), ("bottom", True, "6" if heavy_below
                                                    else inside)):
        if on:
            child(borders, f"w:{edge}", w_val="single", w_sz=size, w_space="0",
                  w_color=color)


def _loose_captions(cell: DocxCell) -> None:
    """Captions in a side-by-side cell not kept with their table: LibreOffice keeps the
    caption with the table nested after it by moving the whole row to the next page,
    leaving half pages empty (Ningbo side by side: 31 pages against the PDF's 27)."""
    for p in tc_of(cell).iter(qn("w:p")):
        style = p.pPr.pStyle if p.pPr is not None else None
        if style is not None and style.val == "Caption":
            p.get_or_add_pPr().get_or_add_keepNext().set(qn("w:val"), "0")


WRITERS: dict[type, Callable[[Any, Container, Writer], None]] = {
    Paragraph: write_paragraph,
    ItemList: write_list,
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


def write_blocks(blocks: Sequence[Block], container: Container, w: Writer,
                 after: Callable[[], None] | None = None) -> None:
    """Write blocks in order, grouping runs of bilingual pairs into one table; a table's
    last rows kept with the short text that closes the document after it
    (``ipdocs.writers.tablerows.closing``); call ``after`` once each is written and
    kept (the body's spool, which serialises it and takes it out of the body)."""
    items = list(grouped(blocks))
    body = container.element.body if isinstance(container, DocxDocument) else None
    kept_until = -1  # the last item a table's last rows are kept with
    for index, item in enumerate(items):
        start = _written(body)
        if isinstance(item, list):
            write_bilingual_rows(item, container, w)
        else:
            write_block(item, container, w)
        if body is not None:
            kept_until = _kept(items, index, body[start:_written(body)], kept_until)
        if after is not None:
            after()


def _kept(items: Sequence[Any], index: int, elements: Sequence[Any], kept_until: int) -> int:
    """Keep the elements just written of ``items[index]`` with the short text that
    closes the document, where a table before it asks so; the last item so kept."""
    item = items[index]
    kept = closing(items[index + 1:]) if isinstance(item, Table) else 0
    if kept:
        _keep_closing(elements, table_end=True, last=False)
        return max(kept_until, index + kept)
    if index <= kept_until:
        _keep_closing(elements, table_end=False, last=index == kept_until)
    return kept_until


def _written(body: Any) -> int:
    """How many blocks the document's body holds (its section properties, which stay
    last, not counted); 0 without a body (a table cell)."""
    if body is None:
        return 0
    return len(body) - (1 if len(body) and body[-1].tag == qn("w:sectPr") else 0)


def _keep_closing(elements: Sequence[Any], table_end: bool, last: bool) -> None:
    """Keep ``elements`` (one block's) with what follows them: of a table kept with the
    text that closes the document, its last row (the rows before it are kept with it
    already) and what follows the table; of that text, every paragraph but the last
    (``last``: the end of what is kept), a side-by-side table's last row included."""
    paragraphs: list[Any] = []
    for element in elements:
        if element.tag == qn("w:tbl"):
            rows = element.findall(qn("w:tr"))
            kept_rows = rows[-1:] if table_end else rows
            if last and not table_end and element is elements[-1]:
                kept_rows = rows[:-1]
            paragraphs += [p for row in kept_rows for p in row.iter(qn("w:p"))]
        elif element.tag == qn("w:p"):
            paragraphs.append(element)
    if last and paragraphs and elements[-1].tag == qn("w:p"):
        paragraphs = paragraphs[:-1]
    for p in paragraphs:
        p.get_or_add_pPr().get_or_add_keepNext()

