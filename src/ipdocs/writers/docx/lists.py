"""Lists and links in WordprocessingML, which python-docx has no API for: numbering
definitions in the numbering part, hyperlink relationships and the Hyperlink style."""

from __future__ import annotations

import copy

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from ipdocs.writers.docx.xml import PPR_ORDER, child, ordered_child
from ipdocs.writers.looks import LINK_COLOR, LIST_BULLET, LIST_NUMBER

HYPERLINK_STYLE = "Hyperlink"
"""The character style of link text: Word's built-in one, by its name."""


def _abstract(numbering: BaseOxmlElement, ordered: bool, indent: int) -> str:
    """The id of the one-level list definition of a bulleted or numbered list indented
    ``indent`` twips (hanging), made once per document."""
    kind = "decimal" if ordered else "bullet"
    for found in numbering.findall(qn("w:abstractNum")):
        name = found.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")) == f"ipdocs-{kind}-{indent}":
            return str(found.get(qn("w:abstractNumId")))
    ids = [int(a.get(qn("w:abstractNumId"), "0")) for a in numbering.findall(qn("w:abstractNum"))]
    number = str(max(ids, default=-1) + 1)
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), number)
    child(abstract, "w:multiLevelType", w_val="singleLevel")
    child(abstract, "w:name", w_val=f"ipdocs-{kind}-{indent}")
    level = child(abstract, "w:lvl", w_ilvl="0")
    child(level, "w:start", w_val="1")
    child(level, "w:numFmt", w_val=kind)
    child(level, "w:lvlText", w_val=LIST_NUMBER.replace("{}", "%1") if ordered else LIST_BULLET)
    child(level, "w:lvlJc", w_val="left")
    child(child(level, "w:pPr"), "w:ind", w_left=str(indent), w_hanging=str(indent))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:  # every abstractNum comes before the first num
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return number


def list_numbering(document: DocxDocument, ordered: bool, indent: int) -> str:
    """A new numbering instance (``w:num``) for one list: a numbered list starts at 1,
    whatever lists came before it."""
    numbering = document.part.numbering_part.element
    abstract = _abstract(numbering, ordered, indent)
    ids = [int(n.get(qn("w:numId"), "0")) for n in numbering.findall(qn("w:num"))]
    num_id = str(max(ids, default=0) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), num_id)
    child(num, "w:abstractNumId", w_val=abstract)
    if ordered:
        override = child(num, "w:lvlOverride", w_ilvl="0")
        child(override, "w:startOverride", w_val="1")
    numbering.append(num)
    return num_id


def number_paragraph(paragraph: BaseOxmlElement, num_id: str, indent: int) -> None:
    """Make a paragraph (``w:p``) an item of the list ``num_id``, with a hanging indent of
    ``indent`` twips and no first-line indent of its own."""
    ppr = paragraph.get_or_add_pPr()
    numbered = ordered_child(ppr, "w:numPr", PPR_ORDER)
    child(numbered, "w:ilvl", w_val="0")
    child(numbered, "w:numId", w_val=num_id)
    ordered_child(ppr, "w:ind", PPR_ORDER, w_left=str(indent), w_hanging=str(indent))


def _link_style(document: DocxDocument) -> str:
    """The id of the Hyperlink character style, defined where the template lacks it."""
    for style in document.styles:
        if style.name == HYPERLINK_STYLE and style.type == WD_STYLE_TYPE.CHARACTER:
            return str(style.style_id)
    style = document.styles.add_style(HYPERLINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = RGBColor.from_string(LINK_COLOR)
    style.font.underline = True
    return str(style.style_id)


def link_runs(document: DocxDocument, paragraph: DocxParagraph,
              runs: list[BaseOxmlElement], url: str) -> None:
    """Put ``runs`` (just written at the end of ``paragraph``) inside a hyperlink to
    ``url`` (an external relationship), in the Hyperlink style; runs right after a link
    to the same address join it."""
    if not runs:
        return
    rid = document.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    style = _link_style(document)
    for run in runs:  # a copy: a run's properties may be the prototype of others
        rpr = copy.deepcopy(run.get_or_add_rPr())
        run.replace(run.get_or_add_rPr(), rpr)
        rpr.insert(0, _style_element(style))
    previous = runs[0].getprevious()
    if previous is not None and previous.tag == qn("w:hyperlink") \
            and previous.get(qn("r:id")) == rid:
        hyperlink = previous
    else:
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), rid)
        runs[0].addprevious(hyperlink)
    for run in runs:
        hyperlink.append(run)


def _style_element(style_id: str) -> BaseOxmlElement:
    """A run's ``w:rStyle`` naming ``style_id``."""
    element = OxmlElement("w:rStyle")
    element.set(qn("w:val"), style_id)
    return element
