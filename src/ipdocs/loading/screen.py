"""Every value of a parsed file screened before the model sees it: texts checked and put in
normalisation form C, numbers within the bounds a report can print; problems by path."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ipdocs.base.inputs import normalise, text_problem, texts_clean
from ipdocs.base.problems import PathElement, Problem, error
from ipdocs.model.bounds import to_number

Path = tuple[PathElement, ...]


def _scalar(value: Any, path: Path, problems: list[Problem]) -> Any:
    """A text normalised, a number checked; a problem appended where either is refused."""
    if isinstance(value, str):
        problem = text_problem(value)
        if problem:
            problems.append(error(path, problem))
            return value
        return normalise(value)
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        try:
            to_number(value)
        except ValueError as exc:
            problems.append(error(path, str(exc)))
    return value


def screen(data: Any, path: Path = ()) -> tuple[Any, list[Problem]]:
    """``data`` with every text (keys too) in normalisation form C, and every problem of
    its texts and numbers, located by field path. ``data`` is nested at most
    ``fastyaml.MAX_DEPTH`` deep (the readers refuse deeper), so recursion is safe."""
    problems: list[Problem] = []
    if _clean(data):
        return data, problems
    return _screen(data, path, problems), problems


def _clean(data: Any) -> bool:
    """Whether ``screen`` would find no problem in ``data`` and change none of it: every
    number within bounds, every text (keys too) printable and in form C, the texts
    checked at once (``texts_clean``)."""
    texts: list[str] = []
    numbers: list[int | Decimal] = []
    _gather(data, texts, numbers)
    try:
        for number in numbers:
            to_number(number)
    except ValueError:
        return False
    return texts_clean(texts)


def _gather(data: Any, texts: list[str], numbers: list[int | Decimal]) -> None:
    """The texts and numbers of ``data``, keys included, as ``_scalar`` sees them. A
    collection's texts, integers and decimals (of those very types: most of a spec's
    values) are taken where they stand, without a call each."""
    if isinstance(data, dict):
        for key in data:
            if type(key) is str:
                texts.append(key)
            else:
                _gather(key, texts, numbers)
        items: Iterable[Any] = data.values()
    elif isinstance(data, list):
        items = data
    else:
        if isinstance(data, str):
            texts.append(data)
        elif isinstance(data, int | Decimal) and not isinstance(data, bool):
            numbers.append(data)
        return
    for item in items:
        kind = type(item)
        if kind is str:
            texts.append(item)
        elif kind is int or kind is Decimal:
            numbers.append(item)
        else:
            _gather(item, texts, numbers)


def _screen(data: Any, path: Path, problems: list[Problem]) -> Any:
    """The recursive part of ``screen``."""
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            here = (*path, key if isinstance(key, str | int) else str(key))
            new_key = _scalar(key, here, problems)
            if new_key in out:
                problems.append(error(here, f"key {new_key!r} is given twice (once in "
                                            "another Unicode form of the same characters)"))
            out[new_key] = _screen(value, here, problems)
        return out
    if isinstance(data, list):
        return [_screen(item, (*path, index), problems) for index, item in enumerate(data)]
    return _scalar(data, path, problems)
