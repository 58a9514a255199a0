"""The python-docx internals the DOCX writer reaches into, in one place.

python-docx's public API stops short of what ipdocs writes (field codes, run properties
copied between runs, table row properties, embedded fonts): the writer works on the XML
elements behind paragraphs, runs, cells and tables, and on the bytes of parts. These are
private names of python-docx; ``tests/writers/test_adapters.py`` fails when a release
moves them.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.section import Section, _Footer, _Header
from docx.styles import BabelFish
from docx.styles.style import ParagraphStyle, StyleFactory
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

Cell = _Cell
"""A table cell, which holds paragraphs and tables like the document body."""
Container = DocxDocument | _Cell
"""What blocks are written into: the document body, or a table cell."""


def p_of(paragraph: Paragraph) -> Any:
    """The ``w:p`` element of a paragraph."""
    return paragraph._p


def r_of(run: Run) -> Any:
    """The ``w:r`` element of a run."""
    return run._r


def tc_of(cell: _Cell) -> Any:
    """The ``w:tc`` element of a table cell."""
    return cell._tc


def tbl_of(table: Table) -> Any:
    """The ``w:tbl`` element of a table."""
    return table._tbl


_SPANS = tuple(f"{{{_W}}}{tag}" for tag in ("gridSpan", "vMerge"))
_TR, _TC = f"{{{_W}}}tr", f"{{{_W}}}tc"


def cells_of(table: Table) -> list[_Cell]:
    """A table's cells, row by row (a merged cell repeated for each grid cell it spans).
    A table without merged cells (most) is read row by row; python-docx's own reading
    looks up each cell's spans."""
    tbl = table._tbl
    if next(tbl.iter(*_SPANS), None) is None:
        return [_Cell(tc, table) for tr in tbl.iterchildren(_TR) for tc in tr.iterchildren(_TC)]
    return list(table._cells)


def block_width(document: DocxDocument) -> Any:
    """The width between the margins of the document's last section, which python-docx
    shares among a new table's columns (``Document.add_table``)."""
    return document._block_width


def body_table(document: DocxDocument, rows: int, cols: int, width: Any) -> Table:
    """A table of ``rows`` and ``cols`` added to the document's body, ``width`` shared
    among its columns: ``Document.add_table`` without its search for the last section
    (``block_width``, the same for every table of a document) or its table style (none:
    the table inherits the document's default, as ``add_table`` leaves it)."""
    return document._body.add_table(rows, cols, width)


def body_of(document: DocxDocument) -> Any:
    """The document's body as python-docx's block container (the parent its own
    ``add_paragraph`` gives a paragraph)."""
    return document._body


def sect_pr(section: Section) -> Any:
    """The ``w:sectPr`` element of a section."""
    return section._sectPr


def set_blob(part: Any, data: bytes) -> None:
    """Replace the bytes of a plain package part (python-docx serialises its ``_blob``)."""
    part._blob = data


def story_of(furniture: _Header | _Footer) -> Any:
    """The ``w:hdr`` or ``w:ftr`` element of a section's header or footer."""
    return furniture._element


def add_style(document: DocxDocument, name: str) -> ParagraphStyle:
    """A paragraph style ``name`` added to the document's styles, which have none of
    that name: python-docx's ``add_style`` without its check of every style's name
    first (the caller has looked: ``styles.word_style``)."""
    element = document.styles.element.add_style_of_type(
        BabelFish.ui2internal(name), WD_STYLE_TYPE.PARAGRAPH, False)
    style = StyleFactory(element)
    assert isinstance(style, ParagraphStyle)
    return style


def style_name(element: Any) -> str | None:
    """The name of a ``w:style`` element as python-docx's style objects give it
    (``BaseStyle.name``: a built-in style's name as Word shows it, ``heading 1`` →
    ``Heading 1``), without making the object."""
    name = element.name_val
    return None if name is None else str(BabelFish.internal2ui(name))
