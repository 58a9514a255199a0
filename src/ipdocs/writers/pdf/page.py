"""The page: frames mirrored on even pages, running header, page numbers, outline, TOC."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ipdocs.doc import Document
from ipdocs.themes import Theme
from ipdocs.writers.pdf.fonts import Fonts

MM = 72 / 25.4


class Template(BaseDocTemplate):  # type: ignore[misc]
    """A document template that reports headings to the outline and the contents."""

    def __init__(self, target: Any, doc: Document, theme: Theme, fonts: Fonts) -> None:
        page = theme.page
        meta = doc.metadata
        super().__init__(
            target, pagesize=(page.width * MM, page.height * MM), title=meta.title,
            author=meta.author, subject=meta.subject, keywords=list(meta.keywords),
            creator="ipdocs", producer="ipdocs (reportlab)", lang=meta.lang, invariant=1,
            initialFontName=fonts.face(theme.style("body").font).name,
            displayDocTitle=1)
        self.theme, self.doc, self.fonts = theme, doc, fonts
        self._heading_count = 0
        self._last_level = 0
        self.passes = 0
        self.dry_pass = False
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
        """One template, or odd and even ones alternating when margins are mirrored."""
        odd = PageTemplate("odd", [self._frame(True)], onPage=self._decorate)
        if not self.theme.page.mirror:
            return [odd]
        even = PageTemplate("even", [self._frame(False)], onPage=self._decorate)
        odd.autoNextPageTemplate, even.autoNextPageTemplate = "even", "odd"
        return [odd, even]

    def _decorate(self, canvas: Canvas, _doc: Any) -> None:
        """Running header and page number."""
        theme, page = self.theme, self.theme.page
        number = canvas.getPageNumber()
        odd = number % 2 == 1
        spec = theme.page_number
        face = self.fonts.face(spec.font)
        canvas.saveState()
        canvas.setFont(face.name, spec.size)
        text = spec.format.replace("{n}", str(number))
        y = (page.footer * MM) - spec.size * 0.3
        if spec.align == "outside":
            if odd:
                canvas.drawRightString((page.width - page.outside) * MM, y, text)
            else:
                canvas.drawString(page.outside * MM, y, text)
        else:
            canvas.drawCentredString(page.width * MM / 2, y, text)
        if theme.header_text and self.doc.headers:
            header = theme.style("header")
            canvas.setFont(self.fonts.face(header.font).name, header.size)
            canvas.setFillColor(HexColor("#" + (theme.color(header.color) or "000000")))
            left = page.inside if odd or not page.mirror else page.outside
            right = page.width - (page.outside if odd or not page.mirror else page.inside)
            canvas.drawRightString(right * MM, (page.height - page.header) * MM,
                                   self.doc.headers[0])
            canvas.setStrokeColor(HexColor("#" + theme.rule))
            canvas.setLineWidth(0.4)
            line_y = (page.height - page.header) * MM - header.size * 0.6
            canvas.line(left * MM, line_y, right * MM, line_y)
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        """Bookmark headings in the outline and report them to the contents."""
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        level, text = outline
        level = min(level, self._last_level + 1)
        self._last_level = level
        self._heading_count += 1
        key = f"h{self._heading_count}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level - 1, closed=level > 1)
        self.notify("TOCEntry", (level, text, self.page, key))

    def beforeDocument(self) -> None:
        """Reset the heading counters at the start of every pass; make the first pass of a
        document with contents a dry one (its pages are thrown away: the contents are not
        known yet), so that text is laid out but not drawn."""
        self._heading_count = 0
        self._last_level = 0
        self.passes += 1
        self.dry_pass = self.passes == 1 and bool(self._indexingFlowables)
        self.canv.ipdocs_dry = self.dry_pass
        self.canv.showOutline()

    def build_all(self, story: list[Flowable]) -> None:
        """Build in as many passes as the contents need; should the dry first pass turn out
        to be the last (contents without entries), build once more for real."""
        self.multiBuild(story)
        if self.dry_pass:
            self.filename.seek(0)
            self.filename.truncate()
            self.multiBuild(story)
