"""Embed the bundled fonts in a DOCX, subset to the characters the document uses.

Word and LibreOffice then set the Chinese in the Simplified Chinese faces on any machine,
whatever it has installed. Fonts are stored obfuscated (ECMA-376 Part 1, 17.8.1): the
first 32 bytes XORed with a key derived from a GUID, which the font table names. The
GUID is derived from the font's bytes, so identical input gives an identical file.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from ipdocs.writers.docx.template import _setting
from ipdocs.writers.subsets import subset_face

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
NAMESPACE = uuid.UUID("5b1d3c0e-2f4a-4c57-9d7e-1f0a9b8c6d21")


def obfuscate(data: bytes, key: uuid.UUID) -> bytes:
    """XOR the first 32 bytes with the key's bytes in reverse order, as Word does."""
    key_bytes = key.bytes[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def _font_element(table: etree._Element, family: str) -> etree._Element:
    """The ``w:font`` entry for ``family``, added if missing."""
    for font in table.findall(f"{{{W}}}font"):
        if font.get(f"{{{W}}}name") == family:
            return font
    font = etree.SubElement(table, f"{{{W}}}font")
    font.set(f"{{{W}}}name", family)
    etree.SubElement(font, f"{{{W}}}charset").set(f"{{{W}}}val", "86")
    etree.SubElement(font, f"{{{W}}}family").set(f"{{{W}}}val", "roman")
    etree.SubElement(font, f"{{{W}}}pitch").set(f"{{{W}}}val", "variable")
    return font


def declare_fonts(document: DocxDocument, families: dict[str, Iterable[str]]) -> None:
    """Declare families with their alternate names (w:altName) in the font table."""
    part = _font_table(document)
    table = etree.fromstring(part.blob)
    for family, alternates in families.items():
        font = _font_element(table, family)
        first = next(iter(alternates), None)
        if first and font.find(f"{{{W}}}altName") is None:
            alt = etree.Element(f"{{{W}}}altName")
            alt.set(f"{{{W}}}val", first)
            font.insert(0, alt)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8",
                                standalone=True)


def _font_table(document: DocxDocument) -> Part:
    """The font table part of the document."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            part: Part = rel.target_part
            return part
    raise LookupError("the document has no font table")


def embed(document: DocxDocument, family: str, faces: dict[str, str], text: str) -> None:
    """Embed ``faces`` (``Regular``/``Bold`` → bundled face file) of ``family``, subset to
    ``text``."""
    part = _font_table(document)
    table = etree.fromstring(part.blob)
    font = _font_element(table, family)
    for face, filename in faces.items():
        small = subset_face(filename, text)
        key = uuid.uuid5(NAMESPACE, small.hex()[:4096] + family + face)
        count = sum(1 for r in part.rels.values() if r.reltype == RT.FONT) + 1
        uri = PackURI(f"/word/fonts/font{count}.odttf")
        font_part = Part(uri, OBFUSCATED, obfuscate(small, key), document.part.package)
        rid = part.relate_to(font_part, RT.FONT)
        embedded = etree.SubElement(font, f"{{{W}}}embed{face}")
        embedded.set(f"{{{R}}}id", rid)
        embedded.set(f"{{{W}}}fontKey", "{" + str(key).upper() + "}")
        embedded.set(f"{{{W}}}subsetted", "1")
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8",
                                standalone=True)
    settings = document.settings.element
    _setting(settings, "w:embedTrueTypeFonts")
    _setting(settings, "w:saveSubsetFonts")
