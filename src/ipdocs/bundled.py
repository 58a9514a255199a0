"""The bundled fonts: TrueType-outline subsets of Noto Serif CJK SC and Noto Sans CJK SC,
with Latin subsets of Noto Serif and Noto Sans for English (proportional punctuation).

They live in the repository's ``fonts/`` folder (built by ``scripts/build_fonts.py``, with
their licence, OFL.txt, beside them) and are installed as the data package
``ipdocs.fonts``, so an installed ipdocs finds them.
"""


from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

PACKAGE = "ipdocs.fonts"


@dataclass(frozen=True)
class Family:
    """A bundled family: its name as readers know it, and its faces' files."""

    name: str
    regular: str
    bold: str
    latin_name: str
    latin_regular: str
    latin_bold: str


BUNDLED: dict[str, Family] = {
    "serif": Family("Noto Serif CJK SC", "NotoSerifCJKsc-Regular.ttf", "NotoSerifCJKsc-Bold.ttf",
                    "Noto Serif", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf"),
    "sans": Family("Noto Sans CJK SC", "NotoSansCJKsc-Regular.ttf", "NotoSansCJKsc-Bold.ttf",
                   "Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
}
"""Bundled families by the role name themes use (``bundled: serif``)."""


def family(role: str) -> Family:
    """The bundled family for ``role``; ``KeyError`` naming the known roles otherwise."""
    try:
        return BUNDLED[role]
    except KeyError:
        raise KeyError(f"no bundled font {role!r}; bundled: {', '.join(BUNDLED)}") from None


def face_path(filename: str) -> str:
    """A filesystem path to one bundled font file (the package is installed unzipped)."""
    return str(resources.files(PACKAGE).joinpath(filename))
