"""Figures from flat records: the rows of a spreadsheet, a database query or a pandas
DataFrame (``df.to_dict("records")``) as a report's ``figures``.

Each record is one figure: its ``id``, and its fields under column names that nest with
dots (``label.zh``, ``label.en``, ``value``, ``unit``, ``change.percent``,
``rank.scope.zh``). An empty cell (None, a NaN float, '') gives no field, as a blank cell
means; numbers are read as any figure's are (``bounds.to_number``: a float by its
shortest repr, at most 15 significant digits).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from ipdocs.base.problems import SpecError, error

__all__ = ["figures_from_records"]


def _blank(value: Any) -> bool:
    """Whether a cell is empty: None, '', or a NaN (pandas' empty cell)."""
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _nested(record: Mapping[str, Any]) -> dict[str, Any]:
    """A flat record with dotted column names as nested mappings, empty cells left out."""
    out: dict[str, Any] = {}
    for column, value in record.items():
        if _blank(value) or column == "id":
            continue
        *parents, name = str(column).split(".")
        here = out
        for parent in parents:
            here = here.setdefault(parent, {})
        here[name] = value
    return out


def figures_from_records(records: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The ``figures`` of a report from one record per figure, by id (for
    ``Report.model_validate`` or ``Report(figures=...)``, which check every field);
    SpecError if a record has no id or an id comes twice."""
    figures: dict[str, dict[str, Any]] = {}
    problems = []
    for index, record in enumerate(records):
        fid = record.get("id")
        if _blank(fid) or not isinstance(fid, str):
            problems.append(error(("records", index, "id"), "a figure's record needs its id"))
        elif fid in figures:
            problems.append(error(("records", index, "id"), f"figure id {fid!r} is given "
                                                            "twice"))
        else:
            figures[fid] = _nested(record)
    if problems:
        raise SpecError(problems, "<records>")
    return figures
