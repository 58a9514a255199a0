"""Charts as inline SVG: horizontal bars (vertical over years), every label text a reader
can select, a title and a description made from the data, the data as a table."""

from __future__ import annotations

from ipdocs.doc import Chart
from ipdocs.writers.columns import is_wide
from ipdocs.writers.html.markup import Element, tag
from ipdocs.writers.html.style import colour
from ipdocs.writers.html.words import word
from ipdocs.writers.html.writer import Writer, kept, said
from ipdocs.writers.typeset import NO_START, spaced_label

WIDTH = 400.0
"""The drawing's width in its own units (it scales to the column, at most 36 rem)."""
SIZE = 12.0
"""Label size in drawing units."""
NARROW = 0.62
"""A Latin character's width in ems, generously (labels are measured, not set)."""
PAD = 6.0
OFFSET = 4.0
LABEL_SHARE = 0.4
PITCH = 24.0


def estimate(value: str) -> float:
    """``value``'s width at SIZE, an em for a wide character, NARROW for the others."""
    return sum(SIZE if is_wide(c) else SIZE * NARROW for c in value)


def wrap(value: str, width: float) -> list[str]:
    """``value`` in lines no wider than ``width``: at spaces, or between Han characters
    (no line starting with a mark that cannot start one)."""
    out: list[str] = []
    line = ""
    for piece in _pieces(value):
        trial = line + piece if line else piece.lstrip()
        if line and estimate(trial) > width and piece.strip()[:1] not in NO_START:
            out.append(line.rstrip())
            line = piece.lstrip()
        else:
            line = trial
    return [*out, line.rstrip()] if line else out or [""]


def _pieces(value: str) -> list[str]:
    """Where a label may break: before each Han character and each word."""
    out: list[str] = []
    for char in value:
        if (out and not is_wide(char) and not is_wide(out[-1][-1]) and char != " " \
                and not out[-1].endswith(" ")) or (out and char == " "):
            out[-1] += char
        else:
            out.append(char)
    return out


def _label(svg: Element, x: float, y: float, value: str, anchor: str) -> None:
    """A text label at (x, y), its lines one under the other around y."""
    rows = value.split("\n")
    element = tag(svg, "text", x=f"{x:.1f}", y=f"{y - (len(rows) - 1) * SIZE * 0.6:.1f}",
                  text_anchor=anchor, dominant_baseline="middle", font_size=f"{SIZE:g}")
    for index, row in enumerate(rows):
        tag(element, "tspan", row, x=f"{x:.1f}", dy="0" if not index else f"{SIZE * 1.2:.1f}")


def _bar(svg: Element, x: float, y: float, width: float, height: float, fill: str) -> None:
    """A bar, drawn only (its value is a label beside it)."""
    tag(svg, "rect", x=f"{x:.1f}", y=f"{y:.1f}", width=f"{max(width, 0.5):.1f}",
        height=f"{height:.1f}", fill=fill)


def horizontal(node: Chart, svg: Element, colours: tuple[str, str, str]) -> float:
    """Horizontal bars, first category on top, declines left of the axis; labels in a
    column left of the plot, spaced as the text is (``typeset.spaced_label``), values
    beyond the bars' ends (beyond a decline an em clear of the labels). Returns the
    height drawn."""
    series = node.series[0]
    longest = max(estimate(spaced_label(c)) for c in node.categories)
    label_width = min(longest + 2 * PAD, WIDTH * LABEL_SHARE)
    names = [wrap(spaced_label(c), label_width - 2 * PAD) for c in node.categories]
    pitch = max(PITCH, max(len(n) for n in names) * SIZE * 1.2 + 8)
    values = list(series.values)
    left = max((estimate(t) + SIZE for t, v in zip(series.labels, values, strict=True)
                if v < 0), default=0.0) + OFFSET + PAD  # an em more: clear of the names
    right = max((estimate(t) for t, v in zip(series.labels, values, strict=True) if v >= 0),
                default=0.0) + OFFSET + PAD
    low, high = min(0.0, *values), max(0.0, *values)
    room = max(WIDTH - label_width - left - right, WIDTH * 0.2)
    scale = room / ((high - low) or 1.0)
    zero = label_width + left + (-low) * scale
    tag(svg, "line", x1=f"{zero:.1f}", x2=f"{zero:.1f}", y1="0",
        y2=f"{len(values) * pitch + PAD:.1f}", stroke=colours[1], stroke_width="1")
    for index, (value, label) in enumerate(zip(values, series.labels, strict=True)):
        middle = PAD / 2 + index * pitch + pitch / 2
        end = zero + value * scale
        _bar(svg, min(zero, end), middle - pitch * 0.3, abs(end - zero), pitch * 0.6,
             colours[0] if value >= 0 else colours[2])
        _label(svg, label_width - PAD, middle, "\n".join(names[index]), "end")
        beyond = end - OFFSET if value < 0 else end + OFFSET
        _label(svg, beyond, middle, label, "end" if value < 0 else "start")
    return len(values) * pitch + PAD


