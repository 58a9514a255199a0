"""Next year's spec from this year's and the new figures (``ipdocs draft``).

The new spec keeps the old one's comments and order (ruamel.yaml round trip). Each figure
given a new value keeps its old value as ``change.previous`` and in ``history``, and gets
its change recomputed as the report published it (a percent rounded to the same digits,
or an absolute increment); a zero base reads as new. Figures without a new value are
marked ``stale``; paragraphs whose prose belongs to the old year are marked ``review``.
Ids the spec does not know are an error, listed with their lines: nothing is dropped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from ipdocs.i18n import percent_change
from ipdocs.i18n.numbers import fraction_digits, shift
from ipdocs.loading import load_report, validate_data
from ipdocs.loading.loader import locate
from ipdocs.loading.yamlmarks import read_yaml
from ipdocs.model import Figure, Report, section_paths
from ipdocs.model.placeholders import PlaceholderError, figure_refs
from ipdocs.problems import Problem, SpecError, error, warning
from ipdocs.vocab import UNITS, get_unit

YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@dataclass(frozen=True)
class NewValue:
    """A figure's value for the new year, as the figures file gives it."""

    value: Decimal
    unit: str | None = None
    note: str | None = None
    line: int = 0


def _decimal(text: str, where: tuple[str | int, ...], line: int) -> Decimal | Problem:
    """A Decimal from text, or a located problem."""
    try:
        value = Decimal(str(text).strip().replace(",", ""))
    except InvalidOperation:
        return error(where, f"{text!r} is not a number").at(line, None)
    if not value.is_finite():
        return error(where, f"{text!r} is not a finite number").at(line, None)
    return value


def _read_csv(text: str) -> tuple[dict[str, NewValue], list[Problem]]:
    """``id,value[,unit][,note]`` rows."""
    rows = csv.DictReader(io.StringIO(text))
    if not rows.fieldnames or not {"id", "value"} <= set(rows.fieldnames):
        return {}, [error((), "a figures CSV needs the columns id and value").at(1, 1)]
    values: dict[str, NewValue] = {}
    problems: list[Problem] = []
    for row in rows:
        line = rows.line_num
        fid = (row.get("id") or "").strip()
        parsed = _decimal(row.get("value") or "", (fid,), line)
        if isinstance(parsed, Problem):
            problems.append(parsed)
        elif fid in values:
            problems.append(error((fid,), f"given twice (first at line {values[fid].line})")
                            .at(line, None))
        else:
            values[fid] = NewValue(parsed, (row.get("unit") or "").strip() or None,
                                   (row.get("note") or "").strip() or None, line)
    return values, problems


def _read_mapping(text: str) -> tuple[dict[str, NewValue], list[Problem]]:
    """A YAML mapping of ids to values, or to ``{value, unit, note}``."""
    data, marks, problems = read_yaml(text)
    if problems:
        return {}, problems
    if not isinstance(data, Mapping):
        return {}, [error((), "a figures file maps figure ids to values").at(1, 1)]
    values: dict[str, NewValue] = {}
    for fid, entry in data.items():
        line = marks.get((str(fid),), (0, 0))[0]
        fields = entry if isinstance(entry, Mapping) else {"value": entry}
        parsed = _decimal(str(fields.get("value", "")), (str(fid),), line)
        if isinstance(parsed, Problem):
            problems.append(parsed)
            continue
        values[str(fid)] = NewValue(parsed, fields.get("unit"), fields.get("note"), line)
    return values, problems


