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
import pickle
import re
import threading
import types
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import field
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any

from reportlab import Version as REPORTLAB_VERSION
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFace

from ipdocs.base import VERSION
from ipdocs.base.kept import remembered
from ipdocs.base.records import datarecord
from ipdocs.themes import Font, Theme
from ipdocs.typefaces import sysfonts
from ipdocs.typefaces.bundled import BUNDLED, chain, coverage, face_path
from ipdocs.writers import RenderError
from ipdocs.writers.pdf.adapter import forget_font
from ipdocs.writers.subsets import (
    directory,
    read_derived,
    read_kept,
    subset_face,
    write_derived,
    write_kept,
)

_REPORTLAB_CMAP = ttfonts.makeToUnicodeCMap
_BEYOND_BMP = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.M)


def _utf16(match: re.Match[str]) -> str:
    """One bfchar line with its character as UTF-16 (a surrogate pair)."""
    char = chr(int(match.group(2), 16))
    return f"{match.group(1)} <{char.encode('utf-16-be').hex().upper()}>"


CMAPS_KEPT = 64
"""ToUnicode maps a process remembers (a full zh PDF has a dozen subsets)."""
_CMAPS: OrderedDict[tuple[str, tuple[int, ...]], str] = OrderedDict()


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond the Basic Multilingual Plane
    (CJK Extension B names such as 𠮷) written in UTF-16 as the PDF format asks: reportlab
    writes their code point, which readers take for other characters (𠮷 → ₻).

    Remembered by the font's name and the subset's characters, all it is made of: a
    rebuild's subsets are mostly those of the last one."""
    return remembered(_CMAPS, (fontname, tuple(subset)), lambda: _to_unicode(fontname, subset),
                      CMAPS_KEPT)


def _to_unicode(fontname: str, subset: Sequence[int]) -> str:
    """``to_unicode_cmap`` made: reportlab's map, its lines beyond the Basic Multilingual
    Plane rewritten (looked for only where the subset has such a character: a BMP one is
    written in four hex digits, which ``_BEYOND_BMP`` does not match)."""
    cmap = str(_REPORTLAB_CMAP(fontname, subset))
    return _BEYOND_BMP.sub(_utf16, cmap) if max(subset, default=0) > 0xFFFF else cmap


ttfonts.makeToUnicodeCMap = to_unicode_cmap


class FontError(RenderError):
    """A font that cannot be used, or a character no font covers."""


@datarecord(frozen=True)
class Face:
    """A registered face: reportlab's name for it and the characters it covers."""

    name: str
    covers: frozenset[int] = field(repr=False)
    synthetic_bold: bool = False
    """Bold text in a family without a bold face: the writer strokes the outlines."""
    source: str = field(default="", compare=False)
    """The face whose widths this one's are: the bundled file a subset was made from
    (every subset of one face measures a character alike, and each covers every
    character its document sets); empty for a face registered whole."""

    @property
    def widths(self) -> str:
        """What measures a text in this face as another face measures it when their
        ``widths`` are equal: the source of a subset, else the face's own name. Lines
        broken in one document's subset serve another document's subset of the face."""
        return self.source or self.name


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
                "use: convert it to TrueType outlines (ipdocs fonts convert FILE#N OUT.ttf) "
                "or choose a TrueType (.ttf) font") from None
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
    for _, font in faces.values():
        forget_font(font.fontName, font.face.name)


def _register_subset(filename: str, text: str) -> tuple[Face, TTFont]:
    """Make, register and describe the subset of one bundled face."""
    data = subset_face(filename, text)
    digest = hashlib.sha1(filename.encode("utf-8") + text.encode("utf-8")).hexdigest()
    font = subset_font("S" + digest[:10], data, filename, text)
    # reportlab registers a font whose face name it already knows as the font it knows
    # (a later document would be set in an earlier one's subset), and two faces of one
    # name in a file clash: each subset gets a face name of its own.
    font.face.name += b"-" + digest[:12].encode("ascii")
    pdfmetrics.registerFont(font)
    return Face(font.fontName, frozenset(font.face.charToGlyph), source=filename), font


FACE_KIND = f"reportlab-face/{REPORTLAB_VERSION}/{VERSION}/3"
"""What the font cache keeps of a subset reportlab read (``subset_font``): the face's
parsed tables, by reportlab's and ipdocs' versions (the last part: raise it when what is
kept changes)."""

_KEPT_APART = ("_pdfScale", "_ttf_data", "_files")
"""What a kept face leaves out: its scaling function (not picklable: made again from the
face's units per em), its bytes (the subset itself, which the cache holds already) and
the font files it remembers (``KeptFace``)."""

_LATER = "_kept_later"
"""The attribute of a face loaded from the font cache that holds ``_KEPT_LATER``
pickled, until they are loaded."""

