"""Typesetting measures of any laid-out PDF: the PDF writer's, or a DOCX as LibreOffice
lays it out.

Run from the repository root:

    python bench/laidout.py [SPEC ...] [--keep DIR] [--no-docx] [-v]

Builds every layout of each SPEC (default the Ningbo and Guangzhou specs): zh, en, zh-en
interleaved and side by side, official; full and summary; DOCX and PDF; converts the DOCX
files to PDF with LibreOffice (``soffice``), reads the lines of every PDF back with
poppler's ``pdftotext -bbox-layout`` and prints a Markdown table of:

- *broken*: a number or amount broken across two lines: inside its digits, from its sign,
  percent sign, unit (万件, billion), currency (RMB) or qualifier (more than, 以上, 近), or
  hyphenated (must be 0);
- *mid hyphens*: a hyphen inside a word in the middle of a line that the document's text
  does not have (a hyphenation point printed where the line did not break);
- *loose en*: justified English lines with a word gap over twice the face's word space;
- *lines/page*, *chars/line*: the official theme's body grid (GB/T 9704: 22 × 28), the
  median count and the largest (pages with tables or headings hold fewer body lines);
- *invisible*: zero-width and joining characters in a DOCX's text (U+200B–U+200D,
  U+2060, U+FEFF, soft hyphens);
- *pages*.

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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent

CONFIGS: tuple[tuple[str, dict[str, str]], ...] = (
    ("zh", {"lang": "zh"}),
    ("en", {"lang": "en"}),
    ("zh-en", {"lang": "zh-en"}),
    ("parallel", {"lang": "zh-en", "layout": "parallel"}),
    ("official", {"lang": "zh", "theme": "official"}),
    ("zh summary", {"lang": "zh", "brief": "summary"}),
    ("en summary", {"lang": "en", "brief": "summary"}),
    ("zh-en summary", {"lang": "zh-en", "brief": "summary"}),
    ("parallel summary", {"lang": "zh-en", "layout": "parallel", "brief": "summary"}),
    ("official summary", {"lang": "zh", "theme": "official", "brief": "summary"}),
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


def broken_at(before: str, after: str) -> str | None:
    """Why a line break between ``before`` and ``after`` breaks a number, or None."""
    if not before or not after or re.search(r"(?:\. ?){4}", before):
        return None  # a contents entry (its leader dots and page number)
    head = after.lstrip()
    if NUMBER_END.search(before) and re.match(r"[\d.,%‰]", head):
        return "inside a number"
    if re.search(r"[\d%‰]$", before) and re.match(r"[\u4e00-\u9fff]", head):
        return "from its unit"
    if QUALIFIER_END.search(before) and re.match(r"[+\-−]?\d", head):
        return "from its qualifier"
    if MORE_SPLIT.search(before) and re.match(r"than [+\-−]?\d", head):
        return "inside its qualifier"
    if re.search(r"[\d%‰]$", before) and SCALE_START.match(head):
        return "from its scale"
    if re.search(r"\d\S*\s+\S*-$|\d-$", before) or (
            before.endswith("-") and re.match(r"(?:lion|illion|sand|cent)\b", head)):
        return "hyphenated"
    return None


def record(lines: Sequence[Line], words: set[str], counts: Counts) -> None:
    """Add one flow's lines to ``counts``."""
    widest = max((line.right for line in lines), default=0.0)
    for index, line in enumerate(lines):
        text = line.text
        if index + 1 < len(lines) and lines[index + 1].page == line.page:
            after = lines[index + 1]
            why = broken_at(text, after.text) if _wrapped(line, after, widest) else None
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


def grid(pdf: Path, counts: Counts) -> None:
    """Lines per page and characters per full line of a Chinese body (the official grid):
    the lines set in the body's size (the commonest height of long Chinese lines), less
    the page number,
    counted page by page; characters counted on the lines that run to the measure (a
    full-width character one, a Latin letter or digit a half)."""
    every = [line for lines in flows(pdf) for line in lines]
    long = [line for line in every if sum(map(is_han, line.text)) >= 20]
    heights = Counter(round(line.height, 1) for line in long)
    body = heights.most_common(1)[0][0] if heights else 0.0
    rows: dict[int, set[int]] = {}
    widest = max((line.right for line in long), default=0.0)
    for line in every:
        if abs(line.height - body) > 0.3 or re.fullmatch(r"[—\-–\s\d]+", line.text):
            continue
        rows.setdefault(line.page, set()).add(round(line.bottom / 4))  # pieces of one line
        if line.right >= widest - body and sum(map(is_han, line.text)) >= 10 and \
                not re.search(r"(?:\. ?){4}", line.text):
            text = line.text.replace(" ", "")
            counts.chars_per_line.append(round(sum(1 if is_han(c) else 0.5 for c in text)))
    counts.lines_per_page = sorted(len(tops) for tops in rows.values())


def is_han(char: str) -> bool:
    """Whether a character is set full width (Han, CJK punctuation)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def docx_words(docx: Path) -> tuple[set[str], int]:
    """The hyphenated words of a DOCX's text, and how many invisible characters it has."""
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    text = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    return set(re.findall(r"[a-z]+-[a-z]+", text)), len(INVISIBLE.findall(text))


def measure_pdf(pdf: Path, words: set[str], official: bool) -> Counts:
    """Every measure of one PDF."""
    counts = Counts()
    for lines in flows(pdf):
        record(lines, words, counts)
        counts.pages = max([counts.pages, *(line.page for line in lines)])
    if official:
        grid(pdf, counts)
    return counts


def to_pdf(docx: Path, out: Path) -> Path:
    """A DOCX laid out by LibreOffice, as PDF."""
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out),
                    str(docx)], check=True, capture_output=True, timeout=600)
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
        results[f"{stem} PDF"] = measure_pdf(out / f"{stem}.pdf", words, official)
        if docx:
            laid = to_pdf(out / f"{stem}.docx", out / "lo")
            results[f"{stem} DOCX"] = measure_pdf(laid, words, official)
            results[f"{stem} DOCX"].invisible = invisible
    return results


def _spread(values: Sequence[int]) -> str:
    """The median value and the largest, or a dash."""
    if not values:
        return "–"
    return f"{sorted(values)[len(values) // 2]} (max {max(values)})"


def table(results: dict[str, Counts]) -> str:
    """The measures as a Markdown table."""
    rows = ["| file | pages | broken | mid hyphens | en lines | loose en >2× | lines/page "
            "| chars/line | invisible |", "|---|---|---|---|---|---|---|---|---|"]
    for name, c in results.items():
        rows.append(f"| {name} | {c.pages} | {len(c.broken)} | {len(c.hyphens)} | "
                    f"{c.en_lines} | {len(c.loose)} | {_spread(c.lines_per_page)} | "
                    f"{_spread(c.chars_per_line)} | {c.invisible} |")
    return "\n".join(rows)


def details(results: dict[str, Counts]) -> str:
    """Every line counted, file by file."""
    out = []
    for name, c in results.items():
        for title, items in (("broken", c.broken), ("mid hyphen", c.hyphens),
                             ("loose", c.loose)):
            out += [f"{name} {title}: {item}" for item in items]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the table (``-v``: every line counted)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("spec", nargs="*", default=[
        str(ROOT / "specs" / "ningbo-2024.yaml"), str(ROOT / "specs" / "guangzhou-2023.yaml")])
    parser.add_argument("--keep", help="write the files to this folder")
    parser.add_argument("--no-docx", action="store_true", help="measure the PDFs only")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
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
