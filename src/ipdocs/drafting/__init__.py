"""Next year's spec from this year's and the new figures (``ipdocs draft``).

The new spec keeps the old one's comments and order (ruamel.yaml round trip; a JSON spec
stays JSON). Each figure given a new value keeps its old value in ``history`` (under the
year it is of) and gets its change recomputed in the form of its measure: a count by
percent to the digits the report published, a rate by percentage points, a rank from one
position to another, a duration from → to. Figures without a new value are marked
``stale`` (with the year their value is of); prose is marked ``review`` unless the author
declared it recurring, and any sentence that types a year or a date is marked whatever
it says. Last year's sources stay last year's; a placeholder for the new publication is
marked for review. Every problem of the figures file is located in it: nothing is
dropped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ipdocs.base.problems import Problem, SpecError, error, warning
from ipdocs.base.records import datarecord
from ipdocs.base.vocab import QUALIFIERS, Unit
from ipdocs.checks.consistency import check_relative_years
from ipdocs.drafting.changes import convert, new_change
from ipdocs.drafting.document import dump, load
from ipdocs.drafting.review import review_marks
from ipdocs.drafting.values import NewValue, measure_problems, parse_value, read_figures
from ipdocs.drafting.workbook import workbook_bytes, write_workbook
from ipdocs.loading import load_report, validate_data
from ipdocs.loading.loader import locate
from ipdocs.loading.yamlmarks import read_json, read_yaml
from ipdocs.model import Figure, Report, section_paths
from ipdocs.model.placeholders import shift_years

__all__ = ["Draft", "NewValue", "check_draft", "draft", "final_problems", "parse_value",
           "read_figures", "workbook_bytes", "write_workbook"]

YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@datarecord
class Draft:
    """The new spec's text and what the drafter found."""

    text: str
    stale: list[str]
    review: int
    notes: list[str] = field(default_factory=list)


def _shift_years(text: str, old: int) -> str:
    """Every standalone old year (and the one before it) moved on by one."""
    return YEAR.sub(lambda m: str(int(m.group(1)) + 1) if int(m.group(1)) in (old, old - 1)
                    else m.group(1), text)


