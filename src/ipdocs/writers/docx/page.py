"""Page geometry, running header and footer with page numbers, document properties."""

from __future__ import annotations

import datetime as dt

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from ipdocs.doc import Document
from ipdocs.themes import Theme
from ipdocs.writers.docx.adapter import p_of, r_of, sect_pr, story_of
from ipdocs.writers.docx.styles import set_paragraph_style, word_style
from ipdocs.writers.docx.xml import child, field, set_fonts
from ipdocs.writers.epoch import source_date
from ipdocs.writers.spacing import (
    MM,
    line_height,
    number_baseline,
    number_inset,
)

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""Creation time of documents whose metadata names no date: fixed, for identical output."""


def set_geometry(document: DocxDocument, theme: Theme) -> None:
    """Page size and margins from the theme (inside = binding edge when mirrored)."""
    page = theme.page
    section = document.sections[0]
    section.page_width, section.page_height = Mm(page.width), Mm(page.height)
    section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
    section.left_margin, section.right_margin = Mm(page.inside), Mm(page.outside)
    section.header_distance, section.footer_distance = Mm(page.header), Mm(footer_mm(theme))
    if page.chars_per_line:
        _grid(document, theme)


NUMBER_LINE = 1.2
"""The page number's line height, in ems (set exactly)."""


def footer_mm(theme: Theme) -> float:
    """Millimetres from the paper's edge to the footer's last line, which holds the page
    number, so that its baseline stands where ``spacing.number_baseline`` puts it (a
    reader sets a line's baseline about a quarter of its height above its bottom)."""
    if theme.page_number.below is None:
        return theme.page.footer
    return number_baseline(theme) - theme.page_number.size * NUMBER_LINE * 0.25 / MM


