"""Build the bundled fonts: TrueType-outline subsets of Noto Serif/Sans CJK SC.

reportlab reads only TrueType outlines and Noto CJK ships CFF, so this script takes the
Simplified Chinese faces from Debian's fonts-noto-cjk collections, subsets them to the
characters a Chinese/English briefing needs, converts the cubic CFF outlines to
quadratic TrueType outlines with fontTools, and writes them to fonts/ with the OFL.

Run from the repository root:  python scripts/build_fonts.py
Requires: apt-get install fonts-noto-cjk fonts-noto-core; pip install fonttools.
The Latin faces (Noto Serif, Noto Sans) are TrueType already and only subset: English
set in the CJK faces would take their full-width quotation marks and apostrophes.
The same inputs give byte-identical fonts (fixed timestamps, no randomness).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
ROOT = Path(__file__).resolve().parent.parent
SC_INDEX = 2  # the SC face in Debian's Noto CJK collections (JP, KR, SC, TC, HK)
MAX_ERR = 1.0  # font units: how far a quadratic curve may stray from the cubic one
FIXED_TIME = 0x00000000E0000000  # head.created/modified: a fixed instant, for reproducibility

LATIN_DIR = Path("/usr/share/fonts/truetype/noto")
LATIN_FACES = {  # TrueType already: subset only
    "NotoSerif-Regular.ttf": "NotoSerif-Regular.ttf",
    "NotoSerif-Bold.ttf": "NotoSerif-Bold.ttf",
    "NotoSans-Regular.ttf": "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf": "NotoSans-Bold.ttf",
}
LATIN_BLOCKS = [
    (0x0020, 0x007E), (0x00A0, 0x017F), (0x2000, 0x206F), (0x20A0, 0x20CF),
    (0x2100, 0x214F), (0x2190, 0x21FF), (0x2212, 0x2212),
]

FACES = {
    "NotoSerifCJKsc-Regular.ttf": "NotoSerifCJK-Regular.ttc",
    "NotoSerifCJKsc-Bold.ttf": "NotoSerifCJK-Bold.ttc",
    "NotoSansCJKsc-Regular.ttf": "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Bold.ttf": "NotoSansCJK-Bold.ttc",
}

BLOCKS = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x2100, 0x214F),  # Letterlike Symbols (℃, №, ™)
    (0x2150, 0x218F),  # Number Forms (Ⅰ, Ⅱ, ½)
    (0x2190, 0x21FF),  # Arrows (↑ ↓ for changes)
    (0x2212, 0x2212),  # minus sign
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① …)
    (0x25A0, 0x25FF),  # Geometric Shapes (■ ▲ ▼)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]


def gb2312() -> set[int]:
    """Every character of GB 2312 (the rows 0xA1–0xF7 by columns 0xA1–0xFE that decode)."""
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return chars


def spec_characters(folder: Path) -> set[int]:
    """Every character used in the specs (YAML and JSON under specs/)."""
    chars: set[int] = set()
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".yaml", ".yml", ".json"):
            chars |= {ord(c) for c in path.read_text(encoding="utf-8") if c.isprintable()}
    return chars


def coverage(specs: Path) -> set[int]:
    """The characters the bundled fonts must cover."""
    chars = gb2312() | spec_characters(specs)
    for start, end in BLOCKS:
        chars |= set(range(start, end + 1))
    return chars


def _quadratic(font: TTFont) -> dict[str, object]:
    """Every glyph's outline as quadratic TrueType contours (CFF contours reversed)."""
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    return glyphs


def _maxp(font: TTFont) -> None:
    """A version 1.0 maxp table, as TrueType outlines require (counts recomputed on save)."""
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                  "maxComponentDepth", "maxPoints", "maxContours", "maxCompositePoints",
                  "maxCompositeContours"):
        setattr(maxp, field, 0)
    maxp.numGlyphs = len(font.getGlyphOrder())
    font["maxp"] = maxp


def to_truetype(font: TTFont) -> None:
    """Replace the CFF table with glyf/loca, in place."""
    order = font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = _quadratic(font)
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    hmtx = font["hmtx"]
    for name in order:
        glyph = glyf.glyphs[name]
        glyph.recalcBounds(glyf)
        advance, _ = hmtx[name]
        hmtx[name] = advance, getattr(glyph, "xMin", 0)
    _maxp(font)
    post = font["post"]
    post.formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def _subsetter(chars: set[int]) -> subset.Subsetter:
    """A subsetter keeping every layout feature and name, without hinting."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    return subsetter


def build_latin(source: Path, target: Path) -> None:
    """Subset a TrueType Latin face to the Latin and punctuation blocks."""
    font = TTFont(source, recalcTimestamp=False)
    chars = {c for start, end in LATIN_BLOCKS for c in range(start, end + 1)}
    _subsetter(chars).subset(font)
    font["head"].created = font["head"].modified = FIXED_TIME
    font.save(target, reorderTables=True)


def build_face(source: Path, target: Path, chars: set[int]) -> None:
    """Subset one SC face to ``chars``, convert it to TrueType and save it."""
    font = TTFont(source, fontNumber=SC_INDEX, recalcTimestamp=False)
    _subsetter(chars).subset(font)
    to_truetype(font)
    font["head"].created = font["head"].modified = FIXED_TIME
    font.save(target, reorderTables=True)


def licence() -> str:
    """The OFL text, as Debian's copyright file gives it for fonts-noto-cjk."""
    text = COPYRIGHT.read_text(encoding="utf-8")
    body = text.split("License: SIL-1.1\n", 2)[-1]
    lines = [re.sub(r"^ ", "", line) for line in body.splitlines()]
    lines = ["" if line == "." else line for line in lines]
    header = ("Noto Serif CJK and Noto Sans CJK: Copyright 2014-2021 Adobe "
              "(http://www.adobe.com/), with Reserved Font Name 'Source'.\n"
              "Noto Serif and Noto Sans: Copyright 2012 Google Inc. (Debian fonts-noto-core).\n"
              "All are licensed under the SIL Open Font License 1.1, below. The fonts in this "
              "folder are modified versions of them (subset; the CJK faces' outlines converted "
              "to TrueType).\n\n")
    return header + "\n".join(lines).strip() + "\n"


def main(argv: list[str] | None = None) -> int:
    """Build every face into ``--out`` (default fonts/)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "fonts")
    parser.add_argument("--specs", type=Path, default=ROOT / "specs")
    parser.add_argument("--only", help="build only this file name")
    args = parser.parse_args(argv)
    if not SOURCE_DIR.is_dir():
        print(f"missing {SOURCE_DIR}: apt-get install fonts-noto-cjk", file=sys.stderr)
        return 1
    chars = coverage(args.specs)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, source in FACES.items():
        if args.only and name != args.only:
            continue
        target = args.out / name
        build_face(SOURCE_DIR / source, target, chars)
        digest = hashlib.sha256(target.read_bytes()).hexdigest()[:16]
        print(f"{name}: {target.stat().st_size / 1e6:.1f} MB, sha256 {digest}…")
    for name, source in LATIN_FACES.items():
        if args.only and name != args.only:
            continue
        build_latin(LATIN_DIR / source, args.out / name)
        print(f"{name}: {(args.out / name).stat().st_size / 1e3:.0f} kB")
    (args.out / "OFL.txt").write_text(licence(), encoding="utf-8")
    print(f"{len(chars)} characters covered")
    return 0


if __name__ == "__main__":
    sys.exit(main())
