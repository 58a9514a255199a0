"""A paragraph flowable that owns its line breaking (see linebreak.py).

Text never passes through reportlab's Paragraph markup parser, so a spec's ``<img>``,
``<b>`` or ``&`` prints literally and opens nothing.
"""

from __future__ import annotations

import warnings
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ipdocs.base.kept import keep_afresh, remembered, trim
from ipdocs.base.records import datarecord
from ipdocs.writers import RenderWarning
from ipdocs.writers.columns import is_wide
from ipdocs.writers.pdf.adapter import (
    PLACE,
    SAME,
    SHOW,
    PlanStep,
    add_operator,
    begin_line,
    draw_plan,
    draw_text_entries,
    dynamic_font,
    fill_step,
    font_step,
    number,
    page_code,
    plain_canvas,
    plain_origin,
    text_code,
)
from ipdocs.writers.pdf.fonts import Face
from ipdocs.writers.pdf.hyphens import hyphenator
from ipdocs.writers.pdf.keptlayouts import used
from ipdocs.writers.pdf.linebreak import Line, Run, Unit, break_lines, set_alike
from ipdocs.writers.pdf.tagging import (
    Element,
    PieceMarks,
    Segments,
    content,
    piece_marks,
    url_link,
)
from ipdocs.writers.typeset import NARROW_EMS, ragged

__all__ = ["NARROW_EMS", "Look", "Shape", "TextBlock"]


@datarecord(frozen=True)
class Look:
    """How one run is set: face, size and colour."""

    face: Face
    size: float
    color: str = "000000"
    highlight: str | None = None
    tracking: float = 0.0
    """Points added to each Han character's advance (the character grid; see
    ``writers.spacing.tracking``)."""
    italic: bool = False
    """Slanted (the bundled faces have no italic: the glyphs are sheared, ``SLANT``)."""
    link: str | None = None
    """The address the text links to: underlined, and a link annotation over it."""
    lang: str = ""
    """The tag of the language of the text set in this look where it is not the block's
    (a piece of a bilingual title): tagged as a Span in that language. A block with links
    tags its links, and its pieces in other languages are read in the block's language."""


@datarecord(frozen=True)
class Shape:
    """Paragraph geometry: leading, alignment, first-line indent (in ems), spacing."""

    leading: float
    align: str = "left"
    indent: float = 0.0
    before: float = 0.0
    after: float = 0.0
    hyphenate: bool = False
    """Words may be hyphenated (with ``dictionary``)."""
    dictionary: str = "en_US"
    """The pyphen dictionary words hyphenate with (the language's locale names it)."""
    grid: bool = False
    """On the page's character grid: justification keeps Han characters at its pitch."""
    fill: bool = True
    """Loose lines are filled by hyphenating (running text; see ``linebreak.Setting``)."""


@lru_cache(maxsize=256)
def _color(hex_rgb: str) -> Color:
    """A reportlab colour from six hex digits."""
    return HexColor("#" + hex_rgb)


