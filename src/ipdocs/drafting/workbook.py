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
from pathlib import Path
from typing import Any

from ipdocs.base.records import datarecord
from ipdocs.base.vocab import QUALIFIERS
from ipdocs.base.zips import reproducible_zip
from ipdocs.i18n import format_number, format_quantity
from ipdocs.model import Figure, Report
from ipdocs.sections.narrative import figure_change

SHEET = "figures"


@datarecord(frozen=True)
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
        "measure": str(figure.measure),
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
    fixed = _fixed_time(report)
    book.properties.created = book.properties.modified = fixed
    book.properties.creator = "ipdocs"
    out = io.BytesIO()
    book.save(out)
    # openpyxl stamps each member, and the modified date, with the time of saving: two
    # saves a second apart differed (the flaky test of the clock)
    return reproducible_zip(out.getvalue(), core_date=fixed.strftime("%Y-%m-%dT%H:%M:%SZ"))


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
    from ipdocs.base.files import atomic_write

    return atomic_write(path, workbook_bytes(report))


def _header_keys(cells: tuple[Any, ...]) -> dict[int, str]:
    """Column positions by key, from the header row (the reader's names or the keys)."""
    names = {c.header: c.key for c in COLUMNS} | {c.key: c.key for c in COLUMNS}
    return {i: names.get(str(v).strip(), str(v).strip()) for i, v in enumerate(cells)
            if v is not None and str(v).strip()}


MAX_WORKBOOK_BYTES = 16 * 1024 * 1024
"""The largest workbook file read (a filled-in Ningbo workbook is 20 kB)."""

MAX_UNPACKED_BYTES = 64 * 1024 * 1024
"""The most a workbook's parts may unpack to, in all: a zip bomb is refused unopened."""

MAX_MEMBERS = 1_000
"""The most parts a workbook's zip may hold."""

MAX_ROWS = 10_000
"""The most rows of a figures sheet read (a spec has a few hundred figures)."""

MAX_COLUMNS = 64
"""Columns of a figures sheet read: the workbook has eleven."""


@datarecord(frozen=True)
class Cell:
    """A cell of the figures workbook as read: its value (for a formula, the value the
    spreadsheet saved with it, or None), the formula if it holds one, its number format
    and where it stands (row and column, 1-based)."""

    value: Any
    row: int
    column: int
    formula: str | None = None
    number_format: str = "General"

    @property
    def ref(self) -> str:
        """The cell's reference, as a spreadsheet shows it (H5)."""
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(self.column)}{self.row}"


def check_archive(path: Path) -> None:
    """Refuse, before openpyxl opens it, a workbook that is not a zip, is too large, or
    would unpack to more than ``MAX_UNPACKED_BYTES`` (ValueError saying which)."""
    import zipfile

    size = path.stat().st_size
    if size > MAX_WORKBOOK_BYTES:
        raise ValueError(f"the workbook is {size / 2**20:.1f} MiB; the most read is "
                         f"{MAX_WORKBOOK_BYTES // 2**20} MiB")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise ValueError("not an .xlsx workbook (it is not a zip archive): save it from the "
                         "spreadsheet as .xlsx, or give the figures as CSV") from None
    unpacked = sum(m.file_size for m in members)
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED_BYTES:
        raise ValueError(f"the workbook unpacks to {unpacked / 2**20:,.0f} MiB in "
                         f"{len(members):,} parts; the most read is "
                         f"{MAX_UNPACKED_BYTES // 2**20} MiB in {MAX_MEMBERS:,}")


def _sheet(book: Any) -> Any:
    """The figures sheet of a workbook, else its first."""
    return book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]


def _cell(saved: Any, written: Any, row: int, column: int) -> Cell:
    """One cell from the saved-values view and the formulas view of the same sheet."""
    formula = written.value if getattr(written, "data_type", None) == "f" else None
    return Cell(saved.value, row, column, str(formula) if formula is not None else None,
                str(getattr(saved, "number_format", None) or "General"))


def read_rows(path: Path) -> tuple[dict[int, str], Iterator[tuple[int, dict[str, Cell]]]]:
    """The header of a figures workbook (position → key) and its rows as (line, cells by
    key), the informational columns left out; ValueError for a file that is not a
    workbook or is beyond the bounds above (checked before it is unpacked)."""
    from openpyxl import load_workbook

    check_archive(path)
    books = [load_workbook(path, read_only=True, data_only=only) for only in (True, False)]
    saved_rows, written_rows = (_sheet(book).iter_rows(max_col=MAX_COLUMNS) for book in books)
    header = _header_keys(tuple(c.value for c in next(saved_rows, ())))
    next(written_rows, None)
    read = {i: k for i, k in header.items() if k in ("id", "value", "unit", "qualifier", "note")}

    def body() -> Iterator[tuple[int, dict[str, Cell]]]:
        try:
            for line, (saved, written) in enumerate(zip(saved_rows, written_rows, strict=False),
                                                   start=2):
                if line > MAX_ROWS + 1:
                    raise ValueError(f"more than {MAX_ROWS:,} rows; a figures sheet has one "
                                     "row a figure")
                yield line, {key: _cell(saved[i], written[i] if i < len(written) else None,
                                        line, i + 1) if i < len(saved)
                             else Cell(None, line, i + 1) for i, key in read.items()}
        finally:
            for book in books:
                book.close()
    return read, body()
