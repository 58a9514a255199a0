"""The page template: type areas mirrored on even pages, the page's parity template, the
running header and page number drawn where the theme asks, the outline and the layout's
page limit."""

import contextlib
import io
import weakref
from typing import Any

import pytest
from reportlab.platypus import PageBreak

from ipdocs.doc import Cover, Document, Metadata, Paragraph, Span
from ipdocs.themes import Theme, load_theme
from ipdocs.writers.pdf.adapter import kept_height
from ipdocs.writers.pdf.blocks import Piece, Writer, text_block
from ipdocs.writers.pdf.fonts import Fonts
from ipdocs.writers.pdf.page import MM, FormCanvas, KeepWithText, Template, TooLong
from ipdocs.writers.pdf.text import TextBlock
from ipdocs.writers.pdf.toc import number_look

PARA = Paragraph((Span("text"),), "en")  # type: ignore[arg-type]


class Recorded(Template):
    """A template noting what it draws in the margins of each page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.drawn: list[tuple[str, int]] = []

    def _page_number(self, canvas: Any, number: int) -> None:
        self.drawn.append(("number", number))
        super()._page_number(canvas, number)

    def _header(self, canvas: Any, odd: bool) -> None:
        self.drawn.append(("header", canvas.getPageNumber()))
        super()._header(canvas, odd)


def template(theme: Theme, doc: Document, header: bool = True) -> tuple[Recorded, Writer]:
    """A recording template for ``doc`` in ``theme``, and a writer to make its story."""
    fonts = Fonts(theme)
    w = Writer(theme, fonts, 300)
    head = text_block([Piece("Running head")], "header", "en", w, "right") if header else None
    return Recorded(io.BytesIO(), doc, theme, fonts, number_look(w), head), w


def three_pages(w: Writer) -> list[Any]:
    """A story of three pages of a line each."""
    return [text_block([Piece("a")], "body", "en", w), PageBreak(),
            text_block([Piece("b")], "body", "en", w), PageBreak(),
            text_block([Piece("c")], "body", "en", w)]


def test_a_plain_document_has_header_and_number_on_every_page() -> None:
    doc = Document(Metadata("t", "en-GB"), (PARA,))
    made, w = template(load_theme("briefing"), doc)
    made.build_story(three_pages(w))
    assert made.drawn == [("number", 1), ("header", 1), ("number", 2), ("header", 2),
                          ("number", 3), ("header", 3)]


def test_a_title_page_goes_without_what_the_theme_leaves_off_it() -> None:
    doc = Document(Metadata("t", "en-GB"), (Cover("Title", "en"), PARA))
    made, w = template(load_theme("briefing"), doc)  # title_page: no header, no number
    made.build_story(three_pages(w))
    assert ("number", 1) not in made.drawn and ("header", 1) not in made.drawn
    assert ("number", 2) in made.drawn and ("header", 2) in made.drawn
    official, w = template(load_theme("official"), doc, header=False)
    official.build_story(three_pages(w))
    assert official.drawn == [("number", 1), ("number", 2), ("number", 3)]


def test_mirrored_margins_give_even_pages_their_own_frame() -> None:
    doc = Document(Metadata("t", "zh-CN"), (PARA,))
    theme = load_theme("official")
    page = theme.page
    assert page.mirror and page.inside != page.outside
    made, _ = template(theme, doc, header=False)
    odd, even = (t.frames[0] for t in made.pageTemplates)
    assert [t.id for t in made.pageTemplates] == ["odd", "even"]
    assert odd._x1 == pytest.approx(page.inside * MM)
    assert even._x1 == pytest.approx(page.outside * MM)
    assert odd._width == even._width == pytest.approx((page.width - page.inside
                                                       - page.outside) * MM)
    assert odd._y1 == pytest.approx(page.bottom * MM)
    assert odd._height == pytest.approx((page.height - page.top - page.bottom) * MM)
    assert made.pagesize == pytest.approx((page.width * MM, page.height * MM))


def test_unmirrored_margins_have_one_template() -> None:
    made, _ = template(load_theme("briefing"), Document(Metadata("t", "en-GB"), (PARA,)))
    assert [t.id for t in made.pageTemplates] == ["odd"]


def test_each_page_takes_the_template_of_its_parity() -> None:
    doc = Document(Metadata("t", "zh-CN"), (PARA,))
    made, w = template(load_theme("official"), doc, header=False)
    used: list[str] = []
    original = made.handle_pageBegin

    def note() -> None:
        original()
        used.append(made.pageTemplate.id)

    made.handle_pageBegin = note
    made.build_story(three_pages(w))
    assert used == ["odd", "even", "odd"]


def test_a_layout_stops_at_the_page_beyond_its_limit() -> None:
    doc = Document(Metadata("t", "en-GB"), (PARA,))
    made, w = template(load_theme("briefing"), doc)
    made.most_pages = 2
    with pytest.raises(TooLong):
        made.build_story(three_pages(w))
    fits, w = template(load_theme("briefing"), doc)
    fits.most_pages = 3
    fits.build_story(three_pages(w))


@pytest.mark.usefixtures("collector_off")
@pytest.mark.parametrize("pages", [None, 2])
def test_a_built_template_is_freed_without_the_garbage_collector(pages: int | None) -> None:
    """No cycle holds a template once its story is built (or stopped at its page limit):
    its page templates call back through the document reportlab passes, and reportlab's
    namespace of it (``{"doc": template}``) is emptied, so the file's objects it reaches
    go as soon as it does, not at the next collection (a batch's worker collects between
    its tasks: some 30,000 objects a spec were left to it)."""
    doc = Document(Metadata("t", "en-GB"), (PARA,))
    theme = load_theme("official")
    assert theme.page.mirror  # two page templates
    made, w = template(theme, doc)
    made.most_pages = pages
    with contextlib.suppress(TooLong):
        made.build_story(three_pages(w))
    assert made.drawn  # the pages were decorated through the callback
    gone = weakref.ref(made)
    del made
    assert gone() is None


def test_a_dry_layout_draws_no_text_and_writes_nothing(monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    """Page fitting's first pass (``Template.dry``): the same pages, the limit kept, no
    text drawn and no file written; the same story not dry draws and writes."""
    drawn: list[int] = []
    monkeypatch.setattr(TextBlock, "_draw_lines", lambda *args: drawn.append(1))
    doc = Document(Metadata("t", "en-GB"), (PARA,))
    for dry in (True, False):
        made, w = template(load_theme("briefing"), doc)
        made.dry = dry
        made.build_story(three_pages(w))
        assert made.page == 3
        assert (not drawn, made.filename.getvalue() == b"") == (dry, dry)
    again, w = template(load_theme("briefing"), doc)
    again.dry, again.most_pages = True, 2
    with pytest.raises(TooLong):
        again.build_story(three_pages(w))


def test_headings_are_bookmarked_with_their_page_numbers() -> None:
    doc = Document(Metadata("t", "en-GB"), (PARA,))
    made, w = template(load_theme("briefing"), doc)
    one = text_block([Piece("First")], "heading-1", "en", w)
    one.outline = (1, "First", "en")
    two = text_block([Piece("Second")], "heading-1", "en", w)
    two.outline = (1, "Second", "en")
    made.build_story([one, PageBreak(), two])
    assert made.tags.numbers == {"h1": 1, "h2": 2}


def test_keep_with_text_starts_the_following_text_under_its_heading() -> None:
    theme = load_theme("briefing")
    w = Writer(theme, Fonts(theme), 300)
    head = text_block([Piece("Heading")], "heading-2", "en", w)
    body = text_block([Piece("Patents rose again. " * 80)], "body", "en", w)
    group = KeepWithText([head, body])
    group.canv = FormCanvas(io.BytesIO())
    group.wrap(300, 1e6)
    whole = kept_height(group)
    parts = group.split(300, whole / 2)
    # the heading, the text's first part under it, the rest (not everything moved on)
    assert len(parts) == 3 and parts[0] is head
    assert parts[1] is not body and parts[1].wrap(300, 1e6)[1] < body.wrap(300, 1e6)[1]
    assert head.wrap(300, 1e6)[1] + parts[1].wrap(300, 1e6)[1] <= whole / 2


def test_a_form_used_but_never_defined_is_saved_empty() -> None:
    buffer = io.BytesIO()
    canvas = FormCanvas(buffer)
    canvas.doForm("page-h1")
    canvas.save()
    assert canvas.forms_defined == {"page-h1"}
    assert buffer.getvalue().startswith(b"%PDF") and b"page-h1" in buffer.getvalue()