def _date(value: Any) -> dt.date | None:
    """A date the spec gives as a date or as ISO text (quoted in YAML, or from JSON)."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def next_year(date: dt.date) -> dt.date:
    """The same date a year on; a month's last day stays its month's last day (29 February
    → 28 February, 28 February 2023 → 29 February 2024)."""
    last = calendar.monthrange(date.year, date.month)[1]
    year = date.year + 1
    days = calendar.monthrange(year, date.month)[1]
    day = days if date.day == last else min(date.day, days)
    return dt.date(year, date.month, day)


def _texts(node: Any) -> Iterator[Any]:
    """Every bilingual text mapping below ``node``."""
    if isinstance(node, Mapping):
        if isinstance(node.get("zh"), str) and isinstance(node.get("en"), str):
            yield node
            return
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)


def _sections(data: Mapping[str, Any]) -> Iterator[Any]:
    """Every section mapping, depth first."""
    stack = list(data.get("sections") or [])
    while stack:
        section = stack.pop(0)
        yield section
        stack[0:0] = list(section.get("sections") or [])


def _paragraphs(data: Mapping[str, Any]) -> Iterator[Any]:
    """The lead's paragraphs and every section's, at any depth."""
    yield from data.get("lead") or []
    for section in _sections(data):
        yield from section.get("paragraphs") or []


def _new_unit(report: Report, figure: Figure, new: NewValue) -> Unit | Problem:
    """The unit of the new value, or a problem located in the figures file."""
    code = new.unit or figure.unit
    units = report_units(report)
    if code not in units:
        return error((figure.id or "", "unit"), f"unknown unit {code!r}").at(new.line, None)
    try:
        convert(figure.value, figure.unit_def, units[code])
    except ValueError as exc:
        return error((figure.id or "", "unit"), str(exc)).at(new.line, None)
    return units[code]


def report_units(report: Report) -> dict[str, Unit]:
    """Every unit the report's figures may use: the shipped ones and the spec's own."""
    from ipdocs.model.report import spec_units

    return spec_units(report.units)


def _qualifier(figure: Figure, new: NewValue) -> str | None:
    """The new value's qualifier: as the figures file gives it, else last year's."""
    if new.qualifier is None:
        return figure.qualifier
    return new.qualifier or None


def _value_problems(report: Report, values: Mapping[str, NewValue]) -> list[Problem]:
    """Every problem of the new values, located in the figures file: unknown ids and
    units, qualifiers, and values their figure cannot take."""
    problems = []
    for fid, new in values.items():
        if fid not in report.figures:
            problems.append(error((fid,), "no such figure in the spec").at(new.line, None))
            continue
        figure = report.figure(fid)
        unit = _new_unit(report, figure, new)
        if isinstance(unit, Problem):
            problems.append(unit)
            continue
        if new.qualifier and new.qualifier not in QUALIFIERS:
            problems.append(error((fid, "qualifier"), f"unknown qualifier {new.qualifier!r}")
                            .at(new.line, None))
            continue
        problems.extend(measure_problems(fid, new, unit))
        problems.extend(p.at(new.line, None) for p in _fits(report, figure, new, unit))
    return problems


def _fits(report: Report, figure: Figure, new: NewValue, unit: Unit) -> list[Problem]:
    """Problems of ``figure`` taking the new value (a rank of 2.5, a value out of bounds)."""
    update = {"value": new.value, "unit": unit.code, "qualifier": _qualifier(figure, new),
              "change": None, "history": {}, "stale": False, "of_year": None, "parts": [],
              "parts_complete": None, "discrepancy": None}
    data = {**figure.model_dump(exclude={"id"}), **update}
    try:
        Report.model_validate({"region": report.region.model_dump(), "year": report.year,
                               "title": report.title.model_dump(),
                               "units": {k: v.model_dump() for k, v in report.units.items()},
                               "figures": {figure.id: data}})
    except ValidationError as exc:
        return [error((figure.id or "", "value"), e["msg"].removeprefix("Value error, "))
                for e in exc.errors(include_url=False)]
    except SpecError as exc:
        return list(exc.problems)
    return []


def _history(node: Any, figure: Figure, unit: Unit, value_year: int,
             old_value: Any) -> dict[Any, Any]:
    """The figure's history in the new unit, with last value under the year it is of."""
    old = figure.unit_def
    history = node.get("history") or {}
    for year in list(history):
        history[year] = convert(figure.history.get(int(year), history[year]), old, unit)
    history[value_year] = old_value
    return history


def _years(figure: Figure, year: int) -> tuple[int, int]:
    """The year ``figure``'s value is of, in the report of ``year``, and the year its new
    value is of: an interim figure of the next year (as_of after the report's year: 1—2月
    of 2023 in the 2022 report) is of its as_of's year, and its new value of the year
    after; a stale value of its ``of_year``; a figure dated in an earlier year (旧存 at
    the end of 2019 in the 2020 report) of that year, and its new value of the next; any
    other of the report's year."""
    if figure.as_of is not None and figure.as_of.year > year:
        return figure.as_of.year, figure.as_of.year + 1
    value_year = _value_year(figure, year)
    return value_year, (year if figure.of_year is not None else value_year) + 1


def _value_year(figure: Figure, year: int) -> int:
    """The year ``figure``'s value is of, in the report of ``year``: its ``of_year``, the
    year of its date where that is earlier than the report's, else the report's."""
    if figure.of_year is not None:
        return figure.of_year
    if figure.as_of is not None and figure.as_of.year < year:
        return figure.as_of.year
    return year


