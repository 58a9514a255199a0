"""Brief files as pydantic models, and briefs checked against a report before building.

A brief file names its steps from the registered builders (``BUILDERS``: the shipped
ones, each registering itself, and plugins'); each step's options are checked by a model
made from the builder's own fields (a chart's ``kind`` is growth, bar or years; a limit is
a whole number in range; unknown options are refused). What a step names in the report
(a section, figures) is checked by ``check_builders`` against the report, for a brief
from a file or one made in Python, every problem at once with its step.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import ValidationError

from ipdocs.base.fastyaml import read_yaml
from ipdocs.base.inputs import text_problem
from ipdocs.base.plugins import PluginError, entry_point_names
from ipdocs.base.problems import (
    Marks,
    PathElement,
    Problem,
    SpecError,
    error,
    locate,
    validation_problems,
)
from ipdocs.base.records import datarecord
from ipdocs.model import Report
from ipdocs.sections.chapter import ChapterBuilder
from ipdocs.sections.context import Builder
from ipdocs.sections.figures import FigureTableBuilder
from ipdocs.sections.registry import (
    BUILDERS,
    OPTIONS,
    builder_named,
    options_model,
    register_builder,
)

__all__ = ["BUILDERS", "OPTIONS", "BriefData", "BriefError", "builders_from_data",
           "check_builders", "options_model", "read_brief_file", "register_builder"]

MAX_STEPS = 200
"""Steps in one brief, at most."""
MAX_PAGES = 500
"""The largest page limit a brief may set."""


class BriefError(SpecError, ValueError):
    """A brief that cannot be used: every problem, with the file, line and step; and the
    steps that were read whole (``readable``), which can still be checked against a
    report, so that every problem is told at once."""

    def __init__(self, problems: Iterable[Problem], source: str | None = None,
                 readable: Sequence[Builder] = (), marks: Marks | None = None,
                 steps: Sequence[int] = ()) -> None:
        super().__init__(problems, source)
        self.readable = tuple(readable)
        self.steps = tuple(steps)
        """The readable steps' places in the brief file."""
        self.marks = marks or {}

    def check(self, report: Report) -> list[Problem]:
        """The problems of the readable steps against ``report``, located."""
        return [locate(p, self.marks)
                for p in check_builders(self.readable, report, self.steps)]


def _step(item: Any, index: int) -> tuple[Builder | None, list[Problem]]:
    """One builder from a brief file's step: a name, or a one-key mapping of name to
    options; or the problems that prevent it."""
    where: tuple[PathElement, ...] = ("builders", index)
    options: Any
    if isinstance(item, str):
        name, options = item, {}
    elif isinstance(item, dict) and len(item) == 1:
        name, options = next(iter(item.items()))
        options = {} if options is None else options
    else:
        return None, [error(where, "expected a builder name or {name: {options}}")]
    try:
        found = builder_named(name) if isinstance(name, str) else None
    except PluginError as exc:
        return None, [error(where, str(exc))]
    if found is None:
        known = ", ".join([*BUILDERS, *(n for n in entry_point_names("builders")
                                         if n not in BUILDERS)])
        return None, [error(where, f"unknown builder {name!r}; known: {known}, or a "
                                   "builder class by module path (package.module:Name)")]
    if not isinstance(options, dict):
        return None, [error((*where, name), f"options of {name!r} must be a mapping")]
    cls, model = found
    try:
        valid = model.model_validate(options)
    except ValidationError as exc:
        return None, validation_problems(exc.errors(include_url=False), (*where, name))
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in valid.model_dump().items()}
    return cls(**values), []


@datarecord(frozen=True)
class BriefData:
    """What a brief file describes: its builders, its name, the pages it may fill."""

    builders: list[Builder]
    name: str | None = None
    pages: int | None = None
    steps: tuple[int, ...] = ()
    """Each builder's place among the file's steps (a step that could not be read has
    no builder)."""


def _pages(data: dict[str, Any], problems: list[Problem]) -> int | None:
    """A brief's page limit (``pages``), or None."""
    pages = data.get("pages")
    if pages is None:
        return None
    if isinstance(pages, bool) or not isinstance(pages, int) or not 1 <= pages <= MAX_PAGES:
        problems.append(error(("pages",), f"the pages a brief may fill: a whole number from 1 "
                                          f"to {MAX_PAGES}"))
        return None
    return pages


def builders_from_data(data: Any) -> tuple[BriefData, list[Problem]]:
    """What a brief file's data describes, and every problem in it."""
    if not isinstance(data, dict) or not isinstance(data.get("builders"), list):
        return BriefData([]), [error((), "a brief is a mapping with a 'builders' list")]
    problems = [error((key,), "unknown field (check its spelling)")
                for key in data if key not in ("builders", "name", "pages")]
    name = data.get("name")
    if name is not None and not (isinstance(name, str) and 0 < len(name) <= 100):
        problems.append(error(("name",), "a brief's name is a text of 1 to 100 characters"))
    elif isinstance(name, str) and text_problem(name):
        problems.append(error(("name",), f"a brief's name: {text_problem(name)}"))
    pages = _pages(data, problems)
    steps = data["builders"]
    if not steps or len(steps) > MAX_STEPS:
        problems.append(error(("builders",), f"a brief has 1 to {MAX_STEPS} steps"))
    builders: list[Builder] = []
    places: list[int] = []
    for index, item in enumerate(steps[:MAX_STEPS]):
        builder, found = _step(item, index)
        problems += found
        if builder is not None:
            builders.append(builder)
            places.append(index)
    return BriefData(builders, name if isinstance(name, str) else None, pages,
                     tuple(places)), problems


def read_brief_file(text: str) -> tuple[BriefData, Marks, list[Problem]]:
    """What a brief file describes, its marks and its located problems."""
    data, marks, problems = read_yaml(text, exact=False)
    if problems:
        return BriefData([]), marks, problems
    described, found = builders_from_data(data)
    return described, marks, [locate(p, marks) for p in found]


def _section_ids(report: Report, top_level: bool) -> set[str]:
    """The report's section ids: the top-level ones, or all."""
    return {s.id for s in report.sections} if top_level else {s.id for s in report.walk()}


def _section_problem(builder: Builder, report: Report,
                     where: tuple[PathElement, ...]) -> Problem | None:
    """An error where a builder names a section the report lacks."""
    section = getattr(builder, "section", "")
    top_level = isinstance(builder, ChapterBuilder)
    if not isinstance(section, str) or not section:
        if isinstance(builder, FigureTableBuilder):
            return error((*where, "section"), "figure_table needs a section")
        return None
    if section in _section_ids(report, top_level):
        return None
    kind = "top-level section" if top_level else "section"
    known = sorted(_section_ids(report, top_level))
    return error((*where, "section"), f"no {kind} {section!r} in the report; its "
                                      f"{kind}s: {', '.join(known) or 'none'}")


def check_builders(builders: Sequence[Builder], report: Report,
                   steps: Sequence[int] | None = None) -> list[Problem]:
    """Every place where a brief's steps name a section or figure ``report`` lacks;
    ``steps`` are the builders' places in the brief file when not all could be read."""
    problems = []
    places = steps if steps is not None else range(len(builders))
    for index, builder in zip(places, builders, strict=True):
        where: tuple[PathElement, ...] = ("builders", index, builder.name)
        problem = _section_problem(builder, report, where)
        if problem is not None:
            problems.append(problem)
        for position, fid in enumerate(getattr(builder, "figures", ()) or ()):
            if fid not in report.figures:
                problems.append(error((*where, "figures", position),
                                      f"no figure {fid!r} in the report"))
    return problems
