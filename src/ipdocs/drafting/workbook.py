"""The figures workbook: one row per figure of a spec, for the statistics office to fill in
with next year's values (``ipdocs figures SPEC -o figures.xlsx``), read back by
``ipdocs draft`` (openpyxl).

Each row shows the figure's id, its labels, its unit and measure, last year's value and
change; the office types the new value (and, where they differ, the unit, the qualifier and
a note). The value cells are text, so what is typed is read exactly as typed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipdocs.i18n import format_number, format_quantity
from ipdocs.model import Figure, Report
from ipdocs.narrative import figure_change
from ipdocs.vocab import QUALIFIERS
from ipdocs.zips import reproducible_zip

SHEET = "figures"


@dataclass(frozen=True)
class Column:
    """A workbook column: the name its header carries, its width, and whether the office
    fills it in."""

    key: str
    header: str
    width: float
    filled: bool = False


COLUMNS = (
    Column("id", "id", 34),
    Column("label_zh", "指标", 36),
    Column("label_en", "indicator", 40),
    Column("last_unit", "上年单位 last unit", 12),
    Column("measure", "measure", 10),
    Column("last", "上年数值 last value", 16),
    Column("last_change", "上年变化 last change", 22),
    Column("value", "value", 16, filled=True),
    Column("unit", "unit", 10, filled=True),
    Column("qualifier", "qualifier", 10, filled=True),
    Column("note", "note", 30, filled=True),
)
"""The columns, in order; ``value``, ``unit``, ``qualifier`` and ``note`` are read back."""

INSTRUCTIONS = (
    "填写 value 列：新一年的数值，照公布的写法（如 71425、610.93）。单位不同于上年时填 unit；"
    "qualifier 填 超、近、约、余、以上、左右 等，或填 - 表示没有；note 可写来源。"
    "没有新数值的行留空：草稿会把它标为沿用上年。",
    "Fill in the value column with the new year's figure as published (71425, 610.93). Give "
    "unit where it differs from last year's; qualifier takes 超, 近, 约, 余, 以上, 左右 …, or "
    "- for none; note may say where the value came from. Leave a row empty when there is no "
    "new value: the draft marks it as last year's.",
)


def last_value(figure: Figure, year: int) -> str:
    """Last year's value as the report wrote it, with its unit and its qualifier where
    Chinese puts it (超1100人, 3个月左右, 17.1万余家), and the year it is of where it was
    itself kept from an earlier year (12593件（2023年数据，沿用 / 2023 value, kept）)."""
    if figure.kind == "rank":
        text = format_number(figure.value, "zh")
    else:
        text = format_quantity(figure.value, figure.unit_def, "zh", qualifier=figure.qualifier)
    if figure.stale:
        of = figure.of_year or year - 1
        text += f"（{of}年数据，沿用 / {of} value, kept）"
    return text


def _row(figure: Figure, lang_change: str, year: int) -> dict[str, str]:
    """The informational cells of one figure."""
    return {
        "id": figure.id or "",
        "label_zh": figure.label.zh,
        "label_en": figure.label.en,
        "last_unit": figure.unit,
        "measure": figure.measure.value,
        "last": last_value(figure, year),
        "last_change": lang_change,
    }


def _fixed_time(report: Report) -> dt.datetime:
    """A fixed creation time, so the same spec gives the same workbook."""
    day = report.published or dt.date(report.year + 1, 1, 1)
    return dt.datetime(day.year, day.month, day.day)


def workbook_bytes(report: Report) -> bytes:
    """The figures workbook of ``report``, as the bytes of an .xlsx file."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    for blank in book.worksheets:
        book.remove(blank)
    sheet = book.create_sheet(SHEET)
    sheet.append([c.header for c in COLUMNS])
    for figure in report.figures.values():
        change = figure_change(figure, "zh") if figure.change else ""
        cells = _row(figure, change, report.year)
        sheet.append([cells.get(c.key, "") for c in COLUMNS])
    _format(sheet, len(report.figures), Font, PatternFill, Alignment)
    _validate(sheet, len(report.figures), DataValidation)
    notes = book.create_sheet("README")
    for line in INSTRUCTIONS:
        notes.append([line])
    notes.column_dimensions["A"].width = 120
    book.properties.created = book.properties.modified = _fixed_time(report)
    book.properties.creator = "ipdocs"
    out = io.BytesIO()
    book.save(out)
    # openpyxl stamps each member with the time of saving: two saves a second apart differ
    return reproducible_zip(out.getvalue())


def _format(sheet: Any, rows: int, font: Any, fill: Any, alignment: Any) -> None:
    """Header bold, columns to fill in tinted and text-formatted, panes frozen."""
    sheet.freeze_panes = "C2"
    tint = fill("solid", fgColor="FFF6D5")
    for index, column in enumerate(COLUMNS, start=1):
        letter = sheet.cell(1, index).column_letter
        sheet.column_dimensions[letter].width = column.width
        sheet.cell(1, index).font = font(bold=True)
        for row in range(2, rows + 2):
            cell = sheet.cell(row, index)
            cell.number_format = "@"
            cell.alignment = alignment(wrap_text=column.key.startswith("label"))
            if column.filled:
                cell.fill = tint


def _letter(key: str) -> str:
    """The column letter of ``key``."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter([c.key for c in COLUMNS].index(key) + 1))


def _validate(sheet: Any, rows: int, validation: Any) -> None:
    """Data validation: a number in the value column, a known qualifier or -."""
    if not rows:
        return
    value = _letter("value")
    numeric = validation(type="custom", allow_blank=True, formula1=(
        f'=OR({value}2="",ISNUMBER(--SUBSTITUTE({value}2,",","")))'))
    numeric.error, numeric.errorTitle = "数值 / a number: 71425, 610.93", "value"
    numeric.add(f"{value}2:{value}{rows + 1}")
    qualifier = _letter("qualifier")
    known = validation(type="list", allow_blank=True,
                       formula1='"' + ",".join(["-", *QUALIFIERS]) + '"')
    known.add(f"{qualifier}2:{qualifier}{rows + 1}")
    sheet.add_data_validation(numeric)
    sheet.add_data_validation(known)


def write_workbook(report: Report, path: Path) -> Path:
    """Write the figures workbook of ``report`` to ``path`` atomically."""
    from ipdocs.files import atomic_write

    return atomic_write(path, workbook_bytes(report))


def _header_keys(cells: tuple[Any, ...]) -> dict[int, str]:
    """Column positions by key, from the header row (the reader's names or the keys)."""
    names = {c.header: c.key for c in COLUMNS} | {c.key: c.key for c in COLUMNS}
    return {i: names.get(str(v).strip(), str(v).strip()) for i, v in enumerate(cells)
            if v is not None and str(v).strip()}


def read_rows(path: Path) -> tuple[dict[int, str], Iterator[tuple[int, dict[str, Any]]]]:
    """The header of a figures workbook (position → key) and its rows as (line, cells by
    key), the informational columns left out."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = _header_keys(next(rows, ()))
    read = {i: k for i, k in header.items() if k in ("id", "value", "unit", "qualifier", "note")}

    def body() -> Iterator[tuple[int, dict[str, Any]]]:
        for line, cells in enumerate(rows, start=2):
            yield line, {key: cells[i] if i < len(cells) else None for i, key in read.items()}
    return read, body()
