"""Safe JSON reading that keeps exact decimals and the line:column of every value (YAML's
reading is ``ipdocs.fastyaml.read_yaml``)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from ipdocs.fastyaml import MAX_DEPTH, read_yaml
from ipdocs.problems import Mark, Marks, Problem, error

__all__ = ["Mark", "Marks", "read_json", "read_yaml"]

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
