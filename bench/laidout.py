"""Typesetting measures of any laid-out PDF: the PDF writer's, or a DOCX as LibreOffice
lays it out.

Run from the repository root:

    python bench/laidout.py [SPEC ...] [--keep DIR] [--no-docx] [-v]

Builds every layout of each SPEC (default the Ningbo and Guangzhou specs): zh, en, zh-en
interleaved and side by side, official, side by side in the official theme; full and
summary (and the official summary in both languages interleaved); DOCX and PDF;
converts the DOCX files to PDF with LibreOffice (``soffice``), reads the lines of every
PDF back with poppler's ``pdftotext -bbox-layout`` and prints a Markdown table of:

- *broken*: a number or amount broken across two lines: inside its digits (the two
  parts joined make one number as the text writes numbers: 71,42 / 5, 714 / 25; not two
  numbers of adjacent table rows, 171 / 170,000), from its sign, percent sign, unit
  (万件, billion), currency (RMB) or qualifier (more than, 以上, 近), or hyphenated (must
  be 0); and a web address hyphenated (a hyphen it does not have at a line's end:
  …00ef- / b02f9b0a.html);
- *mid hyphens*: a hyphen inside a word in the middle of a line that the document's text
  does not have (a hyphenation point printed where the line did not break);
- *loose en*: justified English lines with a word gap over twice the face's word space;
- *lines/page*, *chars/line*: the official theme's body grid (GB/T 9704: 22 × 28), the
  median count and the largest (pages with tables or headings hold fewer body lines);
  the side-by-side edition's columns counted apart (lines in a column of a page;
  characters of a line of its Chinese column, which holds 13 of the grid's 28);
- *units*: of those, a number broken from the Han text it belongs with: its unit
  (17.1 / 万余家) or its qualifier (超 / 1100人);
- *invisible*: zero-width and joining characters in a DOCX's text (U+200B–U+200D,
  U+2060, U+FEFF, soft hyphens);
- *toc*: whether a DOCX's contents are a TOC field (``field``), and how many of the
  contents' page numbers LibreOffice prints (it prints a TOC field's stored result);
- *foreign faces*: faces in the laid-out PDF that the DOCX does not embed (a reader's
  substitute: the machine's Noto Sans CJK JP, Liberation Serif);
- *pages*.

Each DOCX is converted in a LibreOffice session and profile of its own: one session keeps
the first face it meets under a family name, so files converted together take faces
from each other (see ``ipdocs.writers.docx.fonts``).

bench/typesetting.py measures what the PDF writer draws, from its own geometry; this reads
what any layout engine printed, so the DOCX and the PDF are held to one measure.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent

CONFIGS: tuple[tuple[str, dict[str, str]], ...] = (
    ("zh", {"lang": "zh"}),
    ("en", {"lang": "en"}),
    ("zh-en", {"lang": "zh-en"}),
    ("parallel", {"lang": "zh-en", "layout": "parallel"}),
    ("official", {"lang": "zh", "theme": "official"}),
    ("parallel official", {"lang": "zh-en", "layout": "parallel", "theme": "official"}),
    ("zh summary", {"lang": "zh", "brief": "summary"}),
    ("en summary", {"lang": "en", "brief": "summary"}),
    ("zh-en summary", {"lang": "zh-en", "brief": "summary"}),
    ("parallel summary", {"lang": "zh-en", "layout": "parallel", "brief": "summary"}),
    ("official summary", {"lang": "zh", "theme": "official", "brief": "summary"}),
    ("parallel official summary", {"lang": "zh-en", "layout": "parallel",
                                   "theme": "official", "brief": "summary"}),
    ("official zh-en summary", {"lang": "zh-en", "theme": "official", "brief": "summary"}),
)
"""The documents measured: a name and the options of ``ipdocs.build``."""

XHTML = "{http://www.w3.org/1999/xhtml}"

INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

NUMBER_END = re.compile(r"(?:\d[.,]?|\d[%‰]|[+\-−]|RMB|US\$|¥|￥)$")
"""A line end that a number continues from: a digit (perhaps with its decimal point or
thousands comma), a number's percent sign, a lone sign or a currency."""

