"""A test's spy on a function: what it is called with, noted as it is called through."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

import ipdocs


def _first(*args: Any, **kwargs: Any) -> Any:
    """A call's first argument."""
    return args[0]


def calls(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str,
          noted: Callable[..., Any] = _first) -> list[Any]:
    """What ``owner.name`` is called with from now on (``noted`` of each call's arguments;
    its first by default), each call still made (undone with the test's monkeypatch)."""
    seen: list[Any] = []
    real = getattr(owner, name)

    def spied(*args: Any, **kwargs: Any) -> Any:
        seen.append(noted(*args, **kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, spied)
    return seen


PACKAGE = Path(ipdocs.__file__).resolve().parent
"""ipdocs' own source folder."""


def code_run(action: Callable[[], Any]) -> set[Path]:
    """The files of ipdocs' own source whose functions ``action`` called (a trace of
    every call while it runs)."""
    ran: set[str] = set()

    def note(frame: Any, event: str, _arg: Any) -> None:
        if event == "call":
            ran.add(frame.f_code.co_filename)

    sys.setprofile(note)
    try:
        action()
    finally:
        sys.setprofile(None)
    return {Path(file).resolve() for file in ran if file.endswith(".py")} \
        & set(PACKAGE.rglob("*.py"))


def module_files(names: Iterable[str]) -> set[Path]:
    """The source files of the imported modules ``names``."""
    return {Path(sys.modules[name].__file__ or "").resolve() for name in names}
