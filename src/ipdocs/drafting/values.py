"""The new year's values, read from a figures file: CSV, YAML or the figures workbook.

Every problem is located in the figures file (its line, or its row and column in the
workbook), all at once; nothing is dropped: an id the spec does not know is an error, as
is a column or a key the reader does not know, a row with more fields than the header,
or a control character in a cell.

A value follows the number rule of specs (``ipdocs.model.bounds``), whatever the file:
digits 0-9, a point, thousands separated by commas in groups of three; a leading zero, a
decimal comma, misgrouped thousands, hex or full-width digits are refused. A number cell
of the workbook is read as it shows: a percent-formatted 0.114 is 11.4 (and may only go
to a figure in %), a cell whose format hides digits it holds is refused, and a formula
is read by the value the spreadsheet saved with it (refused when none was saved).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipdocs.base.decimals import without_trailing_zeros
from ipdocs.base.inputs import InputError, read_text, text_problem
from ipdocs.base.problems import Problem, SpecError, error
from ipdocs.base.records import datarecord
from ipdocs.base.vocab import Unit, UnitKind
from ipdocs.loading.yamlmarks import read_yaml
from ipdocs.model.bounds import MAX_SIGNIFICANT, to_number

if TYPE_CHECKING:
    from ipdocs.drafting.workbook import Cell

COLUMNS = ("id", "value", "unit", "qualifier", "note")
"""What a figures file may give of each figure: ``id`` and ``value`` are required."""

NO_QUALIFIER = "-"
"""A qualifier cell that says the new value has none (an empty cell keeps last year's)."""


@datarecord(frozen=True)
class NewValue:
    """A figure's value for the new year, as the figures file gives it.

    ``qualifier`` is None where the file says nothing of it, ``""`` where it says the new
    value has none. ``percent`` says the value came from a percent-formatted cell of the
    workbook (0.114 shown as 11.4%, read as 11.4); ``column`` is its column there.
    """

    value: Decimal
    unit: str | None = None
    note: str | None = None
    line: int = 0
    qualifier: str | None = None
    column: int | None = None
    percent: bool = False


def _float_number(value: float) -> Decimal:
    """A spreadsheet's binary number as the decimal it shows: its shortest repr, to at
    most MAX_SIGNIFICANT (15) significant digits, as spreadsheets keep them
    (0.1 + 0.2 is 0.3, not 0.30000000000000004)."""
    number = Decimal(repr(value))
    if number.is_finite() and not number.is_zero() and len(number.as_tuple().digits) > \
            MAX_SIGNIFICANT:
        number = without_trailing_zeros(
            number.quantize(Decimal(1).scaleb(number.adjusted() - MAX_SIGNIFICANT + 1)))
    return number


def parse_value(text: Any, where: str, line: int, column: int | None = None
                ) -> Decimal | Problem:
    """A Decimal by the number rule of specs (71425, 71,425 and 610.93; not 017, 610,93,
    0x1F or full-width digits) from a cell or a YAML value, or a problem located at
    ``line`` (and ``column``). A float, which only a spreadsheet gives, is read as the
    number it shows."""
    if isinstance(text, float):
        text = _float_number(text)
    try:
        return to_number(text)
    except ValueError as exc:
        return error((where,), str(exc)).at(line, column)


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^]]*\]')
"""What a number format prints as it is: quoted text, an escaped character, [colour]."""


def _format_section(number_format: str) -> str:
    """The section of a number format that positive numbers take, without its literals."""
    return _QUOTED.sub("", number_format.split(";", 1)[0])


def _shown_places(number_format: str) -> int | None:
    """The digits a number format shows after the point, or None where it shows a number
    as it is (General, text)."""
    section = _format_section(number_format)
    if "general" in section.lower() or not re.search("[0#?]", section):
        return None
    after = re.search(r"\.([0#?]+)", section)
    return len(after.group(1)) if after else 0


def _percent(cell: Cell) -> bool:
    """Whether a cell's number format shows it as a percent (×100, with %)."""
    return "%" in _format_section(cell.number_format)


def _number_cell(cell: Cell, where: str) -> tuple[Decimal, bool] | Problem:
    """The number a number cell shows (a percent cell's ×100), and whether it is a
    percent; refused where the format hides digits the cell holds."""
    number = _float_number(float(cell.value)) if isinstance(cell.value, float) else \
        Decimal(cell.value)
    percent = _percent(cell)
    if percent:
        number = number.scaleb(2)
    places = _shown_places(cell.number_format)
    exponent = number.as_tuple().exponent
    if places is not None and isinstance(exponent, int) and -exponent > places:
        sign = "%" if percent else ""
        shown = number.quantize(Decimal(1).scaleb(-places))
        return error((where,), f"cell {cell.ref} shows {shown}{sign} but holds "
                               f"{without_trailing_zeros(number)}{sign}: type the value as "
                               "it should print, or show all its digits"
                     ).at(cell.row, cell.column)
    return number, percent


