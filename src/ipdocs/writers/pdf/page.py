"""The page: frames mirrored on even pages, running header, page numbers, outline, contents."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Table,
)
from reportlab.platypus.doctemplate import FrameBreak

from ipdocs.doc import Document
from ipdocs.themes import LETTERHEAD_GAP, Theme
from ipdocs.writers import RenderError
from ipdocs.writers.pdf.adapter import (
    below_frame_top,
    kept_content,
    kept_height,
    page_code,
    wrapped_for,
)
from ipdocs.writers.pdf.fonts import Fonts
from ipdocs.writers.pdf.sidebyside import stack_height
from ipdocs.writers.pdf.tagging import StructTree, TaggingCanvasMixin, artifact
from ipdocs.writers.pdf.toc import Contents, Entry, NumberLook, define_number, outline_entries
from ipdocs.writers.pdf.watermark import draw_mark, mark_width, units_per_em
from ipdocs.writers.spacing import number_baseline, number_inset

MM = 72 / 25.4
DRAFT_ALPHA = 0.16
DRAFT_SIZE = 96.0
"""A draft's mark: its colour, opacity and largest size in points."""


class KeepWithText(KeepTogether):  # type: ignore[misc]
    """Headings kept with what follows them. When the whole group does not fit, the text
    after the headings (a paragraph, a side-by-side pair, a table) starts under them in
    the room that is left, if part of it fits there, rather than everything moving to the
    next page and leaving the rest of this one empty."""

    def split(self, aW: float, aH: float) -> list[Any]:
        """The headings and the first part of what follows, a table and the part of it
        that goes over with the text after it, or reportlab's own way."""
        if wrapped_for(self) != (aW, aH):
            self.wrap(aW, aH)
        content = kept_content(self)
        tables = [i for i, f in enumerate(content[:-1]) if isinstance(f, Table)]
        if aH < kept_height(self) and tables:
            return self._table_split(content, tables[0], aW, aH)
        if aH < kept_height(self) and len(content) >= 2:
            heads, last = content[:-1], content[-1]
            gap = max(float(heads[-1].getSpaceAfter()), float(last.getSpaceBefore()))
            room = aH - stack_height(heads, aW, aH) - gap
            parts = last.split(aW, room) if room > 0 else []
            if len(parts) >= 2:
                return [*heads, *parts]
        result: list[Any] = super().split(aW, aH)
        return result

    def _table_split(self, content: list[Flowable], at: int, aW: float,
                     aH: float) -> list[Any]:
        """A table kept with the short text after it (``tablerows.closing``) that does
        not fit here with it: what comes before the table and as much of the table as
        fits, the rest of the table (its last rows at least, which stay together) going
        over with the text; or reportlab's own way where the table cannot be split."""
        heads, grid, tail = content[:at], content[at], content[at + 1:]
        gap = max(float(heads[-1].getSpaceAfter()), float(grid.getSpaceBefore())) \
            if heads else 0.0
        room = aH - (stack_height(heads, aW, aH) if heads else 0.0) - gap
        height = grid.wrap(aW, room)[1] if room > 0 else 0.0
        parts = grid.split(aW, min(room, height - 1.0)) if room > 0 else []
        if len(parts) >= 2:
            return [*heads, parts[0], KeepWithText([parts[1], *tail])]
        if below_frame_top(self):
            return [FrameBreak(), KeepWithText(content)]  # tried again on the next page
        result: list[Any] = super().split(aW, aH)
        return result


def _picture(source: str | io.BytesIO, path: str) -> tuple[ImageReader, tuple[int, int]]:
    """A letterhead's picture (a file, or the bytes taken from the reference document)
    and its size in pixels; RenderError saying why it cannot be read (the theme checked
    it is a PNG or JPEG file; it may still be damaged)."""
    try:
        reader = ImageReader(source)
        wide, tall = reader.getSize()
    except Exception as exc:  # reportlab and Pillow raise many kinds for a bad picture
        raise RenderError(f"cannot read the letterhead image {path}: "
                          f"{type(exc).__name__}: {exc}") from None
    if wide <= 0 or tall <= 0:
        raise RenderError(f"the letterhead image {path} is empty")
    return reader, (int(wide), int(tall))