@lru_cache(maxsize=1 << 16)
def text_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` in the registered font ``font`` at ``size`` points.

    Remembered: line breaking measures every Han character on its own, and a report
    repeats a few thousand characters many times. A font's name stands for its
    glyphs (subsets are named by their face and text), so a width never goes stale.
    """
    return float(stringWidth(text, font, size))


@lru_cache(maxsize=1 << 14)
def _wide(char: str) -> bool:
    """Whether ``char`` is full width (``is_wide``), remembered: asked for every
    character set alone."""
    return is_wide(char)


def _single(unit: Unit) -> tuple[int, bool] | None:
    """The look of a unit that is one character in one look, set at its own width (not a
    compressed mark), and whether the character is full width; else None."""
    pieces = unit.pieces
    if len(pieces) == 1 and not unit.trim:
        style, text = pieces[0]
        if len(text) == 1:
            return style, _wide(text)
    return None


def _by_width(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into stretches of full-width characters and of the others."""
    out: list[tuple[str, bool]] = []
    for char in text:
        wide = is_wide(char)
        if out and out[-1][1] == wide:
            out[-1] = (out[-1][0] + char, wide)
        else:
            out.append((char, wide))
    return out


Stretch = tuple[int, int, float, list[tuple[int, str]]]
"""Units ``start`` to ``end`` of a line shown in one go: their character spacing and
pieces (a unit's own, or one piece of an even run's characters)."""


class _Drawn:
    """How a line is drawn, kept with it (``Line.drawn``): its stretches, and the plan of
    its text object (``adapter.draw_plan``) with the looks and the line end it was made
    for (None until made; one tuple, so that threads drawing the same remembered line
    each read a plan with what it was made for)."""

    __slots__ = ("planned", "stretches")

    def __init__(self, stretches: list[Stretch]) -> None:
        self.stretches = stretches
        self.planned: tuple[tuple[Look, ...], bool, list[PlanStep] | None] | None = None


def _stretches(line: Line) -> list[Stretch]:
    """The stretches a line is shown in, worked out once a line: from each unit, the
    units after it that are single characters of its look (``_single``), with no space
    before them and evenly spaced (their gaps within 0.01 pt of the first), shown in one
    go with that gap as the character spacing; any other unit alone. A line a kept
    layout brought may hold them already, as a list (``keptlayouts``)."""
    drawn = line.drawn  # read once: another thread may be drawing the same line
    if type(drawn) is list:
        line.drawn = _Drawn(drawn)
    elif drawn is None:
        units = line.units
        count = len(units)
        looks = list(map(_single, units))
        stretches: list[Stretch] = []
        start = 0
        while start < count:
            look = looks[start]
            end, spacing = start + 1, None
            if look is not None:
                before = units[start]
                while end < count:
                    unit = units[end]
                    if unit.space_before or looks[end] != look:
                        break
                    gap = unit.x - (before.x + before.width)
                    if spacing is not None and abs(gap - spacing) > 0.01:
                        break
                    spacing, before, end = gap, unit, end + 1
            first = units[start]
            pieces = first.pieces if end == start + 1 else \
                [(first.pieces[0][0], "".join([u.pieces[0][1] for u in units[start:end]]))]
            stretches.append((start, end, spacing or 0.0, pieces))
            start = end
        line.drawn = _Drawn(stretches)
    made: list[Stretch] = line.drawn.stretches
    return made


SOFT_HYPHEN = "<FEFF00AD>"
"""A soft hyphen as a PDF text string: what a hyphen added at a line's end stands for."""

SLANT = 0.2
"""The shear of slanted text (about 11 degrees), where the face has no italic."""
UNDERLINE = (0.12, 0.05)
"""A link's underline: how far below the baseline and how thick, as fractions of the size."""

SYNTHETIC_BOLD = 0.035
"""The stroke that emboldens a face without a bold one, as a fraction of the font size."""


def _embolden(text: Any, look: Look, before: Look | None) -> None:
    """Stroke the outlines as well as fill them for a face without a bold one (PDF text
    render mode 2), and go back to filling only after it."""
    if look.face.synthetic_bold:
        text.setTextRenderMode(2)
        text.setStrokeColor(_color(look.color))
        add_operator(text, f"{look.size * SYNTHETIC_BOLD:.3f} w")
    elif before is not None and before.face.synthetic_bold:
        text.setTextRenderMode(0)


LAYOUTS_KEPT = 4096
"""Layouts remembered: a rebuild of the same report (``ipdocs watch``) breaks only the
paragraphs and cells that changed (Ningbo's full brief has about 1,000 in Chinese, 1,800
in English; a layout is a few kilobytes, a long paragraph's some tens)."""
_LAYOUTS: OrderedDict[tuple[Any, ...], list[Line]] = OrderedDict()


def forget_layouts() -> None:
    """Forget every layout remembered (for measuring a first render)."""
    _LAYOUTS.clear()


def _remembered(key: tuple[Any, ...], make: Callable[[], list[Line]]) -> list[Line]:
    """The lines remembered for ``key``, else made and remembered (the least recently
    used forgotten beyond ``LAYOUTS_KEPT``), noted as used by the render under way (to
    be kept on disk: ``keptlayouts``). Lines are never changed once made: a remembered
    list is shared, never altered."""
    lines = remembered(_LAYOUTS, key, make, LAYOUTS_KEPT)
    used(key, lines)
    return lines


def layout_known(key: tuple[Any, ...]) -> list[Line] | None:
    """The lines this process remembers for ``key``, or None (nothing touched: the
    layouts read for a document are remembered next, ``remember_layouts``)."""
    return _LAYOUTS.get(key)


def remember_layouts(layouts: dict[tuple[Any, ...], list[Line]]) -> None:
    """Remember ``layouts`` (lines by key) as if this process had made them (what an
    earlier process kept: ``keptlayouts``), the least recently used forgotten beyond
    ``LAYOUTS_KEPT``. (Lines remembered for a key are the lines made for it: one this
    process made already is as good as one read.)"""
    _LAYOUTS.update(layouts)
    trim(_LAYOUTS, LAYOUTS_KEPT)


WIDTH_DIGITS = 9
"""Decimals of a point by which two widths are told apart. reportlab gives a table's
cell, when it draws it, the width it measured the cell at worked out another way (from
its columns' positions, not their widths), and a document's frames follow their margins
by other sums: the same width a few units in its last place apart (84.77022190408017,
84.77022190408019). A text laid out for one is not laid out again for the other."""


WIDTH_SLACK = 10.0 ** -WIDTH_DIGITS
"""How far apart two widths may be and a block keep the lines it was measured with: a
cell is drawn in the lines its row's height was measured by. (Broken again for a width
one in its last place apart, a text whose candidate lines tie chose between them by the
rounding: a cell of the parallel official edition was measured as 行动 / 之前） and
drawn as 行动之 / 前）. Where the count of lines differed, a row would have been drawn
taller than it was measured.)"""


def same_width(width: float) -> float:
    """``width`` as a remembered layout is known by (see ``WIDTH_DIGITS``)."""
    return round(width, WIDTH_DIGITS)


_SPACE_STEPS: tuple[PlanStep, ...] = ((SAME, "0 Tc", None), (SHOW, " ", None))
"""A line plan's steps for the space before a word: no character spacing, a space."""

STEPS_KEPT = 1024
"""Looks whose font and fill steps a process remembers (``_look_steps``)."""
_STEPS: dict[tuple[str, float, str], tuple[PlanStep, PlanStep]] = {}


def _look_steps(name: str, size: float, color: str) -> tuple[PlanStep, PlanStep]:
    """The plan's steps setting the font ``name`` at ``size`` and the fill ``color`` (six
    hex digits), remembered: the same operators for every line set in a look (a
    report's lines take a few dozen), spelt once."""
    key = (name, size, color)
    steps = _STEPS.get(key)
    if steps is None:
        steps = keep_afresh(_STEPS, key, (font_step(name, size), fill_step(_color(color))),
                            STEPS_KEPT)
    return steps


class TextBlock(Flowable):  # type: ignore[misc]
    """Styled runs laid out in justified lines; splits across frames by whole lines."""

    def __init__(self, runs: Sequence[Run], looks: Sequence[Look], shape: Shape,
                 lines: list[Line] | None = None, *, continued: bool = False) -> None:
        super().__init__()
        self.runs = list(runs)
        self.looks = list(looks)
        self.shape = shape
        self.lines = lines
        self.continued = continued
        self.prelaid = lines is not None
        self.spaceBefore = 0 if continued else shape.before
        self.spaceAfter = shape.after
        self._width = 0.0
        self._warned = False

    def _measure(self, style: int, text: str) -> float:
        """Width of ``text`` in the look ``style``."""
        look = self.looks[style]
        width = text_width(text, look.face.name, look.size)
        if look.tracking:
            width += look.tracking * sum(map(is_wide, text))
        return width

    def _layout(self, width: float) -> list[Line]:
        """Break the runs into lines for ``width`` (or the lines the same text in the same
        looks was broken into before)."""
        first = self.looks[0]
        indent = 0.0 if self.continued else self.shape.indent * first.size
        widths = (width - indent, width)
        justify, hyphenate, grid = self._justified(width), self.shape.hyphenate, self.shape.grid
        fill = self.shape.fill
        text = self._key()
        key = (*text, tuple(map(same_width, widths)), justify,
               hyphenate and self.shape.dictionary, grid, fill)
        return _remembered(key, lambda: self._natural(text, widths[0]) or break_lines(
            self.runs, widths, self._measure, space=self._measure(0, " "), em=first.size,
            justify=justify, hyphenate=hyphenator(self.shape.dictionary) if hyphenate else None,
            grid=grid, fill=fill))

    def _natural(self, text: tuple[Any, ...], width: float) -> list[Line] | None:
        """The text's one line as ``natural_width`` set it, where it has (a table's
        cell is measured so before it is laid out) and breaking the text for ``width``
        would set it alike (``linebreak.set_alike``); else None."""
        lines = _LAYOUTS.get((*text, "natural"))
        if lines and set_alike(lines, width, space=self._measure(0, " "),
                               em=self.looks[0].size):
            return lines
        return None

    def _key(self) -> tuple[Any, ...]:
        """What the breaking of the runs depends on: the text and how each look measures."""
        return (tuple(self.runs),
                tuple((look.face.widths, look.size, look.tracking) for look in self.looks))

    def _justified(self, width: float) -> bool:
        """Whether lines are justified: as the style says, except English in a narrow
        column (fewer than NARROW_EMS ems), set ragged right: too few spaces per line to
        take up the slack without gaps wide enough to see."""
        if self.shape.align != "justify":
            return False
        return not ragged(width, self.looks[0].size, self.shape.hyphenate)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Lay out (once per width; split parts keep their lines) and report the height."""
        if self.lines is None or (abs(availWidth - self._width) > WIDTH_SLACK
                                  and not self.prelaid):
            self.lines = self._layout(availWidth)
            self._width = availWidth
            self._warn_forced(self.lines)
        self.width = availWidth
        self.height = len(self.lines) * self.shape.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """Split by lines, leaving at least two lines on each side."""
        self.wrap(availWidth, availHeight)
        assert self.lines is not None
        fit = int(availHeight // self.shape.leading)
        if fit < 2 or len(self.lines) < 4 or fit >= len(self.lines):
            return []
        fit = min(fit, len(self.lines) - 2)
        head = TextBlock(self.runs, self.looks, self.shape, self.lines[:fit],
                         continued=self.continued)
        head.spaceAfter = 0
        head.toc_entries = getattr(self, "toc_entries", None)  # placed with its first part
        tail = TextBlock(self.runs, self.looks, self.shape, self.lines[fit:], continued=True)
        head.tag = tail.tag = getattr(self, "tag", None)  # both parts one element's content
        head.langs_inline = tail.langs_inline = getattr(self, "langs_inline", False)
        head._width = tail._width = availWidth
        return [head, tail]

    def _warn_forced(self, lines: Sequence[Line]) -> None:
        """Say (once) that a word too long for a line had to be broken where no rule
        allows: the file is made, but a reader should look."""
        forced = [u.text for line in lines for u in line.units if u.forced]
        if forced and not self._warned:
            self._warned = True
            word = "".join(forced)
            snippet = word if len(word) <= 40 else word[:40] + "…"
            warnings.warn(RenderWarning(
                f"a word too long for its line ({len(word)} characters) was broken inside: "
                f"“{snippet}”"), stacklevel=2)

    def _offset(self, line: Line, index: int) -> float:
        """Where the line starts: indent, or the shift of centred and right alignment."""
        first = self.looks[0]
        indent = self.shape.indent * first.size if index == 0 and not self.continued else 0
        if not line.units or self.shape.align not in ("center", "right"):
            return indent
        slack = self.width - line.end
        return slack / 2 if self.shape.align == "center" else slack

    def baseline(self, index: int) -> float:
        """The height of line ``index``'s baseline above the block's foot (once wrapped)."""
        assert self.lines is not None
        first = self.looks[0]
        below = len(self.lines) - 1 - (index % len(self.lines))
        return below * self.shape.leading + (self.shape.leading - first.size) / 2 + \
            first.size * 0.12

    def _marked(self) -> tuple[bool, bool, bool]:
        """Whether any of the block's looks has a highlight, a link, a language of its
        own (worked out once a block: its looks never change)."""
        marked: tuple[bool, bool, bool] | None = self.__dict__.get("_looks_marked")
        if marked is None:
            marked = (any(look.highlight for look in self.looks),
                      any(look.link for look in self.looks),
                      any(look.lang for look in self.looks))
            self._looks_marked = marked
        return marked

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Draw the block at (``x``, ``y``): what reportlab's ``Flowable.drawOn`` writes
        (the graphics state saved, the origin moved, the block drawn, the state
        restored), written without saving and restoring the canvas's own record of its
        state where drawing the block leaves it as it was: no link (whose annotation is
        placed by the canvas's record of where the origin is) and the fill opaque (no
        text of the block sets the opacity)."""
        if not plain_origin(canvas) or getattr(self, "_showBoundary", None) or \
                self._marked()[1]:
            super().drawOn(canvas, x, y, _sW)
            return
        x = self._hAlignAdjust(x, _sW)
        code = page_code(canvas)
        code.append("q")
        code.append(f"1 0 0 1 {number(x)} {number(y)} cm")
        self.canv = canvas
        try:
            self.draw()
        finally:
            del self.canv
        code.append("Q")

    def draw(self) -> None:
        """Draw every line, one text object per line, even runs of Han set in one go: the
        highlights first, then the text, the content of the block's structure element.
        Nothing on a canvas that only lays out (``Template.dry``)."""
        assert self.lines is not None
        if getattr(self.canv, "dry", False):
            return
        y = self.height
        first = self.looks[0]
        placed = []
        for index, line in enumerate(self.lines):
            y -= self.shape.leading
            baseline = y + (self.shape.leading - first.size) / 2 + first.size * 0.12
            placed.append((line, self._offset(line, index), y, baseline))
        highlight, link, lang = self._marked()
        if highlight:
            for line, x0, y, _ in placed:
                self._highlight(line, x0, y)
        if link:
            segments = Segments(self.canv, self)
            for index, (line, x0, _, baseline) in enumerate(placed):
                after = placed[index + 1][0].units if index + 1 < len(placed) else []
                self._draw_line(line, x0, baseline, bool(after) and after[0].space_before,
                                segments=segments)
            return
        marks = piece_marks(self.canv, self) if lang \
            else None
        if marks is not None and marks.element is not None:  # each piece its own item
            self._draw_lines(placed, marks)
            return
        with content(self.canv, self):
            self._draw_lines(placed, marks)

    def _link_of(self, unit: Unit) -> str | None:
        """The address a unit's text links to (its first piece's), or None."""
        return self.looks[unit.pieces[0][0]].link

    def _links(self, line: Line, x0: float, baseline: float,
               elements: Sequence[Element | None]) -> None:
        """Underline each stretch of a line's units that links somewhere and lay a link
        annotation over it, in the structure as part of its Link element."""
        start = 0
        units = line.units
        while start < len(units):
            url = self._link_of(units[start])
            end = start + 1
            while end < len(units) and self._link_of(units[end]) == url \
                    and elements[end] is elements[start]:
                end += 1
            if url is not None:
                look = self.looks[units[start].pieces[0][0]]
                left, right = x0 + units[start].x, x0 + units[end - 1].end
                self.canv.saveState()
                self.canv.setStrokeColor(_color(look.color))
                self.canv.setLineWidth(look.size * UNDERLINE[1])
                self.canv.line(left, baseline - look.size * UNDERLINE[0], right,
                               baseline - look.size * UNDERLINE[0])
                self.canv.restoreState()
                words = "".join((" " if u.space_before and i else "") + "".join(
                    bit for style, bit in u.pieces if self.looks[style].link == url)
                    for i, u in enumerate(units[start:end]))
                url_link(self.canv, elements[start], url,
                         (left, baseline - look.size * 0.3, right, baseline + look.size * 0.9),
                         words)
            start = end

    def _draw_lines(self, placed: Sequence[tuple[Line, float, float, float]],
                    marks: PieceMarks | None) -> None:
        """Every placed line (with the marks of pieces in other languages, if any): by
        its plan (``_plan``) where it has one, else through a text object."""
        looks = tuple(self.looks) if marks is None and plain_canvas(self.canv) else None
        for index, (line, x0, _, baseline) in enumerate(placed):
            after = placed[index + 1][0].units if index + 1 < len(placed) else []
            spaced = bool(after) and after[0].space_before
            plan = self._plan(line, looks, spaced) if looks is not None else None
            if plan is not None:
                draw_plan(self.canv, plan, x0, baseline)
            else:
                self._draw_line(line, x0, baseline, spaced, marks)

    def _plan(self, line: Line, looks: tuple[Look, ...], spaced: bool
              ) -> list[PlanStep] | None:
        """The plan of a line's text object (``adapter.draw_plan``) in ``looks``, made
        on its first drawing and kept with the line for the same looks and line end
        (a remembered layout drawn again); None for a line ``_draw_line`` draws (slanted
        or emboldened text, a font reportlab does not subset), and that kept too."""
        _stretches(line)
        drawn: _Drawn = line.drawn
        planned = drawn.planned
        if planned is not None and planned[1] == spaced and planned[0] == looks:
            return planned[2]
        plan = self._make_plan(line, spaced)
        drawn.planned = (looks, spaced, plan)
        return plan

    def _make_plan(self, line: Line, spaced: bool) -> list[PlanStep] | None:
        """The steps ``_draw_line`` takes for ``line`` with no marks or links, as a plan:
        the operators it writes, where text is placed and what is shown in which font."""
        plan: list[PlanStep] = []
        current: Look | None = None
        units = line.units
        looks = self.looks
        for start, end, spacing, pieces in _stretches(line):
            unit = units[start]
            if start and unit.space_before:
                plan += _SPACE_STEPS
            if looks[unit.pieces[0][0]].italic:
                return None
            plan += [(PLACE, unit.x, None), (SAME, f"{number(spacing)} Tc", None)]
            for position, (style, piece) in enumerate(pieces):
                look = looks[style]
                if look is not current and look != current:  # a block's looks differ
                    if look.face.synthetic_bold or not dynamic_font(look.face.name):
                        return None
                    plan += _look_steps(look.face.name, look.size, look.color)
                    current = look
                if unit.hyphenated and end == start + 1 and position == len(pieces) - 1:
                    plan += [(SHOW, piece[:-1], None),
                             (SAME, f"/Span <</ActualText {SOFT_HYPHEN}>> BDC", None),
                             (SHOW, piece[-1], None), (SAME, "EMC", None)]
                    continue
                if not look.tracking:
                    plan.append((SHOW, piece, None))
                    continue
                for part, wide in _by_width(piece):  # Han characters on the grid's pitch
                    plan += [(SAME, f"{number(spacing + (look.tracking if wide else 0.0))} Tc",
                              None), (SHOW, part, None)]
                plan.append((SAME, f"{number(spacing)} Tc", None))
        plan.append((SAME, "0 Tc", None))
        if spaced and current is not None:
            plan.append((SHOW, " ", None))
        return plan

    def _draw_line(self, line: Line, x0: float, baseline: float, spaced: bool = False,
                   marks: PieceMarks | None = None,
                   segments: Segments | None = None) -> None:
        """One line: consecutive one-character units in one look, evenly spaced, share a
        single text-showing operation with character spacing; the rest go unit by unit.

        The space between two words is shown as a space before the next word is placed (and
        at the line's end when ``spaced``: the next line starts a new word), so the text
        extracts, and is read aloud, as words; a hyphen added at a line's end reads as a
        soft hyphen, so the word extracts whole."""
        text = begin_line(self.canv)
        current: Look | None = None
        units = line.units
        elements: list[Element | None] = [None] * len(units)
        for start, end, spacing, pieces in _stretches(line):
            unit = units[start]
            url = self._link_of(unit)
            lang = self.looks[unit.pieces[0][0]].lang
            if segments is not None and url is None:  # a space between words is plain
                segments.enter(text_code(text), None, lang)
            if start and unit.space_before:
                text.setCharSpace(0)
                text.textOut(" ")
            if segments is not None:
                elements[start:end] = [segments.enter(text_code(text), url, lang)] * \
                    (end - start)
            if self.looks[unit.pieces[0][0]].italic:
                text.setTextTransform(1, 0, SLANT, 1, x0 + unit.x, baseline)
            else:
                text.setTextOrigin(x0 + unit.x, baseline)
            text.setCharSpace(spacing)
            for position, (style, piece) in enumerate(pieces):
                look = self.looks[style]
                if segments is not None and position:  # a word's pieces, linked or not
                    segments.enter(text_code(text), look.link, look.lang)
                if marks is not None:
                    marks.switch(text, look.lang)
                if look != current:
                    text.setFont(look.face.name, look.size)
                    text.setFillColor(_color(look.color))
                    _embolden(text, look, current)
                    current = look
                if unit.hyphenated and end == start + 1 and position == len(pieces) - 1:
                    text.textOut(piece[:-1])
                    add_operator(text, f"/Span <</ActualText {SOFT_HYPHEN}>> BDC")
                    text.textOut(piece[-1])
                    add_operator(text, "EMC")
                    continue
                if not look.tracking:
                    text.textOut(piece)
                    continue
                for part, wide in _by_width(piece):  # Han characters on the grid's pitch
                    text.setCharSpace(spacing + (look.tracking if wide else 0.0))
                    text.textOut(part)
                text.setCharSpace(spacing)
        text.setCharSpace(0)
        if spaced and current is not None:
            text.textOut(" ")
        if current is not None and current.face.synthetic_bold:
            text.setTextRenderMode(0)  # the text state outlives the text object
        if segments is not None:
            segments.close(text_code(text))
            self.canv.drawText(text)
            self._links(line, x0, baseline, elements)
            return
        if marks is None:
            self.canv.drawText(text)
            return
        marks.close(text)
        draw_text_entries(self.canv, text)

    def _highlight(self, line: Line, x0: float, y: float) -> None:
        """Paint a background behind highlighted runs (review marks)."""
        for unit in line.units:
            look = self.looks[unit.pieces[0][0]]
            if look.highlight:
                self.canv.saveState()
                self.canv.setFillColor(_color(look.highlight))
                self.canv.rect(x0 + unit.x, y, unit.width + 0.5, self.shape.leading,
                               stroke=0, fill=1)
                self.canv.restoreState()

    def natural_width(self) -> float:
        """The width of the whole text set on one line, as the line breaker sets it (with
        its quarter-em gaps between Han and Latin); kept with the block (a table's
        fitting asks a cell more than once)."""
        known: float | None = self.__dict__.get("_natural_width")  # no exception raised
        if known is not None:
            return known
        first = self.looks[0]
        lines = _remembered((*self._key(), "natural"), lambda: break_lines(
            self.runs, [float("inf")], self._measure, space=self._measure(0, " "),
            em=first.size, justify=False))
        self._natural_width: float = max((line.end for line in lines), default=0.0)
        return self._natural_width

    def piece_width(self, piece: str) -> float:
        """The width of ``piece`` in the block's first look."""
        return self._measure(0, piece)

    def laid_out(self, lines: list[Line], width: float) -> None:
        """Give the block the lines its text in its looks was broken into for ``width``
        (a table's cell set again as it was last set): a wrap at that width takes them,
        at another breaks the text again."""
        self.lines, self._width = lines, width

    @property
    def plain(self) -> str:
        """The block's text (for outlines and tests; a table's fitting asks it of a cell
        at each measure: joined once)."""
        joined: str | None = self.__dict__.get("_plain")  # no exception raised
        if joined is None:
            joined = self._plain = "".join(run.text for run in self.runs)
        return joined