QUALIFIER_END = re.compile(r"(?:\b(?:more than|less than|over|nearly|almost|about|around|"
                           r"approximately|up to|some|than|RMB)|超过|突破|近|约|超|逾)$",
                           re.IGNORECASE)
"""A line end that a number must follow on the same line (a qualifier or currency)."""

SCALE_START = re.compile(r"^(?:billion|million|thousand|trillion|per ?cent|percentage|"
                         r"times|pp\b|[%‰]|以上|以下|以内|左右|余|多)")
"""A line start that must stay with the number before it."""

MORE_SPLIT = re.compile(r"\b(?:more|less)$")
"""“more / than 171,000”: a qualifier split inside."""

NORMAL_SPACE = 0.26
"""A word space in ems (the bundled serif and sans faces: 0.26 and 0.26)."""

EN_LOOSE = 2.0
"""A justified English line is loose when a word gap exceeds this many word spaces."""


@dataclass(frozen=True)
class Line:
    """One printed line: its words with their boxes."""

    words: tuple[tuple[str, float, float], ...]
    """(text, x start, x end) of each word."""
    height: float
    left: float
    right: float
    page: int
    top: float = 0.0
    bottom: float = 0.0

    @property
    def text(self) -> str:
        """The words joined by spaces."""
        return " ".join(w for w, _, _ in self.words)


@dataclass
class Counts:
    """The measures of one laid-out file."""

    broken: list[str] = field(default_factory=list)
    hyphens: list[str] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)
    en_lines: int = 0
    pages: int = 0
    lines_per_page: list[int] = field(default_factory=list)
    chars_per_line: list[int] = field(default_factory=list)
    invisible: int = 0
    toc: str = "–"
    foreign: list[str] = field(default_factory=list)

    @property
    def units(self) -> int:
        """Numbers broken from the Han text they belong with: the unit after them (17.1 /
        万余家) or the qualifier before them (超 / 1100人)."""
        return sum(1 for item in self.broken
                   if re.match(r"from its (?:unit|scale).*/ [\u4e00-\u9fff]", item) or
                   re.match(r"from its qualifier.*[\u4e00-\u9fff] / ", item))


