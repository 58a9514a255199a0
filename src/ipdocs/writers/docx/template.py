"""A blank python-docx document with the default template's leaks removed.

python-docx's template declares Japanese theme fonts (ＭＳ 明朝), ``themeFontLang``
ja-JP, en-US East Asian language defaults, theme-font overrides in its styles, a
thumbnail and its own name as author. Readers then pick Japanese glyph forms and
show python-docx's picture. Everything here replaces those with the theme's choices.
"""

from __future__ import annotations

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from ipdocs.themes import Theme
from ipdocs.writers.docx.adapter import set_blob
from ipdocs.writers.docx.xml import (
    THEME_FONT_ATTRS,
    child,
    ordered_child,
    set_fonts,
    set_lang,
)

_DROPPED_RELS = (RT.THUMBNAIL, RT.CUSTOM_XML,
                 "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects")


def _drop_parts(document: DocxDocument) -> None:
    """Remove the thumbnail, the customXml item and stylesWithEffects."""
    for owner in (document.part.package, document.part):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype in _DROPPED_RELS:
                del owner.rels[rid]


_DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _remove_keeping_space(element: etree._Element) -> None:
    """Remove ``element`` but not the white space after it (the part stays as it was
    written, less the element)."""
    parent, previous = element.getparent(), element.getprevious()
    tail = element.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _fix_theme_part(document: DocxDocument, east_asian: str) -> None:
    """Point the theme's East Asian fonts at ours; drop its Japanese script fonts.

    The font name is set as an attribute through lxml, which escapes it (``Song & Co``
    stays a name, not broken XML)."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.THEME:
            part = rel.target_part
            root = etree.fromstring(part.blob)
            for font in root.iter(f"{{{_DRAWINGML}}}font"):
                if font.get("script") == "Jpan":
                    _remove_keeping_space(font)
                elif font.get("script") == "Hans":
                    font.set("typeface", east_asian)
            for ea in root.iter(f"{{{_DRAWINGML}}}ea"):
                if ea.get("typeface") == "":
                    ea.set("typeface", east_asian)
            ending = b"\n" if part.blob.endswith(b"\n") else b""
            set_blob(part, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                          standalone=True) + ending)


# The order CT_Settings prescribes for the elements set here and their neighbours.
_SETTINGS_ORDER = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation",
    "w:removeDateAndTime", "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape",
    "w:printPostScriptOverText", "w:printFractionalCharacterWidth", "w:printFormsData",
    "w:embedTrueTypeFonts", "w:embedSystemFonts", "w:saveSubsetFonts", "w:saveFormsData",
    "w:mirrorMargins", "w:alignBordersAndEdges", "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
    "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign",
    "w:attachedTemplate", "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod",
    "w:documentType", "w:mailMerge", "w:revisionView", "w:trackRevisions",
    "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection",
    "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop",
    "w:autoHyphenation", "w:consecutiveHyphenLimit", "w:hyphenationZone",
    "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength", "w:clickAndTypeStyle",
    "w:defaultTableStyle", "w:evenAndOddHeaders", "w:bookFoldRevPrinting",
    "w:bookFoldPrinting", "w:bookFoldPrintingSheets", "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing", "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery", "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin", "w:doNotShadeFormData",
    "w:noPunctuationKerning", "w:characterSpacingControl", "w:printTwoOnOne",
    "w:strictFirstAndLastChars", "w:noLineBreaksAfter", "w:noLineBreaksBefore",
    "w:savePreviewPicture", "w:doNotValidateAgainstSchema", "w:saveInvalidXml",
    "w:ignoreMixedContent", "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr",
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
    "w:themeFontLang", "w:clrSchemeMapping",
)


def _setting(settings: BaseOxmlElement, tag: str, **attrs: str) -> None:
    """Set a settings element, inserting it where the schema's order puts it."""
    ordered_child(settings, tag, _SETTINGS_ORDER, **attrs)


HYPHENATION_ZONE = 720
"""Twips from the right margin inside which a word ending a line is not hyphenated
(half an inch; Word's default is a quarter): fewer hyphens, none on a line's last
few letters."""


def _fix_settings(document: DocxDocument, mirror: bool, odd_even: bool,
                  tags: tuple[str, str], hyphenate: bool = False) -> None:
    """Theme-font languages (the document's and its East Asian one), fields updated on
    open (Word asks first; without it Word would show the contents with the page numbers
    the file stores, which the writer cannot know), mirrored margins if asked; with
    ``hyphenate`` (a language of the document hyphenates) automatic hyphenation, at most
    two hyphenated lines in a row, no words in capitals (abbreviations) hyphenated. Word
    and LibreOffice hyphenate with their own dictionaries (LibreOffice: where one for
    the text's language is installed); the styles that must not hyphenate say so
    (``styles.apply_theme``)."""
    settings = document.settings.element
    _setting(settings, "w:themeFontLang", w_val=tags[0], w_eastAsia=tags[1])
    _setting(settings, "w:updateFields", w_val="true")
    if hyphenate:
        _setting(settings, "w:autoHyphenation")
        _setting(settings, "w:consecutiveHyphenLimit", w_val="2")
        _setting(settings, "w:hyphenationZone", w_val=str(HYPHENATION_ZONE))
        _setting(settings, "w:doNotHyphenateCaps")
    if mirror:
        _setting(settings, "w:mirrorMargins")
    if odd_even:
        _setting(settings, "w:evenAndOddHeaders")


def _fix_defaults(document: DocxDocument, latin: str, east_asian: str,
                  tags: tuple[str, str]) -> None:
    """Explicit fonts and languages in docDefaults; no theme fonts anywhere in the styles."""
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            fonts.attrib.pop(qn(attr), None)
    rpr = child(child(child(styles, "w:docDefaults"), "w:rPrDefault"), "w:rPr")
    set_fonts(rpr, latin, east_asian)
    set_lang(rpr, *tags)


def blank(theme: Theme, tags: tuple[str, str], hyphenate: bool = False) -> DocxDocument:
    """A blank document prepared for ``theme``, its text marked with ``tags`` (the main
    language's and the East Asian one's), hyphenated automatically if asked (a language
    of the document hyphenates), nothing of the template left."""
    document = docx.Document()
    body = theme.font(theme.style("body"))
    _drop_parts(document)
    _fix_theme_part(document, body.east_asian)
    _fix_settings(document, theme.page.mirror, theme.page_number.align == "outside", tags,
                  hyphenate)
    _fix_defaults(document, body.latin, body.east_asian, tags)
    return document
