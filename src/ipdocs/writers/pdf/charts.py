"""Charts drawn as vectors with reportlab.graphics: horizontal bars, labels extractable.

A chart's drawing is kept in the font cache (``drawing``): a later process reads its
shapes instead of importing reportlab's chart widgets and making them again."""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from reportlab import Version as REPORTLAB_VERSION
from reportlab.graphics.shapes import Drawing, Group, UserNode
from reportlab.lib.colors import HexColor

from ipdocs.base import VERSION
from ipdocs.base.kept import remembered
from ipdocs.doc import Chart
from ipdocs.writers.looks import BAR_PITCH, CHART_LABEL_SIZE, COMPACT_BAR_PITCH
from ipdocs.writers.pdf.adapter import shapes_unchecked
from ipdocs.writers.pdf.fonts import Face
from ipdocs.writers.pdf.linebreak import Line, Run, break_lines
from ipdocs.writers.pdf.text import text_width
from ipdocs.writers.subsets import code_digest, face_directory, read_kept, write_kept
from ipdocs.writers.typeset import pieces

if TYPE_CHECKING:
    from reportlab.graphics.charts.barcharts import BarChart

YEARS_HEIGHT, COMPACT_YEARS_HEIGHT = 150.0, 110.0
"""Points: the height of a chart of bars over the years, and of a compact one."""
LABEL_SIZE = CHART_LABEL_SIZE
MAX_LABEL_SHARE = 0.42
PAD = 4.0
LABEL_OFFSET = 3.0


def wrap_label(text: str, face: Face, width: float) -> str:
    """A category label broken into lines that fit ``width`` (Chinese rules apply; an
    amount kept whole: more than 12 months)."""
    def measure(_style: int, piece: str) -> float:
        return text_width(piece, face.name, LABEL_SIZE)

    runs = [Run(piece, keep=whole) for piece, whole in pieces(text)]
    lines = break_lines(runs, [width], measure, space=measure(0, " "), em=LABEL_SIZE,
                        justify=False)
    return "\n".join(_spaced(line) for line in lines)


def _spaced(line: Line) -> str:
    """A label line's text with a space wherever the line breaker leaves a gap: between
    words, and between Han and a Latin letter or digit (PCT 申请量, as the text sets it
    with its quarter-em gap)."""
    out = ""
    for before, unit in zip([None, *line.units], line.units, strict=False):
        if before is not None and unit.x - before.end > 0.1 * LABEL_SIZE:
            out += " "
        out += unit.text
    return out


def _label_width(chart: Chart, face: Face, width: float) -> float:
    """Room for the category labels: the longest one, at most a share of the width."""
    longest = max(text_width(c, face.name, LABEL_SIZE) for c in chart.categories)
    return min(longest + PAD * 2, width * MAX_LABEL_SHARE)


def _style(bars: BarChart, values: list[float], labels: list[str], face: Face,
           colors: tuple[str, str, str]) -> None:
    """What every chart shares: fonts, colours (declines in the fall colour), value labels."""
    accent, fall, muted = colors
    bars.valueAxis.visible = False
    bars.categoryAxis.labels.fontName = face.name
    bars.categoryAxis.labels.fontSize = LABEL_SIZE
    bars.categoryAxis.strokeColor = HexColor("#" + muted)
    bars.bars[0].fillColor = HexColor("#" + accent)
    bars.bars[0].strokeColor = None
    for index, value in enumerate(values):
        if value < 0:
            bars.bars[(0, index)].fillColor = HexColor("#" + fall)
    bars.barLabelArray = [labels]
    bars.barLabelFormat = "values"
    bars.barLabels.fontName = face.name
    bars.barLabels.fontSize = LABEL_SIZE


def _label_room(labels: list[str], values: list[float], face: Face, sign: int) -> float:
    """Room for the value labels beyond the ends of bars on one side of the axis (``sign``
    +1 beyond rises, −1 beyond declines), with their offset and a margin: beyond declines
    an em more, which keeps their labels clear of the category labels left of the plot."""
    widths = [text_width(label, face.name, LABEL_SIZE)
              for label, value in zip(labels, values, strict=True) if value * sign > 0]
    margin = PAD + (LABEL_SIZE if sign < 0 else 0.0)
    return max(widths) + LABEL_OFFSET + margin if widths else PAD


