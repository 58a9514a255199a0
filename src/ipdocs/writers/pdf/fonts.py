"""Fonts for the PDF: the theme's roles mapped to TrueType faces, with fallbacks.

Each role uses the bundled face the theme names (``bundled: serif``) unless the theme
points it at the user's own files (``regular_file``, ``bold_file``: TTF, or TTC with a
face index as ``file.ttc#2``). reportlab reads only TrueType outlines: a CFF-only font is
refused with a message that says what to do. Fallback fonts cover characters the role's
face lacks; a character no font covers is an error naming it and where it occurs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ipdocs.bundled import BUNDLED, face_path
from ipdocs.themes import Font, Theme


class FontError(ValueError):
    """A font that cannot be used, or a character no font covers."""


@dataclass(frozen=True)
class Face:
    """A registered face: reportlab's name for it and the characters it covers."""

    name: str
    covers: frozenset[int] = field(repr=False)


def _split(spec: str) -> tuple[str, int]:
    """``file.ttc#2`` → (``file.ttc``, 2)."""
    path, _, index = spec.partition("#")
    return path, int(index or 0)


@cache
def register(spec: str) -> Face:
    """Register the TrueType face at ``spec`` with reportlab (once) and return it."""
    path, index = _split(spec)
    if not Path(path).is_file():
        raise FontError(f"font file not found: {path}")
    name = "F" + hashlib.sha1(spec.encode("utf-8")).hexdigest()[:10]
    try:
        font = TTFont(name, path, subfontIndex=index)
    except TTFError as exc:
        if "postscript outlines" in str(exc).lower() or "cff" in str(exc).lower():
            raise FontError(
                f"{path} has PostScript (CFF) outlines, which PDF embedding here cannot "
                "use: convert it to TrueType outlines (scripts/build_fonts.py shows how, "
                "with fontTools) or choose a TrueType (.ttf) font") from None
        raise FontError(f"cannot use font {path}: {exc}") from None
    pdfmetrics.registerFont(font)
    return Face(name, frozenset(font.face.charToGlyph))


def _bundled(role: str, bold: bool) -> str:
    """The path of a bundled face."""
    family = BUNDLED[role]
    return face_path(family.bold if bold else family.regular)


def role_face(font: Font, bold: bool) -> Face:
    """The face a theme font role uses, regular or bold."""
    own = font.bold_file if bold else font.regular_file
    if own:
        return register(own)
    return register(_bundled(font.bundled, bold))


@dataclass(frozen=True)
class Where:
    """Where a piece of text stands, for error messages."""

    text: str

    def __str__(self) -> str:
        snippet = self.text if len(self.text) <= 30 else self.text[:30] + "…"
        return f"in “{snippet}”"


class Fonts:
    """The faces of one theme: role faces and fallbacks, with coverage checks."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.fallbacks: tuple[Face, ...] = tuple(register(f) for f in theme.fallbacks)

    def face(self, role: str, bold: bool = False) -> Face:
        """The face of a role."""
        return role_face(self.theme.fonts[role], bold)

    def pieces(self, text: str, face: Face) -> list[tuple[Face, str]]:
        """Split ``text`` into stretches set in ``face`` or in the fallback that covers them."""
        out: list[tuple[Face, str]] = []
        for char in text:
            chosen = self.cover(char, face)
            if out and out[-1][0] == chosen:
                out[-1] = (chosen, out[-1][1] + char)
            else:
                out.append((chosen, char))
        return out

    def cover(self, char: str, face: Face) -> Face:
        """The face that sets ``char``: the given one, else the first fallback covering it."""
        code = ord(char)
        if code in face.covers or char in "\n\t":
            return face
        for fallback in self.fallbacks:
            if code in fallback.covers:
                return fallback
        return face

    def missing(self, text: str, faces: Iterable[Face]) -> list[str]:
        """Characters of ``text`` that neither ``faces`` nor the fallbacks cover."""
        pool = [*faces, *self.fallbacks]
        return sorted({c for c in text if not c.isspace()
                       and not any(ord(c) in f.covers for f in pool)})


def uncovered_message(chars: Sequence[str], where: Where) -> str:
    """A readable error for characters no font covers."""
    listed = ", ".join(f"U+{ord(c):04X} {c!r}" for c in chars)
    return f"no configured font covers {listed} {where}"
