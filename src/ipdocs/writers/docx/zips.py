"""Zip packages with fixed timestamps, so identical input gives identical bytes."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any
from xml.sax.saxutils import quoteattr

ZIP_TIME = (2000, 1, 1, 0, 0, 0)
FIXED_W3CDTF = "2000-01-01T00:00:00Z"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_DEFAULTS = {"rels": "application/vnd.openxmlformats-package.relationships+xml",
             "xml": "application/xml"}
_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _add(target: zipfile.ZipFile, name: str, data: bytes) -> None:
    """Add a member with the fixed time, deflated. Fonts, most of the bytes, deflate little
    better at the default level than at the fastest (3% smaller, 60% slower)."""
    info = zipfile.ZipInfo(name, ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    target.writestr(info, data, compresslevel=1 if name.endswith(".odttf") else 6)


def reproducible_zip(data: bytes, *, fix_core_dates: bool = False) -> bytes:
    """Rewrite a zip package with fixed member times (and, if asked, fixed core dates)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if fix_core_dates and item.filename == "docProps/core.xml":
                content = _DATES.sub(rb"\g<1>" + FIXED_W3CDTF.encode() + rb"\g<2>", content)
            _add(target, item.filename, content)
    return out.getvalue()


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


def package_bytes(package: Any) -> bytes:
    """A python-docx package as zip bytes with fixed member times.

    Written here rather than by ``Document.save`` and a rewrite, which compressed every
    part (the embedded fonts above all) twice.
    """
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        _add(target, "[Content_Types].xml", content_types(parts))
        _add(target, "_rels/.rels", package.rels.xml)
        for part in parts:
            _add(target, part.partname.membername, part.blob)
            if len(part.rels):
                _add(target, part.partname.rels_uri.membername, part.rels.xml)
    return out.getvalue()