_KEPT_LATER = ("hmetrics", "glyphPos", "glyphToChar", "table", "tables")
"""What a kept face holds pickled apart and loads the first time one of them is asked for
(``KeptFace.__getattr__``): the tables reportlab reads to make a font file, which a build
that finds its font files kept never makes, and the glyphs' characters, which only
reportlab's shaping reads. Two thirds of a kept face's unpickling (some 10 M
instructions of a cold zh PDF's eight faces)."""


def subset_font(name: str, data: bytes, filename: str, text: str) -> TTFont:
    """reportlab's font ``name`` for ``data``, the subset of the bundled face
    ``filename`` to ``text``.

    reportlab reads a face's tables in Python (some 20 M instructions for a CJK subset of
    a thousand glyphs, a twentieth of a cold build for a report's eight faces), so what it
    read is kept in the font cache beside the subset (sealed with the cache's key, as the
    subsets are), and a later process loads it instead of reading the tables again. The
    font is the one reportlab would make: its constructor runs, given the face.
    """
    kept = read_derived(FACE_KIND, filename, text)
    face = None if kept is None else _unpickled_face(kept, data)
    if face is None:
        face = KeptFace(io.BytesIO(data))
        state = {k: v for k, v in vars(face).items() if k not in _KEPT_APART}
        later = {k: state.pop(k) for k in _KEPT_LATER if k in state}
        state[_LATER] = pickle.dumps(later, pickle.HIGHEST_PROTOCOL)
        scaled = "_pdfScale" in vars(face)  # reportlab 5 sets it; 4.1 does not
        write_derived(FACE_KIND, filename, text, pickle.dumps(
            (directory(data), state, scaled), pickle.HIGHEST_PROTOCOL))
    return _font_of(name, face)


def _unpickled_face(kept: bytes, data: bytes) -> TTFontFace | None:
    """The face kept as ``kept`` (see ``subset_font``), its bytes ``data``; None if it
    cannot be read back, or was read from other bytes than ``data`` (a subset the cache
    dropped and made again, with another fontTools, say): it is then read again.

    The bytes a face was read from are told by their table directory, which holds every
    table's checksum and length (as the subsets' own cache tells a face's versions)."""
    try:
        source, state, scaled = pickle.loads(kept)  # sealed with the user's key: ours
    except (pickle.UnpicklingError, AttributeError, EOFError, ImportError, IndexError,
            TypeError, ValueError):
        return None
    if source != directory(data) or not isinstance(state, dict) or "unitsPerEm" not in state \
            or not isinstance(state.get(_LATER), bytes):
        return None
    face: KeptFace = KeptFace.__new__(KeptFace)
    face.__dict__.update(state)
    face._ttf_data = data
    if scaled:
        face._pdfScale = _Scale(state["unitsPerEm"])
    return face


class _Scale:
    """A face's scaling of its font units to thousandths of an em, as reportlab's."""

    def __init__(self, units_per_em: int) -> None:
        self.factor = None if units_per_em == 1000 else 1000 / units_per_em

    def __call__(self, value: float) -> float:
        return value if self.factor is None else value * self.factor


def _font_of(name: str, face: TTFontFace) -> TTFont:
    """reportlab's font ``name`` of a face already read: its own constructor (whatever
    the version sets up beside the face), run with the face given instead of parsed."""
    scope = dict(vars(ttfonts))
    scope["TTFontFace"] = lambda *args, **kwargs: face
    init = TTFont.__init__
    construct = types.FunctionType(init.__code__, scope, init.__name__, init.__defaults__,
                                   init.__closure__)
    font: TTFont = TTFont.__new__(TTFont)
    construct(font, name, "")
    return font


FONT_FILE_KIND = (f"reportlab-font-file/{REPORTLAB_VERSION}/zlib-{zlib.ZLIB_RUNTIME_VERSION}"
                  f"/{VERSION}/1")
"""What the font cache keeps of a font file reportlab embeds (``KeptFace``): by
reportlab's version (which makes the file), zlib's (which compresses it) and ipdocs' (the
last part: raise it when what is kept changes)."""

FILES_KEPT = 16
"""Font files a face remembers in the process (a report's full zh PDF embeds one to
four a face)."""

_handed = threading.local()
"""The font file ``KeptFace.addSubsetObjects`` hands reportlab's own, which asks
``makeSubset`` for it on the same thread."""


