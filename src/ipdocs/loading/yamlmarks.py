"""Safe JSON reading that keeps exact decimals and the line:column of every value (YAML's
reading is ``ipdocs.base.fastyaml.read_yaml``)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import field
from decimal import Decimal
from typing import Any

from ipdocs.base.fastyaml import MAX_DEPTH, read_yaml
from ipdocs.base.patterns import on_first_use
from ipdocs.base.problems import Mark, Marks, PathElement, Problem, error
from ipdocs.base.records import datarecord

__all__ = ["Mark", "Marks", "read_json", "read_yaml"]

def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing duplicate keys."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


_JSON_TOKEN = on_first_use(r'"(?:[^"\\]|\\.)*"|[\[\]{},:]|[^\s\[\]{},:"]+')
_JSON_INTEGER_DIGITS = 40


@datarecord
class _Frame:
    """An open JSON object or array while its marks are taken."""

    path: tuple[str, ...]
    is_object: bool
    index: int = 0
    key: str | None = None
    expecting_key: bool = True
    keys: dict[str, int] = field(default_factory=dict)


class _JsonMarks:
    """The marks of a JSON text's values, its duplicate keys and whether it nests too
    deep, in one pass over its tokens (no recursion, whatever the depth)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.marks: Marks = {}
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []

    def mark(self, offset: int) -> Mark:
        """The 1-based line and column of ``offset``."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def value_path(self) -> tuple[str, ...]:
        """The path of the value that starts now."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        return (*top.path, top.key or "") if top.is_object else (*top.path, str(top.index))

    def key(self, token: str, offset: int) -> None:
        """A key of the open object: remembered, a duplicate reported."""
        import json  # here: a spec in YAML never imports json

        top = self.stack[-1]
        try:
            top.key = str(json.loads(token))
        except ValueError:
            top.key = token
        if top.key in top.keys:
            self.problems.append(error(_typed((*top.path, top.key)), f"duplicate key "
                                       f"{top.key!r} (first at line {top.keys[top.key]})")
                                 .at(*self.mark(offset)))
        top.keys[top.key] = self.mark(offset)[0]
        top.expecting_key = False

    def token(self, token: str, offset: int) -> Problem | None:
        """Take one token; an error if it opens a collection too deep."""
        top = self.stack[-1] if self.stack else None
        if token in ",:":
            if top is not None and token == ",":
                top.index += 1
                top.expecting_key = top.is_object
            return None
        if token in "]}":
            if self.stack:
                self.stack.pop()
            return None
        if top is not None and top.is_object and top.expecting_key:
            self.key(token, offset)
            return None
        path = self.value_path()
        self.marks[path] = self.mark(offset)
        if token in "[{":
            if len(self.stack) >= MAX_DEPTH + 1:
                return error((), f"nested more than {MAX_DEPTH} deep").at(*self.mark(offset))
            self.stack.append(_Frame(path, token == "{"))
        return None

    def scan(self) -> Problem | None:
        """Take every token; the first depth error, if any."""
        for found in _JSON_TOKEN.finditer(self.text):
            problem = self.token(found.group(0), found.start())
            if problem is not None:
                return problem
        return None


def _typed(path: tuple[str, ...]) -> tuple[PathElement, ...]:
    """A path with list indexes as ints, for display."""
    return tuple(int(step) if step.isdigit() else step for step in path)


def _json_integer(text: str) -> int | str:
    """A JSON integer; one too long to be a number ipdocs prints stays text (the model
    refuses it with its length rather than Python's int parser with an exception)."""
    return int(text) if len(text.lstrip("-")) <= _JSON_INTEGER_DIGITS else text


def _json_constant(text: str) -> str:
    """NaN and Infinity, which JSON does not have but Python's json reads, as text."""
    return text


def read_json(text: str) -> tuple[Any, Marks, list[Problem]]:
    """Parse JSON with exact decimals; the marks come from its own tokens."""
    import json  # here: a spec in YAML never imports json

    scanned = _JsonMarks(text)
    deep = scanned.scan()
    if deep is not None:
        return None, {}, [deep]
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_json_integer,
                          parse_constant=_json_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        return None, {}, [error((), f"malformed JSON: {exc.msg}").at(exc.lineno, exc.colno)]
    except ValueError as exc:
        return None, scanned.marks, scanned.problems or [error((), f"malformed JSON: {exc}")]
    return data, scanned.marks, []
