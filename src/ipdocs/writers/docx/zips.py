"""The DOCX package written with fixed member times, so identical input gives identical
bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from typing import Any

from ipdocs.base.zips import add_member

_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_DEFAULTS = {"rels": "application/vnd.openxmlformats-package.relationships+xml",
             "xml": "application/xml"}


_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\n", "&#10;"), ("\r", "&#13;"),
            ("\t", "&#9;"))


def quoted(value: str) -> str:
    """``value`` as an XML attribute's quoted value, as ``xml.sax.saxutils.quoteattr``
    writes it (in double quotes, or single ones where it holds a double quote and no
    single one), without that module's import, which pulls in urllib.request,
    http.client and ssl: some 30 M instructions of a cold Word build."""
    for char, entity in _ESCAPES:
        value = value.replace(char, entity)
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"{}"'.format(value.replace('"', "&quot;"))


def content_types(parts: list[Any]) -> bytes:
    """``[Content_Types].xml``: defaults for relationships and plain XML, an override
    naming the content type of every part."""
    defaults = "".join(f"<Default Extension={quoted(ext)} ContentType={quoted(kind)}/>"
                       for ext, kind in _DEFAULTS.items())
    overrides = "".join(f"<Override PartName={quoted(str(part.partname))} "
                        f"ContentType={quoted(part.content_type)}/>"
                        for part in sorted(parts, key=lambda p: str(p.partname)))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Types xmlns="{_TYPES}">{defaults}{overrides}</Types>').encode()


def package_bytes(package: Any, blobs: Mapping[str, bytes] | None = None) -> bytes:
    """A python-docx package as zip bytes with fixed member times; ``blobs`` gives the
    bytes of parts written otherwise, by part name (the document's body, spooled).

    Written here rather than by ``Document.save`` and a rewrite, which compressed every
    part (the embedded fonts above all) twice.
    """
    blobs = blobs or {}
    parts = list(iter_parts(package))
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        add_member(target, "[Content_Types].xml", content_types(parts))
        add_member(target, "_rels/.rels", package.rels.xml)
        for part in parts:
            data = blobs.get(str(part.partname))
            add_member(target, part.partname.membername,
                       part.blob if data is None else data)
            if len(part.rels):
                add_member(target, part.partname.rels_uri.membername, part.rels.xml)
    return out.getvalue()


def iter_parts(package: Any) -> Iterator[Any]:
    """Each part of a python-docx package once, in the order of python-docx's own
    ``OpcPackage.iter_parts`` (depth first along the relationships, as they were
    added), which it replaces (``adapter``): python-docx's walks with a nested function
    that calls itself and keeps the parts in its default argument, a cycle that holds
    every part (and its XML) of the package, after the walk, until the garbage collector
    next collects; python-docx walks them whenever it names a new part, and saving does
    too."""
    yield from _walk_parts(package, set())


def _walk_parts(source: Any, seen: set[int]) -> Iterator[Any]:
    """The parts below ``source`` (a package or part) not yet ``seen`` (their ids: each
    part is held by a relationship while the walk lasts), depth first."""
    for rel in source.rels.values():
        if rel.is_external:
            continue
        part = rel.target_part
        if id(part) in seen:
            continue
        seen.add(id(part))
        yield part
        yield from _walk_parts(part, seen)


def let_go(document: Any) -> None:
    """Undo the cycles of a python-docx document whose bytes are made: each part holds its
    package (``_package``), which reaches every part through its relationships, and the
    document and its body hold each other; so the document, its parts and their XML (a
    report's body, its styles: some 4 MB a file) were freed only by the garbage
    collector's next collection (which a batch's worker makes now and then), not as
    soon as the document's last reference went. A header's or footer's part also keeps
    the document's part it found (python-docx's lazy ``StoryPart._document_part``),
    which reaches it back through its relationships. Nothing is used after this."""
    package = document.part.package
    for part in list(iter_parts(package)):
        part._package = None
        vars(part).pop("_document_part", None)
    vars(package).pop("rels", None)  # python-docx's lazyproperty: parts it no longer names
    vars(document)["_Document__body"] = None  # python-docx's Document.__body


def stored(data: bytes) -> bytes:
    """A zip's members stored rather than deflated, in their order (what the process
    itself opens again: a styled blank, read without inflating it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    return out.getvalue()