def _update_figure(node: Any, figure: Figure, new: NewValue, unit: Unit,
                   year: int) -> tuple[list[str], bool]:
    """Give one figure its new value; return notes for the reviewer and whether the figure
    needs review."""
    value_year, new_year = _years(figure, year)
    old_value = convert(figure.value, figure.unit_def, unit)
    qualifier = _qualifier(figure, new)
    update = new_change(figure, old_value, new.value, approximate=qualifier is not None,
                        value_year=value_year, year=new_year)
    node["history"] = _history(node, figure, unit, value_year, old_value)
    node["value"] = new.value
    node["unit"] = unit.code
    if figure.since is not None and figure.change is None:
        update.change = None  # a total over years states no change unless the report did
    if update.keep:
        _convert_change(node.get("change"), figure, unit)
    else:
        _set(node, "change", update.change)
    notes, review = list(update.notes), update.review
    if new.qualifier is None and figure.qualifier is not None:
        notes.append(f"{figure.id}: qualifier {figure.qualifier} kept from last year: check it")
        review = True
    _set(node, "qualifier", qualifier)
    for key in ("stale", "of_year"):
        node.pop(key, None)
    if node.pop("discrepancy", None) is not None:
        notes.append(f"{figure.id}: last year's source disagreed with itself (acknowledged); the "
                     "acknowledgement is dropped with the new value")
    _set(node, "draft_note", new.note)
    _set(node, "review", True if review else None)
    return notes, review


def _convert_change(change: Any, figure: Figure, unit: Unit) -> None:
    """A kept change's values in the figure's new unit (a percent needs nothing)."""
    if not isinstance(change, MutableMapping) or figure.change is None:
        return
    for key in ("previous", "increment"):
        value = getattr(figure.change, key)
        if key in change and value is not None:
            change[key] = convert(value, figure.unit_def, unit)


def _set(node: Any, key: str, value: Any) -> None:
    """Set ``key`` of ``node``, or remove it where ``value`` is None."""
    if value is None:
        node.pop(key, None)
    else:
        node[key] = value


def _stale(node: Any, figure: Figure, year: int) -> None:
    """Keep last year's value, marked stale with the year it is of (a stock's date too);
    a figure of a later period (an interim figure of the next year) is dated by its own
    as_of."""
    node["stale"] = True
    _keep_years(node)
    if figure.as_of is not None and figure.as_of.year > year:
        return  # a figure of a later period than the old report's keeps its own date
    node["of_year"] = _value_year(figure, year)
    if figure.kind == "stock" and figure.as_of is None:
        node["as_of"] = dt.date(figure.of_year or year, 12, 31)


def _keep_years(node: Any) -> None:
    """A kept value's texts keep saying the years they said (较{year-1}年 of a 2024 value
    is 较{year-2}年 in the 2025 report): its change's basis, its base, note and
    acknowledged discrepancy."""
    change = node.get("change")
    texts = [change.get("basis") if isinstance(change, MutableMapping) else None,
             *(node.get(key) for key in ("base", "note", "discrepancy"))]
    for text in texts:
        if isinstance(text, MutableMapping):
            for lang, prose in text.items():
                if isinstance(prose, str) and (moved := shift_years(prose, -1)) != prose:
                    text[lang] = type(prose)(moved)  # its quoting style kept


def _move_dates(node: Any, figure: Figure, fresh: bool, year: int) -> None:
    """A fresh value's reference date moves on to the year the new value is of: a year,
    or more from a value kept stale (a stock kept in the 2025 draft and given a value in
    the 2026 one is at the end of 2026, not 2025); a stale one keeps its own."""
    date = _date(node["as_of"]) if "as_of" in node and fresh else None
    if date is None:
        return
    value_year, new_year = _years(figure, year)
    for _ in range(max(1, new_year - value_year)):
        date = next_year(date)
    node["as_of"] = date


def _new_source(data: Any, report: Report) -> None:
    """Keep last year's sources as they are; add a placeholder for the new publication."""
    title = data.get("title") or {}
    entry = {"title": {"zh": f"《{title.get('zh', '')}》", "en": f"“{title.get('en', '')}”"},
             "review": True}
    sources = data.get("sources")
    if sources is None:
        data["sources"] = [entry]
    else:
        sources.insert(0, entry)


