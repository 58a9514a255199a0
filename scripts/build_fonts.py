"""Build the bundled fonts: TrueType-outline subsets of Noto Serif/Sans CJK SC and Fandol.

reportlab reads only TrueType outlines and Noto CJK and Fandol ship CFF, so this script
takes the Simplified Chinese faces from Debian's fonts-noto-cjk collections and the
Fandol FangSong and KaiTi faces from Debian's texlive-lang-chinese, subsets them
to the characters a Chinese/English briefing needs (GB 2312, the 8,105 characters of the
通用规范汉字表 where the face has them, punctuation and symbols), converts the cubic CFF
outlines to quadratic TrueType outlines with fontTools, and writes them to fonts/ with
their licences. The rest of GB 18030's Han characters go into one more face of their own
(NotoSerifCJKsc-Rare.ttf), which the writers fall back on.

Run from the repository root:  python scripts/build_fonts.py
Requires: apt-get install fonts-noto-cjk fonts-noto-core texlive-lang-chinese unicode-data;
ipdocs installed (pip install -e .: the CFF-to-TrueType conversion is ipdocs.typefaces.sysfonts').
(texlive-lang-chinese may also be unpacked anywhere with
``apt-get download texlive-lang-chinese && dpkg-deb -x texlive-lang-chinese_*.deb DIR``
and found with ``--fandol DIR/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol``.)
The Latin faces (Noto Serif, Noto Sans) are TrueType already and only subset: English
set in the CJK faces would take their full-width quotation marks and apostrophes.
The same inputs give byte-identical fonts (fixed timestamps, no randomness).
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

from ipdocs.app.fonttool import subsetter
from ipdocs.typefaces.sysfonts import to_truetype

SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
FANDOL_DIR = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")
FANDOL_COPYING = Path("usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz")
"""The Fandol licence (GPL 3 with the font exception), relative to the root the fonts'
folder lies under (/ when texlive-lang-chinese is installed)."""
UNIHAN = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")
"""Unicode's Unihan database (Debian unicode-data): its kTGH field lists the 8,105
characters of the 2013 通用规范汉字表 (Table of General Standard Chinese Characters)."""
ROOT = Path(__file__).resolve().parent.parent
SC_INDEX = 2  # the SC face in Debian's Noto CJK collections (JP, KR, SC, TC, HK)
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



@dataclass(frozen=True)
class Source:
    """Where a bundled CJK face comes from: a file (a face of a collection) and whether
    it holds the common characters or the rare rest of GB 18030."""

    file: str
    folder: str = "noto"
    index: int = SC_INDEX
    rare: bool = False


FACES = {
    "NotoSerifCJKsc-Regular.ttf": Source("NotoSerifCJK-Regular.ttc"),
    "NotoSerifCJKsc-Bold.ttf": Source("NotoSerifCJK-Bold.ttc"),
    "NotoSansCJKsc-Regular.ttf": Source("NotoSansCJK-Regular.ttc"),
    "NotoSansCJKsc-Bold.ttf": Source("NotoSansCJK-Bold.ttc"),
    "NotoSerifCJKsc-Rare.ttf": Source("NotoSerifCJK-Regular.ttc", rare=True),
    "FandolFang-Regular.ttf": Source("FandolFang-Regular.otf", "fandol", 0),
    "FandolKai-Regular.ttf": Source("FandolKai-Regular.otf", "fandol", 0),
}
"""The bundled CJK faces. Fandol covers GB 2312 (and a few thousand more): the writers set
what a Fandol face lacks in the Noto face of its kind, and what no common face has in the
rare face. HeiTi (黑体) is Noto Sans CJK SC, a HeiTi face that covers the 8,105 characters
(FandolHei would add 3 MB to the wheel and cover fewer)."""

BLOCKS = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x2100, 0x214F),  # Letterlike Symbols (℃, №, ™)
    (0x2150, 0x218F),  # Number Forms (Ⅰ, Ⅱ, ½)
    (0x2190, 0x21FF),  # Arrows (↑ ↓ for changes)
    (0x2200, 0x22FF),  # Mathematical Operators (− ± ≤ ≥ ≈ ∶ where the face has them)
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① …)
    (0x2500, 0x257F),  # Box Drawing (─, a dash some reports use)
    (0x25A0, 0x25FF),  # Geometric Shapes (■ ▲ ▼)
    (0x2600, 0x26FF),  # Miscellaneous Symbols (★ ☆ where the face has them)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3200, 0x32FF),  # Enclosed CJK Letters and Months (㈠ ㈡ …)
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms (︶ ﹀ in the kinsoku sets)
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


def general_standard(unihan: Path = UNIHAN) -> set[int]:
    """The 8,105 characters of the 通用规范汉字表 (2013), from Unihan's kTGH field."""
    chars = set()
    with bz2.open(unihan, "rt", encoding="utf-8") as lines:
        for line in lines:
            fields = line.split("\t")
            if len(fields) >= 3 and fields[1] == "kTGH":
                chars.add(int(fields[0][2:], 16))
    if len(chars) != 8105:
        raise SystemExit(f"{unihan}: expected 8105 kTGH characters, found {len(chars)}")
    return chars


