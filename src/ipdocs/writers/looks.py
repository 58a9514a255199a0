"""Decisions both writers share, made once: the colour a change's direction prints in, a
table header's ground, key figures to a row, the size of chart labels, the deepest
outline level, the first-line indent of Han text, and how side-by-side pairs group."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ipdocs.doc import Bilingual, Block, Direction, Language, Span, spans_of
from ipdocs.themes import Style, Theme

KEY_FIGURES_PER_ROW = 3
"""Key figures to a row of the panel."""
CHART_LABEL_SIZE = 8.0
"""Points: the size of a chart's category and value labels."""
BAR_PITCH, COMPACT_BAR_PITCH = 17.0, 12.0
"""Points from bar to bar of a chart, and of a compact one (``Chart.compact``), in the PDF
(more where a category's label takes more lines)."""
DOCX_CHART = (BAR_PITCH, 24.0)
"""Points of a chart's drawing in the DOCX a bar, and besides its bars: the PDF's pitch
and room for the inner margins LibreOffice and Word keep (it was 8.5 mm a bar and 45 mm at
least: Ningbo's official DOCX ran to 23 pages in LibreOffice against the PDF's 22, its
three charts 235 points taller than the PDF's); LibreOffice labels every category at
it (ten in that DOCX's first chart)."""
COMPACT_DOCX_CHART = (14.0, 18.0)
"""Points of a compact chart's drawing in the DOCX a bar, and besides its bars, so that
a brief fitted to its page by its PDF (where the chart is shorter still) fits in
LibreOffice too (Ningbo's en summary: at 18 a bar it ran to two pages); its plot is laid
out to the drawing's height, so that LibreOffice labels every bar."""
MAX_OUTLINE_LEVEL = 3
"""The deepest heading level the outline and the contents distinguish."""
WHITE = "FFFFFF"


def direction_color(theme: Theme, direction: Direction | None) -> str | None:
    """The colour a change prints in: the theme's rise or fall colour, else none."""
    if direction == "up":
        return theme.rise
    if direction == "down":
        return theme.fall
    return None


def header_fill(theme: Theme) -> str:
    """A table header's ground: the accent colour where the theme tints its panels, white
    where its panels are white (the official theme: black on white)."""
    return theme.accent if theme.fill != WHITE else WHITE


def outline_level(level: int) -> int:
    """A heading's level in the outline and the contents."""
    return min(level, MAX_OUTLINE_LEVEL)


def first_line_indent(style: Style, language: Language) -> float:
    """The first-line indent of a paragraph, in ems of its size: the style's for Han text
    (两字缩进), its ``indent_latin`` for other text (none unless the theme sets one)."""
    return style.indent_zh if language.han else style.indent_latin


def grouped(blocks: Sequence[Block]) -> Iterator[Block | list[Bilingual]]:
    """The blocks in order, each run of consecutive side-by-side pairs as one list (set
    as one grid or table)."""
    pending: list[Bilingual] = []
    for block in blocks:
        if isinstance(block, Bilingual):
            pending.append(block)
            continue
        if pending:
            yield pending
            pending = []
        yield block
    if pending:
        yield pending


def span_look(span: Span, language: Language) -> tuple[bool, bool]:
    """Whether a span is set bold and whether italic: strong (``**…**``) is bold; emphasis
    (``*…*``) is italic where the script has italics, and bold in Han text, which has none
    (a slanted Han face is a distortion, and emphasis dots are not drawn alike by every
    reader): the two marks then look alike in Chinese."""
    if span.italic and language.han:
        return True, False
    return span.emphasis, span.italic


LINK_COLOR = "0563C1"
"""The colour of a link's text (Word's own), in every writer."""
LIST_BULLET = "•"
"""The mark of a bulleted list's items."""
LIST_NUMBER = "{}."
"""How a numbered list's items are numbered (``{}`` the number): 1. 2. 3."""
LIST_INDENT_EMS = 2.0
"""How far a list's items are indented, in ems of their style: the mark hangs in it."""


def list_label(ordered: bool, number: int) -> str:
    """The mark of a list's ``number``-th item (from 1)."""
    return LIST_NUMBER.format(number) if ordered else LIST_BULLET


def text_language(text: str, lang: str) -> str:
    """The language ``text`` is in: that of all its spans (a ``Mixed`` text in one
    language), else ``lang``, the node's."""
    langs = {span.lang or lang for span in spans_of(text) if span.text.strip()}
    return langs.pop() if len(langs) == 1 else lang