def flows(pdf: Path) -> Iterator[list[Line]]:
    """The lines of each flow of text pdftotext finds (a column, a table cell, a
    paragraph), page by page."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                         capture_output=True).stdout
    root = ElementTree.fromstring(xml)
    for number, page in enumerate(root.iter(f"{XHTML}page"), start=1):
        for flow in page.iter(f"{XHTML}flow"):
            lines = []
            for line in flow.iter(f"{XHTML}line"):
                words = tuple((w.text or "", float(w.get("xMin", 0)), float(w.get("xMax", 0)))
                              for w in line.iter(f"{XHTML}word"))
                if words:
                    lines.append(Line(words, float(line.get("yMax", 0)) -
                                      float(line.get("yMin", 0)),
                                      float(line.get("xMin", 0)), float(line.get("xMax", 0)),
                                      number, float(line.get("yMin", 0)),
                                      float(line.get("yMax", 0))))
            yield lines


def broken_at(before: str, after: str, words: set[str] | frozenset[str] = frozenset()
              ) -> str | None:
    """Why a line break between ``before`` and ``after`` breaks a number, or None. A line
    ending at the hyphen of a word the text spells with one (``words``: 3,077 pre- /
    examination) is not hyphenated."""
    if not before or not after or re.search(r"(?:\. ?){4}", before):
        return None  # a contents entry (its leader dots and page number)
    if WEB_ADDRESS_END.search(before):  # its digits are a name's, not a number's
        return _address_break(before, after.lstrip(), words)
    head = after.lstrip()
    joined = re.search(r"([a-z]+-)$", before)
    if joined and (joined.group(1) + re.match(r"[a-z]*", head).group(0)) in words:  # type: ignore[union-attr]
        return None
    if NUMBER_END.search(before) and re.match(r"[\d.,%‰]", head) and \
            _one_number(before, head):
        return "inside a number"
    if re.search(r"\d$", before) and re.match(r"[\u4e00-\u9fff]", head) and \
            not head.startswith("第"):  # an ordinal (第4位) begins a phrase: the next row's
        return "from its unit"  # (after a percent sign, only 以上 and its kind: below)
    if QUALIFIER_END.search(before) and re.match(r"[+\-−]?\d", head):
        return "from its qualifier"
    if MORE_SPLIT.search(before) and re.match(r"than [+\-−]?\d", head):
        return "inside its qualifier"
    if re.search(r"[\d%‰]$", before) and SCALE_START.match(head):
        return "from its scale"
    if re.search(r"\d\S*\s+(?:bil|mil|tril|thou|per|hun)\S*-$|\d-$", before) or (
            before.endswith("-") and re.match(r"(?:lion|illion|sand|cent)\b", head)):
        return "hyphenated"
    return None


WEB_ADDRESS_END = re.compile(r"(?:https?://|www\.)\S*$")
"""A line that ends inside a web address: its digits are a name's, not a number's."""


def _address_break(before: str, head: str, words: set[str] | frozenset[str]) -> str | None:
    """``hyphenated address`` where a line ending inside a web address ends in a hyphen
    the address does not have (…00ef- / b02f9b0a.html, MzI- / wNDU1…: the hyphen would be
    typed with it), else None (an address broken at its punctuation: …/jc/10823 / .html,
    or at a character with no mark)."""
    tail = re.search(r"([A-Za-z0-9]+)-$", before)
    start = re.match(r"[A-Za-z0-9]+", head)
    if tail and start and f"{tail.group(1)}-{start.group(0)}" not in words:
        return "hyphenated address"
    return None


ONE_NUMBER = re.compile(r"[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[%‰]?")
"""A number as the text writes it: digits, grouped by thousands or not, decimals, a
percent sign."""


def _one_number(before: str, head: str) -> bool:
    """Whether the number ending ``before`` and the one starting ``head`` joined make one
    number (71,42 / 5; 714 / 25), not two (171 / 170,000 and 517,000 / 1,280: the values
    of adjacent table rows, which pdftotext reads as one flow)."""
    tail = re.search(r"[+\-−]?[\d.,]*[%‰]?$", before)
    start = re.match(r"[\d.,]*[%‰]?", head)
    joined = (tail.group(0) if tail else "") + (start.group(0) if start else "")
    return bool(ONE_NUMBER.fullmatch(joined.rstrip(".,")))


def record(lines: Sequence[Line], words: set[str], counts: Counts) -> None:
    """Add one flow's lines to ``counts``."""
    widest = max((line.right for line in lines), default=0.0)
    for index, line in enumerate(lines):
        text = line.text
        if index + 1 < len(lines) and lines[index + 1].page == line.page:
            after = lines[index + 1]
            why = broken_at(text, after.text, words) if _wrapped(line, after, widest) \
                else None
            if why:
                counts.broken.append(f"{why}: …{text[-14:]} / {after.text[:14]}…")
        for word, _, _ in line.words[:-1]:
            for match in re.finditer(r"[a-z]+-[a-z]+", word):
                if match.group(0) not in words:
                    counts.hyphens.append(f"{match.group(0)} in {text[:60]}")
        _loose(line, lines[index + 1] if index + 1 < len(lines) else None, counts)


def _wrapped(line: Line, after: Line, widest: float) -> bool:
    """Whether ``after`` looks like the continuation of ``line`` in one paragraph: the
    line runs to the measure (less two ems), the next starts below it by about a line
    (line boxes may overlap), near its left or right edge, in the same size."""
    em = line.height
    return line.right >= widest - 2 * em and \
        min(abs(after.left - line.left), abs(after.right - line.right)) <= 3 * em and \
        -0.3 * em <= after.top - line.bottom <= 0.9 * em and abs(after.height - em) < 0.2 * em