def _retitle(data: Any, year: int) -> None:
    """Titles move to the new year (the report's, its subtitle's and its sections')."""
    titled = [data.get("title"), data.get("subtitle"), *(s.get("title") for s in _sections(data))]
    for node in titled:
        for text in _texts(node):
            text["zh"], text["en"] = _shift_years(text["zh"], year), _shift_years(text["en"], year)


def _mark_prose(data: Any) -> int:
    """Mark the prose of the old year for review; the number of paragraphs marked."""
    marked = 0
    for paragraph in _paragraphs(data):
        marks = review_marks(paragraph)
        _set(paragraph, "review", marks if marks else None)
        marked += bool(marks)
    return marked


def draft(previous: str | Path, figures: str | Path) -> Draft:
    """Draft next year's spec from ``previous`` and the figures file; SpecError with every
    problem, located in the file it is in."""
    previous = Path(previous)
    report = load_report(previous)
    values = read_figures(figures)
    problems = _value_problems(report, values)
    if problems:
        raise SpecError(problems, str(figures))
    data = load(previous)
    year = report.year
    data["year"] = year + 1
    _retitle(data, year)
    data.pop("published", None)
    notes, stale = [], []
    units = report_units(report)
    for fid, node in data["figures"].items():
        figure = report.figure(fid)
        _move_dates(node, figure, fid in values, year)
        if figure.note is not None or figure.discrepancy is not None:
            node["note_review"] = True  # last year's words: they may no longer hold
        if fid in values:
            new = values[fid]
            unit = units[new.unit or figure.unit]
            notes += _update_figure(node, figure, new, unit, year)[0]
            if node.get("note") is None and node.get("discrepancy") is None:
                node.pop("note_review", None)  # the acknowledgement went with the value
        else:
            _stale(node, figure, year)
            stale.append(fid)
    _new_source(data, report)
    review = _mark_prose(data)
    return Draft(dump(data, previous), stale, review, notes)


def check_draft(text: str, *, json: bool = False) -> list[Problem]:
    """Every problem of a drafted spec's text (it must load like any spec)."""
    data, marks, problems = (read_json if json else read_yaml)(text)
    if problems:
        return problems
    _, found = validate_data(data)
    return [locate(p, marks) for p in found]


def _review_message(marks: bool | list[int]) -> str:
    """How much of a paragraph is marked."""
    if isinstance(marks, list):
        noun = "sentence" if len(marks) == 1 else "sentences"
        return f"{noun} {', '.join(map(str, marks))} marked for review"
    return "marked for review"


def final_problems(report: Report) -> list[Problem]:
    """What stops a final build: stale figures; figures, paragraphs and sources marked for
    review; paragraphs that name a year relatively (去年, last year)."""
    problems = [warning(("figures", fid, "stale"), f"stale: no new value this year (the value "
                                                    f"is of {figure.of_year or report.year - 1})")
                for fid, figure in report.figures.items() if figure.stale]
    problems += [warning(("figures", fid, "review"), "marked for review (a qualifier or basis "
                                                     "kept from last year)")
                 for fid, figure in report.figures.items() if figure.review]
    problems += [warning(("figures", fid, "note_review"), "the note is last year's: check it "
                                                          "still holds, then clear note_review")
                 for fid, figure in report.figures.items() if figure.note_review]
    for index, paragraph in enumerate(report.lead):
        if paragraph.marked:
            problems.append(warning(("lead", index, "review"), _review_message(paragraph.review)))
    for path, section in section_paths(report.sections):
        for index, paragraph in enumerate(section.paragraphs):
            if paragraph.marked:
                problems.append(warning((*path, "paragraphs", index, "review"),
                                        _review_message(paragraph.review)))
    problems += [warning(("sources", i, "review"), "a placeholder for the new publication: "
                                                   "complete it and clear review")
                 for i, source in enumerate(report.sources) if source.review]
    problems += [warning(path, message) for path, message in check_relative_years(report)]
    return problems
