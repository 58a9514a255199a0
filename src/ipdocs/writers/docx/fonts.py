"""Embed the bundled fonts in a DOCX, subset to the characters the document uses.

Word and LibreOffice then set the Chinese in the Simplified Chinese faces on any machine,
whatever it has installed. Fonts are stored obfuscated (ECMA-376 Part 1, 17.8.1): the
first 32 bytes XORed with a key derived from a GUID, which the font table names. The
GUID is derived from the font's bytes, so identical input gives an identical file.
"""

from __future__ import annotations

import hashlib
import io
import os
import uuid
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from fontTools import subset
from fontTools.ttLib import TTFont
from lxml import etree

from ipdocs.writers.docx.template import _setting

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
NAMESPACE = uuid.UUID("5b1d3c0e-2f4a-4c57-9d7e-1f0a9b8c6d21")


def _cache_file(data: bytes, text: str) -> Path | None:
    """Where a subset is kept between runs (``$IPDOCS_CACHE`` or ~/.cache/ipdocs)."""
    root = os.environ.get("IPDOCS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "ipdocs")
    if root == "off":
        return None
    key = hashlib.sha256(hashlib.sha256(data).digest() + text.encode("utf-8")).hexdigest()
    return Path(root) / "font-subsets" / f"{key[:32]}.ttf"


@lru_cache(maxsize=16)
def subset_font(data: bytes, text: str) -> bytes:
    """``data`` (a TrueType font) reduced to the glyphs ``text`` needs.

    Cached in the process and on disk (a subset depends only on the font and the text),
    so the briefs of one report subset each face once. The layout features kept are
    fontTools' defaults (kerning, ligatures, locl, vertical forms).
    """
    cached = _cache_file(data, text)
    if cached is not None and cached.is_file():
        return cached.read_bytes()
    small = _subset(data, text)
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            temp = cached.with_suffix(f".{os.getpid()}.part")
            temp.write_bytes(small)
            os.replace(temp, cached)
        except OSError:
            pass  # a cache that cannot be written only costs time
    return small


def _subset(data: bytes, text: str) -> bytes:
    """Subset a TrueType font to ``text`` with fontTools."""
    font = TTFont(io.BytesIO(data), recalcTimestamp=False, lazy=True, recalcBBoxes=False)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + " ")
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


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


def embed(document: DocxDocument, family: str, faces: dict[str, bytes], text: str) -> None:
    """Embed ``faces`` (``Regular``/``Bold`` → TrueType bytes) of ``family``, subset to ``text``."""
    part = _font_table(document)
    table = etree.fromstring(part.blob)
    font = _font_element(table, family)
    for face, data in faces.items():
        small = subset_font(data, text)
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
