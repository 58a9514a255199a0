"""Reading what a user gives ipdocs: files and their text, within bounds, characters checked.

Every file ipdocs reads (spec, glossary, figures, brief, theme) is read here: a regular
file only (a folder, a device such as /dev/zero, a FIFO or a socket is refused before it
is opened, so nothing blocks or reads for ever), at most ``MAX_FILE_BYTES``, UTF-8 (a
byte-order mark is dropped). Every text a document may print is checked here too:
control characters, noncharacters, lone surrogates and bidirectional controls are
refused; what passes is put in Unicode normalisation form C. It imports only
``ipdocs.base.patterns`` (its character classes are compiled when first used).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from pathlib import Path

from ipdocs.base.patterns import on_first_use

MAX_FILE_BYTES = 4 * 1024 * 1024
"""The largest file ipdocs reads: about 60 times the Ningbo spec."""

MAX_TEXT_CHARS = 10_000
"""The longest text (a paragraph, a label, a title) ipdocs accepts, in characters."""

_CONTROLS = ("\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 and C1 controls but tab and line ends
             "\ud800-\udfff"                         # lone surrogates (from \\u escapes)
             "\u202a-\u202e\u2066-\u2069")            # bidi embeddings, overrides and isolates
_BMP_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff"
_NONCHARACTERS = _BMP_NONCHARACTERS + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
_FORBIDDEN = on_first_use(f"[{_CONTROLS}{_NONCHARACTERS}]")
_FORBIDDEN_BMP = on_first_use(f"[{_CONTROLS}{_BMP_NONCHARACTERS}]")
"""``_FORBIDDEN``'s characters of the Basic Multilingual Plane: a class ``re`` tests by a
bitmap, some twenty times faster than the whole class, whose planes beyond it it tests one
range after another."""
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
"""A character beyond the Basic Multilingual Plane: only then is ``_FORBIDDEN`` asked."""


class InputError(Exception):
    """A file that cannot be read as input, or a text that cannot be printed; the message
    says why, and ``line`` and ``column`` where, when that is known."""

    def __init__(self, message: str, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _megabytes(size: int) -> str:
    """A size in MiB with one decimal."""
    return f"{size / 1024 / 1024:.1f} MiB"


def _check_kind(path: Path) -> None:
    """Refuse anything but a regular file, before it is opened (a FIFO would block)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise InputError("is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise InputError("is not a regular file (a device, FIFO or socket)")


def _decode(data: bytes) -> str:
    """UTF-8 text, a leading byte-order mark dropped; InputError locating a bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[:exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InputError(f"not UTF-8 text (byte {exc.start}: {data[exc.start]:#04x}); "
                         "save it as UTF-8", line, column) from None


def read_text(path: str | Path) -> str:
    """The text of the file at ``path``: a regular UTF-8 file of at most MAX_FILE_BYTES.

    Raises InputError saying what is wrong (the caller names the file).
    """
    path = Path(path)
    _check_kind(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"larger than {_megabytes(MAX_FILE_BYTES)}, the most ipdocs reads")
    return _decode(data)


def describe(char: str) -> str:
    """``U+0000 NULL``: a character's code point and, where Unicode has one, its name."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def _kind(char: str) -> str:
    """Why a forbidden character is refused."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "a lone surrogate, half of a character"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return "a bidirectional control, which reorders what a reader sees"
    if unicodedata.category(char) == "Cc":
        return "a control character"
    return "a noncharacter"


def _first_forbidden(text: str) -> re.Match[str] | None:
    """``_FORBIDDEN.search(text)``, sooner: the plane's own characters found by bitmap,
    and ``_FORBIDDEN`` asked only between the first character beyond it and that match."""
    found = _FORBIDDEN_BMP.search(text)
    end = len(text) if found is None else found.start()
    astral = _ASTRAL.search(text, 0, end)
    return found if astral is None else _FORBIDDEN.search(text, astral.start(), end) or found


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be printed, or None: too long, or a forbidden character
    (the first one, with its position)."""
    if len(text) > MAX_TEXT_CHARS:
        return f"a text of {len(text):,} characters; the longest accepted is {MAX_TEXT_CHARS:,}"
    found = _first_forbidden(text)
    if found is None:
        return None
    char = found.group(0)
    return (f"character {describe(char)} at character {found.start() + 1} is not allowed: "
            f"{_kind(char)}")


def texts_clean(texts: list[str]) -> bool:
    """Whether every one of ``texts`` passes ``text_problem`` and is already in form C
    (``normalise`` leaves it as it is), checked at once on the texts joined by line
    breaks: a line break is a starter that composes with nothing, so the joined text is in
    form C exactly when each text is, and holds a forbidden character exactly when one of
    them does. False says only that some text needs a closer look.

    Texts found clean are remembered (``CLEAN_KEPT``, by the text: all the answer depends
    on) and not checked again: ``ipdocs watch`` reads its spec again after each edit, and
    an edit leaves all but a text or two as they were."""
    if any(len(text) > MAX_TEXT_CHARS for text in texts):
        return False
    unknown = [text for text in texts if text not in _CLEAN]
    if not unknown:
        return True
    joined = "\n".join(unknown)
    if _first_forbidden(joined) is not None or not unicodedata.is_normalized("NFC", joined):
        return False
    if len(_CLEAN) + len(unknown) > CLEAN_KEPT:
        _CLEAN.clear()
    _CLEAN.update(unknown)
    return True


CLEAN_KEPT = 16_384
"""Texts ``texts_clean`` remembers as clean, at most (then it forgets them all): the
Ningbo spec holds some 2,300 texts and keys, most of them short."""
_CLEAN: set[str] = set()


def normalise(text: str) -> str:
    """``text`` in Unicode normalisation form C (composed: an e with a combining acute
    pasted from macOS becomes é), as Word and PDF readers expect it."""
    return text if unicodedata.is_normalized("NFC", text) else \
        unicodedata.normalize("NFC", text)


def text_digest(text: str) -> str:
    """The SHA-256 of ``text`` as UTF-8, in hex: what a shipped data file kept as Python
    (``themes.built``) or known good (``i18n.locales.SHIPPED_DIGEST``) is known by."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
