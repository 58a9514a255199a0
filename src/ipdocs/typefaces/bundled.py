"""The bundled fonts: TrueType-outline subsets of Noto Serif CJK SC, Noto Sans CJK SC,
FandolFang and FandolKai, a face with the rest of GB 18030's Han characters, and Latin
subsets of Noto Serif and Noto Sans for English (proportional punctuation).

They live in the repository's ``fonts/`` folder (built by ``scripts/build_fonts.py``, with
their licences, OFL.txt and FANDOL-LICENSE.txt, beside them) and are installed as the data
package ``ipdocs.fonts``, so an installed ipdocs finds them.

Every CJK family names the bundled family that sets what it lacks (``fallback``): the
Fandol faces cover GB 2312, Noto the 8,105 characters of the 通用规范汉字表, and the rare
face the rest of GB 18030's Han characters. ``chain`` gives the faces to try, in order;
both writers set a character in the first of them that has it.
"""


from __future__ import annotations

from bisect import bisect_right
from functools import cache
from importlib import resources

from ipdocs.base.records import datarecord

PACKAGE = "ipdocs.fonts"


@datarecord(frozen=True)
class Family:
    """A bundled family: its name as readers know it, its faces' files (``bold`` None
    when it has no bold face: bold is then synthesised), its Latin companion, and the
    bundled family (by role) that sets what it lacks."""

    name: str
    regular: str
    bold: str | None
    latin_name: str
    latin_regular: str
    latin_bold: str
    fallback: str | None = None

    def face(self, bold: bool) -> str:
        """The file of the regular or bold face (the regular one where there is no bold)."""
        return (self.bold or self.regular) if bold else self.regular

    def synthetic_bold(self, bold: bool) -> bool:
        """Whether bold text in this family must be emboldened by the writer."""
        return bold and self.bold is None


