"""Safe YAML and JSON reading that keeps exact decimals and the line:column of every value."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

import yaml

from ipdocs.fastyaml import FastLoader, parse_either
from ipdocs.problems import PathElement, Problem, error

Mark = tuple[int, int]
"""A 1-based line and column."""

Marks = dict[tuple[str, ...], Mark]
"""Where each value stands, by its field path (every step as a string)."""


def _decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal | float:
    """Read a YAML float as the Decimal it spells (``610.93`` stays 610.93)."""
    text = str(loader.construct_scalar(node)).replace("_", "")  # type: ignore[arg-type]
    try:
        return Decimal(text)
    except InvalidOperation:
        return float(loader.construct_yaml_float(node))  # type: ignore[arg-type]


class _PureLoader(yaml.SafeLoader):
    """PyYAML's safe loader, with floats read as exact Decimals."""


_PureLoader.add_constructor("tag:yaml.org,2002:float", _decimal)

_FastLoader: type[Any] | None = None
"""The same on libyaml's parser, five times faster, where PyYAML was built with it. It
reads valid YAML as the pure loader does; for invalid YAML the pure loader is asked
again, for its fuller message and position (``parse_either``)."""

if FastLoader is not None:
    class _CLoader(yaml.CSafeLoader):
        """libyaml's safe loader, with floats read as exact Decimals."""

    _CLoader.add_constructor("tag:yaml.org,2002:float", _decimal)
    _FastLoader = _CLoader


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
    """A located error from a YAML syntax error."""
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(exc, text)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"malformed YAML: {problem}" + (f" ({context})" if context else "")
    located = error((), message)
    return located.at(mark.line + 1, mark.column + 1) if mark else located


def _compose(text: str, loader_class: type[Any]) -> tuple[Any, yaml.Node | None]:
    """The data and the node tree of a YAML text (YAMLError when it is malformed)."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return (None, None) if node is None else (loader.construct_document(node), node)
    finally:
        loader.dispose()


def read_yaml(text: str) -> tuple[Any, Marks, list[Problem]]:
    """Parse YAML safely: the data, the marks of its values, and any problems."""
    try:
        data, node = parse_either(partial(_compose, text), _FastLoader, _PureLoader)
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


def read_json(text: str) -> tuple[Any, Marks, list[Problem]]:
    """Parse JSON with exact decimals; marks come from reading it as YAML, where that works."""
    try:
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        return None, {}, [error((), f"malformed JSON: {exc.msg}").at(exc.lineno, exc.colno)]
    except ValueError as exc:
        _, marks, problems = read_yaml(text)
        return None, marks, problems or [error((), f"malformed JSON: {exc}")]
    _, marks, _ = read_yaml(text)
    return data, marks, []
