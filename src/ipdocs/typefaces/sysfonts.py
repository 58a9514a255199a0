"""Faces installed on the machine, for characters no bundled face has.

The bundled faces cover GB 18030's Han characters and the 通用规范汉字表 (see
``ipdocs.typefaces.bundled``); a name in CJK Extension B, or a symbol they lack, may still be on the
machine. fontconfig (``fc-list``) says which installed faces have a character; the first
by a fixed order (faces for Simplified Chinese first, then regular weight, then family
and file name, so the same machine always picks the same face) is subset to the
characters it is needed for, converted to TrueType outlines where it has CFF ones (as
``scripts/build_fonts.py`` converts the bundled faces), and embedded like the bundled
faces. Where fontconfig is missing, no face is found: the writers then refuse the
character, naming it. ``ipdocs.checks.glyphs`` reports each use with its place in the spec.
``IPDOCS_SYSTEM_FONTS=off`` keeps the machine's faces out (output that does not depend on
what the machine has installed).

A leaf: it imports nothing from the rest of the project but ``ipdocs.typefaces.bundled``.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import field
from functools import lru_cache
from typing import Any

from ipdocs.base.records import datarecord
from ipdocs.typefaces.bundled import anywhere

EDITOR_TABLES = frozenset({"FFTM", "PfEd"})
"""Tables a font editor leaves in a face (FontForge's timestamps and private data): no
glyph, metric or layout data, which fontTools drops from a subset with a warning."""


class _EditorTablesDropped(logging.Filter):
    """Drop fontTools' "FFTM NOT subset; … dropped" warnings (``EDITOR_TABLES``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Whether ``record`` is still to be said."""
        return not (record.msg == "%s NOT subset; don't know how to subset; dropped"
                    and bool(record.args) and str(record.args[0]) in EDITOR_TABLES)  # type: ignore[index]


@contextlib.contextmanager
def quiet_subsetting() -> Iterator[None]:
    """While subsetting: fontTools' warning that it dropped a font editor's table
    (``EDITOR_TABLES``, as in DejaVu Sans, a machine's common fallback) goes unsaid;
    every other message of fontTools is kept, and nothing is changed outside the block."""
    logger = logging.getLogger("fontTools.subset")
    quiet = _EditorTablesDropped()
    logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)


MAX_ERR = 1.0
"""Font units a quadratic curve may stray from the cubic one it replaces."""

FC_TIMEOUT = 20
"""Seconds fontconfig may take to answer (a first run on a machine builds its cache)."""


@datarecord(frozen=True)
class Candidate:
    """An installed face fontconfig reports for a character."""

    file: str
    index: int
    family: str
    chinese: bool
    weight: int

    def rank(self) -> tuple[bool, int, str, str, int]:
        """Order of preference: Simplified Chinese faces, regular weight, then names."""
        return (not self.chinese, abs(self.weight - 80), self.family, self.file, self.index)


@datarecord(frozen=True)
class SystemFace:
    """A subset of an installed face: its family as the machine names it, its file
    (``path#index``), the TrueType bytes and the characters it is used for."""

    family: str
    file: str
    data: bytes = field(repr=False)
    chars: str


def _fc_list(char: str) -> str:
    """fontconfig's list of faces that have ``char``: file, index, family, languages,
    weight, tab-separated, a line each ("" where fontconfig is missing or fails)."""
    if os.environ.get("IPDOCS_SYSTEM_FONTS") == "off" or shutil.which("fc-list") is None:
        return ""
    import subprocess  # only for a character no bundled face has (its import: 0.4% of a build)

    pattern = f":charset={ord(char):x}"
    layout = "%{file}\\t%{index}\\t%{family[0]}\\t%{lang}\\t%{weight}\\n"
    try:
        done = subprocess.run(["fc-list", pattern, "--format", layout], capture_output=True,
                              text=True, timeout=FC_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


def _candidates(char: str) -> list[Candidate]:
    """The installed faces that have ``char``, best first."""
    out = []
    for line in _fc_list(char).splitlines():
        parts = line.split("\t")
        if len(parts) != 5 or not parts[1].isdigit():
            continue
        file, index, family, langs, weight = parts
        out.append(Candidate(file, int(index), family, "zh-cn" in langs.split("|"),
                             int(float(weight)) if weight.replace(".", "", 1).isdigit() else 80))
    return sorted(out, key=Candidate.rank)


@lru_cache(maxsize=4096)
def find(char: str) -> Candidate | None:
    """The installed face a character no bundled face has is set in; None if none has it."""
    found = _candidates(char)
    return found[0] if found else None


def needed(chars: Iterable[str]) -> list[str]:
    """The characters of ``chars`` no bundled face has (whitespace and controls aside)."""
    fresh = set(chars) - _BUNDLED_HAS
    _BUNDLED_HAS.update(c for c in fresh if anywhere(ord(c)))
    return sorted(c for c in fresh - _BUNDLED_HAS if c.isprintable() and not c.isspace())


_BUNDLED_HAS: set[str] = set()
"""Characters found in some bundled face (the bundled faces never change in a process:
a character once found is not looked up again)."""


def fallbacks(chars: Iterable[str]) -> list[SystemFace]:
    """For the characters of ``chars`` no bundled face has: the installed faces that set
    them, each subset to its characters (TrueType outlines). Characters no installed face
    has are left out (the writers refuse them)."""
    return list(_fallbacks("".join(needed(chars))))


@lru_cache(maxsize=32)
def _fallbacks(chars: str) -> tuple[SystemFace, ...]:
    """``fallbacks`` for a sorted string of characters (remembered)."""
    groups: dict[Candidate, str] = {}
    for char in chars:
        candidate = find(char)
        if candidate is not None:
            groups[candidate] = groups.get(candidate, "") + char
    return tuple(SystemFace(c.family, f"{c.file}#{c.index}", subset(c.file, c.index, text), text)
                 for c, text in sorted(groups.items(), key=lambda item: item[0].rank()))


def subset(path: str, index: int, text: str) -> bytes:
    """The face ``index`` of the font file ``path`` reduced to ``text``, with TrueType
    outlines (CFF ones converted)."""
    from fontTools import subset as subsetting
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=False, recalcTimestamp=False)
    options = subsetting.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subsetting.Subsetter(options)
    subsetter.populate(text=text)
    with quiet_subsetting():
        subsetter.subset(font)
    if "CFF " in font or "CFF2" in font:
        to_truetype(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _quadratic(font: Any) -> dict[str, object]:
    """Every glyph's outline as quadratic TrueType contours (CFF contours reversed)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    return glyphs


def _maxp(font: Any) -> None:
    """A version 1.0 maxp table, as TrueType outlines require (counts recomputed on save)."""
    from fontTools.ttLib import newTable

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for name in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                 "maxComponentDepth", "maxPoints", "maxContours", "maxCompositePoints",
                 "maxCompositeContours"):
        setattr(maxp, name, 0)
    maxp.numGlyphs = len(font.getGlyphOrder())
    font["maxp"] = maxp


def to_truetype(font: Any) -> None:
    """Replace a font's CFF table with glyf/loca, in place (a fontTools ``TTFont``)."""
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = _quadratic(font)
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    hmtx = font["hmtx"]
    for name in order:
        glyph = glyf.glyphs[name]
        glyph.recalcBounds(glyf)
        advance, _ = hmtx[name]
        hmtx[name] = advance, getattr(glyph, "xMin", 0)
    _maxp(font)
    font["post"].formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