def read_figures(path: str | Path) -> dict[str, NewValue]:
    """The new values in a CSV or YAML figures file; SpecError listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError([error((), f"cannot read the figures: {exc}")], str(path)) from None
    reader = _read_csv if path.suffix.lower() == ".csv" else _read_mapping
    values, problems = reader(text)
    for fid, new in values.items():
        if new.unit is not None and new.unit not in UNITS:
            problems.append(error((fid,), f"unknown unit {new.unit!r}").at(new.line, None))
    if problems:
        raise SpecError(problems, str(path))
    return values


def _new_change(old: Figure, old_value: Decimal, new_value: Decimal) -> dict[str, Any]:
    """The change the new year states, in the form the old spec published it."""
    change = old.change
    out: dict[str, Any] = {}
    if change is not None and change.verb != "增长":
        out["verb"] = change.verb
    if old_value == 0:
        return {**out, "previous": old_value}
    if change is not None and change.increment is not None and change.percent is None:
        return {**out, "increment": new_value - old_value, "previous": old_value}
    digits = fraction_digits(change.percent) if change and change.percent is not None else 1
    percent = percent_change(new_value, old_value, digits)
    return {**out, "percent": percent, "previous": old_value}


def _convert(value: Decimal, old_unit: str, new_unit: str, fid: str) -> Decimal:
    """An old value in the new unit (万件 → 件), exactly; refuse a different base unit."""
    old, new = get_unit(old_unit), get_unit(new_unit)
    if old.base != new.base:
        raise SpecError([error(("figures", fid, "unit"),
                               f"unit changes from {old_unit} to {new_unit}, which do not "
                               "convert")])
    return shift(value, old.exponent - new.exponent)


def _update_figure(node: CommentedMap, figure: Figure, new: NewValue, year: int) -> list[str]:
    """Give one figure its new value; return notes for the reviewer."""
    notes = []
    unit = new.unit or figure.unit
    old_value = _convert(figure.value, figure.unit, unit, figure.id or "")
    history = node.get("history") or CommentedMap()
    history[year] = old_value
    node["history"] = history
    node["value"] = new.value
    node["unit"] = unit
    node["change"] = _new_change(figure, old_value, new.value)
    if figure.change is not None and figure.change.basis is not None:
        notes.append(f"{figure.id}: change now year on year (was against "
                     f"{figure.change.basis.en})")
    if "qualifier" in node:
        notes.append(f"{figure.id}: qualifier {node['qualifier']} dropped for an exact value")
        del node["qualifier"]
    node.pop("stale", None)
    if new.note:
        node.yaml_add_eol_comment(new.note, "value")
    return notes


def _shift_years(text: str, old: int) -> str:
    """Every standalone old year (and the one before it) moved on by one."""
    return YEAR.sub(lambda m: str(int(m.group(1)) + 1) if int(m.group(1)) in (old, old - 1)
                    else m.group(1), text)


def _texts(node: Any) -> Iterator[CommentedMap]:
    """Every bilingual text mapping below ``node``."""
    if isinstance(node, Mapping):
        if isinstance(node.get("zh"), str) and isinstance(node.get("en"), str):
            yield node  # type: ignore[misc]
            return
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)


def _needs_review(paragraph: Mapping[str, Any], stale: set[str], rebased: set[str]) -> bool:
    """Prose of the old year: no figure at all, a stale or rebased figure, a typed year."""
    try:
        refs = {r.figure for r in figure_refs(paragraph["zh"])}
    except PlaceholderError:
        return True
    return not refs or bool(refs & (stale | rebased)) or bool(YEAR.search(paragraph["zh"]))


def _sections(data: Mapping[str, Any]) -> Iterator[CommentedMap]:
    """Every section mapping, depth first."""
    stack = list(data.get("sections") or [])
    while stack:
        section = stack.pop(0)
        yield section
        stack[0:0] = list(section.get("sections") or [])


def _paragraphs(data: Mapping[str, Any]) -> Iterator[CommentedMap]:
    """The lead's paragraphs and every section's, at any depth."""
    yield from data.get("lead") or []
    for section in _sections(data):
        yield from section.get("paragraphs") or []


@dataclass
class Draft:
    """The new spec's text and what the drafter found."""

    text: str
    stale: list[str]
    review: int
    notes: list[str]


def _yaml() -> YAML:
    """A round-trip YAML reader and writer that writes Decimals as plain numbers."""
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.ignore_aliases = lambda *_: True

    def decimal(representer: Any, value: Decimal) -> Any:
        tag = "int" if value == value.to_integral_value() and fraction_digits(value) == 0 \
            else "float"
        return representer.represent_scalar(f"tag:yaml.org,2002:{tag}", format(value, "f"))

    yaml.representer.add_representer(Decimal, decimal)
    return yaml


def _unknown(values: Mapping[str, NewValue], report: Report, source: str) -> None:
    """Refuse ids the spec does not know, each with its line."""
    unknown = [error((fid,), "no such figure in the spec").at(new.line, None)
               for fid, new in values.items() if fid not in report.figures]
    if unknown:
        raise SpecError(unknown, source)


def draft(previous: str | Path, figures: str | Path) -> Draft:
    """Draft next year's spec from ``previous`` and the figures file."""
    report = load_report(previous)
    values = read_figures(figures)
    _unknown(values, report, str(figures))
    yaml = _yaml()
    data = yaml.load(Path(previous).read_text(encoding="utf-8"))
    year = report.year
    data["year"] = year + 1
    titled = [data.get("title"), data.get("subtitle"), data.get("sources"),
              *(s.get("title") for s in _sections(data))]
    for node in titled:
        for text in _texts(node):
            text["zh"], text["en"] = _shift_years(text["zh"], year), _shift_years(text["en"], year)
    data.pop("published", None)
    notes: list[str] = []
    stale = []
    for fid, node in data["figures"].items():
        if "as_of" in node:
            node["as_of"] = node["as_of"].replace(year=node["as_of"].year + 1)
        if fid in values:
            notes += _update_figure(node, report.figure(fid), values[fid], year)
        else:
            node["stale"] = True
            stale.append(fid)
    rebased = {fid for fid in values if (c := report.figure(fid).change) and c.basis}
    review = 0
    for paragraph in _paragraphs(data):
        if _needs_review(paragraph, set(stale), rebased):
            paragraph["review"] = True
            review += 1
    out = io.StringIO()
    yaml.dump(data, out)
    return Draft(out.getvalue(), stale, review, notes)


def check_draft(text: str) -> list[Problem]:
    """Every problem of a drafted spec's text (it must load like any spec)."""
    data, marks, problems = read_yaml(text)
    if problems:
        return problems
    _, found = validate_data(data)
    return [locate(p, marks) for p in found]


def final_problems(report: Report) -> list[Problem]:
    """What stops a final build: paragraphs marked for review and stale figures."""
    problems = [warning(("figures", fid, "stale"), "stale: no new value this year")
                for fid, figure in report.figures.items() if figure.stale]
    for index, paragraph in enumerate(report.lead):
        if paragraph.review:
            problems.append(warning(("lead", index, "review"), "marked for review"))
    for path, section in section_paths(report.sections):
        for index, paragraph in enumerate(section.paragraphs):
            if paragraph.review:
                problems.append(warning((*path, "paragraphs", index, "review"),
                                        "marked for review"))
    return problems
