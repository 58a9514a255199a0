"""A paragraph flowable that owns its line breaking (see linebreak.py).

Text never passes through reportlab's Paragraph markup parser, so a spec's ``<img>``,
``<b>`` or ``&`` prints literally and opens nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ipdocs.writers.pdf.fonts import Face
from ipdocs.writers.pdf.linebreak import Line, Run, break_lines


@dataclass(frozen=True)
class Look:
    """How one run is set: face, size and colour."""

    face: Face
    size: float
    color: str = "000000"
    highlight: str | None = None


@dataclass(frozen=True)
class Shape:
    """Paragraph geometry: leading, alignment, first-line indent (in ems), spacing."""

    leading: float
    align: str = "left"
    indent: float = 0.0
    before: float = 0.0
    after: float = 0.0


def _color(hex_rgb: str) -> Color:
    """A reportlab colour from six hex digits."""
    return HexColor("#" + hex_rgb)


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

    def _measure(self, style: int, text: str) -> float:
        """Width of ``text`` in the look ``style``."""
        look = self.looks[style]
        return float(stringWidth(text, look.face.name, look.size))

    def _layout(self, width: float) -> list[Line]:
        """Break the runs into lines for ``width``."""
        first = self.looks[0]
        indent = 0.0 if self.continued else self.shape.indent * first.size
        space = self._measure(0, " ")
        return break_lines(self.runs, [width - indent, width], self._measure, space=space,
                           em=first.size, justify=self.shape.align == "justify")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Lay out (once per width; split parts keep their lines) and report the height."""
        if self.lines is None or (availWidth != self._width and not self.prelaid):
            self.lines = self._layout(availWidth)
            self._width = availWidth
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
        tail = TextBlock(self.runs, self.looks, self.shape, self.lines[fit:], continued=True)
        head._width = tail._width = availWidth
        return [head, tail]

    def _offset(self, line: Line, index: int) -> float:
        """Where the line starts: indent, or the shift of centred and right alignment."""
        first = self.looks[0]
        indent = self.shape.indent * first.size if index == 0 and not self.continued else 0
        if not line.units or self.shape.align not in ("center", "right"):
            return indent
        end = line.units[-1].x + line.units[-1].width
        slack = self.width - end
        return slack / 2 if self.shape.align == "center" else slack

    def draw(self) -> None:
        """Draw every line, one text object per line."""
        assert self.lines is not None
        canvas = self.canv
        y = self.height
        first = self.looks[0]
        for index, line in enumerate(self.lines):
            y -= self.shape.leading
            baseline = y + (self.shape.leading - first.size) / 2 + first.size * 0.12
            x0 = self._offset(line, index)
            self._highlight(line, x0, y)
            text = canvas.beginText()
            for unit in line.units:
                text.setTextOrigin(x0 + unit.x, baseline)
                for style, piece in unit.pieces:
                    look = self.looks[style]
                    text.setFont(look.face.name, look.size)
                    text.setFillColor(_color(look.color))
                    text.textOut(piece)
            canvas.drawText(text)

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

    @property
    def plain(self) -> str:
        """The block's text (for outlines and tests)."""
        return "".join(run.text for run in self.runs)
