"""A draft's mark drawn as outlines: its width in font units, characters its face lacks
left out, every glyph traced into one filled path advancing by its width."""

from typing import Any

from ipdocs.writers.pdf.watermark import draw_mark, mark_width, units_per_em


class Path:
    """A stand-in for reportlab's path: the operations traced, with their x."""

    def __init__(self) -> None:
        self.ops: list[tuple[str, float]] = []

    def moveTo(self, x: float, y: float) -> None:  # reportlab's method names
        self.ops.append(("m", x))

    def lineTo(self, x: float, y: float) -> None:
        self.ops.append(("l", x))

    def curveTo(self, *points: float) -> None:
        self.ops.append(("c", points[4]))

    def close(self) -> None:
        self.ops.append(("z", 0.0))


class Canvas:
    """A stand-in for reportlab's canvas: one path, how it was painted."""

    def __init__(self) -> None:
        self.path = Path()
        self.painted: list[dict[str, Any]] = []

    def beginPath(self) -> Path:
        return self.path

    def drawPath(self, path: Path, stroke: int, fill: int) -> None:
        self.painted.append({"path": path, "stroke": stroke, "fill": fill})


def test_widths_in_font_units() -> None:
    em = units_per_em("草稿")
    assert mark_width("草稿") == 2 * em
    assert mark_width("草稿草稿") == 2 * mark_width("草稿")
    assert mark_width("DRAFT") > 0 and mark_width("") == 0
    assert mark_width("草\U00020bb7") == mark_width("草")  # a character the face lacks


def test_the_mark_is_one_filled_path_advancing_glyph_by_glyph() -> None:
    canvas = Canvas()
    draw_mark(canvas, "草稿")
    assert [(p["stroke"], p["fill"]) for p in canvas.painted] == [(0, 1)]
    ops = canvas.path.ops
    assert {kind for kind, _ in ops} >= {"m", "z"} and len(ops) > 10
    xs = [x for kind, x in ops if kind != "z"]
    em = units_per_em("草稿")
    assert min(xs) >= 0 and max(xs) <= 2 * em and max(xs) > em  # the second glyph moved on