def _loose(line: Line, after: Line | None, counts: Counts) -> None:
    """A justified English line (not a paragraph's last): its widest word gap."""
    latin = sum(c.isascii() and c.isalpha() for c in line.text)
    if after is None or latin < 0.8 * len(line.text.replace(" ", "")) or len(line.words) < 4:
        return
    if abs(after.right - line.right) > 1.0 or after.left > line.left + 1.0:
        return  # not justified to the same measure as the next line (or its last line)
    counts.en_lines += 1
    space = NORMAL_SPACE * line.height
    widest = max(b[1] - a[2] for a, b in zip(line.words, line.words[1:], strict=False))
    if widest > EN_LOOSE * space:
        counts.loose.append(f"{widest / space:.1f}×: {line.text[:70]}")


def grid(every: Sequence[Line], counts: Counts, columns: int = 1) -> None:
    """Lines per page and characters per full line of a Chinese body (the official grid):
    the lines set in the body's size (the commonest height of long Chinese lines), less
    the page number, counted page by page and, of ``columns`` 2 (the side-by-side
    edition), column by column (a line across the middle of the type area, a title or a
    contents entry, in neither); characters counted on the lines that run to their
    column's measure (a full-width character one, a Latin letter or digit a half).
    ``every``: the lines of a PDF."""
    middle = (min((line.left for line in every), default=0.0) +
              max((line.right for line in every), default=0.0)) / 2

    def column(line: Line) -> int | None:
        """The column ``line`` is set in: 0 (the only one, or the left), 1, or None."""
        if columns == 1:
            return 0
        return 0 if line.right <= middle else 1 if line.left >= middle else None

    least = 20 // columns  # Han characters of a long line: most of a line of 28 or 13
    long = [line for line in every
            if sum(map(is_han, line.text)) >= least and column(line) is not None]
    heights = Counter(round(line.height, 1) for line in long)
    body = heights.most_common(1)[0][0] if heights else 0.0
    rows: dict[tuple[int, int], set[int]] = {}
    widest: dict[int, float] = {}
    for line in long:
        key = column(line)
        assert key is not None
        widest[key] = max(widest.get(key, 0.0), line.right)
    for line in every:
        key = column(line)
        if key is None or abs(line.height - body) > 0.3 or \
                re.fullmatch(r"[—\-–\s\d]+", line.text):
            continue
        rows.setdefault((line.page, key), set()).add(round(line.bottom / 4))  # pieces
        if line.right >= widest.get(key, 0.0) - body and \
                sum(map(is_han, line.text)) >= least // 2 and \
                not re.search(r"(?:\. ?){4}", line.text):
            text = line.text.replace(" ", "")
            counts.chars_per_line.append(round(sum(1 if is_han(c) else 0.5 for c in text)))
    counts.lines_per_page = sorted(len(tops) for tops in rows.values())


