"""Safe YAML and JSON reading that keeps exact decimals and the line:column of every value."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import partial
from typing import Any

import yaml

from ipdocs.fastyaml import MAX_DEPTH, FastLoader, PureLoader, Refused, compose, parse_either
from ipdocs.problems import PathElement, Problem, error

Mark = tuple[int, int]
"""A 1-based line and column."""

Marks = dict[tuple[str, ...], Mark]
"""Where each value stands, by its field path (every step as a string)."""


def _mark(node: yaml.Node) -> Mark:
    """The 1-based line and column where ``node`` starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(node: yaml.Node, path: tuple[str, ...], marks: Marks, problems: list[Problem]) -> None:
    """Record the mark of every value below ``node``; report duplicate keys."""
    marks[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                line, column = _mark(key_node)
                problems.append(error((*_typed(path), key),
                                      f"duplicate key {key!r} (first at line {seen[key][0]})")
                                .at(line, column))
            seen[key] = _mark(key_node)
            _walk(value_node, (*path, key), marks, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, str(index)), marks, problems)


def _typed(path: tuple[str, ...]) -> tuple[PathElement, ...]:
    """A path with list indexes as ints, for display."""
    return tuple(int(step) if step.isdigit() else step for step in path)


def _reader_problem(exc: yaml.reader.ReaderError, text: str) -> Problem:
    """A located error for a character YAML does not allow (a control character)."""
    before = text[:exc.position]
    line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, int) else ord(exc.character)
    return error((), f"malformed YAML: character U+{char:04X} is not allowed "
                     f"({exc.reason})").at(line, column)


def _syntax_problem(exc: yaml.YAMLError, text: str) -> Problem:
    """A located error from YAML that is malformed or refused."""
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(exc, text)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    prefix = "" if isinstance(exc, Refused) else "malformed YAML: "
    message = prefix + problem + (f" ({context})" if context else "")
    located = error((), message)
    return located.at(mark.line + 1, mark.column + 1) if mark else located


def read_yaml(text: str) -> tuple[Any, Marks, list[Problem]]:
    """Parse YAML safely: the data, the marks of its values, and any problems."""
    try:
        data, node = parse_either(partial(compose, text), FastLoader, PureLoader)
    except yaml.YAMLError as exc:
        return None, {}, [_syntax_problem(exc, text)]
    if node is None:
        return None, {}, []
    marks: Marks = {}
    problems: list[Problem] = []
    _walk(node, (), marks, problems)
    return data, marks, problems


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing duplicate keys."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_JSON_INTEGER_DIGITS = 40


def _json_depth_problem(text: str) -> Problem | None:
    """An error where JSON nests more than MAX_DEPTH deep (before json recurses into it)."""
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        char = token.group(0)
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH + 1:
                before = text[:token.start()]
                line = before.count("\n") + 1
                return error((), f"nested more than {MAX_DEPTH} deep").at(
                    line, token.start() - (before.rfind("\n") + 1) + 1)
        elif char in "]}":
            depth -= 1
    return None


def _json_integer(text: str) -> int | str:
    """A JSON integer; one too long to be a number ipdocs prints stays text (the model
    refuses it with its length rather than Python's int parser with an exception)."""
    return int(text) if len(text.lstrip("-")) <= _JSON_INTEGER_DIGITS else text


def _json_constant(text: str) -> str:
    """NaN and Infinity, which JSON does not have but Python's json reads, as text."""
    return text


def read_json(text: str) -> tuple[Any, Marks, list[Problem]]:
    """Parse JSON with exact decimals; marks come from reading it as YAML, where that works."""
    deep = _json_depth_problem(text)
    if deep is not None:
        return None, {}, [deep]
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_json_integer,
                          parse_constant=_json_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        return None, {}, [error((), f"malformed JSON: {exc.msg}").at(exc.lineno, exc.colno)]
    except ValueError as exc:
        _, marks, problems = read_yaml(text)
        return None, marks, problems or [error((), f"malformed JSON: {exc}")]
    _, marks, _ = read_yaml(text)
    return data, marks, []
