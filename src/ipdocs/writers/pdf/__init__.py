"""The PDF writer (reportlab platypus): a document tree and a theme into PDF bytes.

Bundled CJK faces embedded as subsets, Chinese line breaking owned by
``linebreak``, a PDF outline and a table of contents, metadata, and identical bytes for
identical input.
"""

from __future__ import annotations

import io

from ipdocs.doc import Document
from ipdocs.themes import Theme
from ipdocs.writers.pdf.blocks import Writer, check, flowables
from ipdocs.writers.pdf.fonts import FontError, Fonts, Where, uncovered_message
from ipdocs.writers.pdf.page import MM, Template
from ipdocs.writers.pdf.toc import number_look
from ipdocs.writers.subsets import embedded_text

__all__ = ["FontError", "render_pdf"]


def _check_headers(doc: Document, fonts: Fonts, theme: Theme) -> list[str]:
    """Problems with the running header's characters."""
    face = fonts.face(theme.style("header").font)
    return [uncovered_message(missing, Where(text)) for text in doc.headers
            if (missing := fonts.missing(text, [face]))]


def render_pdf(doc: Document, theme: Theme) -> bytes:
    """The PDF of ``doc`` set in ``theme``; FontError if a character cannot be set."""
    fonts = Fonts(theme, embedded_text(doc, theme))
    width = (theme.page.width - theme.page.inside - theme.page.outside) * MM
    writer = Writer(theme, fonts, width)
    writer.problems += _check_headers(doc, fonts, theme) if theme.header_text else []
    story = flowables(doc.blocks, writer)
    check(writer)
    buffer = io.BytesIO()
    Template(buffer, doc, theme, fonts, number_look(writer)).build_story(story)
    return buffer.getvalue()