def is_han(char: str) -> bool:
    """Whether a character is set full width (Han, CJK punctuation)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def docx_words(docx: Path) -> tuple[set[str], int]:
    """The hyphenated words of a DOCX's text (of letters, and of letters and digits as
    in a web address), and how many invisible characters it has."""
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    text = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    words = set(re.findall(r"[a-z]+-[a-z]+", text))
    return words | set(re.findall(r"[A-Za-z0-9]+-[A-Za-z0-9]+", text)), \
        len(INVISIBLE.findall(text))


def docx_toc(docx: Path, pdf: Path) -> str:
    """``field`` and how many contents entries LibreOffice printed with a page number,
    of how many, where the DOCX's contents are a TOC field; ``entries`` where they are
    entries without one; ``–`` where it has no contents."""
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    refs = len(re.findall(r">PAGEREF _Toc", xml))
    if not refs:
        return "–"
    if not re.search(r"<w:instrText[^>]*>\s*TOC ", xml):
        return "entries"
    first = subprocess.run(["pdftotext", "-layout", "-l", "2", str(pdf), "-"], check=True,
                           capture_output=True, text=True).stdout
    numbered = len(re.findall(r"(?:\.[ \t]?){4,}[ \t]*\d+[ \t]*$", first, re.M))
    return f"field ({numbered}/{refs} numbered)"


def embedded_faces(docx: Path) -> set[str]:
    """The PostScript names of the faces a DOCX embeds (deobfuscated, ECMA-376 17.8.1)."""
    import io
    import uuid

    from fontTools.ttLib import TTFont

    names = set()
    with zipfile.ZipFile(docx) as archive:
        table = archive.read("word/fontTable.xml").decode("utf-8")
        rels = archive.read("word/_rels/fontTable.xml.rels").decode("utf-8")
        targets = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels) +
                       [(b, a) for a, b in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"',
                                                      rels)])
        for rid, key in re.findall(r'r:id="([^"]+)" w:fontKey="\{([^}]+)\}"', table):
            data = bytearray(archive.read("word/" + targets[rid]))
            secret = uuid.UUID(key).bytes[::-1]
            for index in range(32):
                data[index] ^= secret[index % 16]
            names.add(str(TTFont(io.BytesIO(bytes(data)))["name"].getDebugName(6)))
    return names


def pdf_faces(pdf: Path) -> set[str]:
    """The faces a PDF uses, without their subset prefixes."""
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                             text=True).stdout
    return {re.sub(r"^[A-Z]{6}\+", "", line.split()[0])
            for line in listing.splitlines()[2:] if line.strip()}


def measure_pdf(pdf: Path, words: set[str], official: bool, columns: int = 1) -> Counts:
    """Every measure of one PDF (of ``columns`` 2, each column's lines apart:
    ``in_columns``; the official grid's in them)."""
    counts = Counts()
    read = list(flows(pdf))
    if columns == 2:
        read = in_columns(read)
    every: list[Line] = []
    for lines in read:
        record(lines, words, counts)
        counts.pages = max([counts.pages, *(line.page for line in lines)])
        every += lines
    if official:
        grid(every, counts, columns)
    return counts


def in_columns(read: Sequence[Sequence[Line]]) -> list[list[Line]]:
    """The flows of a side-by-side document, each split into its left column's lines
    and its right's: pdftotext reads a line of each column set on one baseline (the
    official theme's grid, LibreOffice's layout table) as one line across both, whose
    next line then belongs to either. A line's words left of the middle of the type area
    go to the left column's line, the others to the right's."""
    every = [line for lines in read for line in lines]
    middle = (min((line.left for line in every), default=0.0) +
              max((line.right for line in every), default=0.0)) / 2
    out: list[list[Line]] = []
    for lines in read:
        sides: tuple[list[Line], list[Line]] = ([], [])
        for line in lines:
            for side, part in zip(sides, _halves(line, middle), strict=True):
                if part is not None:
                    side.append(part)
        out += [side for side in sides if side]
    return out


def _halves(line: Line, middle: float) -> tuple[Line | None, Line | None]:
    """``line``'s words left of ``middle`` and right of it, each as a line (None where
    it has none); a word with Han text across the middle (pdftotext joins the last
    characters of the Chinese column and the first of the English where the gutter is
    narrow) cut there in proportion to its width, another word (of a title across the
    page) set where its middle is. A contents entry (leader dots) stays whole, in the column
    it starts in."""
    if re.search(r"\.{4}|(?:\. ){4}", line.text):
        return (line, None) if line.left < middle else (None, line)
    left: list[tuple[str, float, float]] = []
    right: list[tuple[str, float, float]] = []
    for text, x0, x1 in line.words:
        if x1 <= middle or x0 >= middle or x1 - x0 <= 0 or not any(map(is_han, text)):
            (left if (x0 + x1) / 2 < middle else right).append((text, x0, x1))
            continue
        cut = round(len(text) * (middle - x0) / (x1 - x0))
        if text[:cut]:
            left.append((text[:cut], x0, middle))
        if text[cut:]:
            right.append((text[cut:], middle, x1))
    return tuple(  # type: ignore[return-value]
        replace(line, words=tuple(part), left=part[0][1], right=max(w[2] for w in part))
        if part else None for part in (left, right))


def to_pdf(docx: Path, out: Path) -> Path:
    """A DOCX laid out by LibreOffice, as PDF, in a session and profile of its own."""
    profile = (out / f"profile-{docx.stem}").resolve().as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(docx)], check=True,
                   capture_output=True, timeout=600)
    return out / (docx.stem + ".pdf")


