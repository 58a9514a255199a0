"""A bar or column chart's DrawingML part and its embedded workbook, written from the
schema (ECMA-376 part 1, 21.2: ``c:chartSpace``) with lxml, and with XlsxWriter.

What is built here is the chart's data and frame: its series with their cached values
and the cells of the workbook they refer to, a bar chart clustered along its direction,
a category axis and a value axis, the value axis hidden, the first category on top of a
horizontal chart. The look (colours, labels, fonts, layout) is added by ``charts``.
The elements built here are indented (two spaces a level, ``etree.indent``); what
``charts`` adds is not.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from lxml import etree

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSMAP = {"c": C, "a": A, "r": R}
SHEET = "Sheet1"
"""The worksheet the chart's references name: XlsxWriter's first sheet."""
NUMBER_FORMAT = "General"
CATEGORY_WIDTH = 10
"""The width of the workbook's category column, in characters."""

Values = Sequence[float]


def _c(parent: etree._Element, name: str, val: object = None) -> etree._Element:
    """Append ``c:name`` to ``parent``, with its ``val`` attribute where given."""
    child = etree.SubElement(parent, f"{{{C}}}{name}")
    if val is not None:
        child.set("val", str(val))
    return child


def column_letters(index: int) -> str:
    """A worksheet column's letters from its index counted from 0: A, ..., Z, AA, ..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _reference(column: int, first: int, last: int | None = None) -> str:
    """A formula naming cells of one column (rows counted from 1): Sheet1!$B$2:$B$9."""
    cell = f"${column_letters(column)}${first}"
    if last is None:
        return f"{SHEET}!{cell}"
    return f"{SHEET}!{cell}:${column_letters(column)}${last}"


def _points(cache: etree._Element, texts: Sequence[str]) -> None:
    """A cache's point count and one ``c:pt`` per text."""
    _c(cache, "ptCount", len(texts))
    for index, text in enumerate(texts):
        point = _c(cache, "pt")
        point.set("idx", str(index))
        _c(point, "v").text = text


def _string_ref(parent: etree._Element, formula: str, texts: Sequence[str]) -> None:
    """A ``c:strRef``: cells of text and their cached values."""
    ref = _c(parent, "strRef")
    _c(ref, "f").text = formula
    _points(_c(ref, "strCache"), texts)


def _number_ref(parent: etree._Element, formula: str, values: Values) -> None:
    """A ``c:numRef``: cells of numbers, their number format and cached values (each as
    Python prints it: a value the data wrote as 1.50 is cached as 1.50)."""
    ref = _c(parent, "numRef")
    _c(ref, "f").text = formula
    cache = _c(ref, "numCache")
    _c(cache, "formatCode").text = NUMBER_FORMAT
    _points(cache, [str(value) for value in values])


def _series(bar: etree._Element, index: int, name: str, categories: Sequence[str],
            values: Values) -> None:
    """One ``c:ser``: its name, the categories and its values, each referring to the
    workbook (the categories in column A, the series in the columns after it)."""
    ser = _c(bar, "ser")
    _c(ser, "idx", index)
    _c(ser, "order", index)
    _string_ref(_c(ser, "tx"), _reference(index + 1, 1), [name])
    last = len(categories) + 1
    _string_ref(_c(ser, "cat"), _reference(0, 2, last), categories)
    _number_ref(_c(ser, "val"), _reference(index + 1, 2, last), values)


def _axis(plot: etree._Element, tag: str, own: int, orientation: str | None,
          children: Sequence[tuple[str, object]]) -> None:
    """An axis ``tag`` of id ``own``: its scaling (in ``orientation`` where given), then
    ``children`` in order (name and value)."""
    axis = _c(plot, tag)
    _c(axis, "axId", own)
    scaling = _c(axis, "scaling")
    if orientation is not None:
        _c(scaling, "orientation", orientation)
    for name, val in children:
        _c(axis, name, val)


def _category_axis(plot: etree._Element, ids: tuple[int, int], horizontal: bool) -> None:
    """The category axis: left of a horizontal chart (its first category on top), below
    a column chart; its labels at the low end of the value axis, clear of bars below
    zero."""
    _axis(plot, "catAx", ids[0], "maxMin" if horizontal else "minMax", (
        ("delete", 0), ("axPos", "l" if horizontal else "b"), ("majorTickMark", "out"),
        ("minorTickMark", "none"), ("tickLblPos", "low"), ("crossAx", ids[1]),
        ("crosses", "autoZero"), ("auto", 1), ("lblAlgn", "ctr"), ("lblOffset", 100),
        ("noMultiLvlLbl", 0)))


def _value_axis(plot: etree._Element, ids: tuple[int, int], horizontal: bool) -> None:
    """The value axis, deleted (hidden: the data labels carry the numbers), without
    gridlines."""
    _axis(plot, "valAx", ids[1], None, (
        ("delete", 1), ("axPos", "b" if horizontal else "l"), ("majorTickMark", "out"),
        ("minorTickMark", "none"), ("tickLblPos", "nextTo"), ("crossAx", ids[0]),
        ("crosses", "autoZero")))


def bar_chart_space(categories: Sequence[str], series: Sequence[tuple[str, Values]],
                    horizontal: bool, axis_ids: tuple[int, int]) -> etree._Element:
    """A ``c:chartSpace`` with a clustered bar chart (``horizontal``) or column chart of
    ``series`` (name and values) over ``categories``, its title left out, its axes
    ``axis_ids`` (category, value); indented."""
    space = etree.Element(f"{{{C}}}chartSpace", nsmap=NSMAP)
    _c(space, "date1904", 0)
    chart = _c(space, "chart")
    _c(chart, "autoTitleDeleted", 1)
    plot = _c(chart, "plotArea")
    bar = _c(plot, "barChart")
    _c(bar, "barDir", "bar" if horizontal else "col")
    _c(bar, "grouping", "clustered")
    for index, (name, values) in enumerate(series):
        _series(bar, index, name, categories, values)
    for axis in axis_ids:
        _c(bar, "axId", axis)
    _category_axis(plot, axis_ids, horizontal)
    _value_axis(plot, axis_ids, horizontal)
    _c(chart, "dispBlanksAs", "gap")
    etree.indent(space, "  ")
    return space


def chart_workbook(categories: Sequence[str], series: Sequence[tuple[str, Values]]) -> bytes:
    """The workbook a chart's references name (``bar_chart_space``): the categories in
    column A from row 2, each series' name in row 1 and its values below it."""
    from xlsxwriter import Workbook  # only for a chart: some 90 M instructions

    stream = io.BytesIO()
    book = Workbook(stream, {"in_memory": True})
    sheet = book.add_worksheet(SHEET)
    general = book.add_format({"num_format": NUMBER_FORMAT})
    sheet.set_column(0, 0, CATEGORY_WIDTH)
    for row, category in enumerate(categories, start=1):
        sheet.write_string(row, 0, category, general)
    for column, (name, values) in enumerate(series, start=1):
        sheet.write_string(0, column, name)
        for row, value in enumerate(values, start=1):
            sheet.write_number(row, column, value, general)
    book.close()
    return stream.getvalue()
