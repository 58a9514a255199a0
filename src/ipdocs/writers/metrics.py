"""Widths of text in the bundled faces, for a writer that does not lay lines out itself
(the DOCX writer choosing table widths with ``typeset.fit_table``): Latin characters by
the advance widths of the bundled Latin face, full-width characters an em, and a quarter
em where Han meets a Latin letter or digit (the gap readers set there)."""

from __future__ import annotations

from functools import cache

from fontTools.ttLib import TTFont

from ipdocs.typefaces.bundled import BUNDLED, face_path
from ipdocs.writers.columns import is_wide

HAN_LATIN_GAP = 0.25
"""Ems readers add between Han text and a Latin letter or digit (autospace)."""

UNKNOWN = 0.6
"""Ems for a character the Latin face lacks."""


@cache
def _advances(filename: str) -> tuple[dict[int, float], float]:
    """Advance widths in ems of a face's characters, by code point, and its space's."""
    font = TTFont(face_path(filename), lazy=True)
    units = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    widths = {code: metrics[glyph][0] / units for code, glyph in font.getBestCmap().items()}
    return widths, widths.get(32, 0.26)


def text_width(text: str, role: str, bold: bool, size: float) -> float:
    """The width of ``text`` in points, set ``size`` points large in the bundled family of
    ``role`` (its Latin companion for Latin characters)."""
    family = BUNDLED.get(role, BUNDLED["serif"])
    advances, _ = _advances(family.latin_bold if bold else family.latin_regular)
    ems = 0.0
    for index, char in enumerate(text):
        wide = is_wide(char)
        ems += 1.0 if wide else advances.get(ord(char), UNKNOWN)
        if index and wide != is_wide(text[index - 1]) and \
                (char.isalnum() and text[index - 1].isalnum()):
            ems += HAN_LATIN_GAP
    return ems * size