def measure(spec: Path, out: Path, docx: bool = True) -> dict[str, Counts]:
    """Build each configuration of ``spec`` into ``out`` and measure its files."""
    sys.path.insert(0, str(ROOT / "src"))
    from ipdocs import load_report
    from ipdocs.app.building import build

    report = load_report(spec)
    results: dict[str, Counts] = {}
    for name, options in CONFIGS:
        stem = f"{spec.stem}.{name.replace(' ', '-')}"
        build(report, out / f"{stem}.docx", **options)  # type: ignore[arg-type]
        build(report, out / f"{stem}.pdf", **options)  # type: ignore[arg-type]
        words, invisible = docx_words(out / f"{stem}.docx")
        official = "official" in name
        columns = 2 if "parallel" in name else 1
        results[f"{stem} PDF"] = measure_pdf(out / f"{stem}.pdf", words, official, columns)
        if docx:
            laid = to_pdf(out / f"{stem}.docx", out / "lo")
            results[f"{stem} DOCX"] = measure_pdf(laid, words, official, columns)
            results[f"{stem} DOCX"].invisible = invisible
            results[f"{stem} DOCX"].toc = docx_toc(out / f"{stem}.docx", laid)
            results[f"{stem} DOCX"].foreign = sorted(
                pdf_faces(laid) - embedded_faces(out / f"{stem}.docx"))
    return results


UNIT_PROBE = "17.1万余家"
"""The number and Han unit the probe sets at a line's end."""

KINSOKU_BEFORE = ("!%),.:;?]}¢°·'\"†‡›℃∶、。〃〆〕〗〞﹚﹜！＂％＇），．：；？］｝～"
                  "万亿元个件家项次天人年月日余多")
KINSOKU_AFTER = "$(£¥·'\"〈《「『【〔〖〝﹙﹛＄（．［｛￡￥0123456789."
"""Word's kinsoku lists for Chinese with the Han units added to the characters no line
may begin with and the digits to those no line may end with (w:noLineBreaksBefore,
w:noLineBreaksAfter; per character, not per pair: measured for what LibreOffice does)."""


