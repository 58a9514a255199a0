"""The DOCX writer (python-docx): a document tree and a theme into Word bytes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TypeVar

import docx
from docx.document import Document as DocxDocument

from ipdocs.base.kept import drop_oldest
from ipdocs.doc import Bilingual, Block, Document, Paragraph, find_language, headings
from ipdocs.themes import Theme
from ipdocs.writers.docx.adapter import serialised_styles
from ipdocs.writers.docx.blocks import Writer, east_asian_tag, write_blocks, write_masthead
from ipdocs.writers.docx.fonts import (
    FontError,
    Printed,
    check_missing,
    declare_fonts,
    embed_printed,
    families,
    prune_font_table,
)
from ipdocs.writers.docx.page import (
    EPOCH,
    keep_draft_mark,
    set_geometry,
    set_header_footer,
    set_properties,
)
from ipdocs.writers.docx.reference import apply_reference
from ipdocs.writers.docx.revisions import Revisions, track_changes_on
from ipdocs.writers.docx.spool import BodySpool
from ipdocs.writers.docx.styles import apply_theme
from ipdocs.writers.docx.template import blank
from ipdocs.writers.docx.zips import let_go, package_bytes, stored

__all__ = ["FontError", "render_docx"]

V = TypeVar("V")


def paragraph_languages(blocks: Sequence[Block]) -> set[str]:
    """The languages of the tree's running text (its paragraphs, those inside bilingual
    pairs included): the text hyphenation is for. (A Chinese brief's glossary has an
    English column and its text English names: it is not hyphenated.)"""
    found: set[str] = set()
    for block in blocks:
        if isinstance(block, Paragraph):
            found.add(block.lang)
        elif isinstance(block, Bilingual):
            found |= paragraph_languages(block.left) | paragraph_languages(block.right)
    return found


def note_page_furniture(printed: Printed, doc: Document, theme: Theme) -> None:
    """Note what the header and footer print: the running header, the page numbers."""
    number = theme.font(theme.page_number.font)
    han = doc.main.han
    families(theme.page_number.format.replace("{n}", "0123456789"), number, False, printed,
             han=han)
    header = theme.style("header")
    if theme.header_text and doc.headers:
        families(doc.headers[0], theme.font(header), header.bold, printed, han=han)
    if doc.metadata.draft:  # the draft's mark, bold, on every page
        families(doc.metadata.draft, theme.font(header), True, printed, han=han)


STYLED_KEPT = 8
"""How many styled blank documents a process keeps (``styled_blank``)."""

_STYLED: dict[tuple[str, tuple[str, str], bool], bytes | None] = {}
_STYLE_IDS: dict[tuple[str, tuple[str, str], bool], dict[str, str]] = {}
"""The style ids of Word style names in the styled blank of each key of ``_STYLED``
(and of the styles a document adds to it, whose ids their names make): looked up in
the first document made of it, by python-docx's search of its hundreds of styles."""


_PARAGRAPH_STYLES: dict[tuple[str, tuple[str, str], bool], dict[str, str | None]] = {}
"""The ``w:pStyle`` value a paragraph of a Word style takes in the styled blank of each
key of ``_STYLED`` (None for the default paragraph style; ``page._styled_as``)."""


def style_ids(theme: Theme, tags: tuple[str, str], hyphenate: bool) -> dict[str, str]:
    """The style ids found so far in documents made of this styled blank (``_STYLE_IDS``:
    the writer adds those it looks up)."""
    return _of_blank(_STYLE_IDS, (repr(theme), tags, hyphenate))


def paragraph_styles(theme: Theme, tags: tuple[str, str], hyphenate: bool
                     ) -> dict[str, str | None]:
    """The paragraph styles' values found so far in documents made of this styled blank
    (``_PARAGRAPH_STYLES``)."""
    return _of_blank(_PARAGRAPH_STYLES, (repr(theme), tags, hyphenate))


def _of_blank(kept: dict[tuple[str, tuple[str, str], bool], dict[str, V]],
              key: tuple[str, tuple[str, str], bool]) -> dict[str, V]:
    """What ``kept`` holds for the styled blank of ``key``, made empty where it holds
    nothing (at most ``STYLED_KEPT`` blanks' kept)."""
    found = kept.get(key)
    if found is None:
        if len(kept) >= STYLED_KEPT:
            drop_oldest(kept)
        found = kept[key] = {}
    return found


def styled_blank(theme: Theme, tags: tuple[str, str], hyphenate: bool) -> DocxDocument:
    """A blank document (``template.blank``) with the theme's styles (``styles.apply_theme``).

    The second document a process makes for a theme (by its whole value), languages and
    hyphenation keeps its blank saved, and every later one opens those bytes afresh
    rather than searching and restyling the template's hundreds of styles (opening: a
    third of making; saving: a fifth). A document made once only (a report's outputs
    in their languages, a fitted brief's trial scales) is not saved. Made or opened, the
    blank is the same (tests hold a DOCX made first and made later byte for byte)."""
    key = (repr(theme), tags, hyphenate)
    data = _STYLED.get(key)
    if data is not None:
        return docx.Document(io.BytesIO(data))
    document = blank(theme, tags, hyphenate)
    apply_theme(document, theme, hyphenate)
    if key in _STYLED:  # made before: keep it
        buffer = io.BytesIO()
        document.save(buffer)
        serialised_styles(document)  # its styles opened again are read when needed
        _STYLED[key] = stored(buffer.getvalue())
        return document
    if len(_STYLED) >= STYLED_KEPT:
        drop_oldest(_STYLED)
    _STYLED[key] = None
    return document


def render_docx(doc: Document, theme: Theme) -> bytes:
    """The Word file of ``doc`` set in ``theme``."""
    writer = Writer(theme, doc.languages)
    hyphenate = any(find_language(doc.languages, lang).hyphenates
                    for lang in paragraph_languages(doc.blocks))
    tags = (doc.main.tag, east_asian_tag(writer))
    document = styled_blank(theme, tags, hyphenate)
    set_geometry(document, theme)
    set_header_footer(document, theme, doc, paragraph_styles(theme, tags, hyphenate))
    set_properties(document, doc)
    declare_fonts(document, {f.east_asian: f.alternates for f in theme.fonts.values()})
    width = theme.page.width - theme.page.inside - theme.page.outside
    body = document.element.body
    for paragraph in list(body.iterchildren()):
        if paragraph.tag.endswith("}p"):
            body.remove(paragraph)
    writer = Writer(theme, doc.languages, tuple(headings(doc.blocks)), width,
                    document=document, known_ids=style_ids(theme, tags, hyphenate),
                    revisions=Revisions(document.core_properties.created or EPOCH))
    spool = BodySpool(body)
    write_masthead(document, writer)
    write_blocks(doc.blocks, document, writer, after=spool.flush)
    spool.flush()
    if writer.revisions.count:
        track_changes_on(document)
    note_page_furniture(writer.printed, doc, theme)
    check_missing(writer.printed)
    embed_printed(document, writer.printed, doc.charset)
    if theme.reference_docx:
        apply_reference(document, theme.reference_docx)
        keep_draft_mark(document, doc, theme)
    blobs = {str(document.part.partname): spool.document_xml(document.part.blob)}
    prune_font_table(document, blobs)
    data = package_bytes(document.part.package, blobs)
    let_go(document)
    return data
