"""Widths of text in the bundled faces, for a writer that does not lay lines out itself
(the DOCX writer choosing table widths with ``typeset.fit_table``): Latin characters by
the advance widths of the bundled Latin face, full-width characters an em, and a quarter
em where Han meets a Latin letter or digit (the gap readers set there)."""

from __future__ import annotations

import json
from collections import OrderedDict
from functools import cache
from importlib import resources

from ipdocs.base.kept import remembered
from ipdocs.typefaces.bundled import BUNDLED, PACKAGE
from ipdocs.writers.columns import is_wide

HAN_LATIN_GAP = 0.25
"""Ems readers add between Han text and a Latin letter or digit (autospace)."""

UNKNOWN = 0.6
"""Ems for a character the Latin face lacks."""


@cache
def latin_widths() -> dict[str, dict[str, object]]:
    """widths.json beside the faces: each bundled Latin face's units per em and the
    advance of each character it has, in those units (written by scripts/build_fonts.py
    from the faces' hmtx and best cmap, as fontTools reads them; a test holds them
    equal): reading the faces with fontTools, and importing it, cost every process that
    writes a DOCX some 30 ms."""
    text = resources.files(PACKAGE).joinpath("widths.json").read_text(encoding="utf-8")
    index: dict[str, dict[str, object]] = json.loads(text)
    return index


@cache
def _advances(filename: str) -> tuple[dict[int, float], float]:
    """Advance widths in ems of a face's characters, by code point, and its space's."""
    face = latin_widths()[filename]
    units = face["units"]
    advances = face["advances"]
    assert isinstance(units, int) and isinstance(advances, list)
    widths = {code: advance / units for code, advance in advances}
    return widths, widths.get(32, 0.26)


EMS_KEPT = 8192
"""How many texts' widths in ems a process keeps (``text_width``)."""

_EMS: OrderedDict[tuple[str, str], float] = OrderedDict()


def text_width(text: str, role: str, bold: bool, size: float) -> float:
    """The width of ``text`` in points, set ``size`` points large in the bundled family of
    ``role`` (its Latin companion for Latin characters). Its width in ems is kept for the
    process by the text and the Latin face (``_EMS``): a table's fitting measures each
    cell at every scale it tries, and a report's outputs and a batch's specs measure the
    same labels again (some 3,700 measures a full DOCX)."""
    family = BUNDLED.get(role, BUNDLED["serif"])
    latin = family.latin_bold if bold else family.latin_regular
    return remembered(_EMS, (text, latin), lambda: _ems(text, latin), EMS_KEPT) * size


def _ems(text: str, latin: str) -> float:
    """The width of ``text`` in ems (see ``text_width``), ``latin`` its Latin face."""
    advances, _ = _advances(latin)
    ems = 0.0
    wide_before = alnum_before = False
    for index, char in enumerate(text):
        wide = is_wide(char)
        alnum = char.isalnum()
        ems += 1.0 if wide else advances.get(ord(char), UNKNOWN)
        if index and wide != wide_before and alnum and alnum_before:
            ems += HAN_LATIN_GAP
        wide_before, alnum_before = wide, alnum
    return ems
