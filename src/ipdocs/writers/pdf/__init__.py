"""The PDF writer (reportlab platypus): a document tree and a theme into PDF bytes.

Bundled CJK faces embedded as subsets, Chinese line breaking owned by
``linebreak``, a PDF outline and a table of contents, metadata, and identical bytes for
identical input.
"""

from __future__ import annotations

import io
import re

from ipdocs.base.collector import paused
from ipdocs.doc import Document
from ipdocs.themes import Theme
from ipdocs.writers import RenderError
from ipdocs.writers.epoch import source_date
from ipdocs.writers.pdf.adapter import (
    LayoutError,
    remember_compression,
    remember_encoding,
    remember_names,
    remember_subsets,
)
from ipdocs.writers.pdf.blocks import check, flowables, header_block, letterhead_lines, masthead
from ipdocs.writers.pdf.fonts import FontError, Fonts
from ipdocs.writers.pdf.keptlayouts import kept_layouts
from ipdocs.writers.pdf.page import MM, Template, TooLong
from ipdocs.writers.pdf.setting import Writer, font_name, note_uncovered
from ipdocs.writers.pdf.tagging import StructTree
from ipdocs.writers.pdf.text import layout_known, remember_layouts
from ipdocs.writers.pdf.toc import number_look
from ipdocs.writers.subsets import embedded_text

__all__ = ["FontError", "PageLayoutError", "render_pdf", "render_pdf_within"]

remember_compression()
remember_subsets()
remember_encoding()
remember_names()


class PageLayoutError(RenderError):
    """Content that cannot be laid out on pages: a block taller than a page that cannot
    be split (a table row, a picture)."""


def _layout_message(exc: LayoutError) -> str:
    """What reportlab's layout error means for the person who wrote the spec."""
    text = str(exc)
    kind = re.search(r"<(\w+)[ @]", text)
    size = re.search(r">\.\.\.\(([\d.]+) x ([\d.]+)\)", text)
    page = re.search(r"too large on page (\d+)", text)
    room = re.search(r"in frame '[^']*'\(([\d.]+) x ([\d.]+)", text)
    if not (kind and size and page and room):
        return f"cannot lay out the document: {text}"
    what = {"SideBySide": "a side-by-side pair", "Table": "a table row",  # the tables
            "RowsOnce": "a table row", "_Grid": "a table row"}.get(kind.group(1), "a block")
    row = re.search(r"tallest row ([\d.]+)", text)
    height = float(row.group(1) if row else size.group(2))
    return (f"{what} {height:.0f} pt tall cannot be split and does not fit on "
            f"page {page.group(1)} ({float(room.group(2)):.0f} pt): shorten the longest "
            "cell or label in it")


def _check_headers(doc: Document, writer: Writer) -> None:
    """Note the running header's characters no face can set (``blocks.check`` says)."""
    style = writer.theme.style("header")
    face = writer.fonts.face(style.font, style.bold)
    for text in doc.headers:
        missing = writer.fonts.missing(text, [face])
        if missing:
            note_uncovered(writer, missing, f"not {font_name(writer.theme, style.font)}, the "
                                            "theme's fallbacks or this machine's", text,
                           (style.font, style.bold, False))


def render_pdf(doc: Document, theme: Theme) -> bytes:
    """The PDF of ``doc`` set in ``theme``; FontError if a character cannot be set.
    reportlab dates it by ``SOURCE_DATE_EPOCH`` when set, checked here first."""
    data = _render(doc, theme, None)
    assert data is not None  # only a page limit stops a layout
    return data


def render_pdf_within(doc: Document, theme: Theme, pages: int, drawn: bool = True,
                      fits: bool = False) -> bytes | None:
    """The PDF of ``doc`` as ``render_pdf`` makes it, if it fills at most ``pages``
    pages; else None, as soon as the layout begins the page after them (the rest is
    not laid out and no bytes are made: what page fitting needs to know of a brief too
    long).

    Laid out first without drawing (``Template.dry``): most briefs page fitting tries
    are too long, and drawing the pages of one is wasted. One that fits is then laid
    out again (its lines remembered) and drawn; not ``drawn``, it is not, and ``b""``
    says that it fits. One a caller already found to fit (``fits``) is drawn at once."""
    if not fits and _render(doc, theme, pages, dry=True) is None:
        return None
    if not drawn:
        return b""
    return _render(doc, theme, pages)


def _render(doc: Document, theme: Theme, pages: int | None, dry: bool = False
            ) -> bytes | None:
    """The PDF of ``doc``, or None when it would fill more than ``pages`` pages; with
    ``dry``, laid out only (no text drawn, no file: empty bytes when it fits). Made with
    the cyclic garbage collector paused (``base.collector``)."""
    source_date()
    width = (theme.page.width - theme.page.inside - theme.page.outside) * MM
    with paused(), kept_layouts(doc, theme, width, remember_layouts, layout_known):
        return _laid_out(doc, theme, width, pages, dry)


def _laid_out(doc: Document, theme: Theme, width: float, pages: int | None, dry: bool
              ) -> bytes | None:
    """``_render``'s work, its text ``width`` wide (the layouts an earlier process kept
    remembered around it)."""
    fonts = Fonts(theme, embedded_text(doc, theme))
    writer = Writer(theme, fonts, width, languages=doc.languages,
                    tags=StructTree(doc.metadata.lang))
    if theme.header_text:
        _check_headers(doc, writer)
    story = masthead(doc.main, writer) + flowables(doc.blocks, writer)
    header = header_block(doc, writer) if theme.header_text and doc.headers else None
    letterhead = letterhead_lines(doc, writer)
    check(writer)
    buffer = io.BytesIO()
    template = Template(buffer, doc, theme, fonts, number_look(writer), header, writer.tags,
                        letterhead)
    template.most_pages = pages
    template.dry = dry
    try:
        template.build_story(story)
    except TooLong:
        return None
    except LayoutError as exc:
        raise PageLayoutError(_layout_message(exc)) from None
    return buffer.getvalue()
