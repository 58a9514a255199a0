"""``ipdocs fonts``: make a face a theme can use, and see what a face lacks.

The PDF writer embeds TrueType outlines only; many CJK faces ship as OpenType collections
(``.ttc``/``.otc``) with PostScript (CFF) outlines. ``convert`` takes one face of a
collection (``file.ttc#2``), optionally keeps only the characters some specs print (a
face a tenth the size), converts its outlines to TrueType with fontTools and saves it:
a file a theme names under ``fonts:`` or ``fallbacks:``. ``coverage`` lists the
characters of specs a face lacks, before a build refuses them. (The bundled faces are
built the same way by ``scripts/build_fonts.py``, which adds the character sets and
licences of the repository's ``fonts/``.)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ipdocs.loading import load_report
from ipdocs.typefaces.sysfonts import quiet_subsetting, to_truetype

FIXED_TIME = 0x00000000E0000000
"""head.created/modified of a converted face: a fixed instant, so the same inputs give
the same bytes."""

ALWAYS = frozenset(range(0x20, 0x7F)) | frozenset(map(ord, "，。、；：？！“”‘’（）《》—…·％－−"))
"""Characters a subset keeps whatever the specs hold: ASCII, and the punctuation and
signs ipdocs itself writes."""


class FontToolError(ValueError):
    """A face that cannot be read or written, said in one line."""


def split_face(spec: str) -> tuple[Path, int]:
    """A face named as ``file`` or ``file#index`` (one face of a collection)."""
    path, _, index = spec.partition("#")
    if index and not index.isdigit():
        raise FontToolError(f"{spec!r}: the face's index after '#' is a number (file.ttc#2)")
    return Path(path), int(index or 0)


def open_face(spec: str) -> Any:
    """The fontTools TTFont of ``spec``; FontToolError saying why not."""
    from fontTools.ttLib import TTFont, TTLibError

    path, index = split_face(spec)
    if not path.is_file():
        raise FontToolError(f"no font file {path}")
    try:
        return TTFont(path, fontNumber=index, recalcTimestamp=False)
    except (TTLibError, OSError, IndexError, AssertionError) as exc:
        raise FontToolError(f"cannot read {spec}: {exc}") from None


def spec_characters(specs: Iterable[str | Path]) -> set[int]:
    """Every character a briefing of the specs may print: the full and summary briefs in
    Chinese, English and both, with what the writers add (``embedded_text``)."""
    from ipdocs.sections import full_brief, summary_brief
    from ipdocs.themes import load_theme
    from ipdocs.writers.subsets import embedded_text

    theme = load_theme("briefing")
    chars: set[int] = set()
    for spec in specs:
        report = load_report(spec)
        for brief in (full_brief(), summary_brief()):
            for lang in ("zh", "en", "zh-en"):
                text = embedded_text(brief.document(report, lang), theme)
                chars.update(ord(c) for c in text if not c.isspace())
    return chars


def subsetter(chars: set[int]) -> Any:
    """A fontTools subsetter for ``chars`` keeping every layout feature and name, without
    hinting: how the bundled faces are cut (``scripts/build_fonts.py``) and how
    ``ipdocs fonts convert`` cuts a face (fontTools imported only when asked)."""
    from fontTools import subset

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=sorted(chars))
    return cutter


def convert(source: str, target: Path, chars: set[int] | None = None) -> int:
    """Save the face ``source`` (``file.ttc#2``) at ``target`` with TrueType outlines,
    only ``chars`` (and ``ALWAYS``) kept when given; the number of glyphs saved."""
    font = open_face(source)
    if chars is not None:
        keep = (chars | ALWAYS) & set(font.getBestCmap())
        with quiet_subsetting():
            subsetter(keep).subset(font)
    if "CFF " in font or "CFF2" in font:
        to_truetype(font)
    font["head"].created = font["head"].modified = FIXED_TIME
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(target, reorderTables=True)
    return len(font.getGlyphOrder())


def lacking(source: str, chars: set[int]) -> list[str]:
    """Those of ``chars`` the face ``source`` has no glyph for, in code order."""
    cmap = set(open_face(source).getBestCmap())
    return [chr(code) for code in sorted(chars - cmap)]