def gb18030_han() -> set[int]:
    """GB 18030's mandatory Han characters: CJK Unified Ideographs U+4E00–U+9FA5 and
    Extension A U+3400–U+4DB5 (the four-byte part the standard requires), and every
    ideograph of its one- and two-byte part (as Python's gb18030 codec maps it)."""
    chars = set(range(0x3400, 0x4DB6)) | set(range(0x4E00, 0x9FA6))
    for high in range(0x81, 0xFF):
        for low in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            try:
                char = bytes([high, low]).decode("gb18030")
            except UnicodeDecodeError:
                continue
            if "IDEOGRAPH" in unicodedata.name(char, ""):
                chars.add(ord(char))
    return chars


def spec_characters(folder: Path) -> set[int]:
    """Every character used in the specs (YAML and JSON under specs/)."""
    chars: set[int] = set()
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".yaml", ".yml", ".json"):
            chars |= {ord(c) for c in path.read_text(encoding="utf-8") if c.isprintable()}
    return chars


def coverage(specs: Path, unihan: Path = UNIHAN) -> set[int]:
    """The characters the common bundled faces cover (where the face has them)."""
    chars = gb2312() | general_standard(unihan) | spec_characters(specs)
    for start, end in BLOCKS:
        chars |= set(range(start, end + 1))
    return chars


def rare(common: set[int]) -> set[int]:
    """The rest of GB 18030's Han characters: what the rare face holds."""
    return gb18030_han() - common


MINUS, PLUS = 0x2212, 0x2B


def _bar(plus: list[tuple[int, int]]) -> tuple[int, int, int, int] | None:
    """The horizontal bar of a plus sign's outline points: its left, bottom, right and
    top; None unless the outline is the plain cross it should be."""
    left, right = min(x for x, _ in plus), max(x for x, _ in plus)
    ends = sorted(y for x, y in plus if x == left)
    height = max(y for _, y in plus) - min(y for _, y in plus)
    if len(ends) != 2 or not 0 < ends[1] - ends[0] < height / 3:
        return None
    return left, ends[0], right, ends[1]


def add_minus(font: TTFont) -> None:
    """Give a face without a minus sign (U+2212; Noto Serif and Sans 2020, Fandol) one:
    the horizontal bar of its plus sign, as wide as the plus. Reports print signed
    changes with the minus sign, and a reader would set it in another face."""
    cmap = font.getBestCmap()
    if MINUS in cmap or PLUS not in cmap:
        return
    glyf = font["glyf"]
    plus = glyf[cmap[PLUS]]
    if plus.isComposite() or plus.numberOfContours != 1:
        return
    bar = _bar([tuple(p) for p in plus.getCoordinates(glyf)[0]])
    if bar is None:
        return
    pen = TTGlyphPen(None)
    left, bottom, right, top = bar
    for point in ((left, bottom), (left, top), (right, top), (right, bottom)):
        (pen.lineTo if point != (left, bottom) else pen.moveTo)(point)
    pen.closePath()
    name = "uni2212"
    font.setGlyphOrder([*font.getGlyphOrder(), name])
    glyf[name] = pen.glyph()
    for tag in ("hmtx", "vmtx"):
        if tag in font:
            font[tag][name] = font[tag][cmap[PLUS]]
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[MINUS] = name


def build_latin(source: Path, target: Path) -> None:
    """Subset a TrueType Latin face to the Latin and punctuation blocks."""
    font = TTFont(source, recalcTimestamp=False)
    chars = {c for start, end in LATIN_BLOCKS for c in range(start, end + 1)}
    subsetter(chars).subset(font)
    add_minus(font)
    font["head"].created = font["head"].modified = FIXED_TIME
    font.save(target, reorderTables=True)


def build_face(source: Path, target: Path, chars: set[int], index: int = SC_INDEX) -> None:
    """Subset one face (``index`` of a collection) to those of ``chars`` it has, convert
    it to TrueType and save it."""
    font = TTFont(source, fontNumber=index, recalcTimestamp=False)
    chars = chars & set(font.getBestCmap())
    subsetter(chars).subset(font)
    to_truetype(font)
    add_minus(font)
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


def fandol_licence(fandol: Path) -> str:
    """The Fandol licence: GPL 3 with the font exception, from texlive's copy."""
    root = fandol
    while root != root.parent and not (root / FANDOL_COPYING).is_file():
        root = root.parent
    with gzip.open(root / FANDOL_COPYING, "rt", encoding="utf-8") as text:
        body = text.read()
    header = ("Fandol fonts (FandolFang, FandolKai): copyright the Fandol team "
              "(Clerk Ma and Jie Su), from Debian's texlive-lang-chinese "
              "(texmf-dist/fonts/opentype/public/fandol). Licensed under the GNU General "
              "Public License version 3 with the font exception at its end, below. The "
              "fonts in this folder are modified versions of them (subset; outlines "
              "converted to TrueType by scripts/build_fonts.py, which with the original "
              ".otf files is their source); the font exception is extended to them.\n\n")
    return header + body.strip() + "\n"


