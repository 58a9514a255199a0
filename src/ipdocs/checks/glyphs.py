"""Glyph coverage: every character of a report's text in a face that can print it.

The bundled faces cover GB 2312, the 8,105 characters of the 通用规范汉字表, GB 18030's Han
characters and the punctuation and symbols reports use (``ipdocs.typefaces.bundled``). A
character outside them is printed in a face installed on the machine that has it
(``ipdocs.typefaces.sysfonts``), embedded like the bundled ones: a warning, naming the
character, the face and where the spec holds it, since another machine may not have that face.
A character no face on the machine has is an error, located the same way: the writers would
refuse it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ipdocs.base.problems import PathElement, Problem, counted, error, warning
from ipdocs.model import Report
from ipdocs.themes import Theme
from ipdocs.typefaces import sysfonts

NOT_PRINTED = frozenset({"id", "parts", "key_figures", "figures_ref"})
"""Fields that hold identifiers, which no document prints."""


def _strings(value: Any, path: tuple[PathElement, ...]) -> list[tuple[tuple[PathElement, ...],
                                                                     str]]:
    """Every string below ``value`` (a model dump) with its field path, in order."""
    found: list[tuple[tuple[PathElement, ...], str]] = []
    _gather(value, path, found)
    return found


def _gather(value: Any, path: tuple[PathElement, ...],
            found: list[tuple[tuple[PathElement, ...], str]]) -> None:
    """``_strings`` appended to ``found`` (a model dump nests as deep as its sections, a
    few levels)."""
    if isinstance(value, str):
        found.append((path, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_PRINTED:
                _gather(item, (*path, key), found)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _gather(item, (*path, index), found)


_UNNAMED = {"Co": "a private-use character", "Cn": "an unassigned code point",
            "Cf": "an invisible format character", "Cs": "a lone surrogate"}


def describe(char: str) -> str:
    """A character as messages name it: U+20BB7 '𠮷' (CJK UNIFIED IDEOGRAPH-20BB7); one
    Unicode does not name, by its kind (a private-use character)."""
    import unicodedata

    name = unicodedata.name(char, "") or _UNNAMED.get(unicodedata.category(char), "")
    return f"U+{ord(char):04X} {char!r}" + (f" ({name})" if name else "")


def _at(text: str, char: str) -> str:
    """Where ``char`` first stands in ``text``, for a message."""
    return f" at character {text.index(char) + 1} of the text"


SOFT_HYPHEN = "\u00ad"
"""The one character that prints nothing which the writers set (a hyphenation point)."""


def _invisible(text: str) -> list[str]:
    """Characters of ``text`` that print nothing (a zero-width space or joiner, a
    bidirectional mark, a byte-order mark mid-text, a private-use or unassigned code
    point): the writers refuse them, so the check names them with their text."""
    if text.isprintable():  # most texts: one pass in C
        return []
    return sorted(c for c in set(text) if not c.isprintable() and not c.isspace()
                  and c != SOFT_HYPHEN)


def check_glyphs(report: Report) -> list[Problem]:
    """A warning for each place a character no bundled face has is set in a machine's
    face; an error where no face on the machine has it."""
    if _all_set(report):
        return []
    problems = []
    texts = _strings(report.model_dump(), ())
    machine = bool(sysfonts.needed("".join(text for _, text in texts)))
    for path, text in texts:
        problems += [error(path, f"{describe(char)}{_at(text, char)} cannot be set "
                                 "(invisible, private-use or unassigned): delete it (it "
                                 "may have come with pasted text)") for char in _invisible(text)]
        if not machine:  # no text holds a character no bundled face has
            continue
        for char in sysfonts.needed(text):
            face = sysfonts.find(char)
            if face is None:
                problems.append(error(path, f"no font has {describe(char)}{_at(text, char)}: "
                                            "neither the bundled faces nor any installed on "
                                            "this machine"))
            else:
                problems.append(warning(path, f"{describe(char)}{_at(text, char)} is in no "
                                              "bundled font: "
                                              f"set in {face.family} ({face.file}), found on "
                                              "this machine"))
    return problems


def _all_set(report: Report) -> bool:
    """Whether ``check_glyphs`` finds nothing in ``report``, seen at once in its JSON: the
    JSON holds every character of its texts (and only printable ASCII besides), but for
    the C0 controls, which it escapes (``\\u0007``: then, or where the report cannot be
    written as JSON, each text is looked at). The JSON is mostly ASCII (its keys, numbers
    and English): its printable ASCII is asked for once, as a whole, and only the rest of
    the JSON character by character.

    That rest found in the bundled faces is remembered (``ALL_SET_KEPT``; by the text,
    all the answer depends on: the bundled faces never change in a process): ``ipdocs
    watch`` checks its spec after each edit, and an edit of a value leaves it as it was."""
    try:
        dumped = report.model_dump_json()
    except ValueError:  # a lone surrogate, which UTF-8 cannot hold
        return False
    if "\\u" in dumped or _invisible(dumped) or sysfonts.needed(PRINTABLE_ASCII):
        return False
    rest = _ASCII.sub("", dumped)
    if rest in _ALL_SET:
        return True
    if sysfonts.needed(rest):
        return False
    if len(_ALL_SET) >= ALL_SET_KEPT:
        _ALL_SET.clear()
    _ALL_SET.add(rest)
    return True


ALL_SET_KEPT = 8
"""Reports' texts beyond ASCII that ``_all_set`` remembers all set, at most."""
_ALL_SET: set[str] = set()