def value_range(values: list[float], length: float, low_room: float,
                high_room: float) -> tuple[float, float]:
    """The value axis's limits so that bars from zero, and ``low_room`` and
    ``high_room`` points beyond the lowest and highest of them, fill ``length`` points."""
    low, high = min(0.0, *values), max(0.0, *values)
    span = (high - low) or 1.0
    scale = max(length - low_room - high_room, length * 0.2) / span
    return low - low_room / scale, high + high_room / scale


def horizontal(chart: Chart, width: float, face: Face, colors: tuple[str, str, str]) -> Drawing:
    """Horizontal bars, first category on top, declines to the left of the axis. The
    category labels stand in a column left of the plot, and every value label beyond its
    bar's end (left of a decline): no text lies over a bar."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart

    series = chart.series[0]
    count = len(chart.categories)
    label_width = _label_width(chart, face, width)
    labels = [wrap_label(c, face, label_width - PAD * 2) for c in chart.categories]
    lines = max(label.count("\n") + 1 for label in labels)
    pitch = max(COMPACT_BAR_PITCH if chart.compact else BAR_PITCH,
                lines * LABEL_SIZE * 1.25 + 4)
    height = count * pitch + PAD * 2
    drawing = Drawing(width, height)
    bars = HorizontalBarChart()
    bars.x, bars.y = label_width, PAD
    bars.width, bars.height = width - label_width, count * pitch
    values, texts = list(reversed(series.values)), list(reversed(series.labels))
    bars.data = [values]
    bars.categoryAxis.categoryNames = list(reversed(labels))
    bars.valueAxis.valueMin, bars.valueAxis.valueMax = value_range(
        values, bars.width, _label_room(texts, values, face, -1),
        _label_room(texts, values, face, 1))
    _style(bars, values, texts, face, colors)
    bars.categoryAxis.labelAxisMode = "low"  # beside the plot, clear of bars below zero
    bars.categoryAxis.labels.textAnchor = "end"
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -PAD
    bars.categoryAxis.labels.leading = LABEL_SIZE * 1.2
    bars.categoryAxis.visibleTicks = False
    bars.barWidth = pitch * 0.6
    bars.groupSpacing = pitch * 0.4
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = LABEL_OFFSET
    drawing.add(bars)
    return drawing


def vertical(chart: Chart, width: float, face: Face, colors: tuple[str, str, str]) -> Drawing:
    """Vertical bars over the years, values on top (below a bar under zero), the years
    under the plot."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    series = chart.series[0]
    height = COMPACT_YEARS_HEIGHT if chart.compact else YEARS_HEIGHT
    drawing = Drawing(width, height)
    bars = VerticalBarChart()
    bars.x, bars.y = PAD * 4, 20
    bars.width, bars.height = width - PAD * 8, height - 40
    bars.data = [list(series.values)]
    bars.categoryAxis.categoryNames = list(chart.categories)
    room = LABEL_SIZE + LABEL_OFFSET + PAD
    low, _ = value_range(list(series.values), bars.height, room, room)
    bars.valueAxis.valueMin = low if min(series.values) < 0 else 0.0
    _style(bars, list(series.values), list(series.labels), face, colors)
    bars.categoryAxis.labelAxisMode = "low"
    bars.barLabels.boxAnchor = "s"
    bars.barLabels.dy = LABEL_OFFSET
    drawing.add(bars)
    return drawing


DRAWINGS_KEPT = 64
"""Drawings a thread remembers (``drawing``)."""


class _Drawings(threading.local):
    """Each drawing with the widgets its shapes came from (their labels read their styles
    from the chart that made them, which must outlive them), a thread's own: drawing a
    drawing changes it (reportlab links its shapes to their parents as it draws them),
    so two threads drawing one at once broke it ('NoneType' object has no attribute
    '_children')."""

    def __init__(self) -> None:
        self.kept: OrderedDict[tuple[Any, ...], tuple[Drawing, list[Any]]] = OrderedDict()


_DRAWINGS = _Drawings()


def drawing(chart: Chart, width: float, face: Face, colors: tuple[str, str, str]) -> Drawing:
    """The chart as a reportlab drawing: years vertical, the other kinds horizontal.

    Remembered by everything it is made of (the chart, the width, the face, which names
    its characters, and the colours), its bars made into shapes once: a rebuild of the
    same report (``ipdocs watch``) and each try of page fitting draw it again as it is.
    Kept in the font cache too (``_kept_drawing``), for a later process.
    """
    return remembered(_DRAWINGS.kept, (chart, width, face.name, colors),
                      lambda: _kept_drawing(chart, width, face, colors), DRAWINGS_KEPT)[0]