def vertical(node: Chart, svg: Element, colours: tuple[str, str, str]) -> float:
    """Vertical bars over the years, values above (below a bar under zero), the years under
    the plot. Returns the height drawn."""
    series = node.series[0]
    values = list(series.values)
    height, top, bottom = 200.0, SIZE * 2, SIZE * 2.5
    low, high = min(0.0, *values), max(0.0, *values)
    room = height - top - bottom - (SIZE * 2 if low < 0 else 0)
    scale = room / ((high - low) or 1.0)
    zero = top + high * scale
    slot = (WIDTH - 2 * PAD) / len(values)
    tag(svg, "line", x1=f"{PAD:.1f}", x2=f"{WIDTH - PAD:.1f}", y1=f"{zero:.1f}",
        y2=f"{zero:.1f}", stroke=colours[1], stroke_width="1")
    for index, (value, label) in enumerate(zip(values, series.labels, strict=True)):
        centre = PAD + slot * (index + 0.5)
        end = zero - value * scale
        _bar(svg, centre - slot * 0.3, min(zero, end), slot * 0.6, abs(zero - end),
             colours[0] if value >= 0 else colours[2])
        _label(svg, centre, end - SIZE * 0.8 if value >= 0 else end + SIZE * 0.8, label,
               "middle")
        _label(svg, centre, height - SIZE, node.categories[index], "middle")
    return height


def description(node: Chart, w: Writer) -> str:
    """The chart said in words from its data: each category with its value."""
    language = w.language(node.lang)
    says, then, end = (word(k, language) for k in ("says", "then", "end"))
    items = then.join(f"{c}{says}{label}" for c, label in
                      zip(node.categories, node.series[0].labels, strict=True))
    return f"{node.title}{says}{items}{end}"


def data_table(node: Chart, w: Writer, parent: Element) -> None:
    """The chart's data as a table, in a disclosure the reader opens."""
    details = tag(parent, "details")
    tag(details, "summary", word("data", w.language(node.lang)))
    grid = tag(details, "table")
    said(tag(grid, "caption", class_="s-caption"), node.title, node.lang, w)
    head = tag(tag(grid, "thead"), "tr")
    tag(head, "th", word("item", w.language(node.lang)), scope="col",
        class_="al-left s-table-header")
    for series in node.series:
        kept(tag(head, "th", scope="col", class_="al-right s-table-header"), series.name)
    body = tag(grid, "tbody")
    for index, category in enumerate(node.categories):
        row = tag(body, "tr")
        said(tag(row, "th", scope="row", class_="al-left s-table-cell"), category, node.lang,
             w)
        for series in node.series:
            cell = tag(row, "td", class_="al-right s-table-cell short")
            kept(cell, series.labels[index] if index < len(series.labels) else "")


def chart_figure(node: Chart, w: Writer, parent: Element) -> None:
    """A chart as a figure: caption, SVG (title and description from the data), data
    table, source."""
    figure = tag(parent, "figure", class_="chart", lang=w.lang_of(node.lang))
    caption_id = w.unique("chart")
    said(tag(figure, "figcaption", class_="s-caption", id=caption_id), node.title,
         node.lang, w)
    colours = (colour(w.theme, "accent"), colour(w.theme, "rule"), colour(w.theme, "fall"))
    if node.series and node.categories:
        svg = tag(figure, "svg", xmlns="http://www.w3.org/2000/svg", role="img",
                  aria_labelledby=f"{caption_id}-t {caption_id}-d")
        tag(svg, "title", node.title, id=f"{caption_id}-t")
        tag(svg, "desc", description(node, w), id=f"{caption_id}-d")
        draw = vertical if node.kind == "years" else horizontal
        height = draw(node, svg, colours)
        svg.set("viewBox", f"0 0 {WIDTH:g} {height:.1f}")
        data_table(node, w, figure)
    if node.source:
        kept(tag(figure, "p", class_="s-note"), node.source)