def probe_document(variant: str, path: Path) -> None:
    """A minimal DOCX (python-docx alone, nothing of ipdocs): paragraphs of Han text
    ending in ``UNIT_PROBE``, each one character longer than the last, so that in one of
    them the line breaks between the number and its unit; set as ``variant`` asks:
    ``plain``; ``kinsoku`` (settings' custom kinsoku lists, ``KINSOKU_*``); ``lang-en``
    or ``lang-ko`` (the number-and-unit run's East Asian language); ``fittext`` (the run
    fitted to a width, which Word sets as one block); ``wj`` (a word joiner
    U+2060 between number and unit: a character in the text, for reference only)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC")
    if variant == "kinsoku":
        settings = document.settings.element
        later = {qn(t) for t in ("w:savePreviewPicture", "w:updateFields", "w:hdrShapeDefaults",
                                 "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars",
                                 "w:rsids", "m:mathPr", "w:themeFontLang",
                                 "w:clrSchemeMapping", "w:shapeDefaults", "w:decimalSymbol",
                                 "w:listSeparator")}
        anchor = next(c for c in settings if c.tag in later)
        for tag, chars in (("w:noLineBreaksAfter", KINSOKU_AFTER),
                           ("w:noLineBreaksBefore", KINSOKU_BEFORE)):
            element = OxmlElement(tag)
            element.set(qn("w:lang"), "zh-CN")
            element.set(qn("w:val"), chars)
            anchor.addprevious(element)
    for extra in range(40):
        paragraph = document.add_paragraph()
        paragraph.add_run("测" * (20 + extra) + "，累计")
        number, unit = UNIT_PROBE[:4], UNIT_PROBE[4:]
        run = paragraph.add_run(number + ("\u2060" if variant == "wj" else "") + unit)
        if variant == "fittext":  # Word sets the run in one block as wide as asked
            fit = OxmlElement("w:fitText")
            fit.set(qn("w:val"), "1240")
            fit.set(qn("w:id"), str(extra + 1))
            run._r.get_or_add_rPr().append(fit)
        if variant.startswith("lang-"):
            lang = OxmlElement("w:lang")
            lang.set(qn("w:val"), "en-GB")
            lang.set(qn("w:eastAsia"), {"lang-en": "en-GB", "lang-ko": "ko-KR"}[variant])
            run._r.get_or_add_rPr().append(lang)
        paragraph.add_run("，其余文字继续。")
    document.save(str(path))


def probe_units(out: Path) -> dict[str, tuple[int, int]]:
    """For each probe variant: how many of its paragraphs LibreOffice breaks between the
    number and its unit, and how many inside the number (a variant that works: 0, 0)."""
    found = {}
    for variant in ("plain", "kinsoku", "lang-en", "lang-ko", "fittext", "wj"):
        path = out / f"probe-{variant}.docx"
        probe_document(variant, path)
        text = subprocess.run(["pdftotext", str(to_pdf(path, out)), "-"], check=True,
                              capture_output=True, text=True).stdout.replace("\u2060", "")
        between = len(re.findall(r"17\.1\s*\n\s*万", text))
        other = len(re.findall(r"1\s*\n\s*7|17\s*\n\s*\.|17\.\s*\n", text))
        found[variant] = (between, other)
    return found


ADDRESS_PROBE = ("http://www.hezhiquan.com/docs/view/", "29de3a0c18e249bd9c9a00efb02f9b0a",
                 ".html")
"""Hubei's address as the probe sets it: what comes before its code, the code, and what
follows it (``probe_address``)."""


def address_document(variant: str, path: Path, width_mm: float = 70) -> None:
    """A minimal DOCX (python-docx alone): 24 English paragraphs in a column ``width_mm``
    wide, each with ``ADDRESS_PROBE``'s address, whose slash, code and .html are wider
    than the line and whose slash and code are not: ``current`` (the code of no
    language and not proofed, the rest English, as ipdocs writes it), ``tail-none``
    (.html of no language too), ``tail-zh`` (.html in Chinese), ``code-en`` (the code
    English, not proofed), ``wordwrap`` (``current`` with the paragraph's ``w:wordWrap``
    off, Word's "allow Latin text to wrap in the middle of a word")."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    def run(paragraph: Any, text: str, lang: str, proof: bool = True) -> None:
        element = paragraph.add_run(text)._r.get_or_add_rPr()
        if not proof:
            element.append(OxmlElement("w:noProof"))
        tag = OxmlElement("w:lang")
        tag.set(qn("w:val"), lang)
        element.append(tag)

    document = docx.Document()
    section = document.sections[0]
    section.page_width = Mm(width_mm + 40)
    section.left_margin = section.right_margin = Mm(20)
    document.styles["Normal"].font.size = Pt(12)
    head, code, tail = ADDRESS_PROBE
    langs = {"current": ("x-none", "en-GB"), "tail-none": ("x-none", "x-none"),
             "tail-zh": ("x-none", "zh-CN"), "code-en": ("en-GB", "en-GB"),
             "wordwrap": ("x-none", "en-GB")}[variant]
    for extra in range(24):
        paragraph = document.add_paragraph()
        if variant == "wordwrap":
            wrap = OxmlElement("w:wordWrap")
            wrap.set(qn("w:val"), "0")
            paragraph._p.get_or_add_pPr().append(wrap)
        run(paragraph, "x" * extra + " see " + head, "en-GB")
        run(paragraph, code, langs[0], proof=False)
        run(paragraph, tail, langs[1])
        run(paragraph, " for more.", "en-GB")
    document.save(str(path))


def probe_address(out: Path) -> dict[str, tuple[int, int]]:
    """For each ``address_document`` variant: how many of its addresses LibreOffice
    breaks before .html (where the PDF breaks) and how many inside the code or .html with
    no mark (a variant that works: 24, 0). The code of no language alone is the
    current writing, the others what else a DOCX can say."""
    _, code, tail = ADDRESS_PROBE
    found = {}
    for variant in ("current", "tail-none", "tail-zh", "code-en", "wordwrap"):
        path = out / f"address-{variant}.docx"
        address_document(variant, path)
        text = subprocess.run(["pdftotext", str(to_pdf(path, out)), "-"], check=True,
                              capture_output=True, text=True).stdout
        whole = re.sub(r"\s*\n\s*", "\n", text)
        before = whole.count(code + "\n" + tail)
        inside = sum(1 for cut in range(1, len(code + tail))
                     if cut != len(code) for _ in re.finditer(
                         re.escape((code + tail)[:cut]) + "-?\n" + re.escape(
                             (code + tail)[cut:]), whole))
        found[variant] = (before, inside)
    return found


def _spread(values: Sequence[int]) -> str:
    """The median value and the largest, or a dash."""
    if not values:
        return "–"
    return f"{sorted(values)[len(values) // 2]} (max {max(values)})"


def table(results: dict[str, Counts]) -> str:
    """The measures as a Markdown table."""
    rows = ["| file | pages | broken | units | mid hyphens | en lines | loose en >2× "
            "| lines/page | chars/line | invisible | toc | foreign faces |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, c in results.items():
        docx = name.endswith("DOCX")
        rows.append(f"| {name} | {c.pages} | {len(c.broken)} | {c.units} | "
                    f"{len(c.hyphens)} | {c.en_lines} | {len(c.loose)} | "
                    f"{_spread(c.lines_per_page)} | {_spread(c.chars_per_line)} | "
                    f"{c.invisible} | {c.toc} | "
                    f"{(', '.join(c.foreign) or '0') if docx else '–'} |")
    return "\n".join(rows)


def details(results: dict[str, Counts]) -> str:
    """Every line counted, file by file."""
    out = []
    for name, c in results.items():
        for title, items in (("broken", c.broken), ("mid hyphen", c.hyphens),
                             ("loose", c.loose)):
            out += [f"{name} {title}: {item}" for item in items]
    return "\n".join(out)



def _probe(probe: Callable[[Path], dict[str, tuple[int, int]]], keep: str | None,
           said: str) -> int:
    """Run one probe of minimal documents in ``keep`` (or a scratch folder) and print
    each variant's two counts as ``said`` words them."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(keep or scratch)
        out.mkdir(parents=True, exist_ok=True)
        for variant, counts in probe(out).items():
            print(f"{variant}: {said.format(*counts)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the table (``-v``: every line counted)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("spec", nargs="*", default=[
        str(ROOT / "specs" / "ningbo-2024.yaml"), str(ROOT / "specs" / "guangzhou-2023.yaml")])
    parser.add_argument("--keep", help="write the files to this folder")
    parser.add_argument("--no-docx", action="store_true", help="measure the PDFs only")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--probe-units", action="store_true",
                        help="only the minimal documents that test what keeps a number "
                             "with its Han unit in LibreOffice")
    parser.add_argument("--probe-address", action="store_true",
                        help="only the minimal documents that test whether anything in a "
                             "DOCX makes LibreOffice break a web address before .html")
    args = parser.parse_args(argv)
    if args.probe_address:
        return _probe(probe_address, args.keep,
                      "broken before .html {}, inside the code or .html {}")
    if args.probe_units:
        return _probe(probe_units, args.keep,
                      "broken between number and unit {}, inside the number {}")
    results: dict[str, Counts] = {}
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(args.keep or scratch)
        (out / "lo").mkdir(parents=True, exist_ok=True)
        for spec in args.spec:
            results.update(measure(Path(spec), out, not args.no_docx))
    print(table(results))
    if args.verbose:
        print(details(results))
    return 1 if any(c.broken for c in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
