"""A draft's mark across every page, drawn as the outlines of its letters: it shows on the
page but is not text, so it never mixes into the text a reader copies or extracts."""

from __future__ import annotations

import io
from functools import cache
from typing import TYPE_CHECKING, Any

from ipdocs.typefaces.bundled import BUNDLED
from ipdocs.writers.subsets import subset_face

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

MARK_FACE = BUNDLED["sans"].bold
"""The face a draft's mark is drawn in: it covers Chinese and Latin letters alike."""


@cache
def _pen_class() -> Any:
    """The fontTools pen that traces a glyph into a reportlab path (quadratic curves
    become cubic ones, as PDF paths have only those). Made on first use: fontTools is
    imported only by a build that draws a mark (some 7 ms of a cold build otherwise)."""
    from fontTools.pens.basePen import BasePen

    class CanvasPen(BasePen):  # type: ignore[misc]
        """Traces into ``path``, shifted right by ``x``."""

        def __init__(self, glyphs: Any, path: Any, x: float) -> None:
            super().__init__(glyphs)
            self.path, self.x = path, x

        def _moveTo(self, p: tuple[float, float]) -> None:
            self.path.moveTo(self.x + p[0], p[1])

        def _lineTo(self, p: tuple[float, float]) -> None:
            self.path.lineTo(self.x + p[0], p[1])

        def _curveToOne(self, p1: tuple[float, float], p2: tuple[float, float],
                        p3: tuple[float, float]) -> None:
            self.path.curveTo(self.x + p1[0], p1[1], self.x + p2[0], p2[1],
                              self.x + p3[0], p3[1])

        def _closePath(self) -> None:
            self.path.close()

    return CanvasPen


@cache
def _font(text: str) -> TTFont:
    """The mark's face reduced to ``text``."""
    from fontTools.ttLib import TTFont

    return TTFont(io.BytesIO(subset_face(MARK_FACE, text)))


def mark_width(text: str) -> float:
    """The width of ``text`` in font units of its face (1000 or 2048 per em: see
    ``units_per_em``)."""
    font = _font(text)
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    return float(sum(metrics[cmap[ord(c)]][0] for c in text if ord(c) in cmap))


def units_per_em(text: str) -> int:
    """The em of the mark's face, in font units."""
    return int(_font(text)["head"].unitsPerEm)


def draw_mark(canvas: Any, text: str) -> None:
    """Trace ``text`` at the origin of ``canvas``'s current transformation, in font units,
    baseline at y = 0, and fill it."""
    font = _font(text)
    glyphs, cmap, metrics = font.getGlyphSet(), font.getBestCmap(), font["hmtx"]
    path, pen = canvas.beginPath(), _pen_class()
    x = 0.0
    for char in text:
        name = cmap.get(ord(char))
        if name is None:
            continue
        glyphs[name].draw(pen(glyphs, path, x))
        x += metrics[name][0]
    canvas.drawPath(path, stroke=0, fill=1)
