"""Fonts for the PDF: the theme's roles mapped to TrueType faces, with fallbacks.

Each role uses the bundled face the theme names (``bundled: serif``) unless the theme
points it at the user's own files (``regular_file``, ``bold_file``: TTF, or TTC with a
face index as ``file.ttc#2``). reportlab reads only TrueType outlines: a CFF-only font is
refused with a message that says what to do. Fallback fonts cover characters the role's
face lacks; a character no font covers is an error naming it and where it occurs.
"""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ipdocs.bundled import BUNDLED, face_path
from ipdocs.themes import Font, Theme
from ipdocs.writers import RenderError
from ipdocs.writers.subsets import subset_face


class FontError(RenderError):
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


MAX_SUBSET_TEXTS = 8
"""Distinct texts whose subsets a process keeps registered. reportlab keeps a registered
font for the life of the process; beyond this many texts, the subsets of the text used
longest ago are unregistered (a long-running service or a batch of many reports would
otherwise grow without end)."""

_subsets: OrderedDict[str, dict[str, tuple[Face, TTFont]]] = OrderedDict()
"""Registered subsets by text, the most recently used last, then by face file."""


def register_subset(filename: str, text: str) -> Face:
    """The bundled face ``filename`` reduced to ``text``, registered with reportlab once
    per text (see MAX_SUBSET_TEXTS).

    reportlab reads a subset of the characters a report can print many times faster than
    the whole face; the subset is cached on disk, so only a report's first build makes it.
    """
    faces = _subsets.get(text)
    if faces is None:
        while _subsets and len(_subsets) >= MAX_SUBSET_TEXTS:
            _unregister(_subsets.popitem(last=False)[1])
        faces = _subsets[text] = {}
    else:
        _subsets.move_to_end(text)
    if filename not in faces:
        faces[filename] = _register_subset(filename, text)
    return faces[filename][0]


def _unregister(faces: dict[str, tuple[Face, TTFont]]) -> None:
    """Remove fonts from reportlab's registry (which has no public way to forget one)."""
    fonts = getattr(pdfmetrics, "_fonts", {})
    dynamic = getattr(pdfmetrics, "_dynFaceNames", {})
    for _, font in faces.values():
        fonts.pop(font.fontName, None)
        dynamic.pop(font.face.name, None)


def _register_subset(filename: str, text: str) -> tuple[Face, TTFont]:
    """Make, register and describe the subset of one bundled face."""
    data = subset_face(filename, text)
    digest = hashlib.sha1(filename.encode("utf-8") + text.encode("utf-8")).hexdigest()
    font = TTFont("S" + digest[:10], io.BytesIO(data))
    # reportlab registers a font whose face name it already knows as the font it knows
    # (a later document would be set in an earlier one's subset), and two faces of one
    # name in a file clash: each subset gets a face name of its own.
    font.face.name += b"-" + digest[:12].encode("ascii")
    pdfmetrics.registerFont(font)
    return Face(font.fontName, frozenset(font.face.charToGlyph)), font


def _bundled(role: str, bold: bool, latin: bool = False) -> str:
    """The file name of a bundled face: the CJK one, or its Latin companion."""
    family = BUNDLED[role]
    if latin:
        return family.latin_bold if bold else family.latin_regular
    return family.bold if bold else family.regular


def role_face(font: Font, bold: bool, latin: bool = False, text: str = "") -> Face:
    """The face a theme font role uses, regular or bold; ``latin`` for English text.

    With ``text`` (every character the document may set), a bundled face is registered
    as a subset to it; without, whole.
    """
    own = font.bold_file if bold else font.regular_file
    if own:
        return register(own)
    name = _bundled(font.bundled, bold, latin)
    return register_subset(name, text) if text else register(face_path(name))


def latin_char(char: str) -> bool:
    """Whether English text sets ``char`` in the Latin face (letters, digits, punctuation)."""
    code = ord(char)
    return code < 0x2E80 and not 0x2460 <= code <= 0x27BF


@dataclass(frozen=True)
class Where:
    """Where a piece of text stands, for error messages."""

    text: str

    def __str__(self) -> str:
        snippet = self.text if len(self.text) <= 30 else self.text[:30] + "…"
        return f"in “{snippet}”"


class Fonts:
    """The faces of one theme: role faces and fallbacks, with coverage checks."""

    def __init__(self, theme: Theme, text: str = "") -> None:
        self.theme = theme
        self.text = text
        """What the document may set; bundled faces are subset to it (none: whole faces)."""
        self.fallbacks: tuple[Face, ...] = tuple(register(f) for f in theme.fallbacks)

    def face(self, role: str, bold: bool = False, latin: bool = False) -> Face:
        """The face of a role (its Latin companion with ``latin``)."""
        return role_face(self.theme.fonts[role], bold, latin, self.text)

    def pieces(self, text: str, face: Face, latin: Face | None = None) -> list[tuple[Face, str]]:
        """Split ``text`` into stretches by the face that sets them.

        With ``latin`` (English text), Latin letters and punctuation go to that face and
        the rest to ``face``; a character neither covers goes to the first fallback that does.
        """
        out: list[tuple[Face, str]] = []
        for char in text:
            first = latin if latin is not None and latin_char(char) and \
                ord(char) in latin.covers else face
            chosen = self.cover(char, first)
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
        codes = set(map(ord, text))
        for face in (*faces, *self.fallbacks):
            codes.difference_update(face.covers)
            if not codes:
                return []
        return sorted(chr(c) for c in codes if not chr(c).isspace())


def uncovered_message(chars: Sequence[str], where: Where) -> str:
    """A readable error for characters no font covers."""
    listed = ", ".join(f"U+{ord(c):04X} {c!r}" for c in chars)
    return f"no configured font covers {listed} {where}"
