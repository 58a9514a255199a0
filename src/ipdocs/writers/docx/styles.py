"""The theme's styles as Word styles: built-in ones where Word has them (Title, Heading N)."""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, ParagraphStyle, StyleFactory
from docx.text.paragraph import Paragraph as DocxParagraph

from ipdocs.themes import LATIN, Style, Theme
from ipdocs.writers.docx.adapter import add_style, p_of, style_name
from ipdocs.writers.docx.xml import PPR_ORDER, RPR_ORDER, ordered_child, set_fonts
from ipdocs.writers.spacing import line_height, tracking
from ipdocs.writers.typeset import RUNNING_TEXT

WORD_STYLES = {
    "body": "Body Text",
    "lead": "Lead",
    "note": "Note",
    "title": "Title",
    "subtitle": "Subtitle",
    "cover-line": "Cover Line",
    "heading-1": "Heading 1",
    "heading-2": "Heading 2",
    "heading-3": "Heading 3",
    "heading-4": "Heading 4",
    "caption": "Caption",
    "table-header": "Table Header",
    "table-cell": "Table Cell",
    "key-value": "Key Figure",
    "key-label": "Key Figure Label",
    "key-change": "Key Figure Change",
    "toc-title": "Contents Title",
    "toc-entry": "TOC 1",
    "header": "Header",
}
"""Theme style name → Word style name."""

LATIN_WORD = "{} Latin"
"""The Word name of a theme style's Latin variant (``ipdocs.themes.LATIN``), of its own
Word name: Body Text Latin."""


def word_name(name: str) -> str:
    """The Word style name of the theme style ``name`` (Body Text for one Word has no
    name for), its Latin variant's named after it (``LATIN_WORD``)."""
    if name.endswith(LATIN):
        return LATIN_WORD.format(word_name(name.removesuffix(LATIN)))
    return WORD_STYLES.get(name, "Body Text")


ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def word_style(document: DocxDocument, name: str,
               found: dict[str, BaseOxmlElement] | None = None) -> ParagraphStyle:
    """The Word paragraph style ``name``, added if the template lacks it: found by its
    name (Word writes built-in names in lower case, ``header``; LibreOffice as shown,
    ``Header``: python-docx shows both as ``Header``), else by a style id of that spelling
    (a reference document's style whose name differs: adding one would repeat its id).
    ``found`` is the document's styles by name (``style_index``), kept up to date with a
    style added here: without it the styles are indexed for this one look (a search
    through python-docx's styles, a proxy made and named for each, cost the theme's 60
    lookups some 45 ms a DOCX)."""
    styles = document.styles
    index = style_index(document) if found is None else found
    ids = index.ids if isinstance(index, StyleIndex) else None
    element = index.get(name)
    if element is None:
        element = styles.element.get_by_id(name) if ids is None else ids.get(name)
    if element is not None:
        style = StyleFactory(element)
    else:
        style = add_style(document, name)
        normal = index.get("Normal")  # the first named so, as python-docx's search finds
        style.base_style = styles["Normal"] if normal is None else StyleFactory(normal)
        index.setdefault(name, style.element)
        if ids is not None:
            ids.setdefault(style.style_id, style.element)
    assert isinstance(style, ParagraphStyle)
    return style


def set_paragraph_style(paragraph: DocxParagraph, style: BaseStyle) -> None:
    """``paragraph.style = style`` as python-docx sets it (the style's id, none where the
    style is the document's default paragraph style; ValueError for a style of another
    type), without its parse of every style's type to find that default on each
    assignment: only a style marked default can be it."""
    if style.type != WD_STYLE_TYPE.PARAGRAPH:
        raise ValueError(f"{style.name!r} is not a paragraph style")
    element = style.element
    default = bool(element.default) and \
        element.getparent().default_for(WD_STYLE_TYPE.PARAGRAPH) is element
    p_of(paragraph).style = None if default else style.style_id


