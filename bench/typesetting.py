"""Typesetting measures of the PDFs: kinsoku, broken numbers, loose lines, gaps, runts,
the official grid.

Run from the repository root:

    python bench/typesetting.py [SPEC ...] [--keep DIR] [-v]

Builds every PDF layout of each SPEC (default specs/ningbo-2024.yaml): zh, en, zh-en
interleaved and side by side (parallel), official (zh), side by side in the official theme
(parallel official), each in full and as the summary, and the official summary in both
languages interleaved (official zh-en summary), in this process; records every line the
PDF writer draws (the positions it gives each unit; of a summary fitted to its page, the
render that fitted), and prints a Markdown table of:

- *kinsoku*: lines that start with a character that cannot start a line, or end with one
  that cannot end it (ECMA-376 sets), and numbers split from their unit or qualifier
  (must be 0);
- *broken*: a number or amount broken across two lines: inside its digits, from its sign
  or percent sign, inside a kept amount (RMB 61.093 billion, more than 171,000), or from
  its Han unit or qualifier (must be 0);
- *mid hyphens*: a hyphen added by hyphenation that is not at a line's end (must be 0);
- *zh lines* / *zh >15%*: justified Chinese lines, and those whose space between two Han
  characters exceeds 15% of an em (letter-spaced by justification); *zh max* the largest;
- *en lines* / *en >2×*: justified English lines, and those with a gap between words over
  twice a normal word space; *en max* the largest ratio;
- *punct gaps*: Han–Latin gaps set beside full-width punctuation (clreq: none);
- *runts*: paragraphs whose last line holds one or two characters besides its closing
  marks (显著。);
- on a character grid (the official theme): *lines/page*, the most lines of text on the
  grid in a column of a page (GB/T 9704: 22; the side-by-side edition's two columns
  counted apart); *chars/line*, the most grid cells the full-width characters of one of
  its justified lines fill (28; a mark compressed to half width fills half; not a
  heading nor the contents, which the side-by-side edition sets across both columns);
  *beyond grid*, its justified lines that set two Han characters further apart than the
  grid's pitch by more than ``GRID_SPREAD`` of an em (must be 0).

The measures read the writer's own line geometry, not the PDF's text, so they need no PDF
parser and see exactly what is drawn. tests/writers/test_typesetting.py holds the
Ningbo outputs to these measures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

import ipdocs.writers.pdf as pdf_writer  # noqa: E402
from ipdocs import load_report  # noqa: E402
from ipdocs.app.building import build  # noqa: E402
from ipdocs.writers.columns import is_wide  # noqa: E402
from ipdocs.writers.pdf import text as pdf_text  # noqa: E402
from ipdocs.writers.pdf.linebreak import GRID_SPREAD, NO_END, NO_START  # noqa: E402
from ipdocs.writers.typeset import kept  # noqa: E402

FULL: tuple[tuple[str, dict[str, str]], ...] = (
    ("zh", {"lang": "zh"}),
    ("en", {"lang": "en"}),
    ("zh-en", {"lang": "zh-en"}),
    ("official", {"lang": "zh", "theme": "official"}),
    ("parallel", {"lang": "zh-en", "layout": "parallel"}),
    ("parallel official", {"lang": "zh-en", "layout": "parallel", "theme": "official"}),
)
CONFIGS: tuple[tuple[str, dict[str, str]], ...] = FULL + tuple(
    (f"{name} summary", {**options, "brief": "summary"}) for name, options in FULL) + (
    ("official zh-en summary", {"lang": "zh-en", "theme": "official", "brief": "summary"}),)
"""The documents measured: a name and the options of ``ipdocs.build``."""

ZH_STRETCH = 0.15
"""A Chinese line is loose when two Han characters stand further apart than this (ems)."""

EN_GAP = 2.0
"""An English line is loose when a word gap exceeds this many normal word spaces."""

QUALIFIERS = ("以上", "以内", "以下", "左右")
"""Two-character qualifiers that must not be split across lines."""


@dataclass(frozen=True)
class Drawn:
    """One line as the writer drew it, with what its block knows."""

    units: tuple[tuple[str, float, float, bool, bool], ...]
    """(text, x, width, han, space before) of each unit."""
    em: float
    space: float
    justified: bool
    last: bool
    first: bool
    """The first line of a paragraph (not of a part carried to another page)."""
    grid: bool = False
    """Set on the page's character grid."""
    page: int = 0
    hyphens: int = 0
    """Words hyphenated that do not end the line (a hyphen printed mid-line)."""
    hyphenated: bool = False
    """The line ends with a hyphen hyphenation added."""
    url: bool = False
    """The line starts with the rest of a web address broken at the line before, which
    may begin with a dot or question mark (http://www / .example.com)."""
    column: int = 0
    """The column of the page it is set in: 1 where its block starts right of the
    page's middle (the English column of the side-by-side edition), else 0."""


