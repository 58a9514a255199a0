"""The DOCX package written with fixed member times, so identical input gives identical
bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import quoteattr

from ipdocs.base.zips import add_member

_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_DEFAULTS = {"rels": "application/vnd.openxmlformats-package.relationships+xml",
             "xml": "application/xml"}


def content_types(parts: list[Any]) -> bytes:
    """``[Content_Types].xml``: defaults for relationships and plain XML, an override
    naming the content type of every part."""
    defaults = "".join(f"<Default Extension={quoteattr(ext)} ContentType={quoteattr(kind)}/>"
                       for ext, kind in _DEFAULTS.items())
    overrides = "".join(f"<Override PartName={quoteattr(str(part.partname))} "
                        f"ContentType={quoteattr(part.content_type)}/>"
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
    parts = list(package.iter_parts())
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


def stored(data: bytes) -> bytes:
    """A zip's members stored rather than deflated, in their order (what the process
    itself opens again: a styled blank, read without inflating it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    return out.getvalue()