class StyleIndex(dict[str, BaseOxmlElement]):
    """A document's style elements by name (``style_index``), and by style id
    (``ids``): each the first of its name or id, as python-docx's searches of the styles
    (an XPath over some 270 styles each) find it."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, BaseOxmlElement] = {}


_STYLE_ID = qn("w:styleId")


def style_index(document: DocxDocument) -> StyleIndex:
    """The document's style elements by name as python-docx shows it (``style_name``),
    the first of a name (the one a search through its styles in document order finds),
    and by id (``StyleIndex.ids``)."""
    index = StyleIndex()
    ids = index.ids
    for element in document.styles.element.findall(qn("w:style")):
        name = style_name(element)
        if name is not None:
            index.setdefault(name, element)
        style_id = element.get(_STYLE_ID)
        if style_id is not None:
            ids.setdefault(style_id, element)
    return index


_NAME = qn("w:name")


def style_id(document: DocxDocument, name: str,
             by_name: dict[str, BaseOxmlElement] | None) -> Any:
    """``document.styles[name].style_id``: the id of the first style python-docx's
    lookup by name finds (its name Word's internal spelling of ``name``,
    ``BabelFish.ui2internal``), found in ``by_name`` (the document's style elements by
    their names as written, the first of each, ``styles_by_name``) rather than by an
    XPath over the document's 270 styles for each name; a name ``by_name`` lacks (a
    style added since, or one python-docx finds by id) looked up by python-docx."""
    element = None if by_name is None else by_name.get(str(BabelFish.ui2internal(name)))
    if element is None:
        return document.styles[name].style_id
    return element.get(_STYLE_ID)


def styles_by_name(document: DocxDocument) -> dict[str, BaseOxmlElement]:
    """The document's style elements by their names as written (``w:name/@w:val``), the
    first of each (``style_id``)."""
    found: dict[str, BaseOxmlElement] = {}
    for element in document.styles.element.findall(qn("w:style")):
        named = element.find(_NAME)
        value = None if named is None else named.get(_VAL)
        if value is not None:
            found.setdefault(value, element)
    return found


def _spacing(ppr: BaseOxmlElement, spec: Style) -> None:
    """Line spacing (exact, as the PDF sets it), space before and after, alignment, no
    first-line indent: as python-docx's ``ParagraphFormat`` sets them (``line_spacing_rule``,
    ``line_spacing``, ``space_before``, ``space_after``, ``alignment``,
    ``first_line_indent = None``, in that order), the elements put where the schema's
    order puts them and each attribute set in the same order."""
    spacing = ordered_child(ppr, "w:spacing", PPR_ORDER)
    spacing.set(_LINE_RULE, "exact")
    spacing.set(_LINE, str(Pt(line_height(spec)).twips))
    spacing.set(_BEFORE, str(Pt(spec.before).twips))
    spacing.set(_AFTER, str(Pt(spec.after).twips))
    align = ALIGN.get(spec.align, WD_ALIGN_PARAGRAPH.LEFT)
    ordered_child(ppr, "w:jc", PPR_ORDER).set(_VAL, _JUSTIFICATION[align])
    ind = ppr.find(_IND)
    if ind is not None:
        for name in (_FIRST_LINE, _HANGING):
            ind.attrib.pop(name, None)


_VAL, _LINE_RULE, _LINE, _BEFORE, _AFTER, _IND, _FIRST_LINE, _HANGING = (qn(tag) for tag in (
    "w:val", "w:lineRule", "w:line", "w:before", "w:after", "w:ind", "w:firstLine",
    "w:hanging"))
_JUSTIFICATION = {WD_ALIGN_PARAGRAPH.LEFT: "left", WD_ALIGN_PARAGRAPH.CENTER: "center",
                  WD_ALIGN_PARAGRAPH.RIGHT: "right", WD_ALIGN_PARAGRAPH.JUSTIFY: "both"}
"""``w:jc`` values of the alignments (``ALIGN``), as python-docx writes them."""


SPACING_SUCCESSORS = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight",
                      "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
                      "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish",
                      "w:oMath")
"""What follows w:spacing in CT_RPr."""


def _spacing_element(points: float) -> BaseOxmlElement:
    """A run-properties w:spacing: ``points`` more (or less) after each character."""
    element = OxmlElement("w:spacing")
    element.set(qn("w:val"), str(round(points * 20)))
    return element


_COLOR = qn("w:color")


def _on_off(rpr: BaseOxmlElement, tag: str, on: bool | None) -> None:
    """An on/off run property (``w:b``, ``w:i``) set as python-docx's ``Font.bold``
    sets it: on without a value, off with ``w:val="0"``, removed for None."""
    if on is None:
        for element in rpr.findall(qn(tag)):
            rpr.remove(element)
        return
    element = ordered_child(rpr, tag, RPR_ORDER)
    if on:
        element.attrib.pop(_VAL, None)
    else:
        element.set(_VAL, "0")


def apply_style(document: DocxDocument, theme: Theme, name: str, word_name: str,
                found: dict[str, BaseOxmlElement] | None = None) -> None:
    """Make the Word style ``word_name`` look like the theme's ``name`` (``found``: the
    document's styles by name, see ``word_style``). Its properties are set on its XML as
    python-docx's ``Font`` and ``ParagraphFormat`` set them, without their search of the
    schema's order through every successor's tag for each element (a styled blank's
    21 styles cost half of making it)."""
    spec = theme.style(name)
    style = word_style(document, word_name, found)
    font = theme.font(spec)
    rpr = style.element.get_or_add_rPr()
    ordered_child(rpr, "w:rFonts", RPR_ORDER)  # where python-docx's ``Font.name`` adds it
    set_fonts(rpr, font.latin, font.east_asian)
    ordered_child(rpr, "w:sz", RPR_ORDER, w_val=str(int(Pt(spec.size).pt * 2)))
    _on_off(rpr, "w:b", spec.bold)
    _on_off(rpr, "w:i", spec.italic)
    color = theme.color(spec.color) or "000000"
    for element in rpr.findall(_COLOR):  # python-docx's ``rgb``: a new w:color
        rpr.remove(element)
    ordered_child(rpr, "w:color", RPR_ORDER, w_val=str(RGBColor.from_string(color)))
    for tag in ("w:caps", "w:smallCaps", "w:spacing"):
        element = rpr.find(qn(tag))
        if element is not None:
            rpr.remove(element)
    if track := tracking(theme, spec):  # on the character grid: characters set closer
        rpr.insert_element_before(_spacing_element(track), *SPACING_SUCCESSORS)
    ppr = style.element.get_or_add_pPr()
    _spacing(ppr, spec)
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    if theme.page.chars_per_line and not spec.grid:  # tables, notes: their own pitch
        ordered_child(ppr, "w:snapToGrid", PPR_ORDER, w_val="0")


def apply_theme(document: DocxDocument, theme: Theme, hyphenate: bool = False) -> None:
    """Every theme style into the document's styles; Normal follows the table-cell size.
    Where the document is hyphenated (``hyphenate``), every style but running text's
    asks not to be (``w:suppressAutoHyphens``)."""
    found = style_index(document)
    apply_style(document, theme, "body", "Normal", found)
    word_style(document, "Normal", found).paragraph_format.space_after = Pt(0)
    for name, word_name in WORD_STYLES.items():
        apply_style(document, theme, name, word_name, found)
    apply_style(document, theme, "toc-entry", "TOC 2", found)
    if hyphenate:
        for name, word_name in [*WORD_STYLES.items(), ("toc-entry", "TOC 2")]:
            if name not in RUNNING_TEXT:
                ordered_child(word_style(document, word_name, found).element.get_or_add_pPr(),
                              "w:suppressAutoHyphens", PPR_ORDER)
    word_style(document, "TOC 2", found).paragraph_format.left_indent = Pt(theme.style("toc-entry")
                                                                     .size * 2)
    width = theme.page.width - theme.page.inside - theme.page.outside
    for name in ("TOC 1", "TOC 2"):  # page numbers flush right after dots, as in the PDF
        word_style(document, name, found).paragraph_format.tab_stops.add_tab_stop(
            Mm(width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Caption", "Contents Title"):
        word_style(document, name, found).paragraph_format.keep_with_next = True
