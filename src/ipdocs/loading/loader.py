"""Load a report spec from YAML or JSON, reporting every problem at once, each located."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import field
from pathlib import Path
from typing import Any

from ipdocs.base.inputs import InputError, read_text
from ipdocs.base.kept import keep, recall
from ipdocs.base.patterns import pydantic_imported
from ipdocs.base.problems import Problem, SpecError, error, locate, validation_problems
from ipdocs.base.records import datarecord
from ipdocs.loading.screen import screen
from ipdocs.loading.yamlmarks import Marks, read_json, read_yaml
from ipdocs.model import Glossary, Report, check_references, report_from_data

with pydantic_imported():  # at less cost, whichever module imports it first (``base.patterns``)
    from pydantic import ValidationError

__all__ = ["Loaded", "glossary_beside", "load_glossary", "load_report", "locate", "read_data",
           "read_spec", "validate_data"]


@datarecord
class Loaded:
    """The outcome of reading a spec: the report if it is valid, and every problem."""

    source: str
    report: Report | None
    problems: list[Problem] = field(default_factory=list)
    marks: Marks = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        """Only the errors."""
        return [p for p in self.problems if p.is_error]

    def locate(self, problems: list[Problem]) -> list[Problem]:
        """``problems`` found later (by the checks), placed in this file."""
        return [locate(p, self.marks) for p in problems]


def _validation_problems(exc: ValidationError) -> list[Problem]:
    """One problem per pydantic error."""
    return validation_problems(exc.errors(include_url=False))


def validate_data(data: Any) -> tuple[Report | None, list[Problem]]:
    """Validate plain spec data: the report, or ``None`` and every problem found."""
    problems: list[Problem] = []
    report = None
    try:
        report = report_from_data(data, check_refs=False)
    except ValidationError as exc:
        problems.extend(_validation_problems(exc))
    except SpecError as exc:
        problems.extend(exc.problems)
    problems.extend(check_references(data))
    return (report if not problems else None), problems


def read_data(path: Path) -> tuple[Any, Marks, list[Problem]]:
    """Read and parse the file at ``path`` by its extension (``.json``, else YAML), every
    text normalised and every text and number screened; problems located."""
    try:
        text = read_text(path)
    except InputError as exc:
        return None, {}, [_unread(exc)]
    return _parsed(path, text)


def _unread(exc: InputError) -> Problem:
    """The problem of a file that cannot be read as text, where reading stopped."""
    return error((), exc.message).at(exc.line, exc.column)


def _parsed(path: Path, text: str) -> tuple[Any, Marks, list[Problem]]:
    """``read_data`` of the text read from ``path``."""
    data, marks, problems = read_json(text) if path.suffix.lower() == ".json" \
        else read_yaml(text)
    if problems and data is None:
        return None, marks, problems
    data, screened = screen(data)
    return data, marks, [*problems, *(locate(p, marks) for p in screened)]


def _distinct(problems: list[Problem]) -> list[Problem]:
    """Problems without repeats (the screen and the model may both refuse a value)."""
    return list(dict.fromkeys(problems))


def read_spec(path: str | Path) -> Loaded:
    """Read the spec at ``path`` and collect every problem; never raises on bad content."""
    path = Path(path)
    source = str(path)
    data, marks, problems = read_data(path)
    if data is None and problems:
        return Loaded(source, None, [locate(p, marks) for p in problems], marks)
    if not isinstance(data, dict):
        return Loaded(source, None, [error((), "a spec is a mapping with region, year, title, "
                                               "sections and figures").at(1, 1)], marks)
    report, found = validate_data(data)
    problems = sorted(_distinct([locate(p, marks) for p in [*problems, *found]]),
                      key=_position)
    return Loaded(source, None if any(p.is_error for p in problems) else report, problems, marks)


def _position(problem: Problem) -> tuple[int, int]:
    """Sort key: problems in the order of the file."""
    return problem.line or 0, problem.column or 0


def glossary_beside(spec: str | Path) -> Glossary | None:
    """The termbase ``glossary.yaml`` in the spec's folder, if there is one (SpecError
    listing its problems if it does not load)."""
    path = Path(spec).parent / "glossary.yaml"
    return load_glossary(path) if path.is_file() else None


def load_report(path: str | Path) -> Report:
    """Load the report spec at ``path`` (YAML or JSON) with the ``glossary.yaml`` beside
    it, as the command line does; raise SpecError listing every problem."""
    loaded = read_spec(path)
    if loaded.report is None:
        raise SpecError(loaded.problems, loaded.source)
    return loaded.report.with_glossary(glossary_beside(path))


GLOSSARIES_KEPT = 8
"""Glossaries remembered by their text (``load_glossary``): ``ipdocs watch`` loads the
one beside its spec again on every change to the spec."""
_GLOSSARIES: OrderedDict[tuple[bool, str], Glossary] = OrderedDict()


def load_glossary(path: str | Path) -> Glossary:
    """Load a termbase (``terms: [{zh, en, note}]``); raise SpecError with located problems.

    A glossary that loads is remembered by its exact text (and whether it is JSON): the
    same text loads to the same terms (a model never changed once made)."""
    path = Path(path)
    try:
        text = read_text(path)
    except InputError as exc:
        raise SpecError([_unread(exc)], str(path)) from None
    key = (path.suffix.lower() == ".json", text)
    kept = recall(_GLOSSARIES, key)
    if kept is not None:
        return kept
    data, marks, problems = _parsed(path, text)
    if not problems:
        try:
            glossary = Glossary.model_validate(data)
        except SpecError as exc:
            problems = exc.problems
        else:
            return keep(_GLOSSARIES, key, glossary, GLOSSARIES_KEPT)
    raise SpecError([locate(p, marks) for p in problems], str(path))