def write_list(path: Path, chars: set[int], title: str) -> None:
    """A character list, one line of 50 characters each, under a comment line."""
    ordered = "".join(chr(c) for c in sorted(chars))
    lines = [ordered[i:i + 50] for i in range(0, len(ordered), 50)]
    path.write_text(f"# {title}\n" + "\n".join(lines) + "\n", encoding="utf-8")


def ranges(codes: set[int]) -> list[list[int]]:
    """Code points as sorted [first, last] ranges."""
    out: list[list[int]] = []
    for code in sorted(codes):
        if out and out[-1][1] == code - 1:
            out[-1][1] = code
        else:
            out.append([code, code])
    return out


def write_index(folder: Path) -> None:
    """coverage.json: the code points each bundled face has, as ranges, read by
    ipdocs.typefaces.bundled.coverage (reading the faces' cmaps took a build half a second)."""
    index = {path.name: ranges(set(TTFont(path, lazy=True).getBestCmap()))
             for path in sorted(folder.glob("*.ttf"))}
    (folder / "coverage.json").write_text(json.dumps(index, separators=(",", ":")) + "\n",
                                          encoding="utf-8")
    write_widths(folder)


def latin_widths(path: Path) -> dict[str, object]:
    """A Latin face's advance widths as ``metrics.latin_widths`` reads them: its units
    per em, and the advance of each character's glyph (of the face's best cmap) in those
    units, as [code point, advance] pairs in code point order."""
    font = TTFont(path, lazy=True)
    metrics = font["hmtx"].metrics
    pairs = [[code, metrics[glyph][0]] for code, glyph in sorted(font.getBestCmap().items())]
    return {"units": font["head"].unitsPerEm, "advances": pairs}


def write_widths(folder: Path) -> None:
    """widths.json: the advance widths of the bundled Latin faces, read by
    ipdocs.writers.metrics (fontTools' reading, with its import, took every process that
    writes a DOCX some 30 ms)."""
    from ipdocs.typefaces.bundled import BUNDLED

    names = sorted({name for family in BUNDLED.values()
                    for name in (family.latin_regular, family.latin_bold)})
    index = {name: latin_widths(folder / name) for name in names}
    (folder / "widths.json").write_text(json.dumps(index, separators=(",", ":")) + "\n",
                                        encoding="utf-8")


def _folder(source: Source, args: argparse.Namespace) -> Path:
    """The folder a source face is read from."""
    return Path(args.fandol if source.folder == "fandol" else args.noto)


def main(argv: list[str] | None = None) -> int:
    """Build every face into ``--out`` (default fonts/)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "fonts")
    parser.add_argument("--specs", type=Path, default=ROOT / "specs")
    parser.add_argument("--noto", type=Path, default=SOURCE_DIR)
    parser.add_argument("--fandol", type=Path, default=FANDOL_DIR)
    parser.add_argument("--latin", type=Path, default=LATIN_DIR)
    parser.add_argument("--unihan", type=Path, default=UNIHAN)
    parser.add_argument("--only", help="build only this file name")
    parser.add_argument("--index", action="store_true",
                        help="only write coverage.json and widths.json from the faces in "
                             "--out")
    args = parser.parse_args(argv)
    if args.index:
        write_index(args.out)
        return 0
    for folder, package in ((args.noto, "fonts-noto-cjk"), (args.fandol, "texlive-lang-chinese"),
                            (args.latin, "fonts-noto-core"), (args.unihan, "unicode-data")):
        if not Path(folder).exists():
            print(f"missing {folder}: apt-get install {package}", file=sys.stderr)
            return 1
    chars = coverage(args.specs, args.unihan)
    extra = rare(chars)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, source in FACES.items():
        if args.only and name != args.only:
            continue
        target = args.out / name
        build_face(_folder(source, args) / source.file, target,
                   extra if source.rare else chars, source.index)
        digest = hashlib.sha256(target.read_bytes()).hexdigest()[:16]
        print(f"{name}: {target.stat().st_size / 1e6:.1f} MB, sha256 {digest}…")
    for name, latin in LATIN_FACES.items():
        if args.only and name != args.only:
            continue
        build_latin(args.latin / latin, args.out / name)
        print(f"{name}: {(args.out / name).stat().st_size / 1e3:.0f} kB")
    (args.out / "OFL.txt").write_text(licence(), encoding="utf-8")
    (args.out / "FANDOL-LICENSE.txt").write_text(fandol_licence(args.fandol), encoding="utf-8")
    write_list(args.out / "general-standard.txt", general_standard(args.unihan),
               "通用规范汉字表 (2013), 8105 characters, from Unihan kTGH (Debian unicode-data)")
    write_list(args.out / "gb18030-han.txt", gb18030_han(),
               "GB 18030 mandatory Han characters (U+3400-4DB5, U+4E00-9FA5, and the "
               "ideographs of the one- and two-byte part)")
    write_index(args.out)
    print(f"{len(chars)} characters in the common faces, {len(extra)} in the rare face")
    return 0


if __name__ == "__main__":
    sys.exit(main())