PRINTABLE_ASCII = "".join(map(chr, range(0x20, 0x7F)))
"""The characters besides a report's texts its JSON holds (``_all_set``)."""

_ASCII = re.compile(r"[\x00-\x7f]+")
"""A stretch of ASCII."""


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")

def needs_machine_faces(report: Report) -> bool:
    """Whether some text of ``report`` holds a character no bundled face has (set in a
    machine's face, or in none): only then can a theme of bundled faces fail to print it
    (a chart's label, set whole in one face, mixing it with Han)."""
    return bool(sysfonts.needed("".join(text for _, text in
                                        _strings(report.model_dump(), ()))))


LISTED = 5
"""Characters a theme's message names, at most (the rest are counted)."""


def _font_field(theme: Theme, role: str, bold: bool) -> str:
    """The theme's field that chose the face of ``role`` (its own file, or the bundled
    face), with its value: ``fonts.serif.regular_file (Latin.ttf)``."""
    font = theme.fonts.get(role)
    if font is None:
        return f"fonts.{role}"
    if bold and font.bold_file:
        return f"fonts.{role}.bold_file ({Path(font.bold_file).name})"
    if font.regular_file:
        return f"fonts.{role}.regular_file ({Path(font.regular_file).name})"
    return f"fonts.{role}.bundled ({font.bundled})"


def _holder(report: Report, chars: Sequence[str], printed: str
            ) -> tuple[PathElement, ...] | None:
    """The field of ``report`` whose text was printed as ``printed`` (its longest stretch
    between placeholders is there), else of the first text holding one of ``chars``
    (None: only the words ipdocs adds, such as 目录, hold them)."""
    wanted = set(chars)
    holders = [(path, text) for path, text in _strings(report.model_dump(), ())
               if not wanted.isdisjoint(text)]
    same = next((path for path, text in holders
                 if len(part := max(_PLACEHOLDER.split(text), key=len)) >= 2
                 and part in printed), None)
    return same or next((path for path, _ in holders), None)


def theme_gap(report: Report, theme: Theme, role: str, bold: bool, chars: Sequence[str],
              texts: Sequence[str], chart: bool = False) -> Problem:
    """An error for characters of ``report`` the font role ``role`` of ``theme`` cannot
    set (nor its fallbacks, nor the machine's faces): the theme's file and field, the
    characters by name (a few, then a count), located at the first text holding them."""
    named = ", ".join(describe(c) for c in chars[:LISTED])
    more = f" and {len(chars) - LISTED} more" if len(chars) > LISTED else ""
    fallbacks = ", ".join(Path(f).name for f in theme.fallbacks) or "none"
    first = texts[0] if len(texts[0]) <= 30 else texts[0][:30] + "…"
    held = f"“{first}”" + (f" and {counted(len(texts) - 1, 'other text')}"
                          if len(texts) > 1 else "")
    field = _font_field(theme, role, bold)
    if chart:
        why = (f"cannot set {named}{more} in a chart's label, which is set whole in one "
               f"face: neither it nor any one of the theme's fallbacks ({fallbacks}) or "
               "this machine's faces has all of the label's characters")
    else:
        why = (f"cannot set {named}{more}, nor can the theme's fallbacks ({fallbacks}) or "
               "this machine's faces")
    message = (f"{theme.source or theme.name}: {field} {why}; held by {held}: choose a face "
               "that has them, or add one under fallbacks:")
    return error(_holder(report, chars, texts[0]) or ("theme",), message)
