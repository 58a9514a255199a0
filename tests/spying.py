"""A test's spy on a function: what it is called with, noted as it is called through."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


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
