"""Zip packages with fixed timestamps, so identical input gives identical bytes."""

from __future__ import annotations

import io
import re
import zipfile

ZIP_TIME = (2000, 1, 1, 0, 0, 0)
FIXED_W3CDTF = "2000-01-01T00:00:00Z"
_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def reproducible_zip(data: bytes, *, fix_core_dates: bool = False) -> bytes:
    """Rewrite a zip package with fixed member times (and, if asked, fixed core dates)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if fix_core_dates and item.filename == "docProps/core.xml":
                content = _DATES.sub(rb"\g<1>" + FIXED_W3CDTF.encode() + rb"\g<2>", content)
            info = zipfile.ZipInfo(item.filename, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    return out.getvalue()