@dataclass
class Counts:
    """The measures of one document."""

    kinsoku: list[str] = field(default_factory=list)
    zh_lines: int = 0
    zh_loose: list[str] = field(default_factory=list)
    zh_max: float = 0.0
    en_lines: int = 0
    en_loose: list[str] = field(default_factory=list)
    en_max: float = 0.0
    punct_gaps: list[str] = field(default_factory=list)
    runts: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    mid_hyphens: list[str] = field(default_factory=list)
    grid_lines: dict[tuple[int, int], int] = field(default_factory=dict)
    """Lines on the character grid, by page and column."""
    grid_chars: int = 0
    beyond_grid: list[str] = field(default_factory=list)


def _text(line: Drawn) -> str:
    """A drawn line's text, words separated by spaces."""
    return "".join((" " if space and i else "") + text
                   for i, (text, _, _, _, space) in enumerate(line.units))


def _gaps(line: Drawn) -> Iterator[tuple[int, float]]:
    """Each unit's index (from the second) and the space between it and the one before."""
    for index in range(1, len(line.units)):
        _, x0, w0, _, _ = line.units[index - 1]
        yield index, line.units[index][1] - (x0 + w0)


def _chinese(line: Drawn) -> bool:
    """Whether a line is mostly Chinese (by characters)."""
    text = _text(line)
    wide = sum(1 for c in text if is_wide(c))
    return wide * 2 >= len(text.replace(" ", ""))


def _han_gaps(line: Drawn) -> list[float]:
    """The spaces between two adjacent Han units, in ems."""
    return [gap / line.em for index, gap in _gaps(line)
            if line.units[index][3] and line.units[index - 1][3]]


def _punctuation(char: str) -> bool:
    """Whether ``char`` is full-width punctuation."""
    return is_wide(char) and not char.isalnum()


def record(lines: Sequence[Drawn], counts: Counts) -> None:
    """Add one block's drawn lines to ``counts``."""
    for index, line in enumerate(lines):
        if not line.units:
            continue
        text = _text(line)
        after = lines[index + 1] if index + 1 < len(lines) else None
        _kinsoku(line, text, after, counts)
        _broken(line, text, after, counts)
        if line.hyphens:
            counts.mid_hyphens.append(text)
        if line.grid:
            _grid(line, text, counts)
        if line.justified and not line.last:
            (_zh_line if _chinese(line) else _en_line)(line, text, counts)
        _punct_gaps(line, text, counts)
        if line.last and line.justified and _chinese(line) and not line.first and \
                sum(c not in NO_START for c in text.strip()) <= 2:
            counts.runts.append(text)


def _kinsoku(line: Drawn, text: str, after: Drawn | None, counts: Counts) -> None:
    """Forbidden line starts and ends, and numbers split from their unit or qualifier."""
    if not line.first and text[0] in NO_START and not line.url:
        counts.kinsoku.append(f"starts with {text[0]}: {text}")
    if line.last or after is None or not after.units:
        if not line.last and text[-1] in NO_END:
            counts.kinsoku.append(f"ends with {text[-1]}: {text}")
        return
    following = _text(after)
    if text[-1] in NO_END:
        counts.kinsoku.append(f"ends with {text[-1]}: {text}")
    if text[-1].isdigit() and is_wide(following[0]) and following[0] not in NO_END:
        counts.kinsoku.append(f"number split from its unit: {text[-6:]} / {following[:6]}")
    for token in QUALIFIERS:
        if text.endswith(token[0]) and following.startswith(token[1:]) and \
                (text[:-1][-1:].isdigit() or text[:-1].endswith("%")):
            counts.kinsoku.append(f"qualifier split: {text[-6:]} / {following[:6]}")


SIGNS = frozenset("+-\u2212±")
SEPARATORS = frozenset(",.")