_SERIF_LATIN = ("Noto Serif", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf")
_SANS_LATIN = ("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")

BUNDLED: dict[str, Family] = {
    "serif": Family("Noto Serif CJK SC", "NotoSerifCJKsc-Regular.ttf", "NotoSerifCJKsc-Bold.ttf",
                    *_SERIF_LATIN, fallback="rare"),
    "sans": Family("Noto Sans CJK SC", "NotoSansCJKsc-Regular.ttf", "NotoSansCJKsc-Bold.ttf",
                   *_SANS_LATIN, fallback="rare"),
    "song-bold": Family("Noto Serif CJK SC Bold", "NotoSerifCJKsc-Bold.ttf",
                        "NotoSerifCJKsc-Bold.ttf", *_SERIF_LATIN, fallback="rare"),
    "fang": Family("FandolFang", "FandolFang-Regular.ttf", None, *_SERIF_LATIN,
                   fallback="serif"),
    "kai": Family("FandolKai", "FandolKai-Regular.ttf", None, *_SERIF_LATIN, fallback="serif"),
    "rare": Family("Noto Serif CJK SC Rare", "NotoSerifCJKsc-Rare.ttf", None, *_SERIF_LATIN),
}
"""Bundled families by the role name themes use (``bundled: serif``). ``song-bold`` is a
bold Song set as a regular weight (the official theme's 小标宋 title); ``rare`` holds the
Han characters of GB 18030 outside the 通用规范汉字表, in Noto Serif CJK SC's design."""


def family(role: str) -> Family:
    """The bundled family for ``role``; ``KeyError`` naming the known roles otherwise."""
    try:
        return BUNDLED[role]
    except KeyError:
        raise KeyError(f"no bundled font {role!r}; bundled: {', '.join(BUNDLED)}") from None


def chain(role: str) -> list[str]:
    """The roles whose faces set a character of ``role``'s text: ``role``, then its
    fallbacks in order (``fang`` → ``serif`` → ``rare``)."""
    roles = [role]
    while (after := family(roles[-1]).fallback) is not None and after not in roles:
        roles.append(after)
    return roles


def face_path(filename: str) -> str:
    """A filesystem path to one bundled font file (the package is installed unzipped)."""
    return str(_folder().joinpath(filename))


@cache
def _folder() -> resources.abc.Traversable:
    """The bundled faces' package folder, found once (where a package is does not change
    while it runs; finding it took longer than opening a face's head)."""
    return resources.files(PACKAGE)


@cache
def _index() -> dict[str, list[list[int]]]:
    """coverage.json beside the faces: each face's code points as [first, last] ranges
    (written by scripts/build_fonts.py from the faces' cmaps; a test holds them equal)."""
    import json  # here: a build whose text the bundled faces cover never imports json

    index: dict[str, list[list[int]]] = json.loads(_index_text())
    return index


@cache
def _index_text() -> str:
    """coverage.json's text (``_index``), read once a process."""
    return resources.files(PACKAGE).joinpath("coverage.json").read_text(encoding="utf-8")


@cache
def face_ranges(filename: str) -> list[list[int]]:
    """``_index()[filename]``, one face's ranges: where the whole index is not read yet,
    that face's entry alone is decoded from its text (a Word file asks of three or four
    faces; decoding all eleven cost some 100 M instructions, 4% of a cold build).
    KeyError for a file the index does not have."""
    if _index.cache_info().currsize:
        return _index()[filename]
    import json

    text = _index_text()
    key = json.dumps(filename) + ":"
    at = text.find(key)
    if at < 0:
        raise KeyError(filename)
    at += len(key)
    while text[at].isspace():
        at += 1
    spans: list[list[int]] = json.JSONDecoder().raw_decode(text, at)[0]
    return spans


@cache
def coverage(filename: str) -> frozenset[int]:
    """The code points a bundled face has glyphs for (read once a process)."""
    return frozenset(code for first, last in face_ranges(filename)
                     for code in range(first, last + 1))


def covering(role: str, char: str, bold: bool = False) -> str | None:
    """The role along ``role``'s chain whose face has ``char``; None if none has."""
    code = ord(char)
    for step in chain(role):
        if code in coverage(family(step).face(bold)):
            return step
    return None


@cache
def _distinct_ranges() -> tuple[list[list[int]], ...]:
    """Each bundled face's ranges of code points (``_index``), faces with the same ranges
    (a family's regular and bold) once, the one with the most ranges first."""
    unique: list[list[list[int]]] = []
    for spans in _index().values():
        if not any(spans == seen for seen in unique):
            unique.append(spans)
    return tuple(sorted(unique, key=len, reverse=True))


def _first(span: list[int]) -> int:
    """A range's first code point (the key ``anywhere`` searches by)."""
    return span[0]


def covers(filename: str, code: int) -> bool:
    """``code in coverage(filename)`` without building the face's set of code points
    (some 15 M instructions for a Chinese face, a process's first look): its sorted
    ranges searched. For a writer that asks of a few hundred characters a process."""
    firsts, lasts = _bounds(filename)
    at = bisect_right(firsts, code) - 1
    return at >= 0 and code <= lasts[at]


@cache
def _bounds(filename: str) -> tuple[list[int], list[int]]:
    """A face's ranges of code points (``_index``) as their first and their last code
    points, in order (``covers`` searches the firsts without a key function)."""
    spans = face_ranges(filename)
    return [first for first, _ in spans], [last for _, last in spans]


COMMON = ((0x4E00, 0x9FA5), (0x3000, 0x303F), (0xFF01, 0xFFBE), (0x20, 0x7E),
          (0x2000, 0x2064), (0xA0, 0x17F), (0x3400, 0x4DB5))
"""Ranges of code points some bundled face has whole (a test holds them within
``all_coverage()``): the Han of the basic block and extension A, CJK punctuation, full-
and half-width forms, ASCII, general punctuation, Latin-1 and Latin Extended-A. A report
whose characters all fall in them is checked without reading the faces' coverage index
(385 kB of JSON, about 1% of a cold build)."""


def anywhere(code: int) -> bool:
    """Whether some bundled face (CJK or Latin) has ``code``: ``code in all_coverage()``
    without building every face's set of code points (some tens of milliseconds a
    process, where a build needs only the faces it sets), nor merging their ranges (a
    loop over some 15,000): ``COMMON`` first, then each distinct face's sorted ranges
    searched in turn."""
    for first, last in COMMON:
        if first <= code <= last:
            return True
    for spans in _distinct_ranges():
        at = bisect_right(spans, code, key=_first) - 1
        if at >= 0 and code <= spans[at][1]:
            return True
    return False


@cache
def all_coverage() -> frozenset[int]:
    """Every code point some bundled face (CJK or Latin) has."""
    files = {name for f in BUNDLED.values()
             for name in (f.regular, f.bold, f.latin_regular, f.latin_bold) if name}
    return frozenset().union(*(coverage(name) for name in sorted(files)))