class TooLong(Exception):
    """A layout stopped as it began a page beyond ``Template.most_pages``."""


class Template(BaseDocTemplate):  # type: ignore[misc]
    """A document template that puts headings in the outline and their page numbers in
    the contents."""

    most_pages: int | None = None
    """Stop the layout (TooLong) as it begins a page beyond this many: reportlab begins a
    page only to place something on it, so each page begun is a page of the file."""

    dry = False
    """Lay the story out without drawing its text or writing the file (page fitting
    asks only whether a brief fits its pages): the canvas says so to the flowables."""

    def __init__(self, target: Any, doc: Document, theme: Theme, fonts: Fonts,
                 look: NumberLook, header: Flowable | None = None,
                 tags: StructTree | None = None, letterhead: Sequence[Flowable] = ()) -> None:
        page = theme.page
        meta = doc.metadata
        super().__init__(
            target, pagesize=(page.width * MM, page.height * MM), title=meta.title,
            author=meta.author, subject=meta.subject,
            keywords=[*meta.keywords, *([meta.draft] if meta.draft else [])],
            creator="ipdocs", producer="ipdocs (reportlab)", lang=meta.lang, invariant=1,
            keepTogetherClass=KeepWithText,
            initialFontName=fonts.face(theme.style("body").font).name,
            displayDocTitle=1)
        self.theme, self.doc, self.fonts = theme, doc, fonts
        self.look = look
        self.header = header
        """The running header, set as text is (Han–Latin gaps), or None."""
        self.letterhead = list(letterhead)
        """The theme's letterhead's lines, set as text is."""
        head = theme.letterhead
        self.picture = _picture(head.image or io.BytesIO(head.picture), head.image or
                                "of the reference document") \
            if head is not None and (head.image or head.picture) else None
        """The letterhead's picture, read once (drawn on every page that shows it)."""
        self.tags = tags or StructTree(meta.lang)
        """The structure tree the story's flowables fill as they are drawn."""
        self.addPageTemplates(self._templates())

    def _frame(self, odd: bool) -> Frame:
        """The type area of an odd or even page."""
        page = self.theme.page
        left = page.inside if odd or not page.mirror else page.outside
        width = page.width - page.inside - page.outside
        height = page.height - page.top - page.bottom
        return Frame(left * MM, page.bottom * MM, width * MM, height * MM, leftPadding=0,
                     rightPadding=0, topPadding=0, bottomPadding=0, id="odd" if odd else "even")

    def _templates(self) -> list[PageTemplate]:
        """The odd-page template, and an even-page one when margins are mirrored."""
        odd = PageTemplate("odd", [self._frame(True)], onPage=_decorate)
        if not self.theme.page.mirror:
            return [odd]
        return [odd, PageTemplate("even", [self._frame(False)], onPage=_decorate)]

    def handle_pageBegin(self) -> None:
        """Start a page on the template of its parity. (reportlab's own alternation,
        ``autoNextPageTemplate``, repeats a template now and then.) Stops the layout
        at a page beyond ``most_pages``."""
        if self.most_pages is not None and self.page >= self.most_pages:
            raise TooLong(f"more than {self.most_pages} pages")
        if len(self.pageTemplates) == 2:
            self.pageTemplate = self.pageTemplates[self.page % 2]
        super().handle_pageBegin()

    def _decorate(self, canvas: Canvas, _doc: Any) -> None:
        """Running header and page number (on a title page, only what the theme asks); the
        letterhead where the theme has one, in place of the running header."""
        number = canvas.getPageNumber()
        title = number == 1 and self.doc.title_page
        if not title or self.theme.title_page.page_number:
            with artifact(canvas, "Pagination", "Footer"):
                self._page_number(canvas, number)
        lettered = self.theme.letterhead is not None and self.theme.letterhead.on(number)
        if lettered:
            with artifact(canvas, "Pagination", "Header"):
                self._letterhead(canvas, number % 2 == 1)
        if self.header is not None and not lettered and \
                (not title or self.theme.title_page.header):
            with artifact(canvas, "Pagination", "Header"):
                self._header(canvas, number % 2 == 1)
        if self.doc.metadata.draft:
            with artifact(canvas, "Pagination", "Watermark"):
                self._watermark(canvas)

    def _page_number(self, canvas: Canvas, number: int) -> None:
        """The page number: centred, or at the outside edge (odd right, even left)."""
        theme, page = self.theme, self.theme.page
        spec = theme.page_number
        canvas.saveState()
        canvas.setFont(self.fonts.face(spec.font).name, spec.size)
        text = spec.format.replace("{n}", str(number))
        y = number_baseline(theme) * MM
        inset = number_inset(theme)
        if spec.align == "outside":
            if number % 2 == 1:
                canvas.drawRightString((page.width - page.outside - inset) * MM, y, text)
            else:
                canvas.drawString((page.outside + inset) * MM, y, text)
        else:
            canvas.drawCentredString(page.width * MM / 2, y, text)
        canvas.restoreState()

    def _header(self, canvas: Canvas, odd: bool) -> None:
        """The running header flush right above a rule across the type area, its
        baseline ``page.header`` below the paper's top."""
        assert self.header is not None
        theme, page = self.theme, self.theme.page
        style = theme.style("header")
        left = page.inside if odd or not page.mirror else page.outside
        right = page.width - (page.outside if odd or not page.mirror else page.inside)
        baseline = (page.height - page.header) * MM
        self.header.wrapOn(canvas, (right - left) * MM, page.height * MM)
        canvas.saveState()
        self.header.drawOn(canvas, left * MM, baseline - self.header.baseline(-1))
        canvas.setStrokeColor(HexColor("#" + theme.rule))
        canvas.setLineWidth(0.4)
        line_y = baseline - style.size * 0.6
        canvas.line(left * MM, line_y, right * MM, line_y)
        canvas.restoreState()

    def _letterhead(self, canvas: Canvas, odd: bool) -> None:
        """The letterhead in the margin above the type area, ``top`` below the paper's
        edge, aligned in the type area's width: its picture (``height`` tall, no wider
        than the type area), then its lines."""
        head, page = self.theme.letterhead, self.theme.page
        assert head is not None
        left = page.inside if odd or not page.mirror else page.outside
        width = (page.width - page.inside - page.outside) * MM
        y = (page.height - head.top) * MM
        if self.picture is not None:
            reader, (wide, tall) = self.picture
            height = head.height * MM
            shown = min(width, height * wide / tall)
            height = shown * tall / wide
            x = left * MM + {"left": 0.0, "center": (width - shown) / 2,
                             "right": width - shown}[head.align]
            canvas.drawImage(reader, x, y - height, shown, height, mask="auto")
            y -= height + LETTERHEAD_GAP * MM
        for block in self.letterhead:
            block.wrapOn(canvas, width, page.height * MM)
            block.drawOn(canvas, left * MM, y - block.height)
            y -= block.height

    def _watermark(self, canvas: Canvas) -> None:
        """A draft's mark across the page, under nothing and over nothing it hides."""
        page = self.theme.page
        mark = self.doc.metadata.draft
        em = units_per_em(mark)
        size = min(DRAFT_SIZE, page.width * MM * 1.1 * em / max(mark_width(mark), 1))
        canvas.saveState()
        canvas.setFillColor(HexColor("#" + self.theme.draft), alpha=DRAFT_ALPHA)
        canvas.translate(page.width * MM / 2, page.height * MM / 2)
        canvas.rotate(45)
        canvas.scale(size / em, size / em)
        canvas.translate(-mark_width(mark) / 2, -em / 3)
        draw_mark(canvas, mark)
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        """Bookmark the headings a flowable holds in the outline and give the contents
        their page numbers."""
        entries: list[Entry] = getattr(flowable, "toc_entries", None) or []
        for entry in entries:
            self.canv.bookmarkPage(entry.key)
            self.canv.addOutlineEntry(entry.text, entry.key, entry.level - 1,
                                      closed=entry.level > 1)
            define_number(self.canv, entry.key, self.page, self.look)
            self.tags.numbers[entry.key] = self.page

    def beforeDocument(self) -> None:
        """Open the outline when the file is opened."""
        self.canv.showOutline()

    def build_story(self, story: list[Flowable]) -> None:
        """Lay out and draw ``story`` in one pass, the contents filled from its headings."""
        holders = outline_entries(story)
        for flowable, entries in holders:
            flowable.toc_entries = entries
        every = [entry for _, entries in holders for entry in entries]
        for flowable in story:
            if isinstance(flowable, Contents):
                flowable.fill(every)
        try:
            self.build(story, canvasmaker=self._canvas)
        except TooLong as stopped:  # reportlab's frames in its traceback keep it, and self
            raise stopped.with_traceback(None) from None  # the same exception, cut short
        finally:
            self._nameSpace.clear()  # reportlab's {"doc": self}: see ``_decorate``

    def _canvas(self, *args: Any, **kwargs: Any) -> FormCanvas:
        """The canvas the story is drawn on, filling the structure tree."""
        canvas = FormCanvas(*args, **kwargs)
        canvas.dry = self.dry
        meta = self.doc.metadata
        canvas.start_tagging(self.tags, meta.title, {
            "author": meta.author, "subject": meta.subject, "lang": meta.lang,
            "producer": "ipdocs (reportlab)", "creator": "ipdocs"})
        return canvas