def _grid(document: DocxDocument, theme: Theme) -> None:
    """The document's line grid: ``lines_per_page`` lines (w:docGrid type lines).

    Not a character grid (linesAndChars): LibreOffice (7.4) gives a 16 pt character two
    cells of a 15.79 pt grid (14 characters a line, not 28; measured) and misreads the
    negative pitch difference Word needs. The grid styles' characters are set closer
    instead (``spacing.tracking``, in the styles), which both readers honour.
    """
    page = theme.page
    height = (page.height - page.top - page.bottom) * MM
    lines = page.lines_per_page or round(height / line_height(theme.style("body")))
    grid = child(sect_pr(document.sections[0]), "w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(_pitch(document, lines)))
    grid.attrib.pop(qn("w:charSpace"), None)


def _pitch(document: DocxDocument, lines: int) -> int:
    """The grid's line pitch in twips: the type area's height as written (the page less its
    margins, each rounded to twips) shared by ``lines``, rounded down. LibreOffice lays a
    page out on the grid and fits only the lines whose whole pitch fits: a pitch rounded
    up (580 twips for GB/T 9704's 225 mm and 22 lines, 1 twip over) gave 21 lines."""
    section = document.sections[0]
    twips = [(length or 0) // 635 for length in
             (section.page_height, section.top_margin, section.bottom_margin)]
    return (twips[0] - twips[1] - twips[2]) // lines


def _styled_as(paragraph: DocxParagraph, name: str, document: DocxDocument,
               known: dict[str, str | None] | None, add: bool = False) -> None:
    """Give ``paragraph`` the Word paragraph style ``name`` (with ``add``, added where the
    document lacks it: ``word_style``) as ``set_paragraph_style`` does, the id it sets kept in
    ``known`` (the styled blank's: ``writers.docx.paragraph_styles``) where the style
    was there already: later documents of the blank set it without reading the
    styles."""
    p = p_of(paragraph)
    if known is not None and name in known:
        p.style = known[name]
        return
    styles = document.styles.element
    count = len(styles)
    set_paragraph_style(paragraph, word_style(document, name) if add else document.styles[name])
    if known is not None and len(styles) == count:  # found, not added
        known[name] = p.style


def _page_number(paragraph: DocxParagraph, theme: Theme, align: WD_ALIGN_PARAGRAPH,
                 document: DocxDocument, known: dict[str, str | None] | None = None
                 ) -> None:
    """Fill a footer paragraph with the theme's page-number format around a PAGE field,
    ``inset`` characters in from the outside edge, on a line of its own height."""
    _styled_as(paragraph, "Footer", document, known)
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(theme.page_number.size * NUMBER_LINE)
    fmt.space_before = fmt.space_after = Pt(0)
    inset = Mm(number_inset(theme))
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = inset
    elif align == WD_ALIGN_PARAGRAPH.LEFT:
        fmt.left_indent = inset
    before, _, after = theme.page_number.format.partition("{n}")
    if before:
        paragraph.add_run(before)
    field(p_of(paragraph), "PAGE", "1")
    if after:
        paragraph.add_run(after)
    font = theme.font(theme.page_number.font)
    for run in p_of(paragraph).r_lst:
        rpr = run.get_or_add_rPr()
        set_fonts(rpr, font.latin, font.east_asian)
        child(rpr, "w:sz", w_val=str(round(theme.page_number.size * 2)))


def set_header_footer(document: DocxDocument, theme: Theme, doc: Document,
                      known: dict[str, str | None] | None = None) -> None:
    """Page numbers in the footer (odd right, even left when ``outside``); running header;
    on a title page only what the theme's ``title_page`` asks for (Word's different first
    page). ``known``: the paragraph styles' ids found in documents of the same styled
    blank before (``_styled_as``)."""
    section = document.sections[0]
    outside = theme.page_number.align == "outside"
    first = WD_ALIGN_PARAGRAPH.RIGHT if outside else WD_ALIGN_PARAGRAPH.CENTER
    footers = [(section.footer, first)]
    headers = [section.header]
    if outside:
        footers.append((section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
        headers.append(section.even_page_header)
    running = bool(theme.header_text and doc.headers)
    plain_title = doc.title_page and (not theme.title_page.page_number or
                                      (running and not theme.title_page.header))
    if plain_title:
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        section.first_page_footer.is_linked_to_previous = False
        if theme.title_page.page_number:
            footers.append((section.first_page_footer, first))
        if theme.title_page.header:
            headers.append(section.first_page_header)
    for footer, align in footers:
        _page_number(footer.paragraphs[0], theme, align, document, known)
    if running:
        for part in headers:
            header = part.paragraphs[0]
            _styled_as(header, "Header", document, known, add=True)
            header.text = doc.headers[0]
            header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if doc.metadata.draft:
        bare = plain_title and not theme.title_page.header  # the title page's own header
        for part in headers + ([section.first_page_header] if bare else []):
            _draft_mark(part.paragraphs[0], doc.metadata.draft, document, theme)


def keep_draft_mark(document: DocxDocument, doc: Document, theme: Theme) -> None:
    """A draft's mark on every page still, once a reference document has put its own
    headers in place of ours (``--reference-docx``): each header a page shows that lacks
    the mark gets it in a paragraph of its own, after the reference's letterhead, which
    is kept whole."""
    mark = doc.metadata.draft
    if not mark:
        return
    for section in document.sections:
        parts = [section.header]
        if section.different_first_page_header_footer:
            parts.append(section.first_page_header)
        if document.settings.odd_and_even_pages_header_footer:
            parts.append(section.even_page_header)
        for part in parts:
            story = story_of(part)
            if mark in "".join(t.text or "" for t in story.iter(qn("w:t"))):
                continue
            _draft_mark(part.add_paragraph(), mark, document, theme)


def _draft_mark(paragraph: DocxParagraph, mark: str, document: DocxDocument,
                theme: Theme) -> None:
    """A draft's mark at the head of every page: bold, in red, before the running head, in
    the header style's faces (a reader would otherwise pick any Chinese face it has)."""
    if not paragraph.style or paragraph.style.name != "Header":
        set_paragraph_style(paragraph, word_style(document, "Header"))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    mark_run = paragraph.add_run(f"{mark}  ")
    font = theme.font(theme.style("header"))
    set_fonts(r_of(mark_run).get_or_add_rPr(), font.latin, font.east_asian, hint=True)
    mark_run.bold = True
    mark_run.font.color.rgb = RGBColor.from_string(theme.draft)
    p_of(paragraph).remove(r_of(mark_run))
    p_of(paragraph).insert(1 if p_of(paragraph).pPr is not None else 0, r_of(mark_run))


MAX_PROPERTY = 255
"""The longest text a core property holds (python-docx refuses longer, as Word does)."""


def _property(text: str) -> str:
    """``text`` cut to what a core property holds, an ellipsis marking the cut (a title of
    10,000 characters is printed whole; only the file's property is short)."""
    return text if len(text) <= MAX_PROPERTY else text[:MAX_PROPERTY - 1] + "…"


def set_properties(document: DocxDocument, doc: Document) -> dt.datetime:
    """Core properties from the tree's metadata; fixed times, so output is reproducible:
    ``SOURCE_DATE_EPOCH`` when set (as in the PDF), else the report's date, else EPOCH.
    The time set (the document's revisions carry it: reading it back from the file's
    properties parses it with ``strptime``, some 4 ms a process)."""
    meta = doc.metadata
    props = document.core_properties
    props.title = _property(meta.title)
    props.subject = _property(meta.subject)
    props.author = _property(meta.author)
    props.keywords = _property(", ".join([*meta.keywords,
                                          *([meta.draft] if meta.draft else [])]))
    props.content_status = meta.draft
    props.language = meta.lang
    props.comments = ""
    props.category = ""
    props.last_modified_by = "ipdocs"
    props.revision = 1
    when = source_date() or (dt.datetime.combine(meta.date, dt.time(), dt.UTC)
                             if meta.date else EPOCH)
    props.created = props.modified = when
    return when
