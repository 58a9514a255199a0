"""The office's own Word file as a reference document (``--reference-docx``, a theme's
``reference_docx``), as pandoc's reference-doc: the DOCX ipdocs writes takes the
reference's styles (its Normal, headings, title; styles ipdocs does not use come along),
its page set-up (size, orientation, margins, header and footer distances) and its headers
and footers, letterhead pictures included, wherever the reference defines them (a
footer the reference lacks stays ipdocs' page number).

Only what ``python-docx`` reads is taken: the reference's body text, numbering and
comments are not; a style's list numbering is dropped (the numbering definitions stay
behind in the reference).
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.section import Section, _Footer, _Header

from ipdocs.writers import RenderError
from ipdocs.writers.docx.adapter import story_of

__all__ = ["ReferenceError", "apply_reference"]

_PAGE = ("page_width", "page_height", "orientation", "top_margin", "bottom_margin",
         "left_margin", "right_margin", "gutter", "header_distance", "footer_distance")
"""The page set-up a section takes from the reference's last section."""

_FURNITURE = ("header", "footer", "first_page_header", "first_page_footer",
              "even_page_header", "even_page_footer")
"""A section's headers and footers, by their python-docx names."""

_R_ID_ATTRS = (qn("r:embed"), qn("r:link"), qn("r:id"))
"""Attributes that name a relationship of the part they stand in."""


class ReferenceError(RenderError):
    """A reference document that cannot be read."""


def open_reference(path: str | Path) -> DocxDocument:
    """The reference document at ``path``; ReferenceError saying why not."""
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for a bad file: say which
        raise ReferenceError(f"cannot read the reference document {path}: "
                             f"{type(exc).__name__}: {exc}") from None


def apply_reference(document: DocxDocument, path: str | Path) -> None:
    """Give ``document`` the styles, page set-up, headers and footers of the Word file
    at ``path``."""
    reference = open_reference(path)
    _take_styles(document, reference)
    last = reference.sections[-1]
    for section in document.sections:
        _take_page(section, last)
        _take_furniture(section, last)


def _take_styles(document: DocxDocument, reference: DocxDocument) -> None:
    """The reference's document defaults and styles, replacing ours of the same id. A
    style ipdocs sets keeps its weight and slant: the faces embedded in the file are
    subsets of what each weight prints (a caption bold in the theme and regular in the
    reference would show the regular face's subset, without the caption's characters),
    and runs name their faces themselves; its size, colour and spacing are the
    reference's."""
    ours, theirs = document.styles.element, reference.styles.element
    defaults = theirs.find(qn("w:docDefaults"))
    if defaults is not None:
        old = ours.find(qn("w:docDefaults"))
        if old is not None:
            taken = copy.deepcopy(defaults)
            _keep_east_asian(old, taken)
            old.addprevious(taken)
            ours.remove(old)
    by_id = {s.get(qn("w:styleId")): s for s in ours.findall(qn("w:style"))}
    for style in theirs.findall(qn("w:style")):
        taken = copy.deepcopy(style)
        for element in list(taken.iter(qn("w:numPr"))):
            element.getparent().remove(element)
        old = by_id.get(style.get(qn("w:styleId")))
        if old is not None:
            _keep_east_asian(old, taken)
            _keep_weight(old, taken)
            old.addprevious(taken)
            ours.remove(old)
        else:
            ours.append(taken)


_EAST_ASIAN = (qn("w:eastAsia"), qn("w:eastAsiaTheme"))
"""The attributes of ``w:rFonts`` and ``w:lang`` that say the East Asian face and
language."""


def _keep_east_asian(ours: Any, theirs: Any) -> None:
    """Our East Asian face and language where the reference's style (or defaults) names
    none: a Western office's template would otherwise leave Chinese to a face without
    it (boxes)."""
    for tag in ("w:rFonts", "w:lang"):
        mine = next(ours.iter(qn(tag)), None)
        if mine is None or not any(mine.get(a) for a in _EAST_ASIAN):
            continue
        found = next(theirs.iter(qn(tag)), None)
        if found is None:
            found = _run_properties(theirs).makeelement(qn(tag), {})
            rpr = _run_properties(theirs)
            rpr.insert(0, found) if tag == "w:rFonts" else rpr.append(found)
        if not any(found.get(a) for a in _EAST_ASIAN):
            for attr in _EAST_ASIAN:
                if mine.get(attr):
                    found.set(attr, mine.get(attr))