DRAWING_KIND = f"reportlab-drawing/{REPORTLAB_VERSION}/{VERSION}/1"
"""What the font cache keeps of a chart (``_kept_drawing``): its drawing's shapes, by
reportlab's and ipdocs' versions (the last part: raise it when what is kept changes)."""

DRAWN_BY = ("ipdocs.writers.pdf.charts", "ipdocs.writers.pdf.linebreak",
            "ipdocs.writers.pdf.text", "ipdocs.writers.typeset", "ipdocs.writers.columns",
            "ipdocs.writers.looks", "ipdocs.base.patterns")
"""The modules whose code a drawing is made by (its shapes and sizes, its labels broken
into lines): their source is part of what a kept drawing is found by (``subsets.code_digest``)."""


def _kept_drawing(chart: Chart, width: float, face: Face, colors: tuple[str, str, str]
                  ) -> tuple[Drawing, list[Any]]:
    """``_drawing``, read from the font cache where a process kept it before, else made
    and kept there (sealed with the user's key, found by all it is made of:
    ``_drawing_inputs``).

    Making a drawing imports reportlab's chart widgets and sets their every attribute
    through reportlab's checks (some 110 M instructions of a cold zh PDF's three charts);
    a kept drawing is its shapes alone (rectangles, lines, strings), read back as they
    were made, before any was drawn."""
    inputs = _drawing_inputs(chart, width, face, colors)
    if inputs is not None:
        kept = read_kept(DRAWING_KIND, inputs)
        picture = None if kept is None else _unpickled_drawing(kept)
        if picture is not None:
            return picture, []
    made = _drawing(chart, width, face, colors)
    if inputs is not None:
        write_kept(DRAWING_KIND, inputs, pickle.dumps(made[0], pickle.HIGHEST_PROTOCOL))
    return made


def _unpickled_drawing(kept: bytes) -> Drawing | None:
    """The drawing kept as ``kept``; None if it cannot be read back (then made again)."""
    try:
        picture = pickle.loads(kept)  # sealed with the user's key: ours
    except (pickle.UnpicklingError, AttributeError, EOFError, ImportError, IndexError,
            TypeError, ValueError):
        return None
    return picture if isinstance(picture, Drawing) else None


def _drawing_inputs(chart: Chart, width: float, face: Face,
                    colors: tuple[str, str, str]) -> bytes | None:
    """All a chart's drawing is made of: the chart (every field, as its ``repr`` spells
    it), the width, the face (its name, which the shapes name it by and which follows
    the characters its subset holds, and the table directory of the bundled face it was
    made from, which its widths are), the colours and the code that makes it
    (``subsets.code_digest`` of ``DRAWN_BY``).
    None where a part cannot be told: a face registered whole (a theme's or the machine's
    own file, which could change under the same name), a face file or source not found;
    its drawing is then not kept."""
    code = code_digest(DRAWN_BY)
    if not face.source or code is None:
        return None
    try:
        made_from = face_directory(face.source)
    except OSError:
        return None
    spelt = repr((chart, width, face.name, face.source, colors)).encode("utf-8")
    return b"\0".join((spelt, made_from, code))


def _drawing(chart: Chart, width: float, face: Face, colors: tuple[str, str, str]
             ) -> tuple[Drawing, list[Any]]:
    """The chart's drawing (see ``drawing``), its chart widget given as the shapes it
    provides, and the widget."""
    import reportlab.graphics.charts.barcharts  # noqa: F401 (imported with shapes checked as ever)

    with shapes_unchecked:
        picture = (vertical if chart.kind == "years" else horizontal)(chart, width, face,
                                                                     colors)
        picture.initialFontName = face.name  # not the default, unembedded Helvetica
        widgets = list(picture.contents)
        picture.contents = [_shapes(node) for node in widgets]
    return picture, widgets


def _shapes(node: Any) -> Any:
    """``node`` as the shapes it is drawn as: a widget (the chart, each of its labels)
    given as the group of shapes it provides, all the way down, so that drawing the
    drawing again draws them as they are (a label's text, box and place worked out
    once)."""
    if isinstance(node, UserNode):
        node = node.provideNode()
    if isinstance(node, Group):
        node.contents = [_shapes(kid) for kid in node.contents]
    return node
