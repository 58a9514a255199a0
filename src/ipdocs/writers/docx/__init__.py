"""The DOCX writer (python-docx): a document tree and a theme into Word bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from typing import TypeVar

import docx
from docx.document import Document as DocxDocument

from ipdocs.base.collector import paused
from ipdocs.base.kept import drop_oldest
from ipdocs.base.records import datarecord
from ipdocs.doc import Bilingual, Block, Document, Paragraph, find_language, headings
from ipdocs.themes import Theme
from ipdocs.writers.docx.adapter import serialised, serialised_styles, styles_member
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
from ipdocs.writers.docx.keptblank import blank_source, read_blank, write_blank
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

Key = tuple[str, tuple[str, str], bool]
"""What a styled blank is told by: its theme's ``repr``, its tags, whether it hyphenates."""

_STYLED: dict[Key, bytes | None] = {}
_STYLE_IDS: dict[Key, dict[str, str]] = {}
"""The style ids of Word style names in the styled blank of each key of ``_STYLED``
(and of the styles a document adds to it, whose ids their names make): looked up in
the first document made of it, by python-docx's search of its hundreds of styles."""


_PARAGRAPH_STYLES: dict[Key, dict[str, str | None]] = {}
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


def _of_blank(kept: dict[Key, dict[str, V]], key: Key) -> dict[str, V]:
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
    in their languages, a fitted brief's trial scales) is not saved, unless the font
    cache keeps it for later processes (``keptblank``): the first document of a process
    opens the blank an earlier one kept, or makes it, saves it and keeps it there
    (``keep_blank``, once its style ids are found). Made or opened, the blank is the
    same (tests hold a DOCX made first and made later byte for byte, and one made with
    an empty cache and a filled one)."""
    key = (repr(theme), tags, hyphenate)
    data = _STYLED.get(key)
    if data is None and key not in _STYLED:  # the process's first: kept on disk?
        data = _read_blank(key, theme, tags, hyphenate)
    if data is not None:
        return docx.Document(io.BytesIO(data))
    document = blank(theme, tags, hyphenate)
    apply_theme(document, theme, hyphenate)
    if key in _STYLED or key in _ON_DISK:  # made before, or to be kept on disk: keep it
        buffer = io.BytesIO()
        document.save(buffer)
        serialised_styles(document)  # its styles opened again are read when needed
        _hold(_STYLED, key, stored(buffer.getvalue()))
        if key in _ON_DISK:
            _ON_DISK[key].member = styles_member(document)
        return document
    _hold(_STYLED, key, None)
    return document


def _hold(kept: dict[Key, V], key: Key, value: V) -> None:
    """``kept[key] = value``, the oldest let go where ``STYLED_KEPT`` are kept."""
    if key not in kept and len(kept) >= STYLED_KEPT:
        drop_oldest(kept)
    kept[key] = value


@datarecord
class _OnDisk:
    """Where a styled blank is kept in the font cache (``keptblank.blank_source``), the
    zip member of its styles part once it is saved, and how many style ids the kept file
    holds (-1: none kept yet)."""

    source: bytes
    member: str | None = None
    ids: int = -1


_ON_DISK: dict[Key, _OnDisk] = {}
"""The styled blanks of the process the font cache keeps (or is to keep), by key (at
most ``STYLED_KEPT``)."""


def _read_blank(key: Key, theme: Theme, tags: tuple[str, str], hyphenate: bool
                ) -> bytes | None:
    """The saved bytes of the blank of ``key`` an earlier process kept in the font cache,
    which the process keeps too (``_STYLED``), its styles known as python-docx's own
    serialisation and its style ids as found; None where none is kept (the blank is then
    to be kept, ``_ON_DISK``, where the cache can keep it)."""
    source = blank_source(theme, tags, hyphenate)
    if source is None:
        return None
    on_disk = _OnDisk(source)
    _hold(_ON_DISK, key, on_disk)
    kept = read_blank(source)
    if kept is None:
        return None
    data, member, ids, found = kept
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            serialised(package.read(member))
    except (KeyError, zipfile.BadZipFile):
        return None
    _of_blank(_STYLE_IDS, key).update(ids)
    _of_blank(_PARAGRAPH_STYLES, key).update(found)
    on_disk.ids, on_disk.member = len(ids) + len(found), member
    _hold(_STYLED, key, data)
    return data


def keep_blank(theme: Theme, tags: tuple[str, str], hyphenate: bool) -> None:
    """Keep the styled blank of a document just written in the font cache, with the
    style ids found in it so far, where it is to be kept and its file lacks some."""
    key = (repr(theme), tags, hyphenate)
    on_disk, data = _ON_DISK.get(key), _STYLED.get(key)
    if on_disk is None or on_disk.member is None or data is None:
        return
    ids, found = _STYLE_IDS.get(key, {}), _PARAGRAPH_STYLES.get(key, {})
    if len(ids) + len(found) != on_disk.ids:
        write_blank(on_disk.source, (data, on_disk.member, dict(ids), dict(found)))
        on_disk.ids = len(ids) + len(found)


def _revised_at(created: dt.datetime) -> dt.datetime:
    """The time a Word file's revisions carry: when its properties say it was created,
    as python-docx reads it back; EPOCH for a year before 1000, which python-docx writes
    in fewer than four digits and cannot read back (nor is it an XML date)."""
    return created if created.year >= 1000 else EPOCH


def render_docx(doc: Document, theme: Theme) -> bytes:
    """The Word file of ``doc`` set in ``theme``, made with the cyclic garbage collector
    paused (``base.collector``)."""
    with paused():
        return _docx_bytes(doc, theme)


def _docx_bytes(doc: Document, theme: Theme) -> bytes:
    """``render_docx``'s work."""
    writer = Writer(theme, doc.languages)
    hyphenate = any(find_language(doc.languages, lang).hyphenates
                    for lang in paragraph_languages(doc.blocks))
    tags = (doc.main.tag, east_asian_tag(writer))
    document = styled_blank(theme, tags, hyphenate)
    set_geometry(document, theme)
    set_header_footer(document, theme, doc, paragraph_styles(theme, tags, hyphenate))
    created = set_properties(document, doc)
    declare_fonts(document, {f.east_asian: f.alternates for f in theme.fonts.values()})
    width = theme.page.width - theme.page.inside - theme.page.outside
    body = document.element.body
    for paragraph in list(body.iterchildren()):
        if paragraph.tag.endswith("}p"):
            body.remove(paragraph)
    writer = Writer(theme, doc.languages, tuple(headings(doc.blocks)), width,
                    document=document, known_ids=style_ids(theme, tags, hyphenate),
                    revisions=Revisions(_revised_at(created)))
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
    keep_blank(theme, tags, hyphenate)
    return data