def _broken(line: Drawn, text: str, after: Drawn | None, counts: Counts) -> None:
    """A number or amount broken where this line ends: inside its digits, from its sign or
    percent sign, inside a kept amount (``typeset.kept``; a hyphen added at the break is
    taken away first), or from its Han unit or qualifier."""
    if line.last or after is None or not after.units:
        return
    following = _text(after)
    left = text[:-1] if line.hyphenated else text
    joined = left + (" " if after.units[0][4] else "") + following
    edge = len(left)
    a, b = left[-1], following[0]
    reason = ""
    if (a.isdigit() or a in SEPARATORS) and b.isdigit() and not after.units[0][4]:
        reason = "inside its digits"
    elif a in SIGNS and b.isdigit():
        reason = "from its sign"
    elif a.isdigit() and b in "%‰":
        reason = "from its percent sign"
    elif any(start < edge < end for start, end in kept(joined)):
        reason = "inside an amount"
    elif a.isdigit() and is_wide(b) and b not in NO_END and not _punctuation(b):
        reason = "from its unit"
    elif any(text.endswith(t[0]) and following.startswith(t[1:]) and
             (text[:-1][-1:].isdigit() or text[:-1].endswith("%")) for t in QUALIFIERS):
        reason = "from its qualifier"
    if reason:
        counts.broken.append(f"{reason}: {text[-12:]} / {following[:12]}")


