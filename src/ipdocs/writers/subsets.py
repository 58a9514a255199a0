"""Font subsets shared by both writers: a bundled face reduced to the characters a
document can print, cached in the process and on disk.

The DOCX writer embeds the subsets; the PDF writer registers them with reportlab, which
then reads a font of a few thousand glyphs instead of tens of thousands (and subsets it
again, to the glyphs actually drawn, when it writes the file).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import io
import os
import secrets
import string
import sys
import time
import warnings
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ipdocs.base import IMPORTED_AT
from ipdocs.base.files import atomic_write
from ipdocs.base.kept import keep_afresh
from ipdocs.doc import Document
from ipdocs.doc.walk import character_set
from ipdocs.themes import Theme
from ipdocs.typefaces.bundled import face_path
from ipdocs.typefaces.sysfonts import quiet_subsetting
from ipdocs.writers import RenderWarning

ALWAYS = string.printable.strip() + " \u2212\u2014\u3000"
"""Characters every subset keeps: what the writers print themselves (page numbers,
chart scales, minus signs, the dashes of official page numbers, the ideographic spaces
that indent the contents)."""


def embedded_text(doc: Document, theme: Theme) -> str:
    """Every character a file of ``doc`` may set: the document's own, the charset it asks
    fonts to cover (the whole report's, so that every brief embeds the same subsets), and
    what the writers add."""
    masthead = theme.masthead.text if theme.masthead else ""
    letterhead = "".join(theme.letterhead.lines) if theme.letterhead else ""
    chars = document_characters(doc)
    chars.update(doc.charset + theme.page_number.format + masthead + letterhead + ALWAYS)
    return "".join(sorted(chars - UNDRAWN))


UNDRAWN = frozenset(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
"""Control characters: never drawn (a line feed parts the lines of a bilingual key
figure's label; tabs and line ends in text are set as spaces, ``linebreak``; screening
refuses the others), so never embedded. One kept in a bilingual document's text alone gave
its subsets other names than its two languages' documents', and so its own cuts and
table fits: a zh-en PDF laid out afresh what its zh and en PDFs had (about 7% of a
spec's six outputs)."""


BLOCKS_KEPT = 1024
"""Blocks whose characters a process remembers (``document_characters``): a report's two
languages' worth (Ningbo's full brief has some 300 in each); all are let go when that
many are kept. Each holds its block and a set of its characters through the next
output: 4,096 raised a 50-fold report's peak (its PDF, then its DOCX) from 264 MB to
290 MB."""
_BLOCK_CHARACTERS: dict[int, tuple[object, frozenset[str]]] = {}


def document_characters(doc: Document) -> set[str]:
    """Every character of ``doc`` (``walk.characters``), each of its blocks' remembered
    by the block (frozen trees, never changed once made; kept by its id beside the block
    itself, so that the id is not reused while kept): a brief's blocks are the same
    objects in every document made of the same report (``sections.brief.built``), and a
    bilingual document interleaves the very blocks of its two languages' documents
    (``sections.brief.combine``), so a report's Chinese, English and bilingual outputs
    walk each block once, and a document made and rendered again is not walked again."""
    chars = character_set([getattr(doc, name) for name in _OTHER_FIELDS])
    kept = _BLOCK_CHARACTERS
    for block in doc.blocks:
        held = kept.get(id(block))
        if held is None or held[0] is not block:
            held = keep_afresh(kept, id(block), (block, frozenset(character_set(block))),
                               BLOCKS_KEPT)
        chars |= held[1]
    return chars


_OTHER_FIELDS = tuple(f.name for f in dataclasses.fields(Document) if f.name != "blocks")
"""A document's fields besides its blocks."""


def _cache_root() -> Path | None:
    """``$IPDOCS_CACHE``, or ~/.cache/ipdocs; None when the cache is ``off``."""
    root = os.environ.get("IPDOCS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "ipdocs")
    return None if root == "off" else Path(root)


def cache_folder() -> Path | None:
    """The folder of cached subsets, or None when the cache is ``off``."""
    root = _cache_root()
    return None if root is None else root / "font-subsets"


SUBSET_VERSION = b"1"
"""Part of every cache key: raise it when ``_subset`` changes what a subset keeps."""


def _directory_size(head: bytes) -> int:
    """The bytes of a TrueType font's table directory, from its first 12 (the offset
    table, which counts the tables; 16 bytes describe each)."""
    return 12 + 16 * int.from_bytes(head[4:6], "big")


def directory(font: bytes) -> bytes:
    """The table directory at the head of a TrueType font: every table's tag, checksum,
    offset and length, which change with any table's content. It tells one version of a
    face from another at the cost of reading a few hundred bytes (reading and hashing
    the 4–5 MB CJK faces took longer than loading their subsets)."""
    return font[:_directory_size(font)]


def face_directory(filename: str) -> bytes:
    """The table directory (``directory``) of the bundled face ``filename``, read from
    its file (OSError if it cannot be read)."""
    return _read_directory(Path(face_path(filename)))


def _read_directory(path: Path) -> bytes:
    """The table directory of the font file at ``path`` (see ``directory``)."""
    with path.open("rb") as handle:
        head = handle.read(12)
        return head + handle.read(_directory_size(head) - 12)


def _cache_file(folder: Path, key: bytes, face: bytes, text: str) -> Path:
    """Where the subset to ``text`` of the face whose table directory is ``face`` is kept
    between runs: a name only the holder of ``key`` can tell (see ``cache_key``)."""
    name = hmac.new(key, SUBSET_VERSION + b"\0" + face + b"\0" + text.encode("utf-8"),
                    hashlib.sha256)
    return folder / f"{name.hexdigest()[:32]}.ttf"


@lru_cache(maxsize=16)
def subset_face(filename: str, text: str) -> bytes:
    """The bundled face ``filename`` (TrueType) reduced to the glyphs ``text`` needs.

    A subset depends only on the face and the text, so the briefs of one report subset
    each face once, ever; the face itself is read only to make a subset (and the subset
    is filed under the directory of the bytes it was made from). The layout features kept
    are fontTools' defaults (kerning, ligatures, locl, vertical forms).
    """
    path = Path(face_path(filename))
    place = _keyed_folder()
    if place is None:
        return _subset(path.read_bytes(), text)
    folder, key = place
    kept = _read_cached(_cache_file(folder, key, _read_directory(path), text), key)
    if kept is not None:
        return kept
    data = path.read_bytes()
    small = _subset(data, text)
    _write_cached(_cache_file(folder, key, directory(data), text), small, key)
    return small


def read_derived(kind: str, filename: str, text: str) -> bytes | None:
    """What a writer kept between runs about the subset of the bundled face ``filename``
    to ``text``, under ``kind`` (which names the writer, its library's version and its
    own: raise it when what is kept changes), if sealed with this user's key; None when
    the cache is off, has none, or holds a damaged or altered one (removed)."""
    return _read_at(_derived_file(kind, filename, text))


def write_derived(kind: str, filename: str, text: str, data: bytes) -> None:
    """Keep ``data`` about a subset under ``kind`` for later runs (see ``read_derived``),
    sealed, written whole or not at all; a cache that cannot be written only costs time."""
    _write_at(_derived_file(kind, filename, text), data)


def _derived_file(kind: str, filename: str, text: str) -> Place | None:
    """Where data of ``kind`` about a subset is kept, named after the kind and the
    subset's own cache name (which follows the face's table directory, the text and
    ``SUBSET_VERSION``)."""
    def label(key: bytes) -> bytes:
        subset = _cache_file(Path(), key, _read_directory(Path(face_path(filename))), text)
        return b"derived\0" + kind.encode("utf-8") + b"\0" + subset.name.encode()
    return _sealed_place(label)


def read_kept(kind: str, source: bytes) -> bytes | None:
    """What a writer kept between runs under ``kind`` about a data file a library ships
    (a hyphenation dictionary), the file's bytes ``source``, or about all that something
    it made is made of (an embedded font file: the face's table directory and the
    characters and glyphs), ``source`` then; if sealed with this user's key; None as
    ``read_derived``. What is kept is found by the bytes themselves, so a changed file
    or input is read or made afresh."""
    return _read_at(_kept_file(kind, source))


def write_kept(kind: str, source: bytes, data: bytes) -> None:
    """Keep ``data`` about the data file whose bytes are ``source`` for later runs (see
    ``read_kept``), sealed, written whole or not at all."""
    _write_at(_kept_file(kind, source), data)


def _kept_file(kind: str, source: bytes) -> Place | None:
    """Where data of ``kind`` about a data file is kept, named after the kind and the
    file's SHA-256."""
    return _sealed_place(lambda key: b"kept\0" + kind.encode("utf-8") + b"\0"
                         + hashlib.sha256(source).digest())


@lru_cache(maxsize=16)
def code_digest(modules: tuple[str, ...]) -> bytes | None:
    """A digest of the source of ``modules`` (imported modules' names): part of what a
    result kept between runs is found by, when the code that made it is (read once a
    process); None where one has no source to read, or its file changed since the process
    imported ipdocs (``base.IMPORTED_AT``: a long-running process edited under, whose
    code is not the file's, would keep what its code made as the new code's): what it
    makes is then not kept."""
    digest = hashlib.sha256()
    for name in modules:
        source = getattr(sys.modules.get(name), "__file__", None)
        if not source:
            return None
        try:
            path = Path(source)
            if path.stat().st_mtime > IMPORTED_AT:
                return None
            digest.update(path.read_bytes())
        except OSError:
            return None
    return digest.digest()


Place = tuple[Path, bytes]
"""A file of the cache and the key that seals it."""


def _sealed_place(label: Callable[[bytes], bytes]) -> Place | None:
    """Where what writers keep beside the subsets is kept, and the key that seals it:
    named by a keyed hash of ``label`` (given the key); None when the cache is off or
    has no key (``label`` is then not asked)."""
    place = _keyed_folder()
    if place is None:
        return None
    folder, key = place
    name = hmac.new(key, label(key), hashlib.sha256)
    return folder / f"{name.hexdigest()[:32]}{DERIVED_SUFFIX}", key


def _read_at(place: Place | None) -> bytes | None:
    """What is kept at ``place`` if it is there and sealed (``_read_cached``); None when
    there is no place."""
    return None if place is None else _read_cached(*place)


def _write_at(place: Place | None, data: bytes) -> None:
    """Keep ``data`` at ``place``, sealed (``_write_cached``); nothing when there is no
    place."""
    if place is not None:
        _write_cached(place[0], data, place[1])


def keeping() -> bool:
    """Whether what writers make can be kept between runs: the cache is on and has a key
    to seal with (else nothing kept could be read back, and making it only costs)."""
    return _keyed_folder() is not None


def file_digest(path: str | Path) -> bytes | None:
    """The SHA-256 of the file at ``path`` (a data file a library ships, part of what a
    result kept between runs is found by); None where it cannot be read."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).digest()
    except OSError:
        return None


def _keyed_folder() -> tuple[Path, bytes] | None:
    """The folder of cached subsets and the key that names and seals what is in it; None
    when the cache is off or there is no key to be had."""
    folder = cache_folder()
    key = None if folder is None else cache_key()
    return None if folder is None or key is None else (folder, key)


DERIVED_SUFFIX = ".face"
"""The suffix of what writers keep about a subset (``read_derived``) or a data file
(``read_kept``); the cache's limit counts these files with the subsets."""


KEY_VARIABLE = "IPDOCS_CACHE_KEY"
"""The environment variable that may hold the cache's key (a CI secret, say)."""


def key_file() -> Path:
    """Where the user's cache key is kept: ``$XDG_CONFIG_HOME/ipdocs/cache-key`` (by
    default ~/.config/ipdocs/cache-key), outside the cache it protects."""
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    return Path(config) / "ipdocs" / "cache-key"


def cache_key() -> bytes | None:
    """The secret that signs cached subsets: ``$IPDOCS_CACHE_KEY``, else the user's key
    file, made on first use; None when there is no key to be had or the file is not
    private (the cache is then not used: subsets are made afresh)."""
    secret = os.environ.get(KEY_VARIABLE)
    return secret.encode("utf-8") if secret else _file_key(str(key_file()))


@lru_cache(maxsize=4)
def _file_key(path: str) -> bytes | None:
    """The key kept at ``path``, made first if there is none (read once per process)."""
    try:
        return _read_key(Path(path))
    except FileNotFoundError:
        pass
    except OSError as exc:
        _warn(f"cannot read the font-cache key {path} ({exc.strerror or exc}): the cache "
              "is not used")
        return None
    with contextlib.suppress(OSError):
        _make_key(Path(path))
    try:
        return _read_key(Path(path))
    except OSError:
        return None  # a read-only home: no cache, as with IPDOCS_CACHE=off


def _read_key(path: Path) -> bytes | None:
    """The key in the file at ``path``, if the file is private: owned by this user and
    neither readable nor writable by anyone else (else None, with a warning)."""
    with path.open("rb") as handle:
        stat = os.fstat(handle.fileno())
        key = handle.read(4096).strip()
    getuid = getattr(os, "getuid", None)
    if getuid is not None and (stat.st_uid != getuid() or stat.st_mode & 0o077):
        _warn(f"the font-cache key {path} is not private (it must be yours and readable "
              "by you alone: chmod 600 it, or remove it to have a new one made); the cache "
              "is not used")
        return None
    return key or None


def _make_key(path: Path) -> None:
    """Put a new random key at ``path`` (mode 600), unless another process just did."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        with open(temp, "x", encoding="ascii", opener=_private) as out:
            out.write(secrets.token_hex(32) + "\n")
        os.link(temp, path)  # never replaces a key another process made meanwhile
    finally:
        temp.unlink(missing_ok=True)


def _private(path: str, flags: int) -> int:
    """Open ``path`` as ``open`` asks, creating it readable by its owner alone."""
    return os.open(path, flags, 0o600)


def _warn(message: str) -> None:
    """Tell the user something about the cache (the build goes on)."""
    warnings.warn(RenderWarning(message), stacklevel=3)


CACHE_LIMIT = 512 * 1024 * 1024
"""Bytes of subsets the disk cache keeps; beyond, the ones used longest ago are removed
when a new one is written. A report's six outputs take about 0.9 MB of subsets (its
characters: each region and year has some of its own; bench/many.py's 100 reports 90 MB),
so this holds some 550 reports'. A batch whose subsets do not all fit finds almost none
of them on its next run, each one written removing one the run has yet to read (the
least recently used go first, and a batch reads them in the order it last did)."""

ABANDONED_AFTER = 3600
"""Seconds after which a temporary file in the cache is taken for one a killed process
left (a subset is written in well under a second)."""


def _seal(key: bytes, path: Path, font: bytes) -> bytes:
    """The keyed hash stored after a cached subset: of its file name and its bytes."""
    return hmac.new(key, path.name.encode("ascii") + b"\0" + font, hashlib.sha256).digest()


def _read_cached(path: Path, key: bytes) -> bytes | None:
    """A cached subset, if the file is there and sealed with ``key`` (the keyed hash
    that follows the font matches), marked as just used; a damaged or altered file is
    removed, to be made again."""
    try:
        stored = path.read_bytes()
    except OSError:
        return None
    font, seal = stored[:-32], stored[-32:]
    if len(stored) > 32 and hmac.compare_digest(_seal(key, path, font), seal):
        with contextlib.suppress(OSError):
            os.utime(path)
        return font
    with contextlib.suppress(OSError):
        path.unlink()
    return None


def _write_cached(path: Path, font: bytes, key: bytes) -> None:
    """Keep a subset for later runs, sealed with ``key``, written whole or not at all,
    readable by this user alone. A cache that cannot be written only costs time."""
    with contextlib.suppress(OSError):
        _private_folder(path.parent)
        atomic_write(path, font + _seal(key, path, font), mode=0o600)
        trim(path.parent)


def _private_folder(folder: Path) -> None:
    """Make ``folder`` and those above it that are missing (~/.cache itself on a fresh
    machine or CI runner), each readable by this user alone, as the XDG base directory
    specification asks of a cache folder it makes."""
    if not folder.is_dir():
        _private_folder(folder.parent)
        folder.mkdir(mode=0o700, exist_ok=True)


def trim(folder: Path, limit: int | None = None) -> None:
    """Remove the subsets used longest ago until ``folder`` holds at most ``limit`` bytes
    (default CACHE_LIMIT), and what writers killed midway left behind (another process
    may remove a file first: that is not an error)."""
    limit = CACHE_LIMIT if limit is None else limit
    files = []
    abandoned = time.time() - ABANDONED_AFTER
    for entry in os.scandir(folder):
        with contextlib.suppress(OSError):
            stat = entry.stat()
            if entry.name.endswith(".part") and stat.st_mtime < abandoned:
                os.unlink(entry.path)
            elif entry.name.endswith((".ttf", DERIVED_SUFFIX)) and entry.is_file():
                files.append((stat.st_mtime_ns, stat.st_size, entry.path))
    total = sum(size for _, size, _ in files)
    for _, size, path in sorted(files):
        if total <= limit:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
        total -= size


def _subset(data: bytes, text: str) -> bytes:
    """Subset a TrueType font to ``text`` with fontTools (imported only on a cache miss)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), recalcTimestamp=False, lazy=True, recalcBBoxes=False)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + " ")
    with quiet_subsetting():
        subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
