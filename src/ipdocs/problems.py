"""Problems found in a spec: errors and warnings, each with its place."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

PathElement = str | int
"""One step of a field path: a mapping key or a list index."""


class Severity(StrEnum):
    """How bad a problem is: errors stop a build, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
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
        where = source or "<spec>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = format_path(self.path)
        return f"{where}: {self.severity.value}: {field + ': ' if field else ''}{self.message}"


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


class SpecError(Exception):
    """A spec that cannot be used, with every problem found in it."""

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
