"""The letterhead of the office's Word file, for the PDF: the picture and the lines of
text of the header its first page shows (a theme's ``letterhead: {from_reference: true}``).

Read from the file's XML with the standard library (python-docx belongs to the DOCX
writer): the body's last section, its first-page header where it has a different first
page, else its default header; the first picture in it (DrawingML or VML) and each
paragraph's text.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ipdocs.base.records import datarecord

if TYPE_CHECKING:
    from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"

PICTURE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
"""How a PNG and a JPEG file begin."""
MOST_LINES = 6
"""The most lines of text taken from a header."""


class LetterheadError(ValueError):
    """A Word file whose letterhead cannot be read."""


@datarecord(frozen=True)
class Found:
    """What a Word file's first-page header shows: a picture (PNG or JPEG bytes, or
    nothing) and lines of text."""

    picture: bytes
    lines: tuple[str, ...]


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """The relationships of ``part``: id → the target's name in the archive."""
    from xml.etree import ElementTree as ET  # a build without a letterhead needs none

    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in archive.namelist():
        return {}
    out = {}
    for rel in ET.fromstring(archive.read(rels)).iter(f"{PR}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        out[rel.get("Id", "")] = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
    return out


def _header_part(archive: zipfile.ZipFile) -> str | None:
    """The header the first page of the file's last section shows, by its part name."""
    from xml.etree import ElementTree as ET  # a build without a letterhead needs none

    body = ET.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    sections = list(body.iter(f"{W}sectPr")) if body is not None else []
    if not sections:
        return None
    section = sections[-1]
    refs = {ref.get(f"{W}type", "default"): ref.get(f"{R}id", "")
            for ref in section.findall(f"{W}headerReference")}
    title = section.find(f"{W}titlePg")
    first = title is not None and title.get(f"{W}val", "true") not in ("0", "false")
    rid = refs.get("first") if first and "first" in refs else refs.get("default")
    return _rels(archive, "word/document.xml").get(rid or "")


def read_letterhead(path: str | Path) -> Found:
    """The picture and lines of the header the first page of the Word file at ``path``
    shows; LetterheadError saying why it cannot be read."""
    from xml.etree import ElementTree as ET  # a build without a letterhead needs none

    try:
        with zipfile.ZipFile(path) as archive:
            part = _header_part(archive)
            if part is None or part not in archive.namelist():
                return Found(b"", ())
            header = ET.fromstring(archive.read(part))
            lines = tuple(text for p in header.iter(f"{W}p")
                          if (text := "".join(t.text or "" for t in p.iter(f"{W}t")).strip()))
            return Found(_picture(archive, part, header), lines[:MOST_LINES])
    except (OSError, zipfile.BadZipFile, KeyError, ET.ParseError) as exc:
        raise LetterheadError(f"cannot read the letterhead of {path}: "
                              f"{type(exc).__name__}: {exc}") from None


def _picture(archive: zipfile.ZipFile, part: str, header: ET.Element) -> bytes:
    """The first PNG or JPEG picture of a header, or nothing."""
    rels = _rels(archive, part)
    ids = [blip.get(f"{R}embed", "") for blip in header.iter(f"{A}blip")]
    ids += [data.get(f"{R}id", "") for data in header.iter(f"{V}imagedata")]
    for rid in ids:
        target = rels.get(rid)
        if target and target in archive.namelist():
            data = archive.read(target)
            if data.startswith(PICTURE_SIGNATURES):
                return data
    return b""
