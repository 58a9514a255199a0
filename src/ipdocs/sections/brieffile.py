"""Brief files as pydantic models, and briefs checked against a report before building.

A brief file names its steps from a closed vocabulary (``BUILDERS``); each step's
options are a model of their own (a chart's ``kind`` is growth, bar or years; a limit is
a whole number in range; unknown options are refused). What a step names in the report
(a section, figures) is checked by ``check_builders`` against the report, for a brief
from a file or one made in Python, every problem at once with its step.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar, get_args, get_origin, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from ipdocs.fastyaml import read_yaml
from ipdocs.inputs import MAX_TEXT_CHARS
from ipdocs.model import Report
from ipdocs.model.bounds import MAX_SECTION_DEPTH
from ipdocs.plugins import (
    PluginError,
    entry_point_names,
    from_entry_point,
    from_module_path,
    is_module_path,
)
from ipdocs.problems import (
    Marks,
    PathElement,
    Problem,
    SpecError,
    error,
    locate,
    validation_problems,
)
from ipdocs.sections.blocks import (
    ContentsBuilder,
    CoverBuilder,
    LeadBuilder,
    PageBreakBuilder,
    SourcesBuilder,
)
from ipdocs.sections.chapter import ChapterBuilder
from ipdocs.sections.charts import ChartBuilder
from ipdocs.sections.context import Builder
from ipdocs.sections.figures import FigureTableBuilder, KeyFiguresBuilder
from ipdocs.sections.glossary import GlossaryBuilder
from ipdocs.sections.yearly import HighlightsBuilder, YearOverYearBuilder

BUILDERS: dict[str, type[Builder]] = {
    cls.name: cls
    for cls in (CoverBuilder, LeadBuilder, KeyFiguresBuilder, ChapterBuilder,
                FigureTableBuilder, ContentsBuilder, GlossaryBuilder, SourcesBuilder,
                PageBreakBuilder, ChartBuilder, HighlightsBuilder, YearOverYearBuilder)
}
"""Every builder by the name a brief file uses: the shipped ones, and those registered
(``register_builder``)."""

BuilderT = TypeVar("BuilderT", bound=Builder)

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


class _Options(BaseModel):
    """A step's options: unknown ones refused, no type coercion."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


Ids = Annotated[list[Annotated[str, Field(min_length=1, max_length=200)]],
                Field(max_length=500)]
Title = Annotated[str, Field(max_length=MAX_TEXT_CHARS)]


class NoOptions(_Options):
    """A step that takes no options."""


class ContentsOptions(_Options):
    """``contents``: how many heading levels it lists."""

    depth: int = Field(2, ge=1, le=MAX_SECTION_DEPTH)


class ChapterOptions(_Options):
    """``chapters``: one top-level section, or every one."""

    section: str = ""
    charts: bool = False


class FigureTableOptions(_Options):
    """``figure_table``: a section's figures as a table."""

    section: str = Field(min_length=1)
    deep: bool = True


class FiguresOptions(_Options):
    """``key_figures``, ``year_over_year``: figures by id (default: the builder's own)."""

    figures: Ids = Field(default_factory=list)


class HighlightsOptions(FiguresOptions):
    """``highlights``: figures and how many rises and falls it names."""

    limit: int = Field(3, ge=1, le=20)


class ChartOptions(FiguresOptions):
    """``chart``: which kind, of which figures, titled how."""

    kind: Literal["growth", "bar", "years"] = "growth"
    section: str = ""
    title_zh: Title = ""
    title_en: Title = ""
    limit: int = Field(10, ge=1, le=50)


OPTIONS: dict[str, type[BaseModel]] = {
    "cover": NoOptions, "lead": NoOptions, "page_break": NoOptions, "sources": NoOptions,
    "glossary": NoOptions, "contents": ContentsOptions, "chapters": ChapterOptions,
    "figure_table": FigureTableOptions, "key_figures": FiguresOptions,
    "year_over_year": FiguresOptions, "highlights": HighlightsOptions, "chart": ChartOptions,
}
"""The options model of each builder."""


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


def options_model(cls: type[Builder]) -> type[BaseModel]:
    """The options a brief file may give the builder ``cls``, declared once: its dataclass
    fields, with their types (a ``tuple[str, ...]`` is given as a list), defaults and any
    ``Annotated[int, Field(ge=1)]`` constraints; unknown options refused, no coercion. A
    builder that needs more sets ``Options`` (a pydantic model) on its class."""
    own = cls.__dict__.get("Options")
    if isinstance(own, type) and issubclass(own, BaseModel):
        return own
    if not dataclasses.is_dataclass(cls):
        raise PluginError(f"builder {cls.__name__} is not a dataclass (a Builder holds its "
                          "options as dataclass fields)")
    hints = get_type_hints(cls, include_extras=True)
    fields: dict[str, Any] = {}
    for item in dataclasses.fields(cls):
        if not item.init:
            continue
        if item.default is not dataclasses.MISSING:
            default: Any = item.default
        elif item.default_factory is not dataclasses.MISSING:
            default = Field(default_factory=item.default_factory)
        else:
            default = ...
        fields[item.name] = (_as_given(hints[item.name]), default)
    model: type[BaseModel] = create_model(f"{cls.__name__}Options", __base__=_Options,
                                          **fields)
    return model


def _as_given(hint: Any) -> Any:
    """A field's type as a brief file gives it: a tuple of any length as a list."""
    if get_origin(hint) is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return list.__class_getitem__(args[0])
    return hint


def register_builder(cls: type[BuilderT]) -> type[BuilderT]:
    """Make the builder class ``cls`` known to brief files by its ``name``, its options
    declared once (``options_model``): a class decorator. PluginError if another builder
    has the name."""
    name = cls.name
    if not isinstance(name, str) or not name or name == Builder.name:
        raise PluginError(f"builder {cls.__name__} needs a name of its own (name = '...')")
    if BUILDERS.get(name, cls) is not cls:
        raise PluginError(f"a builder named {name!r} is registered already "
                          f"({BUILDERS[name].__module__}.{BUILDERS[name].__qualname__})")
    OPTIONS[name] = options_model(cls)
    BUILDERS[name] = cls
    return cls


def builder_named(name: str) -> tuple[type[Builder], type[BaseModel]] | None:
    """The builder a brief file names, with its options: a registered one (shipped, or
    registered with ``register_builder``), one by module path (``mypkg.module:Name``), or
    one an installed package names in the ``ipdocs.builders`` entry-point group; None if
    none is; PluginError if one is named but cannot be used."""
    if name in BUILDERS:
        return BUILDERS[name], OPTIONS[name]
    found = from_module_path(name) if is_module_path(name) \
        else from_entry_point("builders", name)
    if found is None:
        return None
    if not (isinstance(found, type) and issubclass(found, Builder)):
        raise PluginError(f"{name!r} is not a builder class (a subclass of "
                          "ipdocs.sections.Builder)")
    registered = BUILDERS.get(found.name) is found
    return found, OPTIONS[found.name] if registered else options_model(found)


@dataclass(frozen=True)
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