class KeptFace(TTFontFace):  # type: ignore[misc]
    """A face of a subset (``subset_font``) whose embedded font files are kept.

    For each 256-character subset of a PDF, reportlab makes a TrueType file of the face
    (``makeSubset``: tables copied, glyphs gathered in Python) and compresses it: some
    100 M instructions of a cold zh PDF, and the same bytes in every build of a report.
    This face keeps the compressed file in the font cache, sealed with the user's key and
    found by all it is made of (``_file_inputs``), and in the process; a later build
    reads it instead of making it again. The PDF objects are reportlab's own
    (``addSubsetObjects`` runs), given the compressed file and marked as compressed.
    """

    def __getattr__(self, name: str) -> Any:
        """One of the tables a face loaded from the font cache holds pickled apart
        (``_KEPT_LATER``): all of them loaded into the face the first time one is asked
        for (only then: Python asks this of attributes the face does not have)."""
        later = self.__dict__.get(_LATER)
        if later is None or name not in _KEPT_LATER:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        tables = pickle.loads(later)  # sealed with the user's key, as the face was
        self.__dict__.update(tables)
        self.__dict__.pop(_LATER, None)
        if name not in tables:  # a reportlab whose faces have no such table (4.1: glyphToChar)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return tables[name]

    def addSubsetObjects(self, doc: Any, fontname: str, subset: Sequence[int]) -> Any:
        """reportlab's font descriptor and font file for the characters ``subset`` (their
        codes in order), the file kept or read from what was kept."""
        if not doc.compression:
            return super().addSubsetObjects(doc, fontname, subset)
        length, packed = self.font_file(subset)
        _handed.packed = packed
        try:
            ref = super().addSubsetObjects(doc, fontname, subset)
        finally:
            _handed.packed = None
        stream = doc.idToObject[doc.idToObject[ref.name].dict["FontFile2"].name]
        stream.dictionary["Length1"] = length
        stream.dictionary["Filter"] = pdfdoc.PDFArray(
            [pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])  # as the filter would mark it
        return ref

    def makeSubset(self, subset: Sequence[int]) -> bytes:
        """reportlab's font file for ``subset``; the compressed one ``addSubsetObjects``
        hands over while it runs."""
        packed: bytes | None = getattr(_handed, "packed", None)
        if packed is not None:
            return packed
        made: bytes = super().makeSubset(subset)
        return made

    def font_file(self, subset: Sequence[int]) -> tuple[int, bytes]:
        """The font file of ``subset``: its length and its bytes as the PDF's Flate
        filter compresses them; remembered, else read from the font cache, else made and
        kept there (each by all the file is made of, ``_file_inputs``)."""
        files: OrderedDict[bytes, tuple[int, bytes]] = \
            self.__dict__.setdefault("_files", OrderedDict())
        inputs = self._file_inputs(subset)
        return remembered(files, inputs, lambda: self._kept_file(subset, inputs), FILES_KEPT)

    def _kept_file(self, subset: Sequence[int], inputs: bytes) -> tuple[int, bytes]:
        """``font_file`` read from the font cache, or made (and kept there)."""
        kept = read_kept(FONT_FILE_KIND, inputs)
        if kept is not None and len(kept) > 4:
            return int.from_bytes(kept[:4], "big"), kept[4:]
        made: bytes = super().makeSubset(subset)
        packed: bytes = pdfdoc.PDFZCompress.encode(made)
        write_kept(FONT_FILE_KIND, inputs, len(made).to_bytes(4, "big") + packed)
        return len(made), packed

    def _file_inputs(self, subset: Sequence[int]) -> bytes:
        """All a font file is made of: the face's bytes (told by their table directory,
        which holds every table's checksum and length), the subset's codes in order and
        the glyph each maps to now (reportlab may map more codes to a face's glyphs)."""
        glyphs = self.charToGlyph
        pairs = array("I", [n for code in subset for n in (code, glyphs.get(code, 0))])
        return directory(self._ttf_data) + b"\0" + pairs.tobytes()


def _bundled(role: str, bold: bool, latin: bool = False) -> str:
    """The file name of a bundled face: the CJK one, or its Latin companion."""
    family = BUNDLED[role]
    if latin:
        return family.latin_bold if bold else family.latin_regular
    return family.face(bold)


def role_face(font: Font, bold: bool, latin: bool = False, text: str = "") -> Face:
    """The face a theme font role uses, regular or bold; ``latin`` for English text.

    With ``text`` (every character the document may set), a bundled face is registered
    as a subset to it; without, whole.
    """
    own = font.bold_file if bold else font.regular_file
    if own:
        return register(own)
    name = _bundled(font.bundled, bold, latin)
    face = register_subset(name, text) if text else register(face_path(name))
    if not latin and BUNDLED[font.bundled].synthetic_bold(bold):
        face = Face(face.name, face.covers, synthetic_bold=True, source=face.source)
    return face


def latin_char(char: str) -> bool:
    """Whether English text sets ``char`` in the Latin face (letters, digits, punctuation)."""
    code = ord(char)
    return code < 0x2E80 and not 0x2460 <= code <= 0x27BF


