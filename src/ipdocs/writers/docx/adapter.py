"""The python-docx internals the DOCX writer reaches into, in one place.

python-docx's public API stops short of what ipdocs writes (field codes, run properties
copied between runs, table row properties, embedded fonts): the writer works on the XML
elements behind paragraphs, runs, cells and tables, and on the bytes of parts. These are
private names of python-docx; ``tests/writers/test_adapters.py`` fails when a release
moves them.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import docx.api
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.opc.package import OpcPackage
from docx.opc.part import PartFactory
from docx.oxml.parser import parse_xml
from docx.parts.styles import StylesPart
from docx.section import Section, _Footer, _Header
from docx.styles import BabelFish
from docx.styles.style import ParagraphStyle, StyleFactory
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from ipdocs.base.kept import keep
from ipdocs.writers.docx.zips import iter_parts

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


def comment_of(comment: Any) -> Any:
    """The ``w:comment`` element of a python-docx comment (whose public API reads its date
    but does not set it: it stamps the time it was added)."""
    return comment._comment_elm


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


XML_LIBRARIES = (f"lxml{'.'.join(map(str, etree.LXML_VERSION))}/"
                 f"libxml2{'.'.join(map(str, etree.LIBXML_VERSION))}")
"""The versions of what parses and serialises python-docx's XML, as what is kept between
runs is filed under them (``keptblank``, ``charts``)."""


def default_template() -> str:
    """The path of python-docx's default template (what ``docx.Document()`` opens)."""
    return str(docx.api._default_docx_path())  # type: ignore[no-untyped-call]


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


SERIALISED_KEPT = 8
"""How many styles parts' bytes a process knows as python-docx's own serialisation
(``StylesRead``): one a styled blank kept (``writers.docx.STYLED_KEPT``)."""
_SERIALISED: OrderedDict[bytes, None] = OrderedDict()


def serialised_styles(document: DocxDocument) -> bytes:
    """The document's styles part as python-docx saves it, known from now on as its own
    serialisation (``StylesRead``): a styled blank's, which later documents open."""
    blob = bytes(document.part._styles_part.blob)
    serialised(blob)
    return blob


def serialised(blob: bytes) -> None:
    """Know ``blob`` as python-docx's own serialisation of a styles part (``StylesRead``):
    a styled blank's, kept by a process that serialised it with the same versions of
    python-docx and lxml (``keptblank``)."""
    keep(_SERIALISED, blob, None, SERIALISED_KEPT)


def styles_member(document: DocxDocument) -> str:
    """The name of the zip member the document's styles part is saved as."""
    return str(document.part._styles_part.partname.membername)


class StylesRead(StylesPart):
    """python-docx's styles part, whose XML, where it is bytes python-docx serialised
    itself (``serialised_styles``: a styled blank's; ``serialised``: one a process kept in
    the font cache), is parsed when it is first read rather than when the package is
    opened, and saved as it was read where it never was (parsing and serialising such
    bytes gives them back). A styled blank's styles are
    350 kB, parsed in some 54 M instructions; a document whose style ids are known
    (``writers.docx.style_ids``) need not read them at all. Any other styles part (a
    template's, a reference document's) is parsed on opening, as python-docx does.
    Registered for every python-docx package of the process when the DOCX writer is
    imported."""

    def __init__(self, partname: Any, content_type: str, element: Any, package: Any
                 ) -> None:
        self._read: bytes | None = None
        self._parsed: Any = None
        super().__init__(partname, content_type, element, package)

    @classmethod
    def load(cls, partname: Any, content_type: str, blob: bytes, package: Any
             ) -> StylesRead:
        """The part of ``blob``, parsed where python-docx did not write it."""
        if blob not in _SERIALISED:
            return cls(partname, content_type, parse_xml(blob), package)
        part = cls(partname, content_type, None, package)
        part._read = blob
        return part

    @property
    def _element(self) -> Any:
        """The part's root element, parsed from the bytes read on first use."""
        if self._parsed is None and self._read is not None:
            self._parsed = parse_xml(self._read)
            self._read = None
        return self._parsed

    @_element.setter
    def _element(self, element: Any) -> None:
        self._parsed = element

    @property
    def blob(self) -> bytes:
        """The part's XML: the bytes read where it was never parsed."""
        if self._parsed is None and self._read is not None:
            return self._read
        return bytes(serialize_part_xml(self._element))


PartFactory.part_type_for[CONTENT_TYPE.WML_STYLES] = StylesRead
PYTHON_DOCX_ITER_PARTS = OpcPackage.iter_parts
"""python-docx's own walk of a package's parts, which ``zips.iter_parts`` replaces (the
tests compare the two)."""
OpcPackage.iter_parts = iter_parts  # type: ignore[method-assign,assignment]  # no cycle: zips