def _decorate(canvas: Canvas, doc: Template) -> None:
    """A page template's ``onPage``: ``Template._decorate`` of the document reportlab
    passes it. Not the template's bound method: the template holds its page templates,
    and a page template holding the template would make a cycle, which only the garbage
    collector frees, with all the file's objects (its structure tree, its pages' objects
    and references: some 30,000 tracked objects a batch's spec) that the template
    reaches; without one, the template is freed as soon as its file is written (the
    other cycle, reportlab's own namespace of the template, ``{"doc": template}``, is
    emptied once the story is built: ``Template.build_story``)."""
    doc._decorate(canvas, doc)


class FormCanvas(TaggingCanvasMixin, Canvas):  # type: ignore[misc]
    """A canvas that defines, empty, any form used but never defined before it saves
    (a heading's page number whose heading was never placed: a bug, but not a crash),
    and, once told to (``start_tagging``), tags what it draws (see ``tagging``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forms_used: set[str] = set()
        self.forms_defined: set[str] = set()
        self.dry = False
        """Nothing drawn by the text blocks, nothing written (``Template.dry``)."""

    def doForm(self, name: str) -> None:
        """Show a form, noting its name."""
        self.forms_used.add(name)
        super().doForm(name)

    def beginForm(self, name: str, *args: Any, **kwargs: Any) -> None:
        """Start defining a form, noting its name."""
        self.forms_defined.add(name)
        super().beginForm(name, *args, **kwargs)

    def showPage(self) -> None:
        """Close the page, its untagged content wrapped as artifacts."""
        tagging = hasattr(self, "tags")
        if tagging:
            self.finish_page()
        super().showPage()
        if tagging:
            self.page_closed()

    def save(self) -> None:
        """Define the forms still missing, then write the file (with its structure tree,
        when tagging); nothing when ``dry``."""
        if self.dry:
            return
        for name in sorted(self.forms_used - self.forms_defined):
            self.beginForm(name)
            self.endForm()
        if hasattr(self, "tags"):
            if page_code(self):
                self.showPage()
            self.write_tree()
        super().save()
