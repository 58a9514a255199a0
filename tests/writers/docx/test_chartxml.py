"""A chart's DrawingML part and its workbook, built from the schema (``chartxml``)."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from lxml import etree
from openpyxl import load_workbook

from ipdocs.writers.docx.chartxml import (
    C,
    bar_chart_space,
    chart_workbook,
    column_letters,
)

NS = {"c": C}
CATEGORIES = ["甲 & <乙>", "PCT 申请量", "2021"]
SERIES = [("专利", (1.5, -2.0, 30)), ("商标", (Decimal("1.50"), 0.0, 4))]


@pytest.mark.parametrize(("index", "letters"),
                         [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (51, "AZ"),
                          (52, "BA"), (701, "ZZ"), (702, "AAA")])
def test_column_letters(index: int, letters: str) -> None:
    assert column_letters(index) == letters


def cells(book: bytes) -> dict[str, object]:
    """The workbook's cells that hold a value, by reference (Sheet1!$B$2)."""
    sheet = load_workbook(io.BytesIO(book))["Sheet1"]
    return {f"Sheet1!${c.column_letter}${c.row}": c.value
            for row in sheet.iter_rows() for c in row if c.value is not None}


def referred(formula: str) -> list[str]:
    """The single cells a formula names: Sheet1!$B$2:$B$4 -> three references."""
    found = re.fullmatch(r"Sheet1!\$([A-Z]+)\$(\d+)(?::\$\1\$(\d+))?", formula)
    assert found is not None, formula
    column, first, last = found.group(1), int(found.group(2)), found.group(3)
    return [f"Sheet1!${column}${row}" for row in range(first, int(last or first) + 1)]


def test_every_reference_names_the_cells_that_hold_its_cached_values() -> None:
    """Each series' name, categories and values: the cells its formula names in the
    workbook hold what the chart caches (Word shows the cache; Edit Data opens the
    cells), and every cell is named by some reference."""
    space = bar_chart_space(CATEGORIES, SERIES, True, (1, 2))
    held = cells(chart_workbook(CATEGORIES, SERIES))
    named = set()
    refs = space.findall(".//c:strRef", NS) + space.findall(".//c:numRef", NS)
    assert len(refs) == 3 * len(SERIES)
    for ref in refs:
        names = referred(ref.findtext("c:f", namespaces=NS) or "")
        points = ref.findall("*/c:pt", NS)
        count = ref.find("*/c:ptCount", NS)
        assert count is not None and count.get("val") == str(len(names))
        assert [p.get("idx") for p in points] == [str(i) for i in range(len(names))]
        for name, point in zip(names, points, strict=True):
            cached = point.findtext("c:v", namespaces=NS)
            if ref.tag.endswith("numRef"):
                assert float(cached or "") == held[name]
            else:
                assert cached == held[name]
        named.update(names)
    assert named == set(held)


def test_values_are_cached_as_they_print() -> None:
    """1.50 stays 1.50 (its cache tells equal values that print apart), a float as
    Python prints it."""
    space = bar_chart_space(CATEGORIES, SERIES, True, (1, 2))
    values = [v.text for v in space.iterfind(".//c:val//c:v", NS)]
    assert values == ["1.5", "-2.0", "30", "1.50", "0.0", "4"]


@pytest.mark.parametrize(("horizontal", "direction", "orientation", "positions"),
                         [(True, "bar", "maxMin", ["l", "b"]),
                          (False, "col", "minMax", ["b", "l"])])
def test_bars_or_columns(horizontal: bool, direction: str, orientation: str,
                         positions: list[str]) -> None:
    """Bars with the first category on top and its axis on the left, or columns from
    the left with theirs below; the axes cross each other by their ids."""
    space = bar_chart_space(CATEGORIES, SERIES[:1], horizontal, (7, 8))

    def val(path: str) -> list[str | None]:
        return [e.get("val") for e in space.iterfind(path, NS)]

    assert val(".//c:barDir") == [direction]
    assert val(".//c:grouping") == ["clustered"]
    assert val(".//c:catAx/c:scaling/c:orientation") == [orientation]
    assert val(".//c:axPos") == positions
    assert val(".//c:barChart/c:axId") == ["7", "8"]
    assert val(".//c:catAx/c:axId") + val(".//c:catAx/c:crossAx") == ["7", "8"]
    assert val(".//c:valAx/c:axId") + val(".//c:valAx/c:crossAx") == ["8", "7"]
    assert val(".//c:valAx/c:delete") == ["1"]


def test_the_part_is_indented_two_spaces_a_level() -> None:
    space = bar_chart_space(["甲"], [("量", (1.0,))], True, (1, 2))
    text = etree.tostring(space, encoding="unicode")
    assert "\n  <c:chart>\n    <c:autoTitleDeleted val=\"1\"/>\n    <c:plotArea>" in text
    assert text.endswith("</c:chart>\n</c:chartSpace>")


def test_the_workbook_writes_text_as_text() -> None:
    """A category that reads like a formula or a number stays the text it is."""
    book = chart_workbook(["=1+1", "2021"], [("=A1", (1.0, 2.0))])
    assert cells(book) == {"Sheet1!$A$2": "=1+1", "Sheet1!$A$3": "2021",
                           "Sheet1!$B$1": "=A1", "Sheet1!$B$2": 1, "Sheet1!$B$3": 2}
    sheet = load_workbook(io.BytesIO(book))["Sheet1"]
    assert [sheet[c].data_type for c in ("A2", "A3", "B1", "B2")] == ["s", "s", "s", "n"]
