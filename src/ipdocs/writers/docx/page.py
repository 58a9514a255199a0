"""Page geometry, running header and footer with page numbers, document properties."""

from __future__ import annotations

import datetime as dt

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from ipdocs.doc import Document
from ipdocs.themes import Theme
from ipdocs.writers.docx.styles import word_style
from ipdocs.writers.docx.xml import field
from ipdocs.writers.epoch import source_date

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
    if doc.metadata.draft:
        headers = [section.header, *([section.even_page_header] if outside else [])]
        for part in headers:
            _draft_mark(part.paragraphs[0], doc.metadata.draft, document, theme.draft)


def _draft_mark(paragraph: DocxParagraph, mark: str, document: DocxDocument,
                color: str) -> None:
    """A draft's mark at the head of every page: bold, in red, before the running head."""
    if not paragraph.style or paragraph.style.name != "Header":
        paragraph.style = word_style(document, "Header")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    mark_run = paragraph.add_run(f"{mark}  ")
    mark_run.bold = True
    mark_run.font.color.rgb = RGBColor.from_string(color)
    paragraph._p.remove(mark_run._r)
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, mark_run._r)


def set_properties(document: DocxDocument, doc: Document) -> None:
    """Core properties from the tree's metadata; fixed times, so output is reproducible:
    ``SOURCE_DATE_EPOCH`` when set (as in the PDF), else the report's date, else EPOCH."""
    meta = doc.metadata
    props = document.core_properties
    props.title = meta.title
    props.subject = meta.subject
    props.author = meta.author
    props.keywords = ", ".join([*meta.keywords, *([meta.draft] if meta.draft else [])])
    props.content_status = meta.draft
    props.language = meta.lang
    props.comments = ""
    props.category = ""
    props.last_modified_by = "ipdocs"
    props.revision = 1
    when = source_date() or (dt.datetime.combine(meta.date, dt.time(), dt.UTC)
                             if meta.date else EPOCH)
    props.created = props.modified = when
