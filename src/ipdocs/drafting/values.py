"""The new year's values, read from a figures file: CSV, YAML or the figures workbook.

Every problem is located in the figures file (its line, or its row in the workbook), all
at once; nothing is dropped: an id the spec does not know is an error, as is a column or
a key the reader does not know.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ipdocs.loading.yamlmarks import read_yaml
from ipdocs.problems import Problem, SpecError, error

COLUMNS = ("id", "value", "unit", "qualifier", "note")
"""What a figures file may give of each figure: ``id`` and ``value`` are required."""

NO_QUALIFIER = "-"
"""A qualifier cell that says the new value has none (an empty cell keeps last year's)."""


@dataclass(frozen=True)
class NewValue:
    """A figure's value for the new year, as the figures file gives it.

    ``qualifier`` is None where the file says nothing of it, ``""`` where it says the new
    value has none.
    """

    value: Decimal
    unit: str | None = None
    note: str | None = None
    line: int = 0
    qualifier: str | None = None


def parse_value(text: Any, where: str, line: int) -> Decimal | Problem:
    """A Decimal from a cell or a YAML value, written as people write numbers (71,425 and
    71425 alike), or a located problem. Floats from a spreadsheet are read by their
    shortest repr, the number the cell shows."""
    if isinstance(text, bool):
        return error((where,), f"{text!r} is not a number").at(line, None)
    if isinstance(text, float):
        text = repr(text)
    raw = str(text).strip().replace(",", "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return error((where,), f"{str(text).strip()!r} is not a number").at(line, None)
    if not value.is_finite():
        return error((where,), f"{raw!r} is not a finite number").at(line, None)
    return value


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


def _entry(fid: str, row: Mapping[str, Any], line: int,
           seen: dict[str, NewValue]) -> NewValue | Problem:
    """One figure's new value from a row of named cells, or its problem."""
    if not fid:
        return error((), "a row without an id").at(line, None)
    parsed = parse_value(row.get("value", ""), fid, line)
    if isinstance(parsed, Problem):
        return parsed
    if fid in seen:
        return error((fid,), f"given twice (first at line {seen[fid].line})").at(line, None)
    return NewValue(parsed, _text(row.get("unit")), _text(row.get("note")), line,
                    _qualifier(row.get("qualifier")))


def _rows(rows: Iterable[tuple[int, str, Mapping[str, Any]]]
          ) -> tuple[dict[str, NewValue], list[Problem]]:
    """New values from (line, id, cells) rows; every problem found."""
    values: dict[str, NewValue] = {}
    problems: list[Problem] = []
    for line, fid, row in rows:
        entry = _entry(fid, row, line, values)
        if isinstance(entry, Problem):
            problems.append(entry)
        else:
            values[fid] = entry
    return values, problems


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


def read_csv(text: str) -> tuple[dict[str, NewValue], list[Problem]]:
    """``id,value[,unit][,qualifier][,note]`` rows."""
    reader = csv.DictReader(io.StringIO(text))
    problems = _columns(reader.fieldnames or [], 1)
    if problems:
        return {}, problems

    def rows() -> Iterable[tuple[int, str, Mapping[str, Any]]]:
        for row in reader:
            if any((v or "").strip() for v in row.values() if isinstance(v, str)):
                yield reader.line_num, (row.get("id") or "").strip(), row
    return _rows(rows())


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
        rows.append((line, str(fid), fields))
    values, found = _rows(rows)
    return values, [*unknown, *found]


def read_workbook(path: Path) -> tuple[dict[str, NewValue], list[Problem]]:
    """The figures workbook (``ipdocs figures``): its id and new-value columns, and the new
    unit, qualifier and note where filled in; rows without a new value are left out."""
    from ipdocs.drafting.workbook import read_rows

    try:
        header, rows = read_rows(path)
    except (OSError, ValueError, KeyError) as exc:
        return {}, [error((), f"cannot read the workbook: {exc}")]
    problems = _columns(header.values(), 1)
    if problems:
        return {}, problems
    filled = [(line, str(cells.get("id") or "").strip(), cells) for line, cells in rows
              if _text(cells.get("value")) is not None]
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
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise SpecError([error((), f"cannot read the figures: {exc}")], str(path)) from None
        values, problems = (read_csv if suffix == ".csv" else read_mapping)(text)
    if problems:
        raise SpecError(problems, str(path))
    return values