def cell_value(cell: Cell, where: str) -> tuple[Decimal, bool] | Problem:
    """The value of a workbook's value cell as it shows, and whether it is a percent;
    or a problem at its row and column: a formula with no saved value, a date, a
    number in a form the number rule refuses."""
    at = (cell.row, cell.column)
    if cell.formula is not None and cell.value is None:
        return error((where,), f"cell {cell.ref} holds the formula {cell.formula[:40]} with "
                               "no value saved: type the number, or open the workbook in a "
                               "spreadsheet and save it, which stores the value").at(*at)
    value = cell.value
    if isinstance(value, bool | dt.date | dt.time | dt.timedelta):
        return error((where,), f"cell {cell.ref} holds {value!s}, not a number").at(*at)
    number: Any = str(value).strip()
    percent = False
    if isinstance(value, int | float):
        shown = _number_cell(cell, where)
        if isinstance(shown, Problem):
            return shown
        number, percent = shown
    parsed = parse_value(number, where, *at)
    return parsed if isinstance(parsed, Problem) else (parsed, percent)


NONNEGATIVE = (UnitKind.COUNT, UnitKind.MONEY, UnitKind.WEIGHT, UnitKind.AREA,
               UnitKind.DURATION)
"""Kinds of unit whose values are never below zero (``ipdocs check`` warns of a spec's;
a new value below zero is refused)."""


def measure_problems(fid: str, new: NewValue, unit: Unit) -> list[Problem]:
    """What the figure ``fid``, in ``unit``, cannot take of its new value: a percent cell
    for a figure not in percent (0.114 shown as 11.4%: which was meant?), a count,
    amount, weight, area or duration below zero; each located in the figures file."""
    problems = []
    if new.percent and unit.kind is not UnitKind.PERCENT:
        problems.append(error((fid, "value"), (
            f"the cell is formatted as a percent ({new.value}%), but the figure is in "
            f"{unit.code}: type the number itself, or clear the cell's percent format")))
    if unit.kind in NONNEGATIVE and new.value < 0:
        problems.append(error((fid, "value"), f"a {unit.kind.value} cannot be below zero: "
                                              f"{new.value}{unit.code}"))
    return [p.at(new.line, new.column) for p in problems]


def _text(cell: Any) -> str | None:
    """A text cell, trimmed; None when empty."""
    if cell is None:
        return None
    text = str(cell).strip()
    return text or None


def _qualifier(cell: Any) -> str | None:
    """The qualifier cell: None to keep last year's, ``""`` for none, else the token."""
    text = _text(cell)
    return "" if text == NO_QUALIFIER else text


Read = tuple[Decimal, bool, int | None]
"""A value as read: the number, whether from a percent cell, the column it stands in."""


@datarecord(frozen=True)
class Row:
    """One figure's row of a figures file: its line, its id, its text cells (unit,
    qualifier, note) and its value, read or refused."""

    line: int
    fid: str
    texts: Mapping[str, Any]
    value: Read | Problem


def _text_problems(row: Row) -> list[Problem]:
    """Control characters and overlong texts in the row's id and text cells."""
    problems = []
    for key in ("id", "unit", "qualifier", "note"):
        text = _text(row.texts.get(key))
        problem = text_problem(text) if text else None
        if problem:
            problems.append(error((row.fid or "", key), problem).at(row.line, None))
    return problems


def _entry(row: Row, seen: dict[str, NewValue]) -> NewValue | list[Problem]:
    """One figure's new value from a row, or its problems."""
    problems = _text_problems(row)
    if not row.fid:
        problems.append(error((), "a row without an id").at(row.line, None))
    elif row.fid in seen:
        problems.append(error((row.fid,), f"given twice (first at line {seen[row.fid].line})")
                        .at(row.line, None))
    if isinstance(row.value, Problem):
        problems.append(row.value)
    if problems or isinstance(row.value, Problem):
        return problems
    value, percent, column = row.value
    return NewValue(value, _text(row.texts.get("unit")), _text(row.texts.get("note")),
                    row.line, _qualifier(row.texts.get("qualifier")), column, percent)


def _rows(rows: Iterable[Row]) -> tuple[dict[str, NewValue], list[Problem]]:
    """New values from rows; every problem found."""
    values: dict[str, NewValue] = {}
    problems: list[Problem] = []
    for row in rows:
        entry = _entry(row, values)
        if isinstance(entry, list):
            problems += entry
        else:
            values[row.fid] = entry
    return values, problems


def _plain_value(text: Any, fid: str, line: int) -> Read | Problem:
    """A value of a CSV or YAML figures file, by the number rule."""
    parsed = parse_value(text.strip() if isinstance(text, str) else text, fid or "value", line)
    return parsed if isinstance(parsed, Problem) else (parsed, False, None)


