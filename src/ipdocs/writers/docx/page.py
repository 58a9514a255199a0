"""Page geometry, running header and footer with page numbers, document properties."""

from __future__ import annotations

import datetime as dt

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from docx.text.paragraph import Paragraph as DocxParagraph

from ipdocs.doc import Document
from ipdocs.themes import Theme
from ipdocs.writers.docx.styles import word_style
from ipdocs.writers.docx.xml import child, field, set_fonts

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""Creation time of documents whose metadata names no date: fixed, for identical output."""


def set_geometry(document: DocxDocument, theme: Theme) -> None:
    """Page size and margins from the theme (inside = binding edge when mirrored)."""
    page = theme.page
    section = document.sections[0]
    section.page_width, section.page_height = Mm(page.width), Mm(page.height)
    section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
    section.left_margin, section.right_margin = Mm(page.inside), Mm(page.outside)
    section.header_distance, section.footer_distance = Mm(page.header), Mm(page.footer)


def _page_number(paragraph: DocxParagraph, theme: Theme, align: WD_ALIGN_PARAGRAPH) -> None:
    """Fill a footer paragraph with the theme's page-number format around a PAGE field."""
    paragraph.style = "Footer"
    paragraph.alignment = align
    before, _, after = theme.page_number.format.partition("{n}")
    if before:
        paragraph.add_run(before)
    field(paragraph._p, "PAGE", "1")
    if after:
        paragraph.add_run(after)
    font = theme.font(theme.page_number.font)
    for run in paragraph._p.r_lst:
        rpr = run.get_or_add_rPr()
        set_fonts(rpr, font.latin, font.east_asian)
        child(rpr, "w:sz", w_val=str(round(theme.page_number.size * 2)))


def set_header_footer(document: DocxDocument, theme: Theme, doc: Document) -> None:
    """Page numbers in the footer (odd right, even left when ``outside``); running header."""
    section = document.sections[0]
    outside = theme.page_number.align == "outside"
    first = WD_ALIGN_PARAGRAPH.RIGHT if outside else WD_ALIGN_PARAGRAPH.CENTER
    _page_number(section.footer.paragraphs[0], theme, first)
    if outside:
        _page_number(section.even_page_footer.paragraphs[0], theme, WD_ALIGN_PARAGRAPH.LEFT)
    if theme.header_text and doc.headers:
        header = section.header.paragraphs[0]
        header.style = word_style(document, "Header")
        header.text = doc.headers[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if outside:
            even = section.even_page_header.paragraphs[0]
            even.style = word_style(document, "Header")
            even.text = doc.headers[0]


def set_properties(document: DocxDocument, doc: Document) -> None:
    """Core properties from the tree's metadata; fixed times, so output is reproducible."""
    meta = doc.metadata
    props = document.core_properties
    props.title = meta.title
    props.subject = meta.subject
    props.author = meta.author
    props.keywords = ", ".join(meta.keywords)
    props.language = meta.lang
    props.comments = ""
    props.category = ""
    props.last_modified_by = "ipdocs"
    props.revision = 1
    when = dt.datetime.combine(meta.date, dt.time(), dt.UTC) if meta.date else EPOCH
    props.created = props.modified = when