_WEIGHT = tuple(qn(t) for t in ("w:b", "w:bCs", "w:i", "w:iCs"))
"""Run properties of weight and slant, in the order the schema wants them."""


def _keep_weight(ours: Any, theirs: Any) -> None:
    """Our style's bold and italic in place of the reference's (``_take_styles``)."""
    mine = ours.find(qn("w:rPr"))
    kept = [e for e in mine if e.tag in _WEIGHT] if mine is not None else []
    rpr = theirs.find(qn("w:rPr"))
    if rpr is None and not kept:
        return
    rpr = _run_properties(theirs)
    for element in [e for e in rpr if e.tag in _WEIGHT]:
        rpr.remove(element)
    before = [e for e in rpr if e.tag in (qn("w:rStyle"), qn("w:rFonts"))]
    at = rpr.index(before[-1]) + 1 if before else 0
    for offset, element in enumerate(kept):
        rpr.insert(at + offset, copy.deepcopy(element))


def _run_properties(style: Any) -> Any:
    """The run properties of a style (``w:rPr``) or of the defaults (``w:rPrDefault/
    w:rPr``), made if absent."""
    if style.tag == qn("w:docDefaults"):
        holder = style.find(qn("w:rPrDefault"))
        if holder is None:
            holder = style.makeelement(qn("w:rPrDefault"), {})
            style.insert(0, holder)
        style = holder
    rpr = style.find(qn("w:rPr"))
    if rpr is None:
        rpr = style.makeelement(qn("w:rPr"), {})
        following = [style.find(qn(t)) for t in ("w:tblPr", "w:trPr", "w:tcPr",
                                                 "w:tblStylePr")]
        after = next((f for f in following if f is not None), None)
        if after is not None:
            after.addprevious(rpr)
        else:
            style.append(rpr)
    return rpr


def _take_page(section: Section, reference: Section) -> None:
    """The reference's page size, orientation, margins and header distances."""
    for name in _PAGE:
        value = getattr(reference, name)
        if value is not None:
            setattr(section, name, value)


def _take_furniture(section: Section, reference: Section) -> None:
    """Each header and footer the reference defines, in place of ours; a first-page
    header (a letterhead) with the reference's different first page."""
    # the reference's first page as its other pages (a letterhead on every page), or
    # with headers and footers of its own
    section.different_first_page_header_footer = reference.different_first_page_header_footer
    for name in _FURNITURE:
        theirs: _Header | _Footer = getattr(reference, name)
        if theirs.is_linked_to_previous:
            continue
        ours: _Header | _Footer = getattr(section, name)
        ours.is_linked_to_previous = False
        _copy_content(theirs, ours)


def _copy_content(source: _Header | _Footer, target: _Header | _Footer) -> None:
    """The paragraphs and tables of ``source`` in place of ``target``'s, the pictures
    and other parts they refer to copied along."""
    element = story_of(target)
    for child in list(element):
        element.remove(child)
    for child in story_of(source):
        taken = copy.deepcopy(child)
        _relink(taken, source.part, target.part)
        element.append(taken)


def _relink(element: Any, source: Any, target: Any) -> None:
    """Point the relationships ``element`` names (pictures, hyperlinks) from ``source``'s
    part to copies related to ``target``'s part."""
    for node in element.iter():
        for attr in _R_ID_ATTRS:
            rid = node.get(attr)
            if rid is None or rid not in source.rels:
                continue
            rel = source.rels[rid]
            if rel.is_external:
                node.set(attr, target.relate_to(rel.target_ref, rel.reltype, is_external=True))
            elif rel.reltype == RT.IMAGE:
                image = target.package.get_or_add_image_part(io.BytesIO(rel.target_part.blob))
                node.set(attr, target.relate_to(image, RT.IMAGE))
            else:
                node.attrib.pop(attr)