def _columns(names: Iterable[Any], line: int) -> list[Problem]:
    """Problems with a header row: required columns missing, unknown columns."""
    found = [str(n).strip() for n in names if n is not None and str(n).strip()]
    problems = []
    if not {"id", "value"} <= set(found):
        problems.append(error((), "a figures file needs the columns id and value").at(line, 1))
    unknown = [n for n in found if n not in COLUMNS]
    if unknown:
        noun = "column" if len(unknown) == 1 else "columns"
        problems.append(error((), f"unknown {noun} {', '.join(unknown)}; the columns are "
                                  f"{', '.join(COLUMNS)}").at(line, 1))
    return problems


def _extra_fields(row: Mapping[Any, Any], line: int, width: int) -> Problem | None:
    """A row with more fields than the header: an unquoted comma in a note would
    otherwise lose what follows it."""
    extra = row.get(None)
    if not extra:
        return None
    return error((), f"{width + len(extra)} fields where the header has {width} (an unquoted "
                     f"comma? quote the cell: \"see, 约\"); the extra: "
                     f"{', '.join(repr(e) for e in extra)[:80]}").at(line, None)


def read_csv(text: str) -> tuple[dict[str, NewValue], list[Problem]]:
    """``id,value[,unit][,qualifier][,note]`` rows."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    extra: list[Problem] = []
    try:
        problems = _columns(reader.fieldnames or [], 1)
        if problems:
            return {}, problems
        width = len(reader.fieldnames or [])
        for row in reader:
            line = reader.line_num
            wider = _extra_fields(row, line, width)
            if wider:
                extra.append(wider)
            elif any((v or "").strip() for v in row.values() if isinstance(v, str)):
                fid = (row.get("id") or "").strip()
                rows.append(Row(line, fid, row,
                                _plain_value(row.get("value") or "", fid, line)))
    except csv.Error as exc:
        return {}, [error((), f"malformed CSV: {exc}").at(reader.line_num or 1, None)]
    values, found = _rows(rows)
    return values, [*extra, *found]


def read_mapping(text: str) -> tuple[dict[str, NewValue], list[Problem]]:
    """A YAML mapping of ids to values, or to ``{value, unit, qualifier, note}``."""
    data, marks, problems = read_yaml(text)
    if problems:
        return {}, problems
    if not isinstance(data, Mapping):
        return {}, [error((), "a figures file maps figure ids to values").at(1, 1)]
    rows, unknown = [], []
    for fid, entry in data.items():
        line = marks.get((str(fid),), (0, 0))[0]
        fields = entry if isinstance(entry, Mapping) else {"value": entry}
        for key in fields:
            if key not in COLUMNS[1:]:
                where = marks.get((str(fid), str(key)), (line, 0))
                unknown.append(error((str(fid), str(key)), "unknown key; a figure takes value, "
                                     "unit, qualifier and note").at(*where))
        value_line = marks.get((str(fid), "value"), (line, 0))[0]
        rows.append(Row(line, str(fid), fields,
                        _plain_value(fields.get("value", ""), str(fid), value_line)))
    values, found = _rows(rows)
    return values, [*unknown, *found]


def _workbook_row(line: int, cells: Mapping[str, Cell]) -> Row | None:
    """A row of the workbook with a new value, or None where its value cell is empty."""
    cell = cells["value"]
    if cell.formula is None and _text(cell.value) is None:
        return None
    fid = str(_text(cells["id"].value if "id" in cells else None) or "")
    read = cell_value(cell, fid or "value")
    value = read if isinstance(read, Problem) else (read[0], read[1], cell.column)
    return Row(line, fid, {key: c.value for key, c in cells.items()}, value)


def read_workbook(path: Path) -> tuple[dict[str, NewValue], list[Problem]]:
    """The figures workbook (``ipdocs figures``): its id and new-value columns, and the new
    unit, qualifier and note where filled in; rows without a new value are left out."""
    from ipdocs.drafting.workbook import read_rows

    try:
        header, rows = read_rows(path)
        problems = _columns(header.values(), 1)
        if problems:
            return {}, problems
        filled = [row for line, cells in rows if (row := _workbook_row(line, cells))]
    except (OSError, ValueError, KeyError, EOFError) as exc:
        return {}, [error((), f"cannot read the workbook: {exc}")]
    return _rows(filled)


def read_figures(path: str | Path) -> dict[str, NewValue]:
    """The new values in a CSV, YAML or XLSX figures file; SpecError listing every problem,
    located in that file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        values, problems = read_workbook(path)
    else:
        try:
            text = read_text(path)
        except InputError as exc:
            raise SpecError([error((), exc.message).at(exc.line, exc.column)],
                            str(path)) from None
        values, problems = (read_csv if suffix == ".csv" else read_mapping)(text)
    if problems:
        raise SpecError(problems, str(path))
    return values
