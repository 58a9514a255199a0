"""Styled blanks kept between runs: the blank document every DOCX of a theme starts from
(``writers.docx.styled_blank``: python-docx's template with the theme's styles), and the
style ids documents made of it found in it, kept in the font cache (sealed with the
user's key, as the subsets are) for the next process that writes a DOCX of that theme.

Making a styled blank opens python-docx's template, parses its 270 styles and sets the
theme's on them; a document made of it then looks its styles' ids up in them. A process
already keeps a blank it made twice (its saved bytes, opened afresh for each later
document) and the ids found in it; a later process starts with both: it opens the bytes
and never parses the styles where the ids it needs are known (``adapter.StylesRead``).

Nothing stale can be read back: a kept blank is found by everything it is made of
(``blank_source``): the theme (its whole value, as its ``repr`` spells every field, the
key a process keeps its blank by), the languages' tags, whether it hyphenates, python-
docx's template (its bytes), the code that makes and styles the blank and looks its ids
up (``MADE_BY``'s source), and the versions of python-docx, lxml and libxml2 (which
serialise it) and of ipdocs and Python. Where a part cannot be told (a module or the
template without a file to read, as in a zip archive) nothing is kept or read. Nothing
of it is read from the environment but where the cache is and its key.
"""

from __future__ import annotations

import marshal
import sys
import zlib
from functools import lru_cache

import docx

from ipdocs.base import VERSION
from ipdocs.themes import Theme
from ipdocs.writers.docx.adapter import XML_LIBRARIES, default_template
from ipdocs.writers.subsets import code_digest, file_digest, keeping, read_kept, write_kept

BLANK_KIND = (f"docx-styled-blank/python-docx{docx.__version__}/"
              f"{XML_LIBRARIES}/{VERSION}/"
              f"python{sys.version_info[0]}.{sys.version_info[1]}/1")
"""What the font cache keeps of a styled blank, by the versions of what makes and
serialises it (the last part: raise it when what is kept changes)."""

MADE_BY = ("ipdocs.writers.docx", "ipdocs.writers.docx.keptblank",
           "ipdocs.writers.docx.template", "ipdocs.writers.docx.styles",
           "ipdocs.writers.docx.adapter", "ipdocs.writers.docx.xml",
           "ipdocs.writers.docx.zips", "ipdocs.writers.docx.blocks",
           "ipdocs.writers.docx.page", "ipdocs.writers.spacing", "ipdocs.writers.typeset",
           "ipdocs.writers.columns", "ipdocs.themes", "ipdocs.themes.measures",
           "ipdocs.base.records", "ipdocs.base.recordinits", "ipdocs.base.kept")
"""The modules whose code makes a styled blank (the template cleaned, the theme's styles
set, the blank saved: ``writers.docx``, ``template``, ``styles``, ``adapter``, ``xml``,
``zips``, ``spacing``, ``typeset``), looks its style ids up (``blocks.set_style``,
``page._styled_as``, ``styles.style_id``), spells the theme it is found by (``themes``,
``themes.measures``, ``records``) and keeps it: their source is part of what a kept
blank is found by."""

Kept = tuple[bytes, str, dict[str, str], dict[str, str | None]]
"""A kept blank: its saved bytes (a zip), the name of its styles part's member, the
style ids found in it by Word style name (``writers.docx.style_ids``) and the paragraph
styles' values (``writers.docx.paragraph_styles``)."""


@lru_cache(maxsize=1)
def template_digest() -> bytes | None:
    """The SHA-256 of python-docx's default template (read once a process); None where
    it cannot be read."""
    return file_digest(default_template())


def blank_source(theme: Theme, tags: tuple[str, str], hyphenate: bool) -> bytes | None:
    """What the kept blank of ``theme``, ``tags`` and ``hyphenate`` is found by (see the
    module); None where the cache is off or has no key to seal with (a read-only home:
    nothing kept could be read back, so no blank is saved to keep it), or the code or
    template cannot be read."""
    if not keeping():
        return None
    code, template = code_digest(MADE_BY), template_digest()
    if code is None or template is None:
        return None
    spelt = repr((theme, tags, hyphenate)).encode("utf-8")
    return b"\0".join((BLANK_KIND.encode(), code, template, spelt))


def read_blank(source: bytes) -> Kept | None:
    """The blank kept for ``source``; None where none is kept, or it cannot be read."""
    kept = read_kept(BLANK_KIND, source)
    if kept is None:
        return None
    try:
        data, member, ids, found = marshal.loads(zlib.decompress(kept))
    except (EOFError, TypeError, ValueError, zlib.error):
        return None
    if not (isinstance(data, bytes) and isinstance(member, str) and isinstance(ids, dict)
            and isinstance(found, dict)):
        return None
    return data, member, ids, found


def write_blank(source: bytes, kept: Kept) -> None:
    """Keep a blank for ``source`` (see ``read_blank``), sealed, written whole or not at
    all."""
    write_kept(BLANK_KIND, source, zlib.compress(marshal.dumps(kept), 1))
