"""Small helpers for the WordprocessingML python-docx does not cover."""

from __future__ import annotations

import functools

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml.etree import SubElement

THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@functools.cache
def clark(tag: str) -> str:
    """``qn(tag)``, the ``{namespace}name`` of a prefixed tag, worked out once a process."""
    return str(qn(tag))


@functools.cache
def attribute(keyword: str) -> str:
    """The ``{namespace}name`` of an attribute given as a keyword (``w_val``: w:val)."""
    return clark(keyword.replace("_", ":", 1))


def child(parent: BaseOxmlElement, tag: str, **attrs: str) -> BaseOxmlElement:
    """The first ``tag`` child of ``parent``, created if missing, with ``attrs`` set."""
    element: BaseOxmlElement | None = parent.find(clark(tag))
    if element is None:
        element = SubElement(parent, clark(tag))
    for name, value in attrs.items():
        element.set(attribute(name), value)
    return element


TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
    "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
    "w:tblCaption", "w:tblDescription", "w:tblPrChange",
)
"""The order CT_TblPr prescribes for its children (ECMA-376 Part 1, 17.4.60)."""


PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
"""The order CT_PPr prescribes for its children (ECMA-376 Part 1, 17.3.1.26)."""


RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)
"""The order CT_RPr prescribes for its children (ECMA-376 Part 1, 17.3.2.28)."""


def ordered_child(parent: BaseOxmlElement, tag: str, order: tuple[str, ...],
                  **attrs: str) -> BaseOxmlElement:
    """The first ``tag`` child of ``parent``, created if missing where ``order`` (the
    schema's sequence of the parent's children) puts it, with ``attrs`` set."""
    element: BaseOxmlElement | None = parent.find(clark(tag))
    if element is None:
        element = parent.makeelement(clark(tag))
        later = _later(tag, order)
        successor = next((c for c in parent if c.tag in later), None)
        if successor is None:
            parent.append(element)
        else:
            successor.addprevious(element)
    for name, value in attrs.items():
        element.set(attribute(name), value)
    return element


@functools.cache
def _later(tag: str, order: tuple[str, ...]) -> frozenset[str]:
    """The ``{namespace}name`` of the children ``order`` puts after ``tag``."""
    return frozenset(clark(t) for t in order[order.index(tag) + 1:])


def set_fonts(rpr: BaseOxmlElement, latin: str, east_asian: str, *, hint: bool = False) -> None:
    """Set all four font slots of a run-properties element; drop theme-font overrides.

    ``hint`` (Chinese runs only) tells Word to set ambiguous characters such as “ ” in the
    East Asian font; English runs keep them in the Latin font.
    """
    fonts = child(rpr, "w:rFonts")
    for attr in THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    if hint:
        fonts.set(qn("w:hint"), "eastAsia")
    else:
        fonts.attrib.pop(qn("w:hint"), None)


def set_lang(rpr: BaseOxmlElement, tag: str, east_asian: str) -> None:
    """Mark text with its language's tag (``w:val``) and the tag of any East Asian
    characters in it (``w:eastAsia``)."""
    element = child(rpr, "w:lang")
    element.set(qn("w:val"), tag)
    element.set(qn("w:eastAsia"), east_asian)
    element.set(qn("w:bidi"), "ar-SA")


def field_runs(instruction: str, cached: str = "") -> list[BaseOxmlElement]:
    """The five runs of a complex field: begin, instruction, separate, result, end."""
    opening, end = field_open(instruction), field_char("end")
    result = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = cached
    result.append(text)
    return [*opening, result, end]


def field_open(instruction: str) -> list[BaseOxmlElement]:
    """The runs that open a complex field up to its result: begin, instruction,
    separate (the result and a ``field_char("end")`` follow)."""
    instr = OxmlElement("w:r")
    node = OxmlElement("w:instrText")
    node.set(qn("xml:space"), "preserve")
    node.text = instruction
    instr.append(node)
    return [field_char("begin"), instr, field_char("separate")]


def field_char(kind: str) -> BaseOxmlElement:
    """A run holding a field character: ``begin``, ``separate`` or ``end``."""
    run = OxmlElement("w:r")
    node = OxmlElement("w:fldChar")
    node.set(qn("w:fldCharType"), kind)
    run.append(node)
    return run


def field(paragraph: BaseOxmlElement, instruction: str, cached: str = "") -> None:
    """Append a complex field (PAGE, TOC …) with its cached result to a paragraph."""
    for run in field_runs(instruction, cached):
        paragraph.append(run)


def bookmark(number: int, name: str) -> tuple[BaseOxmlElement, BaseOxmlElement]:
    """The start and end of a bookmark called ``name``, numbered ``number``."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    return start, end