@datarecord(frozen=True)
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
        self._origin: dict[Face, tuple[str, bool]] = {}
        """The bundled role and weight each role face came from (its chain follows)."""
        self._system: tuple[Face, ...] | None = None
        self._chosen: dict[tuple[object, ...], dict[str, Face]] = {}
        """The face of each character ``pieces`` has set, by the faces it was given and
        the roles they came from (what ``cover`` looks at beside the character)."""

    def face(self, role: str, bold: bool = False, latin: bool = False) -> Face:
        """The face of a role (its Latin companion with ``latin``)."""
        font = self.theme.fonts[role]
        face = role_face(font, bold, latin, self.text)
        self._origin.setdefault(face, (font.bundled, bold))
        return face

    def pieces(self, text: str, face: Face, latin: Face | None = None) -> list[tuple[Face, str]]:
        """Split ``text`` into stretches by the face that sets them.

        With ``latin`` (English text), Latin letters and punctuation go to that face and
        the rest to ``face``; a character neither covers goes to the first face along
        ``face``'s chain and the fallbacks that has it.
        """
        if latin is None and face.covers.issuperset(map(ord, text)):
            return [(face, text)] if text else []  # all of it the face's (``cover``)
        key = (face, latin, self._origin.get(face),
               None if latin is None else self._origin.get(latin))
        chosen = self._chosen.get(key)
        if chosen is None:
            chosen = self._chosen[key] = {}
        for char in dict.fromkeys(text):  # each distinct one looked up once, in order
            if char in chosen:
                continue
            first = latin if latin is not None and latin_char(char) and \
                ord(char) in latin.covers else face
            chosen[char] = self.cover(char, first)
        return [(run_face, "".join(run)) for run_face, run in groupby(text, chosen.__getitem__)]

    def cover(self, char: str, face: Face) -> Face:
        """The face that sets ``char``: the given one, else the first bundled face along
        its role's chain that has it, else the first fallback (the theme's, then the
        machine's) covering it; the given one if none does."""
        code = ord(char)
        if code in face.covers or char in "\n\t\r":  # set as spaces (linebreak)
            return face
        role, bold = self._origin.get(face, ("", False))
        for step in chain(role)[1:] if role in BUNDLED else ():
            family = BUNDLED[step]
            if code in coverage(family.face(bold)):
                name = family.face(bold)  # whole where no text was given, as role faces are
                chosen = register_subset(name, self.text) if self.text \
                    else register(face_path(name))
                synthetic = family.synthetic_bold(bold) or face.synthetic_bold
                return Face(chosen.name, chosen.covers, synthetic, chosen.source)
        for fallback in (*self.fallbacks, *self.system()):
            if code in fallback.covers:
                return fallback
        return face

    def whole(self, text: str, face: Face) -> Face:
        """The face that sets every character of ``text`` on its own (a chart sets its
        labels in one face): ``face`` if it has them all, else the first face along its
        chain and the fallbacks that has them all, else ``face``."""
        codes = {ord(c) for c in text if not c.isspace()}
        if codes <= face.covers:
            return face
        tried = [self.cover(chr(code), face) for code in sorted(codes - face.covers)]
        for candidate in dict.fromkeys(tried):
            if codes <= candidate.covers:
                return candidate
        return face

    def system(self) -> tuple[Face, ...]:
        """Faces installed on the machine for what no bundled face or theme fallback has
        (looked for once, and only when a character needs one)."""
        if self._system is None:
            known = set().union(*(f.covers for f in self.fallbacks))
            wanted = {c for c in self.text if ord(c) not in known}
            found = sysfonts.fallbacks(wanted)
            self._system = tuple(_register_system(face) for face in found)
        return self._system

    def missing(self, text: str, faces: Sequence[Face]) -> list[str]:
        """Characters of ``text`` that neither ``faces`` nor any fallback covers."""
        out = []
        codes = set(map(ord, text))
        for face in faces:  # what the faces cover, let go a face at a time
            codes = codes.difference(face.covers)
        for code in codes:
            char = chr(code)
            if char.isspace():
                continue
            if code not in self.cover(char, faces[0]).covers:
                out.append(char)
        return sorted(out)


def _register_system(face: sysfonts.SystemFace) -> Face:
    """Register a subset of a machine's face (TrueType outlines) with reportlab."""
    digest = hashlib.sha1(face.data).hexdigest()
    font = TTFont("Y" + digest[:10], io.BytesIO(face.data))
    font.face.name += b"-" + digest[:12].encode("ascii")
    pdfmetrics.registerFont(font)
    return Face(font.fontName, frozenset(font.face.charToGlyph))