def _grid(line: Drawn, text: str, counts: Counts) -> None:
    """A line on the character grid: counted on its page, its Han characters counted, and
    whether justification set two of them further apart than the grid."""
    key = (line.page, line.column)
    counts.grid_lines[key] = counts.grid_lines.get(key, 0) + 1
    han = [width for text, _, width, wide, _ in line.units if wide and text.isalnum()]
    pitch = sorted(han)[len(han) // 2] if han else line.em
    cells = sum(width for _, _, width, wide, _ in line.units if wide) / pitch
    if line.justified:  # not a heading nor a contents entry
        counts.grid_chars = max(counts.grid_chars, round(cells))
    if line.justified and not line.last:
        widest = max(_han_gaps(line), default=0.0)
        if widest > GRID_SPREAD + 1e-6:
            counts.beyond_grid.append(f"+{widest * line.em:.2f} pt: {text}")


def _zh_line(line: Drawn, text: str, counts: Counts) -> None:
    """A justified Chinese line: how far apart justification set its Han characters."""
    gaps = _han_gaps(line)
    if not gaps:
        return
    counts.zh_lines += 1
    widest = max(gaps)
    counts.zh_max = max(counts.zh_max, widest)
    if widest > ZH_STRETCH + 1e-6:
        counts.zh_loose.append(f"{widest:.0%}: {text}")


def _en_line(line: Drawn, text: str, counts: Counts) -> None:
    """A justified English line: its widest word gap in normal word spaces."""
    gaps = [gap / line.space for index, gap in _gaps(line) if line.units[index][4]]
    if not gaps or line.space <= 0:
        return
    counts.en_lines += 1
    widest = max(gaps)
    counts.en_max = max(counts.en_max, widest)
    if widest > EN_GAP + 1e-6:
        counts.en_loose.append(f"{widest:.1f}×: {text}")


def _punct_gaps(line: Drawn, text: str, counts: Counts) -> None:
    """Han–Latin gaps beside full-width punctuation: a gap wider than the line's Han
    spacing by a fifth of an em."""
    han = _han_gaps(line)
    base = sorted(han)[len(han) // 2] * line.em if han else 0.0
    for index, gap in _gaps(line):
        prev, unit = line.units[index - 1], line.units[index]
        if unit[4] or prev[3] == unit[3]:
            continue
        edge = prev[0][-1] if prev[3] else unit[0][0]
        latin = unit[0][0] if prev[3] else prev[0][-1]
        if _punctuation(edge) and latin.isalnum() and gap - base > 0.2 * line.em:
            counts.punct_gaps.append(f"{prev[0][-3:]}|{unit[0][:3]} in {text}")


def _start(unit: Any) -> float:
    """Where a unit's box starts (its glyph may start left of it: a compressed mark)."""
    return float(unit.x + getattr(unit, "shift", 0.0))


def _end(unit: Any) -> float:
    """Where a unit's box ends."""
    return float(getattr(unit, "end", unit.x + unit.width))


def _drawn(block: Any) -> list[Drawn]:
    """The lines of a TextBlock as drawn."""
    lines = block.lines or []
    em = block.looks[0].size
    space = block._measure(0, " ")
    justified = block.shape.align == "justify"
    if hasattr(block, "_justified"):  # English in a narrow column is set ragged right
        justified = block._justified(block.width)
    grid = getattr(block.shape, "grid", False)
    page = block.canv.getPageNumber()
    column = int(block.canv._currentMatrix[4] > block.canv._pagesize[0] / 2)
    return [Drawn(tuple((u.text, _start(u), _end(u) - _start(u), u.han, u.space_before)
                        for u in line.units),
                  em, space, justified, line.last, index == 0 and not block.continued,
                  grid, page, sum(1 for u in line.units[:-1] if u.hyphenated),
                  bool(line.units) and line.units[-1].hyphenated,
                  bool(line.units) and line.units[0].url, column)
            for index, line in enumerate(lines)]


@contextmanager
def recording(counts: Counts) -> Iterator[None]:
    """Measure every TextBlock drawn while the context is open; each render starts the
    counts afresh (a summary is rendered again until it fits its page: the last counts).
    Page fitting's dry layouts (``Template.dry``) draw nothing and are not counted: the
    last render drawn is the brief's."""
    original, render = pdf_text.TextBlock.draw, pdf_writer._render

    def draw(self: Any) -> None:
        if not getattr(self.canv, "dry", False):
            record(_drawn(self), counts)
        original(self)

    def rendered(*args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("dry"):
            counts.__init__()  # type: ignore[misc]
        return render(*args, **kwargs)

    pdf_text.TextBlock.draw = draw  # type: ignore[method-assign]
    pdf_writer._render = rendered
    try:
        yield
    finally:
        pdf_text.TextBlock.draw = original  # type: ignore[method-assign]
        pdf_writer._render = render


def measure(spec: Path, out: Path,
            configs: Sequence[tuple[str, dict[str, str]]] = CONFIGS) -> dict[str, Counts]:
    """Build each configuration's PDF of ``spec`` into ``out`` and measure it."""
    report = load_report(spec)
    results: dict[str, Counts] = {}
    for name, options in configs:
        counts = Counts()
        with recording(counts):
            build(report, out / f"{spec.stem}.{name.replace(' ', '-')}.pdf",
                  **options)  # type: ignore[arg-type]
        results[name] = counts
    return results


def table(results: dict[str, Counts]) -> str:
    """The measures as a Markdown table."""
    rows = ["| document | kinsoku | broken | mid hyphens | zh lines | zh >15% | zh max "
            "| en lines | en >2× | en max | punct gaps | runts | lines/page | chars/line "
            "| beyond grid |", "|---|" + "---|" * 14]
    for name, c in results.items():
        grid = (f"{max(c.grid_lines.values())} | {c.grid_chars} | {len(c.beyond_grid)}"
                if c.grid_lines else "– | – | –")
        rows.append(f"| {name} | {len(c.kinsoku)} | {len(c.broken)} | {len(c.mid_hyphens)} | "
                    f"{c.zh_lines} | {len(c.zh_loose)} | "
                    f"{c.zh_max:.0%} | {c.en_lines} | {len(c.en_loose)} | {c.en_max:.1f}× | "
                    f"{len(c.punct_gaps)} | {len(c.runts)} | {grid} |")
    return "\n".join(rows)


def details(results: dict[str, Counts]) -> str:
    """Every line counted, document by document."""
    out = []
    for name, c in results.items():
        for title, items in (("kinsoku", c.kinsoku), ("broken", c.broken),
                             ("mid hyphens", c.mid_hyphens), ("zh >15%", c.zh_loose),
                             ("en >2×", c.en_loose), ("punct gaps", c.punct_gaps),
                             ("runts", c.runts), ("beyond grid", c.beyond_grid)):
            out += [f"{name} {title}: {item}" for item in items]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the table (``-v``: every line counted)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("spec", nargs="*", default=[str(ROOT / "specs" / "ningbo-2024.yaml")])
    parser.add_argument("--keep", help="write the PDFs to this folder")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    results: dict[str, Counts] = {}
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(args.keep or scratch)
        out.mkdir(parents=True, exist_ok=True)
        for spec in map(Path, args.spec):
            results |= {f"{spec.stem} {name}": counts
                        for name, counts in measure(spec, out).items()}
    print(table(results))
    if args.verbose:
        print(details(results))
    return 1 if any(c.kinsoku or c.broken for c in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
