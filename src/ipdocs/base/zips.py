"""Zip packages (DOCX, XLSX) with fixed member times and core dates, so identical input
gives identical bytes."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections import OrderedDict

from ipdocs.base.kept import remembered

ZIP_TIME = (2000, 1, 1, 0, 0, 0)
FIXED_W3CDTF = "2000-01-01T00:00:00Z"
_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


REMEMBER_FROM = 16 * 1024
"""Members of at least this many bytes are deflated once per process (``deflated``)."""
DEFLATED_KEPT = 16
"""How many members' deflated bytes a process keeps (``deflated``)."""

_DEFLATED: OrderedDict[tuple[bytes, int], tuple[bytes, int]] = OrderedDict()


def add_member(target: zipfile.ZipFile, name: str, data: bytes) -> None:
    """Add a member with the fixed time, deflated. Fonts, most of the bytes, deflate little
    better at the default level than at the fastest (3% smaller, 60% slower).

    A member of ``REMEMBER_FROM`` bytes or more is deflated once per process for the
    same bytes (``deflated``) and written already deflated (``_add_deflated``): a styled
    blank's styles (350 kB) are the same in every Word file of a theme and language, a
    Chinese face's subset (380 kB) in a report's Chinese and bilingual files and in a
    batch's reports of one region."""
    info = zipfile.ZipInfo(name, ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    level = 1 if name.endswith(".odttf") else 6
    if len(data) < REMEMBER_FROM or not target.fp or not target.fp.seekable():
        target.writestr(info, data, compresslevel=level)
        return
    raw, crc = deflated(data, level)
    _add_deflated(target, info, raw, crc, len(data))


def deflated(data: bytes, level: int) -> tuple[bytes, int]:
    """``data`` deflated as ``zipfile`` deflates a member at ``level`` (a raw stream,
    compressed in one call and flushed), with its CRC-32; kept for the process by the
    exact bytes and level (``DEFLATED_KEPT``)."""
    return remembered(_DEFLATED, (data, level), lambda: _deflate(data, level), DEFLATED_KEPT)


def _deflate(data: bytes, level: int) -> tuple[bytes, int]:
    """``data`` deflated at ``level`` as ``zipfile`` does it, and its CRC-32."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data)


def _add_deflated(target: zipfile.ZipFile, info: zipfile.ZipInfo, raw: bytes, crc: int,
                  size: int) -> None:
    """Add a member whose deflated bytes ``raw`` (of ``size`` bytes, CRC-32 ``crc``) are
    known, byte for byte as ``writestr`` would write it: zipfile has no public way to
    write bytes already compressed, so ``raw`` goes in as a stored member, whose record
    (type, CRC, size) is then made a deflated one's and its local header written again
    (as zipfile rewrites it after writing any member to a file it can seek in); the
    central directory is written from the record at the end. ``tests/base/test_zips.py``
    holds the bytes equal to ``writestr``'s."""
    file = target.fp
    assert file is not None
    info.compress_type = zipfile.ZIP_STORED
    target.writestr(info, raw)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.CRC = crc
    info.file_size = size
    info.compress_size = len(raw)
    end = file.tell()
    file.seek(info.header_offset)
    file.write(info.FileHeader(False))
    file.seek(end)


def reproducible_zip(data: bytes, *, fix_core_dates: bool = False,
                     core_date: str | None = None) -> bytes:
    """Rewrite a zip package with fixed member times and, if asked, its core dates (created
    and modified) fixed: to ``core_date`` (W3CDTF) where given, else to FIXED_W3CDTF."""
    date = core_date or (FIXED_W3CDTF if fix_core_dates else None)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if date is not None and item.filename == "docProps/core.xml":
                content = _DATES.sub(rb"\g<1>" + date.encode() + rb"\g<2>", content)
            add_member(target, item.filename, content)
    return out.getvalue()
