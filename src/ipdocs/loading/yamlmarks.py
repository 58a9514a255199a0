"""Safe JSON reading that keeps exact decimals and the line:column of every value (YAML's
reading is ``ipdocs.base.fastyaml.read_yaml``)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import field
from decimal import Decimal
from typing import Any

from ipdocs.base.fastyaml import MAX_DEPTH, read_yaml
from ipdocs.base.patterns import on_first_use
from ipdocs.base.problems import Mark, Marks, MarkTable, PathElement, Problem, error
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
        self.marks: MarkTable = {}
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


_JSON_NESTING = on_first_use(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
"""A JSON text's strings and brackets: the tokens of ``_JSON_TOKEN`` that open or close a
collection, and those that could hide a bracket."""


def _nests_too_deep(text: str) -> bool:
    """Whether a collection of ``text`` opens inside more than ``MAX_DEPTH`` + 1 others,
    as ``_JsonMarks.scan`` takes them (a closing bracket with none open is let be): its
    strings and brackets only, so that a spec that does not is read without taking every
    token."""
    depth = 0
    for found in _JSON_NESTING.finditer(text):
        bracket = found.group(0)
        if bracket in "[{":
            if depth >= MAX_DEPTH + 1:
                return True
            depth += 1
        elif bracket in "]}" and depth:
            depth -= 1
    return False


class _MarksTaken(Mapping[tuple[str, ...], Mark]):
    """The marks of a JSON text's values (``_JsonMarks``), taken the first time one is
    looked up: a spec read with no problem to place needs none. In a batch's process the
    pass over every token was half of what reading a JSON spec cost (wave 18)."""

    __slots__ = ("_marks", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._marks: MarkTable | None = None

    def _taken(self) -> MarkTable:
        """The marks, taken now if not yet (two threads may both take them: the same)."""
        marks = self._marks
        if marks is None:
            scanned = _JsonMarks(self._text)
            scanned.scan()
            marks = self._marks = scanned.marks
        return marks

    def __getitem__(self, path: tuple[str, ...]) -> Mark:
        return self._taken()[path]

    def __contains__(self, path: object) -> bool:
        return path in self._taken()

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self._taken())

    def __len__(self) -> int:
        return len(self._taken())

    def __reduce__(self) -> tuple[Any, tuple[MarkTable]]:
        """Pickled as the plain mapping of its marks (a batch sends a spec's marks to the
        process that renders it)."""
        return dict, (self._taken(),)


def read_json(text: str) -> tuple[Any, Marks, list[Problem]]:
    """Parse JSON with exact decimals; the marks come from its own tokens, taken where
    a problem needs them (``_MarksTaken``): a text that nests too deep or that Python's
    reader refuses for a duplicate key is taken token by token at once."""
    import json  # here: a spec in YAML never imports json

    deep = _JsonMarks(text).scan() if _nests_too_deep(text) else None
    if deep is not None:  # (a bracket where a key goes is no collection to the scan)
        return None, {}, [deep]
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_json_integer,
                          parse_constant=_json_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        return None, {}, [error((), f"malformed JSON: {exc.msg}").at(exc.lineno, exc.colno)]
    except ValueError as exc:
        scanned = _JsonMarks(text)
        scanned.scan()
        return None, scanned.marks, scanned.problems or [error((), f"malformed JSON: {exc}")]
    return data, _MarksTaken(text), []
