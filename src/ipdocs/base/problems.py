"""Problems found in a spec: errors and warnings, each with its place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from enum import StrEnum
from typing import Any

from ipdocs.base.records import datarecord

PathElement = str | int
"""One step of a field path: a mapping key or a list index."""

Mark = tuple[int, int]
"""A 1-based line and column."""

Marks = Mapping[tuple[str, ...], Mark]
"""Where each value of a file stands, by its field path (every step as a string)."""

MarkTable = dict[tuple[str, ...], Mark]
"""Marks as a reader takes them, one value after another."""


class Severity(StrEnum):
    """How bad a problem is: errors stop a build, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@datarecord(frozen=True)
class Problem:
    """One problem in a spec, located by field path and, once loaded, by line:column."""

    severity: Severity
    path: tuple[PathElement, ...]
    message: str
    line: int | None = None
    column: int | None = None

    @property
    def is_error(self) -> bool:
        """Whether this problem is an error."""
        return self.severity is Severity.ERROR

    def at(self, line: int | None, column: int | None) -> Problem:
        """A copy of this problem placed at ``line``:``column``."""
        return replace(self, line=line, column=column)

    def format(self, source: str | None = None) -> str:
        """One line: ``file:line:col: severity: path: message``."""
        where = shown_name(source) if source else "<spec>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = format_path(self.path)
        return f"{where}: {self.severity.value}: {field + ': ' if field else ''}{self.message}"


def shown_name(name: str) -> str:
    """A file name as a message shows it: control characters (a newline in the name would
    split the message's line) as escapes, the rest as it is."""
    if not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in name):
        return name
    return "".join(repr(c)[1:-1] if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 else c
                   for c in name)


def error(path: Sequence[PathElement], message: str) -> Problem:
    """An error at ``path``."""
    return Problem(Severity.ERROR, tuple(path), message)


def warning(path: Sequence[PathElement], message: str) -> Problem:
    """A warning at ``path``."""
    return Problem(Severity.WARNING, tuple(path), message)


def format_path(path: Sequence[PathElement]) -> str:
    """A readable field path: ``sections[2].paragraphs[0].zh``, ``figures[a.b].value``."""
    out = ""
    for i, step in enumerate(path):
        if isinstance(step, int) or (i > 0 and path[i - 1] in ("figures", "history")):
            out += f"[{step}]"
        else:
            out += ("." if out else "") + step
    return out


def locate(problem: Problem, marks: Marks) -> Problem:
    """Place ``problem`` at the line of its path, or of the nearest enclosing value."""
    if problem.line is not None:
        return problem
    path = tuple(str(step) for step in problem.path)
    while path not in marks and path:
        path = path[:-1]
    mark = marks.get(path)
    return problem.at(*mark) if mark else problem


def _loc_path(loc: Sequence[int | str]) -> tuple[PathElement, ...]:
    """A pydantic error location as a field path, without pydantic's internal tags."""
    return tuple(step for step in loc if not (isinstance(step, str) and "[" in step))


def validation_problems(errors: Iterable[Mapping[str, Any]],
                        prefix: Sequence[PathElement] = ()) -> list[Problem]:
    """One problem per pydantic error (``ValidationError.errors()``), below ``prefix``."""
    problems = []
    for item in errors:
        message = _MESSAGES.get(str(item["type"])) or str(item["msg"]).removeprefix(
            "Value error, ")
        problems.append(error((*prefix, *_loc_path(item["loc"])), message))
    return problems


_MESSAGES = {
    "extra_forbidden": "unknown field (check its spelling)",
    "missing": "missing: a required field",
}
"""pydantic's error types that ipdocs words its own way."""


class SpecError(ValueError):
    """A spec or report that cannot be used, with every problem found in it: one exception
    for every mistake, however the report was made (a YAML or JSON file, Python data, or
    the model's classes called by keyword), pydantic's problems and ipdocs' own alike.

    ``problems`` lists them (each with its field path, and its line and column when it
    comes from a file); ``str()`` of the exception is what ``ipdocs check`` prints, one
    problem a line. A ValueError, as pydantic's own ValidationError is."""

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__(self.report())

    @property
    def errors(self) -> list[Problem]:
        """Only the errors."""
        return [p for p in self.problems if p.is_error]

    def report(self) -> str:
        """Every problem, one per line."""
        return "\n".join(p.format(self.source) for p in self.problems)


class Unfit(Exception):
    """Problems found by a model's own checks while pydantic validates: raised past
    pydantic (which would wrap a ValueError) to the model's public entry points, which
    raise them as a SpecError with pydantic's own problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


def counted(count: int, noun: str, nouns: str | None = None) -> str:
    """A number with its noun in agreement: 1 error, 2 errors, 1 figure, 0 warnings."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
